"""Lighthouse (mobile) on six key pages of the demo, served the way production serves them.

    .venv/bin/python benchmarks/lighthouse.py --label after [--runs 3] [--reuse-db]

What it does, so that "before" and "after" differ only in the code:

1. a throwaway SQLite database in test-artifacts/lighthouse/ with the demo content (migrate +
   load_demo_content, lexical search: the embedding model changes no byte of the HTML);
   `--reuse-db` keeps the one of an earlier run;
2. `collectstatic` with `cop_site.settings.production` (WhiteNoise's manifest storage, which
   also writes the gzip and brotli copies);
3. gunicorn (2 workers) with the production settings on http://127.0.0.1:<port>, page cache on.
   Only the TLS redirect is off (`DJANGO_SECURE_SSL_REDIRECT=false`): TLS ends at the proxy in
   a real deployment, and Lighthouse treats 127.0.0.1 as a secure origin;
4. `node_modules/.bin/lighthouse` (the devDependency in package.json) with Debian's chromium,
   mobile form factor and Lighthouse's default simulated throttling, `--runs` times per page.
   The median of each category is reported, because the performance score on a shared
   2-core machine moves a few points from run to run.

Prints a Markdown table (scores, page weight, unused CSS) for BENCHMARKS.md and leaves every
report as JSON in test-artifacts/lighthouse/<label>/.
"""

import argparse
import json
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(BASE_DIR))

from tests.servers import AppServer, app_server_env, free_port  # noqa: E402  (the tests' gunicorn helper)

ARTIFACTS = BASE_DIR / "test-artifacts" / "lighthouse"
DATABASE = ARTIFACTS / "demo.sqlite3"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")

# The six key pages of issue 18. The story, method and atelier are looked up by title or slug in the
# running site's own database (their paths depend on the owning organisation's section).
PAGES = [
    ("home", "/"),
    ("story listing with facets", "/praktijkverhalen/?life_stage=12-18&province=zuid-holland"),
    ("practice story", ("practices.PracticeStoryPage", {"title": "THINK op school brengt zorg de brugklas in"})),
    ("method", ("practices.MethodPage", {"slug": "think-op-school"})),
    ("atelier", ("ateliers.AtelierPage", {"slug": "migranten-in-de-jeugdhulpketen"})),
    ("search results", "/zoeken/?q=ouders+met+een+migratieachtergrond"),
]


def manage(*args, env):
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def page_path(target, env):
    """The URL path of a page given as (app_label.Model, lookup), asked of Django itself."""
    if isinstance(target, str):
        return target
    model, lookup = target
    code = (
        "from django.apps import apps\n"
        f"page = apps.get_model({model!r}).objects.live().get(**{lookup!r})\n"
        "print(page.get_url())"
    )
    return manage("shell", "-c", code, env=env).strip().splitlines()[-1]


def run_lighthouse(url, output):
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(
        [
            str(BASE_DIR / "node_modules" / ".bin" / "lighthouse"),
            url,
            "--form-factor=mobile",
            "--only-categories=" + ",".join(CATEGORIES),
            "--output=json",
            f"--output-path={output}",
            "--chrome-flags=--headless=new --no-sandbox",
            "--quiet",
        ],
        cwd=BASE_DIR,
        env=env,
        check=True,
    )
    return json.loads(output.read_text())


def summarise(reports):
    """Median score per category (0-100); page weight, the HTML as transferred and unused CSS in
    KiB; the audits that scored below 90."""
    scores = {
        category: statistics.median(round(report["categories"][category]["score"] * 100) for report in reports)
        for category in CATEGORIES
    }
    last = reports[-1]["audits"]
    weight = last["total-byte-weight"]["numericValue"] / 1024
    document = next(
        item for item in last["network-requests"]["details"]["items"] if item.get("resourceType") == "Document"
    )
    html = document["transferSize"] / 1024
    unused_css = (last["unused-css-rules"].get("details") or {}).get("overallSavingsBytes", 0) / 1024
    failing = sorted(
        {
            audit_id
            for report in reports
            for category in CATEGORIES
            for ref in report["categories"][category]["auditRefs"]
            if ref["weight"]
            and (audit_id := ref["id"])
            and report["audits"][audit_id]["score"] is not None
            and report["audits"][audit_id]["score"] < 0.9
        }
    )
    return scores, weight, html, unused_css, failing


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--label", default="run", help="folder name for the JSON reports (before, after)")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page; the median is reported")
    parser.add_argument("--reuse-db", action="store_true", help="keep the demo database of an earlier run")
    parser.add_argument(
        "--table-only", action="store_true", help="print the table again from the reports of an earlier run"
    )
    options = parser.parse_args()

    if options.table_only:
        out_dir = ARTIFACTS / options.label
        rows = []
        for name, _target in PAGES:
            reports = [
                json.loads(path.read_text()) for path in sorted(out_dir.glob(name.replace(" ", "-") + "-*.json"))
            ]
            path = reports[-1]["finalDisplayedUrl"].split("/", 3)[-1]
            rows.append((name, "/" + path, *summarise(reports)))
        print_table(rows, options, None, None)
        return

    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    database_url = f"sqlite:///{DATABASE}"
    setup_env = app_server_env(database_url, DJANGO_SETTINGS_MODULE="cop_site.settings.dev", PUBLIC_BASE_URL=base_url)
    env = app_server_env(
        database_url,
        DJANGO_SETTINGS_MODULE="cop_site.settings.production",
        DJANGO_SECRET_KEY="lighthouse-" + secrets.token_urlsafe(40),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="false",
        PUBLIC_BASE_URL=base_url,
        PAGE_CACHE_ENABLED="true",
    )
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    if not (options.reuse_db and DATABASE.exists()):
        DATABASE.unlink(missing_ok=True)
        print("Loading the demo into", DATABASE, file=sys.stderr)
        manage("migrate", "--noinput", "-v0", env=setup_env)
        manage("load_demo_content", env=setup_env)
    # The site's address follows PUBLIC_BASE_URL (a new port every run); migrate sets it.
    manage("migrate", "--noinput", "-v0", env=env)
    manage("collectstatic", "--noinput", "-v0", "--clear", env=env)
    # Pages cached by an earlier run name that run's static files (other hashes): start empty.
    manage("shell", "-c", "from django.core.cache import caches; [cache.clear() for cache in caches.all()]", env=env)

    out_dir = ARTIFACTS / options.label
    shutil.rmtree(out_dir, ignore_errors=True)
    out_dir.mkdir(parents=True)
    load_before = os.getloadavg()
    server = AppServer(env, out_dir / "gunicorn.log", workers=2, port=port)
    rows = []
    try:
        server.wait()
        for name, target in PAGES:
            path = page_path(target, env)
            url = base_url + path
            reports = []
            for run in range(options.runs):
                print(f"{name}: run {run + 1} of {options.runs} ({path})", file=sys.stderr)
                slug = name.replace(" ", "-")
                reports.append(run_lighthouse(url, out_dir / f"{slug}-{run + 1}.json"))
            rows.append((name, path, *summarise(reports)))
    finally:
        server.stop()
    load_after = os.getloadavg()
    print_table(rows, options, load_before, load_after)


def print_table(rows, options, load_before, load_after):
    print(
        f"\n{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, label {options.label!r}, median of {options.runs} runs"
    )
    if load_before:
        print(
            f"load average (1/5/15 min) before: {load_before[0]:.2f}/{load_before[1]:.2f}/{load_before[2]:.2f}, ",
            end="",
        )
        print(f"after: {load_after[0]:.2f}/{load_after[1]:.2f}/{load_after[2]:.2f}")
    print()
    print("| page | performance | accessibility | best practices | SEO | page weight KiB | HTML KiB | unused CSS KiB |")
    print("|---|---|---|---|---|---|---|---|")
    for name, path, scores, weight, html, unused_css, _failing in rows:
        cells = " | ".join(f"{scores[category]:g}" for category in CATEGORIES)
        print(f"| {name} (`{path}`) | {cells} | {weight:.0f} | {html:.1f} | {unused_css:.0f} |")
    print()
    for name, _path, _scores, _weight, _html, _unused, failing in rows:
        print(f"- {name}: audits below 90: {', '.join(failing) or 'none'}")


if __name__ == "__main__":
    main()
