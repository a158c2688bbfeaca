"""Issue 14: uploaded images and documents on S3-compatible object storage.

An S3 server (moto in server mode) runs inside the test on a free port; the site is switched to
it the way the environment would switch it (`core.object_storage`). Files are uploaded
through Wagtail's admin, found in the bucket, and fetched over HTTP from the URLs the site hands
out, as a browser would. The bucket is private: only signed URLs open it.
"""

import io
import socket
import time
import uuid
from datetime import UTC, datetime
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.test import Client
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from core.object_storage import object_storage_from_environment
from organisations.sections import folder_for
from practices.models import MethodPage
from tests.editorial.conftest import platform as onboarded_platform  # noqa: F401 (the `platform` fixture)
from tests.test_deployment import PRODUCTION_ENV, run_python

Document = get_document_model()
Image = get_image_model()
PDF = b"%PDF-1.4\n% Samen Preventief werkplan\n%%EOF\n"
REGION = "eu-central-1"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def s3_server():
    """An S3-compatible server for this module's tests; skipped (with the reason) only when moto
    cannot start here."""
    try:
        from moto.server import ThreadedMotoServer
    except ImportError as error:
        pytest.skip(f"moto[server] is not installed (requirements-dev.txt): {error}")
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    try:
        server.start()
    except Exception as error:  # a port taken in between, a missing server dependency
        pytest.skip(f"moto's S3 server could not start: {error!r}")
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_server, settings):
    """A fresh private bucket, and the site's media storage pointed at it the way the
    environment variables of docs/deployment.md would."""
    import boto3

    environment = {
        "AWS_STORAGE_BUCKET_NAME": f"cop-media-{uuid.uuid4().hex[:12]}",
        "AWS_S3_ENDPOINT_URL": s3_server,
        "AWS_S3_REGION_NAME": REGION,
        "AWS_ACCESS_KEY_ID": "cop-test-key",
        "AWS_SECRET_ACCESS_KEY": "cop-test-secret",
    }
    config = object_storage_from_environment(environment)
    assert config.problems == []
    client = boto3.client(
        "s3",
        endpoint_url=s3_server,
        region_name=REGION,
        aws_access_key_id=environment["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=environment["AWS_SECRET_ACCESS_KEY"],
    )
    name = environment["AWS_STORAGE_BUCKET_NAME"]
    client.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION})
    settings.STORAGES = {**settings.STORAGES, "default": config.storage}
    settings.WAGTAILDOCS_SERVE_METHOD = "redirect"  # what cop_site.settings.base picks with a bucket
    return SimpleNamespace(
        name=name,
        client=client,
        endpoint=s3_server,
        keys=lambda: {item["Key"] for item in client.list_objects_v2(Bucket=name).get("Contents", [])},
        body=lambda key: client.get_object(Bucket=name, Key=key)["Body"].read(),
    )


@pytest.fixture
def onboarded(db, request):
    """The editorial tests' small onboarded platform (Zwolle, Rotterdam, NJi, one person per role)."""
    return request.getfixturevalue("onboarded_platform")


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def png(width=120, height=90):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def upload_document(onboarded, title="Werkplan Zwolle"):
    """The way an editor adds a document: Wagtail's upload form in the admin."""
    response = logged_in(onboarded.users.editor).post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "file": SimpleUploadedFile("werkplan-zwolle.pdf", PDF, content_type="application/pdf"),
            "collection": onboarded.zwolle.workspace.collection.pk,
            "tags": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Document.objects.get(title=title)


def upload_image(onboarded, title="Foto Zwolle"):
    response = logged_in(onboarded.users.editor).post(
        reverse("wagtailimages:add"),
        {
            "title": title,
            "file": SimpleUploadedFile("foto-zwolle.png", png(), content_type="image/png"),
            "collection": onboarded.zwolle.workspace.collection.pk,
            "tags": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Image.objects.get(title=title)


def publish_method_with(onboarded, document):
    """A live public page that uses `document` makes it public (organisations.services)."""
    method = MethodPage(
        title="Methode met werkplan",
        slug="methode-met-werkplan",
        summary="Een methode.",
        aim="<p>Doel</p>",
        target_group="<p>Jongeren</p>",
        document=document,
        owner=onboarded.users.editor,
        live=False,
    )
    folder_for(onboarded.zwolle.page, type(method)).add_child(instance=method)
    method.save_revision(user=onboarded.users.editor).publish()


def unsigned(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


# --- uploads land in the bucket ----------------------------------------------------------------


def test_documents_and_images_uploaded_in_the_admin_are_stored_in_the_bucket_not_on_disk(onboarded, bucket, settings):
    document = upload_document(onboarded)
    image = upload_image(onboarded)

    assert document.file.name in bucket.keys()
    assert image.file.name in bucket.keys()
    assert bucket.body(document.file.name) == PDF
    assert document.file.name.startswith("documents/") and image.file.name.startswith("original_images/")
    assert not (settings.MEDIA_ROOT / "documents").exists()
    assert not (settings.MEDIA_ROOT / "original_images").exists()


def test_an_image_rendition_is_made_in_the_bucket_and_its_signed_url_serves_it(onboarded, bucket):
    image = upload_image(onboarded)

    rendition = image.get_rendition("fill-60x40")

    assert rendition.file.name.startswith("images/")
    assert rendition.file.name in bucket.keys()
    response = requests.get(rendition.url, timeout=10)
    assert response.status_code == 200
    assert PILImage.open(io.BytesIO(response.content)).size == (60, 40)
    # The bucket is private: the same object without the signature is refused.
    assert requests.get(unsigned(rendition.url), timeout=10).status_code == 403


def test_the_image_tag_in_page_templates_points_at_the_bucket(onboarded, bucket):
    image = upload_image(onboarded)

    html = Template("{% load wagtailimages_tags %}{% image img width-40 %}").render(Context({"img": image}))

    src = html.split('src="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    assert src.startswith(f"{bucket.endpoint}/{bucket.name}/images/")
    response = requests.get(src, timeout=10)
    assert response.status_code == 200
    assert PILImage.open(io.BytesIO(response.content)).width == 40


# --- documents: the permission check first, then a short-lived signed URL ---------------------


def test_a_public_document_downloads_for_an_anonymous_visitor(onboarded, bucket):
    document = upload_document(onboarded)
    publish_method_with(onboarded, document)

    response = Client().get(document.url)

    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith(f"{bucket.endpoint}/{bucket.name}/{document.file.name}?")
    download = requests.get(location, timeout=10)
    assert download.status_code == 200
    assert download.content == PDF


def test_a_private_document_is_refused_to_anonymous_visitors_without_a_bucket_url(onboarded, bucket):
    document = upload_document(onboarded)

    response = Client().get(document.url)

    assert response.status_code == 302
    assert response["Location"].startswith("/_util/login/") or "login" in response["Location"]
    assert bucket.endpoint not in response["Location"]


def test_a_private_document_is_refused_to_another_organisations_editor(onboarded, bucket):
    document = upload_document(onboarded)

    response = logged_in(onboarded.users.other_editor).get(document.url)

    assert response.status_code == 403
    assert bucket.endpoint not in response.content.decode()
    assert "Location" not in response


def test_an_allowed_user_gets_a_short_lived_signed_url_that_works_and_the_unsigned_one_does_not(onboarded, bucket):
    document = upload_document(onboarded)
    asked_at = datetime.now(UTC)

    response = logged_in(onboarded.users.editor).get(document.url)

    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith(f"{bucket.endpoint}/{bucket.name}/{document.file.name}?")
    download = requests.get(location, timeout=10)
    assert download.status_code == 200
    assert download.content == PDF
    assert requests.get(unsigned(location), timeout=10).status_code == 403

    # moto does not refuse expired URLs (real S3 does, with 403 "Request has expired"), so what
    # is checked here is what S3 judges by: the signed validity, from the moment of signing.
    query = parse_qs(urlsplit(location).query)
    signed_at = datetime.strptime(query["X-Amz-Date"][0], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    assert abs((signed_at - asked_at).total_seconds()) < 5
    assert int(query["X-Amz-Expires"][0]) == 60


def test_each_download_gets_its_own_signature(onboarded, bucket):
    """A link someone copied from the address bar is not the one the next visitor gets."""
    document = upload_document(onboarded)
    publish_method_with(onboarded, document)
    first = Client().get(document.url)["Location"]
    time.sleep(1.1)  # X-Amz-Date has whole seconds
    second = Client().get(document.url)["Location"]
    assert unsigned(first) == unsigned(second)
    assert first != second


def test_a_custom_domain_serves_images_but_never_documents(onboarded, bucket, settings):
    """With a CDN in front (AWS_S3_CUSTOM_DOMAIN), images use it; a document still gets a signed
    bucket URL, so the CDN never needs access to documents."""
    options = {**settings.STORAGES["default"]["OPTIONS"], "custom_domain": "media.samenpreventief.nl"}
    settings.STORAGES = {**settings.STORAGES, "default": {**settings.STORAGES["default"], "OPTIONS": options}}
    document = upload_document(onboarded)
    image = upload_image(onboarded)

    assert image.file.url.startswith("https://media.samenpreventief.nl/original_images/")
    location = logged_in(onboarded.users.editor).get(document.url)["Location"]
    assert location.startswith(f"{bucket.endpoint}/{bucket.name}/documents/")
    assert requests.get(location, timeout=10).status_code == 200


# --- configuration from the environment -------------------------------------------------------


def test_without_a_bucket_media_stays_on_the_local_disk():
    config = object_storage_from_environment({})
    assert config.storage is None and config.problems == []


@pytest.mark.parametrize(
    "environment, named",
    [
        ({"AWS_S3_ENDPOINT_URL": "https://s3.example.nl"}, "AWS_STORAGE_BUCKET_NAME"),
        ({"AWS_STORAGE_BUCKET_NAME": "cop-media", "AWS_ACCESS_KEY_ID": "k", "AWS_SECRET_ACCESS_KEY": "s"}, "REGION"),
        (
            {"AWS_STORAGE_BUCKET_NAME": "cop-media", "AWS_S3_REGION_NAME": REGION, "AWS_ACCESS_KEY_ID": "k"},
            "AWS_SECRET_ACCESS_KEY",
        ),
        (
            {"AWS_STORAGE_BUCKET_NAME": "cop-media", "AWS_S3_ENDPOINT_URL": "s3.example.nl"},
            "AWS_S3_ENDPOINT_URL",
        ),
        (
            {
                "AWS_STORAGE_BUCKET_NAME": "cop-media",
                "AWS_S3_REGION_NAME": REGION,
                "AWS_DOCUMENT_QUERYSTRING_EXPIRE": "1m",
            },
            "AWS_DOCUMENT_QUERYSTRING_EXPIRE",
        ),
    ],
)
def test_half_a_configuration_is_named(environment, named):
    assert any(named in problem for problem in object_storage_from_environment(environment).problems)


def test_aws_credentials_for_other_tools_alone_do_not_count_as_half_a_configuration():
    environment = {"AWS_ACCESS_KEY_ID": "k", "AWS_SECRET_ACCESS_KEY": "s"}
    assert object_storage_from_environment(environment).problems == []


def test_manage_py_check_stops_on_half_a_configuration():
    result = run_python(
        "import sys; from django.core.management import execute_from_command_line;"
        "execute_from_command_line(['manage.py', 'check'])",
        {"DJANGO_SETTINGS_MODULE": "cop_site.settings.test", "AWS_S3_ENDPOINT_URL": "https://s3.example.nl"},
    )
    assert result.returncode != 0
    assert "cop_site.E001" in result.stderr and "AWS_STORAGE_BUCKET_NAME" in result.stderr


def test_production_refuses_to_start_with_half_a_configuration():
    result = run_python("import django; django.setup()", {**PRODUCTION_ENV, "AWS_STORAGE_BUCKET_NAME": "cop-media"})
    assert result.returncode != 0
    assert "AWS_S3_REGION_NAME" in result.stderr


def test_production_with_a_bucket_keeps_media_private_and_redirects_documents_after_the_check():
    code = (
        "import django; django.setup(); from django.conf import settings;"
        "default = settings.STORAGES['default'];"
        "print(default['BACKEND'], default['OPTIONS']['querystring_auth'], settings.WAGTAILDOCS_SERVE_METHOD)"
    )
    configured = {**PRODUCTION_ENV, "AWS_STORAGE_BUCKET_NAME": "cop-media", "AWS_S3_REGION_NAME": REGION}
    result = run_python(code, configured)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["core.storage_backends.MediaObjectStorage", "True", "redirect"]

    local = run_python(code.replace("default['OPTIONS']['querystring_auth']", "'-'"), PRODUCTION_ENV)
    assert local.returncode == 0, local.stderr
    assert local.stdout.split() == ["django.core.files.storage.FileSystemStorage", "-", "serve_view"]
