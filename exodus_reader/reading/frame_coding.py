"""A student's frame coding: saved as it grows, read back, and compared with the reference.

A coding says, for each body paragraph a student has coded, which of the five
frames of Semetko and Valkenburg (2000) they see there: 1 for present, 0 for
absent. It is kept in a small CSV file, one row per coded paragraph, in the
order of the article:

    paragraph_id,responsibility,conflict,economic,human_interest,morality
    p11,1,0,0,0,0

A paragraph that is not in the file has not been coded yet; a row of zeros means
"none of the five frames". Nothing here needs ipywidgets: the frame coder widget
calls these functions, and so can a lesson or a check.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..errors import OneLineError
from ..corpus.schema import FRAMES

#: One coding: paragraph id -> frame -> 0 or 1.
Coding = dict[str, dict[str, int]]

HEADER: tuple[str, ...] = ("paragraph_id", *FRAMES)


class CodingFileError(OneLineError, ValueError):
    """A saved coding that cannot be read; the message names the file, the line and the problem.

    >>> str(CodingFileError("frame_coding.csv", 3, "morality is 'yes', not 0 or 1"))
    "frame_coding.csv line 3: morality is 'yes', not 0 or 1"
    """

    def __init__(self, file: str, line: int | None, problem: str) -> None:
        self.file, self.line, self.problem = file, line, problem
        where = f"{file} line {line}" if line else file
        super().__init__(f"{where}: {problem}")


def read_coding(path: str | Path, paragraph_ids: Sequence[str]) -> Coding:
    """Read a saved coding; a missing file is an empty coding.

    ``paragraph_ids`` are the paragraphs that may be coded. Anything else in the
    file (a wrong header, an unknown paragraph, a value other than 0 or 1, a
    paragraph twice) raises :class:`CodingFileError`; the file is left as it is.

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "coding.csv"
    >>> read_coding(path, ["p11", "p12"])
    {}
    >>> _ = path.write_text("paragraph_id,responsibility,conflict,economic,human_interest,morality\\np12,0,1,0,0,0\\n")
    >>> read_coding(path, ["p11", "p12"])
    {'p12': {'responsibility': 0, 'conflict': 1, 'economic': 0, 'human_interest': 0, 'morality': 0}}
    """
    path = Path(path)
    if not path.exists():
        return {}
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError:
        raise CodingFileError(path.name, None, "is not a text file in UTF-8") from None
    except OSError as error:
        raise CodingFileError(path.name, None, f"could not be opened ({error.strerror or error})") from None
    rows = list(csv.reader(lines))
    expected = ",".join(HEADER)
    if not rows:
        raise CodingFileError(path.name, None, f"is empty; its first line should be {expected!r}")
    if tuple(cell.strip() for cell in rows[0]) != HEADER:
        raise CodingFileError(path.name, 1, f"should be {expected!r}, not {','.join(rows[0])!r}")
    known = set(paragraph_ids)
    coding: Coding = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        coding.update(_read_row(path.name, number, row, known, coding))
    return {pid: coding[pid] for pid in paragraph_ids if pid in coding}


def _read_row(file: str, number: int, row: list[str], known: set[str], seen: Coding) -> Coding:
    """One checked row of a coding file, as a one-paragraph coding."""
    if len(row) != len(HEADER):
        raise CodingFileError(file, number, f"has {len(row)} values, not {len(HEADER)}")
    pid, *values = (cell.strip() for cell in row)
    if pid not in known:
        raise CodingFileError(file, number, f"{pid!r} is not a body paragraph with a reference coding")
    if pid in seen:
        raise CodingFileError(file, number, f"{pid} is coded twice")
    for frame, value in zip(FRAMES, values):
        if value not in ("0", "1"):
            raise CodingFileError(file, number, f"{frame} is {value!r}, not 0 or 1")
    return {pid: {frame: int(value) for frame, value in zip(FRAMES, values)}}


def write_coding(path: str | Path, coding: Mapping[str, Mapping[str, int]], paragraph_ids: Sequence[str]) -> None:
    """Save a coding, paragraphs in the article's order, replacing the file in one step.

    The new file is written beside the old one and then moved over it, so a
    failure half-way never leaves half a coding.

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "coding.csv"
    >>> write_coding(path, {"p12": dict.fromkeys(FRAMES, 0)}, ["p11", "p12"])
    >>> print(path.read_text(), end="")
    paragraph_id,responsibility,conflict,economic,human_interest,morality
    p12,0,0,0,0,0
    """
    path = Path(path)
    draft = path.with_name(path.name + ".saving")
    with draft.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(HEADER)
        for pid in paragraph_ids:
            if pid in coding:
                writer.writerow([pid, *(int(coding[pid][frame]) for frame in FRAMES)])
    os.replace(draft, path)


def backup_path(path: str | Path) -> Path:
    """A new name beside ``path`` for keeping a file that could not be read; never an existing file.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> backup_path(folder / "frame_coding.csv").name
    'frame_coding.unreadable.csv'
    >>> _ = (folder / "frame_coding.unreadable.csv").write_text("kept")
    >>> backup_path(folder / "frame_coding.csv").name
    'frame_coding.unreadable-2.csv'
    """
    path = Path(path)
    candidate = path.with_name(f"{path.stem}.unreadable{path.suffix}")
    number = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.unreadable-{number}{path.suffix}")
        number += 1
    return candidate


def cohen_kappa(first: Sequence[int], second: Sequence[int]) -> float | None:
    """Cohen's kappa for two coders' yes/no codes of the same items.

    Kappa = (observed agreement - agreement expected by chance) / (1 - chance
    agreement): 1 when the coders agree on every item, 0 when they agree no more
    often than chance would. It is undefined (None) when chance agreement is
    already complete, that is when both coders give every item the same code,
    and when there are no items.

    >>> cohen_kappa([1, 1, 0, 0], [1, 0, 0, 0])
    0.5
    >>> cohen_kappa([1, 0, 1], [1, 0, 1])
    1.0
    >>> cohen_kappa([0, 0, 0], [0, 0, 0]) is None
    True
    """
    if len(first) != len(second):
        raise ValueError(f"the two codings have {len(first)} and {len(second)} items")
    n = len(first)
    if n == 0:
        return None
    observed = sum(a == b for a, b in zip(first, second)) / n
    first_yes, second_yes = sum(first) / n, sum(second) / n
    chance = first_yes * second_yes + (1 - first_yes) * (1 - second_yes)
    if chance == 1:
        return None
    return (observed - chance) / (1 - chance)


@dataclass(frozen=True)
class FrameAgreement:
    """How a student and the reference agree on one frame, over the paragraphs compared."""

    frame: str
    compared: int
    agreed: int
    student_yes: int
    reference_yes: int
    kappa: float | None


def percent_agreement(agreement: FrameAgreement) -> float | None:
    """The share of compared paragraphs where student and reference gave the same answer.

    >>> percent_agreement(FrameAgreement("economic", 17, 16, 0, 1, 0.0))
    0.9411764705882353
    >>> percent_agreement(FrameAgreement("economic", 0, 0, 0, 0, None)) is None
    True
    """
    return agreement.agreed / agreement.compared if agreement.compared else None


def low_kappa_note(agreement: FrameAgreement, label: str | None = None) -> str | None:
    """Explain a kappa near 0 that sits beside high percent agreement, or None if there is none to explain.

    It happens when a frame is rare: when nearly every answer is "no", two coders who
    both say "no" agree by chance alone, and kappa gives no credit for that.

    >>> print(low_kappa_note(FrameAgreement("economic", 17, 16, 0, 1, 0.0)))
    economic: kappa is 0.00 although you agree on 16 of 17 paragraphs (94%). The reference ticked it in 1 paragraph and you in 0. When nearly every answer is "no", two coders agree that often by chance alone, and kappa counts only the agreement beyond chance: here, none.
    >>> low_kappa_note(FrameAgreement("conflict", 17, 17, 7, 7, 1.0)) is None
    True
    """
    share = percent_agreement(agreement)
    if agreement.kappa is None or share is None or agreement.kappa > 0.2 or share < 0.8:
        return None
    beyond = "none" if abs(agreement.kappa) < 0.005 else "little" if agreement.kappa > 0 else "less than none"
    return (f"{label or agreement.frame.replace('_', ' ')}: kappa is {agreement.kappa:.2f} although you agree on "
            f"{agreement.agreed} of {agreement.compared} paragraphs ({share:.0%}). The reference ticked it in "
            f"{agreement.reference_yes} paragraph{'s' if agreement.reference_yes != 1 else ''} and you in "
            f"{agreement.student_yes}. When nearly every answer is \"no\", two coders agree that often by chance "
            f"alone, and kappa counts only the agreement beyond chance: here, {beyond}.")


@dataclass(frozen=True)
class Difference:
    """One paragraph where student and reference differ, with the reference's reason."""

    paragraph_id: str
    student_only: tuple[str, ...]
    reference_only: tuple[str, ...]
    justification: str
    #: the reference's reason for each frame where the two differ, in frame order
    reasons: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Comparison:
    """A coding compared with the reference: per frame, and paragraph by paragraph."""

    paragraph_ids: tuple[str, ...]
    frames: tuple[FrameAgreement, ...]
    differences: tuple[Difference, ...]


def compare_coding(coding: Mapping[str, Mapping[str, int]], reference: pd.DataFrame,
                   reasons: pd.DataFrame | None = None) -> Comparison:
    """Compare a coding with the reference, on the paragraphs the student has coded.

    ``reference`` is a table like ``article.frames``: one row per paragraph,
    one 0/1 column per frame and a ``justification``. ``reasons``, a table like
    ``article.frame_reasons``, gives each difference the reason for each frame.

    >>> from exodus_reader import load
    >>> result = compare_coding({"p13": {"responsibility": 0, "conflict": 1, "economic": 0,
    ...                                  "human_interest": 0, "morality": 0}}, load().frames)
    >>> result.frames[1]
    FrameAgreement(frame='conflict', compared=1, agreed=1, student_yes=1, reference_yes=1, kappa=None)
    >>> result.differences[0].reference_only
    ('human_interest',)
    >>> compare_coding({"p13": {"responsibility": 0, "conflict": 1, "economic": 0, "human_interest": 0,
    ...                         "morality": 0}}, load().frames, load().frame_reasons).differences[0].reasons
    (('human_interest', 'A named man, with his age, job and hometown, speaks of his own fear and choice.'),)
    """
    table = reference.set_index("paragraph_id")
    pids = tuple(pid for pid in table.index if pid in coding)
    agreements = []
    for frame in FRAMES:
        student = [int(coding[pid][frame]) for pid in pids]
        expected = [int(table.at[pid, frame]) for pid in pids]
        agreements.append(FrameAgreement(frame, len(pids), sum(a == b for a, b in zip(student, expected)),
                                         sum(student), sum(expected), cohen_kappa(student, expected)))
    by_frame = {} if reasons is None else {(p, f): r for p, f, r in
                                           zip(reasons["paragraph_id"], reasons["frame"], reasons["reason"])}
    differences = []
    for pid in pids:
        student_only = tuple(f for f in FRAMES if coding[pid][f] and not table.at[pid, f])
        reference_only = tuple(f for f in FRAMES if table.at[pid, f] and not coding[pid][f])
        if student_only or reference_only:
            why = tuple((f, by_frame.get((pid, f), "")) for f in FRAMES if f in student_only + reference_only)
            differences.append(Difference(pid, student_only, reference_only, table.at[pid, "justification"],
                                          why if reasons is not None else ()))
    return Comparison(pids, tuple(agreements), tuple(differences))
