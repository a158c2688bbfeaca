"""The notification service: preferences, idempotency, language, digests, unsubscribe, matching."""

import email
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from notifications import kinds, links, services
from notifications.models import Delivery, Digest, Follow, MemberSettings, Notification, Preference
from taxonomy.models import Theme

pytestmark = pytest.mark.django_db

NEW = kinds.NEW_CONTENT.name


def run_digests():
    call_command("send_notification_digests", stdout=open("/dev/null", "w"))


def test_new_content_goes_to_the_weekly_digest_unless_the_member_chooses_otherwise(member):
    assert services.delivery_for(member, NEW) == Delivery.DIGEST
    services.set_preferences(member, {NEW: Delivery.IMMEDIATELY, "unknown": "off", "x": "loud"}, "en")
    assert services.delivery_for(member, NEW) == Delivery.IMMEDIATELY
    assert list(Preference.objects.values_list("kind", flat=True)) == [NEW]
    assert services.language_of(member) == "en"


def test_nothing_is_sent_twice(member, places, publish_story):
    story = publish_story(places["zwolle"][1], "Spijbelaanpak in Zwolle")
    services.set_preferences(member, {NEW: Delivery.IMMEDIATELY})
    first = services.notify(member, NEW, f"page:{story.pk}", title=story.title)
    again = services.notify(member, NEW, f"page:{story.pk}", title=story.title)
    assert first is not None and again is None
    assert Notification.objects.count() == 1
    assert len(mail.outbox) == 1
    # the task run again (a retry, a duplicate queue entry) sends nothing
    from notifications.tasks import send_notification_mail

    send_notification_mail.call(first.pk)
    assert len(mail.outbox) == 1


def test_a_kind_switched_off_records_but_sends_nothing(member, places, publish_story):
    story = publish_story(places["zwolle"][1], "Spijbelaanpak in Zwolle")
    services.set_preferences(member, {NEW: Delivery.OFF})
    notification = services.notify(member, NEW, f"page:{story.pk}", title=story.title)
    run_digests()
    assert notification.state == Notification.State.OFF and mail.outbox == []


def test_the_mail_is_written_in_the_members_language_with_links_in_that_language(member, places, publish_story):
    story = publish_story(places["zwolle"][1], "Spijbelaanpak in Zwolle")
    services.set_preferences(member, {NEW: Delivery.IMMEDIATELY}, "en")
    services.notify(member, NEW, f"page:{story.pk}", title=story.title, reasons=[["theme", "spijbelen"]])
    (message,) = mail.outbox
    assert message.subject == "New on Samen Preventief: Spijbelaanpak in Zwolle"
    assert "you follow the theme spijbelen" in message.body
    assert "http://testserver/en/mijn/meldingen/" in message.body
    assert f"http://testserver/en{story.url}" in message.body


def test_a_notification_mail_carries_one_click_unsubscribe_headers(member, places, publish_story):
    story = publish_story(places["zwolle"][1], "Spijbelaanpak in Zwolle")
    services.set_preferences(member, {NEW: Delivery.IMMEDIATELY})
    services.notify(member, NEW, f"page:{story.pk}", title=story.title)
    parsed = email.message_from_bytes(mail.outbox[0].message().as_bytes())
    assert parsed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # Only the https one-click link (RFC 8058): no mailto: that nobody would process.
    (https,) = re.findall(r"<([^>]+)>", parsed["List-Unsubscribe"])
    assert https.startswith("http://testserver/meldingen/afmelden/") and "mailto:" not in parsed["List-Unsubscribe"]


def test_the_digest_groups_a_weeks_notifications_in_one_mail_and_the_command_sends_it_once(
    member, other_member, places, publish_story
):
    first = publish_story(places["zwolle"][1], "Spijbelaanpak in Zwolle")
    second = publish_story(places["rotterdam"][1], "Huiswerkklas in Rotterdam")
    services.notify(member, NEW, f"page:{first.pk}", title=first.title)
    services.notify(member, NEW, f"page:{second.pk}", title=second.title)
    services.notify(other_member, NEW, f"page:{second.pk}", title=second.title)
    assert mail.outbox == []

    run_digests()
    run_digests()
    assert sorted(message.to[0] for message in mail.outbox) == ["bram@example.nl", "priya@example.nl"]
    priya = next(message for message in mail.outbox if message.to == ["priya@example.nl"])
    assert "Spijbelaanpak in Zwolle" in priya.body and "Huiswerkklas in Rotterdam" in priya.body
    assert "Spijbelaanpak" not in next(m for m in mail.outbox if m.to == ["bram@example.nl"]).body
    assert Digest.objects.filter(sent_at__isnull=False).count() == 2
    assert not Notification.objects.exclude(state=Notification.State.SENT).exists()


def test_unsubscribe_post_without_login_switches_the_kind_off(client, member, places, publish_story):
    story = publish_story(places["zwolle"][1], "Spijbelaanpak in Zwolle")
    waiting = services.notify(member, NEW, f"page:{story.pk}", title=story.title)
    url = links.unsubscribe_url(member, NEW).removeprefix("http://testserver")

    page = client.get(url)
    assert page.status_code == 200 and "Afmelden" in page.content.decode()
    assert services.delivery_for(member, NEW) == Delivery.DIGEST, "a GET (a mail scanner) changes nothing"

    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200 and "U bent afgemeld" in response.content.decode()
    assert services.delivery_for(member, NEW) == Delivery.OFF
    waiting.refresh_from_db()
    assert waiting.state == Notification.State.OFF
    run_digests()
    assert mail.outbox == []


def test_a_forged_or_foreign_unsubscribe_token_changes_nothing(client, member, other_member):
    token = links.unsubscribe_token(member, NEW)
    for forged in (token[:-2] + "xx", "abc", token.replace(token[0], "Z", 1)):
        response = client.post(reverse("notifications:unsubscribe", args=[forged]))
        assert response.status_code == 404
    assert not Preference.objects.exists()


def test_publishing_tells_followers_of_its_theme_and_municipality_and_matching_searches_once(
    member, other_member, places, publish_story
):
    from tests.factories import verified_member

    theme = Theme.objects.create(name="spijbelen", slug="spijbelen")
    services.follow(member, theme=theme)
    services.follow(other_member, organisation=places["zwolle"][0])
    searcher = verified_member("sam@example.nl", "x-wachtwoord-12345")
    services.save_search(searcher, "leerplicht", {"municipality": ["Zwolle"]})
    bystander = verified_member("nina@example.nl", "x-wachtwoord-12345")
    services.follow(bystander, organisation=places["rotterdam"][0])
    services.save_search(bystander, "leerplicht", {"municipality": ["Rotterdam"]})
    for user in (member, other_member, searcher):
        services.set_preferences(user, {NEW: Delivery.IMMEDIATELY})

    story = publish_story(
        places["zwolle"][1], "Samen tegen verzuim", themes=["spijbelen"], standfirst="Leerplicht en school samen."
    )
    assert sorted(message.to[0] for message in mail.outbox) == ["bram@example.nl", "priya@example.nl", "sam@example.nl"]
    assert {tuple(n.reasons[0]) for n in Notification.objects.all()} == {
        ("theme", "spijbelen"),
        ("organisation", "Gemeente Zwolle"),
        ("search", "“leerplicht”, Zwolle"),
    }

    story.save_revision().publish()  # an edit published again
    assert len(mail.outbox) == 3


def test_a_saved_search_matches_words_and_filters_of_the_document(member, places, publish_story):
    story = publish_story(places["zwolle"][1], "Samen tegen verzuim", standfirst="Leerplicht en school.")
    document = story.search_document()
    search = services.save_search(member, "LEERPLICHT school", {"type": ["story"]})
    assert services.search_matches(search, document)
    search.query = "leerplicht huiswerk"
    assert not services.search_matches(search, document)
    search.query, search.filters = "", {"type": ["method"]}
    assert not services.search_matches(search, document)


def test_a_saved_search_matches_as_the_search_analyses_words(member, places, publish_story):
    """Stems, compounds and synonyms as in the site search: plural and singular, a part of a
    compound, a synonym from the list; a word that only shares a root does not."""
    from search.setup import ensure_synonyms

    ensure_synonyms()
    story = publish_story(
        places["zwolle"][1], "Ouderkindcoaches in de wijk", standfirst="Spijbelen voorkomen met jongeren."
    )
    document = story.search_document()
    search = services.save_search(member, "jongere kindcoach", {})
    assert services.search_matches(search, document)
    search.query = "schoolverzuim"  # a synonym of spijbelen in the starting list
    assert services.search_matches(search, document)
    search.query = "spijbelaar"
    assert not services.search_matches(search, document)


def test_remember_language_keeps_the_members_own_choice(member):
    services.remember_language(member, "en")
    services.remember_language(member, "nl")
    assert MemberSettings.objects.get(user=member).language == "en"


def test_following_twice_is_one_follow(member, places):
    services.follow(member, organisation=places["zwolle"][0])
    services.follow(member, organisation=places["zwolle"][0])
    assert Follow.objects.count() == 1
