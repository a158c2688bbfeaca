"""A small community built directly (no full demo): one facilitator, a host, two parents, two professionals."""

from types import SimpleNamespace

import pytest
from django.utils import translation

from accounts.models import Profile
from home.setup import ensure_site
from organisations.models import Organisation, OrganisationType
from tips import services
from tips.models import Community, CommunityMember, TipLibraryPage

from ..factories import verified_member

Role = CommunityMember.Role


@pytest.fixture(autouse=True)
def _dutch():
    """A request to /en/ leaves English active in the test thread; every test starts in Dutch."""
    with translation.override("nl"):
        yield


def make_user(email, first, last, role=Profile.Role.PROFESSIONAL, pseudonym=""):
    return verified_member(email, "geheim-wachtwoord-42", role, pseudonym, first_name=first, last_name=last)


@pytest.fixture
def library(db):
    return build_library()


def build_library():
    home = ensure_site()
    return home.add_child(instance=TipLibraryPage(title="Tipsbibliotheek", slug="tips-bibliotheek", show_in_menus=True))


@pytest.fixture
def community(db):
    return build_community()


def build_community():
    host_org = Organisation.objects.create(name="Werkplaats Zuid", type=OrganisationType.ACADEMIC_WORKPLACE)
    Organisation.objects.create(
        name="Gemeente Rotterdam", short_name="Rotterdam", type=OrganisationType.MUNICIPALITY, province="zuid-holland"
    )
    community = Community.objects.create(
        name="Tipgemeenschap Zuid", host_organisation=host_org, focus_question="Hoe werken we beter samen?"
    )
    people = {
        "facilitator": make_user("begeleider@example.nl", "Fenna", "Faciliteer"),
        "host": make_user("gastheer@example.nl", "Henk", "Gastheer"),
        "parent": make_user(
            "wilhelmina.geheim@example.nl", "Wilhelmina", "Geheimnaam", Profile.Role.PARENT, "Moeder A"
        ),
        "parent2": make_user(
            "bernadette.verborgen@example.nl", "Bernadette", "Verborgen", Profile.Role.PARENT, "Moeder B"
        ),
        "professional": make_user("prof@example.nl", "Piet", "Prof"),
        "professional2": make_user("prof2@example.nl", "Paula", "Prof"),
    }
    roles = {
        "facilitator": Role.FACILITATOR,
        "host": Role.HOST,
        "parent": Role.PARENT,
        "parent2": Role.PARENT,
        "professional": Role.PROFESSIONAL,
        "professional2": Role.PROFESSIONAL,
    }
    members = {
        key: CommunityMember.objects.create(community=community, user=user, role=roles[key])
        for key, user in people.items()
    }
    return SimpleNamespace(obj=community, users=people, **members)


@pytest.fixture
def outsider(db):
    return make_user("buitenstaander@example.nl", "Otto", "Buiten")


def tip_through_classification(c, text="Neem iemand mee naar het gesprek.", consent=True):
    """A parent's tip, de-identified and judged usable by one pair: ready for a toptip round."""
    tip = services.submit_tip(c.parent, text, audiences=["parents"], consent=consent)
    services.deidentify(c.facilitator, tip, text)
    round_ = services.create_round(c.facilitator, "classify", "Indelen")
    pair = services.assign_pair(c.facilitator, round_, c.parent, c.professional)
    services.open_round(c.facilitator, round_)
    services.judge(c.professional, round_, {tip.pk: ("before", True)})
    services.close_round(c.facilitator, round_)
    tip.refresh_from_db()
    return tip, round_, pair
