"""A small knowledge base (two municipalities, no demo) and members who follow things in it."""

import pytest

from organisations.models import Province
from organisations.sections import folder_for
from practices.models import PracticeStoryPage
from tests.factories import verified_member
from tests.practices.conftest import (  # noqa: F401 (fixtures)
    home,
    listing_pages,
    make_municipality,
    org_index,
    vocabularies,
)

PASSWORD = "geheim-wachtwoord-1"


@pytest.fixture
def places(make_municipality):  # noqa: F811
    zwolle = make_municipality("Zwolle", Province.OVERIJSSEL)
    rotterdam = make_municipality("Rotterdam", Province.ZUID_HOLLAND)
    return {"zwolle": zwolle, "rotterdam": rotterdam}


@pytest.fixture
def publish_story(vocabularies, listing_pages):  # noqa: F811
    """Publish a new story in a municipality's section, with themes, as an editor would."""

    def publish(organisation_page, title, themes=(), standfirst="Een korte intro."):
        story = PracticeStoryPage(
            title=title,
            municipality=organisation_page.organisation,
            standfirst=standfirst,
            target_group="Jongeren",
        )
        for theme in themes:
            story.themes.add(theme)
        folder_for(organisation_page, PracticeStoryPage).add_child(instance=story)
        story.save_revision().publish()
        return story

    return publish


@pytest.fixture
def member(db):
    return verified_member("priya@example.nl", PASSWORD, first_name="Priya", last_name="Pinas")


@pytest.fixture
def other_member(db):
    return verified_member("bram@example.nl", PASSWORD, first_name="Bram", last_name="Bakker")
