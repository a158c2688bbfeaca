"""The list of engine-dependent tests (tests/conftest.py, DATABASE_SENSITIVE) names only tests that exist.

A renamed or moved test would otherwise drop out of the PostgreSQL pass without anyone noticing.
"""

import re

from tests.conftest import DATABASE_SENSITIVE, TESTS


def test_every_entry_names_an_existing_folder_file_or_test():
    missing = []
    for entry in DATABASE_SENSITIVE:
        path, _, name = entry.partition("::")
        target = TESTS / path
        if not target.exists():
            missing.append(entry)
        elif name and not re.search(rf"^def {re.escape(name)}\(", target.read_text(), re.MULTILINE):
            missing.append(entry)
    assert missing == []
