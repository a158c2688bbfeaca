"""The organisations overview (/organisaties/) every deployment needs.

Each organisation's own page, where its stories, methods and publications live, is created
under it when the organisation is onboarded (`python manage.py onboard_organisation`), so
the overview must exist before the first organisation. `python manage.py setup_site` runs
`ensure_organisation_index`.
"""

from home.setup import ensure_top_level_page

from .models import OrganisationIndexPage


def ensure_organisation_index(log=lambda message: None):
    return ensure_top_level_page(
        OrganisationIndexPage,
        log,
        title="Organisaties",
        slug="organisaties",
        intro="<p>Gemeenten en kennisinstituten die hun kennis hier delen.</p>",
    )
