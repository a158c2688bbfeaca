"""Attack and bad input on the public forms, with the demo content loaded.

* CSRF: every URL of the public site that accepts a POST refuses one without a token (403)
  and writes nothing, for an anonymous visitor and for a logged-in member.
* Arbitrary text (hypothesis), including script payloads, in every public form: never a
  server error, never a `<script>` element reflected into the page.
"""

import re

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.models import User
from ateliers import services as atelier_services
from ateliers.models import AtelierPage, EvaluationResponse, Registration
from notifications.models import Follow, Preference, SavedSearch
from tips.models import Community, CommunityMember, JoinRequest, Round, Tip, TipLibraryPage, TriedIt, Vote

pytestmark = pytest.mark.django_db

MEMBER = "professional@demo.samenpreventief.nl"
PARENT = "ouder@demo.samenpreventief.nl"
WATCHED = [
    User,
    Registration,
    EvaluationResponse,
    Tip,
    TriedIt,
    Vote,
    Round,
    Community,
    CommunityMember,
    JoinRequest,
    Follow,
    SavedSearch,
    Preference,
]


def counts():
    return {model.__name__: model.objects.count() for model in WATCHED}


def project_patterns(resolver=None, prefix=""):
    """(route, name) of every URL pattern of our own apps and allauth on the public site."""
    for pattern in (resolver or get_resolver()).url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if route.startswith(("admin/", "django-admin/", "documents/", "api/")):
                continue
            yield from project_patterns(pattern, route)
        elif isinstance(pattern, URLPattern):
            yield route, pattern.name


@pytest.fixture
def targets(demo_content):
    """A real object for every path parameter."""
    atelier = next(a for a in AtelierPage.objects.live() if a.accepts_registrations)
    registration = Registration.objects.filter(atelier=atelier).first() or atelier_services.register(
        atelier, email="csrf@example.nl", name="C", background="wijkteam"
    )
    community = Community.objects.first()
    tip = Tip.objects.filter(community=community).first()
    round_ = Round.objects.filter(community=community).first()
    library = TipLibraryPage.objects.live().first()
    published = Tip.objects.filter(state="published").first()
    token = atelier_services.make_token
    urls = [
        "/account/login/",
        "/account/signup/",
        "/account/logout/",
        "/account/password/reset/",
        "/account/password/change/",
        "/account/email/",
        "/account/2fa/totp/activate/",
        "/_util/login/",
        "/admin/login/",
        "/admin/password_reset/",
        "/django-admin/login/",
        "/django-admin/password_change/",
        # wagtail-localize's translate and sync views behind our doors (issue 18)
        f"/admin/localize/submit/page/{atelier.pk}/",
        "/admin/localize/update/1/",
        "/account/profiel/",
        "/account/profiel/verwijderen/",
        f"/kennisateliers/{atelier.pk}/aanmelden/",
        f"/kennisateliers/aanmelding/bevestigen/{token(registration, 'confirm')}/",
        f"/kennisateliers/aanmelding/{token(registration, 'manage')}/",
        f"/kennisateliers/aanmelding/{token(registration, 'manage')}/afmelden/",
        f"/kennisateliers/aanmelding/{token(registration, 'manage')}/wijzigen/",
        f"/kennisateliers/aanmelding/{token(registration, 'manage')}/plek-aannemen/",
        "/kennisateliers/mijn-agenda/",
        f"/kennisateliers/evaluatie/{token(registration, 'evaluate')}/",
        f"/kennisateliers/nieuwe-link/manage/{token(registration, 'manage')}/",
        f"/kennisateliers/{atelier.pk}/inchecken/",
        f"/kennisateliers/{atelier.pk}/inchecken/{registration.pk}/",
        f"/kennisateliers/inchecken/{token(registration, 'checkin')}/",
        f"/tips/{community.slug}/leden/",
        f"/tips/{community.slug}/verlaten/",
        f"/tips/{community.slug}/tips/nieuw/",
        f"/tips/{community.slug}/tips/{tip.pk}/",
        f"/tips/{community.slug}/tips/{tip.pk}/publish/",
        f"/tips/{community.slug}/rondes/nieuw/",
        f"/tips/{community.slug}/rondes/{round_.pk}/",
        f"/tips/{community.slug}/rondes/{round_.pk}/meedoen/",
        f"{library.url}{published.pk}/",
        f"/tips/{community.slug}/aanmelden/",
        f"/tips/{community.slug}/aanmelden/intrekken/",
        f"/tips/{community.slug}/aanmeldingen/1/",
        "/mijn/volgen/?theme=weerbaarheid",
        "/mijn/volgen/1/stoppen/",
        "/mijn/zoekopdrachten/bewaren/?q=weerbaarheid",
        "/mijn/zoekopdrachten/1/verwijderen/",
        "/mijn/meldingen/",
        "/i18n/setlang/",
    ]
    return urls


def test_the_csrf_list_covers_every_public_url_that_takes_a_post():
    """A new public view must be added to the CSRF list above (or here, if it takes no POST)."""
    get_only = {
        "profile",  # same view as /account/profiel/, listed
        "export",  # a JSON download, GET only
        "feed",
        "registration_ics",
        "member_feed",  # a member's calendar feed, GET only
        "certificate",
        "certificate_check",
        "index",
        "invitation",  # accepting needs a POST with token: listed via members (same protection)
        "community",
        "round_csv",
        "search",
        "matrix",  # the knowledge-base matrix, GET only
        "story_map",  # the map of stories per province, GET only
        "api-schema",  # GET only
        "wagtail_serve",  # pages: the one page with a form (tips library "tried it") is listed
        "wagtailcore_authenticate_with_password",  # Wagtail's page-password form; no such pages here
        # being found (issue 18): files for crawlers and browsers, and the Atom feeds, GET only
        "sitemap",
        "robots_txt",
        "web_manifest",
        "feed-stories",
        "feed-methods",
        "feed-publications",
        "feed-ateliers",
        "feed-tips",
        "saved_search_feed",  # a saved search's Atom feed behind its secret address
        "about",  # a tips community's public page; asking to join is `join_request`, listed
        # Mijn Samen Preventief and the accreditation record's downloads, GET only
        "overview",
        "record_csv",
        "record_pdf",
        # RFC 8058 one-click unsubscribe: mail clients POST without a session or CSRF token, so
        # the view is exempt on purpose; the signed token in the URL is the proof
        # (tests/notifications/test_services.py).
        "unsubscribe",
        # wagtail-localize's translations report behind its door (cop_site/urls.py), GET only
        "translations_report_door",
        "translations_report_results_door",
    }
    ours = {name for route, name in project_patterns() if not route.startswith("account/") or "profiel" in route}
    listed = {
        "delete",
        "register",
        "confirm",
        "manage",
        "cancel",
        "change",
        "accept_offer",
        "my_calendar",
        "evaluate",
        "fresh_link",
        "checkin",
        "checkin_toggle",
        "checkin_scan",
        "members",
        "leave",
        "submit",
        "tip",
        "tip_action",
        "round_create",
        "round",
        "round_take_part",
        "join_request",
        "join_request_withdraw",
        "join_request_decide",
        "follow",
        "unfollow",
        "save_search",
        "delete_search",
        "preferences",
        "set_language",
        "wagtailcore_login",
        "wagtailadmin_login",  # the login doors (accounts.views.LoginDoor), before Wagtail's admin
        "wagtailadmin_password_reset",
        "django_admin_login_door",
        "django_admin_password_door",
        "translate_page_door",  # wagtail-localize's views behind our doors (cop_site/urls.py)
        "update_translations_door",
    }
    assert ours - get_only - listed - {None} == set()


@pytest.mark.parametrize("who", [None, MEMBER, PARENT])
def test_every_post_without_a_csrf_token_is_refused_and_writes_nothing(targets, who):
    client = Client(enforce_csrf_checks=True)
    if who:
        client.force_login(User.objects.get(email=who))
    before = counts()
    for url in targets:
        response = client.post(
            url,
            {
                "name": "X",
                "email": "csrf-aanval@example.nl",
                "background": "wijkteam",
                "text": "Aanval",
                "login": who or "x",
            },
        )
        assert response.status_code == 403, (url, response.status_code)
        assert "CSRF" in response.content.decode() or "403" in response.content.decode(), url
    assert counts() == before


# -- arbitrary text in every public form -------------------------------------------------

SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>[^<]*(alert|evil)", re.IGNORECASE)
payloads = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            '"><script>evil()</script>',
            "<img src=x onerror=alert(1)>",
            "javascript:alert(1)",
            "\x00\x1f\ud7ff",
            "' OR 1=1 --",
            "{{ settings.SECRET_KEY }}",
            "%(name)s {0} %s",
        ]
    ),
)


def assert_safe(response):
    assert response.status_code < 500, response.status_code
    body = response.content.decode("utf-8", "replace")
    assert not SCRIPT.search(body), "a script payload was reflected unescaped"
    assert "Traceback" not in body and django_settings.SECRET_KEY not in body


FUZZ = settings(max_examples=15, deadline=None, database=None, suppress_health_check=list(HealthCheck))


def test_public_forms_never_fail_or_reflect_scripts(targets):
    atelier = next(a for a in AtelierPage.objects.live() if a.accepts_registrations)
    community = Community.objects.first()
    parent = User.objects.get(email=PARENT)
    anonymous, member = Client(), Client()
    member.force_login(parent)

    @FUZZ
    @given(text=payloads, other=payloads)
    def fuzz(text, other):
        assert_safe(anonymous.post("/account/login/", {"login": text, "password": other}))
        assert_safe(anonymous.post("/account/signup/", {"email": text, "password1": other, "password2": other}))
        assert_safe(anonymous.post("/account/password/reset/", {"email": text}))
        assert_safe(
            anonymous.post(
                f"/kennisateliers/{atelier.pk}/aanmelden/",
                {"name": text, "email": other, "background": text, "organisation_name": text, "number_skj": other},
            )
        )
        assert_safe(anonymous.get("/zoeken/", {"q": text, "theme": other, "page": other}))
        assert_safe(anonymous.get(f"/kennisateliers/evaluatie/{text[:40]}x/"))
        assert_safe(anonymous.post(f"/kennisateliers/nieuwe-link/manage/{text[:40]}x/", {"email": other}))
        assert_safe(anonymous.get(f"/kennisateliers/certificaat/{text[:40]}x/"))
        assert_safe(member.post(f"/tips/{community.slug}/tips/nieuw/", {"text": text, "phase": other}))
        assert_safe(member.get(f"/tips/{community.slug}/", {"q": text}))

    fuzz()
