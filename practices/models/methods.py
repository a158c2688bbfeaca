"""Methods (interventions), their evidence records, and their listing page."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core import discovery
from core.languages import VisitorLanguageUrlMixin, canonical_pages
from editorial.page_forms import EditorPageForm
from pictures.models import LeadImageMixin
from pictures.renditions import prefetch as prefetch_pictures
from search.documents import SearchDocument

from .. import blocks
from ..faceted_listing import Facet, FacetedListing, term_facet, theme_facet
from .shared import (
    RICH_TEXT,
    AgeRangeMixin,
    ListingPage,
    first_published_date,
    index_url,
    plain_text,
    stream_text,
)
from .stories import PracticeStoryPage


class MethodTheme(TaggedItemBase):
    tag = models.ForeignKey("taxonomy.Theme", on_delete=models.CASCADE, related_name="method_items")
    content_object = ParentalKey("practices.MethodPage", on_delete=models.CASCADE, related_name="tagged_themes")


class MethodKind(models.TextChoices):
    INTERVENTION = "intervention", _("Interventie")
    INSTRUMENT = "instrument", _("Instrument")
    TRAINING = "training", _("Training")
    APPROACH = "approach", _("Werkwijze")


class MethodPage(VisitorLanguageUrlMixin, AgeRangeMixin, LeadImageMixin, Page):  # noqa: DJ008 (Page.__str__ is the title)
    """An intervention, instrument or training in the format of the Dutch intervention databanks."""

    acronym = models.CharField(_("afkorting"), max_length=40, blank=True)
    kind = models.CharField(_("soort"), max_length=20, choices=MethodKind.choices, default=MethodKind.INTERVENTION)
    summary = models.TextField(
        _("samenvatting"), help_text=_("Wat is het, voor wie en wat levert het op, in een paar zinnen.")
    )
    aim = RichTextField(_("doel"), features=RICH_TEXT, help_text=_("Wat wil de methode bereiken?"))
    target_group = RichTextField(_("doelgroep"), features=RICH_TEXT, help_text=_("Voor wie is de methode bedoeld?"))
    life_stages = ParentalManyToManyField("taxonomy.LifeStage", verbose_name=_("levensfasen"), blank=True)
    settings = ParentalManyToManyField("taxonomy.Setting", verbose_name=_("settings"), blank=True)
    domains = ParentalManyToManyField("taxonomy.Domain", verbose_name=_("domeinen"), blank=True)
    themes = ClusterTaggableManager(through=MethodTheme, verbose_name=_("thema's"), blank=True)
    prevention_levels = ParentalManyToManyField(
        "taxonomy.PreventionLevel",
        verbose_name=_("preventieniveaus"),
        blank=True,
        help_text=_("Universeel, selectief of geïndiceerd; hiermee ziet een gemeente gaten in haar aanbod."),
    )
    approach = StreamField(
        [("step", blocks.StepBlock())],
        verbose_name=_("aanpak"),
        blank=True,
        help_text=_("De stappen in de volgorde waarin ze worden gezet."),
    )
    research = RichTextField(
        _("onderzoek"), blank=True, features=RICH_TEXT, help_text=_("Wat is er onderzocht, en wat zegt dat?")
    )
    effect_studies = StreamField([("study", blocks.EffectStudyBlock())], verbose_name=_("effectonderzoek"), blank=True)
    publications = ParentalManyToManyField(
        "practices.PublicationPage", verbose_name=_("publicaties"), blank=True, related_name="methods"
    )
    working_elements = StreamField(
        [("element", blocks.TextItemBlock())],
        verbose_name=_("werkzame elementen"),
        blank=True,
        help_text=_("Eén element per blok."),
    )
    developer = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("ontwikkelaar"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="developed_methods",
    )
    developer_name = models.CharField(
        _("ontwikkelaar (als die geen organisatie op het platform is)"), max_length=200, blank=True
    )
    developer_address = models.TextField(_("adres ontwikkelaar"), blank=True)
    contact_name = models.CharField(_("contactpersoon"), max_length=120, blank=True)
    contact_email = models.EmailField(_("e-mail contactpersoon"), blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("beschrijving (pdf)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    publication_date = models.DateField(_("publicatiedatum beschrijving"), null=True, blank=True)
    dosage = models.TextField(
        _("duur en vorm"), blank=True, help_text=_("Bijvoorbeeld ‘groepen van 8–14, 9 bijeenkomsten van 2 uur’.")
    )
    team = models.TextField(_("uitvoerders en team"), blank=True)
    referral = models.TextField(_("toeleiding, in- en uitstroom"), blank=True)
    reach = models.TextField(
        _("bereik en verspreiding"), blank=True, help_text=_("Bijvoorbeeld ‘meer dan 50 gemeenten’.")
    )
    cost = models.TextField(_("kosten"), blank=True, help_text=_("Bijvoorbeeld de kosten per deelnemer."))
    origin = models.CharField(
        _("herkomst"), max_length=250, blank=True, help_text=_("Bijvoorbeeld ‘Verenigde Staten’.")
    )
    trainings = StreamField([("training", blocks.TrainingBlock())], verbose_name=_("trainingen"), blank=True)

    base_form_class = EditorPageForm
    parent_page_types = ["organisations.MethodFolderPage"]
    subpage_types = []

    search_fields = Page.search_fields + [
        index.SearchField("acronym"),
        index.SearchField("summary"),
        index.SearchField("aim"),
        index.SearchField("target_group"),
    ]

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("acronym"), FieldPanel("kind")]),
        FieldPanel("summary"),
        FieldPanel("lead_image"),
        FieldPanel("aim"),
        FieldPanel("approach"),
        FieldPanel("working_elements"),
    ]
    target_panels = [
        FieldPanel("target_group"),
        FieldRowPanel([FieldPanel("age_min"), FieldPanel("age_max")]),
        FieldPanel("life_stages", widget=forms.CheckboxSelectMultiple),
        FieldPanel("prevention_levels", widget=forms.CheckboxSelectMultiple),
        FieldPanel("settings", widget=forms.CheckboxSelectMultiple),
        FieldPanel("domains", widget=forms.CheckboxSelectMultiple),
        FieldPanel("themes"),
    ]
    evidence_panels = [
        InlinePanel("evidence_records", heading=_("Erkenningen"), label=_("Erkenning")),
        FieldPanel("research"),
        FieldPanel("effect_studies"),
        FieldPanel("publications"),
    ]
    practice_panels = [
        FieldPanel("dosage"),
        FieldPanel("team"),
        FieldPanel("referral"),
        FieldPanel("reach"),
        FieldPanel("cost"),
        FieldPanel("origin"),
        FieldPanel("trainings"),
    ]
    developer_panels = [
        FieldPanel("developer"),
        FieldPanel("developer_name"),
        FieldPanel("developer_address"),
        FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")]),
        FieldRowPanel([FieldPanel("document"), FieldPanel("publication_date")]),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Methode")),
            ObjectList(target_panels, heading=_("Doelgroep")),
            ObjectList(evidence_panels, heading=_("Onderbouwing")),
            ObjectList(practice_panels, heading=_("Uitvoering")),
            ObjectList(developer_panels, heading=_("Ontwikkelaar")),
            ObjectList(Page.promote_panels, heading=_("Promotie")),
            ObjectList(Page.settings_panels, heading=_("Instellingen")),
        ]
    )

    api_fields = [
        APIField("acronym"),
        APIField("kind"),
        APIField("summary"),
        APIField("aim"),
        APIField("target_group"),
        APIField("age_min"),
        APIField("age_max"),
        APIField("life_stage_slugs"),
        APIField("setting_slugs"),
        APIField("domain_slugs"),
        APIField("theme_names"),
        APIField("prevention_level_slugs"),
        APIField("approach"),
        APIField("research"),
        APIField("effect_studies"),
        APIField("working_elements"),
        APIField("developer_display"),
        APIField("dosage"),
        APIField("reach"),
        APIField("cost"),
        APIField("origin"),
        APIField("trainings"),
        APIField("evidence_records"),
    ]

    class Meta:
        verbose_name = _("methode")
        verbose_name_plural = _("methoden")

    def clean(self):
        super().clean()
        self.clean_age_range()

    @property
    def display_name(self):
        return f"{self.title} ({self.acronym})" if self.acronym and self.acronym not in self.title else self.title

    @property
    def developer_display(self):
        return self.developer.name if self.developer_id else self.developer_name

    life_stage_slugs = PracticeStoryPage.life_stage_slugs
    setting_slugs = PracticeStoryPage.setting_slugs
    domain_slugs = PracticeStoryPage.domain_slugs
    prevention_level_slugs = PracticeStoryPage.prevention_level_slugs
    theme_names = PracticeStoryPage.theme_names

    @property
    def best_evidence(self):
        """The strongest recognised evidence record, or None (practice-based methods often have none)."""
        records = [r for r in self.evidence_records.all() if r.level_id]
        return max(records, key=lambda record: record.level.rank, default=None)

    og_type = "article"

    def meta_description(self):
        return self.summary

    def structured_data(self):
        """schema.org CreativeWork: a method is a described way of working, by its developer."""
        description = discovery.page_description(self)
        data = {
            **discovery.article(
                self, description, [discovery.organization(self.developer_display)] if self.developer_display else ()
            ),
            "@type": "CreativeWork",
            "name": self.title,
        }
        if self.acronym:
            data["alternateName"] = self.acronym
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(method_detail_context(self))
        context["method_index_url"] = index_url(MethodIndexPage, request)
        return context

    def search_document(self):
        return method_search_document(self)

    # What method_search_document reads, fetched per batch by a rebuild (search/indexing.py).
    search_prefetch = (
        "life_stages",
        "settings",
        "domains",
        "tagged_themes__tag",
        "prevention_levels",
        "evidence_records__level",
    )


class EvidenceStatus(models.TextChoices):
    RECOGNISED = "recognised", _("Erkend")
    IN_REVIEW = "in_review", _("In beoordeling")
    NOT_RECOGNISED = "not_recognised", _("Niet erkend")
    EXPIRED = "expired", _("Erkenning verlopen")


class MethodEvidenceRecord(Orderable):
    """One judgement of a method's evidence: who judged it, when, within which scheme, and why."""

    page = ParentalKey(MethodPage, on_delete=models.CASCADE, related_name="evidence_records")
    scheme = models.ForeignKey("taxonomy.EvidenceScheme", verbose_name=_("stelsel"), on_delete=models.PROTECT)
    level = models.ForeignKey("taxonomy.EvidenceLevel", verbose_name=_("niveau"), on_delete=models.PROTECT)
    date = models.DateField(_("datum oordeel"), null=True, blank=True)
    committee = models.CharField(_("erkenningscommissie"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=EvidenceStatus.choices, default=EvidenceStatus.RECOGNISED
    )
    reason = models.TextField(
        _("reden"), blank=True, help_text=_("Verplicht als de methode niet erkend is: waarom niet?")
    )

    panels = [
        FieldRowPanel([FieldPanel("scheme"), FieldPanel("level")]),
        FieldRowPanel([FieldPanel("date"), FieldPanel("committee"), FieldPanel("status")]),
        FieldPanel("reason"),
    ]
    api_fields = [
        APIField("scheme_name"),
        APIField("level_slug"),
        APIField("level_name"),
        APIField("date"),
        APIField("committee"),
        APIField("status"),
        APIField("reason"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("erkenning")
        verbose_name_plural = _("erkenningen")

    def clean(self):
        errors = {}
        if self.level_id and self.scheme_id and self.level.scheme_id != self.scheme_id:
            errors["level"] = _("Dit niveau hoort niet bij het gekozen stelsel.")
        not_recognised = self.status == EvidenceStatus.NOT_RECOGNISED or (self.level_id and not self.level.recognised)
        if not_recognised and not self.reason.strip():
            errors["reason"] = _("Geef de reden waarom de methode niet erkend is.")
        if errors:
            raise ValidationError(errors)

    @property
    def scheme_name(self):
        return self.scheme.name

    @property
    def level_slug(self):
        return self.level.slug

    @property
    def level_name(self):
        return self.level.name


def method_detail_context(method):
    """What a method page shows. Previews render unsaved pages and in-memory relations, so
    the method's own relations are read through the page, never queried by its id."""

    stories = (
        canonical_pages(PracticeStoryPage.objects.live())
        .filter(methods=method)
        .select_related("municipality")
        .order_by("title")
        if method.pk
        else []
    )
    stories = list(stories)
    publications = sorted(
        (publication for publication in method.publications.all() if publication.live),
        key=lambda publication: (-(publication.publication_year or 0), publication.title),
    )
    return {
        "evidence_records": list(method.evidence_records.all().select_related("scheme", "level")),
        "stories": stories,
        "publications": publications,
        "life_stages": list(method.life_stages.all()),
        "settings": list(method.settings.all()),
        "domains": list(method.domains.all()),
        "themes": list(method.themes.all()),
        "prevention_levels": list(method.prevention_levels.all()),
        # Related content (search/includes/related.html) does not offer what the page names already.
        "related_exclude": [*stories, *publications],
    }


def method_search_document(method):
    records = method.evidence_records.all()
    return SearchDocument(
        key=f"practices.MethodPage:{method.pk}",
        type="method",
        title=method.display_name,
        url=method.url or "",
        summary=method.summary,
        body=plain_text(
            method.acronym,
            method.aim,
            method.target_group,
            stream_text(method.approach),
            stream_text(method.working_elements),
            method.research,
            # What a professional looks up before choosing a method ("kosten", "groepen",
            # "jongerenwerker", a training's name): the practical fields, each under its name,
            # so that "kosten" or "training" finds the methods that say what they cost or train.
            *practical_fields(method),
            method.origin,
            stream_text(method.effect_studies),
        ),
        date=first_published_date(method),
        facets={
            "life_stage": [term.name for term in method.life_stages.all()],
            "setting": [term.name for term in method.settings.all()],
            "domain": [term.name for term in method.domains.all()],
            "theme": method.theme_names,
            "prevention_level": [term.name for term in method.prevention_levels.all()],
            "evidence_level": sorted({record.level.name for record in records}),
        },
        boost=1.2,
    )


def practical_fields(method):
    """The practical fields as "Kosten: …" lines for the search body (the names in Dutch, the
    language of the index); trainings with their name, provider and accreditation, not the link."""
    trainings = "; ".join(
        " ".join(str(block.value.get(part) or "") for part in ("name", "provider", "accreditation")).strip()
        for block in method.trainings
    )
    fields = [
        ("Duur en vorm", method.dosage),
        ("Uitvoerders en team", method.team),
        ("Toeleiding", method.referral),
        ("Bereik", method.reach),
        ("Kosten", method.cost),
        ("Trainingen", trainings),
    ]
    return [f"{name}: {text}" for name, text in fields if text.strip()]


class MethodIndexPage(ListingPage):
    """/methoden/: every live method, filtered by facets."""

    feed_url_name = "feed-methods"

    class Meta:
        verbose_name = _("overzicht methoden")

    @classmethod
    def faceted_listing(cls):
        return method_facets()


def method_facet_list():
    """The method facets, readable without the database: the API schema lists them when
    `check --deploy` runs, before any table may exist."""
    return [
        term_facet("life_stage", _("Levensfase"), "life_stages"),
        term_facet("prevention_level", _("Preventieniveau"), "prevention_levels"),
        Facet(
            key="evidence_level",
            label=_("Bewijsniveau"),
            value_path="evidence_records__level__slug",
            label_path="evidence_records__level__name",
            order_path="evidence_records__level__rank",
        ),
        term_facet("setting", _("Setting"), "settings"),
        term_facet("domain", _("Domein"), "domains"),
        theme_facet(),
    ]


def method_facets():
    return FacetedListing(
        canonical_pages(MethodPage.objects.live().public()),
        facets=method_facet_list(),
        prefetch=(
            prefetch_pictures("lead_image", "card"),
            "life_stages",
            "prevention_levels",
            Prefetch("evidence_records", queryset=MethodEvidenceRecord.objects.select_related("level")),
        ),
        ordering=("title",),
    )
