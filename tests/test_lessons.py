"""The lesson tables answer from the data, and the facts the lessons' prose relies on hold.

If an annotation changes so that a sentence in a lesson is no longer true, a test here
fails and names the sentence's claim, so the prose is fixed along with the data.
"""

from __future__ import annotations

import pandas as pd
import pytest

from exodus_reader import OneLineError, lessons, load
from exodus_reader.reading.tables import Table

ARTICLE = load()


def one_line_error(call, *args, **kwargs) -> str:
    with pytest.raises(OneLineError) as caught:
        call(*args, **kwargs)
    message = str(caught.value)
    assert "\n" not in message
    return message


# --- when ------------------------------------------------------------------------------------
@pytest.mark.parametrize("expression, day", [
    ("on Monday", "Monday 19 September 2022"), ("on Tuesday", "Tuesday 20 September 2022"),
    ("Wednesday", "Wednesday 21 September 2022"), ("on Thursday", "Thursday 22 September 2022"),
    ("Friday", "Friday 23 September 2022"), ("on Sunday", "Sunday 18 September 2022"),
    ("yesterday", "Friday 23 September 2022"), ("3 days ago", "Wednesday 21 September 2022"),
])
def test_resolve_counts_back_from_publication(expression, day):
    assert lessons.resolve(expression).startswith(f"{expression!r} means {day}:")


def test_resolve_says_when_the_weekday_is_the_publication_day_itself():
    assert "either the day of publication" in lessons.resolve("on Saturday")


def test_resolve_gives_weeks_as_ranges():
    assert lessons.resolve("this week").startswith("'this week' means Monday 19 to Saturday 24 September 2022")
    assert lessons.resolve("last week").startswith("'last week' means Monday 12 to Sunday 18 September 2022")


def test_resolve_refuses_what_it_cannot_do_in_one_line():
    assert one_line_error(lessons.resolve, "next month").startswith("I cannot resolve 'next month'.")


def test_the_weekday_resolution_agrees_with_events_csv():
    events = ARTICLE.events.set_index("event_id")
    assert events.loc["e02", "date_as_written"] == "on Wednesday"
    assert lessons.resolve("on Wednesday").split(" means ")[1].startswith("Wednesday 21 September 2022")
    assert events.loc["e02", "date"] == "2022-09-21"


def test_time_expressions_are_the_ten_the_lesson_names():
    table = lessons.time_expressions().frame
    assert len(table) == 10
    assert table["paragraph"].iloc[0] == "p06" and table["paragraph"].iloc[-1] == "p37"
    assert dict(zip(table["as written"], table["resolved"]))["February 24"] == "24 Feb 2022"


# --- tables --------------------------------------------------------------------------------
def test_table_html_shows_long_text_in_full_and_escaped():
    long = "x" * 300 + " <b>&"
    table = Table(pd.DataFrame({"text": [long], "link": ["https://www.example.org/a"]}), "A & B")
    markup = table._repr_html_()
    assert "x" * 300 + " &lt;b&gt;&amp;" in markup and "A &amp; B" in markup
    assert '<a href="https://www.example.org/a"' in markup
    assert repr(table).splitlines()[0] == "A & B"


def test_choices_are_checked_with_a_one_line_list():
    assert "choose one of" in one_line_error(lessons.places_table, "by boat")
    assert "choose one of 'before', 'same day', 'after', 'all'" in one_line_error(lessons.context, "later")
    assert "'economic'" in one_line_error(lessons.compare_frames, "p15", ["economy"])
    assert "coded body paragraph" in one_line_error(lessons.frame_coding, "p04")
    assert "devices('metaphor')" in one_line_error(lessons.devices)
    assert "column to audit by" in one_line_error(lessons.audit, "age")


def test_compare_frames_counts_agreement():
    assert lessons.compare_frames("p15", ["economic"]).caption.endswith("on 5 of 5 frames.")
    mine = lessons.compare_frames("p15", ["conflict"]).frame.set_index("frame")
    assert mine.loc["conflict", "agree"] == "NO" and mine.loc["economic", "agree"] == "NO"
    assert (mine["agree"] == "yes").sum() == 3


def test_context_splits_at_publication_and_labels_tass():
    before, same, after = (lessons.context(w).frame for w in ("before", "same day", "after"))
    assert len(before) + len(same) + len(after) == len(ARTICLE.timeline)
    assert before["date"].max() < "2022-09-24" == same["date"].item() < after["date"].min()
    tass = before[before["source"].str.contains("tass.com")]
    assert tass["reported by"].item() == "tass.com (TASS, Russian state media, reporting the Kremlin's denial)"
    assert set(after["confidence"]) == {"high", "medium"}


def test_pictures_group_each_description_with_its_caption_and_credit():
    table = lessons.pictures().frame
    assert table["paragraphs"].tolist() == ["p08, p09, p10", "p16, p17, p18", "p23, p24, p25"]


def test_whose_words_follows_the_quotes():
    devices = ARTICLE.devices.set_index("device_id")
    for device, expected in [("d28", "Michail Bayankin (reported)"), ("d39", "Lev Shlosberg (reported)"),
                             ("d44", "Valeri Klepkin (direct)"), ("d33", "the article's own"),
                             ("d26", "the article's own")]:
        row = devices.loc[device]
        assert lessons.whose_words(row.start, row.end) == expected, device


# --- facts the lessons state -----------------------------------------------------------------
def test_exodus_and_spark_stand_only_in_the_headline_and_standfirst():  # lesson 3
    assert [m.paragraph_id for m in ARTICLE.search("exodus")] == ["p04", "p07"]
    assert [m.paragraph_id for m in ARTICLE.search("spark")] == ["p04", "p07"]


def test_the_counts_the_lessons_give():  # lessons 1 and 2
    assert len(ARTICLE.events) == 25 and len(ARTICLE.numbers) == 17
    assert ARTICLE.places["place"].nunique() == 21
    assert len(ARTICLE.sources) == 22 and len(lessons.voice_words()) == 16


def test_one_woman_among_seven_people_who_speak_all_reported():  # lesson 2
    words = lessons.voice_words()
    people = words[words["gender"] != ""]
    assert len(people) == 7 and people["gender"].tolist().count("female") == 1
    kallas = words.set_index("name").loc["Kaja Kallas"]
    assert (kallas["direct words"], kallas["reported words"]) == (0, 21)


def test_no_official_is_quoted_directly_and_direct_quotes_go_to_ordinary_men_and_an_activist():  # lesson 2
    words = lessons.voice_words()
    direct = words[words["direct words"] > 0]
    assert set(direct["source_type"]) == {"ordinary person", "activist"} and len(direct) == 5
    assert words.sort_values("words", ascending=False)["name"].tolist()[:2] == ["Michail Bayankin", "Valeri Klepkin"]


def test_audit_shares_the_lesson_rounds():  # lesson 2: one in twenty, one in five, nearly two in three
    by_type = lessons.audit("source_type").frame.set_index("source_type")
    assert by_type.loc["official", "voices"] == 7 and by_type.loc["official", "share of words"] == "19%"
    assert "'they'" not in by_type.loc["official", "names"] and "Finland" in by_type.loc["official", "names"]
    assert by_type.loc["ordinary person", "voices"] == 5 and by_type.loc["ordinary person", "share of words"] == "63%"
    assert lessons.audit("gender").frame.set_index("gender").loc["female", "share of words"] == "5%"


def test_claimed_is_used_once_and_only_for_the_ministry():  # lesson 2
    verbs = lessons.verb_table().frame.set_index("verb")
    assert verbs.loc["claim", "used for"] == "Russian Defense Ministry" and verbs.loc["claim", "times"] == 1
    assert verbs.loc["admit", "times"] == 0
    assert verbs.loc["tell", "as written"] == "told DW, tell us"  # one spelled with a no-break space


def test_first_and_last_word():  # lessons 2 and 3
    table = lessons.first_and_last_word().frame.set_index("")
    assert (table.loc["first voice", "who"], table.loc["first voice", "paragraph"]) == ("Russian Defense Ministry", "p11")
    assert (table.loc["last voice", "who"], table.loc["last voice", "paragraph"]) == ("Valeri Klepkin", "p36")


def test_absent_voices():  # lesson 2
    table = lessons.absent_voices().frame
    assert table["who"].tolist()[0] == "President Putin"
    assert table["named in"].tolist()[0] == "p07, p09, p36"
    assert set(table["who"][1:]) == {"Ukraine", "Kazakhstan", "Georgia", "Mongolia", "United Arab Emirates",
                                     "Turkey", "Serbia"}


def test_the_only_anonymous_person_gave_one_reason():  # lesson 2
    table = lessons.anonymous_voices().frame
    assert table.loc[table["named by"] == "anonymous", "source"].tolist() == ["s07"]
    reasons = ARTICLE.quotes[ARTICLE.quotes["verb_lemma"] == "ask"]
    assert reasons[["source_id", "text"]].values.tolist() == [["s07", "to remain anonymous"]]


def test_frame_counts_the_lesson_gives():  # lesson 3
    frames = ARTICLE.frames
    counts = {f: int(frames[f].sum()) for f in ("human_interest", "responsibility", "conflict", "morality", "economic")}
    assert counts == {"human_interest": 10, "responsibility": 8, "conflict": 7, "morality": 5, "economic": 1}
    assert frames.loc[frames["economic"] == 1, "paragraph_id"].tolist() == ["p15"]
    three = frames.set_index("paragraph_id")[["responsibility", "conflict", "economic", "human_interest", "morality"]]
    assert three.index[three.sum(axis=1) == 3].tolist() == ["p14", "p31", "p34", "p35"]


def test_errata_and_where_they_stand():  # lesson 3
    errata = lessons.devices("erratum").frame
    assert len(errata) == 7 and "p04" not in set(errata["paragraph"])
    captions = set(ARTICLE.paragraphs.loc[ARTICLE.paragraphs["kind"] == "caption", "paragraph_id"])
    assert not captions & set(errata["paragraph"])
    assert errata.loc[errata["words"] == "were are", "in whose words"].item() == "Michail Bayankin (direct)"


def test_entman_reading_covers_the_four_functions_from_both_article_and_sources():  # lesson 3
    table = lessons.entman().frame
    assert table["function"].nunique() == 4
    moral = table[table["function"] == "moral evaluation"]
    assert (moral["whose voice"] == "DW").sum() == 1


def test_finland_speaks_through_its_reported_plan():  # lesson 2: Finland is a reported government source
    finland = ARTICLE.sources.set_index("name").loc["Finland"]
    assert (finland["kind"], finland["source_type"], finland["role"]) == ("government", "official", "reported")
    plan = ARTICLE.events.set_index("event_id").loc["e22"]
    assert (plan["status"], plan["source_id"]) == ("plan", "s22")
    assert "Finland" not in set(lessons.absent_voices().frame["who"])


def test_exodus_is_a_metaphor_with_a_biblical_echo():  # lesson 3
    devices = ARTICLE.devices
    exodus = devices[(devices["kind"] == "metaphor") & (devices["text"] == "exodus")]
    assert exodus["paragraph_id"].tolist() == ["p04", "p07"]
    assert "Israelites" in exodus["note"].iloc[0]


def test_what_the_article_states_itself_is_not_called_a_fact():  # lesson 1
    assert "fact" not in set(ARTICLE.events["status"]) | set(ARTICLE.numbers["status"])
    assert ARTICLE.events["status"].value_counts()["stated"] == 12


def test_packaging_is_credited_to_dw_and_the_body_to_the_reporter():  # lessons 1 and 3
    kinds = dict(zip(ARTICLE.paragraphs["paragraph_id"], ARTICLE.paragraphs["kind"]))
    for table in (ARTICLE.events, ARTICLE.numbers):
        own = table[table["status"] == "stated"]
        for pid, source in zip(own["paragraph_id"], own["source_id"]):
            assert source == ("s18" if kinds[pid] == "body" else "s19"), pid


def test_the_caption_event_follows_the_present_perfect_rule():  # lesson 1
    caption = ARTICLE.events.set_index("event_id").loc["e12"]
    assert (caption["paragraph_id"], caption["date"], caption["precision"]) == ("p17", "../2022-09-24", "before")


def test_every_country_that_limits_entry_lies_west_of_russias_point():  # lesson 1, after west_of
    west = lessons.west_of("Russia").frame.set_index("place")
    places = ARTICLE.places
    limiting = set(places.loc[places["role"].str.startswith(("refusing", "considering")), "place"])
    assert limiting == {"Latvia", "Estonia", "Lithuania", "Czech Republic", "Finland"}
    assert limiting <= set(west.index)
    destinations = {p for p in west.index if "destination" in west.loc[p, "roles"]}
    assert destinations == {"Serbia", "Finland", "Turkey"}


def test_every_reference_the_lessons_link_to_is_in_the_references():  # all lessons
    assert {"outlet-dw", "outlet-tass"} <= set(lessons.references("outlet").frame["reference"])


def test_tables_keep_dates_whole_and_prose_readable_in_a_narrow_column():
    page = lessons.context("before")._repr_html_()
    assert page.startswith('<div class="exodus-table-scroll" style="overflow-x:auto')
    assert '<td style="text-align:left;vertical-align:top;white-space:nowrap">2022-09-19</td>' in page
    assert "word-break:break-all" not in page  # an address wraps between characters, a date never does
    prose = lessons.time_expressions()._repr_html_()
    assert "min-width:18em" in prose and ">21 Sep 2022</td>" in prose
    assert 'white-space:nowrap">21 Sep 2022</td>' in prose


# --- lesson 05: what it states about the coverage set and DW ---------------------------------
def test_headline_verbs_stand_in_their_headlines():  # lesson 5
    table = lessons.headline_verbs().frame
    for row in table.itertuples():
        assert row.verb in row.headline or row.report == "r03", row
    assert table.loc[0, "headline"] == ARTICLE.paragraph("p04")


def test_the_namings_lesson_5_names():
    from exodus_reader.corpus.coverage import coverage

    naming = coverage().naming
    assert sorted(naming.loc[naming["kind"] == "exodus", "report_id"]) == ["r01", "r09"]
    assert {"r03", "r04"}.isdisjoint(naming["report_id"])
    words = " ".join(naming["excerpt"]).lower()
    assert "draft dodger" not in words and "relocant" not in words
    assert [m.paragraph_id for m in ARTICLE.search("trying to flee")] == ["p11"]
    assert [m.paragraph_id for m in ARTICLE.search("conscientious objectors")] == ["p30"]
    assert [m.paragraph_id for m in ARTICLE.search("Russians fleeing")] == ["p31", "p32"]


def test_the_voices_and_verdicts_lesson_5_gives():
    from exodus_reader.corpus.coverage import coverage

    audit = lessons.voices_compare().frame.set_index("report")
    assert audit.loc["DW", ["voices", "direct"]].tolist() == [15, 5]
    assert audit.loc["r06", "direct"] == 0 and audit.loc["r10", "direct"] == 0
    assert audit.loc["r05", "officials"] == 0
    direct = ARTICLE.quotes[ARTICLE.quotes["kind"] == "direct"]
    ordinary = set(ARTICLE.sources.loc[ARTICLE.sources["source_type"] == "ordinary person", "source_id"])
    assert {"p13", "p21", "p22", "p28"} <= set(direct.loc[direct["source_id"].isin(ordinary), "paragraph_id"])
    verdicts = coverage().claims.set_index("claim_id")["verdict"]
    assert sorted(verdicts[verdicts == "traced to an unnamed source"].index) == ["c02", "c03"]
    assert (verdicts == "traced").sum() == 5 and (verdicts == "not traced").sum() == 0


def test_a_report_or_claim_that_does_not_exist_is_a_one_line_error():
    with pytest.raises(OneLineError, match="not a report of the coverage set"):
        lessons.report_voices("r99")
    with pytest.raises(OneLineError, match="not a claim id"):
        lessons.claim_trail("c99")
    with pytest.raises(OneLineError, match="not an outlet of the profiles"):
        lessons.outlet_evidence("Pravda")

