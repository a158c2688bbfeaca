"""The accreditation record of one register and cycle as CSV and PDF, to hand in when re-registering.

Both are written in the language of the page they are asked from: Dutch numbers ("2,0") and a
semicolon as separator for Dutch Excel, English numbers and a comma under /en/. The PDF is made
with reportlab, as the attendance certificates are (`ateliers.certificates`), and ends with each
certificate's code and the public page where anyone (the register's assessor) can check it.
"""

import io
from xml.sax.saxutils import escape

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from accounts.registers import Register
from core.public_urls import absolute_url
from core.spreadsheet import csv_text

from .services import format_points


def register_label(register):
    return str(dict(Register.choices).get(register, register))


def _date(day):
    return formats.date_format(day, "SHORT_DATE_FORMAT") if day else ""


def _number(points):
    return formats.number_format(points, 1, use_l10n=True)


def cycle_label(cycle):
    if cycle.start is None:
        return _("alle punten (geen begin van de registratieperiode opgegeven)")
    return _("%(start)s t/m %(end)s") % {"start": _date(cycle.start), "end": _date(cycle.last_day)}


def file_name(record, cycle, extension):
    return f"accreditatie-{record.holding.register}-{cycle.key}.{extension}"


def record_csv(record, cycle):
    """One row per atelier, then a total row; text cells guarded by `core.spreadsheet`."""
    holding = record.holding
    header = [
        _("register"),
        _("registratienummer"),
        _("cyclus van"),
        _("cyclus tot en met"),
        _("datum"),
        _("kennisatelier"),
        _("organisator"),
        _("accreditatienummer"),
        _("punten"),
        _("certificaatcode"),
        _("controleer op"),
    ]
    first = [register_label(holding.register), holding.number, _date(cycle.start), _date(cycle.last_day)]
    rows = [
        first
        + [
            _date(entry.attendance.date),
            entry.attendance.atelier_title,
            entry.attendance.organiser,
            entry.reference,
            _number(entry.points),
            entry.attendance.certificate_code or "",
            absolute_url(entry.attendance.certificate_check_url) if entry.attendance.certificate_check_url else "",
        ]
        for entry in cycle.entries
    ]
    rows.append(first + ["", _("Totaal"), "", "", _number(cycle.total), "", ""])
    dutch = translation.get_language() == "nl"
    return csv_text(header, rows, delimiter=";" if dutch else ",")


def record_pdf(user, record, cycle):
    """A one- or more-page PDF: who, which register and cycle, each atelier, the total, how to check."""
    holding = record.holding
    styles = getSampleStyleSheet()
    cell = ParagraphStyle("cell", parent=styles["BodyText"], fontSize=9, leading=11)
    cell_right = ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT)
    buffer = io.BytesIO()
    title = _("Overzicht accreditatiepunten")
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=f"{title} {register_label(holding.register)}",
        author="Samen Preventief",
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
    )

    def para(text, style=styles["BodyText"]):
        return Paragraph(escape(str(text)), style)

    story = [
        para(title, styles["Title"]),
        para(_("Naam: %(name)s") % {"name": user.get_full_name() or user.email}),
        para(
            _("Register: %(register)s, registratienummer %(number)s")
            % {"register": register_label(holding.register), "number": holding.number}
        ),
        para(_("Registratieperiode: %(cycle)s") % {"cycle": cycle_label(cycle)}),
        Spacer(1, 0.5 * cm),
    ]
    header = [_("Datum"), _("Kennisatelier"), _("Organisator"), _("Accreditatienummer"), _("Punten")]
    rows = [[para(text, cell) for text in header]]
    for entry in cycle.entries:
        rows.append(
            [
                para(_date(entry.attendance.date), cell),
                para(entry.attendance.atelier_title, cell),
                para(entry.attendance.organiser, cell),
                para(entry.reference, cell),
                para(_number(entry.points), cell_right),
            ]
        )
    rows.append(
        [
            para("", cell),
            para(_("Totaal"), cell),
            para("", cell),
            para("", cell),
            para(_number(cycle.total), cell_right),
        ]
    )
    table = Table(rows, colWidths=[2.3 * cm, 5.7 * cm, 3.5 * cm, 3.8 * cm, 1.7 * cm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                ("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story += [table, Spacer(1, 0.4 * cm)]
    story.append(para(_("Totaal in deze periode: %(points)s") % {"points": format_points(cycle.total)}))
    if not cycle.entries:
        story.append(para(_("In deze periode zijn nog geen punten behaald via kennisateliers van Samen Preventief.")))
    story.append(Spacer(1, 0.5 * cm))
    checks = [entry for entry in cycle.entries if entry.attendance.certificate_check_url]
    if checks:
        story.append(
            para(_("Controle: elk certificaat heeft een code; de pagina achter de code bevestigt dat het echt is."))
        )
        for entry in checks:
            story.append(
                para(
                    f"{entry.attendance.certificate_code}: {absolute_url(entry.attendance.certificate_check_url)}",
                    cell,
                )
            )
    story.append(Spacer(1, 0.5 * cm))
    story.append(
        para(
            _("Gemaakt op %(date)s door Samen Preventief.")
            % {"date": formats.date_format(timezone.localdate(), "j F Y")}
        )
    )
    document.build(story)
    return buffer.getvalue()
