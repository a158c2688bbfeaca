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
    return section.get_descendants().live().specific().first()


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
