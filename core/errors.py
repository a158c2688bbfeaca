"""Error pages that need no database.

When the database cannot be reached (restarting, network cut) a request fails with
OperationalError/InterfaceError wherever it first touches the database, often in the session
or authentication middleware. Those requests get a static Dutch 503 page with Retry-After
instead of a 500: trying again shortly is the right thing to do (forms that save something
are safe to send again: registrations and tips are not duplicated).
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults

UNAVAILABLE_HTML = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Even niet bereikbaar – Samen Preventief</title></head>
<body><h1>Even niet bereikbaar</h1>
<p>Samen Preventief is heel even niet bereikbaar. Probeer het over een paar seconden opnieuw.</p>
</body></html>
"""


def server_error(request, template_name="500.html"):
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        response = HttpResponse(UNAVAILABLE_HTML, status=503, content_type="text/html; charset=utf-8")
        response["Retry-After"] = "5"
        return response
    return defaults.server_error(request, template_name)


def api_not_found(request, *args, **kwargs):
    """Unknown URLs under /api/ (/api/v2/stories/abc/): a JSON 404 like the API's own, not the HTML page."""
    return JsonResponse({"message": _("Niet gevonden.")}, status=404)


class FriendlyNotFoundMiddleware:
    """`make run` (DEBUG) shows the site's own 404 page, not Django's debug page listing every URL
    pattern, which newcomers took for a broken site. Only in dev settings; DJANGO_DEBUG_404=1
    brings Django's page back. (Production and tests have DEBUG off: the 404 page anyway.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, Http404):
            return defaults.page_not_found(request, exception)
        return None
