"""Wagtail's stock "Editors" and "Moderators" groups get no right to translate (issue 18).

wagtail-localize's own migration gives both groups its "submit translation" permission. Here
those groups grant nothing and hold nobody (organisations 0003); the right to translate goes to
each organisation's role groups, for their own section only (editorial.services.grant_role).
"""

from django.db import migrations

WAGTAIL_STOCK_GROUPS = ["Editors", "Moderators"]


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    translate = Permission.objects.filter(content_type__app_label="wagtail_localize", codename="submit_translation")
    for group in Group.objects.filter(name__in=WAGTAIL_STOCK_GROUPS):
        group.permissions.remove(*translate)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0003_page_type_workflow_table_removed"),
        ("wagtail_localize", "0006_create_submit_translation_permission"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
