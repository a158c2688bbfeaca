"""Atom feed of the knowledge ateliers: each entry says when and where, newest atelier first."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.discovery import FEED_SIZE, PageFeed, page_description
from core.languages import canonical_pages, visitor_language_items

from .models import AtelierPage, AtelierSeriesPage


class AtelierFeed(PageFeed):
    model = AtelierPage
    listing_model = AtelierSeriesPage

    def title(self):
        return _("Kennisateliers – Samen Preventief")

    def items(self):
        return visitor_language_items(
            canonical_pages(AtelierPage.objects.live().public()).order_by("-date", "-pk")[:FEED_SIZE]
        )

    def item_description(self, atelier):
        when = _("%(date)s, %(start)s–%(end)s uur") % {
            "date": date_format(atelier.date, "l j F Y"),
            "start": atelier.start_time.strftime("%H:%M"),
            "end": atelier.end_time.strftime("%H:%M"),
        }
        where = f", {atelier.venue}" if atelier.venue else ""
        return f"{when}{where}. {page_description(atelier)}"
