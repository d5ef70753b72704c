"""Every check: right on the solution and on every defensible reading, and graduated
feedback on everything else; hints that never give the answer.

These run the checks in this process, without a kernel: fast, and exhaustive over the
table of alternative answers in exercise_cases.py.
"""

from __future__ import annotations

import inspect
import json
import re
from datetime import date

import pytest

from exodus_reader import FRAMES, load
from exodus_reader.exercises import answer_forms, in_notebook, verdicts
from exodus_reader.exercises.bank import events, framing, lateral, sources
from exodus_reader.exercises.transport import from_plain, to_plain
from exodus_reader.exercises.in_notebook import check, hint
from exodus_reader.exercises.bank import CHECKS, QUESTIONS, evaluate
from exodus_reader.exercises.verdicts import NOT_ANSWERED, NotAnsweredYet
from exercise_cases import CASES, LESSONS, appears, forms, notebook, solution_answers

ARTICLE = load()
#: Answers chosen from options the question lists: they stand in the prompt by design.
OPTIONS = set(sources.STANCES) | set(framing.TYPED_FUNCTIONS) | set(events.STATUSES) | set(lateral.VERDICTS)


def run(source: str):
    """A case's answer, evaluated the way the answer cell would."""
    return eval(source, {"date": date, "article": ARTICLE, "FRAMES": FRAMES})


def accepted_cases():
    for grade_id, case in CASES.items():
        for n, source in enumerate(case.accepted, start=1):
            yield pytest.param(grade_id, source, id=f"{grade_id}-accepted{n}")


@pytest.mark.parametrize("grade_id, source", list(accepted_cases()))
def test_every_defensible_reading_passes(grade_id, source):
    outcome = evaluate(grade_id, run(source))
    assert outcome.passed, outcome


@pytest.mark.parametrize("grade_id, source", list(accepted_cases()))
def test_the_grader_accepts_every_defensible_reading_too(grade_id, source):
    """The same plain-data round trip as the grader's: text, numbers, lists, tuples, dates, dicts."""
    assert evaluate(grade_id, from_plain(json.loads(json.dumps(to_plain(run(source)))))).passed


def test_each_misconception_gets_its_own_hint():
    for grade_id, case in CASES.items():
        messages = [evaluate(grade_id, run(source)).message for source, _ in case.misconceptions]
        assert len(set(messages)) == len(messages), grade_id


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
    assert evaluate(grade_id, ...) == verdicts.Outcome("not answered", NOT_ANSWERED)


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


def expected_forms(grade_id: str) -> set[str]:
    """Every way the expected answer of a question could be written: the solution's value and
    the accepted answers that are plain values, minus the options the question lists."""
    found = set(forms(solution_answers()[grade_id]))
    for source in CASES[grade_id].accepted:
        value = run(source)
        if isinstance(value, str):
            found.add(value.strip().strip('"'))
        elif not isinstance(value, (dict, list, tuple)):
            found |= forms(value)
    option_words = {word for option in OPTIONS for word in option.split()}
    return {form for form in found if form.lower() not in OPTIONS | option_words and (len(form) > 1 or form.isalpha())}


def solution_code() -> list[str]:
    """Every line of solution code, markers removed."""
    from exodus_reader.exercises.assign import BEGIN, END

    lines = []
    for lesson in LESSONS:
        for cell in notebook("solutions", lesson).cells:
            if cell.cell_type == "code" and BEGIN in cell.source:
                lines += [line.strip() for line in cell.source.split(BEGIN)[1].split(END)[0].splitlines()]
    return [line for line in lines if line]


def test_no_feedback_shows_the_expected_answer():
    leaks = [(grade_id, form, text) for grade_id, texts in feedback_texts().items()
             for form in expected_forms(grade_id) for text in texts if appears(form, text)]
    assert not leaks


def test_no_hint_names_the_expected_answer_or_prints_solution_code():
    """Hints are asked for before any answer: they must not give it, in any accepted form,
    and must not print a line of the solutions' code or its operations."""
    hints = {grade_id: meta.hints for grade_id, meta in QUESTIONS.items() if not meta.written}
    leaks = [(grade_id, form, text) for grade_id, texts in hints.items()
             for form in expected_forms(grade_id) for text in texts if appears(form, text)]
    code = solution_code()
    operations = {piece for line in code for piece in re.findall(r"\.\w+\(", line)} - {".paragraph("}
    every_message = [text for texts in hints.values() for text in texts]
    every_message += [text for texts in feedback_texts().values() for text in texts]
    leaks += [(line, text) for line in code for text in every_message if len(line) > 8 and line in text]
    leaks += [(op, text) for op in operations for text in every_message if op in text]
    assert not leaks


def test_every_checked_question_has_two_hints_and_no_more():
    assert {grade_id: len(meta.hints) for grade_id, meta in QUESTIONS.items() if not meta.written} == \
        {grade_id: 2 for grade_id in CHECKS}


def test_hints_come_one_after_the_other_then_stop(capsys):
    in_notebook._HINTS_GIVEN.clear()
    for _ in range(3):
        hint("framing_fire_word")
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == ["Hint 1 of 2", "Hint 2 of 2", "No more hints for this question"]
    hint("framing_entman")
    assert "written" in capsys.readouterr().out


#: The judgement calls no table records, written in the checks in plain words (the key is open).
WRITTEN_IN_THE_CHECKS = {"sources_urged", "sources_state_media"}


def test_every_other_expected_value_comes_from_the_data():
    """Expected values are derived from the annotations, so that a corrected annotation corrects the check."""
    source = "".join(inspect.getsource(module) for module in (verdicts, answer_forms, events, sources, framing, lateral))
    leaks = [(grade_id, form) for grade_id, value in solution_answers().items() if grade_id not in WRITTEN_IN_THE_CHECKS
             for form in forms(value) - OPTIONS if len(form) > 2 and appears(form, source)]
    assert not leaks


def test_a_right_answer_prints_one_short_line(capsys):
    assert check("events_war_paragraph", solution_answers()["events_war_paragraph"]) is None
    assert capsys.readouterr().out == "\u2713 Correct.\n"


def test_a_failed_check_is_one_line_without_a_traceback():
    with pytest.raises(NotAnsweredYet) as failure:
        check("events_wednesday", ...)
    assert failure.value._render_traceback_() == ["\u2717 Not answered yet: replace the ... in the cell above "
                                                  "with your answer, then run that cell and this one."]
    with pytest.raises(verdicts.NotQuite) as failure:
        check("events_wednesday", date(2022, 9, 24))
    assert failure.value._render_traceback_() == ["\u2717 Not yet: that is the day the article was published (p06); "
                                                  "the caption's Wednesday comes before it."]


def test_an_answer_that_breaks_comparison_is_a_wrong_type():
    class Broken:
        def __eq__(self, other):
            raise RuntimeError("no")

    assert evaluate("events_destinations", [Broken()]).status == "wrong type"


def test_named_answers_ignore_case_and_spaces():
    assert evaluate("sources_state_media", "  tass ").passed


def test_a_text_with_two_agencies_is_not_one_answer():
    assert evaluate("sources_state_media", "TASS and dpa").status == "wrong type"


def test_an_ambiguous_day_month_order_is_refused_in_one_line():
    outcome = evaluate("events_wednesday", "9/10/2022")
    assert outcome.status == "wrong type" and "write the month as a word" in outcome.message


def test_the_verdicts_a_check_accepts_are_the_coverage_sets():
    from exodus_reader.corpus.coverage import VERDICTS

    assert set(lateral.VERDICTS) == VERDICTS

