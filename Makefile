# aidsante — the two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
UV_VERSION := 0.13.9
PYTEST_WORKERS ?= 2

.PHONY: run test serve bench lint lock install install-production check-system test-system-deps pytest pytest-postgres clean messages web-font

check-system:
	@$(PYTHON) scripts/check_system.py

# Two locks: requirements/production.txt (what a server runs) and requirements/dev.txt (plus the tools
# for tests and lint, pinned to the same versions). `make install` sets up a development machine.
$(VENV)/.installed: pyproject.toml requirements/production.txt requirements/dev.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(VENV)/bin/pip install -q --disable-pip-version-check "uv==$(UV_VERSION)"
	@$(VENV)/bin/uv pip install -q --compile-bytecode --python $(PY) -r requirements/dev.txt
	@touch $@

# Translations of the public side: the .po catalogues under locale/ are compiled into .mo files (not
# committed) by Django's compilemessages, whenever a catalogue changes.
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))
# Only the public side is extracted: the workspace, its e-mails, the admin and the API stay in French.
MESSAGES_IGNORE := --ignore=.venv --ignore=node_modules --ignore=var --ignore=tests --ignore=bench \
  --ignore='templates/dossiers/*' --ignore='templates/registration/*' --ignore='templates/admin/*' --ignore='dossiers/views/*' \
  --ignore='dossiers/forms.py' --ignore='dossiers/models.py' --ignore='dossiers/admin.py' \
  --ignore='dossiers/management/*' --ignore='dossiers/migrations/*' --ignore='eligibility/migrations/*' \
  --ignore='eligibility/api.py' --ignore='eligibility/openapi.py' --ignore='eligibility/admin.py'

$(MO_FILES): %.mo: %.po $(VENV)/.installed
	@$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v 0

install: check-system $(VENV)/.installed $(MO_FILES)

## make messages: add the strings newly marked for translation to locale/*/LC_MESSAGES/django.po (then
## translate them; `make lint` fails while an entry is empty or fuzzy).
messages: install
	$(PY) scripts/rule_labels.py
	$(MANAGE) makemessages -l en -l ar --no-obsolete --add-location=file $(MESSAGES_IGNORE)

## make web-font: write the Arabic web font served with the Arabic pages (static/fonts/, committed) again
## from Debian's fonts-noto-core, after a font update.
web-font: install
	$(PY) scripts/arabic_web_font.py

## make install-production: only what a server runs (no test or lint tools).
install-production: check-system
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(VENV)/bin/pip install -q --disable-pip-version-check "uv==$(UV_VERSION)"
	@$(VENV)/bin/uv pip sync -q --compile-bytecode --python $(PY) requirements/production.txt
	@$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v 0

## make run: install, migrate, load the demo data and serve http://127.0.0.1:8000 on SQLite.
run: install
	@mkdir -p var
	@$(MANAGE) migrate --noinput -v 0
	@$(MANAGE) createcachetable
	@$(MANAGE) load_demo
	@echo "aidsante : http://127.0.0.1:8000  (Ctrl+C pour arrêter)"
	@$(MANAGE) runserver 127.0.0.1:8000

## make serve: production settings behind gunicorn (needs SECRET_KEY and ALLOWED_HOSTS).
serve: install
	@mkdir -p var
	DJANGO_SETTINGS_MODULE=aidsante.settings.production $(MANAGE) migrate --noinput
	DJANGO_SETTINGS_MODULE=aidsante.settings.production $(MANAGE) createcachetable
	DJANGO_SETTINGS_MODULE=aidsante.settings.production $(MANAGE) collectstatic --noinput -v 0
	DJANGO_SETTINGS_MODULE=aidsante.settings.production $(VENV)/bin/gunicorn aidsante.wsgi \
	  --bind $${BIND:-127.0.0.1:8000} --workers $${WORKERS:-3} --access-logfile - \
	  --access-logformat '%(h)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms'

test-system-deps:
	@scripts/install_test_system_deps.sh

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/djlint templates --lint
	$(PY) scripts/check_translations.py
	DJANGO_SETTINGS_MODULE=aidsante.settings.test $(MANAGE) makemigrations --check --dry-run -v 0

pytest: install
	EXPECTED_DB_VENDOR=sqlite $(PY) -m pytest -n $(PYTEST_WORKERS) -q

# The database tests again, against a real throwaway PostgreSQL server, when its binaries are present.
pytest-postgres: install
	@if command -v pg_ctl >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then \
	  scripts/pg_throwaway.sh env EXPECTED_DB_VENDOR=postgresql $(PY) -m pytest -q \
	    -m "not browser" --ignore=tests/rules -n $(PYTEST_WORKERS); \
	else echo "PostgreSQL binaries absent: database tests ran on SQLite only."; fi

## make test: install what tests need (system packages first: the machine check needs its fonts), lint, the import contract, the whole suite (SQLite, then PostgreSQL).
test: test-system-deps install lint pytest pytest-postgres

## make bench: benchmarks (not tests); figures on standard output, each with its ratio to its anchor.
bench: install
	@scripts/install_bench_deps.sh
	$(PY) bench/bench_css.py
	@for b in bench/bench_*.py; do [ "$$b" = bench/bench_css.py ] || $(PY) $$b; done

## make lock: re-pin after a change in pyproject.toml (versions already pinned are kept; add --upgrade to move).
lock: install
	$(VENV)/bin/uv pip compile pyproject.toml -o requirements/production.txt --python $(PY)
	$(VENV)/bin/uv pip compile pyproject.toml --extra dev -c requirements/production.txt -o requirements/dev.txt --python $(PY)

clean:
	rm -rf $(VENV) var node_modules .pytest_cache .ruff_cache
