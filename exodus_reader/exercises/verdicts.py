"""The verdict on one answer, the same in the notebook, the self-check and the grader.

Each question is known by its nbgrader ``grade_id`` in the question bank (``bank/``, one
module per exercise). Feedback is graduated, in the manner of Data 8's
question tests:

1. not answered yet: the answer is still ``...``;
2. wrong type or shape: "expects a date, got the number 3";
3. a known misconception, with a hint aimed at it;
4. not right yet, with a hint that points back to the text;
5. correct: one short line.

The bank's ``evaluate`` returns the verdict as an :class:`Outcome`; the notebook's ``check``
(``in_notebook.py``) shows it, and the grader records it.

>>> Outcome("wrong type", "expects a date, got the text 'Wednesday'.").passed
False
>>> describe([1, 2])
'a list of 2 items'
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import pandas as pd

from ..errors import OneLineError
from .transport import Opaque

NOT_ANSWERED = ("not answered yet: replace the ... in the cell above with your answer, "
                "then run that cell and this one.")


class CheckFailed(OneLineError):
    """A check that did not pass; a notebook shows it as one calm line."""

    status = "incorrect"
    label = "Not yet"

    def _render_traceback_(self) -> list[str]:
        message = str(self)
        return [f"\u2717 {message[0].upper() + message[1:]}" if not self.label
                else f"\u2717 {self.label}: {message}"]


class NotAnsweredYet(CheckFailed):
    """The answer is still the ``...`` of the blank exercise."""

    status = "not answered"
    label = ""


class WrongType(CheckFailed):
    """The answer is not the kind of value the question asks for."""

    status = "wrong type"
    label = "Not the kind of answer asked for"


class NotQuite(CheckFailed):
    """The answer shows a known misconception; the message aims a hint at it."""

    status = "misconception"


class NotYet(CheckFailed):
    """The answer is wrong; the message points back to the text."""

    status = "incorrect"


class AnswerCellFailed(CheckFailed):
    """The answer cell above the check stopped with an error, so its answer is not the student's."""

    status = "answer cell failed"
    label = ""


@dataclass(frozen=True)
class Outcome:
    """The verdict of one check: a status and the one line a student reads.

    >>> Outcome("correct", "Correct.").passed
    True
    """

    status: str
    message: str

    @property
    def passed(self) -> bool:
        """Whether the check passed: only a correct answer does.

        >>> Outcome("misconception", "that is the day the article was published (p06).").passed
        False
        """
        return self.status == "correct"


FAILURES = {cls.status: cls for cls in (NotAnsweredYet, WrongType, NotQuite, AnswerCellFailed)}


def describe(value: Any) -> str:
    """Say what kind of value a student gave, in plain words.

    >>> describe("Wednesday")
    "the text 'Wednesday'"
    >>> describe(3)
    'the number 3'
    >>> describe([1, 2])
    'a list of 2 items'
    >>> describe(None)
    'None (did the cell assign a value?)'
    """
    if isinstance(value, Opaque):
        return f"a {value.class_name} object"
    if value is None:
        return "None (did the cell assign a value?)"
    if isinstance(value, bool):
        return f"the value {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:40] + "\u2026"
        return f"the text {shown!r}"
    if type(value).__name__ == "ndarray":
        return f"an array of {len(value)} items"
    if isinstance(value, (int, float, Fraction)) or type(value).__module__ == "numpy":
        return f"the number {value}"
    if isinstance(value, (datetime.date, pd.Timestamp)):
        return f"the date {value:%Y-%m-%d}"
    if isinstance(value, pd.DataFrame):
        return f"a table with {len(value)} rows"
    if isinstance(value, (list, tuple, set, frozenset, dict, pd.Series)):
        kind = {list: "list", tuple: "tuple", set: "set", frozenset: "set", dict: "dict"}.get(type(value), "Series")
        return f"a {kind} of {len(value)} item{'s' if len(value) != 1 else ''}"
    return f"a {type(value).__name__}"
