"""Demo pictures (fiction): illustrations as lead images of a few stories and methods,
and logos for the organisations that have an editorial team.

Drawn locally (`pictures/drawing.py`), stored in the owner's collection by one of its editors,
used only on pages in the owner's own section (tests/organisations/test_demo_media.py holds every
demo file to that), each with a written text alternative. The platform's own ateliers get none:
their pages and cards are designed to do without. Runs after the editorial demo, which gives Zwolle, Rotterdam and the NJi their
collections and editors. Nothing on a site without demo depends on it (`setup_site` knows no
pictures) and every page looks intended without one.

Idempotent: a picture is found by title in its collection; a page that already shows its
picture gets no new revision; renditions that exist are not made again. The renditions the
templates use are made here once (`renditions.warm`), so that the first visitor, and every test
that renders a demo page, reads stored files instead of encoding AVIF.
"""

from django.core.files.images import ImageFile

from accounts.models import User
from ateliers.models import AtelierPage
from home.demo_data import demo_file
from organisations.models import Organisation, OrganisationPage
from practices.models import MethodPage, PracticeStoryPage

from . import drawing, renditions
from .models import Picture

ORDER = 80
DOMAIN = "demo.samenpreventief.nl"
MOTIFS = ("circles", "waves", "blocks")
PAGE_TYPES = {
    "story": PracticeStoryPage,
    "method": MethodPage,
    "atelier": AtelierPage,
    "organisation": OrganisationPage,
}
ILLUSTRATION_FIELDS = ("organisation", "uploader", "title", "file_name", "description", "motif", "colours", "page")
LOGO_FIELDS = ("organisation", "uploader", "initials", "colour", "description")


def read_pictures():
    """pictures.toml, checked before anything is saved: (illustrations, logos)."""
    data_file = demo_file(__file__, "pictures.toml")
    organisations = set(Organisation.objects.values_list("name", flat=True))
    illustrations = []
    for label, item in data_file.entries("illustration", ILLUSTRATION_FIELDS, label_key="title"):
        data_file.check_known(label, "organisation", item["organisation"], organisations)
        data_file.check_known(label, "motif", item["motif"], MOTIFS)
        kind, _colon, slug = item["page"].partition(":")
        data_file.check_known(label, "page", kind, PAGE_TYPES)
        if not PAGE_TYPES[kind].objects.filter(slug=slug).exists():
            raise data_file.error(label, f"geen pagina ‘{item['page']}’.")
        illustrations.append(item)
    logos = []
    for label, item in data_file.entries("logo", LOGO_FIELDS, label_key="organisation"):
        data_file.check_known(label, "organisation", item["organisation"], organisations)
        logos.append(item)
    return illustrations, logos


def _collection(organisation_name):
    return Organisation.objects.select_related("workspace__collection").get(name=organisation_name).workspace.collection


def _picture(collection, title, file_name, description, draw, uploader):
    picture = Picture.objects.filter(title=title, collection=collection).first()
    if picture is None:
        picture = Picture(
            title=title,
            description=description,
            collection=collection,
            uploaded_by_user=User.objects.get(email=f"{uploader}@{DOMAIN}"),
            file=ImageFile(draw(), name=file_name),
        )
        picture.full_clean()
        picture.save()
    return picture


def _show_on_page(picture, address, uploader):
    kind, _colon, slug = address.partition(":")
    page = PAGE_TYPES[kind].objects.filter(slug=slug).first()
    if page is None or page.lead_image_id == picture.pk:
        return False
    page.lead_image = picture
    # Published by the demo itself, as the other demo pages are (see organisations/demo_media.py).
    page.save_revision(user=User.objects.get(email=f"{uploader}@{DOMAIN}")).publish()
    return True


def load(log):
    illustrations, logos = read_pictures()
    changed_pages = 0
    for item in illustrations:
        picture = _picture(
            _collection(item["organisation"]),
            item["title"],
            item["file_name"],
            item["description"],
            lambda item=item: drawing.illustration(item["title"], item["motif"], item["colours"]),
            item["uploader"],
        )
        renditions.warm(picture)
        changed_pages += _show_on_page(picture, item["page"], item["uploader"])
    for item in logos:
        organisation = Organisation.objects.get(name=item["organisation"])
        picture = _picture(
            _collection(organisation.name),
            f"Logo {organisation.name}",
            f"logo-{organisation.slug}.png",
            item["description"],
            lambda item=item: drawing.logo(item["initials"], item["colour"]),
            item["uploader"],
        )
        renditions.warm(picture, uses=("logo",))
        if organisation.logo_id != picture.pk:
            organisation.logo = picture
            organisation.save(update_fields=["logo"])
    log(
        f"Afbeeldingen: {len(illustrations)} illustraties ({changed_pages} pagina's bijgewerkt) "
        f"en {len(logos)} logo's, elk met tekstalternatief in de collectie van de eigen organisatie."
    )
