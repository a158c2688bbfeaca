"""Where other pages name a translated page (issue 18, phase 3).

Under /en/ a page with a published English translation is named by its English title (and
summary) wherever another page lists it: the menu, the footer, listing cards, related cards,
the home page's sections, search hits (page and API) and the feeds; it is marked as English
(no `lang="nl"`). An untranslated page keeps its Dutch title inside `lang="nl"`. The English
titles of a whole list come in one query (`core.languages.live_translations`).
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from accounts.models import User
from core import languages
from core.object_keys import object_key
from editorial.services import translate_page
from home.models import FooterSettings, HomePage
from practices.models import MethodPage, PracticeStoryPage, StoryIndexPage
from search import service

from .conftest import soup_of, url_in

ENGLISH_TITLE = "Together on the street"
ENGLISH_STANDFIRST = "Youth workers and care workers walk the neighbourhood together."


def dutch_stories():
    return PracticeStoryPage.objects.live().public().filter(locale__language_code="nl").order_by("pk")


def translate_story(story, title=ENGLISH_TITLE, standfirst=ENGLISH_STANDFIRST):
    return translate_page(story, {story.title: title, story.standfirst: standfirst})


def untranslated(pages):
    """Those of `pages` without a published English translation (the demo translates a few)."""
    return [page for page in pages if languages.live_translation(page, "en") is None]


def drop_translation(page):
    english = languages.live_translation(page, "en")
    if english is not None:
        english.unpublish()


def stories_listed(soup):
    """The stories of the cards on a page (listing or home section), in their order."""
    by_url = {url_in("en", story): story for story in dutch_stories()}
    return [by_url[a["href"]] for a in soup.select("li.card h3 a[href]") if a["href"] in by_url]


def link_to(soup, href):
    links = [a for a in soup.find_all("a", href=True) if a["href"] == href]
    assert links, href
    return links[0]


def test_the_stories_listing_names_a_translated_story_in_english_and_an_untranslated_one_in_dutch(client, demo_content):
    index = StoryIndexPage.objects.live().get(locale__language_code="nl")
    translated, other = untranslated(stories_listed(soup_of(client, url_in("en", index))))[:2]
    translate_story(translated)

    soup = soup_of(client, url_in("en", index))
    link = link_to(soup, url_in("en", translated))
    assert link.get_text(strip=True) == ENGLISH_TITLE
    assert link.get("lang") is None
    assert ENGLISH_STANDFIRST in soup.get_text()
    card = link.find_parent("li")
    assert card.find(lang="nl") is None, card

    other_link = link_to(soup, url_in("en", other))
    assert other_link.get_text(strip=True) == other.title
    assert other_link["lang"] == "nl"

    dutch = soup_of(client, url_in("nl", index))
    assert link_to(dutch, url_in("nl", translated)).get_text(strip=True) == translated.title
    assert ENGLISH_TITLE not in dutch.get_text()


def test_a_related_card_on_another_page_names_the_translated_story_in_english(client, demo_content):
    def related_stories(page):
        found = service.related(object_key(page), ["story"])["story"]
        return untranslated(PracticeStoryPage.objects.get(pk=int(hit.key.rpartition(":")[2])) for hit in found)

    page, story = next((page, related[0]) for page in dutch_stories() if (related := related_stories(page)))
    translate_story(story)

    soup = soup_of(client, url_in("en", page))
    link = link_to(soup, url_in("en", story))
    assert link.get_text(strip=True) == ENGLISH_TITLE
    assert link.get("lang") is None


def test_a_story_names_its_translated_method_in_english(client, demo_content):
    story, method = next(
        (story, methods[0])
        for story in dutch_stories()
        if (methods := untranslated(method for method in story.methods.all() if method.live))
    )
    translate_page(method, {method.title: "Strong parents, strong children"})
    soup = soup_of(client, url_in("en", story))
    link = link_to(soup, url_in("en", method))
    assert "Strong parents, strong children" in link.get_text()
    assert link.get("lang") is None


def test_the_menu_and_the_footer_name_translated_pages_in_english(client, demo_content):
    index = StoryIndexPage.objects.live().get(locale__language_code="nl")
    translate_page(index, {index.title: "Practice stories"})
    footer_links = FooterSettings.for_site(Site.objects.get(is_default_site=True)).links
    statements = [link["page"].specific for link in (block.value for block in footer_links) if link.get("page")]
    for statement in statements:
        drop_translation(statement)  # the demo's (home/demo.py)
    translated_statement, *untranslated_statements = statements
    translate_page(translated_statement, {translated_statement.title: "Privacy statement"})

    soup = soup_of(client, "/en/")
    menu = soup.find("nav", class_="site-nav")
    link = link_to(menu, url_in("en", index))
    assert link.get_text(strip=True) == "Practice stories" and link.get("lang") is None
    untranslated_menu_links = [a for a in menu.find_all("a") if a is not link]
    assert untranslated_menu_links and all(a["lang"] == "nl" for a in untranslated_menu_links)

    footer = soup.find("footer")
    link = link_to(footer, url_in("en", translated_statement))
    assert link.get_text(strip=True) == "Privacy statement" and link.get("lang") is None
    for statement in untranslated_statements:
        other = link_to(footer, url_in("en", statement))
        assert other["lang"] == "nl" and other.get_text(strip=True) == statement.title

    dutch = soup_of(client, "/")
    assert "Practice stories" not in dutch.get_text() and "Privacy statement" not in dutch.get_text()


def test_the_home_page_section_names_a_translated_story_in_english(client, demo_content):
    home = HomePage.objects.get(locale__language_code="nl")
    story = untranslated(stories_listed(soup_of(client, "/en/").find(id="home-latest-stories").find_parent("section")))[
        0
    ]
    translate_story(story)
    if languages.live_translation(home, "en") is None:
        translate_page(home, {})

    section = soup_of(client, "/en/").find(id="home-latest-stories").find_parent("section")
    link = link_to(section, url_in("en", story))
    assert link.get_text(strip=True) == ENGLISH_TITLE and link.get("lang") is None
    assert ENGLISH_STANDFIRST in section.get_text()


def test_search_hits_name_a_translated_story_in_english(client, demo_content):
    story = untranslated(dutch_stories())[0]
    translate_story(story)
    query = story.title.split()[0]

    soup = soup_of(client, "/en/zoeken/?q=" + query)
    link = link_to(soup, url_in("en", story))
    assert link.get_text(strip=True) == ENGLISH_TITLE and link.get("lang") is None
    hit = link.find_parent("li")
    assert ENGLISH_STANDFIRST in hit.get_text()
    assert hit.find(lang="nl") is None, hit
    hit_links = [h3.find("a") for h3 in soup.find_all("h3", class_="search-result__title")]
    assert any(a.get("lang") == "nl" for a in hit_links if a is not link)

    dutch = soup_of(client, "/zoeken/?q=" + query)
    assert ENGLISH_TITLE not in dutch.get_text()


def test_the_search_api_gives_english_titles_when_asked_for_english(client, demo_content):
    story = untranslated(dutch_stories())[0]
    translate_story(story)
    query = story.title.split()[0]

    english = client.get("/api/search/", {"q": query, "locale": "en"}).json()["results"]
    hit = next(hit for hit in english if hit["url"] == url_in("en", story))
    assert hit["title"] == ENGLISH_TITLE and hit["summary"] == ENGLISH_STANDFIRST

    dutch = client.get("/api/search/", {"q": query}).json()["results"]
    assert story.title in [hit["title"] for hit in dutch]
    assert ENGLISH_TITLE not in [hit["title"] for hit in dutch]

    response = client.get("/api/search/", {"q": query, "locale": "fr"})
    assert response.status_code == 400 and "Onbekende taal" in response.json()["detail"]


def test_the_english_feed_names_translated_stories_in_english(client, demo_content):
    story = untranslated(dutch_stories().order_by("-first_published_at", "-pk"))[0]
    translate_story(story)
    feed = client.get("/en/feeds/praktijkverhalen/").content.decode()
    assert f"<title>{ENGLISH_TITLE}</title>" in feed
    assert ENGLISH_TITLE not in client.get("/feeds/praktijkverhalen/").content.decode()


def listing_queries(client, url):
    client.get(url)  # fills the caches (menu, footer, facet counts), as every visitor after the first
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    assert "X-Page-Cache" not in response, "a member's listing is rendered, not served from the page cache"
    return len(captured)


def test_an_english_listing_takes_the_same_queries_however_many_cards_it_shows(client, demo_content):
    """The cards' English titles come in one query for the whole listing (no query per card):
    a listing of many cards costs, beyond a listing of two, what it costs in Dutch."""
    client.force_login(User.objects.get(email="professional@demo.samenpreventief.nl"))
    index = StoryIndexPage.objects.live().get(locale__language_code="nl")
    stories = stories_listed(soup_of(client, url_in("en", index)))
    assert len(stories) >= 10
    for number, story in enumerate(stories):
        translate_story(story, title=f"Story {number}", standfirst=f"Standfirst {number}")
    few = f"?municipality={stories[0].municipality.slug}"
    assert 0 < len(stories_listed(soup_of(client, url_in("en", index) + few))) < 5

    queries = {
        (language, cards): listing_queries(client, url_in(language, index) + (few if cards == "few" else ""))
        for language in ("nl", "en")
        for cards in ("few", "many")
    }
    assert queries["en", "many"] - queries["en", "few"] == queries["nl", "many"] - queries["nl", "few"], queries
    assert "Story 9" in soup_of(client, url_in("en", index)).get_text()


def test_the_english_titles_of_a_list_of_pages_come_in_one_query(demo_content, django_assert_num_queries):
    stories = list(dutch_stories()[:3])
    method = MethodPage.objects.live().filter(locale__language_code="nl").order_by("pk").first()
    statement = StoryIndexPage.objects.live().get(locale__language_code="nl")  # not translated
    for page in stories:
        translate_story(page, title=f"English {page.pk}", standfirst=f"Standfirst {page.pk}")
    translate_page(method, {method.title: "A method", method.summary: "What the method does."})
    languages.live_translations([*stories, method, statement], "en")  # reads the locales and content types once

    with django_assert_num_queries(1):
        by_page = languages.live_translations([*stories, method, statement], "en")
    assert by_page[stories[0].pk]["title"] == f"English {stories[0].pk}"
    assert by_page[stories[0].pk]["standfirst"] == f"Standfirst {stories[0].pk}"
    assert by_page[method.pk]["summary"] == "What the method does."
    assert statement.pk not in by_page

    # By id, with the model the caller knows (a search hit's key): the same, in one query.
    with django_assert_num_queries(1):
        by_id = languages.live_translations(
            [(type(page), page.pk) for page in [*stories, method]] + [statement.pk], "en"
        )
    assert by_id == {pk: texts for pk, texts in by_page.items()}
    assert languages.live_translations(stories, "nl") == {}


def test_finding_a_translation_or_its_original_takes_one_query(demo_content, django_assert_num_queries):
    story = dutch_stories().first()
    english_copy = translate_story(story)
    languages.live_translation(story, "en")  # reads the locales once per process

    with django_assert_num_queries(1):
        found = languages.live_translation(story, "en")
    assert found.pk == english_copy.pk and isinstance(found, PracticeStoryPage)
    assert found.standfirst == ENGLISH_STANDFIRST

    with django_assert_num_queries(1):
        original = languages.canonical_page(english_copy)
    assert original.pk == story.pk and isinstance(original, PracticeStoryPage)

    assert languages.live_translation(untranslated(dutch_stories())[-1], "en") is None


def test_the_member_home_names_a_translated_atelier_in_english(client, demo_content):
    from ateliers.models import Registration

    member = User.objects.get(email="professional@demo.samenpreventief.nl")
    ateliers = [
        registration.atelier
        for registration in Registration.objects.filter(user=member, anonymised=False).select_related("atelier")
        if registration.atelier.live
    ]
    translated = next(atelier for atelier in ateliers if languages.live_translation(atelier, "en") is None)
    untranslated = [atelier for atelier in ateliers if languages.live_translation(atelier, "en") is None]
    untranslated.remove(translated)
    translate_page(translated, {translated.title: "An English workshop"})
    client.force_login(member)

    soup = soup_of(client, "/en/mijn/")
    headings = {h4.get_text(strip=True): h4.get("lang") for h4 in soup.find_all("h4")}
    assert headings["An English workshop"] is None, headings
    assert untranslated, "the demo member has registrations for more than one atelier"
    assert all(headings[atelier.title] == "nl" for atelier in untranslated), headings
    assert "An English workshop" not in soup_of(client, "/mijn/").get_text()


def test_the_prevention_matrix_names_a_translated_method_in_english(client, demo_content):
    from django.urls import reverse
    from django.utils import translation

    method = untranslated(
        MethodPage.objects.live()
        .filter(locale__language_code="nl", life_stages__isnull=False, prevention_levels__isnull=False)
        .distinct()
        .order_by("pk")
    )[0]
    translate_page(method, {method.title: "An English method"})
    with translation.override("en"):
        url = reverse("practices:matrix")
    link = link_to(soup_of(client, url), url_in("en", method))
    assert "An English method" in link.get_text() and link.get("lang") is None
