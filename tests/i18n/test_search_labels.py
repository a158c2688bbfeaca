"""The search page under /en/ names vocabulary values in English and marks the Dutch results."""

from bs4 import BeautifulSoup

from taxonomy.models import Theme


def test_search_facets_use_english_labels_and_keep_dutch_values(client, demo_content):
    Theme.objects.update(name_en="")
    response = client.get("/en/zoeken/", {"q": "jongeren"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")

    stage_input = soup.select_one("input[name=life_stage]")
    label = soup.find("label", attrs={"for": stage_input["id"]})
    # The filter still sends the value the index knows (the Dutch name); the visitor reads English.
    assert stage_input["value"] in {
        "Zwangerschap en geboorte",
        "0–4 jaar",
        "4–12 jaar",
        "12–18 jaar",
        "18–23 jaar",
        "Ouders",
        "Professionals",
        "Buurt",
    }
    assert stage_input["value"] not in label.get_text()
    assert label.find("span", lang="nl") is None
    # A theme without an English label is shown in Dutch, marked.
    theme_input = soup.select_one("input[name=theme]")
    assert soup.find("label", attrs={"for": theme_input["id"]}).find("span", lang="nl") is not None
    # Results are the editors' Dutch text.
    assert soup.select_one(".search-result__title a")["lang"] == "nl"


def test_search_in_dutch_shows_dutch_labels_unmarked(client, demo_content):
    soup = BeautifulSoup(client.get("/zoeken/", {"q": "jongeren"}).content.decode(), "html.parser")
    stage_input = soup.select_one("input[name=life_stage]")
    label = soup.find("label", attrs={"for": stage_input["id"]})
    assert stage_input["value"] in label.get_text()
    assert not soup.select("main [lang]")
