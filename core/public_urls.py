"""Absolute links to the public site: the one place that knows its scheme, host and port.

Links that leave the request cycle (mails, the check-in QR code, `.ics` files, the check URL
printed on a certificate, API responses) cannot take the host from a request: a task worker
has none, and behind a proxy the request's host may be an internal one. They all come from
the `PUBLIC_BASE_URL` setting (environment variable of the same name; `make run PORT=8101`
sets it to http://127.0.0.1:8101). Wagtail's admin base URL is derived from it in settings,
and `sync_default_site` keeps Wagtail's Site record in step so `page.full_url` agrees.
"""

from urllib.parse import urlsplit

from django.conf import settings


def public_base_url():
    """`PUBLIC_BASE_URL` without a trailing slash, e.g. `https://samenpreventief.nl`."""
    return settings.PUBLIC_BASE_URL.rstrip("/")


def absolute_url(path):
    """The public URL of a site-relative `path` such as `reverse(…)` returns ("/kennisateliers/…")."""
    if not path.startswith("/"):
        raise ValueError(f"absolute_url needs a path starting with '/', not {path!r}")
    return public_base_url() + path


def page_absolute_url(page):
    """The public URL of a Wagtail page in the active language (/en/… while English is active).

    Takes only the path from Wagtail (which would otherwise prefix the Site record's root URL)
    so every page link has the same host as every other link. None for a page outside the site.
    """
    url_parts = page.get_url_parts()
    if url_parts is None:
        return None
    _site_id, _root_url, page_path = url_parts
    return absolute_url(page_path)


def site_host_and_port(base_url=None):
    """(hostname, port) of the public base URL as Wagtail's Site record stores them."""
    parts = urlsplit(base_url or public_base_url())
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


def sync_default_site():
    """Give the default Wagtail Site the host and port of PUBLIC_BASE_URL; True when it changed.

    Wagtail builds `page.full_url` (and the admin's "view live" links) from the Site record,
    which the demo set-up creates as localhost:80; run at set-up and after every migrate.
    """
    from wagtail.models import Site

    hostname, port = site_host_and_port()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])  # save(), not update(): clears Wagtail's site cache
    return True
