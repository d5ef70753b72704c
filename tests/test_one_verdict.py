"""The self-check is the grader's verdict, worded for the student: the same on every question.

The corpus mixes honest answers of every value type a check accepts with the tricks
that used to fool the self-check: a renamed answer, a redefined ``check``, an answer
cell that does not parse. nbval still checks a student's notebook as it always did.
"""

from __future__ import annotations

import csv
import subprocess
import sys

import nbformat
import pytest

from exodus_reader.grade import grade_folder
from exodus_reader.runner import Limits
from exodus_reader.selfcheck import self_check
from exercise_cases import solution_answers
from test_grade import cell_of, filled, solution_code, write

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
    out = tmp_path_factory.mktemp("book")
    _, rows = grade_folder(folder, out, jobs=2, limits=LIMITS, show=None)
    checked = {name: self_check(folder / "una" / f"{name}.ipynb", LIMITS)[0]
               for name in ("01_events", "02_sources", "03_framing")}
    return rows, checked


def _said(report: str) -> dict[int, str]:
    return {int(line.split()[1]): line.split(None, 2)[2] for line in report.splitlines()
            if line.startswith("  Question ")}


def test_the_self_check_and_the_grader_agree_question_by_question(both):
    rows, checked = both
    for lesson in ("01_events", "02_sources", "03_framing"):
        graded = [r for r in rows if r["lesson"] == lesson]
        said = _said(checked[lesson])
        assert len(said) == len(graded)
        for number, row in enumerate(graded, start=1):
            assert (said[number] == "passed") == (row["status"] == "correct"), (lesson, number, said[number], row)


def test_honest_answers_of_every_type_pass_in_both(both):
    rows, checked = both
    status = {r["question"]: r["status"] for r in rows}
    for question in ("events_wednesday", "events_klepkin_window", "sources_women_share", "sources_ordinary_share",
                     "sources_first_last", "framing_coding"):
        assert status[question] == "correct", question
    sources = [r["status"] for r in rows if r["lesson"] == "02_sources" and r["status"] != "needs manual grading"]
    assert set(sources) == {"correct"}


def test_a_renamed_answer_and_a_redefined_check_fool_neither(both):
    rows, checked = both
    war = next(r for r in rows if r["question"] == "events_war_paragraph")
    assert war["status"] == "missing" and "war_paragraph is not defined" in war["feedback"]
    assert _said(checked["01_events"])[3].startswith("not passed: war_paragraph is not defined")


def test_an_answer_that_does_not_parse_is_named_as_the_answer_cell(both):
    _, checked = both
    assert _said(checked["01_events"])[5].startswith("not passed: the answer cell raised SyntaxError")


def test_nbval_still_fails_a_students_notebook_at_each_question_not_yet_right(tmp_path):
    right = solution_code("01_events")
    path = tmp_path / "01_events.ipynb"
    notebook_ = filled("01_events", {k: v for k, v in right.items() if k != "events_war_paragraph"})
    nbformat.write(notebook_, path)
    code = [c for c in notebook_.cells if c.cell_type == "code"]
    war_check = code.index(cell_of(notebook_, "events_war_paragraph"))
    done = subprocess.run([sys.executable, "-m", "pytest", str(path), "--nbval-lax", "--nbval-current-env",
                           "-p", "no:cacheprovider", "-p", "no:xdist", "-o", "addopts=", "-q", "--color=no",
                           "--rootdir", str(tmp_path)], capture_output=True, text=True, timeout=300)
    failed = [line for line in done.stdout.splitlines() if line.startswith("FAILED")]
    assert len(failed) == 1 and failed[0].endswith(f"::Cell {war_check}"), done.stdout[-2000:]
