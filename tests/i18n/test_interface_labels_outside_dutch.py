"""Issue 18: under /en/, the interface's own words on a detail page are English and not inside a
`lang="nl"` element (only the editors' Dutch text is marked), so a screen reader reads
"Limitations:" and "Source:" in English and the Dutch study text in Dutch."""

import re

import pytest
from bs4 import BeautifulSoup, NavigableString
from django.conf import settings
from django.utils import translation

from ateliers.models import AtelierPage
from organisations.models import OrganisationPage
from practices.models import MethodPage, PracticeStoryPage, PublicationPage
from tips.models import Tip

pytestmark = pytest.mark.django_db


def english_interface_strings():
    """The English msgstrs of our catalogues that differ from their Dutch msgid."""
    strings = set()
    for path in (
        settings.BASE_DIR / "locale/en/LC_MESSAGES/django.po",
        settings.BASE_DIR / "tips/locale/en/LC_MESSAGES/django.po",
    ):
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        for msgid, msgstr in re.findall(r'^msgid "(.+)"\nmsgstr "(.+)"$', text, re.M):
            if msgid != msgstr and len(msgstr) >= 4 and "%" not in msgstr and "{" not in msgstr:
                strings.add(msgstr)
    return strings


def labels_inside_dutch(html, interface):
    """Text nodes inside a lang="nl" element that are (or start with) an English interface label."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for text in soup.body.find_all(string=True):
        if not isinstance(text, NavigableString) or text.parent.name in ("script", "style"):
            continue
        if text.parent.find_parent(lang=True) is None and text.parent.get("lang") is None:
            continue
        nearest = text.parent if text.parent.get("lang") else text.parent.find_parent(lang=True)
        if nearest.get("lang") != "nl":
            continue  # the nearest language mark is the interface's (or the page's own html)
        words = text.strip()
        if words in interface or any(words.startswith(label) for label in interface if label.endswith(":")):
            found.append(words)
    return found


def english_urls():
    """A detail page of every type, each with the parts that mix labels and text: effect
    studies, a case vignette in a story's text, reflections on a publication."""
    stories = PracticeStoryPage.objects.live().order_by("pk")
    story = next(story for story in stories if any(block.block_type == "case_vignette" for block in story.body))
    publication = PublicationPage.objects.live().filter(reflections__isnull=False).order_by("pk").first()
    with translation.override("en"):
        tip = Tip.objects.published().order_by("pk").first()
        method = MethodPage.objects.live().exclude(effect_studies="[]").order_by("pk").first()
        return {
            "method with effect studies": method.url,
            "story with a case vignette": story.url,
            "publication with reflections": publication.url,
            "atelier": AtelierPage.objects.live().order_by("pk").first().url,
            "organisation": OrganisationPage.objects.live().order_by("pk").first().url,
            "tip": tip.get_absolute_url(),
        }


def test_interface_labels_on_detail_pages_are_english_and_outside_lang_nl(client, demo_content):
    interface = english_interface_strings()
    assert "Limitations:" in interface and "Source:" in interface
    problems = {}
    for kind, url in english_urls().items():
        response = client.get(url)
        assert response.status_code == 200, url
        found = labels_inside_dutch(response.content.decode(), interface)
        if found:
            problems[kind] = found
    assert problems == {}


def test_an_effect_study_under_en_has_english_labels_and_dutch_marked_content(client, demo_content):
    method = MethodPage.objects.live().exclude(effect_studies="[]").order_by("pk").first()
    study = next(
        block.value for block in method.effect_studies if block.value.get("limitations") and block.value.get("source")
    )
    with translation.override("en"):
        url = method.url
    soup = BeautifulSoup(client.get(url).content.decode(), "html.parser")
    studies = soup.select_one("ul.studies")
    assert studies.get("lang") is None
    label = studies.find("em", string="Limitations:")
    assert label is not None and label.find_parent(lang="nl") is None
    assert studies.find(lang="nl", string=study["limitations"]) is not None
    source = studies.find(string=re.compile(r"^\s*Source:"))
    assert source is not None and source.find_parent(lang="nl") is None
    assert studies.find(lang="nl", string=study["source"]) is not None
