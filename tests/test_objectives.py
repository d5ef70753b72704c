"""Every objective a lesson declares is assessed by at least one exercise question, and the
teacher guide's map of objectives to questions is the one the checks declare."""

from __future__ import annotations

import re

import nbformat
import pytest

from exodus_reader.exercises.bank import CHECKS, QUESTIONS, objective_map
from exodus_reader.exercises.layout import exercise_lessons, objective_table
from exercise_cases import LESSONS, ROOT, notebook

LESSON_NOTEBOOKS = sorted((ROOT / "notebooks").glob("0[1-9]_*.ipynb"))


def declared_objectives() -> dict[str, str]:
    """Each objective id a lesson declares (**E1** ...), with the lesson that declares it."""
    found = {}
    for path in LESSON_NOTEBOOKS:
        text = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown")
        for objective in re.findall(r"\*\*([A-Z]\d+)\*\*", text):
            found.setdefault(objective, path.stem)
    return found


def test_the_lessons_declare_objectives():
    assert {"01_events", "02_sources", "03_framing", "04_explore", "05_lateral"} <= set(declared_objectives().values())


def test_every_declared_objective_is_assessed_by_a_question():
    gaps = sorted(set(declared_objectives()) - set(objective_map()))
    assert not gaps, f"objectives that no exercise question assesses: {gaps}"


def test_questions_assess_only_objectives_that_a_lesson_declares():
    assert set(objective_map()) <= set(declared_objectives())


def test_every_question_in_the_exercises_declares_its_objectives_and_no_other_exists():
    in_notebooks = {q.grade_id for lesson in exercise_lessons().values() for q in lesson.questions}
    assert in_notebooks == set(QUESTIONS)
    assert {g for g, meta in QUESTIONS.items() if not meta.written} == set(CHECKS)
    assert all(meta.objectives for meta in QUESTIONS.values())


@pytest.mark.parametrize("lesson", LESSONS)
def test_each_prompt_names_the_objectives_its_check_declares(lesson):
    cells = notebook("exercises", lesson).cells
    for index, cell in enumerate(cells):
        meta = cell.metadata.get("nbgrader", {})
        if not meta.get("grade"):
            continue
        prompt = cells[index - 1] if cell.cell_type == "markdown" else cells[index - 2]
        stated = re.search(r"\*Objective ([^·]+) ·", prompt.source)
        assert stated, meta["grade_id"]
        assert tuple(s.strip() for s in stated.group(1).split(",")) == QUESTIONS[meta["grade_id"]].objectives


@pytest.mark.parametrize("lesson", LESSONS)
def test_each_checked_prompt_states_its_convention(lesson):
    cells = notebook("exercises", lesson).cells
    for index, cell in enumerate(cells):
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade") and cell.cell_type == "code":
            assert "*Convention:*" in cells[index - 2].source, meta["grade_id"]


def test_the_teacher_guide_shows_the_generated_map():
    guide = (ROOT / "docs" / "teacher-guide.md").read_text(encoding="utf-8")
    shown = guide.split("<!-- objective-map: generated, do not edit by hand -->\n")[1].split("\n<!-- end")[0]
    assert shown == objective_table(), "run `python -m exodus_reader objectives` and paste its table into the guide"


def test_the_rubric_has_a_section_for_every_written_question():
    rubric = (ROOT / "docs" / "rubric.md").read_text(encoding="utf-8")
    missing = [(name, q.number, q.grade_id) for name, lesson in exercise_lessons().items() for q in lesson.questions
               if q.written and f"### Question {q.number}: " not in rubric.split(f"## {name}")[1].split("\n## ")[0]
               or q.written and f"(`{q.grade_id}`, {', '.join(QUESTIONS[q.grade_id].objectives)})" not in rubric]
    assert not missing
