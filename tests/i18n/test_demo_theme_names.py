"""Issue 18: the demo's free themes have English names (taxonomy/demo_data/themes.toml), so an
English visitor sees no Dutch theme labels on demo content."""

import pytest

from practices.models import MethodIndexPage, PracticeStoryPage, StoryIndexPage
from taxonomy import demo
from taxonomy.models import Theme

from .conftest import soup_of, url_in

pytestmark = pytest.mark.django_db


def test_every_demo_theme_has_an_english_name_and_the_data_file_names_only_demo_themes(demo_content):
    themes = dict(Theme.objects.values_list("name", "name_en"))
    assert themes, "the demo tags its content with themes"
    assert sorted(name for name, name_en in themes.items() if not name_en) == []
    names = demo.english_theme_names()
    assert sorted(set(names) - set(themes)) == [], "themes.toml names themes the demo does not use"
    assert all(themes[name] == name_en for name, name_en in names.items())


def test_english_listings_and_story_pages_show_no_dutch_theme_labels(client, demo_content):
    for index in (StoryIndexPage.objects.live().first(), MethodIndexPage.objects.live().first()):
        soup = soup_of(client, url_in("en", index))
        theme_facet = next(
            (fieldset for fieldset in soup.select("fieldset") if "Theme" in fieldset.get_text(" ", strip=True)), None
        )
        assert theme_facet is not None and theme_facet.select("label"), index.url
        assert theme_facet.select("[lang=nl]") == [], index.url
    story = PracticeStoryPage.objects.live().filter(themes__isnull=False).order_by("pk").first()
    facts = soup_of(client, url_in("en", story)).find("aside", class_="detail-aside")
    theme = story.themes.first()
    assert theme.name_en in facts.get_text(" ", strip=True)
    assert facts.find(lang="nl", string=theme.name) is None


def test_the_loader_keeps_an_editors_translation_and_changes_nothing_the_second_time(demo_content):
    theme = Theme.objects.get(name="schooluitval")
    Theme.objects.filter(pk=theme.pk).update(name_en="Dropping out")
    other = Theme.objects.get(name="tienermoeders")
    Theme.objects.filter(pk=other.pk).update(name_en="")
    demo.load(lambda message: None)
    assert Theme.objects.get(pk=theme.pk).name_en == "Dropping out"
    assert Theme.objects.get(pk=other.pk).name_en == "teenage mothers"
    before = list(Theme.objects.order_by("pk").values_list("name", "name_en"))
    demo.load(lambda message: None)
    assert list(Theme.objects.order_by("pk").values_list("name", "name_en")) == before
