"""Demo knowledge base: 18 methods, 17 practice stories and 5 publications (the listings are setup_site's).

Idempotent: pages are found by slug under their organisation page and updated in place, so
running `load_demo_content` twice gives the same site. The content lives in
`practices/demo_data/` (methods.toml, stories.toml, publications.toml), where an editor can
correct it without reading Python; each file is checked (fields, vocabulary slugs, references)
before anything is saved, so a typo stops the loader with the file and entry named.
"""

from datetime import date

from django.conf import settings
from django.utils.text import slugify

from home.demo_data import demo_file
from organisations.demo import municipality_name
from organisations.models import Organisation, OrganisationPage
from organisations.sections import folder_for
from taxonomy.models import Domain, EvidenceLevel, LifeStage, PreventionLevel, Setting, WorkingFactor

from .models import (
    EvidenceStatus,
    MethodEvidenceRecord,
    MethodKind,
    MethodPage,
    Perspective,
    PracticeStoryPage,
    PublicationKeyFigure,
    PublicationPage,
    PublicationReflection,
    PublicationType,
    StoryKeyFigure,
    StorySpokesperson,
    StoryStatus,
)

ORDER = 40

TERMS = ("life_stages", "prevention_levels", "settings", "domains")
METHOD_FIELDS = {
    "required": ("slug", "owner", "title", "kind", "summary", "aim", "target_group")
    + ("life_stages", "prevention_levels"),
    "optional": (
        "acronym age_min age_max steps elements research evidence studies developer_name developer_address "
        "contact_name dosage team referral reach cost origin publication_date trainings settings domains "
        "publications themes"
    ).split(),
}
STORY_FIELDS = {
    "required": "place title standfirst sections quote spokespeople target_group status life_stages settings "
    "domains prevention_levels figures themes".split(),
    "optional": "code region side_box vignette initiator age_min age_max partners start_year costs success "
    "challenges next_steps links source_publication source_page source_year working_factors methods".split(),
}
PUBLICATION_TEXT_FIELDS = (
    "title subtitle publication_type summary research_period institutions_text authors funders cities ages laws "
    "methods_used findings dilemmas recommendations validity_note"
).split()
PUBLICATION_FIELDS = {
    "required": ("slug", "owner", "title", "publication_type"),
    "optional": [field for field in PUBLICATION_TEXT_FIELDS if field not in ("title", "publication_type")]
    + "publication_year age_min age_max questions life_stages figures reflections themes".split(),
}
FIGURE_FIELDS = {"required": ("label", "value", "unit"), "optional": ("year", "source")}


def _vocabularies():
    """What the data files may name: slugs for life stages and prevention levels, names otherwise."""
    return {
        "life_stages": set(LifeStage.objects.values_list("slug", flat=True)),
        "prevention_levels": set(PreventionLevel.objects.values_list("slug", flat=True)),
        "settings": set(Setting.objects.values_list("name", flat=True)),
        "domains": set(Domain.objects.values_list("name", flat=True)),
    }


def _check_terms(data_file, label, entry, vocabularies):
    for field in TERMS:
        if field in entry:
            data_file.check_known(label, field, entry[field], vocabularies[field])


def _check_organisation(data_file, label, field, name):
    if not OrganisationPage.objects.filter(organisation__name=name).exists():
        raise data_file.error(label, f"‘{field}’ noemt een organisatie zonder pagina: {name}.")


def _terms(model, names=(), slugs=()):
    if slugs:
        return list(model.objects.filter(slug__in=slugs))
    return list(model.objects.filter(name__in=names))


def _organisation_page(name):
    # The Dutch one: a translated page has an English organisation page too (home/demo.py).
    return OrganisationPage.objects.get(organisation__name=name, locale__language_code=settings.LANGUAGE_CODE)


def _save(parent, page, is_new):
    """Create under `parent` or save changes, and publish."""
    if is_new:
        parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _find(model, parent, slug):
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    return (existing, False) if existing else (model(slug=slug), True)


def read_methods(publication_slugs, data_file=None):
    """methods.toml, checked: (evidence note, [(slug, data)])."""
    data_file = data_file or demo_file(__file__, "methods.toml")
    evidence_note = data_file.get("evidence_note", str)
    scheme_levels = set(EvidenceLevel.objects.values_list("slug", flat=True))
    vocabularies = _vocabularies()
    methods = []
    for label, data in data_file.entries("method", **METHOD_FIELDS, label_key="slug"):
        _check_organisation(data_file, label, "owner", data["owner"])
        data_file.check_known(label, "kind", data["kind"], MethodKind.values)
        _check_terms(data_file, label, data, vocabularies)
        data_file.check_known(label, "publications", data.get("publications", []), publication_slugs)
        data_file.each(label, data, "steps", ("title", "description"))
        for evidence in data_file.each(label, data, "evidence", ("level", "committee", "status", "reason")):
            data_file.check_known(label, "evidence.level", evidence["level"], scheme_levels)
            data_file.check_known(label, "evidence.status", evidence["status"], EvidenceStatus.values)
        if "publication_date" in data:
            if not isinstance(data["publication_date"], date):
                raise data_file.error(label, "‘publication_date’ moet een datum zijn (2011-11-01).")
        methods.append((data["slug"], data))
    return evidence_note, methods


def load_methods(publications):
    scheme_levels = {level.slug: level for level in EvidenceLevel.objects.select_related("scheme")}
    evidence_note, method_data = read_methods(set(publications))
    methods = {}
    for slug, data in method_data:
        parent = folder_for(_organisation_page(data["owner"]), MethodPage)
        method, is_new = _find(MethodPage, parent, slug)
        method.title = data["title"]
        method.acronym = data.get("acronym", "")
        method.kind = data["kind"]
        method.summary = data["summary"]
        method.aim = data["aim"]
        method.target_group = data["target_group"]
        method.age_min = data.get("age_min")
        method.age_max = data.get("age_max")
        method.approach = [
            ("step", {"title": step["title"], "description": step["description"]}) for step in data.get("steps", [])
        ]
        method.working_elements = [("element", text) for text in data.get("elements", [])]
        research = data.get("research", "")
        if data.get("evidence"):
            research += evidence_note
        method.research = research
        method.effect_studies = [("study", study) for study in data.get("studies", [])]
        method.developer_name = data.get("developer_name", "")
        method.developer_address = data.get("developer_address", "")
        method.contact_name = data.get("contact_name", "")
        method.dosage = data.get("dosage", "")
        method.team = data.get("team", "")
        method.referral = data.get("referral", "")
        method.reach = data.get("reach", "")
        method.cost = data.get("cost", "")
        method.origin = data.get("origin", "")
        method.publication_date = data.get("publication_date")
        method.trainings = [("training", training) for training in data.get("trainings", [])]
        method.life_stages = _terms(LifeStage, slugs=data["life_stages"])
        method.prevention_levels = _terms(PreventionLevel, slugs=data["prevention_levels"])
        method.settings = _terms(Setting, names=data.get("settings", []))
        method.domains = _terms(Domain, names=data.get("domains", []))
        method.publications = [publications[key] for key in data.get("publications", [])]
        method.evidence_records = [
            MethodEvidenceRecord(
                scheme=scheme_levels[item["level"]].scheme,
                level=scheme_levels[item["level"]],
                committee=item["committee"],
                status=item["status"],
                reason=item["reason"],
            )
            for item in data.get("evidence", [])
        ]
        method.themes.set(data.get("themes", []), clear=True)
        methods[slug] = _save(parent, method, is_new)
    return methods


def _story_body(data):
    body = [
        ("section", {"heading": section["heading"], "text": f"<p>{section['text']}</p>"})
        for section in data["sections"]
    ]
    body.insert(1, ("pull_quote", {"quote": data["quote"]["text"], "attribution": data["quote"]["attribution"]}))
    if data.get("side_box"):
        side_box = data["side_box"]
        body.append(("side_box", {"heading": side_box["heading"], "text": f"<p>{side_box['text']}</p>"}))
    if data.get("vignette"):
        vignette = data["vignette"]
        body.append(
            (
                "case_vignette",
                {"pseudonym": vignette["pseudonym"], "text": f"<p>{vignette['text']}</p>", "consent_recorded": False},
            )
        )
    return body


def read_stories(method_slugs, data_file=None):
    """stories.toml, checked: (standard source, working factors per place, [story data])."""
    data_file = data_file or demo_file(__file__, "stories.toml")
    standard_source = data_file.get("standard_source", str)
    factor_table = data_file.check_fields(
        "[working_factors]", data_file.get("working_factors", dict), ("for_all", "by_place")
    )
    factor_numbers = set(WorkingFactor.objects.values_list("number", flat=True))
    factors_by_place = {}
    for number, places in factor_table["by_place"].items():
        if not number.isdigit() or int(number) not in factor_numbers:
            raise data_file.error("[working_factors.by_place]", f"onbekende werkzame factor {number}.")
        for place in places:
            factors_by_place.setdefault(place, set()).add(int(number))
    data_file.check_known("[working_factors]", "for_all", factor_table["for_all"], factor_numbers)
    vocabularies = _vocabularies()
    stories = []
    for label, data in data_file.entries("story", **STORY_FIELDS, label_key="code"):
        if not Organisation.objects.filter(name=municipality_name(data["place"])).exists():
            raise data_file.error(label, f"‘place’: geen organisatie {municipality_name(data['place'])}.")
        data_file.check_known(label, "status", data["status"], StoryStatus.values)
        _check_terms(data_file, label, data, vocabularies)
        data_file.check_known(label, "methods", data.get("methods", []), method_slugs)
        data_file.check_known(label, "working_factors", data.get("working_factors", []), factor_numbers)
        data_file.each(label, data, "sections", ("heading", "text"))
        data_file.check_fields(f"{label}, quote", data["quote"], ("text", "attribution"))
        if "side_box" in data:
            data_file.check_fields(f"{label}, side_box", data["side_box"], ("heading", "text"))
        if "vignette" in data:
            data_file.check_fields(f"{label}, vignette", data["vignette"], ("pseudonym", "text"))
        data_file.each(label, data, "spokespeople", ("name", "role", "organisation"))
        data_file.each(label, data, "links", ("title", "url"))
        data_file.each(label, data, "figures", **FIGURE_FIELDS)
        if not data.get("working_factors"):
            data["working_factors"] = sorted(set(factor_table["for_all"]) | factors_by_place.get(data["place"], set()))
        stories.append(data)
    return standard_source, stories


def load_stories(methods):
    factors = {factor.number: factor for factor in WorkingFactor.objects.all()}
    region = Organisation.objects.filter(name="Regio Hart van Brabant").first()
    standard_source, stories = read_stories(set(methods))
    for data in stories:
        municipality = Organisation.objects.get(name=municipality_name(data["place"]))
        parent = folder_for(municipality.page, PracticeStoryPage)
        story, is_new = _find(PracticeStoryPage, parent, slugify(data["title"])[:80])
        source_publication = data.get("source_publication", standard_source)
        story.title = data["title"]
        story.municipality = municipality
        story.region = region if data.get("region") else None
        story.standfirst = data["standfirst"]
        story.body = _story_body(data)
        story.initiator = data.get("initiator", "")
        story.target_group = data["target_group"]
        story.age_min = data.get("age_min")
        story.age_max = data.get("age_max")
        story.partners = "\n".join(data.get("partners", []))
        story.start_year = data.get("start_year")
        story.status = data["status"]
        story.costs_and_funding = data.get("costs", "")
        story.success_factors = data.get("success", "")
        story.challenges = data.get("challenges", "")
        story.next_steps = data.get("next_steps", "")
        story.links = [("link", {"title": link["title"], "url": link["url"]}) for link in data.get("links", [])]
        story.source_publication = source_publication
        story.source_page = data.get("source_page", "")
        story.source_year = data.get("source_year")
        story.life_stages = _terms(LifeStage, slugs=data["life_stages"])
        story.settings = _terms(Setting, names=data["settings"])
        story.domains = _terms(Domain, names=data["domains"])
        story.prevention_levels = _terms(PreventionLevel, slugs=data["prevention_levels"])
        story.working_factors = [factors[number] for number in data["working_factors"]]
        story.methods = [methods[key] for key in data.get("methods", [])]
        story.spokespeople = [
            StorySpokesperson(name=person["name"], role=person["role"], organisation=person["organisation"])
            for person in data["spokespeople"]
        ]
        page_source = f"{standard_source}, p. {data.get('source_page', '')}"
        story.key_figures = [
            StoryKeyFigure(
                label=figure["label"],
                value=figure["value"],
                unit=figure["unit"],
                year=figure.get("year"),
                source=figure.get("source", page_source),
            )
            for figure in data["figures"]
        ]
        story.themes.set(data["themes"], clear=True)
        _save(parent, story, is_new)
    return len(stories)


def read_publications(data_file=None):
    """publications.toml, checked: (report source, [(slug, data)])."""
    data_file = data_file or demo_file(__file__, "publications.toml")
    report_source = data_file.get("report_source", str)
    vocabularies = _vocabularies()
    publications = []
    for label, data in data_file.entries("publication", **PUBLICATION_FIELDS, label_key="slug"):
        _check_organisation(data_file, label, "owner", data["owner"])
        data_file.check_known(label, "publication_type", data["publication_type"], PublicationType.values)
        _check_terms(data_file, label, data, vocabularies)
        data_file.each(label, data, "figures", **FIGURE_FIELDS)
        for reflection in data_file.each(
            label, data, "reflections", ("author", "author_role", "perspective", "title", "text")
        ):
            data_file.check_known(label, "reflections.perspective", reflection["perspective"], Perspective.values)
        publications.append((data["slug"], data))
    return report_source, publications


def load_publications():
    publications = {}
    report_source_name, publication_data = read_publications()
    for slug, data in publication_data:
        section = _organisation_page(data["owner"])
        parent = folder_for(section, PublicationPage)
        publication, is_new = _find(PublicationPage, parent, slug)
        for field in PUBLICATION_TEXT_FIELDS:
            setattr(publication, field, data.get(field, ""))
        publication.publication_year = data.get("publication_year")
        publication.age_min = data.get("age_min")
        publication.age_max = data.get("age_max")
        publication.research_questions = [("question", question) for question in data.get("questions", [])]
        publication.life_stages = _terms(LifeStage, slugs=data.get("life_stages", []))
        publication.institutions = [section.organisation]
        report_source = f"{report_source_name}, ‘{data['title']}’"
        publication.key_figures = [
            PublicationKeyFigure(
                label=figure["label"],
                value=figure["value"],
                unit=figure["unit"],
                year=figure.get("year"),
                source=figure.get("source", report_source),
            )
            for figure in data.get("figures", [])
        ]
        publication.reflections = [PublicationReflection(**reflection) for reflection in data.get("reflections", [])]
        publication.themes.set(data.get("themes", []), clear=True)
        publications[slug] = _save(parent, publication, is_new)
    return publications


def load(log):
    publications = load_publications()
    methods = load_methods(publications)
    count = load_stories(methods)
    log(f"Kennisbank geladen: {count} praktijkverhalen, {len(methods)} methoden, {len(publications)} publicaties.")
