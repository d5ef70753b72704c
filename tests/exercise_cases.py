"""Answers to try on every check: a plain wrong one, each known misconception, a wrong type.

Each answer is Python source, as a student would type it after ``name =`` in an answer
cell, with the message fragment the check must answer with. The unit tests evaluate
them in this process; the grading corpus writes them into submitted notebooks.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    wrong: tuple[str, str]
    misconceptions: tuple[tuple[str, str], ...]
    wrong_type: tuple[str, str]


CASES: dict[str, Case] = {
    # 01_events
    "events_wednesday": Case(
        ("date(2022, 9, 23)", "that day is a Friday"),
        (("date(2022, 9, 24)", "the day the article was published"),
         ("date(2022, 9, 28)", "that is a Wednesday, but not this one")),
        ('"Wednesday"', "expects a date, got the text 'Wednesday'")),
    "events_klepkin_window": Case(
        ("(date(2022, 9, 20), date(2022, 9, 23))", "the window opens when the news broke"),
        (("(date(2022, 9, 19), date(2022, 9, 24))", "the week began on Monday"),
         ("(date(2022, 9, 21), date(2022, 9, 21))", "'immediately' (p27)")),
        ("date(2022, 9, 22)", "expects two dates, the earliest and the latest, in brackets")),
    "events_war_paragraph": Case(
        ('"p11"', 'article.search("broke out")'),
        (('"p26"', "names no day"), ('"p36"', "another war")),
        ("22.5", "expects a paragraph id such as 'p07'")),
    "events_numbers_by_status": Case(
        ('{"fact": 9, "claim": 5, "report": 2, "prediction": 1}', "count every row of article.numbers"),
        (('article.numbers.query("exact == \'yes\'")["status"].value_counts()', "only exact figures"),
         ('article.events["status"].value_counts()', "those are the events")),
        ("17", "expects counts by status")),
    "events_million_source": Case(
        ('"Juri Rescheto"', "the reporter passes the figure on"),
        (('"Kremlin"', "the Kremlin denied the figure"), ('"s01"', "the ministry's figure is a different one")),
        ("1000000", "expects a source, as its id or its name")),
    "events_destinations": Case(
        ('["Georgia", "Finland", "Russia"]', "2 of the 3 countries you name are destinations"),
        (('["Georgia", "Latvia", "Finland"]', "turn Russians away"),
         ('["Georgia", "Kazakhstan", "Mongolia", "Finland"]', "only the destinations by road")),
        ('"Georgia"', "expects country names in a list")),
    "events_later_reports": Case(
        ("5", "compare article.timeline"),
        (("10", "from the day of publication too"), ("20", "every report in the timeline")),
        ('"nine"', "expects a whole number")),
    # 02_sources
    "sources_quoted_naming": Case(
        ('{"full name": 4, "anonymous": 1}', "keep the rows of article.sources"),
        (('article.sources["naming"].value_counts()', "you counted every source"),
         ('article.sources.query("role in [\'quoted\', \'reported\']")["naming"].value_counts()',
          "only reported")),
        ('"full name"', "expects counts by naming")),
    "sources_direct_count": Case(
        ("12", "whose kind is 'direct'"),
        (("11", "scare quotes"), ("35", "every quote")),
        ("[10]", "expects a whole number")),
    "sources_direct_words": Case(
        ('{"ordinary person": 150, "activist": 26}', "group by source_type and sum"),
        (('article.quote_table().groupby("source_type")["words"].sum()', "reported speech too"),
         ('article.quote_table().query("kind == \'direct\'").groupby("source_type").size()', "add up their words")),
        ("203", "expects words by source_type")),
    "sources_thought_verb": Case(
        ('"wanted"', "did he say this?"),
        (('"told"', "a speech act"), ('"understood"', "inside his own quote")),
        ("None", "expects a verb, as text in quotation marks, got None")),
    "sources_urged": Case(
        ('"neutral"', "a neutral verb only passes words on"),
        (('"doubt"', "a verb of doubt"), ('"denial"', "a denial rejects a claim")),
        ('"pressure"', "expects one of 'neutral', 'doubt'")),
    "sources_women_share": Case(
        ("0.5", "divide the number of women"),
        (("1 / 9", "count only people who speak"), ("6 / 7", "the share of men")),
        ("14.29", "not a percentage")),
    "sources_first_last": Case(
        ('("Dennis", "Shlosberg")', "sort the direct quotes"),
        (('("Defense Ministry", "Klepkin")', "only in reported speech"),
         ('("Bayankin", "Bayankin")', "someone else has the last direct quote")),
        ('("Klepkin", "Bayankin")', "expects the first voice first")),
    "sources_state_media": Case(
        ('"Reuters"', "names a photographer and several agencies"),
        (('"dpa"', "passed the picture on"), ('"Vladimir Gerdo"', "the photographer")),
        ("['TASS']", "expects the name of an agency, as text")),
    # 03_framing
    "framing_fire_word": Case(
        ('"Russian"', "Which word belongs to fire"),
        (('"call-up"', "an everyday word"), ('"exodus"', "calls up a mass departure")),
        ("4", "expects a word, as text")),
    "framing_coding": Case(
        ('{"p15": ["conflict"], "p28": ["conflict"], "p31": ["economic"]}', "on 6 of 15 decisions"),
        (('{"p15": list(FRAMES), "p28": list(FRAMES), "p31": list(FRAMES)}', "every frame in every paragraph"),
         ('{"p15": [], "p28": [], "p31": []}', "no frame at all")),
        ('{"p15": ["money"], "p28": [], "p31": []}', "'money' is not one of the five frames")),
    "framing_most_metaphors": Case(
        ('"p35"', "that paragraph has 1 metaphor marked"),
        (('"p12"', "most devices of all kinds"),),
        ('["p34"]', "expects a paragraph id")),
    "framing_distancing_word": Case(
        ('"war"', "Which word comes just before"),
        (('"special military operation"', "the official term itself"), ('"quotation marks"', "the word in front")),
        ("True", "expects a word, as text")),
    "framing_errata": Case(
        ("3", "whose kind is 'erratum'"),
        (("5", "occur twice"), ("18", "no-break spaces are not typing errors")),
        ('"seven"', "expects a whole number")),
    "framing_caption_claim": Case(
        ('"p13"', "not a caption"),
        (('"p23"', "alt text"), ('"p17"', "not about money")),
        ("24.5", "expects a paragraph id")),
    "framing_kallas_function": Case(
        ('"problem definition"', "a problem definition says what is wrong"),
        (('"moral evaluation"', "judges someone"), ('"causal interpretation"', "name a cause")),
        ('"treatment"', "expects one of 'problem definition'")),
}


# --- the solutions' own answers, and the forms in which an answer could leak ---------

import datetime
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import nbformat
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
LESSONS = ("01_events", "02_sources", "03_framing")


def notebook(folder: str, lesson: str) -> nbformat.NotebookNode:
    return nbformat.read(ROOT / folder / f"{lesson}.ipynb", as_version=4)


@lru_cache(maxsize=None)
def solution_answers() -> dict[str, Any]:
    """Every answer of the solutions, computed here by running their code cells in order.

    Check cells are skipped: this process evaluates the answers itself.
    """
    from exodus_reader.questions import check_call

    answers = {}
    for lesson in LESSONS:
        namespace: dict[str, Any] = {}
        for cell in notebook("solutions", lesson).cells:
            if cell.cell_type != "code":
                continue
            call = check_call(cell.source)
            if call:
                answers[call[0]] = namespace[call[1]]
            else:
                exec(cell.source, namespace)
    return answers


def plain(value: Any) -> Any:
    """An answer as plain Python, to write it out the way a reader would see it."""
    if isinstance(value, pd.Series):
        return {str(k): int(v) for k, v in value.items()}
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, (list, set)):
        return sorted(value)
    return value


MONTHS = ("January February March April May June July August September October November December").split()


def forms(value: Any) -> set[str]:
    """The ways an expected answer could be written in a notebook or a message."""
    value = plain(value)
    if isinstance(value, str):
        return {value}
    if isinstance(value, datetime.date):
        month = MONTHS[value.month - 1]
        return {value.isoformat(), f"{value.day} {month}", f"{month} {value.day}",
                f"date({value.year}, {value.month}, {value.day})"}
    if isinstance(value, (int,)) or type(value).__module__ == "numpy" and float(value) == int(value):
        return {str(int(value))}
    if isinstance(value, float):
        return {f"{value:.2f}", f"{value:.3f}", f"{value:.0%}", f"{value * 100:.1f}%", f"{value:.4f}"}
    return {repr(value)}


def appears(form: str, text: str) -> bool:
    """Whether a form stands in a text as a whole word or number (any case)."""
    return re.search(rf"(?<![\w.]){re.escape(form)}(?![\w]|\.\d)", text, re.IGNORECASE) is not None
