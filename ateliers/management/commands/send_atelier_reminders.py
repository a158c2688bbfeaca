"""Remind participants a few days before their atelier (each atelier's `reminder_days`, default 2).

Run every 15 minutes (or at least hourly) from cron or a systemd timer (README,
docs/deployment.md). Safe to run twice and at the same time: each registration is claimed
once (`ateliers.services.send_reminders`), so nobody gets the reminder twice.
"""

from django.core.management.base import BaseCommand

from ateliers.services import send_reminders


class Command(BaseCommand):
    help = "Stuur deelnemers een herinnering enkele dagen voor hun kennisatelier (één keer per aanmelding)."

    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(f"{sent} herinnering(en) in de wachtrij gezet.")
