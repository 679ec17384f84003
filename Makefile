# The two commands: `make run` (serve the demo portal) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PORT

.PHONY: install translations run serve test lint format browser-deps varnish-deps cluster bench clean

install: $(BIN)/.installed translations

# The admin's Vietnamese (locale/*.po) compiled to .mo, which git does not hold, by polib: no GNU gettext needed.
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/*.po))
translations: $(MO_FILES)

locale/%.mo: locale/%.po $(BIN)/.installed
	$(BIN)/python manage.py compile_translations

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
	DEBUG=$${DEBUG:-0} $(BIN)/gunicorn portal.wsgi:application --bind 127.0.0.1:$(PORT) --workers 2 --threads 4

test: install
	$(BIN)/python -m pytest

# What CI checks besides the tests: ruff's rules and format (ruff.toml), the core's types (mypy.ini), Django's
# system checks, no model change without its migration.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

# Seeds (or reuses) a scale database under var/bench/, serves it as `serve` does and loads each endpoint, then
# the mixed load of readers and writers (in process, and through Varnish when varnishd, PostgreSQL and Redis are
# there); BENCH_PAGES, BENCH_SMALL_PAGES, BENCH_DURATION, BENCH_CONNECTIONS tune it, BENCH_ONLY=mixed runs only
# the mixed load, BENCH_MIXED=0 skips it (bench/README.md).
bench: install
	$(BIN)/python bench/run.py

# Rewrites the code in ruff's format (what `make lint` checks).
format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Debian's Chromium for the browser tests (root only; `playwright install` cannot download browsers here).
browser-deps:
	@if [ -x /usr/bin/chromium ]; then echo "chromium present"; \
	elif [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	else echo "chromium missing: run 'sudo apt-get install chromium' to enable the browser tests"; fi

# Debian's Varnish and its xkey vmod (varnish-modules) for `make cluster` and the Varnish tests, and wrk to load
# the cluster (`make bench` finds it too); root only, like browser-deps.
varnish-deps:
	@if { [ -x /usr/sbin/varnishd ] || command -v varnishd >/dev/null; } && command -v wrk >/dev/null \
		&& [ -n "$$(find /usr/lib /usr/lib64 -path '*/varnish/vmods/libvmod_xkey.so' 2>/dev/null | head -n 1)" ]; then \
		echo "varnish, its xkey vmod and wrk present"; \
	elif [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish varnish-modules wrk; \
	else echo "varnish missing: run 'sudo apt-get install varnish varnish-modules wrk' for make cluster and the Varnish tests"; fi

# Two gunicorn nodes and Varnish in front on CLUSTER_PORT (8080), a Celery worker and beat, on PostgreSQL
# (DATABASE_URL, created when missing) and Redis (REDIS_URL, also the jobs' broker); see README "Cluster".
# Ctrl-C stops all of it.
cluster: install varnish-deps
	$(BIN)/python deploy/cluster.py

clean:
	rm -rf $(VENV) var/static
