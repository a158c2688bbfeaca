"""Every resolvable Wagtail admin URL, the project's admin views and the APIs, opened by an
anonymous visitor, a parent, and an editor of another organisation.

Path parameters are filled with ids of real demo objects: a page of Gemeente Rotterdam for
the editor of Gemeente Zwolle. Anonymous visitors and parents never get an admin page (200)
or a server error; the foreign editor cannot open edit/delete/publish views of the other
organisation's page.
"""

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from accounts.models import User
from organisations.models import OrganisationPage

pytestmark = pytest.mark.django_db

PARENT = "ouder@demo.samenpreventief.nl"
FOREIGN_EDITOR = "redacteur.zwolle@demo.samenpreventief.nl"
CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")

# URLs that are legitimately open to anyone, with the reason.
OPEN = {
    "/admin/login/": "the login form itself",
    "/admin/password_reset/": "asking for a reset link needs no account",
    "/admin/password_reset/done/": "the 'check your mailbox' page",
    "/admin/password_reset/complete/": "the 'password changed' page",
    "/admin/logout/": "logging out when not logged in just redirects",
    "/admin/jsi18n/": "JavaScript translations, no data",
    "/admin/sprite/": "the SVG icon sprite, no data",
    "/admin/password_reset/confirm/{id}/{id}/": "a forged reset link only says the link is invalid",
    "/django-admin/login/": "the login form of Django's admin",
}
# Wagtail's deliberate error page for testing error reporting (logged-in staff only).
DELIBERATE_ERROR = "/admin/failwhale/"


def admin_routes(resolver=None, prefix=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if prefix == "" and not route.startswith(("admin/", "django-admin/", "api/")):
                continue
            yield from admin_routes(pattern, route)
        elif isinstance(pattern, URLPattern) and "^" not in route and "(?P" not in route:
            yield route, pattern.name


def fill(route, page_id):
    """A concrete path: every parameter becomes the id of the other organisation's page."""
    return "/" + CONVERTER.sub(lambda m: str(page_id) if m.group(1) in (None, "int", "str", "path") else "x", route)


@pytest.fixture
def other_page(demo_content):
    section = OrganisationPage.objects.get(organisation__name="Gemeente Rotterdam")
    # A story, method or publication (the section's direct children are its folders).
    return section.get_descendants().live().filter(depth__gt=section.depth + 1).specific().first()


def test_admin_and_api_urls_from_anonymous_parent_and_foreign_editor(other_page):
    routes = sorted(set(admin_routes()))
    assert len(routes) > 200, "the sweep found the Wagtail admin"
    anonymous, parent, editor = (Client(raise_request_exception=False) for _ in range(3))
    parent.force_login(User.objects.get(email=PARENT))
    editor.force_login(User.objects.get(email=FOREIGN_EDITOR))
    open_paths = {url.format(id=other_page.pk) for url in OPEN}
    problems = []
    for route, name in routes:
        path = fill(route, other_page.pk)
        for who, client in (("anonymous", anonymous), ("parent", parent)):
            status = client.get(path).status_code
            if status >= 500:
                problems.append((who, path, status))
            elif status == 200 and path.startswith(("/admin/", "/django-admin/")) and path not in open_paths:
                problems.append((who, path, status))
        status = editor.get(path).status_code
        if status >= 500 and path != DELIBERATE_ERROR:
            problems.append(("foreign editor", path, status))
        page_action = name and name.split(":")[-1] in {"edit", "delete", "unpublish", "revisions_revert", "move"}
        if page_action and route.startswith("admin/pages/") and status == 200:
            problems.append(("foreign editor", path, status))
    assert problems == [], "\n".join(map(str, problems))


# --- files of another organisation (issue 12, finding 4) and Wagtail's stock groups (issue 14) --

# Both demo editors of Gemeente Zwolle: the editorial demo's, and the account of accounts/demo.py
# that used to be in Wagtail's stock "Editors" group.
ZWOLLE_EDITORS = [FOREIGN_EDITOR, "redacteur@demo.samenpreventief.nl"]
# Groups Wagtail's own migrations create with rights on the whole page tree and every collection.
WAGTAIL_STOCK_GROUPS = ["Editors", "Moderators"]
PAGE_ACTIONS = {"edit", "delete", "unpublish", "revisions_revert", "move", "copy", "lock", "set_privacy"}


def fill_media(route, object_id):
    return "/" + CONVERTER.sub(lambda m: "original" if m.group(2) == "filter_spec" else str(object_id), route)


def test_foreign_editors_get_no_view_of_the_other_organisations_files_and_pages(demo_content, other_page):
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    rotterdam = {"collection__workspace__organisation__name": "Gemeente Rotterdam"}
    document = get_document_model().objects.filter(**rotterdam).first()
    image = get_image_model().objects.filter(**rotterdam).first()
    assert document and image, "the demo has files of Gemeente Rotterdam"
    routes = sorted(set(admin_routes()))
    media_routes = [
        (fill_media(route, document.pk if route.startswith("admin/documents/") else image.pk), name)
        for route, name in routes
        if route.startswith(("admin/documents/", "admin/images/")) and CONVERTER.search(route)
    ]
    page_routes = [
        (fill(route, other_page.pk), name)
        for route, name in routes
        if route.startswith("admin/pages/") and name and name.split(":")[-1] in PAGE_ACTIONS
    ]
    assert len(media_routes) > 15 and len(page_routes) >= len(PAGE_ACTIONS)
    problems = []
    for email in ZWOLLE_EDITORS:
        client = Client(raise_request_exception=False)
        client.force_login(User.objects.get(email=email))
        for path, _name in media_routes + page_routes:
            status = client.get(path).status_code
            if status == 200 or status >= 500:
                problems.append((email, path, status))
        for endpoint, obj in (("documents", document), ("images", image)):
            listed = {item["id"] for item in client.get(f"/admin/api/main/{endpoint}/").json()["items"]}
            if obj.pk in listed:
                problems.append((email, f"/admin/api/main/{endpoint}/", "lists", obj.pk))
            if client.get(f"/admin/api/main/{endpoint}/{obj.pk}/").status_code != 404:
                problems.append((email, f"/admin/api/main/{endpoint}/{obj.pk}/", "detail"))
        if client.get(document.url).status_code != 403:
            problems.append((email, document.url, "download"))
    if Client().get(document.url).status_code == 200:
        problems.append(("anonymous", document.url, "download"))
    assert problems == [], "\n".join(map(str, problems))


def test_wagtail_stock_groups_grant_nothing_and_hold_nobody(demo_content):
    from django.contrib.auth.models import Group
    from wagtail.models import GroupCollectionPermission, GroupPagePermission

    for group in Group.objects.filter(name__in=WAGTAIL_STOCK_GROUPS):
        assert not GroupPagePermission.objects.filter(group=group).exists(), group
        assert not GroupCollectionPermission.objects.filter(group=group).exists(), group
        assert not group.permissions.exists(), group
        assert not group.user_set.exists(), group
