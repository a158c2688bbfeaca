"""What a newcomer meets with `make run` (issue #13.14 and #13.4).

* `make run PORT=8101` passes PUBLIC_BASE_URL=http://127.0.0.1:8101 to set-up and server,
  so every link the site makes points at the server that is running.
* A missing page shows the site's own 404 page, not Django's debug page with every URL pattern.
"""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import override_settings

from cop_site.settings import dev

BASE_DIR = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_run_with_a_port_gives_links_on_that_port():
    planned = subprocess.run(
        ["make", "-n", "run", "PORT=8101"], cwd=BASE_DIR, capture_output=True, text=True, timeout=60
    ).stdout
    commands = [line for line in planned.splitlines() if "manage.py" in line]
    for step in ("migrate", "load_demo_content", "runserver 127.0.0.1:8101"):
        [command] = [line for line in commands if step in line]
        assert "PUBLIC_BASE_URL=http://127.0.0.1:8101 " in command, command


def test_make_run_shows_the_sites_own_404_page(client, db):
    with override_settings(DEBUG=True, MIDDLEWARE=dev.MIDDLEWARE):
        response = client.get("/bestaat-niet/")
        english = client.get("/en/does-not-exist/")
    assert response.status_code == 404 and english.status_code == 404
    page = response.content.decode()
    assert "Pagina niet gevonden" in page
    assert "URLconf" not in page
