"""The six knowledge ateliers of ST-RAW (seed 004, yearbook 2018) and two upcoming ones.

Themes, months and what was presented come from seed 004 ("Kennisateliers", table 1 and
"Lessen uit kennisateliers"), retold in our own words. The source gives months, not days:
the days in ateliers.toml are Thursdays in those months, picked for the demo. Venue, capacity,
accreditation references and points are not in the source either and are example values.
The source names hardly any speakers, so speakers are described by their role.

Registrations, attendance and evaluations are SYNTHETIC: the source only says attendance
rose from atelier to atelier, about 30% returned the evaluation form and averages were above
three stars; the attendance counts (ateliers.toml) and the weights below are invented to show
that pattern. The demo knows its own invented participants by their address at
SYNTHETIC_EMAIL_DOMAIN (`.invalid` is reserved, so no mail to them can ever be delivered); the
schema has no demo-only column. Besides them, demo accounts named in `attended_by` (the demo
professional) were at some past ateliers, so `make run` shows a personal page with certificates
and accreditation points; they are demo accounts, not people, and go through the same rules as
a participant (`_demo_account_attended`).

The ateliers, their programmes and the series intro live in `ateliers/demo_data/ateliers.toml`,
where an editor can correct them without reading Python; this module checks that file and
invents the participants. The overview page (/ateliers/) and the evaluation aspects come from
`setup_site`.
"""

import datetime
import random
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Page

from home.demo_data import demo_file
from organisations.models import Membership, Organisation, OrganisationType

from . import services
from .models import (
    AFTER_THE_EVENT,
    Accreditation,
    AtelierPage,
    AtelierState,
    Background,
    EvaluationAspect,
    EvaluationResponse,
    EvaluationScore,
    Perspective,
    ProgrammeItem,
    Registration,
    new_certificate_code,
)
from .setup import SERIES_INTRO as SETUP_SERIES_INTRO
from .setup import ensure_ateliers, ensure_organiser_group

ORDER = 50
SYNTHETIC_EMAIL_DOMAIN = "synthetisch.invalid"
ATELIER_FIELDS = {
    "required": ("slug", "title", "date", "summary", "themes", "co_organisers", "state", "capacity", "lessons")
    + ("programme",),
    "optional": ("attended", "attended_by"),
}
PROGRAMME_FIELDS = {
    "required": ("title", "perspective", "minutes", "summary", "speakers"),
    "optional": ("method", "story"),
}
SPEAKER_FIELDS = {"required": ("name",), "optional": ("role", "organisation", "organisation_name")}


def read_ateliers(orgs, demo_accounts=()):
    """ateliers.toml, checked: (series intro, [atelier data]); `attended_by` names `demo_accounts`."""
    data_file = demo_file(__file__, "ateliers.toml")
    series_intro = data_file.get("series_intro", str)
    ateliers = []
    for label, data in data_file.entries("atelier", **ATELIER_FIELDS, label_key="slug"):
        if not isinstance(data["date"], datetime.date):
            raise data_file.error(label, "‘date’ moet een datum zijn (2027-02-11).")
        data_file.check_known(label, "co_organisers", data["co_organisers"], orgs)
        data_file.check_known(label, "state", data["state"], AtelierState.values)
        if "attended_by" in data:
            data_file.check_known(label, "attended_by", data["attended_by"], demo_accounts)
            if data["state"] not in AFTER_THE_EVENT:
                raise data_file.error(label, "‘attended_by’ kan alleen bij een atelier dat al gehouden is.")
        for item in data_file.each(label, data, "programme", **PROGRAMME_FIELDS):
            data_file.check_known(label, "programme.perspective", item["perspective"], Perspective.values)
            for speaker in data_file.each(f"{label}, ‘{item['title']}’", item, "speakers", **SPEAKER_FIELDS):
                if "organisation" in speaker:
                    data_file.check_known(label, "speakers.organisation", speaker["organisation"], orgs)
        ateliers.append(data)
    return series_intro, ateliers


def _speaker(data, orgs):
    organisation = orgs[data["organisation"]] if "organisation" in data else None
    return {
        "type": "speaker",
        "value": {
            "name": data["name"],
            "role": data.get("role", ""),
            "organisation": organisation.pk if organisation else None,
            "organisation_name": data.get("organisation_name", ""),
        },
    }


BACKGROUND_WEIGHTS = [
    (Background.WIJKTEAM, 30),
    (Background.PREVENTIVE, 20),
    (Background.SPECIALIST, 16),
    (Background.POLICY, 10),
    (Background.RESEARCH, 7),
    (Background.EDUCATION, 7),
    (Background.STUDENT, 6),
    (Background.REPRESENTATIVE, 3),
    (Background.OTHER, 1),
]
# Stars skewed towards 4: averages land between 3.5 and 4, "above three stars" as in the source.
STAR_WEIGHTS = [(2, 4), (3, 25), (4, 46), (5, 25)]


def _organisations():
    ketja, _created = Organisation.objects.get_or_create(
        name="KETJA, academische werkplaats transformatie jeugd Amsterdam",
        defaults={"short_name": "KETJA", "type": OrganisationType.ACADEMIC_WORKPLACE},
    )
    by_short = {
        org.short_name: org for org in Organisation.objects.filter(short_name__in=["ST-RAW", "Verwey-Jonker", "HR"])
    }
    by_short["KETJA"] = ketja
    return by_short


def _linked_page(model_name, title):
    """A method or story page from the knowledge base, if that app has loaded one with this title."""
    if not title:
        return None
    content_type = ContentType.objects.filter(app_label="practices", model=model_name).first()
    if content_type is None:
        return None
    # The Dutch page: an English translation's title may contain the Dutch one (home/demo.py).
    return Page.objects.filter(
        content_type=content_type, title__icontains=title, locale__language_code=settings.LANGUAGE_CODE
    ).first()


def _programme(items, orgs):
    return [
        ProgrammeItem(
            sort_order=order,
            title=item["title"],
            perspective=item["perspective"],
            duration_minutes=item["minutes"],
            summary=item["summary"],
            speakers=[_speaker(speaker, orgs) for speaker in item["speakers"]],
            related_method=_linked_page("methodpage", item.get("method")),
            related_story=_linked_page("practicestorypage", item.get("story")),
        )
        for order, item in enumerate(items)
    ]


def synthetic_registrations():
    """The demo's invented participants (never a real person: their domain cannot receive mail)."""
    return Registration.objects.filter(email__endswith="@" + SYNTHETIC_EMAIL_DOMAIN)


def _series(series_intro):
    """setup_site's overview, with the demo's intro (and its note on synthetic figures) while untouched."""
    series = ensure_ateliers()
    if series.intro == SETUP_SERIES_INTRO:
        series.intro = series_intro
        series.save_revision().publish()
    return series


def _atelier(series, orgs, slug, title, date, summary, themes, organisers, items, lessons, state, capacity):
    atelier = AtelierPage.objects.child_of(series).filter(slug=slug).first()
    if atelier is None:
        atelier = AtelierPage(
            title=title,
            slug=slug,
            date=date,
            venue="Rotterdam, zaal nader te bepalen" if date.year < 2020 else "Rotterdam, Timmerhuis",
            capacity=capacity,
            summary=summary,
            description=f"<p>{summary}</p>",
            audiences=[value for value, _weight in BACKGROUND_WEIGHTS if value != Background.OTHER],
            lessons=lessons,
            programme_items=_programme(items, orgs),
            accreditations=[
                Accreditation(
                    register="skj",
                    status=Accreditation.Status.GRANTED if date.year < 2020 else Accreditation.Status.REQUESTED,
                    reference=f"DEMO-{date:%Y%m}" if date.year < 2020 else "",
                    points=Decimal("2"),
                )
            ],
        )
        series.add_child(instance=atelier)
        atelier.themes.add(*themes)
        atelier.co_organisers.set(organisers)
        atelier.save_revision().publish()
    # Demo history jumps straight to each atelier's final state, past the transition rules.
    AtelierPage.objects.filter(pk=atelier.pk).update(state=state)
    atelier.state = state
    return atelier


def _weighted(rng, weights):
    values, w = zip(*weights, strict=True)
    return rng.choices(values, weights=w)[0]


def _synthetic_participants(atelier, attended, rng):
    if synthetic_registrations().filter(atelier=atelier).exists():
        return
    no_shows = round(attended * 0.15)
    registrations = []
    for n in range(attended + no_shows):
        wants = rng.random() < 0.45
        registrations.append(
            Registration(
                atelier=atelier,
                name=f"Deelnemer {n + 1:03d} (synthetisch)",
                email=f"deelnemer-{atelier.pk}-{n + 1:03d}@{SYNTHETIC_EMAIL_DOMAIN}",
                organisation_name="Synthetische organisatie",
                background=_weighted(rng, BACKGROUND_WEIGHTS),
                wants_accreditation=wants,
                register_numbers={"skj": f"SKJ{110000000 + atelier.pk * 1000 + n}"} if wants else {},
                status=Registration.Status.CONFIRMED,
                created_at=timezone.make_aware(datetime.datetime.combine(atelier.date, datetime.time(9)))
                - datetime.timedelta(days=rng.randint(3, 40)),
                email_confirmed_at=timezone.now(),
                queued_at=timezone.make_aware(datetime.datetime.combine(atelier.date, datetime.time(9)))
                - datetime.timedelta(days=rng.randint(3, 40)),
                attended=n < attended,
                checked_in_at=atelier.starts_at if n < attended else None,
                certificate_code=new_certificate_code() if n < attended else None,
            )
        )
    Registration.objects.bulk_create(registrations)
    if atelier.state not in (AtelierState.EVALUATION_OPEN, AtelierState.PROCESSED, AtelierState.LESSONS_PUBLISHED):
        return
    aspects = list(EvaluationAspect.objects.filter(active=True))
    present = list(synthetic_registrations().filter(atelier=atelier, attended=True).order_by("pk"))
    responders = rng.sample(present, round(len(present) * 0.3))
    responses = EvaluationResponse.objects.bulk_create(
        EvaluationResponse(
            registration=registration,
            comments=rng.choice(["", "", "Meer tijd voor discussie graag.", "Sterke sprekers, goede mix."]),
            submitted_at=atelier.ends_at + datetime.timedelta(days=rng.randint(1, 10)),
        )
        for registration in responders
    )
    EvaluationScore.objects.bulk_create(
        EvaluationScore(response=response, aspect=aspect, stars=_weighted(rng, STAR_WEIGHTS))
        for response in responses
        for aspect in aspects
    )


DEMO_ORGANISER = ("organisator@demo.samenpreventief.nl", "Otto", "Organisator")


def _demo_organiser(group, organisation):
    """An organiser of ST-RAW's ateliers, to see the door and the organiser's screens in `make run`."""
    from allauth.account.models import EmailAddress

    from accounts.demo import DEMO_PASSWORD
    from accounts.models import User

    email, first_name, last_name = DEMO_ORGANISER
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=DEMO_PASSWORD, first_name=first_name, last_name=last_name)
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    user.groups.add(group)
    Membership.objects.get_or_create(organisation=organisation, user=user, defaults={"role": Membership.Role.MEMBER})
    profile = user.profile
    profile.role = profile.Role.PROFESSIONAL
    profile.job_role = "Organisator kennisateliers"
    profile.organisation = organisation
    profile.save()


def _demo_member_registration():
    """The demo professional is already registered for the next atelier, so the flow can be seen."""
    from accounts.models import User

    user = User.objects.filter(email="professional@demo.samenpreventief.nl").first()
    atelier = AtelierPage.objects.filter(slug="samen-met-ouders").first()
    if user and atelier:
        Registration.objects.get_or_create(
            atelier=atelier,
            email=user.email,
            defaults={
                "user": user,
                "name": user.get_full_name(),
                "organisation_name": str(user.profile.organisation or ""),
                "background": Background.WIJKTEAM,
                "wants_accreditation": True,
                "register_numbers": {"skj": "SKJ110012345"},
                "status": Registration.Status.CONFIRMED,
                "email_confirmed_at": timezone.now(),
                "queued_at": timezone.now(),
            },
        )


def _demo_account_attended(atelier, user, final_state):
    """A demo account was at this past atelier: registered, checked in, the atelier held, so her
    certificate and points appear on her own page ("Mijn Samen Preventief") as for anyone.

    She is a demo account, not an invented participant, and she gets there through the rules
    a real participant goes through: `set_attendance` checks her in and issues the certificate
    code, `transition` marks the atelier held. Only the registration is written directly, as
    demo history: the form (rightly) takes no registrations for a date in the past, so the row
    is what `register` leaves for a logged-in member, dated three weeks before the atelier.
    Nothing is mailed: the state jumps from "held" to its final state, past the evaluation mail.
    Run again, she is registered already and nothing changes.
    """
    if atelier.registrations.filter(email=user.email).exists():
        return
    signed_up = timezone.make_aware(datetime.datetime.combine(atelier.date, datetime.time(9))) - datetime.timedelta(
        days=21
    )
    AtelierPage.objects.filter(pk=atelier.pk).update(state=AtelierState.REGISTRATION_OPEN)
    atelier.state = AtelierState.REGISTRATION_OPEN
    registration = Registration.objects.create(
        atelier=atelier,
        user=user,
        email=user.email,
        name=user.get_full_name(),
        organisation_name=str(user.profile.organisation or ""),
        background=Background.WIJKTEAM,
        wants_accreditation=True,
        register_numbers={holding.register: holding.number for holding in user.profile.registrations.all()},
        status=Registration.Status.CONFIRMED,
        created_at=signed_up,
        email_confirmed_at=signed_up,
        queued_at=signed_up,
    )
    services.set_attendance(registration, True)
    Registration.objects.filter(pk=registration.pk).update(checked_in_at=atelier.starts_at)  # at the door, that day
    services.transition(atelier, AtelierState.HELD)
    AtelierPage.objects.filter(pk=atelier.pk).update(state=final_state)
    atelier.state = final_state


def _demo_accounts():
    from accounts.models import User
    from home.management.commands.demo_accounts import DEMO_EMAIL_DOMAIN

    return {user.email: user for user in User.objects.filter(email__endswith=DEMO_EMAIL_DOMAIN)}


def load(log):
    rng = random.Random(2018)
    orgs = _organisations()
    demo_accounts = _demo_accounts()
    series_intro, ateliers = read_ateliers(orgs, demo_accounts)
    series = _series(series_intro)
    for data in ateliers:
        atelier = _atelier(
            series,
            orgs,
            data["slug"],
            data["title"],
            data["date"],
            data["summary"],
            data["themes"],
            [orgs[short_name] for short_name in data["co_organisers"]],
            data["programme"],
            data["lessons"],
            data["state"],
            data["capacity"],
        )
        if "attended" in data:
            _synthetic_participants(atelier, data["attended"], rng)
        for email in data.get("attended_by", []):
            _demo_account_attended(atelier, demo_accounts[email], data["state"])
    _demo_organiser(ensure_organiser_group(), orgs["ST-RAW"])
    _demo_member_registration()
    log(
        f"Kennisateliers: {AtelierPage.objects.count()} ateliers, "
        f"{synthetic_registrations().count()} synthetische aanmeldingen."
    )
