"""What an organisation has published, for its public page.

An organisation's content is what lives in its own subtree of the page tree (what its
editors made) plus what names it: the stories of a municipality or region, the methods it
developed, the publications of which it is one of the institutions, the ateliers it
co-organises. Only live pages without view restrictions count: drafts, scheduled pages and
private pages never appear, and neither do parents' names (none of these pages carry them).
"""

from dataclasses import dataclass, field

from django.db.models import Q

from core.languages import canonical_pages

# How many of the newest items each section shows; the count and the listing link give the rest.
SECTION_SIZE = 10


@dataclass
class Section:
    key: str
    title: str
    count: int
    items: list = field(default_factory=list)
    listing_url: str = ""
    listing_label: str = ""

    @property
    def has_more(self):
        return self.count > len(self.items)


# (order, build): build(organisation_page, public) returns that app's sections (list of Section).
_builders = []


def register(order, build):
    """An app adds its sections to organisation pages (in its AppConfig.ready()), the way apps
    add home-page sections (`home.sections`): this app stays ignorant of the apps that fill it."""
    if (order, build) not in _builders:
        _builders.append((order, build))
    _builders.sort(key=lambda entry: entry[0])


def in_subtree_or_named(organisation_page, model, names_it):
    """Live pages without view restrictions of `model` under the organisation's own page or
    that name it (`names_it`, a Q on the model)."""
    in_subtree = Q(path__startswith=organisation_page.path)
    return canonical_pages(model.objects.live().public()).filter(in_subtree | names_it).distinct()


def published_by(organisation_page):
    """The sections of an organisation page, in the order shown; empty sections left out."""
    sections = [section for _order, build in _builders for section in build(organisation_page)]
    return [section for section in sections if section.count]


def section(key, title, queryset):
    count = queryset.count()
    items = list(queryset[:SECTION_SIZE]) if count else []
    return Section(key=key, title=title, count=count, items=items)
