from django.core.management.base import BaseCommand, CommandError

from editorial.services import ensure_workflows, onboard_organisation
from organisations.models import Organisation


class Command(BaseCommand):
    help = "Richt een organisatie in voor de redactie: groepen, eigen pagina's, collectie en rechten (herhaalbaar)."

    def add_arguments(self, parser):
        parser.add_argument("slug", nargs="?", help="slug van de organisatie")
        parser.add_argument("--all", action="store_true", help="alle organisaties inrichten")

    def handle(self, *args, slug=None, all=False, **options):
        if all == bool(slug):
            raise CommandError("Geef één slug of --all.")
        if all:
            organisations = Organisation.objects.all()
        else:
            organisations = Organisation.objects.filter(slug=slug)
            if not organisations.exists():
                raise CommandError(f"Geen organisatie met slug '{slug}'.")
        ensure_workflows()
        for organisation in organisations:
            try:
                result = onboard_organisation(organisation, platform=False)
            except ValueError as error:
                raise CommandError(str(error)) from error
            groups = ", ".join(group.name for group in result.groups.values())
            self.stdout.write(f"{organisation.name}: {groups}; collectie '{result.collection.name}'.")
