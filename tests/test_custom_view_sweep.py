"""Every view of our own apps, GET and POST, as every role, aimed at another organisation's objects (issue 14).

The views come from the URL resolver (public URLs and the admin views our wagtail_hooks
register), so a new view is swept as soon as it has a URL, and the sweep fails until it is
classified below. Parameters are filled with objects of ANOTHER organisation or community: an
atelier co-organised by "Organisatie B" with a named attendee, a tip community of B with an
unpublished tip. None of the roles belongs to B, so for every request: no 5xx, none of B's
private data in the answer, and nothing written to the database.
"""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from accounts.models import Profile
from ateliers import services as atelier_services
from ateliers.models import AtelierPage, Registration
from ateliers.permissions import ORGANISER_PERMISSIONS
from editorial.models import OrganisationGroup, Role
from organisations.models import Membership, Organisation, OrganisationType
from tests.factories import verified_member
from tips.models import Community, CommunityMember, Invitation, JoinRequest, Round, Tip

pytestmark = pytest.mark.django_db

OUR_APPS = (
    "accounts",
    "ateliers",
    "tips",
    "editorial",
    "practices",
    "search",
    "organisations",
    "home",
    "members",
    "notifications",
    "pictures",
)

# What each of our views is, by URL name. PUBLIC and OWN views get an empty POST (a filled one
# would legitimately register, or change one's own profile); the others get FORCEFUL_POST.
PUBLIC, OWN, LINK, DOOR, ORGANISER, FACILITATOR, COMMUNITY, ADMINISTRATOR = (
    "public",
    "own account",
    "capability link (a forged one)",
    "atelier door",
    "atelier organiser",
    "facilitator",
    "community member",
    "platform administrator",
)
TRANSLATOR = "editor of the page's own organisation"
CLASSIFIED = {
    # accounts and the login doors (cop_site/urls.py)
    "accounts:profile": OWN,
    "accounts:export": OWN,
    "accounts:delete": OWN,
    # the member's own page (members/urls.py): about the logged-in member only
    "members:overview": OWN,
    "members:record_csv": OWN,
    "members:record_pdf": OWN,
    # following, saved searches and notification preferences (notifications/urls.py)
    "notifications:preferences": OWN,
    "notifications:follow": OWN,
    "notifications:unfollow": OWN,
    "notifications:save_search": OWN,
    "notifications:delete_search": OWN,
    "notifications:unsubscribe": LINK,
    "notifications:saved_search_feed": LINK,
    "wagtailadmin_login": PUBLIC,
    "wagtailadmin_password_reset": PUBLIC,
    "django_admin_login_door": PUBLIC,
    "django_admin_password_door": PUBLIC,
    "wagtailcore_login": PUBLIC,
    "no_editor_access": PUBLIC,
    "no_page_access": PUBLIC,
    # ateliers
    "ateliers:feed": PUBLIC,
    "ateliers:my_calendar": OWN,
    "ateliers:member_feed": LINK,
    "ateliers:register": PUBLIC,
    "ateliers:confirm": LINK,
    "ateliers:manage": LINK,
    "ateliers:cancel": LINK,
    "ateliers:change": LINK,
    "ateliers:accept_offer": LINK,
    "ateliers:registration_ics": LINK,
    "ateliers:certificate": LINK,
    "ateliers:certificate_check": PUBLIC,
    "ateliers:evaluate": LINK,
    "ateliers:checkin": DOOR,
    "ateliers:checkin_toggle": DOOR,
    "ateliers:checkin_scan": DOOR,
    "ateliers:fresh_link": LINK,
    # the report of pictures without a text alternative (pictures/wagtail_hooks.py): only the
    # pictures the user may change, by Wagtail's collection permissions; it changes nothing
    "pictures_admin:missing_alt_text": OWN,
    "pictures_admin:missing_alt_text_results": OWN,
    "ateliers_admin:report": ORGANISER,
    "ateliers_admin:report_csv": ORGANISER,
    "ateliers_admin:manage": ORGANISER,
    "ateliers_admin:attendance_export": ORGANISER,
    "ateliers_admin:registrations_export": ORGANISER,
    "ateliers_admin:message": ORGANISER,
    # tips
    "tips:index": OWN,
    "tips:invitation": LINK,
    "tips:about": PUBLIC,
    "tips:join_request": OWN,
    "tips:join_request_withdraw": OWN,
    "tips:join_request_decide": FACILITATOR,
    "tips:community": COMMUNITY,
    "tips:members": FACILITATOR,
    "tips:leave": COMMUNITY,
    "tips:submit": COMMUNITY,
    "tips:tip": COMMUNITY,
    "tips:tip_action": FACILITATOR,
    "tips:round_create": FACILITATOR,
    "tips:round": FACILITATOR,
    "tips:round_take_part": COMMUNITY,
    "tips:round_csv": COMMUNITY,
    # editorial, practices, search, organisations
    "editorial_onboard": ADMINISTRATOR,
    # wagtail-localize's translate and sync views, behind our doors (cop_site/urls.py, issue 18)
    "translate_page_door": TRANSLATOR,
    "update_translations_door": TRANSLATOR,
    # its translations report, listing only the translations of the user's own pages
    "translations_report_door": OWN,
    "translations_report_results_door": OWN,
    "practices:matrix": PUBLIC,
    "practices:story_map": PUBLIC,
    "search:search": PUBLIC,
    "search-api": PUBLIC,
    "search-autocomplete": PUBLIC,
    # the Atom feeds of the listings (cop_site/urls.py, issue 18)
    "feed-stories": PUBLIC,
    "feed-methods": PUBLIC,
    "feed-publications": PUBLIC,
    "feed-ateliers": PUBLIC,
    "feed-tips": PUBLIC,
}
# Routers with generated names: the open-data API (cop_site.api) serves published content; the
# admin file API (organisations.wagtail_hooks) only the files of the user's own organisation.
CLASSIFIED_PREFIXES = {
    "practices_api:": PUBLIC,
    "wagtailadmin_api:documents:": OWN,
    "wagtailadmin_api:images:": OWN,
}

FORCEFUL_POST = {
    "attended": "1",
    "transition": "held",
    "undo": "1",
    "save_attendance": "1",
    "open": "1",
    "close": "1",
    "text": "Overschreven",
    "note": "x",
    "add-email": "indringer@example.nl",
    "add-role": "facilitator",
    "invite-email": "indringer@example.nl",
    "invite-role": "parent",
    "choice": "hide",
    "kind": "toptips",
    "title": "Ronde",
    "decision": "accept",
    "role": "professional",
    "motivation": "Ik wil meedoen",
    "consent": "on",
}
SECRET_ATTENDEE = "Geheime Deelnemer"
SECRET_EMAIL = "geheim.deelnemer@example.nl"
SECRET_TIP = "Geheime tip van gemeenschap B"


def our_views(resolver=None, prefix=""):
    """(route, name, kwarg names) of every URL whose view lives in one of our apps."""
    for pattern in (resolver or get_resolver()).url_patterns:
        route = prefix + str(pattern.pattern).lstrip("^").rstrip("$")
        if isinstance(pattern, URLResolver):
            namespace = f"{pattern.namespace}:" if pattern.namespace else ""
            for sub_route, name in our_views(pattern, route):
                yield sub_route, (namespace + name) if name else None
        elif isinstance(pattern, URLPattern):
            view = pattern.callback
            view = getattr(view, "view_class", None) or getattr(view, "cls", None) or view
            if view.__module__.split(".")[0] in OUR_APPS:
                yield route, pattern.name


def classification(name):
    if name in CLASSIFIED:
        return CLASSIFIED[name]
    return next((kind for prefix, kind in CLASSIFIED_PREFIXES.items() if name and name.startswith(prefix)), None)


@pytest.fixture
def world(db):
    """Organisation A (the roles' own) and B (the target), with an atelier and a community each."""
    from ateliers.setup import ensure_ateliers
    from home.setup import ensure_site

    ensure_site()
    own = Organisation.objects.create(name="Organisatie A", type=OrganisationType.KNOWLEDGE_INSTITUTE)
    other = Organisation.objects.create(name="Organisatie B", type=OrganisationType.KNOWLEDGE_INSTITUTE)
    series = ensure_ateliers()
    ateliers = {}
    for organisation in (own, other):
        atelier = AtelierPage(title=f"Atelier van {organisation}", date=timezone.localdate(), capacity=10)
        series.add_child(instance=atelier)
        atelier.co_organisers.set([organisation])
        atelier.save()
        AtelierPage.objects.filter(pk=atelier.pk).update(
            state="registration_open",
            start_time=(timezone.localtime() - datetime.timedelta(minutes=5)).time(),
            end_time=datetime.time(23, 59),
        )
        ateliers[organisation] = AtelierPage.objects.get(pk=atelier.pk)
    attendee = Registration.objects.create(
        atelier=ateliers[other],
        name=SECRET_ATTENDEE,
        email=SECRET_EMAIL,
        background="wijkteam",
        status=Registration.Status.CONFIRMED,
        email_confirmed_at=timezone.now(),
        queued_at=timezone.now(),
    )

    def person(email, role=Profile.Role.PROFESSIONAL, pseudonym=""):
        return verified_member(email, "geheim-wachtwoord-1", role=role, pseudonym=pseudonym)

    editor = person("redacteur.a@example.nl", Profile.Role.EDITOR)
    editor.is_staff = True  # as the demo editor of Gemeente Zwolle was: staff status opens no door
    editor.save(update_fields=["is_staff"])
    Membership.objects.create(organisation=own, user=editor, role=Membership.Role.EDITOR)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    organiser = person("organisator.a@example.nl")
    Membership.objects.create(organisation=own, user=organiser)
    organisers = Group.objects.create(name="Atelierorganisatoren A")
    organisers.permissions.add(
        *(
            Permission.objects.get(content_type__app_label="ateliers", codename=p.split(".")[1])
            for p in ORGANISER_PERMISSIONS
        ),
        Permission.objects.get(codename="access_admin"),
    )
    organiser.groups.add(organisers)
    reviewer = person("reviewer.a@example.nl")
    Membership.objects.create(organisation=own, user=reviewer, role=Membership.Role.REVIEWER)
    reviewers = Group.objects.create(name="Organisatie A – reviewers")
    reviewers.permissions.add(Permission.objects.get(codename="access_admin"))
    OrganisationGroup.objects.create(organisation=own, role=Role.REVIEWER, group=reviewers)
    reviewer.groups.add(reviewers)
    facilitator = person("procesbegeleider.a@example.nl")
    other_facilitator = person("procesbegeleider.b@example.nl")
    communities = {}
    for organisation, who in ((own, facilitator), (other, other_facilitator)):
        community = Community.objects.create(
            name=f"Gemeenschap {organisation}", host_organisation=organisation, focus_question="Wat werkt?"
        )
        CommunityMember.objects.create(community=community, user=who, role=CommunityMember.Role.FACILITATOR)
        communities[organisation] = community
    other_member = CommunityMember.objects.get(user=other_facilitator)
    tip = Tip.objects.create(
        community=communities[other], text=SECRET_TIP, author_type=Tip.AuthorType.PROFESSIONAL, author=other_member
    )
    round_ = Round.objects.create(community=communities[other], kind=Round.Kind.TOPTIPS, title="Ronde B")
    round_.tips.set([tip])
    return {
        "roles": {
            "anonymous": None,
            "member": person("lid@example.nl"),
            "parent": person("ouder@example.nl", Profile.Role.PARENT, "Moeder 7"),
            "editor of another organisation": editor,
            "organiser of another atelier": organiser,
            "facilitator of another community": facilitator,
            "evidence reviewer of another institute": reviewer,
        },
        "atelier": ateliers[other],
        "attendee": attendee,
        "organisation": other,
        "community": communities[other],
        "tip": tip,
        "round": round_,
    }


def fill(route, name, world):
    """A concrete path to B's objects; a link token is forged, except the door's scanned code."""
    values = {
        "atelier_id": world["atelier"].pk,
        "registration_id": world["attendee"].pk,
        "register": "skj",
        "code": "ABCDE-12345",
        "slug": world["community"].slug,
        "action": "publish",
        "token": "vervalst-token",
        "page_id": world["atelier"].pk,
    }
    if name == "ateliers:checkin_scan":
        values["token"] = atelier_services.make_token(world["attendee"], "checkin")
    if name and name.startswith("ateliers_admin:"):
        values["pk"] = world["atelier"].pk
    elif name in ("tips:tip", "tips:tip_action"):
        values["pk"] = world["tip"].pk
    elif name and name.startswith("tips:"):
        values["pk"] = world["round"].pk
    elif name == "editorial_onboard":
        values["pk"] = world["organisation"].pk
    else:
        values["pk"] = world["tip"].pk
    import re

    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values.get(m.group(1), "x")), route)


def fingerprint():
    """Everything the sweep must not change, as one comparable value."""
    from django.contrib.auth import get_user_model

    return (
        list(Registration.objects.order_by("pk").values_list("status", "attended", "certificate_code", "name")),
        list(AtelierPage.objects.order_by("pk").values_list("state", "title")),
        list(Tip.objects.order_by("pk").values_list("state", "text", "needs_rewording", "consent_recorded_at")),
        list(Round.objects.order_by("pk").values_list("state", "title")),
        list(CommunityMember.objects.order_by("pk").values_list("user_id", "role", "left_at")),
        Invitation.objects.count(),
        list(JoinRequest.objects.order_by("pk").values_list("state", "user_id")),
        list(Membership.objects.order_by("pk").values_list("user_id", "organisation_id", "role")),
        list(Group.objects.order_by("pk").values_list("name", flat=True)),
        list(get_user_model().objects.order_by("pk").values_list("email", "is_active")),
        list(Profile.objects.order_by("pk").values_list("role", "pseudonym", "job_role")),
    )


def test_every_custom_view_refuses_other_organisations_objects_to_every_role(world):
    routes = sorted(set(our_views()), key=lambda r: (r[0], r[1] or ""))
    unclassified = [(route, name) for route, name in routes if classification(name) is None]
    assert unclassified == [], f"classify these views in CLASSIFIED: {unclassified}"
    assert len(routes) >= 40, "the sweep found our views"
    problems, requests = [], 0
    before = fingerprint()
    for who, user in world["roles"].items():
        client = Client(raise_request_exception=False)
        if user is not None:
            client.force_login(user)
        for route, name in routes:
            path = fill(route, name, world)
            kind = classification(name)
            post_data = {} if kind in (PUBLIC, OWN) else FORCEFUL_POST
            for method, response in (("GET", client.get(path)), ("POST", client.post(path, post_data))):
                requests += 1
                body = b"" if getattr(response, "streaming", False) else response.content
                if response.status_code >= 500:
                    problems.append((who, method, path, response.status_code))
                if any(secret.encode() in body for secret in (SECRET_ATTENDEE, SECRET_EMAIL, SECRET_TIP)):
                    problems.append((who, method, path, "shows organisation B's data"))
                if method == "POST" and fingerprint() != before:
                    problems.append((who, method, path, "wrote"))
                    before = fingerprint()
    print(f"custom view sweep: {len(routes)} views × {len(world['roles'])} roles × 2 methods = {requests} requests")
    assert problems == [], "\n".join(map(str, problems))


def test_the_sweep_would_notice_the_door_opened_to_another_organisation(world, client):
    """The sweep's checks bite: B's own organiser sees B's attendee and checks them in."""
    organiser_b = verified_member("organisator.b@example.nl", "geheim-wachtwoord-1")
    Membership.objects.create(organisation=world["organisation"], user=organiser_b)
    organiser_b.groups.add(Group.objects.get(name="Atelierorganisatoren A"))
    client.force_login(organiser_b)
    before = fingerprint()
    atelier, attendee = world["atelier"], world["attendee"]
    assert SECRET_ATTENDEE in client.get(f"/kennisateliers/{atelier.pk}/inchecken/").content.decode()
    client.post(f"/kennisateliers/{atelier.pk}/inchecken/{attendee.pk}/", {"attended": "1"})
    assert fingerprint() != before
