"""The journey suite: whole journeys in headless Chromium against the site as it runs in production.

One *journey site* per pytest worker: gunicorn with `cop_site.settings.production` (DEBUG off,
WhiteNoise with manifest storage, database cache, database task queue) over TLS at
https://localhost:<port> (a throw-away self-signed certificate, so no production setting is
relaxed), `manage.py db_worker` next to it delivering the mail, and a real SMTP server inside
the test process receiving it.
The database is the tests' own engine (PostgreSQL when DATABASE_URL says so, else SQLite) but
not pytest-django's: once per pytest run (under a file lock, so the xdist workers share the work)
the first worker that needs it copies its own test database with the demo content restored
(tests/conftest.py, `demo_snapshot`: migrated and loaded once per process already) and the
journeys' own data added; every worker serves its own copy of that template.

Journeys only use what a user has: the pages, and the links in the mails that actually
arrived. They never build URLs for the app, and they never touch the ORM.

When a `journey.step(...)` fails, each open tab is photographed into
`test-artifacts/journeys/<test>/` and the failure report says what each tab shows. With
`JOURNEYS_SCREENSHOTS=1` every step is photographed (numbered per step), kept when the journey
fails and removed when it passes: while writing or mending a journey. While writing journeys, `JOURNEYS_REUSE_DB=1` reuses the template database of an
earlier run instead of building it again.
"""

import email
import fcntl
import json
import os
import re
import secrets
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import closing, contextmanager
from email import policy
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.browser.conftest import audit_accessibility
from tests.servers import (
    BASE_DIR,
    AppServer,
    SMTPServer,
    app_server_env,
    collect_static_files,
    free_port,
    wait_until_up,
)

ARTIFACTS = BASE_DIR / "test-artifacts" / "journeys"
DEMO_PASSWORD = "demo-wachtwoord-2026"
MAIL_TIMEOUT = 60  # seconds for the worker to pick a task from the queue and deliver it
LINK_RE = re.compile(r"https?://[^\s<>\"')]+")
# A full-page screenshot costs Chromium about half a CPU second per tab (a PNG of 1-2 MB); one
# per step and tab was about 150 per pass, thrown away when the journey passed (CI keeps none).
EVERY_STEP_SCREENSHOTS = os.environ.get("JOURNEYS_SCREENSHOTS") == "1"


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Remember each phase's outcome on the test, so fixtures can keep screenshots of failures."""
    report = yield
    setattr(item, f"journey_report_{report.when}", report)
    return report


# -- the journey site's database ------------------------------------------------------------


def _pytest_database_url():
    return os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")


class JourneyDatabase:
    """Where the template (migrated + demo) lives, and this worker's copy of it."""

    def __init__(self, worker_id):
        self.url = _pytest_database_url()
        self.is_postgres = self.url.startswith(("postgres://", "postgresql://"))
        if self.is_postgres:
            parts = urlsplit(self.url)
            base = parts.path.lstrip("/") or "cop"
            self.template_name = f"{base}_journeys_template"
            self.copy_name = f"{base}_journeys_{worker_id}"
            self.template_url = urlunsplit(parts._replace(path="/" + self.template_name))
            self.copy_url = urlunsplit(parts._replace(path="/" + self.copy_name))
            self.admin_url = urlunsplit(parts._replace(path="/postgres"))
            self.template_media = ARTIFACTS / f"{self.template_name}-media"
        else:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            # Named after the tests' database file, so two runs with their own files never meet.
            base = Path(urlsplit(self.url).path).stem or "cop"
            self.template_path = ARTIFACTS / f"{base}-journeys-template.sqlite3"
            self.copy_path = ARTIFACTS / f"{base}-journeys-{worker_id}.sqlite3"
            self.template_url = f"sqlite:///{self.template_path}"
            self.copy_url = f"sqlite:///{self.copy_path}"
            self.template_media = ARTIFACTS / f"{base}-journeys-template-media"

    def _admin(self, *statements):
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as connection:
            for statement in statements:
                connection.execute(statement)

    def reset_template(self):
        if self.is_postgres:
            self._admin(
                f'DROP DATABASE IF EXISTS "{self.template_name}" WITH (FORCE)',
                f'CREATE DATABASE "{self.template_name}"',
            )
        else:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.template_path}{suffix}").unlink(missing_ok=True)

    def template_exists(self):
        if self.is_postgres:
            import psycopg

            with psycopg.connect(self.admin_url, autocommit=True) as connection:
                found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [self.template_name])
                return found.fetchone() is not None
        return self.template_path.exists()

    def fill_template(self):
        """Copy this process's test database, as it is now, to the template; drop the
        snapshot tables (tests/conftest.py) the copy brought along."""
        from django.db import connection

        if self.is_postgres:
            import psycopg

            source = connection.settings_dict["NAME"]
            # PostgreSQL copies a database only while nobody is connected to it: not this
            # process, nor a connection an earlier test's server thread left behind.
            connection.close()
            self._admin(
                f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{source}'",
                f'DROP DATABASE IF EXISTS "{self.template_name}" WITH (FORCE)',
                f'CREATE DATABASE "{self.template_name}" TEMPLATE "{source}"',
            )
            with psycopg.connect(self.template_url, autocommit=True) as template:
                tables = template.execute(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'snapshot\\_%'"
                ).fetchall()
                for (table,) in tables:
                    template.execute(f'DROP TABLE "{table}"')
        else:
            self.reset_template()
            connection.ensure_connection()
            with closing(sqlite3.connect(self.template_path, isolation_level=None)) as template:
                connection.connection.backup(template)
                tables = template.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'snapshot\\_%' ESCAPE '\\'"
                ).fetchall()
                for (table,) in tables:
                    template.execute(f'DROP TABLE "{table}"')
                template.execute("VACUUM")

    def make_copy(self):
        if self.is_postgres:
            self._admin(
                f'DROP DATABASE IF EXISTS "{self.copy_name}" WITH (FORCE)',
                f'CREATE DATABASE "{self.copy_name}" TEMPLATE "{self.template_name}"',
            )
        else:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.copy_path}{suffix}").unlink(missing_ok=True)
            with sqlite3.connect(self.template_path) as source, sqlite3.connect(self.copy_path) as target:
                source.backup(target)

    def drop_copy(self):
        if self.is_postgres:
            self._admin(f'DROP DATABASE IF EXISTS "{self.copy_name}" WITH (FORCE)')
        else:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.copy_path}{suffix}").unlink(missing_ok=True)


def production_env(database_url, **extra):
    """What production reads from its environment, pointed at this machine.

    Nothing is relaxed: the site is served over TLS (a self-signed certificate for localhost),
    so the SSL redirect, Secure cookies, HSTS and allauth's https links all work as they do
    in production, and a link in a mail is followed exactly as it arrived.
    """
    return app_server_env(
        database_url,
        DJANGO_SETTINGS_MODULE="cop_site.settings.production",
        DJANGO_SECRET_KEY="journeys-" + secrets.token_urlsafe(40),
        DJANGO_ALLOWED_HOSTS="localhost,127.0.0.1",
        PAGE_CACHE_ENABLED="true",
        DJANGO_LOG_LEVEL="WARNING",
        **extra,
    )


def self_signed_certificate(folder):
    """A certificate and key for https://localhost, valid for a day."""
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
        .sign(key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    cert_file, key_file = folder / "localhost.crt", folder / "localhost.key"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_file, key_file


def manage(env, *args, log=None):
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True)
    if log is not None:
        with log.open("a") as handle:
            handle.write(f"$ manage.py {' '.join(args)}\n{result.stdout}{result.stderr}\n")
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def build_template(database, request, log):
    """The demo content and the journeys' own ateliers in a template database; the static files
    collected.

    The demo is the one this test process loaded for its other tests (`demo_snapshot`), put back
    for a moment: the journeys cost no second migrate and demo load (that took 50 s on SQLite and
    70 s on PostgreSQL per pass). The tests' settings loaded it, so the passwords are hashed again
    for the production hashers; the site's address and the database cache tables are the deploy
    step's work (`migrate`, in `journey_site`), as on a real server. The tests' task backend ran
    the demo's hundreds of index updates while loading, so the journeys start with an empty queue
    and their mail is never stuck behind that backlog.
    """
    from django.conf import settings
    from django.utils import translation

    from tests.servers import give_users_the_server_password

    from .journey_data import load

    blank = request.getfixturevalue("blank_snapshot")
    demo, media = request.getfixturevalue("demo_snapshot")
    shutil.rmtree(database.template_media, ignore_errors=True)
    shutil.copytree(media, database.template_media)
    with request.getfixturevalue("django_db_blocker").unblock():
        demo.restore()
        try:
            with translation.override(settings.LANGUAGE_CODE):
                load()
            give_users_the_server_password()
            database.fill_template()
        finally:
            blank.restore()
    # Production serves static files through WhiteNoise's manifest storage from STATIC_ROOT.
    env = production_env(database.template_url, PUBLIC_BASE_URL="https://localhost")
    collect_static_files(lambda: manage(env, "collectstatic", "--noinput", "-v0", log=log))


def prepare_database(tmp_path_factory, worker_id, database, request):
    """Build the template once per pytest run (the first worker builds, the others wait for it),
    then give this worker its own copy."""
    root = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        root = root.parent
    marker = root / "journeys-template.json"
    log = ARTIFACTS / "logs" / "build.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(root / "journeys.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            # JOURNEYS_REUSE_DB=1 keeps the template of an earlier run (while writing journeys).
            reuse = os.environ.get("JOURNEYS_REUSE_DB") == "1" and database.template_exists()
            if not marker.exists() and not reuse:
                log.write_text("")
                started = time.monotonic()
                build_template(database, request, log)
                marker.write_text(json.dumps({"url": database.template_url, "seconds": time.monotonic() - started}))
            database.make_copy()  # PostgreSQL copies a template only while nobody is connected to it
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


# -- mail -------------------------------------------------------------------------------------


class Mail:
    """One message as the recipient sees it: subject, text, links and attachments."""

    def __init__(self, recipients, raw):
        # The SMTP client doubled every leading dot (RFC 5321 4.5.2); the server kept them.
        raw = "".join(line[1:] if line.startswith("..") else line for line in raw.splitlines(keepends=True))
        self.recipients = recipients
        self.message = email.message_from_string(raw, policy=policy.default)
        self.subject = str(self.message["Subject"])
        body = self.message.get_body(preferencelist=("plain",))
        self.body = body.get_content() if body is not None else ""
        self.attachments = {
            part.get_filename(): part.get_content() for part in self.message.iter_attachments() if part.get_filename()
        }

    @property
    def links(self):
        return LINK_RE.findall(self.body)

    def link(self, pattern):
        """The first link in this mail whose URL matches the regex `pattern` (the one the reader clicks)."""
        matching = [link for link in self.links if re.search(pattern, link)]
        assert matching, f"no link matching {pattern!r} in the mail {self.subject!r}:\n{self.body}"
        return matching[0]

    def __repr__(self):
        return f"<Mail to {self.recipients} {self.subject!r}>"


class Mailbox:
    """All mail the journey site sent, as received by the SMTP server."""

    def __init__(self, smtp):
        self.smtp = smtp
        self._seen = set()
        self._lock = threading.Lock()

    def all_to(self, address):
        return [Mail(recipients, raw) for recipients, raw in list(self.smtp.messages) if address in recipients]

    def wait_for(self, address, subject=None, timeout=MAIL_TIMEOUT):
        """The next message to `address` (whose subject matches the regex `subject`) not read before."""
        pattern = re.compile(subject) if subject else None
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                for index, (recipients, raw) in enumerate(list(self.smtp.messages)):
                    if index in self._seen or address not in recipients:
                        continue
                    mail = Mail(recipients, raw)
                    if pattern is None or pattern.search(mail.subject):
                        self._seen.add(index)
                        return mail
            if time.monotonic() > deadline:
                received = [Mail(r, m).subject for r, m in self.smtp.messages if address in r]
                raise AssertionError(
                    f"no mail to {address} matching {subject!r} within {timeout}s; received: {received}"
                )
            time.sleep(0.2)


# -- the site ---------------------------------------------------------------------------------


class JourneySite:
    """What a journey gets to know about the site: its public address, the mail it sent, and the
    scheduled commands an operator runs next to it (cron: reminders, digests)."""

    def __init__(self, url, mailbox, env=None, log=None):
        self.url = url
        self.mailbox = mailbox
        self._env = env
        self._log = log

    def run_command(self, *args):
        """`manage.py <args>` against the site's own database and settings, as its cron job runs it."""
        return manage(self._env, *args, log=self._log)


@pytest.fixture(scope="session")
def journey_site(browser, tmp_path_factory, request):
    # xdist's name for this worker ("gw0"); "master" without xdist, also under `-p no:xdist`.
    worker_id = os.environ.get("PYTEST_XDIST_WORKER", "master")
    database = JourneyDatabase(worker_id)
    prepare_database(tmp_path_factory, worker_id, database, request)
    # The demo's files, copied with the template: this site uploads into its own folder.
    media = tmp_path_factory.mktemp("journey-media")
    shutil.copytree(database.template_media, media, dirs_exist_ok=True)
    smtp = SMTPServer().start()
    port = free_port()
    public_url = f"https://localhost:{port}"
    cert_file, key_file = self_signed_certificate(tmp_path_factory.mktemp("tls"))
    env = production_env(
        database.copy_url,
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp.port),
        PUBLIC_BASE_URL=public_url,
        WAGTAILADMIN_BASE_URL=public_url,
        DJANGO_MEDIA_ROOT=str(media),
    )
    logs = ARTIFACTS / "logs"
    # The deploy step: `migrate` on the copy with this site's environment (nothing to migrate;
    # it is what keeps the site's own address, PUBLIC_BASE_URL, in step in the database).
    manage(env, "migrate", "--noinput", "-v0", log=logs / f"deploy-{worker_id}.log")
    app_server = AppServer(
        env,
        logs / f"gunicorn-{worker_id}.log",
        workers=2,
        port=port,
        extra_args=("--certfile", str(cert_file), "--keyfile", str(key_file), "--graceful-timeout", "3"),
    )
    worker_log = logs / f"db_worker-{worker_id}.log"
    task_worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.5", "--no-startup-delay"],
        cwd=BASE_DIR,
        env=env,
        stdout=worker_log.open("w"),
        stderr=subprocess.STDOUT,
    )
    try:
        wait_until_up(f"https://127.0.0.1:{port}/account/login/", app_server.process, app_server.log)
        yield JourneySite(public_url, Mailbox(smtp), env, logs / f"commands-{worker_id}.log")
    finally:
        task_worker.terminate()
        try:
            task_worker.wait(timeout=15)
        except subprocess.TimeoutExpired:
            task_worker.kill()
        app_server.stop()
        smtp.stop()
        database.drop_copy()


# -- a journey: tabs, steps and their screenshots --------------------------------------------


class Journey:
    def __init__(self, browser, site, name):
        self.browser = browser
        self.site = site
        self.mailbox = site.mailbox
        self.run_command = site.run_command
        self.folder = ARTIFACTS / name
        self.tabs = {}
        self.step_number = 0
        self.csp_violations = []
        shutil.rmtree(self.folder, ignore_errors=True)

    def tab(self, name, language="nl"):
        """A fresh browser (own cookies) for one person."""
        context = self.browser.new_context(
            base_url=self.site.url,
            locale="en-GB" if language == "en" else "nl-NL",
            accept_downloads=True,
            ignore_https_errors=True,  # the certificate is self-signed
        )
        tab = context.new_page()
        tab.set_default_timeout(20_000)
        tab.on(
            "console",
            lambda message: self.csp_violations.append(message.text)
            if "Content Security Policy" in message.text
            else None,
        )
        self.tabs[name] = tab
        return tab

    def log_in(self, tab, email, password=DEMO_PASSWORD):
        """Log in the way every member does: through allauth's /account/login/ form."""
        tab.goto("/account/login/")
        tab.get_by_label("E-mail").fill(email)
        tab.get_by_label("Wachtwoord").fill(password)
        tab.get_by_role("button", name="Aanmelden").click()
        tab.wait_for_url(lambda url: "/account/login/" not in url)

    def screenshot(self, label):
        self.folder.mkdir(parents=True, exist_ok=True)
        slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")[:60]
        for name, tab in self.tabs.items():
            if not tab.is_closed():
                try:
                    tab.screenshot(path=self.folder / f"{self.step_number:02d}-{slug}-{name}.png", full_page=True)
                except Exception:  # a tab in the middle of a download or navigation: keep going
                    pass

    @contextmanager
    def step(self, label):
        self.step_number += 1
        try:
            yield
        except BaseException as error:
            self.screenshot(label + "-failed")
            for note in self.what_each_tab_shows():
                error.add_note(note)
            raise
        if EVERY_STEP_SCREENSHOTS:
            self.screenshot(label)

    def what_each_tab_shows(self):
        """Where each tab is and the start of its text, for the failure report: CI keeps no screenshots."""
        for name, tab in self.tabs.items():
            if tab.is_closed():
                continue
            try:
                text = " ".join(tab.locator("main").first.inner_text(timeout=2_000).split())
            except Exception:  # no <main> (an error page) or a navigation in progress
                try:
                    text = " ".join(tab.locator("body").inner_text(timeout=2_000).split())
                except Exception as failure:
                    text = f"(unreadable: {failure.__class__.__name__})"
            yield f"tab {name!r} at {tab.url}: {text[:700]}"

    def close(self, keep_screenshots):
        for tab in self.tabs.values():
            tab.context.close()
        if not keep_screenshots:
            shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture
def journey(request, browser, journey_site):
    from playwright.sync_api import expect

    # Playwright's `expect` waits 5 s by default, the tabs 20 s: on a shared 2-core machine a
    # form post that gunicorn answers in 6 s is slow, not wrong. The same patience for both.
    expect.set_options(timeout=20_000)
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid.split("::", 1)[-1])
    journey = Journey(browser, journey_site, name)
    yield journey
    call = getattr(request.node, "journey_report_call", None)
    failed = call is None or call.failed or hasattr(call, "wasxfail")
    journey.close(keep_screenshots=failed)
    if not failed:
        assert journey.csp_violations == [], "Content-Security-Policy violations on the pages visited"


def assert_accessible(tab):
    """axe-core (WCAG 2.1 A/AA) finds no serious or critical problem on the current page."""
    assert audit_accessibility(tab) == []


def download(tab, href):
    """Fetch what a link on the page points at with the tab's own cookies (PDFs, .ics, JSON)."""
    response = tab.context.request.get(href)
    assert response.ok, f"{href}: HTTP {response.status}"
    return response
