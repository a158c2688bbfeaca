"""The demo: the six ateliers of seed 004 and two upcoming ones, with synthetic figures."""

import datetime
from io import StringIO

from django.core.management import call_command
from django.db.models import Avg

from accounts.models import User
from ateliers import reports
from ateliers.certificates import certificate_available
from ateliers.demo import DEMO_ORGANISER, synthetic_registrations
from ateliers.models import AtelierPage, EvaluationScore, Registration
from ateliers.permissions import ateliers_organised_by
from home.management.commands.demo_accounts import DEMO_EMAIL_DOMAIN
from members.services import record_of

DEMO_PROFESSIONAL = "professional@demo.samenpreventief.nl"
SEED_THEMES = [
    (2016, 10, "Hoe bereiken we migranten in de jeugdhulpketen?"),
    (2017, 2, "Eigen kracht benutten in de jeugdhulpketen"),
    (2017, 6, "De reflectieve professional"),
    (2017, 11, "E-Mental Health"),
    (2018, 2, "Kracht uit informele netwerken"),
    (2018, 6, "Jongeren en hun hindernissen om mee te doen"),
]


def test_demo_has_the_six_seed_ateliers_and_two_upcoming(client, demo_content):
    ateliers = list(AtelierPage.objects.filter(locale__language_code="nl").order_by("date"))
    assert [(a.date.year, a.date.month, a.title) for a in ateliers[:6]] == SEED_THEMES
    assert all(a.date.weekday() == 3 for a in ateliers)
    assert [a.date.year for a in ateliers[6:]] == [2027, 2027]
    for atelier in ateliers[:6]:
        assert 3 <= atelier.programme_items.count() <= 4
        assert client.get(atelier.url).status_code == 200
    assert client.get("/ateliers/").status_code == 200


def test_demo_figures_follow_the_source_and_are_marked_synthetic(demo_content):
    figures = [f for f in reports.atelier_figures() if f.atelier.date < datetime.date(2019, 1, 1)]
    attendance = [f.attended for f in figures]
    assert attendance == sorted(attendance) and len(set(attendance)) == 6  # rising, as in figure 1
    for f in figures:
        assert 25 <= f.response_rate <= 35  # "about 30%"
    averages = list(EvaluationScore.objects.values("aspect").annotate(a=Avg("stars")).values_list("a", flat=True))
    assert len(averages) == 4
    assert all(average > 3 for average in averages)  # "above three stars"
    # Every participant of the past ateliers is invented, and recognisably so: a name that says
    # it and an address in the reserved .invalid domain, which no mail can reach. The one
    # exception is deliberate: the demo professional, a demo account (not a person), was at
    # three of them, so that `make run` shows her certificates and points.
    past = Registration.objects.filter(atelier__date__year__lt=2019)
    invented = synthetic_registrations().filter(atelier__date__year__lt=2019)
    assert past.exists()
    assert all(registration.name.endswith("(synthetisch)") for registration in invented)
    others = past.exclude(pk__in=invented)
    assert sorted(others.values_list("email", "atelier__slug")) == [
        (DEMO_PROFESSIONAL, "de-reflectieve-professional"),
        (DEMO_PROFESSIONAL, "kracht-uit-informele-netwerken"),
        (DEMO_PROFESSIONAL, "migranten-in-de-jeugdhulpketen"),
    ]
    assert all(registration.user.email.endswith(DEMO_EMAIL_DOMAIN) for registration in others)


def test_the_demo_professional_has_certificates_and_skj_points_per_period(client, demo_content):
    """`make run`: her personal page shows certificates and SKJ points in two registration periods,
    and the CSV export of a period lists its ateliers."""
    priya = User.objects.get(email=DEMO_PROFESSIONAL)
    attended = Registration.objects.filter(user=priya, attended=True).select_related("atelier")
    assert len(attended) == 3
    for registration in attended:
        # Checked in at the door (certificate code), the atelier held and not re-opened.
        assert certificate_available(registration), registration.atelier.title
        assert registration.atelier.state == "lessons_published"
        assert registration.checked_in_at == registration.atelier.starts_at
        assert registration.created_at < registration.atelier.starts_at
        assert registration.evaluation_mailed_at is None  # demo history mails nobody
    client.force_login(priya)
    page = client.get("/mijn/").content.decode()
    for registration in attended:
        assert registration.certificate_code in page
    # Her SKJ period began on 1 March 2022: five-year cycles put the 2016 atelier in 2012-2017
    # and the 2017 and 2018 ones in 2017-2022, 2 points each.
    record = record_of(priya)
    [skj] = record
    totals = {cycle.start.isoformat(): cycle.total for cycle in skj.cycles}
    assert totals == {"2022-03-01": 0, "2017-03-01": 4, "2012-03-01": 2}
    export = client.get("/mijn/accreditatie/skj/2017-03-01.csv")
    assert export.status_code == 200, export
    text = export.content.decode("utf-8-sig")
    assert "De reflectieve professional" in text and "Kracht uit informele netwerken" in text
    assert "Hoe bereiken we migranten" not in text


def test_loading_the_demo_again_changes_nothing_for_the_demo_professional(demo_content):
    before = list(Registration.objects.filter(email=DEMO_PROFESSIONAL).order_by("pk").values())
    ateliers = list(AtelierPage.objects.order_by("pk").values_list("pk", "state"))
    call_command("load_demo_content", stdout=StringIO())
    assert list(Registration.objects.filter(email=DEMO_PROFESSIONAL).order_by("pk").values()) == before
    assert list(AtelierPage.objects.order_by("pk").values_list("pk", "state")) == ateliers


def test_a_translated_atelier_is_one_atelier_in_the_report_and_the_organisers_list(demo_content):
    """The demo translates an upcoming atelier into English; its English copy is text, not a
    second atelier with no registrations in the figures, the years or an organiser's list."""
    translated = [a for a in AtelierPage.objects.filter(locale__language_code="en")]
    assert translated, "the demo translates an atelier"
    organiser = User.objects.get(email=DEMO_ORGANISER[0])
    for ateliers in (None, ateliers_organised_by(organiser)):
        keys = [figure.atelier.translation_key for figure in reports.atelier_figures(ateliers=ateliers)]
        assert len(keys) == len(set(keys))
        assert {figure.atelier.locale.language_code for figure in reports.atelier_figures(ateliers=ateliers)} == {"nl"}
    assert all(atelier.locale.language_code == "nl" for atelier in ateliers_organised_by(organiser))
