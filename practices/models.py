"""The knowledge base: practice stories, methods and research publications.

Content pages live under the owning organisation's `OrganisationPage`, so each
organisation's editors own their subtree (see the editorial workflow issue). The three
listing pages therefore never list their children: they list a page *type* across the
whole tree and filter it by facets (see `facets.py`).

Everything a professional filters or compares on is a structured field (a vocabulary
term, a number, a choice), not prose, which is what the facet filters, the prevention
matrix and the open-data API are built on.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from organisations.models import OrganisationType

from . import blocks

RICH_TEXT = ["bold", "italic", "link", "ol", "ul"]


# --- shared pieces --------------------------------------------------------------------------


class KeyFigure(models.Model):
    """A figure with its year and source. Sources disagree (JIT: 77 helped vs. 35 of 68), so the
    source is part of the figure rather than a footnote."""

    label = models.CharField(_("omschrijving"), max_length=200, help_text=_("Bijvoorbeeld ‘jongeren geholpen’."))
    value = models.CharField(
        _("waarde"), max_length=60, help_text=_("Een getal of bereik, bijvoorbeeld ‘77’ of ‘800–1.000’.")
    )
    unit = models.CharField(
        _("eenheid"), max_length=40, blank=True, help_text=_("Bijvoorbeeld ‘%’, ‘euro’, ‘jongeren’.")
    )
    year = models.PositiveSmallIntegerField(_("jaar"), null=True, blank=True)
    source = models.CharField(_("bron"), max_length=250, help_text=_("Waar komt dit cijfer vandaan?"))

    panels = [
        FieldRowPanel([FieldPanel("label"), FieldPanel("value"), FieldPanel("unit")]),
        FieldRowPanel([FieldPanel("year"), FieldPanel("source")]),
    ]
    api_fields = [APIField("label"), APIField("value"), APIField("unit"), APIField("year"), APIField("source")]

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.label}: {self.value} {self.unit}".strip()


class AgeRangeMixin(models.Model):
    age_min = models.PositiveSmallIntegerField(_("leeftijd vanaf"), null=True, blank=True)
    age_max = models.PositiveSmallIntegerField(_("leeftijd tot en met"), null=True, blank=True)

    class Meta:
        abstract = True

    def clean_age_range(self):
        if self.age_min is not None and self.age_max is not None and self.age_min > self.age_max:
            raise ValidationError(
                {"age_max": _("De leeftijd ‘tot en met’ mag niet lager zijn dan de leeftijd ‘vanaf’.")}
            )

    @property
    def age_range_display(self):
        if self.age_min is not None and self.age_max is not None:
            return _("%(min)s–%(max)s jaar") % {"min": self.age_min, "max": self.age_max}
        if self.age_min is not None:
            return _("vanaf %(min)s jaar") % {"min": self.age_min}
        if self.age_max is not None:
            return _("tot en met %(max)s jaar") % {"max": self.age_max}
        return ""


class ListingPage(Page):
    """Base for the three listing pages: one each, directly under the home page."""

    intro = RichTextField(_("inleiding"), blank=True, features=RICH_TEXT)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    # Name of the function in practices/facets.py that builds this listing's facets.
    facets_factory = ""

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        from . import facets

        context = super().get_context(request, *args, **kwargs)
        context["listing"] = getattr(facets, self.facets_factory)().listing(request)
        return context


# --- practice stories ------------------------------------------------------------------------


class StoryTheme(TaggedItemBase):
    tag = models.ForeignKey("taxonomy.Theme", on_delete=models.CASCADE, related_name="story_items")
    content_object = ParentalKey("practices.PracticeStoryPage", on_delete=models.CASCADE, related_name="tagged_themes")


class StoryStatus(models.TextChoices):
    PILOT = "pilot", _("Pilot")
    RUNNING = "running", _("Loopt")
    SCALING = "scaling", _("Wordt opgeschaald")
    AT_CAPACITY = "at_capacity", _("Vol (maximale capaciteit)")
    ENDED = "ended", _("Beëindigd")


class PracticeStoryPage(AgeRangeMixin, Page):  # noqa: DJ008 (Page.__str__ is the title)
    """What a municipality tried, who did it, what worked, what it cost, what got in the way."""

    municipality = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        related_name="practice_stories",
        limit_choices_to={"type": OrganisationType.MUNICIPALITY},
        help_text=_("De provincie volgt uit de gemeente."),
    )
    region = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("regio of samenwerkingsverband"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="region_stories",
        limit_choices_to={"type": OrganisationType.REGION},
        help_text=_("Alleen invullen als meerdere gemeenten samenwerken."),
    )
    standfirst = models.TextField(
        _("intro"), help_text=_("Twee tot vier zinnen die de kern vertellen; mag eindigen met een citaat.")
    )
    body = StreamField(blocks.StoryBodyBlock(), verbose_name=_("verhaal"), blank=True)
    initiator = models.CharField(
        _("initiatiefnemer"), max_length=250, blank=True, help_text=_("Wie bedacht of ontwikkelde de aanpak?")
    )
    target_group = models.TextField(_("doelgroep"), help_text=_("Beschrijf de doelgroep in gewone woorden."))
    life_stages = ParentalManyToManyField("taxonomy.LifeStage", verbose_name=_("levensfasen"), blank=True)
    settings = ParentalManyToManyField(
        "taxonomy.Setting", verbose_name=_("settings"), blank=True, help_text=_("Waar vindt het plaats?")
    )
    domains = ParentalManyToManyField("taxonomy.Domain", verbose_name=_("domeinen"), blank=True)
    themes = ClusterTaggableManager(
        through=StoryTheme,
        verbose_name=_("thema's"),
        blank=True,
        help_text=_("Vrije thema's, bijvoorbeeld ‘spijbelen’."),
    )
    prevention_levels = ParentalManyToManyField(
        "taxonomy.PreventionLevel", verbose_name=_("preventieniveaus"), blank=True
    )
    working_factors = ParentalManyToManyField(
        "taxonomy.WorkingFactor",
        verbose_name=_("werkende factoren"),
        blank=True,
        help_text=_("Welke van de 14 werkende factoren zie je terug in dit verhaal?"),
    )
    methods = ParentalManyToManyField(
        "practices.MethodPage",
        verbose_name=_("onderliggende methoden"),
        blank=True,
        related_name="stories",
    )
    partners = models.TextField(_("partners"), blank=True, help_text=_("Eén organisatie per regel."))
    start_year = models.PositiveSmallIntegerField(_("startjaar"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=StoryStatus.choices, default=StoryStatus.RUNNING)
    costs_and_funding = RichTextField(_("kosten en financiering"), blank=True, features=RICH_TEXT)
    success_factors = RichTextField(_("succesfactoren"), blank=True, features=RICH_TEXT)
    challenges = RichTextField(_("uitdagingen"), blank=True, features=RICH_TEXT)
    next_steps = RichTextField(_("volgende stappen"), blank=True, features=RICH_TEXT)
    links = StreamField([("link", blocks.LinkBlock())], verbose_name=_("links"), blank=True)
    source_publication = models.CharField(_("bron: publicatie"), max_length=250, blank=True)
    source_page = models.CharField(_("bron: pagina"), max_length=20, blank=True)
    source_year = models.PositiveSmallIntegerField(_("bron: jaar"), null=True, blank=True)

    parent_page_types = ["organisations.OrganisationPage"]
    subpage_types = []

    search_fields = Page.search_fields + [
        index.SearchField("standfirst"),
        index.SearchField("target_group"),
        index.SearchField("body"),
    ]

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("municipality"), FieldPanel("region")]),
        FieldPanel("standfirst"),
        FieldPanel("body"),
        InlinePanel("spokespeople", heading=_("Woordvoerders"), label=_("Woordvoerder")),
    ]
    target_panels = [
        FieldPanel("target_group"),
        FieldRowPanel([FieldPanel("age_min"), FieldPanel("age_max")]),
        FieldPanel("life_stages", widget=forms.CheckboxSelectMultiple),
        FieldPanel("settings", widget=forms.CheckboxSelectMultiple),
        FieldPanel("domains", widget=forms.CheckboxSelectMultiple),
        FieldPanel("themes"),
        FieldPanel("prevention_levels", widget=forms.CheckboxSelectMultiple),
    ]
    practice_panels = [
        FieldRowPanel([FieldPanel("initiator"), FieldPanel("start_year"), FieldPanel("status")]),
        FieldPanel("partners"),
        FieldPanel("methods"),
        FieldPanel("working_factors", widget=forms.CheckboxSelectMultiple),
        InlinePanel("key_figures", heading=_("Kerncijfers"), label=_("Kerncijfer")),
        FieldPanel("costs_and_funding"),
        FieldPanel("success_factors"),
        FieldPanel("challenges"),
        FieldPanel("next_steps"),
    ]
    source_panels = [
        FieldPanel("links"),
        MultiFieldPanel(
            [FieldPanel("source_publication"), FieldRowPanel([FieldPanel("source_page"), FieldPanel("source_year")])],
            heading=_("Bron"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Verhaal")),
            ObjectList(target_panels, heading=_("Doelgroep")),
            ObjectList(practice_panels, heading=_("Aanpak en resultaten")),
            ObjectList(source_panels, heading=_("Links en bron")),
            ObjectList(Page.promote_panels, heading=_("Promotie")),
            ObjectList(Page.settings_panels, heading=_("Instellingen")),
        ]
    )

    api_fields = [
        APIField("municipality_name"),
        APIField("province"),
        APIField("region_name"),
        APIField("standfirst"),
        APIField("body"),
        APIField("initiator"),
        APIField("target_group"),
        APIField("age_min"),
        APIField("age_max"),
        APIField("life_stage_slugs"),
        APIField("setting_slugs"),
        APIField("domain_slugs"),
        APIField("theme_names"),
        APIField("prevention_level_slugs"),
        APIField("working_factor_numbers"),
        APIField("partners"),
        APIField("start_year"),
        APIField("status"),
        APIField("key_figures"),
        APIField("spokespeople"),
        APIField("costs_and_funding"),
        APIField("success_factors"),
        APIField("challenges"),
        APIField("next_steps"),
        APIField("method_ids"),
        APIField("source_publication"),
        APIField("source_page"),
        APIField("source_year"),
    ]

    class Meta:
        verbose_name = _("praktijkverhaal")
        verbose_name_plural = _("praktijkverhalen")

    def clean(self):
        super().clean()
        self.clean_age_range()

    # Read through prefetched relations so listings and the API stay at a fixed query count.
    @property
    def province(self):
        return self.municipality.province if self.municipality_id else ""

    @property
    def province_display(self):
        return self.municipality.get_province_display() if self.municipality_id else ""

    @property
    def municipality_name(self):
        return self.municipality.short_name or self.municipality.name

    @property
    def region_name(self):
        return self.region.name if self.region_id else ""

    @property
    def life_stage_slugs(self):
        return [term.slug for term in self.life_stages.all()]

    @property
    def setting_slugs(self):
        return [term.slug for term in self.settings.all()]

    @property
    def domain_slugs(self):
        return [term.slug for term in self.domains.all()]

    @property
    def prevention_level_slugs(self):
        return [term.slug for term in self.prevention_levels.all()]

    @property
    def theme_names(self):
        # Through the tagged items, so a prefetch of "tagged_themes__tag" is used.
        return [item.tag.name for item in self.tagged_themes.all()]

    @property
    def working_factor_numbers(self):
        return [factor.number for factor in self.working_factors.all()]

    @property
    def method_ids(self):
        return [method.pk for method in self.methods.all()]

    @property
    def partner_list(self):
        return [line.strip() for line in self.partners.splitlines() if line.strip()]

    def get_context(self, request, *args, **kwargs):
        from .services import index_url, story_detail_context

        context = super().get_context(request, *args, **kwargs)
        context.update(story_detail_context(self))
        context["story_index_url"] = index_url(StoryIndexPage, request)
        return context

    def search_document(self):
        from .services import story_search_document

        return story_search_document(self)


class StorySpokesperson(Orderable):
    page = ParentalKey(PracticeStoryPage, on_delete=models.CASCADE, related_name="spokespeople")
    name = models.CharField(_("naam"), max_length=120)
    role = models.CharField(_("rol"), max_length=160, blank=True)
    organisation = models.CharField(_("organisatie"), max_length=200, blank=True)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("role"), FieldPanel("organisation")])]
    api_fields = [APIField("name"), APIField("role"), APIField("organisation")]

    def __str__(self):
        return self.name


class StoryKeyFigure(Orderable, KeyFigure):
    page = ParentalKey(PracticeStoryPage, on_delete=models.CASCADE, related_name="key_figures")


# --- methods --------------------------------------------------------------------------------


class MethodTheme(TaggedItemBase):
    tag = models.ForeignKey("taxonomy.Theme", on_delete=models.CASCADE, related_name="method_items")
    content_object = ParentalKey("practices.MethodPage", on_delete=models.CASCADE, related_name="tagged_themes")


class MethodKind(models.TextChoices):
    INTERVENTION = "intervention", _("Interventie")
    INSTRUMENT = "instrument", _("Instrument")
    TRAINING = "training", _("Training")
    APPROACH = "approach", _("Werkwijze")


class MethodPage(AgeRangeMixin, Page):  # noqa: DJ008 (Page.__str__ is the title)
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

    parent_page_types = ["organisations.OrganisationPage"]
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

    def get_context(self, request, *args, **kwargs):
        from .services import index_url, method_detail_context

        context = super().get_context(request, *args, **kwargs)
        context.update(method_detail_context(self))
        context["method_index_url"] = index_url(MethodIndexPage, request)
        return context

    def search_document(self):
        from .services import method_search_document

        return method_search_document(self)


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


# --- publications -----------------------------------------------------------------------------


class PublicationTheme(TaggedItemBase):
    tag = models.ForeignKey("taxonomy.Theme", on_delete=models.CASCADE, related_name="publication_items")
    content_object = ParentalKey("practices.PublicationPage", on_delete=models.CASCADE, related_name="tagged_themes")


class PublicationType(models.TextChoices):
    EXPLORATORY = "exploratory", _("Verkennend onderzoek")
    EVALUATION = "evaluation", _("Evaluatieonderzoek")
    IMPLEMENTATION = "implementation", _("Implementatieonderzoek")
    USER_STUDY = "user_study", _("Gebruikersonderzoek")
    PRACTICE = "practice", _("Praktijkonderzoek")
    YEARBOOK = "yearbook", _("Jaarboek of bundel")


class PublicationPage(AgeRangeMixin, Page):  # noqa: DJ008 (Page.__str__ is the title)
    """A research report from a knowledge institute, lectorate or academic workplace (seed 002 is the model)."""

    subtitle = models.CharField(_("ondertitel"), max_length=250, blank=True)
    publication_type = models.CharField(
        _("soort onderzoek"), max_length=20, choices=PublicationType.choices, default=PublicationType.EXPLORATORY
    )
    publication_year = models.PositiveSmallIntegerField(_("jaar van verschijnen"), null=True, blank=True)
    summary = models.TextField(_("samenvatting"))
    research_period = models.CharField(_("onderzoeksperiode"), max_length=120, blank=True)
    institutions = ParentalManyToManyField(
        "organisations.Organisation", verbose_name=_("instellingen"), blank=True, related_name="publications"
    )
    institutions_text = models.TextField(
        _("lectoraten en afdelingen"), blank=True, help_text=_("Eén per regel, bijvoorbeeld het lectoraat.")
    )
    authors = models.TextField(_("auteurs"), blank=True, help_text=_("Eén per regel; eventueel met hoofdstuk."))
    funders = models.TextField(_("financiers en programma's"), blank=True)
    cities = models.TextField(_("steden en wijken"), blank=True)
    ages = models.CharField(_("leeftijden"), max_length=120, blank=True)
    life_stages = ParentalManyToManyField("taxonomy.LifeStage", verbose_name=_("levensfasen"), blank=True)
    laws = models.CharField(_("wetten"), max_length=250, blank=True)
    themes = ClusterTaggableManager(through=PublicationTheme, verbose_name=_("thema's"), blank=True)
    research_questions = StreamField(
        [("question", blocks.TextItemBlock(label=_("Onderzoeksvraag")))], verbose_name=_("onderzoeksvragen"), blank=True
    )
    methods_used = RichTextField(_("onderzoeksmethoden"), blank=True, features=RICH_TEXT)
    findings = RichTextField(_("bevindingen"), blank=True, features=RICH_TEXT)
    dilemmas = RichTextField(_("dilemma's"), blank=True, features=RICH_TEXT)
    recommendations = RichTextField(_("aanbevelingen"), blank=True, features=RICH_TEXT)
    validity_note = models.TextField(
        _("geldigheid"), blank=True, help_text=_("Bijvoorbeeld ‘illustratief; situatie 2015–2016’.")
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("rapport (pdf)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    parent_page_types = ["organisations.OrganisationPage"]
    subpage_types = []

    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("findings")]

    content_panels = Page.content_panels + [
        FieldPanel("subtitle"),
        FieldRowPanel([FieldPanel("publication_type"), FieldPanel("publication_year"), FieldPanel("research_period")]),
        FieldPanel("summary"),
        FieldPanel("document"),
    ]
    context_panels = [
        FieldPanel("institutions"),
        FieldPanel("institutions_text"),
        FieldPanel("authors"),
        FieldPanel("funders"),
        FieldPanel("cities"),
        FieldRowPanel([FieldPanel("ages"), FieldPanel("age_min"), FieldPanel("age_max")]),
        FieldPanel("life_stages", widget=forms.CheckboxSelectMultiple),
        FieldPanel("laws"),
        FieldPanel("themes"),
    ]
    research_panels = [
        FieldPanel("research_questions"),
        FieldPanel("methods_used"),
        FieldPanel("findings"),
        FieldPanel("dilemmas"),
        FieldPanel("recommendations"),
        InlinePanel("key_figures", heading=_("Kerncijfers"), label=_("Kerncijfer")),
        FieldPanel("validity_note"),
    ]
    reflection_panels = [InlinePanel("reflections", heading=_("Reflecties"), label=_("Reflectie"))]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Publicatie")),
            ObjectList(context_panels, heading=_("Context")),
            ObjectList(research_panels, heading=_("Onderzoek")),
            ObjectList(reflection_panels, heading=_("Reflecties")),
            ObjectList(Page.promote_panels, heading=_("Promotie")),
            ObjectList(Page.settings_panels, heading=_("Instellingen")),
        ]
    )

    api_fields = [
        APIField("subtitle"),
        APIField("publication_type"),
        APIField("publication_year"),
        APIField("summary"),
        APIField("research_period"),
        APIField("authors"),
        APIField("findings"),
        APIField("recommendations"),
        APIField("key_figures"),
        APIField("reflections"),
        APIField("validity_note"),
    ]

    class Meta:
        verbose_name = _("publicatie")
        verbose_name_plural = _("publicaties")

    def clean(self):
        super().clean()
        self.clean_age_range()

    def get_context(self, request, *args, **kwargs):
        from .services import publication_detail_context

        context = super().get_context(request, *args, **kwargs)
        context.update(publication_detail_context(self))
        return context

    def search_document(self):
        from .services import publication_search_document

        return publication_search_document(self)


class PublicationKeyFigure(Orderable, KeyFigure):
    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="key_figures")


class Perspective(models.TextChoices):
    POLICY = "policy", _("Beleid")
    MANAGEMENT = "management", _("Management")
    PRACTICE = "practice", _("Praktijk")
    RESEARCH = "research", _("Onderzoek")
    EDUCATION = "education", _("Onderwijs")


class PublicationReflection(Orderable):
    """A short invited response to a report from another perspective (the seed 004 pattern)."""

    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="reflections")
    author = models.CharField(_("auteur"), max_length=120)
    author_role = models.CharField(_("functie en organisatie"), max_length=250, blank=True)
    perspective = models.CharField(_("perspectief"), max_length=20, choices=Perspective.choices)
    title = models.CharField(_("titel"), max_length=200, blank=True)
    text = RichTextField(_("reflectie"), features=RICH_TEXT)

    panels = [
        FieldRowPanel([FieldPanel("author"), FieldPanel("author_role"), FieldPanel("perspective")]),
        FieldPanel("title"),
        FieldPanel("text"),
    ]
    api_fields = [
        APIField("author"),
        APIField("author_role"),
        APIField("perspective"),
        APIField("title"),
        APIField("text"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("reflectie")
        verbose_name_plural = _("reflecties")


# --- listing pages --------------------------------------------------------------------------


class StoryIndexPage(ListingPage):
    """/praktijkverhalen/: every live practice story, filtered by facets."""

    facets_factory = "story_facets"

    class Meta:
        verbose_name = _("overzicht praktijkverhalen")


class MethodIndexPage(ListingPage):
    """/methoden/: every live method, filtered by facets."""

    facets_factory = "method_facets"

    class Meta:
        verbose_name = _("overzicht methoden")


class PublicationIndexPage(ListingPage):
    """/publicaties/: every live research publication, newest first."""

    facets_factory = "publication_facets"

    class Meta:
        verbose_name = _("overzicht publicaties")
