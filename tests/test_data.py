"""The annotations are exact: every offset, id and reference is proved here.

These tests read the CSV files with the standard library, independently of the
package's own validator, so a mistake in one cannot hide a mistake in the other.
"""

from __future__ import annotations

import csv
import hashlib
import re
from datetime import date

import pytest

from conftest import DATA, SHARED

TEXT = (DATA / "article.txt").read_text(encoding="utf-8")
SPAN_COLUMNS = {  # file -> (start column, end column, text column) pairs
    "paragraphs.csv": [("start", "end", "text")],
    "sources.csv": [("start", "end", "text")],
    "quotes.csv": [("start", "end", "text"), ("verb_start", "verb_end", "verb")],
    "events.csv": [("start", "end", "text"), ("date_start", "date_end", "date_as_written")],
    "places.csv": [("start", "end", "text")],
    "devices.csv": [("start", "end", "text")],
    "numbers.csv": [("start", "end", "text")],
}
ID_COLUMNS = {"paragraphs.csv": "paragraph_id", "sources.csv": "source_id", "quotes.csv": "quote_id",
              "events.csv": "event_id", "places.csv": "mention_id", "devices.csv": "device_id",
              "numbers.csv": "number_id", "frames.csv": "paragraph_id"}


def rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


PARAGRAPHS = {row["paragraph_id"]: row for row in rows("paragraphs.csv")}


def test_article_matches_its_recorded_checksum():
    recorded = (DATA / "article.sha256").read_text().split()[0]
    assert hashlib.sha256((DATA / "article.txt").read_bytes()).hexdigest() == recorded


@pytest.mark.skipif(not (SHARED / "seed").is_dir(),
                    reason="skipped, nothing is wrong: this compares data/article.txt with the original captured "
                           "copy of the article, which only the module's maintainers keep (in a folder "
                           "named 'shared' beside the module)")
def test_article_is_the_seed_byte_for_byte():
    assert (DATA / "article.txt").read_bytes() == (SHARED / "seed" / "000_5b211e41100e997b.txt").read_bytes()


@pytest.mark.skipif(not (SHARED / "context").is_dir(),
                    reason="skipped, nothing is wrong: this compares data/context/timeline.csv with the original "
                           "list of outside facts, which only the module's maintainers keep (in a folder named "
                           "'shared' beside the module)")
def test_timeline_is_the_shared_copy_unchanged():
    assert (DATA / "context" / "timeline.csv").read_bytes() == (SHARED / "context" / "timeline.csv").read_bytes()


def test_article_keeps_what_the_capture_holds():
    assert TEXT.count("\u00a0") == 11
    assert "WednesdayImage: DW" in TEXT and "scross" in TEXT
    assert TEXT.startswith("1. Skip to content\n")


@pytest.mark.parametrize("name", sorted(SPAN_COLUMNS))
def test_every_offset_points_at_its_text(name):
    checked = 0
    for row in rows(name):
        for start, end, text in SPAN_COLUMNS[name]:
            if row[start] == "" and row[text] == "":
                continue
            assert TEXT[int(row[start]):int(row[end])] == row[text], (name, row[ID_COLUMNS[name]], text)
            checked += 1
    assert checked >= len(rows(name))


@pytest.mark.parametrize("name", sorted(ID_COLUMNS))
def test_ids_are_unique(name):
    ids = [row[ID_COLUMNS[name]] for row in rows(name)]
    assert len(ids) == len(set(ids)) and all(ids)


@pytest.mark.parametrize("name", ["quotes.csv", "events.csv", "numbers.csv"])
def test_every_source_id_exists(name):
    sources = {row["source_id"] for row in rows("sources.csv")}
    assert {row["source_id"] for row in rows(name)} <= sources


@pytest.mark.parametrize("name", ["sources.csv", "quotes.csv", "events.csv", "places.csv", "devices.csv", "numbers.csv"])
def test_every_span_lies_inside_its_paragraph(name):
    for row in rows(name):
        paragraph = PARAGRAPHS[row["paragraph_id"]]
        p_start, p_end = int(paragraph["start"]), int(paragraph["end"])
        for start, end, _ in SPAN_COLUMNS[name]:
            if row[start]:
                assert p_start <= int(row[start]) < int(row[end]) <= p_end, (name, row[ID_COLUMNS[name]])


def test_paragraphs_cover_every_visible_character_once():
    covered = [0] * len(TEXT)
    for row in PARAGRAPHS.values():
        for i in range(int(row["start"]), int(row["end"])):
            covered[i] += 1
    assert all(count == 1 for ch, count in zip(TEXT, covered) if not ch.isspace())
    assert list(PARAGRAPHS) == [f"p{n:02d}" for n in range(1, len(PARAGRAPHS) + 1)]


def test_direct_and_scare_quotes_stand_inside_quotation_marks():
    for row in rows("quotes.csv"):
        start, end = int(row["start"]), int(row["end"])
        inside_marks = TEXT[start - 1] in "\"'" and re.match(r"""[,.]?["']""", TEXT[end:end + 2])
        assert bool(inside_marks) == (row["kind"] in {"direct", "scare"}) or row["nested_in"], row["quote_id"]


def test_attribution_verbs_stand_outside_their_quotes():
    for row in rows("quotes.csv"):
        if row["verb_start"]:
            verb = range(int(row["verb_start"]), int(row["verb_end"]))
            assert not set(verb) & set(range(int(row["start"]), int(row["end"]))), row["quote_id"]


def test_nested_quotes_lie_inside_the_quote_that_reports_them():
    quotes = {row["quote_id"]: row for row in rows("quotes.csv")}
    nested = [row for row in quotes.values() if row["nested_in"]]
    assert nested
    for row in nested:
        outer = quotes[row["nested_in"]]
        assert int(outer["start"]) <= int(row["start"]) < int(row["end"]) <= int(outer["end"])


def test_every_no_break_space_and_erratum_is_annotated():
    devices = rows("devices.csv")
    spaces = {int(row["start"]) for row in devices if row["kind"] == "no_break_space"}
    assert spaces == {m.start() for m in re.finditer("\u00a0", TEXT)}
    errata = {row["text"] for row in devices if row["kind"] == "erratum"}
    assert errata == {"scross", "Finish", "though", "Minster", "were are"}


def test_weekdays_resolve_to_that_weekday_before_publication():
    published = date(2022, 9, 24)
    for row in rows("events.csv"):
        written = row["date_as_written"]
        for weekday, name in enumerate(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]):
            if name in written and row["precision"] == "day":
                day = date.fromisoformat(row["date"])
                assert day.weekday() == weekday and 0 < (published - day).days < 7, row["event_id"]


def test_resolved_dates_are_not_after_publication():
    for row in rows("events.csv"):
        for day in re.findall(r"\d{4}-\d{2}-\d{2}", row["date"]):
            assert date.fromisoformat(day) <= date(2022, 9, 24), row["event_id"]


def test_every_place_keeps_one_position():
    positions: dict[str, set[tuple[str, str]]] = {}
    for row in rows("places.csv"):
        positions.setdefault(row["place"], set()).add((row["latitude"], row["longitude"]))
    assert all(len(p) == 1 for p in positions.values())


def test_frames_code_every_body_paragraph_with_a_reason():
    body = {pid for pid, row in PARAGRAPHS.items() if row["kind"] == "body"}
    frames = rows("frames.csv")
    assert {row["paragraph_id"] for row in frames} == body
    for row in frames:
        assert row["justification"].strip()
        assert {row[f] for f in ("responsibility", "conflict", "economic", "human_interest", "morality")} <= {"0", "1"}
