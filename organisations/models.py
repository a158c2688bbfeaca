"""Organisations that publish on the platform and the people who work for them.

An organisation's type decides behaviour (a municipality has a province and publishes
practice stories; a knowledge institute reviews evidence), which is why it is a fixed
choice list rather than an editable vocabulary. Each organisation can have a public page
(`OrganisationPage`) under which its own content lives; that subtree is what its editors
may edit (see the editorial workflow issue).
"""

from django.conf import settings
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


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
    address = models.TextField(_("adres"), blank=True)
    description = models.TextField(_("beschrijving"), blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("slug"), FieldPanel("type")],
            heading=_("Organisatie"),
        ),
        MultiFieldPanel(
            [FieldPanel("province"), FieldPanel("part_of"), FieldPanel("website"), FieldPanel("address")],
            heading=_("Plaats en contact"),
        ),
        FieldPanel("description"),
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
    def is_municipality(self):
        return self.type == OrganisationType.MUNICIPALITY

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.is_municipality and not self.province:
            raise ValidationError({"province": _("Een gemeente hoort bij een provincie.")})

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


class OrganisationIndexPage(Page):
    """/organisaties/: the organisations that publish here."""

    intro = RichTextField(_("inleiding"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["organisations.OrganisationPage"]
    max_count = 1

    class Meta:
        verbose_name = _("organisatie-overzicht")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["organisation_pages"] = (
            OrganisationPage.objects.child_of(self).live().select_related("organisation").order_by("title")
        )
        return context


class OrganisationPage(Page):
    """An organisation's public page and the home of its own content in the page tree."""

    organisation = models.OneToOneField(
        Organisation, verbose_name=_("organisatie"), on_delete=models.PROTECT, related_name="page"
    )
    intro = RichTextField(_("inleiding"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("organisation"), FieldPanel("intro")]
    parent_page_types = ["organisations.OrganisationIndexPage"]
    # Stories, methods and publications are added here by the knowledge-base app.
    subpage_types = ["practices.PracticeStoryPage", "practices.MethodPage", "practices.PublicationPage"]

    class Meta:
        verbose_name = _("organisatiepagina")
