# Two commands for a newcomer (see README): `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed
# the mypyc build of the extraction engine (scripts/build_native.py); remade when a module changes
NATIVE  = src/jtbd_studio/nlp/_native/stamp.json

.PHONY: demo test install native bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

$(NATIVE): $(STAMP) $(wildcard src/jtbd_studio/nlp/*.py) scripts/build_native.py
	$(BIN)/python scripts/build_native.py

native: $(NATIVE)

## the main job: the TUI on the demo study, embedded SQLite in the user's data folder
demo: $(STAMP) $(NATIVE)
	$(BIN)/jtbd-studio demo

## the whole test suite; starts a throwaway PostgreSQL server unless JTBD_STUDIO_TEST_PG is set
test: $(STAMP) $(NATIVE)
	bash scripts/run-tests.sh

## all benchmarks; rewrites benchmarks/RESULTS.md
bench: $(STAMP) $(NATIVE)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache src/jtbd_studio/nlp/_native
