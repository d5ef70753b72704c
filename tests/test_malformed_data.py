"""Any malformed data file gives the one-line message, never a traceback.

Hypothesis breaks one data file at a time, in the ways people break CSV files (an empty
id, a digit from another script, a huge number, a stray quote, another encoding, a lost
column, a repeated row...), and loading must then either succeed or raise
:class:`AnnotationError`: one line naming the file, the row and the problem.
The examples are derandomized, so CI tries the same 40 every run, in a few seconds. Forty
do not reach every case: to try more, set EXODUS_MALFORMED_EXAMPLES (1500 take about a
minute) and run this file alone. The crashes such runs found (an empty paragraph_id, a digit
such as ² or ٣, a number too large for a table, a line break in an id) each have a test of
their own in tests/test_validation.py.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA
from exodus_reader import AnnotationError, load
from exodus_reader.corpus.schema import SCHEMAS

FILES = sorted(schema.file for schema in SCHEMAS.values())

#: Values that people type, paste or export by mistake into a cell.
NASTY = st.sampled_from([
    "", "8\u00b2", "\u0663", "\uff18", "\u00bd", "9" * 25, "a\nb", " ", "-1", "1.5", "nan", "inf", '"', 'a"b',
    "\r\n", ",", ";", "\x00", "\ufeff", "\u00a0", "p99", "p01", "s01", "0", "01",
])
MUTATIONS = st.sampled_from(["cell"] * 6 + ["copy id", "drop column", "rename column",
                             "duplicate row", "drop row", "swap rows", "encoding", "truncate", "raw"])


def ruled_columns(file: str) -> list[str]:
    """The columns of a file that some rule of the schema reads."""
    schema = next(s for s in SCHEMAS.values() if s.file == file)
    columns = [schema.id_column, *schema.int_columns, *schema.optional_int_columns, *schema.float_columns,
               *schema.choices, *schema.references, *schema.required_values]
    columns += [c for span in schema.spans for c in span]
    return [c for c in dict.fromkeys(columns) if c]


def rows_of(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def write_rows(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8")


@st.composite
def broken_file(draw: st.DrawFn) -> tuple[str, bytes]:
    """One data file, broken in one way: its name and its new bytes."""
    name = draw(st.sampled_from(FILES))
    original = (DATA / name).read_bytes()
    rows = rows_of(DATA / name)
    header, body = rows[0], rows[1:]
    row = draw(st.integers(0, len(body) - 1))
    # most often a column that a rule reads (ids, numbers, choices, references, spans)
    typed = [header.index(c) for c in ruled_columns(name) if c in header]
    column = draw(st.sampled_from(typed) | st.integers(0, len(header) - 1))
    mutation = draw(MUTATIONS)
    if mutation == "cell":
        body[row][column] = draw(NASTY)
    elif mutation == "copy id":  # a value of the row above or below: a duplicate id, a wrong reference
        body[row][column] = body[(row + draw(st.sampled_from([-1, 1]))) % len(body)][column]
    elif mutation == "drop column":
        header, body = header[:column] + header[column + 1:], [r[:column] + r[column + 1:] for r in body]
    elif mutation == "rename column":
        header[column] = draw(st.sampled_from(["", header[column].upper(), header[column] + " ", "id"]))
    elif mutation == "duplicate row":
        body.insert(row, list(body[row]))
    elif mutation == "drop row":
        del body[row]
    elif mutation == "swap rows":
        other = draw(st.integers(0, len(body) - 1))
        body[row], body[other] = body[other], body[row]
    elif mutation == "encoding":
        text = original.decode("utf-8")
        encoding = draw(st.sampled_from(["utf-16", "utf-8-sig", "cp1252", "latin-1", "utf-32"]))
        return name, text.encode(encoding, errors="replace")
    elif mutation == "truncate":
        return name, original[:draw(st.integers(0, len(original) - 1))]
    else:  # a raw edit of the bytes: a stray quote, a cut line, a byte that is not UTF-8
        at = draw(st.integers(0, len(original)))
        piece = draw(st.sampled_from([b'"', b'\n', b',', b'\r', b'\xff', b'\xc3', b'\x00', b'\t"']))
        return name, original[:at] + piece + original[at:]
    return name, write_rows([header, *body])


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("malformed") / "data"
    shutil.copytree(DATA, target)
    return target


@settings(max_examples=int(os.environ.get("EXODUS_MALFORMED_EXAMPLES", 40)), deadline=None, derandomize=True,
          database=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(broken=broken_file())
def test_a_broken_file_loads_or_gives_one_line(scratch: Path, broken: tuple[str, bytes]) -> None:
    name, content = broken
    path = scratch / name
    path.write_bytes(content)
    try:
        load.__wrapped__(scratch)
    except AnnotationError as error:
        message = str(error)
        assert message and "\n" not in message and "\r" not in message, message
        assert error._render_traceback_() == [f"AnnotationError: {message}"]
        # a broken file may show first in a file that points into it (p99 is not in paragraphs.csv)
        assert error.file in FILES + ["article.json", "article.txt"], message
        assert message.startswith(f"{error.file} row {error.row}: " if error.row else f"{error.file}: "), message
    finally:
        shutil.copyfile(DATA / name, path)
