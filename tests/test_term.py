"""One class, a whole term, through the command line as the teacher's guide gives it.

Grade lesson 01, type written marks, add a late student, regrade one student, grade
lesson 02, export for each platform and rebuild the feedback. Nothing the teacher typed
is lost, every student on the roster has a row, and each export has the columns that the
guide documents (and cites) for its platform.

Each notebook that runs costs a kernel (about two seconds of CPU), so the term runs five:
the other submissions are broken files, which the grader reads without a kernel.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
import time
from pathlib import Path

import nbformat
import pytest

from exodus_reader.__main__ import main
from exodus_reader.grading.lms import IDENTITY_COLUMNS
from exodus_reader.exercises.layout import exercise_lessons
from test_grade import filled, solution_code

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "teaching-with-the-exercises.md"
DEADLINE = "2026-03-14 18:00"
ROSTER = ("id,name,email,lms_id\n"
          "s01,Ada Lovelace,ada@school.example,12345\n"
          "s02,Zoë Ångström,zoe@school.example,23456\n"
          "s03,Ben Okafor,ben@school.example,34567\n"
          "s04,Cy Dubois,cy@school.example,45678\n"
          "s05,Dee Mensah,dee@school.example,56789\n")
# What the teacher types after the first grading: written marks, a changed point, comments,
# and a mark for Cy, whose notebook has not come in yet.
MARKS = ("student,lesson,question,points,comment\n"
         "s01,01_events,events_how_resolved,3,Clear and complete.\n"
         "Ada Lovelace,01_events,events_known_later,2,Give the source_url.\n"
         "s01,01_events,events_verify_first,0,Say how you would check it.\n"
         "s02,01_events,events_how_resolved,1,Cite the paragraph.\n"
         "s02,01_events,events_klepkin_window,1,Right on paper.\n"
         "s03,01_events,,,Please send your notebook again.\n"
         "s04,01_events,events_how_resolved,2,\n")


def at(path: Path, when: str) -> None:
    """Give a file the modification time a download would have."""
    stamp = time.mktime(time.strptime(when, "%Y-%m-%d %H:%M"))
    os.utime(path, (stamp, stamp))


def hand_in(folder: Path, who: str, lesson: str, notebook: nbformat.NotebookNode | str, when: str,
            name: str | None = None) -> None:
    path = folder / who / f"{name or lesson}.ipynb"
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(notebook, str):
        path.write_text(notebook, encoding="utf-8")
    else:
        nbformat.write(notebook, path)
    at(path, when)


def table(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name} has no byte-order mark, so Excel garbles accents"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def documented_columns(platform: str) -> list[str]:
    """The columns the teacher's guide gives for a platform, on its line 'Columns for X: `A, B, C`'."""
    found = re.search(rf"Columns for {platform}: `([^`]+)`", GUIDE.read_text(encoding="utf-8"))
    assert found, f"the guide documents no columns for {platform}"
    return [c.strip() for c in found.group(1).split(",")]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def term(tmp_path_factory):
    base = tmp_path_factory.mktemp("term")
    folder, out = base / "submissions", base / "class"
    out.mkdir()
    (out / "roster.csv").write_text(ROSTER, encoding="utf-8")
    run = lambda *args: main([*args, "--out", str(out)])  # noqa: E731
    right = solution_code("01_events")
    half = {k: right[k] for k in ("events_wednesday", "events_war_paragraph", "events_how_resolved")}
    steps = {}

    # Lesson 01: downloads with the platform's names; Ben's file twice, both broken; Dee hands in nothing.
    hand_in(folder, "Ada Lovelace_12345_assignsubmission_file_", "01_events", filled("01_events", right), "2026-03-14 17:00")
    hand_in(folder, "Zoë Ångström_23456_assignsubmission_file_", "01_events", filled("01_events", half), "2026-03-14 17:30")
    hand_in(folder, "Ben Okafor_34567_assignsubmission_file_", "01_events", '{"cells": []}', "2026-03-14 16:00")
    hand_in(folder, "Ben Okafor_34567_assignsubmission_file_", "01_events", "{not json", "2026-03-14 17:45",
            name="01_events (1)")
    steps["first"] = run("grade", str(folder), "--lesson", "01_events", "--deadline", DEADLINE, "--jobs", "2")
    first = table(out / "gradebook" / "gradebook.csv")

    marks = out / "gradebook" / "marks.csv"
    marks.write_text(MARKS, encoding="utf-8")
    typed = digest(marks)
    steps["feedback"] = run("feedback")

    # Cy hands in late; Zoë sends a finished notebook and is regraded alone.
    hand_in(folder, "Cy Dubois_45678_assignsubmission_file_", "01_events", filled("01_events", right), "2026-03-15 09:10")
    steps["late"] = run("grade", str(folder), "--student", "Cy Dubois", "--deadline", DEADLINE)
    hand_in(folder, "Zoë Ångström_23456_assignsubmission_file_", "01_events", filled("01_events", right), "2026-03-14 17:55")
    steps["regrade"] = run("grade", str(folder), "--student", "s02")

    # Lesson 02, a week later: only Ada hands it in.
    hand_in(folder, "Ada Lovelace_12345_assignsubmission_file_", "02_sources",
            filled("02_sources", solution_code("02_sources")), "2026-03-20 12:00")
    steps["lesson 02"] = run("grade", str(folder), "--lesson", "02_sources", "--deadline", "2026-03-21 18:00")
    steps["canvas"] = run("export", "canvas")
    steps["moodle"] = run("export", "moodle")
    steps["rebuilt"] = run("feedback")
    return {"out": out, "steps": steps, "first": first, "typed": typed, "marks": marks}


def rows_of(out: Path, name: str) -> list[dict[str, str]]:
    return table(out / "gradebook" / name)


def test_every_step_of_the_term_succeeds(term):
    assert term["steps"] == dict.fromkeys(term["steps"], 0)


def test_nothing_the_teacher_typed_is_lost(term):
    assert digest(term["marks"]) == term["typed"], "the grader wrote to marks.csv"
    book = {(r["student"], r["question"]): r for r in rows_of(term["out"], "gradebook.csv")}
    assert book[("s01", "events_how_resolved")]["points"] == "3"
    assert book[("s01", "events_how_resolved")]["comment"] == "Clear and complete."
    assert book[("s01", "events_known_later")]["points"] == "2"
    # Zoë was regraded with a new notebook: her marks still count, the override too
    assert book[("s02", "events_how_resolved")]["points"] == "1"
    assert book[("s02", "events_how_resolved")]["status"] == "marked by teacher"
    assert book[("s02", "events_klepkin_window")]["status"] == "changed by teacher"
    # Cy's mark was typed before his notebook came in, and counts now that it has
    assert book[("s04", "events_how_resolved")]["points"] == "2"


def test_regrading_and_grading_lesson_by_lesson_keep_the_other_rows(term):
    rows = rows_of(term["out"], "gradebook.csv")
    students_and_lessons = {(r["student"], r["lesson"]) for r in rows}
    assert students_and_lessons == {("s01", "01_events"), ("s02", "01_events"), ("s03", "01_events"),
                                    ("s04", "01_events"), ("s01", "02_sources")}
    assert len(rows) == 4 * len(exercise_lessons()["01_events"].questions) + len(exercise_lessons()["02_sources"].questions)
    checked_first = {r["question"]: r for r in term["first"] if r["student"] == "s01" and r["status"] == "correct"}
    ada_now = {r["question"]: r for r in rows if r["student"] == "s01" and r["lesson"] == "01_events"}
    assert checked_first and all(ada_now[q] == {**row, "comment": ""} for q, row in checked_first.items())


def test_every_roster_student_has_a_row_with_totals(term):
    summary = {r["student"]: r for r in rows_of(term["out"], "summary.csv")}
    assert list(summary) == ["s01", "s02", "s03", "s04", "s05"]
    assert summary["s02"]["name"] == "Zoë Ångström"
    events = exercise_lessons()["01_events"]
    checked = sum(q.points for q in events.questions if not q.written)
    ada = summary["s01"]
    assert ada["01_events points"] == f"{checked + 5:g}" and ada["01_events status"] == "complete"
    assert ada["written points"] == "pending"  # lesson 02's written answers are not marked yet
    pending = sum(q.written for q in events.questions) - 1  # Zoë answered every written question; one is marked
    assert summary["s02"]["01_events status"] == f"{pending} written mark{'s' if pending != 1 else ''} pending"
    assert summary["s03"]["01_events status"] == "unreadable"
    assert summary["s04"]["01_events status"].endswith(", late")
    assert summary["s05"]["01_events status"] == "not submitted" and summary["s05"]["total"] == "0"
    assert summary["s05"]["maximum"] == f"{sum(q.points for lesson in exercise_lessons().values() for q in lesson.questions if lesson.name in ('01_events', '02_sources')):g}"


def test_the_class_list_names_missing_late_and_copied_files(term):
    listed = {(r["student"], r["lesson"]): r for r in rows_of(term["out"], "class_list.csv")}
    assert listed[("s05", "01_events")]["status"] == "missing"
    assert listed[("s04", "01_events")]["status"] == "late"
    assert listed[("s04", "01_events")]["file time"] == "2026-03-15 09:10"
    assert listed[("s01", "01_events")]["status"] == "on time"
    assert listed[("s03", "01_events")]["status"] == "on time, 2 copies: the newest was graded"
    assert listed[("s03", "01_events")]["file"].endswith("01_events (1).ipynb")
    assert "2026-03-14 16:00" in listed[("s03", "01_events")]["copies"]


@pytest.mark.parametrize("platform", ["canvas", "moodle"])
def test_each_export_has_its_documented_columns(term, platform):
    path = term["out"] / "gradebook" / f"{platform}.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle))
    assert header == [*documented_columns(platform.capitalize()), "01_events", "02_sources"]
    assert tuple(documented_columns(platform.capitalize())) == IDENTITY_COLUMNS[platform]
    rows = table(path)
    assert len(rows) == 5
    events = exercise_lessons()["01_events"]
    full = sum(q.points for q in events.questions if not q.written) + 5
    first = rows[0]
    assert first["01_events"] == f"{full:g}"
    assert first["02_sources"] == ""  # written marks pending: never exported as a partial total
    if platform == "canvas":
        assert (first["Student"], first["ID"], first["SIS User ID"]) == ("Ada Lovelace", "12345", "s01")
    else:
        assert (first["Email address"], first["ID number"]) == ("ada@school.example", "s01")


def test_the_rebuilt_feedback_carries_marks_and_comments(term):
    feedback = term["out"] / "feedback"
    assert sorted(p.name for p in feedback.iterdir()) == [f"s0{n}.md" for n in range(1, 6)]
    ada = (feedback / "s01.md").read_text(encoding="utf-8")
    assert ada.startswith("# Feedback for Ada Lovelace\n")
    assert "(events_how_resolved, 3 points): 3 of 3 points from your teacher. Clear and complete." in ada
    events = exercise_lessons()["01_events"]
    checked = sum(q.points for q in events.questions if not q.written)
    written = sum(q.points for q in events.questions if q.written)
    assert (f"Written answers: 5 of {written:g} points. Total: {checked + 5:g} of {checked + written:g} points."
            in ada)
    ben = (feedback / "s03.md").read_text(encoding="utf-8")
    assert "Not graded: the file is not valid JSON" in ben and "Your teacher says: Please send your notebook again." in ben
    assert "No notebook handed in yet." in (feedback / "s05.md").read_text(encoding="utf-8")
    cy = (feedback / "s04.md").read_text(encoding="utf-8")
    assert "Handed in after the deadline (2026-03-14 18:00): the file is from 2026-03-15 09:10." in cy
