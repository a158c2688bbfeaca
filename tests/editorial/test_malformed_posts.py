"""Replayed or truncated editor forms get a form error, never a server error, and change nothing (#12.12)."""

import datetime

import pytest
from django.urls import reverse
from wagtail.models import Page

from ateliers.models import AtelierPage, AtelierSeriesPage
from home.setup import get_home
from organisations.sections import folder_for
from practices.models import MethodPage, PracticeStoryPage, PublicationPage

from .conftest import page_form_data

pytestmark = pytest.mark.django_db


def story(platform):
    return PracticeStoryPage(
        title="Huiswerkklas",
        slug="huiswerkklas",
        municipality=platform.zwolle,
        standfirst="Een wijkteam en een school openen samen een huiswerkklas.",
        target_group="Kinderen van 8 tot 12 jaar",
    )


def method(platform):
    return MethodPage(
        title="Kids en Koffie",
        slug="kids-en-koffie",
        summary="Ouders ontmoeten elkaar op school.",
        aim="<p>Ouders verbinden.</p>",
        target_group="<p>Ouders</p>",
    )


def publication(platform):
    return PublicationPage(title="Opvoeden in de wijk", slug="opvoeden-in-de-wijk", summary="Verkennend onderzoek.")


def atelier(platform):
    return AtelierPage(
        title="Kracht uit netwerken",
        slug="kracht-uit-netwerken",
        date=datetime.date.today() + datetime.timedelta(days=30),
        summary="Netwerken rond opvoeden.",
    )


PAGE_TYPES = [story, method, publication, atelier]


def parent_for(page, platform):
    if isinstance(page, AtelierPage):
        return AtelierSeriesPage.objects.first() or get_home().add_child(
            instance=AtelierSeriesPage(title="Kennisateliers", slug="ateliers")
        )
    return folder_for(platform.zwolle.page, type(page))


def form_data(page):
    return page_form_data(page, audiences=None)


def stream_fields(data):
    return [key[: -len("-count")] for key in data if key.endswith("-count")]


def formsets(data):
    return [key[: -len("-TOTAL_FORMS")] for key in data if key.endswith("-TOTAL_FORMS")]


def chooser_fields(page):
    form_class = type(page).get_edit_handler().get_form_class()
    return [name for name, field in form_class.base_fields.items() if type(field).__name__ == "ModelChoiceField"]


def malformed_variants(page, data):
    """(description, POST data, refused) triples: what a replayed, truncated or tampered form looks like.

    `refused`: the form must come back with an error. Otherwise the POST may also go through
    when nothing is lost (empty inline items are skipped; of a duplicated field the last counts).
    """
    # Every stream field gets one kind of damage and every kind is used, in turn: each admin POST
    # renders the whole edit form, and all four kinds on each of a method's fields took 30 s.
    stream_damage = [
        ("missing", lambda data, key: {k: v for k, v in data.items() if k != key}),
        ("not a number", lambda data, key: {**data, key: "drie"}),
        ("promises blocks that are not there", lambda data, key: {**data, key: "2"}),
        ("duplicated", lambda data, key: {**data, key: ["0", "1"]}),
    ]
    names = stream_fields(data)
    for number in range(max(len(names), len(stream_damage)) if names else 0):
        name = names[number % len(names)]
        kind, damage = stream_damage[number % len(stream_damage)]
        yield f"{name}-count {kind}", damage(data, f"{name}-count"), True
    for prefix in formsets(data):
        if prefix == "comments":
            continue  # Wagtail ignores a comments formset it cannot read, by design: the save goes on
        management_form_missing = {k: v for k, v in data.items() if not k.startswith(f"{prefix}-")}
        yield f"{prefix} management form missing", management_form_missing, True
        yield f"{prefix} promises forms that are not there", {**data, f"{prefix}-TOTAL_FORMS": "3"}, False
        yield f"{prefix} total not a number", {**data, f"{prefix}-TOTAL_FORMS": "veel"}, True
    for name in chooser_fields(page):
        yield f"{name} garbage id", {**data, name: "'; DROP TABLE--"}, True
        yield f"{name} unknown id", {**data, name: "999999"}, True
    yield "title duplicated", {**data, "title": ["Eén", "Twee"]}, False
    yield "truncated to the title", {"title": data["title"]}, True
    yield "empty", {}, True


def assert_form_error(response, description, refused):
    assert response.status_code < 500, description
    if refused:
        assert response.status_code == 200, (description, response.status_code)


@pytest.mark.parametrize("make", PAGE_TYPES, ids=lambda make: make.__name__)
def test_malformed_create_posts_get_a_form_error(client, platform, make):
    page = make(platform)
    parent = parent_for(page, platform)
    client.force_login(platform.users.admin)
    model = type(page)._meta
    url = reverse("wagtailadmin_pages:add", args=[model.app_label, model.model_name, parent.pk])
    before = Page.objects.count()
    for description, data, refused in malformed_variants(page, form_data(page)):
        response = client.post(url, {**data, "action-publish": "1"})
        assert_form_error(response, description, refused)
        if refused:
            assert Page.objects.count() == before, description
        else:
            Page.objects.filter(depth=parent.depth + 1, path__startswith=parent.path, slug=page.slug).delete()


@pytest.mark.parametrize("make", PAGE_TYPES, ids=lambda make: make.__name__)
def test_malformed_edit_posts_get_a_form_error(client, platform, make):
    page = make(platform)
    parent_for(page, platform).add_child(instance=page)
    page.save_revision().publish()
    client.force_login(platform.users.admin)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = form_data(page)
    revisions = page.revisions.count()
    for description, malformed, refused in malformed_variants(page, data):
        response = client.post(url, {**malformed, "action-publish": "1"})
        assert_form_error(response, description, refused)
        if refused:
            assert page.revisions.count() == revisions, description
        revisions = page.revisions.count()


def test_malformed_edit_of_an_organisation_page_gets_a_form_error(client, platform):
    page = platform.zwolle.page
    client.force_login(platform.users.admin)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    for description, malformed, refused in malformed_variants(page.specific, page_form_data(page.specific)):
        response = client.post(url, malformed)
        assert_form_error(response, description, refused)
