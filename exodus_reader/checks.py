"""Checks for the exercises: one per question, known by its nbgrader ``grade_id``.

A notebook calls ``check(grade_id, answer)`` after each answer. Feedback is
graduated, in the manner of Data 8's question tests:

1. not answered yet: the answer is still ``...``;
2. wrong type or shape: "expects a date, got the text 'Wednesday'";
3. a known misconception, with a hint aimed at it;
4. not right yet, with a hint that points back to the text;
5. correct: one short line.

A failed check raises one of the :class:`CheckFailed` errors, which Jupyter
shows as one line. No message ever contains the expected answer: expected
values are derived from the annotated data (``load()``), or, where the answer
is a judgement that no table records, compared as salted hashes.

The grader calls :func:`evaluate`, which returns the same verdict as an
:class:`Outcome` instead of printing or raising.

>>> check("events_wednesday", ...)
Traceback (most recent call last):
...
exodus_reader.checks.NotAnsweredYet: not answered yet: replace the ... in the cell above with your answer, then run that cell and this one.
>>> evaluate("events_wednesday", "Wednesday").status
'wrong type'
"""

from __future__ import annotations

import datetime
import hashlib
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import pandas as pd

from .answers import Opaque
from .article import load
from .errors import OneLineError
from .schema import FRAMES

#: Salt for the hashed answers, so a search engine cannot look the hashes up.
SALT = "exodus-reader/2022-09-24/"

NOT_ANSWERED = ("not answered yet: replace the ... in the cell above with your answer, "
                "then run that cell and this one.")


class CheckFailed(OneLineError):
    """A check that did not pass; Jupyter shows it as one line."""

    status = "incorrect"


class NotAnsweredYet(CheckFailed):
    """The answer is still the ``...`` of the blank exercise."""

    status = "not answered"


class WrongType(CheckFailed):
    """The answer is not the kind of value the question asks for."""

    status = "wrong type"


class NotQuite(CheckFailed):
    """The answer shows a known misconception; the message aims a hint at it."""

    status = "misconception"


class NotYet(CheckFailed):
    """The answer is wrong; the message points back to the text."""

    status = "incorrect"


@dataclass(frozen=True)
class Outcome:
    """The verdict of one check: a status and the one line a student reads.

    >>> Outcome("correct", "Correct.").passed
    True
    """

    status: str
    message: str

    @property
    def passed(self) -> bool:
        return self.status == "correct"


_FAILURES = {cls.status: cls for cls in (NotAnsweredYet, WrongType, NotQuite)}
CHECKS: dict[str, Callable[[Any], str | None]] = {}


def question(grade_id: str) -> Callable[[Callable[[Any], str | None]], Callable[[Any], str | None]]:
    """Register a check under its nbgrader grade_id.

    A check raises a :class:`CheckFailed` error or returns; it may return its
    own line of praise instead of "Correct.".

    >>> CHECKS["events_wednesday"].__name__
    '_events_wednesday'
    """
    def register(function: Callable[[Any], str | None]) -> Callable[[Any], str | None]:
        CHECKS[grade_id] = function
        return function
    return register


def evaluate(grade_id: str, answer: Any) -> Outcome:
    """Check an answer and return the verdict, without printing or raising.

    >>> evaluate("events_war_paragraph", ...).status
    'not answered'
    >>> evaluate("events_war_paragraph", "p99").message
    'there is no paragraph p99: paragraphs go from p01 to p37.'
    >>> evaluate("no_such_question", 1).status
    'unknown question'
    """
    if grade_id not in CHECKS:
        return Outcome("unknown question", f"there is no check called {grade_id!r}.")
    if answer is Ellipsis:
        return Outcome(NotAnsweredYet.status, NOT_ANSWERED)
    try:
        praise = CHECKS[grade_id](answer)
    except CheckFailed as failure:
        return Outcome(failure.status, str(failure))
    except Exception:  # an answer object that breaks comparison or conversion
        return Outcome(WrongType.status, f"could not read this answer ({describe(answer)}).")
    return Outcome("correct", praise or "Correct.")


def check(grade_id: str, answer: Any) -> None:
    """Check an answer in a notebook: print one line if it is right, raise one line if not.

    >>> check("events_war_paragraph", "p26")
    Traceback (most recent call last):
    ...
    exodus_reader.checks.NotQuite: that paragraph says 'When war broke out' but names no day; find the paragraph where the day itself is written.
    """
    outcome = evaluate(grade_id, answer)
    if outcome.passed:
        # one write, so the line reaches the notebook as one output, not two
        sys.stdout.write(f"\u2713 {outcome.message}\n")
        return
    if outcome.status == "unknown question":
        raise OneLineError(outcome.message)
    raise _FAILURES.get(outcome.status, NotYet)(outcome.message)


# --- describing and reading answers --------------------------------------------

def describe(value: Any) -> str:
    """Say what kind of value a student gave, in plain words.

    >>> describe("Wednesday")
    "the text 'Wednesday'"
    >>> describe(3)
    'the number 3'
    >>> describe([1, 2])
    'a list of 2 items'
    >>> describe(None)
    'None (did the cell assign a value?)'
    """
    if isinstance(value, Opaque):
        return f"a {value.class_name} object"
    if value is None:
        return "None (did the cell assign a value?)"
    if isinstance(value, bool):
        return f"the value {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:40] + "\u2026"
        return f"the text {shown!r}"
    if type(value).__name__ == "ndarray":
        return f"an array of {len(value)} items"
    if isinstance(value, (int, float, Fraction)) or type(value).__module__ == "numpy":
        return f"the number {value}"
    if isinstance(value, (datetime.date, pd.Timestamp)):
        return f"the date {value:%Y-%m-%d}"
    if isinstance(value, pd.DataFrame):
        return f"a table with {len(value)} rows"
    if isinstance(value, (list, tuple, set, frozenset, dict, pd.Series)):
        kind = {list: "list", tuple: "tuple", set: "set", frozenset: "set", dict: "dict"}.get(type(value), "Series")
        return f"a {kind} of {len(value)} item{'s' if len(value) != 1 else ''}"
    return f"a {type(value).__name__}"


def _date(answer: Any) -> datetime.date:
    """An answer as a date.

    >>> _date(datetime.datetime(2022, 2, 24, 0, 0))
    datetime.date(2022, 2, 24)
    >>> _date("Wednesday")
    Traceback (most recent call last):
    ...
    exodus_reader.checks.WrongType: expects a date, got the text 'Wednesday'. Write it as date(year, month, day).
    """
    if isinstance(answer, (datetime.date, pd.Timestamp)):
        return datetime.date(answer.year, answer.month, answer.day)
    if type(answer).__name__ == "datetime64":
        return _date(pd.Timestamp(answer))
    raise WrongType(f"expects a date, got {describe(answer)}. Write it as date(year, month, day).")


def _whole_number(answer: Any) -> int:
    """An answer as a whole number.

    >>> _whole_number(9.0)
    9
    >>> _whole_number("9")
    Traceback (most recent call last):
    ...
    exodus_reader.checks.WrongType: expects a whole number, got the text '9'. Leave out the quotation marks.
    """
    if isinstance(answer, str):
        raise WrongType(f"expects a whole number, got {describe(answer)}. Leave out the quotation marks.")
    if isinstance(answer, bool) or not isinstance(answer, (int, float)) and type(answer).__module__ != "numpy":
        raise WrongType(f"expects a whole number, got {describe(answer)}.")
    if float(answer) != int(answer):
        raise WrongType(f"expects a whole number, got {describe(answer)}.")
    return int(answer)


def _text(answer: Any, expects: str) -> str:
    """An answer as lower-case text without surrounding spaces and quotation marks.

    >>> _text("  'Call-Up' ", "a word")
    'call-up'
    >>> _text(3, "a word")
    Traceback (most recent call last):
    ...
    exodus_reader.checks.WrongType: expects a word, as text in quotation marks, got the number 3.
    """
    if not isinstance(answer, str):
        raise WrongType(f"expects {expects}, as text in quotation marks, got {describe(answer)}.")
    return " ".join(answer.strip().strip("'\"\u2018\u2019\u201c\u201d.").lower().split())


def _paragraph(answer: Any) -> str:
    """An answer as a paragraph id; 13, '13' and 'P13' all mean 'p13'.

    >>> _paragraph(7), _paragraph(" P13 ")
    ('p07', 'p13')
    """
    if isinstance(answer, int) and not isinstance(answer, bool):
        answer = f"p{answer:02d}"
    text = _text(answer, "a paragraph id such as 'p07'")
    match = re.fullmatch(r"p?(\d{1,2})", text)
    if not match:
        raise WrongType(f"expects a paragraph id such as 'p07', got {describe(answer)}.")
    pid = f"p{int(match.group(1)):02d}"
    if pid not in set(load().paragraphs["paragraph_id"]):
        raise WrongType(f"there is no paragraph {pid}: paragraphs go from p01 to p37.")
    return pid


def _source(answer: Any) -> str:
    """An answer as a source id: an id, or any unambiguous part of a name.

    >>> _source("klepkin"), _source("s09")
    ('s09', 's09')
    """
    text = _text(answer, "a source, as its id or its name")
    try:
        return load().source_id(text)
    except OneLineError as unknown:
        raise WrongType(str(unknown)) from None


def _counts(answer: Any, expects: str) -> dict[str, int]:
    """An answer of counts (a dict or a Series from value_counts) as a plain dict.

    >>> _counts(pd.Series({"fact": 2, "claim": 1}), "counts")
    {'fact': 2, 'claim': 1}
    """
    if isinstance(answer, pd.DataFrame) and answer.shape[1] == 1:
        answer = answer.iloc[:, 0]
    if not isinstance(answer, (dict, pd.Series)):
        raise WrongType(f"expects {expects} (a Series from value_counts() or a dict), got {describe(answer)}.")
    counts = {}
    for key, value in dict(answer).items():
        if isinstance(value, float) and 0 < value < 1:
            raise WrongType("expects counts, got shares: use value_counts() without normalize.")
        counts[str(key).strip().lower()] = _whole_number(value)
    return counts


def _names(answer: Any, expects: str) -> list[str]:
    """An answer that lists names, as lower-case texts (duplicates kept).

    >>> _names(pd.Series(["Finland", " georgia"]), "countries")
    ['finland', 'georgia']
    """
    if type(answer).__name__ == "ndarray":
        answer = answer.tolist()
    if isinstance(answer, str) or not isinstance(answer, (list, tuple, set, frozenset, pd.Series, pd.Index)):
        raise WrongType(f"expects {expects} in a list, got {describe(answer)}.")
    return [_text(item, "each name") for item in answer]


def _pair(answer: Any, expects: str) -> tuple[Any, Any]:
    """An answer of two values, (first, second).

    >>> _pair(["a", "b"], "two names")
    ('a', 'b')
    """
    if not isinstance(answer, (tuple, list)) or len(answer) != 2:
        raise WrongType(f"expects {expects} in brackets, (first, second), got {describe(answer)}.")
    return answer[0], answer[1]


def _share(answer: Any) -> float:
    """An answer as a share between 0 and 1 (a fraction or a decimal number).

    >>> _share(Fraction(1, 4))
    0.25
    """
    if isinstance(answer, str) or isinstance(answer, bool) or not isinstance(answer, (int, float, Fraction)) \
            and type(answer).__module__ != "numpy":
        raise WrongType(f"expects a number between 0 and 1, got {describe(answer)}.")
    return float(answer)


def digest(text: str) -> str:
    """A salted hash of a normalised answer, for answers that no table records.

    >>> len(digest("anything"))
    16
    >>> digest(" Anything ") == digest("anything")
    True
    """
    normalised = " ".join(text.strip().lower().split())
    return hashlib.sha256((SALT + normalised).encode("utf-8")).hexdigest()[:16]


def _choice(answer: Any, options: Iterable[str]) -> str:
    """An answer that must be one of the given options.

    >>> _choice("Doubt", ("neutral", "doubt"))
    'doubt'
    >>> _choice("maybe", ("neutral", "doubt"))
    Traceback (most recent call last):
    ...
    exodus_reader.checks.WrongType: expects one of 'neutral', 'doubt', got the text 'maybe'.
    """
    options = tuple(options)
    text = _text(answer, "one of " + ", ".join(repr(o) for o in options))
    if text not in options:
        raise WrongType(f"expects one of {', '.join(repr(o) for o in options)}, got {describe(answer)}.")
    return text


def _published() -> datetime.date:
    return datetime.date.fromisoformat(load().meta["published"])


def _event_dates(column: str, value: str) -> list[datetime.date]:
    """The day or the two ends of the range of the event whose column has a value."""
    events = load().events
    date = events.loc[events[column] == value, "date"].iloc[0]
    return [datetime.date.fromisoformat(day) for day in date.split("/")]


# --- 01_events ----------------------------------------------------------------

@question("events_wednesday")
def _events_wednesday(answer: Any) -> None:
    day = _date(answer)
    expected = _event_dates("date_as_written", "on Wednesday")[0]
    published = _published()
    if day == expected:
        return None
    if day == published:
        raise NotQuite("that is the day the article was published (p06); the caption's Wednesday comes before it.")
    if day.weekday() == expected.weekday():
        raise NotQuite("that is a Wednesday, but not this one: in a news report 'on Wednesday' means the "
                       "most recent Wednesday before the date line (p06).")
    if day > published:
        raise NotYet("that day comes after the date line (p06): a report can only tell of days that have passed.")
    raise NotYet(f"that day is a {day:%A}. The caption (p09) speaks of a Wednesday; count back from the date line (p06).")


@question("events_klepkin_window")
def _events_klepkin_window(answer: Any) -> None:
    first, last = (_date(day) for day in _pair(answer, "two dates, the earliest and the latest,"))
    earliest, latest = _event_dates("date_as_written", "this week")
    published = _published()
    monday = published - datetime.timedelta(days=published.weekday())
    if (first, last) == (earliest, latest):
        return None
    if first > last:
        raise WrongType("expects the earliest date first, then the latest.")
    if first == monday:
        raise NotQuite("the week began on Monday, but Klepkin left when the news broke (p27): "
                       "the caption tells you which day that was (p09).")
    if first == last:
        raise NotQuite("'immediately' (p27) says he left soon, but the article names no day: give the "
                       "whole window, up to the last day the article can know about (p06).")
    if last > published:
        raise NotYet("the latest date is after the date line (p06): the article cannot report what had not happened.")
    raise NotYet("not yet: the window opens when the news broke (p09, p27) and closes when the article was written (p06).")


@question("events_war_paragraph")
def _events_war_paragraph(answer: Any) -> None:
    pid = _paragraph(answer)
    events = load().events
    before_september = events[(events["precision"] == "day") & (events["date"] < "2022-09")]
    if pid == before_september["paragraph_id"].iloc[0]:
        return None
    looks_back = events[(events["precision"] == "range") & events["date"].str.startswith("2022-02")]
    if pid in set(looks_back["paragraph_id"]):
        raise NotQuite("that paragraph says 'When war broke out' but names no day; "
                       "find the paragraph where the day itself is written.")
    if pid in set(events.loc[events["date"].str.startswith(".."), "paragraph_id"]):
        raise NotQuite("that paragraph speaks of another war, more than a century ago, in Klepkin's words.")
    raise NotYet("that paragraph gives no day for the start of the war. Try article.search(\"broke out\").")


@question("events_numbers_by_status")
def _events_numbers_by_status(answer: Any) -> None:
    counts = _counts(answer, "counts by status")
    article = load()
    numbers = article.numbers
    if counts == numbers["status"].value_counts().to_dict():
        return None
    if counts == numbers.loc[numbers["exact"] == "yes", "status"].value_counts().to_dict():
        raise NotQuite("you counted only exact figures; vague amounts such as 'thousands' are numbers too.")
    if counts == article.events["status"].value_counts().to_dict():
        raise NotQuite("those are the events by status; count the rows of article.numbers.")
    raise NotYet("not yet: count every row of article.numbers by its status column: "
                 "numbers[\"status\"].value_counts().")


@question("events_million_source")
def _events_million_source(answer: Any) -> None:
    source = _source(answer)
    article = load()
    numbers, events = article.numbers, article.events
    if source == numbers.loc[numbers["value"] == 1_000_000, "source_id"].iloc[0]:
        return None
    if source in set(events.loc[events["status"] == "denial", "source_id"]):
        raise NotQuite("the Kremlin denied the figure (p12); who put it forward in the first place?")
    if source == numbers.loc[numbers["status"] == "claim", "source_id"].iloc[0]:
        raise NotQuite("the ministry's figure is a different one (p11); read on to the next paragraph.")
    raise NotYet("not yet: the reporter passes the figure on; read the sentence with '1 million' in p12 "
                 "and find who 'has even reported' it.")


@question("events_destinations")
def _events_destinations(answer: Any) -> str | None:
    names = _names(answer, "country names")
    places = load().places
    role = places["role"]
    expected = set(places.loc[role.str.startswith("destination"), "place"].str.lower())
    refusing = set(places.loc[role.str.startswith(("refusing", "considering")), "place"].str.lower())
    if set(names) == expected and len(names) == len(set(names)):
        return None
    if set(names) == expected:
        raise WrongType("expects each country once: .unique() drops the repeats.")
    if set(names) & refusing - expected:
        raise NotQuite("some of these countries turn Russians away (p30 to p32); they are not destinations.")
    if set(names) == set(places.loc[role == "destination by road", "place"].str.lower()):
        raise NotQuite("you kept only the destinations by road; people also fly out (p15).")
    right = len(set(names) & expected)
    raise NotYet(f"{right} of the {len(set(names))} countries you name are destinations, "
                 "and some are missing. Filter article.places on the role column.")


@question("events_later_reports")
def _events_later_reports(answer: Any) -> None:
    count = _whole_number(answer)
    dates = load().timeline["date"]
    published = load().meta["published"]
    if count == (dates > published).sum():
        return None
    if count == (dates >= published).sum():
        raise NotQuite("you counted reports from the day of publication too; count only those dated after it.")
    if count == len(dates):
        raise NotQuite("that is every report in the timeline; count only those dated after publication (p06).")
    raise NotYet("not yet: compare article.timeline[\"date\"] with the publication date, "
                 "article.meta[\"published\"], and count.")


# --- 02_sources ---------------------------------------------------------------

@question("sources_quoted_naming")
def _sources_quoted_naming(answer: Any) -> None:
    counts = _counts(answer, "counts by naming")
    sources = load().sources
    if counts == sources.loc[sources["role"] == "quoted", "naming"].value_counts().to_dict():
        return None
    if counts == sources["naming"].value_counts().to_dict():
        raise NotQuite("you counted every source; count only those quoted directly (role 'quoted').")
    speaking = sources["role"].isin(["quoted", "reported"])
    if counts == sources.loc[speaking, "naming"].value_counts().to_dict():
        raise NotQuite("you included voices that are only reported; count only role 'quoted'.")
    raise NotYet("not yet: keep the rows of article.sources whose role is 'quoted', then count their naming.")


@question("sources_direct_count")
def _sources_direct_count(answer: Any) -> None:
    count = _whole_number(answer)
    kinds = load().quotes["kind"]
    if count == (kinds == "direct").sum():
        return None
    if count == kinds.isin(["direct", "scare"]).sum():
        raise NotQuite("scare quotes are words in quotation marks that nobody in the article says (q07); leave them out.")
    if count == len(kinds):
        raise NotQuite("that is every quote; count only the direct ones.")
    raise NotYet("not yet: count the rows of article.quotes whose kind is 'direct'.")


@question("sources_direct_words")
def _sources_direct_words(answer: Any) -> None:
    counts = _counts(answer, "words by source_type")
    table = load().quote_table()
    direct = table[table["kind"] == "direct"]
    if counts == direct.groupby("source_type")["words"].sum().to_dict():
        return None
    if counts == table.groupby("source_type")["words"].sum().to_dict():
        raise NotQuite("you counted reported speech too; keep only direct quotes (kind 'direct').")
    if counts == direct.groupby("source_type").size().to_dict():
        raise NotQuite("you counted quotes; add up their words (the words column).")
    raise NotYet("not yet: keep the direct quotes of article.quote_table(), group by source_type and sum the words.")


@question("sources_thought_verb")
def _sources_thought_verb(answer: Any) -> None:
    word = _text(answer, "a verb")
    quotes = load().quotes_by("Dennis")
    speech = quotes["verb_lemma"].isin(["say", "tell"])
    thought = quotes[~speech].iloc[0]
    spellings = {thought["verb"], thought["verb_lemma"]}
    if word in spellings | {w.replace("z", "s") for w in spellings}:
        return None
    spoken = set(quotes.loc[speech, "verb"]) | {verb.split()[0] for verb in quotes.loc[speech, "verb"]}
    if word in spoken | set(quotes.loc[speech, "verb_lemma"]):
        raise NotQuite("that verb reports something Dennis said, a speech act; look for a verb of thinking.")
    if word in " ".join(quotes.loc[quotes["kind"] == "direct", "text"]).lower().split():
        raise NotQuite("that verb stands inside his own quote; the question asks about the verbs "
                       "with which the reporter hands words to Dennis.")
    raise NotYet("not yet: list the verbs that hand words or thoughts to Dennis, then ask of each: "
                 "did he say this?")


STANCES = ("neutral", "doubt", "concession", "denial", "request")


@question("sources_urged")
def _sources_urged(answer: Any) -> None:
    choice = _choice(answer, STANCES)
    if digest(choice) == "1696f0bfa351ff85":
        return None
    hints = {
        "12d20fc44a19fb81": "a neutral verb only passes words on; 'urged' tells you more about what Kallas wants.",
        "71e50560d33196e4": "a verb of doubt questions whether something is true; 'urged' does not.",
        "964efd579768878b": "a concession admits something; does Kallas admit anything in that sentence (p31)?",
        "ee846182ac9e4334": "a denial rejects a claim; what Kallas rejects comes in the sentence before 'urged' (p31).",
    }
    raise NotQuite(hints.get(digest(choice), "read the whole sentence in p31 again."))


@question("sources_women_share")
def _sources_women_share(answer: Any) -> None:
    share = _share(answer)
    sources = load().sources
    people = sources[sources["kind"] == "person"]
    speaking = people[people["role"].isin(["quoted", "reported"])]
    women = (speaking["gender"] == "female").sum()
    expected = women / len(speaking)
    if abs(share - expected) < 0.005:
        return None
    if 1 < share <= 100 and abs(share / 100 - expected) < 0.005:
        raise WrongType("expects a share between 0 and 1, not a percentage: divide by 100.")
    if share >= 1 and share == int(share):
        raise WrongType(f"expects a share between 0 and 1, got {describe(answer)}, which looks like a count: "
                        "divide it by the number of people who speak.")
    if abs(share - women / len(people)) < 0.005:
        raise NotQuite("count only people who speak (quoted or reported): one person is only mentioned "
                       "and one is the reporter.")
    if abs(share - (1 - expected)) < 0.005:
        raise NotQuite("that is the share of men.")
    raise NotYet("not yet: keep the people (kind 'person') who are quoted or reported, "
                 "then divide the number of women by the number of rows.")


@question("sources_first_last")
def _sources_first_last(answer: Any) -> None:
    first, last = (_source(name) for name in _pair(answer, "two voices, the first and the last,"))
    quotes = load().quotes.sort_values("start")
    direct = quotes[quotes["kind"] == "direct"]
    expected = (direct["source_id"].iloc[0], direct["source_id"].iloc[-1])
    if (first, last) == expected:
        return None
    if (last, first) == expected:
        raise WrongType("expects the first voice first, then the last.")
    if first == quotes["source_id"].iloc[0]:
        raise NotQuite("the ministry comes first (p11), but only in reported speech; "
                       "the question asks about direct quotes.")
    if last == direct["source_id"].iloc[-2]:
        raise NotQuite("that voice is quoted near the end, but someone else has the last direct quote; read to the end.")
    raise NotYet("not yet: sort the direct quotes of article.quotes by their start and look at the first and last rows.")


@question("sources_state_media")
def _sources_state_media(answer: Any) -> None:
    name = _text(answer, "the name of an agency")
    if digest(name) == "32b1c63485a21913":
        return None
    hints = {
        "7ecc99a1626df803": "that agency passed the picture on; read how article.sources describes this credit.",
        "37fc58bc402d2ef9": "that agency passed the picture on; read how article.sources describes this credit.",
        "15eca8f8d90b3054": "that is the photographer, not an agency.",
        "c97ff87df258891e": "that agency is credited for another picture (p18).",
        "b1b0badf8842f9b8": "that photographer is credited for another picture (p18).",
        "606eeab0e7a2476d": "DW is the publisher (p10); the airport picture is credited to others (p25).",
    }
    hint = hints.get(digest(name))
    if hint:
        raise NotQuite(hint)
    raise NotYet("not yet: the credit of the airport picture (p25) names a photographer and several agencies; "
                 "article.sources describes each credit.")


# --- 03_framing ---------------------------------------------------------------

@question("framing_fire_word")
def _framing_fire_word(answer: Any) -> None:
    word = _text(answer, "a word")
    devices = load().devices
    headline = devices[devices["kind"] == "headline"]
    fire = headline.loc[headline["note"].str.contains("fire metaphor"), "text"].iloc[0].lower()
    if word in {fire, fire.rstrip("s"), fire.rstrip("s") + "ed"}:
        return None
    for text, note in zip(headline["text"].str.lower(), headline["note"]):
        if word in text.split() or word == text:
            raise NotQuite(f"that word is marked in the headline too, but not as fire: {note[0].lower() + note[1:]}")
    raise NotYet("not yet: read the headline (p04) word by word. Which word belongs to fire?")


@question("framing_coding")
def _framing_coding(answer: Any) -> str:
    reference = load().frames.set_index("paragraph_id")
    asked = ["p15", "p28", "p31"]
    if not isinstance(answer, dict) or sorted(str(k).lower() for k in answer) != asked:
        raise WrongType(f"expects a dict with the keys 'p15', 'p28' and 'p31', got {describe(answer)}.")
    agree = {}
    coded = {}
    for pid, frames in answer.items():
        chosen = _names(frames, f"the frames present in {pid}")
        chosen = [name.replace(" ", "_") for name in chosen]
        unknown = [name for name in chosen if name not in FRAMES]
        if unknown:
            raise WrongType(f"{unknown[0]!r} is not one of the five frames: {', '.join(FRAMES)}.")
        coded[str(pid).lower()] = set(chosen)
    for pid in asked:
        agree[pid] = sum((frame in coded[pid]) == bool(reference.loc[pid, frame]) for frame in FRAMES)
    total = sum(agree.values())
    decisions = len(asked) * len(FRAMES)
    if all(len(frames) == len(FRAMES) for frames in coded.values()):
        raise NotQuite("you marked every frame in every paragraph; a frame counts only where the "
                       "paragraph clearly answers 'yes' to its questions.")
    if all(not frames for frames in coded.values()):
        raise NotQuite("you marked no frame at all; most paragraphs use at least one.")
    detail = ", ".join(f"{pid}: {n} of {len(FRAMES)}" for pid, n in agree.items())
    if total < decisions * 0.8:
        raise NotYet(f"you agree with the reference coding on {total} of {decisions} decisions ({detail}); "
                     f"{int(decisions * 0.8)} are needed. Reread the yes/no questions for each frame.")
    return f"You agree with the reference coding on {total} of {decisions} decisions ({detail})."


@question("framing_most_metaphors")
def _framing_most_metaphors(answer: Any) -> None:
    pid = _paragraph(answer)
    devices = load().devices
    metaphors = devices.loc[devices["kind"] == "metaphor", "paragraph_id"].value_counts()
    if pid == metaphors.idxmax():
        return None
    if pid == devices["paragraph_id"].value_counts().idxmax():
        raise NotQuite("that paragraph has the most devices of all kinds; count only the metaphors.")
    found = int(metaphors.get(pid, 0))
    raise NotYet(f"that paragraph has {found} metaphor{'s' if found != 1 else ''} marked; one paragraph has more. "
                 "Filter article.devices on kind and count by paragraph.")


@question("framing_distancing_word")
def _framing_distancing_word(answer: Any) -> None:
    word = _text(answer, "a word").replace(" ", "-")
    devices = load().devices
    hedges = devices[(devices["paragraph_id"] == "p13") & (devices["kind"] == "hedge")]
    word_hedge = hedges.loc[~hedges["text"].str.startswith('"'), "text"].iloc[0].lower()
    term = load().quotes.loc[lambda q: q["kind"] == "scare", "text"].iloc[0].lower()
    if word == word_hedge:
        return None
    if word.replace("-", " ") == term:
        raise NotQuite("that is the official term itself; which word in front of it keeps the article's distance?")
    if "quot" in word or word in {'"', "'"}:
        raise NotQuite("the quotation marks keep a distance too, but the question asks for the word in front of them.")
    raise NotYet("not yet: read the end of p13 again. Which word comes just before the quotation marks?")


@question("framing_errata")
def _framing_errata(answer: Any) -> None:
    count = _whole_number(answer)
    devices = load().devices
    errata = devices[devices["kind"] == "erratum"]
    if count == len(errata):
        return None
    if count == errata["text"].nunique():
        raise NotQuite("some misspellings occur twice, in different paragraphs; count every place where an error stands.")
    if count == len(errata) + (devices["kind"] == "no_break_space").sum():
        raise NotQuite("no-break spaces are not typing errors: they are invisible characters of the web page.")
    raise NotYet("not yet: count the rows of article.devices whose kind is 'erratum'.")


@question("framing_caption_claim")
def _framing_caption_claim(answer: Any) -> None:
    pid = _paragraph(answer)
    devices = load().devices
    captions = devices[devices["kind"] == "caption"]
    if pid == captions.loc[captions["note"].str.contains("economic"), "paragraph_id"].iloc[0]:
        return None
    if pid in set(devices.loc[devices["kind"] == "alt_text", "paragraph_id"]):
        raise NotQuite("that is a picture's description (alt text), not its caption.")
    if pid in set(captions["paragraph_id"]):
        raise NotQuite("that caption is not about money; one caption is.")
    raise NotYet("that paragraph is not a caption: article.paragraphs shows which paragraphs are captions.")


ENTMAN_FUNCTIONS = ("problem definition", "causal interpretation", "moral evaluation", "treatment recommendation")


@question("framing_kallas_function")
def _framing_kallas_function(answer: Any) -> None:
    choice = _choice(answer, ENTMAN_FUNCTIONS)
    if digest(choice) == "d2f22abc8dcbf1cc":
        return None
    hints = {
        "1031ec742668bc8a": "a problem definition says what is wrong; does this sentence say what is wrong?",
        "ee56307a575a77d6": "a causal interpretation names who or what caused a problem; does this sentence name a cause?",
        "3cf069781225e6ff": "a moral evaluation judges someone as good or bad; does this sentence judge anyone?",
    }
    raise NotQuite(hints.get(digest(choice), "read the sentence in p31 again."))
