"""Practice stories: what a municipality or region did, and their listing page."""

from django import forms
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

from core import discovery
from core.languages import VisitorLanguageUrlMixin, canonical_pages
from organisations.models import OrganisationType, Province
from pictures.models import LeadImageMixin
from pictures.renditions import prefetch as prefetch_pictures
from search.documents import SearchDocument

from .. import blocks
from ..faceted_listing import Facet, FacetedListing, term_facet, theme_facet
from ..forms import PracticeStoryPageForm
from .shared import (
    RICH_TEXT,
    AgeRangeMixin,
    KeyFigure,
    ListingPage,
    first_published_date,
    index_url,
    key_figure_text,
    plain_text,
    stream_text,
)


class StoryTheme(TaggedItemBase):
    tag = models.ForeignKey("taxonomy.Theme", on_delete=models.CASCADE, related_name="story_items")
    content_object = ParentalKey("practices.PracticeStoryPage", on_delete=models.CASCADE, related_name="tagged_themes")


class StoryStatus(models.TextChoices):
    PILOT = "pilot", _("Pilot")
    RUNNING = "running", _("Loopt")
    SCALING = "scaling", _("Wordt opgeschaald")
    AT_CAPACITY = "at_capacity", _("Vol (maximale capaciteit)")
    ENDED = "ended", _("Beëindigd")


class PracticeStoryPage(VisitorLanguageUrlMixin, AgeRangeMixin, LeadImageMixin, Page):  # noqa: DJ008 (Page.__str__ is the title)
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

    base_form_class = PracticeStoryPageForm
    parent_page_types = ["organisations.StoryFolderPage"]
    subpage_types = []

    search_fields = Page.search_fields + [
        index.SearchField("standfirst"),
        index.SearchField("target_group"),
        index.SearchField("body"),
    ]

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("municipality", widget=forms.Select), FieldPanel("region")]),
        FieldPanel("standfirst"),
        FieldPanel("lead_image"),
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

    og_type = "article"

    def meta_description(self):
        return self.standfirst

    def structured_data(self):
        """schema.org Article, written by the municipality (or region) that tells the story."""
        authors = [discovery.organization(self.municipality.name)]
        if self.region_id:
            authors.append(discovery.organization(self.region.name))
        data = discovery.article(self, discovery.page_description(self), authors)
        data["spatialCoverage"] = {"@type": "Place", "name": self.municipality.short_name or self.municipality.name}
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(story_detail_context(self))
        context["story_index_url"] = index_url(StoryIndexPage, request)
        return context

    def search_document(self):
        return story_search_document(self)

    # What story_search_document reads, fetched per batch by a rebuild (search/indexing.py).
    search_select = ("municipality",)
    search_prefetch = (
        "life_stages",
        "settings",
        "domains",
        "tagged_themes__tag",
        "prevention_levels",
        "working_factors",
        "key_figures",
    )


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


def story_detail_context(story):
    """The related items a story page shows, each fetched once (bounded queries)."""
    methods = sorted((method for method in story.methods.all() if method.live), key=lambda method: method.title)
    return {
        # Filtered in Python so that previews of unsaved pages (in-memory relations) work too.
        "methods": methods,
        "life_stages": list(story.life_stages.all()),
        "settings": list(story.settings.all()),
        "domains": list(story.domains.all()),
        "themes": list(story.themes.all()),
        "prevention_levels": list(story.prevention_levels.all()),
        "working_factors": list(story.working_factors.all()),
        "spokespeople": list(story.spokespeople.all()),
        "key_figures": list(story.key_figures.all()),
        # Related content (search/includes/related.html) does not offer what the page names already.
        "related_exclude": methods,
    }


def story_search_document(story):
    municipality = story.municipality
    return SearchDocument(
        key=f"practices.PracticeStoryPage:{story.pk}",
        type="story",
        title=story.title,
        url=story.url or "",
        summary=story.standfirst,
        body=plain_text(
            stream_text(story.body),
            story.target_group,
            story.initiator,
            story.partners,
            # Under its name, so that "kosten" finds the stories that say what they cost.
            f"Kosten en financiering: {story.costs_and_funding}" if story.costs_and_funding else "",
            story.success_factors,
            story.challenges,
            story.next_steps,
            key_figure_text(story.key_figures.all()),
        ),
        municipality=municipality.short_name or municipality.name,
        province=municipality.get_province_display(),
        date=first_published_date(story),
        facets={
            "life_stage": [term.name for term in story.life_stages.all()],
            "setting": [term.name for term in story.settings.all()],
            "domain": [term.name for term in story.domains.all()],
            "theme": story.theme_names,
            "prevention_level": [term.name for term in story.prevention_levels.all()],
            "working_factor": [term.name for term in story.working_factors.all()],
        },
    )


class StoryIndexPage(ListingPage):
    """/praktijkverhalen/: every live practice story, filtered by facets."""

    feed_url_name = "feed-stories"

    class Meta:
        verbose_name = _("overzicht praktijkverhalen")

    @classmethod
    def faceted_listing(cls):
        return story_facets()


PROVINCES = dict(Province.choices)


def story_facet_list():
    """The story facets, readable without the database: the API schema lists them when
    `check --deploy` runs, before any table may exist."""
    return [
        Facet(
            key="municipality",
            label=_("Gemeente"),
            value_path="municipality__slug",
            label_path="municipality__short_name",
            order_path="municipality__short_name",
        ),
        Facet(key="province", label=_("Provincie"), value_path="municipality__province", choices=PROVINCES),
        term_facet("life_stage", _("Levensfase"), "life_stages"),
        term_facet("prevention_level", _("Preventieniveau"), "prevention_levels"),
        term_facet("setting", _("Setting"), "settings"),
        term_facet("domain", _("Domein"), "domains"),
        theme_facet(),
        term_facet("working_factor", _("Werkende factor"), "working_factors", order="number"),
    ]


def story_facets():
    return FacetedListing(
        canonical_pages(PracticeStoryPage.objects.live().public()),
        facets=story_facet_list(),
        select=("municipality",),
        prefetch=("life_stages", "tagged_themes__tag", prefetch_pictures("lead_image", "card")),
    )
