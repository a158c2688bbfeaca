"""One door (issue 12, finding 1; issue 13, the /admin/ loop).

Every login URL the site exposes (allauth's own, Wagtail's admin login, Wagtail's page-privacy
login `/_util/login/`, Django's admin login) and every password-reset URL must lead to allauth,
so one set of rules applies: unverified accounts are refused, two-factor accounts get the TOTP
step, wrong passwords are counted and lock the account. A POST of a username and password to
an old URL logs nobody in. The sweep also walks the URL configuration, so a login or reset view
added later (by Wagtail or by us) cannot open a second door unnoticed.
"""

from urllib.parse import urlsplit

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import views as auth_views
from django.core import mail
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve

from accounts.models import User
from tests.factories import verified_member

pytestmark = pytest.mark.django_db

PASSWORD = "een-lang-wachtwoord-42"
ALLAUTH_LOGIN = {"/account/login/", "/en/account/login/"}
# Every URL at which someone could try to log in; the sweep below checks the list is complete.
LOGIN_DOORS = [
    "/account/login/",
    "/en/account/login/",
    "/admin/login/",
    "/_util/login/",
    "/en/_util/login/",
    "/django-admin/login/",
]
RESET_DOORS = ["/admin/password_reset/", "/admin/password_reset/confirm/MQ/abc-123/"]
# Django's own authentication views: none of them may answer on this site.
DJANGO_AUTH_VIEWS = (
    auth_views.LoginView,
    auth_views.PasswordResetView,
    auth_views.PasswordResetConfirmView,
    auth_views.PasswordChangeView,
)


def logged_in(client):
    return "_auth_user_id" in client.session


def routes(resolver=None, prefix=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        route = prefix + str(pattern.pattern).lstrip("^")
        if isinstance(pattern, URLResolver):
            yield from routes(pattern, route)
        elif isinstance(pattern, URLPattern):
            yield route.rstrip("$"), pattern


def is_django_auth_view(func):
    view_class = getattr(func, "view_class", None)
    if view_class is not None and issubclass(view_class, DJANGO_AUTH_VIEWS):
        return True
    # Django's AdminSite.login and password_change are methods that wrap the same views.
    return getattr(func, "__name__", "") in {"login", "password_change"} and "AdminSite" in getattr(
        func, "__qualname__", ""
    )


def test_no_url_of_the_site_answers_with_a_django_login_or_reset_view():
    """Wagtail and Django register their own login/reset views; each must be shadowed by a door."""
    found = []
    for route, pattern in routes():
        if is_django_auth_view(pattern.callback):
            path = "/" + route.replace("<uidb64>", "MQ").replace("<token>", "abc-123")
            found.append(path)
            assert not is_django_auth_view(resolve(path).func), f"{path} still logs in or resets outside allauth"
    assert {"/admin/login/", "/_util/login/", "/django-admin/login/", "/admin/password_reset/"} <= set(found)
    assert {"/" + urlsplit(path).path.lstrip("/") for path in found if "login" in path} <= set(LOGIN_DOORS)


@pytest.mark.parametrize("door", LOGIN_DOORS)
def test_posting_credentials_to_an_old_login_url_logs_nobody_in(client, door):
    verified_member("lid@example.nl", PASSWORD)
    client.post(door, {"username": "lid@example.nl", "email": "lid@example.nl", "password": PASSWORD}, follow=True)
    if door not in ALLAUTH_LOGIN:
        assert not logged_in(client)


def login_through(client, door, email, password):
    """Open `door` as a visitor does, follow it to the form it ends on and submit that form."""
    response = client.get(door, follow=True)
    form_path = response.request["PATH_INFO"]
    assert form_path in ALLAUTH_LOGIN, f"{door} ends on {form_path}, not on allauth's login"
    return client.post(
        form_path + "?" + response.request.get("QUERY_STRING", ""), {"login": email, "password": password}
    )


@pytest.mark.parametrize("door", LOGIN_DOORS)
def test_every_door_lets_a_verified_member_in(client, door):
    verified_member("lid@example.nl", PASSWORD)
    login_through(client, door, "lid@example.nl", PASSWORD)
    assert logged_in(client)


@pytest.mark.parametrize("door", LOGIN_DOORS)
def test_every_door_refuses_an_unverified_account(client, door):
    User.objects.create_user(email="onbevestigd@example.nl", password=PASSWORD)
    response = login_through(client, door, "onbevestigd@example.nl", PASSWORD)
    assert not logged_in(client)
    assert response["Location"].endswith("/account/confirm-email/")


@pytest.mark.parametrize("door", LOGIN_DOORS)
def test_every_door_asks_for_the_second_factor(client, door):
    user = verified_member("tweestaps@example.nl", PASSWORD)
    TOTP.activate(user, generate_totp_secret())
    response = login_through(client, door, "tweestaps@example.nl", PASSWORD)
    assert not logged_in(client)
    assert response["Location"].endswith("/account/2fa/authenticate/")


@pytest.mark.parametrize("door", LOGIN_DOORS)
def test_wrong_passwords_at_any_door_count_towards_one_lockout(client, door):
    verified_member("lid@example.nl", PASSWORD)
    for other_door in LOGIN_DOORS[:5]:  # five failures, spread over the doors
        login_through(Client(), other_door, "lid@example.nl", "fout-wachtwoord")
    response = login_through(client, door, "lid@example.nl", PASSWORD)
    assert not logged_in(client)
    locked = "Too many failed login attempts" if door.startswith("/en/") else "Te veel inlogpogingen"
    assert locked in response.content.decode()


@pytest.mark.parametrize("door", RESET_DOORS)
def test_old_password_reset_urls_lead_to_allauths_reset_and_send_nothing(client, door):
    verified_member("lid@example.nl", PASSWORD)
    response = client.get(door, follow=True)
    assert response.request["PATH_INFO"] == "/account/password/reset/"
    for _attempt in range(25):
        client.post(door, {"email": "lid@example.nl"})
    assert len(mail.outbox) == 0, "a POST to an old reset URL sends nothing"


def test_django_admins_password_change_leads_to_allauths(client):
    staff = verified_member("staf@example.nl", PASSWORD)
    staff.is_staff = True
    staff.save()
    client.force_login(staff)
    response = client.post(
        "/django-admin/password_change/",
        {"old_password": PASSWORD, "new_password1": "nieuw-wachtwoord-77", "new_password2": "nieuw-wachtwoord-77"},
        follow=True,
    )
    assert response.request["PATH_INFO"] == "/account/password/change/"
    staff.refresh_from_db()
    assert staff.check_password(PASSWORD), "the old form changed nothing"


def test_password_reset_mails_to_one_address_are_limited(client):
    verified_member("lid@example.nl", PASSWORD)
    statuses = [client.post("/account/password/reset/", {"email": "lid@example.nl"}).status_code for _ in range(25)]
    assert len(mail.outbox) <= 5
    assert 429 in statuses


# --- Issue 13: a logged-in member without admin access opening /admin/ -----------------------


@pytest.mark.parametrize("start", ["/admin/", "/admin/pages/", "/django-admin/"])
def test_a_member_without_admin_access_gets_a_clear_page_not_a_redirect_loop(client, start):
    client.force_login(verified_member("lid@example.nl", PASSWORD))
    response = client.get(start, follow=True)
    assert len(response.redirect_chain) <= 3
    assert response.status_code == 403
    text = response.content.decode()
    assert "redactieomgeving" in text
    assert 'href="/account/profiel/"' in text and 'href="/"' in text


def test_the_no_access_page_exists_in_english(client):
    client.force_login(verified_member("lid@example.nl", PASSWORD))
    response = client.get("/admin/", follow=True)
    english = client.get("/en" + response.request["PATH_INFO"])
    assert english.status_code == 403
    assert "editor dashboard" in english.content.decode()


def test_an_editor_still_reaches_the_admin_through_the_door(client, demo_content):
    response = client.get("/admin/", follow=True)
    assert response.request["PATH_INFO"] == "/account/login/"
    response = client.post(
        "/account/login/?next=/admin/",
        {"login": "redacteur@demo.samenpreventief.nl", "password": "demo-wachtwoord-2026"},
        follow=True,
    )
    assert response.status_code == 200 and response.request["PATH_INFO"] == "/admin/"
    # Logged in, the admin login URL no longer shows a form: it sends the editor on.
    assert client.get("/admin/login/?next=/admin/pages/")["Location"] == "/admin/pages/"
