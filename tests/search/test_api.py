"""The JSON API, the OpenAPI schema and the search page."""

import pytest

pytestmark = pytest.mark.django_db


def test_api_returns_results_facets_and_suggestion(client, indexed):
    response = client.get("/api/search/", {"q": "tienermoedrs"})
    assert response.status_code == 200
    data = response.json()
    assert data["total"] >= 1
    first = data["results"][0]
    assert first["title"] == "Jonge moeders krijgen een verpleegkundige aan huis"
    assert first["municipality"] == "Dordrecht" and first["type"] == "story" and first["url"] == "/test/1/"
    assert {"value": "Zuid-Holland", "count": 1} in data["facets"]["province"]
    assert data["suggestion"] == "tienermoeder"


def test_api_filters_and_paginates(client, indexed):
    data = client.get("/api/search/?type=method&page_size=2&page=2").json()
    assert data["total"] == 3 and data["page"] == 2 and len(data["results"]) == 1
    data = client.get("/api/search/?q=opvoeding&type=method&life_stage=Ouders").json()
    assert [r["title"] for r in data["results"]] == ["Triple P"]


def test_api_bad_numbers_do_not_fail(client, indexed):
    response = client.get("/api/search/?q=jit&page=abc&page_size=-5")
    assert response.status_code == 200 and response.json()["results"][0]["title"].startswith("Jongeren")


def test_autocomplete_endpoint(client, indexed):
    data = client.get("/api/search/autocomplete/?q=triple").json()
    assert "Triple P" in data["suggestions"]


def test_openapi_schema_documents_search(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    text = response.content.decode()
    assert "/api/search/" in text and "suggestion" in text and "facets" in text
    assert "/admin/api/" not in text  # only the public APIs are documented


def test_search_page_shows_highlights_facets_and_suggestion(client, indexed):
    response = client.get("/zoeken/", {"q": "verpleegkundie"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bedoelde u" in html and "verpleegkundige" in html
    assert "<mark>" in html
    assert 'name="province" value="Zuid-Holland"' in html


def test_search_page_empty_result_help(client, indexed):
    html = client.get("/zoeken/", {"q": "xylofoonorkest"}).content.decode()
    assert "Geen resultaten gevonden" in html and "Tips om wel iets te vinden" in html


def test_search_page_filter_checkbox_stays_checked(client, indexed):
    html = client.get("/zoeken/", {"q": "zwangerschap", "type": "method"}).content.decode()
    assert 'name="type" value="method" checked' in html
    assert "CenteringPregnancy" in html and "Jonge moeders" not in html
