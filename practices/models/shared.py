"""What the knowledge base's page types share: key figures, the age range, the listing page
base, the search-text helpers and the link to a listing page."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page, Site

from core import discovery
from core.languages import VisitorLanguageUrlMixin, canonical_pages
from core.page_cache import cached_for_generation

RICH_TEXT = ["bold", "italic", "link", "ol", "ul"]


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


class ListingPage(VisitorLanguageUrlMixin, discovery.ListingWithFeed, Page):
    """Base for the three listing pages: one each, directly under the home page. Each lists a
    page type across the whole tree; `faceted_listing()` says which and with which facets."""

    intro = RichTextField(_("inleiding"), blank=True, features=RICH_TEXT)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        abstract = True

    @classmethod
    def faceted_listing(cls):
        raise NotImplementedError

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = self.faceted_listing().listing(request)
        return context


def index_url(model, request):
    """URL of the one listing page of `model` (a StoryIndexPage or MethodIndexPage), or "".

    Every story and method page links to its listing; the URL only changes when pages are
    published or moved, so it is kept for the current content generation instead of being
    looked up on each page view.
    """

    def lookup():
        index = canonical_pages(model.objects.live()).first()
        return index.get_url(request) if index else ""

    site = Site.find_for_request(request)
    key = f"index-url:{model._meta.label}:{site.pk if site else ''}:{get_language()}"
    return cached_for_generation(request, key, lookup)


def plain_text(*parts):
    return "\n".join(strip_tags(str(part)) for part in parts if part)


def stream_text(stream):
    """Plain text of a StreamField, whatever its blocks (used only for the search body)."""
    return "\n".join(strip_tags(chunk) for chunk in stream.stream_block.get_searchable_content(stream))


def key_figure_text(figures):
    """Key figures as a line each ("jongeren geholpen: 77 (2010, tijdschriftartikel)") for the
    search body, so a search for what a figure counts finds the page that reports it."""
    lines = []
    for figure in figures:
        detail = ", ".join(str(part) for part in (figure.year, figure.source) if part)
        lines.append(f"{figure.label}: {figure.value} {figure.unit}".strip() + (f" ({detail})" if detail else ""))
    return "\n".join(lines)


def first_published_date(page):
    return page.first_published_at.date() if page.first_published_at else None
