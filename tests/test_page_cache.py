import re

import pytest
from django.test import Client

from accounts.models import User
from home.models import HomePage
from tests.servers import PASSWORD


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True  # the autouse fixture has emptied every cache


def test_anonymous_visitors_get_the_page_from_cache(client, demo_content, page_cache, django_assert_num_queries):
    assert client.get("/organisaties/")["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        response = client.get("/organisaties/")
    assert response["X-Page-Cache"] == "hit"
    assert "Gemeente Zwolle" in response.content.decode()


def test_publishing_a_change_shows_up_at_once(client, demo_content, page_cache):
    client.get("/")
    home = HomePage.objects.get(locale__language_code="nl")
    home.title = "Samen Preventief vernieuwd"
    home.save_revision().publish()
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "Samen Preventief vernieuwd" in response.content.decode()


MEMBER = "professional@demo.samenpreventief.nl"
CSRF_TOKEN_RE = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def shared_pages():
    """One page of every type that members share with anonymous visitors, and the search."""
    from organisations.models import OrganisationPage
    from practices.models import MethodPage, PracticeStoryPage, PublicationPage

    return [
        "/",
        "/praktijkverhalen/?life_stage=12-18&province=zuid-holland",
        "/methoden/",
        PracticeStoryPage.objects.live().first().url,
        MethodPage.objects.live().first().url,
        PublicationPage.objects.live().first().url,
        OrganisationPage.objects.live().filter(locale__language_code="nl").first().url,
        "/zoeken/?q=tienermoeders",
    ]


def test_a_member_reads_the_shared_copy_exactly_as_if_it_were_rendered_for_them(client, demo_content, settings):
    """The page cache may serve a member only what rendering the page for them would show."""
    member = User.objects.get(email=MEMBER)
    client.force_login(member)
    rendered = {url: client.get(url) for url in shared_pages()}  # the cache is off: rendered for the member
    settings.PAGE_CACHE_ENABLED = True
    anonymous = Client()
    for url, own in rendered.items():
        assert own.status_code == 200, url
        assert anonymous.get(url)["X-Page-Cache"] == "miss", url
        served = client.get(url)
        assert served["X-Page-Cache"] == "member", url
        assert "private" in served["Cache-Control"]
        html = served.content.decode()
        assert "Uitloggen" in html and "Account aanmaken" not in html, url
        assert CSRF_TOKEN_RE.sub("", html) == CSRF_TOKEN_RE.sub("", own.content.decode()), url


def test_the_logout_button_on_a_shared_copy_works(demo_content, page_cache):
    Client().get("/")  # an anonymous visitor fills the cache
    member = Client(enforce_csrf_checks=True)
    member.force_login(User.objects.get(email=MEMBER))
    response = member.get("/")
    assert response["X-Page-Cache"] == "member"
    token = re.search(
        r'action="/account/logout/"[^>]*>\s*<input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)"',
        response.content.decode(),
    )[1]
    assert member.post("/account/logout/", {"csrfmiddlewaretoken": token}).status_code == 302
    assert "Inloggen" in member.get("/").content.decode()


def test_pages_that_differ_per_member_are_rendered_for_them(client, demo_content, page_cache):
    """An atelier page tells a member they are registered; a waiting message is shown; editors get the user bar."""
    from ateliers import services

    atelier = _open_atelier()
    member = User.objects.get(email=MEMBER)
    services.register(atelier, email=member.email, name="Pim Professional", background="wijkteam", user=member)
    Client().get(atelier.url)
    Client().get("/")
    client.force_login(member)
    response = client.get(atelier.url)
    assert "X-Page-Cache" not in response
    assert "Je aanmelding: " in response.content.decode()

    client.logout()
    client.post("/account/login/", {"login": MEMBER, "password": PASSWORD})  # allauth says "ingelogd als …"
    response = client.get("/")
    assert "X-Page-Cache" not in response and "ingelogd" in response.content.decode()
    assert client.get("/")["X-Page-Cache"] == "member"  # the message was shown once

    client.force_login(User.objects.get(email="redacteur@demo.samenpreventief.nl"))
    response = client.get("/")
    assert "X-Page-Cache" not in response


def test_campaign_links_and_reordered_parameters_share_one_entry(client, demo_content, page_cache):
    assert client.get("/praktijkverhalen/?province=overijssel&page=1")["X-Page-Cache"] == "miss"
    assert client.get("/praktijkverhalen/?page=1&province=overijssel")["X-Page-Cache"] == "hit"
    assert client.get("/praktijkverhalen/?page=1&utm_source=nieuwsbrief&province=overijssel")["X-Page-Cache"] == "hit"
    assert client.get("/praktijkverhalen/?province=utrecht&page=1")["X-Page-Cache"] == "miss"


def _open_atelier():
    from ateliers.models import AtelierPage

    return next(
        atelier
        for atelier in AtelierPage.objects.live().order_by("date")
        if atelier.accepts_registrations and atelier.seats_left > 1
    )


def test_a_registration_keeps_other_pages_cached(client, demo_content, page_cache):
    """Seats are the only thing a registration changes on public pages; the rest stays cached."""
    from ateliers import services

    atelier = _open_atelier()
    client.get("/organisaties/")
    client.get(atelier.url)
    services.confirm_email(services.register(atelier, email="gast@example.nl", name="Gast", background="wijkteam"))
    assert client.get("/organisaties/")["X-Page-Cache"] == "hit"


def test_the_seats_on_a_cached_atelier_page_are_always_current(client, demo_content, page_cache):
    from ateliers import services

    atelier = _open_atelier()
    seats = atelier.seats_left
    assert f"Nog {seats} plekken vrij" in client.get(atelier.url).content.decode()
    services.confirm_email(services.register(atelier, email="gast@example.nl", name="Gast", background="wijkteam"))
    response = client.get(atelier.url)
    assert response["X-Page-Cache"] == "hit"
    html = response.content.decode()
    assert f"Nog {seats - 1} plek" in html and f"Nog {seats} plekken vrij" not in html
