"""A member's secret, revocable calendar address with their own registrations (issue #16)."""

import hashlib
import re

from django.urls import reverse
from icalendar import Calendar
from wagtail.models import ModelLogEntry

from ateliers import services
from ateliers.models import CalendarFeed
from tests.factories import verified_member


def make_feed(client):
    page = client.post(reverse("ateliers:my_calendar"), {"action": "create"}).content.decode()
    feed_url = re.search(r'id="feed-url"[^>]*value="([^"]+)"', page).group(1)
    assert re.search(r'href="webcal://[^"]+\.ics"', page)
    return re.sub(r"^https?://[^/]+", "", feed_url)


def test_the_feed_lists_the_members_current_registrations_and_nothing_personal(client, make_atelier, member):
    kept = make_atelier(title="Kracht uit netwerken")
    dropped = make_atelier(title="Afgemeld atelier", days_ahead=40)
    full = make_atelier(title="Vol atelier", capacity=0, days_ahead=50)
    for atelier in (kept, dropped, full):
        services.register(atelier, email=member.email, name="Priya Pinas", background="policy", user=member)
    services.cancel(member.atelier_registrations.get(atelier=dropped))
    client.force_login(member)

    path = make_feed(client)
    client.logout()  # a calendar program has no session
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "private" in response["Cache-Control"]
    calendar = Calendar.from_ical(response.content)
    events = {str(event["summary"]): event for event in calendar.walk("VEVENT")}
    assert set(events) == {"Kennisatelier: Kracht uit netwerken", "Kennisatelier: Vol atelier"}
    assert str(events["Kennisatelier: Vol atelier"]["status"]) == "TENTATIVE"  # waiting list
    assert str(events["Kennisatelier: Kracht uit netwerken"]["uid"]) == f"atelier-{kept.pk}@samenpreventief.nl"
    assert calendar.walk("VTIMEZONE")
    text = response.content.decode()
    assert "Priya" not in text and member.email not in text


def test_the_key_is_stored_hashed_and_a_new_one_or_revoking_stops_the_old(client, atelier, member):
    client.force_login(member)
    first = make_feed(client)
    key = first.rsplit("/", 1)[1].removesuffix(".ics")
    feed = CalendarFeed.objects.get(user=member)
    assert feed.key_hash == hashlib.sha256(key.encode()).hexdigest() and key not in feed.key_hash

    second = make_feed(client)
    assert client.get(first).status_code == 404
    assert client.get(second).status_code == 200

    response = client.post(reverse("ateliers:my_calendar"), {"action": "revoke"}, follow=True)
    assert "ingetrokken" in response.content.decode()
    assert client.get(second).status_code == 404
    assert not CalendarFeed.objects.exists()
    actions = list(ModelLogEntry.objects.order_by("pk").values_list("action", flat=True))
    assert actions[-3:] == [
        "ateliers.calendar_feed_created",
        "ateliers.calendar_feed_created",
        "ateliers.calendar_feed_revoked",
    ]


def test_an_empty_post_changes_nothing_and_visitors_log_in_first(client, member):
    assert client.get(reverse("ateliers:my_calendar")).status_code == 302
    client.force_login(member)
    client.post(reverse("ateliers:my_calendar"), {})
    assert not CalendarFeed.objects.exists()
    assert client.get(reverse("ateliers:member_feed", args=["verzonnen"])).status_code == 404


def test_each_member_sees_only_their_own(client, make_atelier, member):
    other = verified_member("ander@example.nl", "geheim-wachtwoord-1")
    atelier = make_atelier(title="Alleen voor de ander")
    services.register(atelier, email=other.email, name="Ander", background="policy", user=other)
    client.force_login(member)
    path = make_feed(client)
    assert "Alleen voor de ander" not in client.get(path).content.decode()


def test_deleting_the_account_ends_the_feed(client, atelier, member):
    client.force_login(member)
    path = make_feed(client)
    services.anonymise_member_registrations(member)
    assert client.get(path).status_code == 404
