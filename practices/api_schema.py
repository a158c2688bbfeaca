"""The OpenAPI description of the open-data endpoints (/api/v2/…), for /api/schema/.

Wagtail's API builds its serializer per request from `?fields=`, so drf-spectacular cannot
introspect it; this AutoSchema (set as `schema` on the endpoint classes, drf-spectacular's own
override point) describes each operation from the endpoint class instead: the fields a client can
ask for, the facet filters of the listing page, paging with its limits, and the JSON error
bodies (`{"message": …}`) the endpoints answer with. Schemathesis fuzzes the API against it
(tests/test_api_schema_fuzz.py), so what is written here is checked against what is answered.
"""

from django.conf import settings
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from wagtail.api.rich_text import APIRichText
from wagtail.search import index

from core.query_params import MAX_VALUE_LENGTH

MAX_OFFSET = 100_000
MAX_ID = 2**63 - 1  # the largest primary key the databases store
ERROR_BODY = {
    "type": "object",
    "required": ["message"],
    "properties": {"message": {"type": "string", "description": "Wat er mis is, in het Nederlands."}},
}
PAGE_ID = {"type": "integer", "minimum": 1}
# Printable text (no control characters) of at most MAX_VALUE_LENGTH characters; anything else is a 400.
TEXT = {"type": "string", "maxLength": MAX_VALUE_LENGTH, "pattern": "^[^\\x00-\\x08\\x0a-\\x1f]*$"}


def field_list_schema(names):
    """`*` alone, or field names, comma-separated, after an optional `_` (Wagtail's `?fields=`, flat)."""
    name = "(" + "|".join(names) + ")"
    return {"type": "string", "pattern": f"^(\\*|_(,{name})*|{name}(,{name})*)$"}


def orderable_fields(view):
    """The fields to sort on, also while searching (the search index must know them as filter fields,
    and PostgreSQL's search backend refuses to order by a relation)."""
    indexed = {field.field_name for field in view.model.get_search_fields() if isinstance(field, index.FilterField)}
    return [
        name
        for name in view.get_available_fields(view.model, db_fields_only=True)
        if name in indexed and not view.model._meta.get_field(name).is_relation  # `locale`: refused on PostgreSQL
    ]


def item_schema(model):
    """One page as the API gives it: `id`, `meta` and the fields asked for (`?fields=`)."""
    return {
        "type": "object",
        "description": "De velden die `fields` vraagt; zonder `fields` de standaardvelden.",
        "properties": {
            "id": PAGE_ID,
            "meta": {
                "type": "object",
                "properties": {
                    "type": {"type": "string", "enum": [model._meta.label]},
                    "detail_url": {"type": "string", "format": "uri", "description": "Begint met PUBLIC_BASE_URL."},
                    "html_url": {
                        "type": "string",
                        "format": "uri",
                        "nullable": True,
                        "description": "De pagina op de site; begint met PUBLIC_BASE_URL.",
                    },
                    "slug": {"type": "string"},
                    "first_published_at": {"type": "string", "format": "date-time", "nullable": True},
                },
            },
            "title": {"type": "string"},
        },
    }


def listing_schema(model):
    return {
        "type": "object",
        "required": ["meta", "items"],
        "properties": {
            "meta": {
                "type": "object",
                "required": ["total_count"],
                "properties": {
                    "total_count": {"type": "integer", "minimum": 0},
                    "locale_note": {
                        "type": "string",
                        "description": "Staat er als er in de gevraagde taal (`locale`) geen pagina's zijn.",
                    },
                },
            },
            "items": {"type": "array", "items": item_schema(model)},
        },
    }


def error(description):
    return OpenApiResponse(ERROR_BODY, description=description)


class KnowledgeBaseSchema(AutoSchema):
    """The listing, detail and find operations of one knowledge-base endpoint (practices.api)."""

    def get_tags(self):
        return ["open data"]

    def get_operation_id(self):
        action = self.view.action.removesuffix("_view")
        return f"{self.view.model._meta.model_name}_{action}"

    def get_description(self):
        model = self.view.model
        fields = ", ".join(self.view.get_available_fields(model))
        return {
            "listing_view": (
                f"{model._meta.verbose_name_plural.capitalize()}, {self.limit_max()} per keer (`limit`, `offset`). "
                f"Velden (`fields`): {fields}."
            ),
            "detail_view": f"Eén {model._meta.verbose_name}. Velden (`fields`): {fields}.",
            "find_view": "Verwijst (302) naar de detail-URL van de pagina met dit `id` of dit pad (`html_path`).",
        }[self.view.action]

    def limit_max(self):
        return self.view.pagination_class.limit_max()

    def get_override_parameters(self):
        view, model = self.view, self.view.model
        detail_fields = view.get_available_fields(model)
        listing_fields = [name for name in detail_fields if name not in view.detail_only_fields]
        fields = OpenApiParameter(
            "fields",
            field_list_schema(detail_fields if view.action == "detail_view" else listing_fields),
            description=(
                "Komma-gescheiden veldnamen, `*` voor alle velden, `_` voor alleen de gevraagde velden "
                "(ook `-veld` werkt, om een standaardveld weg te laten)."
            ),
        )
        rich_text_format = OpenApiParameter(
            "rich_text_format",
            {"type": "string", "enum": sorted(APIRichText._serializers())},
            description="Opmaak van rijke tekst (standaard: de HTML zoals Wagtail die opslaat).",
        )
        if view.action == "detail_view":
            return [fields, rich_text_format]
        if view.action == "find_view":
            return [
                OpenApiParameter("id", {**PAGE_ID, "maximum": MAX_ID}, description="Het id van de pagina."),
                OpenApiParameter("html_path", TEXT, description="Het pad van de pagina op de site."),
            ]
        return [
            fields,
            rich_text_format,
            OpenApiParameter(
                "offset",
                {"type": "integer", "minimum": 0, "maximum": self.max_offset(), "default": 0},
                description="Aantal over te slaan resultaten; meer dan het maximum geeft 400.",
            ),
            OpenApiParameter(
                "limit",
                {"type": "integer", "minimum": 0, "maximum": self.limit_max(), "default": 20},
                description="Resultaten per keer; meer dan het maximum geeft 400.",
            ),
            OpenApiParameter(
                "order",
                {"type": "string", "enum": [f"{sign}{name}" for name in orderable_fields(view) for sign in ("", "-")]},
                description=(
                    "Sorteren op een veld, `-veld` voor aflopend. Zonder `search` kan ook op de andere "
                    "databasevelden, en met `random` (niet samen met `offset`)."
                ),
            ),
            OpenApiParameter("search", TEXT, description="Zoekvraag over de tekst van de pagina's."),
            OpenApiParameter("search_operator", {"type": "string", "enum": ["and", "or"]}),
            OpenApiParameter("locale", {"type": "string", "enum": [code for code, _name in settings.LANGUAGES]}),
            *(
                OpenApiParameter(
                    facet.key,
                    {"type": "array", "items": TEXT},
                    explode=True,
                    description=f"{facet.label} (dezelfde waarden als het filter op de overzichtspagina).",
                )
                for facet in view.facet_list()
            ),
        ]

    def max_offset(self):
        return self.view.pagination_class.max_offset

    def get_response_serializers(self):
        model = self.view.model
        bad_request = error(
            f"Ongeldige parameter: een onbekend veld of filter, een getal buiten het bereik, "
            f"tekens die niet zijn toegestaan of een waarde langer dan {MAX_VALUE_LENGTH} tekens."
        )
        if self.view.action == "listing_view":
            return {200: OpenApiResponse(listing_schema(model)), 400: bad_request}
        if self.view.action == "detail_view":
            return {200: OpenApiResponse(item_schema(model)), 400: bad_request, 404: error("Geen pagina met dit id.")}
        return {
            302: OpenApiResponse(description="Naar de detail-URL (header Location)."),
            400: bad_request,
            404: error("Geen pagina gevonden."),
        }
