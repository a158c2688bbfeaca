"""The small onboarded platform of the editorial tests, for the admin upload form."""

from tests.editorial.conftest import platform  # noqa: F401


def queries_on_a_second_visit(client, path):
    """(number of queries, HTML) of `path` when caches that are not about pictures are warm.

    Wagtail keeps renditions in the default cache (in production the database cache, where every
    look-up is a query too); that cache is emptied, so only a prefetch saves a query per picture.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from pictures.models import Picture

    client.get(path)
    Picture.get_rendition_model().cache_backend.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured.captured_queries), response.content.decode()
