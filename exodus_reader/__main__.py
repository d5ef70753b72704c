"""One command line for the module: ``python -m exodus_reader <command>``.

Commands:
  validate-data   validate every data file against the article and its rules, and the coverage set
  locate TEXT     print where a piece of text stands in the article (for annotators)
  lab             open JupyterLab on the start notebook (as root too)
  setup-lab       write JupyterLab's classroom settings (no news pop-up, no nbgrader tools;
                  --teacher switches nbgrader's tools on)
  outputs NB...   run notebooks in a fresh kernel and save their outputs
  assign          write exercises/ from solutions/
  copy            copy the exercises into my-exercises/ (your own copies, ignored by git)
  objectives      print which exercise questions assess each objective
  self-check NB   check your own exercise notebook, question by question, as the grader would
  grade FOLDER    grade a folder of submitted notebooks: gradebook and feedback
  feedback        rebuild the gradebook and feedback after typing marks in marks.csv
  export LMS      write the marks for Canvas or Moodle to import
  points LESSON QUESTION POINTS   give a question new points (solutions/ and exercises/)
  site            write the lesson website into _site/ with Jupyter Book 1, from the saved outputs
  links [OWNER/NAME]  print the Binder, Voila and nbgitpuller links of a GitHub copy
  release         write the student release (no solutions, no answer key) into student-release/
  datapackage     write data/datapackage.json and the column tables of the data READMEs from the schemas
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from .errors import OneLineError
from .extras import require_extra
from .paths import require_checkout


# --- the commands: each prints what it did and returns the exit status ------------------------

def validate_data_command(args: argparse.Namespace) -> int:
    """Validate every data file, the coverage set included, and print one line.

    >>> validate_data_command(build_parser().parse_args(["validate-data"]))
    ok: 37 paragraphs, ...
    0
    """
    from .corpus.article import load
    from .corpus.coverage import coverage

    article, sets = load(args.data), coverage(args.data)
    counts = {name: len(getattr(article, name)) for name in
              ("paragraphs", "sources", "quotes", "events", "places", "devices", "numbers", "frames",
               "entman", "verbs", "references")}
    counts |= {f"coverage {name}": len(getattr(sets, name)) for name in ("reports", "claims", "outlets")}
    print("ok: " + ", ".join(f"{n} {name}" for name, n in counts.items()))
    return 0


def locate_command(args: argparse.Namespace) -> int:
    """Print the offsets and paragraph of every place a text stands in the article.

    >>> locate_command(build_parser().parse_args(["locate", "major exodus"]))
    p01	...	'major exodus'
    0
    """
    from .corpus.article import load

    matches = load().search(args.text)
    if not matches:
        print(f"not found: {args.text!r}", file=sys.stderr)
        return 1
    for match in matches:
        print(f"{match.paragraph_id}\t{match.start}\t{match.end}\t{match.text!r}")
    return 0


def datapackage_command(args: argparse.Namespace) -> int:
    """Write the data package and the data READMEs' column tables where they changed.

    >>> import shutil, tempfile
    >>> from exodus_reader.paths import DATA_DIR
    >>> copy = shutil.copytree(DATA_DIR, Path(tempfile.mkdtemp()) / "data")
    >>> datapackage_command(build_parser().parse_args(["datapackage", "--data", str(copy)]))
    .../data/datapackage.json and its READMEs are up to date
    0
    """
    from .corpus.datapackage import write_contract
    from .paths import DATA_DIR

    folder = args.data or DATA_DIR
    changed = write_contract(folder)
    print("\n".join(f"wrote {path}" for path in changed) or f"{folder}/datapackage.json and its READMEs are up to date")
    return 0


def lab_command(args: argparse.Namespace) -> int:
    """Open JupyterLab on the start notebook; it starts a server, so it has no example here."""
    from .delivery.lab import open_lab

    return open_lab()


def setup_lab_command(args: argparse.Namespace) -> int:
    """Write JupyterLab's classroom settings into this environment; that changes the running
    environment, so it has no example here (:func:`exodus_reader.delivery.lab.setup_lab` has one)."""
    from .delivery.lab import setup_lab

    print(f"wrote {setup_lab(teacher=args.teacher)}")
    return 0


def outputs_command(args: argparse.Namespace) -> int:
    """Run notebooks and save their outputs; it starts a kernel for each, so it has no example here
    (``tests/test_lab.py`` runs it)."""
    from .exercises.runner import save_outputs

    for path in args.notebooks:
        print(f"running {path}", flush=True)
        save_outputs(path)
    return 0


def assign_command(args: argparse.Namespace) -> int:
    """Write ``exercises/`` from ``solutions/``; that writes into the repository, so it has no
    example here (:func:`exodus_reader.exercises.assign.assign` has one)."""
    from .exercises.assign import assign

    for path in assign():
        print(f"wrote {path}")
    return 0


def copy_command(args: argparse.Namespace) -> int:
    """Copy the exercises into ``my-exercises/``, never over a student's own copies; that writes
    into the repository, so it has no example here
    (:func:`exodus_reader.exercises.assign.copy_exercises` has one)."""
    from .exercises.assign import copy_exercises

    for path, new in copy_exercises():
        print(f"{'copied' if new else 'kept your copy'} {path}")
    print("Open your copies from that folder; a fresh copy of one exercise: delete yours and run this again.")
    return 0


def objectives_command(args: argparse.Namespace) -> int:
    """Print which exercise questions assess each objective.

    >>> objectives_command(build_parser().parse_args(["objectives"]))
    | objective | exercise questions |
    |---|---|
    | E1 | 01: Q1, Q2, Q3, Q8 |
    ...
    0
    """
    from .exercises.layout import objective_table

    print(objective_table())
    return 0


def points_command(args: argparse.Namespace) -> int:
    """Give a question new points in ``solutions/`` and ``exercises/``.

    >>> points_command(build_parser().parse_args(["points", "01_events", "events_nothing", "2"]))
    Traceback (most recent call last):
    ...
    exodus_reader.errors.OneLineError: 01_events has no question events_nothing
    """
    from .exercises.assign import set_points

    for path in set_points(args.lesson, args.question, args.points):
        print(f"wrote {path}")
    return 0


def self_check_command(args: argparse.Namespace) -> int:
    """Check a student's own exercise notebook, question by question, as the grader would.

    It starts a kernel for the notebook; a file that is not a notebook needs none:

    >>> self_check_command(build_parser().parse_args(["self-check", "nowhere.ipynb"]))
    Traceback (most recent call last):
    ...
    exodus_reader.errors.OneLineError: there is no notebook nowhere.ipynb
    """
    from .grading.selfcheck import self_check

    if not args.notebook.is_file():
        raise OneLineError(f"there is no notebook {args.notebook}")
    report, status = self_check(args.notebook)
    print(report)
    return status


def grade_command(args: argparse.Namespace) -> int:
    """Grade a folder of submitted notebooks (see :func:`exodus_reader.grading.grade.grade_class`).

    >>> import tempfile
    >>> folder, out = tempfile.mkdtemp(), tempfile.mkdtemp()
    >>> grade_command(build_parser().parse_args(["grade", folder, "--out", out, "--unsealed"]))
    wrote .../gradebook/ and .../feedback/: nothing graded
    0
    """
    from .exercises.runner import Limits
    from .grading.grade import grade_class

    return grade_class(args.folder, args.out, lesson=args.lesson, jobs=args.jobs, limits=Limits(cell=args.timeout),
                       unsealed=args.unsealed, resume=not args.fresh, total_seconds=args.total_time,
                       students=args.student, roster=args.roster, deadline=args.deadline)


def feedback_command(args: argparse.Namespace) -> int:
    """Rebuild the gradebook and the feedback files after the teacher typed marks.

    >>> import tempfile
    >>> feedback_command(build_parser().parse_args(["feedback", "--out", tempfile.mkdtemp()]))
    wrote .../gradebook/ and .../feedback/ for 0 students
    0
    """
    from .grading.gradebook import print_notes, rebuild_class

    book = rebuild_class(args.out, args.roster)
    print(f"wrote {args.out / 'gradebook'}/ and {args.out / 'feedback'}/ for {len(book.students)} students")
    print_notes(book)
    return 0


def export_command(args: argparse.Namespace) -> int:
    """Write the marks for a learning platform to import.

    >>> import tempfile
    >>> export_command(build_parser().parse_args(["export", "moodle", "--out", tempfile.mkdtemp()]))
    wrote .../gradebook/moodle.csv: 0 students, 0 lessons
    0
    """
    from .grading.gradebook import rebuild_class
    from .grading.lms import export

    book = rebuild_class(args.out, args.roster)
    path, warnings = export(args.lms, book, args.out)
    for warning in warnings:
        print(f"note: {warning}", file=sys.stderr)
    print(f"wrote {path}: {len(book.students)} student{'s' if len(book.students) != 1 else ''}, "
          f"{len(book.lessons)} lesson{'s' if len(book.lessons) != 1 else ''}")
    return 0


def site_command(args: argparse.Namespace) -> int:
    """Write the lesson website with Jupyter Book 1; it runs a whole Sphinx build, so it has no
    example here (``tests/test_site.py`` builds one)."""
    from .delivery.site import build_site

    pages = build_site(args.out)
    print(f"wrote {len(pages)} pages into {args.out}/: open {pages[0]}")
    return 0


def links_command(args: argparse.Namespace) -> int:
    """Print the launch links of a GitHub copy; with no repository, read it from the git remote.

    >>> links_command(build_parser().parse_args(["links", "my-school/exodus-reader"]))
    Binder badge for the README (opens JupyterLab on the start notebook):
    [![Binder](https://mybinder.org/badge_logo.svg)](https://mybinder.org/v2/gh/my-school/exodus-reader/main?...)
    ...
    0
    """
    from .delivery.links import git_remote, links_text, repository_from_remote

    repository = args.repository
    if repository is None:
        repository = repository_from_remote(git_remote(Path.cwd()))
    print(links_text(repository, args.branch, args.hub))
    return 0


def release_command(args: argparse.Namespace) -> int:
    """Write the student release and print where it went
    (:func:`exodus_reader.delivery.release.write_release` shows one written). Never into the
    module's own folders:

    >>> from exodus_reader.paths import NOTEBOOKS
    >>> release_command(build_parser().parse_args(["release", "--out", str(NOTEBOOKS / "release")]))
    Traceback (most recent call last):
    ...
    exodus_reader.errors.OneLineError: write the release outside the module's own folders, not into ...
    """
    from .delivery.release import write_release

    written = write_release(args.out, args.zip)
    print(f"wrote {written}: lessons, exercises, data and the package, without solutions/ or an answer key "
          f"(see {args.out / 'RELEASE.md'})")
    return 0


# --- the command line -------------------------------------------------------------------------

def _seconds(text: str) -> float:
    """A positive number of seconds, for argparse.

    >>> _seconds("0.5")
    0.5
    """
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r}: give a positive number of seconds, such as 30 or 0.5")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The command line's parser: each command knows the function that runs it (the docs'
    commands are checked against it).

    >>> build_parser().parse_args(["locate", "told DW he"]).run.__name__
    'locate_command'
    """
    parser = argparse.ArgumentParser(prog="python -m exodus_reader", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)

    def command(name: str, run: Callable[[argparse.Namespace], int], about: str, checkout: bool = False,
                extra: str | None = None) -> argparse.ArgumentParser:
        """A subcommand; ``checkout``: it needs the repository's notebooks, exercises or solutions;
        ``extra``: the extra whose packages it needs (see :mod:`exodus_reader.extras`)."""
        sub = commands.add_parser(name, help=about)
        sub.set_defaults(run=run, needs_checkout=checkout, extra=extra)
        return sub

    validate = command("validate-data", validate_data_command, "validate every data file")
    validate.add_argument("--data", type=Path, default=None, help="a data folder other than data/")
    command("locate", locate_command, "print where a text stands in the article").add_argument("text")
    command("lab", lab_command, "open JupyterLab on notebooks/00_start_here.ipynb", checkout=True, extra="lab")
    setup = command("setup-lab", setup_lab_command, "write JupyterLab's classroom settings")
    setup.add_argument("--teacher", action="store_true", help="switch nbgrader's teacher tools on")
    outputs = command("outputs", outputs_command, "run notebooks and save their outputs", extra="exercises")
    outputs.add_argument("notebooks", nargs="+", type=Path)
    command("assign", assign_command, "write exercises/ from solutions/", checkout=True, extra="exercises")
    command("copy", copy_command, "copy the exercises into my-exercises/, never over your own copies", checkout=True)
    command("objectives", objectives_command, "print which exercise questions assess each objective", checkout=True)
    self_check = command("self-check", self_check_command,
                         "check an exercise notebook, question by question", checkout=True, extra="exercises")
    self_check.add_argument("notebook", type=Path)
    grade = command("grade", grade_command, "grade a folder of submitted notebooks", checkout=True, extra="exercises")
    grade.add_argument("folder", type=Path, help="submissions/<student>/<lesson>.ipynb or submissions/<student>.ipynb")
    grade.add_argument("--lesson", help="grade only this lesson, e.g. 01_events (also the lesson of notebooks named after students)")
    grade.add_argument("--out", type=Path, default=Path("."), help="where gradebook/ and feedback/ go (default: here)")
    grade.add_argument("--jobs", type=int, default=None, help="submissions graded at once (default: one per core)")
    grade.add_argument("--timeout", type=_seconds, default=30.0, help="seconds a cell may run (default: 30)")
    grade.add_argument("--total-time", type=_seconds, default=None,
                       help="seconds the whole run may take; notebooks not started by then are listed as not graded")
    grade.add_argument("--unsealed", action="store_true",
                       help="run submissions without a sandbox where none is available (trusted work only)")
    grade.add_argument("--fresh", action="store_true", help="run every notebook again instead of resuming")
    grade.add_argument("--student", action="append", default=[],
                       help="grade only this student (by name or roster id); may be given more than once")
    grade.add_argument("--roster", type=Path, default=None,
                       help="the class list, roster.csv (default: roster.csv in --out, if it is there)")
    grade.add_argument("--deadline", help="flag files changed after this time as late, e.g. '2026-03-14 18:00'")
    feedback = command("feedback", feedback_command,
                       "rebuild the gradebook and feedback after typing marks", checkout=True)
    export = command("export", export_command, "write the marks for a learning platform to import", checkout=True)
    export.add_argument("lms", choices=("canvas", "moodle"), help="the platform")
    points = command("points", points_command,
                     "give a question new points, in solutions/ and exercises/", checkout=True, extra="exercises")
    points.add_argument("lesson", help="e.g. 01_events")
    points.add_argument("question", help="the question's grade_id, e.g. events_destinations")
    points.add_argument("points", type=float)
    for teacher in (feedback, export):
        teacher.add_argument("--out", type=Path, default=Path("."),
                             help="the folder that holds gradebook/ (default: here)")
        teacher.add_argument("--roster", type=Path, default=None, help="the class list (default: roster.csv in --out)")
    site = command("site", site_command,
                   "write the lesson website with Jupyter Book 1, from the saved outputs", checkout=True, extra="site")
    site.add_argument("--out", type=Path, default=Path("_site"), help="where the pages go (default: _site)")
    links = command("links", links_command, "print the Binder, Voila and nbgitpuller links of a GitHub copy")
    links.add_argument("repository", nargs="?", help="OWNER/NAME on GitHub (default: read from `git remote get-url origin`)")
    links.add_argument("--branch", default="main", help="the branch to launch (default: main)")
    links.add_argument("--hub", help="your JupyterHub's address, for the nbgitpuller link")
    contract = command("datapackage", datapackage_command,
                       "write data/datapackage.json and the data READMEs' column tables")
    contract.add_argument("--data", type=Path, default=None, help="a data folder other than data/")
    release = command("release", release_command,
                      "write the student release: no solutions, no answer key", checkout=True)
    release.add_argument("--out", type=Path, default=Path("student-release"),
                         help="the folder to write (default: student-release)")
    release.add_argument("--zip", action="store_true", help="also pack it into FOLDER.zip")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit status; a problem a person can fix is one line.

    >>> main(["self-check", "nowhere.ipynb"])
    1
    """
    args = build_parser().parse_args(argv)
    try:
        if args.needs_checkout:
            require_checkout()
        if args.extra:
            require_extra(args.extra)
        return args.run(args)
    except OneLineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
