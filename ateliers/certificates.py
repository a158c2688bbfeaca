"""The attendance certificate: the document a professional hands to their register (SKJ, NIP,
NVO) when renewing a registration, with a code and a QR code anyone can check online.

Why WeasyPrint (HTML and CSS to PDF) and not reportlab, which drew it before: a register's
reviewer, and a participant with a screen reader, need a *tagged* PDF (a structure tree of
headings, paragraphs and tables, /MarkInfo, the document language, the title shown instead of
the file name; PDF/UA-1). reportlab's open-source edition writes no structure tree at all, and
fpdf2 (2.8) builds one only for images with alt text and outline headings, leaving the running
text and tables untagged. WeasyPrint's `pdf/ua-1` variant tags everything from the HTML
semantics we write anyway, embeds (subsets of) every font it uses, and lets the layout live in
a Django template that translators and designers can read. Its price: Pango from the system
(libpango and libpangoft2; Chromium, which the browser tests install, brings them on the
developers' and CI machines, deploy/Dockerfile installs them) and ~80 ms of CPU per
certificate instead of a few (BENCHMARKS.md), fine for a document made on request.

The fonts ship in `ateliers/fonts/` (Open Sans, Apache 2.0) and are the only ones the
template asks for, so a certificate does not depend on what a server has installed.

Everything is written in the participant's language (`Registration.language`, the language
they registered in, as their mails are), numbers included: "2,0 punten" in Dutch, "2.0
points" in English. The public check page shows the same facts from `certificate_facts`,
with initials instead of the name and without the participant's register numbers.
"""

import base64
import datetime
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.discovery import site_name

from .links import certificate_check_url
from .models import AFTER_THE_EVENT
from .qr import qr_png

FONTS_DIR = Path(__file__).resolve().parent / "fonts"


@dataclass(frozen=True)
class AccreditationLine:
    register: str  # the register's name, e.g. "SKJ (Stichting Kwaliteitsregister Jeugd)"
    reference: str  # the atelier's accreditation number at that register ("" if it has none)
    points: str  # formatted in the active language: "2,0 punten" / "2.0 points"
    participant_number: str  # the participant's own number at that register ("" if not given)


def format_points(points):
    """Points (or hours) with one decimal in the active language's format: "2,0 punten"."""
    number = formats.number_format(Decimal(points), decimal_pos=1, use_l10n=True)
    return ngettext("%(points)s punt", "%(points)s punten", 1 if points == 1 else 2) % {"points": number}


def format_hours(hours):
    number = formats.number_format(Decimal(hours), decimal_pos=1, use_l10n=True)
    return ngettext("%(hours)s uur", "%(hours)s uur", 1 if hours == 1 else 2) % {"hours": number}


def duration_hours(atelier):
    start = datetime.datetime.combine(atelier.date, atelier.start_time)
    end = datetime.datetime.combine(atelier.date, atelier.end_time)
    return Decimal((end - start).total_seconds()) / 3600


def certificate_facts(registration):
    """What a certificate states, in the active language: one source for the PDF and the check page."""
    atelier = registration.atelier
    numbers = registration.register_numbers or {}
    return {
        "issuer": site_name(),
        "organisers": [site_name()] + [organisation.name for organisation in atelier.co_organisers.all()],
        "atelier_title": atelier.title,
        "date": formats.date_format(atelier.date, "j F Y"),
        "times": f"{atelier.start_time:%H:%M}–{atelier.end_time:%H:%M}",
        "duration": format_hours(duration_hours(atelier)),
        "venue": atelier.venue,
        "accreditations": [
            AccreditationLine(
                register=str(accreditation.get_register_display()),
                reference=accreditation.reference,
                points=format_points(accreditation.points),
                participant_number=numbers.get(accreditation.register, ""),
            )
            for accreditation in atelier.granted_accreditations()
        ],
        "code": registration.certificate_code,
    }


def certificate_pdf(registration):
    """The certificate as a tagged PDF/UA-1 document in the participant's language."""
    from weasyprint import HTML  # imported here: loading Pango costs ~0.2 s, only certificates need it

    language = registration.language or "nl"
    with translation.override(language):
        check_url = certificate_check_url(registration.certificate_code)
        # PNG, not the SVG of the web page: WeasyPrint takes ~150 ms to draw that path of a few
        # hundred squares, the PNG a few; kept sharp with `image-rendering: pixelated`.
        qr = base64.b64encode(qr_png(check_url)).decode()
        html = render_to_string(
            "ateliers/certificate_pdf.html",
            {
                **certificate_facts(registration),
                "language": language,
                "participant_name": registration.name,
                "issued_on": formats.date_format(timezone.localdate(), "j F Y"),
                "check_url": check_url,
                "qr_data_uri": f"data:image/png;base64,{qr}",
                "title": _("Certificaat van deelname – %(title)s") % {"title": registration.atelier.title},
            },
        )
    return HTML(string=html, base_url=FONTS_DIR.as_uri() + "/").write_pdf(pdf_variant="pdf/ua-1")


def certificate_available(registration):
    """A certificate proves accredited attendance: attended, and the atelier was accredited."""
    return (
        registration.attended
        and not registration.anonymised
        and registration.atelier.state in AFTER_THE_EVENT
        and bool(registration.atelier.granted_accreditations())
    )
