"""Issue 18, pictures: the admin report of pictures still without a text alternative
(Reports → "Afbeeldingen zonder tekstalternatief", pictures/admin_views.py)."""

import csv
import io
import re

import pytest
from django.test import Client
from wagtail.models import ReferenceIndex

from organisations.models import OrganisationPage
from pictures.models import Picture
from tests.pictures.test_pictures import png

pytestmark = pytest.mark.django_db
REPORT = "/admin/afbeeldingen-zonder-tekstalternatief/"


def picture_in(organisation, title, **fields):
    return Picture.objects.create(title=title, file=png(), collection=organisation.workspace.collection, **fields)


@pytest.fixture
def pictures(platform):
    """In Zwolle's and Rotterdam's collections: one without a text alternative each, and the
    ones that need nothing (a text alternative, decorative)."""
    return {
        "zwolle": picture_in(platform.zwolle, "IMG_2041"),
        "zwolle_spaces": picture_in(platform.zwolle, "IMG_2042", description="   "),
        "zwolle_done": picture_in(platform.zwolle, "Klas", description="Een klas op de fiets."),
        "zwolle_decorative": picture_in(platform.zwolle, "Versiering", is_decorative=True),
        "rotterdam": picture_in(platform.rotterdam, '=HYPERLINK("https://x.test")'),
    }


def as_user(user):
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def listed_titles(response):
    assert response.status_code == 200, response.status_code
    body = re.search(r"<tbody>(.*?)</tbody>", response.content.decode(), re.S)
    rows = body.group(1) if body else ""  # no table at all when nothing is listed
    return {picture.title for picture in Picture.objects.all() if f"/admin/images/{picture.pk}/" in rows}


def test_an_editor_sees_their_organisations_pictures_without_alt_text_with_thumbnail_collection_usage_and_edit_link(
    platform, pictures
):
    page = OrganisationPage.objects.get(organisation=platform.zwolle)
    page.lead_image = pictures["zwolle"]  # chosen before the text alternative was required
    page.save(clean=False)
    ReferenceIndex.create_or_update_for_object(page)

    response = as_user(platform.users.editor).get(REPORT)
    assert listed_titles(response) == {"IMG_2041", "IMG_2042"}
    html = response.content.decode()
    row = re.search(rf"<tr[^>]*>(?:(?!</tr>).)*/admin/images/{pictures['zwolle'].pk}/(?:(?!</tr>).)*</tr>", html, re.S)
    assert row, "no row for the picture"
    row = row.group(0)
    assert re.search(r"<img [^>]*src=\"[^\"]+max-165x165", row), "no thumbnail"
    assert platform.zwolle.workspace.collection.name in row
    assert re.search(rf'href="/admin/images/usage/{pictures["zwolle"].pk}/">\s*1 keer gebruikt', row), row
    assert f'href="/admin/images/{pictures["zwolle"].pk}/"' in row
    # Other organisations' editors see only their own.
    assert listed_titles(as_user(platform.users.other_editor).get(REPORT)) == {pictures["rotterdam"].title}


def test_the_report_is_only_for_people_who_may_change_pictures_and_its_menu_item_too(platform, pictures):
    for user in (platform.users.member, platform.users.moderator):
        response = as_user(user).get(REPORT)
        assert response.status_code in (302, 403), (user, response.status_code)
    anonymous = Client().get(REPORT)
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    reports_menu = as_user(platform.users.editor).get("/admin/").content.decode()
    assert REPORT in reports_menu
    # A superuser sees every collection's.
    assert listed_titles(as_user(platform.users.admin).get(REPORT)) == {
        "IMG_2041",
        "IMG_2042",
        pictures["rotterdam"].title,
    }


def test_a_picture_leaves_the_report_once_it_has_a_text_alternative_or_is_marked_decorative(platform, pictures):
    client = as_user(platform.users.editor)
    assert listed_titles(client.get(REPORT)) == {"IMG_2041", "IMG_2042"}
    collection = platform.zwolle.workspace.collection.pk
    edit = {"title": "IMG_2041", "description": "Twee ouders op een bankje.", "collection": collection}
    response = client.post(f"/admin/images/{pictures['zwolle'].pk}/", edit)
    assert response.status_code == 302, response.content.decode()[:500]
    assert listed_titles(client.get(REPORT)) == {"IMG_2042"}
    edit = {"title": "IMG_2042", "description": "", "is_decorative": "on", "collection": collection}
    assert client.post(f"/admin/images/{pictures['zwolle_spaces'].pk}/", edit).status_code == 302
    response = client.get(REPORT)
    assert listed_titles(response) == set()
    assert "Alle afbeeldingen hebben een tekstalternatief" in response.content.decode()


def test_the_report_filters_by_collection_and_offers_only_the_users_collections(platform, pictures):
    admin = as_user(platform.users.admin)
    rotterdam = platform.rotterdam.workspace.collection
    assert listed_titles(admin.get(REPORT, {"collection": rotterdam.pk})) == {pictures["rotterdam"].title}
    results = admin.get(f"{REPORT}results/", {"collection": platform.zwolle.workspace.collection.pk})
    assert listed_titles(results) == {"IMG_2041", "IMG_2042"}
    # Zwolle's editor is not offered Rotterdam's collection and cannot filter their way into it.
    editor = as_user(platform.users.editor)
    html = editor.get(REPORT).content.decode()
    assert rotterdam.name not in html
    response = editor.get(REPORT, {"collection": rotterdam.pk})
    assert response.status_code == 200 and pictures["rotterdam"].title not in response.content.decode()


def test_the_report_exports_to_csv_and_xlsx_with_formulas_disarmed(platform, pictures):
    admin = as_user(platform.users.admin)
    response = admin.get(REPORT, {"export": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == ["Titel", "Collectie", "Aantal keer gebruikt", "Geüpload op", "Bewerken"]
    by_title = {row[0]: row for row in rows[1:]}
    assert set(by_title) == {"IMG_2041", "IMG_2042", "'" + pictures["rotterdam"].title}
    assert by_title["IMG_2041"][1] == platform.zwolle.workspace.collection.name
    assert by_title["IMG_2041"][4] == f"http://testserver/admin/images/{pictures['zwolle'].pk}/"
    response = admin.get(REPORT, {"export": "xlsx"})
    assert response.status_code == 200 and "spreadsheetml" in response["Content-Type"]
    # The export follows the same permissions.
    rows = list(
        csv.reader(
            io.StringIO(
                b"".join(as_user(platform.users.editor).get(REPORT, {"export": "csv"}).streaming_content).decode()
            )
        )
    )
    assert {row[0] for row in rows[1:]} == {"IMG_2041", "IMG_2042"}
