"""Files a learning platform imports: one row per student, in the platform's own columns.

Each format follows the platform's import documentation; the addresses are in
``docs/teaching-with-the-exercises.md`` ("Send the marks to your learning platform").

- Canvas: ``Student, ID, SIS User ID, SIS Login ID, Section``, then one column per lesson.
- Moodle ("Import grades from CSV"): ``Email address, ID number``, then one column per
  lesson; in Moodle's preview you map one of the two to the student and each lesson to a
  grade item.

Google Classroom is not here: no documented way to import grades from a CSV file into it
was found, so the module does not guess one.

A lesson's cell is left empty while a written mark is pending or nothing was handed in,
so an import never overwrites a mark with a partial total. Files are UTF-8 with a
byte-order mark, as Excel expects.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import OneLineError
from .gradebook import Book, write_table
from .results import points_text

#: The columns each platform needs before the lesson columns, from its import documentation.
IDENTITY_COLUMNS = {
    "canvas": ("Student", "ID", "SIS User ID", "SIS Login ID", "Section"),
    "moodle": ("Email address", "ID number"),
}
FORMATS = tuple(IDENTITY_COLUMNS)


def export_columns(lms: str, book: Book) -> list[str]:
    """The header of an export: the platform's identity columns, then one per lesson.

    >>> export_columns("moodle", Book(["01_events"], [], {}, [], {}, {}, None))
    ['Email address', 'ID number', '01_events']
    """
    if lms not in IDENTITY_COLUMNS:
        raise OneLineError(f"there is no export for {lms!r}; the formats are {', '.join(FORMATS)}")
    return [*IDENTITY_COLUMNS[lms], *book.lessons]


def export_rows(lms: str, book: Book) -> tuple[list[dict[str, str]], list[str]]:
    """One row per student, and a warning for every cell left empty or student left unmatched.

    >>> from exodus_reader.grading.gradebook import LessonResult
    >>> book = Book(["01_events"], ["ada"], {"ada": "Ada"}, [], {("ada", "01_events"): LessonResult()}, {}, None)
    >>> rows, warnings = export_rows("moodle", book)
    >>> rows
    [{'Email address': '', 'ID number': 'ada', '01_events': ''}]
    >>> print("\\n".join(warnings))
    Ada: no email in the roster; map Moodle's ID number instead
    Ada: nothing handed in for 01_events; the cell is empty
    """
    rows, warnings = [], []
    for student in book.students:
        person = book.roster.get(student) if book.roster else None
        name = book.names[student]
        if book.roster and person is None:
            warnings.append(f"{name} is not on the roster, so the platform could not match them: left out")
            continue
        if lms == "canvas":
            row = {"Student": name, "ID": person.lms_id if person else "", "SIS User ID": person.id if person else "",
                   "SIS Login ID": "", "Section": ""}
            if not row["ID"]:
                warnings.append(f"{name}: no lms_id in the roster, so Canvas has only the name to match")
        else:
            row = {"Email address": person.email if person else "", "ID number": person.id if person else student}
            if not row["Email address"]:
                warnings.append(f"{name}: no email in the roster; map Moodle's ID number instead")
        for lesson in book.lessons:
            result = book.results[(student, lesson)]
            row[lesson] = points_text(result.total) if result.complete else ""
            if not result.submitted:
                warnings.append(f"{name}: nothing handed in for {lesson}; the cell is empty")
            elif result.pending:
                warnings.append(f"{name}: {lesson} has written marks pending; the cell is empty")
        rows.append(row)
    return rows, warnings


def export(lms: str, book: Book, out: Path) -> tuple[Path, list[str]]:
    """Write ``<out>/gradebook/<lms>.csv``; return it and the warnings.

    >>> path, warnings = export("canvas", Book([], ["ada"], {"ada": "Ada"}, [], {}, {}, None), Path(__import__("tempfile").mkdtemp()))
    >>> path.read_text(encoding="utf-8-sig").splitlines()
    ['Student,ID,SIS User ID,SIS Login ID,Section', 'Ada,,,,']
    """
    columns = export_columns(lms, book)
    rows, warnings = export_rows(lms, book)
    return write_table(out / "gradebook" / f"{lms}.csv", columns, rows), warnings
