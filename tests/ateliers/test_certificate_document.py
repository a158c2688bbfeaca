"""The certificate as an accreditation document (issue 18): read back from the PDF it really is.

Issuer, issue date, the atelier, the participant, the accreditation per register with points in
the participant's number format, the check code and a QR code to the public check page; every
font embedded; a tagged PDF (structure tree, /MarkInfo, /Lang, title shown). The public check
page states the same facts, and no more than the certificate does.
"""

import io
import os
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import formats, timezone, translation
from PIL import Image
from pypdf import PdfReader

from ateliers import services
from ateliers.certificates import certificate_pdf
from ateliers.links import certificate_check_url
from ateliers.models import Accreditation, AtelierState, Registration
from ateliers.qr import qr_png

from .conftest import begin, register_guest


@pytest.fixture
def held(atelier):
    """An atelier held, accredited by SKJ (2 points) and NIP (1.5), with one participant present."""
    Accreditation.objects.create(page=atelier, register="nip", status="granted", reference="NIP-2026-0042", points=1.5)
    attendee = register_guest(
        atelier, 1, wants_accreditation=True, register_numbers={"skj": "SKJ110099887"}, organisation_name="Enver"
    )
    begin(atelier)
    services.set_attendance(attendee, True)
    services.transition(atelier, AtelierState.HELD)
    attendee.refresh_from_db()
    return attendee


def read(pdf_bytes):
    if os.environ.get("CERTIFICATE_DUMP"):  # to look at it: pdftoppm -png $CERTIFICATE_DUMP
        with open(os.environ["CERTIFICATE_DUMP"], "wb") as dump:
            dump.write(pdf_bytes)
    reader = PdfReader(io.BytesIO(pdf_bytes))
    text = " ".join(page.extract_text() for page in reader.pages)
    return reader, " ".join(text.split())


def test_dutch_certificate_states_the_facts_a_register_asks_for(held):
    reader, text = read(certificate_pdf(held))
    atelier = held.atelier
    assert len(reader.pages) == 1
    assert "Certificaat van deelname" in text
    assert "Gast 1" in text and atelier.title in text
    assert "Samen Preventief" in text and "Stichting Kennisateliers" in text  # platform and co-organiser
    with translation.override("nl"):
        assert formats.date_format(atelier.date, "j F Y") in text  # "1 december 2026"
    assert f"{atelier.start_time:%H:%M}–{atelier.end_time:%H:%M} (2,0 uur)" in text
    # Per register: the accreditation number, the points in Dutch format, the participant's number.
    assert "SKJ-REF-7781" in text and "2,0 punten" in text and "SKJ110099887" in text
    assert "NIP-2026-0042" in text and "1,5 punten" in text
    assert "2.0" not in text and "1.5" not in text
    assert held.certificate_code in text
    issued = timezone.localdate()
    assert f"Afgegeven door Samen Preventief op {issued.day} " in text


def test_the_issue_date_is_the_day_attendance_was_recorded_not_the_day_of_download(held):
    """A register compares the certificate it gets with the one checked online: downloading it
    again a week later must not give another issue date."""
    recorded = timezone.localtime(held.checked_in_at) - timedelta(days=9)
    Registration.objects.filter(pk=held.pk).update(checked_in_at=recorded)
    held.refresh_from_db()
    _reader, text = read(certificate_pdf(held))
    with translation.override("nl"):
        assert f"Afgegeven door Samen Preventief op {formats.date_format(recorded.date(), 'j F Y')}." in text


def test_english_participant_gets_an_english_certificate_with_english_numbers(held):
    held.language = "en"
    held.save(update_fields=["language"])
    reader, text = read(certificate_pdf(held))
    assert "Certificate of attendance" in text
    assert "2.0 points" in text and "1.5 points" in text and "(2.0 hours)" in text
    assert f"{held.atelier.date.day} {held.atelier.date:%B} {held.atelier.date.year}" in text  # English month
    assert "punten" not in text and "Certificaat" not in text
    assert reader.trailer["/Root"]["/Lang"] == "en"


def test_every_font_is_embedded(held):
    reader, _ = read(certificate_pdf(held))
    fonts = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            # Type0 (composite) fonts keep their glyphs in the descendant font's descriptor.
            descendants = font.get("/DescendantFonts")
            described = descendants[0].get_object() if descendants else font
            fonts.append(font["/BaseFont"])
            descriptor = described["/FontDescriptor"].get_object()
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
    # Only the family the template declares with @font-face (the shipped Open Sans files), no system font.
    assert fonts and all(str(name).endswith(("+Certificate-Sans", "+Certificate-Sans-Bold")) for name in fonts), fonts


def test_the_pdf_is_tagged_with_language_and_title(held):
    reader, _ = read(certificate_pdf(held))
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"].value is True  # pypdf's BooleanObject(False) is truthy
    assert catalog["/Lang"] == "nl"
    structure = catalog["/StructTreeRoot"].get_object()
    kinds = set()

    def walk(element, depth=0):
        element = element.get_object()
        if isinstance(element, dict) and "/S" in element:
            kinds.add(str(element["/S"]))
        children = element.get("/K") if isinstance(element, dict) else None
        if children is None or depth > 20:
            return
        for child in children if isinstance(children, list) else [children]:
            if hasattr(child, "get_object") and isinstance(child.get_object(), dict):
                walk(child, depth + 1)

    walk(structure)
    assert {"/H1", "/P", "/Table", "/TH", "/TD", "/Figure"} <= kinds, kinds
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"].value is True  # the title, not the file name
    assert reader.metadata.title == f"Certificaat van deelname – {held.atelier.title}"


def test_the_qr_code_and_the_link_lead_to_the_check_page(held):
    check_url = certificate_check_url(held.certificate_code)
    reader, text = read(certificate_pdf(held))
    links = [
        annotation.get_object()["/A"]["/URI"]
        for annotation in reader.pages[0].get("/Annots", [])
        if annotation.get_object().get("/Subtype") == "/Link"
    ]
    assert links and set(links) == {check_url}  # the QR code is a link too, and the URL beside it
    assert check_url in text.replace(" ", "")
    # The QR code itself: no decoder is installed here, so compare the embedded image with the
    # code generated for the check URL, module for module (a different payload differs).
    [image] = reader.pages[0].images
    expected = Image.open(io.BytesIO(qr_png(check_url))).convert("1")
    embedded = image.image.convert("1")
    assert embedded.size == expected.size and embedded.tobytes() == expected.tobytes()
    assert embedded.tobytes() != Image.open(io.BytesIO(qr_png(check_url + "x"))).convert("1").tobytes()


def test_check_page_states_the_same_facts_without_the_name(client, held):
    page = client.get(reverse("ateliers:certificate_check", args=[held.certificate_code]))
    text = " ".join(page.content.decode().split())
    assert page.status_code == 200
    assert held.atelier.title in text and "Samen Preventief" in text and "Stichting Kennisateliers" in text
    atelier = held.atelier
    assert f"{atelier.start_time:%H:%M}–{atelier.end_time:%H:%M} (2,0 uur)" in text
    assert "2,0 punten" in text and "SKJ-REF-7781" in text and "1,5 punten" in text and "NIP-2026-0042" in text
    # No more than the certificate, and less: initials, no register number, no address.
    assert "G." in text and "Gast 1" not in text and "SKJ110099887" not in text and "gast1@example.nl" not in text

    english = client.get("/en" + reverse("ateliers:certificate_check", args=[held.certificate_code]))
    assert "2.0 points" in " ".join(english.content.decode().split())
