"""A call-off is a lifecycle state, "cancelled" (issue #16, risk from #18).

Before, the organiser's call-off only closed registration: the page still said "Aanmelden open",
the Event's JSON-LD said EventScheduled, the reminder went out for an atelier that was not going
to happen, and nothing in the admin could take the call-off back.
"""

import datetime
import json
import re
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import ModelLogEntry, PageLogEntry

from ateliers import links, services
from ateliers.calendar import registration_ics
from ateliers.models import AtelierPage, AtelierState, Registration

from .conftest import register_guest, starts_in

LD_JSON = re.compile(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', re.S)


def call_off(atelier, user=None):
    return services.send_organiser_message(
        atelier, audience="all", kind="called_off", subject="Gaat niet door", body="De sprekers zijn ziek.", user=user
    )


def event_data(client, atelier):
    html = client.get(atelier.url).content.decode()
    [event] = [data for data in map(json.loads, LD_JSON.findall(html)) if data.get("@type") == "Event"]
    return html, event


def test_a_called_off_atelier_is_cancelled_on_its_page_and_in_its_event_data(client, make_atelier, organiser):
    atelier = make_atelier()
    register_guest(atelier, 1)
    html, event = event_data(client, atelier)
    assert event["eventStatus"] == "https://schema.org/EventScheduled"

    call_off(atelier, organiser)
    atelier = AtelierPage.objects.get(pk=atelier.pk)
    assert atelier.state == AtelierState.CANCELLED and atelier.called_off_at
    assert not atelier.accepts_registrations
    html, event = event_data(client, atelier)
    assert event["eventStatus"] == "https://schema.org/EventCancelled"
    assert event["offers"]["availability"] == "https://schema.org/SoldOut"
    assert 'atelier-state--cancelled">Gaat niet door<' in html
    assert "Dit kennisatelier gaat niet door." in html
    entry = PageLogEntry.objects.filter(page_id=atelier.pk, action="ateliers.state_change").latest("timestamp")
    assert entry.data["to"] == "cancelled" and entry.data["from"] == "registration_open"
    assert entry.user == organiser
    # Calendar subscribers still see the event, as cancelled, so their calendars drop it.
    assert "STATUS:CANCELLED" in client.get(reverse("ateliers:feed")).content.decode()


def test_a_called_off_atelier_sends_no_reminder(make_atelier, committed):
    atelier = make_atelier()
    registration = register_guest(atelier, 1)
    Registration.objects.filter(pk=registration.pk).update(
        queued_at=registration.queued_at - datetime.timedelta(days=10)
    )
    starts_in(atelier, datetime.timedelta(days=1))
    call_off(atelier)
    mail.outbox.clear()
    with committed():
        call_command("send_atelier_reminders", stdout=StringIO())
    assert mail.outbox == []


def test_the_organiser_takes_a_call_off_back_and_registration_opens_again(client, make_atelier, organiser):
    atelier = make_atelier(capacity=1)
    seated = register_guest(atelier, 1)
    call_off(atelier, organiser)
    cancelled = AtelierPage.objects.get(pk=atelier.pk)
    client.force_login(organiser)
    manage_url = reverse("ateliers_admin:manage", args=[atelier.pk])
    assert "Terugzetten naar ‘Vol (wachtlijst)’" in client.get(manage_url).content.decode()

    response = client.post(manage_url, {"undo": "1"}, follow=True)
    assert "stuur de deelnemers een ‘Wijziging’" in response.content.decode()
    atelier = AtelierPage.objects.get(pk=atelier.pk)
    assert atelier.state == AtelierState.FULL and atelier.called_off_at is None
    # The next calendar file replaces the cancelled event: a higher SEQUENCE, METHOD:PUBLISH.
    assert atelier.calendar_sequence == cancelled.calendar_sequence + 1
    ics = registration_ics(Registration.objects.get(pk=seated.pk)).decode()
    assert "METHOD:PUBLISH" in ics and f"SEQUENCE:{atelier.calendar_sequence}" in ics
    entry = PageLogEntry.objects.filter(page_id=atelier.pk, action="ateliers.state_undo").latest("timestamp")
    assert entry.data["from"] == "cancelled" and entry.data["to"] == "full"


def test_a_call_off_of_an_atelier_that_has_begun_cannot_be_taken_back(make_atelier):
    atelier = make_atelier()
    call_off(atelier)
    starts_in(atelier, datetime.timedelta(hours=-1))
    assert services.undo_target(AtelierPage.objects.get(pk=atelier.pk)) is None


def test_nobody_on_the_waiting_list_is_offered_a_seat_of_a_called_off_atelier(make_atelier, committed):
    atelier = make_atelier(capacity=1)
    seated, waiting = register_guest(atelier, 1), register_guest(atelier, 2)
    assert waiting.status == Registration.Status.WAITING
    call_off(atelier)
    mail.outbox.clear()
    with committed():
        services.cancel(Registration.objects.get(pk=seated.pk))  # the freed seat of an atelier that is not held
        services.capacity_changed(AtelierPage.objects.get(pk=atelier.pk))
    assert Registration.objects.get(pk=waiting.pk).status == Registration.Status.WAITING
    assert [message.to for message in mail.outbox] == [["gast1@example.nl"]]  # her cancellation only
    assert AtelierPage.objects.get(pk=atelier.pk).state == AtelierState.CANCELLED


def test_an_offer_still_open_at_the_call_off_can_no_longer_be_accepted(client, make_atelier, committed):
    atelier = make_atelier(capacity=1)
    seated, waiting = register_guest(atelier, 1), register_guest(atelier, 2)
    with committed():
        services.cancel(Registration.objects.get(pk=seated.pk))
    offered = Registration.objects.get(pk=waiting.pk)
    assert offered.status == Registration.Status.OFFERED
    call_off(atelier)

    with committed():
        response = client.post(
            reverse("ateliers:accept_offer", args=[links.make_token(offered, "manage")]), follow=True
        )

    assert Registration.objects.get(pk=offered.pk).status == Registration.Status.OFFERED
    assert "gaat niet door" in response.content.decode()
    assert not ModelLogEntry.objects.filter(action="ateliers.accept_offer").exists()


def test_the_registration_page_of_a_called_off_atelier_offers_no_check_in_change_or_cancel(client, make_atelier):
    atelier = make_atelier()
    registration = register_guest(atelier, 1)
    call_off(atelier)

    token = links.make_token(registration, "manage")
    html = client.get(reverse("ateliers:manage", args=[token])).content.decode()

    assert "Dit kennisatelier gaat niet door." in html
    assert "QR-code om in te checken" not in html
    assert reverse("ateliers:change", args=[token]) not in html
    assert reverse("ateliers:cancel", args=[token]) not in html
    assert client.get(reverse("ateliers:change", args=[token])).status_code == 302


def test_taking_back_the_call_off_of_an_announced_atelier_leaves_registration_closed(make_atelier, organiser):
    atelier = make_atelier(state=AtelierState.ANNOUNCED)
    call_off(atelier, organiser)

    services.undo_transition(AtelierPage.objects.get(pk=atelier.pk), user=organiser)

    atelier = AtelierPage.objects.get(pk=atelier.pk)
    assert atelier.state == AtelierState.ANNOUNCED and atelier.called_off_at is None
    assert not atelier.accepts_registrations
