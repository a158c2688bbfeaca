"""A reminder mail a set number of days before the atelier, sent once (issue #16).

`manage.py send_atelier_reminders` runs on a timer; whatever the number of runs, each
confirmed participant gets the reminder once, in their own language, through the task queue.
"""

import datetime
import re

from django.core import mail
from django.core.management import call_command
from wagtail.models import ModelLogEntry

from ateliers import services
from ateliers.models import Registration

from .conftest import register_guest, starts_in


def registered_a_while_ago(atelier, n, **extra):
    registration = register_guest(atelier, n, **extra)
    Registration.objects.filter(pk=registration.pk).update(
        queued_at=registration.queued_at - datetime.timedelta(days=10)
    )
    return registration


def test_participants_are_reminded_once_in_the_window_whatever_the_number_of_runs(client, make_atelier, committed):
    atelier = make_atelier(capacity=1)
    seated = registered_a_while_ago(atelier, 1)
    registered_a_while_ago(atelier, 2)  # on the waiting list: no seat to be reminded of
    starts_in(atelier, datetime.timedelta(days=3))
    mail.outbox.clear()

    with committed():
        call_command("send_atelier_reminders")
    assert mail.outbox == []  # three days ahead: outside the two-day window

    starts_in(atelier, datetime.timedelta(days=1, hours=20))
    with committed():
        call_command("send_atelier_reminders")
    with committed():
        call_command("send_atelier_reminders")
    [reminder] = mail.outbox
    assert reminder.to == [seated.email]
    assert reminder.subject == f"Herinnering: binnenkort het kennisatelier: {atelier.title}"
    assert {name for name, _content, _type in reminder.attachments} == {"kennisatelier.ics", "inchecken.png"}
    manage_path = re.sub(r"^https?://[^/]+", "", re.search(r"https?://\S+/aanmelding/\S+", reminder.body).group(0))
    assert client.get(manage_path).status_code == 200
    assert ModelLogEntry.objects.filter(action="ateliers.reminder").count() == 1


def test_the_window_is_per_atelier_and_zero_means_none(make_atelier, committed):
    week = make_atelier(reminder_days=7, title="Een week vooraf")
    none = make_atelier(reminder_days=0, title="Geen herinnering")
    registered_a_while_ago(week, 1)
    registered_a_while_ago(none, 2)
    starts_in(week, datetime.timedelta(days=6))
    starts_in(none, datetime.timedelta(hours=20))
    mail.outbox.clear()
    with committed():
        assert services.send_reminders() == 1
    assert [m.to for m in mail.outbox] == [["gast1@example.nl"]]


def test_someone_who_just_registered_is_not_reminded_straight_after_the_confirmation(make_atelier, committed):
    atelier = make_atelier()
    starts_in(atelier, datetime.timedelta(days=1))
    register_guest(atelier, 1)
    mail.outbox.clear()
    with committed():
        assert services.send_reminders() == 0


def test_the_reminder_follows_the_registrants_language(make_atelier, committed):
    atelier = make_atelier()
    registration = services.confirm_email(
        services.register(atelier, email="anna@example.nl", name="Anna", background="policy", language="en")
    )
    Registration.objects.filter(pk=registration.pk).update(
        queued_at=registration.queued_at - datetime.timedelta(days=5)
    )
    starts_in(atelier, datetime.timedelta(days=1))
    mail.outbox.clear()
    with committed():
        services.send_reminders()
    [reminder] = mail.outbox
    assert reminder.subject.startswith("Reminder")
    assert "/en/" in reminder.body
