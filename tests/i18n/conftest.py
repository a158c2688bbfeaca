"""Helpers the English-visitor tests share."""

from bs4 import BeautifulSoup
from django.utils import translation


def url_in(language, page):
    """The page's address for a visitor reading `language` (`/en/…` for English)."""
    with translation.override(language):
        return page.url


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content.decode(), "html.parser")
