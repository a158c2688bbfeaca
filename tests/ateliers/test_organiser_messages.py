"""Organisers write to the participants from the admin; a change or call-off updates their calendars.

The .ics UID stays the same; a change raises SEQUENCE, a call-off sends METHOD:CANCEL with
STATUS:CANCELLED, so calendars update or remove the event they already hold.
"""

from django.core import mail
from django.urls import reverse
from icalendar import Calendar
from wagtail.models import PageLogEntry

from ateliers.calendar import registration_ics
from ateliers.models import AtelierPage, OrganiserMessage, Registration

from .conftest import register_guest


def the_event(ics):
    calendar = Calendar.from_ical(ics)
    [event] = calendar.walk("VEVENT")
    return calendar, event


def full_atelier(make_atelier):
    atelier = make_atelier(capacity=2)
    seated = [register_guest(atelier, 1), register_guest(atelier, 2)]
    waiting = register_guest(atelier, 3)
    mail.outbox.clear()
    return atelier, seated, waiting


def send(client, atelier, **data):
    return client.post(reverse("ateliers_admin:message", args=[atelier.pk]), data, follow=True)


def test_a_venue_change_reaches_the_chosen_group_with_an_updated_calendar_file(
    client, make_atelier, organiser, committed
):
    atelier, seated, waiting = full_atelier(make_atelier)
    before = the_event(registration_ics(seated[0]))[1]
    client.force_login(organiser)
    assert "Bericht aan deelnemers" in client.get(reverse("ateliers_admin:manage", args=[atelier.pk])).content.decode()

    with committed():
        response = send(
            client,
            atelier,
            audience="registered",
            kind="changed",
            subject="Nieuwe locatie",
            body="We zitten in zaal 3 van het Timmerhuis.",
        )
    assert "Bericht verstuurd aan 2 deelnemers" in response.content.decode()
    assert sorted(m.to[0] for m in mail.outbox) == ["gast1@example.nl", "gast2@example.nl"]  # not the waiting list
    message = mail.outbox[0]
    assert message.subject == f"Nieuwe locatie: {atelier.title}"
    assert "zaal 3" in message.body and "/aanmelding/" in message.body
    [(name, ics, content_type)] = message.attachments
    calendar, event = the_event(ics)
    assert content_type == "text/calendar; method=PUBLISH"
    assert str(event["uid"]) == str(before["uid"])  # the same event ...
    assert int(event["sequence"]) == int(before["sequence"]) + 1  # ... in a newer version
    assert calendar.walk("VTIMEZONE")

    entry = PageLogEntry.objects.get(action="ateliers.organiser_message", page_id=atelier.pk)
    assert entry.data["recipients"] == 2 and entry.data["kind"] == "changed"
    assert OrganiserMessage.objects.get().sent_by == organiser


def test_calling_off_sends_a_cancel_to_everyone_and_closes_registration(client, make_atelier, organiser, committed):
    atelier, seated, waiting = full_atelier(make_atelier)
    client.force_login(organiser)
    with committed():
        send(
            client,
            atelier,
            audience="all",
            kind="called_off",
            subject="Gaat niet door",
            body="Door ziekte van de sprekers gaat het kennisatelier niet door.",
        )
    assert sorted(m.to[0] for m in mail.outbox) == ["gast1@example.nl", "gast2@example.nl", "gast3@example.nl"]
    seat_mail = next(m for m in mail.outbox if m.to == ["gast1@example.nl"])
    [(_name, ics, content_type)] = seat_mail.attachments
    calendar, event = the_event(ics)
    assert content_type == "text/calendar; method=CANCEL"
    assert str(calendar["method"]) == "CANCEL" and str(event["status"]) == "CANCELLED"
    assert int(event["sequence"]) == 1
    assert not next(m for m in mail.outbox if m.to == ["gast3@example.nl"]).attachments  # never had the event

    atelier = AtelierPage.objects.get(pk=atelier.pk)
    assert atelier.called_off_at and not atelier.accepts_registrations
    assert "gaat niet door" in client.get(atelier.url).content.decode()
    feed = client.get(reverse("ateliers:feed")).content.decode()
    assert "STATUS:CANCELLED" in feed

    mail.outbox.clear()
    response = send(client, atelier, audience="all", kind="called_off", subject="Nogmaals", body="Echt niet.")
    assert "al afgelast" in response.content.decode()
    assert mail.outbox == []


def test_the_attended_group_and_plain_messages_carry_no_calendar(client, make_atelier, organiser, committed):
    atelier, seated, _waiting = full_atelier(make_atelier)
    Registration.objects.filter(pk=seated[1].pk).update(attended=True)
    client.force_login(organiser)
    with committed():
        send(client, atelier, audience="attended", kind="message", subject="Dia's", body="De dia's staan online.")
    [message] = mail.outbox
    assert message.to == ["gast2@example.nl"] and not message.attachments
    assert AtelierPage.objects.get(pk=atelier.pk).calendar_sequence == 0


def test_bad_input_is_answered_in_dutch_and_sends_nothing(client, atelier, organiser):
    client.force_login(organiser)
    response = send(client, atelier, audience="iedereen", kind="changed", subject="", body="Tekst")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Dit is een verplicht veld" in page and "Selecteer een geldige keuze" in page
    assert "Tekst</textarea>" in page  # nothing lost
    assert not OrganiserMessage.objects.exists() and mail.outbox == []


def test_only_the_ateliers_organisers_may_write(client, atelier, member, staff):
    url = reverse("ateliers_admin:message", args=[atelier.pk])
    for user in (member, staff):  # door staff check people in, but do not mail them
        client.force_login(user)
        response = client.post(url, {"audience": "all", "kind": "message", "subject": "Spam", "body": "Spam"})
        assert response.status_code in (302, 403)
    assert not OrganiserMessage.objects.exists()


def test_publishing_a_new_time_or_place_raises_the_sequence_and_nothing_else_does(make_atelier, member):
    from ateliers import services

    atelier = make_atelier()
    registration = services.register(atelier, email=member.email, name="Priya", background="policy", user=member)
    AtelierPage.objects.get(pk=atelier.pk).save_revision().publish()  # first publish: the starting point
    assert int(the_event(registration_ics(Registration.objects.get(pk=registration.pk)))[1]["sequence"]) == 0

    page = AtelierPage.objects.get(pk=atelier.pk)
    page.summary = "Een andere samenvatting."  # not shown as time or place: same version
    page.save_revision().publish()
    assert AtelierPage.objects.get(pk=atelier.pk).calendar_sequence == 0

    page = AtelierPage.objects.get(pk=atelier.pk)
    page.venue = "Stadhuis, zaal 2"
    page.save_revision().publish()
    event = the_event(registration_ics(Registration.objects.get(pk=registration.pk)))[1]
    assert int(event["sequence"]) == 1
    assert str(event["uid"]) == f"atelier-{atelier.pk}@samenpreventief.nl"
    assert "Stadhuis" in str(event["location"])
    assert PageLogEntry.objects.filter(action="ateliers.calendar_changed", page_id=atelier.pk).count() == 1
