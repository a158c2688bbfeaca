""" "Mijn Samen Preventief" (/mijn/): who may open it, what it shows, and only ever one's own."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.models import ModelLogEntry

from accounts.models import Profile, User
from core import page_cache
from organisations.models import Organisation, OrganisationType
from tests.factories import verified_member
from tips import services as tips_services
from tips.models import Community, CommunityMember, Round

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

URL = "/mijn/"


def test_anonymous_visitors_are_sent_to_the_login_and_back(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={URL}"
    assert client.get("/en/mijn/")["Location"].startswith("/en/account/login/?next=/en/mijn/")


def test_an_unverified_account_gets_the_verify_first_page(client):
    client.force_login(User.objects.create_user(email="onbevestigd@example.nl", password=PASSWORD))
    response = client.get(URL)
    assert response.status_code == 403
    assert "Bevestig eerst uw e-mailadres" in response.content.decode()
    csv = client.get("/mijn/accreditatie/skj/open.csv")
    assert csv.status_code == 403


def test_the_header_links_to_the_page_for_members_only(client, world):
    assert 'href="/mijn/"' not in client.get("/account/login/").content.decode()
    client.force_login(world.priya)
    assert 'href="/mijn/"' in client.get("/account/profiel/").content.decode()


def test_a_professional_sees_their_ateliers_certificates_and_points(client, world):
    client.force_login(world.priya)
    response = client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    # Upcoming and past, each with its status, and the atelier and manage links.
    upcoming, past = page.split("Eerdere kennisateliers")
    assert "Samen met ouders" in upcoming and "Aangemeld" in upcoming
    assert "Kracht uit netwerken" in past and "Aanwezig geweest" in past
    assert "E-Mental Health" in past and "Afgemeld" in past
    assert world.coming.url in upcoming
    manage_links = re.findall(r'href="(/kennisateliers/aanmelding/[^"/]+/)"', page)
    assert len(manage_links) == 4
    assert re.search(r'href="/kennisateliers/aanmelding/[^"]+/kennisatelier\.ics"', upcoming)
    # Certificates of the two attended, accredited ateliers, each with its code.
    certificates = re.findall(r'href="(/kennisateliers/aanmelding/[^"]+/certificaat\.pdf)"', page)
    assert len(set(certificates)) == 2
    assert world.attended_networks.certificate_code in page
    # The record: SKJ's current cycle with both ateliers, NIP without a start date.
    assert "SKJ110012345" in page and "NIP12345" in page
    assert "3,5 punten" in page  # SKJ: 2,0 + 1,5
    assert "3,0 punten" in page  # NIP: one atelier
    assert "SKJ-REF-9000" in page
    assert "Begin van de registratieperiode invullen" in page  # NIP has no start date yet


def test_the_links_on_the_page_open_the_members_own_registration(client, world):
    client.force_login(world.priya)
    page = client.get(URL).content.decode()
    manage = re.search(r'href="(/kennisateliers/aanmelding/[^"/]+/)"[^>]*>Aanmelding voor Samen met ouders', page)
    assert "Samen met ouders" in client.get(manage.group(1)).content.decode()
    certificate = re.search(r'href="(/kennisateliers/aanmelding/[^"]+/certificaat\.pdf)"', page).group(1)
    assert client.get(certificate)["Content-Type"] == "application/pdf"


def test_members_see_only_their_own_data(client, world):
    client.force_login(world.bram)
    page = client.get(URL).content.decode()
    assert "Migranten bereiken" in page and "SKJ110099999" in page
    for priyas in (
        "Kracht uit netwerken",
        "Samen met ouders",
        "SKJ110012345",
        world.attended_networks.certificate_code,
    ):
        assert priyas not in page
    client.force_login(world.priya)
    page = client.get(URL).content.decode()
    assert "Migranten bereiken" not in page and world.bram_registration.certificate_code not in page
    # Nor through the exports: the URL names a register and cycle, never a person.
    cycle = world.skj_start.isoformat()
    client.force_login(world.bram)
    response = client.get(f"/mijn/accreditatie/skj/{cycle}.csv")
    assert response.status_code == 302 and response["Location"] == URL  # Bram's cycles start elsewhere
    assert "Kracht uit netwerken" not in client.get(response["Location"]).content.decode()


def test_the_page_is_never_cached_for_anyone_else(client, world, settings):
    """With the page cache on, Priya's page is marked private (so no cache keeps it), and Bram,
    right after her, gets his own page and not a copy of hers."""
    settings.PAGE_CACHE_ENABLED = True
    client.force_login(world.priya)
    response = client.get(URL)
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "X-Page-Cache" not in response
    assert not page_cache.AnonymousPageCacheMiddleware._cacheable_response(response.wsgi_request, response)
    client.logout()
    assert client.get(URL).status_code == 302  # and a redirect is never stored either
    client.force_login(world.bram)
    response = client.get(URL)
    assert "X-Page-Cache" not in response
    assert "Migranten bereiken" in response.content.decode()
    assert "Kracht uit netwerken" not in response.content.decode()


def test_a_member_without_anything_yet_is_told_what_to_do(client, series):
    newcomer = verified_member("nieuw@example.nl", PASSWORD)
    client.force_login(newcomer)
    page = client.get(URL).content.decode()
    assert "U bent niet aangemeld voor een komend kennisatelier." in page
    assert f'href="{series.url}"' in page  # the ateliers overview
    assert "U heeft nog geen certificaten." in page
    assert "U heeft nog geen beroepsregistratie opgegeven." in page
    assert "U bent geen lid van een tipgemeenschap." in page


@pytest.fixture
def community():
    host = Organisation.objects.create(name="Werkplaats Zuid", type=OrganisationType.ACADEMIC_WORKPLACE)
    community = Community.objects.create(name="Tipgemeenschap Zuid", host_organisation=host, focus_question="Wat?")
    parent = verified_member(
        "wilhelmina.geheim@example.nl",
        PASSWORD,
        role=Profile.Role.PARENT,
        pseudonym="Moeder A",
        first_name="Wilhelmina",
        last_name="Geheimnaam",
    )
    facilitator = verified_member("begeleider@example.nl", PASSWORD, first_name="Fenna")
    members = {
        "parent": CommunityMember.objects.create(community=community, user=parent, role=CommunityMember.Role.PARENT),
        "facilitator": CommunityMember.objects.create(
            community=community, user=facilitator, role=CommunityMember.Role.FACILITATOR
        ),
    }
    return community, members


def test_a_parent_sees_their_community_rounds_and_tips_under_their_pseudonym(client, community):
    community, members = community
    tip = tips_services.submit_tip(members["parent"], "Neem iemand mee naar het gesprek.", audiences=["parents"])
    Round.objects.create(
        community=community,
        kind=Round.Kind.TOPTIPS,
        title="Toptips voor de zomer",
        state=Round.State.OPEN,
        deadline=datetime.datetime(2030, 6, 30, 17, 0, tzinfo=datetime.UTC),
    )
    Round.objects.create(community=community, kind=Round.Kind.CLASSIFY, title="Nog in voorbereiding")
    client.force_login(members["parent"].user)
    page = client.get(URL).content.decode()
    assert "Tipgemeenschap Zuid" in page and "Moeder A" in page
    assert "Wilhelmina" not in page and "Geheimnaam" not in page
    assert "Toptips voor de zomer" in page and "30 juni 2030" in page
    assert "Nog in voorbereiding" not in page  # only open rounds
    round_link = re.search(r'href="(/tips/tipgemeenschap-zuid/rondes/\d+/)"', page).group(1)
    assert client.get(round_link).status_code == 200
    assert "Neem iemand mee naar het gesprek." in page and "Verzameld" in page
    assert f'href="{reverse("tips:tip", args=[community.slug, tip.pk])}"' in page
    assert "Accreditatiepunten" not in page  # parents hold no professional registers


def test_the_english_page_is_in_english(client, world):
    client.force_login(world.priya)
    page = client.get("/en/mijn/").content.decode()
    assert "My Samen Preventief" in page
    assert "Upcoming knowledge workshops" in page and "Attended" in page
    assert "3.5 points" in page and "3,5 punten" not in page
    assert "/en/kennisateliers/aanmelding/" in page


def test_the_profile_keeps_the_start_of_a_registration_period(client, world):
    client.force_login(world.priya)
    registrations = list(world.priya.profile.registrations.order_by("pk"))
    data = {
        "first_name": "Priya",
        "last_name": "Pinas",
        "registrations-TOTAL_FORMS": "3",
        "registrations-INITIAL_FORMS": "2",
        "registrations-MIN_NUM_FORMS": "0",
        "registrations-MAX_NUM_FORMS": "1000",
        "registrations-0-id": registrations[0].pk,
        "registrations-0-register": "skj",
        "registrations-0-number": "SKJ110012345",
        "registrations-0-period_start": "2023-04-01",
        "registrations-1-id": registrations[1].pk,
        "registrations-1-register": "nip",
        "registrations-1-number": "NIP12345",
        "registrations-1-period_start": "1 april",
        "registrations-2-register": "",
        "registrations-2-number": "",
    }
    response = client.post("/account/profiel/", data)
    assert response.status_code == 200, "a date that is no date is explained, not saved"
    assert "Voer een geldige datum in." in response.content.decode()
    data["registrations-1-period_start"] = ""
    assert client.post("/account/profiel/", data).status_code == 302
    registrations[0].refresh_from_db()
    assert registrations[0].period_start.isoformat() == "2023-04-01"
    # The change is in the audit trail, by register and account number, without the person's name.
    entry = ModelLogEntry.objects.get(action="accounts.registration_change")
    assert entry.user_id == world.priya.pk
    assert entry.label == f"SKJ (Stichting Kwaliteitsregister Jeugd) – #{world.priya.pk}"
    assert entry.data["period_start"] == "2023-04-01" and entry.data["changed"] == ["period_start"]
    assert ModelLogEntry.objects.filter(action__startswith="accounts.registration").count() == 1


def test_points_of_an_earlier_period_are_shown_apart_from_the_current_one(client, world):
    """Priya re-registered 45 days ago: the atelier of 60 days ago belongs to her previous period."""
    start = timezone.localdate() - datetime.timedelta(days=45)
    world.priya.profile.registrations.filter(register="skj").update(period_start=start)
    client.force_login(world.priya)
    page = client.get(URL).content.decode()
    skj = page[page.index("SKJ110012345") :]
    current, earlier = skj.split("<details", 1)
    assert "De reflectieve professional" in current and "1,5 punten" in current
    assert "Kracht uit netwerken" not in current
    previous_start = start.replace(year=start.year - 5)
    assert f"Periode {date_format(previous_start, 'j F Y')} t/m" in earlier
    assert "Kracht uit netwerken" in earlier and "2,0 punten" in earlier
    assert f"/mijn/accreditatie/skj/{previous_start.isoformat()}.pdf" in earlier


def test_the_page_takes_as_many_queries_for_ten_ateliers_as_for_four(client, world, make_atelier):
    """No query per registration: the page is never cached, so every query is paid on every view."""
    from .conftest import registration

    client.force_login(world.priya)
    client.get(URL)  # fills the menu, footer and site-root caches, as for every member after the first
    with CaptureQueriesContext(connection) as four:
        assert client.get(URL).status_code == 200
    for n in range(6):
        atelier = make_atelier(title=f"Extra atelier {n}", days_ahead=-5 - n, state="held")
        registration(atelier, world.priya, attended=True, numbers={"skj": "SKJ110012345"})
    client.get(URL)  # new pages emptied those caches: fill them again
    with CaptureQueriesContext(connection) as ten:
        page = client.get(URL).content.decode()
    assert "Extra atelier 5" in page
    print(f"/mijn/ with 4 and 10 registrations: {len(four)} and {len(ten)} queries")
    assert len(ten) == len(four)


def test_the_page_leads_to_the_members_own_calendar_feed(client, world):
    client.force_login(world.priya)
    page = client.get(URL).content.decode()
    link = re.search(r'href="([^"]+)"[^>]*>Uw aanmeldingen in uw eigen agenda', page).group(1)
    calendar_page = client.post(link, {"action": "create"}).content.decode()
    feed = re.search(r'https?://[^"<\s]+/mijn-agenda/[^"<\s/]+\.ics', calendar_page)
    assert feed, "the calendar page gives the member a feed address"
    assert "BEGIN:VCALENDAR" in client.get(feed.group(0).split("testserver", 1)[1]).content.decode()
