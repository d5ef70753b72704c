# Two commands do all the set-up on a machine with Python 3.10+ and make:
#   make lab    open JupyterLab on the start notebook
#   make test   run every test
# Both create the environment in .venv the first time (about a minute, needs the internet).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
TEST_READY := $(VENV)/.test-ready

.DEFAULT_GOAL := help
.PHONY: help lab test outputs benchmark exercises my-exercises teacher-tools

help:
	@echo "make lab      open JupyterLab on notebooks/00_start_here.ipynb"
	@echo "make test     run every test: data, package, doctests and notebooks"
	@echo "make outputs  run every notebook and solution in a fresh kernel and save its outputs"
	@echo "make exercises  write exercises/ from solutions/"
	@echo "make my-exercises  copy the exercises into my-exercises/ to work on (never over your own copies)"
	@echo "make teacher-tools  switch on nbgrader's teacher tools in JupyterLab (off for students)"
	@echo "make benchmark  measure speed and memory against baselines (not a test)"

$(READY): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; v = sys.version_info; sys.exit(0 if v >= (3, 10) else "This module needs Python 3.10 or newer; $(PYTHON) is %d.%d." % v[:2])'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { echo "Could not create $(VENV). On Debian or Ubuntu: sudo apt install python3-venv"; exit 1; }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e .
	$(BIN)/python -m exodus_reader setup-lab
	@touch $@

# The test extras include nbgrader; setup-lab keeps its teacher tools switched off in JupyterLab.
$(TEST_READY): $(READY)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	$(BIN)/python -m exodus_reader setup-lab
	@touch $@

lab: $(READY)
	$(BIN)/jupyter lab notebooks/00_start_here.ipynb

test: $(TEST_READY)
	$(BIN)/python -m pytest

my-exercises: $(READY)
	$(BIN)/python -m exodus_reader copy

teacher-tools: $(TEST_READY)
	$(BIN)/python -m exodus_reader setup-lab --teacher

outputs: $(READY)
	$(BIN)/python -m exodus_reader outputs notebooks/*.ipynb solutions/*.ipynb

exercises: $(READY)
	$(BIN)/python -m exodus_reader assign

benchmark: $(READY)
	$(BIN)/python benchmarks/run.py
