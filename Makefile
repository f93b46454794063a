# Linimasa: `make demo` serves the timeline on http://127.0.0.1:8000 (SQLite, in-process tasks);
# `make test` runs the whole suite against PostgreSQL, Redis, a real Celery worker and Chromium.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)

TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/linimasa
TEST_BROKER_URL ?= redis://127.0.0.1:6379/15
PYTEST_ARGS ?=

.PHONY: demo test test-fast venv chromium services migrate load-demo serve lint clean stack backup restore

venv: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' || \
	  { echo "Linimasa needs Python 3.11 (found $$($(PYTHON) --version 2>&1)); install python3.11 or set PYTHON=/path/to/python3.11"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	rm -f $(VENV)/.installed-*
	touch $@

# The demo: SQLite under var/ and tasks in-process, whatever the shell's environment says.
DEMO_ENV := env -u DATABASE_URL -u CELERY_BROKER_URL LINIMASA_AUTO_PUBLISH=1

demo: venv
	$(DEMO_ENV) $(PY) manage.py migrate --noinput
	$(DEMO_ENV) $(PY) manage.py load_gazetteer
	$(DEMO_ENV) $(PY) manage.py ingest demo/corpus/manifest.jsonl
	@echo "Linimasa demo: open http://127.0.0.1:8000 (admin: make a user with '$(PY) manage.py createsuperuser')"
	$(DEMO_ENV) $(PY) manage.py runserver 127.0.0.1:8000

# Browser tests drive Debian's Chromium; install it when we can (root with apt), else say how.
chromium:
	@if [ -x /usr/bin/chromium ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing Debian's chromium for the browser tests..."; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
	  echo "The browser tests need Chromium at /usr/bin/chromium. Install it with: sudo apt-get install chromium"; \
	  exit 1; \
	fi

services:
	@pg_isready -h 127.0.0.1 -p 5432 -q || { echo "PostgreSQL is not answering on 127.0.0.1:5432 (user postgres, trust auth)"; exit 1; }
	@$(PY) -c 'import redis; redis.Redis.from_url("$(TEST_BROKER_URL)").ping()' 2>/dev/null || \
	  { echo "Redis is not answering on 127.0.0.1:6379"; exit 1; }
	@psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'linimasa'" | grep -q 1 || \
	  createdb -h 127.0.0.1 -U postgres linimasa

# A queue of its own per run: another run's workers on the same Redis never take this run's tasks.
test: venv chromium services
	DATABASE_URL=$(TEST_DATABASE_URL) CELERY_BROKER_URL=$(TEST_BROKER_URL) CELERY_QUEUE=linimasa-test-$$$$ \
	  $(PY) -m pytest $(PYTEST_ARGS)

# Everything but the browser and worker tests, on SQLite: a quick loop while coding.
test-fast: venv
	env -u DATABASE_URL -u CELERY_BROKER_URL $(PY) -m pytest -m "not browser and not worker" $(PYTEST_ARGS)

# The deployed shape on one machine: gunicorn, a Celery worker and Celery beat against PostgreSQL and
# Redis. Scale out by running more `celery -A config worker` on other machines with the same two URLs.
STACK_DATABASE_URL ?= $(TEST_DATABASE_URL)
STACK_BROKER_URL ?= redis://127.0.0.1:6379/0
STACK_CACHE_URL ?= redis://127.0.0.1:6379/1
STACK_ENV := DATABASE_URL=$(STACK_DATABASE_URL) CELERY_BROKER_URL=$(STACK_BROKER_URL) CACHE_URL=$(STACK_CACHE_URL)

stack: venv services
	$(STACK_ENV) $(PY) manage.py migrate --noinput
	$(STACK_ENV) $(PY) manage.py collectstatic --noinput -v 0
	trap 'kill 0' INT TERM EXIT; \
	$(STACK_ENV) $(PY) -m celery -A config worker --loglevel=INFO -c $${WORKERS:-2} & \
	$(STACK_ENV) $(PY) -m celery -A config beat --loglevel=INFO --schedule var/celerybeat-schedule & \
	$(STACK_ENV) $(VENV)/bin/gunicorn -c config/gunicorn.py config.wsgi & \
	wait

# Backups: PostgreSQL's own tools, custom format (compressed, restorable table by table). `make backup` writes
# var/backups/linimasa-<UTC time>.dump; `make restore FROM=<file>` replaces the database's contents with it,
# in one transaction (a failed restore changes nothing). BACKUP_DATABASE_URL picks the database.
BACKUP_DATABASE_URL ?= $(STACK_DATABASE_URL)
BACKUP_DIR ?= var/backups
BACKUP_FILE ?= $(BACKUP_DIR)/linimasa-$(shell date -u +%Y%m%dT%H%M%SZ).dump

backup:
	@mkdir -p $(dir $(BACKUP_FILE))
	pg_dump --format=custom --no-owner --no-privileges --file="$(BACKUP_FILE)" "$(BACKUP_DATABASE_URL)"
	@echo "backup written to $(BACKUP_FILE)"

restore:
	@test -n "$(FROM)" && test -f "$(FROM)" || { echo "usage: make restore FROM=var/backups/linimasa-<time>.dump"; exit 1; }
	pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error \
	  --dbname="$(BACKUP_DATABASE_URL)" "$(FROM)"
	@echo "restored $(FROM) into the database"

lint: venv
	$(VENV)/bin/ruff check .

clean:
	rm -rf var test-output .pytest_cache
