"""The questions of exercise 03_framing: a check, objectives and hints for each ``grade_id``."""

from __future__ import annotations

import re
from typing import Any

from ...corpus.article import load
from ...corpus.schema import ENTMAN_FUNCTIONS, FRAMES
from ..answer_forms import (
    read_choice,
    read_names,
    read_paragraph,
    read_text,
    words_of,
)
from ..verdicts import NotQuite, NotYet, WrongType, describe
from . import question, written


@question("framing_fire_word", ("F1",), (
    "Read the headline (p04) word by word, and picture each word.",
    "Which word could also describe what a match or a flint does?"))
def _framing_fire_word(answer: Any) -> None:
    words = words_of(read_text(answer, "a word"))
    devices = load().devices
    headline = devices[devices["kind"] == "headline"]
    fire = headline.loc[headline["note"].str.contains("fire metaphor"), "text"].iloc[0].lower()
    accepted = {fire, fire.rstrip("s"), fire.rstrip("s") + "ed"}
    others = {w for text in headline["text"].str.lower() for w in text.split()} - accepted
    if accepted & set(words) and not others & set(words):
        return None
    for text, note in zip(headline["text"].str.lower(), headline["note"]):
        if set(text.split()) & set(words) or " ".join(words) == text:
            raise NotQuite(f"that word is marked in the headline too, but not as fire: {note[0].lower() + note[1:]}")
    raise NotYet("not yet: read the headline (p04) word by word. Which word belongs to fire?")


@question("framing_subheading", ("F1",), (
    "The sub-heading 'We are just cannon fodder' (p29) is a speaker's words; search the body text for "
    "'cannon fodder'.",
    "The body text gives the words with more around them, further down the article."))
def _framing_subheading(answer: Any) -> None:
    pid = read_paragraph(answer)
    quotes = load().quotes
    heading = quotes[quotes["paragraph_id"] == "p29"].iloc[0]
    same = quotes[(quotes["source_id"] == heading["source_id"]) & (quotes["kind"] == "direct")
                  & quotes["text"].str.contains("cannon fodder") & (quotes["paragraph_id"] != "p29")]
    if pid in set(same["paragraph_id"]):
        return None
    if pid == "p29":
        raise NotQuite("that is the sub-heading itself; where does the body text give these words?")
    if pid in set(quotes.loc[quotes["source_id"] == heading["source_id"], "paragraph_id"]):
        raise NotQuite("the same man speaks there, but not of cannon fodder.")
    raise NotYet("not yet: search the body text for 'cannon fodder'.")


@question("framing_coding", ("F3", "X3"), (
    "Take one paragraph at a time and ask each frame's yes/no question; answer yes only where the paragraph "
    "clearly does what the question says.",
    "The frame coder in lesson 04 shows the questions beside each paragraph; a paragraph often has one or "
    "two frames, rarely all five."))
def _framing_coding(answer: Any) -> str:
    reference = load().frames.set_index("paragraph_id")
    asked = ["p15", "p28", "p31"]
    if not isinstance(answer, dict) or sorted(str(k).lower() for k in answer) != asked:
        raise WrongType(f"expects a dict with the keys 'p15', 'p28' and 'p31', got {describe(answer)}.")
    agree = {}
    coded = {}
    for pid, frames in answer.items():
        chosen = read_names(frames, f"the frames present in {pid}")
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


@question("framing_distancing_word", ("F4", "X2"), (
    "Read the end of p13, where the Russian government's own name for the war stands in quotation marks.",
    "Look at the word just in front of the opening quotation mark."))
def _framing_distancing_word(answer: Any) -> None:
    text = read_text(answer, "a word")
    devices = load().devices
    hedges = devices[(devices["paragraph_id"] == "p13") & (devices["kind"] == "hedge")]
    word_hedge = hedges.loc[~hedges["text"].str.startswith('"'), "text"].iloc[0].lower()
    term = load().quotes.loc[lambda q: q["kind"] == "scare", "text"].iloc[0].lower()
    joined = " ".join(words_of(text)).replace(" ", "-")
    variants = {word_hedge, word_hedge.replace("-", " "), word_hedge.replace("-", "")}
    if any(re.search(rf"(?<![\w-]){re.escape(v)}(?![\w-])", " ".join(words_of(text))) for v in variants) \
            or joined == word_hedge:
        return None
    if " ".join(words_of(text)) == term or joined == term.replace(" ", "-"):
        raise NotQuite("that is the official term itself; which word in front of it keeps the article's distance?")
    if "quot" in text or text in {'"', "'"}:
        raise NotQuite("the quotation marks keep a distance too, but the question asks for the word in front of them.")
    raise NotYet("not yet: read the end of p13 again. Which word comes just before the quotation marks?")


@question("framing_caption_claim", ("F5",), (
    "Lesson 03 lists the captions; read each one and ask: does it say anything about money?",
    "Then check whether the body text says the same thing anywhere."))
def _framing_caption_claim(answer: Any) -> None:
    pid = read_paragraph(answer)
    devices = load().devices
    captions = devices[devices["kind"] == "caption"]
    if pid == captions.loc[captions["note"].str.contains("economic"), "paragraph_id"].iloc[0]:
        return None
    if pid in set(devices.loc[devices["kind"] == "alt_text", "paragraph_id"]):
        raise NotQuite("that is a picture's description (alt text), not its caption.")
    if pid in set(captions["paragraph_id"]):
        raise NotQuite("that caption is not about money; one caption is.")
    raise NotYet("that paragraph is not a caption: lesson 03 shows which paragraphs are captions.")


#: Entman's four functions as a student types them (the data's names, with spaces).
TYPED_FUNCTIONS = tuple(function.replace("_", " ") for function in ENTMAN_FUNCTIONS)


@question("framing_kallas_function", ("F2",), (
    "Entman's four functions ask: what is wrong, who caused it, who is good or bad, and what should be done?",
    "Kallas tells someone what to do: which of the four is that?"))
def _framing_kallas_function(answer: Any) -> None:
    text = read_text(answer, "one of the four functions")
    short = {"problem": "problem definition", "cause": "causal interpretation", "causal": "causal interpretation",
             "moral": "moral evaluation", "treatment": "treatment recommendation",
             "remedy": "treatment recommendation"}
    choice = short.get(text) or read_choice(text, TYPED_FUNCTIONS)
    entman = load().entman
    kallas = entman[(entman["paragraph_id"] == "p31") & entman["text"].str.contains("urged")]
    if choice == kallas["function"].iloc[0].replace("_", " "):
        return None
    hints = {
        "problem definition": "a problem definition says what is wrong; does this sentence say what is wrong?",
        "causal interpretation": "a causal interpretation names who or what caused a problem; does this sentence name a cause?",
        "moral evaluation": "a moral evaluation judges someone as good or bad; does this sentence judge anyone?",
    }
    raise NotQuite(hints.get(choice, "read the sentence in p31 again."))


written("framing_headline", ("F1",))
written("framing_entman", ("F2",))
written("framing_coding_compare", ("F3", "X3"))
written("framing_translation", ("F5",))
