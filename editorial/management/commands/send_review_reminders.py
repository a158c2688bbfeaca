"""Remind reviewers and the owning coordinators when a method's evidence review is getting old.

Run daily from cron/systemd (see docs/operations.md). A method is reminded about at most once
per `--repeat-days`, and not while it is already in a workflow.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from editorial.models import ReviewReminder
from editorial.services import review_reminder_recipients
from practices.evidence import methods_due_for_re_review


class Command(BaseCommand):
    help = "Stuur herinneringen voor methoden waarvan de bewijskrachtbeoordeling ouder is dan N maanden."

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=24, help="maximale leeftijd van de laatste beoordeling")
        parser.add_argument(
            "--repeat-days", type=int, default=30, help="niet vaker herinneren dan eens per zoveel dagen"
        )

    def handle(self, *args, months, repeat_days, **options):
        from editorial.notifications import send_review_reminder_mail

        now = timezone.now()
        sent = 0
        for method in methods_due_for_re_review(months):
            reminder = ReviewReminder.objects.filter(page_id=method.pk).first()
            if reminder and reminder.sent_at > now - timedelta(days=repeat_days):
                continue
            for recipient in review_reminder_recipients(method):
                send_review_reminder_mail.enqueue(page_id=method.pk, recipient_id=recipient.pk, months=months)
                sent += 1
            ReviewReminder.objects.update_or_create(page_id=method.pk, defaults={"sent_at": now})
        self.stdout.write(f"{sent} herinnering(en) verstuurd.")
