"""The index follows publishing: only live, public pages are ever in it."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from search import service
from search.models import IndexEntry

from .conftest import add_page

pytestmark = pytest.mark.django_db


def found(query):
    return [result.title for result in service.search(query).results]


def test_publish_indexes_and_unpublish_removes(searchable_pages):
    page = add_page(searchable_pages, "Kinderboerderij Sliedrecht")
    assert found("kinderboerderij") == ["Kinderboerderij Sliedrecht"]
    page.unpublish()
    assert found("kinderboerderij") == []
    assert not IndexEntry.objects.exists()


def test_draft_is_never_indexed(searchable_pages):
    add_page(searchable_pages, "Geheim concept", publish=False)
    assert found("concept") == []
    assert not IndexEntry.objects.exists()


def test_private_pages_leave_the_index(searchable_pages):
    parent = add_page(searchable_pages, "Ouder pagina")
    child = add_page(parent, "Kinderboerderij Dordrecht")
    restriction = PageViewRestriction.objects.create(page=parent, restriction_type=PageViewRestriction.LOGIN)
    assert found("kinderboerderij") == []
    restriction.delete()
    assert found("dordrecht") == [child.title]


def test_move_updates_the_url(searchable_pages):
    first = add_page(searchable_pages, "Eerste")
    second = add_page(searchable_pages, "Tweede")
    page = add_page(first, "Kinderboerderij Huizen")
    page.move(second, pos="last-child")
    entry = IndexEntry.objects.get(title="Kinderboerderij Huizen")
    assert entry.url.startswith("/tweede/")


def test_delete_removes(searchable_pages):
    page = add_page(searchable_pages, "Kinderboerderij Leiden")
    page.delete()
    assert found("kinderboerderij") == []


def test_rebuild_command_indexes_only_public_live_pages(searchable_pages):
    add_page(searchable_pages, "Kinderboerderij Oss")
    add_page(searchable_pages, "Kinderboerderij concept", publish=False)
    private = add_page(searchable_pages, "Kinderboerderij besloten")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    IndexEntry.objects.all().delete()
    out = io.StringIO()
    call_command("search_index", "--rebuild", stdout=out)
    assert "1 documenten" in out.getvalue() and "[####" in out.getvalue()
    assert found("kinderboerderij") == ["Kinderboerderij Oss"]
