"""The Atom feeds of the listings (issue 18): entries, language, autodiscovery and privacy."""

import xml.etree.ElementTree as ET

import pytest
from django.utils import translation
from wagtail.models import PageViewRestriction

from ateliers.models import AtelierPage, AtelierSeriesPage
from core.discovery import summary_text
from practices.models import (
    MethodIndexPage,
    MethodPage,
    PracticeStoryPage,
    PublicationIndexPage,
    PublicationPage,
    StoryIndexPage,
)
from tests.test_discovery import Head
from tests.tips.test_privacy import parent_identities
from tips.models import CommunityMember, Tip, TipLibraryPage

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
BASE = "http://testserver"

FEEDS = {
    "praktijkverhalen": (StoryIndexPage, PracticeStoryPage),
    "methoden": (MethodIndexPage, MethodPage),
    "publicaties": (PublicationIndexPage, PublicationPage),
    "kennisateliers": (AtelierSeriesPage, AtelierPage),
}


def read_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    entries = [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "summary": entry.findtext(f"{ATOM}summary"),
            "author": entry.findtext(f"{ATOM}author/{ATOM}name"),
            "email": entry.findtext(f"{ATOM}author/{ATOM}email"),
            "updated": entry.findtext(f"{ATOM}updated"),
        }
        for entry in root.findall(f"{ATOM}entry")
    ]
    return root, entries


def url_in(language, page):
    with translation.override(language):
        return page.url


@pytest.mark.parametrize("slug", list(FEEDS))
def test_each_listing_has_an_atom_feed_in_both_languages_linked_from_its_head(client, demo_content, slug):
    listing_model, model = FEEDS[slug]
    # The Dutch pages: the items (an English translation is the text of its Dutch page).
    hidden, restricted = model.objects.live().filter(locale__language_code="nl").order_by("pk")[:2]
    hidden.unpublish()
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    listing = listing_model.objects.live().get(locale__language_code="nl")
    titles = {}
    for language, prefix in (("nl", ""), ("en", "/en")):
        feed_url = f"{prefix}/feeds/{slug}/"
        root, entries = read_feed(client, feed_url)
        titles[language] = root.findtext(f"{ATOM}title")
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == language
        assert root.find(f"{ATOM}link[@rel='alternate']").get("href") == BASE + url_in(language, listing)
        assert root.find(f"{ATOM}link[@rel='self']").get("href") == BASE + feed_url
        assert entries
        expected = {
            BASE + url_in(language, page) for page in model.objects.live().public().filter(locale__language_code="nl")
        }
        links = [entry["link"] for entry in entries]
        assert set(links) <= expected and len(links) == min(len(expected), 30)
        assert BASE + url_in(language, hidden) not in links and BASE + url_in(language, restricted) not in links
        assert all(entry["title"] and entry["summary"] and entry["updated"] for entry in entries)

        head = Head(client.get(url_in(language, listing)).content.decode())
        assert head.link("alternate", type="application/atom+xml") == [feed_url]
    assert titles["nl"] != titles["en"], "the feed speaks the request's language"


def test_the_tip_feed_has_only_published_tips_under_the_names_the_library_shows(client, demo_content):
    library = TipLibraryPage.objects.live().get()
    published = list(Tip.objects.published())
    unpublished = list(Tip.objects.exclude(state=Tip.State.PUBLISHED))
    assert published and unpublished
    assert any(tip.author and tip.author.role == CommunityMember.Role.PARENT for tip in published)

    feed = client.get("/feeds/tips/").content.decode()
    _root, entries = read_feed(client, "/feeds/tips/")
    links = {entry["link"] for entry in entries}
    assert links == {BASE + library.url + library.reverse_subpage("tip", args=[tip.pk]) for tip in published}
    by_link = {entry["link"]: entry for entry in entries}
    for tip in published:
        entry = by_link[BASE + library.url + library.reverse_subpage("tip", args=[tip.pk])]
        assert entry["author"] == tip.public_author_name
        assert entry["email"] is None
    for tip in unpublished:
        assert tip.text not in feed
    for secret in parent_identities():
        assert secret not in feed, secret
    assert "@" not in feed.replace("http://www.w3.org", ""), "no e-mail address of anybody"

    _root, english = read_feed(client, "/en/feeds/tips/")
    assert all(entry["link"].startswith(f"{BASE}/en/") for entry in english)
    head = Head(client.get(url_in("nl", library)).content.decode())
    assert head.link("alternate", type="application/atom+xml") == ["/feeds/tips/"]


def test_a_tip_in_the_library_is_described_by_its_own_text(client, demo_content):
    library = TipLibraryPage.objects.live().get()
    tip = Tip.objects.published().first()
    url = library.url + library.reverse_subpage("tip", args=[tip.pk])
    head = Head(client.get(url).content.decode())
    assert head.content("name", "description") == summary_text(tip.text)
    assert head.content("property", "og:title") == f"Tip {tip.pk}"
    assert head.link("canonical") == [BASE + url]
