# Two commands for a newcomer: `make run` and `make test`. Everything else is plumbing.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# Every absolute link (mails, QR codes, calendar files, API) starts with this; see README.
PUBLIC_BASE_URL ?= http://127.0.0.1:$(PORT)
PG_TEST_URL ?= postgres://cop:cop@127.0.0.1:5432/cop
# Two workers (the machines have two cores); a test file stays on one worker. The fifteen
# slowest tests are listed at the end, so a slow newcomer shows up in review.
PYTEST_ARGS ?= -q -n 2 --dist loadfile --durations=15
# `make test` runs the SQLite and the PostgreSQL pass side by side, one process each: both cores
# stay busy without xdist workers, and no worker waits while another migrates and loads the demo.
# `-n 0` rather than `-p no:xdist`: a journey asks for xdist's `worker_id` fixture.
SIDE_BY_SIDE_ARGS := -q -n 0 --durations=15
# The PostgreSQL pass repeats what depends on the engine (tests/conftest.py, DATABASE_SENSITIVE)
# and runs the browser tests (tests/browser and the few elsewhere marked `browser`).
PG_MARKERS ?= postgres or database or browser
# `make test` leaves the journeys (tests/journeys: gunicorn, production settings, a browser) and
# the other browser tests to the PostgreSQL pass, production's engine, when PostgreSQL is there:
# that keeps the two passes about equally long; see README.
SQLITE_MARKERS ?=

# The lock tool, at the version requirements-dev.in pins.
UV_VERSION := $(shell sed -n 's/^uv==//p' requirements-dev.in)
# Same arguments for both locks: one set of wheels for Python 3.11 on every OS, each with its hashes.
LOCK_ARGS := --quiet --universal --python-version 3.11 --generate-hashes --custom-compile-command "make lock" $(LOCK_UPGRADE)

.PHONY: run test install system-deps lock static messages lint test-sqlite test-postgres browser-deps postgres migrate setup demo clean

# requirements-dev.txt holds every package of requirements.txt at the same version plus the
# tools, each with its hashes: one pip run installs the whole set and refuses any file whose
# hash differs (--require-hashes also refuses a package the lock does not list).
$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --require-hashes -r requirements-dev.txt
	touch $@

install: system-deps $(VENV)/.installed static messages

# Certificates are PDFs drawn by WeasyPrint, which needs Pango (deploy/Dockerfile installs it too).
system-deps:
	@ldconfig -p | grep -q 'libpangoft2-1.0' || { echo "Installing Pango (Debian packages, for certificate PDFs)"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 >/dev/null) \
	  || echo "Could not install Pango: certificate downloads will fail"; }

# Regenerates requirements.txt and requirements-dev.txt from requirements.in and
# requirements-dev.in (see README, "Dependencies"). Versions already in the locks are kept
# unless the .in files ask otherwise; `make lock LOCK_UPGRADE=--upgrade` takes the newest
# releases the .in files allow. Needs only uv, so it works while the locks are being mended.
lock:
	test -x $(PY) || python3 -m venv $(VENV)
	$(VENV)/bin/uv --version 2>/dev/null | grep -qx 'uv $(UV_VERSION)' || $(PY) -m pip install -q uv==$(UV_VERSION)
	$(VENV)/bin/uv pip compile $(LOCK_ARGS) requirements.in -o requirements.txt
	$(VENV)/bin/uv pip compile $(LOCK_ARGS) --constraint requirements.txt requirements-dev.in -o requirements-dev.txt

# NL Design System component CSS comes from the npm registry; `npm run build:css` (PurgeCSS,
# purgecss.config.cjs) writes into static/vendor, which collectstatic ships to production, only
# the rules for the classes our templates, Python and JavaScript use (64 of 397 KiB). So the
# file is rebuilt when a template or script changes. The design tokens are our own theme
# (static/css/theme.css). axe-core is a devDependency that stays in node_modules: the browser
# tests inject it from there (tests/browser/conftest.py), so no visitor gets it.
COMPONENT_CSS_CONTENT := $(shell find . \( -path ./node_modules -o -path ./.venv -o -path ./tests -o -path ./staticfiles -o -path ./media -o -path ./test-artifacts \) -prune -o -path '*/templates/*.html' -print) $(wildcard static/js/*.js)
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

static/vendor/.built: node_modules/.installed purgecss.config.cjs $(COMPONENT_CSS_CONTENT)
	rm -f static/vendor/axe.min.js static/vendor/utrecht-theme.css
	npm run --silent build:css
	touch $@

static: static/vendor/.built

messages: $(VENV)/.installed
	$(PY) manage.py compilemessages -v0 --ignore=.venv --ignore=node_modules

# migrate also creates the database cache table, first (see home/apps.py).
# migrate also gives Wagtail's Site record the host and port of PUBLIC_BASE_URL (home/apps.py).
migrate: install
	PUBLIC_BASE_URL=$(PUBLIC_BASE_URL) $(PY) manage.py migrate --noinput -v0

# What every deployment gets (docs/deployment.md): home page, statements, vocabularies, listings.
setup: migrate
	PUBLIC_BASE_URL=$(PUBLIC_BASE_URL) $(PY) manage.py setup_site

# Fiction on top of the set-up. Ends with the table of every demo account and its roles.
demo: setup
	PUBLIC_BASE_URL=$(PUBLIC_BASE_URL) $(PY) manage.py load_demo_content

run: demo
	@echo "Site: $(PUBLIC_BASE_URL)/  admin: $(PUBLIC_BASE_URL)/admin/"
	@echo "Mails the site sends (sign-up, registrations, invitations) are printed in this terminal."
	PUBLIC_BASE_URL=$(PUBLIC_BASE_URL) $(PY) manage.py runserver 127.0.0.1:$(PORT)

# Debian's Chromium drives the browser tests; installed here when it is missing.
browser-deps:
	@command -v chromium >/dev/null || { echo "Installing chromium (Debian package)"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "Could not install chromium: browser tests will be skipped"; }

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# Each pass also writes its output to test-artifacts/test-<engine>.log, to follow it while
# `make test` holds it back until the pass ends (below).
test-sqlite: install browser-deps
	@mkdir -p test-artifacts
	@echo "=== Test suite on SQLite ===" | tee test-artifacts/test-sqlite.log
	set -o pipefail; DATABASE_URL=sqlite:///test-artifacts/sqlite.db $(VENV)/bin/pytest $(PYTEST_ARGS) $(if $(SQLITE_MARKERS),-m "$(SQLITE_MARKERS)") 2>&1 | tee -a test-artifacts/test-sqlite.log

# Starts the local PostgreSQL 15 cluster when it is there; says so plainly when it is not.
test-postgres: install browser-deps
	@mkdir -p test-artifacts
	@if bash scripts/ensure_postgres.sh; then \
	  echo "=== Test suite on PostgreSQL ===" | tee test-artifacts/test-postgres.log; \
	  set -o pipefail; DATABASE_URL=$(PG_TEST_URL) $(VENV)/bin/pytest $(PYTEST_ARGS) -m "$(PG_MARKERS)" 2>&1 | tee -a test-artifacts/test-postgres.log || exit 1; \
	else \
	  echo "=== PostgreSQL not available on this machine: suite ran on SQLite only ==="; \
	fi

# With PostgreSQL: both passes at once, one pytest process each (README, "How long `make test`
# takes"). --output-sync prints each pass whole when it ends, so the two never interleave;
# follow them meanwhile with `tail -f test-artifacts/test-sqlite.log test-artifacts/test-postgres.log`.
test: lint
	@if bash scripts/ensure_postgres.sh; then \
	  echo "Both passes run side by side; each is printed when it ends (tail -f test-artifacts/test-*.log to follow)."; \
	  $(MAKE) --no-print-directory -j2 --output-sync=target test-sqlite test-postgres \
	    SQLITE_MARKERS="not journey and not browser" PYTEST_ARGS="$(SIDE_BY_SIDE_ARGS)"; \
	else \
	  $(MAKE) --no-print-directory test-sqlite && \
	  echo "=== PostgreSQL not available on this machine: suite ran on SQLite only (journeys and browser tests included) ==="; \
	fi

clean:
	rm -rf $(VENV) node_modules static/vendor db.sqlite3 test-artifacts
