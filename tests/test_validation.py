"""A broken data file gives one line that names the file, the row and the problem."""

from __future__ import annotations

import json
import subprocess
import sys


from conftest import edit, error_for
from exodus_reader.__main__ import main


def test_bad_offset(data_copy):
    edit(data_copy / "quotes.csv", "q04,s04,indirect,has denied,deny,1054,1064,1034,1041", "q04,s04,indirect,has denied,deny,1054,1064,1034,1045")
    assert error_for(data_copy) == "quotes.csv row q04: text at 1034-1045 is 'a claim the', expected 'a claim'"


def test_offset_past_the_end(data_copy):
    edit(data_copy / "numbers.csv", "p11,675,682", "p11,6750,6820")
    assert error_for(data_copy) == "numbers.csv row n03: start-end 6750-6820 is not a span of the article (0-5804)"


def test_span_outside_its_paragraph(data_copy):
    edit(data_copy / "quotes.csv", "q04,s04,indirect,has denied,deny,1054,1064,1034,1041,p12", "q04,s04,indirect,has denied,deny,1054,1064,1034,1041,p13")
    assert error_for(data_copy) == "quotes.csv row q04: span 1034-1041 is not inside paragraph p13 (1145-1461)"


def test_unknown_source(data_copy):
    edit(data_copy / "quotes.csv", "q07,s16,", "q07,s99,")
    assert error_for(data_copy) == "quotes.csv row q07: source_id 's99' is not in sources.csv"


def test_duplicate_id(data_copy):
    edit(data_copy / "events.csv", "\ne05,", "\ne04,")
    assert error_for(data_copy) == "events.csv row e04: event_id 'e04' appears twice (lines 5 and 6)"


def test_missing_column(data_copy):
    edit(data_copy / "quotes.csv", "quote_id,source_id,kind,verb,", "quote_id,source_id,kind,attribution,")
    assert error_for(data_copy) == "quotes.csv: missing column 'verb'"


def test_offset_that_is_not_a_number(data_copy):
    edit(data_copy / "devices.csv", "d01,headline,p04,87,", "d01,headline,p04,eighty-seven,")
    assert error_for(data_copy) == "devices.csv row d01: start 'eighty-seven' is not a whole number"


def test_unknown_kind(data_copy):
    edit(data_copy / "quotes.csv", "q01,s01,indirect,", "q01,s01,direkt,")
    assert error_for(data_copy) == "quotes.csv row q01: kind 'direkt' is not one of direct, indirect, scare"


def test_date_that_does_not_fit_its_precision(data_copy):
    edit(data_copy / "events.csv", "e02,2022-09-21,day,", "e02,21/09/2022,day,")
    assert error_for(data_copy) == "events.csv row e02: date '21/09/2022' does not fit precision 'day'"


def test_edited_article(data_copy):
    edit(data_copy / "article.txt", "scross", "cross")
    assert error_for(data_copy).startswith("article.txt: its checksum differs from article.sha256")


def test_unreadable_csv(data_copy):
    (data_copy / "places.csv").write_bytes(b"\xff\xfe\x00garbage")
    assert error_for(data_copy).startswith("places.csv: not a readable CSV table")


def test_missing_file(data_copy):
    (data_copy / "sources.csv").unlink()
    assert error_for(data_copy) == f"sources.csv: file not found in {data_copy}"


def test_broken_metadata(data_copy):
    meta = json.loads((data_copy / "article.json").read_text())
    del meta["published"]
    (data_copy / "article.json").write_text(json.dumps(meta))
    assert error_for(data_copy) == "article.json: missing field 'published'"


def test_gap_in_paragraphs(data_copy):
    edit(data_copy / "paragraphs.csv", "\np37,", "\np99,")
    assert error_for(data_copy) == "paragraphs.csv row p99: expected id p37: paragraphs are numbered in order"


def test_command_line_prints_one_line_and_fails(data_copy, capsys):
    edit(data_copy / "quotes.csv", "q07,s16,", "q07,s99,")
    assert main(["validate-data", "--data", str(data_copy)]) == 1
    captured = capsys.readouterr()
    assert captured.err == "error: quotes.csv row q07: source_id 's99' is not in sources.csv\n"


def test_command_line_reports_the_good_data(capsys):
    assert main(["validate-data"]) == 0
    assert capsys.readouterr().out.startswith("ok: 37 paragraphs, 22 sources, 35 quotes")


def test_module_runs_as_a_command():
    done = subprocess.run([sys.executable, "-m", "exodus_reader", "locate", "told DW he"],
                          capture_output=True, text=True, check=True)
    assert [line.split("\t")[0] for line in done.stdout.splitlines()] == ["p13", "p20", "p22"]


def test_reference_without_a_web_address(data_copy):
    edit(data_copy / "references.csv", "https://handbook.reuters.com/", "handbook.reuters.com/")
    assert error_for(data_copy).startswith("references.csv row reuters-sourcing: url 'handbook.reuters.com/")
    assert error_for(data_copy).endswith("is not a full web address")


def test_reference_id_that_is_not_kebab_case(data_copy):
    edit(data_copy / "references.csv", "\nbbc-5050,", "\nBBC 50:50,")
    assert error_for(data_copy) == ("references.csv row BBC 50:50: id 'BBC 50:50' is not kebab-case "
                                    "(small letters, digits and hyphens, such as 'entman-1993')")


def test_reference_of_an_unknown_kind(data_copy):
    edit(data_copy / "references.csv", "\noutlet-tass,outlet,", "\noutlet-tass,agency,")
    assert error_for(data_copy) == ("references.csv row outlet-tass: kind 'agency' is not one of background, "
                                    "framework, outlet, reference, standard")


def test_reference_date_that_is_not_a_day(data_copy):
    edit(data_copy / "references.csv", ",2021-11-18,", ",18 November 2021,")
    assert error_for(data_copy) == "references.csv row outlet-dw: date '18 November 2021' is not YYYY-MM-DD"


def test_verb_that_cites_an_unknown_reference(data_copy):
    edit(data_copy / "verbs.csv", ",guidance,attribution-verbs\ntell", ",guidance,ap-style\ntell")
    assert error_for(data_copy) == "verbs.csv row say: reference 'ap-style' is not in references.csv"


def test_guidance_verb_without_a_reference(data_copy):
    edit(data_copy / "verbs.csv", ",guidance,attribution-verbs\ntell", ",guidance,\ntell")
    assert error_for(data_copy) == "verbs.csv row say: basis 'guidance' needs a reference from references.csv"


# --- the malformed cells that tests/test_malformed_data.py found: each one line, never a traceback ---

def test_empty_paragraph_id(data_copy):
    edit(data_copy / "devices.csv", "d01,headline,p04,87,", "d01,headline,,87,")
    assert error_for(data_copy) == "devices.csv row d01: paragraph_id is empty"


def test_offset_with_a_digit_that_is_not_0_to_9(data_copy):
    edit(data_copy / "devices.csv", "d01,headline,p04,87,", "d01,headline,p04,8\u00b2,")
    assert error_for(data_copy) == "devices.csv row d01: start '8\u00b2' is not a whole number"
    edit(data_copy / "devices.csv", "d01,headline,p04,8\u00b2,", "d01,headline,p04,\u0668\u0667,")
    assert error_for(data_copy) == "devices.csv row d01: start '\u0668\u0667' is not a whole number"


def test_offset_too_large_for_a_table(data_copy):
    edit(data_copy / "devices.csv", "d01,headline,p04,87,", "d01,headline,p04," + "9" * 25 + ",")
    assert error_for(data_copy) == ("devices.csv row d01: start '999999999999…' is too large "
                                    "(at most 9223372036854775807)")


def test_id_with_a_line_break(data_copy):
    edit(data_copy / "references.csv", "\nbbc-5050,", '\n"bbc\n5050",')
    assert error_for(data_copy).startswith("references.csv row 'bbc\\n5050': id 'bbc\\n5050' is not kebab-case")
