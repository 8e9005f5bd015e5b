# The hub: `make run` serves the demo site, `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
# Links in emails and the demo site's address follow the server's (override with BASE_URL=…).
demo run: export BASE_URL ?= http://$(HOST):$(PORT)

.DEFAULT_GOAL := help
.PHONY: help install install-dev lock browser-deps migrate demo run test test-postgres lint check format bench screenshots clean \
	topology topology-stop topology-test topology-drill

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-14s %s\n", $$1, $$2}'

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# Installs are from the lock files: every package pinned, with its hashes (`make lock` renews them).
$(VENV)/.installed: requirements.lock | $(VENV)/bin/python
	$(PIP) install --quiet --require-hashes -r requirements.lock
	@touch $@

$(VENV)/.installed-dev: requirements.lock requirements-dev.lock | $(VENV)/bin/python
	$(PIP) install --quiet --require-hashes -r requirements-dev.lock
	@touch $@ $(VENV)/.installed

lock: | $(VENV)/bin/python ## Renew requirements.lock and requirements-dev.lock from the ranges in requirements*.txt
	$(PIP) install --quiet pip-tools
	$(VENV)/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-find-links \
		--output-file requirements.lock requirements.txt
	$(VENV)/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-find-links \
		--output-file requirements-dev.lock requirements-dev.txt

install: $(VENV)/.installed ## Create .venv and install the runtime requirements

install-dev: $(VENV)/.installed-dev ## Install the runtime and test requirements

node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --silent && touch $@; \
	else echo "npm not found: browser accessibility tests will be skipped"; fi

browser-deps: node_modules/.installed ## Install axe-core from the npm registry (for browser tests)

migrate: install ## Apply database migrations (SQLite by default, DATABASE_URL otherwise)
	$(PY) manage.py migrate --noinput

demo: migrate ## Load the demo content and the development-only demo accounts
	$(PY) manage.py load_demo_content
	$(PY) manage.py create_demo_accounts

run: demo ## Set up and serve the demo site on http://127.0.0.1:8000, with its background worker
	@# The worker sends emails and publishes scheduled pages; it stops when the server stops.
	$(PY) manage.py run_worker & worker=$$!; trap "kill $$worker 2>/dev/null" EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

lint: install-dev ## Ruff lint and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-dev ## Format the code with Ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check: install-dev ## Django system checks, production deploy checks, missing migrations
	DJANGO_SETTINGS_MODULE=hub.settings.test $(PY) manage.py check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=hub.settings.test $(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=hub.settings.production SECRET_KEY=check-only-$$RANDOM-$$RANDOM-not-a-real-secret-key-0123456789 \
		ALLOWED_HOSTS=hub.example.org BASE_URL=https://hub.example.org $(PY) manage.py check --deploy --fail-level WARNING

# The suite runs on every core (pytest-xdist): one worker process per core, each with its own test database,
# demo content, media folders and Redis database (tests/workers.py). `--dist loadgroup` hands out whole test
# files (a module fixture is built once) and the browser tests as one group (one demo server), in the order
# tests/conftest.py gives (--no-loadscope-reorder: xdist would hand out the files with the most tests first).
# TEST_WORKERS=0 runs it in one process; a single file needs no flag: `.venv/bin/pytest tests/hub/test_x.py`.
TEST_WORKERS ?= auto
PYTEST_PARALLEL := -n $(TEST_WORKERS) --dist loadgroup --no-loadscope-reorder

test: install-dev browser-deps lint check ## Set up and run the whole test suite, on every core
	$(VENV)/bin/pytest $(PYTEST_PARALLEL)

test-postgres: install-dev ## Search, leak, account-security, export and hostile-input tests on PostgreSQL (needs DATABASE_URL)
	@test -n "$(DATABASE_URL)" || (echo "Set DATABASE_URL=postgres://… (.ci/postgres.sh starts one)"; exit 2)
	@# In one process: the parallel run is not yet proven on PostgreSQL (each worker's test_hub_gwN database).
	DATABASE_URL=$(DATABASE_URL) $(VENV)/bin/pytest -p no:cacheprovider tests/search tests/members/test_no_leaks.py \
		tests/members/test_account_security.py tests/members/test_journeys.py tests/hub/test_exports.py \
		tests/hub/test_bad_input.py tests/hub/test_params.py tests/hub/test_fuzz.py tests/submissions/test_submit_locking.py

bench: install ## Serve the demo under gunicorn and measure every page type with wrk, cached and uncached (BENCH_ARGS="--seconds 5")
	@command -v wrk >/dev/null || (echo "wrk is needed: apt-get install -y wrk"; exit 2)
	$(PY) bench/run.py $(BENCH_ARGS)

# The production topology on 127.0.0.1 (docs/operations.md): nginx, two gunicorn app servers, PostgreSQL,
# Redis, three OpenSearch nodes, S3Proxy, two workers, an SMTP recorder. Needs Debian's nginx, postgresql,
# redis-server, Java and Maven (.ci/run installs them). State and logs in TOPOLOGY_DIR (/tmp/hub-topology).
TOPOLOGY_SECONDS ?= 300
TOPOLOGY_USERS ?= 30

topology: install-dev ## Start the whole production topology on 127.0.0.1 and print its URL
	ops/topology/up.sh

topology-stop: ## Stop everything make topology started
	ops/topology/down.sh

topology-test: install-dev ## Start the topology, load it with Locust while injecting faults, check, stop (TOPOLOGY_SECONDS=300)
	ops/topology/down.sh >/dev/null; ops/topology/up.sh \
		&& $(PY) ops/topology/loadtest.py --seconds $(TOPOLOGY_SECONDS) --users $(TOPOLOGY_USERS); \
		status=$$?; [ $$status = 0 ] || ops/topology/keep_logs.sh; ops/topology/down.sh; exit $$status

topology-drill: install-dev ## Backup and restore drill on a fresh topology: every page, member and document found again
	ops/topology/down.sh >/dev/null; ops/topology/up.sh && ops/topology/restore_drill.sh; \
		status=$$?; ops/topology/down.sh; exit $$status

screenshots: install-dev ## Photograph the demo in Chromium (1280 and 390 px) into docs/screenshots/ for the README
	@test -x /usr/bin/chromium || (echo "Chromium is needed: apt-get install chromium"; exit 2)
	$(PY) tools/screenshots.py

clean: ## Remove the virtualenv, database, media and caches
	rm -rf $(VENV) node_modules db.sqlite3 db.sqlite3-wal db.sqlite3-shm media staticfiles var .pytest_cache .ruff_cache
