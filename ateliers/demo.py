"""The six knowledge ateliers of ST-RAW (seed 004, yearbook 2018) and two upcoming ones.

Themes, months and what was presented come from seed 004 ("Kennisateliers", table 1 and
"Lessen uit kennisateliers"), retold in our own words. The source gives months, not days:
the days below are Thursdays in those months, picked for the demo. Venue, capacity,
accreditation references and points are not in the source either and are example values.
The source names hardly any speakers, so speakers are described by their role.

Registrations, attendance and evaluations are SYNTHETIC (`is_synthetic=True`): the source
only says attendance rose from atelier to atelier, about 30% returned the evaluation form
and averages were above three stars; the numbers below are invented to show that pattern.
"""

import datetime
import random
from decimal import Decimal

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Page

from home.demo import get_home
from organisations.models import Organisation, OrganisationType

from .models import (
    Accreditation,
    AtelierPage,
    AtelierSeriesPage,
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

ORDER = 50
SOURCE = "Bron: ST-RAW jaarboek 2018 (seed 004), hoofdstuk Kennisateliers."

SERIES_INTRO = (
    "<p>Drie keer per jaar, op een donderdagmiddag van 15.00 tot 17.00 uur: drie of vier korte "
    "presentaties vanuit onderzoek, praktijk, onderwijs, beleid en ervaringsdeskundigheid, en dan een "
    "half uur vragen en gesprek met de zaal. Voor wijkteams, jeugdhulp, beleid, opleiders, onderzoekers, "
    "studenten en vertegenwoordigers van ouders en jongeren. Per kennisatelier vragen we SKJ-accreditatie aan.</p>"
    f"<p><em>{SOURCE} Locatie, capaciteit, accreditatienummers en punten zijn voorbeeldwaarden; "
    "aanmeldingen, aanwezigheid en evaluaties in deze demo zijn synthetisch.</em></p>"
)

P = Perspective


def speaker(name, role="", organisation=None, organisation_name=""):
    if role.lower() in name.lower():
        role = ""  # the source names no one; the role is then the name
    return {
        "type": "speaker",
        "value": {
            "name": name,
            "role": role,
            "organisation": organisation.pk if organisation else None,
            "organisation_name": organisation_name,
        },
    }


# (slug, title, date, summary, themes, co-organisers, programme, lessons, state, attended)
# programme: (title, perspective, minutes, summary, speakers, (method title, story title))
def ateliers(orgs):
    straw, verwey, hr, ketja = orgs["ST-RAW"], orgs["Verwey-Jonker"], orgs["HR"], orgs["KETJA"]
    return [
        (
            "migranten-in-de-jeugdhulpketen",
            "Hoe bereiken we migranten in de jeugdhulpketen?",
            datetime.date(2016, 10, 13),
            "Jeugd met een niet-westerse achtergrond komt vaker in zware jeugdzorg terecht en minder vaak in "
            "lichte hulp. Wat helpt om gezinnen eerder en beter te bereiken?",
            ["migranten", "cultuursensitief werken"],
            [verwey],
            [
                (
                    "Opvoedondersteuning op maat voor ouders met een migratieachtergrond",
                    P.RESEARCH,
                    20,
                    "Ervaringen uit Den Haag: ouders willen steun bij de opvoeding, mits het aanbod aansluit bij hun "
                    "taal en aandacht heeft voor consequent opvoeden. Eén aanpak voor iedereen werkt niet.",
                    [speaker("Onderzoeker opvoedondersteuning", "onderzoeker", organisation_name="Den Haag")],
                    None,
                ),
                (
                    "Mooi Samen: het taboe op een kind met een beperking doorbreken",
                    P.PRACTICE,
                    20,
                    "Bijeenkomsten waarin migrantenouders voorlichting krijgen over kinderen met een beperking en "
                    "ervaringen met elkaar delen.",
                    [speaker("Projectleider Mooi Samen", "projectleider", organisation_name="Mesam")],
                    ("Mooi Samen", None),
                ),
                (
                    "De Meetladder Diversiteit",
                    P.RESEARCH,
                    20,
                    "Een instrument om interventies te toetsen op cultuursensitiviteit.",
                    [speaker("Onderzoeker", "onderzoeker", organisation=verwey)],
                    ("Meetladder Diversiteit", None),
                ),
                (
                    "Live-online-leren: cultuursensitief werken en vroeg signaleren",
                    P.EDUCATION,
                    20,
                    "Een training voor professionals in cultuursensitief werken en het vroeg herkennen van psychische "
                    "problemen en (licht) verstandelijke beperkingen.",
                    [speaker("Trainer live-online-leren", "trainer")],
                    None,
                ),
            ],
            "<p>De zaal benadrukte maatwerk: professionals moeten hun aanpak afstemmen op het gezin. Goede "
            "communicatie is de basis van de relatie met cliënten, en juist vertrouwen in de hulpverlening "
            "ontbreekt soms. Sommige knelpunten lossen praktijk en beleid alleen samen op.</p>"
            f"<p><em>{SOURCE}</em></p>",
            AtelierState.LESSONS_PUBLISHED,
            34,
        ),
        (
            "eigen-kracht-in-de-jeugdhulpketen",
            "Eigen kracht benutten in de jeugdhulpketen",
            datetime.date(2017, 2, 9),
            "Welke interventies zetten jeugdhulpaanbieders in de regio in om de eigen kracht van ouders en "
            "jongeren te versterken, en hoe werken ze in de praktijk?",
            ["eigen kracht", "zelfredzaamheid"],
            [straw],
            [
                (
                    "Overzicht: 65 interventies bij 23 aanbieders",
                    P.RESEARCH,
                    20,
                    "Een enquête onder 23 jeugdhulpaanbieders leverde 65 verschillende interventies op; drie daarvan "
                    "staan in de literatuur als evidence-based te boek. Eigen kracht blijkt bij veel organisaties een "
                    "kernwaarde.",
                    [speaker("Onderzoeker", "onderzoeker", organisation=straw)],
                    None,
                ),
                (
                    "De buurtcirkel",
                    P.PRACTICE,
                    20,
                    "Steun voor (jonge) mensen met een psychische of verstandelijke beperking door een kring van "
                    "buurtgenoten.",
                    [speaker("Praktijkprofessional", "begeleider buurtcirkel")],
                    None,
                ),
                (
                    "Het familienetwerkberaad",
                    P.PRACTICE,
                    20,
                    "Gezinnen in crisis of met meervoudige problemen maken samen met hun netwerk een plan.",
                    [speaker("Praktijkprofessional", "coördinator familienetwerkberaad")],
                    None,
                ),
                (
                    "Meisjes met loverboyproblematiek in een gesloten setting",
                    P.PRACTICE,
                    20,
                    "Een aanpak die eigenwaarde en autonomie versterkt.",
                    [speaker("Behandelaar", "gedragswetenschapper")],
                    None,
                ),
            ],
            "<p>Het gesprek ging over evidence-based tegenover practice-based werken en hoe je een interventie "
            "kiest, en over de veranderende rol van de professional. Conclusie van de zaal: cliënten kunnen vaak "
            "meer dan gedacht; begin bij hun mogelijkheden en talenten.</p>"
            f"<p><em>{SOURCE}</em></p>",
            AtelierState.LESSONS_PUBLISHED,
            41,
        ),
        (
            "de-reflectieve-professional",
            "De reflectieve professional",
            datetime.date(2017, 6, 15),
            "De transformatie van de jeugdhulp vraagt professionals die hun ervaringen gebruiken om hun werk "
            "te verbeteren. Wetenschap, praktijk en opleiding wisselen kennis uit.",
            ["reflectie", "professionalisering"],
            [hr],
            [
                (
                    "Experimentele sturing: leren in plaats van afrekenen",
                    P.RESEARCH,
                    20,
                    "Een pleidooi om professionals voortdurend te laten leren in plaats van ze af te rekenen op "
                    "meetbare doelen, en om praktijk en beleid samen te laten leren.",
                    [speaker("Onderzoeker", "onderzoeker", organisation_name="Radboud Universiteit")],
                    None,
                ),
                (
                    "Morele dilemma's naast protocollen en richtlijnen",
                    P.PRACTICE,
                    20,
                    "Aan de hand van een casus: hoe ethische afwegingen en werken volgens protocol samengaan.",
                    [speaker("Begeleidingskundige", "begeleidingskundige")],
                    None,
                ),
                (
                    "Leerwerkgemeenschappen in de opleiding",
                    P.EDUCATION,
                    20,
                    "De nieuwe opzet van leerwerkgemeenschappen, waarin studenten, docenten en praktijk samen leren.",
                    [speaker("Docent-onderzoeker", "lector", organisation=hr)],
                    None,
                ),
                (
                    "Werkplaats Sociaal Domein Zuid-Holland Zuid",
                    P.PRACTICE,
                    15,
                    "Hoe deze werkplaats onderzoek en praktijk in de regio verbindt.",
                    [speaker("Coördinator werkplaats", "coördinator")],
                    None,
                ),
            ],
            "<p>Een levendige discussie over de hoge verwachtingen van wijkteams, over de stem van cliënten waar "
            "beter naar geluisterd kan worden en over oude denkpatronen die blijven hangen. Eén conclusie: "
            "jeugdprofessionals hebben ruimte voor eigen verantwoordelijkheid, en moeten die ook nemen.</p>"
            f"<p><em>{SOURCE}</em></p>",
            AtelierState.LESSONS_PUBLISHED,
            47,
        ),
        (
            "e-mental-health",
            "E-Mental Health",
            datetime.date(2017, 11, 16),
            "Hulpverleners, ICT'ers en creatieve makers werken samen aan digitale hulp. Drie voorbeelden, en de "
            "vraag of het werkt.",
            ["e-health", "autisme"],
            [],
            [
                (
                    "Een serious game voor de overstap naar het voortgezet onderwijs",
                    P.PRACTICE,
                    25,
                    "Kinderen met autisme of moeite met sociale communicatie oefenen in een virtuele school: contact "
                    "leggen, lokalen vinden, huiswerk plannen.",
                    [speaker("Ontwikkelaar serious game", "projectleider")],
                    None,
                ),
                (
                    "Geprogrammeerde knuffels",
                    P.PRACTICE,
                    25,
                    "Voorspelbare, geprogrammeerde knuffeldieren halen kinderen met een beperking even uit hun eigen "
                    "wereld.",
                    [speaker("Praktijkprofessional", "begeleider")],
                    None,
                ),
                (
                    "Blended hulp in virtual reality",
                    P.PRACTICE,
                    25,
                    "De hulpverlener oefent als avatar sociale situaties met jongeren met autisme, met een VR-bril.",
                    [speaker("Behandelaar", "behandelaar")],
                    None,
                ),
            ],
            "<p>De belangrijkste vraag uit de zaal: werken deze interventies echt? Definitieve antwoorden zijn er "
            "nog niet. Wat de sprekers gemeen hebben: ze durven buiten de kaders te experimenteren met nieuwe "
            "vormen van hulp.</p>"
            f"<p><em>{SOURCE}</em></p>",
            AtelierState.LESSONS_PUBLISHED,
            55,
        ),
        (
            "kracht-uit-informele-netwerken",
            "Kracht uit informele netwerken",
            datetime.date(2018, 2, 15),
            "Samenwerking tussen informele en formele netwerken rond opvoedondersteuning, samen georganiseerd met "
            "KETJA, de Amsterdamse academische werkplaats.",
            ["informele netwerken", "opvoedondersteuning"],
            [ketja],
            [
                (
                    "Formele en informele netwerken: onderzoek",
                    P.RESEARCH,
                    20,
                    "Er is veel variatie in samenwerking tussen formele en informele netwerken; uiteenlopende "
                    "verwachtingen kunnen die samenwerking frustreren.",
                    [speaker("Onderzoeker", "onderzoeker", organisation_name="Vrije Universiteit Amsterdam")],
                    None,
                ),
                (
                    "Ouders in Actie",
                    P.PRACTICE,
                    20,
                    "Getrainde vrijwilligers geven groepsgewijs opvoedondersteuning in Rotterdam en bereiken ook ouders "
                    "die hulpverleners moeilijk bereiken.",
                    [speaker("Projectleiders Ouders in Actie", "projectleiders")],
                    ("Ouders in Actie", None),
                ),
                (
                    "Vadergroepen in Amsterdam",
                    P.LIVED_EXPERIENCE,
                    20,
                    "Gesprekken met vaders over de opvoeding, die vooral gaan over communicatie in het gezin en tussen "
                    "ouders.",
                    [speaker("Gespreksleider vadergroep", "ervaringsdeskundige")],
                    None,
                ),
                (
                    "Het begint bij mij",
                    P.PRACTICE,
                    20,
                    "Ouders worden zich samen bewust van hun eigen opvoedpatronen; aangeboden in Amsterdam en de regio "
                    "Rotterdam.",
                    [speaker("Trainer", "trainer")],
                    None,
                ),
            ],
            "<p>De zaal noemde spontaan nog meer voorbeelden van informele netwerken. Wat kunnen professionals "
            "leren van hun kennelijke succes? In elk geval beter naar elkaar luisteren; en er is meer onderzoek "
            "nodig naar waarom deze netwerken werken.</p>"
            f"<p><em>{SOURCE}</em></p>",
            AtelierState.LESSONS_PUBLISHED,
            62,
        ),
        (
            "jongeren-en-hun-hindernissen",
            "Jongeren en hun hindernissen om mee te doen",
            datetime.date(2018, 6, 14),
            "Jongeren met psychische kwetsbaarheden (Koplopers) en jongeren met problemen op veel terreinen "
            "(De Nieuwe Kans): wat houdt hen tegen, en wat helpt?",
            ["participatie", "jongvolwassenen"],
            [hr],
            [
                (
                    "Drie jongeren vertellen",
                    P.LIVED_EXPERIENCE,
                    25,
                    "Een hulpvraag formuleren is moeilijk; een docent die niet ziet wat er speelt ontmoedigt, een "
                    "docent die echt luistert maakt het verschil.",
                    [speaker("Drie jongeren van Koplopers", "ervaringsdeskundigen")],
                    None,
                ),
                (
                    "Koplopers: kwetsbaarheid bespreekbaar maken",
                    P.EDUCATION,
                    20,
                    "Veel Rotterdamse jongeren hebben psychische kwetsbaarheden; het project wil die bespreekbaar maken.",
                    [speaker("Projectleiders Koplopers", "projectleiders", organisation=hr)],
                    None,
                ),
                (
                    "De Nieuwe Kans",
                    P.PRACTICE,
                    20,
                    "Jongeren met veel problemen tegelijk, vaak al bekend bij jeugdbescherming en -reclassering; veel "
                    "van hen vallen tussentijds uit.",
                    [speaker("Begeleider", "jongerenwerker", organisation_name="De Nieuwe Kans")],
                    None,
                ),
            ],
            "<p>Veel herkenning in de zaal. De systeemwereld, zoals gescheiden financiering van onderwijs en zorg, "
            "zit hulpverleners in de weg. Er is behoefte aan professionals die zich vastbijten en doorgaan tot het "
            "probleem is opgelost.</p>"
            f"<p><em>{SOURCE} Volgens de bron was de opkomst en evaluatie van dit atelier nog niet verwerkt.</em></p>",
            AtelierState.EVALUATION_OPEN,
            70,
        ),
    ]


UPCOMING = [
    (
        "samen-met-ouders",
        "Samen met ouders: tips uit een community of practice",
        datetime.date(2027, 2, 11),
        "Moeders en professionals verzamelden samen 75 tips voor een goed gesprek met hulpverleners. Hoe maak je "
        "daar iets van dat anderen kunnen gebruiken?",
        ["ouderparticipatie", "tips"],
        [
            (
                "Hoe de tips ontstonden",
                P.LIVED_EXPERIENCE,
                20,
                "Een moeder en een professional uit de community of "
                "practice vertellen hoe ze in koppels tips beoordeelden.",
                [speaker("Moeder en professional", "duo uit de community of practice")],
                None,
            ),
            (
                "Van tip naar lesmateriaal",
                P.EDUCATION,
                20,
                "Twee netwerkleden maakten van de beste tips een gastles, een video en een handreiking.",
                [speaker("Docent", "docent sociaal werk")],
                None,
            ),
            (
                "Wat vraagt dit van beleid?",
                P.POLICY,
                20,
                "Een beleidsmedewerker over ruimte voor ouders in de jeugdhulp.",
                [speaker("Beleidsmedewerker jeugd", "beleidsmedewerker")],
                None,
            ),
        ],
        AtelierState.REGISTRATION_OPEN,
    ),
    (
        "preventie-in-de-wijk",
        "Preventie in de wijk: van praktijkverhaal naar aanpak",
        datetime.date(2027, 6, 10),
        "Gemeenten vertellen wat ze probeerden, wat werkte en wat niet, en hoe je een goed praktijkverhaal "
        "omzet in een aanpak voor je eigen wijk.",
        ["preventie", "wijkteams"],
        [
            (
                "Jongeren Interventie Team op straat",
                P.PRACTICE,
                20,
                "Jongerenwerkers en jeugdhulpverleners samen op straat.",
                [speaker("Teamleider JIT", "teamleider")],
                ("JIT", None),
            ),
            (
                "Wat zegt het onderzoek over wijkteams en jongeren?",
                P.RESEARCH,
                20,
                "Bevindingen uit onderzoek van drie lectoraten naar jongeren en wijkteams.",
                [speaker("Lector", "lector")],
                None,
            ),
            (
                "Kids & Koffie op de kinderboerderij",
                P.PRACTICE,
                20,
                "Een wekelijkse koffieochtend als laagdrempelige plek voor ouders van jonge kinderen.",
                [speaker("Organisator", "jeugdverpleegkundige")],
                ("Kids & Koffie", None),
            ),
        ],
        AtelierState.ANNOUNCED,
    ),
]

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
    return Page.objects.filter(content_type=content_type, title__icontains=title).first()


def _programme(items):
    programme = []
    for order, (title, perspective, minutes, summary, speakers, links) in enumerate(items):
        method_title, story_title = links or (None, None)
        programme.append(
            ProgrammeItem(
                sort_order=order,
                title=title,
                perspective=perspective,
                duration_minutes=minutes,
                summary=summary,
                speakers=speakers,
                related_method=_linked_page("methodpage", method_title),
                related_story=_linked_page("practicestorypage", story_title),
            )
        )
    return programme


def _series():
    series = AtelierSeriesPage.objects.first()
    if series is None:
        series = get_home().add_child(
            instance=AtelierSeriesPage(title="Kennisateliers", slug="ateliers", show_in_menus=True, intro=SERIES_INTRO)
        )
        series.save_revision().publish()
    return series


def _atelier(series, slug, title, date, summary, themes, organisers, items, lessons, state, capacity):
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
            programme_items=_programme(items),
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
    if atelier.registrations.filter(is_synthetic=True).exists():
        return
    no_shows = round(attended * 0.15)
    registrations = []
    for n in range(attended + no_shows):
        wants = rng.random() < 0.45
        registrations.append(
            Registration(
                atelier=atelier,
                name=f"Deelnemer {n + 1:03d} (synthetisch)",
                email=f"deelnemer-{atelier.pk}-{n + 1:03d}@synthetisch.invalid",
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
                is_synthetic=True,
            )
        )
    Registration.objects.bulk_create(registrations)
    if atelier.state not in (AtelierState.EVALUATION_OPEN, AtelierState.PROCESSED, AtelierState.LESSONS_PUBLISHED):
        return
    aspects = list(EvaluationAspect.objects.filter(active=True))
    present = list(atelier.registrations.filter(attended=True, is_synthetic=True).order_by("pk"))
    responders = rng.sample(present, round(len(present) * 0.3))
    responses = EvaluationResponse.objects.bulk_create(
        EvaluationResponse(
            registration=registration,
            comments=rng.choice(["", "", "Meer tijd voor discussie graag.", "Sterke sprekers, goede mix."]),
            submitted_at=atelier.ends_at + datetime.timedelta(days=rng.randint(1, 10)),
            is_synthetic=True,
        )
        for registration in responders
    )
    EvaluationScore.objects.bulk_create(
        EvaluationScore(response=response, aspect=aspect, stars=_weighted(rng, STAR_WEIGHTS))
        for response in responses
        for aspect in aspects
    )


def _organiser_group():
    group, _created = Group.objects.get_or_create(name="Atelierorganisatoren")
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="ateliers", codename__endswith="_registration")
    )
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    return group


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


def load(log):
    rng = random.Random(2018)
    EvaluationAspect.ensure_defaults()
    orgs = _organisations()
    series = _series()
    for slug, title, date, summary, themes, organisers, items, lessons, state, attended in ateliers(orgs):
        atelier = _atelier(series, slug, title, date, summary, themes, organisers, items, lessons, state, 80)
        _synthetic_participants(atelier, attended, rng)
    for slug, title, date, summary, themes, items, state in UPCOMING:
        _atelier(series, slug, title, date, summary, themes, [orgs["ST-RAW"]], items, "", state, 60)
    _organiser_group()
    _demo_member_registration()
    log(
        f"Kennisateliers: {AtelierPage.objects.count()} ateliers, "
        f"{Registration.objects.filter(is_synthetic=True).count()} synthetische aanmeldingen."
    )
