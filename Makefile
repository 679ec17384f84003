# The two commands: `make run` (serve the demo portal) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PORT

.PHONY: install run serve test lint format browser-deps bench clean

install: $(BIN)/.installed

$(BIN)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py bootstrap_portal --demo
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(MAKE) serve

# DEBUG stays off unless asked for, so the demo serves hashed, compressed static files as production does.
serve:
	DEBUG=$${DEBUG:-0} $(BIN)/gunicorn portal.wsgi:application --bind 127.0.0.1:$(PORT) --workers 2 --threads 4 --access-logfile -

test: install
	$(BIN)/python -m pytest

# What CI checks besides the tests: ruff (ruff.toml), Django's system checks, no model change without its migration.
lint: install
	$(BIN)/ruff check .
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

# Seeds (or reuses) a scale database under var/bench/, serves it as `serve` does and loads each endpoint, then
# the mixed load of readers and writers (in process, and through Varnish when varnishd, PostgreSQL and Redis are
# there); BENCH_PAGES, BENCH_SMALL_PAGES, BENCH_DURATION, BENCH_CONNECTIONS tune it, BENCH_ONLY=mixed runs only
# the mixed load, BENCH_MIXED=0 skips it (bench/README.md).
bench: install
	$(BIN)/python bench/run.py

# Debian's Chromium for the browser tests (root only; `playwright install` cannot download browsers here).
browser-deps:
	@if [ -x /usr/bin/chromium ]; then echo "chromium present"; \
	elif [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	else echo "chromium missing: run 'sudo apt-get install chromium' to enable the browser tests"; fi

clean:
	rm -rf $(VENV) var/static
