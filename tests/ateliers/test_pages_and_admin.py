"""Atelier pages, the calendar feed, search, home section, member data and the admin."""

import csv
import datetime
import io

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.services import delete_account, export_member_data
from ateliers import services
from ateliers.models import AtelierPage, AtelierState, EvaluationAspect, ProgrammeItem, Registration
from search.registry import registered_models

from .conftest import begin, register_guest


def test_atelier_page_shows_time_programme_and_registration(client, atelier):
    page = client.get(atelier.url).content.decode()
    assert "15:00–17:00" in page
    assert "Ouders in Actie" in page and "Vragen en discussie" in page
    assert reverse("ateliers:register", args=[atelier.pk]) in page
    assert "Nog 10 plekken vrij" in page


def test_new_atelier_defaults_to_a_thursday_afternoon(series):
    atelier = AtelierPage(title="Nieuw")
    assert atelier.date.weekday() == 3
    assert (atelier.start_time.hour, atelier.end_time.hour) == (15, 17)
    assert atelier.discussion_minutes == 30


def test_lessons_appear_only_once_published(client, atelier):
    AtelierPage.objects.filter(pk=atelier.pk).update(lessons="<p>Beter naar elkaar luisteren.</p>")
    assert "Beter naar elkaar luisteren" not in client.get(atelier.url).content.decode()
    begin(atelier)
    for state in (AtelierState.HELD, AtelierState.EVALUATION_OPEN, AtelierState.PROCESSED):
        services.transition(atelier, state)
    assert "Beter naar elkaar luisteren" not in client.get(atelier.url).content.decode()
    services.transition(atelier, AtelierState.LESSONS_PUBLISHED)
    assert "Beter naar elkaar luisteren" in client.get(atelier.url).content.decode()


def test_publishing_a_revision_never_rolls_back_the_lifecycle(atelier):
    atelier.save_revision()
    begin(atelier)
    services.transition(atelier, AtelierState.HELD)
    AtelierPage.objects.get(pk=atelier.pk).get_latest_revision().publish()
    assert AtelierPage.objects.get(pk=atelier.pk).state == AtelierState.HELD


def test_feed_lists_upcoming_ateliers_and_parses(client, make_atelier):
    upcoming = make_atelier(title="Komend atelier")
    make_atelier(title="Voorbij atelier", days_ahead=-60, state=AtelierState.LESSONS_PUBLISHED)
    response = client.get(reverse("ateliers:feed"))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert [str(event["summary"]) for event in events] == ["Kennisatelier: Komend atelier"]
    assert events[0].decoded("dtstart") == upcoming.starts_at
    assert response.wsgi_request.path == "/kennisateliers/agenda.ics"


def test_series_page_separates_upcoming_from_past(client, series, make_atelier):
    make_atelier(title="Komend atelier")
    make_atelier(title="Voorbij atelier", days_ahead=-60, state=AtelierState.LESSONS_PUBLISHED)
    page = client.get(series.url).content.decode()
    assert page.index("Komende kennisateliers") < page.index("Komend atelier")
    assert page.index("Eerdere kennisateliers") < page.index("Voorbij atelier")
    assert "/kennisateliers/agenda.ics" in page


def test_home_shows_upcoming_ateliers(client, make_atelier):
    make_atelier(title="Komend atelier")
    make_atelier(title="Voorbij atelier", days_ahead=-60, state=AtelierState.LESSONS_PUBLISHED)
    page = client.get("/").content.decode()
    assert "Komende kennisateliers" in page
    assert "Komend atelier" in page and "Voorbij atelier" not in page


def test_atelier_pages_are_searchable(atelier):
    assert AtelierPage in registered_models()
    atelier.themes.add("informele netwerken")
    atelier.save()
    document = atelier.search_document()
    assert document.type == "atelier" and document.title == atelier.title
    assert document.key == f"ateliers.AtelierPage:{atelier.pk}"
    assert "Ouders in Actie" in document.body
    assert document.facets["theme"] == ["informele netwerken"]
    assert document.date == atelier.date


def test_member_export_and_deletion_keep_the_counts(atelier, member):
    services.register(atelier, email=member.email, name="Priya Pinas", background="wijkteam", user=member)
    registration = Registration.objects.get()
    begin(atelier)
    services.set_attendance(registration, True)

    exported = export_member_data(member)["kennisateliers"]
    assert exported[0]["atelier"] == atelier.title and exported[0]["attended"] is True

    delete_account(member)
    registration.refresh_from_db()
    assert registration.anonymised and registration.user is None
    assert registration.name == "" and "priya" not in registration.email
    assert registration.register_numbers == {}
    assert atelier.registrations.filter(attended=True, background="wijkteam").count() == 1


def test_programme_warnings_for_too_many_talks_or_too_little_discussion(atelier):
    assert atelier.programme_warnings() == []
    atelier.discussion_minutes = 15
    atelier.programme_items.add(*(ProgrammeItem(title=f"Extra {n}", perspective="policy") for n in range(3)))
    warnings = [str(w) for w in atelier.programme_warnings()]
    assert len(warnings) == 2
    assert "5 presentaties" in warnings[0] and "15 minuten" in warnings[1]


def test_editor_sees_the_warning_but_can_still_save(client, atelier, organiser):
    client.force_login(organiser)
    edit_url = reverse("wagtailadmin_pages:edit", args=[atelier.pk])
    assert client.get(edit_url).status_code == 200  # page choosers work without the knowledge-base app

    AtelierPage.objects.filter(pk=atelier.pk).update(discussion_minutes=10)
    page = client.get(edit_url).content.decode()
    assert "ten koste van de diepgang" in page


def test_report_shows_charts_and_exports_csv(client, atelier, organiser, member):
    attendee = register_guest(atelier, 1, wants_accreditation=True, register_numbers={"skj": "SKJ110099887"})
    register_guest(atelier, 2)
    begin(atelier)
    services.set_attendance(attendee, True)
    services.transition(atelier, AtelierState.HELD)
    services.transition(atelier, AtelierState.EVALUATION_OPEN)
    attendee.refresh_from_db()  # its atelier was loaded (at check-in) before the evaluation opened
    aspects = EvaluationAspect.objects.all()
    services.submit_evaluation(attendee, {aspect.pk: 4 for aspect in aspects})

    client.force_login(member)
    assert client.get(reverse("ateliers_admin:report")).status_code in (302, 403)

    client.force_login(organiser)
    page = client.get(reverse("ateliers_admin:report")).content.decode()
    assert page.count("<svg") >= 4 + 1  # attendance, shares, background, aspects (+ the admin icon sprite)
    assert 'role="img"' in page
    assert "Opkomst per kennisatelier" in page and "Wijkteam: 1" in page

    response = client.get(reverse("ateliers_admin:report_csv"))
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    (row,) = rows
    assert row["kennisatelier"] == atelier.title
    assert row["aanwezig"] == "1" and row["aangemeld"] == "2"
    assert row["wil accreditatie"] == "1" and row["gebruikt accreditatie"] == "1"
    assert row["respons %"] == "100"
    assert row["gemiddeld Organisatie"] == "4,00"


def test_organiser_moves_the_atelier_and_corrects_attendance(client, atelier, organiser):
    register_guest(atelier, 1)
    second = register_guest(atelier, 2)
    begin(atelier)
    client.force_login(organiser)
    url = reverse("ateliers_admin:manage", args=[atelier.pk])
    page = client.get(url).content.decode()
    assert "Gast 1" in page and "Naar ‘Gehouden’" in page

    client.post(url, {"transition": "held"})
    assert AtelierPage.objects.get(pk=atelier.pk).state == AtelierState.HELD
    client.post(url, {"transition": "lessons_published"})  # not allowed from here
    assert AtelierPage.objects.get(pk=atelier.pk).state == AtelierState.HELD

    client.post(url, {"save_attendance": "1", "attended": [str(second.pk)]})
    assert list(Registration.objects.filter(attended=True)) == [second]
    edit_page = client.get(reverse("wagtailadmin_pages:edit", args=[atelier.pk])).content.decode()
    assert "Deelnemers en status" in edit_page


@pytest.mark.parametrize("talks", [3, 12])
def test_atelier_page_query_count_does_not_grow_with_the_programme(
    client, series, make_atelier, talks, django_assert_max_num_queries
):
    atelier = make_atelier()
    atelier.programme_items.add(*(ProgrammeItem(title=f"Talk {n}", perspective="research") for n in range(talks)))
    atelier.save()
    client.get(atelier.url)
    # +1 with issue 18: Wagtail's i18n looks up the active locale when it routes.
    with django_assert_max_num_queries(21):
        client.get(atelier.url)


def test_past_date_closes_registration(make_atelier):
    atelier = make_atelier(days_ahead=-1)
    assert not atelier.accepts_registrations
    assert atelier.date < timezone.localdate() + datetime.timedelta(days=1)


def test_saving_a_deep_programme_warns_without_blocking(client, atelier, organiser):
    from wagtail.test.utils.form_data import querydict_from_html

    client.force_login(organiser)
    edit_url = reverse("wagtailadmin_pages:edit", args=[atelier.pk])
    data = querydict_from_html(client.get(edit_url).content.decode(), form_id="page-edit-form")
    data["discussion_minutes"] = "15"
    for index in range(int(data["programme_items-TOTAL_FORMS"])):
        data[f"programme_items-{index}-speakers-count"] = "0"  # rendered by JavaScript, not in the HTML
    data.setlist("audiences", ["wijkteam", "student"])
    response = client.post(edit_url, {key: data.getlist(key) for key in data}, follow=True)

    saved = AtelierPage.objects.get(pk=atelier.pk).get_latest_revision_as_object()
    assert saved.discussion_minutes == 15
    assert saved.audiences == ["wijkteam", "student"]
    assert any("minuten voor discussie" in str(message) for message in response.context["messages"])


def test_editor_creates_an_atelier_in_the_series(client, series, organiser):
    client.force_login(organiser)
    add_url = reverse("wagtailadmin_pages:add", args=["ateliers", "atelierpage", series.pk])
    form_page = client.get(add_url)
    assert form_page.status_code == 200
    assert 'value="15:00"' in form_page.content.decode()


def test_a_registered_member_sees_their_registration_on_the_atelier_page(client, atelier, member):
    services.register(atelier, email=member.email, name="Priya", background="wijkteam", user=member)
    client.force_login(member)
    page = client.get(atelier.url).content.decode()
    assert "Je aanmelding: Aangemeld." in page
    assert "/kennisateliers/aanmelding/" in page


def test_a_state_change_reaches_anonymous_visitors_despite_the_page_cache(client, settings, make_atelier, committed):
    settings.PAGE_CACHE_ENABLED = True
    atelier = make_atelier(capacity=5)
    assert "Aanmelden open" in client.get(atelier.url).content.decode()
    assert client.get(atelier.url)["X-Page-Cache"] == "hit"
    begin(atelier)
    with committed():
        services.transition(atelier, AtelierState.HELD)
    assert "Gehouden" in client.get(atelier.url).content.decode()


def test_report_narrows_to_one_year_for_the_annual_report(client, make_atelier, organiser):
    this_year = make_atelier(title="Dit jaar", days_ahead=1)
    last_year = make_atelier(title="Vorig jaar", days_ahead=-400, state=AtelierState.HELD)
    for atelier in (this_year, last_year):
        Registration.objects.create(
            atelier=atelier,
            name="X",
            email=f"x{atelier.pk}@example.nl",
            background="policy",
            status="confirmed",
            attended=True,
        )
    client.force_login(organiser)
    response = client.get(reverse("ateliers_admin:report_csv"), {"jaar": last_year.date.year})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert [row["kennisatelier"] for row in rows] == ["Vorig jaar"]
    page = client.get(reverse("ateliers_admin:report"), {"jaar": last_year.date.year}).content.decode()
    assert "Vorig jaar" in page and "Dit jaar" not in page
    assert client.get(reverse("ateliers_admin:report"), {"jaar": "abc"}).status_code == 200
