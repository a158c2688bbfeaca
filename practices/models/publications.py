"""Research publications, their reflections, and their listing page."""

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
from search.documents import SearchDocument

from .. import blocks
from ..faceted_listing import Facet, FacetedListing, term_facet, theme_facet
from .methods import MethodPage
from .shared import (
    RICH_TEXT,
    AgeRangeMixin,
    KeyFigure,
    ListingPage,
    first_published_date,
    key_figure_text,
    plain_text,
)


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


class PublicationPage(VisitorLanguageUrlMixin, AgeRangeMixin, Page):  # noqa: DJ008 (Page.__str__ is the title)
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

    base_form_class = EditorPageForm
    parent_page_types = ["organisations.PublicationFolderPage"]
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

    og_type = "article"

    def meta_description(self):
        return self.summary

    def structured_data(self):
        """schema.org Article by the institutions that did the research (named as the page names them)."""
        institutions = [line.strip() for line in self.institutions_text.splitlines() if line.strip()]
        data = discovery.article(
            self, discovery.page_description(self), [discovery.organization(name) for name in institutions]
        )
        if self.subtitle:
            data["alternativeHeadline"] = self.subtitle
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(publication_detail_context(self))
        return context

    def search_document(self):
        return publication_search_document(self)

    # What publication_search_document reads, fetched per batch by a rebuild (search/indexing.py).
    search_prefetch = ("reflections", "key_figures", "life_stages", "tagged_themes__tag")


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


def publication_detail_context(publication):
    """What a publication page shows (previews included: an unsaved publication has no methods yet)."""

    methods = (
        canonical_pages(MethodPage.objects.live()).filter(publications=publication).order_by("title")
        if publication.pk
        else []
    )
    methods = list(methods)
    return {
        "methods": methods,
        # Related content (search/includes/related.html) does not offer what the page names already.
        "related_exclude": methods,
        "institutions": list(publication.institutions.all()),
        "key_figures": list(publication.key_figures.all()),
        "reflections": list(publication.reflections.all()),
        "themes": list(publication.themes.all()),
        "life_stages": list(publication.life_stages.all()),
    }


def publication_search_document(publication):
    return SearchDocument(
        key=f"practices.PublicationPage:{publication.pk}",
        type="publication",
        title=publication.title,
        url=publication.url or "",
        summary=publication.summary,
        body=plain_text(
            publication.subtitle,
            publication.authors,
            publication.institutions_text,
            publication.cities,
            publication.findings,
            publication.recommendations,
            publication.funders,
            publication.laws,
            key_figure_text(publication.key_figures.all()),
            *(reflection.text for reflection in publication.reflections.all()),
        ),
        date=first_published_date(publication),
        facets={
            "life_stage": [term.name for term in publication.life_stages.all()],
            "theme": [item.tag.name for item in publication.tagged_themes.all()],
        },
    )


class PublicationIndexPage(ListingPage):
    """/publicaties/: every live research publication, newest first."""

    feed_url_name = "feed-publications"

    class Meta:
        verbose_name = _("overzicht publicaties")

    @classmethod
    def faceted_listing(cls):
        return publication_facets()


def publication_facet_list():
    """The publication facets, readable without the database: the API schema lists them when
    `check --deploy` runs, before any table may exist."""
    return [
        Facet(
            key="type",
            label=_("Soort onderzoek"),
            value_path="publication_type",
            choices=dict(PublicationPage._meta.get_field("publication_type").choices),
        ),
        term_facet("life_stage", _("Levensfase"), "life_stages"),
        theme_facet(),
    ]


def publication_facets():
    return FacetedListing(
        canonical_pages(PublicationPage.objects.live().public()),
        facets=publication_facet_list(),
        prefetch=("reflections",),
        ordering=("-publication_year", "title"),
    )
