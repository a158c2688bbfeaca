"""Fill an empty database with the demo platform; running it again changes nothing.

First the set-up every deployment gets (`setup_site`: home page, statements, vocabularies,
overview pages, evaluation aspects, synonyms), then only fiction: each app that has demo
content provides `<app>/demo.py` with an integer `ORDER` and a function `load(log)`. They run
in ORDER, so organisations exist before the stories, ateliers and tips that refer to them.
Every loader must be idempotent and must not create what a site without demo needs too.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from home.site_setup import setup_site


def demo_modules():
    modules = []
    for config in apps.get_app_configs():
        name = f"{config.name}.demo"
        if not config.path.startswith(str(apps.get_app_config("home").path).rsplit("/", 1)[0]):
            continue  # only this project's apps, not Wagtail's or Django's
        if find_spec(name) is not None:
            modules.append(import_module(name))
    return sorted(modules, key=lambda module: module.ORDER)


class Command(BaseCommand):
    help = "Laadt de demo-inhoud (idempotent)."

    def handle(self, *args, **options):
        setup_site(self.stdout.write)
        for module in demo_modules():
            with transaction.atomic():
                module.load(self.stdout.write)
        self.stdout.write(self.style.SUCCESS("Demo-inhoud geladen."))
        call_command("demo_accounts", stdout=self.stdout)
