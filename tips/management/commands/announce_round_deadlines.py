"""Tell members that a round's deadline is near. Run it from the scheduler (daily, or hourly).

Safe to run twice, or in two places at once: each member's reminder for a round is recorded
(one `notifications.Notification` per member and round) and never sent again (see `tips.announcements`).
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from tips import announcements

DEFAULT_DAYS = 2


class Command(BaseCommand):
    help = "Herinner deelnemers aan rondes waarvan de deadline binnen N dagen valt (veilig om vaker te draaien)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=DEFAULT_DAYS, help=f"Dagen voor de deadline (standaard {DEFAULT_DAYS})."
        )

    def handle(self, *args, days, **options):
        rounds = list(announcements.rounds_with_deadline_within(days))
        for round_ in rounds:
            with transaction.atomic():
                announcements.round_deadline_near(round_)
        self.stdout.write(f"{len(rounds)} ronde(s) met een deadline binnen {days} dag(en) bekeken.")
