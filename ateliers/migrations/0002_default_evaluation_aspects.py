"""The four aspects every evaluation form of seed 004 asked about; editors can add more."""

from django.db import migrations

ASPECTS = ["Organisatie", "Kwaliteit van de presentaties", "Kwaliteit van de discussie", "Nieuwswaarde"]


def create_aspects(apps, schema_editor):
    EvaluationAspect = apps.get_model("ateliers", "EvaluationAspect")
    for order, name in enumerate(ASPECTS, start=1):
        EvaluationAspect.objects.get_or_create(name=name, defaults={"sort_order": order * 10})


class Migration(migrations.Migration):
    dependencies = [("ateliers", "0001_initial")]

    operations = [migrations.RunPython(create_aspects, migrations.RunPython.noop)]
