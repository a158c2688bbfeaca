"""An Atom feed per saved search, under a secret URL (`SavedSearch.feed_token`).

The feed holds only public search results (titles, summaries, links): nothing about the member
who saved the search, not even their words in the title, so a leaked feed URL gives away no
more than the public search page does.
"""

from django.http import Http404
from django.utils.translation import gettext as _
from wagtail.models import Page

from core.discovery import FEED_SIZE, PageFeed, page_description
from core.object_keys import model_and_pk
from core.public_urls import absolute_url
from search import service as search_service

from .models import SavedSearch


class SavedSearchFeed(PageFeed):
    def get_object(self, request, token):
        saved = SavedSearch.objects.filter(feed_token=token).first()
        if saved is None:
            raise Http404
        return saved

    def title(self):
        return _("Bewaarde zoekopdracht – Samen Preventief")

    def link(self):
        return absolute_url("/zoeken/")

    def feed_url(self, saved):
        return absolute_url(f"/feeds/zoekopdracht/{saved.feed_token}/")

    def items(self, saved):
        results = search_service.search(saved.query, saved.filters, page=1, page_size=FEED_SIZE)
        page_ids = []
        for hit in results.results:
            named = model_and_pk(hit.key, base=Page)
            if named and named[0]._meta.app_label == "practices":
                page_ids.append(named[1])
        pages = Page.objects.live().public().filter(pk__in=page_ids).specific()
        return sorted(pages, key=lambda page: (page.first_published_at, page.pk), reverse=True)

    def item_description(self, item):
        return page_description(item)
