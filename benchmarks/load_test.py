"""Load test: gunicorn + PostgreSQL on loopback, bounded in requests and time.

    DATABASE_URL=postgres://cop:cop@127.0.0.1:5432/cop_load .venv/bin/python benchmarks/load_test.py

Sets up the database (migrate + demo content) when it is empty, then runs the same scenario
twice against gunicorn (3 workers): once with the anonymous page cache off, once on. Every
scenario is a fixed number of requests from a fixed number of concurrent clients; the whole
run stops after --max-seconds regardless. Prints a Markdown table for BENCHMARKS.md.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

BASE_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(BASE_DIR))

from tests.servers import PASSWORD, AppServer, browser_session, login  # noqa: E402  (the tests' gunicorn helpers)


def manage(*args, env):
    subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, check=True, capture_output=True)


def start_server(env, workers, log):
    server = AppServer(env, log, workers=workers)
    try:
        server.wait()
    except BaseException:
        server.stop()
        raise
    return server


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def run_scenario(name, make_request, requests_total, concurrency, deadline):
    latencies, errors = [], 0

    def one(index):
        if time.monotonic() > deadline:
            return None
        started = time.perf_counter()
        status = make_request(index)
        return status, time.perf_counter() - started

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        for result in pool.map(one, range(requests_total)):
            if result is None:
                continue
            status, seconds = result
            latencies.append(seconds * 1000)
            errors += status >= 500
    elapsed = time.perf_counter() - started
    return {
        "scenario": name,
        "requests": len(latencies),
        "errors": errors,
        "throughput": len(latencies) / elapsed if elapsed else 0,
        "p50": statistics.median(latencies) if latencies else 0,
        "p95": percentile(latencies, 0.95) if latencies else 0,
        "p99": percentile(latencies, 0.99) if latencies else 0,
    }


def scenarios(base, members, atelier_id):
    anonymous = requests.Session()
    anonymous.headers["Host"] = "localhost"
    stories = anonymous.get(base + "/api/v2/stories/?limit=20", timeout=10).json()["items"]
    story_urls = [item["meta"]["html_url"].split("localhost", 1)[-1].split(":80", 1)[-1] for item in stories]
    listing = "/praktijkverhalen/?life_stage=12-18&province=zuid-holland"
    queries = ["spijbelen", "tienermoeders", "wijkteam", "centering pregancy", "ouder kindcoach", "triple p"]

    def get(path):
        return lambda index: anonymous.get(base + path(index), timeout=30).status_code

    def register(index):
        session = members[index % len(members)]
        form_url = f"{base}/kennisateliers/{atelier_id}/aanmelden/"
        return session.post(
            form_url,
            data={"name": "Deelnemer", "background": "wijkteam", "csrfmiddlewaretoken": session.cookies["csrftoken"]},
            timeout=30,
        ).status_code

    return [
        ("home page", get(lambda i: "/")),
        ("practice story", get(lambda i: story_urls[i % len(story_urls)])),
        ("listing with filters", get(lambda i: listing)),
        ("search", get(lambda i: "/zoeken/?q=" + queries[i % len(queries)])),
        ("atelier registration (POST)", register),
    ]


def prepare_members(env, count):
    code = (
        "from accounts.models import User; from allauth.account.models import EmailAddress\n"
        f"for n in range({count}):\n"
        "    u, created = User.objects.get_or_create(email=f'last{n}@example.nl')\n"
        f"    u.set_password('{PASSWORD}'); u.save()\n"
        "    EmailAddress.objects.get_or_create(user=u, email=u.email, defaults={'verified': True, 'primary': True})\n"
        "from ateliers.models import AtelierPage, AtelierState\n"
        "a = next(a for a in AtelierPage.objects.live() if a.accepts_registrations)\n"
        "a.registrations.all().delete(); AtelierPage.objects.filter(pk=a.pk).update(capacity=50, state=AtelierState.REGISTRATION_OPEN)\n"
        "print(a.pk)\n"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return int(result.stdout.strip().splitlines()[-1])


def login_members(base, count):
    sessions = []
    for n in range(count):
        session = browser_session()
        login(session, base, f"last{n}@example.nl", timeout=30)
        session.get(base + "/", timeout=30)
        sessions.append(session)
    return sessions


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=400, help="requests per scenario")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--max-seconds", type=int, default=600)
    options = parser.parse_args()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cop_site.settings.dev", "DJANGO_LOG_LEVEL": "WARNING"}
    if "postgres" not in env.get("DATABASE_URL", ""):
        sys.exit("Set DATABASE_URL=postgres://… (an empty database is set up with demo content).")
    manage("migrate", "--noinput", env=env)
    manage("load_demo_content", env=env)
    manage("search_index", "--rebuild", env=env)
    deadline = time.monotonic() + options.max_seconds
    rows = []
    for cache_on in (False, True):
        run_env = {**env, "PAGE_CACHE_ENABLED": str(cache_on).lower()}
        atelier_id = prepare_members(run_env, 40)
        server = start_server(run_env, options.workers, Path(tempfile.gettempdir()) / "load_test_gunicorn.log")
        try:
            members = login_members(server.url, 40)
            for name, make_request in scenarios(server.url, members, atelier_id):
                result = run_scenario(name, make_request, options.requests, options.concurrency, deadline)
                result["page cache"] = "on" if cache_on else "off"
                rows.append(result)
        finally:
            server.stop()
    print("| scenario | page cache | requests | 5xx | req/s | p50 ms | p95 ms | p99 ms |")
    print("|---|---|---|---|---|---|---|---|")
    for row in rows:
        print(
            f"| {row['scenario']} | {row['page cache']} | {row['requests']} | {row['errors']} | "
            f"{row['throughput']:.0f} | {row['p50']:.1f} | {row['p95']:.1f} | {row['p99']:.1f} |"
        )


if __name__ == "__main__":
    main()
