"""The queries behind the pages a logged-in member reads (issue 14, "Speed without the page cache").

Members, editors and every personal page never come from the page cache, so each query on
these pages is paid on every view. The counts are pinned exactly: a query that creeps back in
(a dropped prefetch, the menu read from the database again, a lookup per card) fails here, and
a change that saves queries updates the number on purpose. benchmarks/uncached_pages.py
measures what the counts cost in time (BENCHMARKS.md, "Pages without the page cache").

The caches start empty and the first view fills them (menu and footer, Wagtail's site root
paths, facet counts); the pinned view is the second, as for every member after the first.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from core.object_keys import object_key
from practices.models import MethodPage, PracticeStoryPage, PublicationPage
from search import service

MEMBER = "professional@demo.samenpreventief.nl"

# Per page: the queries of a member's repeated view. Search differs per engine (full-text query).
# +1 on every page with issue 18's translations: Wagtail's i18n looks up the active locale when
# it routes (`site.root_page.localized`); the home page +1 more: the ateliers' series page is
# read as its own type, so its link keeps an English visitor under /en/.
EXPECTED_QUERIES = {
    "home": 18,
    "listing": 16,
    # +2 since stories live in their organisation's folder (issue 15): Wagtail routes one level more;
    # -1 since related content comes from the search index (issue 17): two queries (the page's
    # entry, the related entries of every kind) replace the three of the theme-related cards.
    # +4 with the related cards' pictures: the lead pictures of the related stories and of the
    # related methods (one query per kind), the pictures and their renditions (one each).
    "story": 33,
    # Pinned with issue 17; related content is two of these, however many kinds and cards
    # (tests/search/test_related.py).
    # +1 with issue 18's pictures: the demo method has a lead image (its renditions come from
    # Wagtail's rendition cache on a repeated view; a page without a picture pays nothing).
    # +2 with the related cards' pictures (see "story").
    "method": 30,
    "publication": 25,
    # PostgreSQL +1 with issue 17's broad-query check: the planner's estimate of the matches
    # (one EXPLAIN) decides whether the first 1,001 matches need reading at all; -1 again since
    # the planner is only asked when the words' counts (the vocabulary, remembered per process)
    # could make the query broad, which `tienermoeders` in the demo cannot.
    "search": {"sqlite": 8, "postgresql": 14},
}


def story_with_three_related_cards():
    """A demo story whose related content shows the most cards: three stories and three methods."""
    for story in PracticeStoryPage.objects.live().order_by("pk"):
        related = service.related(object_key(story), ["story", "method"])
        if len(related["story"]) == 3 and len(related["method"]) == 3:
            return story
    raise AssertionError("the demo content has no story with three related stories and methods")


def test_a_members_pages_take_a_fixed_number_of_queries(client, demo_content):
    client.force_login(User.objects.get(email=MEMBER))
    story = story_with_three_related_cards()
    pages = {
        "home": "/",
        "listing": "/praktijkverhalen/?life_stage=12-18&province=zuid-holland",
        "story": story.url,
        "method": MethodPage.objects.live().filter(stories__isnull=False).order_by("pk").first().url,
        "publication": PublicationPage.objects.live().filter(methods__isnull=False).order_by("pk").first().url,
        "search": "/zoeken/?q=tienermoeders",
    }
    expected = {
        name: count[connection.vendor] if isinstance(count, dict) else count for name, count in EXPECTED_QUERIES.items()
    }
    counted, queries = {}, {}
    for name, url in pages.items():
        assert client.get(url).status_code == 200
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        assert "Uitloggen" in response.content.decode(), "the member is logged in, so no page cache"
        assert "X-Page-Cache" not in response
        counted[name] = len(captured)
        queries[name] = [query["sql"][:150] for query in captured]
    assert counted == expected, "\n".join(f"{name}:\n  " + "\n  ".join(sql) for name, sql in queries.items())
