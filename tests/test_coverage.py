"""The coverage set: ten other reports of the same week, the claims traced and the outlets behind them."""

from __future__ import annotations

import pytest

from conftest import edit
from exodus_reader import AnnotationError, word_count
from exodus_reader.__main__ import main
from exodus_reader.corpus.coverage import (FIRST_DAY, LAST_DAY, MAX_EXCERPT_WORDS, coverage, read_coverage)

SETS = coverage()


def coverage_error(data) -> str:
    """The one-line error that reading a broken coverage folder gives."""
    with pytest.raises(AnnotationError) as caught:
        read_coverage(data)
    message = str(caught.value)
    assert "\n" not in message
    return message


# --- the data as it stands -------------------------------------------------------

def test_every_excerpt_is_short_and_has_its_address():
    excerpts = SETS.excerpts()
    assert len(excerpts) == sum(len(getattr(SETS, name)) for name in ("naming", "numbers", "voices", "claim_reports"))
    for row in excerpts.itertuples():
        assert row.excerpt.strip(), row.row
        assert word_count(row.excerpt) <= MAX_EXCERPT_WORDS, (row.table, row.row)
        assert row.url.startswith("https://") and row.url in set(SETS.reports["url"]), (row.table, row.row)
    longest = max(word_count(text) for text in SETS.claims["origin_excerpt"])
    assert longest <= MAX_EXCERPT_WORDS


def test_every_report_date_is_in_the_week_after_the_call_up():
    dates = SETS.reports["date"]
    assert dates.between(FIRST_DAY, LAST_DAY).all()
    assert (FIRST_DAY, LAST_DAY) == ("2022-09-21", "2022-09-30")
    assert list(dates) == sorted(dates), "reports are numbered in date order"


def test_every_claim_row_points_at_existing_reports_and_claims():
    carried = SETS.claim_reports
    assert set(carried["report_id"]) <= set(SETS.reports["report_id"])
    assert set(carried["claim_id"]) == set(SETS.claims["claim_id"]), "every claim is carried by a report"
    reports = SETS.reports.set_index("report_id")
    for row in carried.itertuples():
        assert reports.loc[row.report_id, "url"].startswith("https://")


def test_every_address_is_a_full_https_address():
    addresses = set(SETS.reports["url"]) | set(SETS.claims["origin_url"])
    assert len(addresses) >= 10
    for url in addresses:
        assert url.startswith("https://") and "." in url.split("/")[2], url
        assert " " not in url, url


def test_the_set_differs_in_kind():
    kinds = set(SETS.reports["kind"])
    assert {"news agency", "public broadcaster", "private broadcaster", "state news agency",
            "independent outlet in exile"} <= kinds
    assert 6 <= len(SETS.reports) <= 10
    assert SETS.reports["outlet"].nunique() >= 7, "several newsrooms, not one"


def test_the_stored_start_is_all_we_claim_to_have_read():
    reports = SETS.reports
    assert (reports["shown"] == "start only").all()
    shown = dict(zip(reports["report_id"], reports["paragraphs_shown"]))
    for row in SETS.excerpts().itertuples():
        if row.place.startswith("para "):
            assert int(row.place.split()[1]) <= shown[row.report_id], (row.table, row.row)


def test_excerpts_of_headlines_stand_in_the_headline():
    headlines = dict(zip(SETS.reports["report_id"], SETS.reports["headline"]))
    placed = SETS.excerpts().query("place == 'headline'")
    assert len(placed) >= 8
    for row in placed.itertuples():
        assert row.excerpt in headlines[row.report_id]


def test_naming_words_and_numbers_stand_in_their_excerpts():
    for row in SETS.naming.itertuples():
        assert row.words in row.excerpt
    for row in SETS.numbers.itertuples():
        assert row.text in row.excerpt
    # the reports that never mention people leaving are the Kremlin's denial and its answer
    silent = set(SETS.reports["report_id"]) - set(SETS.naming["report_id"])
    assert silent == {"r03", "r04"}


def test_every_outlet_has_a_profile_backed_by_references():
    outlets = SETS.outlets.set_index("outlet_id")
    assert set(SETS.reports["outlet_id"]) <= set(outlets.index)
    assert {"outlet-dw", "outlet-tass", "outlet-novaya-gazeta-europe"} <= set(outlets.index)
    references = SETS.references.set_index("id")
    for outlet_id, row in outlets.iterrows():
        cited = row["references"].split(";")
        assert outlet_id in cited
        assert set(cited) <= set(references.index), outlet_id
        assert (references.loc[cited, "kind"] == "outlet").all()
        for column in ("owner", "funding", "editorial_independence"):
            assert row[column] or column.split("_")[0] in row["not_found"], (outlet_id, column)
    assert references.loc["state-media-matrix", "kind"] == "framework"


def test_voice_audit_counts_every_voice_once():
    audit = SETS.voice_audit()
    assert audit["voices"].sum() == len(SETS.voices)
    assert (audit["named"] + audit["unnamed"] == audit["voices"]).all()
    assert (audit["direct"] + audit["indirect"] == audit["voices"]).all()
    assert (audit["officials"] + audit["ordinary people"] + audit["others"] == audit["voices"]).all()
    by_report = audit.set_index("report_id")
    assert by_report.loc["r05", "ordinary people"] == 2 and by_report.loc["r05", "officials"] == 0
    assert by_report.loc["r06", "direct"] == 0, "Yle reports every voice in its own words"


def test_traced_claims_have_their_origin():
    for row in SETS.claims.itertuples():
        if row.verdict != "not traced":
            assert row.origin_url.startswith("https://") and row.origin_excerpt and row.origin_date
    assert set(SETS.claims["verdict"]) <= {"traced", "traced to an unnamed source", "not traced"}


def test_check_data_reports_the_coverage_set(capsys):
    assert main(["validate-data"]) == 0
    out = capsys.readouterr().out
    assert "10 coverage reports" in out and "7 coverage claims" in out


def test_tables_are_copies():
    first = coverage().reports
    first.loc[0, "outlet"] = "changed"
    assert coverage().reports.loc[0, "outlet"] == "Reuters"
    with pytest.raises(AttributeError, match="no table 'nothing'"):
        coverage().nothing


# --- broken copies give one line naming the file, the row and the problem --------

def test_excerpt_too_long(data_copy):
    long = " ".join(["word"] * 41)
    edit(data_copy / "coverage" / "voices.csv", "'Panic demand' for air tickets - source", long)
    assert coverage_error(data_copy) == "coverage/voices.csv row v01: excerpt has 41 words; keep it to 40 or fewer"


def test_date_out_of_range(data_copy):
    edit(data_copy / "coverage" / "reports.csv", "r10,outlet-al-arabiya,Al Arabiya English,state-owned broadcaster,,2022-09-29",
         "r10,outlet-al-arabiya,Al Arabiya English,state-owned broadcaster,,2022-10-03")
    assert coverage_error(data_copy) == "coverage/reports.csv row r10: date '2022-10-03' is not a day from 2022-09-21 to 2022-09-30"


def test_claim_pointing_at_a_missing_report(data_copy):
    edit(data_copy / "coverage" / "claim_reports.csv", "c07,r10,", "c07,r99,")
    assert coverage_error(data_copy) == "coverage/claim_reports.csv row at line 12: report_id 'r99' is not in coverage/reports.csv"


def test_claim_that_no_report_carries(data_copy):
    edit(data_copy / "coverage" / "claim_reports.csv", "c07,r10,", "c06,r10,")
    assert coverage_error(data_copy) == "coverage/claims.csv row c07: no report in coverage/claim_reports.csv carries this claim"


def test_address_that_is_not_https(data_copy):
    edit(data_copy / "coverage" / "reports.csv", "https://tass.com/politics/1511743", "http://tass.com/politics/1511743")
    assert coverage_error(data_copy) == "coverage/reports.csv row r03: url 'http://tass.com/politics/1511743' is not a full https:// address"


def test_place_past_what_the_store_shows(data_copy):
    edit(data_copy / "coverage" / "voices.csv", "v11,r03,Dmitry Peskov,official,full name,direct,para 2",
         "v11,r03,Dmitry Peskov,official,full name,direct,para 9")
    assert coverage_error(data_copy) == "coverage/voices.csv row v11: place 'para 9' is past the 4 paragraphs the stored page shows"


def test_naming_words_not_in_excerpt(data_copy):
    edit(data_copy / "coverage" / "naming.csv", "w01,r01,exodus,", "w01,r01,stampede,")
    assert coverage_error(data_copy) == "coverage/naming.csv row w01: words 'stampede' are not in the excerpt"


def test_outlet_reference_that_does_not_exist(data_copy):
    edit(data_copy / "coverage" / "outlets.csv", "outlet-tass;outlet-tass-eana", "outlet-tass;outlet-tass-wiki")
    assert coverage_error(data_copy) == "coverage/outlets.csv row outlet-tass: reference 'outlet-tass-wiki' is not in references.csv"


def test_unknown_source_type(data_copy):
    edit(data_copy / "coverage" / "voices.csv", "v04,r01,Sergei,ordinary person,", "v04,r01,Sergei,citizen,")
    message = coverage_error(data_copy)
    assert message.startswith("coverage/voices.csv row v04: source_type 'citizen' is not one of activist, journalist")


def test_headline_excerpt_not_in_the_headline(data_copy):
    edit(data_copy / "coverage" / "naming.csv", "w01,r01,exodus,exodus,headline,Russian draft prompts exodus",
         "w01,r01,exodus,exodus,headline,Russian draft prompts mass exodus")
    assert coverage_error(data_copy).startswith("coverage/naming.csv row w01: excerpt 'Russian draft prompts mass exodus")


def test_a_set_that_is_too_small(data_copy):
    path = data_copy / "coverage" / "reports.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:6]), encoding="utf-8")
    assert coverage_error(data_copy) == "coverage/reports.csv: 5 reports; the coverage set holds 6 to 10"


def test_check_data_fails_on_broken_coverage(data_copy, capsys):
    edit(data_copy / "coverage" / "claim_reports.csv", "c07,r10,", "c07,r99,")
    assert main(["validate-data", "--data", str(data_copy)]) == 1
    assert capsys.readouterr().err.startswith("error: coverage/claim_reports.csv row at line 12:")
