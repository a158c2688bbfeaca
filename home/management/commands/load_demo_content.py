"""Fill an empty database with the demo platform; running it again changes nothing.

Each app that has demo content provides `<app>/demo.py` with an integer `ORDER` and a
function `load(log)`. They run in ORDER, so vocabularies and organisations exist before
the stories, ateliers and tips that refer to them. Every loader must be idempotent.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


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
        for module in demo_modules():
            with transaction.atomic():
                module.load(self.stdout.write)
        self.stdout.write(self.style.SUCCESS("Demo-inhoud geladen."))
