"""The students' self-check (nbval in a fresh kernel) and the grader's judgement (evaluate on the
answer) agree on every checked question: on the last accepted form of each answer, typed into
the notebook as a student would, and on each question's first misconception."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from exodus_reader import FRAMES, load
from exodus_reader.checks import evaluate
from exodus_reader.questions import lessons
from exodus_reader.selfcheck import run_nbval, verdicts
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


@pytest.mark.parametrize("lesson", LESSONS)
@pytest.mark.parametrize("which", ["accepted", "misconception"])
def test_self_check_and_grader_agree(tmp_path: Path, lesson: str, which: str):
    pick = (lambda case: case.accepted[-1]) if which == "accepted" else (lambda case: case.misconceptions[0][0])
    nb = filled(lesson, pick)
    path = tmp_path / f"{lesson}.ipynb"
    nbformat.write(nb, path)
    said = verdicts(nb.cells, lessons()[lesson], run_nbval(path))
    checked = [q for q in lessons()[lesson].questions if not q.written]
    by_number = {number: passed for number, _, passed in said}
    self_check = {q.grade_id: by_number[q.number] for q in checked}
    grader = {q.grade_id: grader_says(pick(CASES[q.grade_id]), q.grade_id) for q in checked}
    assert self_check == grader
    assert all(grader.values()) if which == "accepted" else not any(grader.values())
