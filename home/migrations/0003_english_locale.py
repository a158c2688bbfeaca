"""The English locale, so editors can translate pages (issue 18); Dutch stays the default."""

from django.db import migrations


def add_english(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    if Locale.objects.exists() and not Locale.objects.filter(language_code="en").exists():
        Locale.objects.create(language_code="en")


class Migration(migrations.Migration):
    dependencies = [("home", "0002_contentpage_footersettings"), ("wagtailcore", "0054_initial_locale")]

    operations = [migrations.RunPython(add_english, migrations.RunPython.noop)]
