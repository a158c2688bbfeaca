"""The digest command started twice at the same moment (two timers, a manual run beside cron)."""

import pytest
from django.core import mail

from notifications import kinds, services
from notifications.models import Digest, Notification
from tests.tips.test_concurrency import run_together

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_digest_runs_at_once_send_each_member_one_digest(
    postgres_only, member, other_member, places, publish_story
):
    stories = [publish_story(places["zwolle"][1], f"Verhaal {number}") for number in range(3)]
    for user in (member, other_member):
        for story in stories:
            services.notify(user, kinds.NEW_CONTENT.name, f"page:{story.pk}", title=story.title)

    errors = run_together(*[services.prepare_digests for _ in range(4)])
    assert errors == []
    assert sorted(message.to[0] for message in mail.outbox) == ["bram@example.nl", "priya@example.nl"]
    assert Digest.objects.count() == 2
    assert Notification.objects.filter(state=Notification.State.SENT).count() == 6
    assert all(body.count("Verhaal") == 3 for body in (message.body for message in mail.outbox))


def test_publishing_the_same_page_twice_at_once_notifies_once(postgres_only, member, places, publish_story):
    story = publish_story(places["zwolle"][1], "Verhaal")
    services.set_preferences(member, {kinds.NEW_CONTENT.name: "immediately"})
    services.follow(member, organisation=places["zwolle"][0])
    errors = run_together(*[lambda: services.notify_about_page(story) for _ in range(4)])
    assert errors == []
    assert len(mail.outbox) == 1 and Notification.objects.count() == 1
