"""Every example search the site suggests finds something on the demo content (issue #13.13).

The header's placeholder suggested "spijbelen", which found nothing (nor did the synonym
"schoolverzuim"). The examples are read from the pages as a visitor sees them, so a wording
change in a template or the list in search/context_processors.py is checked the same way.
"""

import re
from html import unescape

import pytest

from search import service

pytestmark = pytest.mark.django_db


def examples_shown(client, path):
    page = unescape(client.get(path).content.decode())
    placeholder = re.search(r'id="site-search-query"[^>]*placeholder="[^"]*?(?:bijv\.|e\.g\.)\s*([^"]+)"', page)
    hint = re.search(r'id="search-query-hint"[^>]*>\s*(?:Bijvoorbeeld|For example):\s*(.+?)\.\s', page, re.S)
    shown = [placeholder.group(1).strip()] if placeholder else []
    if hint:
        shown += [word.strip() for word in re.split(r",| of | or ", hint.group(1)) if word.strip()]
    return shown


def test_every_example_search_shown_finds_at_least_one_result(client, demo_content):
    shown = {path: examples_shown(client, path) for path in ["/", "/zoeken/", "/en/", "/en/zoeken/"]}
    assert all(shown.values()), shown
    without_results = sorted(
        {example for examples in shown.values() for example in examples if service.search(example).total == 0}
    )
    assert not without_results, f"examples that find nothing: {without_results}"
