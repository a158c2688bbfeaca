"""Every organisation gets its own collection, and files already uploaded move into their owner's
collection (issue 12, finding 4).

Onboarding (`editorial.services.ensure_collection`) creates the collection for organisations
set up from now on; this migration does the same for organisations that already exist, with
historical models (so it keeps working when the models change later): the collection is a
child of the root collection named after the organisation, recorded in `OrganisationWorkspace`.

Files in the root collection move to an organisation's collection when the pages that use
them all live in that organisation's section, or, for files no page uses, when their uploader
works for exactly one organisation. Anything else stays in the root collection, which only
platform administrators see. The editor and reviewer groups get "change" on their own
collection, as onboarding now grants.
"""

import logging

from django.db import migrations

logger = logging.getLogger("organisations.migrations")

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # django-treebeard's materialised path, 4 per level
STEP = 4
MEDIA = [("wagtaildocs", "document"), ("wagtailimages", "image")]
ROLES_THAT_CHANGE_FILES = ["editor", "reviewer", "coordinator"]


def _step(number):
    digits = ""
    for _ in range(STEP):
        number, remainder = divmod(number, len(ALPHABET))
        digits = ALPHABET[remainder] + digits
    return digits


def _add_child_collection(Collection, root, name):
    last = Collection.objects.filter(path__startswith=root.path, depth=root.depth + 1).order_by("-path").first()
    number = int(last.path[-STEP:], len(ALPHABET)) + 1 if last else 1
    collection = Collection.objects.create(name=name, path=root.path + _step(number), depth=root.depth + 1, numchild=0)
    Collection.objects.filter(pk=root.pk).update(numchild=Collection.objects.filter(
        path__startswith=root.path, depth=root.depth + 1
    ).count())
    return collection


def ensure_collections(apps):
    Collection = apps.get_model("wagtailcore", "Collection")
    Organisation = apps.get_model("organisations", "Organisation")
    OrganisationWorkspace = apps.get_model("editorial", "OrganisationWorkspace")
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return {}
    for organisation in Organisation.objects.filter(workspace__isnull=True).order_by("name"):
        collection = _add_child_collection(Collection, root, organisation.name)
        OrganisationWorkspace.objects.create(organisation=organisation, collection=collection)
        logger.info("Collection %s created for organisation %s", collection.pk, organisation.pk)
    return {
        workspace.organisation_id: workspace.collection_id for workspace in OrganisationWorkspace.objects.all()
    }


def grant_change_on_own_collection(apps):
    Permission = apps.get_model("auth", "Permission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    OrganisationGroup = apps.get_model("editorial", "OrganisationGroup")
    permissions = list(
        Permission.objects.filter(
            content_type__app_label__in=[app for app, _model in MEDIA],
            codename__in=[f"change_{model}" for _app, model in MEDIA],
        )
    )
    for link in OrganisationGroup.objects.filter(role__in=ROLES_THAT_CHANGE_FILES).select_related(
        "organisation__workspace"
    ):
        for permission in permissions:
            GroupCollectionPermission.objects.get_or_create(
                group_id=link.group_id, collection_id=link.organisation.workspace.collection_id, permission=permission
            )


def _sections(apps):
    """(path prefix, organisation id) of every organisation page."""
    OrganisationPage = apps.get_model("organisations", "OrganisationPage")
    Page = apps.get_model("wagtailcore", "Page")
    page_paths = dict(Page.objects.filter(pk__in=OrganisationPage.objects.values("pk")).values_list("pk", "path"))
    return [(page_paths[pk], organisation_id) for pk, organisation_id in OrganisationPage.objects.values_list("pk", "organisation_id")]


def _owner_by_pages(apps, content_type, obj, sections):
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    page_type = ContentType.objects.filter(app_label="wagtailcore", model="page").first()
    page_ids = ReferenceIndex.objects.filter(
        to_content_type=content_type, to_object_id=str(obj.pk), base_content_type=page_type
    ).values_list("object_id", flat=True)
    owners = set()
    for path in Page.objects.filter(pk__in=[int(page_id) for page_id in page_ids]).values_list("path", flat=True):
        owners.add(next((organisation for prefix, organisation in sections if path.startswith(prefix)), None))
    return owners


def _owner_by_uploader(apps, obj):
    if obj.uploaded_by_user_id is None:
        return set()
    OrganisationGroup = apps.get_model("editorial", "OrganisationGroup")
    return set(
        OrganisationGroup.objects.filter(group__user__id=obj.uploaded_by_user_id).values_list(
            "organisation_id", flat=True
        )
    )


def move_media_to_owner_collections(apps):
    Collection = apps.get_model("wagtailcore", "Collection")
    ContentType = apps.get_model("contenttypes", "ContentType")
    root = Collection.objects.filter(depth=1).first()
    collections = ensure_collections(apps)
    if root is None:
        return
    sections = _sections(apps)
    for app_label, model_name in MEDIA:
        model = apps.get_model(app_label, model_name)
        content_type = ContentType.objects.filter(app_label=app_label, model=model_name).first()
        if content_type is None:
            continue
        for obj in model.objects.filter(collection=root):
            owners = _owner_by_pages(apps, content_type, obj, sections) or _owner_by_uploader(apps, obj)
            if len(owners) == 1 and None not in owners and next(iter(owners)) in collections:
                owner = next(iter(owners))
                model.objects.filter(pk=obj.pk).update(collection_id=collections[owner])
                logger.info("%s %s moved to the collection of organisation %s", model_name, obj.pk, owner)


def forwards(apps, schema_editor):
    ensure_collections(apps)
    grant_change_on_own_collection(apps)
    move_media_to_owner_collections(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0001_initial"),
        ("editorial", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
