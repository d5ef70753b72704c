"""What a student types and what the grader judges agree on every checked question.

Every accepted form and every known misconception of each answer survives the trip out of a
kernel as plain data with the same verdict. (test_one_verdict.py grades each lesson filled
with the last accepted forms, typed into the notebook, in a real sealed kernel.)"""

from __future__ import annotations


import nbformat

from exodus_reader import FRAMES, load
from exodus_reader.exercises.bank import evaluate
from exodus_reader.exercises.layout import exercise_lessons
from exodus_reader.exercises.transport import from_plain, safe_plain, to_plain
from exercise_cases import CASES, notebook

ARTICLE = load()


def filled(lesson: str, pick) -> nbformat.NotebookNode:
    exercise = notebook("exercises", lesson)
    variables = {q.grade_id: q.variable for q in exercise_lessons()[lesson].questions if not q.written}
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
