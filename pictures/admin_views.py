"""The admin report of pictures that still lack a text alternative (Reports → "Afbeeldingen
zonder tekstalternatief").

Pictures uploaded before the text alternative became required, or through the first step of the
multiple upload and never finished, are shown on the site with `alt=""` and cannot be chosen as a
lead picture (pictures.models.check_usable). Editors find them here, per collection, with how
often each is used, and open the edit form to write one or mark the picture decorative.

Wagtail's own image permission policy decides who sees what, as in its image listing: the report
is for people who may change pictures in at least one collection, and lists only the pictures
they may change (an organisation's editors: their organisation's collection).
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import CollectionFilter, WagtailFilterSet
from wagtail.admin.ui.tables import Column, UsageCountColumn
from wagtail.admin.views.reports import ReportView
from wagtail.images.views.images import ImagePreviewColumn, TitleColumnWithFilename
from wagtail.models import ReferenceIndex
from wagtail.permissions import policy_registry

from core.public_urls import absolute_url
from core.spreadsheet import spreadsheet_safe

from .models import Picture
from .services import missing_alt_text

PREVIEW_SPEC = "max-165x165"  # the thumbnail of Wagtail's own image listing


def edit_url(picture):
    return reverse("wagtailimages:edit", args=[picture.pk])


class MissingAltTextFilterSet(WagtailFilterSet):
    """Filter by collection, offering only the collections whose pictures the user may change."""

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        self.filters["collection"] = CollectionFilter(
            field_name="collection",
            label=_("Collectie"),
            queryset=policy_registry.get_by_type(Picture).collections_user_has_permission_for(request.user, "change"),
        )

    class Meta:
        model = Picture
        fields = []


class EditLinkColumn(Column):
    cell_template_name = "pictures/admin/edit_link_cell.html"


class MissingAltTextReportView(ReportView):
    model = Picture
    permission_required = "change"
    page_title = _("Afbeeldingen zonder tekstalternatief")
    header_icon = "image"
    index_url_name = "pictures_admin:missing_alt_text"
    index_results_url_name = "pictures_admin:missing_alt_text_results"
    filterset_class = MissingAltTextFilterSet
    export_filename = "afbeeldingen-zonder-tekstalternatief"
    list_export = ["title", "collection.name", "usage_count", "created_at", "edit_link"]
    export_headings = {
        "title": _("Titel"),
        "collection.name": _("Collectie"),
        "usage_count": _("Aantal keer gebruikt"),
        "created_at": _("Geüpload op"),
        "edit_link": _("Bewerken"),
    }

    @property
    def columns(self):
        return [
            ImagePreviewColumn("preview", label=_("Voorbeeld"), accessor="image", classname="image-preview"),
            TitleColumnWithFilename("title", label=_("Titel"), get_url=edit_url, width="35%"),
            Column("collection", label=_("Collectie"), accessor="collection.name"),
            UsageCountColumn("usage_count", label=_("Gebruik"), width="16%"),
            EditLinkColumn("edit", label=_("Tekstalternatief"), accessor="pk"),
        ]

    @property
    def no_results_message(self):
        return _("Alle afbeeldingen hebben een tekstalternatief of zijn als decoratief gemarkeerd.")

    def get_queryset(self):
        pictures = self.permission_policy.instances_user_has_permission_for(self.request.user, "change")
        return (
            missing_alt_text(pictures)
            .select_related("collection")
            .prefetch_renditions(PREVIEW_SPEC)
            .order_by("collection__path", "title", "pk")
        )

    def decorate_paginated_queryset(self, object_list):
        """How often each picture is used, from Wagtail's reference index, in one query for the
        page of results (as Wagtail's image listing does)."""
        pictures = list(object_list)
        counts = ReferenceIndex.get_count_references_to_in_bulk(pictures)
        for picture in pictures:
            picture.usage_count = counts.get(picture, 0)
            picture.edit_link = absolute_url(edit_url(picture))
        return pictures

    def preprocess_field_value(self, field, value, export_format):
        """Titles are typed by editors: in CSV, a title such as "=…" must not run as a formula
        (core.spreadsheet; Wagtail already guards its XLSX cells)."""
        value = super().preprocess_field_value(field, value, export_format)
        return spreadsheet_safe(value) if export_format == self.FORMAT_CSV else value
