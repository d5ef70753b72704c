"""The question bank: every question registered under its ``grade_id``, one module per exercise.

:func:`evaluate` gives the verdict on an answer as an :class:`~exodus_reader.exercises.verdicts.Outcome`;
the notebook's ``check``, the self-check and the grader all call it.

Expected values are derived from the annotated data (``load()``), and no message contains
the expected answer. Two judgement calls that no table records (the stance of "urged", the
state agency in a credit, in ``sources.py``) are written in plain words: the answer key is
as open as ``solutions/`` (docs/grading-safety.md).

>>> sorted({grade_id.split("_")[0] for grade_id in QUESTIONS})
['events', 'framing', 'lateral', 'sources']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..verdicts import (
    NOT_ANSWERED,
    CheckFailed,
    NotAnsweredYet,
    Outcome,
    WrongType,
    describe,
)


@dataclass(frozen=True)
class QuestionSpec:
    """A question's entry in the bank: the objectives it assesses (ids such as 'E1'), its hints,
    and whether the teacher grades it as a written answer.

    >>> QUESTIONS["events_how_resolved"]
    QuestionSpec(objectives=(...), hints=(), written=True)
    """

    objectives: tuple[str, ...]
    hints: tuple[str, ...] = ()
    written: bool = False


CHECKS: dict[str, Callable[[Any], str | None]] = {}
#: Every question of every exercise, checked or written, with its objectives and hints.
QUESTIONS: dict[str, QuestionSpec] = {}


def question(grade_id: str, objectives: tuple[str, ...] = (), hints: tuple[str, ...] = ()
             ) -> Callable[[Callable[[Any], str | None]], Callable[[Any], str | None]]:
    """Register a check under its nbgrader grade_id, with its objectives and hints.

    A check raises a :class:`CheckFailed` error or returns; it may return its
    own line of praise instead of "Correct.".

    >>> CHECKS["events_wednesday"].__name__, QUESTIONS["events_wednesday"].objectives
    ('_events_wednesday', ('E1',))
    """
    def register(function: Callable[[Any], str | None]) -> Callable[[Any], str | None]:
        CHECKS[grade_id] = function
        QUESTIONS[grade_id] = QuestionSpec(tuple(objectives), tuple(hints))
        return function
    return register


def written(grade_id: str, objectives: tuple[str, ...]) -> None:
    """Register a written question, graded by the teacher with the rubric.

    >>> QUESTIONS["events_how_resolved"].written
    True
    """
    QUESTIONS[grade_id] = QuestionSpec(tuple(objectives), written=True)


def objective_map() -> dict[str, list[str]]:
    """Each objective id and the questions that assess it, in exercise order.

    >>> objective_map()["E2"]
    ['events_destinations', 'events_order']
    """
    found: dict[str, list[str]] = {}
    for grade_id, spec in QUESTIONS.items():
        for objective in spec.objectives:
            found.setdefault(objective, []).append(grade_id)
    return dict(sorted(found.items(), key=lambda item: (item[0][0] != "E", item[0][0] != "S",
                                                          item[0][0] != "F", item[0])))


def evaluate(grade_id: str, answer: Any) -> Outcome:
    """Check an answer and return the verdict, without printing or raising.

    >>> evaluate("events_war_paragraph", ...).status
    'not answered'
    >>> evaluate("events_war_paragraph", "p99").message
    'there is no paragraph p99: paragraphs go from p01 to p37.'
    >>> evaluate("no_such_question", 1).status
    'unknown question'
    """
    if grade_id not in CHECKS:
        return Outcome("unknown question", f"there is no check called {grade_id!r}.")
    if answer is Ellipsis:
        return Outcome(NotAnsweredYet.status, NOT_ANSWERED)
    try:
        praise = CHECKS[grade_id](answer)
    except CheckFailed as failure:
        return Outcome(failure.status, str(failure))
    except Exception:  # an answer object that breaks comparison or conversion
        return Outcome(WrongType.status, f"could not read this answer ({describe(answer)}).")
    return Outcome("correct", praise or "Correct.")


# The lessons' modules come last: they register their questions with the names above.
from . import events, framing, lateral, sources  # noqa: E402,F401
