"""Every story, method, publication, atelier and library tip page shows what belongs with it
(issue 17), on the demo content. The model is off in tests, so this is the fallback: shared
themes and working factors in the index (tests/search/test_related.py covers the vectors)."""

import re

from ateliers.models import AtelierPage
from practices.models import MethodPage, PracticeStoryPage, PublicationPage
from tips.models import Tip

SECTION = re.compile(r'<section class="related" aria-labelledby="(related-(\w+)-heading)">\s*<h2 id="\1"')


def related_kinds(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return [kind for _, kind in SECTION.findall(response.content.decode())]


def test_each_page_type_shows_related_content_in_labelled_sections(client, demo_content):
    story = PracticeStoryPage.objects.live().get(slug="think-op-school-brengt-zorg-de-brugklas-in")
    assert "story" in related_kinds(client, story.url)
    kinds = [related_kinds(client, page.url) for page in MethodPage.objects.live()]
    assert any("method" in found for found in kinds) and any("story" in found for found in kinds)
    kinds = [related_kinds(client, page.url) for page in PublicationPage.objects.live()]
    assert any(found for found in kinds)
    kinds = [related_kinds(client, page.url) for page in AtelierPage.objects.live()]
    assert any(found for found in kinds)
    # Each demo tip has a theme of its own: without vectors a tip page shows no related
    # section, and renders fine.
    tip = next(tip for tip in Tip.objects.all() if tip.search_document() is not None)
    assert related_kinds(client, tip.get_absolute_url()) == []


def test_with_vectors_every_page_type_shows_three_of_each_kind(client, demo_content, settings):
    from django.core.management import call_command

    from search import vectors

    settings.SEARCH_EMBEDDING_MODEL = "tests.search.fake_embeddings.WordHashModel"
    call_command("search_index", rebuild=True, verbosity=0)
    vectors.changed()
    try:
        story = PracticeStoryPage.objects.live().first()
        assert related_kinds(client, story.url) == ["story", "method", "publication"]
        assert related_kinds(client, MethodPage.objects.live().first().url)[0] == "method"
        assert related_kinds(client, PublicationPage.objects.live().first().url)[0] == "publication"
        assert related_kinds(client, AtelierPage.objects.live().first().url) == ["story", "method", "publication"]
        tip = next(tip for tip in Tip.objects.all() if tip.search_document() is not None)
        assert related_kinds(client, tip.get_absolute_url()) == ["tip", "story", "method"]
        content = client.get(story.url).content.decode()
        section = re.search(r'aria-labelledby="related-story-heading">(.*?)</section>', content, re.DOTALL)[1]
        assert section.count('<li class="card">') == 3 and story.url not in section
    finally:
        vectors.changed()


def test_a_story_does_not_offer_its_own_methods_again(client, demo_content):
    story = PracticeStoryPage.objects.live().get(slug="think-op-school-brengt-zorg-de-brugklas-in")
    content = client.get(story.url).content.decode()
    own = [method.title for method in story.methods.all()]
    section = re.search(r'aria-labelledby="related-method-heading">(.*?)</section>', content, re.DOTALL)
    assert own and (section is None or not any(title in section[1] for title in own))
