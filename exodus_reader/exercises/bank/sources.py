"""The questions of exercise 02_sources: a check, objectives and hints for each ``grade_id``."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from ...corpus.article import load
from ..answer_forms import (
    phrases_of,
    read_choice,
    read_pair,
    read_share,
    read_source,
    read_text,
    read_whole_number,
    words_of,
)
from ..verdicts import NotQuite, NotYet, WrongType
from . import question, written


@question("sources_full_names", ("S1",), (
    "Lesson 02's table of voices has a column 'named by'; keep the voices that are quoted directly.",
    "A first name alone, or no name at all, is not a full name."))
def _sources_full_names(answer: Any) -> None:
    count = read_whole_number(answer)
    sources = load().sources
    quoted = sources[sources["role"] == "quoted"]
    if count == (quoted["naming"] == "full name").sum():
        return None
    if count == len(quoted):
        raise NotQuite("that is every voice quoted directly; one has only a first name and one has no name.")
    if count == quoted["naming"].isin(["full name", "first name only"]).sum():
        raise NotQuite("a first name alone, like Dennis's, is not a full name.")
    people = sources[(sources["kind"] == "person") & sources["role"].isin(["quoted", "reported"])]
    if count == (people["naming"] == "full name").sum():
        raise NotQuite("you counted the officials who are only reported too; count only the voices quoted directly.")
    raise NotYet("not yet: keep the voices with direct quotes, then count those named by first name and surname.")


def _body_direct_quotes() -> pd.DataFrame:
    article = load()
    kinds = dict(zip(article.paragraphs["paragraph_id"], article.paragraphs["kind"]))
    quotes = article.quotes
    return quotes[(quotes["kind"] == "direct") & (quotes["paragraph_id"].map(kinds) == "body")]


@question("sources_direct_count", ("S2", "X1"), (
    "Read the body text for quotation marks around a speaker's own words; the quote explorer (lesson 04) can "
    "list the direct quotes.",
    "Words in quotation marks that nobody in the article says are not quotes of anyone."))
def _sources_direct_count(answer: Any) -> str | None:
    count = read_whole_number(answer)
    body = _body_direct_quotes()
    spans = len(body)
    # a quote that the reporter splits with 'he said' is one quote or two: both readings are right
    joined = len(body[["source_id", "paragraph_id"]].drop_duplicates())
    kinds = load().quotes["kind"]
    if count in (spans, joined):
        return ("Correct: you read a split quote as " + ("two." if count == spans else "one.")
                + " Both readings are accepted.")
    if count in (spans + 1, joined + 1) and count == (kinds == "direct").sum():
        raise NotQuite("you counted the sub-heading (p29) too: it repeats a speaker's words from the body, "
                       "and the question counts the body text only.")
    if count == (kinds == "direct").sum() + (kinds == "scare").sum():
        raise NotQuite("scare quotes are words in quotation marks that nobody in the article says (p13); leave them out.")
    if count == len(kinds):
        raise NotQuite("that is every statement the article attributes; count only the speakers' own words in "
                       "quotation marks.")
    raise NotYet("not yet: go through the body text paragraph by paragraph and count the quotation marks that "
                 "open a speaker's own words.")


@question("sources_ordinary_share", ("S2", "S4"), (
    "In lesson 02's table of voices, the column 'direct words' counts each voice's own words; add them all up.",
    "Then add up the direct words of the voices whose type is 'ordinary person', and divide."))
def _sources_ordinary_share(answer: Any) -> None:
    share = read_share(answer)
    table = load().quote_table()
    direct = table[table["kind"] == "direct"]
    body = direct[direct["quote_id"].isin(_body_direct_quotes()["quote_id"])]
    readings = [(d.loc[d["source_type"] == "ordinary person", "words"].sum() / d["words"].sum())
                for d in (body, direct)]
    # body text only, or with the sub-heading: both round to the same share
    if any(abs(share - expected) <= 0.01 for expected in readings):
        return None
    reported = table[table["kind"] == "indirect"]
    if abs(share - reported.loc[reported["source_type"] == "ordinary person", "words"].sum()
           / reported["words"].sum()) <= 0.01:
        raise NotQuite("that is the share of reported speech; the question asks about direct quotes.")
    if abs(share - (1 - readings[0])) <= 0.01:
        raise NotQuite("that is the share of everyone who is not an ordinary person.")
    raise NotYet("not yet: divide the direct words of ordinary people by the direct words of all voices.")


@question("sources_thought_verb", ("S3",), (
    "Lesson 02 lists what the article attributes to Dennis, with the verb for each.",
    "Ask of each verb: did he say this out loud, or is it something that went on in his head?"))
def _sources_thought_verb(answer: Any) -> None:
    words = words_of(read_text(answer, "a verb"))
    quotes = load().quotes_by("Dennis")
    speech = quotes["verb_lemma"].isin(["say", "tell"])
    thought = quotes[~speech].iloc[0]
    spellings = {thought["verb"], thought["verb_lemma"]}
    spellings |= {w.replace("z", "s") for w in spellings}
    if spellings & set(words):
        return None
    word = words[-1] if words else ""
    spoken = set(quotes.loc[speech, "verb"]) | {verb.split()[0] for verb in quotes.loc[speech, "verb"]}
    if set(words) & (spoken | set(quotes.loc[speech, "verb_lemma"])):
        raise NotQuite("that verb reports something Dennis said, a speech act; look for a verb of thinking.")
    if word in " ".join(quotes.loc[quotes["kind"] == "direct", "text"]).lower().split():
        raise NotQuite("that verb stands inside his own quote; the question asks about the verbs "
                       "with which the reporter hands words to Dennis.")
    raise NotYet("not yet: list the verbs that hand words or thoughts to Dennis, then ask of each: "
                 "did he say this?")


STANCES = ("neutral", "doubt", "concession", "denial", "request")


@question("sources_claimed", ("S3",), (
    "Lesson 02's table of attribution verbs says what each verb signals; find 'claim' in it.",
    "Would the sentence in p11 read differently with 'said'? What does the reporter stop doing with 'has claimed'?"))
def _sources_claimed(answer: Any) -> None:
    choice = read_choice(answer, STANCES)
    verbs = load().verbs.set_index("verb_lemma")
    if choice in verbs.loc["claim", "stance"]:
        return None
    hints = {
        "neutral": "'said' is the neutral verb; the reporter chose another one here.",
        "concession": "a concession admits something against one's own interest; the ministry admits nothing.",
        "denial": "a denial rejects someone else's statement; the ministry puts a figure forward.",
        "request": "a request presses others to act; the ministry gives a figure.",
    }
    raise NotQuite(hints[choice])


@question("sources_urged", ("S3",), (
    "Read the whole sentence in p31: what does Kallas want the Russian opposition to do?",
    "Which of the five choices is about getting someone else to act?"))
def _sources_urged(answer: Any) -> None:
    choice = read_choice(answer, STANCES)
    if choice == "request":  # the answer key is open, as solutions/ is: see docs/grading-safety.md
        return None
    hints = {
        "neutral": "a neutral verb only passes words on; 'urged' tells you more about what Kallas wants.",
        "doubt": "a verb of doubt questions whether something is true; 'urged' does not.",
        "concession": "a concession admits something; does Kallas admit anything in that sentence (p31)?",
        "denial": "a denial rejects a claim; what Kallas rejects comes in the sentence before 'urged' (p31).",
    }
    raise NotQuite(hints.get(choice, "read the whole sentence in p31 again."))


@question("sources_women_share", ("S4",), (
    "Lesson 02's table of voices shows each person's gender, as the article shows it by a pronoun.",
    "Count the people who speak (quoted or reported), then the women among them, and divide."))
def _sources_women_share(answer: Any) -> None:
    sources = load().sources
    people = sources[sources["kind"] == "person"]
    speaking = people[people["role"].isin(["quoted", "reported"])]
    women = (speaking["gender"] == "female").sum()
    if isinstance(answer, int) and not isinstance(answer, bool) and answer == women:
        raise WrongType("that looks like a count; divide it by the number of people who speak.")
    share = read_share(answer)
    expected = women / len(speaking)
    if abs(share - expected) < 0.005 or isinstance(answer, str) and abs(share - expected) < 0.01:
        return None
    if abs(share - women / len(people)) < 0.005:
        raise NotQuite("count only people who speak (quoted or reported): one person is only mentioned "
                       "and one is the reporter.")
    if abs(share - (1 - expected)) < 0.005:
        raise NotQuite("that is the share of men.")
    raise NotYet("not yet: count the people who are quoted or reported, then divide the number of women by it.")


@question("sources_first_last", ("S4", "X1"), (
    "Read the body text from the top: whose own words, in quotation marks, come first? The sub-heading (p29) "
    "does not count.",
    "Then read from the end upwards for the last ones."))
def _sources_first_last(answer: Any) -> None:
    if isinstance(answer, str):
        parts = [p for p in re.split(r",|;|\bthen\b|\band\b|->|\u2192", answer) if p.strip()]
        answer = tuple(parts)
    first, last = (read_source(name) for name in read_pair(answer, "two voices, the first and the last,"))
    direct = _body_direct_quotes().sort_values("start")
    quotes = load().quotes.sort_values("start")
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
    raise NotYet("not yet: find the first and the last words in quotation marks that belong to a speaker.")


#: Hashes of the names of the agency the question asks for, and of the other names in the credits.
#: The Russian state's agency in the airport picture's credit (p25), by either of its names.
STATE_MEDIA = {"tass", "itar-tass"}
CREDIT_HINTS = {
    "dpa": "that agency passed the picture on; read how lesson 02 describes this credit.",
    "picture alliance": "that agency passed the picture on; read how lesson 02 describes this credit.",
    "vladimir gerdo": "that is the photographer, not an agency.",
    "afp": "that agency is credited for another picture (p18).",
    "oliver morin": "that photographer is credited for another picture (p18).",
    "dw": "DW is the publisher (p10); the airport picture is credited to others (p25).",
}


@question("sources_state_media", ("S5",), (
    "The credit of the airport picture (p25) lists names separated by slashes; lesson 02's table of sources "
    "describes it.",
    "One of those agencies belongs to the Russian state; the description of the credit says which."))
def _sources_state_media(answer: Any) -> None:
    phrases = phrases_of(read_text(answer, "the name of an agency"))
    if phrases & STATE_MEDIA:
        others = [key for key in CREDIT_HINTS if key in phrases]
        if others:
            raise WrongType("expects one agency; your answer names more than one.")
        return None
    for key, hint_text in CREDIT_HINTS.items():
        if key in phrases:
            raise NotQuite(hint_text)
    raise NotYet("not yet: the credit of the airport picture (p25) names a photographer and several agencies; "
                 "lesson 02 describes each credit.")


written("sources_anonymous", ("S5",))
written("sources_credit", ("S5",))
written("sources_absent", ("S4",))
written("sources_adequacy", ("S4", "S5"))
