"""Schema-based fuzzing of both public APIs (search and the open data under /api/v2/) with schemathesis, against the OpenAPI schema at
/api/schema/, in-process through the WSGI application, with the demo content loaded.

Every operation gets a bounded number of generated requests (valid and edge-case parameters
from the schema); each response must not be a server error and must conform to the schema
(status code, content type, body).
"""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings

from cop_site.wsgi import application

EXAMPLES_PER_OPERATION = 30
OPEN_DATA = {
    f"/api/v2/{endpoint}/{operation}"
    for endpoint in ("stories", "methods", "publications")
    for operation in ("", "{id}/", "find/")
}

pytestmark = pytest.mark.django_db


@pytest.fixture
def keep_test_connection():
    """As Django's test client does: the WSGI handler must not close the database connection
    at the end of each request (that would close the test's transaction on PostgreSQL)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def test_every_public_api_operation_holds_up_against_generated_requests(demo_content, keep_test_connection):
    schema = schemathesis.openapi.from_wsgi("/api/schema/", application)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {operation.path for operation in operations} >= {"/api/search/", "/api/search/autocomplete/", *OPEN_DATA}
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            case.headers = {**(case.headers or {}), "Host": "localhost"}
            case.call_and_validate()

        check()
