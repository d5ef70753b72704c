"""What a JupyterLite build of the lessons would need, checked as far as this machine allows.

Pyodide cannot be downloaded here, so the test runs the imports of the lessons and the
exercises, and an exercise's check, in a fresh Python
that refuses every Jupyter server, kernel and notebook-tool package, and lists the
third-party packages that were loaded: they must be ones a Pyodide kernel has (pandas,
matplotlib, numpy and their dependencies) or can install from a pure-Python wheel
(ipywidgets, traitlets, comm). docs/jupyterlite.md is the plan this test supports.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import nbformat

from conftest import ROOT

#: Packages that run in a server or a local kernel, never in a browser kernel.
REFUSED = ["jupyterlab", "jupyter_server", "jupyter_client", "ipykernel", "zmq", "nbformat", "nbclient",
           "nbconvert", "nbval", "nbgrader", "pytest", "playwright"]
#: Import names the reading layer may load in a browser: the three packages the lessons need and
#: their own dependencies, plus IPython, which the Pyodide kernel provides for display().
BROWSER = {"pandas", "numpy", "dateutil", "pytz", "tzdata", "six", "matplotlib", "mpl_toolkits", "PIL", "cycler",
           "kiwisolver", "pyparsing", "fontTools", "contourpy", "packaging", "ipywidgets", "traitlets", "comm",
           "IPython", "pygments", "jedi", "parso", "decorator", "prompt_toolkit", "wcwidth", "stack_data",
           "executing", "asttokens", "pure_eval", "matplotlib_inline", "pexpect", "ptyprocess"}

PROBE = """
import importlib.abc, json, sys
REFUSED = set(json.loads(sys.argv[1]))
class Refuse(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in REFUSED:
            raise ImportError("not in a browser kernel: " + name)
sys.meta_path.insert(0, Refuse())
before = set(sys.modules)
for line in json.loads(sys.argv[2]):
    exec(line)
from exodus_reader import load
article = load()
article.paragraphs
from exodus_reader.exercises.bank import evaluate
assert evaluate("events_war_paragraph", "p26").status == "misconception"
loaded = {m.split(".")[0] for m in set(sys.modules) - before}
print(json.dumps(sorted(m for m in loaded - set(sys.stdlib_module_names) if not m.startswith("_")
                        and m not in ("cython_runtime", "exodus_reader"))))
"""


def _lesson_imports() -> list[str]:
    lines = []
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "exercises").glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code":
                lines += [line for line in cell.source.splitlines() if re.match(r"(from \S+ )?import ", line)]
    return sorted(set(lines))


def test_the_lessons_import_without_any_jupyter_server_or_kernel_package():
    imports = _lesson_imports()
    assert any("exodus_reader.widgets" in line for line in imports)
    done = subprocess.run([sys.executable, "-c", PROBE, json.dumps(REFUSED), json.dumps(imports)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr.strip().splitlines()[-1:]
    loaded = set(json.loads(done.stdout))
    assert {"pandas", "matplotlib", "ipywidgets"} <= loaded
    assert loaded <= BROWSER, f"not available in a browser kernel: {sorted(loaded - BROWSER)}"
