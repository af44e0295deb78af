# Two commands for a newcomer (see README): `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: demo test install bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## the main job: the TUI on the demo study, embedded SQLite in the user's data folder
demo: $(STAMP)
	$(BIN)/jtbd-studio demo

## the whole test suite; starts a throwaway PostgreSQL server unless JTBD_STUDIO_TEST_PG is set
test: $(STAMP)
	bash scripts/run-tests.sh

## all benchmarks; rewrites benchmarks/RESULTS.md
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
