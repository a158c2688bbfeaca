"""Send the weekly digests and queue again any notification mail left waiting.

Run it from a scheduler (hourly is fine: see docs/deployment.md). The first run in a calendar
week sends each member their digest of that week; later runs that week only pick up stalled
immediate mails. Safe to run twice and side by side (see services.prepare_digests).
"""

from django.core.management.base import BaseCommand

from notifications import services


class Command(BaseCommand):
    help = "Verstuur de weekoverzichten van meldingen en zet blijven hangen meldingen opnieuw in de wachtrij."

    def handle(self, *args, **options):
        digests = services.prepare_digests()
        stale = services.requeue_stale()
        self.stdout.write(f"{len(digests)} weekoverzicht(en) in de wachtrij, {len(stale)} melding(en) opnieuw.")
