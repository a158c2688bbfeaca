"""Organisations that publish on the platform and the people who work for them.

An organisation's type decides behaviour (a municipality has a province and publishes
practice stories; a knowledge institute reviews evidence), which is why it is a fixed
choice list rather than an editable vocabulary. Each organisation can have a public page
(`OrganisationPage`) under which its own content lives; that subtree is what its editors
may edit (see the editorial workflow issue).
"""

from django.conf import settings
from django.db import models
from django.shortcuts import redirect
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PagePermissionTester
from wagtail.search import index

from core import discovery
from core.languages import VisitorLanguageUrlMixin
from core.public_urls import page_absolute_url
from editorial.page_forms import EditorPageForm
from pictures.models import LeadImageMixin, check_usable
from pictures.renditions import LOGO_SPEC, share_rendition
from pictures.renditions import prefetch as prefetch_pictures

from .published import published_by


class Province(models.TextChoices):
    DRENTHE = "drenthe", "Drenthe"
    FLEVOLAND = "flevoland", "Flevoland"
    FRIESLAND = "friesland", "Fryslân"
    GELDERLAND = "gelderland", "Gelderland"
    GRONINGEN = "groningen", "Groningen"
    LIMBURG = "limburg", "Limburg"
    NOORD_BRABANT = "noord-brabant", "Noord-Brabant"
    NOORD_HOLLAND = "noord-holland", "Noord-Holland"
    OVERIJSSEL = "overijssel", "Overijssel"
    UTRECHT = "utrecht", "Utrecht"
    ZEELAND = "zeeland", "Zeeland"
    ZUID_HOLLAND = "zuid-holland", "Zuid-Holland"


class OrganisationType(models.TextChoices):
    MUNICIPALITY = "municipality", _("Gemeente")
    REGION = "region", _("Regio of samenwerkingsverband")
    KNOWLEDGE_INSTITUTE = "knowledge_institute", _("Kennisinstituut of expertisecentrum")
    UNIVERSITY = "university", _("Universiteit")
    HOGESCHOOL = "hogeschool", _("Hogeschool (lectoraat)")
    ACADEMIC_WORKPLACE = "academic_workplace", _("Academische werkplaats")
    YOUTH_CARE_PROVIDER = "youth_care_provider", _("Jeugdhulpaanbieder")
    YOUTH_HEALTH = "youth_health", _("Jeugdgezondheidszorg (CJG, GGD, JGZ)")
    WIJKTEAM = "wijkteam", _("Wijkteam")
    SCHOOL = "school", _("School of samenwerkingsverband onderwijs")
    WELFARE = "welfare", _("Welzijnsorganisatie")
    SAFETY = "safety", _("Politie en veiligheid")
    CLIENT_COUNCIL = "client_council", _("Cliëntenraad")
    FUNDER = "funder", _("Financier")
    ACCREDITATION_BODY = "accreditation_body", _("Accreditatie-instantie")
    OTHER = "other", _("Anders")


class Organisation(index.Indexed, ClusterableModel):
    name = models.CharField(_("naam"), max_length=200, unique=True)
    short_name = models.CharField(_("korte naam"), max_length=60, blank=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, blank=True)
    type = models.CharField(_("soort"), max_length=40, choices=OrganisationType.choices)
    province = models.CharField(
        _("provincie"),
        max_length=20,
        choices=Province.choices,
        blank=True,
        help_text=_("Verplicht voor gemeenten; verhalen erven hun provincie van de gemeente."),
    )
    part_of = models.ForeignKey(
        "self",
        verbose_name=_("onderdeel van"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="parts",
        help_text=_("Bijvoorbeeld de regio waar een gemeente in samenwerkt."),
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(
        _("e-mailadres"),
        blank=True,
        help_text=_("Een algemeen adres, geen persoonlijk: het staat op de openbare pagina."),
    )
    address = models.TextField(_("adres"), blank=True)
    description = models.TextField(_("beschrijving"), blank=True)
    logo = models.ForeignKey(
        "pictures.Picture",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Optioneel. Het logo van de organisatie, bij voorkeur met een transparante achtergrond; "
            "als tekstalternatief volstaat de naam, bijvoorbeeld ‘Logo gemeente Zwolle’."
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("slug"), FieldPanel("type")],
            heading=_("Organisatie"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("province"),
                FieldPanel("part_of"),
                FieldPanel("website"),
                FieldPanel("email"),
                FieldPanel("address"),
            ],
            heading=_("Plaats en contact"),
        ),
        FieldPanel("description"),
        FieldPanel("logo"),
        InlinePanel("memberships", heading=_("Leden"), label=_("Lid")),
    ]

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self):
        return self.name

    @property
    def page(self):
        """The organisation's page in the default (Dutch) locale, or None: its section of the page
        tree and the page follows, listings and permissions key on. An English translation of
        the page is one of `pages` too, but never this."""
        from core.languages import canonical_pages

        return canonical_pages(self.pages.all()).first()

    @property
    def is_municipality(self):
        return self.type == OrganisationType.MUNICIPALITY

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.is_municipality and not self.province:
            raise ValidationError({"province": _("Een gemeente hoort bij een provincie.")})
        check_usable(self.logo, "logo")

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.short_name or self.name)[:200]
        super().save(*args, **kwargs)


class Membership(models.Model):
    class Role(models.TextChoices):
        MEMBER = "member", _("Lid")
        EDITOR = "editor", _("Redacteur")
        COORDINATOR = "coordinator", _("Coördinator")
        REVIEWER = "reviewer", _("Reviewer")

    organisation = ParentalKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices, default=Role.MEMBER)

    panels = [FieldPanel("user"), FieldPanel("role")]

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [models.UniqueConstraint(fields=["organisation", "user"], name="one_membership_per_organisation")]

    def __str__(self):
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"


class OrganisationIndexPage(VisitorLanguageUrlMixin, Page):
    """/organisaties/: the organisations that publish here."""

    intro = RichTextField(_("inleiding"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["organisations.OrganisationPage"]
    max_count = 1

    class Meta:
        verbose_name = _("organisatie-overzicht")

    def meta_description(self):
        return self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["organisation_pages"] = (
            OrganisationPage.objects.child_of(self)
            .live()
            .select_related("organisation")
            .prefetch_related(prefetch_pictures("organisation__logo", "logo"))
            .order_by("title")
        )
        return context


class OrganisationPage(VisitorLanguageUrlMixin, LeadImageMixin, Page):
    """An organisation's public page and the home of its own content in the page tree."""

    # One page per organisation and language: the Dutch page and, once translated, its English
    # copy (wagtail-localize). `Organisation.page` is the Dutch one, the page everything keys on.
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisatie"), on_delete=models.PROTECT, related_name="pages"
    )
    # The page's locale, copied from `Page.locale` on every save: a constraint can only name
    # this table's own columns, and `locale` lives in Wagtail's page table.
    page_locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.PROTECT, editable=False, related_name="+")
    intro = RichTextField(_("inleiding"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("organisation"), FieldPanel("intro"), FieldPanel("lead_image")]
    base_form_class = EditorPageForm
    parent_page_types = ["organisations.OrganisationIndexPage"]
    # Stories, methods and publications each live in their own folder (see `SectionFolderPage`).
    subpage_types = [
        "organisations.StoryFolderPage",
        "organisations.MethodFolderPage",
        "organisations.PublicationFolderPage",
    ]

    class Meta:
        verbose_name = _("organisatiepagina")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "page_locale"],
                name="one_organisation_page_per_locale",
                violation_error_message=_("Deze organisatie heeft al een pagina in deze taal."),
            )
        ]

    def _copy_locale(self):
        if self.locale_id is None:
            self.locale = self.get_default_locale()
        self.page_locale_id = self.locale_id

    def full_clean(self, *args, **kwargs):
        # Wagtail validates before it saves; the constraint needs the locale column filled first.
        self._copy_locale()
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self._copy_locale()
        super().save(*args, **kwargs)

    def permissions_for_user(self, user):
        return OrganisationPagePermissionTester(user, self)

    def meta_description(self):
        return self.intro or self.organisation.description

    def structured_data(self):
        """schema.org Organization: the organisation as its public page describes it."""
        organisation = self.organisation
        data = {
            "@type": "Organization",
            "name": organisation.name,
            "url": page_absolute_url(self),
            "description": discovery.page_description(self),
        }
        logo = share_rendition(organisation.logo, LOGO_SPEC)
        if logo:
            data["logo"] = logo[0]
        if organisation.short_name:
            data["alternateName"] = organisation.short_name
        if organisation.website:
            data["sameAs"] = [organisation.website]
        if organisation.email:
            data["email"] = organisation.email
        if organisation.address:
            data["address"] = {
                "@type": "PostalAddress",
                "streetAddress": " ".join(organisation.address.split()),
                "addressCountry": "NL",
            }
        if organisation.province:
            data["areaServed"] = {"@type": "AdministrativeArea", "name": organisation.get_province_display()}
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = published_by(self)
        return context


class OrganisationPagePermissionTester(PagePermissionTester):
    """The organisation's coordinators publish the organisation page itself, not its subtree.

    Wagtail's group page permissions always cover a whole subtree, and the methods and
    publications folders below this page need their own reviews before publication; so the
    coordinator's "publish" is granted per folder (Settings → Groups) and, for this one page
    and nothing below it, here.
    """

    def __init__(self, user, page):
        super().__init__(user, page)
        if user.is_active and not user.is_superuser and page.pk:
            is_coordinator = Membership.objects.filter(
                user_id=user.pk, organisation_id=page.organisation_id, role=Membership.Role.COORDINATOR
            ).exists()
            if is_coordinator and "change" in self.permissions:
                self.permissions.add("publish")


class SectionFolderPage(VisitorLanguageUrlMixin, Page):
    """A folder in an organisation's section that holds one type of content.

    The folder is where Wagtail's own mechanisms attach the rules for that type: its workflow
    (Settings → Workflows: a story is approved by the own coordinator, a method also gets an
    evidence review, a publication a co-author read and a privacy check) and who may publish
    without one (Settings → Groups: coordinators publish stories, nothing else). Onboarding
    creates the three folders (`organisations.sections.ensure_section_folders`); nobody adds
    them by hand. A folder has nothing to show itself: its URL leads to the organisation page.
    """

    is_creatable = False
    parent_page_types = ["organisations.OrganisationPage"]
    max_count_per_parent = 1
    folder_slug = ""
    folder_title = ""
    # The key of the organisation page section (`published.published_by`) this folder feeds.
    section_key = ""

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        parent = self.get_parent().specific
        return redirect(f"{parent.url}#{self.section_key}")

    def get_sitemap_urls(self, request=None):
        return []


class StoryFolderPage(SectionFolderPage):
    subpage_types = ["practices.PracticeStoryPage"]
    folder_slug = "praktijkverhalen"
    folder_title = "Praktijkverhalen"
    section_key = "stories"

    class Meta:
        verbose_name = _("map praktijkverhalen")


class MethodFolderPage(SectionFolderPage):
    subpage_types = ["practices.MethodPage"]
    folder_slug = "methoden"
    folder_title = "Methoden"
    section_key = "methods"

    class Meta:
        verbose_name = _("map methoden")


class PublicationFolderPage(SectionFolderPage):
    subpage_types = ["practices.PublicationPage"]
    folder_slug = "publicaties"
    folder_title = "Publicaties"
    section_key = "publications"

    class Meta:
        verbose_name = _("map publicaties")


SECTION_FOLDER_TYPES = [StoryFolderPage, MethodFolderPage, PublicationFolderPage]
