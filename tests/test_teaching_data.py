"""The teaching tables in data/ (entman.csv, verbs.csv) are exact, and the package refuses them when they are not.

The first tests read the CSV files with the standard library, independently of the
package's validator; the last ones break a copy of the data and read the one-line error.
"""

from __future__ import annotations

import csv
import re

import pytest

from conftest import DATA, edit, error_for

TEXT = (DATA / "article.txt").read_text(encoding="utf-8")
CITATION = re.compile(r"\bp\d{2}\b")


def rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


PARAGRAPHS = {row["paragraph_id"]: row for row in rows("paragraphs.csv")}
SOURCES = {row["source_id"] for row in rows("sources.csv")}


def test_entman_evidence_is_the_article_text_inside_its_paragraph():
    for row in rows("entman.csv"):
        start, end = int(row["start"]), int(row["end"])
        assert TEXT[start:end] == row["text"], row["reading_id"]
        paragraph = PARAGRAPHS[row["paragraph_id"]]
        assert int(paragraph["start"]) <= start < end <= int(paragraph["end"]), row["reading_id"]
        assert row["source_id"] in SOURCES


def test_entman_reads_all_four_functions_in_order():
    functions = [row["function"] for row in rows("entman.csv")]
    order = ["problem_definition", "causal_interpretation", "moral_evaluation", "treatment_recommendation"]
    assert list(dict.fromkeys(functions)) == order


@pytest.mark.parametrize("name, columns", [
    ("entman.csv", ["reading"]), ("verbs.csv", ["signal"]), ("frames.csv", ["justification"]),
    ("sources.csv", ["description"]), ("events.csv", ["description", "resolution"]), ("quotes.csv", ["note"]),
    ("devices.csv", ["note"]), ("numbers.csv", ["note"]), ("places.csv", ["note"]),
])
def test_every_paragraph_a_table_cites_exists(name, columns):
    cited = {c for row in rows(name) for column in columns for c in CITATION.findall(row[column])}
    assert cited <= set(PARAGRAPHS), cited - set(PARAGRAPHS)


def test_every_attribution_verb_has_a_glossary_line():
    glossary = {row["verb_lemma"] for row in rows("verbs.csv")}
    used = {row["verb_lemma"] for row in rows("quotes.csv") if row["verb_lemma"]}
    assert used <= glossary, used - glossary
    assert {"say", "claim", "admit", "deny", "urge", "criticize", "make clear"} <= glossary


def test_glossary_keeps_the_guidance_it_cites():
    stance = {row["verb_lemma"]: (row["stance"], row["basis"]) for row in rows("verbs.csv")}
    assert stance["say"] == ("neutral", "guidance") and stance["claim"] == ("casts doubt", "guidance")
    assert stance["admit"] == ("concession", "guidance")


# --- the package's one-line errors -----------------------------------------------------------
def test_entman_evidence_that_does_not_match(data_copy):
    edit(data_copy / "entman.csv", "p28,3980,4016,", "p28,3980,4010,")
    assert error_for(data_copy) == ("entman.csv row en10: text at 3980-4010 is 'going to jail or becoming "
                                    "a mu', expected 'going to jail or becoming a murderer'")


def test_entman_function_that_is_not_one_of_four(data_copy):
    edit(data_copy / "entman.csv", "en07,causal_interpretation,", "en07,cause,")
    assert error_for(data_copy).startswith("entman.csv row en07: function 'cause' is not one of causal_interpretation")


def test_citation_of_a_paragraph_that_does_not_exist(data_copy):
    edit(data_copy / "entman.csv", "(p14)", "(p41)")
    assert error_for(data_copy) == "entman.csv row en09: reading cites p41, which is not a paragraph in paragraphs.csv"


def test_citation_in_an_existing_table_is_checked_too(data_copy):
    edit(data_copy / "frames.csv", "p11,1,0,0,0,0,\"The call-up", "p11,1,0,0,0,0,\"As p88 says, the call-up")
    assert error_for(data_copy) == "frames.csv row p11: justification cites p88, which is not a paragraph in paragraphs.csv"


def test_verb_without_a_glossary_line(data_copy):
    edit(data_copy / "verbs.csv", "\nurge,", "\nappeal,")
    assert error_for(data_copy) == "quotes.csv row q23: verb_lemma 'urge' has no row in verbs.csv"


def test_verb_stance_that_is_not_known(data_copy):
    edit(data_copy / "verbs.csv", "claim,casts doubt,", "claim,suspicious,")
    assert error_for(data_copy).startswith("verbs.csv row claim: stance 'suspicious' is not one of")


def test_a_frame_reason_that_contradicts_the_coding(data_copy):
    edit(data_copy / "frame_reasons.csv", "p11,conflict,0,", "p11,conflict,1,")
    assert error_for(data_copy) == ("frame_reasons.csv row at line 3: present is 1 for p11 conflict, but frames.csv "
                                    "codes it 0")


def test_a_frame_without_a_reason(data_copy):
    edit(data_copy / "frame_reasons.csv", "p36,morality,0,He calls", "p36,conflict,0,He calls")
    assert error_for(data_copy) == "frame_reasons.csv row at line 86: p36 has a second reason for conflict"
