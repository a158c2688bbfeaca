from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from core import discovery
from core.languages import (
    VisitorLanguageUrlMixin,
    canonical_page,
    foreign_language,
    in_visitor_language,
    interface_language,
    page_path_in_default_language,
    page_path_in_language,
    visitor_language_items,
)
from core.public_urls import absolute_url

from . import sections


class HomePage(VisitorLanguageUrlMixin, Page):
    """The front door: an introduction, then the sections that the feature apps contribute."""

    intro = RichTextField(_("inleiding"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count = 1

    class Meta:
        verbose_name = _("homepagina")

    def route(self, request, path_components):
        """Every address is looked up in the Dutch tree, then shown in the visitor's language.

        Wagtail routes /en/… from the English home page once that is translated; the English
        tree holds only the pages someone translated (and their parents), so that routing would
        lose every other page. Routing through the Dutch home finds every page by its one
        address, and the Dutch page found gets its English text laid over it when it has a
        published translation (`core.languages.in_visitor_language`): /en/… shows English where
        it exists and the Dutch, marked, where it does not, and the page served is always the
        canonical one.

        Under /en/ the path is first read back into the Dutch tree's slugs
        (`page_path_in_default_language`: a translated page lives at its English slug). A path
        that reaches a translated page by its Dutch slug (an old link) is answered with a
        permanent redirect to the English address (`permanent_address`, sent by the
        `before_serve_page` hook in core/wagtail_hooks.py).
        """
        original = canonical_page(self)
        language = interface_language()
        requested = "".join(f"{component}/" for component in path_components)
        dutch = page_path_in_default_language(requested, language, request)
        page, args, kwargs = Page.route(original, request, [component for component in dutch.split("/") if component])
        page = in_visitor_language(page.specific)
        address = page_path_in_language(dutch, language, request)
        if address != requested:
            page.permanent_address = reverse("wagtail_serve", args=[address])
        return RouteResult(page, args=args, kwargs=kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["home_sections"] = sections.render_context(request)
        return context

    def meta_description(self):
        return self.intro

    def structured_data(self):
        """schema.org WebSite with a SearchAction: search engines may offer a search box for the site."""
        search_url = absolute_url(reverse("search:search"))
        return {
            "@type": "WebSite",
            "name": discovery.site_name(),
            "url": absolute_url(reverse("wagtail_serve", args=[""])),
            "description": discovery.site_description(),
            "inLanguage": [code for code, _name in settings.LANGUAGES],
            "publisher": discovery.platform_organization(),
            "potentialAction": {
                "@type": "SearchAction",
                "target": {"@type": "EntryPoint", "urlTemplate": f"{search_url}?q={{search_term_string}}"},
                "query-input": "required name=search_term_string",
            },
        }


class ContentPage(VisitorLanguageUrlMixin, Page):
    """A plain page of text: the privacy and accessibility statements, contact, colophon.

    The statements have to be editable by the editors without a developer, and linked from
    every page's footer (see `FooterSettings`); `home.setup` creates them on a new site.
    """

    intro = models.TextField(_("inleiding"), blank=True, help_text=_("Eén of twee zinnen boven de tekst."))
    body = RichTextField(_("tekst"), features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"])
    last_reviewed = models.DateField(
        _("laatst bijgewerkt"),
        null=True,
        blank=True,
        help_text=_("Getoond onder de tekst; een toegankelijkheidsverklaring hoort een datum te hebben."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body"), FieldPanel("last_reviewed")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = _("tekstpagina")
        verbose_name_plural = _("tekstpagina's")

    def meta_description(self):
        return self.intro or self.body


class FooterLinkBlock(blocks.StructBlock):
    """One footer link: a page of this site, or an address elsewhere."""

    page = blocks.PageChooserBlock(label=_("pagina"), required=False)
    url = blocks.URLBlock(label=_("of een adres elders"), required=False)
    label = blocks.CharBlock(
        label=_("linktekst"), required=False, max_length=80, help_text=_("Leeg: de titel van de pagina.")
    )
    label_en = blocks.CharBlock(
        label=_("linktekst in het Engels"),
        required=False,
        max_length=80,
        help_text=_(
            "Getoond onder /en/. Leeg: de Engelse titel van de pagina als die vertaald is, anders de "
            "Nederlandse linktekst."
        ),
    )

    class Meta:
        icon = "link"
        label = _("link")

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if not value.get("page") and not value.get("url"):
            errors["page"] = ValidationError(_("Kies een pagina of vul een adres in."))
        elif value.get("url") and not value.get("label"):
            errors["label"] = ValidationError(_("Een link naar een adres elders heeft een linktekst nodig."))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


@register_setting(icon="list-ul")
class FooterSettings(BaseSiteSetting):
    """What the footer of every public page shows: a line about the platform and links.

    A site setting (not a template) so that editors can change the links, for example when
    the privacy statement moves, without a release.
    """

    about = models.CharField(
        _("regel over het platform"),
        max_length=250,
        blank=True,
        help_text=_("Leeg: de standaardtekst, in de taal van de bezoeker."),
    )
    links = StreamField([("link", FooterLinkBlock())], verbose_name=_("links"), blank=True)

    panels = [FieldPanel("about"), FieldPanel("links")]

    class Meta:
        verbose_name = _("voettekst")

    def link_items(self):
        """The links as label + URL, skipping pages that are no longer live. A link without a
        label of its own shows its page's title: under /en/ the English one where the page
        has a published translation (one query for all links), with the title's `lang`.

        Under /en/ a link with a label of its own shows its English label (`label_en`); without
        one, the English title of its page when the page is translated, else the Dutch label,
        marked `lang="nl"` (by `_footer` in home/context_processors.py: a link that says
        nothing of its language is the editors' Dutch)."""
        pages = visitor_language_items(
            value["page"].specific
            for value in (block.value for block in self.links)
            if value.get("page") is not None and value["page"].live
        )
        translated = {page.pk: page for page in pages}
        english = interface_language() == "en"
        items = []
        for block in self.links:
            value = block.value
            page, label = value.get("page"), value.get("label")
            if page is not None:
                if not page.live:
                    continue
                # The specific page builds its link in the visitor's language (core.languages).
                page = translated[page.pk]
                url = page.url
            else:
                url = value.get("url")
                if not url:
                    continue
            if english and label and value.get("label_en"):
                items.append({"label": value["label_en"], "url": url, "lang": ""})
            elif page is not None and (not label or getattr(page, "shown_language", "") == "en"):
                items.append({"label": page.title, "url": url, "lang": foreign_language(page)})
            else:
                items.append({"label": label, "url": url})
        return items
