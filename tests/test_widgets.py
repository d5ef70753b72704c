"""The three widgets, driven as a student drives them: choose, type, tick, and read what they show."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from itertools import combinations
from pathlib import Path

import nbformat
import pytest

from conftest import ROOT
from exodus_reader import FRAMES, OneLineError, load
from exodus_reader.reading.frame_coding import cohen_kappa, read_coding
from exodus_reader.reading.widgets import (LAYER_KEYS, LAYERS, OKABE_ITO, STYLE, ArticleReader, FrameCoder,
                                   QuoteExplorer, Span, filter_quotes, layered_article_html, quote_cards,
                                   render_quotes_html, render_spans)

HEADER = "paragraph_id,responsibility,conflict,economic,human_interest,morality"


class Page(HTMLParser):
    """Reads widget HTML the way a screen reader would: the text, the marks and the labels."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.text: list[str] = []
        self.marks: list[str] = []
        self.cards = 0
        self.in_mark = False
        self.feed(source)
        self.close()
        assert not self.open, f"unclosed tags: {self.open}"

    def handle_starttag(self, tag, attrs):
        if tag != "br":
            self.open.append(tag)
        classes = dict(attrs).get("class") or ""
        if tag == "li" and "exr-card" in classes:
            self.cards += 1
        if tag == "mark":
            self.marks.append("")

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open[-1:]}"
        self.open.pop()

    def handle_data(self, data):
        if "style" in self.open:
            return
        self.text.append(data)
        if "mark" in self.open:
            self.marks[-1] += data

    @property
    def words(self) -> str:
        return "".join(self.text)


@pytest.fixture(scope="module")
def article():
    return load()


def shown(explorer: QuoteExplorer) -> Page:
    return Page(explorer.results.value)


# --- the quote explorer --------------------------------------------------------------------
def test_explorer_starts_with_every_quote():
    page = shown(QuoteExplorer())
    assert page.cards == 35
    assert "35 of 35 quotes (10 direct, 24 reported, 1 scare quotes)" in page.words


def test_choosing_a_speaker_lists_only_their_quotes():
    explorer = QuoteExplorer()
    explorer.speaker_menu.value = "s09"
    page = shown(explorer)
    assert page.cards == 2 and "2 of 35 quotes (2 direct)" in page.words
    assert page.words.count("Valeri Klepkin ·") == 2
    assert "going to jail or becoming a murderer" in page.words and "cannon fodder" not in page.words


def test_speaker_menu_offers_all_and_every_source_with_quotes(article):
    options = QuoteExplorer().speaker_menu.options
    assert options[0] == ("All speakers (35)", "all")
    # in the order of each speaker's first quote
    assert [value for _, value in options[1:]] == list(dict.fromkeys(article.quotes["source_id"]))
    assert sum(int(re.search(r"\((\d+)\)$", label).group(1)) for label, _ in options[1:]) == 35


def test_choosing_a_kind_lists_only_that_kind():
    explorer = QuoteExplorer()
    explorer.kind_menu.value = "scare"
    page = shown(explorer)
    assert page.cards == 1 and "special military operation" in page.words
    explorer.kind_menu.value = "indirect"
    explorer.speaker_menu.value = "s05"
    assert "3 of 35 quotes (3 reported)" in shown(explorer).words


def test_typed_search_ignores_case_and_spaces_and_highlights_the_words():
    explorer = QuoteExplorer()
    explorer.search_box.value = "CANNON   fodder"
    page = shown(explorer)
    assert page.cards == 2 and "2 of 35 quotes" in page.words
    assert "".join(page.marks).count("cannon fodder") == 2


def test_search_finds_words_across_a_no_break_space():
    explorer = QuoteExplorer()
    explorer.search_box.value = "told DW he"
    page = shown(explorer)
    assert page.cards == 3
    assert "".join(page.marks).replace("\u00a0", " ").count("told DW he") == 3


def test_search_looks_in_the_quote_and_its_verb_not_the_rest_of_the_sentence():
    explorer = QuoteExplorer()
    explorer.search_box.value = "Cherepovets"
    assert "No quote matches" in shown(explorer).words
    explorer.search_box.value = "duty"
    assert [m.lower() for m in shown(explorer).marks].count("duty") >= 3


def test_no_match_gives_a_friendly_line_not_an_empty_box():
    explorer = QuoteExplorer()
    explorer.speaker_menu.value = "s09"
    explorer.search_box.value = "cannon fodder"
    page = shown(explorer)
    assert page.cards == 0
    assert "0 of 35 quotes" in page.words and "No quote matches these choices" in page.words


def test_count_updates_as_filters_change():
    explorer = QuoteExplorer()
    counts = [explorer.count]
    explorer.speaker_menu.value = "s05"
    counts.append(explorer.count)
    explorer.kind_menu.value = "direct"
    counts.append(explorer.count)
    explorer.search_box.value = "they"
    counts.append(explorer.count)
    explorer.search_box.value = ""
    counts.append(explorer.count)
    assert counts == [35, 7, 4, 3, 4]


def test_each_quote_says_who_how_named_verb_and_paragraph():
    explorer = QuoteExplorer()
    explorer.search_box.value = "from Tbilisi"
    words = shown(explorer).words
    assert "anonymous engineer · direct quote · p21 · q14" in words
    assert "named by: anonymous" in words and "introduced in p20 as “One 34-year-old engineer" in words
    assert "Attribution verb: said from Tbilisi" in words


def test_nested_quotes_and_quotes_without_a_verb_say_so():
    explorer = QuoteExplorer()
    explorer.speaker_menu.value = "s15"
    assert shown(explorer).words.count("a quote by Michail Bayankin") == 2
    explorer.speaker_menu.value = "s13"
    assert "No attribution verb of its own." in shown(explorer).words


def test_teacher_can_open_the_explorer_on_a_speaker_and_kind_by_name():
    explorer = QuoteExplorer(speaker="bayankin", kind="reported", query="said")
    assert explorer.speaker_menu.value == "s05" and explorer.kind_menu.value == "indirect"
    assert "1 of 35 quotes (1 reported)" in shown(explorer).words
    with pytest.raises(OneLineError, match="No source is called 'Tolstoy'"):
        QuoteExplorer(speaker="Tolstoy")
    with pytest.raises(OneLineError, match="President Putin has no quotes"):
        QuoteExplorer(speaker="Putin")
    with pytest.raises(OneLineError, match="There is no kind of quote 'claims'"):
        QuoteExplorer(kind="claims")


def test_controls_have_labels():
    explorer, reader, coder = QuoteExplorer(), ArticleReader(), FrameCoder("/nonexistent/coding.csv")
    controls = [explorer.speaker_menu, explorer.kind_menu, explorer.search_box, *reader.toggles.values(),
                coder.paragraph_menu, coder.previous_button, coder.next_button, *coder.frame_boxes.values(),
                coder.no_frame_box, coder.compare_button]
    assert all(control.description.strip() for control in controls)


# --- rendering spans and the article in layers ---------------------------------------------
def test_spans_escape_the_text():
    assert render_spans('<script>"x" & y</script>', []) == "&lt;script&gt;&quot;x&quot; &amp; y&lt;/script&gt;"


def test_overlapping_spans_give_well_formed_html_and_keep_every_character():
    text = "abcdefghij"
    spans = [Span(0, 6, "a", "a"), Span(3, 9, "b", "b", order=1), Span(4, 5, "c", "c", order=2, tag="mark"),
             Span(2, 8, "d", "d", order=3, before="who", after="sic")]
    page = Page(render_spans(text, spans))
    assert page.words == "abwhocdefghsicij" and page.marks == ["e"]


def test_every_layer_on_shows_the_whole_article_and_nothing_else(article):
    marked = layered_article_html(LAYER_KEYS)
    Page(marked)  # well-formed
    labels = re.findall(r'<sup class="exr-label">(.*?)</sup>', marked)
    assert labels.count("sic") == 7 and labels.count("Bayankin") == 7 and len(labels) == 7 + 35
    # Without the labels and paragraph numbers, exactly the article's paragraphs remain, in order.
    unlabelled = re.sub(r'<sup class="exr-label">.*?</sup>', "", marked)
    text_only = Page(re.sub(r'<span class="exr-(pid|kind)">.*?</span>', "", unlabelled)).words
    assert text_only == "".join(article.paragraphs["text"])
    assert re.findall(r'<span class="exr-pid">(p\d\d)</span>', marked) == list(article.paragraphs["paragraph_id"])


def test_each_layer_marks_its_annotations(article):
    def count(layer: str, marker: str) -> int:
        return layered_article_html([layer]).replace(STYLE, "").count(marker)

    quotes = article.quotes
    assert count("quotes", "exr-open") == len(quotes)
    assert count("verbs", "exr-open") == quotes["verb_start"].notna().sum()
    assert count("errata", "sic</sup>") == (article.devices["kind"] == "erratum").sum()
    assert count("places", "exr-open") == len(article.places)
    assert count("numbers", "exr-open") == len(article.numbers)
    assert count("dates", "exr-open") == article.events["date_start"].notna().sum()
    hedges = (article.devices["kind"] == "hedge").sum() + (quotes["kind"] == "scare").sum()
    assert count("hedges", "exr-open") == hedges


def test_ticking_a_layer_adds_it_and_its_legend():
    reader = ArticleReader(layers=["quotes"])
    assert "exr-places exr-open" not in reader.text.value and "places:" not in reader.legend.value
    reader.toggles["places"].value = True
    assert "exr-places exr-open" in reader.text.value and "places: dotted underline" in reader.legend.value
    reader.toggles["quotes"].value = False
    assert "exr-quotes exr-c" not in reader.text.value
    reader.toggles["places"].value = False
    assert "No layer is switched on" in reader.legend.value


def test_unknown_layer_is_a_one_line_error():
    with pytest.raises(OneLineError, match="There is no layer 'colours'; the layers are quotes, verbs"):
        ArticleReader(layers=["colours"])


def test_layers_stay_distinct_without_colour():
    looks = [re.sub(r"#[0-9A-Fa-f]{6}", "", layer.css) for layer in LAYERS]
    assert all(looks) and len(set(looks)) == len(looks)
    assert all(layer.cue for layer in LAYERS)


def test_only_okabe_ito_colours_and_greys():
    allowed = {c.lower() for c in OKABE_ITO.values()}
    for colour in re.findall(r"#([0-9A-Fa-f]{3,8})\b", STYLE):
        rgb = colour[:6].lower() if len(colour) >= 6 else "".join(c * 2 for c in colour.lower())
        assert "#" + rgb in allowed or rgb[0:2] == rgb[2:4] == rgb[4:6], colour


def test_underlines_drawn_at_the_same_height_never_meet_in_the_article(article):
    # Layers whose underlines share an offset would hide each other where they overlap.
    spans = [s for s in _all_spans(article)]
    offset = {layer.key: re.search(r"text-underline-offset:(\d+)px", layer.css) for layer in LAYERS}
    for first, second in combinations([k for k, m in offset.items() if m], 2):
        if offset[first].group(1) != offset[second].group(1):
            continue
        for a in (s for s in spans if s.layer == first):
            for b in (s for s in spans if s.layer == second):
                assert not (a.start < b.end and b.start < a.end), (first, second, a, b)


def _all_spans(article):
    from exodus_reader.reading.widgets import _article_spans

    return _article_spans(article)


# --- Cohen's kappa, against values worked out by hand --------------------------------------
def test_kappa_of_a_textbook_table():
    # 50 items: both yes 20, first yes only 5, second yes only 10, both no 15.
    # observed 35/50 = 0.7; chance 0.5 * 0.6 + 0.5 * 0.4 = 0.5; kappa (0.7 - 0.5) / 0.5 = 0.4
    first = [1] * 20 + [1] * 5 + [0] * 10 + [0] * 15
    second = [1] * 20 + [0] * 5 + [1] * 10 + [0] * 15
    assert cohen_kappa(first, second) == pytest.approx(0.4)


def test_kappa_below_chance_is_negative():
    # observed 0/2; chance 0.5 * 0.5 + 0.5 * 0.5 = 0.5; kappa (0 - 0.5) / 0.5 = -1
    assert cohen_kappa([1, 0], [0, 1]) == pytest.approx(-1.0)


def test_kappa_when_coders_are_constant():
    assert cohen_kappa([1, 1, 1], [1, 1, 1]) is None  # chance agreement is already complete
    assert cohen_kappa([1, 1], [0, 0]) == 0.0  # observed 0, chance 0
    assert cohen_kappa([], []) is None
    with pytest.raises(ValueError):
        cohen_kappa([1], [1, 0])


# --- the frame coder -----------------------------------------------------------------------
def code(coder: FrameCoder, paragraph: str, *frames: str) -> None:
    """Go to a paragraph and tick frames, as a student clicks."""
    coder.paragraph_menu.value = paragraph
    for frame in frames:
        coder.frame_boxes[frame].value = True


def test_each_tick_is_saved_at_once_and_restored_by_a_new_coder(tmp_path):
    path = tmp_path / "frame_coding.csv"
    coder = FrameCoder(path)
    assert not path.exists()
    code(coder, "p13", "conflict")
    assert path.read_text().splitlines() == [HEADER, "p13,0,1,0,0,0"]
    coder.frame_boxes["human_interest"].value = True
    code(coder, "p11", "responsibility")
    assert path.read_text().splitlines() == [HEADER, "p11,1,0,0,0,0", "p13,0,1,0,1,0"]

    again = FrameCoder(path)  # as after a kernel restart
    assert again.current == "p12", "it opens the first paragraph not coded yet"
    again.previous_button.click()
    assert again.current == "p11" and again.frame_boxes["responsibility"].value
    again.next_button.click()
    again.next_button.click()
    assert again.current == "p13"
    assert [f for f, box in again.frame_boxes.items() if box.value] == ["conflict", "human_interest"]
    assert "2 of 17 paragraphs coded" in again.status.value


def test_no_frame_here_codes_a_paragraph_with_zeros_and_unticking_it_uncodes(tmp_path):
    path = tmp_path / "frame_coding.csv"
    coder = FrameCoder(path)
    code(coder, "p15", "economic")
    coder.no_frame_box.value = True
    assert not coder.frame_boxes["economic"].value
    assert read_coding(path, ["p15"]) == {"p15": dict.fromkeys(FRAMES, 0)}
    coder.no_frame_box.value = False
    assert read_coding(path, ["p15"]) == {}
    coder.frame_boxes["economic"].value = True
    coder.frame_boxes["economic"].value = False
    assert coder.no_frame_box.value, "unticking the last frame leaves the paragraph coded as 'no frame'"


def test_previous_and_next_stop_at_the_ends(tmp_path):
    coder = FrameCoder(tmp_path / "c.csv")
    assert coder.previous_button.disabled and not coder.next_button.disabled
    coder.paragraph_menu.value = "p36"
    assert coder.next_button.disabled and "Klepkin isn&#x27;t particularly optimistic" in coder.paragraph.value


def test_empty_coding_comparison_gives_a_friendly_message(tmp_path):
    coder = FrameCoder(tmp_path / "frame_coding.csv")
    assert coder.comparison.value == ""
    coder.compare_button.value = True
    assert "You have not coded any paragraph yet" in coder.comparison.value
    assert coder.compare_button.description == "Hide the comparison"


def test_comparison_gives_agreement_kappa_and_reasons(tmp_path, article):
    coder = FrameCoder(tmp_path / "frame_coding.csv")
    coder.compare_button.value = True
    # Reference: p11 responsibility; p12 responsibility + conflict; p13 conflict + human interest;
    # p14 conflict + human interest + morality.
    code(coder, "p11", "responsibility")
    code(coder, "p12", "responsibility", "conflict")
    code(coder, "p13", "conflict", "economic")
    code(coder, "p14", "human_interest")
    page = Page(coder.comparison.value).words
    assert "Compared on the 4 paragraphs you have coded" in page
    # conflict: student 0,1,1,0 and reference 0,1,1,1; observed 3/4; chance 0.5*0.75 + 0.5*0.25 = 0.5;
    # kappa (0.75 - 0.5) / 0.5 = 0.5
    assert re.search(r"conflict\s*2\s*3\s*3 of 4 \(75%\)\s*0\.50", page)
    # responsibility: student 1,1,0,0 = reference: kappa 1
    assert re.search(r"responsibility\s*2\s*2\s*4 of 4 \(100%\)\s*1\.00", page)
    # economic: reference all 0, student 0,0,1,0; observed 3/4; chance 0.75; kappa 0
    assert re.search(r"economic consequences\s*1\s*0\s*3 of 4 \(75%\)\s*0\.00", page)
    # human interest: student 0,0,0,1, reference 0,0,1,1; observed 3/4; chance .25*.5 + .75*.5 = .5; kappa 0.5
    assert re.search(r"human interest\s*1\s*2\s*3 of 4 \(75%\)\s*0\.50", page)
    # morality: student all 0, reference 0,0,0,1: observed 3/4, chance 0.75, kappa 0
    assert re.search(r"morality\s*0\s*1\s*3 of 4 \(75%\)\s*0\.00", page)
    # One reason for each frame where the codings differ: p13 economic and human interest, p14 conflict
    # and morality; none for a frame where they agree, and none for p11, where they agree throughout.
    reasons = article.frame_reasons.set_index(["paragraph_id", "frame"])["reason"]
    assert "economic consequences: you ticked it, the reference did not.The reference's reason: " \
           + reasons["p13", "economic"] in page
    assert "human interest: the reference ticked it, you did not.The reference's reason: " \
           + reasons["p13", "human_interest"] in page
    for frame in ("conflict", "morality"):
        assert reasons["p14", frame] in page
    for pid, frame in [("p13", "conflict"), ("p14", "human_interest"), ("p11", "responsibility")]:
        assert reasons[pid, frame] not in page
    assert page.count("The reference's reason:") == 4
    assert "Where you differ (2 paragraphs)" in page


def test_kappa_undefined_is_explained(tmp_path):
    coder = FrameCoder(tmp_path / "frame_coding.csv")
    coder.compare_button.value = True
    code(coder, "p11", "responsibility")  # matches the reference exactly; every other frame is 0 for both
    assert Page(coder.comparison.value).words.count("undefined: you both gave every paragraph the same answer") == 5
    assert "You and the reference agree on every paragraph you coded." in coder.comparison.value


def test_kappa_of_zero_at_high_agreement_is_explained(tmp_path, article):
    coder = FrameCoder(tmp_path / "frame_coding.csv")
    coder.compare_button.value = True
    reference = article.frames.set_index("paragraph_id")
    for pid, row in reference.iterrows():  # the reference's coding, except that economic is never ticked
        ticked = [f for f in FRAMES if row[f] and f != "economic"]
        if ticked:
            code(coder, pid, *ticked)
        else:
            coder.paragraph_menu.value = pid
            coder.no_frame_box.value = True
    page = Page(coder.comparison.value).words
    assert re.search(r"economic consequences\s*0\s*1\s*16 of 17 \(94%\)\s*0\.00", page)
    assert "economic consequences: kappa is 0.00 although you agree on 16 of 17 paragraphs (94%)" in page
    assert page.count("kappa is") == 1, "only the frame with low kappa and high agreement is explained"


def test_malformed_file_gets_one_line_and_is_kept_not_overwritten(tmp_path):
    path = tmp_path / "frame_coding.csv"
    broken = f"{HEADER}\np11,1,0,0,0,0\np13,yes,0,0,0,0\n"
    path.write_text(broken)
    coder = FrameCoder(path)
    assert coder.message.startswith("Could not read frame_coding.csv line 3: responsibility is 'yes', not 0 or 1.")
    assert "\n" not in coder.message and "frame_coding.unreadable.csv" in coder.message
    assert "⚠" in coder.status.value and coder.coding == {}
    assert path.read_text() == broken, "opening the coder changes nothing"
    code(coder, "p20", "human_interest")
    assert (tmp_path / "frame_coding.unreadable.csv").read_text() == broken
    assert path.read_text().splitlines() == [HEADER, "p20,0,0,0,1,0"]
    assert "kept as frame_coding.unreadable.csv" in coder.status.value


@pytest.mark.parametrize("content, problem", [
    ("", "is empty"),
    ("id,a,b\np11,1,0\n", "line 1: should be 'paragraph_id,responsibility"),
    (f"{HEADER}\np05,0,0,0,0,0\n", "line 2: 'p05' is not a body paragraph"),
    (f"{HEADER}\np11,0,0,0,0,0\np11,1,0,0,0,0\n", "line 3: p11 is coded twice"),
    (f"{HEADER}\np11,0,0,0\n", "line 2: has 4 values, not 6"),
])
def test_each_kind_of_malformed_file_is_named(tmp_path, content, problem):
    path = tmp_path / "frame_coding.csv"
    path.write_text(content)
    assert problem in FrameCoder(path).message


def test_a_file_saved_by_a_spreadsheet_with_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "frame_coding.csv"
    path.write_bytes(f"\ufeff{HEADER}\r\np12,1,1,0,0,0\r\n".encode())
    assert FrameCoder(path).coding == {"p12": {"responsibility": 1, "conflict": 1, "economic": 0,
                                              "human_interest": 0, "morality": 0}}


def test_a_folder_or_an_unopenable_file_gets_one_line(tmp_path, monkeypatch):
    with pytest.raises(OneLineError, match="is a folder: give the coder a file name"):
        FrameCoder(tmp_path)
    path = tmp_path / "frame_coding.csv"
    path.write_text(HEADER + "\n")

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_text", refuse)  # as for a student without the right to read it
    assert FrameCoder(path).message.startswith("Could not read frame_coding.csv: could not be opened "
                                               "(Permission denied).")


def test_a_save_that_fails_says_so_in_one_line(tmp_path):
    coder = FrameCoder(tmp_path / "no such folder" / "frame_coding.csv")
    code(coder, "p11", "conflict")
    assert coder.message.startswith("Could not save to frame_coding.csv (No such file or directory)")
    assert coder.coding["p11"]["conflict"] == 1


def test_widgets_show_a_stable_text_where_they_cannot_render(tmp_path):
    assert repr(QuoteExplorer()) == "QuoteExplorer(35 quotes; run the cell in Jupyter to use it)"
    assert repr(FrameCoder(tmp_path / "x.csv")) == "FrameCoder(saves to x.csv; run the cell in Jupyter to use it)"


# --- the committed notebook ----------------------------------------------------------------
def test_committed_notebook_keeps_every_widget_and_an_empty_frame_coding():
    notebook = nbformat.read(ROOT / "notebooks" / "04_explore.ipynb", as_version=4)
    state = notebook.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    shown_ids = [output["data"]["application/vnd.jupyter.widget-view+json"]["model_id"]
                 for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs
                 if "application/vnd.jupyter.widget-view+json" in output.get("data", {})]
    assert len(shown_ids) == 3 and all(model_id in state for model_id in shown_ids)
    values = [model["state"].get("value") for model in state.values()]
    statuses = [v for v in values if isinstance(v, str) and "paragraphs coded" in v]
    assert len(statuses) == 1 and "0 of 17 paragraphs coded" in statuses[0] and "⚠" not in statuses[0]
    ticked = [m["state"]["description"] for m in state.values()
              if m["model_name"] == "CheckboxModel" and m["state"]["description"] in
              {"responsibility", "conflict", "economic consequences", "human interest", "morality",
               "No frame here"} and m["state"]["value"]]
    assert ticked == [], "run `python -m exodus_reader outputs` without a frame_coding.csv beside the notebook"
    assert any(isinstance(v, str) and "35 of 35 quotes" in v for v in values)
    json.dumps(state)  # the state is plain JSON, as a static viewer needs


def test_a_search_that_finds_no_quote_says_what_was_searched_and_offers_paragraphs():
    explorer = QuoteExplorer()
    explorer.search_box.value = "Kazakhstan"
    page = shown(explorer).words
    assert "0 of 35 quotes" in page
    assert "looked for “Kazakhstan” only in the quotes" in page
    assert "outside any quote: p08, p09 and p15" in page
    assert "Those without travel visas are driving to neighboring Georgia, Kazakhstan and Mongolia." in page


def test_small_text_is_never_under_12_px_and_keeps_a_strong_contrast():
    # JupyterLab's body text is 14 px; one step down its type scale is 0.833 x 14 = 11.7 px.
    sizes = re.findall(r"font-size:([^;}]+)", STYLE)
    assert sizes and all(re.fullmatch(r"max\(12px,0\.\d+em\)", size) for size in sizes), sizes
    colours = re.findall(r"\.exr-(?:small|kind)\{[^}]*color:(#[0-9a-f]{6})", STYLE)
    assert colours == ["#444444", "#444444"]  # 9.7:1 on white, where AA asks 4.5:1


def test_the_quote_list_scrolls_in_its_own_box_and_the_controls_show_focus():
    page = render_quotes_html(filter_quotes(quote_cards()), 34)
    assert '<div class="exr-scroll" tabindex="0" role="region" aria-label="The quotes found"><ol' in page
    assert re.search(r"\.exr-scroll\{max-height:30em;overflow-y:auto", STYLE)
    assert "(select,input,button):focus" in STYLE and "outline:3px solid #0072B2" in STYLE


# --- the coverage explorer (lesson 05) ------------------------------------------------------
from exodus_reader.corpus.coverage import coverage  # noqa: E402
from exodus_reader.reading.widgets import (CoverageExplorer, coverage_cards, filter_coverage,  # noqa: E402
                                   render_coverage_html)


def test_coverage_explorer_starts_with_every_naming_in_report_order():
    explorer = CoverageExplorer()
    page = shown(explorer)
    naming = coverage().naming
    assert page.cards == len(naming) == explorer.count
    assert f"{len(naming)} of {len(naming)} namings, in {naming['report_id'].nunique()} reports" in page.words
    assert [card.report_id for card in coverage_cards("naming")] == sorted(naming["report_id"])


def test_choosing_a_kind_of_naming_marks_the_words_in_each_excerpt():
    explorer = CoverageExplorer()
    explorer.group_menu.value = "exodus"
    page = shown(explorer)
    assert page.cards == 2 and page.marks == ["exodus", "The mass exodus of men"]
    assert "Reuters" in page.words and "local10.com" in page.words


def test_switching_to_voices_counts_lesson_02s_audit_report_by_report():
    explorer = CoverageExplorer()
    explorer.view_menu.value = "voices"
    assert explorer.group_menu.value == "all" and explorer.count == len(coverage().voices)
    audit = coverage().voice_audit().set_index("report_id")
    for report_id in audit.index:
        explorer.report_menu.value = report_id
        for group, column in [("unnamed", "unnamed"), ("direct", "direct"), ("official", "officials"),
                              ("ordinary person", "ordinary people"), ("all", "voices")]:
            explorer.group_menu.value = group
            assert explorer.count == audit.at[report_id, column], (report_id, group)


def test_a_report_with_no_naming_says_why_instead_of_an_empty_box():
    explorer = CoverageExplorer(report="r03")
    page = shown(explorer).words
    assert explorer.count == 0 and "0 of 26 namings" in page and "never name the people leaving" in page


def test_each_coverage_card_gives_outlet_date_place_and_address():
    hits = filter_coverage(coverage_cards("voices"), report="r05")
    page = Page(render_coverage_html(hits, 39, "voices"))
    assert page.cards == 2
    assert "Ivan · CNN · 23 Sep 2022 · para 3 · r05" in page.words
    assert "ordinary person; named by: first name only; quoted directly" in page.words
    assert "https://edition.cnn.com/2022/09/23/" in page.words


def test_coverage_explorer_refuses_unknown_choices_in_one_line():
    with pytest.raises(OneLineError, match="no report 'r99'"):
        CoverageExplorer(report="r99")
    with pytest.raises(OneLineError, match="no group 'tourists'"):
        CoverageExplorer(group="tourists")
    with pytest.raises(OneLineError, match="no view"):
        coverage_cards("headlines")
    assert repr(CoverageExplorer()).startswith("CoverageExplorer(")
