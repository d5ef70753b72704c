# Two commands do all the set-up on a machine with Python 3.10+ and make:
#   make lab    open JupyterLab on the start notebook (what students need, and no more)
#   make test   run every test (adds the test tools)
#   make grade FOLDER=submissions/   grade a class (see docs/teaching-with-the-exercises.md)
# Both create the environment in .venv the first time (about 3 minutes, needs the internet).
# As root (containers, school images), `make lab` starts JupyterLab with --allow-root.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
LAB_READY := $(VENV)/.ready-lab
TEST_READY := $(VENV)/.ready-test
SITE_READY := $(VENV)/.ready-site
# What each environment installs (in variables: a comma inside $(call ...) would split its arguments)
STUDENT_EXTRAS := [lab,exercises]
TEST_EXTRAS := [lab,exercises,test,site]
# `make site`: what students have, and Jupyter Book 1 (never in what `make lab` installs)
SITE_EXTRAS := [lab,exercises,site]
# The two scripts that draw saved widgets on the website (site/package.json, pinned by its lock file)
SITE_JS := site/node_modules/.package-lock.json

.DEFAULT_GOAL := help
.PHONY: help lab test site outputs benchmark exercises grade feedback export my-exercises teacher-tools release

help:
	@echo "make lab      open JupyterLab on notebooks/00_start_here.ipynb"
	@echo "make test     run every test: data, package, doctests and notebooks"
	@echo "make site     build the lesson website in _site/ with Jupyter Book 1 from the saved outputs (needs npm once)"
	@echo "make outputs  run every notebook and solution in a fresh kernel and save its outputs"
	@echo "make exercises  write exercises/ from solutions/"
	@echo "make my-exercises  copy the exercises into my-exercises/ to work on (never over your own copies)"
	@echo "make teacher-tools  switch on nbgrader's teacher tools in JupyterLab (off for students)"
	@echo "make benchmark  measure speed and memory against baselines (not a test)"
	@echo "make release  write student-release/ and student-release.zip: the module without solutions or answer key"
	@echo "make grade FOLDER=submissions/ [LESSON=01_events] [STUDENT=ada] [DEADLINE='2026-03-14 18:00']"
	@echo "               grade a class into gradebook/ and feedback/; your marks.csv is kept"
	@echo "make feedback  rebuild gradebook/ and feedback/ after typing marks in gradebook/marks.csv"
	@echo "make export LMS=canvas   (or LMS=moodle) write gradebook/canvas.csv for the platform to import"

# $(call install,EXTRAS): the module with these extras, at the versions in constraints.txt
define install
	@$(PYTHON) -c 'import sys; v = sys.version_info; sys.exit(0 if v >= (3, 10) else "This module needs Python 3.10 or newer; $(PYTHON) is %d.%d." % v[:2])'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { echo "Could not create $(VENV). On Debian or Ubuntu: sudo apt install python3-venv"; exit 1; }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.$(1)'
	$(BIN)/python -m exodus_reader setup-lab
	@touch $@
endef

# The same packages as environment.yml (tests/test_environment.py checks it)
$(LAB_READY): pyproject.toml constraints.txt
	$(call install,$(STUDENT_EXTRAS))

$(TEST_READY): pyproject.toml constraints.txt
	$(call install,$(TEST_EXTRAS))

$(SITE_READY): pyproject.toml constraints.txt
	$(call install,$(SITE_EXTRAS))

lab: $(LAB_READY)
	$(BIN)/python -m exodus_reader lab

# The website's test needs its two scripts: fetched once with npm where npm is installed
test: $(TEST_READY) $(if $(shell command -v npm),$(SITE_JS))
	$(BIN)/python -m pytest

$(SITE_JS): site/package.json site/package-lock.json
	@command -v npm >/dev/null || { echo "The website needs npm once. On Debian or Ubuntu: sudo apt install npm"; exit 1; }
	npm ci --prefix site --no-audit --no-fund --loglevel=error

site: $(SITE_READY) $(SITE_JS)
	$(BIN)/python -m exodus_reader site

my-exercises: $(LAB_READY)
	$(BIN)/python -m exodus_reader copy

teacher-tools: $(TEST_READY)
	$(BIN)/python -m exodus_reader setup-lab --teacher

outputs: $(TEST_READY)
	$(BIN)/python -m exodus_reader outputs notebooks/*.ipynb solutions/*.ipynb

exercises: $(TEST_READY)
	$(BIN)/python -m exodus_reader assign

release: $(LAB_READY)
	$(BIN)/python -m exodus_reader release --zip

benchmark: $(TEST_READY)
	$(BIN)/python benchmarks/run.py

FOLDER ?= submissions/
grade: $(LAB_READY)
	$(BIN)/python -m exodus_reader grade $(FOLDER) $(if $(LESSON),--lesson $(LESSON)) $(if $(STUDENT),--student "$(STUDENT)") $(if $(DEADLINE),--deadline "$(DEADLINE)")

feedback: $(LAB_READY)
	$(BIN)/python -m exodus_reader feedback

export: $(LAB_READY)
	$(BIN)/python -m exodus_reader export $(LMS)
