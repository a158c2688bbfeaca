from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PicturesConfig(AppConfig):
    """The site's own Wagtail image model (`Picture`: a text alternative or an explicit
    "decorative"), the renditions every page type uses and the lead image pages share. Its models
    import only `core`; the content apps import them for their image fields. Only the demo loader
    (`pictures/demo.py`) reads the content apps, to give their demo pages a picture."""

    name = "pictures"
    verbose_name = _("Afbeeldingen")
