"""Page-cache hits while an atelier fills up: anonymous readers during a burst of registrations.

    DATABASE_URL=postgres://cop:cop@127.0.0.1:5432/cop_burst .venv/bin/python benchmarks/cache_during_burst.py

Sets up the database (migrate + demo content) when it is empty and starts gunicorn with the page
cache on. Readers fetch five public pages (home, a listing with filters, a practice story, the
organisations and the atelier that is filling up) while 40 members register for it. Reports
the share of reader responses served from the page cache (`X-Page-Cache: hit`) during the burst.
Bounded: a fixed number of requests, and --max-seconds for the whole run.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

BASE_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(BASE_DIR))

from benchmarks.load_test import login_members, manage, prepare_members, start_server  # noqa: E402


def atelier_url(env, atelier_id):
    code = f"from ateliers.models import AtelierPage; print(AtelierPage.objects.get(pk={atelier_id}).url)"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip().splitlines()[-1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--readers", type=int, default=4)
    parser.add_argument("--registrants", type=int, default=40)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--max-seconds", type=int, default=300)
    options = parser.parse_args()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cop_site.settings.dev",
        "DJANGO_LOG_LEVEL": "WARNING",
        "PAGE_CACHE_ENABLED": "true",
    }
    if "postgres" not in env.get("DATABASE_URL", ""):
        sys.exit("Set DATABASE_URL=postgres://… (an empty database is set up with demo content).")
    manage("migrate", "--noinput", env=env)
    manage("load_demo_content", env=env)
    atelier_id = prepare_members(env, options.registrants)
    server = start_server(env, options.workers, Path(tempfile.gettempdir()) / "cache_burst_gunicorn.log")
    deadline = time.monotonic() + options.max_seconds
    try:
        base = server.url
        members = login_members(base, options.registrants)
        reader = requests.Session()
        atelier_page = atelier_url(env, atelier_id)
        story = reader.get(f"{base}/api/v2/stories/?limit=1", timeout=30).json()["items"][0]["meta"]["html_url"]
        paths = ["/", "/praktijkverhalen/?province=zuid-holland", "/" + story.split("/", 3)[-1], "/organisaties/"]
        paths.append(atelier_page)
        for path in paths:  # warm the cache
            reader.get(base + path, timeout=30)

        burst_over = threading.Event()
        counts = {"hit": 0, "miss": 0, "other": 0}
        lock = threading.Lock()

        def read(index):
            session = requests.Session()
            n = index
            while not burst_over.is_set() and time.monotonic() < deadline:
                response = session.get(base + paths[n % len(paths)], timeout=30)
                with lock:
                    counts[response.headers.get("X-Page-Cache", "other")] += 1
                n += 1

        def register(session):
            return session.post(
                f"{base}/kennisateliers/{atelier_id}/aanmelden/",
                data={
                    "name": "Deelnemer",
                    "background": "wijkteam",
                    "csrfmiddlewaretoken": session.cookies["csrftoken"],
                },
                timeout=60,
            ).status_code

        with ThreadPoolExecutor(max_workers=options.readers) as readers:
            for index in range(options.readers):
                readers.submit(read, index)
            started = time.perf_counter()
            with ThreadPoolExecutor(max_workers=4) as registrants:
                statuses = list(registrants.map(register, members))
            burst_seconds = time.perf_counter() - started
            burst_over.set()
    finally:
        server.stop()
    total = sum(counts.values())
    print(f"registrations: {len(statuses)} in {burst_seconds:.1f} s, 5xx: {sum(s >= 500 for s in statuses)}")
    print(
        f"reader responses during the burst: {total}; hit {counts['hit']}, miss {counts['miss']}, other {counts['other']}"
    )
    print(f"page-cache hit rate: {100 * counts['hit'] / total:.1f}%")


if __name__ == "__main__":
    main()
