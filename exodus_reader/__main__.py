"""One command line for the module: ``python -m exodus_reader <command>``.

Commands:
  check-data      check every data file against the article and its rules
  locate TEXT     print where a piece of text stands in the article (for annotators)
  setup-lab       write JupyterLab's classroom settings (no news pop-up, no nbgrader tools;
                  --teacher switches nbgrader's tools on)
  outputs NB...   run notebooks in a fresh kernel and save their outputs
  assign          write exercises/ from solutions/
  copy            copy the exercises into my-exercises/ (your own copies, ignored by git)
  objectives      print which exercise questions assess each objective
  check NB        check your own exercise notebook, question by question
  grade FOLDER    grade a folder of submitted notebooks: gradebook and feedback
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import OneLineError


def check_data(data_dir: Path | None) -> int:
    """Check every data file; print one line and return the exit status."""
    from .article import load

    try:
        article = load(data_dir)
    except OneLineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    counts = {name: len(getattr(article, name)) for name in
              ("paragraphs", "sources", "quotes", "events", "places", "devices", "numbers", "frames",
               "entman", "verbs")}
    print("ok: " + ", ".join(f"{n} {name}" for name, n in counts.items()))
    return 0


def locate(text: str) -> int:
    """Print the offsets and paragraph of every place a text stands in the article."""
    from .article import load

    matches = load().search(text)
    if not matches:
        print(f"not found: {text!r}", file=sys.stderr)
        return 1
    for match in matches:
        print(f"{match.paragraph_id}\t{match.start}\t{match.end}\t{match.text!r}")
    return 0


def run_exercises_command(args: argparse.Namespace) -> int:
    """Run assign, check or grade; print one line and return 1 on a problem a person can fix."""
    try:
        if args.command == "assign":
            from .assign import assign

            for path in assign():
                print(f"wrote {path}")
            return 0
        if args.command == "copy":
            from .assign import copy_exercises

            for path, new in copy_exercises():
                print(f"{'copied' if new else 'kept your copy'} {path}")
            print("Open your copies from that folder; a fresh copy of one exercise: delete yours and run this again.")
            return 0
        if args.command == "objectives":
            from .questions import objective_table

            print(objective_table())
            return 0
        if args.command == "check":
            from .selfcheck import self_check

            if not args.notebook.is_file():
                raise OneLineError(f"there is no notebook {args.notebook}")
            report, status = self_check(args.notebook)
            print(report)
            return status
        from .grade import Limits, grade_folder, summary

        if not args.folder.is_dir():
            raise OneLineError(f"there is no folder {args.folder}")
        book, rows = grade_folder(args.folder, args.out, args.lesson, args.jobs, Limits(cell=args.timeout))
        print(f"wrote {book} and {args.out / 'feedback'}/: {summary(rows)}")
        return 0
    except OneLineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit status."""
    parser = argparse.ArgumentParser(prog="python -m exodus_reader", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check-data", help="check every data file")
    check.add_argument("--data", type=Path, default=None, help="a data folder other than data/")
    find = commands.add_parser("locate", help="print where a text stands in the article")
    find.add_argument("text")
    lab = commands.add_parser("setup-lab", help="write JupyterLab's classroom settings")
    lab.add_argument("--teacher", action="store_true", help="switch nbgrader's teacher tools on")
    outputs = commands.add_parser("outputs", help="run notebooks and save their outputs")
    outputs.add_argument("notebooks", nargs="+", type=Path)
    commands.add_parser("assign", help="write exercises/ from solutions/")
    commands.add_parser("copy", help="copy the exercises into my-exercises/, never over your own copies")
    commands.add_parser("objectives", help="print which exercise questions assess each objective")
    self_check = commands.add_parser("check", help="check an exercise notebook, question by question")
    self_check.add_argument("notebook", type=Path)
    grade = commands.add_parser("grade", help="grade a folder of submitted notebooks")
    grade.add_argument("folder", type=Path, help="submissions/<student>/<lesson>.ipynb or submissions/<student>.ipynb")
    grade.add_argument("--lesson", help="the lesson of notebooks named after students, e.g. 01_events")
    grade.add_argument("--out", type=Path, default=Path("."), help="where gradebook/ and feedback/ go (default: here)")
    grade.add_argument("--jobs", type=int, default=None, help="submissions graded at once (default: one per core)")
    grade.add_argument("--timeout", type=float, default=30.0, help="seconds a cell may run (default: 30)")
    args = parser.parse_args(argv)
    if args.command in ("assign", "copy", "objectives", "check", "grade"):
        return run_exercises_command(args)
    if args.command == "check-data":
        return check_data(args.data)
    if args.command == "setup-lab":
        from .lab import setup_lab

        print(f"wrote {setup_lab(teacher=args.teacher)}")
        return 0
    if args.command == "outputs":
        from .lab import save_outputs

        for path in args.notebooks:
            print(f"running {path}", flush=True)
            save_outputs(path)
        return 0
    return locate(args.text)


if __name__ == "__main__":
    sys.exit(main())
