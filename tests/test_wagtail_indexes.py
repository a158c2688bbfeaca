"""Wagtail's own search and reference indexes follow saves only in the tests that read them
(tests/wagtail_indexes.py); a test that reads them without asking fails instead of passing on an
index its changes never reached. The pages used by a page are what `public_pages_using` reads for
documents and images (organisations/services.py)."""

import pytest
from wagtail.models import Page, ReferenceIndex

from home.models import ContentPage
from home.setup import ensure_site
from organisations.services import public_pages_using
from tests.wagtail_indexes import IndexReadRefused

pytestmark = pytest.mark.django_db


def draft_linking_home():
    """A draft (publishing indexes its references anyway: organisations/signals.py) whose text
    links to the home page."""
    home = ensure_site()
    body = f'<p>Terug naar de <a linktype="page" id="{home.pk}">voorpagina</a>.</p>'
    page = home.add_child(instance=ContentPage(title="Over de wijk", slug="over-de-wijk", body=body, live=False))
    page.save_revision()
    return page


def references_to_home(page):
    return ReferenceIndex.get_references_for_object(page).filter(to_object_id=str(page.get_parent().pk))


def test_without_asking_a_test_neither_fills_nor_reads_wagtails_indexes():
    page = draft_linking_home()
    assert not references_to_home(page).exists()
    with pytest.raises(IndexReadRefused, match="WAGTAIL_INDEXES"):
        list(Page.objects.search("wijk"))
    with pytest.raises(IndexReadRefused, match="WAGTAIL_INDEXES"):
        public_pages_using(page.get_parent())
    # Wagtail's admin counts references on its own screens ("used 3 times"): those reads go through.
    assert ReferenceIndex.get_references_to(page.get_parent()).count() == 0


def test_a_test_that_asks_has_both_indexes_kept_up_to_date():
    """Listed in WAGTAIL_INDEXES (tests/conftest.py)."""
    page = draft_linking_home()
    assert references_to_home(page).exists()
    assert page.pk in {found.pk for found in Page.objects.search("wijk")}
    page.save_revision().publish()
    assert page.pk in {used_by.pk for used_by in public_pages_using(page.get_parent())}
