"""The classroom grader: a folder of submitted notebooks in, a gradebook and feedback out.

``python -m exodus_reader grade submissions/`` grades every notebook in the folder:

- ``submissions/<student>/<lesson>.ipynb``: one folder per student, notebooks named as in
  ``exercises/`` (``01_events.ipynb``...); nbgrader's ``submitted/<student>/<assignment>/``
  layout works too;
- ``submissions/<student>.ipynb``: one notebook per student, all for the lesson given with
  ``--lesson 01_events`` (or recognised by its cells).

Each submission runs in a fresh kernel of its own, with a time limit per cell, and
submissions run in parallel over the machine's cores. The grade never comes from the
student's notebook: the grader runs the student's code, reads each answer out of the
kernel as plain data (see :mod:`exodus_reader.exercises.transport`) at the place where its check
cell stands, and applies its own checks (:mod:`exodus_reader.exercises.verdicts`, through
:mod:`exodus_reader.grading.results`) in its own process. Editing, deleting or redefining a
check, or changing ``exodus_reader`` inside the kernel, changes nothing. Points come from the
teacher's copy in ``exercises/``.

It adds the results to the gradebook under ``gradebook/`` and writes
``feedback/<student>.md`` (see :mod:`exodus_reader.grading.gradebook`, which keeps the teacher's
marks apart), and lists every file of the folder in ``gradebook/files.csv``. A submission that is not valid JSON, has no
cells, loops forever, stops its kernel, prints megabytes or raises still gets its rows,
with a status that says what happened.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ..exercises.layout import (
    Lesson,
    Located,
    Question,
    cell_source,
    exercise_lessons,
    guess_lesson,
    locate,
)
from ..exercises.runner import (
    Limits,
    Step,
    reading_code,
    run_submission,
    sandbox_problem,
    stop_all,
)
from ..paths import EXERCISES
from ..errors import OneLineError
from .gradebook import print_notes, rebuild_class, record, write_table
from .results import Answer, Run
from .roster import identify, load_roster, parse_deadline, resolve_student
from .submissions import (
    FILE_COLUMNS,
    FileRow,
    Task,
    Unreadable,
    read_bytes_safely,
    read_cells,
    survey,
)

#: Output a cell may print before the grader mentions it; the grader keeps none of it.
MAX_OUTPUT = 1_000_000


def plan(cells: list, lesson: Lesson, located: Located) -> list[Step]:
    """The code to run for one submission, in order.

    The lesson's own set-up first; then every code cell of the student's, except the
    set-up and the checks; at each check cell, reading that question's answer. Answers
    whose check cell is gone are read at the end.

    >>> lesson = exercise_lessons()["01_events"]
    >>> cells = read_cells(EXERCISES / "01_events.ipynb")
    >>> steps = plan(cells, lesson, locate(cells, lesson))
    >>> steps[0].trusted, steps[2].source.splitlines()[-1], steps[3].reads
    (True, 'announcement_day = ...', 'events_wednesday')
    """
    owners = {index: qid for qid, index in located.answers.items()}
    checks = {index: qid for qid, index in located.checks.items()}
    steps = [Step(lesson.setup, trusted=True)]
    for index, cell in enumerate(cells):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        if index in checks:
            steps.append(Step(reading_code(lesson.question(checks[index]).variable or ""), reads=checks[index]))
        elif index not in located.setup and index not in located.other_checks and cell_source(cell).strip():
            steps.append(Step(cell_source(cell), owner=owners.get(index)))
    for q in lesson.questions:
        if not q.written and q.grade_id not in located.checks:
            steps.append(Step(reading_code(q.variable or ""), reads=q.grade_id))
    return steps


# --- grading one submission -----------------------------------------------------------

def grade_submission(task: Task, known: dict[str, Lesson], limits: Limits, sealed: bool = True,
                     slot: int = 0) -> Run:
    """Run one submission, sealed off, and collect what it answered; never raises.

    >>> import tempfile
    >>> broken = Path(tempfile.mkdtemp()) / "ada.ipynb"
    >>> _ = broken.write_text("{")
    >>> run = grade_submission(Task("ada", str(broken), "01_events"), exercise_lessons(), Limits())
    >>> run.problem
    'unreadable'
    """
    run = Run(task.student, task.lesson, task.path)
    try:
        cells = read_cells(Path(task.path))
        run.lesson = run.lesson or guess_lesson(cells, known)
        if run.lesson not in known:
            raise Unreadable("unknown lesson", "the grader could not tell which lesson this notebook "
                             "answers; name it with --lesson")
        lesson = known[run.lesson]
        located = locate(cells, lesson)
        _read_written(cells, lesson, located, run)
        steps = plan(cells, lesson, located)
        outcome = run_submission(steps, limits, sealed=sealed, slot=slot)
        if outcome.problem:
            raise Unreadable(outcome.problem, outcome.detail)
        _collect(steps, outcome.reports, lesson, located, run)
    except Unreadable as problem:
        run.problem, run.detail = problem.status, problem.detail
    except Exception as error:  # the grader itself must go on with the next submission
        run.problem, run.detail = "grader error", f"{type(error).__name__}: {error}"[:300]
    return run


def _read_written(cells: list, lesson: Lesson, located: Located, run: Run) -> None:
    for q in lesson.questions:
        if q.written:
            index = located.answers.get(q.grade_id)
            text = cell_source(cells[index]).strip() if index is not None else None
            run.answers[q.grade_id] = Answer(text=text)


def _collect(steps: list[Step], reports: list[dict], lesson: Lesson, located: Located, run: Run) -> None:
    """Turn the step reports into an Answer per question."""
    problems: dict[str, dict] = {}
    for step, report in zip(steps, reports):
        owner = step.owner
        if step.trusted and report["state"] != "ok":
            raise Unreadable("grader error", f"the lesson's set-up failed ({report.get('ename') or report['state']})")
        if report.get("printed", 0) > MAX_OUTPUT:
            what = "the answer cell" if owner else "a cell"
            note = f"Note: {what} printed {report['printed'] / 1e6:.1f} MB of output, which the grader ignored."
            (run.answers.setdefault(owner, Answer()).notes if owner else run.other).append(note)
        if report["state"] in ("error", "timed out", "kernel stopped") and step.reads is None:
            if owner:
                problems[owner] = report
            else:
                run.other.append(_describe_problem(report, "a cell of your own"))
        if step.reads:
            answer = run.answers.setdefault(step.reads, Answer())
            answer.plain = report.get("answer") if report["state"] == "ok" else None
            if answer.plain is None:
                answer.status, answer.detail = _why_missing(report, problems.get(step.reads), lesson.question(step.reads))
            elif answer.plain.get("type") == "undefined":
                answer.plain = None
                answer.status, answer.detail = _why_missing({"state": "ok"}, problems.get(step.reads),
                                                            lesson.question(step.reads))
            elif step.reads in problems:
                answer.notes.append(_describe_problem(problems[step.reads], "the answer cell"))


def _describe_problem(report: dict, what: str) -> str:
    """One sentence on what went wrong in a cell.

    >>> _describe_problem({"state": "error", "ename": "ZeroDivisionError", "evalue": "division by zero"}, "the answer cell")
    'the answer cell raised ZeroDivisionError: division by zero.'
    """
    if report["state"] == "timed out":
        return f"{what} ran too long and was stopped."
    if report["state"] == "kernel stopped":
        return f"{what} stopped the notebook's kernel."
    if report.get("ename") == "SystemExit":
        return f"{what} called sys.exit(), which stops the cell."
    return f"{what} raised {report.get('ename')}: {report.get('evalue')}".rstrip(": ") + "."


def _why_missing(reading: dict, problem: dict | None, question: Question) -> tuple[str, str]:
    """The status and feedback for an answer the grader could not read."""
    if reading["state"] == "kernel stopped" or reading.get("why") == "kernel stopped":
        return "kernel stopped", ("the notebook's kernel stopped (for example through exit() or a crash) "
                                  "before this answer could be read.")
    if reading["state"] == "not run":
        return "timed out", "the notebook ran past the grader's time limit before this answer could be read."
    if problem is not None:
        status = {"timed out": "timed out", "kernel stopped": "kernel stopped"}.get(problem["state"], "error")
        return status, _describe_problem(problem, "the answer cell") + f" {question.variable} has no value."
    if reading["state"] != "ok":
        return "error", "the grader could not read this answer: " + _describe_problem(reading, "reading it")
    return "missing", (f"{question.variable} is not defined: the answer cell seems to be missing, "
                       "or it no longer assigns the answer.")


# --- the whole class ----------------------------------------------------------------

def progress(done: int, total: int, stream: Any = sys.stderr) -> None:
    """A progress bar on one line of a terminal; one line per step elsewhere.

    >>> import io
    >>> out = io.StringIO()
    >>> progress(3, 4, out)
    >>> out.getvalue()
    'grading [#####################.......] 3/4\\n'
    """
    filled = round(28 * done / total) if total else 28
    bar = f"grading [{'#' * filled}{'.' * (28 - filled)}] {done}/{total}"
    if getattr(stream, "isatty", lambda: False)():
        stream.write("\r" + bar + ("\n" if done == total else ""))
    else:
        stream.write(bar + "\n")
    stream.flush()


class Journal:
    """Runs written down as they arrive, so that an interrupted grading run resumes.

    A run is reused only for the same file bytes, lesson, exercise and limits; its
    answers are judged again each time, so a changed answer key always counts.

    >>> import tempfile
    >>> journal = Journal(Path(tempfile.mkdtemp()) / "runs.jsonl")
    >>> journal.add("k", Run("ada", "01_events", "a.ipynb"))
    >>> Journal(journal.path).get("k").student
    'ada'
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.runs: dict[str, Run] = {}
        self.lock = threading.Lock()
        if path.is_file():
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                try:
                    entry = json.loads(line)
                    self.runs[entry["key"]] = Run.from_json(entry["run"])
                except (ValueError, KeyError, TypeError):
                    continue  # a line cut off by an interruption

    def get(self, key: str) -> Run | None:
        """The run written down under a key, or None.

        >>> import tempfile
        >>> Journal(Path(tempfile.mkdtemp()) / "runs.jsonl").get("k") is None
        True
        """
        return self.runs.get(key)

    def add(self, key: str, run: Run) -> None:
        """Write a run down under its key, as one line at the end of the file; safe from several threads.

        >>> import tempfile
        >>> journal = Journal(Path(tempfile.mkdtemp()) / "runs.jsonl")
        >>> journal.add("k", Run("ada", "01_events", "a.ipynb"))
        >>> journal.path.read_text(encoding="utf-8").count("\\n"), journal.get("k").student
        (1, 'ada')
        """
        with self.lock:
            self.runs[key] = run
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps({"key": key, "run": run.to_json()}) + "\n")


def run_key(task: Task, known: dict[str, Lesson], limits: Limits) -> str:
    """What a run depends on: the file's bytes, its lesson, the exercise and the limits.

    >>> task = Task("ada", "nowhere.ipynb", "01_events")
    >>> key = run_key(task, {}, Limits())
    >>> key == run_key(task, {}, Limits()), key == run_key(task, {}, Limits(cell=5))
    (True, False)
    """
    digest = hashlib.sha256()
    try:
        digest.update(read_bytes_safely(Path(task.path)))
    except Unreadable as problem:
        digest.update(problem.status.encode())
    lesson = known.get(task.lesson or "")
    digest.update(repr((task.student, task.lesson, lesson, limits)).encode())
    return digest.hexdigest()


def run_all(tasks: list[Task], known: dict[str, Lesson], limits: Limits, jobs: int | None = None,
            show: Callable[[int, int], None] | None = progress, sealed: bool = True,
            journal: Journal | None = None, deadline: float | None = None,
            arrived: Callable[[Run], None] | None = None) -> list[Run]:
    """Grade submissions, several at once (threads: each waits on its own sealed child).

    A submission whose key is in the journal is not run again. Past the deadline (a
    ``time.monotonic()`` value) no new submission starts; those get a row that says so.
    ``arrived`` is called with each new run as it finishes, one at a time.

    >>> import tempfile
    >>> empty = Path(tempfile.mkdtemp()) / "bo.ipynb"
    >>> _ = empty.write_text('{"cells": []}')
    >>> [run.problem for run in run_all([Task("bo", str(empty), "01_events")], exercise_lessons(), Limits(), show=None)]
    ['no cells']
    """
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(tasks) or 1))
    slots = list(range(jobs))
    slot_lock = threading.Lock()
    done = [0]
    stopping = [False]
    arrive_lock = threading.Lock()

    def grade_one(task: Task) -> Run:
        key = run_key(task, known, limits)
        run = journal.get(key) if journal else None
        if run is None:
            if stopping[0] or (deadline is not None and time.monotonic() > deadline):
                return Run(task.student, task.lesson, task.path, problem="not graded",
                           detail="the whole grading run reached its time limit before this notebook; grade again to resume.")
            with slot_lock:
                slot = slots.pop()
            try:
                run = grade_submission(task, known, limits, sealed=sealed, slot=slot)
            finally:
                with slot_lock:
                    slots.append(slot)
            if journal is not None:
                journal.add(key, run)
            if arrived is not None:
                with arrive_lock:
                    arrived(run)
        with slot_lock:
            done[0] += 1
            if show:
                show(done[0], len(tasks))
        return run

    pool = ThreadPoolExecutor(max_workers=jobs)
    futures = [pool.submit(grade_one, task) for task in tasks]
    try:
        return [future.result() for future in futures]
    except KeyboardInterrupt:
        stopping[0] = True
        pool.shutdown(wait=False, cancel_futures=True)
        stop_all()
        raise Interrupted([f.result() if f.done() and not f.cancelled() and f.exception() is None
                           else Run(t.student, t.lesson, t.path, problem="not graded",
                                    detail="grading was stopped before this notebook; grade again to resume.")
                           for f, t in zip(futures, tasks)]) from None
    finally:
        pool.shutdown(wait=True)


class Interrupted(KeyboardInterrupt):
    """Grading was stopped; ``runs`` holds what was finished and a row for the rest."""

    def __init__(self, runs: list[Run]) -> None:
        super().__init__("grading was stopped")
        self.runs = runs


def write_outputs(runs: list[Run], known: dict[str, Lesson], out: Path, files: list[FileRow] | None = None,
                  roster: Any = None, deadline: Any = None,
                  copies: dict[str, tuple[str, ...]] | None = None) -> tuple[Path, list[dict[str, str]]]:
    """Add the runs to the gradebook under ``out`` and rebuild its files; return the CSV and the new rows.

    Earlier results of other students and lessons, and the teacher's ``marks.csv``, are kept
    (see :mod:`exodus_reader.grading.gradebook`). ``files`` go to ``gradebook/files.csv``.

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> book, rows = write_outputs([Run("ada", "01_events", "ada.ipynb", problem="no cells")], exercise_lessons(), out)
    >>> book.read_text(encoding="utf-8-sig").splitlines()[0], sorted(p.name for p in (out / "feedback").iterdir())
    ('student,lesson,question,points,maximum,status,feedback,comment', ['ada.md'])
    """
    if files is not None:
        write_table(out / "gradebook" / "files.csv", FILE_COLUMNS, (asdict(f) for f in files))
    return record(runs, known, out, roster, deadline, copies)


class NoSandbox(Exception):
    """Grading was asked for where submissions cannot be sealed off."""


def grade_folder(folder: Path, out: Path = Path("."), lesson: str | None = None, jobs: int | None = None,
                 limits: Limits = Limits(), exercises: Path = EXERCISES,
                 show: Callable[[int, int], None] | None = progress, unsealed: bool = False,
                 resume: bool = True, total_seconds: float | None = None, students: Iterable[str] = (),
                 roster: Path | None = None, deadline: str | None = None) -> tuple[Path, list[dict[str, str]]]:
    """Grade every notebook in a folder; write the gradebook and feedback under ``out``.

    The answer key (the exercises and the module's data) is read and checked before any
    submission runs. Each submission runs sealed off (see :mod:`exodus_reader.exercises.runner`);
    where that is impossible, grading stops with a one-line reason unless ``unsealed``.
    ``lesson`` grades one lesson only, ``students`` only those students (names as on the
    roster or in the folder); the gradebook keeps every other result.

    >>> import tempfile
    >>> book, rows = grade_folder(Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp()), show=None)
    >>> book.name, rows
    ('gradebook.csv', [])
    """
    from ..corpus.article import load
    from ..exercises.bank import evaluate  # noqa: F401  (imported now: nothing of the key is read after kernels start)

    known = exercise_lessons(exercises)
    if lesson is not None and lesson not in known:
        raise OneLineError(f"there is no lesson {lesson!r}; the lessons are {', '.join(known)}.")
    load()  # the data, checked against the article's hash, before any student code runs
    problem = sandbox_problem()
    if problem and not unsealed:
        raise NoSandbox(f"{problem}. Grade on Linux with bubblewrap, in a container (see the grading guide), "
                        "or add --unsealed to run submissions unsealed on this machine.")
    when = parse_deadline(deadline) if deadline else None
    class_list = load_roster(out, roster)
    tasks, files = survey(folder, lesson, known)
    if lesson is not None:
        tasks = [t for t in tasks if t.lesson in (None, lesson)]
    if students:
        present = {identify(t.student, class_list) for t in tasks}
        chosen = set()
        for name in students:
            found = resolve_student(name, present, class_list)
            if found is None:
                raise OneLineError(f"no submission from {name} in the folder")
            chosen.add(found)
        tasks = [t for t in tasks if identify(t.student, class_list) in chosen]
    if not resume:
        (out / "gradebook" / "runs.jsonl").unlink(missing_ok=True)
    journal = Journal(out / "gradebook" / "runs.jsonl")
    deadline = time.monotonic() + total_seconds if total_seconds else None
    try:
        # each notebook's rows reach the gradebook as it finishes: a grader killed midway loses nothing done
        copies = {t.path: t.copies for t in tasks if t.copies}
        runs = run_all(tasks, known, limits, jobs, show, sealed=not problem, journal=journal, deadline=deadline,
                       arrived=lambda run: write_outputs([run], known, out, None, class_list, when, copies))
    except Interrupted as stopped:
        _write_with_files(stopped.runs, known, out, folder, files, class_list, when, tasks)
        raise
    return _write_with_files(runs, known, out, folder, files, class_list, when, tasks)


def _write_with_files(runs: list[Run], known: dict[str, Lesson], out: Path, folder: Path, files: list[FileRow],
                      roster: Any, deadline: Any, tasks: list[Task]) -> tuple[Path, list[dict[str, str]]]:
    """Write the outputs, with each file's row telling what became of it."""
    by_path = {run.path: run for run in runs}
    for row in files:
        run = by_path.get(str(folder / row.file))
        if run is not None and run.problem:
            row.status, row.detail = run.problem, run.detail
        if run is not None and not row.lesson:
            row.lesson = run.lesson or ""
    return write_outputs(runs, known, out, files, roster, deadline, {t.path: t.copies for t in tasks if t.copies})


def summary(rows: Iterable[dict[str, str]]) -> str:
    """One line on what the grader found.

    >>> summary([{"student": "ada", "status": "correct"}, {"student": "ada", "status": "needs manual grading"}])
    '1 student, 2 rows: 1 correct, 1 needs manual grading'
    """
    rows = list(rows)
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["status"]] = counts.get(row["status"], 0) + 1
    students = len({row["student"] for row in rows})
    parts = ", ".join(f"{n} {status}" for status, n in sorted(counts.items(), key=lambda kv: -kv[1]))
    return f"{students} student{'s' if students != 1 else ''}, {len(rows)} rows: {parts}"


def files_not_graded(files: Path) -> str:
    """One line on the files in ``files.csv`` that got a row but no grade (a time limit, a stopped run).

    >>> import tempfile
    >>> rows = [{"file": "ada/01_events.ipynb", "status": "not graded"}, {"file": "bo.ipynb", "status": "graded"}]
    >>> files = write_table(Path(tempfile.mkdtemp()) / "files.csv", FILE_COLUMNS, rows)
    >>> files_not_graded(files), files_not_graded(files.with_name("none.csv"))
    ('ada/01_events.ipynb (not graded)', '')
    """
    if not files.is_file():
        return ""
    with files.open(encoding="utf-8-sig") as handle:
        rows = [row for row in csv.DictReader(handle) if row["status"] in ("not graded", "grader error")]
    return ", ".join(f"{row['file']} ({row['status']})" for row in rows[:10]) + (" ..." if len(rows) > 10 else "")


def grade_class(folder: Path, out: Path = Path("."), **options: Any) -> int:
    """Grade a folder as the ``grade`` command does: print what was written and what to look at, and
    return the exit status (0; 3 with no sandbox; 4 when some files got no grade; 130 when stopped).

    ``options`` are :func:`grade_folder`'s. Stopped by Ctrl+C or by the system (SIGTERM), it
    still writes what it has graded. An empty folder runs no kernel:

    >>> import tempfile
    >>> grade_class(Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp()), show=None)
    wrote .../gradebook/ and .../feedback/: nothing graded
    0
    """
    if not folder.is_dir():
        raise OneLineError(f"there is no folder {folder}")
    previous = signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        book, rows = grade_folder(folder, out, **options)
    except NoSandbox as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        print(f"stopped: the gradebook in {out / 'gradebook'} has the notebooks graded so far; "
              "grade again to resume.", file=sys.stderr)
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)
    print(f"wrote {book.parent}/ and {out / 'feedback'}/: {summary(rows) if rows else 'nothing graded'}")
    print_notes(rebuild_class(out, options.get("roster")))
    files = book.with_name("files.csv")
    not_graded = files_not_graded(files)
    if not_graded:
        print(f"not graded: {not_graded} (see {files})", file=sys.stderr)
        return 4
    return 0
