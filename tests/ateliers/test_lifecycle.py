"""Lifecycle guards and undo (issue #13.5).

An atelier dated months ahead could be marked held; check-in, a certificate with SKJ points
(and its public "is echt" check) and the evaluation mail followed. Now a step before its time
is refused with the reason, and an organiser can undo a mistaken step: recorded in the page
history, certificates revoked, and no second evaluation mail.
"""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import PageLogEntry

from ateliers import services
from ateliers.models import AtelierPage, AtelierState, Registration

from .conftest import begin, register_guest, starts_in


@pytest.fixture
def future_atelier(make_atelier):
    return make_atelier(days_ahead=90)


def state_of(atelier):
    return AtelierPage.objects.get(pk=atelier.pk).state


def test_an_atelier_months_ahead_cannot_be_marked_held(client, future_atelier, organiser):
    with pytest.raises(services.AtelierError, match="kan pas als het kennisatelier begonnen is"):
        services.transition(future_atelier, AtelierState.HELD)

    client.force_login(organiser)
    response = client.post(
        reverse("ateliers_admin:manage", args=[future_atelier.pk]), {"transition": "held"}, follow=True
    )
    assert "kan pas als het kennisatelier begonnen is" in response.content.decode()
    assert state_of(future_atelier) == AtelierState.REGISTRATION_OPEN
    assert not PageLogEntry.objects.filter(page=future_atelier, action__startswith="ateliers.").exists()


def test_an_atelier_that_started_can_be_marked_held_and_it_shows_in_the_page_history(client, atelier, organiser):
    begin(atelier)
    client.force_login(organiser)
    client.post(reverse("ateliers_admin:manage", args=[atelier.pk]), {"transition": "held"})
    assert state_of(atelier) == AtelierState.HELD

    entry = PageLogEntry.objects.get(page=atelier, action="ateliers.state_change")
    assert entry.user == organiser
    assert entry.data == {"from": "registration_open", "to": "held"}
    history = client.get(reverse("wagtailadmin_pages:history", args=[atelier.pk])).content.decode()
    assert "Status gewijzigd van ‘Aanmelden open’ naar ‘Gehouden’" in history


def test_check_in_opens_two_hours_before_the_start(client, atelier, staff):
    attendee = register_guest(atelier, 1)
    client.force_login(staff)
    scan_url = reverse("ateliers:checkin_scan", args=[services.make_token(attendee, "checkin")])

    response = client.post(scan_url, follow=True)  # 30 days ahead
    assert "Inchecken kan pas vanaf" in response.content.decode()
    attendee.refresh_from_db()
    assert not attendee.attended and not attendee.certificate_code

    starts_in(atelier, datetime.timedelta(hours=3))
    with pytest.raises(services.AtelierError, match="Inchecken kan pas vanaf"):
        services.set_attendance(attendee, True)

    starts_in(atelier, datetime.timedelta(hours=1, minutes=50))
    client.post(scan_url)
    attendee.refresh_from_db()
    assert attendee.attended


def test_attendance_corrections_in_the_admin_before_the_day_are_refused_without_an_error_page(
    client, atelier, organiser
):
    attendee = register_guest(atelier, 1)
    client.force_login(organiser)
    url = reverse("ateliers_admin:manage", args=[atelier.pk])
    response = client.post(url, {"save_attendance": "1", "attended": [str(attendee.pk)]}, follow=True)
    assert response.status_code == 200
    assert "Inchecken kan pas vanaf" in response.content.decode()
    attendee.refresh_from_db()
    assert not attendee.attended


def _held_with_a_certificate(atelier):
    attendee = register_guest(atelier, 1, wants_accreditation=True, register_numbers={"skj": "SKJ110099887"})
    begin(atelier)
    services.set_attendance(attendee, True)
    services.transition(atelier, AtelierState.HELD)
    attendee.refresh_from_db()
    return attendee


def test_undoing_held_revokes_the_certificates_and_is_recorded(client, atelier, organiser):
    attendee = _held_with_a_certificate(atelier)
    old_code = attendee.certificate_code
    certificate_url = reverse("ateliers:certificate", args=[services.make_token(attendee, "manage")])
    assert client.get(certificate_url).status_code == 200
    assert "is echt" in client.get(reverse("ateliers:certificate_check", args=[old_code])).content.decode()

    client.force_login(organiser)
    manage_url = reverse("ateliers_admin:manage", args=[atelier.pk])
    assert "Terugzetten naar ‘Aanmelden open’" in client.get(manage_url).content.decode()
    response = client.post(manage_url, {"undo": "1"}, follow=True)
    assert "1 certificaat ingetrokken" in response.content.decode()
    assert state_of(atelier) == AtelierState.REGISTRATION_OPEN

    check = client.get(reverse("ateliers:certificate_check", args=[old_code]))
    assert check.status_code == 410
    assert "is ingetrokken" in check.content.decode() and "is echt" not in check.content.decode()
    assert client.get(certificate_url).status_code == 404
    entry = PageLogEntry.objects.filter(page=atelier, action="ateliers.state_undo").get()
    assert entry.user == organiser
    assert entry.data == {"from": "held", "to": "registration_open", "revoked_certificates": 1}
    history = client.get(reverse("wagtailadmin_pages:history", args=[atelier.pk])).content.decode()
    assert "Status teruggezet van ‘Gehouden’ naar ‘Aanmelden open’" in history

    # Marked held again (now rightly): a new certificate with a new code; the old one stays revoked.
    services.transition(atelier, AtelierState.HELD, user=organiser)
    attendee.refresh_from_db()
    assert attendee.certificate_code and attendee.certificate_code != old_code
    assert client.get(certificate_url).status_code == 200
    assert (
        "is echt"
        in client.get(reverse("ateliers:certificate_check", args=[attendee.certificate_code])).content.decode()
    )
    assert client.get(reverse("ateliers:certificate_check", args=[old_code])).status_code == 410


def test_undo_goes_back_one_step_and_a_full_atelier_is_full_again(make_atelier):
    atelier = make_atelier(capacity=1)
    register_guest(atelier, 1)
    register_guest(atelier, 2)  # waiting
    begin(atelier)
    services.transition(atelier, AtelierState.HELD)
    services.transition(atelier, AtelierState.EVALUATION_OPEN)
    assert services.undo_transition(atelier).state == AtelierState.HELD
    assert services.undo_transition(atelier).state == AtelierState.FULL
    assert Registration.objects.filter(status=Registration.Status.WAITING).count() == 1


def test_nothing_to_undo_before_the_event(atelier):
    assert services.undo_target(atelier) is None
    with pytest.raises(services.AtelierError, match="niets terug te zetten"):
        services.undo_transition(atelier)


def test_reopening_the_evaluation_mails_nobody_twice(atelier, committed):
    attendee = _held_with_a_certificate(atelier)
    mail.outbox.clear()
    with committed():
        services.transition(atelier, AtelierState.EVALUATION_OPEN)
    assert [m.to for m in mail.outbox] == [[attendee.email]]

    # Opened too early by mistake: undone, then (after re-marking held) opened again.
    services.undo_transition(atelier)
    services.undo_transition(atelier)
    services.transition(atelier, AtelierState.HELD)
    with committed():
        services.transition(atelier, AtelierState.EVALUATION_OPEN)
    assert len(mail.outbox) == 1


def test_undo_is_for_organisers_only(client, atelier, member, staff):
    _held_with_a_certificate(atelier)
    for user in (member, staff):
        client.force_login(user)
        client.post(reverse("ateliers_admin:manage", args=[atelier.pk]), {"undo": "1"})
        assert state_of(atelier) == AtelierState.HELD
