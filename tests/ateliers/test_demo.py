"""The demo: the six ateliers of seed 004 and two upcoming ones, with synthetic figures."""

import datetime

from django.db.models import Avg

from ateliers import reports
from ateliers.demo import synthetic_registrations
from ateliers.models import AtelierPage, EvaluationScore, Registration

SEED_THEMES = [
    (2016, 10, "Hoe bereiken we migranten in de jeugdhulpketen?"),
    (2017, 2, "Eigen kracht benutten in de jeugdhulpketen"),
    (2017, 6, "De reflectieve professional"),
    (2017, 11, "E-Mental Health"),
    (2018, 2, "Kracht uit informele netwerken"),
    (2018, 6, "Jongeren en hun hindernissen om mee te doen"),
]


def test_demo_has_the_six_seed_ateliers_and_two_upcoming(client, demo_content):
    ateliers = list(AtelierPage.objects.order_by("date"))
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
    # it and an address in the reserved .invalid domain, which no mail can reach.
    past = Registration.objects.filter(atelier__date__year__lt=2019)
    assert past.exists()
    assert past.count() == synthetic_registrations().filter(atelier__date__year__lt=2019).count()
    assert all(registration.name.endswith("(synthetisch)") for registration in past)
    assert all(registration.email.endswith("@synthetisch.invalid") for registration in past)
