"""Everything a new deployment needs before anyone can use it, in one idempotent step.

`python manage.py setup_site` (after `migrate`, on every deploy) runs each app's set-up in
this order: the home page with the statements and footer, the vocabularies, the
organisations overview, the knowledge-base listings, the ateliers overview with the
evaluation aspects, the tip library and the starting synonyms. Each step only creates what
is missing and never changes what editors made. The demo loader (`load_demo_content`) runs
this first and then adds only its fiction, so a production site and a demo site share the
same skeleton and vocabularies.
"""

from django.db import transaction

from ateliers.setup import ensure_ateliers
from home.setup import ensure_site
from organisations.setup import ensure_organisation_index
from practices.setup import ensure_listings
from search.setup import ensure_synonyms
from taxonomy.setup import ensure_vocabularies
from tips.setup import ensure_tip_library

STEPS = [
    ensure_site,
    ensure_vocabularies,
    ensure_organisation_index,
    ensure_listings,
    ensure_ateliers,
    ensure_tip_library,
    ensure_synonyms,
]


@transaction.atomic
def setup_site(log=lambda message: None):
    """Run every set-up step; a step that fails leaves the database as it was."""
    for step in STEPS:
        step(log)
