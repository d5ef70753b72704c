"""What a student calls in an exercise notebook: ``start()``, ``check(grade_id, answer)``, ``hint(grade_id)``.

In a notebook a failed check is shown as one calm line, and the cell still finishes, so
*Run All* goes on to the end; the line is sent as an error output, so nbval, nbgrader and
the self-check still see the question as not passed. Outside a notebook, a failed check
raises. ``hint`` gives a first, then a second hint, never the answer.

>>> check("events_wednesday", ...)
Traceback (most recent call last):
...
exodus_reader.exercises.verdicts.NotAnsweredYet: not answered yet: replace the ... in the cell above with your answer, then run that cell and this one.
"""

from __future__ import annotations

import ast
import re
import sys
from typing import Any

from ..errors import OneLineError
from .bank import QUESTIONS, evaluate
from .layout import check_call
from .verdicts import FAILURES, AnswerCellFailed, CheckFailed, NotYet, Outcome

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
    exodus_reader.exercises.verdicts.NotQuite: that paragraph says 'When war broke out' but names no day; find the paragraph where the day itself is written.
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
    failure = FAILURES.get(outcome.status, NotYet)(outcome.message)
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
    spec = QUESTIONS.get(grade_id)
    if spec is None:
        raise OneLineError(f"there is no question called {grade_id!r}; copy its name from the check "
                           "cell below the question.")
    if spec.written:
        print("This question is written: the rubric (docs/rubric.md) says what a full answer does.")
        return
    given = _HINTS_GIVEN.get(grade_id, 0)
    if given >= len(spec.hints):
        print("No more hints for this question: reread the paragraphs the hints name, "
              "and ask your teacher.")
        return
    _HINTS_GIVEN[grade_id] = given + 1
    print(f"Hint {given + 1} of {len(spec.hints)}: {spec.hints[given]}")
