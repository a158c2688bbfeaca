"""Elasticsearch unreachable: search answers from the database index and says so.

ELASTICSEARCH_URL points at a local port nobody listens on, so every call to the cluster is
a real "connection refused" from the Elasticsearch client, not a mock.
"""

import logging
import socket

import pytest

from search import backends, service
from search.models import IndexEntry

from .conftest import add_page

pytestmark = pytest.mark.django_db

DEGRADED = "De uitgebreide zoekmachine is tijdelijk niet bereikbaar"


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # free once the socket closes: connections are refused


@pytest.fixture
def elasticsearch_down(settings):
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{closed_port()}"
    backends._backends.pop("elastic", None)
    yield
    backends._backends.pop("elastic", None)


def test_api_answers_from_the_database_and_says_so(client, indexed, elasticsearch_down, caplog):
    with caplog.at_level(logging.WARNING, logger="search.service"):
        response = client.get("/api/search/", {"q": "tienermoedrs"})
    assert response.status_code == 200
    data = response.json()
    assert data["degraded"] is True
    assert DEGRADED in data["message"]
    assert data["results"][0]["title"] == "Jonge moeders krijgen een verpleegkundige aan huis"
    assert data["suggestion"] == "tienermoeder"  # the database vocabulary corrects the typo
    assert any("unreachable" in record.message for record in caplog.records)


def test_search_page_answers_from_the_database_and_says_so(client, indexed, elasticsearch_down):
    response = client.get("/zoeken/", {"q": "schoolverzuim"})
    html = response.content.decode()
    assert response.status_code == 200
    assert DEGRADED in html and "utrecht-alert--warning" in html
    assert "Terug naar school: samen tegen schoolverzuim" in html


def test_autocomplete_answers_from_the_database(client, indexed, elasticsearch_down):
    response = client.get("/api/search/autocomplete/", {"q": "triple"})
    assert response.status_code == 200
    assert "Triple P" in response.json()["suggestions"]


def test_a_working_backend_is_not_degraded(client, indexed):
    data = client.get("/api/search/", {"q": "triple"}).json()
    assert data["degraded"] is False and DEGRADED not in data["message"]


def test_schema_documents_the_degraded_flag(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    properties = schema["components"]["schemas"]["SearchResponse"]["properties"]
    assert properties["degraded"]["type"] == "boolean"


def test_publishing_while_elasticsearch_is_down_keeps_the_edit_and_the_fallback_index(
    searchable_pages, elasticsearch_down, django_capture_on_commit_callbacks, caplog
):
    with caplog.at_level(logging.WARNING, logger="search.indexing"):
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            page = add_page(searchable_pages, "Kinderboerderij Zaltbommel")
    assert callbacks, "the external engine is told after the commit"
    assert page.live
    assert IndexEntry.objects.filter(title="Kinderboerderij Zaltbommel").exists()
    assert [r.title for r in service.search("kinderboerderij").results] == ["Kinderboerderij Zaltbommel"]
    assert any("search_index --rebuild" in record.message for record in caplog.records)
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert not IndexEntry.objects.filter(title="Kinderboerderij Zaltbommel").exists()


def test_an_unreachable_engine_is_skipped_for_a_while(indexed, elasticsearch_down, monkeypatch):
    from django.core.cache import cache

    from search.backends.elastic import ElasticsearchBackend

    attempts = []
    original_search = ElasticsearchBackend.search

    def counting_search(self, *args, **kwargs):
        attempts.append(1)
        return original_search(self, *args, **kwargs)

    monkeypatch.setattr(ElasticsearchBackend, "search", counting_search)
    for _ in range(3):
        assert service.search("schoolverzuim").degraded
    assert len(attempts) == 1  # a hanging cluster would have cost only the first search its timeout
    cache.delete(service.ENGINE_DOWN_KEY)  # as after ENGINE_RETRY_SECONDS
    assert service.search("schoolverzuim").degraded
    assert len(attempts) == 2
