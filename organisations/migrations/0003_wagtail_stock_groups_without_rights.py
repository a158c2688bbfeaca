"""Wagtail's stock "Editors" and "Moderators" groups lose their rights and their members (issue 14).

Wagtail's own migrations give these two groups page permissions on the root of the page tree
and image/document permissions on the root collection: whoever is in them may open, edit and
copy every organisation's pages and use every organisation's files. On this platform rights
come only from an organisation's role groups (on its own section and collection) and from
"Platformbeheerders"; the stock groups stay (Wagtail's default approval task names
"Moderators") but grant nothing and hold nobody. Someone who was only in a stock group loses
access to the admin until they get an organisation role or become a platform administrator.
"""

import logging

from django.db import migrations

logger = logging.getLogger("organisations.migrations")

WAGTAIL_STOCK_GROUPS = ["Editors", "Moderators"]


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for group in Group.objects.filter(name__in=WAGTAIL_STOCK_GROUPS):
        pages, _by_type = GroupPagePermission.objects.filter(group=group).delete()
        collections, _by_type = GroupCollectionPermission.objects.filter(group=group).delete()
        members = list(group.user_set.values_list("pk", flat=True))
        group.permissions.clear()
        group.user_set.clear()
        logger.info(
            "Stock group %s: %s page and %s collection permissions removed, members %s removed",
            group.name,
            pages,
            collections,
            members,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0002_organisation_collections"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
