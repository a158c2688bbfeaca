"""Broad queries do bounded work: more matches than EXACT_LIMIT are ranked over a candidate
pool, with an estimated total and scaled facet counts, and the user is told so.

The limits are lowered here so that a corpus of 30 documents is "broad".
"""

import pytest
from django.db import connection

from search import service
from search.backends import database

from .conftest import doc

pytestmark = pytest.mark.django_db

MUNICIPALITIES = ["Zwolle", "Tilburg", "Kerkrade"]


@pytest.fixture
def broad_corpus(monkeypatch):
    monkeypatch.setattr(database, "EXACT_LIMIT", 10)
    monkeypatch.setattr(database, "RANK_POOL", 8)
    documents = []
    for key in range(1, 31):
        in_title = key in (7, 19, 28)
        documents.append(
            doc(
                key,
                "method" if key % 5 == 0 else "story",
                f"Aanpak {key} voor jongeren in de wijk" if in_title else f"Buurtaanpak nummer {key}",
                "Een aanpak uit de praktijk van het sociaal domein.",
                "Het wijkteam werkt samen met jongeren, ouders en school."
                + (" Ook de leerplichtambtenaar doet mee." if key in (3, 4) else ""),
                MUNICIPALITIES[key % 3],
                "Overijssel",
            )
        )
    database.DatabaseBackend().rebuild([documents])
    return documents


def numbers(results):
    return [int(result.key.split(":")[1]) for result in results.results]


def test_broad_query_is_flagged_and_ranks_a_bounded_pool(broad_corpus):
    results = service.search("jongeren", page_size=5)
    assert results.approximate
    assert results.total > 10
    # Only the candidate pool can be paged through: 8 results, 2 pages of 5.
    assert results.browsable == 8 and results.num_pages == 2
    second_page = numbers(service.search("jongeren", page=2, page_size=5))
    assert len(second_page) == 3 and not set(second_page) & set(numbers(results))
    if connection.vendor == "postgresql":
        # Entries with the query in the title are candidates first; the title bonus puts them on top.
        assert set(numbers(results)[:3]) == {7, 19, 28}
    else:
        # SQLite's candidates are the newest matches (a rowid range FTS5 scores in one pass).
        assert numbers(results)[0] == 28
        assert set(numbers(results) + second_page) == set(range(23, 31))


def test_broad_query_facets_are_scaled_estimates(broad_corpus):
    results = service.search("jongeren")
    municipality_counts = dict(results.facets["municipality"])
    assert set(municipality_counts) == set(MUNICIPALITIES)
    # Ten of the thirty matches were counted; their counts are scaled up to the estimated total.
    assert sum(municipality_counts.values()) == pytest.approx(results.total, abs=3)
    assert sum(municipality_counts.values()) > 10


def test_filters_and_selective_words_are_exact_again(broad_corpus):
    narrowed = service.search("jongeren", {"type": ["method"]})
    assert not narrowed.approximate
    assert narrowed.total == 6 and sorted(numbers(narrowed)) == [5, 10, 15, 20, 25, 30]
    assert dict(narrowed.facets["type"]) == {"method": 6}
    selective = service.search("leerplichtambtenaar")
    assert not selective.approximate and selective.total == 2 and sorted(numbers(selective)) == [3, 4]


def test_browsing_without_query_still_starts_with_the_newest(broad_corpus):
    results = service.search("", page_size=3)
    assert results.approximate
    assert numbers(results) == [30, 29, 28]


def test_api_and_page_say_the_numbers_are_estimates(client, broad_corpus):
    data = client.get("/api/search/", {"q": "jongeren", "page_size": 5}).json()
    assert data["approximate"] is True
    assert data["num_pages"] == 2
    html = client.get("/zoeken/", {"q": "jongeren"}).content.decode()
    assert "Meer dan 10 resultaten" in html
    assert "aantallen bij de filters zijn schattingen" in html
    exact = client.get("/api/search/", {"q": "jongeren", "type": "method"}).json()
    assert exact["approximate"] is False and exact["total"] == 6
