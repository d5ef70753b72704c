"""The students' self-check: ``python -m exodus_reader check exercises/01_events.ipynb``.

It runs the saved notebook with nbval (every cell, top to bottom, in a fresh kernel)
and then says, question by question and in plain words, which checks passed. The
checks are the same ones the notebook calls after each answer; the classroom grader
uses them too.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path
from typing import Any

import nbformat

from .assign import TEXT_STUB
from .checks import CheckFailed
from .questions import Lesson, cell_source, guess_lesson, lessons, locate

_OUR_ERRORS = {cls.__name__ for cls in CheckFailed.__subclasses__()}


class _Collector:
    """A pytest plugin that records how each notebook cell ended, by code-cell number."""

    def __init__(self) -> None:
        self.cells: dict[int, dict[str, Any]] = {}

    def pytest_runtest_logreport(self, report: Any) -> None:
        number = getattr(report, "cell_number", None)
        if number is not None and (report.when == "call" or report.failed):
            self.cells[number] = {"passed": report.passed, **getattr(report, "cell_error", {})}


def run_nbval(path: Path, timeout: int = 60) -> dict[int, dict[str, Any]]:
    """Run nbval on one notebook and return, per code cell, whether it passed and its error.

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "notes.ipynb"
    >>> nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("No code.")]), path)
    >>> run_nbval(path)
    {}
    """
    import pytest

    collector = _Collector()

    class Hooks:
        """Copy the cell's number and error from nbval's item onto its report."""

        @pytest.hookimpl(hookwrapper=True)
        def pytest_runtest_makereport(self, item: Any, call: Any) -> Any:
            outcome = yield
            report = outcome.get_result()
            if hasattr(item, "cell_num"):
                report.cell_number = item.cell_num
                errors = [o for o in (item.test_outputs or []) if o.get("output_type") == "error"]
                if errors:
                    report.cell_error = {"ename": errors[-1].get("ename", ""), "evalue": errors[-1].get("evalue", "")}

    args = [str(path), "--nbval-lax", "--nbval-current-env", f"--nbval-cell-timeout={timeout}",
            "-p", "no:cacheprovider", "-o", "addopts=", "-q", "--color=no", "--rootdir", str(path.parent)]
    with contextlib.redirect_stdout(io.StringIO()):
        pytest.main(args, plugins=[Hooks(), collector])
    return collector.cells


def verdicts(cells: list, lesson: Lesson, results: dict[int, dict[str, Any]]) -> list[tuple[int, str, bool | None]]:
    """For each question: its number, what to say about it, and whether it passed (None: written).

    >>> lesson = lessons()["01_events"]
    >>> cells = nbformat.read(Path(lesson_path("01_events")), as_version=4).cells
    >>> verdicts(cells, lesson, {})[0]
    (1, 'no result: the check cell did not run', False)
    """
    located = locate(cells, lesson)
    position = {index: n for n, index in enumerate(i for i, c in enumerate(cells) if c.get("cell_type") == "code")}
    said = []
    for q in lesson.questions:
        index = located.answers.get(q.grade_id) if q.written else located.checks.get(q.grade_id)
        if q.written:
            text = cell_source(cells[index]).strip() if index is not None else ""
            words = len(text.split())
            said.append((q.number, "written answer: not answered yet" if not text or text == TEXT_STUB
                         else f"written answer, {words} words: your teacher will grade it", None))
            continue
        if index is None:
            said.append((q.number, "no check cell found: was it deleted? Copy it back from a fresh exercise.", False))
            continue
        result = results.get(position[index])
        if result is None:
            said.append((q.number, "no result: the check cell did not run", False))
        elif result["passed"]:
            said.append((q.number, "passed", True))
        elif result.get("ename") == "NotAnsweredYet":
            said.append((q.number, result["evalue"], False))
        elif result.get("ename") in _OUR_ERRORS:
            said.append((q.number, f"not passed: {result['evalue']}", False))
        else:
            said.append((q.number, f"not passed: the check cell raised {result.get('ename', 'an error')}: "
                                   f"{result.get('evalue', '')}".rstrip(": "), False))
    return said


def lesson_path(name: str) -> Path:
    """The teacher's copy of a lesson's exercise notebook.

    >>> lesson_path("01_events").name
    '01_events.ipynb'
    """
    from .assign import ROOT

    return ROOT / "exercises" / f"{name}.ipynb"


def self_check(path: Path, timeout: int = 60) -> tuple[str, int]:
    """Run the self-check on a notebook; return the report and the exit status (0: all pass).

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "notes.ipynb"
    >>> nbformat.write(nbformat.v4.new_notebook(), path)
    >>> self_check(path)[1]
    2
    """
    cells = nbformat.read(path, as_version=4).cells
    known = lessons()
    name = path.stem if path.stem in known else guess_lesson(cells, known)
    if name is None:
        return f"{path}: this does not look like one of the exercise notebooks ({', '.join(known)}).", 2
    results = run_nbval(path, timeout)
    said = verdicts(cells, known[name], results)
    lines = [f"{path}: every cell ran in a fresh kernel.", ""]
    lines += [f"  Question {number:<3} {text}" for number, text, _ in said]
    checked = [ok for _, _, ok in said if ok is not None]
    written = sum(ok is None for _, _, ok in said)
    lines += ["", f"{sum(checked)} of {len(checked)} checked questions pass; "
                  f"{written} written answer{'s' if written != 1 else ''} for your teacher."]
    return "\n".join(lines), 0 if all(checked) else 1
