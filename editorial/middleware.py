"""One change to a page at a time (issue #13.1).

Wagtail's page views read the page, validate the form and then write, outside a transaction.
Two POSTs for the same page that overlap (an approval that takes a while and the autosave or
second click that follows it) therefore both act on what they read before the other finished:
the late one wrote back `live=False` over the approval's publication and then found no task
left to act on (a 500). Here every admin POST that changes a page runs in one transaction
that first locks the page (for a new page: its parent), so the next POST for that page
starts only after the previous one is committed and sees its outcome. A POST that fails
with a server error is rolled back as a whole instead of leaving half its writes behind.
"""

import logging

from django.db import transaction
from django.urls import Resolver404, resolve
from wagtail.models import Page

logger = logging.getLogger(__name__)

# URL name in Wagtail's admin → the URL argument naming the page row to lock.
PAGE_CHANGING_VIEWS = {
    "wagtailadmin_pages:edit": "page_id",
    "wagtailadmin_pages:add": "parent_page_id",
    "wagtailadmin_pages:workflow_action": "page_id",
}


def page_to_lock(request):
    """The id of the page an admin POST changes (the parent for a new page), or None."""
    if request.method != "POST":
        return None
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    argument = PAGE_CHANGING_VIEWS.get(match.view_name)
    return match.kwargs.get(argument) if argument else None


class OneChangePerPageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        page_id = page_to_lock(request)
        if page_id is None:
            return self.get_response(request)
        with transaction.atomic():
            # On PostgreSQL this row lock makes the next POST for the page wait; on SQLite the
            # transaction itself (BEGIN IMMEDIATE, see settings) serialises writers.
            list(Page.objects.select_for_update().filter(pk=page_id).values_list("pk", flat=True))
            response = self.get_response(request)
            if response.status_code >= 500:
                logger.error("Admin change to page %s failed (%s); rolled back", page_id, response.status_code)
                transaction.set_rollback(True)
        return response
