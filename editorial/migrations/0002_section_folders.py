"""Stories, methods and publications move into their folder of each organisation's section.

Runs the same idempotent service that onboarding runs (`organisations.sections` through
`editorial.services.onboard_organisation`): every existing section gets its three folders,
each page that sat directly under an organisation page moves into its folder with a permanent
redirect from its old URL, and the onboarded organisations' groups get the folder-level rights
(coordinators publish stories only) and folders their workflows. It uses the current models
on purpose: moving pages needs Wagtail's tree and URL logic, which historical models lack. On
a new database there are no sections yet and it does nothing: it asks the historical model
first, because the current models may have columns that later migrations add (a logo, a lead
image) and that a new database does not have yet. A database with sections must therefore run
it with the code of the release that introduced it (stop 20), before upgrading further; see
docs/deployment.md, "Upgrading".
"""

from django.db import migrations


def move_content_into_folders(apps, schema_editor):
    if not apps.get_model("organisations", "OrganisationPage").objects.exists():
        return
    from editorial.services import assign_folder_workflows, onboard_organisation
    from organisations.models import OrganisationPage
    from organisations.sections import ensure_section_folders

    for section in OrganisationPage.objects.select_related("organisation"):
        folders = ensure_section_folders(section)
        assign_folder_workflows(folders.values())
        if section.organisation.editorial_groups.exists():
            onboard_organisation(section.organisation, platform=False)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("organisations", "0005_section_folders"),
        ("practices", "0001_initial"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(move_content_into_folders, migrations.RunPython.noop)]
