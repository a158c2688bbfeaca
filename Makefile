# Two commands for a newcomer: `make run` and `make test`. Everything else is plumbing.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
PORT ?= 8000
PG_TEST_URL ?= postgres://cop:cop@127.0.0.1:5432/cop
# Two workers (the machines have two cores); a test file stays on one worker.
PYTEST_ARGS ?= -q -n 2 --dist loadfile

.PHONY: run test install static messages lint test-sqlite test-postgres browser-deps postgres migrate demo clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed static messages

# NL Design System CSS and axe-core come from the npm registry and are copied into static/vendor.
static/vendor/.built: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	mkdir -p static/vendor
	cp node_modules/@utrecht/design-tokens/dist/theme.css static/vendor/utrecht-theme.css
	cp node_modules/@utrecht/component-library-css/dist/index.css static/vendor/utrecht-components.css
	cp node_modules/axe-core/axe.min.js static/vendor/axe.min.js
	touch $@

static: static/vendor/.built

messages: $(VENV)/.installed
	$(PY) manage.py compilemessages -v0 --ignore=.venv --ignore=node_modules

# migrate also creates the database cache table, first (see home/apps.py).
migrate: install
	$(PY) manage.py migrate --noinput -v0

demo: migrate
	$(PY) manage.py load_demo_content

run: demo
	@echo "Site: http://127.0.0.1:$(PORT)/  admin: http://127.0.0.1:$(PORT)/admin/"
	@echo "Demo accounts (password demo-wachtwoord-2026): beheerder@, redacteur@, professional@, ouder@demo.samenpreventief.nl"
	@echo "  and per organisation: redacteur.zwolle@, coordinator.zwolle@, reviewer.nji@, moderator@demo.samenpreventief.nl (see load_demo_content output)"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# Debian's Chromium drives the browser tests; installed here when it is missing.
browser-deps:
	@command -v chromium >/dev/null || { echo "Installing chromium (Debian package)"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "Could not install chromium: browser tests will be skipped"; }

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test-sqlite: install browser-deps
	@echo "=== Test suite on SQLite ==="
	DATABASE_URL=sqlite:///test-artifacts/sqlite.db $(VENV)/bin/pytest $(PYTEST_ARGS)

# Starts the local PostgreSQL 15 cluster when it is there; says so plainly when it is not.
test-postgres: install browser-deps
	@if bash scripts/ensure_postgres.sh; then \
	  echo "=== Test suite on PostgreSQL ==="; \
	  DATABASE_URL=$(PG_TEST_URL) $(VENV)/bin/pytest $(PYTEST_ARGS) || exit 1; \
	else \
	  echo "=== PostgreSQL not available on this machine: suite ran on SQLite only ==="; \
	fi

test: lint test-sqlite test-postgres

clean:
	rm -rf $(VENV) node_modules static/vendor db.sqlite3 test-artifacts
