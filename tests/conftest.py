import os
import shutil
import warnings
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core.management import call_command

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


# Tests whose behaviour depends on the database engine: locking and concurrency, full-text
# search, migrations and set-up, JSON and ordering in exports and APIs, query counts, the
# production-like servers and journeys, and the permission matrix's writes as the safety net
# (its platform-administrator row, marked in the file; the other rows are ORM filters). `make test`
# runs everything on SQLite and only these (plus `postgres`) again on PostgreSQL. A test that
# asks for the `postgres_only` fixture is marked too. An entry is a folder, a file, or one test
# (`file.py::test_name`) where only some tests of a file reach engine-dependent code: the rest
# of such a file renders pages or checks Python logic, which SQLite proves as well (README,
# "What runs where").
DATABASE_SENSITIVE = (
    "ateliers/test_busy.py",
    "ateliers/test_concurrency.py",
    "editorial/test_evidence_review_lock.py",
    # The matrix repeats its platform administrator's row (every action through to its writes)
    # there: tests/editorial/test_permission_matrix.py. Moving and copying use treebeard's SQL.
    "editorial/test_permission_matrix.py::test_pages_cannot_be_moved_or_copied_into_another_organisation",
    "editorial/test_permission_matrix.py::test_a_section_cannot_be_handed_to_another_organisation",
    "editorial/test_slow_saves.py",
    "journeys/",
    # Digests claim notifications with select_for_update(skip_locked=True) and a repeated
    # notification is refused by a unique constraint; matching saved searches is Python
    # (notifications.services.search_matches), the feed asks the search engine.
    "notifications/test_concurrency.py",
    "notifications/test_mail_outage.py",
    "notifications/test_services.py::test_nothing_is_sent_twice",
    "notifications/test_services.py::test_the_digest_groups_a_weeks_notifications_in_one_mail_and_the_command_sends_it_once",
    "notifications/test_services.py::test_following_twice_is_one_follow",
    "notifications/test_views.py::test_the_saved_search_feed_lists_matching_pages_and_nothing_about_the_member",
    # Collection permissions are plain ORM filters; the data migration is engine-dependent.
    "organisations/test_media.py::test_migration_gives_existing_organisations_a_collection_and_moves_files_to_their_owner",
    "practices/test_listing.py",
    "practices/test_open_data_api.py",
    "search/",
    "test_api_schema_fuzz.py",
    "test_audit_trail.py",
    "test_data_export.py",
    "test_deployment_walkthrough.py",
    "test_faults.py",
    "test_member_page_queries.py",
    "test_multi_server.py",
    "test_ratelimit.py",
    "test_setup_site.py",
    "tips/test_concurrency.py",
    # Deciding locks the request row (select_for_update(of=("self",)), which only PostgreSQL
    # enforces and refuses with an outer join); one open request per member is a partial
    # unique constraint. Asking, the public page and the rate limit are the same on both.
    "tips/test_join_requests.py::test_an_accepted_request_makes_a_membership_exactly_like_an_accepted_invitation",
    "tips/test_join_requests.py::test_one_open_request_per_member_and_community_and_it_can_be_withdrawn",
    "tips/test_join_requests.py::test_a_declined_request_is_recorded_and_makes_no_member",
    "tips/test_join_requests.py::test_only_the_facilitator_of_that_community_decides",
    "tips/test_join_requests.py::test_ask_accept_and_follow_the_mail_into_the_community",
    "tips/test_join_requests.py::test_a_declined_request_is_mailed_in_english_when_asked_in_english",
    "tips/test_join_requests.py::test_a_facilitator_must_choose_accept_or_decline_and_others_are_refused",
    "tips/test_join_requests.py::test_the_database_holds_one_open_request_per_member_and_community",
    "tips/test_retries.py",
)
# Tests that read Wagtail's own search or reference index, which every other test runs without
# (tests/wagtail_indexes.py; a test missing here that reads one fails and says so). An entry is
# a folder, a file or one test, as above.
WAGTAIL_INDEXES = (
    # The browser tests and journeys use the site as a visitor or editor would, whole.
    "browser/",
    "journeys/",
    # Wagtail's own search: the admin's, and the open-data API's `?search=`.
    "editorial/test_nothing_unpublished_is_public.py::test_unpublished_pages_are_not_in_listings_or_search",
    "practices/test_api_first_class.py",
    "practices/test_open_data_api.py",
    "test_api_schema_fuzz.py",
    # The reference index: whether a document is public (organisations.services), how often a
    # picture is used (pictures.admin_views).
    "organisations/test_demo_media.py",
    "organisations/test_media.py",
    "pictures/test_missing_alt_text_report.py",
    "test_object_storage.py",
    # Both: every admin and API address, as each role.
    "test_permission_sweep.py",
    "test_wagtail_indexes.py::test_a_test_that_asks_has_both_indexes_kept_up_to_date",
)
TESTS = Path(__file__).resolve().parent


def listed(item, entries):
    """Whether `entries` names the test `item`, its file or a folder it is in."""
    path = item.path.relative_to(TESTS).as_posix()
    return f"{path}::{item.originalname}" in entries or path.startswith(entries)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if listed(item, DATABASE_SENSITIVE) or "postgres_only" in item.fixturenames:
            item.add_marker(pytest.mark.database)
        if listed(item, WAGTAIL_INDEXES):
            item.add_marker(pytest.mark.wagtail_indexes)
        if listed(item, ("journeys/",)):
            item.add_marker(pytest.mark.journey)


@pytest.fixture(autouse=True)
def _isolated_test(request, settings, tmp_path):
    """Own media folder, an empty cache (rate-limit counters live there) and the site's default
    language for every test: a request on /en/ leaves English active in the thread. Wagtail's
    own indexes only for the tests in `WAGTAIL_INDEXES` (tests/wagtail_indexes.py)."""
    from contextlib import nullcontext

    from django.core.cache import caches
    from django.utils import translation

    from tests.wagtail_indexes import wagtail_indexes_off

    settings.MEDIA_ROOT = tmp_path / "media"
    for alias in settings.CACHES:
        caches[alias].clear()
    indexes = nullcontext() if request.node.get_closest_marker("wagtail_indexes") else wagtail_indexes_off()
    with translation.override(settings.LANGUAGE_CODE), indexes:
        yield


class DatabaseSnapshot:
    """Copies of every model table inside the test database itself, put back with plain SQL.

    `INSERT ... SELECT` between tables of the same database keeps every value exactly as stored
    (JSON, full-text vectors, timestamps) on SQLite and PostgreSQL alike. On SQLite both search
    indexes keep their words in FTS5 tables whose rows are found by their rowid, which must be
    the id of their index entry: Wagtail's (`wagtailsearch_indexentry_fts`, a model table kept in
    step by triggers) and the site's own (search/backends/database.py, filled from Python, no
    model). `SELECT *` leaves an FTS5 table's rowid out, so those tables are copied with their
    rowids and put back last, over what the triggers wrote. Copied without them, Wagtail's
    table was numbered 1, 2, 3 … again on every restore: a data set whose index entries did not
    happen to start at id 1 (any built after the demo in the same process) was found no more;
    and without the site's table a test that rebuilt the index left the restored demo
    unfindable. The copies are no model tables, so the flush after a `transaction=True` test
    leaves them alone.
    """

    def __init__(self, name, take=True):
        from django.db import connection

        tables = sorted(connection.introspection.django_table_names(only_existing=True, include_views=False))
        full_text = full_text_tables(connection) if connection.vendor == "sqlite" else set()
        self.tables = [table for table in tables if table not in full_text]
        self.copies = {table: f"snapshot_{name}_{number}" for number, table in enumerate(self.tables)}
        self.full_text_copies = {table: f"snapshot_{name}_fts_{table}" for table in sorted(full_text)}
        if not take:
            return
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            for table, copy in [*self.copies.items(), *self.full_text_copies.items()]:
                cursor.execute(f"DROP TABLE IF EXISTS {quote(copy)}")
                rowid = "rowid AS snapshot_rowid, " if table in self.full_text_copies else ""
                cursor.execute(f"CREATE TABLE {quote(copy)} AS SELECT {rowid}* FROM {quote(table)}")

    @classmethod
    def existing(cls, name):
        """The snapshot `name` that a copied database already holds (SharedTestDatabase)."""
        return cls(name, take=False)

    def restore(self):
        """Make every model table hold exactly the rows it held when the snapshot was taken."""
        from django.apps import apps
        from django.contrib.contenttypes.models import ContentType
        from django.core.management.color import no_style
        from django.db import connection, transaction

        quote = connection.ops.quote_name
        with transaction.atomic(), connection.cursor() as cursor:
            for table, copy in self.copies.items():
                cursor.execute(f"DELETE FROM {quote(table)}")
                cursor.execute(f"INSERT INTO {quote(table)} SELECT * FROM {quote(copy)}")
            for table, copy in self.full_text_copies.items():
                cursor.execute(f"SELECT * FROM {quote(table)} LIMIT 0")
                columns = ", ".join(quote(column[0]) for column in cursor.description)
                cursor.execute(f"DELETE FROM {quote(table)}")
                cursor.execute(f"INSERT INTO {quote(table)} (rowid, {columns}) SELECT * FROM {quote(copy)}")
            # PostgreSQL's sequences do not follow explicit ids; SQLite's AUTOINCREMENT does.
            for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models(include_auto_created=True)):
                cursor.execute(statement)
        ContentType.objects.clear_cache()


def full_text_tables(connection):
    """SQLite's FTS5 tables: Wagtail's search index table and the site's own (`DatabaseSnapshot`)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE % USING fts5%'"
        )
        return {name for (name,) in cursor.fetchall()}


@pytest.fixture(scope="session")
def django_db_setup(
    request, django_test_environment, django_db_blocker, django_db_modify_db_settings, tmp_path_factory
):
    """The test database, migrated once per pytest run; also in a run whose tests none ask for `db`.

    Without xdist this is pytest-django's set-up. Under xdist (`make test`: two workers) the first
    worker that needs a database migrates it, keeps the freshly migrated tables and the demo aside
    (`blank_snapshot`, `demo_snapshot`) and leaves a template; every other worker starts from a copy
    of that template, so a pass migrates and loads the demo once instead of once per worker (about
    40 CPU seconds a worker). The journeys never ask for `db`, yet their site is a copy of this
    database (tests/journeys/conftest.py), so `pytest tests/journeys/` alone needs it as well.
    """
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    keepdb = request.config.getvalue("reuse_db") and not request.config.getvalue("create_db")
    with django_db_blocker.unblock():
        if os.environ.get("PYTEST_XDIST_WORKER") and not keepdb:
            databases = SharedTestDatabase(tmp_path_factory, connection).set_up()
        else:
            databases = setup_databases(
                verbosity=0, interactive=False, keepdb=keepdb, aliases={connection.alias}, serialized_aliases=set()
            )
    yield
    if keepdb:
        return
    with django_db_blocker.unblock():
        try:
            if connection.vendor == "postgresql":
                # A server or thread a test started may still hold a connection, and PostgreSQL
                # drops no database that anyone is connected to.
                connection.close()
                name = connection.settings_dict["NAME"]
                postgres_admin(
                    connection, f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"
                )
            teardown_databases(databases, verbosity=0)
        except Exception as error:  # a server a test started may still hold a connection
            request.node.warn(pytest.PytestWarning(f"Error when trying to teardown test databases: {error!r}"))


class SharedTestDatabase:
    """One migrate and one demo load per pytest run, shared by the xdist workers through a template.

    Under a file lock the first worker migrates its test database, takes both snapshots (the
    snapshot tables live inside the database, so a copy carries them) and saves the result: a
    PostgreSQL template database, or a file for SQLite's in-memory test database. The workers
    after it copy the template instead of migrating (PostgreSQL's CREATE DATABASE ... TEMPLATE;
    SQLite's backup API) and find the snapshots already there. The demo's media folder is shared
    read-only: `demo_content` copies it into each test's own folder.
    """

    def __init__(self, tmp_path_factory, connection):
        self.connection = connection
        self.root = tmp_path_factory.getbasetemp().parent  # shared by the workers of this run
        self.tmp_path_factory = tmp_path_factory
        self.marker = self.root / "test-database.json"

    def set_up(self):
        import fcntl
        import json

        from django.test.utils import setup_databases

        with open(self.root / "test-database.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                if self.marker.exists():
                    return self._copy_template(json.loads(self.marker.read_text()))
                databases = setup_databases(
                    verbosity=0, interactive=False, aliases={self.connection.alias}, serialized_aliases=set()
                )
                blank = DatabaseSnapshot("before")
                demo, media = load_demo(blank, self.tmp_path_factory.mktemp("demo-media"))
                SHARED_SNAPSHOTS.update(blank=blank, demo=(demo, media))
                self.marker.write_text(json.dumps({"template": self._save_template(), "media": str(media)}))
                return databases
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _admin(self, *statements):
        postgres_admin(self.connection, *statements)

    def _save_template(self):
        import sqlite3
        from contextlib import closing

        connection = self.connection
        if connection.vendor == "postgresql":
            source = connection.settings_dict["NAME"]
            template = source.rsplit("_", 1)[0] + "_template"  # test_cop_gw0 -> test_cop_template
            # PostgreSQL copies a database only while nobody is connected to it.
            connection.close()
            self._admin(
                f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{source}'",
                f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)',
                f'CREATE DATABASE "{template}" TEMPLATE "{source}"',
            )
            return template
        template = self.root / "test-database-template.sqlite3"
        connection.ensure_connection()
        with closing(sqlite3.connect(template)) as target:
            connection.connection.backup(target)
        return str(template)

    def _copy_template(self, shared):
        """This worker's test database as a copy of the template, set up as Django's own
        `create_test_db` leaves it (settings pointing at it, a connection open)."""
        import sqlite3
        from contextlib import closing
        from pathlib import Path

        from django.conf import settings

        connection, creation = self.connection, self.connection.creation
        old_name = connection.settings_dict["NAME"]
        test_name = creation._get_test_db_name()
        if connection.vendor == "postgresql":
            self._admin(
                f'DROP DATABASE IF EXISTS "{test_name}" WITH (FORCE)',
                f'CREATE DATABASE "{test_name}" TEMPLATE "{shared["template"]}"',
            )
        else:
            creation._create_test_db(verbosity=0, autoclobber=True, keepdb=False)
        connection.close()
        settings.DATABASES[connection.alias]["NAME"] = test_name
        connection.settings_dict["NAME"] = test_name
        connection.ensure_connection()
        if connection.vendor == "sqlite":
            with closing(sqlite3.connect(shared["template"])) as template:
                template.backup(connection.connection)
        demo = DatabaseSnapshot.existing("demo")
        demo.set_up = DatabaseSnapshot.existing("setup")
        SHARED_SNAPSHOTS.update(blank=DatabaseSnapshot.existing("before"), demo=(demo, Path(shared["media"])))
        return [(connection, old_name, True)]


# The snapshots a worker found in its copy of the shared template (SharedTestDatabase).
SHARED_SNAPSHOTS = {}


def postgres_admin(connection, *statements):
    """Run `statements` on the server's `postgres` database (creating and dropping databases)."""
    import psycopg

    settings_dict = connection.settings_dict
    with psycopg.connect(
        host=settings_dict["HOST"] or "127.0.0.1",
        port=settings_dict["PORT"] or 5432,
        user=settings_dict["USER"],
        password=settings_dict["PASSWORD"],
        dbname="postgres",
        autocommit=True,
    ) as admin:
        for statement in statements:
            admin.execute(statement)


def pytest_sessionfinish(session):
    """The xdist controller drops the PostgreSQL template its workers copied (SharedTestDatabase),
    once every worker has finished."""
    if os.environ.get("PYTEST_XDIST_WORKER") or not getattr(session.config.option, "numprocesses", None):
        return
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    template = connection.creation._get_test_db_name() + "_template"  # test_cop, as the workers' test_cop_gw0
    try:
        postgres_admin(connection, f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)')
    except Exception as error:  # the server went away: nothing to clean up
        warnings.warn(f"template database {template} not dropped: {error!r}", pytest.PytestWarning, stacklevel=1)


@pytest.fixture(scope="session")
def blank_snapshot(django_db_setup, django_db_blocker):
    """The freshly migrated test database, kept aside before anything is loaded into it: what
    every test that does not ask for the demo expects to find."""
    if "blank" in SHARED_SNAPSHOTS:
        return SHARED_SNAPSHOTS["blank"]
    with django_db_blocker.unblock():
        return DatabaseSnapshot("before")


@pytest.fixture(scope="session")
def demo_snapshot(blank_snapshot, django_db_blocker, tmp_path_factory):
    """The demo platform, loaded once per pytest run (20-25 CPU seconds) and kept aside.

    The database is put back as it was, so tests that do not ask for the demo never see it.
    The demo's files go to a media folder of their own, which `demo_content` copies per test.
    The journeys' database is this one too, copied (tests/journeys/conftest.py). Under xdist
    the first worker loaded it while setting up the database (SharedTestDatabase); without
    xdist it is loaded the first time a test asks for it.
    """
    if "demo" in SHARED_SNAPSHOTS:
        return SHARED_SNAPSHOTS["demo"]
    with django_db_blocker.unblock():
        return load_demo(blank_snapshot, tmp_path_factory.mktemp("demo-media"))


def load_demo(blank_snapshot, media):
    """Load the demo into the test database with its files in `media`, snapshot it, and put the
    database back as `blank_snapshot` has it. The snapshot's `set_up` is the database as
    `setup_site` left it just before the demo's fiction was added on top."""
    from django.conf import settings
    from django.core.cache import caches
    from django.db import transaction
    from django.test import override_settings
    from django.utils import translation

    from home.site_setup import setup_site

    for alias in settings.CACHES:
        caches[alias].clear()
    with override_settings(MEDIA_ROOT=media), translation.override(settings.LANGUAGE_CODE):
        with transaction.atomic():
            # `load_demo_content` starts with `setup_site`, which changes nothing when run twice
            # (the deployment walkthrough proves it): running it first keeps its result aside, so
            # test_setup_site.py compares the demo with it instead of loading the demo again.
            setup_site()
            set_up = DatabaseSnapshot("setup")
            call_command("load_demo_content", stdout=open(os.devnull, "w"))
        demo = DatabaseSnapshot("demo")
        demo.set_up = set_up
        blank_snapshot.restore()
    for alias in settings.CACHES:
        caches[alias].clear()
    return demo, media


@pytest.fixture(scope="session")
def data_snapshots(blank_snapshot, django_db_blocker):
    """Small data sets that many tests share (the editorial tests' `platform`), each built once
    per test process and put back per test from a table snapshot, like the demo."""
    return DataSnapshots(blank_snapshot, django_db_blocker)


class DataSnapshots:
    """Builds a data set on the freshly migrated database, keeps a `DatabaseSnapshot` of it and
    puts the database back as `blank_snapshot` has it.

    `take()` must run outside a test's transaction (from a session fixture): the snapshot tables
    are created with DDL, which a test's rollback would undo on PostgreSQL. A build costs what it
    costs once (the editorial platform: about 1.5 CPU seconds on SQLite, 3 on PostgreSQL); a
    restore is a few hundredths of a second.
    """

    def __init__(self, blank_snapshot, django_db_blocker):
        self.blank = blank_snapshot
        self.django_db_blocker = django_db_blocker
        self.taken = {}

    def take(self, name, build):
        """A `BuiltData` of what `build()` made; `build` returns the ids by which the test's
        fixture fetches fresh objects."""
        from django.conf import settings
        from django.contrib.contenttypes.models import ContentType
        from django.core.cache import caches
        from django.db import connection, transaction
        from django.utils import translation

        if name not in self.taken:
            with self.django_db_blocker.unblock():
                # Start from the migrated state even when a `transaction=True` test flushed it.
                self.blank.restore()
                counters = sqlite_id_counters()
                with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
                    ids = build()
                    warm = {ct.pk for ct in ContentType.objects._cache.get(connection.alias, {}).values()}
                snapshot = DatabaseSnapshot(name)
                self.blank.restore()
                sqlite_id_counters(counters)
            for alias in settings.CACHES:
                caches[alias].clear()
            self.taken[name] = BuiltData(snapshot, ids, warm)
        return self.taken[name]


def sqlite_id_counters(put_back=None):
    """SQLite's AUTOINCREMENT counters (`sqlite_sequence`), or put back ones read before: a
    rollback undoes them, `DatabaseSnapshot.restore()` does not, and the demo's search index
    must be built with the same ids as when no data set had been built before it."""
    from django.db import connection

    if connection.vendor != "sqlite":
        return None
    with connection.cursor() as cursor:
        if put_back is None:
            cursor.execute("SELECT name, seq FROM sqlite_sequence")
            return cursor.fetchall()
        cursor.execute("DELETE FROM sqlite_sequence")
        cursor.executemany("INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", put_back)
    return None


class BuiltData:
    """A data set `DataSnapshots` built: its snapshot, the ids `build()` returned, and the
    content types the build had cached. A test's fixture takes it with `restored_for_test()`."""

    def __init__(self, snapshot, ids, content_types):
        self.snapshot = snapshot
        self.ids = ids
        self.content_types = sorted(content_types)

    def restore(self):
        """Put the data back, and Django's content-type cache as building it in the test left it:
        tests that count queries (`django_assert_max_num_queries`) count what they did before."""
        from django.contrib.contenttypes.models import ContentType
        from django.db import connection

        self.snapshot.restore()
        for content_type in ContentType.objects.filter(pk__in=self.content_types):
            ContentType.objects._add_to_cache(connection.alias, content_type)

    @contextmanager
    def restored_for_test(self):
        """The data put back for one test (yields the ids); afterwards, as after `demo_content`,
        the content types cached during the test are forgotten."""
        self.restore()
        try:
            yield self.ids
        finally:
            forget_content_types_of_the_test()


@pytest.fixture(scope="session")
def platform_snapshot(data_snapshots):
    """The editorial tests' small platform (tests/editorial/conftest.py, `platform`), built once per
    test process (1.5 CPU seconds on SQLite, about a hundred tests use it). Here rather than next
    to `platform`, because test files elsewhere import `platform` alone."""
    from tests.editorial.conftest import build_platform

    return data_snapshots.take("platform", build_platform)


@pytest.fixture
def demo_content(db, demo_snapshot, settings):
    """The full demo platform, as `make run` loads it: the database and its media files."""
    demo, media = demo_snapshot
    demo.restore()
    shutil.copytree(media, settings.MEDIA_ROOT, dirs_exist_ok=True)
    yield
    forget_content_types_of_the_test()


def forget_content_types_of_the_test():
    """The test's rollback puts back the content types the database had before (after a
    `transaction=True` test's flush they carry other ids than a snapshot's): forget the ids
    cached during the test, or the next test builds pages with a content type that is gone."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()


@pytest.fixture
def smtp(settings):
    """A real SMTP server on loopback for the site's mail, stopped: connections to its port are
    refused until `start()`."""
    from tests.servers import SMTPServer

    server = SMTPServer()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_TIMEOUT = 5
    yield server
    server.stop()


@pytest.fixture
def queue(settings):
    """The production task queue (database): mail waits there until a worker runs it."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def postgres_only(db):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (run with DATABASE_URL=postgres://…)")


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium per test process, shared by tests/browser and tests/journeys.

    Defined once, here: two session fixtures would start a second Playwright inside the first
    one's event loop, which Playwright's sync API refuses.
    """
    if not CHROMIUM:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop; Django's ORM must still be usable from the test.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()
