"""Errors that a teacher or a student reads in one line.

In a notebook, IPython shows an exception with its whole traceback unless the
exception offers ``_render_traceback_``. The errors here offer it, so a broken
data file or a failed check prints one line that says what is wrong.
"""

from __future__ import annotations


class OneLineError(Exception):
    """An exception that Jupyter shows as one line, without a traceback.

    >>> OneLineError("something is off")._render_traceback_()
    ['OneLineError: something is off']
    """

    def _render_traceback_(self) -> list[str]:
        return [f"{type(self).__name__}: {self}"]


class AnnotationError(OneLineError, ValueError):
    """A data file that does not match the article or its own rules.

    The message names the file, the row and the problem:

    >>> str(AnnotationError("quotes.csv", "q07", "source_id 's99' is not in sources.csv"))
    "quotes.csv row q07: source_id 's99' is not in sources.csv"
    >>> str(AnnotationError("quotes.csv", None, "missing column 'verb'"))
    "quotes.csv: missing column 'verb'"

    A row id that holds a line break or another hidden character is shown quoted, so the
    message stays on one line:

    >>> str(AnnotationError("quotes.csv", "q0\\n7", "kind '' is not one of direct, indirect, scare"))
    "quotes.csv row 'q0\\\\n7': kind '' is not one of direct, indirect, scare"
    """

    def __init__(self, file: str, row: str | None, problem: str) -> None:
        self.file = file
        self.row = row if row is None or row.isprintable() else repr(row)
        self.problem = " ".join(problem.splitlines())
        where = f"{file} row {self.row}" if self.row else file
        super().__init__(f"{where}: {self.problem}")
