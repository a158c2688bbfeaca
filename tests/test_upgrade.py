"""A database of the last release upgrades: `migrate` accepts its migration history.

A new migration that another migration of an earlier release depends on, or that says it must
run before one (`run_before`), makes Django refuse every database of that release with
InconsistentMigrationHistory before it migrates anything: the upgrade of a real deployment
stops there. A fresh migrate cannot show it, so this test takes the test database's history
back to the last release (`released_migrations.txt`) and asks Django's own consistency check.
"""

from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

RELEASED = Path(__file__).with_name("released_migrations.txt")

pytestmark = pytest.mark.django_db


def released_migrations():
    lines = (line.split() for line in RELEASED.read_text().splitlines() if line and not line.startswith("#"))
    return {(app, name) for app, name in lines}


def own_apps():
    """This project's apps (not the installed libraries'): a new app of this release has no
    migrations in a database of the last release."""
    project = Path(settings.BASE_DIR).resolve()
    return {
        config.label
        for config in apps.get_app_configs()
        if project in Path(config.path).resolve().parents and ".venv" not in Path(config.path).parts
    }


def test_a_database_of_the_last_release_accepts_this_releases_migrations():
    released = released_migrations()
    history = MigrationRecorder.Migration.objects.filter(app__in=own_apps())
    assert released <= set(history.values_list("app", "name")), "the list names a migration that no longer exists"
    for applied in history:
        if (applied.app, applied.name) not in released:
            applied.delete()  # not there yet in a database of the last release

    MigrationLoader(connection).check_consistent_history(connection)
