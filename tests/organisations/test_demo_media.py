"""The demo's documents and images: each in its organisation's collection, public only on a live page.

`redacteur@demo` and `redacteur.zwolle@demo` are both editors of Gemeente Zwolle; neither may
see Rotterdam's files in the admin or download Rotterdam's working documents.
"""

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from accounts.models import User
from organisations.models import Organisation
from organisations.services import document_is_public, public_pages_using

pytestmark = pytest.mark.django_db

Document = get_document_model()
Image = get_image_model()
ZWOLLE_EDITORS = ["redacteur@demo.samenpreventief.nl", "redacteur.zwolle@demo.samenpreventief.nl"]


def organisation_of_collection(collection):
    return Organisation.objects.filter(workspace__collection=collection).first()


def test_demo_files_are_in_their_organisations_collection(demo_content):
    files = list(Document.objects.all()) + list(Image.objects.all())
    assert len(files) >= 5
    root = Collection.get_first_root_node()
    for obj in files:
        assert obj.collection != root, obj
        owner = organisation_of_collection(obj.collection)
        assert owner is not None, obj
        # The uploader works for the organisation whose collection holds the file …
        assert owner.memberships.filter(user=obj.uploaded_by_user).exists(), obj
        # … and every page that uses it lives in that organisation's section.
        for page in public_pages_using(obj):
            assert page.is_descendant_of(owner.page), (obj, page)
    organisations_with_files = {organisation_of_collection(obj.collection).name for obj in files}
    assert {"Gemeente Zwolle", "Gemeente Rotterdam", "Nederlands Jeugdinstituut"} <= organisations_with_files
    public = [doc for doc in Document.objects.all() if document_is_public(doc)]
    private = [doc for doc in Document.objects.all() if not document_is_public(doc)]
    assert public and private

    # Loading the demo again adds no files and moves none.
    placed = {(type(obj), obj.pk, obj.collection_id) for obj in files}
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    again = list(Document.objects.all()) + list(Image.objects.all())
    assert {(type(obj), obj.pk, obj.collection_id) for obj in again} == placed


def test_demo_files_reach_only_who_may_have_them(demo_content):
    """Anonymous visitors get the public document only; both Zwolle editors are refused Rotterdam's
    working files and see exactly Zwolle's files through the admin API."""
    anonymous = Client()
    for doc in Document.objects.all():
        status = anonymous.get(doc.url).status_code
        assert status == (200 if document_is_public(doc) else 302), doc
    rotterdam_working_files = Document.objects.filter(collection__workspace__organisation__name="Gemeente Rotterdam")
    assert rotterdam_working_files.exists()
    for email in ZWOLLE_EDITORS:
        client = Client()
        client.force_login(User.objects.get(email=email))
        for doc in rotterdam_working_files:
            assert not document_is_public(doc)
            assert client.get(doc.url).status_code == 403, (email, doc)
        zwolle = Collection.objects.get(workspace__organisation__name="Gemeente Zwolle")
        for endpoint, model in (("documents", Document), ("images", Image)):
            listed = {item["id"] for item in client.get(f"/admin/api/main/{endpoint}/").json()["items"]}
            expected = set(model.objects.filter(collection=zwolle).values_list("pk", flat=True))
            assert listed == expected and listed, (email, endpoint)
