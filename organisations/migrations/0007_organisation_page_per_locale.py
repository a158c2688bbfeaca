"""An organisation has one page per language (issue 18): the Dutch page and its English translation.

`OrganisationPage.organisation` was one-to-one, so wagtail-localize could not make an English
copy of an organisation page (nor, through it, of anything in its section). It becomes a
foreign key, unique per organisation and locale; the locale is copied into the page's own table
(`page_locale`) because a constraint can only name that table's columns. Existing pages keep
their organisation and get their page's locale (all Dutch before this release).
"""

import django.db.models.deletion
from django.db import migrations, models


def copy_page_locales(apps, schema_editor):
    OrganisationPage = apps.get_model("organisations", "OrganisationPage")
    for page in OrganisationPage.objects.only("pk", "locale_id"):
        OrganisationPage.objects.filter(pk=page.pk).update(page_locale_id=page.locale_id)


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0006_organisation_logo_and_lead_image"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [
        migrations.AddField(
            model_name="organisationpage",
            name="page_locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
            ),
        ),
        migrations.RunPython(copy_page_locales, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="organisationpage",
            name="page_locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
            ),
        ),
        migrations.AlterField(
            model_name="organisationpage",
            name="organisation",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="pages",
                to="organisations.organisation",
                verbose_name="organisatie",
            ),
        ),
        migrations.AddConstraint(
            model_name="organisationpage",
            constraint=models.UniqueConstraint(
                fields=("organisation", "page_locale"),
                name="one_organisation_page_per_locale",
                violation_error_message="Deze organisatie heeft al een pagina in deze taal.",
            ),
        ),
    ]
