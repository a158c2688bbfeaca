"""What a newcomer runs first: `migrate` on an empty database with the development settings.

The test suite's own databases use a per-process cache, so only a real first migrate shows
that data migrations, which already write to the shared database cache, find its table.
"""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[1]


@pytest.mark.skipif("postgres" in os.environ.get("DATABASE_URL", ""), reason="once per suite: the SQLite run")
def test_first_migrate_on_an_empty_database_succeeds(tmp_path):
    database = tmp_path / "fresh.sqlite3"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cop_site.settings.dev", "DATABASE_URL": f"sqlite:///{database}"}
    finished = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert finished.returncode == 0, finished.stderr[-3000:]
    with sqlite3.connect(database) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"cop_cache", "cop_page_cache", "wagtailcore_page", "search_indexentry"} <= tables
    # Translations need an English locale beside Wagtail's default Dutch one (home 0003), and
    # organisations' translators wagtail-localize's "submit translation" right.
    with sqlite3.connect(database) as connection:
        locales = [row[0] for row in connection.execute("SELECT language_code FROM wagtailcore_locale ORDER BY id")]
        translate = connection.execute(
            "SELECT count(*) FROM auth_permission WHERE codename = 'submit_translation'"
        ).fetchone()[0]
    assert locales == ["nl", "en"] and translate == 1
