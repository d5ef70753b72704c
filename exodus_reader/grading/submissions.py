"""A folder of submissions: which file is whose notebook for which lesson, and reading one safely.

Every file gets a row (:class:`FileRow`): graded, graded under an odd name, a copy not
graded, not a notebook, not a regular file, too large. A notebook is read without
following links or waiting on pipes, up to a size limit; format 3 is converted.
"""

from __future__ import annotations

import json
import os
import stat
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..exercises.layout import Lesson
from ..exercises.runner import block_slow_imports
from .roster import lesson_from_name

#: Largest file the grader opens as a notebook.
MAX_NOTEBOOK_BYTES = 20 * 2**20
FILE_COLUMNS = ("file", "student", "lesson", "status", "detail", "bytes", "modified")


class Unreadable(Exception):
    """A submission the grader cannot open as a notebook; the message says why."""

    def __init__(self, status: str, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


def read_bytes_safely(path: Path, limit: int = MAX_NOTEBOOK_BYTES) -> bytes:
    """A regular file's bytes, never following a link or waiting on a pipe or device.

    >>> import tempfile
    >>> read_bytes_safely(Path(tempfile.mkdtemp()) / "missing.ipynb")
    Traceback (most recent call last):
    ...
    exodus_reader.grading.submissions.Unreadable: the file could not be read (FileNotFoundError)
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        handle = os.open(path, flags)
    except OSError as error:
        raise Unreadable("unreadable", f"the file could not be read ({type(error).__name__})") from None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable("not a regular file", "this is not an ordinary file (a link, a pipe or a device), "
                             "so the grader did not open it.")
        if info.st_size > limit:
            raise Unreadable("too large", f"the file is {info.st_size / 2**20:.0f} MB; the grader opens notebooks "
                             f"up to {limit / 2**20:.0f} MB.")
        chunks, total = [], 0
        while chunk := os.read(handle, 1 << 20):
            total += len(chunk)
            if total > limit:
                raise Unreadable("too large", "the file grew past the grader's size limit while it was read.")
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(handle)


def read_cells(path: Path) -> list:
    """The cells of a submitted notebook (nbformat 3 or 4), or :class:`Unreadable` saying what is wrong.

    >>> import tempfile
    >>> broken = Path(tempfile.mkdtemp()) / "ada.ipynb"
    >>> _ = broken.write_text("{")
    >>> read_cells(broken)
    Traceback (most recent call last):
    ...
    exodus_reader.grading.submissions.Unreadable: the file is not valid JSON at line 1, so it is not a notebook Jupyter can open
    """
    raw = read_bytes_safely(path)
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        where = f" at line {error.lineno}" if isinstance(error, json.JSONDecodeError) else ""
        raise Unreadable("unreadable", f"the file is not valid JSON{where}, so it is not a notebook "
                         "Jupyter can open") from None
    if isinstance(data, dict) and data.get("nbformat") == 3:
        data = _from_version_3(data)
    cells = data.get("cells") if isinstance(data, dict) else None
    if not isinstance(cells, list) or not any(isinstance(c, dict) for c in cells):
        raise Unreadable("no cells", "the notebook has no cells: was the wrong file submitted?")
    return [dict(c) if isinstance(c, dict) else c for c in cells]


def _from_version_3(data: dict) -> dict:
    """A notebook of format 3 (Jupyter before 2015) as format 4, by nbformat's own converter."""
    block_slow_imports()
    import nbformat

    try:
        return nbformat.convert(nbformat.from_dict(data), 4)
    except Exception:  # a broken v3 file: say so rather than guess
        raise Unreadable("unreadable", "the notebook is in Jupyter's old format 3 and could not be converted") from None


@dataclass(frozen=True)
class Task:
    """One submission to grade."""

    student: str
    path: str
    lesson: str | None
    copies: tuple[str, ...] = ()


@dataclass
class FileRow:
    """What the grader did with one file of the submissions folder: every file gets one."""

    file: str
    student: str = ""
    lesson: str = ""
    status: str = "graded"
    detail: str = ""
    bytes: int = 0
    modified: str = ""


def lesson_of(name: str, known: dict[str, Lesson]) -> tuple[str | None, bool]:
    """The lesson a file name points to, and whether the name is the expected one.

    A trailing ``.txt`` or ``.json`` is forgiven, and all that
    :func:`~exodus_reader.grading.roster.lesson_from_name` forgives: case, copy marks such as
    `` (1)``, a learning platform's prefix.

    >>> from exodus_reader.exercises.layout import exercise_lessons
    >>> lesson_of("01_events.ipynb", exercise_lessons()), lesson_of("01_EVENTS (1).IPYNB.txt", exercise_lessons())
    (('01_events', True), ('01_events', False))
    >>> lesson_of("notes.pdf", exercise_lessons())
    (None, False)
    """
    if name.endswith(".ipynb") and name[:-6] in known:
        return name[:-6], True
    lowered = name.lower().removesuffix(".txt").removesuffix(".json")
    if not lowered.endswith(".ipynb"):
        return None, False
    return lesson_from_name(lowered[:-6], known), False


def survey(folder: Path, lesson: str | None, known: dict[str, Lesson]) -> tuple[list[Task], list[FileRow]]:
    """Every file in a submissions folder: the notebooks to grade, and a row for each file.

    Links, pipes and devices are never opened; hidden folders (checkpoints) are passed
    over. Where one student handed in two copies of one lesson, the newest is graded
    and the others are reported as copies.

    >>> from exodus_reader.exercises.layout import exercise_lessons
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> (folder / "ada").mkdir()
    >>> _ = (folder / "ada" / "01_events.ipynb").write_text("{}")
    >>> _ = (folder / "ada" / "notes.pdf").write_text("x")
    >>> tasks, files = survey(folder, None, exercise_lessons())
    >>> [(t.student, t.lesson) for t in tasks], [f.status for f in files]
    ([('ada', '01_events')], ['graded', 'not a notebook'])
    """
    tasks: list[Task] = []
    files: list[FileRow] = []
    chosen: dict[tuple[str, str], list[tuple[float, str, FileRow]]] = {}
    for path, relative in _walk(folder):
        parts = relative.split("/")
        row = FileRow(relative)
        try:
            info = path.lstat()
        except OSError:
            continue
        row.bytes = info.st_size
        row.modified = time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(info.st_mtime))
        files.append(row)
        if not stat.S_ISREG(info.st_mode):
            row.status, row.detail = "not a regular file", "a link, pipe or device: not opened."
            continue
        name_lesson, usual = lesson_of(parts[-1], known)
        row.student = parts[0] if len(parts) > 1 else _student_of(parts[-1])
        if name_lesson is None and parts[-1].lower().endswith(".ipynb"):
            name_lesson = lesson if lesson in known else None
            row.student = parts[0] if len(parts) > 1 else Path(parts[-1]).stem
            usual = True
            if name_lesson is None:
                row.lesson = ""
                chosen.setdefault((row.student, relative), []).append((info.st_mtime, relative, row))
                continue
        if name_lesson is None:
            row.status, row.detail = "not a notebook", "not an .ipynb file: not graded."
            continue
        row.lesson = name_lesson
        if not usual:
            row.status = "graded, odd name"
            row.detail = f"expected {name_lesson}.ipynb"
        chosen.setdefault((row.student, name_lesson), []).append((info.st_mtime, relative, row))
    for (student, name), copies in chosen.items():
        copies.sort(key=lambda c: (-c[0], c[1]))
        _, newest, row = copies[0]
        tasks.append(Task(student, str(folder / newest), row.lesson or None,
                          tuple(str(folder / relative) for _, relative, _ in copies[1:])))
        for _, relative, other in copies[1:]:
            other.status = "copy, not graded"
            other.detail = f"{student} handed in {len(copies)} copies of {name}; the newest, {newest}, was graded."
    return sorted(tasks, key=lambda t: (t.student, t.lesson or "", t.path)), sorted(files, key=lambda f: f.file)


def _student_of(name: str) -> str:
    """A student's name from a file named after them (``ada.ipynb``).

    >>> _student_of("ada.ipynb")
    'ada'
    """
    return name.split(".", 1)[0] or name


def _walk(folder: Path) -> Iterable[tuple[Path, str]]:
    """Every file below a folder, never following links into other folders."""
    stack = [(folder, "")]
    while stack:
        here, prefix = stack.pop()
        try:
            entries = sorted(os.scandir(here), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue  # .ipynb_checkpoints and other hidden copies
            relative = f"{prefix}{entry.name}"
            if entry.is_dir(follow_symlinks=False):
                stack.append((Path(entry.path), relative + "/"))
            else:
                yield Path(entry.path), relative


def find_submissions(folder: Path, lesson: str | None, known: dict[str, Lesson]) -> list[Task]:
    """Every notebook in a submissions folder that will be graded, with its student and lesson.

    >>> from exodus_reader.exercises.layout import exercise_lessons
    >>> import tempfile
    >>> find_submissions(Path(tempfile.mkdtemp()), None, exercise_lessons())
    []
    """
    return survey(folder, lesson, known)[0]
