"""The knowledge base's sections on an organisation page (registered in PracticesConfig.ready)."""

from django.db.models import Q
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from organisations.published import in_subtree_or_named, section

from .models import MethodPage, PracticeStoryPage, PublicationPage, StoryIndexPage


def knowledge_base_sections(organisation_page):
    """Stories of a municipality or region, methods it developed, publications of its institutes."""
    organisation = organisation_page.organisation
    stories = in_subtree_or_named(
        organisation_page, PracticeStoryPage, Q(municipality=organisation) | Q(region=organisation)
    )
    methods = in_subtree_or_named(organisation_page, MethodPage, Q(developer=organisation))
    publications = in_subtree_or_named(organisation_page, PublicationPage, Q(institutions=organisation))

    stories_section = section(
        "stories",
        _("Praktijkverhalen"),
        stories.select_related("municipality").order_by("-first_published_at", "title"),
    )
    story_listing = StoryIndexPage.objects.live().first()
    if story_listing is not None and organisation.is_municipality and stories_section.count:
        # The story listing has a municipality facet; the other listings have no organisation facet.
        stories_section.listing_url = f"{story_listing.url}?{urlencode({'municipality': organisation.slug})}"
        stories_section.listing_label = ngettext(
            "Dit praktijkverhaal in het overzicht, met filters",
            "Alle %(count)d praktijkverhalen in het overzicht, met filters",
            stories_section.count,
        ) % {"count": stories_section.count}
    return [
        stories_section,
        section("methods", _("Methoden"), methods.order_by("-first_published_at", "title")),
        section(
            "publications",
            _("Publicaties"),
            publications.order_by("-publication_year", "-first_published_at", "title"),
        ),
    ]
