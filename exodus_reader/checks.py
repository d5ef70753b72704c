"""Checks for the exercises: one per question, known by its nbgrader ``grade_id``.

A notebook calls ``check(grade_id, answer)`` after each answer. Feedback is
graduated, in the manner of Data 8's question tests:

1. not answered yet: the answer is still ``...``;
2. wrong type or shape: "expects a date, got the number 3";
3. a known misconception, with a hint aimed at it;
4. not right yet, with a hint that points back to the text;
5. correct: one short line.

Every reading that the question's words allow is accepted: a date typed as text
or as ``date(...)``, a share as a fraction, a decimal or a percentage, a name by
any of its aliases (the ``aliases`` columns of the data), with extra words
around it. No message ever contains the expected answer: expected values are
derived from the annotated data (``load()``). Two judgement calls that no table
records (the stance of "urged", the state agency in a credit) are written here in
plain words: the answer key is as open as ``solutions/`` (docs/grading-safety.md).

In a notebook a failed check is shown as one calm line, and the cell still
finishes, so *Run All* goes on to the end; the line is sent as an error output,
so nbval, nbgrader and the self-check still see the question as not passed.
Outside a notebook, a failed check raises. ``hint(grade_id)`` gives a first,
then a second hint, never the answer.

The grader calls :func:`evaluate`, which returns the same verdict as an
:class:`Outcome` instead of printing or raising.

>>> check("events_wednesday", ...)
Traceback (most recent call last):
...
exodus_reader.checks.NotAnsweredYet: not answered yet: replace the ... in the cell above with your answer, then run that cell and this one.
>>> evaluate("events_wednesday", "Wednesday").status
'wrong type'
>>> evaluate("events_wednesday", "Friday, 23 September 2022").message
'that day is a Friday. The caption (p09) speaks of a Wednesday; count back from the date line (p06).'
"""

from __future__ import annotations

import ast
import datetime
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import pandas as pd

from .transport import Opaque
from .article import load
from .errors import OneLineError
from .questions import check_call
from .schema import FRAMES, aliases


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
        return self.status == "correct"


@dataclass(frozen=True)
class Meta:
    """What a question assesses (objective ids such as 'E1') and its two hints."""

    objectives: tuple[str, ...]
    hints: tuple[str, ...] = ()
    written: bool = False


_FAILURES = {cls.status: cls for cls in (NotAnsweredYet, WrongType, NotQuite, AnswerCellFailed)}
CHECKS: dict[str, Callable[[Any], str | None]] = {}
#: Every question of every exercise, checked or written, with its objectives and hints.
QUESTIONS: dict[str, Meta] = {}


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
        QUESTIONS[grade_id] = Meta(tuple(objectives), tuple(hints))
        return function
    return register


def written(grade_id: str, objectives: tuple[str, ...]) -> None:
    """Register a written question, graded by the teacher with the rubric.

    >>> QUESTIONS["events_how_resolved"].written
    True
    """
    QUESTIONS[grade_id] = Meta(tuple(objectives), written=True)


def objective_map() -> dict[str, list[str]]:
    """Each objective id and the questions that assess it, in exercise order.

    >>> objective_map()["E2"]
    ['events_destinations', 'events_order']
    """
    found: dict[str, list[str]] = {}
    for grade_id, meta in QUESTIONS.items():
        for objective in meta.objectives:
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


# --- in the notebook: one calm line, hints, and answer cells that failed ----------

#: Answer names whose latest cell stopped with an error, and that error in a few words.
_FAILED: dict[str, str] = {}
_CURRENT_CELL: list[str] = [""]
_HINTS_GIVEN: dict[str, int] = {}


def _shell() -> Any:
    """The running IPython shell, or None outside one (IPython puts get_ipython in the builtins)."""
    import builtins

    get_ipython = getattr(builtins, "get_ipython", None)
    return get_ipython() if get_ipython else None


def assigned_names(source: str) -> set[str]:
    """The names a cell assigns at its top level (by a regular expression if it does not parse).

    >>> sorted(assigned_names("a = 1\\nb, c = 2, 3"))
    ['a', 'b', 'c']
    >>> sorted(assigned_names("day = 3 March"))
    ['day']
    """
    try:
        body = ast.parse(source).body
    except SyntaxError:
        return set(re.findall(r"^([A-Za-z_]\w*)\s*=(?!=)", source, re.MULTILINE))
    names = set()
    for statement in body:
        targets = statement.targets if isinstance(statement, ast.Assign) else \
            [statement.target] if isinstance(statement, (ast.AnnAssign, ast.AugAssign)) else []
        for target in targets:
            names |= {node.id for node in ast.walk(target) if isinstance(node, ast.Name)}
    return names


def _pre_run_cell(info: Any) -> None:
    _CURRENT_CELL[0] = getattr(info, "raw_cell", "") or ""


def _post_run_cell(result: Any) -> None:
    error = result.error_before_exec or result.error_in_exec
    names = assigned_names(getattr(result.info, "raw_cell", "") or "")
    for name in names:
        if error is None:
            _FAILED.pop(name, None)
            continue
        first_line = getattr(error, "msg", None) or (str(error).splitlines()[0] if str(error) else "")
        _FAILED[name] = f"{type(error).__name__}: {first_line}".rstrip(": ")


def _answer_cell_message(error: str) -> str:
    return (f"the answer cell above stopped with an error ({error}), so there is no answer to check. "
            "Fix that cell, run it, then run this one.")


def _name_error(shell: Any, etype: type, value: BaseException, tb: Any, tb_offset: int | None = None) -> list[str]:
    """Show a NameError: as one line in a check cell whose answer was never set because its
    answer cell failed, else as usual. (IPython leaves showing it to the handler.)"""
    call = check_call(_CURRENT_CELL[0])
    if call and call[1] in _FAILED and getattr(value, "name", call[1]) == call[1]:
        message = _answer_cell_message(_FAILED[call[1]])
        shown = [f"\u2717 {message[0].upper()}{message[1:]}"]
    else:
        shown = shell.InteractiveTB.structured_traceback(etype, value, tb, tb_offset=tb_offset)
    shell._showtraceback(etype, value, shown)
    return shown


def start() -> None:
    """Get a notebook ready for the checks: watch the answer cells, so that a check after
    an answer cell that failed says so, in one line, instead of judging an older value or
    showing a NameError. The set-up cell calls it once; calling it again does nothing more.

    >>> start()  # outside a notebook there is nothing to watch
    """
    shell = _shell()
    if shell is None:
        return
    events = shell.events
    if _post_run_cell not in events.callbacks["post_run_cell"]:
        events.register("pre_run_cell", _pre_run_cell)
        events.register("post_run_cell", _post_run_cell)
        shell.set_custom_exc((NameError,), _name_error)


def _show(failure: CheckFailed, shell: Any) -> None:
    """Send a failed check to the notebook as one line, without stopping the cell."""
    try:
        raise failure
    except CheckFailed:
        shell.showtraceback()


def check(grade_id: str, answer: Any) -> None:
    """Check an answer in a notebook: print one line if it is right, one calm line if not.

    Outside a notebook a failed check raises, as here:

    >>> check("events_war_paragraph", "p26")
    Traceback (most recent call last):
    ...
    exodus_reader.checks.NotQuite: that paragraph says 'When war broke out' but names no day; find the paragraph where the day itself is written.
    """
    call = check_call(_CURRENT_CELL[0])
    name = call[1] if call and call[0] == grade_id else None
    if name in _FAILED:
        outcome = Outcome(AnswerCellFailed.status, _answer_cell_message(_FAILED[name]))
    else:
        outcome = evaluate(grade_id, answer)
    if outcome.passed:
        # one write, so the line reaches the notebook as one output, not two
        sys.stdout.write(f"\u2713 {outcome.message}\n")
        return
    if outcome.status == "unknown question":
        raise OneLineError(outcome.message)
    failure = _FAILURES.get(outcome.status, NotYet)(outcome.message)
    shell = _shell()
    if shell is None or not hasattr(shell, "showtraceback"):
        raise failure
    _show(failure, shell)


def hint(grade_id: str) -> None:
    """Print the next hint for a question: the first, then the second. Hints never give the answer.

    >>> _HINTS_GIVEN.clear()
    >>> hint("events_wednesday")
    Hint 1 of 2: A news report counts its days back from its date line (p06). What day of the week was that?
    >>> hint("nothing")
    Traceback (most recent call last):
    ...
    exodus_reader.errors.OneLineError: there is no question called 'nothing'; copy its name from the check cell below the question.
    """
    meta = QUESTIONS.get(grade_id)
    if meta is None:
        raise OneLineError(f"there is no question called {grade_id!r}; copy its name from the check "
                           "cell below the question.")
    if meta.written:
        print("This question is written: the rubric (docs/rubric.md) says what a full answer does.")
        return
    given = _HINTS_GIVEN.get(grade_id, 0)
    if given >= len(meta.hints):
        print("No more hints for this question: reread the paragraphs the hints name, "
              "and ask your teacher.")
        return
    _HINTS_GIVEN[grade_id] = given + 1
    print(f"Hint {given + 1} of {len(meta.hints)}: {meta.hints[given]}")


# --- describing and reading answers --------------------------------------------

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


MONTHS = {name: number for number, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1) for name in names}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE_PATTERNS = (
    (re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b"), ("y", "m", "d")),
    (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\.?,?\s+(\d{{4}})\b"), ("d", "M", "y")),
    (re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"), ("M", "d", "y")),
    (re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b"), ("a", "b", "y")),
)


def find_dates(text: str) -> list[datetime.date]:
    """Every date written in a text, in the order they stand; a day-month order that could
    be read both ways (3/4/2022) is refused.

    >>> find_dates("from 3 March 2021 to Mar. 25, 2021")
    [datetime.date(2021, 3, 3), datetime.date(2021, 3, 25)]
    >>> find_dates("2021-03-03 and 25.03.2021")
    [datetime.date(2021, 3, 3), datetime.date(2021, 3, 25)]
    >>> find_dates("3 to 25 March 2021")
    [datetime.date(2021, 3, 3), datetime.date(2021, 3, 25)]
    """
    text = text.lower()
    text = re.sub(rf"\b(\d{{1,2}})\s*(?:to|and|until|till|-|\u2013)\s*(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\.?,?\s+(\d{{4}})\b",
                  r"\1 \3 \4 to \2 \3 \4", text)
    found: list[tuple[int, datetime.date]] = []
    taken: list[tuple[int, int]] = []
    for pattern, order in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            parts = dict(zip(order, match.groups()))
            if "M" in parts:
                parts["m"] = str(MONTHS[parts["M"]])
            if "a" in parts:
                a, b = int(parts["a"]), int(parts["b"])
                if a <= 12 and b <= 12 and a != b:
                    raise WrongType(f"{match.group(0)!r} can be read two ways: write the month as a word, "
                                    "for example '1 January 2000'.")
                parts["d"], parts["m"] = (str(a), str(b)) if b <= 12 else (str(b), str(a))
            try:
                day = datetime.date(int(parts["y"]), int(parts["m"]), int(parts["d"]))
            except ValueError:
                raise WrongType(f"{match.group(0)!r} is not a real day.") from None
            found.append((match.start(), day))
            taken.append((match.start(), match.end()))
    return [day for _, day in sorted(found)]


def _date(answer: Any) -> datetime.date:
    """An answer as a date: a date, or a text that writes one date.

    >>> _date(datetime.datetime(2022, 2, 24, 0, 0))
    datetime.date(2022, 2, 24)
    >>> _date("24 February 2022")
    datetime.date(2022, 2, 24)
    >>> _date("Wednesday")
    Traceback (most recent call last):
    ...
    exodus_reader.checks.WrongType: expects a date, got the text 'Wednesday'. Write it in quotation marks with its year, for example "1 January 2000".
    """
    if isinstance(answer, (datetime.date, pd.Timestamp)):
        return datetime.date(answer.year, answer.month, answer.day)
    if type(answer).__name__ == "datetime64":
        return _date(pd.Timestamp(answer))
    if isinstance(answer, str):
        days = find_dates(answer)
        if len(set(days)) == 1:
            return days[0]
        if len(set(days)) > 1:
            raise WrongType(f"expects one date, got {len(set(days))} in {describe(answer)}.")
    raise WrongType(f"expects a date, got {describe(answer)}. Write it in quotation marks with its year, "
                    'for example "1 January 2000".')


def _two_dates(answer: Any, expects: str) -> tuple[datetime.date, datetime.date]:
    """Two dates: a pair of dates, or a text that writes two.

    >>> _two_dates("3 to 5 March 2021", "two dates")
    (datetime.date(2021, 3, 3), datetime.date(2021, 3, 5))
    """
    if isinstance(answer, str):
        days = find_dates(answer)
        if len(days) == 2:
            return days[0], days[1]
        raise WrongType(f"expects {expects}, got {describe(answer)} with {len(days)} date"
                        f"{'s' if len(days) != 1 else ''} in it.")
    first, last = _pair(answer, expects)
    return _date(first), _date(last)


NUMBER_WORDS = {word: n for n, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}


def _whole_number(answer: Any) -> int:
    """An answer as a whole number; a text with one number in it counts too.

    >>> _whole_number(9.0), _whole_number("9 quotes"), _whole_number("nine")
    (9, 9, 9)
    >>> _whole_number("a few")
    Traceback (most recent call last):
    ...
    exodus_reader.checks.WrongType: expects a whole number, got the text 'a few'.
    """
    if isinstance(answer, str):
        numbers = re.findall(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.])", answer)
        numbers += [str(NUMBER_WORDS[w]) for w in re.findall(r"[a-z]+", answer.lower()) if w in NUMBER_WORDS]
        if len(set(float(n) for n in numbers)) == 1:
            return _whole_number(float(numbers[0]))
        if numbers:
            raise WrongType(f"expects one whole number, got {describe(answer)}.")
        raise WrongType(f"expects a whole number, got {describe(answer)}.")
    if isinstance(answer, bool) or not isinstance(answer, (int, float)) and type(answer).__module__ != "numpy":
        raise WrongType(f"expects a whole number, got {describe(answer)}.")
    if float(answer) != int(answer):
        raise WrongType(f"expects a whole number, got {describe(answer)}.")
    return int(answer)


def _text(answer: Any, expects: str) -> str:
    """An answer as lower-case text without surrounding spaces and quotation marks.

    >>> _text("  'Call-Up' ", "a word")
    'call-up'
    >>> _text(3, "a word")
    Traceback (most recent call last):
    ...
    exodus_reader.checks.WrongType: expects a word, as text in quotation marks, got the number 3.
    """
    if not isinstance(answer, str):
        raise WrongType(f"expects {expects}, as text in quotation marks, got {describe(answer)}.")
    return " ".join(answer.strip().strip("'\"\u2018\u2019\u201c\u201d.").lower().split())


def _words(text: str) -> list[str]:
    """The words of a text, without punctuation around them.

    >>> _words('The word "exodus".')
    ['the', 'word', 'exodus']
    """
    return [w for w in (part.strip(".,;:!?'\"\u2018\u2019\u201c\u201d()[]") for part in text.lower().split()) if w]


def _paragraph(answer: Any) -> str:
    """An answer as a paragraph id; 13, '13', 'P13' and 'paragraph 13' all mean 'p13'.

    >>> _paragraph(7), _paragraph(" P13 "), _paragraph("paragraph 14, the one with the duty")
    ('p07', 'p13', 'p14')
    """
    if isinstance(answer, int) and not isinstance(answer, bool):
        answer = f"p{answer:02d}"
    text = _text(answer, "a paragraph id such as 'p07'")
    ids = {int(n) for n in re.findall(r"(?:\bp|\bparagraph|\bpara\.?|^)\s*(\d{1,2})\b", text)}
    if len(ids) != 1:
        raise WrongType(f"expects one paragraph id such as 'p07', got {describe(answer)}.")
    pid = f"p{ids.pop():02d}"
    if pid not in set(load().paragraphs["paragraph_id"]):
        raise WrongType(f"there is no paragraph {pid}: paragraphs go from p01 to p37.")
    return pid


def _names_in(text: str, table: pd.DataFrame, id_column: str, name_column: str) -> set[str]:
    """The ids whose name or alias stands in a text as whole words (longest names first).

    >>> sorted(_names_in("the uae and finland", load().places, "place", "place"))
    ['Finland', 'United Arab Emirates']
    """
    names = []
    for key, name, cell in zip(table[id_column], table[name_column], table["aliases"]):
        names += [(variant.lower(), key) for variant in [name, *aliases(cell)]]
    found, rest = set(), f" {' '.join(_words(text))} "
    for variant, key in sorted(set(names), key=lambda item: -len(item[0])):
        pattern = rf"(?<![\w-]){re.escape(' '.join(_words(variant)))}(?![\w-])"
        if re.search(pattern, rest):
            found.add(key)
            rest = re.sub(pattern, " ", rest)
    return found


def _source(answer: Any) -> str:
    """An answer as a source id: its id, its name or an alias, with or without words around it.

    >>> _source("klepkin"), _source("s09"), _source("It was Novaya Gazeta, an online outlet.")
    ('s09', 's09', 's03')
    """
    text = _text(answer, "a source, as its name")
    if re.fullmatch(r"s\d{2}", text) and text in set(load().sources["source_id"]):
        return text
    found = _names_in(text, load().sources, "source_id", "name")
    if len(found) == 1:
        return found.pop()
    if len(found) > 1:
        raise WrongType(f"expects one source, and {describe(answer)} names {len(found)}.")
    raise WrongType(f"no source in the article is called {text!r}; lesson 02's table of voices lists them all.")


def _names(answer: Any, expects: str) -> list[str]:
    """An answer that lists names: a list, or a text with the names separated by commas or 'and'.

    >>> _names(pd.Series(["Finland", " georgia"]), "countries")
    ['finland', 'georgia']
    >>> _names("Finland, Georgia and Turkey", "countries")
    ['finland', 'georgia', 'turkey']
    """
    if type(answer).__name__ == "ndarray":
        answer = answer.tolist()
    if isinstance(answer, str):
        answer = [part for part in re.split(r",|;|\n|\band\b", answer) if part.strip()]
    if not isinstance(answer, (list, tuple, set, frozenset, pd.Series, pd.Index)):
        raise WrongType(f"expects {expects} in a list, got {describe(answer)}.")
    return [_text(item, "each name") for item in answer]


def _pair(answer: Any, expects: str) -> tuple[Any, Any]:
    """An answer of two values, (first, second).

    >>> _pair(["a", "b"], "two names")
    ('a', 'b')
    """
    if not isinstance(answer, (tuple, list)) or len(answer) != 2:
        raise WrongType(f"expects {expects} in brackets, (first, second), got {describe(answer)}.")
    return answer[0], answer[1]


def _share(answer: Any) -> float:
    """An answer as a share between 0 and 1: a fraction, a decimal, or a percentage.

    >>> _share(Fraction(1, 4)), _share("25%"), _share("1/4"), _share("1 in 4"), _share(25)
    (0.25, 0.25, 0.25, 0.25, 0.25)
    """
    if isinstance(answer, str):
        text = answer.strip().lower().replace(",", ".")
        ratio = re.fullmatch(r"(?:about |around )?(\d+(?:\.\d+)?)\s*(?:/|in|of|out of)\s*(\d+(?:\.\d+)?)", text)
        percent = re.fullmatch(r"(?:about |around )?(\d+(?:\.\d+)?)\s*(?:%|per ?cent)", text)
        plain = re.fullmatch(r"(?:about |around )?(\d+(?:\.\d+)?)", text)
        if ratio and float(ratio.group(2)):
            return float(ratio.group(1)) / float(ratio.group(2))
        if percent:
            return float(percent.group(1)) / 100
        if plain:
            return _share(float(plain.group(1)))
        raise WrongType(f"expects a share, such as 0.25, \"25%\" or \"1/4\", got {describe(answer)}.")
    if isinstance(answer, bool) or not isinstance(answer, (int, float, Fraction)) \
            and type(answer).__module__ != "numpy":
        raise WrongType(f"expects a share, such as 0.25, \"25%\" or \"1/4\", got {describe(answer)}.")
    value = float(answer)
    if 1 < value <= 100:
        return value / 100
    if value < 0 or value > 100:
        raise WrongType(f"expects a share between 0 and 1 (or a percentage), got {describe(answer)}.")
    return value


def _phrases(text: str) -> set[str]:
    """Every run of one to three words in a text, lower case: to find a name inside an answer.

    >>> "picture alliance" in _phrases("It came via Picture Alliance.")
    True
    """
    words = re.findall(r"[\w-]+", text.lower())
    return {" ".join(words[i:i + n]) for n in (1, 2, 3) for i in range(len(words) - n + 1)}


def _choice(answer: Any, options: Iterable[str]) -> str:
    """An answer that must be one of the given options (words around it are allowed).

    >>> _choice("Doubt", ("neutral", "doubt"))
    'doubt'
    >>> _choice("it signals doubt", ("neutral", "doubt"))
    'doubt'
    >>> _choice("maybe", ("neutral", "doubt"))
    Traceback (most recent call last):
    ...
    exodus_reader.checks.WrongType: expects one of 'neutral', 'doubt', got the text 'maybe'.
    """
    options = tuple(options)
    text = _text(answer, "one of " + ", ".join(repr(o) for o in options))
    if text in options:
        return text
    inside = [o for o in options if re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", text)]
    if len(inside) == 1:
        return inside[0]
    if len(inside) > 1:
        raise WrongType(f"expects one choice, got {len(inside)} in {describe(answer)}.")
    raise WrongType(f"expects one of {', '.join(repr(o) for o in options)}, got {describe(answer)}.")


def _published() -> datetime.date:
    return datetime.date.fromisoformat(load().meta["published"])


def _event_dates(column: str, value: str) -> list[datetime.date]:
    """The day or the two ends of the range of the event whose column has a value."""
    events = load().events
    date = events.loc[events[column] == value, "date"].iloc[0]
    return [datetime.date.fromisoformat(day) for day in date.split("/")]


# --- 01_events ----------------------------------------------------------------

@question("events_wednesday", ("E1",), (
    "A news report counts its days back from its date line (p06). What day of the week was that?",
    "Count back day by day from the date line until you reach a Wednesday; the first one you meet is it."))
def _events_wednesday(answer: Any) -> None:
    day = _date(answer)
    expected = _event_dates("date_as_written", "on Wednesday")[0]
    published = _published()
    if day == expected:
        return None
    if day == published:
        raise NotQuite("that is the day the article was published (p06); the caption's Wednesday comes before it.")
    if day.weekday() == expected.weekday():
        raise NotQuite("that is a Wednesday, but not this one: in a news report 'on Wednesday' means the "
                       "most recent Wednesday before the date line (p06).")
    if day > published:
        raise NotYet("that day comes after the date line (p06): a report can only tell of days that have passed.")
    raise NotYet(f"that day is a {day:%A}. The caption (p09) speaks of a Wednesday; count back from the date line (p06).")


@question("events_klepkin_window", ("E1",), (
    "The window opens on the day the news broke: the caption (p09) tells you which day the announcement was.",
    "The window closes on the last day the article can know about: its date line (p06)."))
def _events_klepkin_window(answer: Any) -> None:
    first, last = _two_dates(answer, "two dates, the earliest and the latest,")
    earliest, latest = _event_dates("date_as_written", "this week")
    published = _published()
    monday = published - datetime.timedelta(days=published.weekday())
    # he may have left on the day of the date line, or before it: both are read as 'this week'
    if first == earliest and last in (latest, latest - datetime.timedelta(days=1)):
        return None
    if first > last:
        raise WrongType("expects the earliest date first, then the latest.")
    if first == monday:
        raise NotQuite("the week began on Monday, but Klepkin left when the news broke (p27): "
                       "the caption tells you which day that was (p09).")
    if first == last:
        raise NotQuite("'immediately' (p27) says he left soon, but the article names no day: give the "
                       "whole window, up to the last day the article can know about (p06).")
    if last > published:
        raise NotYet("the latest date is after the date line (p06): the article cannot report what had not happened.")
    raise NotYet("not yet: the window opens when the news broke (p09, p27) and closes when the article was written (p06).")


@question("events_war_paragraph", ("E1",), (
    "Look for the words 'broke out' in the article (lesson 01 prints it; your browser's Find works too).",
    "Two paragraphs speak of the war breaking out; only one of them writes a month and a day."))
def _events_war_paragraph(answer: Any) -> None:
    pid = _paragraph(answer)
    events = load().events
    before_september = events[(events["precision"] == "day") & (events["date"] < "2022-09")]
    if pid == before_september["paragraph_id"].iloc[0]:
        return None
    looks_back = events[(events["precision"] == "range") & events["date"].str.startswith("2022-02")]
    if pid in set(looks_back["paragraph_id"]):
        raise NotQuite("that paragraph says 'When war broke out' but names no day; "
                       "find the paragraph where the day itself is written.")
    if pid in set(events.loc[events["date"].str.startswith(".."), "paragraph_id"]):
        raise NotQuite("that paragraph speaks of another war, more than a century ago, in Klepkin's words.")
    raise NotYet("that paragraph gives no day for the start of the war: look for the words 'broke out'.")


STATUSES = ("stated", "claim", "report", "denial", "rumour")


def _status(answer: Any) -> str:
    """A status, as a word or a phrase such as "stated by the reporter" or "a rumor".

    A student who calls what the reporter states "the reporter's fact" means the same
    status, so that reading counts as "stated".

    >>> _status("The reporter's own fact"), _status("a rumor")
    ('stated', 'rumour')
    """
    text = _text(answer, "a status").replace("rumor", "rumour")
    if "fact" in text.lower().split() or "fact" in text.lower():
        text = "stated"
    return _choice(text, STATUSES)


@question("events_thousands_status", ("E3",), (
    "Read the whole sentence in p11. Does it name anyone who says the number, with a verb such as 'said' or 'claimed'?",
    "When no one else is named, the number stands in the reporter's own voice: what status does lesson 01 give that?"))
def _events_thousands_status(answer: Any) -> None:
    status = _status(answer)
    numbers = load().numbers
    if status == numbers.loc[numbers["text"] == "Thousands", "status"].iloc[0]:
        return None
    hints = {
        "claim": "a claim comes from a named source with a verb such as 'has claimed', like the ministry's "
                 "figure after it (p11); who is named in this sentence?",
        "report": "a report is passed on from someone else, such as a media outlet (p12); does this sentence "
                  "pass the number on from anyone?",
        "rumour": "a rumour has no one to answer for it; here someone does, by writing the number in his own words.",
        "denial": "a denial rejects something that someone else said; nothing is rejected in this sentence.",
    }
    raise NotQuite(hints[status])


@question("events_million_source", ("E3",), (
    "Read the sentence with '1 million' in p12: the reporter passes the figure on from someone else.",
    "Look for the words 'has even reported': who is their subject?"))
def _events_million_source(answer: Any) -> None:
    source = _source(answer)
    article = load()
    numbers, events = article.numbers, article.events
    if source == numbers.loc[numbers["value"] == 1_000_000, "source_id"].iloc[0]:
        return None
    if source in set(events.loc[events["status"] == "denial", "source_id"]):
        raise NotQuite("the Kremlin denied the figure (p12); who put it forward in the first place?")
    if source == numbers.loc[numbers["status"] == "claim", "source_id"].iloc[0]:
        raise NotQuite("the ministry's figure is a different one (p11); read on to the next paragraph.")
    raise NotYet("not yet: the reporter passes the figure on; read the sentence with '1 million' in p12 "
                 "and find who 'has even reported' it.")


def _place(name: str) -> str | None:
    """The place a name or alias stands for (None for a name the article does not use).

    >>> _place("the UAE"), _place("Atlantis")
    ('United Arab Emirates', None)
    """
    found = _names_in(name, load().places, "place", "place")
    return found.pop() if len(found) == 1 else None


@question("events_destinations", ("E2",), (
    "Lesson 01's map and its table of places give each mention a role; the destinations are the roles that "
    "begin with 'destination'.",
    "People leave by road (p15, p16) and by air (p15), and some go without the article saying how."))
def _events_destinations(answer: Any) -> str | None:
    names = _names(answer, "country names")
    places = load().places
    role = places["role"]
    expected = set(places.loc[role.str.startswith("destination"), "place"])
    refusing = set(places.loc[role.str.startswith(("refusing", "considering")), "place"])
    chosen = [_place(name) for name in names]
    unknown = [name for name, place in zip(names, chosen) if place is None]
    if unknown:
        raise WrongType(f"the article names no country {unknown[0]!r}; check the spelling against lesson 01's map.")
    given = set(chosen)
    if given == expected:
        return None
    if given & refusing - expected:
        raise NotQuite("some of these countries turn Russians away (p30 to p32); they are not destinations.")
    if given == set(places.loc[role == "destination by road", "place"]):
        raise NotQuite("you kept only the destinations by road; people also fly out (p15).")
    right, extra = len(given & expected), len(given - expected)
    if extra:
        raise NotYet(f"{right} of the {len(given)} countries you name are destinations; the others are not.")
    raise NotYet(f"all {right} countries you name are destinations, but the article names more.")


#: The four happenings of the order question, by letter; their dates come from the data.
ORDER_ITEMS = {
    "A": "Finland announces that it will close its border to Russian tourists",
    "B": "the article is published",
    "C": "Putin announces the partial mobilization",
    "D": "the war in Ukraine breaks out",
}


def _order_dates() -> dict[str, datetime.date]:
    article = load()
    timeline, events = article.timeline, article.events
    finland = timeline.loc[timeline["event"].str.contains("Finland announces"), "date"].iloc[0]
    war = events.loc[(events["precision"] == "day") & (events["date"] < "2022-09"), "date"].iloc[0]
    return {"A": datetime.date.fromisoformat(finland), "B": _published(),
            "C": _event_dates("date_as_written", "on Wednesday")[0], "D": datetime.date.fromisoformat(war)}


@question("events_order", ("E2", "E4"), (
    "Find a date for each: the date line (p06), the caption's Wednesday (your answer to Question 1), the war's "
    "day in the article, and lesson 01's timeline of later reports.",
    "The order in which the article mentions things is not the order in which they happened."))
def _events_order(answer: Any) -> None:
    if isinstance(answer, (list, tuple)):
        answer = " ".join(str(item) for item in answer)
    text = _text(answer, "four letters")
    letters = re.findall(r"(?<![a-z])([a-d])(?![a-z])", text) or list(re.sub(r"[^a-z]", "", text))
    letters = [letter.upper() for letter in letters]
    if sorted(letters) != sorted(ORDER_ITEMS):
        raise WrongType(f"expects the four letters A, B, C and D, each once, got {describe(answer)}.")
    dates = _order_dates()
    if letters == sorted(ORDER_ITEMS, key=dates.get):
        return None
    if letters == sorted(ORDER_ITEMS, key=dates.get, reverse=True):
        raise NotQuite("that is the order from latest to earliest; put the earliest first.")
    if dates[letters[-1]] < max(dates.values()):
        raise NotQuite("one of these happened after the article was published; lesson 01's timeline dates it.")
    raise NotYet("not yet: find a date for each of the four, then sort them.")


written("events_how_resolved", ("E1",))
written("events_known_later", ("E4",))
written("events_verify_first", ("E3", "E4"))


# --- 02_sources ---------------------------------------------------------------

@question("sources_full_names", ("S1",), (
    "Lesson 02's table of voices has a column 'named by'; keep the voices that are quoted directly.",
    "A first name alone, or no name at all, is not a full name."))
def _sources_full_names(answer: Any) -> None:
    count = _whole_number(answer)
    sources = load().sources
    quoted = sources[sources["role"] == "quoted"]
    if count == (quoted["naming"] == "full name").sum():
        return None
    if count == len(quoted):
        raise NotQuite("that is every voice quoted directly; one has only a first name and one has no name.")
    if count == quoted["naming"].isin(["full name", "first name only"]).sum():
        raise NotQuite("a first name alone, like Dennis's, is not a full name.")
    people = sources[(sources["kind"] == "person") & sources["role"].isin(["quoted", "reported"])]
    if count == (people["naming"] == "full name").sum():
        raise NotQuite("you counted the officials who are only reported too; count only the voices quoted directly.")
    raise NotYet("not yet: keep the voices with direct quotes, then count those named by first name and surname.")


def _body_direct_quotes() -> pd.DataFrame:
    article = load()
    kinds = dict(zip(article.paragraphs["paragraph_id"], article.paragraphs["kind"]))
    quotes = article.quotes
    return quotes[(quotes["kind"] == "direct") & (quotes["paragraph_id"].map(kinds) == "body")]


@question("sources_direct_count", ("S2", "X1"), (
    "Read the body text for quotation marks around a speaker's own words; the quote explorer (lesson 04) can "
    "list the direct quotes.",
    "Words in quotation marks that nobody in the article says are not quotes of anyone."))
def _sources_direct_count(answer: Any) -> str | None:
    count = _whole_number(answer)
    body = _body_direct_quotes()
    spans = len(body)
    # a quote that the reporter splits with 'he said' is one quote or two: both readings are right
    joined = len(body[["source_id", "paragraph_id"]].drop_duplicates())
    kinds = load().quotes["kind"]
    if count in (spans, joined):
        return ("Correct: you read a split quote as " + ("two." if count == spans else "one.")
                + " Both readings are accepted.")
    if count in (spans + 1, joined + 1) and count == (kinds == "direct").sum():
        raise NotQuite("you counted the sub-heading (p29) too: it repeats a speaker's words from the body, "
                       "and the question counts the body text only.")
    if count == (kinds == "direct").sum() + (kinds == "scare").sum():
        raise NotQuite("scare quotes are words in quotation marks that nobody in the article says (p13); leave them out.")
    if count == len(kinds):
        raise NotQuite("that is every statement the article attributes; count only the speakers' own words in "
                       "quotation marks.")
    raise NotYet("not yet: go through the body text paragraph by paragraph and count the quotation marks that "
                 "open a speaker's own words.")


@question("sources_ordinary_share", ("S2", "S4"), (
    "In lesson 02's table of voices, the column 'direct words' counts each voice's own words; add them all up.",
    "Then add up the direct words of the voices whose type is 'ordinary person', and divide."))
def _sources_ordinary_share(answer: Any) -> None:
    share = _share(answer)
    table = load().quote_table()
    direct = table[table["kind"] == "direct"]
    body = direct[direct["quote_id"].isin(_body_direct_quotes()["quote_id"])]
    readings = [(d.loc[d["source_type"] == "ordinary person", "words"].sum() / d["words"].sum())
                for d in (body, direct)]
    # body text only, or with the sub-heading: both round to the same share
    if any(abs(share - expected) <= 0.01 for expected in readings):
        return None
    reported = table[table["kind"] == "indirect"]
    if abs(share - reported.loc[reported["source_type"] == "ordinary person", "words"].sum()
           / reported["words"].sum()) <= 0.01:
        raise NotQuite("that is the share of reported speech; the question asks about direct quotes.")
    if abs(share - (1 - readings[0])) <= 0.01:
        raise NotQuite("that is the share of everyone who is not an ordinary person.")
    raise NotYet("not yet: divide the direct words of ordinary people by the direct words of all voices.")


@question("sources_thought_verb", ("S3",), (
    "Lesson 02 lists what the article attributes to Dennis, with the verb for each.",
    "Ask of each verb: did he say this out loud, or is it something that went on in his head?"))
def _sources_thought_verb(answer: Any) -> None:
    words = _words(_text(answer, "a verb"))
    quotes = load().quotes_by("Dennis")
    speech = quotes["verb_lemma"].isin(["say", "tell"])
    thought = quotes[~speech].iloc[0]
    spellings = {thought["verb"], thought["verb_lemma"]}
    spellings |= {w.replace("z", "s") for w in spellings}
    if spellings & set(words):
        return None
    word = words[-1] if words else ""
    spoken = set(quotes.loc[speech, "verb"]) | {verb.split()[0] for verb in quotes.loc[speech, "verb"]}
    if set(words) & (spoken | set(quotes.loc[speech, "verb_lemma"])):
        raise NotQuite("that verb reports something Dennis said, a speech act; look for a verb of thinking.")
    if word in " ".join(quotes.loc[quotes["kind"] == "direct", "text"]).lower().split():
        raise NotQuite("that verb stands inside his own quote; the question asks about the verbs "
                       "with which the reporter hands words to Dennis.")
    raise NotYet("not yet: list the verbs that hand words or thoughts to Dennis, then ask of each: "
                 "did he say this?")


STANCES = ("neutral", "doubt", "concession", "denial", "request")


@question("sources_claimed", ("S3",), (
    "Lesson 02's table of attribution verbs says what each verb signals; find 'claim' in it.",
    "Would the sentence in p11 read differently with 'said'? What does the reporter stop doing with 'has claimed'?"))
def _sources_claimed(answer: Any) -> None:
    choice = _choice(answer, STANCES)
    verbs = load().verbs.set_index("verb_lemma")
    if choice in verbs.loc["claim", "stance"]:
        return None
    hints = {
        "neutral": "'said' is the neutral verb; the reporter chose another one here.",
        "concession": "a concession admits something against one's own interest; the ministry admits nothing.",
        "denial": "a denial rejects someone else's statement; the ministry puts a figure forward.",
        "request": "a request presses others to act; the ministry gives a figure.",
    }
    raise NotQuite(hints[choice])


@question("sources_urged", ("S3",), (
    "Read the whole sentence in p31: what does Kallas want the Russian opposition to do?",
    "Which of the five choices is about getting someone else to act?"))
def _sources_urged(answer: Any) -> None:
    choice = _choice(answer, STANCES)
    if choice == "request":  # the answer key is open, as solutions/ is: see docs/grading-safety.md
        return None
    hints = {
        "neutral": "a neutral verb only passes words on; 'urged' tells you more about what Kallas wants.",
        "doubt": "a verb of doubt questions whether something is true; 'urged' does not.",
        "concession": "a concession admits something; does Kallas admit anything in that sentence (p31)?",
        "denial": "a denial rejects a claim; what Kallas rejects comes in the sentence before 'urged' (p31).",
    }
    raise NotQuite(hints.get(choice, "read the whole sentence in p31 again."))


@question("sources_women_share", ("S4",), (
    "Lesson 02's table of voices shows each person's gender, as the article shows it by a pronoun.",
    "Count the people who speak (quoted or reported), then the women among them, and divide."))
def _sources_women_share(answer: Any) -> None:
    sources = load().sources
    people = sources[sources["kind"] == "person"]
    speaking = people[people["role"].isin(["quoted", "reported"])]
    women = (speaking["gender"] == "female").sum()
    if isinstance(answer, int) and not isinstance(answer, bool) and answer == women:
        raise WrongType("that looks like a count; divide it by the number of people who speak.")
    share = _share(answer)
    expected = women / len(speaking)
    if abs(share - expected) < 0.005 or isinstance(answer, str) and abs(share - expected) < 0.01:
        return None
    if abs(share - women / len(people)) < 0.005:
        raise NotQuite("count only people who speak (quoted or reported): one person is only mentioned "
                       "and one is the reporter.")
    if abs(share - (1 - expected)) < 0.005:
        raise NotQuite("that is the share of men.")
    raise NotYet("not yet: count the people who are quoted or reported, then divide the number of women by it.")


@question("sources_first_last", ("S4", "X1"), (
    "Read the body text from the top: whose own words, in quotation marks, come first? The sub-heading (p29) "
    "does not count.",
    "Then read from the end upwards for the last ones."))
def _sources_first_last(answer: Any) -> None:
    if isinstance(answer, str):
        parts = [p for p in re.split(r",|;|\bthen\b|\band\b|->|\u2192", answer) if p.strip()]
        answer = tuple(parts)
    first, last = (_source(name) for name in _pair(answer, "two voices, the first and the last,"))
    direct = _body_direct_quotes().sort_values("start")
    quotes = load().quotes.sort_values("start")
    expected = (direct["source_id"].iloc[0], direct["source_id"].iloc[-1])
    if (first, last) == expected:
        return None
    if (last, first) == expected:
        raise WrongType("expects the first voice first, then the last.")
    if first == quotes["source_id"].iloc[0]:
        raise NotQuite("the ministry comes first (p11), but only in reported speech; "
                       "the question asks about direct quotes.")
    if last == direct["source_id"].iloc[-2]:
        raise NotQuite("that voice is quoted near the end, but someone else has the last direct quote; read to the end.")
    raise NotYet("not yet: find the first and the last words in quotation marks that belong to a speaker.")


#: Hashes of the names of the agency the question asks for, and of the other names in the credits.
#: The Russian state's agency in the airport picture's credit (p25), by either of its names.
STATE_MEDIA = {"tass", "itar-tass"}
CREDIT_HINTS = {
    "dpa": "that agency passed the picture on; read how lesson 02 describes this credit.",
    "picture alliance": "that agency passed the picture on; read how lesson 02 describes this credit.",
    "vladimir gerdo": "that is the photographer, not an agency.",
    "afp": "that agency is credited for another picture (p18).",
    "oliver morin": "that photographer is credited for another picture (p18).",
    "dw": "DW is the publisher (p10); the airport picture is credited to others (p25).",
}


@question("sources_state_media", ("S5",), (
    "The credit of the airport picture (p25) lists names separated by slashes; lesson 02's table of sources "
    "describes it.",
    "One of those agencies belongs to the Russian state; the description of the credit says which."))
def _sources_state_media(answer: Any) -> None:
    phrases = _phrases(_text(answer, "the name of an agency"))
    if phrases & STATE_MEDIA:
        others = [key for key in CREDIT_HINTS if key in phrases]
        if others:
            raise WrongType("expects one agency; your answer names more than one.")
        return None
    for key, hint_text in CREDIT_HINTS.items():
        if key in phrases:
            raise NotQuite(hint_text)
    raise NotYet("not yet: the credit of the airport picture (p25) names a photographer and several agencies; "
                 "lesson 02 describes each credit.")


written("sources_anonymous", ("S5",))
written("sources_credit", ("S5",))
written("sources_absent", ("S4",))
written("sources_adequacy", ("S4", "S5"))


# --- 03_framing ---------------------------------------------------------------

@question("framing_fire_word", ("F1",), (
    "Read the headline (p04) word by word, and picture each word.",
    "Which word could also describe what a match or a flint does?"))
def _framing_fire_word(answer: Any) -> None:
    words = _words(_text(answer, "a word"))
    devices = load().devices
    headline = devices[devices["kind"] == "headline"]
    fire = headline.loc[headline["note"].str.contains("fire metaphor"), "text"].iloc[0].lower()
    accepted = {fire, fire.rstrip("s"), fire.rstrip("s") + "ed"}
    others = {w for text in headline["text"].str.lower() for w in text.split()} - accepted
    if accepted & set(words) and not others & set(words):
        return None
    for text, note in zip(headline["text"].str.lower(), headline["note"]):
        if set(text.split()) & set(words) or " ".join(words) == text:
            raise NotQuite(f"that word is marked in the headline too, but not as fire: {note[0].lower() + note[1:]}")
    raise NotYet("not yet: read the headline (p04) word by word. Which word belongs to fire?")


@question("framing_subheading", ("F1",), (
    "The sub-heading 'We are just cannon fodder' (p29) is a speaker's words; search the body text for "
    "'cannon fodder'.",
    "The body text gives the words with more around them, further down the article."))
def _framing_subheading(answer: Any) -> None:
    pid = _paragraph(answer)
    quotes = load().quotes
    heading = quotes[quotes["paragraph_id"] == "p29"].iloc[0]
    same = quotes[(quotes["source_id"] == heading["source_id"]) & (quotes["kind"] == "direct")
                  & quotes["text"].str.contains("cannon fodder") & (quotes["paragraph_id"] != "p29")]
    if pid in set(same["paragraph_id"]):
        return None
    if pid == "p29":
        raise NotQuite("that is the sub-heading itself; where does the body text give these words?")
    if pid in set(quotes.loc[quotes["source_id"] == heading["source_id"], "paragraph_id"]):
        raise NotQuite("the same man speaks there, but not of cannon fodder.")
    raise NotYet("not yet: search the body text for 'cannon fodder'.")


@question("framing_coding", ("F3", "X3"), (
    "Take one paragraph at a time and ask each frame's yes/no question; answer yes only where the paragraph "
    "clearly does what the question says.",
    "The frame coder in lesson 04 shows the questions beside each paragraph; a paragraph often has one or "
    "two frames, rarely all five."))
def _framing_coding(answer: Any) -> str:
    reference = load().frames.set_index("paragraph_id")
    asked = ["p15", "p28", "p31"]
    if not isinstance(answer, dict) or sorted(str(k).lower() for k in answer) != asked:
        raise WrongType(f"expects a dict with the keys 'p15', 'p28' and 'p31', got {describe(answer)}.")
    agree = {}
    coded = {}
    for pid, frames in answer.items():
        chosen = _names(frames, f"the frames present in {pid}")
        chosen = [name.replace(" ", "_") for name in chosen]
        unknown = [name for name in chosen if name not in FRAMES]
        if unknown:
            raise WrongType(f"{unknown[0]!r} is not one of the five frames: {', '.join(FRAMES)}.")
        coded[str(pid).lower()] = set(chosen)
    for pid in asked:
        agree[pid] = sum((frame in coded[pid]) == bool(reference.loc[pid, frame]) for frame in FRAMES)
    total = sum(agree.values())
    decisions = len(asked) * len(FRAMES)
    if all(len(frames) == len(FRAMES) for frames in coded.values()):
        raise NotQuite("you marked every frame in every paragraph; a frame counts only where the "
                       "paragraph clearly answers 'yes' to its questions.")
    if all(not frames for frames in coded.values()):
        raise NotQuite("you marked no frame at all; most paragraphs use at least one.")
    detail = ", ".join(f"{pid}: {n} of {len(FRAMES)}" for pid, n in agree.items())
    if total < decisions * 0.8:
        raise NotYet(f"you agree with the reference coding on {total} of {decisions} decisions ({detail}); "
                     f"{int(decisions * 0.8)} are needed. Reread the yes/no questions for each frame.")
    return f"You agree with the reference coding on {total} of {decisions} decisions ({detail})."


@question("framing_distancing_word", ("F4", "X2"), (
    "Read the end of p13, where the Russian government's own name for the war stands in quotation marks.",
    "Look at the word just in front of the opening quotation mark."))
def _framing_distancing_word(answer: Any) -> None:
    text = _text(answer, "a word")
    devices = load().devices
    hedges = devices[(devices["paragraph_id"] == "p13") & (devices["kind"] == "hedge")]
    word_hedge = hedges.loc[~hedges["text"].str.startswith('"'), "text"].iloc[0].lower()
    term = load().quotes.loc[lambda q: q["kind"] == "scare", "text"].iloc[0].lower()
    joined = " ".join(_words(text)).replace(" ", "-")
    variants = {word_hedge, word_hedge.replace("-", " "), word_hedge.replace("-", "")}
    if any(re.search(rf"(?<![\w-]){re.escape(v)}(?![\w-])", " ".join(_words(text))) for v in variants) \
            or joined == word_hedge:
        return None
    if " ".join(_words(text)) == term or joined == term.replace(" ", "-"):
        raise NotQuite("that is the official term itself; which word in front of it keeps the article's distance?")
    if "quot" in text or text in {'"', "'"}:
        raise NotQuite("the quotation marks keep a distance too, but the question asks for the word in front of them.")
    raise NotYet("not yet: read the end of p13 again. Which word comes just before the quotation marks?")


@question("framing_caption_claim", ("F5",), (
    "Lesson 03 lists the captions; read each one and ask: does it say anything about money?",
    "Then check whether the body text says the same thing anywhere."))
def _framing_caption_claim(answer: Any) -> None:
    pid = _paragraph(answer)
    devices = load().devices
    captions = devices[devices["kind"] == "caption"]
    if pid == captions.loc[captions["note"].str.contains("economic"), "paragraph_id"].iloc[0]:
        return None
    if pid in set(devices.loc[devices["kind"] == "alt_text", "paragraph_id"]):
        raise NotQuite("that is a picture's description (alt text), not its caption.")
    if pid in set(captions["paragraph_id"]):
        raise NotQuite("that caption is not about money; one caption is.")
    raise NotYet("that paragraph is not a caption: lesson 03 shows which paragraphs are captions.")


ENTMAN_FUNCTIONS = ("problem definition", "causal interpretation", "moral evaluation", "treatment recommendation")


@question("framing_kallas_function", ("F2",), (
    "Entman's four functions ask: what is wrong, who caused it, who is good or bad, and what should be done?",
    "Kallas tells someone what to do: which of the four is that?"))
def _framing_kallas_function(answer: Any) -> None:
    text = _text(answer, "one of the four functions")
    short = {"problem": "problem definition", "cause": "causal interpretation", "causal": "causal interpretation",
             "moral": "moral evaluation", "treatment": "treatment recommendation",
             "remedy": "treatment recommendation"}
    choice = short.get(text) or _choice(text, ENTMAN_FUNCTIONS)
    entman = load().entman
    kallas = entman[(entman["paragraph_id"] == "p31") & entman["text"].str.contains("urged")]
    if choice == kallas["function"].iloc[0].replace("_", " "):
        return None
    hints = {
        "problem definition": "a problem definition says what is wrong; does this sentence say what is wrong?",
        "causal interpretation": "a causal interpretation names who or what caused a problem; does this sentence name a cause?",
        "moral evaluation": "a moral evaluation judges someone as good or bad; does this sentence judge anyone?",
    }
    raise NotQuite(hints.get(choice, "read the sentence in p31 again."))


written("framing_headline", ("F1",))
written("framing_entman", ("F2",))
written("framing_coding_compare", ("F3", "X3"))
written("framing_translation", ("F5",))


# --- 05_lateral ---------------------------------------------------------------

def _coverage() -> Any:
    from .coverage import coverage

    return coverage()


def _outlet_names() -> dict[str, str]:
    """Every way of naming an outlet of the profiles, or a report of the set, lower case, with its outlet id.

    >>> names = _outlet_names()
    >>> names["associated press"], names["ap"], names["r09"], names["yle news"]
    ('outlet-ap', 'outlet-ap', 'outlet-ap', 'outlet-yle')
    """
    sets = _coverage()
    found: dict[str, str] = {}
    for outlet_id, name in zip(sets.outlets["outlet_id"], sets.outlets["name"]):
        inside = re.findall(r"\(([^)]*)\)", name)
        plain = re.sub(r"\s*\([^)]*\)", "", name)
        for variant in [name, plain, *inside, re.sub(r"^the ", "", plain.lower()), outlet_id.removeprefix("outlet-")]:
            found[" ".join(_words(variant.replace("-", " ")))] = outlet_id
    reports = sets.reports
    for report_id, outlet_id, outlet in zip(reports["report_id"], reports["outlet_id"], reports["outlet"]):
        found[report_id] = outlet_id
        found[" ".join(_words(re.sub(r"\s*\([^)]*\)", "", outlet)))] = outlet_id
    return found


def _outlets_in(answer: Any, expects: str) -> set[str]:
    """The outlets an answer names, by name, short name or report id (longest names first).

    >>> sorted(_outlets_in("Reuters and the Associated Press", "outlets"))
    ['outlet-ap', 'outlet-reuters']
    >>> sorted(_outlets_in(["r02", "Yle"], "outlets"))
    ['outlet-ap', 'outlet-yle']
    """
    if isinstance(answer, (list, tuple, set, frozenset, pd.Series)):
        text = " ".join(_names(answer, expects))
    else:
        text = _text(answer, expects)
    rest = f" {' '.join(_words(text.replace('-', ' ')))} "
    found = set()
    for variant, outlet_id in sorted(_outlet_names().items(), key=lambda item: -len(item[0])):
        pattern = rf"(?<![\w-]){re.escape(variant)}(?![\w-])"
        if re.search(pattern, rest):
            found.add(outlet_id)
            rest = re.sub(pattern, " ", rest)
    return found


def _outlet_name(outlet_id: str) -> str:
    return _coverage().outlets.set_index("outlet_id").at[outlet_id, "name"]


#: Where an outlet's money can come from, and words that name each source.
MONEY_SOURCES: dict[str, tuple[str, ...]] = {
    "taxes": ("tax", "taxes", "taxpayer", "taxpayers", "budget", "state", "government", "federal", "public money"),
    "licence fee": ("licence", "license", "fee", "fees"),
    "advertising": ("advertising", "adverts", "ads", "advertisers", "commercials"),
    "readers": ("readers", "donations", "donors", "subscriptions", "subscribers"),
    "customers": ("customers", "clients", "sells", "selling", "sales"),
}


def _money_source(text: str) -> str | None:
    """Which source of money a text names, reading only what comes before a 'not'.

    >>> _money_source("the state budget, not advertising")
    'taxes'
    >>> _money_source("readers' donations") , _money_source("magic")
    ('readers', None)
    """
    said = re.split(r"\bnot\b", text.lower())[0]
    words = set(_phrases(said))
    found = [source for source, names in MONEY_SOURCES.items() if words & set(names)]
    return found[0] if len(found) == 1 else (None if not found else "more than one")


@question("lateral_dw_funding", ("L1",), (
    "Lesson 05 shows the pages DW's profile rests on; read the column 'who pays for it' in the profiles too.",
    "The money comes from one place, and one of the pages says where it does not come from."))
def _lateral_dw_funding(answer: Any) -> None:
    source = _money_source(_text(answer, "where the money comes from, in a few words"))
    outlets = _coverage().outlets.set_index("outlet_id")
    expected = _money_source(outlets.at["outlet-dw", "funding"])
    if source == expected:
        return None
    if source == "more than one":
        raise WrongType("expects one source of money; your answer names more than one.")
    if source == "licence fee":
        raise NotQuite("DW's own page says where its money does not come from; read the profile's funding cell again.")
    if source is None:
        raise NotYet("not yet: name where the money comes from, in a few words; the profile's column "
                     "'who pays for it' says it.")
    raise NotQuite("the pages behind DW's profile do not say that; read what they say about where the money "
                   "comes from.")


@question("lateral_not_found", ("L1",), (
    "Lesson 05's table of outlet profiles has a column 'not found'.",
    "Count the rows where that column is not empty; an outlet with two unanswered questions is still one outlet."))
def _lateral_not_found(answer: Any) -> None:
    count = _whole_number(answer)
    outlets = _coverage().outlets
    gaps = outlets["not_found"] != ""
    if count == gaps.sum():
        return None
    empty_cells = sum((outlets[column] == "").sum() for column in ("owner", "funding", "editorial_independence"))
    if count == empty_cells:
        raise NotQuite("you counted unanswered questions; count outlets.")
    if count == (~gaps).sum():
        raise NotQuite("that is the number of outlets whose three questions are all answered.")
    if count == len(outlets):
        raise NotQuite("that is every outlet; count only those with something in 'not found'.")
    raise NotYet("not yet: go down the column 'not found' and count the outlets with something in it.")


@question("lateral_exodus", ("L2",), (
    "Lesson 05's table of namings has a column 'kind'; one kind is 'exodus'. The coverage explorer can show it too.",
    "Look in the headlines and in the body text: the word may stand in either."))
def _lateral_exodus(answer: Any) -> None:
    named = _outlets_in(answer, "outlets of the coverage set, by name") - {"outlet-dw"}
    sets = _coverage()
    reports = sets.naming.loc[sets.naming["kind"] == "exodus", "report_id"]
    expected = set(sets.reports.set_index("report_id").loc[reports, "outlet_id"])
    if not named:
        raise WrongType(f"expects outlets of the coverage set, by name, got {describe(answer)}.")
    if named == expected:
        return None
    if named < expected:
        raise NotQuite("one more report uses the word, not in its headline; look in the body text too.")
    extra = sorted(named - expected)
    raise NotQuite(f"{_outlet_name(extra[0])} does not use that word in the part the store shows; the table of "
                   "namings lists each report's words.")


@question("lateral_unsourced_numbers", ("L2",), (
    "Lesson 05's table of numbers has a column 'attributed to'.",
    "Count the numbers, not the reports; read the convention for numbers whose sentence names no source."))
def _lateral_unsourced_numbers(answer: Any) -> str | None:
    count = _whole_number(answer)
    numbers = _coverage().numbers
    strict = numbers["attributed_to"].str.startswith("no source given")
    loose = numbers["attributed_to"].str.startswith("no source")
    if count in (strict.sum(), loose.sum()):
        return ("Correct: you counted " + ("only the numbers with no source at all." if count == strict.sum() else
                "the numbers whose own sentence names no source too.") + " Both readings are accepted.")
    if count in (numbers.loc[strict, "report_id"].nunique(), numbers.loc[loose, "report_id"].nunique()):
        raise NotQuite("you counted reports; count the numbers.")
    if count == len(numbers):
        raise NotQuite("that is every number in the table; count only those given without a source.")
    raise NotYet("not yet: go down the column 'attributed to' and count the numbers with no source.")


def _unnamed_by_report() -> pd.Series:
    return _coverage().voice_audit().set_index("report_id")["unnamed"]


@question("lateral_most_unnamed", ("L2", "L4"), (
    "Lesson 05's table of voices, counted as lesson 02 counts, has a column 'unnamed'.",
    "Find the largest number in that column, leaving DW's row out."))
def _lateral_most_unnamed(answer: Any) -> None:
    named = _outlets_in(answer, "one report of the set, by its outlet or its id")
    if len(named) != 1:
        raise WrongType(f"expects one report of the set, by its outlet or its id, got {describe(answer)}.")
    unnamed = _unnamed_by_report()
    reports = _coverage().reports.set_index("report_id")
    chosen = list(reports.index[reports["outlet_id"] == named.pop()])
    best = unnamed.idxmax()
    if chosen == [best] or isinstance(answer, str) and _text(answer, "a report") == best:
        return None
    if not chosen:
        raise NotQuite("DW is the report we started from; the question asks about the ten other reports.")
    audit = _coverage().voice_audit().set_index("report_id")
    if all(audit.at[r, "unnamed"] == audit.at[r, "voices"] for r in chosen):
        raise NotQuite("every voice that report quotes is unnamed, but it quotes only a few; the question asks "
                       "for the number of unnamed voices, not the share.")
    raise NotQuite("that report has unnamed voices, but another has more; compare the column 'unnamed' row by row.")


#: The three verdicts of a traced claim, as data/coverage/claims.csv gives them.
VERDICTS = ("traced", "traced to an unnamed source", "not traced")


def _verdict(answer: Any) -> str:
    """A verdict from an answer: the longest verdict it holds.

    >>> _verdict("It is traced to an unnamed source."), _verdict("Not traced"), _verdict("traced")
    ('traced to an unnamed source', 'not traced', 'traced')
    """
    text = _text(answer, "one of the three verdicts")
    found = [v for v in sorted(VERDICTS, key=len, reverse=True) if v in text]
    if not found:
        raise WrongType(f"expects one of {', '.join(repr(v) for v in sorted(VERDICTS))}, got {describe(answer)}.")
    return found[0]


@question("lateral_million_verdict", ("L3",), (
    "Read the first row of the trail, the origin: who is the source there, as the page describes them?",
    "Where the trail ends, could a reader find out who said it and check it?"))
def _lateral_million_verdict(answer: Any) -> None:
    choice = _verdict(answer)
    claims = _coverage().claims.set_index("claim_id")
    if choice == claims.at["c02", "verdict"]:
        return None
    hints = {
        "traced": "the trail does end somewhere, but can a reader find out who that source is?",
        "not traced": "the stored pages do show where the figure started: read the origin of the trail.",
    }
    raise NotQuite(hints.get(choice, "read the trail of claim c02 again."))


@question("lateral_sum_by", ("L3",), (
    "Lesson 05 follows the 194,000 back in section 3; read the note under the trail.",
    "Three governments each gave a count. Whose report puts them together into one number?"))
def _lateral_sum_by(answer: Any) -> None:
    sets = _coverage()
    text = _text(answer, "an outlet or an organisation, by its name")
    claims = sets.claims.set_index("claim_id")
    countries = re.search(r"\(([^)]*)\)", claims.at["c04", "origin"]).group(1).split(", ")
    carried = sets.claim_reports.loc[sets.claim_reports["claim_id"] == "c04", "report_id"]
    reports = sets.reports.set_index("report_id").loc[carried]
    named = _outlets_in(text, "an outlet")
    if named == set(reports["outlet_id"]):
        return None
    phrases = _phrases(text)
    if any(country.lower() in phrases or country.lower().replace("land", "nish") in phrases for country in countries):
        raise NotQuite("that government gave one of the counts; who added the three together?")
    if any(site.split(" (")[0].lower() in text or "local 10" in text for site in reports["carried_by"] if site):
        raise NotQuite("that site prints the text on its page; whose text is it?")
    raise NotYet("not yet: read the note under the trail of the 194,000, and the credit of the report that gives it.")


@question("lateral_yle_direct", ("L4",), (
    "Lesson 05 applies lesson 02's audit to Yle's report in section 4; read the column 'quote kind'.",
    "A voice is quoted directly only when its own words stand in quotation marks."))
def _lateral_yle_direct(answer: Any) -> None:
    if isinstance(answer, str) and _text(answer, "a number") in ("none", "no one", "nobody", "not one"):
        answer = 0
    count = _whole_number(answer)
    audit = _coverage().voice_audit().set_index("report_id")
    if count == audit.at["r06", "direct"]:
        return None
    if count == audit.at["r06", "voices"]:
        raise NotQuite("that is every voice in the report; count only those whose own words stand in quotation marks.")
    voices = _coverage().voices
    headed = voices[(voices["report_id"] == "r06") & (voices["place"] == "subheading")]
    if count == audit.at["r06", "direct"] + len(headed):
        raise NotQuite("a sub-heading of the form 'Name: words' gives a view, but without quotation marks; "
                       "read the convention again.")
    raise NotYet("not yet: go down the column 'quote kind' in the audit of Yle's report and count 'direct'.")


written("lateral_trust", ("L2", "L3"))
written("lateral_transfer", ("L4",))
