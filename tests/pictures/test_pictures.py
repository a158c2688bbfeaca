"""Issue 18, pictures: a text alternative that cannot be forgotten, responsive renditions on
pages and cards, link previews with the page's own picture, and a demo that brings its own."""

import io
import json
import re
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image as PILImage
from PIL import features
from wagtail.images import get_image_model
from wagtail.models import Collection, Revision

from ateliers.models import AtelierPage
from organisations.models import Organisation, OrganisationPage
from pictures import demo
from pictures.models import Picture, PictureRendition, check_usable
from practices.models import MethodPage, PracticeStoryPage

from .conftest import queries_on_a_second_visit

pytestmark = pytest.mark.django_db
BASE = "http://testserver"


def png(size=(64, 36), colour="orange"):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "PNG")
    return ImageFile(buffer, name="proef.png")


def upload():
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 36), "teal").save(buffer, "PNG")
    return SimpleUploadedFile("klas.png", buffer.getvalue(), content_type="image/png")


def root_collection():
    """Wagtail's root collection; a `transaction=True` test that ran earlier on this worker may have
    flushed it away with every other row."""
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


def picture(**fields):
    return Picture(title="Proef", file=png(), collection=root_collection(), **fields)


# --- the text alternative ---------------------------------------------------------------------


def test_the_site_uses_its_own_image_model_and_pillow_encodes_avif_and_webp():
    assert get_image_model() is Picture
    assert features.check("avif") and features.check("webp")


def test_a_picture_needs_a_text_alternative_or_an_explicit_decorative_choice():
    with pytest.raises(ValidationError) as refused:
        picture(description="   ").full_clean()
    assert "tekstalternatief" in str(refused.value.message_dict["description"])
    picture(description="Twee moeders aan tafel met een jeugdverpleegkundige.").full_clean()
    picture(is_decorative=True).full_clean()


def test_decorative_pictures_get_an_empty_alt_and_others_never_fall_back_to_the_title():
    assert picture(is_decorative=True, description="iets").default_alt_text == ""
    assert picture(description="Een fietsende klas").default_alt_text == "Een fietsende klas"
    assert picture().default_alt_text == ""  # not "Proef", the title


def test_an_editor_uploading_without_alt_text_is_told_to_write_one_or_mark_it_decorative(platform):
    client = Client()
    client.force_login(platform.users.editor)
    collection = platform.zwolle.workspace.collection
    data = {"title": "Zonder alt", "description": "", "collection": collection.pk}
    response = client.post("/admin/images/add/", {**data, "file": upload()})
    assert response.status_code == 200 and not Picture.objects.filter(title="Zonder alt").exists()
    assert "tekstalternatief" in response.content.decode()
    client.post("/admin/images/add/", {**data, "is_decorative": "on", "file": upload()})
    assert Picture.objects.get(title="Zonder alt", collection=collection).is_decorative


def test_the_multiple_upload_takes_the_file_first_and_asks_for_the_alt_text_next(platform):
    client = Client()
    client.force_login(platform.users.editor)
    collection = platform.zwolle.workspace.collection
    response = client.post("/admin/images/multiple/add/", {"files[]": upload(), "collection": collection.pk})
    assert response.json()["success"], response.content
    uploaded = Picture.objects.get(collection=collection)
    assert uploaded.needs_alt_text
    prefix = f"image-{uploaded.pk}"
    edit = {f"{prefix}-title": "Klas", f"{prefix}-description": "", f"{prefix}-collection": collection.pk}
    response = client.post(f"/admin/images/multiple/{uploaded.pk}/", edit)
    assert not response.json()["success"]
    edit[f"{prefix}-description"] = "Een klas op de fiets."
    assert client.post(f"/admin/images/multiple/{uploaded.pk}/", edit).json()["success"]
    assert Picture.objects.get(pk=uploaded.pk).default_alt_text == "Een klas op de fiets."


def test_a_picture_without_alt_text_cannot_be_chosen_as_lead_image_or_logo():
    waiting = picture()
    waiting.save()  # as the first step of the multiple upload leaves it
    with pytest.raises(ValidationError) as refused:
        check_usable(waiting)
    assert "lead_image" in refused.value.message_dict
    check_usable(Picture.objects.create(title="Mooi", file=png(), description="Een fiets."))
    organisation = Organisation(name="X", type="other", logo=waiting)
    with pytest.raises(ValidationError) as refused:
        organisation.clean()
    assert "logo" in refused.value.message_dict


# --- the demo, rendering, link previews ------------------------------------------------------


def test_the_demo_loader_is_idempotent(demo_content):
    counts = (Picture.objects.count(), PictureRendition.objects.count(), Revision.objects.count())
    demo.load(lambda message: None)
    assert (Picture.objects.count(), PictureRendition.objects.count(), Revision.objects.count()) == counts
    assert Picture.objects.filter(title__startswith="Illustratie").count() == 4
    for organisation in Organisation.objects.exclude(logo=None):
        assert organisation.logo.collection == organisation.workspace.collection
    assert not Picture.objects.filter(is_decorative=False, description="").exists()


def _story_with_picture():
    return PracticeStoryPage.objects.live().exclude(lead_image=None).select_related("lead_image").first()


def test_a_story_shows_its_lead_picture_with_sources_width_height_and_alt(client, demo_content):
    story = _story_with_picture()
    html = client.get(story.url).content.decode()
    match = re.search(r"<picture>(.*?)</picture>", html, re.S)
    assert match, "no <picture> on the story page"
    block = match.group(1)
    assert '<source sizes="' in block and 'type="image/avif"' in block and 'type="image/webp"' in block
    assert re.search(r'srcset="[^"]+\.avif 640w, [^"]+\.avif 1280w"', block)
    image = re.search(r"<img [^>]+>", block).group(0)
    assert f'alt="{story.lead_image.description}"' in image
    assert 'width="640"' in image and 'height="360"' in image and "loading=" not in image  # at the top: eager


def test_listing_cards_lazy_load_their_pictures_and_pages_without_one_have_no_box(client, demo_content):
    html = client.get("/praktijkverhalen/").content.decode()
    cards = re.findall(r'<li class="card story-card[^"]*">.*?</li>', html, re.S)
    with_picture = [card for card in cards if "<picture>" in card]
    assert with_picture and len(with_picture) < len(cards)
    assert all('loading="lazy"' in card and "card--with-picture" in card for card in with_picture)
    assert not any("card--with-picture" in card for card in cards if "<picture>" not in card)


def test_a_decorative_lead_picture_renders_an_empty_alt(client, demo_content):
    story = _story_with_picture()
    Picture.objects.filter(pk=story.lead_image_id).update(is_decorative=True)
    html = client.get(story.url).content.decode()
    assert re.search(r'<picture>.*?<img alt=""[^>]*class="picture', html, re.S) or re.search(
        r'<picture>.*?<img [^>]*alt=""', html, re.S
    )


def test_link_previews_and_json_ld_use_the_page_picture_as_absolute_url(client, demo_content):
    story = _story_with_picture()
    html = client.get(story.url).content.decode()
    og = re.search(r'<meta property="og:image" content="([^"]+)"', html).group(1)
    assert og.startswith(f"{BASE}/media/images/") and og.endswith(".jpg")
    assert f'<meta property="og:image:alt" content="{story.lead_image.description}">' in html
    assert '<meta property="og:image:width" content="1200">' in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["image"] == og
    # A page without a picture keeps the site's image.
    other = PracticeStoryPage.objects.live().filter(lead_image=None).first()
    html = client.get(other.url).content.decode()
    assert re.search(r'og:image" content="http://testserver/static/img/share-default', html)


def test_an_organisation_page_shows_its_logo_and_its_json_ld_names_it(client, demo_content):
    page = OrganisationPage.objects.live().exclude(organisation__logo=None).first()
    html = client.get(page.url).content.decode()
    assert 'class="picture picture--logo organisation-logo"' in html
    assert f'alt="{page.organisation.logo.description}"' in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["logo"].startswith(f"{BASE}/media/images/") and data["logo"].endswith(".png")


@pytest.mark.parametrize("path", ["/praktijkverhalen/", "/methoden/", "/organisaties/", "/"])
def test_listings_with_pictures_do_not_query_per_card(client, demo_content, path):
    """Renditions are prefetched: taking every picture away must not change the query count."""
    with_pictures, _html = queries_on_a_second_visit(client, path)
    PracticeStoryPage.objects.update(lead_image=None)
    MethodPage.objects.update(lead_image=None)
    AtelierPage.objects.update(lead_image=None)
    Organisation.objects.update(logo=None)
    without, _html = queries_on_a_second_visit(client, path)
    # Two more at most: the pictures and their renditions, however many cards.
    assert with_pictures - without <= 2, (path, with_pictures, without)


@pytest.mark.database  # the id sequence is reset per engine (PostgreSQL has a real sequence)
def test_switching_the_image_model_keeps_existing_images_their_id_collection_and_tags(platform):
    from importlib import import_module

    from django.apps import apps
    from django.db import connection
    from wagtail.images.models import Image as StockImage

    migration = import_module("pictures.migrations.0002_existing_images_become_pictures")
    collection = platform.zwolle.workspace.collection
    old = StockImage.objects.create(title="Oud", file=png(), collection=collection, description="Een oude foto.")
    old.tags.add("wijk")
    editor = SimpleNamespace(connection=connection)  # all the migration asks of its schema editor
    migration.copy_images(apps, editor)
    migration.copy_images(apps, editor)  # running twice changes nothing
    moved = Picture.objects.get(pk=old.pk)
    assert (moved.title, moved.collection, moved.default_alt_text) == ("Oud", collection, "Een oude foto.")
    assert [tag.name for tag in moved.tags.all()] == ["wijk"]
    assert Picture.objects.count() == 1
    # The next upload gets an id of its own.
    assert Picture.objects.create(title="Nieuw", file=png(), description="Nieuw.").pk > old.pk
    # The organisation's people still see it, others do not (issue 12's collection permissions).
    from organisations.services import images_visible_to

    assert moved in images_visible_to(platform.users.editor)
    assert moved not in images_visible_to(platform.users.other_editor)
