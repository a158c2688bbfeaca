"""The knowledge ateliers' overview (/ateliers/), the aspects of the evaluation form and the
organisers' group.

`python manage.py setup_site` runs `ensure_ateliers`. The overview, once there, is the
editors' page. The group "Atelierorganisatoren" holds the rights an atelier's organisers need
(the door, the lifecycle, editing the page); they count only for ateliers an organisation of
the member's own (co-)organises (`ateliers.permissions`), so one group serves every
organisation and an administrator makes someone an organiser by adding them to it. The four evaluation aspects of seed 004's form are created only while there
are none (migration 0002 made them too; a flushed test database has none): an aspect an
editor renamed or retired stays that way.
"""

from django.contrib.auth.models import Group, Permission

from home.setup import ensure_top_level_page

from .models import AtelierSeriesPage, EvaluationAspect

SERIES_INTRO = (
    "<p>Korte bijeenkomsten waarin onderzoek, praktijk, onderwijs, beleid en ervaringsdeskundigheid "
    "elkaar ontmoeten: drie of vier presentaties en daarna een gesprek met de zaal. Voor wijkteams, "
    "jeugdhulp, beleid, opleiders, onderzoekers, studenten en vertegenwoordigers van ouders en jongeren. "
    "Per kennisatelier vragen we accreditatie aan bij het SKJ.</p>"
)


ORGANISER_GROUP = "Atelierorganisatoren"


def ensure_organiser_group():
    """The organisers' group with its rights; rights an administrator added stay."""
    group, _created = Group.objects.get_or_create(name=ORGANISER_GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="ateliers", codename__endswith="_registration"),
        Permission.objects.get(content_type__app_label="ateliers", codename="change_atelierpage"),
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
    )
    return group


def ensure_ateliers(log=lambda message: None):
    series = ensure_top_level_page(AtelierSeriesPage, log, title="Kennisateliers", slug="ateliers", intro=SERIES_INTRO)
    if EvaluationAspect.ensure_defaults():
        log("Evaluatie-aspecten aangemaakt.")
    ensure_organiser_group()
    return series
