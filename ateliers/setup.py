"""The knowledge ateliers' overview (/ateliers/) and the aspects of the evaluation form.

`python manage.py setup_site` runs `ensure_ateliers`. The overview, once there, is the
editors' page. The four evaluation aspects of seed 004's form are created only while there
are none (migration 0002 made them too; a flushed test database has none): an aspect an
editor renamed or retired stays that way.
"""

from home.setup import ensure_top_level_page

from .models import AtelierSeriesPage, EvaluationAspect

SERIES_INTRO = (
    "<p>Korte bijeenkomsten waarin onderzoek, praktijk, onderwijs, beleid en ervaringsdeskundigheid "
    "elkaar ontmoeten: drie of vier presentaties en daarna een gesprek met de zaal. Voor wijkteams, "
    "jeugdhulp, beleid, opleiders, onderzoekers, studenten en vertegenwoordigers van ouders en jongeren. "
    "Per kennisatelier vragen we accreditatie aan bij het SKJ.</p>"
)


def ensure_ateliers(log=lambda message: None):
    series = ensure_top_level_page(AtelierSeriesPage, log, title="Kennisateliers", slug="ateliers", intro=SERIES_INTRO)
    if EvaluationAspect.ensure_defaults():
        log("Evaluatie-aspecten aangemaakt.")
    return series
