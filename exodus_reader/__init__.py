"""exodus_reader: read one news report closely.

The package behind the teaching module on DW's "Russian military call-up sparks
major exodus" (Juri Rescheto, 24 September 2022). It loads the article and its
annotations once, checks them against the text, and answers questions about
them; the notebooks call it in one or two lines.

Its layers match what people install:

- ``corpus/``: the article and its annotations, validated, and the coverage set: ``load()``;
- ``reading/``: what a lesson shows (tables, figures, widgets); needs only pandas,
  matplotlib and ipywidgets;
- ``exercises/``: the question bank, the notebook's ``check`` and ``hint``, the assignment
  and the sealed runner (the ``exercises`` extra);
- ``grading/``: the classroom grader, the gradebook and the self-check;
- ``delivery/``: JupyterLab, the student release, the website and the launch links.

>>> from exodus_reader import load
>>> load().meta["author"]
'Juri Rescheto'
"""

from __future__ import annotations

from importlib import import_module as _import_module
from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any

if _TYPE_CHECKING:  # for editors and type checkers; at run time each name is imported on first use
    from . import reading as _reading
    from .corpus.article import Article, Match, load, word_count
    from .corpus.schema import FRAMES
    from .errors import AnnotationError, OneLineError
    from .exercises.in_notebook import check, hint, start

    figures = _reading.figures
    lessons = _reading.lessons

#: The public names, and the module each one comes from. They are imported when first
#: used, so that a command which needs none of them (the grader's sandboxed runner, for
#: one) does not pay for pandas.
_PUBLIC = {"Article": "corpus.article", "Match": "corpus.article", "load": "corpus.article",
           "word_count": "corpus.article", "FRAMES": "corpus.schema",
           "check": "exercises.in_notebook", "hint": "exercises.in_notebook", "start": "exercises.in_notebook",
           "AnnotationError": "errors", "OneLineError": "errors"}
#: The modules a lesson imports by name: ``from exodus_reader import figures, lessons``.
_MODULES = {"figures": "reading.figures", "lessons": "reading.lessons"}

__all__ = sorted([*_PUBLIC, *_MODULES])


def __getattr__(name: str) -> _Any:
    if name in _PUBLIC:
        return getattr(_import_module(f".{_PUBLIC[name]}", __name__), name)
    if name in _MODULES:
        return _import_module(f".{_MODULES[name]}", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    """The public names, so that tab completion in a notebook offers them before their first use.

    >>> import exodus_reader
    >>> {"load", "check", "figures"} <= set(dir(exodus_reader))
    True
    """
    return sorted({*__all__, "corpus", "reading", "exercises", "grading", "delivery", "widgets"})
