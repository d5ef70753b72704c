# Two commands do all the set-up on a machine with Python 3.10+ and make:
#   make lab    open JupyterLab on the start notebook
#   make test   run every test
#   make grade FOLDER=submissions/   grade a class (see docs/teaching-with-the-exercises.md)
# Both create the environment in .venv the first time (about a minute, needs the internet).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready

.DEFAULT_GOAL := help
.PHONY: help lab test outputs benchmark exercises grade feedback export

help:
	@echo "make lab      open JupyterLab on notebooks/00_start_here.ipynb"
	@echo "make test     run every test: data, package, doctests and notebooks"
	@echo "make outputs  run every notebook and solution in a fresh kernel and save its outputs"
	@echo "make exercises  write exercises/ from solutions/"
	@echo "make benchmark  measure speed and memory against baselines (not a test)"
	@echo "make grade FOLDER=submissions/ [LESSON=01_events] [STUDENT=ada] [DEADLINE='2026-03-14 18:00']"
	@echo "               grade a class into gradebook/ and feedback/; your marks.csv is kept"
	@echo "make feedback  rebuild gradebook/ and feedback/ after typing marks in gradebook/marks.csv"
	@echo "make export LMS=canvas   (or LMS=moodle) write gradebook/canvas.csv for the platform to import"

$(READY): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; v = sys.version_info; sys.exit(0 if v >= (3, 10) else "This module needs Python 3.10 or newer; $(PYTHON) is %d.%d." % v[:2])'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { echo "Could not create $(VENV). On Debian or Ubuntu: sudo apt install python3-venv"; exit 1; }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	$(BIN)/python -m exodus_reader setup-lab
	@touch $@

lab: $(READY)
	$(BIN)/jupyter lab notebooks/00_start_here.ipynb

test: $(READY)
	$(BIN)/python -m pytest

outputs: $(READY)
	$(BIN)/python -m exodus_reader outputs notebooks/*.ipynb solutions/*.ipynb

exercises: $(READY)
	$(BIN)/python -m exodus_reader assign

benchmark: $(READY)
	$(BIN)/python benchmarks/run.py

FOLDER ?= submissions/
grade: $(READY)
	$(BIN)/python -m exodus_reader grade $(FOLDER) $(if $(LESSON),--lesson $(LESSON)) $(if $(STUDENT),--student "$(STUDENT)") $(if $(DEADLINE),--deadline "$(DEADLINE)")

feedback: $(READY)
	$(BIN)/python -m exodus_reader feedback

export: $(READY)
	$(BIN)/python -m exodus_reader export $(LMS)
