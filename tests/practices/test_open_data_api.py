"""Open-data API (/api/v2/) against bad input (issue #13.8).

Bad input gets a JSON 400 with a Dutch message, something that does not exist a JSON 404,
and `?locale=en` answers with the content there is: never a server error, never HTML.
"""

import pytest

pytestmark = pytest.mark.django_db

ENDPOINTS = ["stories", "methods", "publications"]
HUGE = "9223372036854775808"  # 2**63: one more than the largest 64-bit integer
BAD_INPUTS = [
    ("search", "%00"),
    ("search", "a%00b"),
    ("offset", HUGE),
    ("offset", "-1"),
    ("offset", "tien"),
    ("limit", HUGE),
    ("limit", "%00"),
    ("child_of", HUGE),
    ("descendant_of", HUGE),
    ("ancestor_of", HUGE),
    ("translation_of", HUGE),
    ("order", "%00"),
    ("fields", "%00"),
    ("province", "%00"),
    ("life_stage", "%00"),
    ("locale", "%00"),
    ("locale", "xx"),
    ("search", "x" * 5000),
]


def is_json(response):
    return response["Content-Type"].startswith("application/json")


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_bad_query_parameters_get_a_json_400_with_a_dutch_message(client, knowledge_base, endpoint):
    failures = []
    for name, value in BAD_INPUTS:
        url = f"/api/v2/{endpoint}/?{name}={value}"
        response = client.get(url)
        if response.status_code != 400 or not is_json(response) or not response.json().get("message"):
            failures.append(f"{url[:80]} -> {response.status_code} {response['Content-Type']}")
    assert not failures, "\n".join(failures)


def test_the_message_says_in_dutch_what_is_wrong(client, knowledge_base):
    assert "ongeldige tekens" in client.get("/api/v2/stories/?search=%00").json()["message"]
    assert "offset" in client.get(f"/api/v2/stories/?offset={HUGE}").json()["message"]
    assert "taal" in client.get("/api/v2/stories/?locale=xx").json()["message"]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_what_does_not_exist_is_a_json_404(client, knowledge_base, endpoint):
    for path in ["abc/", f"{HUGE}/", "999999/", "abc/def/", "find/?id=999999"]:
        response = client.get(f"/api/v2/{endpoint}/{path}")
        assert response.status_code == 404, path
        assert is_json(response) and response.json()["message"], path


def test_unknown_api_paths_are_a_json_404(client, db):
    for path in ["/api/v2/onbekend/", "/api/onbekend/", "/api/v2/stories/abc"]:
        response = client.get(path, follow=True)
        assert response.status_code == 404, path
        assert is_json(response), path


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_locale_en_answers_with_the_content_there_is(client, knowledge_base, endpoint):
    """There is no English page tree: the English site shows the Dutch pages, so does the API,
    with a note that says so (instead of a 404 for the whole endpoint)."""
    dutch = client.get(f"/api/v2/{endpoint}/").json()
    english = client.get(f"/api/v2/{endpoint}/?locale=en")
    assert english.status_code == 200
    body = english.json()
    assert [item["id"] for item in body["items"]] == [item["id"] for item in dutch["items"]]
    assert "Dutch" in body["meta"]["locale_note"]
    assert client.get(f"/api/v2/{endpoint}/?locale=nl").json()["meta"]["total_count"] == dutch["meta"]["total_count"]


def test_good_requests_still_work(client, knowledge_base):
    stories = client.get("/api/v2/stories/?limit=2&offset=1")
    assert stories.status_code == 200 and len(stories.json()["items"]) == 2
    found = client.get("/api/v2/stories/?search=THINK").json()
    assert [item["title"] for item in found["items"]] == ["Elke week een THINK-les in de brugklas"]
    assert "locale_note" not in client.get("/api/v2/stories/").json()["meta"]


def test_detail_and_html_urls_start_with_the_public_base_url(client, settings, knowledge_base):
    """Issue #13.4: API links used the Site record (http://localhost/) instead of the public address."""
    settings.PUBLIC_BASE_URL = "http://127.0.0.1:8101"
    story = knowledge_base["think_story"]
    for endpoint in ENDPOINTS:
        for item in client.get(f"/api/v2/{endpoint}/").json()["items"]:
            assert item["meta"]["detail_url"].startswith("http://127.0.0.1:8101/api/v2/"), item
            assert item["meta"]["html_url"].startswith("http://127.0.0.1:8101/"), item
    detail = client.get(f"/api/v2/stories/{story.pk}/").json()
    assert detail["meta"]["detail_url"] == f"http://127.0.0.1:8101/api/v2/stories/{story.pk}/"
    assert detail["meta"]["html_url"] == "http://127.0.0.1:8101" + story.url
    parent = detail["meta"]["parent"]
    assert parent is None or parent["meta"]["html_url"].startswith("http://127.0.0.1:8101/")


def test_search_api_and_schema_hold_up_against_nul_and_huge_numbers(client, knowledge_base):
    """The other public API (/api/search/, /api/schema/): cleaned input, never a server error."""
    client.raise_request_exception = False
    for url in [
        f"/api/search/?q=%00&page={HUGE}&page_size={HUGE}",
        f"/api/search/?q=THINK%00&offset={HUGE}&type=%00",
        "/api/search/autocomplete/?q=%00THI",
        "/api/schema/?format=%00",
        "/api/schema/?lang=%00",
    ]:
        response = client.get(url)
        assert response.status_code < 500, url
    found = client.get("/api/search/?q=THINK%00").json()
    assert found["query"] == "THINK"


def test_a_snapshot_keeps_wagtails_search_index_in_step_when_entry_ids_do_not_count_from_one(client, knowledge_base):
    """Every table snapshot (tests/conftest.py, `DatabaseSnapshot`) puts back Wagtail's search
    index as it was. The knowledge base once went missing from `?search=` on SQLite when the
    demo had been loaded earlier in the same process: its index entries then got ids after the
    demo's, and the snapshot renumbered Wagtail's FTS5 rows 1, 2, 3 … on restore, away from
    their entries. Here the story's entry is indexed anew, so the ids have a gap and no longer
    count from 1 without one, whichever tests ran before."""
    from wagtail.search import index
    from wagtail.search.models import IndexEntry

    from tests.conftest import DatabaseSnapshot

    story = knowledge_base["think_story"]
    IndexEntry.objects.filter(object_id=str(story.pk), content_type__model="practicestorypage").delete()
    index.insert_or_update_object(story)

    def found():
        response = client.get("/api/v2/stories/?search=THINK")
        return [item["title"] for item in response.json()["items"]]

    assert found() == [story.title]
    snapshot = DatabaseSnapshot("reindexed_story")
    snapshot.restore()
    assert found() == [story.title]
