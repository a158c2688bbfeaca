"""Who may translate what (issue 18, phase 2): an organisation's people translate the pages of
their own section, through wagtail-localize's admin, and nobody else's; the English copy of an
organisation page belongs to the same organisation."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Locale, Page

from accounts.models import User
from editorial.services import translate_page
from home.setup import ensure_site
from organisations.models import Organisation, OrganisationPage
from practices.models import PracticeStoryPage

ZWOLLE_EDITOR = "redacteur.zwolle@demo.samenpreventief.nl"


def english():
    return Locale.objects.get(language_code="en")


def story_of(organisation_name):
    section = Organisation.objects.get(name=organisation_name).page
    return PracticeStoryPage.objects.live().descendant_of(section).order_by("pk").first()


def submit_translation(client, page):
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    return client.post(url, {"locales": [english().pk]})


def test_an_organisation_editor_translates_a_page_of_their_own_section(client, demo_content):
    editor = User.objects.get(email=ZWOLLE_EDITOR)
    story = story_of("Gemeente Zwolle")
    client.force_login(editor)

    response = submit_translation(client, story)
    assert response.status_code == 302
    english_copy = story.get_translation(english()).specific
    # A draft: publishing the English text takes the publish right, not the right to translate.
    assert not english_copy.live and english_copy.alias_of_id is None
    assert client.get(reverse("wagtailadmin_pages:edit", args=[english_copy.pk])).status_code == 200
    assert english_copy.permissions_for_user(editor).can_edit()
    assert not english_copy.permissions_for_user(editor).can_publish()

    # The English organisation page is the same organisation's, next to its Dutch page.
    section = english_copy.get_ancestors().type(OrganisationPage).get().specific
    zwolle = Organisation.objects.get(name="Gemeente Zwolle")
    assert section.organisation == zwolle and section.locale == english()
    assert zwolle.page.locale.language_code == "nl"
    assert set(zwolle.pages.values_list("page_locale__language_code", flat=True)) == {"nl", "en"}


def test_an_editor_of_another_organisation_can_neither_translate_nor_edit_the_translation(client, demo_content):
    editor = User.objects.get(email=ZWOLLE_EDITOR)
    rotterdam_story = story_of("Gemeente Rotterdam")
    client.force_login(editor)

    assert submit_translation(client, rotterdam_story).status_code == 403
    assert rotterdam_story.get_translation_or_none(english()) is None

    english_copy = translate_page(rotterdam_story, {rotterdam_story.title: "A Rotterdam story"})
    assert not english_copy.permissions_for_user(editor).can_edit()
    response = client.get(reverse("wagtailadmin_pages:edit", args=[english_copy.pk]))
    assert response.status_code in (302, 403)
    response = client.get(reverse("wagtail_localize:update_translations", args=[_source_id(rotterdam_story)]))
    assert response.status_code == 403


def _source_id(page):
    from wagtail_localize.models import TranslationSource

    return TranslationSource.objects.get_for_instance(page).pk


def test_a_coordinator_publishes_the_english_story_of_their_own_organisation(demo_content):
    coordinator = User.objects.get(email="coordinator.zwolle@demo.samenpreventief.nl")
    story = story_of("Gemeente Zwolle")
    english_copy = translate_page(story, {story.title: "A Zwolle story"}, publish=False)
    assert english_copy.permissions_for_user(coordinator).can_publish()
    other = translate_page(story_of("Gemeente Rotterdam"), {}, publish=False)
    assert not other.permissions_for_user(coordinator).can_publish()


def test_one_organisation_page_per_language(demo_content):
    zwolle = Organisation.objects.get(name="Gemeente Zwolle")
    dutch = zwolle.page
    english_page = translate_page(dutch, {dutch.title: "Municipality of Zwolle"})
    assert english_page.organisation == zwolle and zwolle.page.pk == dutch.pk

    second = OrganisationPage(title="Nog een Zwolle", slug="nog-een-zwolle", organisation=zwolle)
    with pytest.raises(ValidationError):
        dutch.get_parent().add_child(instance=second)


def test_wagtails_stock_groups_may_not_translate(db):
    for group in Group.objects.filter(name__in=["Editors", "Moderators"]):
        assert not group.permissions.filter(codename="submit_translation").exists()


def test_the_english_locale_exists_on_a_set_up_site(db):
    # A fresh migrate makes it too (tests/test_setup.py); a test that flushed the database
    # before this one took it away, and setup_site brings it back.
    ensure_site()
    assert Locale.objects.filter(language_code="en").exists()
    assert Locale.get_default().language_code == "nl"
    assert not Page.objects.filter(locale__language_code="en").exists()


def test_the_translations_report_lists_only_the_editors_own_pages(client, demo_content):
    """wagtail-localize's report (Reports → Translations) behind its door (cop_site/urls.py)."""
    zwolle_story, rotterdam_story = story_of("Gemeente Zwolle"), story_of("Gemeente Rotterdam")
    translate_page(zwolle_story, {zwolle_story.title: "A Zwolle story"})
    translate_page(rotterdam_story, {rotterdam_story.title: "A Rotterdam story"})
    report = reverse("wagtail_localize:translations_report")
    assert report == reverse("translations_report_door")

    client.force_login(User.objects.get(email=ZWOLLE_EDITOR))
    for url in (report, reverse("wagtail_localize:translations_report_results")):
        page = client.get(url).content.decode()
        assert zwolle_story.title in page, url
        assert rotterdam_story.title not in page, url

    client.force_login(User.objects.filter(is_superuser=True).first())
    page = client.get(report).content.decode()
    assert zwolle_story.title in page and rotterdam_story.title in page

    client.logout()
    assert client.get(report).status_code == 302  # to the admin's login
