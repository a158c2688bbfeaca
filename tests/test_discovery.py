"""Being found from outside (issue 18): sitemap.xml, robots.txt, the head of every public page
(canonical, language alternates, description, Open Graph, Twitter card), JSON-LD per page type,
favicon, icons and the web app manifest. Everything is parsed, not searched for as text."""

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from io import BytesIO
from urllib.robotparser import RobotFileParser

import pytest
from django.utils import timezone, translation
from PIL import Image
from wagtail.models import Page, PageViewRestriction

from ateliers.models import AtelierPage, AtelierSeriesPage, AtelierState, Registration
from core.languages import content_language, in_visitor_language, url_in_language
from home.models import ContentPage, HomePage
from organisations.models import SECTION_FOLDER_TYPES, OrganisationIndexPage, OrganisationPage, StoryFolderPage
from practices.models import (
    MethodIndexPage,
    MethodPage,
    PracticeStoryPage,
    PublicationIndexPage,
    PublicationPage,
    StoryIndexPage,
)
from tips.models import Tip, TipLibraryPage

pytestmark = pytest.mark.django_db

BASE = "http://testserver"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


class Head(HTMLParser):
    """The <meta>, <link>, <title> and JSON-LD of a page, and whether any of them sat outside <head>."""

    def __init__(self, html):
        super().__init__()
        self.in_head = False
        self.meta, self.links, self.json_ld, self.outside_head = [], [], [], []
        self.title = ""
        self._capture = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "head":
            self.in_head = True
        elif tag in ("meta", "link") and not self.in_head and attrs.get("rel") != "stylesheet":
            self.outside_head.append((tag, attrs))
        elif tag == "meta":
            self.meta.append(attrs)
        elif tag == "link":
            self.links.append(attrs)
        if tag == "title" and self.in_head:
            self._capture = "title"
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._capture = "json"
            self.json_ld.append("")

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False
        self._capture = None

    def handle_data(self, data):
        if self._capture == "title":
            self.title += data
        elif self._capture == "json":
            self.json_ld[-1] += data

    def content(self, key, value):
        found = [meta["content"] for meta in self.meta if meta.get(key) == value]
        assert len(found) == 1, f"{key}={value}: {found}"
        return found[0]

    def contents(self, key, value):
        return [meta["content"] for meta in self.meta if meta.get(key) == value]

    def link(self, rel, **attrs):
        return [
            link["href"]
            for link in self.links
            if link.get("rel") == rel and all(link.get(name) == value for name, value in attrs.items())
        ]

    def structured(self):
        return [json.loads(text) for text in self.json_ld]


def head_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return Head(response.content.decode())


def url_in(language, page):
    with translation.override(language):
        return page.url


# -- sitemap.xml -------------------------------------------------------------------------------


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{SITEMAP}urlset"
    entries = {}
    for url in root.findall(f"{SITEMAP}url"):
        loc = url.findtext(f"{SITEMAP}loc")
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}
        assert all(link.get("rel") == "alternate" for link in url.findall(f"{XHTML}link"))
        assert loc not in entries, f"{loc} listed twice"
        entries[loc] = {"lastmod": url.findtext(f"{SITEMAP}lastmod"), "alternates": alternates}
    return entries


def test_the_sitemap_lists_every_public_page_in_both_languages_with_its_alternates(client, demo_content):
    story, draft, members_only, password = PracticeStoryPage.objects.live().order_by("pk")[:4]
    draft.unpublish()
    PageViewRestriction.objects.create(page=members_only, restriction_type=PageViewRestriction.LOGIN)
    PageViewRestriction.objects.create(page=password, restriction_type=PageViewRestriction.PASSWORD, password="x")

    entries = sitemap_entries(client)

    public_pages = [
        page
        for page in Page.objects.live().public().specific().exclude(depth=1)
        if not isinstance(page, tuple(SECTION_FOLDER_TYPES))  # section folders only redirect
    ]
    expected = {BASE + url_in(language, page) for page in public_pages for language in ("nl", "en")}
    library = TipLibraryPage.objects.live().get()
    published_tips = list(Tip.objects.published())
    assert published_tips
    expected |= {
        BASE + url_in(language, library) + library.reverse_subpage("tip", args=[tip.pk])
        for tip in published_tips
        for language in ("nl", "en")
    }
    assert set(entries) == expected
    assert f"{BASE}/" in entries and f"{BASE}/en/" in entries
    assert BASE + url_in("nl", story) in entries and BASE + url_in("en", story) in entries
    for hidden in (draft, members_only, password):
        assert not any(url.endswith(url_in("nl", hidden)) or url.endswith(url_in("en", hidden)) for url in entries)
    # The sitemap gives the date where the site is (Europe/Amsterdam), not UTC's: between
    # midnight there and midnight UTC the two differ, and this test failed every evening.
    last_published = timezone.localtime(story.last_published_at).date()
    assert entries[BASE + url_in("en", story)]["lastmod"] == last_published.isoformat()
    folder = StoryFolderPage.objects.live().first()
    assert BASE + url_in("nl", folder) not in entries

    for loc, entry in entries.items():
        # Pages made by the site set-up were never published through a revision: no date to give.
        assert entry["lastmod"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry["lastmod"]), loc
        alternates = entry["alternates"]
        assert set(alternates) == {"nl", "en", "x-default"}, loc
        assert loc in (alternates["nl"], alternates["en"])
        assert alternates["x-default"] == alternates["nl"]
        # The English alternate is the page's English address (a translated page's English slug).
        assert alternates["en"] == BASE + url_in_language(alternates["nl"].removeprefix(BASE), "en")
        # Every alternate is itself listed, pointing back (hreflang pairs are reciprocal).
        assert entries[alternates["en"]]["alternates"] == alternates


def test_the_sitemap_uses_the_public_base_url(client, demo_content, settings):
    settings.PUBLIC_BASE_URL = "https://samenpreventief.example"
    entries = sitemap_entries(client)
    assert all(loc.startswith("https://samenpreventief.example/") for loc in entries)
    assert all(
        url.startswith("https://samenpreventief.example/")
        for entry in entries.values()
        for url in entry["alternates"].values()
    )


# -- robots.txt -------------------------------------------------------------------------------


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_private_areas(client, demo_content):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    robots = RobotFileParser()
    robots.parse(response.content.decode().splitlines())
    assert robots.site_maps() == [f"{BASE}/sitemap.xml"]
    story = PracticeStoryPage.objects.live().first()
    for allowed in ["/", "/en/", story.url, url_in("en", story), "/praktijkverhalen/", "/kennisateliers/agenda.ics"]:
        assert robots.can_fetch("Googlebot", BASE + allowed), allowed
    for refused in [
        "/admin/",
        "/django-admin/",
        "/account/login/",
        "/en/account/signup/",
        "/account/profiel/",
        "/zoeken/?q=opvoeden",
        "/en/zoeken/?q=parenting",
        "/kennisateliers/aanmelding/een-sleutel/",
        "/tips/een-gemeenschap/",
        "/api/search/?q=x",
    ]:
        assert not robots.can_fetch("Googlebot", BASE + refused), refused
    # Google reads "/zoeken/?" as "the search page with parameters" (Python's parser drops the "?").
    assert "Disallow: /zoeken/?" in response.content.decode().splitlines()


# -- the head of every page type ----------------------------------------------------------------

PAGE_TYPES = [
    HomePage,
    ContentPage,
    StoryIndexPage,
    PracticeStoryPage,
    MethodIndexPage,
    MethodPage,
    PublicationIndexPage,
    PublicationPage,
    AtelierSeriesPage,
    AtelierPage,
    OrganisationIndexPage,
    OrganisationPage,
    TipLibraryPage,
]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_page_type_says_what_it_is_in_its_head(client, demo_content, language):
    other = {"nl": "en", "en": "nl"}[language]
    for model in PAGE_TYPES:
        page = model.objects.live().public().filter(locale__language_code="nl").order_by("pk").first()
        # As it is served: with its English text under /en/ where the demo translated it.
        with translation.override(language):
            page = in_visitor_language(page)
        url = url_in(language, page)
        head = head_of(client, url)
        assert not head.outside_head, (model, head.outside_head)

        assert head.link("canonical") == [BASE + url], model
        assert head.link("alternate", hreflang=language) == [BASE + url]
        assert head.link("alternate", hreflang=other) == [BASE + url_in(other, page)]
        assert head.link("alternate", hreflang="x-default") == [BASE + url_in("nl", page)]

        description = head.content("name", "description")
        assert 20 <= len(description) <= 160 and "<" not in description, (model, description)
        assert head.content("property", "og:description") == description
        assert head.content("property", "og:title") == (page.seo_title or page.title)
        assert head.content("property", "og:url") == BASE + url
        assert head.content("property", "og:type") in ("website", "article")
        # The locale of the title and description: the page's own language, also under /en/.
        assert head.content("property", "og:locale") == {"nl": "nl_NL", "en": "en_GB"}[content_language(page)]
        assert head.contents("property", "og:locale:alternate") == [
            {"nl": "en_GB", "en": "nl_NL"}[content_language(page)]
        ]
        # The page's own lead picture (pictures.renditions.SHARE_SPEC) or the site's image.
        share_image = (
            rf"{BASE}/media/images/[^/]+\.fill-1200x630\.format-jpeg\.jpegquality-80\.jpg"
            if getattr(page, "lead_image_id", None)
            else re.escape(f"{BASE}/static/img/share-default.png")
        )
        assert re.fullmatch(share_image, head.content("property", "og:image")), model
        assert (head.content("property", "og:image:width"), head.content("property", "og:image:height")) == (
            "1200",
            "630",
        )
        assert head.content("name", "twitter:card") == "summary_large_image"
        assert head.link("icon") and head.link("manifest") == ["/site.webmanifest"]
        assert head.link("apple-touch-icon") == ["/apple-touch-icon.png"]
        # At most one of each tag: a duplicate description or canonical confuses search engines.
        names = [meta.get("name") or meta.get("property") for meta in head.meta]
        names = [name for name in names if name and name != "og:locale:alternate"]
        assert len(names) == len(set(names)), model
        assert len(head.link("canonical")) == 1


def test_the_description_is_the_editors_search_description_or_else_the_summary_cut_at_a_word(client, demo_content):
    method = MethodPage.objects.live().first()
    method.summary = "Een lange samenvatting " + "met <b>veel</b> woorden &amp; meer " * 20
    method.save_revision().publish()
    description = head_of(client, method.url).content("name", "description")
    assert description.startswith("Een lange samenvatting met veel woorden & meer")
    assert len(description) <= 160 and description.endswith("…")
    assert (method.summary.replace("<b>", "").replace("</b>", "").replace("&amp;", "&")).startswith(
        description[:-1].rstrip()
    ), "cut after a whole word"

    method.search_description = "Wat de redactie zelf schreef."
    method.save_revision().publish()
    assert head_of(client, method.url).content("name", "description") == "Wat de redactie zelf schreef."


def test_the_home_page_title_names_the_site_once(client, demo_content):
    assert head_of(client, "/").title.strip() == "Samen Preventief"
    story = PracticeStoryPage.objects.live().first()
    assert head_of(client, story.url).title.strip() == f"{story.title} | Samen Preventief"


def test_the_canonical_url_of_a_listing_drops_filters_and_tracking_but_keeps_the_page_number(client, demo_content):
    listing = StoryIndexPage.objects.live().get().url
    head = head_of(client, f"{listing}?province=zuid-holland&utm_source=nieuwsbrief&life_stage=12-18")
    assert head.link("canonical") == [BASE + listing]
    head = head_of(client, f"/en{listing}?page=2&utm_campaign=x&theme=spijbelen")
    assert head.link("canonical") == [f"{BASE}/en{listing}?page=2"]
    assert head.link("alternate", hreflang="nl") == [f"{BASE}{listing}?page=2"]
    assert head_of(client, f"{listing}?page=1").link("canonical") == [BASE + listing]


# -- JSON-LD ---------------------------------------------------------------------------------------


def only_structured(client, url):
    data = head_of(client, url).structured()
    assert len(data) == 1, data
    assert data[0]["@context"] == "https://schema.org"
    return data[0]


def test_the_home_page_describes_the_website_and_its_search(client, demo_content):
    website = only_structured(client, "/")
    assert website["@type"] == "WebSite"
    assert website["url"] == f"{BASE}/"
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == f"{BASE}/zoeken/?q={{search_term_string}}"
    assert action["query-input"] == "required name=search_term_string"


@pytest.mark.parametrize("model", [PracticeStoryPage, PublicationPage])
def test_stories_and_publications_are_articles(client, demo_content, model):
    page = model.objects.live().first()
    article = only_structured(client, page.url)
    assert article["@type"] == "Article"
    assert article["headline"] == page.title
    assert article["url"] == BASE + page.url
    assert article["inLanguage"] == "nl"
    assert timezone.datetime.fromisoformat(article["datePublished"]) == page.first_published_at
    assert timezone.datetime.fromisoformat(article["dateModified"]) == page.last_published_at
    assert article["publisher"]["@type"] == "Organization" and article["publisher"]["name"] == "Samen Preventief"
    assert article["author"] and all(
        author["@type"] == "Organization" and author["name"] for author in article["author"]
    )
    if model is PracticeStoryPage:
        assert article["author"][0]["name"] == page.municipality.name


def test_an_organisation_page_describes_the_organisation(client, demo_content):
    page = OrganisationPage.objects.live().select_related("organisation").first()
    data = only_structured(client, page.url)
    assert data["@type"] == "Organization"
    assert data["name"] == page.organisation.name
    assert data["url"] == BASE + page.url


def test_an_atelier_is_an_event_whose_offer_follows_the_seats_left_also_from_the_page_cache(
    client, demo_content, settings
):
    settings.PAGE_CACHE_ENABLED = True
    atelier = AtelierPage.objects.live().filter(date__gte=timezone.localdate()).order_by("date").first()
    AtelierPage.objects.filter(pk=atelier.pk).update(state=AtelierState.REGISTRATION_OPEN, capacity=2)
    atelier.refresh_from_db()
    Registration.objects.filter(atelier=atelier).delete()

    event = only_structured(client, atelier.url)
    assert event["@type"] == "Event"
    assert event["name"] == atelier.title
    start = timezone.datetime.fromisoformat(event["startDate"])
    assert start == atelier.starts_at and start.utcoffset() is not None
    assert re.search(r"[+-]\d\d:\d\d$", event["endDate"]), "with its time zone"
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["location"]["@type"] == "Place"
    if atelier.venue_address:
        assert event["location"]["address"]["streetAddress"] == atelier.venue_address
    assert event["offers"] | {"availability": None} == {
        "@type": "Offer",
        "price": "0",
        "priceCurrency": "EUR",
        "availability": None,
        "url": BASE + atelier.url,
    }
    assert event["offers"]["availability"] == "https://schema.org/InStock"
    assert event["remainingAttendeeCapacity"] == 2
    assert event["organizer"][0]["name"] == "Samen Preventief"

    for number in range(2):
        Registration.objects.create(
            atelier=atelier,
            name=f"Deelnemer {number}",
            email=f"deelnemer{number}@synthetisch.invalid",
            background="wijkteam",
            status=Registration.Status.CONFIRMED,
            email_confirmed_at=timezone.now(),
            queued_at=timezone.now(),
        )
    response = client.get(atelier.url)
    assert response["X-Page-Cache"] == "hit", "registrations keep the cached page"
    event = Head(response.content.decode()).structured()[0]
    assert event["offers"]["availability"] == "https://schema.org/SoldOut"
    assert event["remainingAttendeeCapacity"] == 0


def test_editor_text_cannot_break_out_of_the_json_ld(client, demo_content):
    story = PracticeStoryPage.objects.live().first()
    hostile = 'Verhaal </script><script>alert("x")</script> & <!-- einde'
    story.title = hostile
    story.standfirst = "Intro </SCRIPT><img src=x onerror=alert(1)>"
    story.save_revision().publish()

    html = client.get(story.url).content.decode()
    head = Head(html)
    assert "<script>alert" not in html and "</SCRIPT><img" not in html
    assert len(head.json_ld) == 1
    article = head.structured()[0]
    assert article["headline"] == hostile
    assert article["description"] == "Intro"  # the markup is gone, not escaped into the description


# -- icons and the manifest ---------------------------------------------------------------------


def test_the_favicon_icons_and_manifest_are_where_browsers_look(client, db):
    favicon = client.get("/favicon.ico")
    assert favicon.status_code == 200
    image = Image.open(BytesIO(b"".join(favicon.streaming_content)))
    assert image.format == "ICO"
    touch = client.get("/apple-touch-icon.png")
    assert touch.status_code == 200
    assert Image.open(BytesIO(b"".join(touch.streaming_content))).size == (180, 180)

    manifest = client.get("/site.webmanifest")
    assert manifest.status_code == 200
    assert manifest["Content-Type"] == "application/manifest+json"
    data = json.loads(manifest.content)
    assert data["name"] == "Samen Preventief" and data["start_url"] == "/"
    sizes = {icon["sizes"] for icon in data["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in data["icons"]:
        response = client.get(icon["src"])
        assert response.status_code == 200, icon
        if icon["type"] == "image/png":
            width, height = Image.open(BytesIO(b"".join(response.streaming_content))).size
            assert f"{width}x{height}" == icon["sizes"]
    share = client.get("/static/img/share-default.png")
    assert Image.open(BytesIO(b"".join(share.streaming_content))).size == (1200, 630)


def test_sitemap_robots_and_feeds_are_served_from_the_page_cache_until_content_changes(client, demo_content, settings):
    settings.PAGE_CACHE_ENABLED = True
    urls = ["/sitemap.xml", "/robots.txt", "/feeds/praktijkverhalen/", "/en/feeds/tips/"]
    assert [client.get(url)["X-Page-Cache"] for url in urls] == ["miss"] * 4
    assert [client.get(url)["X-Page-Cache"] for url in urls] == ["hit"] * 4
    story = PracticeStoryPage.objects.live().first()
    story.title = "Een nieuwe titel voor dit verhaal"
    story.save_revision().publish()
    response = client.get("/feeds/praktijkverhalen/")
    assert response["X-Page-Cache"] == "miss"
    assert "Een nieuwe titel voor dit verhaal" in response.content.decode()


def test_a_missing_page_claims_no_canonical_address(client, db):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    head = Head(response.content.decode())
    assert head.link("canonical") == [] and head.contents("property", "og:url") == []
    assert head.content("name", "robots") == "noindex"
    assert head.link("icon")


def test_a_page_type_with_an_image_of_its_own_shows_that_image_in_link_previews(rf):
    from core import discovery

    class PageWithImage:
        title = "Met een eigen beeld"
        seo_title = search_description = ""

        def share_image(self):
            return f"{BASE}/media/images/eigen-beeld.png", (1200, 630), "Een eigen beeld"

        def meta_description(self):
            return "<p>Een pagina met een eigen beeld.</p>"

    tags = discovery.head_tags(rf.get("/iets/?utm_source=x"), page=PageWithImage())
    assert tags["image"] == f"{BASE}/media/images/eigen-beeld.png" and tags["image_size"] == (1200, 630)
    assert tags["image_alt"] == "Een eigen beeld"
    assert tags["description"] == "Een pagina met een eigen beeld."
    assert tags["canonical"] == f"{BASE}/iets/"
    assert discovery.head_tags(rf.get("/iets/"))["image"] == f"{BASE}/static/img/share-default.png"
