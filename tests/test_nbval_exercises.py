"""nbval checks the exercises as a teacher would: `pytest --nbval-lax` fails a blank exercise
at each of its checks, and at nothing else. (The solutions pass strict nbval in the main
suite, which is stricter than --nbval-lax.)

A failed check does not raise (so JupyterLab's Run All goes on), but it sends an error
output, which nbval counts as a failed cell. Run in a separate pytest process, as a teacher
would run it, on copies of the notebooks.
"""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from exodus_reader.exercises.layout import check_call
from exercise_cases import LESSONS, ROOT, notebook


@pytest.fixture(scope="module")
def nbval_results(tmp_path_factory) -> dict[tuple[str, str], dict[int, bool]]:
    """Per (folder, lesson), each code cell's number and whether nbval-lax passed it."""
    work = tmp_path_factory.mktemp("nbval")
    paths = []
    for folder in ("exercises",):
        (work / folder).mkdir()
        for lesson in LESSONS:
            path = work / folder / f"{lesson}.ipynb"
            path.write_bytes((ROOT / folder / f"{lesson}.ipynb").read_bytes())
            paths.append(str(path))
    report = work / "report.xml"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "pytest", "--nbval-lax", "--nbval-current-env", "-p", "no:cacheprovider",
                    "-p", "no:xdist", "-o", "addopts=", "-q", "--color=no", f"--junitxml={report}",
                    "--rootdir", str(work), *paths], env=env, capture_output=True, text=True, timeout=600)
    results: dict[tuple[str, str], dict[int, bool]] = {}
    for case in ET.parse(report).iter("testcase"):
        # classname "exercises.01_events.ipynb", name "Cell 3" (code cells counted from 0)
        folder, lesson = case.get("classname").split(".")[-3:-1]
        number = int(case.get("name").rsplit(" ", 1)[1])
        failed = case.find("failure") is not None or case.find("error") is not None
        results.setdefault((folder, lesson), {})[number] = not failed
    return results


def check_cells(lesson: str) -> set[int]:
    code = [c for c in notebook("exercises", lesson).cells if c.cell_type == "code"]
    return {n for n, cell in enumerate(code) if check_call(cell.source)}


@pytest.mark.parametrize("lesson", LESSONS)
def test_nbval_lax_fails_a_blank_exercise_at_each_check_and_nowhere_else(nbval_results, lesson):
    cells = nbval_results[("exercises", lesson)]
    assert {n for n, passed in cells.items() if not passed} == check_cells(lesson)
