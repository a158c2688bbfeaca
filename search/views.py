"""The search page (/zoeken/) and the JSON API (/api/search/); both only call search.service."""

import dataclasses

from django.conf import settings
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from core import page_cache
from core.languages import unknown_language_message, with_visitor_urls
from taxonomy.labels import labels_of_names

from . import service
from .results import facet_label, value_label
from .serializers import AutocompleteResponseSerializer, SearchResponseSerializer

RESERVED_PARAMETERS = {"q", "page", "page_size", "format", "locale"}


def filters_from(query_dict):
    return {
        name: query_dict.getlist(name)
        for name in query_dict
        if name not in RESERVED_PARAMETERS and service.FACET_NAME_RE.match(name)
    }


@page_cache.shared_with_members
def search_page(request):
    query = request.GET.get("q", "")
    filters = service.clean_filters(filters_from(request.GET))
    has_input = bool(query.strip() or filters)
    results = service.search(query, filters, request.GET.get("page", 1)) if has_input else None
    if results:
        # Under /en/ each hit links to its page's English address (its translation, if any).
        results = dataclasses.replace(results, results=with_visitor_urls(results.results))
    facets = []
    if results:
        # Under /en/ the vocabulary values show their English labels (the filter keeps the value).
        term_labels = labels_of_names(
            {name: [value for value, _count in values] for name, values in results.facets.items()}
        )
        for name, values in results.facets.items():
            chosen = set(filters.get(name, []))
            options = []
            for value, count in values:
                label, language = term_labels.get((name, value), (value_label(name, value), ""))
                options.append(
                    {
                        "value": value,
                        "label": label,
                        "label_language": language,
                        "count": count,
                        "checked": value in chosen,
                    }
                )
            facets.append({"name": name, "label": facet_label(name), "values": options})
    pages = []
    if results and results.num_pages > 1:
        base = request.GET.copy()
        for number in range(1, results.num_pages + 1):
            if number in (1, results.num_pages) or abs(number - results.page) <= 2:
                base["page"] = number
                pages.append({"number": number, "url": "?" + base.urlencode(), "current": number == results.page})
    suggestion_url = ""
    if results and results.suggestion:
        params = request.GET.copy()
        params["q"] = results.suggestion
        params.pop("page", None)
        suggestion_url = "?" + params.urlencode()
    return render(
        request,
        "search/search_page.html",
        {
            "query": query[:200],
            "results": results,
            "facets": facets,
            "pages": pages,
            "suggestion_url": suggestion_url,
            "first_number": (results.page - 1) * results.page_size + 1 if results else 1,
            "page_title": _("Zoeken"),
        },
    )


def results_payload(results):
    return {
        "query": results.query,
        "total": results.total,
        "approximate": results.approximate,
        "page": results.page,
        "num_pages": results.num_pages,
        "results": [
            {
                "title": result.title,
                "url": result.url,
                "type": result.type,
                "municipality": result.municipality,
                "summary": result.summary,
                "highlight": result.highlight,
            }
            for result in results.results
        ],
        "facets": {
            name: [{"value": value, "count": count} for value, count in values]
            for name, values in results.facets.items()
        },
        "suggestion": results.suggestion,
        "message": str(results.message),
        "degraded": results.degraded,
    }


class SearchAPIView(APIView):
    """Search stories, methods, publications, tips and ateliers.

    Every facet name in the response's `facets` is also a filter parameter (repeat it for more
    values: `?theme=opvoeding&theme=armoede`); values within a facet are OR-ed, facets AND-ed.
    """

    authentication_classes = []
    permission_classes = []

    @extend_schema(
        operation_id="search",
        parameters=[
            OpenApiParameter("q", OpenApiTypes.STR, description="Zoekvraag; synoniemen en tikfouten worden herkend."),
            OpenApiParameter(
                "type", OpenApiTypes.STR, many=True, description="story, method, publication, tip, atelier"
            ),
            OpenApiParameter("municipality", OpenApiTypes.STR, many=True, description="Gemeente"),
            OpenApiParameter("province", OpenApiTypes.STR, many=True, description="Provincie"),
            OpenApiParameter("theme", OpenApiTypes.STR, many=True, description="Thema"),
            OpenApiParameter("life_stage", OpenApiTypes.STR, many=True, description="Levensfase, bijv. 12–18 jaar"),
            OpenApiParameter("page", OpenApiTypes.INT, description="Paginanummer, vanaf 1"),
            OpenApiParameter("page_size", OpenApiTypes.INT, description="Resultaten per pagina, 1–50"),
            OpenApiParameter(
                "locale",
                OpenApiTypes.STR,
                enum=[code for code, _name in settings.LANGUAGES],
                description="nl of en; met en krijgt een vertaalde pagina haar Engelse titel, samenvatting en adres",
            ),
        ],
        responses={
            200: SearchResponseSerializer,
            400: OpenApiResponse(description="Onbekende taal in `locale`: kies nl of en."),
        },
    )
    def get(self, request):
        params = request.query_params
        language = params.get("locale", settings.LANGUAGE_CODE)
        if message := unknown_language_message(language):
            return Response({"detail": message}, status=400)
        results = service.search(
            params.get("q", ""), filters_from(params), params.get("page", 1), params.get("page_size", 10)
        )
        # The API has one URL; ?locale=en asks for what an English visitor of /en/zoeken/ reads.
        with translation.override(language):
            results = dataclasses.replace(results, results=with_visitor_urls(results.results))
        return Response(results_payload(results))


class AutocompleteAPIView(APIView):
    """Completions for what has been typed so far, for the search box."""

    authentication_classes = []
    permission_classes = []

    @extend_schema(
        operation_id="search_autocomplete",
        parameters=[OpenApiParameter("q", OpenApiTypes.STR, description="Het begin van een zoekvraag")],
        responses=AutocompleteResponseSerializer,
    )
    def get(self, request):
        return Response({"suggestions": service.autocomplete(request.query_params.get("q", ""))})
