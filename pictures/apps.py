from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PicturesConfig(AppConfig):
    """The site's own Wagtail image model (`Picture`: a text alternative or an explicit
    "decorative"), the renditions every page type uses and the lead image pages share. It imports
    only `core`; the content apps import it for their image fields."""

    name = "pictures"
    verbose_name = _("Afbeeldingen")
