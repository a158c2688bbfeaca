"""The demo's content files: an editor's typo stops the loader with the file and entry named.

The demo prose lives in `<app>/demo_data/*.toml`. A mistake there must not surface as a KeyError
deep inside a loader, nor (worse) be skipped silently: before the data files, an unknown
vocabulary slug simply left the term off the page.
"""

import pytest

from home.demo_data import DemoDataError, DemoFile
from home.site_setup import setup_site
from organisations import demo as organisations_demo
from practices.demo import read_methods, read_publications, read_stories

PRACTICES_DATA = "practices/demo_data"


@pytest.fixture
def organisations(db):
    """Vocabularies and the demo's organisations: what the knowledge-base files refer to."""
    setup_site()
    organisations_demo.load(lambda message: None)


def _edited_copy(settings, tmp_path, name, edit):
    """A copy of a shipped data file with one edit, as an editor might make it."""
    source = settings.BASE_DIR / PRACTICES_DATA / name
    text = source.read_text(encoding="utf-8")
    edited = edit(text)
    assert edited != text, "the edit must change the file"
    target = tmp_path / name
    target.write_text(edited, encoding="utf-8")
    return DemoFile(target)


def _publication_slugs():
    _source, publications = read_publications()
    return {slug for slug, _data in publications}


def test_the_shipped_knowledge_base_files_pass_their_checks(organisations):
    _note, methods = read_methods(_publication_slugs())
    _source, stories = read_stories({slug for slug, _data in methods})
    assert len(methods) == 18 and len(stories) == 17 and len(_publication_slugs()) == 5


def test_a_typo_in_a_field_name_names_the_file_and_the_story(organisations, settings, tmp_path):
    data_file = _edited_copy(
        settings,
        tmp_path,
        "stories.toml",
        lambda text: text.replace('code = "S03"', 'code = "S03"\nstandfrist = "x"', 1),
    )
    with pytest.raises(DemoDataError) as raised:
        read_stories(set(), data_file=data_file)
    message = str(raised.value)
    assert "stories.toml" in message and "(S03)" in message and "standfrist" in message


def test_an_unknown_life_stage_slug_stops_the_loader_instead_of_being_dropped(organisations, settings, tmp_path):
    data_file = _edited_copy(
        settings,
        tmp_path,
        "stories.toml",
        lambda text: text.replace('life_stages = ["12-18"]', 'life_stages = ["12-81"]', 1),
    )
    with pytest.raises(DemoDataError) as raised:
        read_stories({"think-op-school"}, data_file=data_file)
    message = str(raised.value)
    assert "(S01)" in message and "life_stages" in message and "12-81" in message


def test_a_missing_field_names_the_method(organisations, settings, tmp_path):
    data_file = _edited_copy(
        settings, tmp_path, "methods.toml", lambda text: text.replace('kind = "intervention"\n', "", 1)
    )
    with pytest.raises(DemoDataError) as raised:
        read_methods(_publication_slugs(), data_file=data_file)
    message = str(raised.value)
    assert "methods.toml" in message and "(jongeren-interventie-team-jit)" in message and "kind" in message


def test_a_story_pointing_at_a_method_that_does_not_exist_is_reported(organisations, settings, tmp_path):
    data_file = _edited_copy(
        settings,
        tmp_path,
        "stories.toml",
        lambda text: text.replace('methods = ["think-op-school"]', 'methods = ["think-op-scool"]', 1),
    )
    with pytest.raises(DemoDataError) as raised:
        read_stories({"think-op-school"}, data_file=data_file)
    assert "think-op-scool" in str(raised.value) and "(S01)" in str(raised.value)


def test_a_file_that_is_not_toml_names_the_file(tmp_path):
    broken = tmp_path / "stories.toml"
    broken.write_text('[[story]]\ntitle = "Een titel zonder eind\n', encoding="utf-8")
    with pytest.raises(DemoDataError) as raised:
        DemoFile(broken)
    assert "stories.toml" in str(raised.value) and "geen geldige TOML" in str(raised.value)
