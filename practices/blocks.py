"""StreamField blocks for the knowledge base.

The block set follows the documents editors copy from (seed 003 stories, seed 001 method
descriptions): a story body is subheaded sections with pull quotes, side boxes, pseudonymised
case vignettes and tip boxes; a method's approach is an ordered list of steps. Keeping these
as typed blocks instead of one rich-text blob lets templates render them consistently and
lets search read their text.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError


class SectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("tussenkop"), max_length=160)
    text = blocks.RichTextBlock(label=_("tekst"), features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        icon = "doc-full"
        label = _("Paragraaf met tussenkop")
        template = "practices/blocks/section.html"


class PullQuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("citaat"))
    attribution = blocks.CharBlock(
        label=_("wie zegt het"),
        required=False,
        help_text=_("Naam en rol, bijvoorbeeld ‘Anna de Vries, beleidsadviseur’."),
    )

    class Meta:
        icon = "openquote"
        label = _("Citaat")
        template = "practices/blocks/pull_quote.html"


class SideBoxBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("kop"), max_length=160)
    text = blocks.RichTextBlock(label=_("tekst"), features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        icon = "placeholder"
        label = _("Kader")
        template = "practices/blocks/side_box.html"


class CaseVignetteBlock(blocks.StructBlock):
    """A short case told about one young person or family, always under a pseudonym."""

    pseudonym = blocks.CharBlock(
        label=_("schuilnaam"),
        max_length=60,
        help_text=_("Gebruik nooit de echte naam. Haal ook herleidbare plaatsen en organisaties weg."),
    )
    text = blocks.RichTextBlock(label=_("casus"), features=["bold", "italic"])
    consent_recorded = blocks.BooleanBlock(
        label=_("toestemming vastgelegd"),
        required=False,
        help_text=_("Vink aan als de betrokkene toestemming heeft gegeven voor publicatie."),
    )

    class Meta:
        icon = "user"
        label = _("Casus (geanonimiseerd)")
        template = "practices/blocks/case_vignette.html"


class TipBoxBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("kop"), max_length=160, default=_("Tip"))
    text = blocks.TextBlock(label=_("tip"))
    link = blocks.URLBlock(label=_("meer tips"), required=False, help_text=_("Bijvoorbeeld een tip op /tips/."))

    class Meta:
        icon = "pick"
        label = _("Tipkader")
        template = "practices/blocks/tip_box.html"


class StoryBodyBlock(blocks.StreamBlock):
    section = SectionBlock()
    pull_quote = PullQuoteBlock()
    side_box = SideBoxBlock()
    case_vignette = CaseVignetteBlock()
    tip_box = TipBoxBlock()


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("stap"), max_length=160)
    description = blocks.TextBlock(label=_("uitleg"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("Stap")


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titel"), max_length=200)
    url = blocks.URLBlock(label=_("adres"))

    class Meta:
        icon = "link"
        label = _("Link")


class EffectStudyBlock(blocks.StructBlock):
    """One study of a method's effect, with the limitations its authors state."""

    title = blocks.CharBlock(label=_("titel of omschrijving"), max_length=250)
    design = blocks.CharBlock(
        label=_("onderzoeksopzet"),
        required=False,
        help_text=_("Bijvoorbeeld ‘monitoring’, ‘voor- en nameting’, ‘RCT’."),
    )
    year = blocks.IntegerBlock(label=_("jaar"), required=False, min_value=1950, max_value=2100)
    result = blocks.TextBlock(label=_("uitkomst"), required=False)
    limitations = blocks.TextBlock(label=_("beperkingen"), required=False)
    source = blocks.CharBlock(label=_("bron"), required=False, max_length=250)

    class Meta:
        icon = "doc-full-inverse"
        label = _("Effectonderzoek")


class TrainingBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("naam training"), max_length=200)
    provider = blocks.CharBlock(label=_("aanbieder"), required=False, max_length=200)
    accredited = blocks.BooleanBlock(label=_("geaccrediteerd"), required=False)
    accreditation = blocks.CharBlock(
        label=_("accreditatie"), required=False, max_length=200, help_text=_("Bijvoorbeeld ‘SKJ, 6 punten’.")
    )
    url = blocks.URLBlock(label=_("meer informatie"), required=False)

    class Meta:
        icon = "group"
        label = _("Training")

    def clean(self, value):
        value = super().clean(value)
        if value.get("accreditation") and not value.get("accredited"):
            raise StructBlockValidationError(
                block_errors={
                    "accredited": ValidationError(_("Vink ‘geaccrediteerd’ aan als u een accreditatie noemt."))
                }
            )
        return value


class TextItemBlock(blocks.TextBlock):
    """One item of a list (a working element, a research question)."""

    class Meta:
        icon = "list-ul"
        label = _("Onderdeel")
