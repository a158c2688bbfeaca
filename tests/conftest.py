import pytest
from django.core.management import call_command


@pytest.fixture(autouse=True)
def _isolated_test(settings, tmp_path):
    """Own media folder and an empty cache (rate-limit counters live there) for every test."""
    from django.core.cache import cache

    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()


@pytest.fixture
def demo_content(db):
    """The full demo platform, as `make run` loads it."""
    call_command("load_demo_content", stdout=open("/dev/null", "w"))


@pytest.fixture
def postgres_only(db):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (run with DATABASE_URL=postgres://…)")
