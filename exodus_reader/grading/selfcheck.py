"""The students' self-check: ``python -m exodus_reader self-check exercises/01_events.ipynb``.

It is the classroom grader's verdict on one notebook, worded for the student who
wrote it: the saved notebook runs sealed off in a fresh kernel exactly as the grader
runs it (:func:`exodus_reader.grading.grade.grade_submission`), each answer is read out as
plain data and judged by the same checks, and the result is said question by question.
A redefined ``check``, a ``try``/``except`` around a check or a file placed beside the
notebook changes nothing, and a renamed answer shows here as it will in the gradebook.
"""

from __future__ import annotations

import threading
from pathlib import Path

from ..exercises.layout import Lesson, exercise_lessons, guess_lesson
from ..exercises.runner import Limits, sandbox_problem
from .grade import grade_submission
from .results import Run, grade_rows, verdict_line
from .submissions import Task, Unreadable, read_cells


def verdicts(run: Run, lesson: Lesson) -> list[tuple[int, str, bool | None]]:
    """For each question: its number, what to say about it (as the feedback file says it), and
    whether it passed (None for a written answer).

    >>> run = Run("you", "01_events", "x.ipynb", problem="no cells", detail="the notebook has no cells.")
    >>> verdicts(run, exercise_lessons()["01_events"])[0]
    (1, 'not passed: the notebook has no cells.', False)
    """
    rows = {row["question"]: row for row in grade_rows(run, {lesson.name: lesson})}
    said = []
    for q in lesson.questions:
        row = rows[q.grade_id]
        said.append((q.number, verdict_line(row["status"], row["feedback"]),
                     None if q.written else row["status"] == "correct"))
    return said


def _load_checks() -> None:
    """Import the checks and read the data, so that judging the answers waits for neither."""
    from ..corpus.article import load
    from ..exercises.bank import evaluate  # noqa: F401

    load()


def self_check(path: Path, limits: Limits = Limits(cell=60)) -> tuple[str, int]:
    """Run the self-check on a notebook; return the report and the exit status (0: all pass).

    >>> import tempfile, nbformat
    >>> path = Path(tempfile.mkdtemp()) / "notes.ipynb"
    >>> nbformat.write(nbformat.v4.new_notebook(), path)
    >>> self_check(path)[1]
    2
    """
    known = exercise_lessons()
    try:
        cells = read_cells(path)
    except Unreadable as problem:
        return f"{path}: {problem.detail}", 2
    name = path.stem if path.stem in known else guess_lesson(cells, known)
    if name is None:
        return f"{path}: this does not look like one of the exercise notebooks ({', '.join(known)}).", 2
    problem = sandbox_problem()
    # the checks need pandas and the data: load them while the notebook runs in its sandbox
    warm = threading.Thread(target=_load_checks, daemon=True)
    warm.start()
    run = grade_submission(Task("you", str(path), name), known, limits, sealed=problem is None)
    warm.join()
    said = verdicts(run, known[name])
    how = "sealed off, as the grader runs it" if problem is None else f"unsealed ({problem})"
    lines = [f"{path}: every cell ran in a fresh kernel, {how}.", ""]
    lines += [f"  Question {number:<3} {text}" for number, text, _ in said]
    lines += [f"  Also: {note}" for note in run.other]
    checked = [ok for _, _, ok in said if ok is not None]
    written = sum(ok is None for _, _, ok in said)
    lines += ["", f"{sum(checked)} of {len(checked)} checked questions pass; "
                  f"{written} written answer{'s' if written != 1 else ''} for your teacher."]
    return "\n".join(lines), 0 if all(checked) else 1
