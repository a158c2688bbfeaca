"""Error pages that need no database.

When the database cannot be reached (restarting, network cut) a request fails with
OperationalError/InterfaceError wherever it first touches the database, often in the session
or authentication middleware. Those requests get a static Dutch 503 page with Retry-After
instead of a 500: trying again shortly is the right thing to do (forms that save something
are safe to send again: registrations and tips are not duplicated).
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
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
