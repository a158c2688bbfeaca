"""The organisations of DOMAIN.md: the 17 municipalities of the practice stories with their
provinces, the Hart van Brabant region, and the knowledge institutes, each with its page."""

from home.demo import get_home

from .models import Organisation, OrganisationIndexPage, OrganisationPage, OrganisationType, Province

ORDER = 20

MUNICIPALITIES = [
    ("Zwolle", Province.OVERIJSSEL),
    ("Tilburg", Province.NOORD_BRABANT),
    ("Papendrecht", Province.ZUID_HOLLAND),
    ("Kerkrade", Province.LIMBURG),
    ("Huizen", Province.NOORD_HOLLAND),
    ("Eindhoven", Province.NOORD_BRABANT),
    ("Oss", Province.NOORD_BRABANT),
    ("Sliedrecht", Province.ZUID_HOLLAND),
    ("De Marne", Province.GRONINGEN),
    ("Rotterdam", Province.ZUID_HOLLAND),
    ("Leiden", Province.ZUID_HOLLAND),
    ("Dordrecht", Province.ZUID_HOLLAND),
    ("Dronten", Province.FLEVOLAND),
    ("Apeldoorn", Province.GELDERLAND),
    ("Diemen", Province.NOORD_HOLLAND),
    ("Schiedam", Province.ZUID_HOLLAND),
    ("Hilversum", Province.NOORD_HOLLAND),
]

# (name, short name, type)
OTHER_ORGANISATIONS = [
    ("Nederlands Jeugdinstituut", "NJi", OrganisationType.KNOWLEDGE_INSTITUTE),
    ("Movisie", "Movisie", OrganisationType.KNOWLEDGE_INSTITUTE),
    ("Trimbos-instituut", "Trimbos", OrganisationType.KNOWLEDGE_INSTITUTE),
    ("Verwey-Jonker Instituut", "Verwey-Jonker", OrganisationType.KNOWLEDGE_INSTITUTE),
    ("IVO Onderzoeksinstituut", "IVO", OrganisationType.KNOWLEDGE_INSTITUTE),
    ("ST-RAW, academische werkplaats Rotterdam", "ST-RAW", OrganisationType.ACADEMIC_WORKPLACE),
    ("Hogeschool van Amsterdam", "HvA", OrganisationType.HOGESCHOOL),
    ("Hogeschool Inholland", "Inholland", OrganisationType.HOGESCHOOL),
    ("Hogeschool Rotterdam", "HR", OrganisationType.HOGESCHOOL),
    ("Erasmus MC", "Erasmus MC", OrganisationType.UNIVERSITY),
    ("ZonMw", "ZonMw", OrganisationType.FUNDER),
    ("Stichting Kwaliteitsregister Jeugd", "SKJ", OrganisationType.ACCREDITATION_BODY),
]


def municipality_name(place):
    return f"Gemeente {place}"


def load(log):
    home = get_home()
    index = OrganisationIndexPage.objects.first()
    if index is None:
        index = home.add_child(
            instance=OrganisationIndexPage(
                title="Organisaties",
                slug="organisaties",
                show_in_menus=True,
                intro="<p>Gemeenten en kennisinstituten die hun kennis hier delen.</p>",
            )
        )
    region, _created = Organisation.objects.get_or_create(
        name="Regio Hart van Brabant",
        defaults={
            "type": OrganisationType.REGION,
            "province": Province.NOORD_BRABANT,
            "short_name": "Hart van Brabant",
        },
    )
    organisations = []
    for place, province in MUNICIPALITIES:
        organisation, _created = Organisation.objects.get_or_create(
            name=municipality_name(place),
            defaults={"type": OrganisationType.MUNICIPALITY, "province": province, "short_name": place},
        )
        organisations.append(organisation)
    tilburg = Organisation.objects.get(name=municipality_name("Tilburg"))
    if tilburg.part_of_id is None:
        tilburg.part_of = region
        tilburg.save(update_fields=["part_of"])
    for name, short_name, kind in OTHER_ORGANISATIONS:
        organisation, _created = Organisation.objects.get_or_create(
            name=name, defaults={"type": kind, "short_name": short_name}
        )
        organisations.append(organisation)
    for organisation in organisations + [region]:
        if not OrganisationPage.objects.filter(organisation=organisation).exists():
            index.add_child(
                instance=OrganisationPage(title=organisation.name, slug=organisation.slug, organisation=organisation)
            )
    log(f"{len(organisations) + 1} organisaties geladen.")
