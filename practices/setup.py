"""The three listings of the knowledge base: /praktijkverhalen/, /methoden/ and /publicaties/.

`python manage.py setup_site` runs `ensure_listings`. A listing that exists (found by type) is
left as the editors made it.
"""

from home.setup import ensure_top_level_page

from .models import MethodIndexPage, PublicationIndexPage, StoryIndexPage

LISTINGS = [
    (
        StoryIndexPage,
        "Praktijkverhalen",
        "praktijkverhalen",
        "<p>Wat gemeenten probeerden, wie het deed, wat werkte en wat het kostte. Filter op levensfase, provincie, thema of werkende factor.</p>",
    ),
    (
        MethodIndexPage,
        "Methoden",
        "methoden",
        "<p>Interventies, instrumenten en trainingen in het formaat van de Nederlandse databanken, met hun onderbouwing.</p>",
    ),
    (
        PublicationIndexPage,
        "Publicaties",
        "publicaties",
        "<p>Onderzoek van kennisinstituten, lectoraten en academische werkplaatsen, met reflecties vanuit de praktijk.</p>",
    ),
]


def ensure_listings(log=lambda message: None):
    return [
        ensure_top_level_page(model, log, title=title, slug=slug, intro=intro) for model, title, slug, intro in LISTINGS
    ]
