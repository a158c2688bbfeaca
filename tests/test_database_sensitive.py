"""The lists of tests in tests/conftest.py name only tests that exist: DATABASE_SENSITIVE (run
again on PostgreSQL) and WAGTAIL_INDEXES (Wagtail's own indexes kept up to date).

A renamed or moved test would otherwise drop out of the PostgreSQL pass, or lose its indexes,
without anyone noticing.
"""

import re

import pytest

from tests.conftest import DATABASE_SENSITIVE, TESTS, WAGTAIL_INDEXES


@pytest.mark.parametrize("entries", [DATABASE_SENSITIVE, WAGTAIL_INDEXES], ids=["database", "wagtail_indexes"])
def test_every_entry_names_an_existing_folder_file_or_test(entries):
    missing = []
    for entry in entries:
        path, _, name = entry.partition("::")
        target = TESTS / path
        if not target.exists():
            missing.append(entry)
        elif name and not re.search(rf"^def {re.escape(name)}\(", target.read_text(), re.MULTILINE):
            missing.append(entry)
    assert missing == []
