"""Migration tips/0005: announcements already sent become sent notifications, so the first
deadline run after the upgrade tells nobody again."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("tips", "0004_join_requests_and_announcements")]
AFTER = [("tips", "0005_announcements_through_notifications")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_sent_announcements_are_kept_as_sent_notifications(community):
    apps = migrate(BEFORE)
    try:
        Announcement = apps.get_model("tips", "Announcement")
        Announcement.objects.create(member_id=community.parent.pk, kind="round_deadline", subject_id=7)
        Announcement.objects.create(member_id=community.facilitator.pk, kind="join_requested", subject_id=3)
    finally:
        apps = migrate(AFTER)
    Notification = apps.get_model("notifications", "Notification")
    copied = set(Notification.objects.values_list("user_id", "kind", "subject_key", "state"))
    assert copied == {
        (community.parent.user.pk, "round_deadline", "tips.Round:7", "sent"),
        (community.facilitator.user.pk, "join_requested", "tips.JoinRequest:3", "sent"),
    }
