"""Demo documents and images, each in the collection of the organisation that uploaded it.

Runs at the end of the editorial demo (`editorial/demo.py`), once Zwolle, Rotterdam and the
NJi are onboarded (their collections exist) and their editors are there to be the uploaders.
One document is the description of a live NJi method and therefore public; the others are
working files of their organisation that only its own people can open (issue 12, finding 4).
Idempotent: files are found by title in their collection. Which files, with their titles and
text, is listed in `organisations/demo_data/media.toml`.
"""

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfgen import canvas
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from accounts.models import User
from home.demo_data import demo_file
from organisations.models import Organisation
from practices.models import MethodPage

DOMAIN = "demo.samenpreventief.nl"

DOCUMENT_FIELDS = {"required": ("organisation", "uploader", "title", "file_name", "lines"), "optional": ("method",)}
IMAGE_FIELDS = ("organisation", "uploader", "title", "file_name", "colour", "description")


def read_media():
    """media.toml, checked: (documents, images)."""
    data_file = demo_file(__file__, "media.toml")
    organisations = set(Organisation.objects.values_list("name", flat=True))
    documents = []
    for label, document in data_file.entries("document", **DOCUMENT_FIELDS, label_key="title"):
        data_file.check_known(label, "organisation", document["organisation"], organisations)
        documents.append(document)
    images = []
    for label, image in data_file.entries("image", IMAGE_FIELDS, label_key="title"):
        data_file.check_known(label, "organisation", image["organisation"], organisations)
        images.append(image)
    return documents, images


def _pdf(title, lines):
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setTitle(title)
    pdf.setAuthor("Samen Preventief (demo)")
    y = A4[1] - 3 * cm
    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawString(2 * cm, y, title)
    pdf.setFont("Helvetica", 11)
    for line in lines:
        y -= 1 * cm
        pdf.drawString(2 * cm, y, line)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _png(title, colour):
    picture = PILImage.new("RGB", (640, 360), colour)
    ImageDraw.Draw(picture).text((24, 24), title, fill="white")
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return buffer


def _collection(organisation_name):
    return Organisation.objects.select_related("workspace__collection").get(name=organisation_name).workspace.collection


def _uploader(local_part):
    return User.objects.get(email=f"{local_part}@{DOMAIN}")


def _attach_to_method(document, slug, user):
    """Make `document` the description of the live method `slug` (published as a new revision)."""
    method = MethodPage.objects.live().filter(slug=slug).first()
    if method is None or method.document_id == document.pk:
        return
    method.document = document
    # The editor attaches it; publishing is the demo's own doing, as for the other demo pages
    # (an editor may not publish, and the NJi coordinator's approval is not what this shows).
    method.save_revision(user=user).publish()


def load(log):
    Document = get_document_model()
    Image = get_image_model()
    documents, images = read_media()
    for data in documents:
        organisation_name, local_part, title = data["organisation"], data["uploader"], data["title"]
        filename, lines, method_slug = data["file_name"], data["lines"], data.get("method")
        collection = _collection(organisation_name)
        uploader = _uploader(local_part)
        document = Document.objects.filter(title=title, collection=collection).first()
        if document is None:
            document = Document(title=title, collection=collection, uploaded_by_user=uploader)
            document.file.save(filename, ContentFile(_pdf(title, lines)), save=False)
            document.save()
        if method_slug:
            _attach_to_method(document, method_slug, uploader)
    for data in images:
        organisation_name, local_part, title = data["organisation"], data["uploader"], data["title"]
        filename, colour = data["file_name"], data["colour"]
        collection = _collection(organisation_name)
        if not Image.objects.filter(title=title, collection=collection).exists():
            Image.objects.create(
                title=title,
                description=data["description"],
                file=ImageFile(_png(title, colour), name=filename),
                collection=collection,
                uploaded_by_user=_uploader(local_part),
            )
    log(
        f"Media: {len(documents)} documenten en {len(images)} afbeeldingen, elk in de collectie van de eigen organisatie."
    )
