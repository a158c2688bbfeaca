"""Announcements become notifications (issue 16): the service's ledger is the one record of what
a member was told. Every announcement already sent is copied as a sent notification first, so
a deadline run after the upgrade does not tell anyone again."""

from django.db import migrations

SUBJECT_MODELS = {
    "round_opened": "tips.Round",
    "round_deadline": "tips.Round",
    "tip_published": "tips.Tip",
    "tip_toptip": "tips.Tip",
    "join_requested": "tips.JoinRequest",
}


def copy_to_notifications(apps, schema_editor):
    Announcement = apps.get_model("tips", "Announcement")
    Notification = apps.get_model("notifications", "Notification")
    for announcement in Announcement.objects.select_related("member").iterator():
        model = SUBJECT_MODELS.get(announcement.kind)
        if model is None:
            continue
        Notification.objects.get_or_create(
            user_id=announcement.member.user_id,
            kind=announcement.kind,
            subject_key=f"{model}:{announcement.subject_id}",
            defaults={"title": "", "state": "sent", "sent_at": announcement.sent_at},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("tips", "0004_join_requests_and_announcements"),
        ("notifications", "0001_follows_saved_searches_and_notifications"),
    ]

    operations = [
        migrations.RunPython(copy_to_notifications, migrations.RunPython.noop),
        migrations.DeleteModel(name="Announcement"),
    ]
