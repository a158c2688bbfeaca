"""docs/deployment.md, "From an empty server to a running site", followed step by step.

An empty PostgreSQL database of its own, production settings from the environment, and only
the commands the walkthrough gives: `migrate`, `setup_site`, `createsuperuser`,
`collectstatic`, gunicorn and `db_worker`, each as a separate process (`collectstatic` writes
the same files whatever the database; when the journeys' site collected them in this test
process already, they are served as it wrote them: tests/servers.py, `collect_static_files`). Then the site is used
as a visitor and as the new administrator would: the home page, every listing with a filter,
search, /organisaties/ and the admin (whose first login needs the confirmation mail that the
worker sends). No demo content is loaded, and none may show up.

gunicorn serves TLS itself with a throw-away certificate, standing in for the TLS proxy of
the walkthrough, so production's secure cookies and HTTPS redirect stay as they are.
"""

import email
import os
import re
import subprocess
import sys
import time
import warnings
from email import policy
from urllib.parse import urlsplit, urlunsplit

import pytest
import requests
import urllib3
from django.db import connection
from django.utils.text import slugify

from taxonomy.setup import WORKING_FACTORS

from .journeys.conftest import self_signed_certificate
from .servers import BASE_DIR, SMTPServer, collect_static_files, free_port, wait_until_up

ADMIN_EMAIL = "beheer@gemeente.example"
ADMIN_PASSWORD = "Eerste-beheerder-2026!"
# Things only the demo has: its accounts, organisations, stories, ateliers and tips.
DEMO_MARKERS = ["demo.samenpreventief.nl", "Gemeente Zwolle", "THINK", "ST-RAW", "Oleanderbuurt", "synthetisch"]
LINK_RE = re.compile(r"https?://[^\s<>\"')]+")


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=900
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture
def empty_database(postgres_only):
    """A new, empty PostgreSQL database next to the test database; dropped afterwards."""
    import psycopg

    settings_dict = connection.settings_dict
    name = f"{settings_dict['NAME']}_walkthrough"
    url = "postgres://{USER}:{PASSWORD}@{HOST}:{PORT}/".format(
        **{**settings_dict, "HOST": settings_dict["HOST"] or "127.0.0.1", "PORT": settings_dict["PORT"] or 5432}
    )
    admin_url = url + "postgres"

    def run(statement):
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(statement)

    run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    run(f'CREATE DATABASE "{name}"')
    try:
        yield url + name
    finally:
        run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def walkthrough(empty_database, tmp_path):
    """Steps 3–9 of the walkthrough; yields the running site's address, mailbox and environment."""
    smtp = SMTPServer().start()
    port = free_port()
    public_url = f"https://localhost:{port}"
    inherited = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PUBLIC_BASE_URL", "DATABASE_URL", "EMAIL_", "PAGE_CACHE"))
    }
    env = {
        **inherited,
        # Step 3: the environment.
        "DJANGO_SETTINGS_MODULE": "cop_site.settings.production",
        "DJANGO_SECRET_KEY": "walkthrough-" + "k3y" * 16,
        "DJANGO_ALLOWED_HOSTS": "localhost,127.0.0.1",
        "PUBLIC_BASE_URL": public_url,
        "DATABASE_URL": empty_database,
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp.port),
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    outputs = {}
    outputs["migrate"] = manage(env, "migrate", "--noinput")  # step 4
    outputs["setup_site"] = manage(env, "setup_site")  # step 5
    outputs["snapshot"] = every_row(empty_database)
    outputs["setup_site again"] = manage(env, "setup_site")
    outputs["snapshot again"] = every_row(empty_database)
    # Step 6: createsuperuser, without prompts (its documented environment variables).
    manage(
        {**env, "DJANGO_SUPERUSER_EMAIL": ADMIN_EMAIL, "DJANGO_SUPERUSER_PASSWORD": ADMIN_PASSWORD},
        *[
            "createsuperuser",
            "--noinput",
        ],
    )
    collect_static_files(lambda: manage(env, "collectstatic", "--noinput", "-v0"))  # step 7
    cert_file, key_file = self_signed_certificate(tmp_path / "tls")
    gunicorn_log, worker_log = tmp_path / "gunicorn.log", tmp_path / "db_worker.log"
    gunicorn = subprocess.Popen(  # step 8 (with TLS standing in for the proxy)
        [sys.executable, "-m", "gunicorn", "cop_site.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"]
        + ["--certfile", str(cert_file), "--keyfile", str(key_file)],
        cwd=BASE_DIR,
        env=env,
        stdout=gunicorn_log.open("w"),
        stderr=subprocess.STDOUT,
    )
    worker = subprocess.Popen(  # step 9
        [sys.executable, "manage.py", "db_worker", "--interval", "0.5", "--no-startup-delay"],
        cwd=BASE_DIR,
        env=env,
        stdout=worker_log.open("w"),
        stderr=subprocess.STDOUT,
    )
    try:
        wait_until_up(f"https://127.0.0.1:{port}/account/login/", gunicorn, gunicorn_log)
        session = requests.Session()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", urllib3.exceptions.InsecureRequestWarning)
            yield {"url": public_url, "session": session, "smtp": smtp, "env": env, "outputs": outputs}
    finally:
        for process in (worker, gunicorn):
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
        smtp.stop()


def every_row(database_url):
    """Every row of every table but the two cache tables (what `dumpdata` would show, and the
    tables no model has), read in this process: a second `setup_site` must change none of them.
    A `dumpdata` process for this cost about 4 CPU seconds each time."""
    import psycopg

    with psycopg.connect(database_url) as database:
        tables = database.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> ALL(%s)",
            [["cop_cache", "cop_page_cache"]],
        ).fetchall()
        rows = {}
        for (table,) in tables:
            rows[table] = sorted(map(repr, database.execute(f'SELECT * FROM "{table}"').fetchall()))
    assert rows["wagtailcore_page"] and rows["taxonomy_lifestage"]
    return rows


def text_of(response):
    """The visible text of a page's main content, whitespace collapsed."""
    html = response.text.split("<main", 1)[-1].split("</main>", 1)[0]
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def get(site, path):
    response = site["session"].get(site["url"] + path, timeout=60, verify=False)
    assert response.status_code == 200, (path, response.status_code, response.text[:500])
    for marker in DEMO_MARKERS:
        assert marker not in response.text, f"demo content ({marker!r}) on {path}"
    return response


def wait_for_mail(smtp, address, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for recipients, raw in list(smtp.messages):
            if address in recipients:
                raw = "".join(line[1:] if line.startswith("..") else line for line in raw.splitlines(keepends=True))
                message = email.message_from_string(raw, policy=policy.default)
                return message.get_body(preferencelist=("plain",)).get_content()
        time.sleep(0.3)
    raise AssertionError(f"no mail to {address} within {timeout}s")


def post_form(site, page_url, data):
    """Submit a form the way a browser does: its page's CSRF token and the page as referrer."""
    session = site["session"]
    session.get(page_url, timeout=60, verify=False)
    return session.post(
        page_url,
        data={**data, "csrfmiddlewaretoken": session.cookies["csrftoken"]},
        headers={"Referer": page_url},
        timeout=60,
        verify=False,  # the throw-away certificate (a per-request verify survives REQUESTS_CA_BUNDLE)
    )


def test_an_operator_gets_from_an_empty_database_to_a_working_site_without_demo_content(walkthrough):
    site, outputs = walkthrough, walkthrough["outputs"]

    # setup_site said what it made, and a second run made nothing and changed nothing.
    for made in ["Homepagina aangemaakt", "Levensfasen: 8 aangemaakt", "Werkende factoren: 14 aangemaakt"]:
        assert made in outputs["setup_site"]
    assert "Synoniemen: 44 aangemaakt" in outputs["setup_site"]
    assert outputs["setup_site again"].strip() == "Site ingericht."
    assert outputs["snapshot again"] == outputs["snapshot"]

    home = text_of(get(site, "/"))
    assert "Samen Preventief" in home and "jeugdpreventie" in home
    footer = get(site, "/").text
    assert "Privacyverklaring" in footer and "Toegankelijkheidsverklaring" in footer

    # Every listing, with filters: the chosen terms are named as the vocabularies name them.
    seventh_factor = WORKING_FACTORS[6]
    stories = text_of(get(site, f"/praktijkverhalen/?life_stage=12-18&working_factor={slugify(seventh_factor)}"))
    assert "Praktijkverhalen" in stories and "0 praktijkverhalen" in stories
    assert "Levensfase: 12–18 jaar" in stories and f"Werkende factor: {seventh_factor}" in stories
    methods = text_of(get(site, "/methoden/?evidence_level=goed-onderbouwd&prevention_level=selectief"))
    assert "Methoden" in methods and "Bewijsniveau: Goed onderbouwd" in methods
    assert "Preventieniveau: Selectief" in methods
    publications = text_of(get(site, "/publicaties/?life_stage=zwangerschap-geboorte"))
    assert "Publicaties" in publications and "Levensfase: Zwangerschap en geboorte" in publications
    ateliers = text_of(get(site, "/ateliers/"))
    assert "Kennisateliers" in ateliers and "Er staan nog geen nieuwe kennisateliers gepland" in ateliers
    tips = text_of(get(site, "/tips-bibliotheek/?phase=before"))
    assert "Tipsbibliotheek" in tips and "Voor het gesprek" in tips and "0 tips gevonden" in tips
    organisations = text_of(get(site, "/organisaties/"))
    assert "Organisaties" in organisations
    search = text_of(get(site, "/zoeken/?q=spijbelen"))
    assert "Zoeken" in search and "Geen resultaten gevonden" in search

    # Findable (issue 18) with production's hashed static files: the sitemap and robots.txt
    # give the public address, the icons are where browsers look, the share image is served.
    robots = get(site, "/robots.txt").text
    assert f"Sitemap: {site['url']}/sitemap.xml" in robots.splitlines()
    sitemap = get(site, "/sitemap.xml").text
    assert f"<loc>{site['url']}/</loc>" in sitemap and f"<loc>{site['url']}/en/ateliers/</loc>" in sitemap
    assert get(site, "/favicon.ico").content[:4] == b"\x00\x00\x01\x00"  # an ICO file
    assert get(site, "/apple-touch-icon.png").content[:8] == b"\x89PNG\r\n\x1a\n"
    assert get(site, "/site.webmanifest").json()["icons"]
    share_image = re.search(r'<meta property="og:image" content="([^"]+)"', get(site, "/").text)[1]
    assert re.fullmatch(re.escape(site["url"]) + r"/static/img/share-default\.[0-9a-f]+\.png", share_image)
    assert get(site, share_image.removeprefix(site["url"])).content[:8] == b"\x89PNG\r\n\x1a\n"

    # The admin: its login door leads to the site's login; the first login asks to confirm the
    # address, the worker mails the link, and after confirming the dashboard opens.
    session = site["session"]
    door = session.get(site["url"] + "/admin/", timeout=60, verify=False)
    assert urlsplit(door.url).path == "/account/login/" and "next=/admin/" in door.url
    login_url = site["url"] + "/account/login/?next=/admin/"
    post_form(site, login_url, {"login": ADMIN_EMAIL, "password": ADMIN_PASSWORD})
    body = wait_for_mail(site["smtp"], ADMIN_EMAIL)
    [confirm_link] = [link for link in LINK_RE.findall(body) if "/account/confirm-email/" in link]
    assert confirm_link.startswith(site["url"] + "/")
    confirmed = post_form(site, confirm_link, {})
    assert confirmed.status_code == 200
    dashboard = post_form(site, login_url, {"login": ADMIN_EMAIL, "password": ADMIN_PASSWORD})
    assert dashboard.status_code == 200 and urlsplit(dashboard.url).path == "/admin/"
    assert "Samen Preventief" in dashboard.text and "Pagina" in dashboard.text

    # Nothing of the demo in the database (read with SQL: a `manage.py shell` process for these
    # counts cost about 4 CPU seconds), and no demo-only column in the schema.
    import psycopg

    from accounts.models import User
    from ateliers.models import AtelierPage
    from organisations.models import Organisation
    from practices.models import PracticeStoryPage
    from tips.models import Tip

    parts = urlsplit(site["env"]["DATABASE_URL"])
    with psycopg.connect(urlunsplit(parts)) as database:
        counts = [
            database.execute(f'SELECT count(*) FROM "{model._meta.db_table}"').fetchone()[0]
            for model in (User, Organisation, PracticeStoryPage, AtelierPage, Tip)
        ]
        assert counts == [1, 0, 0, 0, 0]
        demo_columns = database.execute(
            "SELECT table_name FROM information_schema.columns WHERE column_name = 'is_synthetic'"
        ).fetchall()
    assert demo_columns == []
