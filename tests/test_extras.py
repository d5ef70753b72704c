"""A command whose extra is not installed names the extra in one line, without a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import ROOT
from exodus_reader.extras import EXTRAS, install_hint
from test_environment import PROJECT
from test_imports import distributions_of

#: Makes one module missing: a finder placed first refuses to find it, as an environment
#: without that package would.
WITHOUT = """
import sys

class Missing:
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] == {module!r}:
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
        return None

sys.meta_path.insert(0, Missing())
"""
#: Then runs a command.
COMMAND = "from exodus_reader.__main__ import main\nsys.exit(main({argv!r}))\n"


@pytest.mark.parametrize("extra", sorted(EXTRAS))
def test_each_extra_lists_modules_that_its_packages_provide(extra):
    declared = {canonicalize_name(Requirement(r).name) for r in PROJECT["optional-dependencies"][extra]}
    modules, make = EXTRAS[extra]
    assert distributions_of(set(modules)) <= declared
    assert f"{make.split()[1]}:" in (ROOT / "Makefile").read_text(encoding="utf-8")


@pytest.mark.parametrize("argv, module, extra", [
    (["outputs", "notebooks/00_start_here.ipynb"], "nbformat", "exercises"),
    (["self-check", "exercises/01_events.ipynb"], "nbclient", "exercises"),
    (["grade", "submissions", "--out", "nowhere"], "ipykernel", "exercises"),
    (["assign"], "nbformat", "exercises"),
    (["lab"], "jupyterlab", "lab"),
    (["site"], "jupyter_book", "site"),
])
def test_a_missing_extra_is_named_in_one_line(argv, module, extra, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    script = WITHOUT.format(module=module) + COMMAND.format(argv=argv)
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120)
    said = f"error: this command needs the {extra} extra ({module} is not installed): {install_hint(extra)}\n"
    assert (done.returncode, done.stdout, done.stderr) == (1, "", said)
    assert list(tmp_path.iterdir()) == []


def test_the_finder_makes_the_module_missing():
    done = subprocess.run([sys.executable, "-c", WITHOUT.format(module="nbformat") + "import nbformat.v4\n"],
                          capture_output=True, text=True, timeout=120)
    assert done.stderr.splitlines()[-1] == "ModuleNotFoundError: No module named 'nbformat'"
