"""More seats, however they are published, go to the waiting list first, in order (issue #12.6).

Raising the capacity through a scheduled publish (`publish_scheduled`) used to promote nobody,
and the next newcomer took the free seat ahead of everyone waiting.
"""

import datetime

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from ateliers.models import AtelierPage, AtelierState, Registration

from .conftest import as_post, edit_form_data, register_guest

Status = Registration.Status


def _full_atelier_with_three_waiting(make_atelier, offer_hours=0):
    """Direct placement by default (offer_hours=0); test_offers.py has the same paths with offers."""
    atelier = make_atelier(capacity=1, offer_hours=offer_hours)
    register_guest(atelier, 1)
    waiting = [register_guest(atelier, n) for n in (2, 3, 4)]
    assert [r.status for r in waiting] == [Status.WAITING] * 3
    mail.outbox.clear()
    return atelier, waiting


def _statuses(registrations):
    return [Registration.objects.get(pk=r.pk).status for r in registrations]


def _as_if_the_hour_has_passed(revision):
    revision.refresh_from_db()
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])


def test_a_scheduled_capacity_increase_promotes_the_first_waiting_and_mails_them(make_atelier, committed):
    atelier, waiting = _full_atelier_with_three_waiting(make_atelier)

    AtelierPage.objects.get(pk=atelier.pk).save_revision().publish()  # live, as made in the admin
    # The editor schedules a revision with three seats for later; publish_scheduled makes it live.
    draft = AtelierPage.objects.get(pk=atelier.pk).get_latest_revision_as_object()
    draft.capacity = 3
    draft.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = draft.save_revision()
    revision.publish()
    assert AtelierPage.objects.get(pk=atelier.pk).capacity == 1  # not live yet
    _as_if_the_hour_has_passed(revision)
    with committed():
        call_command("publish_scheduled")

    assert AtelierPage.objects.get(pk=atelier.pk).capacity == 3
    assert _statuses(waiting) == [Status.CONFIRMED, Status.CONFIRMED, Status.WAITING]
    assert sorted(m.to[0] for m in mail.outbox) == ["gast2@example.nl", "gast3@example.nl"]
    assert all("plek vrijgekomen" in m.subject for m in mail.outbox)

    # A newcomer afterwards joins the back of the line, behind Gast 4.
    newcomer = register_guest(atelier, 5)
    assert newcomer.status == Status.WAITING
    assert _statuses(waiting)[2] == Status.WAITING
    assert AtelierPage.objects.get(pk=atelier.pk).state == AtelierState.FULL


def test_a_newcomer_never_takes_a_seat_ahead_of_people_waiting(make_atelier, committed):
    """Whatever way a seat came free without the list moving (a bulk update, a script), the rule holds."""
    atelier, waiting = _full_atelier_with_three_waiting(make_atelier)
    AtelierPage.objects.filter(pk=atelier.pk).update(capacity=2)

    with committed():
        newcomer = register_guest(atelier, 5)

    assert _statuses(waiting) == [Status.CONFIRMED, Status.WAITING, Status.WAITING]
    assert newcomer.status == Status.WAITING
    assert "gast2@example.nl" in [m.to[0] for m in mail.outbox]


def test_publishing_more_seats_in_the_admin_promotes_the_waiting_list(client, make_atelier, organiser, committed):
    atelier, waiting = _full_atelier_with_three_waiting(make_atelier)
    client.force_login(organiser)
    data = edit_form_data(client, atelier)
    data["capacity"] = "2"
    data["action-publish"] = "action-publish"
    with committed():
        client.post(reverse("wagtailadmin_pages:edit", args=[atelier.pk]), as_post(data))

    assert AtelierPage.objects.get(pk=atelier.pk).capacity == 2
    assert _statuses(waiting) == [Status.CONFIRMED, Status.WAITING, Status.WAITING]
    assert [m.to for m in mail.outbox] == [["gast2@example.nl"]]


def test_publishing_fewer_seats_than_are_taken_marks_the_atelier_full(make_atelier, committed):
    atelier = make_atelier(capacity=3)
    register_guest(atelier, 1)
    register_guest(atelier, 2)
    page = AtelierPage.objects.get(pk=atelier.pk)
    page.capacity = 2
    with committed():
        page.save_revision().publish()
    assert AtelierPage.objects.get(pk=atelier.pk).state == AtelierState.FULL
    assert register_guest(atelier, 3).status == Status.WAITING
