"""Every check: right on the solution, and graduated feedback on everything else.

These run the checks in this process, without a kernel: fast, and exhaustive over the
cases in exercise_cases.py.
"""

from __future__ import annotations

import inspect
import json
from datetime import date

import pytest

from exodus_reader import FRAMES, load
from exodus_reader import checks
from exodus_reader.answers import from_plain, to_plain
from exodus_reader.checks import CHECKS, NOT_ANSWERED, NotAnsweredYet, check, evaluate
from exercise_cases import CASES, appears, forms, solution_answers

ARTICLE = load()
#: Answers chosen from options the question lists: they stand in the prompt by design.
OPTIONS = set(checks.STANCES) | set(checks.ENTMAN_FUNCTIONS)


def run(source: str):
    """A case's answer, evaluated the way the answer cell would."""
    return eval(source, {"date": date, "article": ARTICLE, "FRAMES": FRAMES})


def all_cases():
    for grade_id, case in CASES.items():
        yield pytest.param(grade_id, case.wrong, ("incorrect", "misconception"), id=f"{grade_id}-wrong")
        for n, misconception in enumerate(case.misconceptions, start=1):
            yield pytest.param(grade_id, misconception, ("misconception",), id=f"{grade_id}-misconception{n}")
        yield pytest.param(grade_id, case.wrong_type, ("wrong type",), id=f"{grade_id}-wrong-type")


def test_every_check_has_its_cases_and_a_solution():
    assert set(CASES) == set(CHECKS) == set(solution_answers())


@pytest.mark.parametrize("grade_id", sorted(CHECKS))
def test_check_passes_on_the_solution(grade_id):
    outcome = evaluate(grade_id, solution_answers()[grade_id])
    assert outcome.passed, outcome


@pytest.mark.parametrize("grade_id", sorted(CHECKS))
def test_blank_answer_is_not_answered_yet(grade_id):
    assert evaluate(grade_id, ...) == checks.Outcome("not answered", NOT_ANSWERED)


@pytest.mark.parametrize("grade_id, case, statuses", list(all_cases()))
def test_feedback_is_graduated(grade_id, case, statuses):
    source, fragment = case
    outcome = evaluate(grade_id, run(source))
    assert outcome.status in statuses, outcome
    assert fragment in outcome.message


@pytest.mark.parametrize("grade_id, case, statuses", list(all_cases()))
def test_the_grader_sees_the_same_answer_as_the_notebook(grade_id, case, statuses):
    """The grader reads answers out of the kernel as plain JSON data and rebuilds them."""
    answer = run(case[0])
    rebuilt = from_plain(json.loads(json.dumps(to_plain(answer))))
    assert evaluate(grade_id, rebuilt) == evaluate(grade_id, answer)


@pytest.mark.parametrize("grade_id", sorted(CHECKS))
def test_the_grader_sees_each_solution_as_right(grade_id):
    answer = solution_answers()[grade_id]
    assert evaluate(grade_id, from_plain(json.loads(json.dumps(to_plain(answer))))).passed


def feedback_texts() -> dict[str, list[str]]:
    """Every message a check gives on the cases, by question."""
    texts = {}
    for grade_id, case in CASES.items():
        answers = [case.wrong, *case.misconceptions, case.wrong_type]
        texts[grade_id] = [NOT_ANSWERED] + [evaluate(grade_id, run(source)).message for source, _ in answers]
    return texts


def test_no_feedback_shows_the_expected_answer():
    leaks = [(grade_id, form, text) for grade_id, texts in feedback_texts().items()
             for form in forms(solution_answers()[grade_id]) - OPTIONS for text in texts if appears(form, text)]
    assert not leaks


def test_the_checks_module_holds_no_answer_literal():
    """The package ships to students too: expected values are derived or hashed, never written."""
    source = inspect.getsource(checks)
    leaks = [(grade_id, form) for grade_id, value in solution_answers().items()
             for form in forms(value) - OPTIONS if len(form) > 2 and appears(form, source)]
    assert not leaks


def test_a_right_answer_prints_one_short_line(capsys):
    assert check("events_war_paragraph", solution_answers()["events_war_paragraph"]) is None
    assert capsys.readouterr().out == "\u2713 Correct.\n"


def test_a_failed_check_is_one_line_without_a_traceback():
    with pytest.raises(NotAnsweredYet) as failure:
        check("events_wednesday", ...)
    assert failure.value._render_traceback_() == [f"NotAnsweredYet: {NOT_ANSWERED}"]


def test_an_answer_that_breaks_comparison_is_a_wrong_type():
    class Broken:
        def __eq__(self, other):
            raise RuntimeError("no")

    assert evaluate("events_destinations", [Broken()]).status == "wrong type"


def test_hashed_answers_ignore_case_and_spaces():
    assert evaluate("sources_state_media", "  tass ").passed
