import pytest

from practices.models import MethodEvidenceRecord, PracticeStoryPage, StoryKeyFigure, StorySpokesperson
from taxonomy.models import EvidenceLevel, WorkingFactor


def test_story_links_to_its_method_and_back(client, knowledge_base):
    story, method = knowledge_base["think_story"], knowledge_base["think"]
    content = client.get(story.url).content.decode()
    assert f'href="{method.url}"' in content
    assert "Zwolle, Overijssel" in content
    assert "Bron: Seed 003" in content
    # The working factor links to the listing filtered on it.
    assert "/praktijkverhalen/?working_factor=" in content
    method_page = client.get(method.url).content.decode()
    assert f'href="{story.url}"' in method_page
    assert "Goed onderbouwd" in method_page


def related_section(content, kind):
    """The titles linked in the related-content section of `kind` ("story", "method", …)."""
    import re

    match = re.search(rf'aria-labelledby="related-{kind}-heading">(.*?)</section>', content, re.DOTALL)
    return (
        re.findall(r'<h3 class="utrecht-heading-3"><a class="utrecht-link" href="[^"]*">([^<]*)</a>', match[1])
        if match
        else []
    )


def test_related_stories_share_themes_when_semantic_search_is_off(client, knowledge_base):
    """Without the embedding model (as in these tests), related content is what shares themes and
    working factors in the search index; with it, what is nearest in meaning (tests/search/test_related.py)."""
    story, other = knowledge_base["think_story"], knowledge_base["teen_story"]
    other.themes.add("weerbaarheid")
    other.save_revision().publish()
    content = client.get(story.url).content.decode()
    assert "Vergelijkbare praktijkverhalen" in content
    assert related_section(content, "story") == ["Jongeren op straat"]
    # The story's own method is listed above and not offered again as a method that fits.
    assert knowledge_base["think"].title not in related_section(content, "method")


def test_story_detail_query_count_does_not_grow_with_related_items(
    client, knowledge_base, make_method, django_assert_max_num_queries
):
    story = knowledge_base["think_story"]
    zwolle_page = knowledge_base["zwolle"].page
    methods = [make_method(zwolle_page, f"Methode {number}") for number in range(15)]
    story.methods.set(methods + [knowledge_base["think"]])
    story.working_factors.set(WorkingFactor.objects.all())
    story.key_figures = [StoryKeyFigure(label=f"cijfer {n}", value=str(n), source="bron") for n in range(15)]
    story.spokespeople = [StorySpokesperson(name=f"Persoon {n}") for n in range(10)]
    story.themes.add(*[f"thema {n}" for n in range(10)])
    story.save_revision().publish()
    with django_assert_max_num_queries(35):
        response = client.get(story.url)
    assert response.status_code == 200
    assert len(response.context["methods"]) == 16
    assert "Persoon 9" in response.content.decode()


def test_related_cards_cost_no_query_each(client, knowledge_base, make_story):
    """Related content comes from the search index in two queries, whatever the number of cards."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    story = knowledge_base["think_story"]
    rotterdam_page = knowledge_base["rotterdam"].page

    def add_related_story(title):
        other = make_story(rotterdam_page, title)
        other.themes.add("weerbaarheid")
        other.save_revision().publish()

    add_related_story("Eerste verwante verhaal")
    client.get(story.url)  # warm up: menu, footer and site root paths are cached per content generation
    with CaptureQueriesContext(connection) as one_card:
        response = client.get(story.url)
    assert len(related_section(response.content.decode(), "story")) == 1
    add_related_story("Tweede verwante verhaal")
    add_related_story("Derde verwante verhaal")
    client.get(story.url)
    with CaptureQueriesContext(connection) as three_cards:
        response = client.get(story.url)
    assert len(related_section(response.content.decode(), "story")) == 3
    assert len(three_cards) == len(one_card)


def test_method_detail_query_count_does_not_grow_with_evidence_records(
    client, knowledge_base, make_story, django_assert_max_num_queries
):
    method = knowledge_base["think"]
    levels = list(EvidenceLevel.objects.filter(recognised=True))
    method.evidence_records = [MethodEvidenceRecord(scheme=level.scheme, level=level) for level in levels]
    method.save_revision().publish()
    rotterdam_page = knowledge_base["rotterdam"].page
    for number in range(10):
        make_story(rotterdam_page, f"Verhaal {number}", methods=[method])
    # +1 with issue 18: Wagtail's i18n looks up the active locale when it routes. +1 with English
    # slugs, on this first request after publishing only: the map of the pages' English
    # addresses (the language switch and hreflang), read once per content generation.
    with django_assert_max_num_queries(32):
        response = client.get(method.url)
    assert len(response.context["stories"]) == 11
    assert len(response.context["evidence_records"]) == len(levels)


@pytest.mark.django_db
def test_not_recognised_evidence_needs_a_reason(vocabularies):
    from django.core.exceptions import ValidationError

    level = EvidenceLevel.objects.get(slug="niet-erkend")
    record = MethodEvidenceRecord(scheme=level.scheme, level=level)
    with pytest.raises(ValidationError) as error:
        record.clean()
    assert "reden" in str(error.value)
    record.reason = "Onvoldoende onderbouwing van de werkzame elementen."
    record.clean()


def test_prevention_matrix_shows_empty_cells_overall_and_per_municipality(client, knowledge_base):
    response = client.get("/kennisbank/matrix/")
    assert response.status_code == 200
    matrix = response.context["matrix"]
    cells = {(stage.slug, cell.level.slug): cell for stage, row in matrix.rows for cell in row}
    assert [m.title for m in cells[("12-18", "universeel")].methods] == ["THINK op school"]
    assert [s.title for s in cells[("zwangerschap-geboorte", "selectief")].stories] == ["Moeders van Rotterdam"]
    assert cells[("0-4", "geindiceerd")].is_empty
    assert "Geen aanbod" in response.content.decode()

    rotterdam = client.get("/kennisbank/matrix/?gemeente=rotterdam").context["matrix"]
    rotterdam_cells = {(stage.slug, cell.level.slug): cell for stage, row in rotterdam.rows for cell in row}
    assert rotterdam_cells[("12-18", "universeel")].is_empty
    assert rotterdam.empty_cells == matrix.empty_cells + 1

    unknown = client.get("/kennisbank/matrix/?gemeente=atlantis")
    assert unknown.status_code == 200
    assert "Deze gemeente kennen we niet" in unknown.content.decode()


def test_search_documents_carry_facets_and_no_private_data(knowledge_base):
    from practices.models import MethodPage, PracticeStoryPage, PublicationPage
    from search.registry import registered_models

    assert {PracticeStoryPage, MethodPage, PublicationPage} <= set(registered_models())
    document = PracticeStoryPage.objects.get(pk=knowledge_base["think_story"].pk).search_document()
    assert document.type == "story"
    assert document.municipality == "Zwolle"
    assert document.province == "Overijssel"
    assert document.facets["life_stage"] == ["12–18 jaar"]
    assert document.facets["theme"] == ["weerbaarheid"]
    method_document = MethodPage.objects.get(pk=knowledge_base["think"].pk).search_document()
    assert method_document.facets["evidence_level"] == ["Goed onderbouwd"]


def test_home_page_shows_latest_stories(client, knowledge_base):
    content = client.get("/").content.decode()
    assert "Nieuwste praktijkverhalen" in content
    assert "Moeders van Rotterdam" in content


def test_api_lists_stories_with_facet_filters(client, knowledge_base):
    response = client.get("/api/v2/stories/?life_stage=12-18&province=zuid-holland")
    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["total_count"] == 1
    assert data["items"][0]["title"] == "Jongeren op straat"
    assert data["items"][0]["province"] == "zuid-holland"
    detail = client.get(f"/api/v2/stories/{knowledge_base['think_story'].pk}/").json()
    assert detail["key_figures"][0]["source"] == "Seed 003"
    assert detail["method_ids"] == [knowledge_base["think"].pk]
    assert detail["working_factor_numbers"] == [7]
    methods = client.get("/api/v2/methods/?evidence_level=goed-onderbouwd&fields=evidence_records").json()
    assert methods["items"][0]["evidence_records"][0]["level_slug"] == "goed-onderbouwd"
    assert client.get("/api/v2/stories/?onbekend=1").status_code == 400


def test_preview_shows_unsaved_relations(knowledge_base, make_method):
    story = PracticeStoryPage.objects.get(pk=knowledge_base["think_story"].pk)
    extra = make_method(knowledge_base["zwolle"].page, "Nog een methode")
    story.methods = [knowledge_base["think"], extra]
    story.themes.add("nieuw thema")
    response = story.make_preview_request()
    assert response.status_code == 200
    content = response.content.decode()
    assert "Nog een methode" in content
    assert "nieuw thema" in content


def test_api_listing_query_count_does_not_grow_with_items(
    client, knowledge_base, make_story, django_assert_max_num_queries
):
    rotterdam_page = knowledge_base["rotterdam"].page
    for number in range(12):
        story = make_story(
            rotterdam_page, f"API-verhaal {number}", key_figures=[{"label": "x", "value": "1", "source": "bron"}]
        )
        story.themes.add("api", f"thema {number}")
        story.save_revision().publish()
    with django_assert_max_num_queries(25):
        response = client.get("/api/v2/stories/?fields=*&limit=20")
    assert response.json()["meta"]["total_count"] == 15
    assert all("theme_names" in item for item in response.json()["items"])


def test_method_page_shows_methods_on_the_same_themes(client, knowledge_base, make_method):
    think = knowledge_base["think"]
    think.themes.add("weerbaarheid")
    think.save_revision().publish()
    rots = make_method(knowledge_base["zwolle"].page, "Rots en Water")
    rots.themes.add("weerbaarheid")
    rots.save_revision().publish()
    make_method(knowledge_base["zwolle"].page, "Iets anders")
    content = client.get(think.url).content.decode()
    assert related_section(content, "method") == ["Rots en Water"]
    assert "Methoden die hierbij passen" in content
