"""Pages with pictures stay valid HTML (Nu HTML checker) and pass the axe audit (issue 18).

The demo gives two stories and two methods a lead picture and three organisations a logo; the
checks here run on exactly those pages, which the one-page-per-type batch of
tests/test_html_validity.py may not pick.
"""

import pytest

from organisations.models import OrganisationPage
from practices.models import MethodPage, PracticeStoryPage
from tests.browser.conftest import audit_accessibility, page  # noqa: F401 (the browser tab fixture)
from tests.test_html_validity import nu_html_checker, nu_html_errors


def pages_with_pictures():
    story = PracticeStoryPage.objects.live().exclude(lead_image=None).order_by("pk").first()
    method = MethodPage.objects.live().exclude(lead_image=None).order_by("pk").first()
    organisation = OrganisationPage.objects.live().exclude(organisation__logo=None).order_by("pk").first()
    return {
        "story": story.url,
        "method": method.url,
        "organisation": organisation.url,
        "organisations": organisation.get_parent().url,
        "stories": "/praktijkverhalen/",
        "methods": "/methoden/",
    }


@pytest.mark.django_db
def test_pages_with_pictures_are_valid_html(client, demo_content, tmp_path):
    nu_html_checker()
    files = {}
    for name, url in pages_with_pictures().items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"<picture>" in response.content, url
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files[path] = url
    errors = nu_html_errors(files)
    assert not errors, "\n".join(errors)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_story_and_a_listing_with_pictures_pass_the_accessibility_audit(page, demo_content):  # noqa: F811
    urls = pages_with_pictures()
    for url in (urls["story"], urls["stories"], urls["organisation"]):
        page.goto(url)
        assert page.locator("picture img").count() >= 1, url
        assert audit_accessibility(page) == [], url
