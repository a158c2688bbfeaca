"""Every public page type passes the Nu HTML checker (vnu), in Dutch and in English (issue 18).

The pages are rendered with the test client on the demo, written to files and checked in one
run of vnu.jar (one JVM start for the whole batch). The jar comes from the `vnu-jar` npm
package (package.json, devDependencies; `make install` runs `npm ci`) and needs Java 17+.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from wagtail.models import Page

from accounts.models import User

pytestmark = pytest.mark.django_db

VNU_JAR = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
MEMBER = "professional@demo.samenpreventief.nl"


def nu_html_checker():
    """The command that runs vnu, or a skip that says what is missing."""
    java = shutil.which("java")
    if java is None:
        pytest.skip("Java is not installed: the Nu HTML checker (vnu.jar) needs Java 17 or newer")
    if not VNU_JAR.exists():
        pytest.skip(f"{VNU_JAR} is missing: run `npm ci` (the vnu-jar package in package.json)")
    return [java, "-Xss4m", "-jar", str(VNU_JAR), "--format", "json", "--errors-only", "--exit-zero-always"]


def nu_html_errors(pages):
    """Run vnu once over `pages` ({saved HTML file: the URL it came from}); one line per error,
    naming the file, the line and the URL, or a skip when vnu cannot run here."""
    command = nu_html_checker()
    result = subprocess.run([*command, *map(str, pages)], capture_output=True, text=True, timeout=300, check=False)
    urls = {Path(path): url for path, url in pages.items()}
    return [
        f"{Path(message['url']).name}:{message.get('lastLine', '?')} ({urls.get(Path(message['url'].removeprefix('file:')), '')}): "
        f"{message['message']}"
        for message in json.loads(result.stderr or result.stdout)["messages"]
        if message["type"] in ("error", "non-document-error")
    ]


def one_page_of_each_type():
    """The first live public page of every page type, by its URL in the default language (Dutch)."""
    urls = {}
    for page in Page.objects.live().public().specific().exclude(depth=1).order_by("path"):
        urls.setdefault(type(page).__name__, page.url)
    return urls


def public_pages():
    from tips.models import Community, Tip

    pages = one_page_of_each_type()
    tip = Tip.objects.published().first()
    community = Community.objects.filter(open_to_requests=True).first()
    pages |= {
        "Tip": tip.get_absolute_url(),
        "CommunityAbout": reverse("tips:about", args=[community.slug]),
        "SearchResults": "/zoeken/?q=spijbelen",
        "PreventionMatrix": reverse("practices:matrix"),
        "Login": reverse("account_login"),
        "Signup": reverse("account_signup"),
        "PasswordReset": reverse("account_reset_password"),
    }
    return pages


def render(client, url, folder, name, status=200):
    response = client.get(url, follow=True)  # a section folder leads on to its organisation page
    assert response.status_code == status, f"{url}: {response.status_code}"
    assert response["Content-Type"].startswith("text/html"), url
    path = folder / f"{name}.html"
    path.write_bytes(response.content)
    return path


def test_every_public_page_type_is_valid_html_in_both_languages(client, demo_content, tmp_path):
    nu_html_checker()  # skip before rendering fifty pages when vnu cannot run here
    urls = {}
    for language, prefix in (("nl", ""), ("en", "/en")):
        for name, url in public_pages().items():
            urls[render(client, prefix + url, tmp_path, f"{name}-{language}")] = prefix + url
        urls[render(client, f"{prefix}/bestaat-niet/", tmp_path, f"NotFound-{language}", status=404)] = "404"
        client.force_login(User.objects.get(email=MEMBER))
        urls[render(client, f"{prefix}/mijn/", tmp_path, f"MemberPage-{language}")] = f"{prefix}/mijn/"
        client.logout()
    assert len(urls) >= 2 * 20, sorted(urls.values())

    errors = nu_html_errors(urls)
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors)
