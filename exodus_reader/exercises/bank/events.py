"""The questions of exercise 01_events: a check, objectives and hints for each ``grade_id``."""

from __future__ import annotations

import datetime
import re
from typing import Any

from ...corpus.article import load
from ..answer_forms import (
    event_days,
    names_in,
    published_date,
    read_choice,
    read_date,
    read_date_range,
    read_names,
    read_paragraph,
    read_source,
    read_text,
)
from ..verdicts import NotQuite, NotYet, WrongType, describe
from . import question, written


@question("events_wednesday", ("E1",), (
    "A news report counts its days back from its date line (p06). What day of the week was that?",
    "Count back day by day from the date line until you reach a Wednesday; the first one you meet is it."))
def _events_wednesday(answer: Any) -> None:
    day = read_date(answer)
    expected = event_days("date_as_written", "on Wednesday")[0]
    published = published_date()
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


@question("events_klepkin_window", ("E1",), (
    "The window opens on the day the news broke: the caption (p09) tells you which day the announcement was.",
    "The window closes on the last day the article can know about: its date line (p06)."))
def _events_klepkin_window(answer: Any) -> None:
    first, last = read_date_range(answer, "two dates, the earliest and the latest,")
    earliest, latest = event_days("date_as_written", "this week")
    published = published_date()
    monday = published - datetime.timedelta(days=published.weekday())
    # he may have left on the day of the date line, or before it: both are read as 'this week'
    if first == earliest and last in (latest, latest - datetime.timedelta(days=1)):
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


@question("events_war_paragraph", ("E1",), (
    "Look for the words 'broke out' in the article (lesson 01 prints it; your browser's Find works too).",
    "Two paragraphs speak of the war breaking out; only one of them writes a month and a day."))
def _events_war_paragraph(answer: Any) -> None:
    pid = read_paragraph(answer)
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
    raise NotYet("that paragraph gives no day for the start of the war: look for the words 'broke out'.")


STATUSES = ("stated", "claim", "report", "denial", "rumour")


def _status(answer: Any) -> str:
    """A status, as a word or a phrase such as "stated by the reporter" or "a rumor".

    A student who calls what the reporter states "the reporter's fact" means the same
    status, so that reading counts as "stated".

    >>> _status("The reporter's own fact"), _status("a rumor")
    ('stated', 'rumour')
    """
    text = read_text(answer, "a status").replace("rumor", "rumour")
    if "fact" in text.lower().split() or "fact" in text.lower():
        text = "stated"
    return read_choice(text, STATUSES)


@question("events_thousands_status", ("E3",), (
    "Read the whole sentence in p11. Does it name anyone who says the number, with a verb such as 'said' or 'claimed'?",
    "When no one else is named, the number stands in the reporter's own voice: what status does lesson 01 give that?"))
def _events_thousands_status(answer: Any) -> None:
    status = _status(answer)
    numbers = load().numbers
    if status == numbers.loc[numbers["text"] == "Thousands", "status"].iloc[0]:
        return None
    hints = {
        "claim": "a claim comes from a named source with a verb such as 'has claimed', like the ministry's "
                 "figure after it (p11); who is named in this sentence?",
        "report": "a report is passed on from someone else, such as a media outlet (p12); does this sentence "
                  "pass the number on from anyone?",
        "rumour": "a rumour has no one to answer for it; here someone does, by writing the number in his own words.",
        "denial": "a denial rejects something that someone else said; nothing is rejected in this sentence.",
    }
    raise NotQuite(hints[status])


@question("events_million_source", ("E3",), (
    "Read the sentence with '1 million' in p12: the reporter passes the figure on from someone else.",
    "Look for the words 'has even reported': who is their subject?"))
def _events_million_source(answer: Any) -> None:
    source = read_source(answer)
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


def _place(name: str) -> str | None:
    """The place a name or alias stands for (None for a name the article does not use).

    >>> _place("the UAE"), _place("Atlantis")
    ('United Arab Emirates', None)
    """
    found = names_in(name, load().places, "place", "place")
    return found.pop() if len(found) == 1 else None


@question("events_destinations", ("E2",), (
    "Lesson 01's map and its table of places give each mention a role; the destinations are the roles that "
    "begin with 'destination'.",
    "People leave by road (p15, p16) and by air (p15), and some go without the article saying how."))
def _events_destinations(answer: Any) -> str | None:
    names = read_names(answer, "country names")
    places = load().places
    role = places["role"]
    expected = set(places.loc[role.str.startswith("destination"), "place"])
    refusing = set(places.loc[role.str.startswith(("refusing", "considering")), "place"])
    chosen = [_place(name) for name in names]
    unknown = [name for name, place in zip(names, chosen) if place is None]
    if unknown:
        raise WrongType(f"the article names no country {unknown[0]!r}; check the spelling against lesson 01's map.")
    given = set(chosen)
    if given == expected:
        return None
    if given & refusing - expected:
        raise NotQuite("some of these countries turn Russians away (p30 to p32); they are not destinations.")
    if given == set(places.loc[role == "destination by road", "place"]):
        raise NotQuite("you kept only the destinations by road; people also fly out (p15).")
    right, extra = len(given & expected), len(given - expected)
    if extra:
        raise NotYet(f"{right} of the {len(given)} countries you name are destinations; the others are not.")
    raise NotYet(f"all {right} countries you name are destinations, but the article names more.")


#: The four happenings of the order question, by letter; their dates come from the data.
ORDER_ITEMS = {
    "A": "Finland announces that it will close its border to Russian tourists",
    "B": "the article is published",
    "C": "Putin announces the partial mobilization",
    "D": "the war in Ukraine breaks out",
}


def _order_dates() -> dict[str, datetime.date]:
    article = load()
    timeline, events = article.timeline, article.events
    finland = timeline.loc[timeline["event"].str.contains("Finland announces"), "date"].iloc[0]
    war = events.loc[(events["precision"] == "day") & (events["date"] < "2022-09"), "date"].iloc[0]
    return {"A": datetime.date.fromisoformat(finland), "B": published_date(),
            "C": event_days("date_as_written", "on Wednesday")[0], "D": datetime.date.fromisoformat(war)}


@question("events_order", ("E2", "E4"), (
    "Find a date for each: the date line (p06), the caption's Wednesday (your answer to Question 1), the war's "
    "day in the article, and lesson 01's timeline of later reports.",
    "The order in which the article mentions things is not the order in which they happened."))
def _events_order(answer: Any) -> None:
    if isinstance(answer, (list, tuple)):
        answer = " ".join(str(item) for item in answer)
    text = read_text(answer, "four letters")
    letters = re.findall(r"(?<![a-z])([a-d])(?![a-z])", text) or list(re.sub(r"[^a-z]", "", text))
    letters = [letter.upper() for letter in letters]
    if sorted(letters) != sorted(ORDER_ITEMS):
        raise WrongType(f"expects the four letters A, B, C and D, each once, got {describe(answer)}.")
    dates = _order_dates()
    if letters == sorted(ORDER_ITEMS, key=dates.get):
        return None
    if letters == sorted(ORDER_ITEMS, key=dates.get, reverse=True):
        raise NotQuite("that is the order from latest to earliest; put the earliest first.")
    if dates[letters[-1]] < max(dates.values()):
        raise NotQuite("one of these happened after the article was published; lesson 01's timeline dates it.")
    raise NotYet("not yet: find a date for each of the four, then sort them.")


written("events_how_resolved", ("E1",))
written("events_known_later", ("E4",))
written("events_verify_first", ("E3", "E4"))
