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
from pathlib import Path

from .errors import OneLineError


def validate_data(data_dir: Path | None) -> int:
    """Validate every data file, the coverage set included; print one line and return the exit status."""
    from .corpus.article import load
    from .corpus.coverage import coverage

    try:
        article = load(data_dir)
        sets = coverage(data_dir)
    except OneLineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    counts = {name: len(getattr(article, name)) for name in
              ("paragraphs", "sources", "quotes", "events", "places", "devices", "numbers", "frames",
               "entman", "verbs", "references")}
    counts |= {f"coverage {name}": len(getattr(sets, name)) for name in ("reports", "claims", "outlets")}
    print("ok: " + ", ".join(f"{n} {name}" for name, n in counts.items()))
    return 0


def locate(text: str) -> int:
    """Print the offsets and paragraph of every place a text stands in the article."""
    from .corpus.article import load

    matches = load().search(text)
    if not matches:
        print(f"not found: {text!r}", file=sys.stderr)
        return 1
    for match in matches:
        print(f"{match.paragraph_id}\t{match.start}\t{match.end}\t{match.text!r}")
    return 0


def print_links(repository: str | None, branch: str, hub: str | None) -> int:
    """Print the launch links of a GitHub copy; with no repository, read it from the git remote.

    >>> print_links("my-school/exodus-reader", "main", None)
    Binder badge for the README (opens JupyterLab on the start notebook):
    [![Binder](https://mybinder.org/badge_logo.svg)](https://mybinder.org/v2/gh/my-school/exodus-reader/main?...)
    ...
    0
    """
    from .delivery.links import git_remote, links_text, repository_from_remote

    try:
        if repository is None:
            repository = repository_from_remote(git_remote(Path.cwd()))
        print(links_text(repository, branch, hub))
    except OneLineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


def run_exercises_command(args: argparse.Namespace) -> int:
    """Run assign, self-check or grade; print one line and return 1 on a problem a person can fix."""
    try:
        if args.command == "assign":
            from .exercises.assign import assign

            for path in assign():
                print(f"wrote {path}")
            return 0
        if args.command == "copy":
            from .exercises.assign import copy_exercises

            for path, new in copy_exercises():
                print(f"{'copied' if new else 'kept your copy'} {path}")
            print("Open your copies from that folder; a fresh copy of one exercise: delete yours and run this again.")
            return 0
        if args.command == "objectives":
            from .exercises.layout import objective_table

            print(objective_table())
            return 0
        if args.command == "self-check":
            from .grading.selfcheck import self_check

            if not args.notebook.is_file():
                raise OneLineError(f"there is no notebook {args.notebook}")
            report, status = self_check(args.notebook)
            print(report)
            return status
        if args.command in ("feedback", "export"):
            return gradebook_command(args)
        if args.command == "points":
            from .exercises.assign import set_points

            for path in set_points(args.lesson, args.question, args.points):
                print(f"wrote {path}")
            return 0
        from .grading.grade import NoSandbox, grade_folder, summary
        from .exercises.runner import Limits

        if not args.folder.is_dir():
            raise OneLineError(f"there is no folder {args.folder}")
        import signal

        signal.signal(signal.SIGTERM, signal.default_int_handler)  # a stopped grader still writes what it has
        try:
            book, rows = grade_folder(args.folder, args.out, args.lesson, args.jobs, Limits(cell=args.timeout),
                                      unsealed=args.unsealed, resume=not args.fresh, total_seconds=args.total_time,
                                      students=args.student, roster=args.roster, deadline=args.deadline)
        except NoSandbox as problem:
            print(f"error: {problem}", file=sys.stderr)
            return 3
        except KeyboardInterrupt:
            print(f"stopped: the gradebook in {args.out / 'gradebook'} has the notebooks graded so far; "
                  "grade again to resume.", file=sys.stderr)
            return 130
        print(f"wrote {book.parent}/ and {args.out / 'feedback'}/: {summary(rows) if rows else 'nothing graded'}")
        gradebook_command(argparse.Namespace(command="notes", out=args.out, roster=args.roster))
        files = book.with_name("files.csv")
        not_graded = _files_not_graded(files)
        if not_graded:
            print(f"not graded: {not_graded} (see {files})", file=sys.stderr)
            return 4
        return 0
    except OneLineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


def _files_not_graded(files: Path) -> str:
    """One line on the files that got a row but no grade (a time limit, a stopped run)."""
    import csv

    if not files.is_file():
        return ""
    with files.open(encoding="utf-8-sig") as handle:
        rows = [row for row in csv.DictReader(handle) if row["status"] in ("not graded", "grader error")]
    return ", ".join(f"{row['file']} ({row['status']})" for row in rows[:10]) + (" ..." if len(rows) > 10 else "")


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


def gradebook_command(args: argparse.Namespace) -> int:
    """Rebuild the gradebook files, or export them for a learning platform; print what was written."""
    from .grading.gradebook import notes, rebuild
    from .grading.roster import load_roster
    from .exercises.layout import exercise_lessons

    known = exercise_lessons()
    book = rebuild(args.out, known, load_roster(args.out, args.roster))
    if args.command in ("feedback", "notes"):
        if args.command == "feedback":
            print(f"wrote {args.out / 'gradebook'}/ and {args.out / 'feedback'}/ for {len(book.students)} students")
        for line in notes(book):
            print(f"  {line}")
        return 0
    from .grading.lms import export

    path, warnings = export(args.lms, book, args.out)
    for warning in warnings:
        print(f"note: {warning}", file=sys.stderr)
    print(f"wrote {path}: {len(book.students)} student{'s' if len(book.students) != 1 else ''}, "
          f"{len(book.lessons)} lesson{'s' if len(book.lessons) != 1 else ''}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The command line's parser (the docs' commands are checked against it)."""
    parser = argparse.ArgumentParser(prog="python -m exodus_reader", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate-data", help="validate every data file")
    validate.add_argument("--data", type=Path, default=None, help="a data folder other than data/")
    find = commands.add_parser("locate", help="print where a text stands in the article")
    find.add_argument("text")
    commands.add_parser("lab", help="open JupyterLab on notebooks/00_start_here.ipynb")
    setup = commands.add_parser("setup-lab", help="write JupyterLab's classroom settings")
    setup.add_argument("--teacher", action="store_true", help="switch nbgrader's teacher tools on")
    outputs = commands.add_parser("outputs", help="run notebooks and save their outputs")
    outputs.add_argument("notebooks", nargs="+", type=Path)
    commands.add_parser("assign", help="write exercises/ from solutions/")
    commands.add_parser("copy", help="copy the exercises into my-exercises/, never over your own copies")
    commands.add_parser("objectives", help="print which exercise questions assess each objective")
    self_check = commands.add_parser("self-check", help="check an exercise notebook, question by question")
    self_check.add_argument("notebook", type=Path)
    grade = commands.add_parser("grade", help="grade a folder of submitted notebooks")
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
    feedback = commands.add_parser("feedback", help="rebuild the gradebook and feedback after typing marks")
    export = commands.add_parser("export", help="write the marks for a learning platform to import")
    export.add_argument("lms", choices=("canvas", "moodle"), help="the platform")
    points = commands.add_parser("points", help="give a question new points, in solutions/ and exercises/")
    points.add_argument("lesson", help="e.g. 01_events")
    points.add_argument("question", help="the question's grade_id, e.g. events_destinations")
    points.add_argument("points", type=float)
    for command in (feedback, export):
        command.add_argument("--out", type=Path, default=Path("."), help="the folder that holds gradebook/ (default: here)")
        command.add_argument("--roster", type=Path, default=None, help="the class list (default: roster.csv in --out)")
    site = commands.add_parser("site", help="write the lesson website with Jupyter Book 1, from the saved outputs")
    site.add_argument("--out", type=Path, default=Path("_site"), help="where the pages go (default: _site)")
    links = commands.add_parser("links", help="print the Binder, Voila and nbgitpuller links of a GitHub copy")
    links.add_argument("repository", nargs="?", help="OWNER/NAME on GitHub (default: read from `git remote get-url origin`)")
    links.add_argument("--branch", default="main", help="the branch to launch (default: main)")
    links.add_argument("--hub", help="your JupyterHub's address, for the nbgitpuller link")
    contract = commands.add_parser("datapackage", help="write data/datapackage.json and the data READMEs' column tables")
    contract.add_argument("--data", type=Path, default=None, help="a data folder other than data/")
    release = commands.add_parser("release", help="write the student release: no solutions, no answer key")
    release.add_argument("--out", type=Path, default=Path("student-release"),
                         help="the folder to write (default: student-release)")
    release.add_argument("--zip", action="store_true", help="also pack it into FOLDER.zip")
    return parser


def write_release_command(out: Path, archive: bool) -> int:
    """Write the student release and print where it went."""
    from .delivery.release import write_release

    try:
        written = write_release(out, archive)
    except OneLineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {written}: lessons, exercises, data and the package, without solutions/ or an answer key "
          f"(see {out / 'RELEASE.md'})")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit status."""
    args = build_parser().parse_args(argv)
    if args.command == "site":
        from .delivery.site import build_site

        try:
            pages = build_site(args.out)
        except OneLineError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        print(f"wrote {len(pages)} pages into {args.out}/: open {pages[0]}")
        return 0
    if args.command == "links":
        return print_links(args.repository, args.branch, args.hub)
    if args.command == "release":
        return write_release_command(args.out, args.zip)
    if args.command == "datapackage":
        from .corpus.datapackage import write_contract
        from .paths import DATA_DIR

        folder = args.data or DATA_DIR
        changed = write_contract(folder)
        print("\n".join(f"wrote {path}" for path in changed) or f"{folder}/datapackage.json and its READMEs are up to date")
        return 0
    if args.command in ("assign", "copy", "objectives", "self-check", "grade", "feedback", "export", "points"):
        return run_exercises_command(args)
    if args.command == "validate-data":
        return validate_data(args.data)
    if args.command == "lab":
        from .delivery.lab import open_lab

        return open_lab()
    if args.command == "setup-lab":
        from .delivery.lab import setup_lab

        print(f"wrote {setup_lab(teacher=args.teacher)}")
        return 0
    if args.command == "outputs":
        from .exercises.runner import save_outputs

        for path in args.notebooks:
            print(f"running {path}", flush=True)
            save_outputs(path)
        return 0
    return locate(args.text)


if __name__ == "__main__":
    sys.exit(main())
