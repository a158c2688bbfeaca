"""The tip library's Atom feed: published tips, newest first, in the request's language.

An entry names its author exactly as the library page does (`Tip.public_author_name`): a
parent only under their pseudonym, and no e-mail address for anyone.
"""

from django.utils.translation import gettext as _

from core.discovery import FEED_SIZE, PageFeed, summary_text
from core.public_urls import page_absolute_url

from .models import Tip, TipLibraryPage


class TipFeed(PageFeed):
    listing_model = TipLibraryPage

    def title(self):
        return _("Tips van ouders en professionals – Samen Preventief")

    def items(self):
        library = TipLibraryPage.objects.live().public().first()
        if library is None:
            return []
        library_url = page_absolute_url(library)
        tips = list(
            Tip.objects.published()
            .select_related("author__user__profile")
            .prefetch_related("author__user__tip_memberships")
            .order_by("-published_at", "-pk")[:FEED_SIZE]
        )
        for tip in tips:
            tip.feed_link = library_url + library.reverse_subpage("tip", args=[tip.pk])
        return tips

    def item_title(self, tip):
        return _("Tip %(pk)s: %(text)s") % {"pk": tip.pk, "text": summary_text(tip.text, 80)}

    def item_description(self, tip):
        return tip.text

    def item_link(self, tip):
        return tip.feed_link

    def item_author_name(self, tip):
        return tip.public_author_name

    def item_pubdate(self, tip):
        return tip.published_at

    def item_updateddate(self, tip):
        return tip.published_at
