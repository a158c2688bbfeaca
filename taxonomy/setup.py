"""The starting vocabularies every deployment needs (DOMAIN.md §2–§3); editors change them.

Life stages, settings, domains, the 14 working factors, prevention levels and the shared Dutch
recognition scheme with its evidence levels. `python manage.py setup_site` runs
`ensure_vocabularies`; the listings' filters, the editors' choosers and the search facets
all read these tables, so a site without them cannot classify anything.

A vocabulary that already has terms belongs to the editors: it is left exactly as it is
(renamed, reordered, extended or pruned), so running the set-up on every deploy never undoes
their work. Only an empty vocabulary gets the starting set.

Every starting term comes with its English label (`ENGLISH_NAMES`, shown under /en/). A site
made before terms had one gets the labels from `fill_english_names` (the data migration
taxonomy 0003 and every `setup_site`), only for a term whose Dutch name is still the starting
one and whose English label is still empty: an editor's rename or translation stays.
"""

from django.db import transaction

from .models import Domain, EvidenceLevel, EvidenceScheme, LifeStage, PreventionLevel, Setting, WorkingFactor

LIFE_STAGES = [
    ("Zwangerschap en geboorte", "zwangerschap-geboorte", None, None),
    ("0–4 jaar", "0-4", 0, 4),
    ("4–12 jaar", "4-12", 4, 12),
    ("12–18 jaar", "12-18", 12, 18),
    ("18–23 jaar", "18-23", 18, 23),
    ("Ouders", "ouders", None, None),
    ("Professionals", "professionals", None, None),
    ("Buurt", "buurt", None, None),
]

SETTINGS = [
    "School",
    "Thuis",
    "Straat",
    "Buurthuis",
    "Kinderboerderij",
    "Jongerencentrum",
    "Moskee",
    "Verloskundigenpraktijk",
    "Online",
    "Wijkteam",
    "Consultatiebureau",
    "Studio",
]

DOMAINS = [
    "Onderwijs",
    "Jeugdhulp",
    "Welzijn",
    "Jeugdgezondheidszorg en geboortezorg",
    "Werk en inkomen",
    "Wonen",
    "Veiligheid",
]

WORKING_FACTORS = [
    "Maak meedoen leuk; laat inwoners oplossingen bedenken en uitvoeren",
    "Steun van wethouder en gemeenteraad",
    "Vertrouwen in samenwerking, korte lijnen",
    "Hergebruik wat er is, maak ongewone combinaties",
    "Laagdrempelig contact op vanzelfsprekende plekken",
    "Een lange adem en een visie voor de lange termijn",
    "Weet wat werkt: bewezen methoden versterken de aanpak",
    "De juiste persoon op de juiste plek: gedreven mensen",
    "Samen zoeken, met ruimte om te experimenteren en te falen, het doel in zicht",
    "Durf onconventionele oplossingen; verschuil je niet achter regels",
    "Laat zien wat je doet en vier successen",
    "Sluit aan bij de leefwereld van jongeren",
    "Ruimte voor vakmanschap en van elkaar leren",
    "Ga uit van mogelijkheden en positieve ontwikkeling",
]

PREVENTION_LEVELS = [
    ("Universeel", "universeel", "Voor alle kinderen, jongeren of ouders in een gebied."),
    ("Selectief", "selectief", "Voor groepen met een verhoogd risico."),
    ("Geïndiceerd", "geindiceerd", "Voor wie al beginnende problemen heeft."),
]

# (name, slug, rank, recognised) in the shared Dutch recognition scheme.
EVIDENCE_LEVELS = [
    ("Niet erkend", "niet-erkend", -1, False),
    ("Goed beschreven", "goed-beschreven", 1, True),
    ("Goed onderbouwd", "goed-onderbouwd", 2, True),
    ("Effectief volgens eerste aanwijzingen", "effectief-eerste-aanwijzingen", 3, True),
    ("Effectief volgens goede aanwijzingen", "effectief-goede-aanwijzingen", 4, True),
    ("Effectief volgens sterke aanwijzingen", "effectief-sterke-aanwijzingen", 5, True),
]


EVIDENCE_SCHEME = (
    "Erkenningstraject Interventies",
    "erkenningstraject",
    "Het gezamenlijke erkenningsstelsel van onder meer NJi, Movisie, RIVM en Trimbos-instituut.",
)


# The English label of each starting term, by its Dutch name (any vocabulary).
ENGLISH_NAMES = {
    # Life stages
    "Zwangerschap en geboorte": "Pregnancy and birth",
    "0–4 jaar": "0–4 years",
    "4–12 jaar": "4–12 years",
    "12–18 jaar": "12–18 years",
    "18–23 jaar": "18–23 years",
    "Ouders": "Parents",
    "Professionals": "Professionals",
    "Buurt": "Neighbourhood",
    # Settings
    "School": "School",
    "Thuis": "Home",
    "Straat": "Street",
    "Buurthuis": "Community centre",
    "Kinderboerderij": "Children's farm",
    "Jongerencentrum": "Youth centre",
    "Moskee": "Mosque",
    "Verloskundigenpraktijk": "Midwifery practice",
    "Online": "Online",
    "Wijkteam": "Neighbourhood team",
    "Consultatiebureau": "Child health clinic",
    "Studio": "Studio",
    # Domains
    "Onderwijs": "Education",
    "Jeugdhulp": "Youth care",
    "Welzijn": "Social welfare",
    "Jeugdgezondheidszorg en geboortezorg": "Youth healthcare and maternity care",
    "Werk en inkomen": "Work and income",
    "Wonen": "Housing",
    "Veiligheid": "Safety",
    # Working factors
    WORKING_FACTORS[0]: "Make taking part fun; let residents think up and carry out solutions",
    WORKING_FACTORS[1]: "Support from the alderman and the municipal council",
    WORKING_FACTORS[2]: "Trust in working together, short lines",
    WORKING_FACTORS[3]: "Reuse what is there, make unusual combinations",
    WORKING_FACTORS[4]: "Easy-to-reach contact in everyday places",
    WORKING_FACTORS[5]: "Staying power and a long-term vision",
    WORKING_FACTORS[6]: "Know what works: proven methods strengthen the approach",
    WORKING_FACTORS[7]: "The right person in the right place: driven people",
    WORKING_FACTORS[8]: "Searching together, with room to experiment and to fail, the goal in sight",
    WORKING_FACTORS[9]: "Dare unconventional solutions; do not hide behind rules",
    WORKING_FACTORS[10]: "Show what you do and celebrate successes",
    WORKING_FACTORS[11]: "Connect with the world young people live in",
    WORKING_FACTORS[12]: "Room for professional craft and learning from each other",
    WORKING_FACTORS[13]: "Start from possibilities and positive development",
    # Prevention levels
    "Universeel": "Universal",
    "Selectief": "Selective",
    "Geïndiceerd": "Indicated",
    # The recognition scheme and its levels
    "Erkenningstraject Interventies": "Dutch recognition of interventions",
    "Niet erkend": "Not recognised",
    "Goed beschreven": "Well described",
    "Goed onderbouwd": "Well founded",
    "Effectief volgens eerste aanwijzingen": "Effective according to first indications",
    "Effectief volgens goede aanwijzingen": "Effective according to good indications",
    "Effectief volgens sterke aanwijzingen": "Effective according to strong indications",
}

VOCABULARIES = (LifeStage, Setting, Domain, WorkingFactor, PreventionLevel, EvidenceScheme, EvidenceLevel)


def fill_english_names(models=VOCABULARIES, log=lambda message: None):
    """Give starting terms without an English label theirs; touch nothing an editor changed.

    `models` lets the data migration pass its historical models.
    """
    filled = 0
    for model in models:
        for term in model.objects.filter(name_en="", name__in=list(ENGLISH_NAMES)):
            term.name_en = ENGLISH_NAMES[term.name]
            term.save(update_fields=["name_en"])
            filled += 1
    if filled:
        log(f"Vocabulaires: {filled} Engelse namen ingevuld.")
    return filled


def _fill_if_empty(model, terms, log):
    """Create `terms` (model instances) only when `model` has no rows at all."""
    if model.objects.exists():
        return False
    for term in terms:
        term.save()
    log(f"{model._meta.verbose_name_plural.capitalize()}: {len(terms)} aangemaakt.")
    return True


@transaction.atomic
def ensure_vocabularies(log=lambda message: None):
    _fill_if_empty(
        LifeStage,
        [
            LifeStage(name=name, slug=slug, age_min=age_min, age_max=age_max, sort_order=order)
            for order, (name, slug, age_min, age_max) in enumerate(LIFE_STAGES)
        ],
        log,
    )
    _fill_if_empty(Setting, [Setting(name=name, sort_order=order) for order, name in enumerate(SETTINGS)], log)
    _fill_if_empty(Domain, [Domain(name=name, sort_order=order) for order, name in enumerate(DOMAINS)], log)
    _fill_if_empty(
        WorkingFactor,
        [
            WorkingFactor(number=number, name=name, sort_order=number)
            for number, name in enumerate(WORKING_FACTORS, start=1)
        ],
        log,
    )
    _fill_if_empty(
        PreventionLevel,
        [
            PreventionLevel(name=name, slug=slug, description=description, sort_order=order)
            for order, (name, slug, description) in enumerate(PREVENTION_LEVELS)
        ],
        log,
    )
    name, slug, description = EVIDENCE_SCHEME
    scheme = EvidenceScheme(name=name, slug=slug, description=description)
    if _fill_if_empty(EvidenceScheme, [scheme], log):
        _fill_if_empty(
            EvidenceLevel,
            [
                EvidenceLevel(
                    name=name, slug=slug, scheme=scheme, rank=rank, recognised=recognised, sort_order=rank + 1
                )
                for name, slug, rank, recognised in EVIDENCE_LEVELS
            ],
            log,
        )
    fill_english_names(log=log)
