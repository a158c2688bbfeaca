import pytest
from django.core.management import call_command


@pytest.fixture(autouse=True)
def _isolated_test(settings, tmp_path):
    """Own media folder, an empty cache (rate-limit counters live there) and the site's default
    language for every test: a request on /en/ leaves English active in the thread."""
    from django.core.cache import cache
    from django.utils import translation

    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture
def demo_content(db):
    """The full demo platform, as `make run` loads it."""
    call_command("load_demo_content", stdout=open("/dev/null", "w"))


@pytest.fixture
def postgres_only(db):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (run with DATABASE_URL=postgres://…)")
