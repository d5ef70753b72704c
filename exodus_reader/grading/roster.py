"""The class list: who is in the class, and which submitted file belongs to whom.

A roster is an optional ``roster.csv`` with one row per student: ``id`` (the school's
student number, or any short name), ``name``, and ``email`` or ``lms_id`` (the number the
learning platform gives the student). With it, the grader

- maps messy download names to students: ``Ada Lovelace_12345_assignsubmission_file_``,
  ``lovelace ada``, ``ada.lovelace@school.example`` or the id all mean the same student;
- lists the students who handed in nothing;
- flags files handed in after a deadline, and copies of the same notebook.

>>> roster = Roster.from_rows([{"id": "s01", "name": "Ada Lovelace", "email": "ada@school.example"}])
>>> roster.match("Ada Lovelace_12345_assignsubmission_file_").id
's01'
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..errors import OneLineError

#: Columns a roster may have; ``id`` and ``name`` are required.
ROSTER_COLUMNS = ("id", "name", "email", "lms_id")

# What learning platforms add to a downloaded file or folder name.
_DOWNLOAD_TAIL = re.compile(r"_(\d+)_assignsubmission_\w*$|_assignsubmission_\w*$")
# What a browser or a file manager adds to a second copy: " (1)", "-Copy1", " copy 2", "_copy", " - Copy".
_COPY_MARK = re.compile(r"(\s*\(\d+\)|-Copy\d*|\s+copy(\s*\d+)?|_copy)$", re.IGNORECASE)
# A lesson's file name may also end in "-2"; a student's name keeps it ("jones-2" may be a second Jones).
_NUMBERED_COPY = re.compile(r"-\d+$")


def read_table(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV file a teacher may have saved from Excel, LibreOffice or by hand.

    UTF-8 with or without a byte-order mark, or Windows' own encoding; commas, semicolons
    or tabs between cells; column names in any case. Blank rows are skipped, and each row
    gets its line number under ``_line``.

    >>> path = Path(__import__("tempfile").mkdtemp()) / "t.csv"
    >>> _ = path.write_bytes("\\ufeffID;Name\\ns01;Zoë Ångström\\n\\n".encode("utf-8"))
    >>> read_table(path)
    [{'id': 's01', 'name': 'Zoë Ångström', '_line': '2'}]
    """
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    if not text.strip():
        return []
    first = text.splitlines()[0]
    delimiter = max(",;\t", key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [name.strip().lower() for name in next(reader)]
    rows = []
    for cells in reader:
        if not any(cell.strip() for cell in cells):
            continue
        row = {name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(header) if name}
        row["_line"] = str(reader.line_num)
        rows.append(row)
    return rows


def folded(text: str) -> str:
    """Text compared as people read it: no accents, no case, words split on anything else.

    >>> folded("  Zoë_ÅNGSTRÖM-Smith ")
    'zoe angstrom smith'
    """
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.split(r"[^a-z0-9]+", plain.lower())).strip()


def clean_name(name: str) -> str:
    """A submission's student name without what the download added to it.

    >>> clean_name("Ada Lovelace_12345_assignsubmission_file_")
    'Ada Lovelace'
    >>> clean_name("ben (1)"), clean_name("cy")
    ('ben', 'cy')
    """
    cleaned = _DOWNLOAD_TAIL.sub("", name.strip())
    return _COPY_MARK.sub("", cleaned).strip(" _-") or name


def lesson_from_name(stem: str, known: Iterable[str]) -> str | None:
    """The lesson a notebook's file name (without ``.ipynb``) stands for, or None.

    Case, a browser's or a file manager's copy mark, and what a learning platform puts in
    front of the name are forgiven:

    >>> lessons = ["01_events", "02_sources"]
    >>> [lesson_from_name(stem, lessons) for stem in ("01_events (1)", "01_EVENTS - Copy", "01_events copy 2",
    ...                                               "01_events-2", "01_events_copy")]
    ['01_events', '01_events', '01_events', '01_events', '01_events']
    >>> lesson_from_name("Ada Lovelace_12345_assignsubmission_file_02_sources-Copy1", lessons)
    '02_sources'
    >>> lesson_from_name("homework", lessons) is None
    True
    """
    known = list(known)
    name = stem.strip().lower()
    unmarked = _NUMBERED_COPY.sub("", _COPY_MARK.sub("", name)).strip(" _-")
    for candidate in (name, unmarked):
        for lesson in known:
            if candidate == lesson.lower() or candidate.endswith(lesson.lower()):
                return lesson
    return None


@dataclass(frozen=True)
class Student:
    """One student on the class list."""

    id: str
    name: str
    email: str = ""
    lms_id: str = ""

    def keys(self) -> set[str]:
        """Every folded form a download might use for this student.

        >>> sorted(Student("s01", "Ada Lovelace", "ada.l@x.org", "77").keys())
        ['77', 'ada l', 'ada l x org', 'ada lovelace', 'lovelace ada', 's01']
        """
        words = folded(self.name).split()
        forms = {folded(self.id), " ".join(words), " ".join(words[::-1]), folded(self.lms_id),
                 folded(self.email), folded(self.email.split("@")[0])}
        return {form for form in forms if form}


@dataclass
class Roster:
    """The students of one class, in the roster's order."""

    students: list[Student] = field(default_factory=list)

    @classmethod
    def from_rows(cls, rows: list[dict[str, str]], source: str = "roster.csv") -> "Roster":
        """A roster from table rows; a missing column or id is named in one line.

        >>> Roster.from_rows([{"name": "Ada"}])
        Traceback (most recent call last):
        ...
        exodus_reader.errors.OneLineError: roster.csv needs the columns id and name (and email or lms_id)
        """
        if rows and not {"id", "name"} <= set(rows[0]):
            raise OneLineError(f"{source} needs the columns id and name (and email or lms_id)")
        students, seen = [], set()
        for row in rows:
            where = f"{source} line {row.get('_line', '?')}"
            if not row.get("id") or not row.get("name"):
                raise OneLineError(f"{where}: every student needs an id and a name")
            if row["id"] in seen:
                raise OneLineError(f"{where}: the id {row['id']!r} is there twice")
            seen.add(row["id"])
            students.append(Student(row["id"], row["name"], row.get("email", ""), row.get("lms_id", "")))
        return cls(students)

    @classmethod
    def read(cls, path: Path) -> "Roster":
        """Read ``roster.csv``.

        >>> Roster.read(Path("nowhere.csv"))
        Traceback (most recent call last):
        ...
        exodus_reader.errors.OneLineError: there is no roster nowhere.csv
        """
        if not path.is_file():
            raise OneLineError(f"there is no roster {path}")
        return cls.from_rows(read_table(path), path.name)

    def get(self, student_id: str) -> Student | None:
        """The student with this id, or None.

        >>> roster = Roster([Student("s01", "Ada Lovelace")])
        >>> roster.get("s01").name, roster.get("s99")
        ('Ada Lovelace', None)
        """
        return next((s for s in self.students if s.id == student_id), None)

    def match(self, download_name: str) -> Student | None:
        """The one student a download name stands for, or None when none or several fit.

        >>> roster = Roster([Student("s01", "Ada Lovelace", lms_id="12345"), Student("s02", "Ben Okafor")])
        >>> [getattr(roster.match(n), "id", None) for n in ("lovelace_ada", "12345", "okafor ben (1)", "Cy")]
        ['s01', 's01', 's02', None]
        """
        name = clean_name(download_name)
        wanted = {folded(name), folded(download_name)}
        numbers = set(re.findall(r"\d{3,}", download_name))
        found = [s for s in self.students if s.keys() & wanted]
        if not found and numbers:
            found = [s for s in self.students if s.lms_id and s.lms_id in numbers]
        return found[0] if len(found) == 1 else None


def parse_deadline(text: str) -> datetime:
    """A deadline as a teacher types it, in the computer's own time zone.

    >>> parse_deadline("2026-03-14 18:00").isoformat(timespec="minutes")[:16]
    '2026-03-14T18:00'
    >>> parse_deadline("14 March")
    Traceback (most recent call last):
    ...
    exodus_reader.errors.OneLineError: the deadline '14 March' is not a date: write it as 2026-03-14 18:00
    """
    try:
        when = datetime.fromisoformat(text.strip().replace("T", " "))
    except ValueError:
        raise OneLineError(f"the deadline {text!r} is not a date: write it as 2026-03-14 18:00") from None
    return when if when.tzinfo else when.astimezone()


def file_time(seconds: float | None) -> str:
    """A file's modification time as a teacher reads it (local time, to the minute).

    >>> file_time(None)
    ''
    >>> len(file_time(0.0))
    16
    """
    if seconds is None:
        return ""
    return datetime.fromtimestamp(seconds).astimezone().strftime("%Y-%m-%d %H:%M")


def load_roster(out: Path, roster: Path | None = None) -> Roster | None:
    """The roster given, or ``roster.csv`` in the results folder if there is one.

    >>> load_roster(Path(__import__("tempfile").mkdtemp())) is None
    True
    """
    if roster is not None:
        return Roster.read(roster)
    default = out / "roster.csv"
    return Roster.read(default) if default.is_file() else None


def identify(name: str, roster: Roster | None) -> str:
    """The gradebook's name for a submission: the roster id, or the cleaned download name.

    >>> identify("Ada Lovelace_12345_assignsubmission_file_", None)
    'Ada Lovelace'
    """
    student = roster.match(name) if roster else None
    return student.id if student else clean_name(name)


def resolve_student(name: str, students: Iterable[str], roster: Roster | None) -> str | None:
    """Which of the gradebook's students a name a teacher typed means, or None when none or several fit.

    The name as the gradebook has it, then the roster's match, then the one student whose
    name reads the same without accents, case and download marks.

    >>> resolve_student("Zoë", ["zoe", "ben"], None)
    'zoe'
    >>> resolve_student("lovelace ada", ["s01"], Roster([Student("s01", "Ada Lovelace")]))
    's01'
    >>> resolve_student("cy", ["zoe", "ben"], None) is None
    True
    """
    students = list(students)
    if name in students:
        return name
    match = roster.match(name) if roster else None
    if match:
        return match.id
    by_folded = [s for s in students if folded(s) == folded(clean_name(name))]
    return by_folded[0] if len(by_folded) == 1 else None
