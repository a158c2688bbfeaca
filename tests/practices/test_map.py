"""The story map (/kennisbank/kaart/): counts per province and municipality, links to the
filtered listing, the table alternative and the accessible names of the map's regions."""

import json
import re
from html.parser import HTMLParser

import pytest
from wagtail.models import PageViewRestriction

from organisations.models import Province
from practices import story_map

MAP_URL = "/kennisbank/kaart/"


class RegionLinks(HTMLParser):
    """The links inside the map's <svg>: their aria-label, href and the count printed in them."""

    def __init__(self):
        super().__init__()
        self.in_svg = False
        self.current = None
        self.in_text = False
        self.regions = []
        self.svg_attrs = {}
        self.svg_title = ""
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "svg":
            self.in_svg, self.svg_attrs = True, attrs
        elif self.in_svg and tag == "title":
            self.in_title = True
        elif self.in_svg and tag == "a":
            self.current = {"label": attrs.get("aria-label"), "href": attrs.get("href"), "text": ""}
        elif self.current is not None and tag == "text":
            self.in_text = True

    def handle_endtag(self, tag):
        if tag == "svg":
            self.in_svg = False
        elif tag == "title":
            self.in_title = False
        elif tag == "a" and self.current is not None:
            self.regions.append(self.current)
            self.current = None
        elif tag == "text":
            self.in_text = False

    def handle_data(self, data):
        if self.in_text and self.current is not None:
            self.current["text"] += data.strip()
        if self.in_title:
            self.svg_title += data


def regions_of(response):
    parser = RegionLinks()
    parser.feed(response.content.decode())
    return parser


@pytest.fixture
def stories_on_the_map(knowledge_base, make_municipality, make_story):
    """Overijssel 1 (Zwolle), Zuid-Holland 2 (Rotterdam); a draft, a private story and a story of a
    municipality without a province must not count."""
    _, delft_page = make_municipality("Delft", Province.ZUID_HOLLAND)
    draft = make_story(delft_page, "Nog niet af")
    draft.unpublish()
    _, leiden_page = make_municipality("Leiden", Province.ZUID_HOLLAND)
    private = make_story(leiden_page, "Alleen voor ingelogden")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    # A municipality saved without its province (the admin form requires one; an import may not):
    # its story has no place on the map, and the map still renders.
    _, nowhere_page = make_municipality("Nergenshuizen", province="")
    make_story(nowhere_page, "Zonder provincie")
    return knowledge_base


def test_counts_per_province_include_provinces_without_stories(client, stories_on_the_map):
    response = client.get(MAP_URL)
    assert response.status_code == 200
    counts = {region.slug: region.count for region in response.context["regions"]}
    assert set(counts) == set(Province.values)
    assert counts["zuid-holland"] == 2  # the draft in Delft and the private story in Leiden do not count
    assert counts["overijssel"] == 1
    assert counts["zeeland"] == 0
    assert response.context["total"] == 3
    municipalities = {
        region.slug: [(municipality.name, municipality.count) for municipality in region.municipalities]
        for region in response.context["regions"]
    }
    assert municipalities["zuid-holland"] == [("Rotterdam", 2)]
    assert municipalities["zeeland"] == []

    # The table alternative: every province with its count and its link, municipalities linked too.
    content = response.content.decode()
    table = content[content.index("<table") : content.index("</table>")]
    assert "<caption>Praktijkverhalen per provincie</caption>" in table
    rows = re.findall(
        r'<th scope="row"><a class="utrecht-link" href="([^"]+)">([^<]+)</a></th>\s*<td>(\d+)</td>', table
    )
    assert len(rows) == 12
    assert ("/praktijkverhalen/?province=zuid-holland", "Zuid-Holland", "2") in rows
    assert ("/praktijkverhalen/?province=zeeland", "Zeeland", "0") in rows
    assert 'href="/praktijkverhalen/?municipality=rotterdam">Rotterdam</a> (2)' in table
    # The listing links back to the map.
    assert f'href="{MAP_URL}"' in client.get("/praktijkverhalen/").content.decode()


def test_each_region_is_a_named_link_with_its_count_as_text(client, stories_on_the_map):
    parsed = regions_of(client.get(MAP_URL))
    assert parsed.svg_attrs.get("aria-labelledby") == "story-map-title"
    assert "Kaart van Nederland" in parsed.svg_title
    by_label = {region["label"]: region for region in parsed.regions}
    assert len(parsed.regions) == 12
    assert by_label["Zuid-Holland: 2 praktijkverhalen"]["text"] == "2"
    assert by_label["Overijssel: 1 praktijkverhaal"]["href"] == "/praktijkverhalen/?province=overijssel"
    assert by_label["Zeeland: 0 praktijkverhalen"]["text"] == "0"
    assert by_label["Fryslân: 0 praktijkverhalen"]["href"] == "/praktijkverhalen/?province=friesland"
    for region in parsed.regions:
        assert re.fullmatch(r"[^:]+: \d+ praktijkverha(al|len)", region["label"])


def test_region_and_municipality_links_lead_to_a_listing_with_exactly_their_stories(client, stories_on_the_map):
    regions = {region.slug: region for region in client.get(MAP_URL).context["regions"]}
    expected = {
        "zuid-holland": {"Jongeren op straat", "Moeders van Rotterdam"},
        "overijssel": {"Elke week een THINK-les in de brugklas"},
        "zeeland": set(),
    }
    for province, titles in expected.items():
        listing = client.get(regions[province].url)
        assert listing.status_code == 200
        assert {story.title for story in listing.context["listing"].page_obj.object_list} == titles
        assert listing.context["listing"].total == regions[province].count
    (rotterdam,) = regions["zuid-holland"].municipalities
    assert rotterdam.url == "/praktijkverhalen/?municipality=rotterdam"
    listing = client.get(rotterdam.url)
    assert {story.title for story in listing.context["listing"].page_obj.object_list} == expected["zuid-holland"]


def test_english_map_has_english_names_and_english_links(client, stories_on_the_map):
    response = client.get("/en" + MAP_URL)
    assert response.status_code == 200
    parsed = regions_of(response)
    by_label = {region["label"]: region for region in parsed.regions}
    assert by_label["Zuid-Holland: 2 practice stories"]["href"] == "/en/praktijkverhalen/?province=zuid-holland"
    assert "Overijssel: 1 practice story" in by_label
    content = response.content.decode()
    assert "<caption>Practice stories per province</caption>" in content
    assert "Praktijkverhalen op de kaart" not in content


def test_the_map_is_page_cached_and_its_queries_are_bounded(
    client, stories_on_the_map, settings, django_assert_max_num_queries, django_assert_num_queries
):
    settings.PAGE_CACHE_ENABLED = True
    client.get("/")  # warm what every page reads (site, menu), so the pin is about the map
    # Measured: 4 (the site, the listing's URL, view restrictions, the grouped count); a little
    # room for what the base template may come to read, none for a query per story or province.
    with django_assert_max_num_queries(6):
        first = client.get(MAP_URL)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_max_num_queries(1):
        assert client.get(MAP_URL)["X-Page-Cache"] == "hit"
    # The counts themselves: the view-restriction check of `.public()` and one grouped count,
    # whatever the number of stories or municipalities.
    with django_assert_num_queries(2):
        story_map.story_map("/praktijkverhalen/")


def test_shapes_are_built_for_every_province():
    shapes = story_map.province_shapes()
    assert set(shapes["provinces"]) == set(Province.values)
    for shape in shapes["provinces"].values():
        assert shape["path"].startswith("M") and shape["path"].endswith("Z")
    data = json.loads(story_map.PROVINCE_SHAPES.read_text())
    assert data["view_box"].startswith("0 0 ")
