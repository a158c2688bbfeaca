"""The accreditation record as CSV and PDF: what a professional hands in when re-registering."""

import csv
import io

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.django_db


def skj_url(world, extension, language=""):
    return f"{language}/mijn/accreditatie/skj/{world.skj_start.isoformat()}.{extension}"


def test_the_csv_lists_each_atelier_and_the_total_in_dutch(client, world):
    client.force_login(world.priya)
    response = client.get(skj_url(world, "csv"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    ateliers = {row["kennisatelier"]: row for row in rows[:-1]}
    assert set(ateliers) == {"Kracht uit netwerken", "De reflectieve professional"}
    reflective = ateliers["De reflectieve professional"]
    assert reflective["punten"] == "1,5"
    assert reflective["accreditatienummer"] == "SKJ-REF-9000"
    assert reflective["registratienummer"] == "SKJ110012345"
    assert reflective["organisator"] == "Stichting Kennisateliers"
    assert reflective["certificaatcode"] == world.attended_reflective.certificate_code
    assert reflective["controleer op"].endswith(f"/kennisateliers/certificaat/{reflective['certificaatcode']}/")
    assert ateliers["Kracht uit netwerken"]["punten"] == "2,0"
    total = rows[-1]
    assert (total["kennisatelier"], total["punten"]) == ("Totaal", "3,5")


def test_the_english_csv_uses_english_numbers(client, world):
    client.force_login(world.priya)
    response = client.get(skj_url(world, "csv", "/en"))
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[-1]["points"] == "3.5"
    assert {row["points"] for row in rows[:-1]} == {"2.0", "1.5"}


def test_the_register_without_a_start_date_exports_all_its_points(client, world):
    client.force_login(world.priya)
    response = client.get("/mijn/accreditatie/nip/open.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert [(row["kennisatelier"], row["punten"]) for row in rows] == [
        ("De reflectieve professional", "3,0"),
        ("Totaal", "3,0"),
    ]


def pdf_text(response):
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    return " ".join(text.split())  # a table cell wraps long names over lines


def test_the_pdf_names_the_person_register_cycle_ateliers_points_and_how_to_check(client, world):
    client.force_login(world.priya)
    text = pdf_text(client.get(skj_url(world, "pdf")))
    assert "Priya Pinas" in text
    assert "SKJ110012345" in text
    assert world.skj_start.strftime("%d-%m-%Y") in text
    assert "Kracht uit netwerken" in text and "De reflectieve professional" in text
    assert "SKJ-REF-7781" in text and "SKJ-REF-9000" in text
    assert "Stichting Kennisateliers" in text
    assert "Totaal in deze periode: 3,5 punten" in text
    for registration in (world.attended_networks, world.attended_reflective):
        assert f"/kennisateliers/certificaat/{registration.certificate_code}/" in text
    assert "Gemaakt op" in text
    # Nothing of the cancelled atelier, nor of another member's.
    assert "E-Mental Health" not in text and "Migranten bereiken" not in text


def test_the_english_pdf_is_in_english(client, world):
    client.force_login(world.priya)
    text = pdf_text(client.get(skj_url(world, "pdf", "/en")))
    assert "Accreditation points record" in text
    assert "Total in this period: 3.5 points" in text


@pytest.mark.parametrize(
    "path",
    [
        "/mijn/accreditatie/skj/2001-01-01.pdf",  # not one of the member's cycles
        "/mijn/accreditatie/skj/gisteren.csv",  # no date at all
        "/mijn/accreditatie/big/open.pdf",  # a register the member does not hold
        "/mijn/accreditatie/%00/open.csv",
    ],
)
def test_an_export_that_does_not_exist_is_explained_not_an_error(client, world, path):
    client.force_login(world.priya)
    response = client.get(path, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [("/mijn/", 302)]
    assert "Dit overzicht bestaat niet" in response.content.decode()
