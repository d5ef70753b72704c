"""The gradebook without kernels: marks, merging, roster, safe cells, points, and the docs' commands.

Runs are built by hand here (the grader's part is in test_grade.py and test_term.py), so
these tests take no kernel.
"""

from __future__ import annotations

import csv
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest

from exodus_reader.__main__ import build_parser, main
from exodus_reader.grading.results import Answer, Run
from exodus_reader.exercises.assign import set_points
from exodus_reader.grading.gradebook import (Entry, Mark, build, load_results, merge, notes, read_marks, rebuild,
                                             save_results)
from exodus_reader.exercises.layout import exercise_lessons
from exodus_reader.grading.roster import Roster

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "docs" / "teaching-with-the-exercises.md", ROOT / "docs" / "teacher-guide.md", ROOT / "README.md"]


def written_run(student: str, text: str, lesson: str = "01_events") -> Run:
    """A run in which every checked answer is missing and every written answer is the text."""
    run = Run(student, lesson, f"{student}.ipynb")
    for q in exercise_lessons()[lesson].questions:
        run.answers[q.grade_id] = Answer(text=text) if q.written else Answer(status="missing", detail="gone.")
    return run


def table(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_a_regrade_replaces_only_its_own_student_and_lesson(tmp_path):
    known = exercise_lessons()
    entries, _ = merge([], [written_run("ada", "A."), written_run("ben", "B."),
                            written_run("ada", "C.", "02_sources")], known)
    entries, new = merge(entries, [written_run("ben", "Better.")], known)
    assert [(e.student, e.lesson) for e in new] == [("ben", "01_events")]
    assert sorted((e.student, e.lesson, e.run.answers["events_how_resolved"].text if e.lesson == "01_events" else "")
                  for e in entries) == [("ada", "01_events", "A."), ("ada", "02_sources", ""), ("ben", "01_events", "Better.")]
    save_results(tmp_path, entries)
    assert [(e.student, e.lesson) for e in load_results(tmp_path)] == [(e.student, e.lesson) for e in entries]


def test_marks_merge_into_every_file_and_the_marks_file_is_never_written(tmp_path):
    known = exercise_lessons()
    save_results(tmp_path, merge([], [written_run("ada", "An answer.")], known)[0])
    marks = tmp_path / "gradebook" / "marks.csv"
    marks.write_text("student;question;points;comment\nada;events_how_resolved;2,5;Good start.\n", encoding="cp1252")
    before = marks.read_bytes()
    book = rebuild(tmp_path, known)
    assert marks.read_bytes() == before
    row = next(r for r in table(tmp_path / "gradebook" / "gradebook.csv") if r["question"] == "events_how_resolved")
    assert (row["points"], row["status"], row["comment"]) == ("2.5", "marked by teacher", "Good start.")
    written = [q.grade_id for q in known["01_events"].questions if q.written]
    assert book.results[("ada", "01_events")].pending == len(written) - 1  # all but events_how_resolved wait
    waiting = table(tmp_path / "gradebook" / "to_mark.csv")
    assert [(r["question"], r["answer"]) for r in waiting] == [(q, "An answer.") for q in written
                                                               if q != "events_how_resolved"]
    feedback = (tmp_path / "feedback" / "ada.md").read_text(encoding="utf-8")
    worth = known["01_events"].question("events_how_resolved").points
    assert f"2.5 of {worth:g} points from your teacher. Good start." in feedback


def test_a_blank_row_never_undoes_a_mark_and_the_teacher_is_told_what_waits():
    entries, _ = merge([], [written_run("ada", "A.")], exercise_lessons())
    typed = [Mark("ada", "01_events", "events_how_resolved", 2.0, "", 2),
             Mark("ada", "01_events", "events_how_resolved", None, "", 3),
             Mark("zed", "01_events", "events_how_resolved", 1.0, "", 4)]
    book = build(entries, typed, exercise_lessons())
    assert next(r for r in book.rows if r["question"] == "events_how_resolved")["points"] == "2"
    waiting = sum(q.written for q in exercise_lessons()["01_events"].questions) - 1
    assert notes(book) == ["marks.csv line 4: no graded 01_events from 'zed' yet; the mark is kept and counts "
                           "once that notebook is graded",
                           f"{waiting} written answer{'s' if waiting != 1 else ''} to mark: see gradebook/to_mark.csv"]


def test_a_mistyped_mark_is_named_by_its_line(tmp_path):
    marks = tmp_path / "marks.csv"
    marks.write_text("student,lesson,question,points,comment\nada,01_events,events_how,1,\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"^marks.csv line 2: there is no question 'events_how'$"):
        read_marks(marks, exercise_lessons())
    marks.write_text("student,lesson,question,points,comment\nada,02_sources,events_how_resolved,1,\n")
    with pytest.raises(Exception, match="events_how_resolved belongs to 01_events, not 02_sources"):
        read_marks(marks, exercise_lessons())


def test_cells_that_look_like_formulas_are_written_as_text(tmp_path):
    known = exercise_lessons()
    save_results(tmp_path, merge([], [written_run("=HYPERLINK(\"http://x\")", "=1+1")], known)[0])
    rebuild(tmp_path, known)
    raw = (tmp_path / "gradebook" / "gradebook.csv").read_text(encoding="utf-8-sig")
    assert "'=1+1" in raw and "'=HYPERLINK" in raw
    assert not re.search(r"(^|,)[=+@]", raw, re.MULTILINE)


def test_a_roster_lists_everyone_and_maps_download_names(tmp_path):
    roster = Roster.from_rows([{"id": "s01", "name": "Zoë Ångström", "email": "zoe@x.org", "lms_id": "4711"},
                               {"id": "s02", "name": "Dee Mensah", "email": "", "lms_id": ""}])
    entries, _ = merge([], [written_run("Zoe Angstrom_4711_assignsubmission_file_", "A.")], exercise_lessons(), roster)
    book = build(entries, [], exercise_lessons(), roster)
    assert book.students == ["s01", "s02"]
    assert book.results[("s02", "01_events")].status == "not submitted"


def test_changing_a_question_s_points_changes_every_total(tmp_path):
    """The documented edit: `python -m exodus_reader points LESSON QUESTION POINTS`."""
    solutions, exercises = tmp_path / "solutions", tmp_path / "exercises"
    shutil.copytree(ROOT / "solutions", solutions)
    shutil.copytree(ROOT / "exercises", exercises)
    before = exercise_lessons(exercises)["01_events"]
    old = before.question("events_destinations").points
    written = set_points("01_events", "events_destinations", old + 1, solutions, exercises)
    assert solutions / "01_events.ipynb" in written
    after = exercise_lessons(exercises)["01_events"]
    assert after.question("events_destinations").points == old + 1
    assert [q.points for q in after.questions if q.grade_id != "events_destinations"] == [
        q.points for q in before.questions if q.grade_id != "events_destinations"]
    changed = [c for c in nbformat.read(solutions / "01_events.ipynb", as_version=4).cells
               if c.metadata.get("nbgrader", {}).get("points") == old + 1]
    assert len(changed) >= 1
    entry = Entry("ada", "01_events", written_run("ada", "A."))
    assert build([entry], [], exercise_lessons(exercises)).results[("ada", "01_events")].maximum == \
        build([entry], [], exercise_lessons()).results[("ada", "01_events")].maximum + 1


def test_student_work_is_git_ignored():
    paths = ["submissions/ada/01_events.ipynb", "submitted/ada/ps1/01_events.ipynb", "roster.csv",
             "gradebook/marks.csv", "feedback/ada.md"]
    found = subprocess.run(["git", "check-ignore", *paths], cwd=ROOT, capture_output=True, text=True)
    assert found.stdout.split() == paths


def doc_commands() -> list[str]:
    """Every command line in the teacher docs' code blocks that runs the module or make."""
    commands = []
    for path in DOCS:
        for line in path.read_text(encoding="utf-8").splitlines():
            text = line.strip().split("  #")[0].strip()
            if line.startswith("    ") and (text.startswith(".venv/bin/python -m exodus_reader") or
                                           re.match(r"make [a-z]", text)):
                commands.append(text)
    return commands


def module_arguments(command: str) -> list[str]:
    words = shlex.split(command)
    return words[words.index("exodus_reader") + 1:]


def test_the_docs_give_their_commands_in_a_form_that_runs_from_a_fresh_clone():
    commands = doc_commands()
    assert any(c.startswith("make grade") for c in commands) and any("export" in c for c in commands)
    assert not [c for c in commands if c.startswith("python")], "a bare python needs an active environment"


@pytest.mark.parametrize("command", doc_commands())
def test_every_command_in_the_docs_parses(command):
    if command.startswith("make"):
        # make -n prints the recipe without running it (nor setting up .venv)
        shown = subprocess.run(["make", "-n", *shlex.split(command)[1:]], cwd=ROOT, capture_output=True, text=True)
        assert shown.returncode == 0, shown.stderr
        recipe = shown.stdout.strip().splitlines()[-1]
        if "-m exodus_reader" not in recipe:
            return
        command = recipe
    build_parser().parse_args(module_arguments(command))


def test_the_docs_feedback_and_export_commands_run_on_an_empty_class(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["feedback"]) == 0
    assert main(["export", "moodle"]) == 0
    assert (tmp_path / "gradebook" / "moodle.csv").read_text(encoding="utf-8-sig").startswith("Email address,ID number")
    assert "wrote" in capsys.readouterr().out
