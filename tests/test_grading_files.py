"""Every file in a submissions folder gets exactly one row, and every gradebook cell is safe.

These cases need no kernel: they are decided before any notebook runs, or after.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import nbformat
import pytest

from exodus_reader.__main__ import main
from exodus_reader.grading.grade import write_outputs
from exodus_reader.grading.gradebook import feedback_names, merge
from exodus_reader.grading.results import Run
from exodus_reader.grading.submissions import read_cells, survey
from exodus_reader.exercises.layout import exercise_lessons
from exodus_reader.exercises.runner import Limits


def _touch(folder: Path, relative: str, text: str = "{}", mtime: float | None = None) -> None:
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    if mtime is not None:
        os.utime(path, (mtime, mtime))


def test_odd_names_copies_and_other_files_each_get_their_own_status(tmp_path):
    _touch(tmp_path, "ada/01_EVENTS.IPYNB")
    _touch(tmp_path, "bo/01_events.ipynb.txt")
    _touch(tmp_path, "cy/01_events.ipynb", mtime=1_000)
    _touch(tmp_path, "cy/01_events (1).ipynb", mtime=2_000)
    _touch(tmp_path, "cy/essay.docx")
    os.mkfifo(tmp_path / "cy" / "02_sources.ipynb")
    (tmp_path / "cy" / "03_framing.ipynb").symlink_to("/dev/zero")
    tasks, files = survey(tmp_path, None, exercise_lessons())
    status = {f.file: f.status for f in files}
    assert status == {"ada/01_EVENTS.IPYNB": "graded, odd name", "bo/01_events.ipynb.txt": "graded, odd name",
                      "cy/01_events (1).ipynb": "graded, odd name", "cy/01_events.ipynb": "copy, not graded",
                      "cy/essay.docx": "not a notebook", "cy/02_sources.ipynb": "not a regular file",
                      "cy/03_framing.ipynb": "not a regular file"}
    assert [(t.student, t.lesson, Path(t.path).name) for t in tasks] == [
        ("ada", "01_events", "01_EVENTS.IPYNB"), ("bo", "01_events", "01_events.ipynb.txt"),
        ("cy", "01_events", "01_events (1).ipynb")]


#: Every copy mark the folder survey or the gradebook forgave when each had a parser of its own.
COPY_MARKED = ["01_events (1)", "01_events(2)", "01_events - Copy", "01_events copy", "01_events copy 2",
               "01_events-Copy1", "01_events_copy", "01_events-2", "01_EVENTS (1)",
               "Ada Lovelace_12345_assignsubmission_file_01_events-Copy1"]


@pytest.mark.parametrize("stem", COPY_MARKED)
def test_a_copy_mark_means_the_same_lesson_to_the_folder_survey_and_the_gradebook(stem, tmp_path):
    _touch(tmp_path, f"ada/{stem}.ipynb")
    tasks, files = survey(tmp_path, None, exercise_lessons())
    assert [(t.lesson, f.status) for t, f in zip(tasks, files)] == [("01_events", "graded, odd name")]
    entries, _ = merge([], [Run("ada", None, str(tmp_path / "ada" / f"{stem}.ipynb"))], exercise_lessons())
    assert [e.lesson for e in entries] == ["01_events"]

def test_a_notebook_of_format_3_is_converted_not_scored_zero(tmp_path):
    old = {"nbformat": 3, "nbformat_minor": 0, "metadata": {}, "worksheets": [{"cells": [
        {"cell_type": "code", "input": "announcement_day = 1", "language": "python", "outputs": [],
         "metadata": {}}]}]}
    (tmp_path / "old.ipynb").write_text(json.dumps(old))
    cells = read_cells(tmp_path / "old.ipynb")
    assert [(c["cell_type"], c["source"]) for c in cells] == [("code", "announcement_day = 1")]


def test_feedback_files_are_unique_short_and_safe():
    students = ["ada b", "ada_b", "x" * 253, "../../etc", "=cmd"]
    names = feedback_names(students)
    assert len(set(names.values())) == len(students)
    assert all(len(n) <= 90 and "/" not in n and not n.startswith(".") for n in names.values())


def test_the_gradebook_is_formula_safe_and_a_long_name_costs_nothing(tmp_path):
    long_name = "s" * 253
    runs = [Run("=HYPERLINK(\"x\")", "01_events", "a.ipynb", problem="no cells", detail="-1+1"),
            Run(long_name, "01_events", "b.ipynb", problem="no cells", detail="@SUM(A1)")]
    book, _ = write_outputs(runs, exercise_lessons(), tmp_path)
    cells = []
    for table in book.parent.glob("*.csv"):
        with table.open(encoding="utf-8-sig") as handle:
            cells += [value for row in csv.reader(handle) for value in row]
    assert "'=HYPERLINK(\"x\")" in cells
    assert not [c for c in cells if c[:1] and c[:1] in "=+-@"]
    assert len(list((tmp_path / "feedback").iterdir())) == 2


def test_timeouts_are_seconds_as_a_float_and_zero_is_refused(capsys, tmp_path):
    assert Limits(cell=0.5).cell == 0.5
    with pytest.raises(ValueError):
        Limits(cell=0)
    with pytest.raises(SystemExit):
        main(["grade", str(tmp_path), "--timeout", "0"])
    assert "give a positive number of seconds" in capsys.readouterr().err


def test_without_a_sandbox_the_grader_refuses_in_one_line(monkeypatch, capsys, tmp_path):
    from exodus_reader.exercises import runner
    from exodus_reader.grading import grade

    monkeypatch.setattr(grade, "sandbox_problem", lambda: "no sandbox: bwrap is not installed")
    nbformat.write(nbformat.v4.new_notebook(), tmp_path / "ada.ipynb")
    assert main(["grade", str(tmp_path), "--out", str(tmp_path), "--lesson", "01_events"]) == 3
    said = capsys.readouterr().err.strip()
    assert "\n" not in said and said.startswith("error: no sandbox: bwrap is not installed") and "--unsealed" in said
    assert runner.sandbox_command(Limits())[0].endswith("bwrap")
