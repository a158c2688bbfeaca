"""The search service on a small set of documents indexed directly."""

import pytest

from search import service
from search.backends import get_backend
from search.models import IndexEntry, IndexTerm

from .conftest import doc

pytestmark = pytest.mark.django_db


def keys(results):
    return [result.key.split(":")[1] for result in results.results]


def test_dutch_stemming_finds_plural_and_inflections(indexed):
    assert keys(service.search("verpleegkundigen"))[0] == "1"
    assert "2" in keys(service.search("thuiszitters"))


def test_synonym_from_snippet(indexed):
    assert keys(service.search("spijbelen"))[0] == "2"
    assert keys(service.search("tienermoeders"))[0] == "1"


def test_acronym_and_short_words(indexed):
    assert keys(service.search("JIT"))[0] == "6"
    assert keys(service.search("triple p"))[0] == "5"


def test_compounds_and_hyphenation(indexed):
    for query in ["ouder kindcoach", "ouderkindcoach", "kindcoaches", "ouder- en kindcoach", "sociaalemotioneel"]:
        assert keys(service.search(query))[:1] == ["4"], query


def test_typo_is_corrected_with_suggestion(indexed):
    results = service.search("centering pregancy")
    assert keys(results)[0] == "3"
    assert results.suggestion
    assert service.search("verpleegkundie").suggestion == "verpleegkundige"


def test_known_words_get_no_suggestion(indexed):
    assert service.search("schoolverzuim").suggestion == ""


def test_facets_count_and_filter(indexed):
    results = service.search("zwangerschap")
    facets = dict(results.facets["type"])
    assert facets == {"story": 1, "method": 1}
    filtered = service.search("zwangerschap", {"type": ["method"]})
    assert keys(filtered) == ["3"]
    assert dict(filtered.facets["type"]) == {"method": 1}
    assert dict(service.search("", {"province": ["Zuid-Holland"]}).facets["municipality"]) == {
        "Dordrecht": 1,
        "Schiedam": 1,
    }


def test_highlight_marks_words_and_escapes_html(indexed):
    result = service.search("outreachend")
    highlight = result.results[0].highlight
    assert "<mark>outreachend</mark>" in highlight
    assert "script>" not in highlight
    html_without_marks = highlight.replace("<mark>", "").replace("</mark>", "")
    assert "<" not in html_without_marks


def test_nothing_found_gives_dutch_help(indexed):
    results = service.search("xylofoonorkest")
    assert results.total == 0
    assert "Geen resultaten" in results.message


def test_only_symbols_gives_clear_message(indexed):
    results = service.search('"" () * - !! ¿?')
    assert results.total == 0 and "geen woorden" in results.message


def test_all_words_preferred_then_partial(indexed):
    results = service.search("schoolverzuim xylofoonorkest")
    assert results.partial_match and keys(results)[0] == "2"


def test_pagination(indexed):
    first = service.search("", page=1, page_size=4)
    second = service.search("", page=2, page_size=4)
    assert first.total == 6 and len(first.results) == 4 and len(second.results) == 2
    assert service.search("", page=99, page_size=4).page == 2


def test_synonym_change_works_without_reindex(indexed):
    from search.models import Synonym

    assert service.search("kraamzorg").total == 0
    Synonym.objects.create(terms="kraamzorg, verpleegkundige")
    assert keys(service.search("kraamzorg"))[0] == "1"


def test_index_update_and_delete_keep_vocabulary(indexed):
    backend = get_backend()
    backend.index([doc(7, "tip", "Schrijf je vragen op", "Neem een vriendin mee naar het gesprek.")])
    assert keys(service.search("vriendin")) == ["7"]
    backend.index([doc(7, "tip", "Schrijf je vragen op", "Neem een buurvrouw mee.")])
    assert service.search("vriendin").total == 0
    assert not IndexTerm.objects.filter(term="vriendin").exists()
    backend.delete(["test.Doc:7"])
    assert not IndexEntry.objects.filter(key="test.Doc:7").exists()
    assert service.search("buurvrouw").total == 0


def test_autocomplete(indexed):
    suggestions = service.autocomplete("cent")
    assert "CenteringPregnancy" in suggestions
    assert any(s.startswith("verpleeg") for s in service.autocomplete("verple"))
    assert service.autocomplete("") == []


def test_python_highlighter_escapes_everything_but_mark():
    from search.analysis import stem
    from search.highlight import highlight

    snippet = highlight('Ouders <b onclick="x">vertellen</b> & "zwangere" jongeren', {stem("zwangere")})
    assert (
        snippet
        == "Ouders &lt;b onclick=&quot;x&quot;&gt;vertellen&lt;/b&gt; &amp; &quot;<mark>zwangere</mark>&quot; jongeren"
    )
