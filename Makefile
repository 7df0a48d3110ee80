# `make run` and `make test` set up everything they need from the lock files on a machine that has python3.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint typecheck migrate bench lock clean

# Without a token configured, `auto` opens the sandbox (a local chat page); with one, the bot.
run: $(VENV)/.runtime
	$(BIN)/python -m bot $(if $(ARGS),$(ARGS),auto)

migrate: $(VENV)/.runtime
	$(BIN)/python -m bot migrate

test: $(VENV)/.dev lint typecheck
	$(BIN)/python -m pytest $(PYTEST_ARGS)

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
