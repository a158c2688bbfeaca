"""Controlled vocabularies shared by stories, methods, ateliers and tips.

Editors manage them as snippets (Admin → Vocabulaires). Each term has a stable slug that
URLs and facet filters use, so renaming a term does not break shared links. Free themes
are tags (`Theme`), kept apart from Wagtail's image and document tags.

A term is one row in both languages: its English label is a field (`name_en`), not a second
row, because facets, filters, follows, saved searches and the open-data API all key on the
term (docs/architecture.md, "Content in two languages").
"""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from taggit.models import TagBase
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from core.languages import text_in_visitor_language

ENGLISH_NAME_HELP = _("Zoals Engelstalige bezoekers de term zien (onder /en/). Leeg: zij zien de Nederlandse naam.")


class BilingualLabel:
    """The label of a vocabulary entry in the visitor's language: `name_en` under /en/ when an
    editor filled it in, else the Dutch `name`, which `label_language` then says is Dutch (the
    templates mark it with `lang="nl"`, so a screen reader pronounces it as Dutch). The same
    rule as every snippet's English column (`core.languages.text_in_visitor_language`)."""

    @property
    def label(self):
        return text_in_visitor_language(self, "name")[0]

    @property
    def label_language(self):
        return text_in_visitor_language(self, "name")[1]


class Term(BilingualLabel, index.Indexed, models.Model):
    name = models.CharField(_("naam"), max_length=120, unique=True)
    name_en = models.CharField(_("naam in het Engels"), max_length=120, blank=True, help_text=ENGLISH_NAME_HELP)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, blank=True)
    description = models.TextField(_("toelichting"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:120]
        super().save(*args, **kwargs)


class LifeStage(Term):
    """Life-stage band (pregnancy & birth, 0–4, 4–12, …); better than loose age ranges."""

    age_min = models.PositiveSmallIntegerField(_("leeftijd vanaf"), null=True, blank=True)
    age_max = models.PositiveSmallIntegerField(_("leeftijd tot en met"), null=True, blank=True)

    panels = Term.panels + [FieldPanel("age_min"), FieldPanel("age_max")]

    class Meta(Term.Meta):
        verbose_name = _("levensfase")
        verbose_name_plural = _("levensfasen")


class Setting(Term):
    class Meta(Term.Meta):
        verbose_name = _("setting")
        verbose_name_plural = _("settings")


class Domain(Term):
    class Meta(Term.Meta):
        verbose_name = _("domein")
        verbose_name_plural = _("domeinen")


class WorkingFactor(Term):
    """One of the 14 working factors (werkende factoren) of the municipal network."""

    number = models.PositiveSmallIntegerField(_("nummer"), unique=True)

    panels = [FieldPanel("number")] + Term.panels

    class Meta:
        ordering = ["number"]
        verbose_name = _("werkende factor")
        verbose_name_plural = _("werkende factoren")

    def __str__(self):
        return f"{self.number}. {self.name}"

    @property
    def label(self):
        return f"{self.number}. {super().label}"


class PreventionLevel(Term):
    """Universal, selective or indicated prevention."""

    class Meta(Term.Meta):
        verbose_name = _("preventieniveau")
        verbose_name_plural = _("preventieniveaus")


class EvidenceScheme(Term):
    """A recognition scheme, such as the shared Dutch scheme of NJi, Movisie, RIVM and Trimbos."""

    class Meta(Term.Meta):
        verbose_name = _("erkenningsstelsel")
        verbose_name_plural = _("erkenningsstelsels")


class EvidenceLevel(Term):
    """A level within a scheme; `rank` orders levels from weakest to strongest evidence."""

    scheme = models.ForeignKey(
        EvidenceScheme, verbose_name=_("stelsel"), on_delete=models.CASCADE, related_name="levels"
    )
    rank = models.SmallIntegerField(
        _("rang"), default=0, help_text=_("Hoger is sterker bewijs; ‘niet erkend’ is negatief.")
    )
    recognised = models.BooleanField(_("erkend"), default=True)

    panels = [FieldPanel("scheme")] + Term.panels + [FieldPanel("rank"), FieldPanel("recognised")]

    class Meta:
        ordering = ["scheme", "rank"]
        verbose_name = _("bewijsniveau")
        verbose_name_plural = _("bewijsniveaus")


class Theme(BilingualLabel, TagBase):
    """Free themes (tags). A vocabulary of its own, not the shared image/document tag pool."""

    name_en = models.CharField(_("naam in het Engels"), max_length=100, blank=True, help_text=ENGLISH_NAME_HELP)

    free_tagging = True
    panels = [FieldPanel("name"), FieldPanel("name_en"), FieldPanel("slug")]

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
