"""An organisation's public page shows what it published (issue 13.12)."""

import re

import pytest
from django.db.models import Q

from ateliers.models import AtelierPage
from organisations.models import OrganisationPage
from practices.models import MethodPage, PracticeStoryPage, PublicationPage

pytestmark = pytest.mark.django_db


def titles_in(html):
    return set(re.findall(r'<a class="utrecht-link" href="[^"]+">([^<]+)</a>', html))


def own_pages(model, organisation_page, relation):
    """All pages of `model` that belong to the organisation, whatever their state."""
    organisation = organisation_page.organisation
    # The Dutch pages: an English translation is the text of its Dutch page, not a page of its own.
    return (
        model.objects.filter(Q(path__startswith=organisation_page.path) | Q(**{relation: organisation}))
        .filter(locale__language_code="nl")
        .distinct()
    )


def test_municipality_page_lists_its_live_stories_newest_first_and_no_drafts(client, demo_content):
    page = OrganisationPage.objects.get(organisation__short_name="Zwolle", locale__language_code="nl")
    stories = own_pages(PracticeStoryPage, page, "municipality")
    live = list(stories.live().public().order_by("-first_published_at"))
    not_live = [story for story in stories if not story.live]
    assert len(live) >= 2 and not_live, "the demo has live stories and drafts for Zwolle"

    html = client.get(page.url).content.decode()

    import html as html_module

    text = html_module.unescape(html)
    shown = titles_in(text)
    assert {story.title for story in live} <= shown
    assert not {story.title for story in not_live} & shown
    positions = [text.index(f">{story.title}</a>") for story in live]
    assert positions == sorted(positions), "newest first"
    assert f"Praktijkverhalen ({len(live)})" in text
    assert f"/praktijkverhalen/?municipality={page.organisation.slug}" in text
    # Other municipalities' stories are not here.
    others = PracticeStoryPage.objects.live().exclude(municipality=page.organisation)
    assert not {story.title for story in others} & shown


def test_knowledge_institute_page_lists_its_methods_publications_and_ateliers(client, demo_content):
    for page in OrganisationPage.objects.live().filter(locale__language_code="nl").select_related("organisation"):
        expected = {
            "methods": own_pages(MethodPage, page, "developer").live().public(),
            "publications": own_pages(PublicationPage, page, "institutions").live().public(),
            "ateliers": AtelierPage.objects.live()
            .public()
            .filter(co_organisers=page.organisation, locale__language_code="nl"),
        }
        if all(queryset.exists() for queryset in expected.values()):
            break
    else:
        pytest.fail("no demo organisation has methods, publications and ateliers")

    import html as html_module

    text = html_module.unescape(client.get(page.url).content.decode())
    shown = titles_in(text)
    for queryset in expected.values():
        assert {item.title for item in queryset} <= shown
    for label, key in (("Methoden", "methods"), ("Publicaties", "publications"), ("Kennisateliers", "ateliers")):
        assert f"{label} ({expected[key].count()})" in text
    drafts = own_pages(PublicationPage, page, "institutions").filter(live=False)
    assert not {item.title for item in drafts} & shown
    other_methods = MethodPage.objects.live().exclude(Q(path__startswith=page.path) | Q(developer=page.organisation))
    assert not {item.title for item in other_methods} & shown


def test_organisation_page_shows_contact_details(client, demo_content):
    page = OrganisationPage.objects.get(organisation__short_name="NJi", locale__language_code="nl")
    organisation = page.organisation
    assert organisation.website and organisation.email and organisation.address

    html = client.get(page.url).content.decode()

    assert f'href="{organisation.website}"' in html
    assert f'href="mailto:{organisation.email}"' in html
    assert organisation.address.splitlines()[0] in html


def test_organisation_without_content_says_so(client, demo_content):
    page = OrganisationPage.objects.get(organisation__short_name="SKJ", locale__language_code="nl")
    html = client.get(page.url).content.decode()
    assert "nog niets gepubliceerd" in html
