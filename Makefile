# `make run` and `make test` set up everything they need from the lock files on a machine that has python3.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint typecheck migrate bench lock clean chromium

# Without a token configured, `auto` opens the sandbox (a local chat page); with one, the bot.
run: $(VENV)/.runtime
	$(BIN)/python -m bot $(if $(ARGS),$(ARGS),auto)

migrate: $(VENV)/.runtime
	$(BIN)/python -m bot migrate

# Two pytest workers (pytest-xdist), a test file each at a time: the e2e tests mostly wait on
# bot processes and the emulator, so two keep this 2-core machine busy. TEST_WORKERS=0: one.
TEST_WORKERS ?= 2
test: $(VENV)/.dev chromium lint typecheck
	$(BIN)/python -m pytest $(if $(filter 0,$(TEST_WORKERS)),,-n $(TEST_WORKERS) --dist loadfile) $(PYTEST_ARGS)

# The browser tests drive Debian's chromium (Playwright's own browser download is not
# reachable here); as root with apt, a fresh machine gets it. Without it those tests skip,
# or fail under REQUIRE_SERVICES=1.
BROWSER_PACKAGES := chromium fonts-noto-color-emoji
chromium:
	@command -v chromium >/dev/null || command -v chromium-browser >/dev/null || \
	{ [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	  { apt-get install -y -qq --no-install-recommends $(BROWSER_PACKAGES) >/dev/null 2>&1 || \
	    { apt-get update -qq >/dev/null 2>&1 && \
	      apt-get install -y -qq --no-install-recommends $(BROWSER_PACKAGES) >/dev/null 2>&1; }; } ; } || \
	echo "chromium is missing and could not be installed: the browser tests cannot run"

lint: $(VENV)/.dev
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/lint-imports

typecheck: $(VENV)/.dev
	$(BIN)/mypy

bench: $(VENV)/.dev
	$(BIN)/python -m bench.updates

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: requirements.lock | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	touch $@

$(VENV)/.dev: requirements-dev.lock | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements-dev.lock
	touch $@ $(VENV)/.runtime

# Regenerates both lock files from pyproject.toml (needs the registry).
lock:
	$(PYTHON) -m venv .lock-tools && .lock-tools/bin/pip install --quiet pip-tools
	.lock-tools/bin/pip-compile --quiet --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links --generate-hashes --extra dev -o requirements-dev.lock pyproject.toml
	.lock-tools/bin/pip-compile --quiet --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links --generate-hashes -o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) .lock-tools .mypy_cache .ruff_cache .pytest_cache
