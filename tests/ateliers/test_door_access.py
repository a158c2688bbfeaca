"""Logged-in people without door rights get an explanation, never a redirect loop (issue #13.3).

Before, `user_passes_test` sent them to the login page, which sends a logged-in user straight
back to `next`: the browser gave up with ERR_TOO_MANY_REDIRECTS.
"""

import re

from django.urls import reverse

from ateliers import services

from .conftest import register_guest

REDIRECTS = {301, 302, 303, 307, 308}


def follow(client, url, limit=5):
    """Follow redirects like a browser, but give up (and fail) after `limit` hops."""
    for _ in range(limit):
        response = client.get(url)
        if response.status_code not in REDIRECTS:
            return response
        url = response["Location"]
    raise AssertionError(f"more than {limit} redirects, still going to {url}")


def test_a_participant_opening_their_own_check_in_code_is_told_there_is_nothing_to_do(client, atelier, member):
    registration = services.register(atelier, email=member.email, name="Priya", background="wijkteam", user=member)
    client.force_login(member)

    response = follow(client, reverse("ateliers:checkin_scan", args=[services.make_token(registration, "checkin")]))

    page = response.content.decode()
    assert response.status_code == 403
    assert "Dit is de code die de organisator bij de deur scant" in page
    assert "je hoeft zelf niets te doen" in page
    # The link is signed with a timestamp, so it is read back rather than compared as a string:
    # the page may have been made in an earlier second than a token made here.
    manage_prefix = reverse("ateliers:manage", args=["TOKEN"]).split("TOKEN")[0]
    tokens = re.findall(re.escape(manage_prefix) + r"([^/\"]+)/", page)
    assert [services.registration_from_token(token, "manage") for token in tokens] == [registration]
    registration.refresh_from_db()
    assert not registration.attended


def test_someone_elses_check_in_code_shows_no_name_and_no_link(client, atelier, member):
    other = register_guest(atelier, 1)
    client.force_login(member)
    response = follow(client, reverse("ateliers:checkin_scan", args=[services.make_token(other, "checkin")]))
    page = response.content.decode()
    assert response.status_code == 403
    assert "Dit is de code die de organisator bij de deur scant" in page
    assert "Gast 1" not in page and "/aanmelding/" not in page


def test_the_door_list_tells_members_it_is_for_organisers_only(client, atelier, member):
    attendee = register_guest(atelier, 1)
    client.force_login(member)
    response = follow(client, reverse("ateliers:checkin", args=[atelier.pk]))
    assert response.status_code == 403
    assert "Alleen organisatoren" in response.content.decode()
    assert "Gast 1" not in response.content.decode()

    client.post(reverse("ateliers:checkin_toggle", args=[atelier.pk, attendee.pk]), {"attended": "1"})
    attendee.refresh_from_db()
    assert not attendee.attended


def test_anonymous_visitors_are_sent_to_log_in_and_come_back(client, atelier, staff):
    url = reverse("ateliers:checkin", args=[atelier.pk])
    response = client.get(url)
    assert response.status_code == 302 and "next=" in response["Location"]
    client.force_login(staff)
    assert follow(client, url).status_code == 200
