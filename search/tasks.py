"""Background work of the search index: embedding what was published (search/indexing.py).

Runs in the task worker (`manage.py db_worker`, the queue the mail uses), so the editor's
request never waits for the model. The text is read from the database index entry, which
holds exactly what was published, so a task that runs late (or is retried by
`retry_failed_tasks`) embeds the entry as it is then; an entry deleted meanwhile is skipped.
"""

import logging

from django.conf import settings
from django_tasks import task

from . import embeddings
from .backends import get_backend
from .models import IndexEntry

logger = logging.getLogger(__name__)


class EmbeddingModelUnavailable(RuntimeError):
    """The setting names a model that could not load: fail, so the task can be retried."""


@task()
def embed_published_documents(keys):
    """Compute and store the sentence embedding of the index entries with these keys."""
    if not getattr(settings, "SEARCH_EMBEDDING_MODEL", ""):
        return 0  # semantic search was turned off after the task was queued
    entries = list(IndexEntry.objects.filter(key__in=keys).order_by("key"))
    if not entries:
        return 0
    matrix = embeddings.embed_documents(embeddings.document_text(entry) for entry in entries)
    if matrix is None:
        raise EmbeddingModelUnavailable(embeddings.health()["error"] or "embedding model not loaded")
    vectors = {entry.key: row for entry, row in zip(entries, matrix, strict=True)}
    get_backend("database").store_embeddings(vectors)
    external = get_backend()
    if external.name != "database":
        external.store_embeddings(vectors)
    return len(vectors)
