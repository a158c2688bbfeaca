"""The per-process demo snapshot (tests/conftest.py) puts back everything a search needs.

CI once failed at random: a `transaction=True` test had rebuilt the search index of an empty
site and committed it; the next test on that worker got the demo's index rows back but not
SQLite's FTS5 table, so the header's example "weerbaarheid" found nothing and a facet in the
professional's journey was missing.
"""

import os

import pytest
from django.core.management import call_command

from search import service


def titles(query):
    return sorted(result.title for result in service.search(query, page_size=50).results)


@pytest.mark.django_db(transaction=True)
def test_the_restored_demo_is_findable_after_a_committed_index_rebuild(demo_snapshot):
    demo, _media = demo_snapshot
    demo.restore()
    found = titles("weerbaarheid")
    assert found

    with open(os.devnull, "w") as quiet:
        call_command("flush", "--noinput", stdout=quiet)
        call_command("search_index", "--rebuild", stdout=quiet)
    assert titles("weerbaarheid") == []
    demo.restore()

    assert titles("weerbaarheid") == found
