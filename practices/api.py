"""Open data: a read-only JSON API (Wagtail API v2) for practice stories and methods.

    /api/v2/stories/?life_stage=12-18&province=zuid-holland&fields=*
    /api/v2/methods/?evidence_level=goed-onderbouwd

The facet filters are the same as on the listing pages (same querystring keys, see
faceted_listing.py), so a filtered listing URL can be turned into an API call by swapping the path.

Bad input (control characters such as NUL, over-long values, numbers out of range, an
unknown `locale`) gets a JSON 400 with a Dutch message; what does not exist a JSON 404.
`?locale=en`: the pages are written in Dutch and there is no English page tree (the English
site shows the same pages under /en/), so the API answers with the Dutch pages and says so
in `meta.locale_note`; `html_url` is then each page's English address (a translated page's
English slug). Links (`detail_url`, `html_url`) start with PUBLIC_BASE_URL.
"""

import re
from types import SimpleNamespace

from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404
from django.urls import NoReverseMatch
from django.utils import translation
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.fields import SkipField
from rest_framework.filters import BaseFilterBackend
from rest_framework.response import Response
from wagtail.api.v2.filters import LocaleFilter, SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.serializers import (
    DetailUrlField,
    PageHtmlUrlField,
    PageParentField,
    PageSerializer,
    get_serializer_class,
)
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from core.languages import canonical_pages, unknown_language_message
from core.public_urls import absolute_url, page_absolute_url
from core.query_params import MAX_VALUE_LENGTH, is_printable

from .api_schema import MAX_ID, MAX_OFFSET, KnowledgeBaseSchema
from .models import (
    MethodEvidenceRecord,
    MethodPage,
    PracticeStoryPage,
    PublicationPage,
    method_facet_list,
    method_facets,
    publication_facet_list,
    publication_facets,
    story_facet_list,
    story_facets,
)

ID_PARAMETERS = ("child_of", "descendant_of", "ancestor_of", "translation_of", "id")


def bad_request(message, **values):
    return BadRequestError(message % values)


def bounded_integer(request, name, default, highest):
    """The integer in ?name=, 0…highest, or a 400 that says which values are allowed."""
    value = request.GET.get(name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        number = -1
    if not 0 <= number <= highest:
        raise bad_request(
            _("%(name)s moet een geheel getal van 0 tot en met %(highest)s zijn."), name=name, highest=highest
        )
    return number


def check_query_values(request):
    """Every name and value printable and not over-long; ids in the databases' range."""
    for name, values in request.GET.lists():
        for text in (name, *values):
            if not is_printable(text):
                raise bad_request(_("De parameter %(name)r bevat ongeldige tekens."), name=name)
            if len(text) > MAX_VALUE_LENGTH:
                raise bad_request(
                    _("De parameter %(name)r is te lang (hoogstens %(length)s tekens)."),
                    name=name[:40],
                    length=MAX_VALUE_LENGTH,
                )
    for name in ID_PARAMETERS:
        value = request.GET.get(name, "")
        if value.lstrip("-").isdigit() and not 0 < int(value) <= MAX_ID:
            raise bad_request(_("%(name)s moet het nummer van een bestaande pagina zijn."), name=name)


class BoundedPagination(WagtailPagination):
    """Wagtail's offset/limit paging, with an upper bound on the offset (2**63 overflowed the database)."""

    max_offset = MAX_OFFSET

    @staticmethod
    def limit_max():
        return getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20) or MAX_OFFSET

    def paginate_queryset(self, queryset, request, view=None):
        bounded_integer(request, "offset", 0, self.max_offset)
        bounded_integer(request, "limit", 20, self.limit_max())
        return super().paginate_queryset(queryset, request, view)


class AvailableLocaleFilter(LocaleFilter):
    """?locale= with a language of the site; always the Dutch pages, with a note for English.

    Wagtail's own filter answers 404 for a language without a Locale record, which made the
    whole endpoint look missing for ?locale=en; and it would list English translations as items
    of their own, where the API has one item per content item (docs/architecture.md).
    """

    def filter_queryset(self, request, queryset, view):
        code = request.GET.get("locale")
        if code is None:
            return queryset
        if message := unknown_language_message(code):
            raise BadRequestError(message)
        if code == settings.LANGUAGE_CODE:
            return queryset
        # Every item is its Dutch page (the one object registrations, follows and search key
        # on); an English translation shows at the item's English address (`html_url`).
        with translation.override(code):
            view.locale_note = _(
                "Elk item is de Nederlandse pagina; html_url is het adres onder /en/, waar een Engelse "
                "vertaling staat als die er is."
            )
        return queryset


class PublicDetailUrlField(DetailUrlField):
    def get_attribute(self, instance):
        path = self.context["router"].get_object_detail_urlpath(type(instance), instance.pk)
        if not path:
            raise SkipField
        return absolute_url(path)


class PublicHtmlUrlField(PageHtmlUrlField):
    """The page's public address; with `?locale=en` its English address (a translated page's
    English slug under /en/, core/languages.py), where an English reader finds it."""

    def to_representation(self, page):
        request = self.context.get("request")
        code = request.GET.get("locale") if request is not None else None
        if code is None or unknown_language_message(code):
            code = settings.LANGUAGE_CODE
        try:
            with translation.override(code):
                return page_absolute_url(page)
        except NoReverseMatch:
            return None


class PublicParentField(PageParentField):
    def to_representation(self, value):
        serializer_class = get_serializer_class(
            value.__class__,
            ["id", "type", "detail_url", "html_url", "title"],
            meta_fields=["type", "detail_url", "html_url"],
            base=PublicPageSerializer,
        )
        return serializer_class(context=self.context).to_representation(value)


class PublicPageSerializer(PageSerializer):
    """Wagtail's page serializer with links on PUBLIC_BASE_URL (core/public_urls.py)."""

    detail_url = PublicDetailUrlField(read_only=True)
    html_url = PublicHtmlUrlField(read_only=True)
    parent = PublicParentField(read_only=True)


class WordsSearchFilter(SearchFilter):
    """Wagtail's `?search=`, given only the words of the query.

    Wagtail's SQLite search backend passes characters such as `"`, `@` and `*` on to FTS5 as query
    syntax, and the database refuses the query (schemathesis found a 503). A reader means the
    words; punctuation alone finds nothing.
    """

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return super().filter_queryset(request, queryset, view)
        words = " ".join(re.findall(r"\w+", request.GET["search"]))
        if not words:
            return queryset.none()
        parameters = request.GET.copy()
        parameters["search"] = words
        # Wagtail's filter reads only the query parameters of the request it is given.
        return super().filter_queryset(SimpleNamespace(GET=parameters), queryset, view)


class FacetFilter(BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        listing = view.faceted_listing()
        selected = listing.selection(request.GET)
        if selected:
            queryset = queryset.filter(pk__in=listing.filter(selected).values("pk"))
        return queryset


class KnowledgeBaseAPIViewSet(PagesAPIViewSet):
    """One page type per endpoint: Wagtail's `?type=` is not needed (publications use it as a facet filter)."""

    schema = KnowledgeBaseSchema()
    base_serializer_class = PublicPageSerializer
    pagination_class = BoundedPagination
    filter_backends = [FacetFilter] + [
        {LocaleFilter: AvailableLocaleFilter, SearchFilter: WordsSearchFilter}.get(backend, backend)
        for backend in PagesAPIViewSet.filter_backends
    ]
    select = ()
    prefetch = ()
    locale_note = None

    def initial(self, request, *args, **kwargs):
        """Before listing, detail and find views alike: no control characters, no ids out of range."""
        super().initial(request, *args, **kwargs)
        check_query_values(request)
        if kwargs.get("pk", 0) > MAX_ID:
            raise Http404  # no page has that id, and the database cannot even compare it

    def handle_exception(self, exc):
        if isinstance(exc, Http404):
            return Response({"message": _("Niet gevonden.")}, status=status.HTTP_404_NOT_FOUND)
        return super().handle_exception(exc)

    def listing_view(self, request):
        response = super().listing_view(request)
        if self.locale_note:
            response.data["meta"]["locale_note"] = self.locale_note
        return response

    @classmethod
    def faceted_listing(cls):
        raise NotImplementedError

    @classmethod
    def facet_list(cls):
        """The facets without their queryset: the OpenAPI schema reads them without the database."""
        raise NotImplementedError

    @classmethod
    def facet_keys(cls):
        return [facet.key for facet in cls.facet_list()]

    def check_query_parameters(self, queryset):
        self.known_query_parameters = PagesAPIViewSet.known_query_parameters.union(self.facet_keys())
        super().check_query_parameters(queryset)

    def get_queryset(self):
        # One item per content item: the Dutch page; an English translation is its text only.
        visible = canonical_pages(self.get_base_queryset()).values_list("pk", flat=True)
        return (
            self.model.objects.filter(pk__in=visible)
            .select_related("locale", *self.select)
            .prefetch_related(*self.prefetch)
            .order_by("id")
        )


class StoryAPIViewSet(KnowledgeBaseAPIViewSet):
    model = PracticeStoryPage
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "municipality_name",
        "province",
        "life_stage_slugs",
        "status",
        "start_year",
    ]
    select = ("municipality", "region")
    prefetch = (
        "life_stages",
        "settings",
        "domains",
        "prevention_levels",
        "working_factors",
        "tagged_themes__tag",
        "methods",
        "key_figures",
        "spokespeople",
    )

    @classmethod
    def faceted_listing(cls):
        return story_facets()

    @classmethod
    def facet_list(cls):
        return story_facet_list()


class MethodAPIViewSet(KnowledgeBaseAPIViewSet):
    model = MethodPage
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "acronym",
        "summary",
        "life_stage_slugs",
        "prevention_level_slugs",
    ]
    prefetch = (
        "life_stages",
        "settings",
        "domains",
        "prevention_levels",
        "tagged_themes__tag",
        Prefetch("evidence_records", queryset=MethodEvidenceRecord.objects.select_related("scheme", "level")),
    )

    @classmethod
    def faceted_listing(cls):
        return method_facets()

    @classmethod
    def facet_list(cls):
        return method_facet_list()


class PublicationAPIViewSet(KnowledgeBaseAPIViewSet):
    model = PublicationPage
    listing_default_fields = PagesAPIViewSet.listing_default_fields + ["subtitle", "publication_year"]
    prefetch = ("key_figures", "reflections", "tagged_themes__tag")

    @classmethod
    def faceted_listing(cls):
        return publication_facets()

    @classmethod
    def facet_list(cls):
        return publication_facet_list()
