"""Set up a new deployment: run after `migrate`, on every deploy (idempotent).

Creates what every site needs and what the demo never should provide: the home page, the
privacy and accessibility statements, contact and colophon with the footer links, the
vocabularies (life stages, working factors, prevention levels, evidence levels, settings,
domains), /organisaties/, the listings of stories, methods and publications, the ateliers
overview with the evaluation aspects, the tip library and the starting synonyms (see
`home.site_setup`). What already exists is left as the editors made it.
"""

from django.core.management.base import BaseCommand

from home.site_setup import setup_site


class Command(BaseCommand):
    help = (
        "Richt de site in (idempotent): homepagina, verklaringen, vocabulaires, overzichtspagina's, "
        "evaluatie-aspecten en synoniemen. Wat bestaat, blijft zoals redacteuren het maakten."
    )

    def handle(self, *args, **options):
        setup_site(self.stdout.write)
        self.stdout.write(self.style.SUCCESS("Site ingericht."))
