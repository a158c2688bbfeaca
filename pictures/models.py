"""The site's image model: Wagtail's own, with a text alternative that cannot be forgotten.

Wagtail's image has a `description` that becomes the alt text, but it may stay empty and then
the title (often a file name such as "IMG_2041") is read out instead. Here an editor either
writes a text alternative or marks the picture as decorative, which gives `alt=""`. The
`decorative` attribute Wagtail sets on every image instance belongs to its ImageBlock, so the
stored choice is called `is_decorative`.

Pages refer to pictures through `LeadImageMixin` (stories, methods, ateliers, organisation
pages) or their own field (an organisation's logo); which renditions they use lives in
`pictures/renditions.py`.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image

from core.object_keys import model_and_pk

from .renditions import share_rendition

ALT_TEXT_MISSING = _(
    "Schrijf een tekstalternatief: wat iemand die de afbeelding niet ziet moet weten. "
    "Is de afbeelding alleen versiering, vink dan ‘decoratief’ aan."
)


class Picture(AbstractImage):
    description = models.CharField(
        _("tekstalternatief (alt-tekst)"),
        max_length=255,
        blank=True,
        default="",
        help_text=_(
            "Wat staat er op de afbeelding, voor wie hem niet ziet (schermlezer, traag netwerk)? "
            "Eén of twee zinnen; begin niet met ‘afbeelding van’."
        ),
    )
    is_decorative = models.BooleanField(
        _("decoratief"),
        default=False,
        help_text=_(
            "Alleen aanvinken als de afbeelding niets vertelt wat de tekst niet al zegt; "
            "een schermlezer slaat hem dan over."
        ),
    )

    admin_form_fields = (*Image.admin_form_fields[:3], "is_decorative", *Image.admin_form_fields[3:])

    class Meta(AbstractImage.Meta):
        verbose_name = _("afbeelding")
        verbose_name_plural = _("afbeeldingen")

    # Set by the first step of Wagtail's multiple upload (pictures/forms.py), whose form has only
    # title and file: the edit form shown right under each upload asks for the text alternative.
    alt_text_asked_next = False

    @property
    def needs_alt_text(self):
        return not self.is_decorative and not self.description.strip()

    @property
    def default_alt_text(self):
        """What `alt` says wherever Wagtail renders this picture: never the title."""
        return "" if self.is_decorative else self.description.strip()

    def clean(self):
        super().clean()
        self.description = self.description.strip()
        if self.needs_alt_text and not self.alt_text_asked_next:
            raise ValidationError({"description": ALT_TEXT_MISSING})


class PictureRendition(AbstractRendition):
    image = models.ForeignKey(Picture, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


def check_usable(picture, field="lead_image"):
    """For a page's clean(): a picture chosen for a page has a text alternative or is decorative
    (pictures uploaded before this model, or through the multiple upload, may lack one)."""
    if picture is not None and picture.needs_alt_text:
        raise ValidationError(
            {
                field: _(
                    "Deze afbeelding heeft nog geen tekstalternatief. Vul het in bij Afbeeldingen "
                    "(of vink daar ‘decoratief’ aan) en kies hem dan opnieuw."
                )
            }
        )


class LeadImageMixin(models.Model):
    """An optional lead picture: on the page itself, on its card in listings and in link previews."""

    lead_image = models.ForeignKey(
        Picture,
        verbose_name=_("hoofdafbeelding"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Optioneel. Staat bovenaan de pagina, op de kaart in overzichten en bij delen op sociale media. "
            "Liggend werkt het best (16:9); het belangrijkste deel kies je met het focuspunt."
        ),
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        check_usable(self.lead_image)

    def share_image(self):
        """(absolute URL, (width, height), alt) of the link-preview picture, or None: for core.discovery."""
        return share_rendition(self.lead_image)


def lead_pictures_by_key(keys, use="card"):
    """{key: Picture, with the renditions of `use` prefetched} for the pages with a lead picture
    among `keys` (core.object_keys: "app_label.ModelName:pk").

    Related-content cards come from the search index, not from a page queryset a listing could
    prefetch on, so the pictures are looked up by key afterwards: one query per page type that
    has lead pictures, then one for the pictures and one for all their renditions, however many
    cards. Keys of other types, unknown models or deleted pages are left out.
    """
    from .renditions import USES

    keys_by_model = {}
    for key in dict.fromkeys(keys):
        named = model_and_pk(key, base=LeadImageMixin)
        if named:
            model, pk = named
            keys_by_model.setdefault(model, {})[pk] = key
    picture_id_of = {}
    for model, key_of in keys_by_model.items():
        rows = model.objects.filter(pk__in=key_of).exclude(lead_image=None).values_list("pk", "lead_image_id")
        picture_id_of.update({key_of[pk]: picture_id for pk, picture_id in rows})
    if not picture_id_of:
        return {}
    pictures = Picture.objects.prefetch_renditions(*USES[use].specs).in_bulk(set(picture_id_of.values()))
    return {key: pictures[picture_id] for key, picture_id in picture_id_of.items() if picture_id in pictures}
