"""Reading and searching the article as a person would."""

from __future__ import annotations

import pytest

from exodus_reader import OneLineError, load
from exodus_reader.corpus.schema import event_date_bounds


@pytest.fixture(scope="module")
def article():
    return load()


def test_search_ignores_case_and_kinds_of_space(article):
    typed = article.search("has even reported")
    assert [m.text for m in typed] == ["has\u00a0even reported"]
    assert article.search("HAS   EVEN\treported") == typed


def test_search_accepts_curly_quotes_as_typed(article):
    assert article.search("Bayankin\u2019s view")[0].paragraph_id == "p15"


def test_search_without_a_match_is_empty(article):
    assert article.search("Saint Petersburg") == []


def test_search_treats_regex_characters_as_text(article):
    assert [m.paragraph_id for m in article.search("[Russian President]")] == ["p36"]


def test_quotes_by_name_in_any_case(article):
    assert article.quotes_by("BAYANKIN")["quote_id"].tolist() == ["q05", "q06", "q08", "q19", "q31", "q32", "q33"]


def test_ambiguous_or_unknown_name_says_what_to_do(article):
    with pytest.raises(OneLineError, match="fits several sources"):
        article.source_id("Russian")
    with pytest.raises(OneLineError, match="No source is called 'Tolstoy'"):
        article.source_id("Tolstoy")


def test_unknown_paragraph_is_a_one_line_error(article):
    with pytest.raises(OneLineError, match="There is no paragraph 'p99': paragraphs go from p01 to p37"):
        article.paragraph("p99")


def test_tables_are_copies(article):
    quotes = article.quotes
    quotes.loc[0, "text"] = "changed"
    assert article.quotes.loc[0, "text"] != "changed"


def test_context_marks_the_span_in_its_sentence(article):
    q = article.quotes.set_index("quote_id").loc["q28"]
    context = article.in_context(q.start, q.end, ("<<", ">>"))
    assert context.startswith("Speaking with DW, he said <<Eastern European")
    assert context.endswith("Iron Curtain>>.")


def test_show_numbers_every_paragraph(article):
    view = article.show()
    text = repr(view)
    assert text.splitlines()[0].startswith("p01  navigation")
    assert "p37  footer" in text
    assert view._repr_html_().count("<tr>") == 37


def test_a_search_reads_as_sentences_not_as_python(article):
    found = article.search("told DW he")
    assert [m.paragraph_id for m in found] == ["p13", "p20", "p22"] and found[0].text == "told DW\xa0he"
    shown = repr(found)
    assert "Match(" not in shown and "\\xa0" not in shown and "\xa0" not in shown
    assert shown.splitlines()[0] == "3 matches for 'told DW he':"
    page = found._repr_html_()
    assert page.count("<mark>") == 3 and "Match(" not in page
    assert repr(article.search("Tolstoy")) == "No match for 'Tolstoy'." and article.search("Tolstoy") == []


def test_each_event_date_gives_the_days_its_precision_promises(article):
    for row in article.events.itertuples():
        first, last = event_date_bounds(row.date)
        promised = {"day": first is not None and first == last, "range": first is not None and first < last,
                    "before": first is None and last is not None, "undated": (first, last) == (None, None)}
        assert promised[row.precision], (row.event_id, row.date)
    assert article.published.isoformat() == article.meta["published"]
