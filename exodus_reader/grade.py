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
kernel as plain data (see :mod:`exodus_reader.answers`) at the place where its check
cell stands, and applies its own checks (:mod:`exodus_reader.checks`) in its own
process. Editing, deleting or redefining a check, or changing ``exodus_reader`` inside
the kernel, changes nothing. Points come from the teacher's copy in ``exercises/``.

It adds the results to the gradebook under ``gradebook/`` and writes
``feedback/<student>.md`` (see :mod:`exodus_reader.gradebook`, which keeps the teacher's
marks apart). A submission that is not valid JSON, has no cells, loops forever, stops its
kernel, prints megabytes or raises still gets its rows, with a status that says what
happened.
"""

from __future__ import annotations

import functools
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat

from .answers import from_plain, kernel_source
from .assign import ROOT, TEXT_STUB
from .questions import Lesson, Located, Question, cell_source, guess_lesson, lessons, locate

#: The mime type under which the kernel hands an answer to the grader.
ANSWER_MIME = "application/vnd.exodus-reader.answer+json"
#: Output a cell may print before the grader mentions it; the grader keeps none of it.
MAX_OUTPUT = 1_000_000
#: Longest written answer copied into the gradebook.
MAX_WRITTEN = 4_000
COLUMNS = ("student", "question", "points", "maximum", "status", "feedback")


# --- running one submission in its own kernel --------------------------------------

@dataclass(frozen=True)
class Step:
    """One piece of code to run: a student's cell, the set-up, or reading an answer."""

    source: str
    owner: str | None = None
    reads: str | None = None
    trusted: bool = False


@dataclass
class Answer:
    """What the grader learned about one question of one submission."""

    plain: dict | None = None
    status: str | None = None
    detail: str = ""
    notes: list[str] = field(default_factory=list)
    text: str | None = None


@dataclass
class Run:
    """The result of running one submission: per question, or one problem for all."""

    student: str
    lesson: str | None
    path: str
    answers: dict[str, Answer] = field(default_factory=dict)
    problem: str | None = None
    detail: str = ""
    other: list[str] = field(default_factory=list)


@functools.lru_cache(maxsize=None)
def reading_code(variable: str) -> str:
    """Code that hands one answer from the kernel to the grader as plain data.

    It runs in a private namespace, so it defines nothing in the student's.

    >>> "publish_display_data" in reading_code("announcement_day")
    True
    """
    program = kernel_source() + (
        "\nfrom IPython.display import publish_display_data\n"
        f"value = user.get({variable!r}, NOT_DEFINED)\n"
        "publish_display_data({MIME: {'type': 'undefined'} if value is NOT_DEFINED else to_plain(value)})\n")
    return (f"(lambda namespace: exec({program!r}, namespace))"
            f"({{'user': globals(), 'NOT_DEFINED': object(), 'MIME': {ANSWER_MIME!r}}})")


def plan(cells: list, lesson: Lesson, located: Located) -> list[Step]:
    """The code to run for one submission, in order.

    The lesson's own set-up first; then every code cell of the student's, except the
    set-up and the checks; at each check cell, reading that question's answer. Answers
    whose check cell is gone are read at the end.

    >>> lesson = lessons()["01_events"]
    >>> cells = nbformat.read(ROOT / "exercises" / "01_events.ipynb", as_version=4).cells
    >>> steps = plan(cells, lesson, locate(cells, lesson))
    >>> steps[0].trusted, steps[2].source, steps[3].reads
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


def _size(content: dict) -> int:
    """About how many bytes one output message carries."""
    if "text" in content:
        return len(content["text"])
    return sum(len(str(value)) for value in content.get("data", {}).values())


def _client_class() -> type:
    """A notebook client that keeps only errors and answers, and counts what is printed."""
    from nbclient import NotebookClient

    class QuietClient(NotebookClient):
        printed: dict[int, int]

        def output(self, outs: list, msg: dict, display_id: str | None, cell_index: int) -> None:
            content = msg["content"]
            if msg["msg_type"] == "error":
                outs.append(nbformat.v4.new_output("error", ename=content.get("ename", ""),
                                                   evalue=content.get("evalue", ""), traceback=[]))
            elif ANSWER_MIME in content.get("data", {}):
                outs.append(nbformat.v4.new_output("display_data", data={ANSWER_MIME: content["data"][ANSWER_MIME]}))
            else:
                self.printed[cell_index] = self.printed.get(cell_index, 0) + _size(content)
            return None

    return QuietClient


@dataclass(frozen=True)
class Limits:
    """How long the grader lets code run."""

    cell: float = 30.0
    setup: float = 120.0
    notebook: float = 600.0


TIMED_OUT = "GraderTimeout"


def execute(steps: list[Step], limits: Limits, folder: Path) -> list[dict]:
    """Run the steps in a fresh kernel and report, for each, what happened.

    Each report has ``state`` (``ok``, ``error``, ``timed out``, ``kernel stopped``,
    ``not run``), the error's name and value, the bytes printed, and the answer read.

    >>> reports = execute([Step("x = 6 * 7"), Step("1 / 0"), Step(reading_code("x"), reads="x")],
    ...                   Limits(cell=10), Path(tempfile.mkdtemp()))
    >>> reports[1]["state"], reports[1]["ename"], reports[2]["answer"]
    ('error', 'ZeroDivisionError', {'type': 'int', 'value': 42})
    """
    client_class = _client_class()
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s.source) for s in steps])
    client = client_class(notebook, timeout=int(limits.setup), kernel_name="python3", allow_errors=True,
                          record_timing=False, interrupt_on_timeout=True, shutdown_kernel="immediate",
                          error_on_timeout={"ename": TIMED_OUT, "evalue": "", "traceback": []},
                          resources={"metadata": {"path": str(folder)}})
    client.printed = {}
    replies: dict[int, dict] = {}
    client.on_cell_executed = lambda cell, cell_index, execute_reply: replies.__setitem__(cell_index, execute_reply)
    reports = [{"state": "not run", "why": "time limit"} for _ in steps]
    deadline = time.monotonic() + limits.notebook
    # the kernel's own start-up warnings would fill the teacher's terminal; the student's output comes by message
    with client.setup_kernel(stderr=subprocess.DEVNULL):
        for index, (step, cell) in enumerate(zip(steps, notebook.cells)):
            if time.monotonic() > deadline or _stuck(reports, index):
                break
            client.timeout = int(limits.setup if step.trusted else limits.cell)
            try:
                client.execute_cell(cell, index, store_history=step.reads is None)
            except Exception as error:  # DeadKernelError, or a kernel that stopped answering
                reports[index] = {"state": "kernel stopped", "detail": type(error).__name__}
                for later in reports[index + 1:]:
                    later["why"] = "kernel stopped"
                break
            reports[index] = _report(cell, replies.get(index, {}), client.printed.get(index, 0))
    return reports


def _stuck(reports: list[dict], index: int) -> bool:
    """Two cells in a row that timed out: the kernel ignores interrupts, so stop."""
    return index >= 2 and all(r["state"] == "timed out" for r in reports[index - 2:index])


def _report(cell: Any, reply: dict, printed: int) -> dict:
    content = reply.get("content", {})
    errors = [o for o in cell.outputs if o.output_type == "error"]
    answers = [o.data[ANSWER_MIME] for o in cell.outputs if o.output_type == "display_data"]
    report: dict[str, Any] = {"state": "ok", "printed": printed, "answer": answers[-1] if answers else None}
    if content.get("ename") == TIMED_OUT:
        report["state"] = "timed out"
    elif errors or content.get("status") == "error":
        error = errors[-1] if errors else content
        report.update(state="error", ename=error.get("ename", ""), evalue=str(error.get("evalue", ""))[:300])
    return report


# --- reading a submission -------------------------------------------------------

class Unreadable(Exception):
    """A submission the grader cannot open as a notebook; the message says why."""

    def __init__(self, status: str, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


def read_cells(path: Path) -> list:
    """The cells of a submitted notebook, or :class:`Unreadable` saying what is wrong.

    >>> read_cells(Path(tempfile.mkdtemp()) / "missing.ipynb")
    Traceback (most recent call last):
    ...
    exodus_reader.grade.Unreadable: the file could not be read (FileNotFoundError)
    """
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise Unreadable("unreadable", f"the file could not be read ({type(error).__name__})") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        where = f" at line {error.lineno}" if isinstance(error, json.JSONDecodeError) else ""
        raise Unreadable("unreadable", f"the file is not valid JSON{where}, so it is not a notebook "
                         "Jupyter can open") from None
    cells = data.get("cells") if isinstance(data, dict) else None
    if not isinstance(cells, list) or not any(isinstance(c, dict) for c in cells):
        raise Unreadable("no cells", "the notebook has no cells: was the wrong file submitted?")
    return [nbformat.from_dict(c) if isinstance(c, dict) else c for c in cells]


# --- grading one submission (runs in a worker process) ------------------------------

@dataclass(frozen=True)
class Task:
    """One submission to grade."""

    student: str
    path: str
    lesson: str | None


def grade_submission(task: Task, known: dict[str, Lesson], limits: Limits) -> Run:
    """Run one submission and collect what it answered; never raises.

    >>> broken = Path(tempfile.mkdtemp()) / "ada.ipynb"
    >>> _ = broken.write_text("{")
    >>> run = grade_submission(Task("ada", str(broken), "01_events"), lessons(), Limits())
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
        with tempfile.TemporaryDirectory(prefix="exodus-grade-") as folder:
            reports = execute(steps, limits, Path(folder))
        _collect(steps, reports, lesson, located, run)
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


# --- the gradebook --------------------------------------------------------------

def _points(value: float) -> str:
    """Points as a teacher writes them.

    >>> _points(1.0), _points(2.5)
    ('1', '2.5')
    """
    return f"{value:g}"


def _one_line(text: str, limit: int = MAX_WRITTEN) -> str:
    """Text on one line, shortened to a limit.

    >>> _one_line("two\\n\\nlines")
    'two lines'
    """
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit] + "\u2026"


def grade_rows(run: Run, known: dict[str, Lesson]) -> list[dict[str, str]]:
    """The gradebook rows for one run: one per question of its lesson.

    >>> run = Run("ada", "01_events", "ada.ipynb", problem="no cells", detail="the notebook has no cells.")
    >>> rows = grade_rows(run, lessons())
    >>> len(rows), rows[0]["question"], rows[0]["points"], rows[0]["maximum"], rows[0]["status"]
    (9, 'events_wednesday', '0', '1', 'no cells')
    """
    from .checks import evaluate

    lesson = known.get(run.lesson or "")
    if lesson is None:
        return [_row(run.student, "", 0, 0, run.problem or "unknown lesson", run.detail)]
    rows = []
    for q in lesson.questions:
        if run.problem:
            rows.append(_row(run.student, q.grade_id, 0, q.points, run.problem, run.detail))
            continue
        answer = run.answers.get(q.grade_id, Answer())
        if q.written:
            text = answer.text or ""
            if not text or text == TEXT_STUB:
                rows.append(_row(run.student, q.grade_id, 0, q.points, "not answered", "no written answer."))
            else:
                rows.append(_row(run.student, q.grade_id, None, q.points, "needs manual grading", _one_line(text)))
            continue
        if answer.plain is None:
            status, message = answer.status or "missing", answer.detail
        else:
            outcome = evaluate(q.grade_id, from_plain(answer.plain))
            status, message = outcome.status, outcome.message
            if status == "not answered":
                message = f"{q.variable} is still ... : the answer cell was left blank."
        feedback = " ".join([message, *answer.notes]).strip()
        rows.append(_row(run.student, q.grade_id, q.points if status == "correct" else 0, q.points, status, feedback))
    return rows


def _row(student: str, question: str, points: float | None, maximum: float, status: str, feedback: str) -> dict:
    return {"student": student, "question": question, "points": "" if points is None else _points(points),
            "maximum": _points(maximum), "status": status, "feedback": feedback}


def feedback_text(student: str, runs: list[Run], rows: list[dict[str, str]], known: dict[str, Lesson]) -> str:
    """A short feedback file for one student, in Markdown.

    >>> run = Run("ada", "01_events", "ada.ipynb", problem="no cells", detail="the notebook has no cells.")
    >>> print(feedback_text("ada", [run], grade_rows(run, lessons()), lessons()))
    # Feedback for ada
    <BLANKLINE>
    ## 01_events
    <BLANKLINE>
    Not graded: the notebook has no cells.
    <BLANKLINE>
    """
    lines = [f"# Feedback for {student}", ""]
    for run in runs:
        lesson = known.get(run.lesson or "")
        mine = [r for r in rows if r["student"] == student and lesson
                and r["question"] in {q.grade_id for q in lesson.questions}]
        title = run.lesson or Path(run.path).name
        if run.problem:
            lines += [f"## {title}", "", f"Not graded: {run.detail}", ""]
            continue
        auto = [r for r in mine if r["status"] not in ("needs manual grading",)]
        scored = sum(float(r["points"] or 0) for r in auto)
        possible = sum(float(r["maximum"]) for r in mine if not lesson.question(r["question"]).written)
        lines += [f"## {title}: {_points(scored)} of {_points(possible)} points checked automatically", ""]
        for r in mine:
            q = lesson.question(r["question"])
            verdict = _verdict(r["status"], r["feedback"])
            lines.append(f"- Question {q.number} ({q.grade_id}, {_points(q.points)} "
                         f"point{'s' if q.points != 1 else ''}): {verdict}")
        lines += [f"- Also: {note}" for note in run.other]
        lines.append("")
    return "\n".join(lines)


def _verdict(status: str, feedback: str) -> str:
    """What a student reads about one question in the feedback file.

    >>> _verdict("misconception", "that is the day the article was published (p06).")
    'not yet right: that is the day the article was published (p06).'
    """
    heading = {"correct": "correct", "needs manual grading": "written answer, for your teacher to grade",
               "misconception": "not yet right", "incorrect": "not yet right",
               "wrong type": "not the kind of answer asked for"}.get(status, status)
    if status in ("correct", "needs manual grading"):
        return heading + "."
    return f"{heading}: {feedback}"


# --- the whole class ----------------------------------------------------------------

def find_submissions(folder: Path, lesson: str | None, known: dict[str, Lesson]) -> list[Task]:
    """Every notebook in a submissions folder, with its student and lesson.

    >>> find_submissions(Path(tempfile.mkdtemp()), None, lessons())
    []
    """
    tasks = []
    for path in sorted(folder.rglob("*.ipynb")):
        parts = path.relative_to(folder).parts
        if any(part.startswith(".") for part in parts):
            continue  # .ipynb_checkpoints and other hidden copies
        if len(parts) == 1:
            tasks.append(Task(path.stem, str(path), lesson))
        else:
            tasks.append(Task(parts[0], str(path), path.stem if path.stem in known else lesson))
    return tasks


def _in_fresh_thread(task: Task, known: dict[str, Lesson], limits: Limits) -> Run:
    """Grade in a new thread, which starts with its own event loop, not the parent's."""
    result: list[Run] = []
    thread = threading.Thread(target=lambda: result.append(grade_submission(task, known, limits)))
    thread.start()
    thread.join()
    return result[0] if result else Run(task.student, task.lesson, task.path, problem="grader error",
                                        detail="the grading thread ended without a result")


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


def run_all(tasks: list[Task], known: dict[str, Lesson], limits: Limits, jobs: int | None = None,
            show: Callable[[int, int], None] | None = progress) -> list[Run]:
    """Grade submissions in parallel, one worker per core; return runs in task order.

    >>> empty = Path(tempfile.mkdtemp()) / "bo.ipynb"
    >>> _ = empty.write_text('{"cells": []}')
    >>> [run.problem for run in run_all([Task("bo", str(empty), "01_events")], lessons(), Limits(), show=None)]
    ['no cells']
    """
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(tasks) or 1))
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    runs: dict[int, Run] = {}
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method)) as pool:
        futures = {pool.submit(_in_fresh_thread, task, known, limits): i for i, task in enumerate(tasks)}
        for future in as_completed(futures):
            i = futures[future]
            try:
                runs[i] = future.result()
            except Exception as error:  # a worker that died: its submission still gets its rows
                task = tasks[i]
                runs[i] = Run(task.student, task.lesson, task.path, problem="grader error",
                              detail=f"the grading process failed ({type(error).__name__})")
            if show:
                show(len(runs), len(tasks))
    return [runs[i] for i in range(len(tasks))]


def write_outputs(runs: list[Run], known: dict[str, Lesson], out: Path, roster: Any = None,
                  deadline: Any = None) -> tuple[Path, list[dict[str, str]]]:
    """Add the runs to the gradebook under ``out`` and rebuild its files; return the CSV and the new rows.

    Earlier results of other students and lessons, and the teacher's ``marks.csv``, are kept
    (see :mod:`exodus_reader.gradebook`). ``roster`` is a :class:`exodus_reader.roster.Roster`,
    ``deadline`` a :class:`datetime.datetime`.

    >>> out = Path(tempfile.mkdtemp())
    >>> book, rows = write_outputs([Run("ada", "01_events", "ada.ipynb", problem="no cells")], lessons(), out)
    >>> book.read_text(encoding="utf-8-sig").splitlines()[0], sorted(p.name for p in (out / "feedback").iterdir())
    ('student,lesson,question,points,maximum,status,feedback,comment', ['ada.md'])
    """
    from .gradebook import record

    return record(runs, known, out, roster, deadline)


def grade_folder(folder: Path, out: Path = Path("."), lesson: str | None = None, jobs: int | None = None,
                 limits: Limits = Limits(), exercises: Path = ROOT / "exercises",
                 show: Callable[[int, int], None] | None = progress) -> tuple[Path, list[dict[str, str]]]:
    """Grade every notebook in a folder; write the gradebook and feedback under ``out``.

    >>> book, rows = grade_folder(Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp()), show=None)
    >>> book.name, rows
    ('gradebook.csv', [])
    """
    known = lessons(exercises)
    if lesson is not None and lesson not in known:
        from .errors import OneLineError

        raise OneLineError(f"there is no lesson {lesson!r}; the lessons are {', '.join(known)}.")
    tasks = find_submissions(folder, lesson, known)
    runs = run_all(tasks, known, limits, jobs, show)
    return write_outputs(runs, known, out)


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
