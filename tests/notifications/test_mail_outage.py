"""Notification mails while the mail server is down: nothing lost, nothing sent twice.

The same set-up as tests/test_account_mail_outage.py: the production (database) queue and a real
SMTP server on loopback that refuses connections until it is started.
"""

import email

import pytest
from django.core.management import call_command
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from notifications import kinds, services
from notifications.models import Delivery, Notification
from tests.ateliers.test_mail_outage import recipients, run_worker

pytestmark = pytest.mark.django_db(transaction=True)

NEW = kinds.NEW_CONTENT.name
QUIET = open("/dev/null", "w")


def notification_tasks(path):
    return list(DBTaskResult.objects.filter(task_path=path))


def test_an_immediate_notification_waits_out_the_outage_and_is_sent_once(member, places, publish_story, smtp, queue):
    story = publish_story(places["zwolle"][1], "Samen tegen verzuim")
    services.set_preferences(member, {NEW: Delivery.IMMEDIATELY})
    notification = services.notify(member, NEW, f"page:{story.pk}", title=story.title)

    run_worker()  # the mail server is down
    (task,) = notification_tasks("notifications.tasks.send_notification_mail")
    assert task.status == TaskResultStatus.FAILED
    assert task.exception_class_path == "builtins.ConnectionRefusedError"
    notification.refresh_from_db()
    assert notification.state == Notification.State.PENDING and smtp.messages == []

    smtp.start()
    call_command("retry_failed_tasks", "--task", "notifications.tasks.send_notification_mail", stdout=QUIET)
    run_worker()
    call_command("send_notification_digests", stdout=QUIET)  # nothing stale yet: queues nothing more
    run_worker()
    assert recipients(smtp) == [member.email]
    notification.refresh_from_db()
    assert notification.state == Notification.State.SENT

    parsed = email.message_from_string(smtp.messages[0][1])
    assert parsed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/meldingen/afmelden/" in parsed["List-Unsubscribe"] and "mailto:" not in parsed["List-Unsubscribe"]


def test_a_digest_waits_out_the_outage_and_running_the_command_twice_sends_it_once(
    member, places, publish_story, smtp, queue
):
    story = publish_story(places["zwolle"][1], "Samen tegen verzuim")
    services.notify(member, NEW, f"page:{story.pk}", title=story.title)

    call_command("send_notification_digests", stdout=QUIET)
    call_command("send_notification_digests", stdout=QUIET)
    run_worker()  # down
    assert smtp.messages == []
    smtp.start()
    call_command("retry_failed_tasks", "--task", "notifications.tasks.send_digest_mail", stdout=QUIET)
    call_command("send_notification_digests", stdout=QUIET)
    run_worker()
    run_worker()
    assert recipients(smtp) == [member.email]
    assert "Samen tegen verzuim" in smtp.messages[0][1]


def test_a_digest_with_several_kinds_is_one_mail_and_the_outage_never_sends_part_of_it_twice(
    places, publish_story, smtp, queue
):
    """Every digest kind of the week in one mail: a failure can leave nothing half sent."""
    from tests.factories import verified_member
    from tips import announcements
    from tips import services as tips_services
    from tips.models import Community, CommunityMember, Round

    community = Community.objects.create(name="Tipgemeenschap Zwolle", host_organisation=places["zwolle"][0])
    professional = verified_member("piet@example.nl", "geheim-wachtwoord-1", first_name="Piet", last_name="Prof")
    facilitator = verified_member("fenna@example.nl", "geheim-wachtwoord-1", first_name="Fenna", last_name="Fac")
    CommunityMember.objects.create(community=community, user=professional, role=CommunityMember.Role.PROFESSIONAL)
    facilitator = CommunityMember.objects.create(
        community=community, user=facilitator, role=CommunityMember.Role.FACILITATOR
    )
    services.set_preferences(professional, {NEW: Delivery.DIGEST, announcements.ROUND_OPENED: Delivery.DIGEST})
    story = publish_story(places["zwolle"][1], "Samen tegen verzuim")
    services.notify(professional, NEW, f"page:{story.pk}", title=story.title)
    round_ = Round.objects.create(community=community, kind=Round.Kind.PRIORITISE, title="Huiswerkronde")
    tips_services.open_round(facilitator, round_)

    call_command("send_notification_digests", stdout=QUIET)
    run_worker()  # down
    assert smtp.messages == []
    smtp.start()
    call_command("retry_failed_tasks", "--task", "notifications.tasks.send_digest_mail", stdout=QUIET)
    call_command("send_notification_digests", stdout=QUIET)
    run_worker()
    call_command("retry_failed_tasks", "--task", "notifications.tasks.send_digest_mail", stdout=QUIET)
    run_worker()
    assert recipients(smtp) == [professional.email]
    parsed = email.message_from_string(smtp.messages[0][1])
    body = parsed.get_payload(decode=True).decode()
    assert "Samen tegen verzuim" in body and "Huiswerkronde" in body
    assert "/meldingen/afmelden/" in parsed["List-Unsubscribe"] and "mailto:" not in parsed["List-Unsubscribe"]
