"""Grading a class of 30, and one student's self-check, against plain nbval and nbgrader.

The class is built from the test corpus's helpers (tests/test_grade.py, exercise_cases.py),
so it cannot drift from the exercises: 30 students hand in lesson 01_events, answering each
question right, wrong, with one of its known misconceptions, or with a wrong type of value.
No notebook hangs or kills its kernel. In the same run, each command in its own process,
as a teacher or a student would type it (the set-up of the nbgrader course is not timed):

- ``pytest --nbval-lax`` on the 30 notebooks, one after the other: the baseline; and
  ``pytest -n CORES --dist loadfile --nbval-lax``, for comparison;
- ``python -m exodus_reader grade submissions``: sealed off with bubblewrap and one job
  per core, its defaults; it also reads every answer out of its kernel, checks it, and
  writes the gradebook and the feedback. Target: at most 1.2x plain nbval;
- ``nbgrader autograde 01_events`` on the same 30 submissions, in a course folder made in
  a temporary directory from solutions/ with ``nbgrader generate_assignment``. Target:
  the grader is faster;
- ``python -m exodus_reader self-check NB`` against ``nbgrader validate NB`` on one student's
  notebook. Target: at most 0.6x.

Not part of the test suite. Each figure is the median of the repeats:

    python benchmarks/grading.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import nbformat  # noqa: E402

from exercise_cases import CASES  # noqa: E402  (the answers are defined once, with the tests)
from exodus_reader.exercises.layout import exercise_lessons  # noqa: E402
from test_grade import filled, solution_code  # noqa: E402

# as in an activated environment: nbgrader calls its own tools (alembic) by name
os.environ["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])

LESSON = "01_events"
STUDENTS = 30
#: How a student answers a question. Students 1 to 5 answer every question the same way;
#: the others mix the five.
KINDS = ("right", "wrong", "first misconception", "second misconception", "wrong type")


def answers(student: int) -> dict[str, str]:
    """The answer cells of one student (numbered from 0), by question.

    >>> answers(0) == solution_code(LESSON)
    True
    >>> answers(1)["events_wednesday"]
    'date(2022, 9, 23)'
    """
    right = solution_code(LESSON)
    chosen = {}
    for number, question in enumerate(exercise_lessons()[LESSON].questions):
        kind = KINDS[(student + number * (student // len(KINDS))) % len(KINDS)]
        if kind == "right":
            chosen[question.grade_id] = right[question.grade_id]
        elif question.written:
            chosen[question.grade_id] = "I do not know." if kind == "wrong" else "A short answer."
        else:
            case = CASES[question.grade_id]
            tried = {"wrong": case.wrong, "wrong type": case.wrong_type,
                     "first misconception": case.misconceptions[0], "second misconception": case.misconceptions[-1]}
            chosen[question.grade_id] = tried[kind][0]
    return chosen


def build_class(folder: Path) -> list[str]:
    """Write submissions/<student>/01_events.ipynb for every student; return the names."""
    names = [f"student{n + 1:02d}" for n in range(STUDENTS)]
    for number, name in enumerate(names):
        (folder / name).mkdir(parents=True)
        nbformat.write(filled(LESSON, answers(number)), folder / name / f"{LESSON}.ipynb")
    return names


def build_course(course: Path, submissions: Path, names: list[str]) -> None:
    """An nbgrader course folder: the solution as source, released, and the class's submissions."""
    course.mkdir(parents=True)
    (course / "nbgrader_config.py").write_text(f"c = get_config()\nc.CourseDirectory.root = {str(course)!r}\n",
                                               encoding="utf-8")
    (course / "source" / LESSON).mkdir(parents=True)
    shutil.copy(ROOT / "solutions" / f"{LESSON}.ipynb", course / "source" / LESSON / f"{LESSON}.ipynb")
    run([sys.executable, "-m", "nbgrader", "generate_assignment", LESSON], course, "nbgrader generate_assignment")
    for name in names:
        (course / "submitted" / name / LESSON).mkdir(parents=True)
        shutil.copy(submissions / name / f"{LESSON}.ipynb", course / "submitted" / name / LESSON / f"{LESSON}.ipynb")


def run(command: list[str], cwd: Path, name: str) -> subprocess.CompletedProcess[str]:
    """Run a set-up step; stop with its last lines of output if it fails."""
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    if done.returncode:
        sys.exit(f"{name} failed: {(done.stdout + done.stderr).strip().splitlines()[-5:]}")
    return done


@dataclass
class Command:
    """One command to time, where it runs, and how to tell that it did the whole job."""
    name: str
    argv: list[str]
    cwd: Path
    did_the_work: Callable[[subprocess.CompletedProcess[str]], str]  # "" or what went wrong
    before: Callable[[], None] | None = None  # undoes the last run's files, untimed


def timed(command: Command) -> float:
    """Seconds one command takes; exits with a message if it did not do the whole job."""
    if command.before:
        command.before()
    started = time.perf_counter()
    done = subprocess.run(command.argv, cwd=command.cwd, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    problem = command.did_the_work(done)
    if problem:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-5:])
        sys.exit(f"{command.name}: {problem}\n{tail}")
    return seconds


def pytest_ran(done: subprocess.CompletedProcess[str]) -> str:
    """"" if pytest ran every notebook, whether or not some cells raised."""
    # 0: every cell ran; 1: some cells raised (nbval-lax fails a cell that raises)
    return "" if done.returncode in (0, 1) and " in " in done.stdout else f"pytest exited with {done.returncode}"


def gradebook_has(out: Path, names: list[str]) -> Callable[[subprocess.CompletedProcess[str]], str]:
    """A test that the gradebook under ``out`` has a row for every student."""
    def check(done: subprocess.CompletedProcess[str]) -> str:
        book = out / "gradebook" / "gradebook.csv"
        if not book.is_file():
            return f"no gradebook (exit status {done.returncode})"
        with book.open(encoding="utf-8-sig", newline="") as handle:
            graded = {row["student"] for row in csv.DictReader(handle)}
        return "" if graded == set(names) else f"the gradebook has {len(graded)} of {len(names)} students"
    return check


def autograded(course: Path, names: list[str]) -> Callable[[subprocess.CompletedProcess[str]], str]:
    """A test that nbgrader wrote an autograded notebook for every student."""
    def check(done: subprocess.CompletedProcess[str]) -> str:
        found = list((course / "autograded").glob(f"*/{LESSON}/{LESSON}.ipynb"))
        return "" if len(found) == len(names) else f"{len(found)} of {len(names)} notebooks autograded"
    return check


def exited(*statuses: int) -> Callable[[subprocess.CompletedProcess[str]], str]:
    """A test that the command ended with one of these exit statuses."""
    def check(done: subprocess.CompletedProcess[str]) -> str:
        return "" if done.returncode in statuses else f"exit status {done.returncode}"
    return check


def commands(scratch: Path, cores: int) -> tuple[list[Command], list[Command], int]:
    """The class commands and the self-check commands, baselines first, and the class size."""
    submissions, out, course = scratch / "submissions", scratch / "results", scratch / "course"
    names = build_class(submissions)
    build_course(course, submissions, names)
    notebooks = sorted(str(p) for p in submissions.rglob("*.ipynb"))
    nbval = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts=", "--nbval-lax",
             "--nbval-current-env", "--rootdir", str(submissions)]
    fresh_out = lambda: shutil.rmtree(out, ignore_errors=True)  # noqa: E731  (a first grading, not a resumed one)
    fresh_course = lambda: shutil.rmtree(course / "autograded", ignore_errors=True)  # noqa: E731
    grading = [
        Command(f"plain nbval (pytest --nbval-lax), {len(names)} notebooks", nbval + notebooks, ROOT, pytest_ran),
        Command(f"plain nbval, pytest -n {cores} --dist loadfile", nbval + ["-n", str(cores), "--dist", "loadfile"]
                + notebooks, ROOT, pytest_ran),
        Command(f"exodus_reader grade, sealed, {cores} jobs (default)",
                [sys.executable, "-m", "exodus_reader", "grade", str(submissions), "--out", str(out)], ROOT,
                gradebook_has(out, names), fresh_out),
        Command(f"nbgrader autograde, the same {len(names)} submissions",
                [sys.executable, "-m", "nbgrader", "autograde", LESSON], course, autograded(course, names), fresh_course),
    ]
    # one student's finished notebook, in two folders so that neither command sees the other's files
    mine = {tool: scratch / tool / f"{LESSON}.ipynb" for tool in ("validate", "check")}
    for path in mine.values():
        path.parent.mkdir()
        shutil.copy(submissions / names[0] / f"{LESSON}.ipynb", path)
    self_check = [
        Command("nbgrader validate, one notebook", [sys.executable, "-m", "nbgrader", "validate", str(mine["validate"])],
                mine["validate"].parent, exited(0, 1)),
        Command("exodus_reader self-check, one notebook (sealed)",
                [sys.executable, "-m", "exodus_reader", "self-check", str(mine["check"])], mine["check"].parent, exited(0)),
    ]
    return grading, self_check, len(names)


def rows(repeat: int = 1) -> list[list[str]]:
    """Table rows (measure, value, ratio, target) for benchmarks/run.py, measured now."""
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        grading, self_check, _ = commands(Path(tmp), cores)
        seconds = {c.name: statistics.median(timed(c) for _ in range(repeat)) for c in grading + self_check}
    nbval, nbgrader, validate = (seconds[c.name] for c in (grading[0], grading[3], self_check[0]))
    grade, check = seconds[grading[2].name], seconds[self_check[1].name]
    table = [[grading[0].name, f"{nbval:.1f} s", "1.00", "baseline"],
             [grading[1].name, f"{seconds[grading[1].name]:.1f} s", f"{seconds[grading[1].name] / nbval:.2f}",
              "for comparison"],
             [grading[2].name, f"{grade:.1f} s", f"{grade / nbval:.2f}",
              f"{'ok' if grade <= 1.2 * nbval else 'over 1.2'}; {grade / nbgrader:.2f}x nbgrader "
              f"({'ok' if grade < nbgrader else 'not faster'})"],
             [grading[3].name, f"{nbgrader:.1f} s", f"{nbgrader / nbval:.2f}", "second baseline"],
             [self_check[0].name, f"{validate:.1f} s", "1.00", "baseline"],
             [self_check[1].name, f"{check:.1f} s", f"{check / validate:.2f}",
              "ok" if check <= 0.6 * validate else "over 0.6"]]
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs of each command; the median is shown")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from run import machine, print_table

    print(machine())
    print_table(rows(args.repeat))
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
