"""Keeping the index in step with publishing.

Only what the public may see is ever indexed: a page must be live and have no view
restriction on itself or an ancestor; a model's `search_document()` may return None to keep
an object out (e.g. a tip that is not published). Publishing, unpublishing, moving, privacy
changes and deletion all go through `update_object` / `remove_object`.

The database index is always kept, inside the publishing transaction, even when Elasticsearch
is configured: it is what search falls back to when Elasticsearch cannot be reached. The
external engine is told after the commit; when it is unreachable the edit stands, a warning is
logged, and `search_index --rebuild` brings the engine back in step.

The sentence embedding of a published or changed document is not computed in the request (a
third to half a second per page with the model on): the entry is indexed without it, so the
page is live and found by its words at once, and a task (search/tasks.py, the queue the mail
uses) computes the vector after the commit. Until then a new document is found lexically and a
changed one keeps its previous vector; a failed task never undoes the publish and is retried
by `retry_failed_tasks`. A rebuild embeds in batches itself.
"""

import logging

from django.conf import settings
from django.db import transaction
from wagtail.models import Page, PageViewRestriction

from core.languages import canonical_pages, is_canonical
from core.object_keys import object_key

from .backends import get_backend
from .registry import registered_models

logger = logging.getLogger(__name__)


def is_registered(obj):
    return any(isinstance(obj, model) for model in registered_models())


def is_public(obj):
    if isinstance(obj, Page):
        # An English translation is the text of its Dutch page, which is the one entry (issue 18).
        if not obj.live or not is_canonical(obj) or obj.get_view_restrictions().exists():
            return False
    return True


def document_for(obj):
    """The object's SearchDocument, or None when it must not be in the index."""
    if not is_public(obj):
        return None
    document = obj.search_document()
    if document is None or not document.url:
        return None
    return document


def update_object(obj, backend=None, embed=True):
    """Put the object's document in the index (or take it out); returns the keys indexed."""
    document = document_for(obj)
    keys = {object_key(obj)}
    backend = backend or get_backend()
    if document is None:
        backend.delete(keys)
        return set()
    backend.delete(keys - {document.key})
    backend.index([document], embed=embed)
    return {document.key}


def removal_keys(obj):
    keys = {object_key(obj)}
    try:
        document = obj.search_document()
        if document is not None:
            keys.add(document.key)
    except Exception:  # the object may be half-deleted; the standard key is enough then
        logger.debug("search_document() failed while removing %r", obj, exc_info=True)
    return keys


def remove_object(obj, backend=None):
    (backend or get_backend()).delete(removal_keys(obj))


def delete_keys(keys, backend=None):
    (backend or get_backend()).delete(keys)


def update_subtree(page, backend=None, embed=True):
    """Re-index a page and everything below it (after a move or a privacy change)."""
    indexed = set()
    for descendant in page.get_descendants(inclusive=True).specific().iterator(chunk_size=200):
        if is_registered(descendant):
            indexed |= update_object(descendant, backend, embed=embed)
    return indexed


def public_documents(chunk_size=500):
    """Every document that belongs in the index, in lists of at most `chunk_size`."""
    batch = []
    for model in registered_models():
        queryset = model._default_manager.all()
        if issubclass(model, Page):
            queryset = canonical_pages(queryset.live().public())  # so each page's own check is not needed
        # What each document reads (municipality, vocabularies, key figures…), a query per batch
        # instead of several per page: a model names it in `search_select` and `search_prefetch`.
        queryset = queryset.select_related(*getattr(model, "search_select", ()))
        queryset = queryset.prefetch_related(*getattr(model, "search_prefetch", ()))
        for obj in queryset.order_by("pk").iterator(chunk_size=chunk_size):
            document = obj.search_document()
            document = document if document is not None and document.url else None
            if document is not None:
                batch.append(document)
            if len(batch) >= chunk_size:
                yield batch
                batch = []
    if batch:
        yield batch


def public_document_count():
    total = 0
    for model in registered_models():
        queryset = model._default_manager.all()
        if issubclass(model, Page):
            queryset = canonical_pages(queryset.live().public())
        total += queryset.count()
    return total


def on_commit(function, *args, **kwargs):
    """The database index changes inside the publishing transaction (and rolls back with it);
    an external engine is only told once the change is committed, and its being unreachable
    never undoes or fails the edit. The keys `function` indexed are embedded by a task after
    the commit (queue_embedding)."""
    indexed = function(*args, backend=get_backend("database"), **kwargs)
    external = get_backend()
    if external.name != "database":
        transaction.on_commit(lambda: _tell_external(external, function, args, kwargs))
    return indexed


def index_and_queue_embedding(function, *args):
    """`on_commit` for what adds documents: indexed without vectors, embedded by the queue."""
    semantic_on = bool(getattr(settings, "SEARCH_EMBEDDING_MODEL", ""))
    indexed = on_commit(function, *args, embed=not semantic_on)
    if semantic_on and indexed:
        queue_embedding(indexed)


def queue_embedding(keys):
    """After the commit, queue the task that embeds these documents (search/tasks.py)."""
    from .tasks import embed_published_documents

    keys = sorted(keys)
    transaction.on_commit(lambda: embed_published_documents.enqueue(keys))


def _tell_external(backend, function, args, kwargs):
    try:
        function(*args, backend=backend, **kwargs)
    except backend.unavailable_errors as error:
        logger.warning(
            "Search backend %s unreachable; %s not applied there (run search_index --rebuild): %r",
            backend.name,
            function.__name__,
            error,
        )


# Signal receivers (connected in apps.py) ---------------------------------------------------


def page_published(sender, instance, **kwargs):
    if is_registered(instance):
        index_and_queue_embedding(update_object, instance)


def page_unpublished(sender, instance, **kwargs):
    if is_registered(instance):
        on_commit(remove_object, instance)


def page_moved(sender, instance, **kwargs):
    index_and_queue_embedding(update_subtree, instance.specific)


def object_saved(sender, instance, **kwargs):
    """Non-page models (e.g. tips) follow their own publication state via search_document()."""
    if not isinstance(instance, Page) and is_registered(instance):
        index_and_queue_embedding(update_object, instance)


def object_deleted(sender, instance, **kwargs):
    if is_registered(instance):
        on_commit(delete_keys, removal_keys(instance))


def restriction_changed(sender, instance, **kwargs):
    if isinstance(instance, PageViewRestriction):
        page = Page.objects.filter(pk=instance.page_id).first()
        if page is not None:
            index_and_queue_embedding(update_subtree, page)
