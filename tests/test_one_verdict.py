"""The self-check is the grader's verdict, worded for the student: the same on every question.

The corpus mixes honest answers of every value type a check accepts with the tricks
that used to fool the self-check: a renamed answer, a redefined ``check``, an answer
cell that does not parse (una); and every lesson answered with the last accepted form of
each answer, typed as a student would (vic). nbval's own check of the exercises is proven
in test_nbval_exercises.py.
"""

from __future__ import annotations

import os
import re

import nbformat
import pytest

from exodus_reader.grading.grade import grade_folder
from exodus_reader.grading.results import verdict_line
from exodus_reader.exercises.runner import Limits
from exodus_reader.grading.selfcheck import self_check
from exercise_cases import CASES, LESSONS, solution_answers
from test_grade import cell_of, filled, solution_code, write
from test_selfcheck_agrees import filled as filled_with, grader_says

LIMITS = Limits(cell=10, setup=60, notebook=60)
#: The solutions' own answers: the honest values are derived from them, so the data can change.
ANSWERS = solution_answers()


def typed_events() -> nbformat.NotebookNode:
    right = solution_code("01_events")
    nb = filled("01_events", {
        **right,
        "events_wednesday": "import numpy as np\nannouncement_day = np.datetime64('2022-09-21')",
        "events_klepkin_window": "import collections, datetime\nWindow = collections.namedtuple('Window', 'start end')\n"
                                 "klepkin_window = Window(datetime.date(2022, 9, 21), datetime.date(2022, 9, 24))",
        "events_war_paragraph": '# a name of my own\nmy_paragraph = "p22"',
        "events_million_source": 'million_source = "Novaya Gazeta Europe',
    })
    cell_of(nb, "events_war_paragraph").source = 'check("events_war_paragraph", my_paragraph)'
    setup = cell_of(nb, "events_setup")
    nb.cells.insert(nb.cells.index(setup) + 1, nbformat.v4.new_code_cell("def check(*args):\n    print('Correct.')"))
    return nb


def typed_sources() -> nbformat.NotebookNode:
    return filled("02_sources", {
        **solution_code("02_sources"),
        "sources_women_share": "from fractions import Fraction\nwomen_share = Fraction(1, 7)",
        "sources_ordinary_share": "from fractions import Fraction\nordinary_share = Fraction(172, 198)",
        "sources_first_last": "import collections\nPair = collections.namedtuple('Pair', 'first last')\n"
                              f"first_last = Pair(*{tuple(ANSWERS['sources_first_last'])!r})",
    })


def typed_framing() -> nbformat.NotebookNode:
    return filled("03_framing", {
        **solution_code("03_framing"),
        "framing_coding": "import collections\nmy_coding = collections.OrderedDict("
                          f"{list(ANSWERS['framing_coding'].items())!r})",
    })


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    folder = tmp_path_factory.mktemp("typed")
    write(folder, "una/01_events.ipynb", typed_events())
    write(folder, "una/02_sources.ipynb", typed_sources())
    write(folder, "una/03_framing.ipynb", typed_framing())
    for lesson in LESSONS:
        write(folder, f"vic/{lesson}.ipynb", filled_with(lesson, lambda case: case.accepted[-1]))
    out = tmp_path_factory.mktemp("book")
    # two submissions per core, as in test_grade.py: each waits much of its time for its kernel
    _, rows = grade_folder(folder, out, jobs=2 * (os.cpu_count() or 1), limits=LIMITS, show=None)
    # the self-check end to end on the notebook with every trick; the others through its own wording
    checked = {"01_events": self_check(folder / "una" / "01_events.ipynb", LIMITS)[0]}
    for name in ("02_sources", "03_framing"):
        said = [verdict_line(r["status"], r["feedback"]) for r in rows
                if r["student"] == "una" and r["lesson"] == name]
        checked[name] = "\n".join(f"  Question {n:<3} {text}" for n, text in enumerate(said, start=1))
    return rows, checked, (out / "feedback" / "una.md").read_text(encoding="utf-8")


def _said(report: str) -> dict[int, str]:
    return {int(line.split()[1]): line.split(None, 2)[2] for line in report.splitlines()
            if line.startswith("  Question ")}


def test_the_self_check_and_the_grader_agree_question_by_question(both):
    rows, checked, _ = both
    for lesson in ("01_events", "02_sources", "03_framing"):
        graded = [r for r in rows if r["lesson"] == lesson and r["student"] == "una"]
        said = _said(checked[lesson])
        assert len(said) == len(graded)
        for number, row in enumerate(graded, start=1):
            assert (said[number] == "correct.") == (row["status"] == "correct"), (lesson, number, said[number], row)


def _in_feedback(feedback: str, lesson: str) -> dict[int, str]:
    """The line of the feedback file for each question of one lesson, after its number, id and points."""
    section = feedback.split(f"## {lesson}:", 1)[1].split("\n## ", 1)[0]
    found = re.findall(r"^- Question (\d+) \([a-z_]+, [\d.]+ points?\): (.*)$", section, re.M)
    return {int(number): text for number, text in found}


def test_the_self_check_and_the_feedback_file_say_the_same_words_for_the_same_answer(both):
    rows, checked, feedback = both
    said, written = _said(checked["01_events"]), _in_feedback(feedback, "01_events")
    assert said == written
    statuses = {r["status"] for r in rows if r["student"] == "una" and r["lesson"] == "01_events"}
    assert {"correct", "missing", "error", "needs manual grading"} <= statuses  # a verdict of each kind
    assert len({text.split(":")[0] for text in said.values()}) >= 3


def test_honest_answers_of_every_type_pass_in_both(both):
    rows, checked, _ = both
    status = {r["question"]: r["status"] for r in rows if r["student"] == "una"}
    for question in ("events_wednesday", "events_klepkin_window", "sources_women_share", "sources_ordinary_share",
                     "sources_first_last", "framing_coding"):
        assert status[question] == "correct", question
    sources = [r["status"] for r in rows if r["lesson"] == "02_sources" and r["student"] == "una"
               and r["status"] != "needs manual grading"]
    assert set(sources) == {"correct"}


def test_a_renamed_answer_and_a_redefined_check_fool_neither(both):
    rows, checked, _ = both
    war = next(r for r in rows if r["question"] == "events_war_paragraph" and r["student"] == "una")
    assert war["status"] == "missing" and "war_paragraph is not defined" in war["feedback"]
    assert _said(checked["01_events"])[3].startswith("not passed: war_paragraph is not defined")


def test_an_answer_that_does_not_parse_is_named_as_the_answer_cell(both):
    _, checked, _ = both
    assert _said(checked["01_events"])[5].startswith("not passed: the answer cell raised SyntaxError")


def test_the_last_accepted_form_of_every_answer_passes_when_typed_into_the_notebook(both):
    rows, _, _ = both
    checked = {r["question"]: r["status"] for r in rows if r["student"] == "vic" and r["question"] in CASES}
    assert set(checked) == set(CASES)
    assert all(grader_says(CASES[q].accepted[-1], q) for q in checked)
    assert {q: s for q, s in checked.items() if s != "correct"} == {}
