"""The English site is English: the catalogues are complete and the pages use them.

Our msgids are Dutch; `locale/en` (and `tips/locale/en`) hold the English. When a string is
added to the code or a template, run

    .venv/bin/python manage.py makemessages -l en --ignore=.venv --ignore=node_modules \
        --ignore=static/vendor --no-obsolete

translate the new entries and remove their `#, fuzzy` flags; these tests say which ones.
"""

import ast
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from django.utils import translation

from ateliers.models import AtelierPage
from practices.models import MethodIndexPage, StoryIndexPage

BASE_DIR = Path(__file__).resolve().parents[1]
CATALOGUES = [BASE_DIR / "locale/en/LC_MESSAGES/django.po", BASE_DIR / "tips/locale/en/LC_MESSAGES/django.po"]

# %(name)s, %s, %d, %%, {name}, and HTML tags must survive translation unchanged.
PLACEHOLDER = re.compile(r"%\(\w+\)[sdfir]|%[sdfir%]|\{\w*\}|<[^>]+>")


def parse_po(path):
    """Entries of a .po file as dicts: msgctxt, msgid, msgid_plural, msgstr (list), flags.

    A small parser for the gettext format that makemessages writes (obsolete `#~` entries skipped).
    """
    entries, entry, field = [], None, None

    def finish():
        if entry is not None and "msgid" in entry:
            entries.append(entry)

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#~"):
            continue
        if line.startswith("#"):
            if field is not None:  # a comment starts the next entry
                finish()
                entry, field = None, None
            if entry is None:
                entry = {"flags": set(), "msgstr": {}}
            if line.startswith("#,"):
                entry["flags"].update(flag.strip() for flag in line[2:].split(","))
            continue
        if line.startswith('"'):
            value = ast.literal_eval(line)
            if isinstance(field, int):
                entry["msgstr"][field] += value
            else:
                entry[field] += value
            continue
        keyword, _, rest = line.partition(" ")
        if keyword in ("msgctxt", "msgid") and field is not None and (keyword == "msgctxt" or field != "msgctxt"):
            finish()
            entry = None
        if entry is None:
            entry = {"flags": set(), "msgstr": {}}
        value = ast.literal_eval(rest)
        if keyword.startswith("msgstr"):
            index = int(keyword[7:-1]) if keyword.startswith("msgstr[") else 0
            entry["msgstr"][index] = value
            field = index
        else:
            entry[keyword] = value
            field = keyword
    finish()
    for entry in entries:
        entry["msgstr"] = [entry["msgstr"][i] for i in sorted(entry["msgstr"])]
    return [entry for entry in entries if entry["msgid"]]  # without the header


def label(entry):
    return repr(entry["msgid"])[:100]


def placeholders(text):
    return Counter(PLACEHOLDER.findall(text))


def test_the_parser_reads_plurals_contexts_and_continuation_lines(tmp_path):
    po = tmp_path / "x.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n\n'
        '#: a.py:1\n#, fuzzy, python-format\nmsgid ""\n"Nog %(n)s "\n"plek"\nmsgid_plural "Nog %(n)s plekken"\n'
        'msgstr[0] "%(n)s place"\nmsgstr[1] "%(n)s places"\n\n'
        'msgctxt "menu"\nmsgid "Zoeken"\nmsgstr "Search"\n\n#~ msgid "Oud"\n#~ msgstr "Old"\n',
        encoding="utf-8",
    )
    plural, context = parse_po(po)
    assert plural["msgid"] == "Nog %(n)s plek" and plural["msgid_plural"] == "Nog %(n)s plekken"
    assert plural["msgstr"] == ["%(n)s place", "%(n)s places"] and "fuzzy" in plural["flags"]
    assert context["msgctxt"] == "menu" and context["msgstr"] == ["Search"] and not context["flags"]


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda path: str(path.relative_to(BASE_DIR)))
def test_every_entry_is_translated_and_keeps_its_placeholders(catalogue):
    entries = parse_po(catalogue)
    assert len(entries) > 100
    untranslated = [label(e) for e in entries if not all(s.strip() for s in e["msgstr"])]
    fuzzy = [label(e) for e in entries if "fuzzy" in e["flags"]]
    assert not untranslated, f"{len(untranslated)} untranslated in {catalogue.name}: {untranslated[:20]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy (check the translation, then drop the flag): {fuzzy[:20]}"

    wrong = []
    for entry in entries:
        if "msgid_plural" in entry:
            assert len(entry["msgstr"]) == 2, label(entry)
            pairs = [(entry["msgid"], entry["msgstr"][0]), (entry["msgid_plural"], entry["msgstr"][1])]
        else:
            pairs = [(entry["msgid"], entry["msgstr"][0])]
        for source, translated in pairs:
            if placeholders(source) != placeholders(translated):
                wrong.append(f"{source!r} -> {translated!r}")
    assert not wrong, "placeholders or HTML differ:\n" + "\n".join(wrong)


def test_the_catalogues_hold_every_string_in_the_code(tmp_path):
    """makemessages on a copy of the project finds no msgid that the catalogues lack."""
    if not shutil.which("xgettext") or not shutil.which("msgmerge"):
        pytest.skip("GNU gettext (xgettext, msgmerge) is not installed")
    copy = tmp_path / "project"
    skip = {".venv", "node_modules", ".git", "test-artifacts", "media", "staticfiles", "vendor", "__pycache__"}
    shutil.copytree(BASE_DIR, copy, ignore=lambda folder, names: [n for n in names if n in skip or n.endswith(".mo")])
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cop_site.settings.test"}
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "en", "--no-obsolete", "-v0"]
        + ["--ignore=.venv", "--ignore=node_modules", "--ignore=static/vendor"],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr

    def keys(path):
        return {(e.get("msgctxt"), e["msgid"], e.get("msgid_plural")) for e in parse_po(path)}

    for catalogue in CATALOGUES:
        current = keys(copy / catalogue.relative_to(BASE_DIR))
        committed = keys(catalogue)
        missing = sorted(key[1] for key in current - committed)
        obsolete = sorted(key[1] for key in committed - current)
        assert not missing, f"not yet in {catalogue.relative_to(BASE_DIR)} (run makemessages): {missing[:20]}"
        assert not obsolete, f"no longer in the code (run makemessages --no-obsolete): {obsolete[:20]}"


@pytest.fixture(autouse=True)
def _dutch():
    """A request to /en/ leaves English active in the test thread; every test starts and ends in Dutch."""
    with translation.override("nl"):
        yield


def _pages():
    atelier = AtelierPage.objects.live().exclude(lessons="").order_by("date").first()
    return {
        "home": (
            "/",
            ["Nieuwste praktijkverhalen", "Komende kennisateliers"],
            ["Latest practice stories", "Upcoming knowledge workshops"],
        ),
        "search": (
            "/zoeken/?q=jeugd",
            ["Zoek in praktijkverhalen, methoden", "Filters toepassen", "Bewijskracht"],
            ["Search practice stories, methods", "Apply filters", "Strength of evidence"],
        ),
        "stories": (
            StoryIndexPage.objects.live().first().url,
            [" praktijkverhalen</h2>", "Levensfasen:", "Werkende factor"],
            [" practice stories</h2>", "Life stages:", "Working factor"],
        ),
        "methods": (
            MethodIndexPage.objects.live().first().url,
            [" methoden</h2>", "Nog niet beoordeeld", "Preventieniveau"],
            [" methods</h2>", "Not yet assessed", "Prevention level"],
        ),
        "signup": (
            "/account/signup/",
            ["Schuilnaam (alleen voor ouders)", "Als ouder verschijnt u alleen onder deze naam"],
            ["Pseudonym (parents only)", "As a parent, you only appear under this name"],
        ),
        "atelier": (
            atelier.url,
            ["Alle kennisateliers", "Vragen en discussie", "Lessen uit dit kennisatelier"],
            ["All knowledge workshops", "Questions and discussion", "Lessons from this knowledge workshop"],
        ),
    }


def test_english_pages_show_english_interface_strings(client, demo_content):
    for name, (path, dutch, english) in _pages().items():
        assert not path.startswith("/en/"), path
        nl = client.get(path)
        assert nl.status_code == 200, name
        nl_html = nl.content.decode()
        for text in dutch:
            assert text in nl_html, f"{name}: the Dutch page lacks {text!r} (update this test)"

        en = client.get("/en" + path)
        assert en.status_code == 200, name
        en_html = en.content.decode()
        assert '<html lang="en"' in en_html
        for text in english:
            assert text in en_html, f"{name}: the English page lacks {text!r}"
        for text in dutch:
            assert text not in en_html, f"{name}: the English page still shows {text!r}"
