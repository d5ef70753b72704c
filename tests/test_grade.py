"""The classroom grader, on a corpus of submissions built from the solutions.

The corpus is made in a fixture from exercises/, solutions/ and exercise_cases.py, so it
cannot drift from them, and graded once, in parallel as a teacher would, to the expected
gradebook in expected_gradebook.csv. Each submission costs a kernel (about two seconds
of CPU), so the cases are combined per notebook and all answer lesson 01; the checks of
every lesson meet every case, and every solution, through the same plain-data round trip
the grader uses, in test_bank.py, and the solutions run with their checks under nbval.

- ada: events, all right (the solutions' own answers);
- ben: events, all wrong: wrong values for the first four questions, wrong types after;
- cleo: events, each question's first known misconception;
- cy: events, each question's second known misconception;
- eve: events, tampering: her own check() that always says correct, a patched
  exodus_reader in her kernel, an edited and a deleted check cell, a check cell whose
  metadata claims 100 points, an answer that equals everything, stripped metadata and
  cell ids, an answer computed in a cell of her own;
- gil: events, runtime trouble: a cell that raises, one that prints 3 MB, one that loops
  forever, one that calls sys.exit(), and one that kills its kernel (os._exit);
- hal.ipynb and ivy.ipynb (one notebook per student, graded with --lesson 01_events): not
  valid JSON, and a notebook without cells.

When the questions change, regenerate expected_gradebook.csv from this corpus: build it with
``build_corpus(folder)``, grade it with ``grade_folder(folder, out, lesson="01_events",
limits=LIMITS)``, read the new gradebook line by line (each row must say what the corpus
comment above says of that student), then copy it over expected_gradebook.csv.
"""

from __future__ import annotations

import copy
import csv
import os
from pathlib import Path

import nbformat
import pytest

from exodus_reader.__main__ import main
from exodus_reader.exercises.assign import BEGIN, END
from exodus_reader.exercises.runner import Limits
from exodus_reader.grading.grade import grade_folder
from exodus_reader.grading.submissions import Task, find_submissions, read_cells
from exodus_reader.exercises.layout import exercise_lessons, locate
from exercise_cases import CASES, appears, forms, notebook, solution_answers

EXPECTED = Path(__file__).with_name("expected_gradebook.csv")
LIMITS = Limits(cell=2, setup=60, notebook=120)


def solution_code(lesson: str) -> dict[str, str]:
    """Each question's answer cell as the solution writes it, markers removed."""
    code = {}
    for cell in notebook("solutions", lesson).cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if cell.cell_type == "code" and BEGIN in cell.source:
            code[grade_id.removesuffix("_answer")] = cell.source.split(BEGIN)[1].split(END)[0].strip()
        elif cell.cell_type == "markdown" and cell.metadata.get("nbgrader", {}).get("solution"):
            code[grade_id] = cell.source
    return code


def filled(lesson: str, answers: dict[str, str]) -> nbformat.NotebookNode:
    """The blank exercise with answer cells replaced, by grade_id (written ones by their own)."""
    exercise = notebook("exercises", lesson)
    variables = {q.grade_id: q.variable for q in exercise_lessons()[lesson].questions}
    for cell in exercise.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        question = grade_id.removesuffix("_answer")
        if question in answers and cell.metadata["nbgrader"].get("solution"):
            source = answers[question]
            typed = cell.cell_type == "markdown" or "\n" in source or source.startswith(f"{variables[question]} =")
            cell.source = source if typed else f"{variables[question]} = {source}"
    return exercise


def cell_of(notebook_: nbformat.NotebookNode, grade_id: str) -> nbformat.NotebookNode:
    return next(c for c in notebook_.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def tampered() -> nbformat.NotebookNode:
    """eve: every way of changing the checks instead of the answers."""
    right = solution_code("01_events")
    answers = {"events_wednesday": "date(2022, 9, 22)", "events_klepkin_window": CASES["events_klepkin_window"].wrong[0],
               "events_war_paragraph": right["events_war_paragraph"],
               "events_thousands_status": "class Always:\n    def __eq__(self, other):\n        return True\n"
                                          "thousands_status = Always()",
               "events_million_source": right["events_million_source"],
               "events_how_resolved": "The date line (p06) and the caption (p09)."}
    nb = filled("01_events", answers)
    setup = cell_of(nb, "events_setup")
    cheat = nbformat.v4.new_code_cell(
        "import exodus_reader, exodus_reader.exercises.bank as bank\n"
        "def check(*args):\n    print('\u2713 Correct.')\n"
        "exodus_reader.check = check\n"
        "bank.evaluate = lambda *args: bank.Outcome('correct', 'Correct.')")
    nb.cells.insert(nb.cells.index(setup) + 1, cheat)
    cell_of(nb, "events_wednesday").source = "print('\u2713 Correct.')"
    nb.cells.remove(cell_of(nb, "events_klepkin_window"))
    war = cell_of(nb, "events_war_paragraph_answer")
    war.metadata, war.id = {}, "tampered-answer"
    cell_of(nb, "events_million_source").metadata["nbgrader"].update(points=100, grade_id="free_points")
    later = cell_of(nb, "events_order_answer")
    nb.cells[nb.cells.index(later)] = nbformat.v4.new_code_cell(right["events_order"])
    essay = cell_of(nb, "events_how_resolved")
    essay.metadata, essay.id = {}, "my-own-cell"
    return nb


def troubled() -> nbformat.NotebookNode:
    """gil: a raise, megabytes of output, an endless loop, sys.exit() and a kernel that dies."""
    right = solution_code("01_events")
    return filled("01_events", {
        "events_wednesday": right["events_wednesday"],
        "events_klepkin_window": "klepkin_window = 1 / 0",
        "events_war_paragraph": 'print("x" * 3_000_000)\nwar_paragraph = "p22"',
        "events_thousands_status": "while True:\n    pass",
        "events_million_source": right["events_million_source"],
        "events_destinations": "import sys\nsys.exit(1)",
        "events_order": "import os\nos._exit(1)",
        "events_how_resolved": "Saturday minus three days.",
        "events_known_later": "Finland closed its border.",
    })


def write(folder: Path, relative: str, notebook_: nbformat.NotebookNode) -> None:
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook_, path)


def build_corpus(folder: Path) -> None:
    write(folder, "ada/01_events.ipynb", filled("01_events", solution_code("01_events")))
    events = [q.grade_id for q in exercise_lessons()["01_events"].questions if not q.written]
    ben = {g: (CASES[g].wrong if n < 4 else CASES[g].wrong_type)[0] for n, g in enumerate(events)}
    ben.update(events_how_resolved="I do not know.", events_known_later="I do not know.")
    write(folder, "ben/01_events.ipynb", filled("01_events", ben))
    write(folder, "cleo/01_events.ipynb", filled("01_events", {g: CASES[g].misconceptions[0][0] for g in events}))
    cy = {g: CASES[g].misconceptions[1][0] for g in events}
    cy.update(events_how_resolved="A short answer.", events_known_later="A short answer.")
    write(folder, "cy/01_events.ipynb", filled("01_events", cy))
    write(folder, "eve/01_events.ipynb", tampered())
    write(folder, "gil/01_events.ipynb", troubled())
    (folder / "hal.ipynb").write_text('{"cells": [{"cell_type": "code", "source": "x = 1"', encoding="utf-8")
    (folder / "ivy.ipynb").write_text('{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": []}')


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("submissions")
    out = tmp_path_factory.mktemp("results")
    build_corpus(folder)
    steps = []
    # two submissions per core: each spends much of its time waiting for its kernel to start
    book, rows = grade_folder(folder, out, lesson="01_events", jobs=2 * (os.cpu_count() or 1), limits=LIMITS,
                              show=lambda done, total: steps.append((done, total)))
    return {"book": book, "rows": rows, "out": out, "steps": steps, "folder": folder}


def with_points_from_the_exercises(row: dict[str, str]) -> dict[str, str]:
    """An expected row whose points and maximum come from exercises/, not from the file.

    So changing a question's points in solutions/ (and regenerating exercises/) needs no
    edit to expected_gradebook.csv: a correct answer earns the question's points, a written
    answer waits for the teacher, anything else earns 0.
    """
    question = exercise_lessons()["01_events"].question(row["question"])
    earned = {"correct": f"{question.points:g}", "needs manual grading": ""}.get(row["status"], "0")
    return {**row, "points": earned, "maximum": f"{question.points:g}"}


def test_the_corpus_is_graded_to_the_expected_gradebook(graded):
    with graded["book"].open(encoding="utf-8-sig", newline="") as handle:
        got = list(csv.DictReader(handle))
    with EXPECTED.open(encoding="utf-8", newline="") as handle:
        expected = [with_points_from_the_exercises(row) for row in csv.DictReader(handle)]
    assert [(r["student"], r["question"]) for r in got] == [(r["student"], r["question"]) for r in expected]
    differ = [(g, e) for g, e in zip(got, expected) if {k: g[k] for k in e} != e]
    assert not differ, differ[:3]


def test_every_submission_gets_its_rows_and_the_progress_reaches_the_end(graded):
    students = {row["student"] for row in graded["rows"]}
    assert students == {"ada", "ben", "cleo", "cy", "eve", "gil", "hal", "ivy"}
    assert graded["steps"][-1] == (8, 8)
    assert sorted(p.name for p in (graded["out"] / "feedback").iterdir()) == sorted(f"{s}.md" for s in students)


def test_feedback_files_are_short_and_speak_to_the_student(graded):
    eve = (graded["out"] / "feedback" / "eve.md").read_text(encoding="utf-8")
    events = exercise_lessons()["01_events"]
    right = ("events_war_paragraph", "events_million_source", "events_order")  # what eve got right
    scored = sum(events.question(q).points for q in right)
    possible = sum(q.points for q in events.questions if not q.written)
    assert eve.startswith(f"# Feedback for eve\n\n## 01_events: {scored:g} of {possible:g} points checked automatically")
    first = events.questions[0]
    assert (f"- Question 1 (events_wednesday, {first.points:g} point{'s' if first.points != 1 else ''}): "
            "not yet right: that day is a Thursday.") in eve
    hal = (graded["out"] / "feedback" / "hal.md").read_text(encoding="utf-8")
    assert "Not graded: the file is not valid JSON" in hal
    assert max(len(p.read_text().splitlines()) for p in (graded["out"] / "feedback").iterdir()) < 40


def test_no_feedback_in_the_gradebook_shows_an_expected_answer(graded):
    answers = solution_answers()
    leaks = [(row["student"], row["question"]) for row in graded["rows"]
             if row["question"] in answers and row["status"] not in ("correct", "needs manual grading")
             for form in forms(answers[row["question"]]) if appears(form, row["feedback"])]
    assert not leaks


def test_submissions_are_found_in_both_layouts(tmp_path):
    for relative in ("ada/01_events.ipynb", "ada/.ipynb_checkpoints/01_events-checkpoint.ipynb",
                     "bo/ps1/02_sources.ipynb", "cy.ipynb"):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text("{}")
    tasks = find_submissions(tmp_path, "03_framing", exercise_lessons())
    assert [(t.student, t.lesson) for t in tasks] == [("ada", "01_events"), ("bo", "02_sources"), ("cy", "03_framing")]
    assert isinstance(tasks[0], Task)


def test_cells_are_found_when_their_metadata_and_ids_are_gone():
    lesson = exercise_lessons()["02_sources"]
    cells = copy.deepcopy(notebook("exercises", "02_sources").cells)
    expected = locate(cells, lesson)
    for cell in cells:
        cell.metadata, cell.id = {}, "changed"
    found = locate(cells, lesson)
    assert found.checks == expected.checks
    assert found.answers == {k: v for k, v in expected.answers.items()
                             if not lesson.question(k).written}


def test_a_notebook_without_cells_or_json_is_named_as_such(tmp_path):
    (tmp_path / "a.ipynb").write_text("not json")
    (tmp_path / "b.ipynb").write_text('{"cells": "none"}')
    statuses = []
    for name in ("a", "b"):
        with pytest.raises(Exception) as problem:
            read_cells(tmp_path / f"{name}.ipynb")
        statuses.append(problem.value.status)
    assert statuses == ["unreadable", "no cells"]


def test_students_check_their_own_notebook_question_by_question(tmp_path, capsys):
    partial = filled("01_events", {k: v for k, v in solution_code("01_events").items() if k != "events_war_paragraph"})
    path = tmp_path / "01_events.ipynb"
    nbformat.write(partial, path)
    assert main(["self-check", str(path)]) == 1
    report = capsys.readouterr().out
    assert "  Question 1   correct.\n" in report
    assert "  Question 3   not answered yet: the answer cell was left blank (war_paragraph = ...)." in report
    words = len(solution_code("01_events")["events_how_resolved"].split())
    assert f"  Question 8   written answer, {words} words: your teacher will grade it.\n" in report
    assert report.rstrip().endswith("6 of 7 checked questions pass; 3 written answers for your teacher.")


def test_the_grade_command_names_a_missing_folder_in_one_line(capsys, tmp_path):
    assert main(["grade", str(tmp_path / "nowhere")]) == 1
    assert capsys.readouterr().err.strip() == f"error: there is no folder {tmp_path / 'nowhere'}"
