"""The teacher's gradebook: what the grader found, what the teacher typed, and what both make.

The grader and the teacher never write to the same file. Under ``<out>/gradebook/``:

- ``results.json``: what the grader found, per student and lesson. Each grading run
  replaces only the students and lessons it graded, so regrading one student, or grading
  lesson by lesson, keeps everything else. Written by the grader; do not edit it.
- ``marks.csv``: yours. One row per mark: ``student, lesson, question, points, comment``.
  Points for a written answer; points for a checked question override the grader's; a row
  without a question holds a comment on the whole lesson. The grader only reads it.
- ``gradebook.csv``: one row per student and question, both merged.
- ``summary.csv``: one row per student: points per lesson and its status, auto points,
  written points (or ``pending``), total and maximum.
- ``class_list.csv``: per student and lesson, the file, its time, and whether it was on
  time, late, missing, or handed in more than once.
- ``to_mark.csv``: the written answers still to mark, in marks.csv's columns, with the text.

and ``<out>/feedback/<student>.md``. Every file is rebuilt from ``results.json`` and
``marks.csv`` by each grading run and by ``python -m exodus_reader feedback``.
CSV files are UTF-8 with a byte-order mark, so Excel shows accented names correctly.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import OneLineError
from ..exercises.layout import Lesson, exercise_lessons
from .results import WRITTEN_WAITING, Run, grade_rows, points_text, verdict_line
from .roster import Roster, file_time, identify, lesson_from_name, load_roster, read_table, resolve_student

RESULTS = "results.json"
MARKS = "marks.csv"
MARKS_COLUMNS = ("student", "lesson", "question", "points", "comment")
GRADEBOOK_COLUMNS = ("student", "lesson", "question", "points", "maximum", "status", "feedback", "comment")
CLASS_LIST_COLUMNS = ("student", "name", "lesson", "status", "file", "file time", "deadline", "copies")
TO_MARK_COLUMNS = (*MARKS_COLUMNS, "maximum", "answer")
PENDING = "pending"


# --- writing files a spreadsheet opens safely ------------------------------------------

def spreadsheet_safe(text: str) -> str:
    """A cell that a spreadsheet shows as text, never runs as a formula.

    >>> spreadsheet_safe("=HYPERLINK(\\"x\\")"), spreadsheet_safe("-1 point"), spreadsheet_safe("p06")
    ('\\'=HYPERLINK("x")', "'-1 point", 'p06')
    """
    text = str(text)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _number_or_safe(value: Any) -> str:
    """Numbers stay numbers (a negative one too); everything else is made safe."""
    text = str(value)
    return text if re.fullmatch(r"-?\d+(\.\d+)?", text) else spreadsheet_safe(text)


def write_table(path: Path, columns: Iterable[str], rows: Iterable[dict[str, Any]]) -> Path:
    """Write a CSV that Excel opens with accents intact (UTF-8 with a byte-order mark).

    >>> path = write_table(Path(__import__("tempfile").mkdtemp()) / "t.csv", ["name"], [{"name": "Zoë"}])
    >>> path.read_bytes()
    b'\\xef\\xbb\\xbfname\\r\\nZo\\xc3\\xab\\r\\n'
    """
    columns = list(columns)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_number_or_safe(row.get(column, "")) for column in columns])
    return path


# --- what the grader found, kept between runs ---------------------------------------------

@dataclass
class Entry:
    """The graded submission of one student for one lesson."""

    student: str
    lesson: str
    run: Run
    modified: float | None = None
    deadline: str = ""
    copies: list[dict[str, Any]] = field(default_factory=list)

    @property
    def late(self) -> bool:
        """Whether the file is newer than the deadline it was graded against.

        >>> run = Run("ada", "01_events", "a.ipynb")
        >>> Entry("ada", "01_events", run, modified=2e9, deadline="2026-03-14T18:00:00+00:00").late
        True
        >>> Entry("ada", "01_events", run, modified=2e9).late
        False
        """
        return bool(self.deadline and self.modified is not None
                    and self.modified > datetime.fromisoformat(self.deadline).timestamp())


def load_results(out: Path) -> list[Entry]:
    """The entries stored under ``<out>/gradebook/``; none before the first grading.

    >>> load_results(Path(__import__("tempfile").mkdtemp()))
    []
    """
    path = out / "gradebook" / RESULTS
    if not path.is_file():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [Entry(e["student"], e["lesson"], Run.from_json(e["run"]), e.get("modified"),
                      e.get("deadline", ""), e.get("copies", [])) for e in data["entries"]]
    except (ValueError, KeyError, TypeError) as error:
        raise OneLineError(f"{path} is damaged ({type(error).__name__}); grade the class again to rebuild it") from None


def save_results(out: Path, entries: list[Entry]) -> Path:
    """Store the entries, replacing the file in one step so a crash cannot leave half of it.

    >>> out = Path(__import__("tempfile").mkdtemp())
    >>> save_results(out, [Entry("ada", "01_events", Run("ada", "01_events", "a.ipynb", problem="no cells"))]).name
    'results.json'
    >>> [(e.student, e.run.problem) for e in load_results(out)]
    [('ada', 'no cells')]
    """
    path = out / "gradebook" / RESULTS
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"note": "What the grader found. Written by the grader: type your marks in marks.csv instead.",
            "entries": [{"student": e.student, "lesson": e.lesson, "run": e.run.to_json(), "modified": e.modified,
                         "deadline": e.deadline, "copies": e.copies} for e in entries]}
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(temporary, path)
    return path


def _modified(path: str) -> float | None:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return None


def merge(entries: list[Entry], runs: list[Run], known: dict[str, Lesson], roster: Roster | None = None,
          deadline: datetime | None = None,
          copies: dict[str, tuple[str, ...]] | None = None) -> tuple[list[Entry], list[Entry]]:
    """Put new runs into the stored entries; return all entries and the new ones.

    Only the students and lessons of the new runs are replaced. When one student handed in
    several files for a lesson (``01_events (1).ipynb``), the newest is graded and the
    others are listed as copies; ``copies`` names more, by the path of the run graded.

    >>> old = [Entry("ada", "01_events", Run("ada", "01_events", "a.ipynb")), Entry("ben", "01_events", Run("ben", "01_events", "b.ipynb"))]
    >>> every, new = merge(old, [Run("ben", "01_events", "b2.ipynb", problem="no cells")], exercise_lessons())
    >>> [(e.student, e.run.path) for e in every]
    [('ada', 'a.ipynb'), ('ben', 'b2.ipynb')]
    """
    groups: dict[tuple[str, str], list[tuple[float | None, Run]]] = {}
    for run in runs:
        lesson = run.lesson if run.lesson in known else lesson_from_name(Path(run.path).stem, list(known)) or ""
        groups.setdefault((identify(run.student, roster), lesson), []).append((_modified(run.path), run))
    previous = {(e.student, e.lesson): e for e in entries}
    new = []
    for (student, lesson), found in groups.items():
        found.sort(key=lambda pair: (pair[0] or 0.0, pair[1].path))
        modified, run = found[-1]
        old = previous.get((student, lesson))
        when = deadline.isoformat() if deadline else (old.deadline if old else "")
        others = [{"file": r.path, "file time": file_time(m)} for m, r in found[:-1]]
        others += [{"file": path, "file time": file_time(_modified(path))} for path in (copies or {}).get(run.path, ())]
        new.append(Entry(student, lesson, run, modified, when, others))
    replaced = {(e.student, e.lesson) for e in new}
    paths = {e.run.path for e in new}
    kept = [e for e in entries if (e.student, e.lesson) not in replaced and not (e.lesson == "" and e.run.path in paths)]
    return kept + new, new


# --- what the teacher typed ----------------------------------------------------------

@dataclass(frozen=True)
class Mark:
    """One row of marks.csv."""

    student: str
    lesson: str
    question: str
    points: float | None
    comment: str
    line: int


def _parse_points(text: str, where: str) -> float | None:
    """Points typed in a spreadsheet: ``2``, ``2.5`` or ``2,5``; blank for a comment only.

    >>> _parse_points("2,5", "x"), _parse_points("", "x")
    (2.5, None)
    >>> _parse_points("two", "marks.csv line 3")
    Traceback (most recent call last):
    ...
    exodus_reader.errors.OneLineError: marks.csv line 3: the points 'two' are not a number
    """
    text = text.strip()
    if not text:
        return None
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise OneLineError(f"{where}: the points {text!r} are not a number") from None


def read_marks(path: Path, known: dict[str, Lesson]) -> list[Mark]:
    """The teacher's marks, checked against the lessons; a wrong row is named in one line.

    >>> folder = Path(__import__("tempfile").mkdtemp())
    >>> _ = (folder / "marks.csv").write_text("student,lesson,question,points,comment\\nada,,events_how_resolved,2,Good.\\n")
    >>> read_marks(folder / "marks.csv", exercise_lessons())
    [Mark(student='ada', lesson='01_events', question='events_how_resolved', points=2.0, comment='Good.', line=2)]
    >>> _ = (folder / "marks.csv").write_text("student,question,points\\nada,events_how_resolved,40\\n")
    >>> read_marks(folder / "marks.csv", exercise_lessons())
    Traceback (most recent call last):
    ...
    exodus_reader.errors.OneLineError: marks.csv line 2: 40 points for events_how_resolved, which is worth ...
    """
    if not path.is_file():
        return []
    rows = read_table(path)
    if rows and not {"student", "question", "points"} <= set(rows[0]):
        raise OneLineError(f"{path.name} needs the columns {', '.join(MARKS_COLUMNS)}")
    owner = {q.grade_id: lesson for lesson in known.values() for q in lesson.questions}
    marks = []
    for row in rows:
        where = f"{path.name} line {row['_line']}"
        question, lesson_name = row.get("question", ""), row.get("lesson", "")
        points = _parse_points(row.get("points", ""), where)
        if not row.get("student"):
            raise OneLineError(f"{where}: the student is missing")
        if question:
            if question not in owner:
                raise OneLineError(f"{where}: there is no question {question!r}")
            lesson = owner[question]
            if lesson_name and lesson_name != lesson.name:
                raise OneLineError(f"{where}: {question} belongs to {lesson.name}, not {lesson_name}")
            maximum = lesson.question(question).points
            if points is not None and not 0 <= points <= maximum:
                raise OneLineError(f"{where}: {points_text(points)} points for {question}, "
                                   f"which is worth {points_text(maximum)}")
            lesson_name = lesson.name
        elif lesson_name not in known:
            raise OneLineError(f"{where}: give a question, or a lesson ({', '.join(known)}) for a comment on it")
        elif points is not None:
            raise OneLineError(f"{where}: points belong to a question; a row without one holds only a comment")
        marks.append(Mark(row["student"], lesson_name, question, points, row.get("comment", ""), int(row["_line"])))
    return marks


# --- the merged gradebook --------------------------------------------------------------

@dataclass
class LessonResult:
    """One student's result for one lesson."""

    auto: float = 0.0
    written: float = 0.0
    pending: int = 0
    maximum: float = 0.0
    status: str = "not submitted"
    submitted: bool = False
    late: bool = False
    comment: str = ""

    @property
    def total(self) -> float:
        """The points so far: checked automatically and marked by the teacher.

        >>> LessonResult(auto=2.0, written=1.5).total
        3.5
        """
        return self.auto + self.written

    @property
    def complete(self) -> bool:
        """Submitted, and every written answer marked.

        >>> LessonResult(submitted=True).complete, LessonResult(submitted=True, pending=1).complete
        (True, False)
        """
        return self.submitted and not self.pending


@dataclass
class Book:
    """Everything the files are written from."""

    lessons: list[str]
    students: list[str]
    names: dict[str, str]
    rows: list[dict[str, str]]
    results: dict[tuple[str, str], LessonResult]
    entries: dict[tuple[str, str], Entry]
    roster: Roster | None
    warnings: list[str] = field(default_factory=list)

    def totals(self, student: str) -> LessonResult:
        """A student's results over every lesson graded so far.

        >>> entry = Entry("ada", "01_events", Run("ada", "01_events", "a.ipynb", problem="no cells"))
        >>> mark = Mark("ada", "01_events", "events_wednesday", 1.0, "", 2)
        >>> build([entry], [mark], exercise_lessons()).totals("ada").total
        1.0
        """
        total = LessonResult()
        for lesson in self.lessons:
            r = self.results[(student, lesson)]
            total.auto += r.auto
            total.written += r.written
            total.pending += r.pending
            total.maximum += r.maximum
        return total


def build(entries: list[Entry], marks: list[Mark], known: dict[str, Lesson], roster: Roster | None = None) -> Book:
    """Merge the grader's entries with the teacher's marks.

    >>> book = build([Entry("ada", "01_events", Run("ada", "01_events", "a.ipynb", problem="no cells"))],
    ...              [Mark("ada", "01_events", "events_wednesday", 1.0, "Seen on paper.", 2)], exercise_lessons())
    >>> book.rows[0]["points"], book.rows[0]["status"], book.results[("ada", "01_events")].total
    ('1', 'changed by teacher', 1.0)
    """
    order = {name: i for i, name in enumerate(known)}
    used = sorted({e.lesson for e in entries if e.lesson in known}, key=order.__getitem__)
    on_roster = [s.id for s in roster.students] if roster else []
    others = sorted({e.student for e in entries} - set(on_roster), key=str.casefold)
    students = on_roster + others
    names = {s: (roster.get(s).name if roster and roster.get(s) else s) for s in students}
    by_key = {(e.student, e.lesson): e for e in entries}
    book = Book(used, students, names, [], {}, by_key, roster)

    typed: dict[tuple[str, str, str], Mark] = {}
    for mark in marks:
        if mark.points is None and not mark.comment:
            continue  # a row copied from to_mark.csv and not filled in yet
        student = resolve_student(mark.student, students, roster)
        if student is None or (student, mark.lesson) not in by_key:
            book.warnings.append(f"{MARKS} line {mark.line}: no graded {mark.lesson} from {mark.student!r} yet; "
                                 "the mark is kept and counts once that notebook is graded")
            continue
        typed[(student, mark.lesson, mark.question)] = mark

    for student in students:
        for lesson_name in used:
            lesson = known[lesson_name]
            result = LessonResult(maximum=sum(q.points for q in lesson.questions))
            book.results[(student, lesson_name)] = result
            entry = by_key.get((student, lesson_name))
            if entry is None:
                continue
            result.submitted, result.late = True, entry.late
            lesson_comment = typed.get((student, lesson_name, ""))
            result.comment = lesson_comment.comment if lesson_comment else ""
            for row in grade_rows(entry.run, known):
                q = lesson.question(row["question"])
                mark = typed.get((student, lesson_name, q.grade_id))
                row = {**row, "student": student, "lesson": lesson_name, "comment": mark.comment if mark else ""}
                if mark and mark.points is not None:
                    row["status"] = "marked by teacher" if q.written else "changed by teacher"
                    row["points"] = points_text(mark.points)
                if row["points"] == "":
                    result.pending += 1
                elif q.written:
                    result.written += float(row["points"])
                else:
                    result.auto += float(row["points"])
                book.rows.append(row)
            result.status = (entry.run.problem or (f"{result.pending} written mark{'s' if result.pending != 1 else ''} "
                                                   "pending" if result.pending else "complete"))
    for entry in entries:  # notebooks whose lesson nobody could tell
        if entry.lesson not in known:
            for row in grade_rows(entry.run, known):
                book.rows.append({**row, "student": entry.student, "lesson": "", "comment": ""})
    return book


# --- the files ------------------------------------------------------------------------

def summary_columns(book: Book) -> list[str]:
    """The columns of summary.csv for the lessons graded so far.

    >>> summary_columns(Book(["01_events"], [], {}, [], {}, {}, None))
    ['student', 'name', '01_events points', '01_events status', 'auto points', 'written points', 'total', 'maximum']
    """
    per_lesson = [f"{lesson} {what}" for lesson in book.lessons for what in ("points", "status")]
    return ["student", "name", *per_lesson, "auto points", "written points", "total", "maximum"]


def summary_rows(book: Book) -> list[dict[str, str]]:
    """One row per student: every roster student, then anyone else who handed something in.

    >>> entry = Entry("ada", "01_events", Run("ada", "01_events", "a.ipynb", problem="no cells"))
    >>> row = summary_rows(build([entry], [], exercise_lessons()))[0]
    >>> row["student"], row["01_events points"], row["01_events status"]
    ('ada', '0', 'no cells')
    """
    rows = []
    for student in book.students:
        row = {"student": student, "name": book.names[student]}
        for lesson in book.lessons:
            r = book.results[(student, lesson)]
            row[f"{lesson} points"] = points_text(r.total) if r.submitted else ""
            row[f"{lesson} status"] = r.status + (", late" if r.late else "")
        total = book.totals(student)
        row.update({"auto points": points_text(total.auto),
                    "written points": PENDING if total.pending else points_text(total.written),
                    "total": points_text(total.total), "maximum": points_text(total.maximum)})
        rows.append(row)
    return rows


def class_list_rows(book: Book) -> list[dict[str, str]]:
    """Per student and lesson: the file, its time, and on time, late, missing or copied.

    >>> entries = [Entry("ada", "01_events", Run("ada", "01_events", "a.ipynb", problem="no cells"))]
    >>> from exodus_reader.grading.roster import Student
    >>> roster = Roster([Student("s01", "Ben Okafor")])
    >>> [(row["student"], row["status"]) for row in class_list_rows(build(entries, [], exercise_lessons(), roster))]
    [('s01', 'missing'), ('ada', 'handed in, not on the roster')]
    """
    rows = []
    on_roster = {s.id for s in book.roster.students} if book.roster else None
    for student in book.students:
        for lesson in book.lessons:
            entry = book.entries.get((student, lesson))
            row = {"student": student, "name": book.names[student], "lesson": lesson}
            if entry is None:
                row["status"] = "missing"
            else:
                status = "late" if entry.late else ("on time" if entry.deadline else "handed in")
                if on_roster is not None and student not in on_roster:
                    status += ", not on the roster"
                if entry.copies:
                    status += f", {len(entry.copies) + 1} copies: the newest was graded"
                row.update(status=status, file=entry.run.path, deadline=_short(entry.deadline),
                           copies="; ".join(f"{c['file']} ({c['file time']})" for c in entry.copies))
                row["file time"] = file_time(entry.modified)
            rows.append(row)
    return rows


def _short(iso: str) -> str:
    return datetime.fromisoformat(iso).strftime("%Y-%m-%d %H:%M") if iso else ""


def feedback_names(students: Iterable[str]) -> dict[str, str]:
    """A safe, short, unique file name for each student's feedback.

    >>> feedback_names(["ada b", "ada_b", "=cmd", "x" * 300])["ada b"] != feedback_names(["ada b", "ada_b"])["ada_b"]
    True
    >>> max(len(name) for name in feedback_names(["x" * 300]).values()) <= 90
    True
    """
    names: dict[str, str] = {}
    wanted: dict[str, list[str]] = {}
    for student in dict.fromkeys(students):
        safe = re.sub(r"[^\w.-]+", "_", student).strip("._")[:60] or "student"
        wanted.setdefault(safe.lower(), []).append(student)
    for safe, owners in wanted.items():
        for student in owners:
            base = re.sub(r"[^\w.-]+", "_", student).strip("._")[:60] or "student"
            clash = len(owners) > 1 or len(student) > 60 or base != student
            tag = "-" + hashlib.sha256(student.encode()).hexdigest()[:8] if clash and base != student else ""
            names[student] = f"{base}{tag}.md"
    return names


def feedback_markdown(student: str, book: Book, known: dict[str, Lesson]) -> str:
    """A student's feedback file: checked answers, written marks and comments, and totals.

    >>> entry = Entry("ada", "01_events", Run("ada", "01_events", "a.ipynb", problem="no cells", detail="the notebook has no cells."))
    >>> print(feedback_markdown("ada", build([entry], [], exercise_lessons()), exercise_lessons()))
    # Feedback for ada
    <BLANKLINE>
    ## 01_events
    <BLANKLINE>
    Not graded: the notebook has no cells.
    <BLANKLINE>
    """
    lines = [f"# Feedback for {book.names[student]}", ""]
    for lesson_name in book.lessons:
        lesson, result = known[lesson_name], book.results[(student, lesson_name)]
        entry = book.entries.get((student, lesson_name))
        if entry is None:
            lines += [f"## {lesson_name}", "", "No notebook handed in yet.", ""]
            continue
        mine = {r["question"]: r for r in book.rows if r["student"] == student and r["lesson"] == lesson_name}
        written = [q for q in lesson.questions if q.written]
        if entry.run.problem and not any(r["comment"] or "teacher" in r["status"] for r in mine.values()):
            lines += [f"## {lesson_name}", "", f"Not graded: {entry.run.detail}"]
            written = []
        else:
            checked = [q for q in lesson.questions if not q.written]
            lines += [f"## {lesson_name}: {points_text(result.auto)} of {points_text(sum(q.points for q in checked))} "
                      "points checked automatically", ""]
            for q in lesson.questions:
                row = mine[q.grade_id]
                lines.append(f"- Question {q.number} ({q.grade_id}, {points_text(q.points)} "
                             f"point{'s' if q.points != 1 else ''}): {_line_for(row)}")
            lines += [f"- Also: {note}" for note in entry.run.other]
        if written:
            possible = points_text(sum(q.points for q in written))
            lines.append("")
            if result.pending:
                lines.append(f"Written answers: not all marked yet. So far {points_text(result.total)} of "
                             f"{points_text(result.maximum)} points.")
            else:
                lines.append(f"Written answers: {points_text(result.written)} of {possible} points. "
                             f"Total: {points_text(result.total)} of {points_text(result.maximum)} points.")
        if result.comment:
            lines.append(f"Your teacher says: {result.comment}")
        if entry.late:
            lines.append(f"Handed in after the deadline ({_short(entry.deadline)}): the file is from "
                         f"{file_time(entry.modified)}.")
        lines.append("")
    return "\n".join(lines)


def _line_for(row: dict[str, str]) -> str:
    """What a student reads about one question, with the teacher's mark and comment."""
    said = f" {row['comment']}" if row["comment"] else ""
    if row["status"] in ("marked by teacher", "changed by teacher"):
        return f"{row['points']} of {row['maximum']} points from your teacher.{said}"
    return verdict_line(row["status"], row["feedback"]) + said


def notes(book: Book) -> list[str]:
    """What a teacher should look at after grading, one line per kind of thing.

    >>> notes(build([Entry("ada", "01_events", Run("ada", "01_events", "a.ipynb", problem="no cells"))], [], exercise_lessons()))
    []
    """
    lines = list(book.warnings)
    waiting = sum(1 for r in book.rows if r["points"] == "" and r["status"] == WRITTEN_WAITING)
    if waiting:
        lines.append(f"{waiting} written answer{'s' if waiting != 1 else ''} to mark: see gradebook/to_mark.csv")
    kinds: dict[str, list[str]] = {"missing": [], "late": [], "copies": [], "not on the roster": []}
    for row in class_list_rows(book):
        who = f"{row['name']} ({row['lesson']})"
        if row["status"] == "missing":
            kinds["missing"].append(who)
        if row["status"].startswith("late"):
            kinds["late"].append(f"{row['name']} ({row['lesson']}, {row['file time']})")
        if "copies" in row["status"]:
            kinds["copies"].append(who)
        if "not on the roster" in row["status"]:
            kinds["not on the roster"].append(who)
    lines += [f"{kind}: {', '.join(names)}" for kind, names in kinds.items() if names]
    return lines


def rebuild(out: Path, known: dict[str, Lesson], roster: Roster | None = None) -> Book:
    """Write every gradebook file and feedback file from results.json and marks.csv.

    >>> book = rebuild(Path(__import__("tempfile").mkdtemp()), exercise_lessons())
    >>> book.students, book.warnings
    ([], [])
    """
    folder = out / "gradebook"
    book = build(load_results(out), read_marks(folder / MARKS, known), known, roster)
    write_table(folder / "gradebook.csv", GRADEBOOK_COLUMNS, book.rows)
    write_table(folder / "summary.csv", summary_columns(book), summary_rows(book))
    write_table(folder / "class_list.csv", CLASS_LIST_COLUMNS, class_list_rows(book))
    waiting = [{**r, "points": "", "answer": r["feedback"]} for r in book.rows
               if r["points"] == "" and r["status"] == WRITTEN_WAITING]
    write_table(folder / "to_mark.csv", TO_MARK_COLUMNS, waiting)
    feedback = out / "feedback"
    feedback.mkdir(parents=True, exist_ok=True)
    names = feedback_names(book.students)
    for student in book.students:
        (feedback / names[student]).write_text(feedback_markdown(student, book, known), encoding="utf-8")
    return book


def rebuild_class(out: Path, roster: Path | None = None) -> Book:
    """Rebuild every file under ``out`` for the lessons in ``exercises/`` and the class's roster
    (``roster.csv`` in ``out`` unless another is named), as ``feedback``, ``export`` and ``grade`` do.

    >>> rebuild_class(Path(__import__("tempfile").mkdtemp())).students
    []
    """
    return rebuild(out, exercise_lessons(), load_roster(out, roster))


def print_notes(book: Book) -> None:
    """Print :func:`notes`, one indented line each, under the line that says what was written.

    >>> print_notes(Book([], [], {}, [], {}, {}, None, warnings=["marks.csv line 3: no graded 01_events yet"]))
      marks.csv line 3: no graded 01_events yet
    """
    for line in notes(book):
        print(f"  {line}")


def record(runs: list[Run], known: dict[str, Lesson], out: Path, roster: Roster | None = None,
           deadline: datetime | None = None,
           copies: dict[str, tuple[str, ...]] | None = None) -> tuple[Path, list[dict[str, str]]]:
    """Store new runs beside the earlier ones, rebuild every file; return the gradebook and the new rows.

    >>> out = Path(__import__("tempfile").mkdtemp())
    >>> book, rows = record([Run("ada", "01_events", "a.ipynb", problem="no cells")], exercise_lessons(), out)
    >>> book.name, {row["status"] for row in rows}, (out / "feedback" / "ada.md").is_file()
    ('gradebook.csv', {'no cells'}, True)
    """
    entries, new = merge(load_results(out), runs, known, roster, deadline, copies)
    save_results(out, entries)
    book = rebuild(out, known, roster)
    fresh = {(e.student, e.lesson) for e in new}
    return out / "gradebook" / "gradebook.csv", [r for r in book.rows if (r["student"], r["lesson"]) in fresh]
