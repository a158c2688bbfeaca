"""The public tip library (/tips-bibliotheek/), where published tips appear.

`python manage.py setup_site` runs `ensure_tip_library`; an existing library (found by type)
is left as the editors made it.
"""

from home.setup import ensure_top_level_page

from .models import TipLibraryPage

LIBRARY_INTRO = (
    "Tips van ouders en professionals voor een betere samenwerking rond jeugdhulp, "
    "samen geschreven en gekozen in tipgemeenschappen. Ouders staan hier onder een schuilnaam."
)


def ensure_tip_library(log=lambda message: None):
    return ensure_top_level_page(
        TipLibraryPage, log, title="Tipsbibliotheek", slug="tips-bibliotheek", intro=LIBRARY_INTRO
    )
