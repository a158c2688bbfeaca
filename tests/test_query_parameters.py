"""Mangled query parameters on every public listing never give a server error (issue #13.15).

`/praktijkverhalen/?province=%00` was a 500 on PostgreSQL, which refuses NUL in text. Every
request's query parameters are now cleaned the way the search service cleans its input
(core/query_params.py). The NUL cases only fail on PostgreSQL; run this file there too:
DATABASE_URL=postgres://… pytest tests/test_query_parameters.py
"""

import pytest
from django.test import Client
from django.test.client import RequestFactory

from core.query_params import MAX_VALUE_LENGTH, CleanQueryParametersMiddleware
from practices.models import method_facets, publication_facets, story_facets

pytestmark = pytest.mark.django_db

HUGE = "9223372036854775808"
BAD_VALUES = ["%00", "a%00b", "%01%1f", "x" * 5000, HUGE, "-" + HUGE, "%ff%fe", "%3Cscript%3E"]


def listing_parameters():
    """(path, parameter names it reads), for the Dutch and the English site."""
    pages = {
        "/praktijkverhalen/": [facet.key for facet in story_facets().facets] + ["page"],
        "/methoden/": [facet.key for facet in method_facets().facets] + ["page"],
        "/publicaties/": [facet.key for facet in publication_facets().facets] + ["page"],
        "/ateliers/": ["page"],
        "/tips-bibliotheek/": ["audience", "phase", "theme", "pagina"],
        "/zoeken/": ["q", "page", "type", "theme", "province", "life_stage"],
        "/kennisbank/matrix/": ["gemeente"],
        "/": ["q"],
    }
    for path, names in pages.items():
        for prefix in ("", "/en"):
            yield prefix + path, names + ["onbekend"]


def test_no_public_listing_fails_on_mangled_query_parameters(demo_content):
    """Each bad value in every parameter a page reads at once (and in one it does not read)."""
    client = Client(raise_request_exception=False)
    failures = []
    for path, names in listing_parameters():
        assert client.get(path).status_code == 200, path
        for value in BAD_VALUES:
            url = path + "?" + "&".join(f"{name}={value}" for name in names)
            status = client.get(url).status_code
            if status >= 500:
                failures.append(f"{url[:100]} -> {status}")
        status = client.get(f"{path}?%00=1&{'y' * 5000}=2").status_code  # mangled names too
        if status >= 500:
            failures.append(f"{path}?%00=1… -> {status}")
    assert not failures, "\n".join(failures)


def test_a_nul_byte_in_a_filter_is_dropped_and_the_rest_of_the_filter_kept(client, demo_content):
    everything = client.get("/praktijkverhalen/").context["listing"].total
    in_zuid_holland = client.get("/praktijkverhalen/?province=zuid-holland").context["listing"].total
    assert 0 < in_zuid_holland < everything
    assert client.get("/praktijkverhalen/?province=zuid-%00holland").context["listing"].total == in_zuid_holland
    assert client.get("/en/praktijkverhalen/?province=%00").context["listing"].total == everything


def test_the_middleware_cleans_names_and_values_and_cuts_them_to_length():
    seen = {}

    def view(request):
        seen.update({key: request.GET.getlist(key) for key in request.GET})

    request = RequestFactory().get("/praktijkverhalen/", {"province": ["zuid\x00holland", "x" * 5000], "a\x01b": "1"})
    CleanQueryParametersMiddleware(view)(request)
    assert seen == {"province": ["zuidholland", "x" * MAX_VALUE_LENGTH], "ab": ["1"]}
