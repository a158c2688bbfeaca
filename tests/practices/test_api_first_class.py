"""The open-data API (/api/v2/) as a first-class citizen (issue 18): documented in the OpenAPI
schema, paging limits as documented and enforced, links on the public base URL behind a proxy,
and no personal data beyond the public names the pages show.

The fuzzing against the schema is in tests/test_api_schema_fuzz.py.
"""

import re

import pytest
from django.conf import settings as django_settings

pytestmark = pytest.mark.django_db

ENDPOINTS = ["stories", "methods", "publications"]
PROXY_HOST = "cop-web-1.internal:8000"


@pytest.fixture
def schema(client, db):
    response = client.get("/api/schema/?format=json")
    assert response.status_code == 200
    return response.json()


def parameters(operation):
    return {parameter["name"]: parameter for parameter in operation.get("parameters", [])}


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_the_schema_documents_listing_detail_and_find_with_their_errors(schema, endpoint):
    listing = schema["paths"][f"/api/v2/{endpoint}/"]["get"]
    detail = schema["paths"][f"/api/v2/{endpoint}/{{id}}/"]["get"]
    find = schema["paths"][f"/api/v2/{endpoint}/find/"]["get"]

    assert {"fields", "offset", "limit", "order", "search", "locale", "life_stage"} <= set(parameters(listing))
    assert parameters(listing)["life_stage"]["schema"]["type"] == "array"  # a facet filter, as on the listing page
    assert "publication_year" in parameters(detail)["fields"]["schema"]["pattern"] or endpoint != "publications"
    assert {"id", "html_path"} <= set(parameters(find))
    for operation in (listing, detail, find):
        error = operation["responses"]["400"]["content"]["application/json"]["schema"]
        assert error["required"] == ["message"]
    assert "404" in detail["responses"] and "302" in find["responses"]
    items = listing["responses"]["200"]["content"]["application/json"]["schema"]["properties"]["items"]
    assert items["items"]["properties"]["meta"]["properties"]["detail_url"]["format"] == "uri"


def test_the_documented_paging_limits_are_the_enforced_ones(client, schema, knowledge_base):
    listing = parameters(schema["paths"]["/api/v2/stories/"]["get"])
    limit, offset = listing["limit"]["schema"], listing["offset"]["schema"]
    assert limit["maximum"] == getattr(django_settings, "WAGTAILAPI_LIMIT_MAX", 20)

    assert client.get(f"/api/v2/stories/?limit={limit['maximum']}&offset={offset['maximum']}").status_code == 200
    for query, name in [
        (f"limit={limit['maximum'] + 1}", "limit"),
        ("limit=-1", "limit"),
        ("limit=twintig", "limit"),
        ("limit=1.5", "limit"),
        (f"offset={offset['maximum'] + 1}", "offset"),
        ("offset=-1", "offset"),
        ("offset=", "offset"),
    ]:
        response = client.get(f"/api/v2/stories/?{query}")
        assert response.status_code == 400, query
        message = response.json()["message"]
        assert message.startswith(f"{name} moet een geheel getal van 0 tot en met "), (query, message)
        assert str(limit["maximum"] if name == "limit" else offset["maximum"]) in message, (query, message)


def all_urls(text):
    return re.findall(r"https?://[^\s\"'<>\\]+", text)


def test_links_start_with_the_public_base_url_whatever_host_the_proxy_sends(client, settings, demo_content):
    """Behind a proxy the request's Host is an internal one; every link must still be the public address."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, PROXY_HOST.split(":")[0]]
    settings.PUBLIC_BASE_URL = settings.WAGTAILAPI_BASE_URL = "https://samenpreventief.example"
    proxied = {"HTTP_HOST": PROXY_HOST, "HTTP_X_FORWARDED_HOST": PROXY_HOST, "HTTP_X_FORWARDED_PROTO": "http"}

    for endpoint in ENDPOINTS:
        listing = client.get(f"/api/v2/{endpoint}/?fields=*&rich_text_format=html", **proxied)
        assert listing.status_code == 200
        items = listing.json()["items"]
        assert items, endpoint
        page_id = items[0]["id"]
        detail = client.get(f"/api/v2/{endpoint}/{page_id}/?fields=*&rich_text_format=html", **proxied)
        found = client.get(f"/api/v2/{endpoint}/find/?id={page_id}", **proxied)

        assert found.status_code == 302
        assert found["Location"].startswith(f"https://samenpreventief.example/api/v2/{endpoint}/{page_id}/")
        text = listing.content.decode() + detail.content.decode()
        urls = all_urls(text)
        assert len(urls) >= 2 * len(items)  # detail_url and html_url of every item
        assert [url for url in urls if not url.startswith("https://samenpreventief.example/")] == [], endpoint
        assert PROXY_HOST.split(":")[0] not in text
        # Links inside rich text (pages, documents, images) are no relative paths either.
        assert not re.search(r"(href|src)=\\?\"/", text), endpoint


def test_the_api_gives_no_personal_data_beyond_public_names(client, demo_content):
    """Tips are not in the API; no e-mail address, account name or parent's name in any field."""
    from accounts.models import Profile, User

    secrets = set()
    for user in User.objects.all():
        secrets.update({user.email, user.username if hasattr(user, "username") else ""})
    for user in User.objects.filter(profile__role=Profile.Role.PARENT):
        secrets.update({user.first_name, user.last_name, user.get_full_name()})
    secrets = {secret for secret in secrets if secret and len(secret) > 2}
    assert secrets

    outputs = []
    for endpoint in ENDPOINTS:
        listing = client.get(f"/api/v2/{endpoint}/?fields=*&limit=20").json()
        outputs.append(str(listing))
        for item in listing["items"]:
            outputs.append(client.get(f"/api/v2/{endpoint}/{item['id']}/?fields=*").content.decode())
    text = "\n".join(outputs)
    assert [secret for secret in secrets if secret in text] == []
    assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", text), "an e-mail address in the open data"
    for endpoint in ENDPOINTS:  # fields that exist on the pages but are not open data
        for field in ("owner", "contact_email", "contact_name", "tips", "locked_by"):
            assert client.get(f"/api/v2/{endpoint}/?fields={field}").status_code == 400, (endpoint, field)
    assert client.get("/api/v2/tips/").status_code == 404


@pytest.mark.parametrize("query", ['E0oT*t)"@[Dy', '"', "@@", "NEAR(", "ouders AND", "^jongeren"])
@pytest.mark.parametrize("endpoint", ["stories", "methods", "publications"])
def test_search_with_punctuation_answers_instead_of_failing(client, demo_content, endpoint, query):
    """The fuzzer's find: on SQLite, Wagtail's search backend handed `"`, `@` and `*` to FTS5 as
    query syntax, and the database's refusal became a 503."""
    response = client.get(f"/api/v2/{endpoint}/", {"search": query})
    assert response.status_code == 200, response.content[:300]
    assert "items" in response.json()


def test_search_with_punctuation_still_finds_by_its_words(client, demo_content):
    plain = client.get("/api/v2/methods/", {"search": "VoorZorg"}).json()
    noisy = client.get("/api/v2/methods/", {"search": '"VoorZorg"@*'}).json()
    assert plain["meta"]["total_count"] >= 1
    assert [item["id"] for item in noisy["items"]] == [item["id"] for item in plain["items"]]
