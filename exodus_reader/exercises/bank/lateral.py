"""The questions of exercise 05_lateral: a check, objectives and hints for each ``grade_id``."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from ..answer_forms import (
    keys_named,
    phrases_of,
    read_names,
    read_text,
    read_whole_number,
    words_of,
)
from ..verdicts import NotQuite, NotYet, WrongType, describe
from . import question, written


def _coverage() -> Any:
    from ...corpus.coverage import coverage

    return coverage()


def _outlet_names() -> dict[str, str]:
    """Every way of naming an outlet of the profiles, or a report of the set, lower case, with its outlet id.

    >>> names = _outlet_names()
    >>> names["associated press"], names["ap"], names["r09"], names["yle news"]
    ('outlet-ap', 'outlet-ap', 'outlet-ap', 'outlet-yle')
    """
    sets = _coverage()
    found: dict[str, str] = {}
    for outlet_id, name in zip(sets.outlets["outlet_id"], sets.outlets["name"]):
        inside = re.findall(r"\(([^)]*)\)", name)
        plain = re.sub(r"\s*\([^)]*\)", "", name)
        for variant in [name, plain, *inside, re.sub(r"^the ", "", plain.lower()), outlet_id.removeprefix("outlet-")]:
            found[" ".join(words_of(variant.replace("-", " ")))] = outlet_id
    reports = sets.reports
    for report_id, outlet_id, outlet in zip(reports["report_id"], reports["outlet_id"], reports["outlet"]):
        found[report_id] = outlet_id
        found[" ".join(words_of(re.sub(r"\s*\([^)]*\)", "", outlet)))] = outlet_id
    return found


def _outlets_in(answer: Any, expects: str) -> set[str]:
    """The outlets an answer names, by name, short name or report id (longest names first).

    >>> sorted(_outlets_in("Reuters and the Associated Press", "outlets"))
    ['outlet-ap', 'outlet-reuters']
    >>> sorted(_outlets_in(["r02", "Yle"], "outlets"))
    ['outlet-ap', 'outlet-yle']
    """
    if isinstance(answer, (list, tuple, set, frozenset, pd.Series)):
        text = " ".join(read_names(answer, expects))
    else:
        text = read_text(answer, expects)
    return keys_named(" ".join(words_of(text.replace("-", " "))), _outlet_names().items())


def _outlet_name(outlet_id: str) -> str:
    return _coverage().outlets.set_index("outlet_id").at[outlet_id, "name"]


#: Where an outlet's money can come from, and words that name each source.
MONEY_SOURCES: dict[str, tuple[str, ...]] = {
    "taxes": ("tax", "taxes", "taxpayer", "taxpayers", "budget", "state", "government", "federal", "public money"),
    "licence fee": ("licence", "license", "fee", "fees"),
    "advertising": ("advertising", "adverts", "ads", "advertisers", "commercials"),
    "readers": ("readers", "donations", "donors", "subscriptions", "subscribers"),
    "customers": ("customers", "clients", "sells", "selling", "sales"),
}


def _money_source(text: str) -> str | None:
    """Which source of money a text names, reading only what comes before a 'not'.

    >>> _money_source("the state budget, not advertising")
    'taxes'
    >>> _money_source("readers' donations") , _money_source("magic")
    ('readers', None)
    """
    said = re.split(r"\bnot\b", text.lower())[0]
    words = set(phrases_of(said))
    found = [source for source, names in MONEY_SOURCES.items() if words & set(names)]
    return found[0] if len(found) == 1 else (None if not found else "more than one")


@question("lateral_dw_funding", ("L1",), (
    "Lesson 05 shows the pages DW's profile rests on; read the column 'who pays for it' in the profiles too.",
    "The money comes from one place, and one of the pages says where it does not come from."))
def _lateral_dw_funding(answer: Any) -> None:
    source = _money_source(read_text(answer, "where the money comes from, in a few words"))
    outlets = _coverage().outlets.set_index("outlet_id")
    expected = _money_source(outlets.at["outlet-dw", "funding"])
    if source == expected:
        return None
    if source == "more than one":
        raise WrongType("expects one source of money; your answer names more than one.")
    if source == "licence fee":
        raise NotQuite("DW's own page says where its money does not come from; read the profile's funding cell again.")
    if source is None:
        raise NotYet("not yet: name where the money comes from, in a few words; the profile's column "
                     "'who pays for it' says it.")
    raise NotQuite("the pages behind DW's profile do not say that; read what they say about where the money "
                   "comes from.")


@question("lateral_not_found", ("L1",), (
    "Lesson 05's table of outlet profiles has a column 'not found'.",
    "Count the rows where that column is not empty; an outlet with two unanswered questions is still one outlet."))
def _lateral_not_found(answer: Any) -> None:
    count = read_whole_number(answer)
    outlets = _coverage().outlets
    gaps = outlets["not_found"] != ""
    if count == gaps.sum():
        return None
    empty_cells = sum((outlets[column] == "").sum() for column in ("owner", "funding", "editorial_independence"))
    if count == empty_cells:
        raise NotQuite("you counted unanswered questions; count outlets.")
    if count == (~gaps).sum():
        raise NotQuite("that is the number of outlets whose three questions are all answered.")
    if count == len(outlets):
        raise NotQuite("that is every outlet; count only those with something in 'not found'.")
    raise NotYet("not yet: go down the column 'not found' and count the outlets with something in it.")


@question("lateral_exodus", ("L2",), (
    "Lesson 05's table of namings has a column 'kind'; one kind is 'exodus'. The coverage explorer can show it too.",
    "Look in the headlines and in the body text: the word may stand in either."))
def _lateral_exodus(answer: Any) -> None:
    named = _outlets_in(answer, "outlets of the coverage set, by name") - {"outlet-dw"}
    sets = _coverage()
    reports = sets.naming.loc[sets.naming["kind"] == "exodus", "report_id"]
    expected = set(sets.reports.set_index("report_id").loc[reports, "outlet_id"])
    if not named:
        raise WrongType(f"expects outlets of the coverage set, by name, got {describe(answer)}.")
    if named == expected:
        return None
    if named < expected:
        raise NotQuite("one more report uses the word, not in its headline; look in the body text too.")
    extra = sorted(named - expected)
    raise NotQuite(f"{_outlet_name(extra[0])} does not use that word in the part the store shows; the table of "
                   "namings lists each report's words.")


@question("lateral_unsourced_numbers", ("L2",), (
    "Lesson 05's table of numbers has a column 'attributed to'.",
    "Count the numbers, not the reports; read the convention for numbers whose sentence names no source."))
def _lateral_unsourced_numbers(answer: Any) -> str | None:
    count = read_whole_number(answer)
    numbers = _coverage().numbers
    strict = numbers["attributed_to"].str.startswith("no source given")
    loose = numbers["attributed_to"].str.startswith("no source")
    if count in (strict.sum(), loose.sum()):
        return ("Correct: you counted " + ("only the numbers with no source at all." if count == strict.sum() else
                "the numbers whose own sentence names no source too.") + " Both readings are accepted.")
    if count in (numbers.loc[strict, "report_id"].nunique(), numbers.loc[loose, "report_id"].nunique()):
        raise NotQuite("you counted reports; count the numbers.")
    if count == len(numbers):
        raise NotQuite("that is every number in the table; count only those given without a source.")
    raise NotYet("not yet: go down the column 'attributed to' and count the numbers with no source.")


def _unnamed_by_report() -> pd.Series:
    return _coverage().voice_audit().set_index("report_id")["unnamed"]


@question("lateral_most_unnamed", ("L2", "L4"), (
    "Lesson 05's table of voices, counted as lesson 02 counts, has a column 'unnamed'.",
    "Find the largest number in that column, leaving DW's row out."))
def _lateral_most_unnamed(answer: Any) -> None:
    named = _outlets_in(answer, "one report of the set, by its outlet or its id")
    if len(named) != 1:
        raise WrongType(f"expects one report of the set, by its outlet or its id, got {describe(answer)}.")
    unnamed = _unnamed_by_report()
    reports = _coverage().reports.set_index("report_id")
    chosen = list(reports.index[reports["outlet_id"] == named.pop()])
    best = unnamed.idxmax()
    if chosen == [best] or isinstance(answer, str) and read_text(answer, "a report") == best:
        return None
    if not chosen:
        raise NotQuite("DW is the report we started from; the question asks about the ten other reports.")
    audit = _coverage().voice_audit().set_index("report_id")
    if all(audit.at[r, "unnamed"] == audit.at[r, "voices"] for r in chosen):
        raise NotQuite("every voice that report quotes is unnamed, but it quotes only a few; the question asks "
                       "for the number of unnamed voices, not the share.")
    raise NotQuite("that report has unnamed voices, but another has more; compare the column 'unnamed' row by row.")


#: The three verdicts of a traced claim, as data/coverage/claims.csv gives them.
VERDICTS = ("traced", "traced to an unnamed source", "not traced")


def _verdict(answer: Any) -> str:
    """A verdict from an answer: the longest verdict it holds.

    >>> _verdict("It is traced to an unnamed source."), _verdict("Not traced"), _verdict("traced")
    ('traced to an unnamed source', 'not traced', 'traced')
    """
    text = read_text(answer, "one of the three verdicts")
    found = [v for v in sorted(VERDICTS, key=len, reverse=True) if v in text]
    if not found:
        raise WrongType(f"expects one of {', '.join(repr(v) for v in sorted(VERDICTS))}, got {describe(answer)}.")
    return found[0]


@question("lateral_million_verdict", ("L3",), (
    "Read the first row of the trail, the origin: who is the source there, as the page describes them?",
    "Where the trail ends, could a reader find out who said it and check it?"))
def _lateral_million_verdict(answer: Any) -> None:
    choice = _verdict(answer)
    claims = _coverage().claims.set_index("claim_id")
    if choice == claims.at["c02", "verdict"]:
        return None
    hints = {
        "traced": "the trail does end somewhere, but can a reader find out who that source is?",
        "not traced": "the stored pages do show where the figure started: read the origin of the trail.",
    }
    raise NotQuite(hints.get(choice, "read the trail of claim c02 again."))


@question("lateral_sum_by", ("L3",), (
    "Lesson 05 follows the 194,000 back in section 3; read the note under the trail.",
    "Three governments each gave a count. Whose report puts them together into one number?"))
def _lateral_sum_by(answer: Any) -> None:
    sets = _coverage()
    text = read_text(answer, "an outlet or an organisation, by its name")
    claims = sets.claims.set_index("claim_id")
    countries = re.search(r"\(([^)]*)\)", claims.at["c04", "origin"]).group(1).split(", ")
    carried = sets.claim_reports.loc[sets.claim_reports["claim_id"] == "c04", "report_id"]
    reports = sets.reports.set_index("report_id").loc[carried]
    named = _outlets_in(text, "an outlet")
    if named == set(reports["outlet_id"]):
        return None
    phrases = phrases_of(text)
    if any(country.lower() in phrases or country.lower().replace("land", "nish") in phrases for country in countries):
        raise NotQuite("that government gave one of the counts; who added the three together?")
    if any(site.split(" (")[0].lower() in text or "local 10" in text for site in reports["carried_by"] if site):
        raise NotQuite("that site prints the text on its page; whose text is it?")
    raise NotYet("not yet: read the note under the trail of the 194,000, and the credit of the report that gives it.")


@question("lateral_yle_direct", ("L4",), (
    "Lesson 05 applies lesson 02's audit to Yle's report in section 4; read the column 'quote kind'.",
    "A voice is quoted directly only when its own words stand in quotation marks."))
def _lateral_yle_direct(answer: Any) -> None:
    if isinstance(answer, str) and read_text(answer, "a number") in ("none", "no one", "nobody", "not one"):
        answer = 0
    count = read_whole_number(answer)
    audit = _coverage().voice_audit().set_index("report_id")
    if count == audit.at["r06", "direct"]:
        return None
    if count == audit.at["r06", "voices"]:
        raise NotQuite("that is every voice in the report; count only those whose own words stand in quotation marks.")
    voices = _coverage().voices
    headed = voices[(voices["report_id"] == "r06") & (voices["place"] == "subheading")]
    if count == audit.at["r06", "direct"] + len(headed):
        raise NotQuite("a sub-heading of the form 'Name: words' gives a view, but without quotation marks; "
                       "read the convention again.")
    raise NotYet("not yet: go down the column 'quote kind' in the audit of Yle's report and count 'direct'.")


written("lateral_trust", ("L2", "L3"))
written("lateral_transfer", ("L4",))
