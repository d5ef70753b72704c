"""Reading a typed answer in every form its question allows.

A date typed as text or as ``date(...)``, a number as digits or a word, a share as a
fraction, a decimal or a percentage, a name by any of its aliases (the ``aliases``
columns of the data), with extra words around it. An answer that cannot be read raises
:class:`~exodus_reader.exercises.verdicts.WrongType`, which says what was expected.

>>> read_share("40%"), read_share("2/5") == read_share(0.4)
(0.4, True)
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from fractions import Fraction
from typing import Any

import pandas as pd

from ..corpus.article import load
from ..corpus.schema import aliases, event_date_bounds
from .verdicts import WrongType, describe

MONTHS = {name: number for number, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1) for name in names}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE_PATTERNS = (
    (re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b"), ("y", "m", "d")),
    (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\.?,?\s+(\d{{4}})\b"), ("d", "M", "y")),
    (re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"), ("M", "d", "y")),
    (re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b"), ("a", "b", "y")),
)


def find_dates(text: str) -> list[datetime.date]:
    """Every date written in a text, in the order they stand; a day-month order that could
    be read both ways (3/4/2022) is refused.

    >>> find_dates("from 3 March 2021 to Mar. 25, 2021")
    [datetime.date(2021, 3, 3), datetime.date(2021, 3, 25)]
    >>> find_dates("2021-03-03 and 25.03.2021")
    [datetime.date(2021, 3, 3), datetime.date(2021, 3, 25)]
    >>> find_dates("3 to 25 March 2021")
    [datetime.date(2021, 3, 3), datetime.date(2021, 3, 25)]
    """
    text = text.lower()
    text = re.sub(rf"\b(\d{{1,2}})\s*(?:to|and|until|till|-|\u2013)\s*(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\.?,?\s+(\d{{4}})\b",
                  r"\1 \3 \4 to \2 \3 \4", text)
    found: list[tuple[int, datetime.date]] = []
    taken: list[tuple[int, int]] = []
    for pattern, order in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            parts = dict(zip(order, match.groups()))
            if "M" in parts:
                parts["m"] = str(MONTHS[parts["M"]])
            if "a" in parts:
                a, b = int(parts["a"]), int(parts["b"])
                if a <= 12 and b <= 12 and a != b:
                    raise WrongType(f"{match.group(0)!r} can be read two ways: write the month as a word, "
                                    "for example '1 January 2000'.")
                parts["d"], parts["m"] = (str(a), str(b)) if b <= 12 else (str(b), str(a))
            try:
                day = datetime.date(int(parts["y"]), int(parts["m"]), int(parts["d"]))
            except ValueError:
                raise WrongType(f"{match.group(0)!r} is not a real day.") from None
            found.append((match.start(), day))
            taken.append((match.start(), match.end()))
    return [day for _, day in sorted(found)]


def read_date(answer: Any) -> datetime.date:
    """An answer as a date: a date, or a text that writes one date.

    >>> read_date(datetime.datetime(2022, 2, 24, 0, 0))
    datetime.date(2022, 2, 24)
    >>> read_date("24 February 2022")
    datetime.date(2022, 2, 24)
    >>> read_date("Wednesday")
    Traceback (most recent call last):
    ...
    exodus_reader.exercises.verdicts.WrongType: expects a date, got the text 'Wednesday'. Write it in quotation marks with its year, for example "1 January 2000".
    """
    if isinstance(answer, (datetime.date, pd.Timestamp)):
        return datetime.date(answer.year, answer.month, answer.day)
    if type(answer).__name__ == "datetime64":
        return read_date(pd.Timestamp(answer))
    if isinstance(answer, str):
        days = find_dates(answer)
        if len(set(days)) == 1:
            return days[0]
        if len(set(days)) > 1:
            raise WrongType(f"expects one date, got {len(set(days))} in {describe(answer)}.")
    raise WrongType(f"expects a date, got {describe(answer)}. Write it in quotation marks with its year, "
                    'for example "1 January 2000".')


def read_date_range(answer: Any, expects: str) -> tuple[datetime.date, datetime.date]:
    """Two dates: a pair of dates, or a text that writes two.

    >>> read_date_range("3 to 5 March 2021", "two dates")
    (datetime.date(2021, 3, 3), datetime.date(2021, 3, 5))
    """
    if isinstance(answer, str):
        days = find_dates(answer)
        if len(days) == 2:
            return days[0], days[1]
        raise WrongType(f"expects {expects}, got {describe(answer)} with {len(days)} date"
                        f"{'s' if len(days) != 1 else ''} in it.")
    first, last = read_pair(answer, expects)
    return read_date(first), read_date(last)


NUMBER_WORDS = {word: n for n, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}


def read_whole_number(answer: Any) -> int:
    """An answer as a whole number; a text with one number in it counts too.

    >>> read_whole_number(9.0), read_whole_number("9 quotes"), read_whole_number("nine")
    (9, 9, 9)
    >>> read_whole_number("a few")
    Traceback (most recent call last):
    ...
    exodus_reader.exercises.verdicts.WrongType: expects a whole number, got the text 'a few'.
    """
    if isinstance(answer, str):
        numbers = re.findall(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.])", answer)
        numbers += [str(NUMBER_WORDS[w]) for w in re.findall(r"[a-z]+", answer.lower()) if w in NUMBER_WORDS]
        if len(set(float(n) for n in numbers)) == 1:
            return read_whole_number(float(numbers[0]))
        if numbers:
            raise WrongType(f"expects one whole number, got {describe(answer)}.")
        raise WrongType(f"expects a whole number, got {describe(answer)}.")
    if isinstance(answer, bool) or not isinstance(answer, (int, float)) and type(answer).__module__ != "numpy":
        raise WrongType(f"expects a whole number, got {describe(answer)}.")
    if float(answer) != int(answer):
        raise WrongType(f"expects a whole number, got {describe(answer)}.")
    return int(answer)


def read_text(answer: Any, expects: str) -> str:
    """An answer as lower-case text without surrounding spaces and quotation marks.

    >>> read_text("  'Call-Up' ", "a word")
    'call-up'
    >>> read_text(3, "a word")
    Traceback (most recent call last):
    ...
    exodus_reader.exercises.verdicts.WrongType: expects a word, as text in quotation marks, got the number 3.
    """
    if not isinstance(answer, str):
        raise WrongType(f"expects {expects}, as text in quotation marks, got {describe(answer)}.")
    return " ".join(answer.strip().strip("'\"\u2018\u2019\u201c\u201d.").lower().split())


def words_of(text: str) -> list[str]:
    """The words of a text, without punctuation around them.

    >>> words_of('The word "exodus".')
    ['the', 'word', 'exodus']
    """
    return [w for w in (part.strip(".,;:!?'\"\u2018\u2019\u201c\u201d()[]") for part in text.lower().split()) if w]


def read_paragraph(answer: Any) -> str:
    """An answer as a paragraph id; 13, '13', 'P13' and 'paragraph 13' all mean 'p13'.

    >>> read_paragraph(7), read_paragraph(" P13 "), read_paragraph("paragraph 14, the one with the duty")
    ('p07', 'p13', 'p14')
    """
    if isinstance(answer, int) and not isinstance(answer, bool):
        answer = f"p{answer:02d}"
    text = read_text(answer, "a paragraph id such as 'p07'")
    ids = {int(n) for n in re.findall(r"(?:\bp|\bparagraph|\bpara\.?|^)\s*(\d{1,2})\b", text)}
    if len(ids) != 1:
        raise WrongType(f"expects one paragraph id such as 'p07', got {describe(answer)}.")
    pid = f"p{ids.pop():02d}"
    if pid not in set(load().paragraphs["paragraph_id"]):
        raise WrongType(f"there is no paragraph {pid}: paragraphs go from p01 to p37.")
    return pid


def names_in(text: str, table: pd.DataFrame, id_column: str, name_column: str) -> set[str]:
    """The ids whose name or alias stands in a text as whole words (longest names first).

    >>> sorted(names_in("the uae and finland", load().places, "place", "place"))
    ['Finland', 'United Arab Emirates']
    """
    names = []
    for key, name, cell in zip(table[id_column], table[name_column], table["aliases"]):
        names += [(" ".join(words_of(variant.lower())), key) for variant in [name, *aliases(cell)]]
    return keys_named(" ".join(words_of(text)), names)


def keys_named(words: str, names: Iterable[tuple[str, str]]) -> set[str]:
    """The keys whose name stands in a text of words as whole words, longest names first, so
    that a long name is not also read as the short one inside it.

    >>> sorted(keys_named("united arab emirates and arab league", [("arab emirates", "uae"), ("arab", "x")]))
    ['uae', 'x']
    >>> sorted(keys_named("united arab emirates", [("arab emirates", "uae"), ("arab", "x")]))
    ['uae']
    """
    found, rest = set(), f" {words} "
    for variant, key in sorted(set(names), key=lambda item: -len(item[0])):
        pattern = rf"(?<![\w-]){re.escape(variant)}(?![\w-])"
        if re.search(pattern, rest):
            found.add(key)
            rest = re.sub(pattern, " ", rest)
    return found


def read_source(answer: Any) -> str:
    """An answer as a source id: its id, its name or an alias, with or without words around it.

    >>> read_source("klepkin"), read_source("s09"), read_source("It was Novaya Gazeta, an online outlet.")
    ('s09', 's09', 's03')
    """
    text = read_text(answer, "a source, as its name")
    if re.fullmatch(r"s\d{2}", text) and text in set(load().sources["source_id"]):
        return text
    found = names_in(text, load().sources, "source_id", "name")
    if len(found) == 1:
        return found.pop()
    if len(found) > 1:
        raise WrongType(f"expects one source, and {describe(answer)} names {len(found)}.")
    raise WrongType(f"no source in the article is called {text!r}; lesson 02's table of voices lists them all.")


def read_names(answer: Any, expects: str) -> list[str]:
    """An answer that lists names: a list, or a text with the names separated by commas or 'and'.

    >>> read_names(pd.Series(["Finland", " georgia"]), "countries")
    ['finland', 'georgia']
    >>> read_names("Finland, Georgia and Turkey", "countries")
    ['finland', 'georgia', 'turkey']
    """
    if type(answer).__name__ == "ndarray":
        answer = answer.tolist()
    if isinstance(answer, str):
        answer = [part for part in re.split(r",|;|\n|\band\b", answer) if part.strip()]
    if not isinstance(answer, (list, tuple, set, frozenset, pd.Series, pd.Index)):
        raise WrongType(f"expects {expects} in a list, got {describe(answer)}.")
    return [read_text(item, "each name") for item in answer]


def read_pair(answer: Any, expects: str) -> tuple[Any, Any]:
    """An answer of two values, (first, second).

    >>> read_pair(["a", "b"], "two names")
    ('a', 'b')
    """
    if not isinstance(answer, (tuple, list)) or len(answer) != 2:
        raise WrongType(f"expects {expects} in brackets, (first, second), got {describe(answer)}.")
    return answer[0], answer[1]


def read_share(answer: Any) -> float:
    """An answer as a share between 0 and 1: a fraction, a decimal, or a percentage.

    >>> read_share(Fraction(1, 4)), read_share("25%"), read_share("1/4"), read_share("1 in 4"), read_share(25)
    (0.25, 0.25, 0.25, 0.25, 0.25)
    """
    if isinstance(answer, str):
        text = answer.strip().lower().replace(",", ".")
        ratio = re.fullmatch(r"(?:about |around )?(\d+(?:\.\d+)?)\s*(?:/|in|of|out of)\s*(\d+(?:\.\d+)?)", text)
        percent = re.fullmatch(r"(?:about |around )?(\d+(?:\.\d+)?)\s*(?:%|per ?cent)", text)
        plain = re.fullmatch(r"(?:about |around )?(\d+(?:\.\d+)?)", text)
        if ratio and float(ratio.group(2)):
            return float(ratio.group(1)) / float(ratio.group(2))
        if percent:
            return float(percent.group(1)) / 100
        if plain:
            return read_share(float(plain.group(1)))
        raise WrongType(f"expects a share, such as 0.25, \"25%\" or \"1/4\", got {describe(answer)}.")
    if isinstance(answer, bool) or not isinstance(answer, (int, float, Fraction)) \
            and type(answer).__module__ != "numpy":
        raise WrongType(f"expects a share, such as 0.25, \"25%\" or \"1/4\", got {describe(answer)}.")
    value = float(answer)
    if 1 < value <= 100:
        return value / 100
    if value < 0 or value > 100:
        raise WrongType(f"expects a share between 0 and 1 (or a percentage), got {describe(answer)}.")
    return value


def phrases_of(text: str) -> set[str]:
    """Every run of one to three words in a text, lower case: to find a name inside an answer.

    >>> "picture alliance" in phrases_of("It came via Picture Alliance.")
    True
    """
    words = re.findall(r"[\w-]+", text.lower())
    return {" ".join(words[i:i + n]) for n in (1, 2, 3) for i in range(len(words) - n + 1)}


def read_choice(answer: Any, options: Iterable[str]) -> str:
    """An answer that must be one of the given options (words around it are allowed).

    >>> read_choice("Doubt", ("neutral", "doubt"))
    'doubt'
    >>> read_choice("it signals doubt", ("neutral", "doubt"))
    'doubt'
    >>> read_choice("maybe", ("neutral", "doubt"))
    Traceback (most recent call last):
    ...
    exodus_reader.exercises.verdicts.WrongType: expects one of 'neutral', 'doubt', got the text 'maybe'.
    """
    options = tuple(options)
    text = read_text(answer, "one of " + ", ".join(repr(o) for o in options))
    if text in options:
        return text
    inside = [o for o in options if re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", text)]
    if len(inside) == 1:
        return inside[0]
    if len(inside) > 1:
        raise WrongType(f"expects one choice, got {len(inside)} in {describe(answer)}.")
    raise WrongType(f"expects one of {', '.join(repr(o) for o in options)}, got {describe(answer)}.")


def published_date() -> datetime.date:
    """The day the article was published.

    >>> published_date()
    datetime.date(2022, 9, 24)
    """
    return load().published


def event_days(column: str, value: str) -> list[datetime.date]:
    """The day, or the two ends of the range, of the event whose column has a value.

    >>> event_days("date_as_written", "this week")
    [datetime.date(2022, 9, 21), datetime.date(2022, 9, 24)]
    """
    events = load().events
    first, last = event_date_bounds(events.loc[events[column] == value, "date"].iloc[0])
    return [last] if first == last else [first, last]
