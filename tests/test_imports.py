"""Every package the module imports is declared: in pyproject.toml and in environment.yml."""

from __future__ import annotations

import ast
import json
import sys
from functools import lru_cache
from importlib.metadata import distribution, packages_distributions

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import ROOT
from test_environment import PROJECT

OWN = {"exodus_reader"}


def imported_modules(source: str) -> set[str]:
    """Top-level names of the modules a piece of Python imports (absolute imports only)."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def notebook_sources() -> list[tuple[str, str]]:
    sources = []
    for folder in ("notebooks", "solutions", "exercises"):
        for path in sorted((ROOT / folder).glob("*.ipynb")):
            cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
            code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
            lines = [l for l in code.splitlines() if not l.lstrip().startswith(("%", "!"))]
            sources.append((str(path.relative_to(ROOT)), "\n".join(lines)))
    return sources


def third_party(names: set[str]) -> set[str]:
    return {n for n in names if n not in sys.stdlib_module_names and n not in OWN}


@lru_cache(maxsize=None)
def _installed() -> dict[str, list[str]]:
    """Which distributions provide each top-level module: read once, as it scans every installed one."""
    return packages_distributions()


def distributions_of(modules: set[str]) -> set[str]:
    """The installed distributions that provide some top-level modules."""
    mapping = _installed()
    found = set()
    for module in modules:
        # Python 3.10 maps only distributions that ship top_level.txt (pandas does not);
        # a distribution named like its module is the usual case for the rest.
        name = mapping[module][0] if module in mapping else distribution(module).metadata["Name"]
        found.add(canonicalize_name(name))
    return found


#: The reading layer, by folder: what a lesson imports, and what an exercise notebook's kernel
#: runs for ``check`` and ``hint``. It may use only the plain dependencies (pandas,
#: matplotlib, ipywidgets...), so that the lessons install alone.
READING = ("__init__.py", "paths.py", "errors.py", "widgets.py", "corpus/", "reading/",
           "exercises/__init__.py", "exercises/verdicts.py", "exercises/answer_forms.py", "exercises/in_notebook.py",
           "exercises/layout.py", "exercises/transport.py", "exercises/bank/")
#: The folders a lower layer must never import from.
HIGHER = {"corpus": ("reading", "exercises", "grading", "delivery"), "reading": ("exercises", "grading", "delivery"),
          "exercises": ("grading", "delivery"), "grading": ("delivery",)}


def in_reading_layer(path) -> bool:
    return path.relative_to(ROOT / "exodus_reader").as_posix().startswith(READING)


def own_imports(source: str) -> set[str]:
    """The package's own modules a piece of Python imports, as dotted paths from the package
    (relative imports resolved by their dots only; enough to tell the layers apart)."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level and node.module:
            found.add(node.module)
        elif isinstance(node, ast.ImportFrom) and not node.level and (node.module or "").startswith("exodus_reader."):
            found.add(node.module.split(".", 1)[1])
    return found


def declared(*extras: str) -> set[str]:
    requirements = PROJECT["dependencies"] + [r for extra in extras for r in PROJECT["optional-dependencies"][extra]]
    return {canonicalize_name(Requirement(r).name) for r in requirements}


def test_the_scan_sees_imports():
    assert imported_modules("import pandas as pd\nfrom matplotlib.figure import Figure\nfrom . import x") == {"pandas", "matplotlib"}


def test_package_imports_are_declared_in_their_layer():
    reading, rest = set(), set()
    for path in (ROOT / "exodus_reader").rglob("*.py"):
        found = third_party(imported_modules(path.read_text(encoding="utf-8")))
        (reading if in_reading_layer(path) else rest).update(found)
    assert reading and rest, "the scan found no imports"
    missing = distributions_of(reading) - declared()
    assert not missing, f"the reading layer imports what pyproject.toml's dependencies lack: {sorted(missing)}"
    missing = distributions_of(rest) - declared("exercises", "lab", "site")
    assert not missing, f"imported by exodus_reader but in no dependency or extra: {sorted(missing)}"


def test_notebook_imports_are_declared():
    for name, source in notebook_sources():
        missing = distributions_of(third_party(imported_modules(source))) - declared()
        assert not missing, f"{name} imports {sorted(missing)}, which pyproject.toml does not declare"



def test_the_layers_import_downwards_only():
    """corpus/ never imports what reads it, reading/ never imports the exercises, the grader
    or the delivery tools (a lesson installs without them), and the exercises never import
    the grader."""
    for folder, higher in HIGHER.items():
        for path in (ROOT / "exodus_reader" / folder).rglob("*.py"):
            wrong = {module for module in own_imports(path.read_text(encoding="utf-8"))
                     if module.split(".")[0] in higher}
            assert not wrong, f"{path.name} in {folder}/ imports {sorted(wrong)}"


def test_the_layer_scan_sees_a_wrong_import():
    assert own_imports("from ..grading.grade import x\nfrom .lessons import y") == {"grading.grade", "lessons"}


def sibling_imports(folder: str) -> dict[str, set[str]]:
    """For each module of one folder of the package, the modules of the same folder it imports,
    at the top or inside a function."""
    graph = {}
    for path in sorted((ROOT / "exodus_reader" / folder).glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        graph[path.stem] = {node.module.split(".")[0] for node in ast.walk(tree)
                            if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module}
    return graph


def a_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One chain of imports that comes back to where it started, or None."""
    def walk(module: str, chain: list[str]) -> list[str] | None:
        if module in chain:
            return chain[chain.index(module):] + [module]
        for imported in sorted(graph.get(module, ())):
            found = walk(imported, chain + [module])
            if found:
                return found
        return None
    return next((found for module in sorted(graph) if (found := walk(module, []))), None)


def test_the_grader_modules_import_one_another_in_one_direction():
    graph = sibling_imports("grading")
    assert {"grade", "gradebook", "results", "roster"} <= set(graph)
    assert a_cycle(graph) is None, " imports ".join(a_cycle(graph))


def test_the_cycle_scan_sees_a_cycle():
    assert a_cycle({"grade": {"gradebook"}, "gradebook": {"results", "grade"}, "results": set()}) == \
        ["grade", "gradebook", "grade"]
