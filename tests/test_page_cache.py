import pytest
from django.core.cache import cache

from accounts.models import User
from home.models import HomePage


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()


def test_anonymous_visitors_get_the_page_from_cache(client, demo_content, page_cache, django_assert_num_queries):
    assert client.get("/organisaties/")["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        response = client.get("/organisaties/")
    assert response["X-Page-Cache"] == "hit"
    assert "Gemeente Zwolle" in response.content.decode()


def test_publishing_a_change_shows_up_at_once(client, demo_content, page_cache):
    client.get("/")
    home = HomePage.objects.get()
    home.title = "Samen Preventief vernieuwd"
    home.save_revision().publish()
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "Samen Preventief vernieuwd" in response.content.decode()


def test_logged_in_members_never_get_a_shared_page(client, demo_content, page_cache):
    client.get("/")
    client.force_login(User.objects.get(email="professional@demo.samenpreventief.nl"))
    response = client.get("/")
    assert "X-Page-Cache" not in response
    assert "Mijn profiel" in response.content.decode()
