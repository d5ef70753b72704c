"""What a student types and what the grader judges agree on every checked question.

Every accepted form and every known misconception of each answer survives the trip out of a
kernel as plain data with the same verdict; and the self-check, which runs a notebook sealed
off as the grader does, passes each lesson filled with the last accepted forms."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from exodus_reader import FRAMES, load
from exodus_reader.checks import evaluate
from exodus_reader.questions import lessons
from exodus_reader.answers import from_plain, safe_plain, to_plain
from exodus_reader.runner import Limits
from exodus_reader.selfcheck import self_check
from exercise_cases import CASES, LESSONS, notebook

ARTICLE = load()


def filled(lesson: str, pick) -> nbformat.NotebookNode:
    exercise = notebook("exercises", lesson)
    variables = {q.grade_id: q.variable for q in lessons()[lesson].questions if not q.written}
    for cell in exercise.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "").removesuffix("_answer")
        if grade_id in variables and cell.metadata["nbgrader"].get("solution"):
            cell.source = f"{variables[grade_id]} = {pick(CASES[grade_id])}"
    return exercise


def grader_says(source: str, grade_id: str) -> bool:
    from datetime import date

    return evaluate(grade_id, eval(source, {"date": date, "article": ARTICLE, "FRAMES": FRAMES})).passed


def _value(source: str):
    from datetime import date

    return eval(source, {"date": date, "article": ARTICLE, "FRAMES": FRAMES})


def test_every_form_keeps_its_verdict_on_the_way_out_of_a_kernel():
    for grade_id, case in CASES.items():
        sources = list(case.accepted) + [wrong for wrong, _ in case.misconceptions]
        for source in sources:
            value = _value(source)
            assert (evaluate(grade_id, from_plain(safe_plain(to_plain(value)))).status
                    == evaluate(grade_id, value).status), (grade_id, source)


@pytest.mark.parametrize("lesson", LESSONS)
def test_the_self_check_passes_the_accepted_forms_typed_into_the_notebook(tmp_path: Path, lesson: str):
    nb = filled(lesson, lambda case: case.accepted[-1])
    path = tmp_path / f"{lesson}.ipynb"
    nbformat.write(nb, path)
    report, _ = self_check(path, Limits(cell=30, notebook=120))
    checked = [q for q in lessons()[lesson].questions if not q.written]
    said = {int(line.split()[1]): line.split(None, 2)[2] for line in report.splitlines() if line.startswith("  Question ")}
    assert all(grader_says(CASES[q.grade_id].accepted[-1], q.grade_id) for q in checked)
    assert [said[q.number] for q in checked] == ["passed"] * len(checked), report
