"""StreamField blocks for the atelier programme."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class SpeakerBlock(blocks.StructBlock):
    """A speaker of one talk. The organisation is a record when it exists, free text otherwise."""

    name = blocks.CharBlock(label=_("naam"))
    role = blocks.CharBlock(label=_("functie of rol"), required=False)
    organisation = SnippetChooserBlock("organisations.Organisation", label=_("organisatie"), required=False)
    organisation_name = blocks.CharBlock(
        label=_("organisatie (vrije tekst)"),
        required=False,
        help_text=_("Alleen invullen als de organisatie niet in de lijst staat."),
    )

    class Meta:
        icon = "user"
        label = _("spreker")
        template = "ateliers/blocks/speaker.html"
