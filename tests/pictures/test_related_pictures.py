"""Issue 18, pictures on related content: the "Vergelijkbare praktijkverhalen" and "Methoden die
hierbij passen" cards show a page's lead picture as the listing cards do, and fetch all of them
with their renditions at once (search/includes/related.html, pictures.models.lead_pictures_by_key)."""

import re

import pytest

from ateliers.models import AtelierPage
from pictures.models import Picture, lead_pictures_by_key
from practices.models import MethodPage, PracticeStoryPage, PublicationPage
from search.models import IndexEntry, IndexFacet
from tips.models import Tip

from .conftest import queries_on_a_second_visit

pytestmark = pytest.mark.django_db


def related_cards(html):
    sections = re.findall(r'<section class="related".*?</section>', html, re.S)
    return [card for section in sections for card in re.findall(r'<li class="card[^"]*">.*?</li>', section, re.S)]


def give_every_story_and_method_a_picture(but=None):
    """Stories and methods get the demo's illustrations in turn (several pictures, so that a
    missing prefetch would show in the query count), except `but`: the page whose own lead
    picture must stay as it was while its queries are counted. Returns the pictures given."""
    pictures = list(Picture.objects.filter(title__startswith="Illustratie").order_by("pk"))
    assert len(pictures) >= 3
    pages = [
        page for model in (PracticeStoryPage, MethodPage) for page in model.objects.exclude(pk=getattr(but, "pk", None))
    ]
    for number, page in enumerate(pages):
        type(page).objects.filter(pk=page.pk).update(lead_image=pictures[number % len(pictures)])
    return pictures


def detail_pages():
    """One page per type that shows related content; in the demo, this atelier shares its themes
    with stories and methods."""
    return {
        "story": PracticeStoryPage.objects.live().order_by("pk").first(),
        "method": MethodPage.objects.live().order_by("pk").first(),
        "publication": PublicationPage.objects.live().order_by("pk").first(),
        "atelier": AtelierPage.objects.live().get(slug="eigen-kracht-in-de-jeugdhulpketen"),
        "tip": Tip.objects.published().order_by("pk").first(),
    }


def share_a_story_s_themes_with_the_tip(tip):
    """The demo's tips share no theme or working factor with a story, so their page shows no
    related stories; in the index, give the tip the working factors of the first story."""
    story = detail_pages()["story"]
    entry = IndexEntry.objects.get(key=f"tips.Tip:{tip.pk}")
    shared = IndexFacet.objects.filter(entry__key=f"practices.PracticeStoryPage:{story.pk}", name="working_factor")
    IndexFacet.objects.bulk_create(IndexFacet(entry=entry, name=row.name, value=row.value) for row in shared)
    assert shared


def url_of(page):
    return page.get_absolute_url() if isinstance(page, Tip) else page.url


def test_related_cards_show_the_lead_picture_lazily_with_size_and_alt(client, demo_content):
    pictures = give_every_story_and_method_a_picture()
    alts = {f'alt="{picture.description}"' for picture in pictures}
    for kind, page in detail_pages().items():
        if kind == "tip":
            share_a_story_s_themes_with_the_tip(page)
        url = url_of(page)
        assert url, kind
        response = client.get(url)
        assert response.status_code == 200, url
        cards = related_cards(response.content.decode())
        with_picture = [card for card in cards if "<picture>" in card]
        assert with_picture, (kind, url, "no related card with a picture")
        for card in with_picture:
            assert "card--with-picture" in card and 'type="image/avif"' in card
            image = re.search(r"<img [^>]+>", card).group(0)
            assert 'loading="lazy"' in image and 'width="400"' in image and 'height="225"' in image
            assert re.search(r'alt="[^"]*"', image).group(0) in alts
        # Publications and tips have no lead picture: their cards keep no box for one.
        assert not any("card--with-picture" in card for card in cards if "<picture>" not in card)
    # A decorative picture is skipped by screen readers.
    Picture.objects.filter(pk__in=[picture.pk for picture in pictures]).update(is_decorative=True)
    cards = related_cards(client.get(detail_pages()["story"].url).content.decode())
    images = [re.search(r"<img [^>]+>", card).group(0) for card in cards if "<picture>" in card]
    assert images and all('alt=""' in image for image in images)


def test_related_cards_with_pictures_do_not_query_per_card(client, demo_content):
    """Every related story and method has a picture, or none has: two queries apart at most
    (the pictures and their renditions), however many cards the page shows."""
    for kind in ("story", "method", "atelier"):
        page = detail_pages()[kind]
        give_every_story_and_method_a_picture(but=page)
        with_pictures, html = queries_on_a_second_visit(client, page.url)
        assert len([card for card in related_cards(html) if "<picture>" in card]) >= 3, page.url
        for model in (PracticeStoryPage, MethodPage):
            model.objects.exclude(pk=page.pk).update(lead_image=None)
        without, html = queries_on_a_second_visit(client, page.url)
        assert not any("<picture>" in card for card in related_cards(html))
        assert with_pictures - without <= 2, (page.url, with_pictures, without)


def test_lead_pictures_by_key_skips_other_types_unknown_models_and_bad_keys(demo_content):
    give_every_story_and_method_a_picture()
    story = PracticeStoryPage.objects.live().select_related("lead_image").order_by("pk").first()
    publication = PublicationPage.objects.live().order_by("pk").first()
    own_key = f"practices.PracticeStoryPage:{story.pk}"
    keys = [
        own_key,
        f"practices.PublicationPage:{publication.pk}",
        "nope.Nothing:1",
        "garbage",
        "practices.MethodPage:x",
    ]
    assert lead_pictures_by_key(keys) == {own_key: story.lead_image}
    assert lead_pictures_by_key([]) == {}
