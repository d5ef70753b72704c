"""What an exercise notebook asks, and where each question stands in a student's copy.

The teacher's copy in ``exercises/`` defines each lesson: its locked set-up cell, and for
every question its nbgrader ``grade_id``, points, answer cell and check cell. A student's
copy may have lost metadata or cell ids on the way; :func:`locate` finds the questions
anyway. The grader and the students' self-check both use this module.

>>> [q.grade_id for q in exercise_lessons()["02_sources"].questions][:2]
['sources_full_names', 'sources_direct_count']
"""

from __future__ import annotations

import ast
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..paths import EXERCISES


@dataclass(frozen=True)
class Question:
    """One question of a lesson, as the teacher's exercise notebook defines it."""

    grade_id: str
    number: int
    points: float
    written: bool
    variable: str | None
    answer_cell: str
    check_cell: str | None
    prompt_cell: str | None


@dataclass(frozen=True)
class Lesson:
    """A lesson's questions and the locked set-up code its notebook starts with."""

    name: str
    setup: str
    setup_id: str
    questions: tuple[Question, ...]

    def question(self, grade_id: str) -> Question:
        """One question, by its grade_id.

        >>> exercise_lessons()["03_framing"].question("framing_coding").points
        2.0
        """
        return next(q for q in self.questions if q.grade_id == grade_id)


def nbgrader_meta(cell: Any) -> dict:
    """A cell's nbgrader metadata, or an empty dict when it has none (or it is broken).

    >>> nbgrader_meta({"metadata": {"nbgrader": {"grade_id": "x"}}})
    {'grade_id': 'x'}
    >>> nbgrader_meta({"metadata": "tampered"})
    {}
    """
    metadata = cell.get("metadata") if isinstance(cell, dict) else None
    found = metadata.get("nbgrader") if isinstance(metadata, dict) else None
    return found if isinstance(found, dict) else {}


def cell_source(cell: Any) -> str:
    """A cell's source as one string, whatever form the file stores it in.

    >>> cell_source({"source": ["a = 1\\n", "b = 2"]})
    'a = 1\\nb = 2'
    >>> cell_source({})
    ''
    """
    source = cell.get("source", "") if isinstance(cell, dict) else ""
    if isinstance(source, list):
        return "".join(str(part) for part in source)
    return source if isinstance(source, str) else ""


def check_call(source: str) -> tuple[str, str | None] | None:
    """The grade_id and answer name of a cell that is one call ``check("id", name)``.

    >>> check_call('check("events_wednesday", announcement_day)')
    ('events_wednesday', 'announcement_day')
    >>> check_call("x = 1") is None
    True
    """
    try:
        body = ast.parse(source).body
    except SyntaxError:
        return None
    if len(body) != 1 or not isinstance(body[0], ast.Expr) or not isinstance(body[0].value, ast.Call):
        return None
    call = body[0].value
    if not (isinstance(call.func, ast.Name) and call.func.id == "check" and call.args
            and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)):
        return None
    name = call.args[1].id if len(call.args) > 1 and isinstance(call.args[1], ast.Name) else None
    return call.args[0].value, name


def read_lesson(path: Path) -> Lesson:
    """Read a lesson's questions from its exercise (or solution) notebook.

    >>> lesson = read_lesson(EXERCISES / "01_events.ipynb")
    >>> lesson.questions[0].grade_id, lesson.questions[0].variable, lesson.questions[-1].written
    ('events_wednesday', 'announcement_day', True)
    """
    cells = read_notebook_cells(path)
    setup = next(c for c in cells if nbgrader_meta(c).get("locked") and not nbgrader_meta(c).get("grade"))
    questions = []
    for index, cell in enumerate(cells):
        meta = nbgrader_meta(cell)
        if not meta.get("grade"):
            continue
        number = len(questions) + 1
        if cell.get("cell_type") == "markdown":
            prompt = cells[index - 1].get("id") if index else None
            questions.append(Question(meta["grade_id"], number, float(meta["points"]), True, None,
                                      cell.get("id"), None, prompt))
            continue
        _, variable = check_call(cell_source(cell)) or (None, None)
        answer = cells[index - 1]
        questions.append(Question(meta["grade_id"], number, float(meta["points"]), False, variable,
                                  answer.get("id"), cell.get("id"), cells[index - 2].get("id")))
    return Lesson(path.stem, cell_source(setup), nbgrader_meta(setup)["grade_id"], tuple(questions))


def read_notebook_cells(path: Path) -> list[dict]:
    """The cells of one of the module's own notebooks, read as plain JSON.

    Plain JSON, not nbformat: nbformat's import alone costs a student about 2 s on
    every self-check.

    >>> read_notebook_cells(EXERCISES / "01_events.ipynb")[0]["cell_type"]
    'markdown'
    """
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def exercise_lessons(folder: Path = EXERCISES) -> dict[str, Lesson]:
    """Every lesson in the exercises folder, by name.

    >>> sorted(exercise_lessons())
    ['01_events', '02_sources', '03_framing', '05_lateral']
    """
    return {path.stem: read_lesson(path) for path in sorted(folder.glob("*.ipynb"))}


@dataclass
class Located:
    """Where each question's cells stand in one submitted notebook (cell indexes)."""

    checks: dict[str, int] = field(default_factory=dict)
    answers: dict[str, int] = field(default_factory=dict)
    setup: set[int] = field(default_factory=set)
    other_checks: set[int] = field(default_factory=set)


def _assigns(source: str, name: str) -> bool:
    """Whether code assigns a name at its top level.

    >>> _assigns("x = 1", "x"), _assigns("y = x", "x")
    (True, False)
    """
    try:
        body = ast.parse(source).body
    except SyntaxError:
        return False
    targets = [t for s in body if isinstance(s, (ast.Assign, ast.AnnAssign))
               for t in (s.targets if isinstance(s, ast.Assign) else [s.target])]
    return any(isinstance(t, ast.Name) and t.id == name for t in targets)


def _find(cells: list, *tests: Callable[[int, Any], bool]) -> int | None:
    """The index of the first cell that passes a test, trying the tests in order.

    >>> _find(["a", "b"], lambda i, c: c == "z", lambda i, c: c == "a")
    0
    """
    for test in tests:
        index = next((i for i, cell in enumerate(cells) if test(i, cell)), None)
        if index is not None:
            return index
    return None


def locate(cells: list, lesson: Lesson) -> Located:
    """Find each question's check and answer cells: by nbgrader grade_id, else by cell id,
    else by what the cell is (a ``check("id", ...)`` call; a cell assigning the answer;
    the markdown cell after a written question's prompt).

    >>> lesson = exercise_lessons()["01_events"]
    >>> cells = read_notebook_cells(EXERCISES / "01_events.ipynb")
    >>> for cell in cells:
    ...     cell["metadata"] = {}
    >>> located = locate(cells, lesson)
    >>> located.checks["events_wednesday"] - located.answers["events_wednesday"]
    1
    """
    found = Located()
    ids = [cell.get("id") if isinstance(cell, dict) else None for cell in cells]
    grade_ids = [nbgrader_meta(cell).get("grade_id") for cell in cells]
    calls = [check_call(cell_source(c)) if isinstance(c, dict) and c.get("cell_type") == "code" else None
             for c in cells]
    setup = lesson.setup.strip()
    for i, cell in enumerate(cells):
        if grade_ids[i] == lesson.setup_id or cell_source(cell).strip() == setup:
            found.setup.add(i)
    for q in lesson.questions:
        if q.written:
            index = _find(cells, lambda i, c: grade_ids[i] == q.grade_id, lambda i, c: ids[i] == q.answer_cell)
            if index is None:
                prompt = _find(cells, lambda i, c: ids[i] == q.prompt_cell)
                if prompt is not None and prompt + 1 < len(cells):
                    index = prompt + 1
            if index is not None:
                found.answers[q.grade_id] = index
            continue
        check = _find(cells, lambda i, c: grade_ids[i] == q.grade_id, lambda i, c: ids[i] == q.check_cell,
                      lambda i, c: calls[i] is not None and calls[i][0] == q.grade_id)
        if check is not None:
            found.checks[q.grade_id] = check
        answer = _find(cells, lambda i, c: grade_ids[i] == f"{q.grade_id}_answer",
                       lambda i, c: ids[i] == q.answer_cell,
                       lambda i, c: q.variable is not None and calls[i] is None
                       and c.get("cell_type") == "code" and _assigns(cell_source(c), q.variable))
        if answer is not None:
            found.answers[q.grade_id] = answer
    known = set(found.checks.values())
    found.other_checks = {i for i, call in enumerate(calls) if call is not None and i not in known}
    return found


def guess_lesson(cells: list, known: dict[str, Lesson]) -> str | None:
    """The lesson whose questions a notebook answers, judged by its grade_ids and check calls.

    >>> guess_lesson([{"cell_type": "code", "source": 'check("sources_urged", x)'}], exercise_lessons())
    '02_sources'
    """
    ids = {nbgrader_meta(c).get("grade_id") for c in cells}
    ids |= {call[0] for c in cells if (call := check_call(cell_source(c)))}
    scores = {name: len(ids & {q.grade_id for q in lesson.questions}) for name, lesson in known.items()}
    best = max(scores, key=scores.get, default=None)
    return best if best and scores[best] else None


def objective_table(known: dict[str, Lesson] | None = None) -> str:
    """The map of objectives to exercise questions, as the Markdown table the teacher guide shows.

    Built from the objectives each check declares (``bank.QUESTIONS``) and the question
    numbers in the exercise notebooks, so the guide can be checked against it.

    >>> objective_table().splitlines()[2]
    '| E1 | 01: Q1, Q2, Q3, Q8 |'
    """
    from .bank import objective_map

    known = known or exercise_lessons()
    where = {q.grade_id: (name[:2], q.number) for name, lesson in known.items() for q in lesson.questions}
    rows = ["| objective | exercise questions |", "|---|---|"]
    for objective, grade_ids in objective_map().items():
        by_lesson: dict[str, list[int]] = {}
        for grade_id in grade_ids:
            if grade_id in where:
                lesson, number = where[grade_id]
                by_lesson.setdefault(lesson, []).append(number)
        cells = "; ".join(f"{lesson}: " + ", ".join(f"Q{n}" for n in sorted(numbers))
                          for lesson, numbers in sorted(by_lesson.items()))
        rows.append(f"| {objective} | {cells} |")
    return "\n".join(rows)
