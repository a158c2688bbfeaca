"""Must hold: atelier links in mails stop working when their purpose is over (issue 14).

Before, the confirm, registration-page, check-in and evaluation links worked forever. Now each
purpose has a lifetime (core/signed_links.py, ateliers/services.LINK_PURPOSES); an expired
link answers with a page that says so and offers a fresh link by mail, to the registration's
own address only, without telling anyone whether an address is registered.

Time travel: no time-travel library is installed, so the tests move the links' own clock
(`core.signed_links.now`); everything else (the atelier's date) keeps the real time.
"""

import datetime
import re

import pytest
from django.core import signing
from django.urls import reverse

from ateliers import services
from ateliers.models import AtelierState, Registration
from core import signed_links

from .conftest import register_guest

pytestmark = pytest.mark.django_db

MINUTE = datetime.timedelta(minutes=1)
DAY = datetime.timedelta(days=1)
EXPIRED = "Deze link is verlopen"


class Clock:
    """The clock of signed links, standing still wherever the test puts it."""

    def __init__(self, moment):
        self.moment = moment

    def __call__(self):
        return self.moment

    def set(self, moment):
        self.moment = moment


@pytest.fixture
def clock(monkeypatch):
    frozen = Clock(signed_links.now())
    monkeypatch.setattr(signed_links, "now", frozen)
    return frozen


@pytest.fixture
def door(client, staff):
    client.force_login(staff)
    return client


def pending_guest(atelier):
    return services.register(atelier, email="wacht@example.nl", name="Wacht Even", background="wijkteam")


def link(registration, purpose):
    name = {"confirm": "confirm", "manage": "manage", "checkin": "checkin_scan", "evaluate": "evaluate"}[purpose]
    return reverse(f"ateliers:{name}", args=[services.make_token(registration, purpose)])


def opens(client, path):
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    assert EXPIRED not in response.content.decode()
    return response


def is_expired(client, path):
    response = client.get(path)
    assert response.status_code == 410, (path, response.status_code)
    page = response.content.decode()
    assert EXPIRED in page and "Stuur mij een nieuwe link" in page
    return response


def test_a_guest_confirmation_link_works_three_days(client, atelier, clock):
    issued = clock()
    path = link(pending_guest(atelier), "confirm")
    clock.set(issued + 3 * DAY - MINUTE)
    opens(client, path)
    clock.set(issued + 3 * DAY + MINUTE)
    is_expired(client, path)


def test_the_registration_page_link_works_until_a_month_after_the_atelier(client, atelier, clock):
    issued = clock()
    path = link(register_guest(atelier, 1), "manage")
    clock.set(atelier.ends_at + 30 * DAY - MINUTE)  # 60 days after the mail: longer than any fixed age
    assert clock() - issued > datetime.timedelta(days=59)
    opens(client, path)
    clock.set(atelier.ends_at + 30 * DAY + MINUTE)
    is_expired(client, path)
    # The pages behind the same link (cancel, calendar file) follow it.
    token = path.rstrip("/").rsplit("/", 1)[1]
    assert client.get(reverse("ateliers:cancel", args=[token])).status_code == 410
    assert client.get(reverse("ateliers:registration_ics", args=[token])).status_code == 410


def test_the_check_in_code_works_until_the_day_after_the_atelier(door, atelier, clock):
    path = link(register_guest(atelier, 1), "checkin")
    clock.set(atelier.ends_at + DAY - MINUTE)
    opens(door, path)
    clock.set(atelier.ends_at + DAY + MINUTE)
    is_expired(door, path)


def test_the_evaluation_link_works_six_weeks_after_the_atelier(client, atelier, clock):
    attendee = register_guest(atelier, 1)
    Registration.objects.filter(pk=attendee.pk).update(attended=True)
    atelier.__class__.objects.filter(pk=atelier.pk).update(state=AtelierState.EVALUATION_OPEN)
    path = link(attendee, "evaluate")
    clock.set(atelier.ends_at + 42 * DAY - MINUTE)
    assert 'name="comments"' in opens(client, path).content.decode()  # the form itself
    clock.set(atelier.ends_at + 42 * DAY + MINUTE)
    is_expired(client, path)


def test_a_link_mailed_late_still_gets_its_minimum_lifetime(client, atelier, clock):
    """An evaluation mailed long after the atelier gives two weeks, whatever the date."""
    attendee = register_guest(atelier, 1)
    clock.set(atelier.ends_at + 60 * DAY)
    path = link(attendee, "evaluate")
    clock.set(atelier.ends_at + 74 * DAY - MINUTE)
    opens(client, path)
    clock.set(atelier.ends_at + 74 * DAY + MINUTE)
    is_expired(client, path)


def test_postponing_the_atelier_extends_the_links_already_mailed(client, atelier, clock):
    path = link(register_guest(atelier, 1), "manage")
    original_end = atelier.ends_at
    atelier.__class__.objects.filter(pk=atelier.pk).update(date=atelier.date + datetime.timedelta(days=60))
    clock.set(original_end + 30 * DAY + MINUTE)
    opens(client, path)


def test_operators_set_a_lifetime_in_settings(client, atelier, clock, settings):
    settings.SIGNED_LINK_LIFETIMES = {"ateliers.confirm": {"after_issue": datetime.timedelta(hours=1)}}
    issued = clock()
    path = link(pending_guest(atelier), "confirm")
    clock.set(issued + datetime.timedelta(minutes=59))
    opens(client, path)
    clock.set(issued + datetime.timedelta(minutes=61))
    is_expired(client, path)


def test_links_mailed_before_the_change_keep_working_and_expire_by_the_same_rules(client, atelier, clock):
    """The old code made links with `signing.dumps`, which has always stamped the time."""
    registration = register_guest(atelier, 1)
    old_style = signing.dumps(registration.pk, salt="ateliers.manage", compress=True)
    path = reverse("ateliers:manage", args=[old_style])
    opens(client, path)
    clock.set(atelier.ends_at + 30 * DAY + MINUTE)
    is_expired(client, path)


def test_an_expired_link_is_not_served_from_the_page_cache(client, atelier, clock, settings):
    """The anonymous page cache kept a 200 of the registration page for five minutes, past the
    link's expiry (and kept a person's registration in the shared cache): never cache them."""
    settings.PAGE_CACHE_ENABLED = True
    path = link(register_guest(atelier, 1), "manage")
    response = opens(client, path)
    assert "private" in response["Cache-Control"]
    clock.set(atelier.ends_at + 30 * DAY + MINUTE)
    is_expired(client, path)


# -- a fresh link by mail -------------------------------------------------------------------


def mailed_path(message):
    [url] = re.findall(r"http://testserver(/\S+)", message.body)
    return url


def expire(client, clock, path, moment):
    clock.set(moment)
    page = is_expired(client, path).content.decode()
    return re.search(r'action="(/kennisateliers/nieuwe-link/[^"]+)"', page).group(1)


def test_an_expired_registration_link_gets_a_working_one_by_mail(client, atelier, clock, mailoutbox, committed):
    registration = register_guest(atelier, 1)
    path = link(registration, "manage")
    form_action = expire(client, clock, path, atelier.ends_at + 31 * DAY)
    mailoutbox.clear()
    with committed():
        response = client.post(form_action, {"email": "  GAST1@example.nl "})
    assert response.status_code == 200 and "Kijk in je mailbox" in response.content.decode()
    [message] = mailoutbox
    assert message.to == [registration.email]
    assert "nieuwe link" in message.subject
    fresh = mailed_path(message)
    assert fresh.startswith("/kennisateliers/aanmelding/")
    opens(client, fresh)
    clock.set(clock() + 7 * DAY - MINUTE)  # a link asked for after the atelier works a week
    opens(client, fresh)


def test_an_expired_confirmation_link_gets_a_new_confirmation_link(client, atelier, clock, mailoutbox, committed):
    guest = pending_guest(atelier)
    form_action = expire(client, clock, link(guest, "confirm"), clock() + 4 * DAY)
    mailoutbox.clear()
    with committed():
        client.post(form_action, {"email": guest.email})
    [message] = mailoutbox
    fresh = mailed_path(message)
    assert fresh.startswith("/kennisateliers/aanmelding/bevestigen/")
    client.post(fresh)
    guest.refresh_from_db()
    assert guest.status == Registration.Status.CONFIRMED


def test_an_expired_check_in_code_mails_the_registration_page_instead(door, atelier, clock, mailoutbox, committed):
    """A check-in code after the atelier can never work again; the certificate page can."""
    registration = register_guest(atelier, 1)
    form_action = expire(door, clock, link(registration, "checkin"), atelier.ends_at + 2 * DAY)
    mailoutbox.clear()
    with committed():
        door.post(form_action, {"email": registration.email})
    [message] = mailoutbox
    assert mailed_path(message).startswith("/kennisateliers/aanmelding/")
    opens(door, mailed_path(message))


def test_the_answer_never_tells_whether_the_address_is_the_registrations(client, atelier, clock, mailoutbox, committed):
    registration = register_guest(atelier, 1)
    form_action = expire(client, clock, link(registration, "manage"), atelier.ends_at + 31 * DAY)
    mailoutbox.clear()
    with committed():
        wrong = client.post(form_action, {"email": "iemand-anders@example.nl"})
    assert mailoutbox == []
    with committed():
        right = client.post(form_action, {"email": registration.email})
    assert len(mailoutbox) == 1
    assert wrong.status_code == right.status_code == 200
    assert wrong.content == right.content
    assert registration.email not in right.content.decode()


def test_asking_again_and_again_is_limited_the_same_for_any_address(client, atelier, clock, mailoutbox, committed):
    registration = register_guest(atelier, 1)
    form_action = expire(client, clock, link(registration, "manage"), atelier.ends_at + 31 * DAY)
    mailoutbox.clear()
    answers = []
    for email in ["a@example.nl", registration.email, "b@example.nl", registration.email, "c@example.nl"]:
        with committed():
            answers.append(client.post(form_action, {"email": email}))
    assert [answer.status_code for answer in answers] == [200, 200, 200, 429, 429]
    assert "Probeer het later opnieuw" in answers[-1].content.decode()
    assert len(mailoutbox) == 1  # the inbox is not flooded


def test_a_bad_address_in_the_form_gets_a_dutch_message(client, atelier, clock):
    form_action = expire(client, clock, link(register_guest(atelier, 1), "manage"), atelier.ends_at + 31 * DAY)
    response = client.post(form_action, {"email": "geen-adres"})
    assert response.status_code == 200
    assert "Voer een geldig e-mailadres in" in response.content.decode()


# -- tampered links -------------------------------------------------------------------------


def test_a_tampered_link_gets_the_invalid_page_and_no_form(client, atelier, mailoutbox, committed):
    registration = register_guest(atelier, 1)
    token = services.make_token(registration, "manage")
    for path in [
        reverse("ateliers:manage", args=[token[:-2] + "xx"]),
        reverse("ateliers:manage", args=[services.make_token(registration, "confirm")]),  # another purpose
        reverse("ateliers:manage", args=[signing.Signer(salt="ateliers.manage").sign("1")]),  # no timestamp
    ]:
        response = client.get(path)
        assert response.status_code == 404
        assert "Deze link is ongeldig" in response.content.decode()
        assert "Stuur mij een nieuwe link" not in response.content.decode()
    mailoutbox.clear()
    with committed():
        response = client.post(
            reverse("ateliers:fresh_link", args=["manage", token[:-2] + "xx"]), {"email": registration.email}
        )
    assert response.status_code == 404 and "Deze link is ongeldig" in response.content.decode()
    assert mailoutbox == []
    assert client.get(reverse("ateliers:fresh_link", args=["anders", token])).status_code == 404


def test_an_unknown_purpose_is_refused_without_assert():
    """`python -O` strips asserts: the check must be explicit."""
    with pytest.raises(ValueError, match="purpose"):
        services.make_token(Registration(pk=1), "admin")
