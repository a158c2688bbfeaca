"""Following, saving searches and preferences through the site; the saved search's feed; privacy."""

import re
from xml.etree import ElementTree

import pytest
from django.core import mail
from django.urls import reverse

from notifications import kinds, services
from notifications.models import Delivery, Follow, SavedSearch
from taxonomy.models import Theme

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def logged_in(client, member):
    client.login(email=member.email, password=PASSWORD)
    return client


def test_an_anonymous_visitor_is_sent_to_the_login_and_back(client, places):
    url = reverse("notifications:follow") + "?organisation=zwolle"
    response = client.get(url)
    assert response.status_code == 302 and response.url.startswith("/account/login/")
    assert "next=" in response.url


def test_following_asks_first_and_follows_on_post(logged_in, member, places):
    url = reverse("notifications:follow") + "?organisation=zwolle"
    page = logged_in.get(url)
    assert page.status_code == 200 and "Gemeente Zwolle volgen" in page.content.decode()
    assert not Follow.objects.exists(), "a GET follows nothing"
    response = logged_in.post(reverse("notifications:follow"), {"organisation": "zwolle"}, follow=True)
    assert "U volgt nu Gemeente: Gemeente Zwolle." in response.content.decode()
    assert Follow.objects.get().organisation == places["zwolle"][0]
    overview = logged_in.get(reverse("members:overview")).content.decode()
    assert "Gemeente: Gemeente Zwolle" in overview and "Niet meer volgen" in overview
    assert "U volgt Gemeente Zwolle al." in logged_in.get(url).content.decode()


def test_an_unknown_theme_is_a_clear_message(logged_in):
    response = logged_in.get(reverse("notifications:follow") + "?theme=bestaat-niet", follow=True)
    assert response.status_code == 200
    assert "Dit thema of deze organisatie bestaat niet (meer)." in response.content.decode()
    response = logged_in.post(reverse("notifications:follow"), {}, follow=True)
    assert "bestaat niet (meer)" in response.content.decode() and not Follow.objects.exists()


def test_the_listing_links_to_following_its_theme_without_anything_personal(client, logged_in, places, publish_story):
    publish_story(places["zwolle"][1], "Samen tegen verzuim", themes=["spijbelen"])
    html = logged_in.get("/praktijkverhalen/?theme=spijbelen").content.decode()
    assert 'href="/mijn/volgen/?theme=spijbelen"' in html
    assert (
        'href="/mijn/volgen/?organisation=zwolle"'
        in logged_in.get("/praktijkverhalen/?municipality=zwolle").content.decode()
    )
    # the same copy serves everybody (page cache): no form with a CSRF token, no member state
    assert "csrfmiddlewaretoken" not in html.split("active-filters", 1)[1].split("</section>", 1)[0]


def test_saving_a_search_from_the_search_page(logged_in, member):
    page = logged_in.get(reverse("notifications:save_search") + "?q=leerplicht&type=story&page=2")
    assert page.status_code == 200 and "leerplicht" in page.content.decode()
    assert not SavedSearch.objects.exists()
    logged_in.post(reverse("notifications:save_search"), {"q": "leerplicht", "type": "story"})
    saved = SavedSearch.objects.get()
    assert (saved.user, saved.query, saved.filters) == (member, "leerplicht", {"type": ["story"]})
    empty = logged_in.post(reverse("notifications:save_search"), {"q": "  "}, follow=True)
    assert "Er is geen zoekopdracht om te bewaren" in empty.content.decode()


def test_preferences_are_saved_with_a_dutch_confirmation(logged_in, member):
    url = reverse("notifications:preferences")
    assert "In het weekoverzicht" in logged_in.get(url).content.decode()
    response = logged_in.post(url, {"language": "en", f"kind_{kinds.NEW_CONTENT.name}": "immediately"}, follow=True)
    assert "Uw voorkeuren voor meldingen zijn opgeslagen." in response.content.decode()
    assert services.delivery_for(member, kinds.NEW_CONTENT.name) == Delivery.IMMEDIATELY
    assert services.language_of(member) == "en"
    bad = logged_in.post(url, {"language": "xx", f"kind_{kinds.NEW_CONTENT.name}": "loud"})
    assert bad.status_code == 200 and services.language_of(member) == "en"


def test_a_member_cannot_remove_another_members_follow_or_search(logged_in, other_member, places):
    theirs = services.follow(other_member, organisation=places["zwolle"][0])
    their_search = services.save_search(other_member, "leerplicht", {})
    logged_in.post(reverse("notifications:unfollow", args=[theirs.pk]))
    logged_in.post(reverse("notifications:delete_search", args=[their_search.pk]))
    assert Follow.objects.filter(pk=theirs.pk).exists() and SavedSearch.objects.filter(pk=their_search.pk).exists()
    overview = logged_in.get(reverse("members:overview")).content.decode()
    assert their_search.feed_token not in overview and "Gemeente: Gemeente Zwolle" not in overview


def test_removing_ones_own_follow_and_search(logged_in, member, places):
    mine = services.follow(member, organisation=places["zwolle"][0])
    search = services.save_search(member, "leerplicht", {})
    logged_in.post(reverse("notifications:unfollow", args=[mine.pk]))
    logged_in.post(reverse("notifications:delete_search", args=[search.pk]))
    assert not Follow.objects.exists() and not SavedSearch.objects.exists()


def test_the_saved_search_feed_lists_matching_pages_and_nothing_about_the_member(client, member, places, publish_story):
    publish_story(places["zwolle"][1], "Samen tegen verzuim", standfirst="Leerplicht en school samen.")
    publish_story(places["rotterdam"][1], "Huiswerkklas in Rotterdam")
    saved = services.save_search(member, "leerplicht", {})
    response = client.get(reverse("notifications:saved_search_feed", args=[saved.feed_token]))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    titles = [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")]
    assert titles == ["Samen tegen verzuim"]
    body = response.content.decode()
    assert member.email not in body and "Priya" not in body and "Pinas" not in body
    assert client.get(reverse("notifications:saved_search_feed", args=["geraden"])).status_code == 404


def test_journey_follow_a_theme_publish_read_the_mail_and_unsubscribe(client, logged_in, member, places, publish_story):
    """A professional follows a theme; an editor publishes a story with it; the mail's link unsubscribes."""
    Theme.objects.create(name="spijbelen", slug="spijbelen")
    logged_in.post(reverse("notifications:follow"), {"theme": "spijbelen"})
    logged_in.post(
        reverse("notifications:preferences"), {"language": "nl", f"kind_{kinds.NEW_CONTENT.name}": "immediately"}
    )
    logged_in.logout()

    story = publish_story(places["zwolle"][1], "Samen tegen verzuim", themes=["spijbelen"])
    (message,) = mail.outbox
    assert message.to == [member.email] and "Samen tegen verzuim" in message.subject
    assert f"http://testserver{story.url}" in message.body and "het thema spijbelen" in message.body
    link = re.search(r"http://testserver(/meldingen/afmelden/\S+/)", message.body).group(1)
    assert link in message.extra_headers["List-Unsubscribe"]

    assert "Afmelden" in client.get(link).content.decode()
    assert services.delivery_for(member, kinds.NEW_CONTENT.name) == Delivery.IMMEDIATELY
    assert "U bent afgemeld" in client.post(link).content.decode()
    assert services.delivery_for(member, kinds.NEW_CONTENT.name) == Delivery.OFF

    publish_story(places["zwolle"][1], "Nog een verhaal over verzuim", themes=["spijbelen"])
    assert len(mail.outbox) == 1
