# The two commands a newcomer needs: `make run` and `make test`. Everything else is their plumbing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test serve install install-test lint format bench bench-actions screenshots

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py ensure_admin
	@$(MAKE) --no-print-directory serve

# Beside the server: the task queue's worker (e-mails, search index updates), and every minute scheduled and
# embargoed pages go live (Wagtail's publish_scheduled) and e-mails a mail outage held back are retried; once a day,
# personal data past its time is deleted or anonymised (docs/privacy.md) and finished tasks are cleared out.
serve:
	@echo "Serving on http://127.0.0.1:8000/ (the admin is at http://127.0.0.1:8000/admin/). Ctrl-C stops it."
	@trap 'kill 0' EXIT INT TERM; \
	  $(BIN)/python manage.py run_worker --verbosity 0 & \
	  (minutes=0; while sleep 60; do \
	    $(BIN)/python manage.py publish_scheduled >/dev/null; \
	    $(BIN)/python manage.py send_signup_emails >/dev/null; \
	    $(BIN)/python manage.py send_endorsement_emails >/dev/null; \
	    $(BIN)/python manage.py send_petition_emails >/dev/null; \
	    $(BIN)/python manage.py send_letter_emails >/dev/null; \
	    [ $$((minutes % 1440)) -eq 0 ] && $(BIN)/python manage.py apply_retention >/dev/null \
	      && $(BIN)/python manage.py prune_db_task_results --queue-name '*' >/dev/null; \
	    minutes=$$((minutes + 1)); \
	  done) & \
	  $(BIN)/python manage.py runserver 127.0.0.1:8000

# Two timed steps: everything but the browser tests, then the browser tests (Chromium against a live server).
# Each runs in TEST_WORKERS processes (pytest-xdist), each with its own test database: made fresh by the first step
# (migrations take a quarter of a minute) and kept for the second, then removed. Extra pytest options go in PYTEST_ARGS,
# e.g. `make test PYTEST_ARGS=-x`. The project's bytecode is kept (in the git-ignored __pycache__ folders): the
# suite starts many Python processes (manage.py, gunicorn, the worker), and each compiled it afresh, a second apiece.
TEST_WORKERS ?= 2
PYTEST := $(BIN)/pytest -n $(TEST_WORKERS) --dist loadgroup --reuse-db
test: install-test
	scripts/install-chromium.sh chromium-headless-shell
	@export TEST_DB_DIR="$$(mktemp -d)"; \
	  export PYTHONDONTWRITEBYTECODE=; \
	  trap 'rm -rf "$$TEST_DB_DIR"; $(BIN)/python scripts/drop_test_databases.py' EXIT; \
	  scripts/timed "tests but the browser's" $(PYTEST) --create-db -m "not browser" $(PYTEST_ARGS) && \
	  scripts/timed "browser tests" $(PYTEST) -m browser $(PYTEST_ARGS)

# Not a test: the demo site at full size under wrk, uncached, with its page cache and behind Varnish, beside nginx.
# BENCH_SECONDS=3 makes it quick (each URL's run; 10 by default). See docs/performance.md.
bench: install
	scripts/install-bench-tools.sh
	$(BIN)/python scripts/bench.py

# Not a test: a launch's 42 sign-ups a second for 120 s, with the worker and a local mail sink, fast then slow.
# BENCH_SECONDS=20 makes it quick. See docs/performance.md.
bench-actions: install
	scripts/install-bench-tools.sh
	$(BIN)/python scripts/bench_actions.py

# Not a test: PNGs of every public page type at 1280 and 390 px and the editors' main screens, in screenshots/
# (git-ignored), from a throwaway demo site. See docs/development.md.
screenshots: install-test
	scripts/install-chromium.sh chromium
	$(BIN)/python scripts/screenshots.py

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed" if sys.version_info < (3, 11) else 0)'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-test: requirements.txt requirements-test.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-test.txt
	@touch $@ $(VENV)/.installed
