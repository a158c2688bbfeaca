"""Demo knowledge base: the listing pages, 18 methods, 17 practice stories and 5 publications.

Idempotent: pages are found by slug under their organisation page and updated in place, so
running `load_demo_content` twice gives the same site. Content lives in demo_methods.py,
demo_stories.py and demo_publications.py.
"""

from datetime import date

from django.utils.text import slugify

from organisations.demo import municipality_name
from organisations.models import Organisation, OrganisationPage
from taxonomy.models import Domain, EvidenceLevel, LifeStage, PreventionLevel, Setting, WorkingFactor

from .demo_methods import DEMO_EVIDENCE_NOTE, METHODS
from .demo_publications import PUBLICATIONS, SEED_004
from .demo_stories import NUL_TOT_LATER, SEED_003_PAGES, STORIES, working_factors_for
from .models import (
    MethodEvidenceRecord,
    MethodIndexPage,
    MethodPage,
    PracticeStoryPage,
    PublicationIndexPage,
    PublicationKeyFigure,
    PublicationPage,
    PublicationReflection,
    StoryIndexPage,
    StoryKeyFigure,
    StorySpokesperson,
)

ORDER = 40

METHOD_OWNER = "Nederlands Jeugdinstituut"
ST_RAW_METHODS = {"samen-veilig-stap-voor-stap", "vraaganalyse-instrument-vai", "mijn-pad"}

LISTINGS = [
    (
        StoryIndexPage,
        "Praktijkverhalen",
        "praktijkverhalen",
        "<p>Wat gemeenten probeerden, wie het deed, wat werkte en wat het kostte. Filter op levensfase, provincie, thema of werkende factor.</p>",
    ),
    (
        MethodIndexPage,
        "Methoden",
        "methoden",
        "<p>Interventies, instrumenten en trainingen in het formaat van de Nederlandse databanken, met hun onderbouwing.</p>",
    ),
    (
        PublicationIndexPage,
        "Publicaties",
        "publicaties",
        "<p>Onderzoek van kennisinstituten, lectoraten en academische werkplaatsen, met reflecties vanuit de praktijk.</p>",
    ),
]


def _terms(model, names=(), slugs=()):
    if slugs:
        return list(model.objects.filter(slug__in=slugs))
    return list(model.objects.filter(name__in=names))


def _organisation_page(name):
    return OrganisationPage.objects.get(organisation__name=name)


def _save(parent, page, is_new):
    """Create under `parent` or save changes, and publish."""
    if is_new:
        parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _find(model, parent, slug):
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    return (existing, False) if existing else (model(slug=slug), True)


def load_listings(home):
    for model, title, slug, intro in LISTINGS:
        if not model.objects.exists():
            home.add_child(instance=model(title=title, slug=slug, intro=intro, show_in_menus=True))


def load_methods(publications):
    scheme_levels = {level.slug: level for level in EvidenceLevel.objects.select_related("scheme")}
    methods = {}
    for slug, data in METHODS.items():
        owner = "ST-RAW, academische werkplaats Rotterdam" if slug in ST_RAW_METHODS else METHOD_OWNER
        parent = _organisation_page(owner)
        method, is_new = _find(MethodPage, parent, slug)
        method.title = data["title"]
        method.acronym = data.get("acronym", "")
        method.kind = data["kind"]
        method.summary = data["summary"]
        method.aim = data["aim"]
        method.target_group = data["target_group"]
        method.age_min = data.get("age_min")
        method.age_max = data.get("age_max")
        method.approach = [("step", {"title": title, "description": text}) for title, text in data.get("steps", [])]
        method.working_elements = [("element", text) for text in data.get("elements", [])]
        research = data.get("research", "")
        if data.get("evidence"):
            research += DEMO_EVIDENCE_NOTE
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
        method.publication_date = date.fromisoformat(data["publication_date"]) if data.get("publication_date") else None
        method.trainings = [("training", training) for training in data.get("trainings", [])]
        method.life_stages = _terms(LifeStage, slugs=data["life_stages"])
        method.prevention_levels = _terms(PreventionLevel, slugs=data["prevention_levels"])
        method.settings = _terms(Setting, names=data.get("settings", []))
        method.domains = _terms(Domain, names=data.get("domains", []))
        method.publications = [publications[key] for key in data.get("publications", [])]
        method.evidence_records = [
            MethodEvidenceRecord(
                scheme=scheme_levels[level].scheme,
                level=scheme_levels[level],
                committee=committee,
                status=status,
                reason=reason,
            )
            for level, committee, status, reason in data.get("evidence", [])
        ]
        method.themes.set(data.get("themes", []), clear=True)
        methods[slug] = _save(parent, method, is_new)
    return methods


def _story_body(data):
    body = [("section", {"heading": heading, "text": f"<p>{text}</p>"}) for heading, text in data["sections"]]
    quote, attribution = data["quote"]
    body.insert(1, ("pull_quote", {"quote": quote, "attribution": attribution}))
    if data.get("side_box"):
        heading, text = data["side_box"]
        body.append(("side_box", {"heading": heading, "text": f"<p>{text}</p>"}))
    if data.get("vignette"):
        pseudonym, text = data["vignette"]
        body.append(("case_vignette", {"pseudonym": pseudonym, "text": f"<p>{text}</p>", "consent_recorded": False}))
    return body


def load_stories(methods):
    factors = {factor.number: factor for factor in WorkingFactor.objects.all()}
    region = Organisation.objects.filter(name="Regio Hart van Brabant").first()
    for data in STORIES:
        municipality = Organisation.objects.get(name=municipality_name(data["place"]))
        parent = municipality.page
        story, is_new = _find(PracticeStoryPage, parent, slugify(data["title"])[:80])
        source_publication = data.get("source_publication", NUL_TOT_LATER)
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
        story.links = [("link", {"title": title, "url": url}) for title, url in data.get("links", [])]
        story.source_publication = source_publication
        story.source_page = data.get("source_page", "")
        story.source_year = data.get("source_year")
        story.life_stages = _terms(LifeStage, slugs=data["life_stages"])
        story.settings = _terms(Setting, names=data["settings"])
        story.domains = _terms(Domain, names=data["domains"])
        story.prevention_levels = _terms(PreventionLevel, slugs=data["prevention_levels"])
        numbers = data.get("working_factors") or working_factors_for(data["place"])
        story.working_factors = [factors[number] for number in numbers]
        story.methods = [methods[key] for key in data.get("methods", [])]
        story.spokespeople = [StorySpokesperson(name=n, role=r, organisation=o) for n, r, o in data["spokespeople"]]
        page_source = f"{NUL_TOT_LATER}, p. {data.get('source_page', '')}"
        story.key_figures = [
            StoryKeyFigure(
                label=label,
                value=value,
                unit=unit,
                year=year,
                source=page_source if source == SEED_003_PAGES else source,
            )
            for label, value, unit, year, source in data["figures"]
        ]
        story.themes.set(data["themes"], clear=True)
        _save(parent, story, is_new)
    return len(STORIES)


def load_publications():
    publications = {}
    for slug, data in PUBLICATIONS.items():
        parent = _organisation_page(data["owner"])
        publication, is_new = _find(PublicationPage, parent, slug)
        for field in (
            "title",
            "subtitle",
            "publication_type",
            "publication_year",
            "summary",
            "research_period",
            "institutions_text",
            "authors",
            "funders",
            "cities",
            "ages",
            "laws",
            "methods_used",
            "findings",
            "dilemmas",
            "recommendations",
            "validity_note",
        ):
            setattr(publication, field, data.get(field, "") if field != "publication_year" else data.get(field))
        publication.age_min = data.get("age_min")
        publication.age_max = data.get("age_max")
        publication.research_questions = [("question", question) for question in data.get("questions", [])]
        publication.life_stages = _terms(LifeStage, slugs=data.get("life_stages", []))
        publication.institutions = [parent.organisation]
        report_source = f"{SEED_004}, ‘{data['title']}’"
        publication.key_figures = [
            PublicationKeyFigure(
                label=label, value=value, unit=unit, year=year, source=report_source if source == SEED_004 else source
            )
            for label, value, unit, year, source in data.get("figures", [])
        ]
        publication.reflections = [
            PublicationReflection(author=author, author_role=role, perspective=perspective, title=title, text=text)
            for author, role, perspective, title, text in data.get("reflections", [])
        ]
        publication.themes.set(data.get("themes", []), clear=True)
        publications[slug] = _save(parent, publication, is_new)
    return publications


def load(log):
    from home.demo import get_home

    load_listings(get_home())
    publications = load_publications()
    methods = load_methods(publications)
    count = load_stories(methods)
    log(f"Kennisbank geladen: {count} praktijkverhalen, {len(methods)} methoden, {len(publications)} publicaties.")
