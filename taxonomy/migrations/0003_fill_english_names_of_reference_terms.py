"""English labels for the starting vocabularies on sites made before terms had one.

Only a term whose Dutch name is still the starting one and whose English label is empty gets
it (taxonomy.setup.fill_english_names): what editors renamed or translated stays as it is.
"""

from django.db import migrations

from taxonomy.setup import fill_english_names

VOCABULARY_MODELS = ("LifeStage", "Setting", "Domain", "WorkingFactor", "PreventionLevel", "EvidenceScheme", "EvidenceLevel")


def fill(apps, schema_editor):
    fill_english_names(models=[apps.get_model("taxonomy", name) for name in VOCABULARY_MODELS])


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0002_term_english_names")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
