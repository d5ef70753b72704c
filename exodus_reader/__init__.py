"""exodus_reader: read one news report closely.

The package behind the teaching module on DW's "Russian military call-up sparks
major exodus" (Juri Rescheto, 24 September 2022). It loads the article and its
annotations once, checks them against the text, and answers questions about
them; the notebooks call it in one or two lines.

>>> from exodus_reader import load
>>> load().meta["author"]
'Juri Rescheto'
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

#: The public names, and the module each one comes from. They are imported when first
#: used, so that a command which needs none of them (the grader's sandboxed runner, for
#: one) does not pay for pandas.
_PUBLIC = {"Article": "article", "Match": "article", "load": "article", "word_count": "article",
           "check": "checks", "hint": "checks", "start": "checks", "AnnotationError": "errors", "OneLineError": "errors", "FRAMES": "schema"}

__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        return getattr(import_module(f".{_PUBLIC[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
