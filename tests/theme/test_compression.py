"""Production sends HTML gzip-compressed to browsers that ask for it (issue 18).

The middleware list is production's own (cop_site/settings/production.py, read in a
subprocess with its required environment); the page is served from this test's database.
"""

import gzip
import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "cop_site.settings.production",
    "DJANGO_SECRET_KEY": "compression-check-" + "x" * 40,
    "DJANGO_ALLOWED_HOSTS": "testserver",
    "PUBLIC_BASE_URL": "https://samenpreventief.nl",
}


@pytest.fixture(scope="module")
def production():
    clean = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "PUBLIC_BASE_URL"))}
    code = (
        "import json, django; django.setup(); from django.conf import settings;"
        "print(json.dumps({'middleware': settings.MIDDLEWARE, 'static': settings.STORAGES['staticfiles']['BACKEND']}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env={**clean, **PRODUCTION_ENV},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_gzip_sits_below_whitenoise_and_above_the_page_cache(production):
    """Above the page cache: the cache keeps one plain copy. Below WhiteNoise: static files
    are served from the compressed copies collectstatic wrote, never compressed per request."""
    middleware = production["middleware"]
    gzip_at = middleware.index("django.middleware.gzip.GZipMiddleware")
    assert middleware.index("whitenoise.middleware.WhiteNoiseMiddleware") < gzip_at
    assert gzip_at < middleware.index("core.page_cache.AnonymousPageCacheMiddleware")
    assert gzip_at < middleware.index("core.page_cache.MemberPageCacheMiddleware")
    assert production["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_a_page_comes_gzip_encoded_when_asked_and_plain_otherwise(client, demo_content, settings, production):
    """The home page through production's middleware, page cache on: the first request fills the
    cache, the next two are served from it, each in the encoding that request asked for."""
    settings.MIDDLEWARE = production["middleware"]
    settings.PAGE_CACHE_ENABLED = True

    compressed = client.get("/", headers={"accept-encoding": "gzip, deflate, br"})
    assert compressed.status_code == 200
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    html = gzip.decompress(compressed.content).decode()
    assert html.startswith("<!DOCTYPE html>") and 'class="samen-preventief-theme"' in html
    assert len(compressed.content) < len(html.encode()) / 2

    plain = client.get("/")
    assert plain["X-Page-Cache"] == "hit"
    assert not plain.has_header("Content-Encoding")
    assert plain.content.decode() == html

    again = client.get("/", headers={"accept-encoding": "gzip"})
    assert again["X-Page-Cache"] == "hit" and again["Content-Encoding"] == "gzip"
    assert gzip.decompress(again.content).decode() == html
