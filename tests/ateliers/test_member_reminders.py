"""A member's atelier reminder goes through the notification service (issue 16): their
preference for the kind "atelier reminder", their language, a one-click unsubscribe, and still
the calendar file, the QR code and a working link to manage the registration. A guest without an
account keeps the direct mail (tests/ateliers/test_reminders.py)."""

import datetime
import re

from django.core import mail

from ateliers import services
from ateliers.models import Registration
from ateliers.tasks import ATELIER_REMINDER
from notifications import services as notification_services
from notifications.models import Delivery, Notification

from .conftest import register_guest, starts_in


def member_registration(atelier, member, language="nl"):
    registration = services.confirm_email(
        services.register(
            atelier, email=member.email, name="Priya Pinas", background="policy", user=member, language=language
        )
    )
    Registration.objects.filter(pk=registration.pk).update(
        queued_at=registration.queued_at - datetime.timedelta(days=5)
    )
    return registration


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def test_a_members_reminder_has_her_language_the_ticket_and_a_one_click_unsubscribe(
    client, make_atelier, member, committed
):
    atelier = make_atelier()
    member_registration(atelier, member, language="en")
    register_guest(atelier, 1)
    Registration.objects.filter(email="gast1@example.nl").update(
        queued_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    )
    starts_in(atelier, datetime.timedelta(days=1))
    mail.outbox.clear()
    with committed():
        assert services.send_reminders() == 2
    with committed():
        assert services.send_reminders() == 0
    to_member = next(m for m in mail.outbox if m.to == [member.email])
    to_guest = next(m for m in mail.outbox if m.to == ["gast1@example.nl"])
    assert len(mail.outbox) == 2

    assert to_member.subject.startswith("Reminder") and "/en/" in to_member.body
    assert {name for name, _content, _type in to_member.attachments} == {"kennisatelier.ics", "inchecken.png"}
    manage = re.search(r"https?://\S+/aanmelding/\S+", to_member.body).group(0)
    assert client.get(path_of(manage)).status_code == 200
    assert Notification.objects.get(user=member, kind=ATELIER_REMINDER).state == Notification.State.SENT
    # The guest has no preferences to unsubscribe from: the direct mail, with its manage link.
    assert "List-Unsubscribe" not in to_guest.extra_headers
    assert client.get(path_of(re.search(r"https?://\S+/aanmelding/\S+", to_guest.body).group(0))).status_code == 200

    unsubscribe = to_member.extra_headers["List-Unsubscribe"].strip("<>")
    assert unsubscribe in to_member.body
    client.logout()
    assert client.post(path_of(unsubscribe)).status_code == 200
    assert notification_services.delivery_for(member, ATELIER_REMINDER) == Delivery.OFF


def test_a_member_who_switched_reminders_off_gets_none_and_a_cancelled_seat_is_not_reminded(
    make_atelier, member, committed
):
    from tests.factories import verified_member

    notification_services.set_preferences(member, {ATELIER_REMINDER: Delivery.OFF})
    atelier = make_atelier()
    member_registration(atelier, member)
    other = verified_member("bram@example.nl", "geheim-wachtwoord-1", first_name="Bram", last_name="Bakker")
    cancelled_later = member_registration(atelier, other)
    starts_in(atelier, datetime.timedelta(days=1))
    mail.outbox.clear()
    with committed():
        services.send_reminders()
    assert [m.to for m in mail.outbox] == [["bram@example.nl"]]
    assert Notification.objects.get(user=member, kind=ATELIER_REMINDER).state == Notification.State.OFF

    # A reminder waiting for the digest is not mailed once the seat was given up.
    Notification.objects.filter(user=other).update(state=Notification.State.DIGEST)
    Registration.objects.filter(pk=cancelled_later.pk).update(status=Registration.Status.CANCELLED)
    mail.outbox.clear()
    notification_services.prepare_digests()
    assert mail.outbox == []
