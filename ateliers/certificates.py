"""The attendance certificate: a one-page PDF with a code anyone can check online."""

import io

from django.utils import formats
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfgen import canvas

from .links import certificate_check_url
from .models import AFTER_THE_EVENT


def certificate_pdf(registration):
    atelier = registration.atelier
    accreditations = atelier.granted_accreditations()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setTitle(f"Certificaat kennisatelier {atelier.title}")
    pdf.setAuthor("Samen Preventief")
    width, height = A4

    y = height - 4 * cm
    pdf.setFont("Helvetica-Bold", 22)
    pdf.drawCentredString(width / 2, y, "Certificaat van deelname")
    y -= 2 * cm
    pdf.setFont("Helvetica", 12)
    pdf.drawCentredString(width / 2, y, "Hierbij verklaren wij dat")
    y -= 1.2 * cm
    pdf.setFont("Helvetica-Bold", 18)
    pdf.drawCentredString(width / 2, y, registration.name)
    y -= 1.2 * cm
    pdf.setFont("Helvetica", 12)
    pdf.drawCentredString(width / 2, y, "heeft deelgenomen aan het kennisatelier")
    y -= 1 * cm
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawCentredString(width / 2, y, atelier.title)
    y -= 0.9 * cm
    pdf.setFont("Helvetica", 12)
    when = formats.date_format(atelier.date, "j F Y")
    times = f"{atelier.start_time:%H:%M}–{atelier.end_time:%H:%M}"
    pdf.drawCentredString(width / 2, y, f"op {when}, {times}" + (f", {atelier.venue}" if atelier.venue else ""))

    y -= 2 * cm
    pdf.setFont("Helvetica-Bold", 12)
    pdf.drawString(3 * cm, y, "Accreditatie")
    pdf.setFont("Helvetica", 11)
    for accreditation in accreditations:
        y -= 0.7 * cm
        number = registration.register_numbers.get(accreditation.register, "")
        line = (
            f"{accreditation.get_register_display()} – accreditatienummer {accreditation.reference} – "
            f"{accreditation.points} punten"
        )
        pdf.drawString(3 * cm, y, line)
        if number:
            y -= 0.55 * cm
            pdf.drawString(3.5 * cm, y, f"Registratienummer deelnemer: {number}")

    y -= 2 * cm
    pdf.setFont("Helvetica", 10)
    pdf.drawString(3 * cm, y, f"Verificatiecode: {registration.certificate_code}")
    y -= 0.55 * cm
    pdf.drawString(3 * cm, y, f"Controleer dit certificaat op {certificate_check_url(registration.certificate_code)}")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def certificate_available(registration):
    """A certificate proves accredited attendance: attended, and the atelier was accredited."""
    return (
        registration.attended
        and not registration.anonymised
        and registration.atelier.state in AFTER_THE_EVENT
        and bool(registration.atelier.granted_accreditations())
    )
