"""The organisations of DOMAIN.md: the 17 municipalities of the practice stories with their
provinces, the Hart van Brabant region, and the knowledge institutes, each with its page.

Who they are lives in `organisations/demo_data/organisations.toml`, where an editor can correct
it without reading Python; this module checks that file and creates what is missing."""

from home.demo_data import demo_file

from .models import Organisation, OrganisationPage, OrganisationType, Province
from .setup import ensure_organisation_index

ORDER = 20
CONTACT_FIELDS = ("website", "email", "address")


def municipality_name(place):
    return f"Gemeente {place}"


def read_organisations():
    """organisations.toml, checked: (region, municipalities, other organisations)."""
    data_file = demo_file(__file__, "organisations.toml")
    region = data_file.check_fields(
        "[region]", data_file.get("region", dict), ("name", "short_name", "province", "members")
    )
    data_file.check_known("[region]", "province", region["province"], Province.values)
    municipalities = [
        municipality
        for _label, municipality in data_file.entries(
            "municipality", ("place", "province", "website"), label_key="place"
        )
    ]
    for municipality in municipalities:
        data_file.check_known(
            f"[[municipality]] {municipality['place']}", "province", municipality["province"], Province.values
        )
    data_file.check_known("[region]", "members", region["members"], [m["place"] for m in municipalities])
    others = []
    for label, organisation in data_file.entries(
        "organisation", ("name", "short_name", "type"), CONTACT_FIELDS, label_key="name"
    ):
        data_file.check_known(label, "type", organisation["type"], OrganisationType.values)
        others.append(organisation)
    return region, municipalities, others


def load(log):
    index = ensure_organisation_index(log)  # made by setup_site, which the demo loader runs first
    region_data, municipalities, others = read_organisations()
    region, _created = Organisation.objects.get_or_create(
        name=region_data["name"],
        defaults={
            "type": OrganisationType.REGION,
            "province": region_data["province"],
            "short_name": region_data["short_name"],
        },
    )
    organisations = []
    for municipality in municipalities:
        organisation, _created = Organisation.objects.get_or_create(
            name=municipality_name(municipality["place"]),
            defaults={
                "type": OrganisationType.MUNICIPALITY,
                "province": municipality["province"],
                "short_name": municipality["place"],
            },
        )
        organisations.append(organisation)
    for place in region_data["members"]:
        member = Organisation.objects.get(name=municipality_name(place))
        if member.part_of_id is None:
            member.part_of = region
            member.save(update_fields=["part_of"])
    for data in others:
        organisation, _created = Organisation.objects.get_or_create(
            name=data["name"], defaults={"type": data["type"], "short_name": data["short_name"]}
        )
        organisations.append(organisation)
    contacts = {
        municipality_name(municipality["place"]): {"website": municipality["website"]}
        for municipality in municipalities
    }
    contacts.update(
        {data["name"]: {field: data[field] for field in CONTACT_FIELDS if field in data} for data in others}
    )
    for organisation in organisations:
        details = {
            name: value
            for name, value in contacts.get(organisation.name, {}).items()
            if not getattr(organisation, name)
        }
        if any(details.values()):
            Organisation.objects.filter(pk=organisation.pk).update(**details)
    for organisation in organisations + [region]:
        if not OrganisationPage.objects.filter(organisation=organisation).exists():
            index.add_child(
                instance=OrganisationPage(title=organisation.name, slug=organisation.slug, organisation=organisation)
            )
    log(f"{len(organisations) + 1} organisaties geladen.")
