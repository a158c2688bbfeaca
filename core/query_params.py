"""Query parameters from the outside world, made safe before any view reads them (issue #13.15).

A NUL byte in a filter (`/praktijkverhalen/?province=%00`) reached PostgreSQL, which refuses
NUL in text, and became a server error. `printable` is the one cleaning rule (the search
service uses it too); `CleanQueryParametersMiddleware` applies it to every request's query
parameters, so each page gets plain text and a visitor never sees an error for a mangled link.

The open-data API (/api/v2/) is left as it is: it answers bad input with a JSON 400 saying
what is wrong (practices/api.py), because a program calling it has to learn its mistake.
"""

from django.http import QueryDict

# Longer values are cut: no filter value, search query or page number needs more.
MAX_VALUE_LENGTH = 500
# Paths that check their own query parameters (and say so with a 400).
UNCLEANED_PATH_PREFIXES = ("/api/v2/",)


def whole_number(value):
    """The number written in ASCII digits, or None. `str.isdigit()` also says yes to "¹" and
    other Unicode digits that `int()` refuses or reads differently from what a visitor sees."""
    value = "" if value is None else str(value)
    return int(value) if value.isascii() and value.isdigit() else None


def printable(value):
    """Without NUL and other control characters (PostgreSQL refuses NUL in text)."""
    return "".join(char for char in str(value) if char >= " " or char in "\t")


def is_printable(value):
    return printable(value) == value


def cleaned(query_dict):
    """A copy of `query_dict` with printable keys and values, each value at most MAX_VALUE_LENGTH long."""
    result = QueryDict(mutable=True)
    for key, values in query_dict.lists():
        key = printable(key)[:MAX_VALUE_LENGTH]
        if key:
            result.setlist(key, [printable(value)[:MAX_VALUE_LENGTH] for value in values])
    result._mutable = False
    return result


class CleanQueryParametersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(UNCLEANED_PATH_PREFIXES):
            query = request.GET
            if any(
                len(key) > MAX_VALUE_LENGTH
                or not is_printable(key)
                or len(value) > MAX_VALUE_LENGTH
                or not is_printable(value)
                for key, values in query.lists()
                for value in values
            ):
                request.GET = cleaned(query)
        return self.get_response(request)
