"""Open data: a read-only JSON API (Wagtail API v2) for practice stories and methods.

    /api/v2/stories/?life_stage=12-18&province=zuid-holland&fields=*
    /api/v2/methods/?evidence_level=goed-onderbouwd

The facet filters are the same as on the listing pages (same querystring keys, see
facets.py), so a filtered listing URL can be turned into an API call by swapping the path.
"""

from django.db.models import Prefetch
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from .facets import method_facets, publication_facets, story_facets
from .models import MethodEvidenceRecord, MethodPage, PracticeStoryPage, PublicationPage


class FacetFilter(BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        listing = view.faceted_listing()
        selected = listing.selection(request.GET)
        if selected:
            queryset = queryset.filter(pk__in=listing.filter(selected).values("pk"))
        return queryset


class KnowledgeBaseAPIViewSet(PagesAPIViewSet):
    """One page type per endpoint; `?type=` is not needed and ignored."""

    filter_backends = [FacetFilter] + PagesAPIViewSet.filter_backends
    select = ()
    prefetch = ()

    @classmethod
    def faceted_listing(cls):
        raise NotImplementedError

    @classmethod
    def facet_keys(cls):
        return [facet.key for facet in cls.faceted_listing().facets]

    def check_query_parameters(self, queryset):
        self.known_query_parameters = PagesAPIViewSet.known_query_parameters.union(self.facet_keys())
        super().check_query_parameters(queryset)

    def get_queryset(self):
        visible = self.get_base_queryset().values_list("pk", flat=True)
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


class PublicationAPIViewSet(KnowledgeBaseAPIViewSet):
    model = PublicationPage
    listing_default_fields = PagesAPIViewSet.listing_default_fields + ["subtitle", "publication_year"]
    prefetch = ("key_figures", "reflections", "tagged_themes__tag")

    @classmethod
    def faceted_listing(cls):
        return publication_facets()


api_router = WagtailAPIRouter("practices_api")
api_router.register_endpoint("stories", StoryAPIViewSet)
api_router.register_endpoint("methods", MethodAPIViewSet)
api_router.register_endpoint("publications", PublicationAPIViewSet)
