"""The student release: a copy of the module without the solutions or any answer key.

``python -m exodus_reader release`` (or ``make release``) writes it into ``student-release/``;
``--zip`` also packs it into ``student-release.zip``. A teacher hands that copy out: as a
folder on a school drive, as the archive, or as a branch of its own that nbgitpuller and
Binder can open (docs/teacher-guide.md shows the git commands).

The copy holds what a student uses: the lessons with their outputs, the exercises, the data,
the package, the licences, the set-up files and the docs a student reads. It leaves out
``solutions/``, the rubric (it holds model answers), the teacher-only docs, ``tests/`` (its
table of accepted answers and the expected gradebook are an answer key) and ``benchmarks/``.

What it cannot hide: the checks give feedback, so the package must know each expected value.
Most are worked out from the annotations at run time; two judgement answers are written in
``exercises/bank/sources.py`` in plain words. A student who reads the package's code, or who tries answers
until a check says yes, can find them. The release keeps the answers out of sight; it is not a
lock (docs/grading-safety.md).
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

from ..errors import OneLineError
from ..paths import CHECKOUT

#: What a student's copy holds: folders and files at the top of the repository.
INCLUDED = ("notebooks", "exercises", "data", "exodus_reader", "binder", "README.md", "LICENSE",
            "LICENSE-CONTENT", "CITATION.cff", "environment.yml", "pyproject.toml", "constraints.txt",
            "Makefile", "docs/glossary.md", "docs/jupyterlite.md")

#: What stays with the teacher, and why (written into the release's RELEASE.md).
LEFT_OUT = {
    "solutions/": "the assignments with their answers",
    "docs/rubric.md": "the rubric, with a model answer for each written question",
    "docs/teacher-guide.md, docs/teaching-with-the-exercises.md, docs/grading-safety.md":
        "teachers' guides: lesson plans, grading and the answer key's limits",
    "tests/": "the table of accepted answers and the expected gradebook",
    "benchmarks/": "speed measurements that run the solutions",
    "site/, .ci/": "the website's and CI's build files",
}

#: The file that marks a folder as a release, so that writing a new one may replace it.
MARKER = "RELEASE.md"


def _tracked_files(root: Path) -> list[str] | None:
    """The files git tracks in a checkout, or None when there is no git or no checkout."""
    try:
        done = subprocess.run(["git", "-C", str(root), "ls-files", "-z", "--cached", "--others",
                               "--exclude-standard"], capture_output=True, check=False)
    except FileNotFoundError:
        return None
    if done.returncode != 0:
        return None
    return [name for name in done.stdout.decode("utf-8").split("\0") if name]


def release_files(root: Path = CHECKOUT) -> list[str]:
    """Every file of the repository that the student release copies, as paths relative to ``root``.

    Only files that git tracks or would track (in a checkout with git), so that what
    .gitignore keeps out, such as a gradebook or submissions, is never copied.

    >>> files = release_files()
    >>> "exercises/01_events.ipynb" in files, "data/article.txt" in files
    (True, True)
    >>> [f for f in files if f.startswith(("solutions/", "tests/")) or f == "docs/rubric.md"]
    []
    """
    if not (root / "exodus_reader").is_dir() or not (root / "notebooks").is_dir():
        raise OneLineError(f"{root} is not a checkout of the module: run the release from the repository")
    tracked = _tracked_files(root)
    if tracked is None:
        tracked = [str(p.relative_to(root)) for p in sorted(root.rglob("*")) if p.is_file()
                   and not {"__pycache__", ".ipynb_checkpoints", ".git"} & set(p.parts)]
    chosen = [name for name in tracked
              if any(name == item or name.startswith(item + "/") for item in INCLUDED) and (root / name).is_file()]
    return sorted(chosen)


def _release_note(files: list[str]) -> str:
    lines = ["# Student release", "",
             "A copy of the module for students, written by `python -m exodus_reader release`.",
             "It has the lessons (with their outputs), the exercises, the data and the package.", "",
             "Left out, and kept by the teacher:", ""]
    lines += [f"- `{name}`: {why}" for name, why in LEFT_OUT.items()]
    lines += ["", "`make lab` works here as in the full repository. `make test`, `make outputs` and",
              "`make exercises` need the teacher's copy.", "",
              "The checks in the exercises still give feedback, so the package knows what a right",
              "answer looks like. This copy keeps the answers out of sight; it is not a lock.", "",
              f"{len(files)} files."]
    return "\n".join(lines) + "\n"


def write_release(out: Path, archive: bool = False, root: Path = CHECKOUT) -> Path:
    """Write the student release into the folder ``out``; with ``archive``, also ``out``.zip.

    Returns the folder, or the archive when one was made. An existing folder is replaced
    only if it is an earlier release (it holds RELEASE.md); anything else is left alone.

    >>> import shutil, tempfile
    >>> scratch = Path(tempfile.mkdtemp())
    >>> folder = write_release(scratch / "student-release")
    >>> sorted(p.name for p in folder.iterdir())[:6]
    ['CITATION.cff', 'LICENSE', 'LICENSE-CONTENT', 'Makefile', 'README.md', 'RELEASE.md']
    >>> (folder / "solutions").exists(), (folder / "exercises" / "01_events.ipynb").is_file()
    (False, True)
    >>> shutil.rmtree(scratch)
    """
    out = Path(out)
    files = release_files(root)
    if out.resolve() == root.resolve() or root.resolve() in out.resolve().parents and \
            out.resolve().relative_to(root.resolve()).parts[0] in {i.split("/")[0] for i in INCLUDED}:
        raise OneLineError(f"write the release outside the module's own folders, not into {out}")
    if out.exists():
        if not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).is_file()):
            raise OneLineError(f"{out} exists and is not an earlier release: choose another folder with --out")
        shutil.rmtree(out)
    for name in files:
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / name, target)
    (out / MARKER).write_text(_release_note(files), encoding="utf-8")
    if not archive:
        return out
    zipped = out.with_name(out.name + ".zip")
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in sorted(out.rglob("*")):
            if path.is_file():
                bundle.write(path, Path(out.name) / path.relative_to(out))
    return zipped
