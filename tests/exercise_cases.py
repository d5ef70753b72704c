"""The table of alternative answers for every checked question.

For each question: the defensible answers that must pass (every reading the question's words
and its stated convention allow, in the forms a student may type them), a plain wrong one,
each known misconception, and a wrong type, each with the fragment of the one-line feedback
the check must give. Each answer is Python source, as a student would type it after
``name =`` in an answer cell. The unit tests evaluate them in this process; the grading
corpus writes them into submitted notebooks.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    accepted: tuple[str, ...]
    wrong: tuple[str, str]
    misconceptions: tuple[tuple[str, str], ...]
    wrong_type: tuple[str, str]


CASES: dict[str, Case] = {
    # 01_events
    "events_wednesday": Case(
        ('date(2022, 9, 21)', '"21 September 2022"', '"September 21, 2022"', '"2022-09-21"',
         '"Wednesday, 21 September 2022"', '"21.09.2022"', '"21/09/2022"', '"the 21st of September 2022"'),
        ("date(2022, 9, 23)", "that day is a Friday"),
        (("date(2022, 9, 24)", "the day the article was published"),
         ("date(2022, 9, 28)", "that is a Wednesday, but not this one")),
        ('"Wednesday"', "expects a date, got the text 'Wednesday'")),
    "events_klepkin_window": Case(
        ("(date(2022, 9, 21), date(2022, 9, 24))", "(date(2022, 9, 21), date(2022, 9, 23))",
         '"21 to 24 September 2022"', '"21 September 2022, 24 September 2022"', '["2022-09-21", "2022-09-24"]',
         '"from 21 September 2022 until 23 September 2022"'),
        ("(date(2022, 9, 20), date(2022, 9, 23))", "the window opens when the news broke"),
        (("(date(2022, 9, 19), date(2022, 9, 24))", "the week began on Monday"),
         ("(date(2022, 9, 21), date(2022, 9, 21))", "'immediately' (p27)")),
        ("date(2022, 9, 22)", "expects two dates, the earliest and the latest, in brackets")),
    "events_war_paragraph": Case(
        ('"p22"', '"P22"', "22", '"22"', '"paragraph 22"', '"p22, where the date is written"'),
        ('"p11"', "look for the words 'broke out'"),
        (('"p26"', "names no day"), ('"p36"', "another war")),
        ("22.5", "expects a paragraph id such as 'p07'")),
    "events_thousands_status": Case(
        ('"stated"', '"Stated"', '"stated by the reporter"', '"fact"', '"the reporter\'s fact"',
         '"a fact, in the reporter\'s own voice"'),
        ('"denial"', "a denial rejects something"),
        (('"claim"', "a claim comes from a named source"), ('"rumour"', "a rumour has no one to answer for it")),
        ('"true"', "expects one of 'stated', 'claim'")),
    "events_million_source": Case(
        ('"Novaya Gazeta Europe"', '"Novaya Gazeta"', '"novaya gazeta europe"', '"s03"',
         '"the online media outlet Novaya Gazeta Europe"', '"Novaya Gazeta Europe (online media outlet)"'),
        ('"Juri Rescheto"', "the reporter passes the figure on"),
        (('"Kremlin"', "the Kremlin denied the figure"), ('"the Defense Ministry"', "the ministry's figure is a different one")),
        ("1000000", "expects a source, as its name")),
    "events_destinations": Case(
        ('["Georgia", "Kazakhstan", "Mongolia", "United Arab Emirates", "Turkey", "Serbia", "Finland"]',
         '"Georgia, Kazakhstan, Mongolia, UAE, Turkey, Serbia, Finland"',
         '"Finland, Serbia, Turkey, the United Arab Emirates, Mongolia, Kazakhstan and Georgia"',
         '["georgia", "kazakhstan", "mongolia", "the UAE", "Türkiye", "serbia", "finland", "Finland"]'),
        ('["Georgia", "Finland", "Russia"]', "2 of the 3 countries you name are destinations; the others are not"),
        (('["Georgia", "Latvia", "Finland"]', "turn Russians away"),
         ('["Georgia", "Kazakhstan", "Mongolia", "Finland"]', "only the destinations by road")),
        ('"Atlantis"', "the article names no country 'atlantis'")),
    "events_order": Case(
        ('"DCBA"', '"D, C, B, A"', '["D", "C", "B", "A"]', '"dcba"', '"D then C then B then A"'),
        ('"CDBA"', "find a date for each of the four"),
        (('"ABCD"', "from latest to earliest"), ('"DCAB"', "happened after the article was published")),
        ('"DCB"', "expects the four letters A, B, C and D, each once")),
    # 02_sources
    "sources_full_names": Case(
        ("3", '"3"', '"three"', '"3 voices"', "3.0"),
        ("2", "keep the voices with direct quotes"),
        (("5", "every voice quoted directly"), ("4", "a first name alone, like Dennis")),
        ('"some"', "expects a whole number")),
    "sources_direct_count": Case(
        ("9", "8", '"9"', '"8 quotes"', '"nine"'),
        ("12", "count the quotation marks that open a speaker's own words"),
        (("10", "you counted the sub-heading (p29) too"), ("11", "scare quotes"), ("35", "every statement")),
        ("[10]", "expects a whole number")),
    "sources_ordinary_share": Case(
        ("0.87", '"87%"', '"172/198"', "172 / 198", "87", '"0.869"', '"177/203"', '"86.9 %"'),
        ("0.5", "divide the direct words of ordinary people"),
        (("0.13", "everyone who is not an ordinary person"), ("0.38", "the share of reported speech")),
        ('"most of them"', "expects a share")),
    "sources_thought_verb": Case(
        ('"realized"', '"realised"', '"realize"', '"he realized"', '"Realized."'),
        ('"wanted"', "did he say this?"),
        (('"told"', "a speech act"), ('"understood"', "inside his own quote")),
        ("None", "expects a verb, as text in quotation marks, got None")),
    "sources_claimed": Case(
        ('"doubt"', '"Doubt"', '"it signals doubt"'),
        ('"request"', "a request presses others to act"),
        (('"neutral"', "'said' is the neutral verb"), ('"denial"', "a denial rejects someone else's statement")),
        ('"suspicion"', "expects one of 'neutral', 'doubt'")),
    "sources_urged": Case(
        ('"request"', '"a request"', '"Request"'),
        ('"neutral"', "a neutral verb only passes words on"),
        (('"doubt"', "a verb of doubt"), ('"denial"', "a denial rejects a claim")),
        ('"pressure"', "expects one of 'neutral', 'doubt'")),
    "sources_women_share": Case(
        ("1 / 7", "0.14", '"14%"', '"1/7"', '"1 in 7"', "14.29", '"0.143"', "14"),
        ("0.5", "divide the number of women"),
        (("1 / 9", "count only people who speak"), ("6 / 7", "the share of men")),
        ("1", "looks like a count")),
    "sources_first_last": Case(
        ('("Michail Bayankin", "Valeri Klepkin")', '"Bayankin, Klepkin"', '("s05", "s09")',
         '"Bayankin and then Klepkin"', '["Mikhail Bayankin", "Klepkin"]'),
        ('("Dennis", "Shlosberg")', "find the first and the last words in quotation marks"),
        (('("Defense Ministry", "Klepkin")', "only in reported speech"),
         ('("Bayankin", "Bayankin")', "someone else has the last direct quote")),
        ('("Klepkin", "Bayankin")', "expects the first voice first")),
    "sources_state_media": Case(
        ('"TASS"', '"tass"', '"ITAR-TASS"', '"TASS (Russian state media)"', '"the agency TASS"'),
        ('"Reuters"', "names a photographer and several agencies"),
        (('"dpa"', "passed the picture on"), ('"Vladimir Gerdo"', "the photographer")),
        ("['TASS']", "expects the name of an agency, as text")),
    # 03_framing
    "framing_fire_word": Case(
        ('"sparks"', '"spark"', '"sparked"', '"the word sparks"', '"Sparks."'),
        ('"Russian"', "Which word belongs to fire"),
        (('"call-up"', "an everyday word"), ('"exodus"', "calls up a mass departure")),
        ("4", "expects a word, as text")),
    "framing_subheading": Case(
        ('"p35"', "35", '"paragraph 35"', '"P35"'),
        ('"p12"', "search the body text for 'cannon fodder'"),
        (('"p29"', "the sub-heading itself"), ('"p14"', "not of cannon fodder")),
        ("[35]", "expects a paragraph id")),
    "framing_coding": Case(
        ('{"p15": ["economic"], "p28": ["human_interest", "morality"], "p31": ["responsibility", "conflict", "morality"]}',
         '{"p15": ["economic", "human_interest"], "p28": ["human_interest", "morality"], "p31": ["responsibility", "conflict"]}',
         '{"p15": ["economic", "human interest"], "p28": ["human_interest"], "p31": ["responsibility", "conflict", "morality"]}'),
        ('{"p15": ["conflict"], "p28": ["conflict"], "p31": ["economic"]}', "on 6 of 15 decisions"),
        (('{"p15": list(FRAMES), "p28": list(FRAMES), "p31": list(FRAMES)}', "every frame in every paragraph"),
         ('{"p15": [], "p28": [], "p31": []}', "no frame at all")),
        ('{"p15": ["money"], "p28": [], "p31": []}', "'money' is not one of the five frames")),
    "framing_distancing_word": Case(
        ('"so-called"', '"so called"', '"So-called"', '"the word so-called"', '"socalled"'),
        ('"war"', "Which word comes just before"),
        (('"special military operation"', "the official term itself"), ('"quotation marks"', "the word in front")),
        ("True", "expects a word, as text")),
    "framing_caption_claim": Case(
        ('"p24"', "24", '"paragraph 24"', '"p24, the caption about flights"'),
        ('"p13"', "not a caption"),
        (('"p23"', "alt text"), ('"p17"', "not about money")),
        ("24.5", "expects a paragraph id")),
    "framing_kallas_function": Case(
        ('"treatment recommendation"', '"treatment"', '"Treatment recommendation."', '"a treatment recommendation"'),
        ('"problem definition"', "a problem definition says what is wrong"),
        (('"moral evaluation"', "judges someone"), ('"causal interpretation"', "name a cause")),
        ('"advice"', "expects one of 'problem definition'")),
    # 05_lateral
    "lateral_dw_funding": Case(
        ('"taxes"', '"German federal tax revenue"', '"the federal budget"', '"German taxpayers"', '"the German state"',
         '"the government, from taxes"', '"Taxes, not licence fees."'),
        ('"magic"', "name where the money comes from"),
        (('"a licence fee"', "where its money does not come from"), ('"advertising"', "do not say that")),
        ("3", "expects where the money comes from")),
    "lateral_not_found": Case(
        ("5", '"5"', '"five"', '"5 outlets"', "5.0"),
        ("2", "go down the column 'not found'"),
        (("6", "you counted unanswered questions"), ("4", "all answered"), ("9", "that is every outlet")),
        ('"some"', "expects a whole number")),
    "lateral_exodus": Case(
        ('"Reuters, AP"', '"Reuters and the Associated Press"', '["Reuters", "The Associated Press (AP)"]',
         '"r01, r09"', '"Reuters, AP and DW"', '"reuters and associated press"'),
        ('"CNN, Meduza"', "does not use that word"),
        (('"Reuters"', "one more report uses the word"), ('"Reuters, AP, Yle"', "Yle")),
        ("2", "expects outlets of the coverage set")),
    "lateral_unsourced_numbers": Case(
        ("5", "8", '"5 numbers"', '"eight"', "5.0"),
        ("2", "go down the column 'attributed to'"),
        (("4", "you counted reports"), ("23", "that is every number")),
        ('"many"', "expects a whole number")),
    "lateral_most_unnamed": Case(
        ('"Reuters"', '"r01"', '"Reuters (r01)"', '"the Reuters report"', '["Reuters"]'),
        ('"Yle"', "another has more"),
        (('"CNN"', "not the share"), ('"DW"', "the ten other reports"), ('"r08"', "another has more")),
        ("5", "expects one report of the set")),
    "lateral_million_verdict": Case(
        ('"traced to an unnamed source"', '"Traced to an unnamed source."', '"It is traced to an unnamed source"'),
        ('"traced"', "can a reader find out who"),
        (('"not traced"', "do show where the figure started"), ('"Traced"', "can a reader find out who")),
        ("1000000", "expects one of")),
    "lateral_sum_by": Case(
        ('"AP"', '"The Associated Press"', '"the Associated Press (AP)"', '"r09"', '"AP, the news agency"'),
        ('"Reuters"', "read the note under the trail"),
        (('"Kazakhstan"', "gave one of the counts"), ('"WPLG Local 10"', "whose text is it")),
        ("194000", "expects an outlet or an organisation")),
    "lateral_yle_direct": Case(
        ("0", '"0"', '"none"', '"zero"', '"no one"', "0.0"),
        ("3", "count 'direct'"),
        (("6", "that is every voice"), ("1", "a sub-heading of the form")),
        ('"a few"', "expects a whole number")),
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
LESSONS = ("01_events", "02_sources", "03_framing", "05_lateral")


def notebook(folder: str, lesson: str) -> nbformat.NotebookNode:
    return nbformat.read(ROOT / folder / f"{lesson}.ipynb", as_version=4)


@lru_cache(maxsize=None)
def solution_answers(lessons: tuple[str, ...] = LESSONS) -> dict[str, Any]:
    """Every answer of the solutions, computed here by running their code cells in order.

    Check cells are skipped: this process evaluates the answers itself.
    """
    from exodus_reader.exercises.layout import check_call

    answers = {}
    for lesson in lessons:
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
