"""The controlled vocabularies of DOMAIN.md §2–§3, as a starting set editors can change."""

from .models import Domain, EvidenceLevel, EvidenceScheme, LifeStage, PreventionLevel, Setting, WorkingFactor

ORDER = 10

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


def load(log):
    for order, (name, slug, age_min, age_max) in enumerate(LIFE_STAGES):
        LifeStage.objects.update_or_create(
            slug=slug, defaults={"name": name, "age_min": age_min, "age_max": age_max, "sort_order": order}
        )
    for order, name in enumerate(SETTINGS):
        Setting.objects.get_or_create(name=name, defaults={"sort_order": order})
    for order, name in enumerate(DOMAINS):
        Domain.objects.get_or_create(name=name, defaults={"sort_order": order})
    for number, name in enumerate(WORKING_FACTORS, start=1):
        WorkingFactor.objects.update_or_create(number=number, defaults={"name": name, "sort_order": number})
    for order, (name, slug, description) in enumerate(PREVENTION_LEVELS):
        PreventionLevel.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description, "sort_order": order}
        )
    scheme, _created = EvidenceScheme.objects.get_or_create(
        slug="erkenningstraject",
        defaults={
            "name": "Erkenningstraject Interventies",
            "description": "Het gezamenlijke erkenningsstelsel van onder meer NJi, Movisie, RIVM en Trimbos-instituut.",
        },
    )
    for name, slug, rank, recognised in EVIDENCE_LEVELS:
        EvidenceLevel.objects.update_or_create(
            slug=slug,
            defaults={"name": name, "scheme": scheme, "rank": rank, "recognised": recognised, "sort_order": rank + 1},
        )
    log("Vocabulaires geladen.")
