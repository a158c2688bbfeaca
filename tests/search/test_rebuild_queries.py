"""A rebuild reads every page with a fixed number of queries per batch, not ~10 per page
(issue 17): the indexing querysets prefetch what each page's search document reads."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.indexing import public_documents

pytestmark = pytest.mark.django_db


def rebuild_queries():
    list(public_documents())  # warm-up: site root paths and content types are cached after it
    with CaptureQueriesContext(connection) as captured:
        documents = [document for batch in public_documents() for document in batch]
    return len(captured), documents


def test_reading_the_documents_takes_as_many_queries_for_many_pages_as_for_few(demo_content, settings):
    from practices.models import MethodPage, PracticeStoryPage, PublicationPage

    settings.SEARCH_EMBEDDING_MODEL = ""
    few, documents = rebuild_queries()
    pages = [
        *PracticeStoryPage.objects.live().order_by("pk")[:4],
        *MethodPage.objects.live().order_by("pk")[:4],
        *PublicationPage.objects.live().order_by("pk")[:2],
    ]
    for page in pages:  # copies with their relations: each page type counts twice as many pages
        page.copy(update_attrs={"slug": f"{page.slug}-kopie", "title": f"{page.title} (kopie)"}, keep_live=True)
    many, more_documents = rebuild_queries()
    assert len(more_documents) == len(documents) + len(pages)
    assert many == few, f"{few} queries for {len(documents)} documents, {many} for {len(more_documents)}"
    # Measured on the demo (55 documents): 407 queries before the prefetch, 58 after; what is
    # left is mostly the ateliers' and tips' own, per object (their apps name no prefetch yet).
    assert few <= 70


def test_ateliers_are_read_with_as_many_queries_for_many_as_for_few(demo_content, settings):
    """Their programme and themes come per batch (AtelierPage.search_prefetch), not per page."""
    from ateliers.models import AtelierPage

    settings.SEARCH_EMBEDDING_MODEL = ""
    few, documents = rebuild_queries()
    ateliers = list(AtelierPage.objects.live().order_by("pk")[:3])
    assert ateliers and any(atelier.programme_items.exists() for atelier in ateliers)
    for atelier in ateliers:
        atelier.copy(
            update_attrs={"slug": f"{atelier.slug}-kopie", "title": f"{atelier.title} (kopie)"}, keep_live=True
        )
    many, more_documents = rebuild_queries()
    assert len(more_documents) == len(documents) + len(ateliers)
    assert many == few, f"{few} queries for {len(documents)} documents, {many} for {len(more_documents)}"
