"""Issue 12, finding 4: an organisation's documents and images belong to that organisation.

An editor of Gemeente Zwolle sees Zwolle's files in the admin (listing, chooser, the admin
API behind the choosers) and never Rotterdam's. A document is downloadable by anyone only
while a live public page uses it; otherwise only people who may work with its collection get it.
"""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test import Client
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.models import Image as StockImage
from wagtail.models import Collection, PageViewRestriction

from organisations.sections import folder_for
from practices.models import MethodPage

pytestmark = pytest.mark.django_db

Document = get_document_model()
Image = get_image_model()
PDF = b"%PDF-1.4\n% Samen Preventief test\n%%EOF\n"


def document(organisation, title):
    doc = Document(title=title, collection=organisation.workspace.collection)
    doc.file.save(f"{title.lower().replace(' ', '-')}.pdf", ContentFile(PDF), save=False)
    doc.save()
    return doc


def image(organisation, title):
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "orange").save(buffer, "PNG")
    upload = ImageFile(buffer, name=f"{title.lower().replace(' ', '-')}.png")
    return Image.objects.create(title=title, file=upload, collection=organisation.workspace.collection)


@pytest.fixture
def files(platform):
    return {
        "zwolle_document": document(platform.zwolle, "Evaluatie Zwolle"),
        "rotterdam_document": document(platform.rotterdam, "Werkplan Rotterdam"),
        "zwolle_image": image(platform.zwolle, "Foto Zwolle"),
        "rotterdam_image": image(platform.rotterdam, "Foto Rotterdam"),
    }


def method_with_document(organisation, doc, owner, slug="methode-met-pdf", publish=True):
    method = MethodPage(
        title="Methode met beschrijving",
        slug=slug,
        summary="Een methode.",
        aim="<p>Doel</p>",
        target_group="<p>Jongeren</p>",
        document=doc,
        owner=owner,
        live=False,
    )
    folder_for(organisation.page, type(method)).add_child(instance=method)
    revision = method.save_revision(user=owner)
    if publish:
        revision.publish()
    return MethodPage.objects.get(pk=method.pk)


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


# --- what an editor sees in the admin ------------------------------------------------------


@pytest.mark.parametrize("endpoint", ["documents", "images"])
def test_admin_api_lists_only_the_editors_own_organisations_files(platform, files, endpoint):
    response = logged_in(platform.users.editor).get(f"/admin/api/main/{endpoint}/")
    assert response.status_code == 200
    titles = {item["title"] for item in response.json()["items"]}
    own, other = (
        ("Evaluatie Zwolle", "Werkplan Rotterdam") if endpoint == "documents" else ("Foto Zwolle", "Foto Rotterdam")
    )
    assert own in titles
    assert other not in titles


@pytest.mark.parametrize("endpoint", ["documents", "images"])
def test_admin_api_detail_of_another_organisations_file_is_not_found(platform, files, endpoint):
    other = files["rotterdam_document"] if endpoint == "documents" else files["rotterdam_image"]
    response = logged_in(platform.users.editor).get(f"/admin/api/main/{endpoint}/{other.pk}/")
    assert response.status_code == 404


def test_admin_api_shows_everything_to_a_platform_administrator(platform, files):
    response = logged_in(platform.users.platform_admin).get("/admin/api/main/documents/")
    titles = {item["title"] for item in response.json()["items"]}
    assert {"Evaluatie Zwolle", "Werkplan Rotterdam"} <= titles


@pytest.mark.parametrize(
    "url_name, own, other",
    [
        ("wagtaildocs:index", "Evaluatie Zwolle", "Werkplan Rotterdam"),
        ("wagtailimages:index", "Foto Zwolle", "Foto Rotterdam"),
        ("wagtaildocs_chooser:choose", "Evaluatie Zwolle", "Werkplan Rotterdam"),
        ("wagtailimages_chooser:choose", "Foto Zwolle", "Foto Rotterdam"),
    ],
)
def test_admin_listing_and_chooser_show_own_files_only(platform, files, url_name, own, other):
    response = logged_in(platform.users.editor).get(reverse(url_name))
    assert response.status_code == 200
    content = response.content.decode()
    assert own in content
    assert other not in content


def test_an_editor_can_edit_own_document_but_not_another_organisations(platform, files):
    client = logged_in(platform.users.editor)
    own = files["zwolle_document"]
    other = files["rotterdam_document"]
    response = client.post(
        reverse("wagtaildocs:edit", args=[own.pk]),
        {"title": "Evaluatie Zwolle 2026", "collection": own.collection_id, "tags": ""},
    )
    assert response.status_code == 302
    assert Document.objects.get(pk=own.pk).title == "Evaluatie Zwolle 2026"
    client.post(
        reverse("wagtaildocs:edit", args=[other.pk]),
        {"title": "Overgenomen", "collection": own.collection_id, "tags": ""},
    )
    other.refresh_from_db()
    assert other.title == "Werkplan Rotterdam"
    assert other.collection == platform.rotterdam.workspace.collection


# --- downloading documents -----------------------------------------------------------------


def download(client, doc):
    return client.get(doc.url)


def test_anonymous_download_of_a_document_on_no_public_page_is_refused(platform, files):
    response = download(Client(), files["zwolle_document"])
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert PDF not in b"".join(getattr(response, "streaming_content", [response.content]))


def test_document_on_a_published_page_is_served_to_anyone(platform, files):
    doc = files["zwolle_document"]
    method_with_document(platform.zwolle, doc, platform.users.coordinator)
    response = download(Client(), doc)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_document_is_public_as_soon_as_its_page_is_published_even_with_a_busy_task_queue(platform, files, settings):
    """Wagtail updates its reference index in a background task; in production that waits for
    the worker, but a document must be downloadable the moment its page goes live."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    doc = files["zwolle_document"]
    method_with_document(platform.zwolle, doc, platform.users.coordinator)
    assert download(Client(), doc).status_code == 200


def test_document_on_a_draft_or_unpublished_page_stays_private(platform, files):
    doc = files["zwolle_document"]
    draft = method_with_document(platform.zwolle, doc, platform.users.coordinator, publish=False)
    assert download(Client(), doc).status_code == 302
    draft.save_revision(user=platform.users.coordinator).publish()
    assert download(Client(), doc).status_code == 200
    MethodPage.objects.get(pk=draft.pk).unpublish()
    assert download(Client(), doc).status_code == 302


def test_document_on_a_page_behind_a_login_restriction_is_not_public(platform, files):
    doc = files["zwolle_document"]
    method = method_with_document(platform.zwolle, doc, platform.users.coordinator)
    PageViewRestriction.objects.create(page=method, restriction_type=PageViewRestriction.LOGIN)
    assert download(Client(), doc).status_code == 302


def test_private_document_is_served_to_its_own_organisation_and_refused_to_others(platform, files):
    doc = files["zwolle_document"]
    response = download(logged_in(platform.users.editor), doc)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    for user in (platform.users.other_editor, platform.users.member, platform.users.moderator):
        response = download(logged_in(user), doc)
        assert response.status_code == 403, user
        assert "Geen toegang" in response.content.decode()
        assert PDF not in response.content


def test_a_collection_privacy_setting_opens_a_document_to_logged_in_members(platform, files):
    """Wagtail's own collection privacy ("Privé, voor ingelogde gebruikers") is the way to share a
    file with every member without putting it on a public page."""
    from wagtail.models import CollectionViewRestriction

    doc = files["zwolle_document"]
    shared = Collection.get_first_root_node().add_child(name="Voor leden")
    CollectionViewRestriction.objects.create(collection=shared, restriction_type=CollectionViewRestriction.LOGIN)
    doc.collection = shared
    doc.save()
    assert download(Client(), doc).status_code == 302
    assert download(logged_in(platform.users.member), doc).status_code == 200


# --- existing organisations and files (data migration) -------------------------------------


def test_migration_gives_existing_organisations_a_collection_and_moves_files_to_their_owner(platform):
    from importlib import import_module

    from django.apps import apps

    from editorial.services import ensure_collection
    from organisations.models import Organisation, OrganisationType, Province

    migration = import_module("organisations.migrations.0002_organisation_collections")
    root = Collection.get_first_root_node()
    leiden = Organisation.objects.create(
        name="Gemeente Leiden", type=OrganisationType.MUNICIPALITY, province=Province.ZUID_HOLLAND
    )

    def in_root(title, uploader=None):
        doc = Document(title=title, collection=root, uploaded_by_user=uploader)
        doc.file.save(f"{title.lower().replace(' ', '-')}.pdf", ContentFile(PDF), save=False)
        doc.save()
        return doc

    on_zwolle_page = in_root("Op een Zwolse pagina")
    method_with_document(platform.zwolle, on_zwolle_page, platform.users.coordinator)
    uploaded_by_rotterdam = in_root("Geupload door Rotterdam", uploader=platform.users.other_editor)
    on_two_organisations = in_root("Bij twee organisaties")
    method_with_document(platform.zwolle, on_two_organisations, platform.users.coordinator, slug="twee-a")
    method_with_document(platform.rotterdam, on_two_organisations, platform.users.coordinator, slug="twee-b")
    nobodys = in_root("Van niemand")
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "orange").save(buffer, "PNG")
    # Wagtail's stock image model: what existed when this migration was written (pictures 0002
    # turns such images into the site's own model later, in their new collection).
    photo = StockImage.objects.create(
        title="Foto van Zwolle",
        file=ImageFile(buffer, name="foto.png"),
        collection=root,
        uploaded_by_user=platform.users.editor,
    )

    migration.forwards(apps, None)
    migration.forwards(apps, None)  # running twice changes nothing

    leiden.refresh_from_db()
    assert leiden.workspace.collection.name == "Gemeente Leiden"
    assert leiden.workspace.collection.get_parent() == root
    assert Collection.objects.filter(name="Gemeente Leiden").count() == 1
    assert Collection.find_problems() == ([], [], [], [], [])
    ensure_collection(leiden)  # onboarding later reuses it and the tree still takes new children
    assert root.get_children().count() == 4

    def collection_of(obj):
        return type(obj).objects.get(pk=obj.pk).collection

    assert collection_of(on_zwolle_page) == platform.zwolle.workspace.collection
    assert collection_of(uploaded_by_rotterdam) == platform.rotterdam.workspace.collection
    assert collection_of(photo) == platform.zwolle.workspace.collection
    assert collection_of(on_two_organisations) == root
    assert collection_of(nobodys) == root
