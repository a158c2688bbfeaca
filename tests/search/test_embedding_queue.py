"""Publishing never waits for the embedding model: the vector follows from the task queue.

With the production queue (database) and semantic search on (the cheap test model): the page
is live and found by its words at once, the request never calls the embedder (counted at our
seam, `search.embeddings.embed_documents`), the queued task fills the vector, and from then on
the page is found by meaning too. A failing model never blocks publishing and the task is
retried by `retry_failed_tasks`.
"""

import pytest
from django.core.management import call_command
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from search import embeddings, service
from search.models import IndexEntry
from tests.task_queue import run_worker

from .conftest import add_page

# The worker (db_worker) takes its tasks in transactions of its own, as in production.
pytestmark = pytest.mark.django_db(transaction=True)

TASK_PATH = "search.tasks.embed_published_documents"


@pytest.fixture
def embedder_calls(monkeypatch):
    """Every call of our embedding seam, by whom it was made (request or worker)."""
    calls = []
    real = embeddings.embed_documents

    def counting(texts):
        texts = list(texts)
        calls.append(texts)
        return real(texts)

    monkeypatch.setattr(embeddings, "embed_documents", counting)
    return calls


def embedding_tasks():
    return list(DBTaskResult.objects.filter(task_path=TASK_PATH).order_by("enqueued_at"))


def found(query, mode="hybrid"):
    return [result.title for result in service.search(query, mode=mode).results]


def publish(parent, title):
    return add_page(parent, title)


def test_publishing_queues_the_embedding_and_the_task_fills_the_vector(
    searchable_pages, word_hash_model, queue, embedder_calls
):
    page = publish(searchable_pages, "Kinderboerderij Sliedrecht")

    assert embedder_calls == [], "the request must not run the embedding model"
    entry = IndexEntry.objects.get(title="Kinderboerderij Sliedrecht")
    assert entry.embedding is None and entry.embedding_model == ""
    assert found("kinderboerderij") == ["Kinderboerderij Sliedrecht"], "found by its words at once"
    assert found("kinderboerderij", mode="semantic") == [], "no vector yet"
    (task,) = embedding_tasks()
    assert task.status == TaskResultStatus.READY
    assert task.args_kwargs["args"] == [[f"organisations.OrganisationIndexPage:{page.pk}"]]

    run_worker()

    assert len(embedder_calls) == 1
    entry.refresh_from_db()
    assert entry.embedding_model == "test-word-hash" and len(bytes(entry.embedding)) == 384
    assert found("kinderboerderij", mode="semantic") == ["Kinderboerderij Sliedrecht"]
    assert embedding_tasks()[0].status == TaskResultStatus.SUCCESSFUL


def test_a_changed_page_keeps_its_vector_until_the_task_replaces_it(
    searchable_pages, word_hash_model, queue, embedder_calls
):
    page = publish(searchable_pages, "Kinderboerderij Sliedrecht")
    run_worker()
    old_vector = bytes(IndexEntry.objects.get().embedding)

    page.title = "Stadsboerderij Sliedrecht"
    page.save_revision().publish()
    entry = IndexEntry.objects.get()
    assert entry.title == "Stadsboerderij Sliedrecht" and bytes(entry.embedding) == old_vector
    assert len(embedder_calls) == 1

    run_worker()
    entry.refresh_from_db()
    assert bytes(entry.embedding) != old_vector and len(embedder_calls) == 2


def test_a_failing_model_never_blocks_publishing_and_the_task_is_retried(
    searchable_pages, word_hash_model, queue, monkeypatch
):
    real = embeddings.embed_documents

    def broken(texts):
        raise MemoryError("the worker ran out of memory")

    monkeypatch.setattr(embeddings, "embed_documents", broken)
    publish(searchable_pages, "Kinderboerderij Sliedrecht")
    assert found("kinderboerderij") == ["Kinderboerderij Sliedrecht"]

    run_worker()
    (task,) = embedding_tasks()
    assert task.status == TaskResultStatus.FAILED
    assert IndexEntry.objects.get().embedding is None

    monkeypatch.setattr(embeddings, "embed_documents", real)  # the worker has memory again
    run_worker()
    assert IndexEntry.objects.get().embedding is None, "a failed task is not retried by itself"
    call_command("retry_failed_tasks", stdout=open("/dev/null", "w"))
    run_worker()
    assert IndexEntry.objects.get().embedding_model == "test-word-hash"
    assert found("kinderboerderij", mode="semantic") == ["Kinderboerderij Sliedrecht"]


def test_a_model_that_cannot_load_fails_the_task_for_a_retry(searchable_pages, settings, queue):
    settings.SEARCH_EMBEDDING_MODEL = "search.no_such_module.Model"
    publish(searchable_pages, "Kinderboerderij Sliedrecht")
    assert found("kinderboerderij") == ["Kinderboerderij Sliedrecht"]
    run_worker()
    (task,) = embedding_tasks()
    assert task.status == TaskResultStatus.FAILED
    assert task.exception_class_path == "search.tasks.EmbeddingModelUnavailable"


def test_without_a_model_nothing_is_queued(searchable_pages, settings, queue):
    settings.SEARCH_EMBEDDING_MODEL = ""
    publish(searchable_pages, "Kinderboerderij Sliedrecht")
    assert found("kinderboerderij") == ["Kinderboerderij Sliedrecht"]
    assert embedding_tasks() == []


def test_an_entry_deleted_before_the_task_runs_is_skipped(searchable_pages, word_hash_model, queue, embedder_calls):
    page = publish(searchable_pages, "Kinderboerderij Sliedrecht")
    page.unpublish()
    run_worker()
    assert [task.status for task in embedding_tasks()] == [TaskResultStatus.SUCCESSFUL]
    assert embedder_calls == [] and not IndexEntry.objects.exists()
