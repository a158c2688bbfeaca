"""A professional opens "Mijn Samen Preventief" from the header menu: their points are there,
and the page, with every section filled, passes the accessibility audit."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from organisations.models import Organisation, OrganisationType
from tests.ateliers.conftest import make_atelier, organising_organisation, series  # noqa: F401 (fixtures)
from tests.browser.conftest import audit_accessibility, login
from tests.members.conftest import PASSWORD, world  # noqa: F401 (fixture)
from tips import services as tips_services
from tips.models import Community, CommunityMember, Round

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_professional_opens_their_page_from_the_header(page, world):  # noqa: F811
    host = Organisation.objects.create(name="Werkplaats Zuid", type=OrganisationType.ACADEMIC_WORKPLACE)
    community = Community.objects.create(name="Tipgemeenschap Zuid", host_organisation=host, focus_question="Wat?")
    member = CommunityMember.objects.create(
        community=community, user=world.priya, role=CommunityMember.Role.PROFESSIONAL
    )
    tips_services.submit_tip(member, "Vraag wat de ouder zelf al heeft geprobeerd.", audiences=["professionals"])
    Round.objects.create(
        community=community,
        kind=Round.Kind.TOPTIPS,
        title="Toptips kiezen",
        state=Round.State.OPEN,
        deadline=datetime.datetime(2030, 6, 30, 15, 0, tzinfo=datetime.UTC),
    )

    login(page, "priya@example.nl", PASSWORD)
    page.wait_for_url(re.compile(r"/account/profiel/$"))
    page.get_by_role("banner").get_by_role("link", name="Mijn Samen Preventief").click()
    page.wait_for_url(re.compile(r"/mijn/$"))
    expect(page.get_by_role("heading", name="Mijn Samen Preventief", level=1)).to_be_visible()
    expect(page.get_by_role("table", name=re.compile("^Punten ")).get_by_text("3,5 punten")).to_be_visible()
    expect(page.get_by_role("link", name="Toptips kiezen")).to_be_visible()
    assert audit_accessibility(page) == []
