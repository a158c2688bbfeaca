"""Pass seats nobody accepted in time on to the next person on the waiting list.

Run every 5 minutes from cron or a systemd timer (README, docs/deployment.md). Safe to run
twice, and two runs at once: each atelier is handled under its own seat lock and the lapsed
offers are looked up again inside it (`ateliers.services.expire_lapsed_offers`).
"""

from django.core.management.base import BaseCommand

from ateliers.services import expire_lapsed_offers


class Command(BaseCommand):
    help = "Geef vrijgekomen plekken die niet op tijd zijn aangenomen door aan de volgende op de wachtlijst."

    def handle(self, *args, **options):
        lapsed = expire_lapsed_offers()
        self.stdout.write(f"{lapsed} verlopen aanbod/aanbiedingen doorgegeven.")
