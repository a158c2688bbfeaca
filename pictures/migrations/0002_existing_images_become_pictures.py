"""Images uploaded before the site had its own image model become Pictures, with the same ids.

No page, snippet or block referred to Wagtail's stock image model when the switch came (checked
against every model and migration), so only the rows move: each image keeps its id, file,
collection (and so its organisation's permissions, which Wagtail checks against the stock
model's permissions on the collection), uploader, focal point and tags. Their text alternative
is what the old `description` said; an image without one is not decorative but waits for an
editor (it cannot be chosen for a page until then). Renditions are not copied: they are made
again from the original when first needed. The stock table keeps its rows, untouched.
"""

from django.core.management.color import no_style
from django.db import migrations

FIELDS = (
    "id",
    "title",
    "file",
    "description",
    "width",
    "height",
    "created_at",
    "uploaded_by_user_id",
    "focal_point_x",
    "focal_point_y",
    "focal_point_width",
    "focal_point_height",
    "file_size",
    "file_hash",
    "collection_id",
)


def copy_images(apps, schema_editor):
    Image = apps.get_model("wagtailimages", "Image")
    Picture = apps.get_model("pictures", "Picture")
    ContentType = apps.get_model("contenttypes", "ContentType")
    TaggedItem = apps.get_model("taggit", "TaggedItem")
    existing = set(Picture.objects.values_list("id", flat=True))
    pictures = [
        Picture(**{field: value for field, value in zip(FIELDS, row, strict=True)})
        for row in Image.objects.exclude(id__in=existing).values_list(*FIELDS)
    ]
    if not pictures:
        return
    Picture.objects.bulk_create(pictures)
    old_type = ContentType.objects.filter(app_label="wagtailimages", model="image").first()
    if old_type is not None:
        new_type, _created = ContentType.objects.get_or_create(app_label="pictures", model="picture")
        TaggedItem.objects.filter(content_type=old_type).update(content_type=new_type)
    # Rows were inserted with their own ids: the next upload must not collide with them.
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [Picture]):
            cursor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("pictures", "0001_picture_with_text_alternative"),
        # Images already moved into their organisation's collection (organisations 0002) keep it.
        ("organisations", "0003_wagtail_stock_groups_without_rights"),
        ("wagtailimages", "0027_image_description"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(copy_images, migrations.RunPython.noop)]
