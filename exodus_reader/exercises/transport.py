"""Answers as plain data: what crosses from a student's kernel to the grader.

The grader never trusts an object from a student's kernel. It asks the kernel
to turn each answer into plain JSON data with :func:`to_plain` (this module's
source is sent to the kernel as text, so it uses the standard library only),
and rebuilds ordinary values from that data with :func:`from_plain` in its own
process. An object that pretends to equal everything arrives as its class name
and nothing more.

>>> import datetime
>>> from_plain(to_plain(("p13", datetime.date(2022, 2, 24), {1, 2})))
('p13', datetime.date(2022, 2, 24), {1, 2})
"""

from __future__ import annotations

import datetime
import itertools
import math
import sys
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

#: The most items, characters and levels of nesting kept from one answer.
MAX_ITEMS = 500
MAX_TEXT = 20_000
MAX_DEPTH = 6


@dataclass(frozen=True)
class Opaque:
    """An answer the grader cannot rebuild: only its class name and a short repr are kept.

    >>> Opaque("Yes", "<Yes>") == Opaque("Yes", "<Yes>")
    True
    """

    class_name: str
    shown: str


def _plain_number(value: Any) -> dict:
    """A number as plain data; NaN and infinities become text.

    >>> _plain_number(3)
    {'type': 'int', 'value': 3}
    >>> _plain_number(float("nan"))
    {'type': 'float', 'value': 'nan'}
    """
    if isinstance(value, bool):
        return {"type": "bool", "value": bool(value)}
    if isinstance(value, int):
        return {"type": "int", "value": int(value)}
    number = float(value)
    return {"type": "float", "value": number if math.isfinite(number) else repr(number)}


def _plain_pandas(value: Any, depth: int) -> dict | None:
    """A pandas Series, DataFrame or Index as plain data (None if it is none of these).

    >>> _plain_pandas([1], 0) is None
    True
    """
    name = type(value).__name__
    if not type(value).__module__.startswith("pandas") or name not in {"Series", "DataFrame", "Index"}:
        return None
    if name == "Index":
        return {"type": "list", "items": [to_plain(v, depth + 1) for v in list(value)[:MAX_ITEMS]]}
    index = [to_plain(v, depth + 1) for v in list(value.index)[:MAX_ITEMS]]
    if name == "Series":
        return {"type": "series", "index": index,
                "values": [to_plain(v, depth + 1) for v in list(value)[:MAX_ITEMS]]}
    rows = [[to_plain(v, depth + 1) for v in row] for row in value.head(MAX_ITEMS).itertuples(index=False)]
    return {"type": "dataframe", "columns": [to_plain(c, depth + 1) for c in value.columns],
            "index": index, "rows": rows}


def _shown(value: Any) -> str:
    """A short repr that never fails."""
    try:
        return repr(value)[:200]
    except Exception:  # a student's object may break its own repr
        return "?"


def _plain_numpy(value: Any, depth: int) -> dict | None:
    """A numpy array, scalar or date as plain data (None if it is none of these).

    >>> _plain_numpy(1, 0) is None
    True
    """
    if type(value).__module__ != "numpy" or not hasattr(value, "item"):
        return None
    name = type(value).__name__
    if name == "ndarray":
        return {"type": "list", "items": [to_plain(v, depth + 1) for v in value.ravel()[:MAX_ITEMS].tolist()]}
    if name == "datetime64":
        moment = value.astype("datetime64[us]").item()
        if moment is None:
            return {"type": "none"}
        if str(value.dtype) in ("datetime64[D]", "datetime64[W]", "datetime64[M]", "datetime64[Y]"):
            return {"type": "date", "value": moment.date().isoformat()}
        return to_plain(moment, depth)
    return to_plain(value.item(), depth)


def to_plain(value: Any, depth: int = 0) -> dict:
    """Describe a value as JSON-ready data, tagged with its kind.

    Subclasses of the built-in types (a namedtuple, a Counter, an OrderedDict) count as
    their base type, read through the base type's own methods, so an override changes
    nothing.

    >>> to_plain(...)
    {'type': 'ellipsis'}
    >>> to_plain(["p13", 2.5])
    {'type': 'list', 'items': [{'type': 'str', 'value': 'p13'}, {'type': 'float', 'value': 2.5}]}
    >>> to_plain(datetime.date(2022, 9, 24))
    {'type': 'date', 'value': '2022-09-24'}
    >>> to_plain(Fraction(1, 7))
    {'type': 'fraction', 'numerator': 1, 'denominator': 7}
    >>> class Yes:
    ...     def __eq__(self, other): return True
    >>> to_plain(Yes())["type"], to_plain(Yes())["class"]
    ('other', 'Yes')
    """
    if depth > MAX_DEPTH:
        return {"type": "other", "class": type(value).__name__, "shown": "(nested too deeply)"}
    if value is Ellipsis:
        return {"type": "ellipsis"}
    if value is None:
        return {"type": "none"}
    if isinstance(value, (bool, int, float)):
        return _plain_number(value)
    if isinstance(value, Fraction):
        return {"type": "fraction", "numerator": int(value.numerator), "denominator": int(value.denominator)}
    if isinstance(value, str):
        return {"type": "str", "value": str.__str__(value)[:MAX_TEXT]}
    if isinstance(value, datetime.datetime):
        return {"type": "datetime", "value": datetime.datetime(*value.timetuple()[:6]).isoformat()}
    if isinstance(value, datetime.date):
        return {"type": "date", "value": datetime.date(value.year, value.month, value.day).isoformat()}
    for base, kind in ((list, "list"), (tuple, "tuple"), (set, "set"), (frozenset, "set")):
        if isinstance(value, base):
            items = list(itertools.islice(base.__iter__(value), MAX_ITEMS))
            if kind == "set":
                items.sort(key=_shown)
            return {"type": kind, "items": [to_plain(v, depth + 1) for v in items]}
    if isinstance(value, dict):
        pairs = itertools.islice(dict.items(value), MAX_ITEMS)
        return {"type": "dict", "items": [[to_plain(k, depth + 1), to_plain(v, depth + 1)] for k, v in pairs]}
    array = _plain_numpy(value, depth)
    if array is not None:
        return array
    if "pandas" in sys.modules:
        table = _plain_pandas(value, depth)
        if table is not None:
            return table
    return {"type": "other", "class": type(value).__name__, "shown": _shown(value)}


def _rebuild_number(data: dict) -> Any:
    """A number back from plain data.

    >>> _rebuild_number({"type": "float", "value": "inf"})
    inf
    """
    value = data["value"]
    if data["type"] == "bool":
        return bool(value)
    if data["type"] == "int":
        return int(value)
    return float(value)


def from_plain(data: Any) -> Any:
    """Rebuild an ordinary Python value from :func:`to_plain` data.

    Tables come back as pandas objects; anything unknown as :class:`Opaque`.

    >>> from_plain({"type": "series", "index": [{"type": "str", "value": "fact"}],
    ...             "values": [{"type": "int", "value": 10}]}).to_dict()
    {'fact': 10}
    >>> from_plain({"type": "other", "class": "Yes", "shown": "<Yes>"})
    Opaque(class_name='Yes', shown='<Yes>')
    >>> from_plain("not tagged")
    Opaque(class_name='unreadable answer', shown="'not tagged'")
    """
    kind = data.get("type") if isinstance(data, dict) else None
    simple = {"ellipsis": lambda: Ellipsis, "none": lambda: None,
              "str": lambda: str(data["value"]),
              "date": lambda: datetime.date.fromisoformat(data["value"]),
              "datetime": lambda: datetime.datetime.fromisoformat(data["value"])}
    try:
        if kind in simple:
            return simple[kind]()
        if kind in ("bool", "int", "float"):
            return _rebuild_number(data)
        if kind == "fraction":
            return Fraction(int(data["numerator"]), int(data["denominator"]))
        if kind in ("list", "tuple", "set"):
            items = [from_plain(item) for item in data["items"]]
            return {"list": list, "tuple": tuple, "set": _as_set}[kind](items)
        if kind == "dict":
            return {_hashable(from_plain(k)): from_plain(v) for k, v in data["items"]}
        if kind in ("series", "dataframe"):
            return _rebuild_table(data)
        if kind == "other":
            return Opaque(str(data["class"]), str(data["shown"]))
    except (KeyError, TypeError, ValueError):
        pass
    return Opaque("unreadable answer", repr(data)[:200])


def _as_set(items: list) -> set | list:
    """A set of the items, or the list itself when an item cannot go in a set.

    >>> _as_set([1, 1, 2])
    {1, 2}
    """
    try:
        return set(items)
    except TypeError:
        return items


def _hashable(key: Any) -> Any:
    """A key that a dict can hold.

    >>> _hashable(["a"])
    "['a']"
    """
    try:
        hash(key)
        return key
    except TypeError:
        return repr(key)


def _rebuild_table(data: dict) -> Any:
    """A pandas Series or DataFrame back from plain data."""
    import pandas as pd

    index = [_hashable(from_plain(v)) for v in data["index"]]
    if data["type"] == "series":
        return pd.Series([from_plain(v) for v in data["values"]], index=index, dtype=object)
    columns = [_hashable(from_plain(c)) for c in data["columns"]]
    rows = [[from_plain(v) for v in row] for row in data["rows"]]
    return pd.DataFrame(rows, columns=columns, index=index)


def kernel_source() -> str:
    """Standalone code that defines :func:`to_plain`, to run inside a student's kernel.

    It needs the standard library only, so nothing the student changed in
    ``exodus_reader`` can change it.

    >>> namespace = {}
    >>> exec(kernel_source(), namespace)
    >>> namespace["to_plain"]((1, "a"))["type"]
    'tuple'
    """
    import inspect

    header = ["import datetime", "import itertools", "import math", "import sys", "from fractions import Fraction",
              "from typing import Any",
              f"MAX_ITEMS = {MAX_ITEMS}", f"MAX_TEXT = {MAX_TEXT}", f"MAX_DEPTH = {MAX_DEPTH}"]
    functions = [inspect.getsource(f) for f in (_plain_number, _plain_numpy, _plain_pandas, _shown, to_plain)]
    return "\n".join(header) + "\n\n" + "\n".join(functions)


#: Largest whole number taken from a kernel; beyond it a number is shown, not used.
MAX_INT = 10**18
_NODES = 50_000


def safe_plain(data: Any) -> dict:
    """Plain answer data from a kernel, checked before the grader reads it.

    Only the shapes :func:`to_plain` makes get through, within its limits on items,
    text and depth; anything else becomes an ``other`` answer that no check accepts.

    >>> safe_plain({"type": "int", "value": 42})
    {'type': 'int', 'value': 42}
    >>> safe_plain({"type": "float", "value": 1e400})["value"]
    'inf'
    >>> safe_plain({"type": "int", "value": 10**40})["type"]
    'other'
    >>> safe_plain({"type": "list", "items": "nope"})["class"]
    'unreadable answer'
    """
    budget = [_NODES]
    try:
        return _checked(data, 0, budget)
    except (TypeError, ValueError, KeyError, RecursionError):
        return {"type": "other", "class": "unreadable answer", "shown": repr(data)[:200]}


def _checked(data: Any, depth: int, budget: list[int]) -> dict:
    """One node of :func:`safe_plain`; raises ValueError on anything malformed."""
    budget[0] -= 1
    if budget[0] < 0 or depth > MAX_DEPTH + 2 or not isinstance(data, dict) or not isinstance(data.get("type"), str):
        raise ValueError("malformed")
    kind = data["type"]
    if kind in ("ellipsis", "none", "undefined"):
        return {"type": kind}
    value = data.get("value")
    if kind == "bool" and isinstance(value, bool):
        return {"type": kind, "value": value}
    if kind == "int" and type(value) is int:
        if abs(value) > MAX_INT:
            return {"type": "other", "class": "int", "shown": "a number too large to use"}
        return {"type": kind, "value": value}
    if kind == "float" and type(value) in (int, float):
        number = float(value)
        return {"type": kind, "value": number if math.isfinite(number) else repr(number)}
    if kind == "float" and value in ("nan", "inf", "-inf"):
        return {"type": kind, "value": value}
    if kind == "str" and isinstance(value, str) and len(value) <= MAX_TEXT:
        return {"type": kind, "value": value}
    if kind in ("date", "datetime") and isinstance(value, str) and len(value) <= 40:
        (datetime.date if kind == "date" else datetime.datetime).fromisoformat(value)
        return {"type": kind, "value": value}
    if kind == "fraction":
        top, bottom = data.get("numerator"), data.get("denominator")
        if type(top) is int and type(bottom) is int and bottom > 0 and max(abs(top), bottom) <= MAX_INT:
            return {"type": kind, "numerator": top, "denominator": bottom}
    if kind in ("list", "tuple", "set"):
        return {"type": kind, "items": _checked_list(data.get("items"), depth, budget)}
    if kind == "dict":
        pairs = data.get("items")
        if isinstance(pairs, list) and len(pairs) <= MAX_ITEMS and all(isinstance(p, list) and len(p) == 2 for p in pairs):
            return {"type": kind, "items": [[_checked(k, depth + 1, budget), _checked(v, depth + 1, budget)]
                                            for k, v in pairs]}
    if kind == "series":
        index, values = _checked_list(data.get("index"), depth, budget), _checked_list(data.get("values"), depth, budget)
        if len(index) == len(values):
            return {"type": kind, "index": index, "values": values}
    if kind == "dataframe":
        columns, index = _checked_list(data.get("columns"), depth, budget), _checked_list(data.get("index"), depth, budget)
        rows = data.get("rows")
        if isinstance(rows, list) and len(rows) == len(index) and all(isinstance(r, list) and len(r) == len(columns) for r in rows):
            return {"type": kind, "columns": columns, "index": index,
                    "rows": [_checked_list(row, depth, budget) for row in rows]}
    if kind == "other" and isinstance(data.get("class"), str) and isinstance(data.get("shown"), str):
        return {"type": kind, "class": data["class"][:200], "shown": data["shown"][:200]}
    raise ValueError("malformed")


def _checked_list(items: Any, depth: int, budget: list[int]) -> list:
    """A checked list of plain items; raises ValueError when it is not one."""
    if not isinstance(items, list) or len(items) > MAX_ITEMS:
        raise ValueError("malformed")
    return [_checked(item, depth + 1, budget) for item in items]
