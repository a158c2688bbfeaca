"""Figures for the annual report: attendance, backgrounds, accreditation, evaluation.

Charts are drawn as inline SVG on the server: no JavaScript, they print, and each chart
has a text alternative and a table with the same numbers next to it.
"""

from dataclasses import dataclass

from django.db.models import Avg, Count, Q
from django.utils import formats
from django.utils.translation import gettext as _

from accounts.registers import Register
from core.languages import canonical_pages
from core.spreadsheet import csv_text

from .models import AtelierPage, Background, EvaluationAspect, EvaluationScore, Registration

Status = Registration.Status


@dataclass
class AtelierFigures:
    atelier: AtelierPage
    confirmed: int
    waiting: int
    attended: int
    wanted_accreditation: int
    used_accreditation: int
    responses: int
    averages: dict

    @property
    def response_rate(self):
        return round(100 * self.responses / self.attended) if self.attended else None

    @property
    def accreditation_share(self):
        return round(100 * self.wanted_accreditation / self.attended) if self.attended else None

    @property
    def accreditation_used_share(self):
        return round(100 * self.used_accreditation / self.attended) if self.attended else None


def _in_year(queryset, year, field):
    return queryset.filter(**{f"{field}__year": year}) if year else queryset


def _covered(ateliers):
    """The ateliers a report covers: those given (an organiser's own, see
    `ateliers.permissions.ateliers_organised_by`), or all of them."""
    return canonical_pages(AtelierPage.objects.all()) if ateliers is None else ateliers


def report_years(ateliers=None):
    return sorted({d.year for d in _covered(ateliers).values_list("date", flat=True)}, reverse=True)


def atelier_figures(year=None, ateliers=None):
    covered = _covered(ateliers)
    ateliers = (
        _in_year(AtelierPage.objects.filter(pk__in=covered.values("pk")).order_by("date"), year, "date")
        .prefetch_related("accreditations")
        .annotate(
            n_confirmed=Count("registrations", filter=Q(registrations__status=Status.CONFIRMED)),
            n_waiting=Count("registrations", filter=Q(registrations__status=Status.WAITING)),
            n_attended=Count("registrations", filter=Q(registrations__attended=True)),
            n_wanted=Count(
                "registrations", filter=Q(registrations__attended=True, registrations__wants_accreditation=True)
            ),
            n_responses=Count("registrations__evaluation"),
        )
    )
    averages = {}
    rows = _in_year(
        EvaluationScore.objects.filter(response__registration__atelier__in=covered.values("pk")),
        year,
        "response__registration__atelier__date",
    )
    rows = rows.values("response__registration__atelier", "aspect").annotate(average=Avg("stars"))
    for row in rows:
        averages.setdefault(row["response__registration__atelier"], {})[row["aspect"]] = row["average"]
    return [
        AtelierFigures(
            atelier=atelier,
            confirmed=atelier.n_confirmed,
            waiting=atelier.n_waiting,
            attended=atelier.n_attended,
            wanted_accreditation=atelier.n_wanted,
            used_accreditation=atelier.n_wanted if atelier.granted_accreditations() else 0,
            responses=atelier.n_responses,
            averages=averages.get(atelier.pk, {}),
        )
        for atelier in ateliers
    ]


def background_mix(year=None, ateliers=None):
    attended = _in_year(
        Registration.objects.filter(attended=True, atelier__in=_covered(ateliers).values("pk")), year, "atelier__date"
    )
    counts = dict(attended.values_list("background").annotate(n=Count("pk")).order_by())
    return [(label, counts.get(value, 0)) for value, label in Background.choices]


def aspect_averages(year=None, ateliers=None):
    rows = _in_year(
        EvaluationScore.objects.filter(response__registration__atelier__in=_covered(ateliers).values("pk")),
        year,
        "response__registration__atelier__date",
    )
    rows = rows.values("aspect").annotate(average=Avg("stars"), n=Count("pk"))
    by_aspect = {row["aspect"]: row for row in rows}
    return [
        (aspect, by_aspect[aspect.pk]["average"], by_aspect[aspect.pk]["n"])
        for aspect in EvaluationAspect.objects.all()
        if aspect.pk in by_aspect
    ]


# -- charts ------------------------------------------------------------------------------


def column_chart(points, *, height=220, bar_width=48, gap=28):
    """Columns for (label, value) pairs, with geometry ready for the SVG template."""
    top = max((value for _label, value in points), default=0) or 1
    plot_height = height - 60
    bars = []
    for index, (label, value) in enumerate(points):
        bar_height = round(plot_height * value / top)
        x = 40 + index * (bar_width + gap)
        bars.append(
            {
                "label": label,
                "value": value,
                "x": x,
                "y": 20 + plot_height - bar_height,
                "height": bar_height,
                "width": bar_width,
                "centre": x + bar_width / 2,
            }
        )
    width = 40 + len(points) * (bar_width + gap)
    return {"bars": bars, "width": width, "height": height, "baseline": 20 + plot_height}


def grouped_percentage_chart(labels, series, *, height=240, bar_width=22, group_gap=30):
    """Side-by-side columns per atelier for percentages; `series` is [(name, css class, values)]."""
    plot_height = height - 60
    group_width = bar_width * len(series)
    groups = []
    for index, label in enumerate(labels):
        x0 = 40 + index * (group_width + group_gap)
        bars = []
        for offset, (name, css_class, values) in enumerate(series):
            value = values[index] or 0
            bar_height = round(plot_height * value / 100)
            x = x0 + offset * bar_width
            bars.append(
                {
                    "name": name,
                    "css_class": css_class,
                    "value": value,
                    "x": x,
                    "y": 20 + plot_height - bar_height,
                    "height": bar_height,
                    "centre": x + bar_width / 2,
                }
            )
        groups.append({"label": label, "bars": bars, "centre": x0 + group_width / 2})
    return {
        "groups": groups,
        "series": [{"name": name, "css_class": css_class} for name, css_class, _values in series],
        "width": 40 + len(labels) * (group_width + group_gap),
        "height": height,
        "baseline": 20 + plot_height,
        "bar_width": bar_width - 2,
    }


def bar_chart(points, *, maximum=None, width=580, bar_height=22, gap=10, label_width=270):
    """Horizontal bars for (label, value) pairs; `maximum` fixes the scale (5 for stars)."""
    top = maximum or max((value for _label, value in points), default=0) or 1
    plot_width = width - label_width - 60
    bars = []
    for index, (label, value) in enumerate(points):
        y = 10 + index * (bar_height + gap)
        length = round(plot_width * float(value) / top)
        bars.append(
            {
                "label": label,
                "value": value,
                "y": y,
                "text_y": y + bar_height * 0.7,
                "length": length,
                "value_x": label_width + length + 6,
            }
        )
    return {
        "bars": bars,
        "width": width,
        "height": 20 + len(points) * (bar_height + gap),
        "bar_height": bar_height,
        "label_width": label_width,
    }


def report_context(year=None, ateliers=None):
    figures = atelier_figures(year, ateliers)
    all_aspects = list(EvaluationAspect.objects.all())
    for f in figures:
        f.aspect_values = [f.averages.get(aspect.pk) for aspect in all_aspects]
    aspects = aspect_averages(year, ateliers)
    held = [f for f in figures if f.attended]
    total_attended = sum(f.attended for f in held)
    return {
        "figures": figures,
        "aspects": all_aspects,
        "attendance_chart": column_chart([(formats.date_format(f.atelier.date, "M Y"), f.attended) for f in held]),
        "share_chart": grouped_percentage_chart(
            [formats.date_format(f.atelier.date, "M Y") for f in held],
            [
                (_("vraagt accreditatie"), "bar", [f.accreditation_share for f in held]),
                (_("respons evaluatie"), "bar bar--second", [f.response_rate for f in held]),
            ],
        ),
        "background_chart": bar_chart(background_mix(year, ateliers)),
        "aspect_chart": bar_chart([(aspect.name, round(average, 1)) for aspect, average, _n in aspects], maximum=5),
        "total_attended": total_attended,
        "year": year,
        "years": report_years(ateliers),
        "total_wanted": sum(f.wanted_accreditation for f in held),
        "total_used": sum(f.used_accreditation for f in held),
        "total_responses": sum(f.responses for f in held),
    }


def report_csv(year=None, ateliers=None):
    aspects = list(EvaluationAspect.objects.all())
    header = (
        [
            "datum",
            "kennisatelier",
            "status",
            "aangemeld",
            "wachtlijst",
            "aanwezig",
            "wil accreditatie",
            "gebruikt accreditatie",
            "evaluaties",
            "respons %",
        ]
        + [f"gemiddeld {aspect.name}" for aspect in aspects]
        + [f"achtergrond {label}" for _value, label in Background.choices]
    )
    mix = {}
    for atelier_id, background, n in (
        _in_year(
            Registration.objects.filter(attended=True, atelier__in=_covered(ateliers).values("pk")),
            year,
            "atelier__date",
        )
        .values_list("atelier", "background")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        mix.setdefault(atelier_id, {})[background] = n
    rows = (
        [
            f.atelier.date.isoformat(),
            f.atelier.title,
            f.atelier.get_state_display(),
            f.confirmed,
            f.waiting,
            f.attended,
            f.wanted_accreditation,
            f.used_accreditation,
            f.responses,
            "" if f.response_rate is None else f.response_rate,
        ]
        + [_decimal(f.averages.get(aspect.pk)) for aspect in aspects]
        + [mix.get(f.atelier.pk, {}).get(value, 0) for value, _label in Background.choices]
        for f in atelier_figures(year, ateliers)
    )
    return csv_text(header, rows, delimiter=";")


def _decimal(value):
    return "" if value is None else f"{value:.2f}".replace(".", ",")


def attendance_export_csv(atelier, register):
    """The attendance list a register's portal imports: number with prefix, reference, points."""
    accreditation = atelier.accreditations.filter(register=register).first()
    header = ["registratienummer", "achternaam_voornaam", "accreditatienummer", "punten", "datum"]
    attendees = atelier.registrations.filter(attended=True, anonymised=False).order_by("name")
    rows = (
        [
            registration.register_numbers[register],
            registration.name,
            accreditation.reference if accreditation else "",
            _decimal(accreditation.points) if accreditation else "",
            atelier.date.strftime("%d-%m-%Y"),
        ]
        for registration in attendees
        if registration.register_numbers.get(register)
    )
    return csv_text(header, rows, delimiter=";")


def registrations_export_csv(atelier):
    """Everyone registered (not cancelled), with their remarks and the answers to the atelier's
    own questions: what an organiser needs to prepare the room, the catering and the talks."""
    questions = list(atelier.questions.all())
    registers = [(value, label) for value, label in Register.choices]
    header = (
        ["naam", "e-mailadres", "organisatie", "achtergrond", "groep", "status", "aanwezig"]
        + [f"registratienummer {label}" for _value, label in registers]
        + ["wensen of opmerkingen"]
        + [question.text for question in questions]
    )
    registrations = (
        atelier.registrations.exclude(status=Status.CANCELLED)
        .filter(anonymised=False)
        .select_related("group")
        .prefetch_related("answers")
        .order_by("status", "queued_at", "pk")
    )
    rows = []
    for registration in registrations:
        answers = {answer.question_id: answer.value for answer in registration.answers.all()}
        rows.append(
            [
                registration.name,
                registration.email,
                registration.organisation_name,
                registration.get_background_display(),
                registration.group.name if registration.group else _("algemeen"),
                registration.get_status_display(),
                _("ja") if registration.attended else _("nee"),
            ]
            + [registration.register_numbers.get(value, "") for value, _label in registers]
            + [registration.remarks]
            + [answers.get(question.pk, "") for question in questions]
        )
    return csv_text(header, rows, delimiter=";")
