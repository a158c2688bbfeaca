"""Pages without the page cache: a logged-in member against a trivial view, in one run.

    DATABASE_URL=postgres://cop:cop@127.0.0.1:5432/cop_speed .venv/bin/python benchmarks/uncached_pages.py \
        [--before /tmp/speed-before] [--rounds 3] [--requests 200] [--concurrency 8]

Members, editors and every personal page get no page cache, so what they wait for is the
page itself. This measures, as the demo professional (logged in, so never served from the
page cache), a trivial view that passes through exactly the same middleware and then the home
page, a practice-story listing with two filters, practice stories and searches, and reports
req/s, p50, p95 and the ratio page : trivial view (throughput and p50).

The app runs as production runs it (`cop_site.settings.production`: DEBUG off, persistent
connections, database caches, WhiteNoise manifest storage) under gunicorn on plain HTTP on
loopback. Only what plain HTTP needs is relaxed: no SSL redirect, no Secure cookies. The
trivial view is added by a URL conf of the benchmark's own in front of the site's URLs, so the
code under test is not changed for it.

`--before DIR` serves a second checkout (e.g. `git worktree add /tmp/speed-before <commit>`)
from the same database at the same time, and every round measures each scenario on both
servers one after the other, so both see the same machine load. An empty database is set up
first (migrate, demo content, search index).
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

from tests.servers import PASSWORD, free_port, wait_until_up  # noqa: E402  (the tests' server helpers)

MEMBER = "professional@demo.samenpreventief.nl"
LISTING = "/praktijkverhalen/?life_stage=12-18&province=zuid-holland"
QUERIES = ["tienermoeders", "ouder-kindcoach", "Triple P", "weerbaarheid", "spijbelen", "wijkteam"]
TRIVIAL = "/_bench/trivial/"

BENCH_SETTINGS = """
from cop_site.settings.production import *  # noqa: F403

# Plain HTTP on loopback: no redirect to https and no Secure-only cookies; everything else as in production.
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
STATIC_ROOT = {static_root!r}
ROOT_URLCONF = "uncached_bench_urls"
"""

BENCH_URLS = """
from django.http import HttpResponse
from django.urls import path

from cop_site import urls as site_urls


def trivial(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("_bench/trivial/", trivial), *site_urls.urlpatterns]
handler500 = site_urls.handler500
"""


def manage(code_dir, env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=code_dir, env=env, check=True, capture_output=True, text=True
    ).stdout


def bench_env(code_dir, support_dir):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "uncached_bench_settings",
        "PYTHONPATH": f"{code_dir}{os.pathsep}{support_dir}",
        "DJANGO_SECRET_KEY": "uncached-pages-benchmark-not-secret",
        "DJANGO_ALLOWED_HOSTS": "localhost,127.0.0.1",
        "PUBLIC_BASE_URL": "http://localhost",
        "DJANGO_LOG_LEVEL": "WARNING",
        "PAGE_CACHE_ENABLED": "true",  # on, as in production: the member simply never gets it
    }


class Server:
    """gunicorn serving one checkout."""

    def __init__(self, label, code_dir, env, workers, log):
        self.label = label
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "cop_site.wsgi", "--bind", f"127.0.0.1:{self.port}"]
            + ["--workers", str(workers)],
            cwd=code_dir,
            env=env,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )

    def cpu_seconds(self):
        """CPU time used so far by this server's workers (user + system, from /proc).

        Unlike latency it hardly depends on what else the machine is doing, so it shows the
        cost of a page even while other work shares the cores.
        """
        total = 0
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.process.pid:
                total += int(fields[11]) + int(fields[12])  # utime, stime in clock ticks
        return total / os.sysconf("SC_CLK_TCK")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()


def member_cookies(server):
    """Log the demo professional in once; every client thread then sends the same session cookie."""
    session = requests.Session()
    session.headers["Host"] = "localhost"
    session.get(server.url + "/account/login/", timeout=30)
    response = session.post(
        server.url + "/account/login/",
        data={"login": MEMBER, "password": PASSWORD, "csrfmiddlewaretoken": session.cookies["csrftoken"]},
        headers={"Referer": server.url + "/account/login/"},
        timeout=30,
    )
    home = session.get(server.url + "/", timeout=30)
    if "Uitloggen" not in home.text:
        sys.exit(f"{server.label}: the member is not logged in (login answered {response.status_code}).")
    return session.cookies.get_dict()


def story_paths(server):
    stories = requests.get(server.url + "/api/v2/stories/?limit=20", headers={"Host": "localhost"}, timeout=30)
    return ["/" + item["meta"]["html_url"].split("://", 1)[1].split("/", 1)[1] for item in stories.json()["items"]]


def scenarios(stories):
    """(name, path for the n-th request, how the page must be served: None = rendered, "member" = shared copy)."""
    pages = [
        ("home page", lambda index: "/"),
        ("listing, two filters", lambda index: LISTING),
        ("practice story", lambda index: stories[index % len(stories)]),
        ("search", lambda index: "/zoeken/?q=" + QUERIES[index % len(QUERIES)]),
    ]
    return [
        ("trivial view", lambda index: TRIVIAL, None),
        *[(name, path_for, None) for name, path_for in pages],
        *[(f"{name}, shared copy", path_for, "member") for name, path_for in pages],
    ]


def fill_shared_copies(server, path_for, count):
    """An anonymous visitor reads the pages first, as on a site with visitors: members share their copy."""
    for index in range(count):
        requests.get(server.url + path_for(index), headers={"Host": "localhost"}, timeout=60)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def measure(server, cookies, path_for, total, concurrency, served_as=None):
    """`total` GETs from `concurrency` clients, each with its own keep-alive connection.

    A request fails when it is not a 200, or is not served the way the scenario says (rendered
    for the member, or the shared copy with the member's own header)."""
    clients = []
    for _ in range(concurrency):
        client = requests.Session()
        client.headers["Host"] = "localhost"
        client.cookies.update(cookies)
        clients.append(client)
    latencies, failures = [], 0

    def one(index):
        client = clients[index % concurrency]
        started = time.perf_counter()
        response = client.get(server.url + path_for(index), timeout=60, allow_redirects=False)
        seconds = time.perf_counter() - started
        return seconds, response.status_code != 200 or response.headers.get("X-Page-Cache") != served_as

    cpu_before = server.cpu_seconds()
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        for seconds, failed in pool.map(one, range(total)):
            latencies.append(seconds * 1000)
            failures += failed
    elapsed = time.perf_counter() - started
    return {
        "cpu_ms": (server.cpu_seconds() - cpu_before) * 1000 / len(latencies),
        "requests": len(latencies),
        "failures": failures,
        "throughput": len(latencies) / elapsed,
        "p50": statistics.median(latencies),
        "p95": percentile(latencies, 0.95),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", type=Path, help="another checkout to measure side by side (the 'before')")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--requests", type=int, default=200, help="requests per scenario per round")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=3)
    options = parser.parse_args()
    if "postgres" not in os.environ.get("DATABASE_URL", ""):
        sys.exit("Set DATABASE_URL=postgres://… (an empty database is set up with demo content).")

    support_dir = Path(tempfile.mkdtemp(prefix="uncached-bench-"))
    (support_dir / "uncached_bench_settings.py").write_text(
        BENCH_SETTINGS.format(static_root=str(support_dir / "static"))
    )
    (support_dir / "uncached_bench_urls.py").write_text(BENCH_URLS)
    checkouts = [("after", BASE_DIR)]
    if options.before:
        checkouts.insert(0, ("before", options.before.resolve()))

    env = bench_env(BASE_DIR, support_dir)
    manage(BASE_DIR, env, "migrate", "--noinput", "-v0")
    has_content = "True" in manage(
        BASE_DIR,
        env,
        "shell",
        "-c",
        "from practices.models import PracticeStoryPage; print(PracticeStoryPage.objects.exists())",
    )
    if not has_content:
        manage(BASE_DIR, env, "load_demo_content")
        manage(BASE_DIR, env, "search_index", "--rebuild")
    manage(BASE_DIR, env, "createcachetable")
    manage(BASE_DIR, env, "collectstatic", "--noinput", "-v0")

    servers = [
        Server(label, code_dir, bench_env(code_dir, support_dir), options.workers, support_dir / f"{label}.log")
        for label, code_dir in checkouts
    ]
    results = {}  # (label, scenario) -> list of per-round results
    try:
        for server in servers:
            wait_until_up(server.url + TRIVIAL, server.process, server.log)
        cookies = {server.label: member_cookies(server) for server in servers}
        stories = story_paths(servers[-1])
        # Rendered pages first (every round), then the shared copies: once an anonymous visitor
        # has read a page, the member is served its shared copy and no longer the rendered page.
        for shared in (False, True):
            chosen = [
                scenario
                for scenario in scenarios(stories)
                if scenario[0] == "trivial view" or bool(scenario[2]) == shared
            ]
            for server in servers:  # warm up every worker: templates, URL resolvers, connections
                for _name, path_for, served_as in chosen:
                    if served_as:
                        fill_shared_copies(server, path_for, len(stories))
                    measure(server, cookies[server.label], path_for, 4 * options.workers, options.workers, served_as)
            for _round in range(options.rounds):
                for name, path_for, served_as in chosen:
                    if shared and not served_as:
                        continue  # the trivial view is measured once per round
                    for server in servers:
                        result = measure(
                            server, cookies[server.label], path_for, options.requests, options.concurrency, served_as
                        )
                        results.setdefault((server.label, name), []).append(result)
    finally:
        for server in servers:
            server.stop()

    print(f"{options.rounds} rounds × {options.requests} requests per scenario, {options.concurrency} clients, ")
    print(f"{options.workers} gunicorn workers; medians over the rounds, spread (min–max) in brackets.\n")
    print(
        "| code | scenario | requests | not 200 | req/s | p50 ms | p95 ms | ratio req/s trivial:page | ratio p50 page:trivial | worker CPU ms/request | ratio CPU page:trivial |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label, _code_dir in checkouts:
        trivial = results[(label, "trivial view")]
        for name, _path_for, _served_as in scenarios(stories):
            rounds = results[(label, name)]
            throughput = [r["throughput"] for r in rounds]
            p50 = [r["p50"] for r in rounds]
            p95 = [r["p95"] for r in rounds]
            ratio_throughput = [t["throughput"] / r["throughput"] for t, r in zip(trivial, rounds, strict=True)]
            ratio_p50 = [r["p50"] / t["p50"] for t, r in zip(trivial, rounds, strict=True)]
            cpu = [r["cpu_ms"] for r in rounds]
            ratio_cpu = [r["cpu_ms"] / t["cpu_ms"] for t, r in zip(trivial, rounds, strict=True)]
            print(
                f"| {label} | {name} | {sum(r['requests'] for r in rounds)} | {sum(r['failures'] for r in rounds)} | "
                f"{spread(throughput, '.0f')} | {spread(p50, '.1f')} | {spread(p95, '.1f')} | "
                f"{spread(ratio_throughput, '.1f')}× | {spread(ratio_p50, '.1f')}× | "
                f"{spread(cpu, '.1f')} | {spread(ratio_cpu, '.1f')}× |"
            )


def spread(values, fmt):
    if len(values) == 1:
        return format(values[0], fmt)
    return f"{format(statistics.median(values), fmt)} ({format(min(values), fmt)}–{format(max(values), fmt)})"


if __name__ == "__main__":
    main()
