"""The figures: alt text written from the data, palette colours never used alone, labels present."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from matplotlib.colors import to_hex
from nbval.plugin import get_sanitize_patterns

from conftest import ROOT
from exodus_reader import Article, OneLineError, figures, load
from exodus_reader.reading.style import GREYS, OKABE_ITO

ARTICLE = load()
PALETTE = {colour.lower() for colour in OKABE_ITO.values()}
#: Neutral tints for grids, absent marks and legend keys, never for data groups.
NEUTRAL = {"#ffffff"} | {grey.lower() for grey in GREYS.values()}
NAMES = ["timeline", "route_map", "words_per_voice", "source_audit", "voice_order", "frame_profile", "coverage_voices"]


@pytest.fixture(scope="module")
def made() -> dict[str, figures.FigureImage]:
    return {name: getattr(figures, name)() for name in NAMES}


def with_table(name: str, frame) -> Article:
    """The article with one annotation table replaced, for alt text that must follow the data."""
    tables = dict(ARTICLE._tables)
    tables[name] = frame
    return Article(ARTICLE.text, ARTICLE.meta, tables)


def data_marks(image: figures.FigureImage) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(colour, marker) of every data point and (colour, hatch) of every data bar, in every panel."""
    points, bars = [], []
    for ax in image.figure.axes:
        for line in ax.lines:
            if line.get_marker() not in ("None", None, "", "<") and line.get_linestyle() == "None":
                points.append((to_hex(line.get_color()), str(line.get_marker())))
        for patch in ax.patches:
            if patch.get_width() > 0 and to_hex(patch.get_facecolor()) not in NEUTRAL:
                bars.append((to_hex(patch.get_facecolor()), str(patch.get_hatch() or "")))
    return points, bars


def one_shape_per_colour(marks: list[tuple[str, str]]) -> bool:
    """Each data colour always comes with the same marker (or hatch), and no two colours share one."""
    shapes = {}
    for colour, shape in marks:
        if colour not in NEUTRAL:
            shapes.setdefault(colour, set()).add(shape)
    return all(len(s) == 1 for s in shapes.values()) and len({frozenset(s) for s in shapes.values()}) == len(shapes)


@pytest.mark.parametrize("name", NAMES)
def test_colours_come_from_the_palette(made, name):
    points, bars = data_marks(made[name])
    colours = {colour for colour, _ in points + bars}
    assert len(colours - NEUTRAL) >= 2 and colours <= PALETTE | NEUTRAL, colours - PALETTE - NEUTRAL


@pytest.mark.parametrize("name, kind", [("timeline", "points"), ("route_map", "points"), ("frame_profile", "points"),
                                        ("frame_profile", "bars"), ("words_per_voice", "bars"),
                                        ("source_audit", "bars"), ("coverage_voices", "bars")])
def test_colour_never_carries_meaning_alone(made, name, kind):
    points, bars = data_marks(made[name])
    marks = points if kind == "points" else bars
    assert marks and one_shape_per_colour(marks), marks


def test_the_colour_check_can_fail():
    assert not one_shape_per_colour([("#0072b2", "o"), ("#d55e00", "o")])
    assert not one_shape_per_colour([("#0072b2", "o"), ("#0072b2", "s")])
    assert one_shape_per_colour([("#0072b2", "o"), ("#d55e00", "s"), ("#cccccc", "o")])


def test_voice_order_shows_direct_and_reported_by_marker_not_colour(made):
    kinds = {(line.get_marker(), to_hex(line.get_markerfacecolor()) == "#ffffff")
             for line in made["voice_order"].figure.axes[0].lines if line.get_linestyle() == "None"}
    assert kinds == {("o", False), ("s", True)}


def texts(image: figures.FigureImage, narrow: bool = False) -> str:
    found = []
    figure = image.narrow if narrow else image.figure
    found += [t.get_text() for t in figure.texts]
    for ax in figure.axes:
        found += [t.get_text() for t in ax.texts + ax.get_yticklabels() + ax.get_xticklabels()]
        found.append(ax.get_title(loc="left"))
    for legend in figure.legends:
        found += [t.get_text() for t in legend.get_texts()]
    return "\n".join(" ".join(text.split()) for text in found)  # a wrapped label reads as one line


def test_labels_name_what_the_data_holds(made):
    assert all(f"{e} " in texts(made["timeline"]) for e in ARTICLE.events["event_id"])
    assert all(s in texts(made["timeline"]) for s in ARTICLE.events["status"])
    assert all(place in texts(made["route_map"], narrow) for place in ARTICLE.places["place"] for narrow in (0, 1))
    speaking = ARTICLE.sources[ARTICLE.sources["role"].isin({"quoted", "reported"})]
    assert all(name in texts(made["voice_order"]) for name in speaking["name"])
    assert all(f.replace("_", " ") in texts(made["frame_profile"]) for f in figures.FRAMES)
    assert all(p in texts(made["frame_profile"]) for p in ARTICLE.frames["paragraph_id"])
    assert "female" in texts(made["source_audit"]) and "ordinary person" in texts(made["source_audit"])
    assert "105 (71 + 34)" in texts(made["words_per_voice"])


def test_timeline_alt_follows_the_events():
    assert "1 denial" in figures.timeline().alt
    events = ARTICLE.events
    events.loc[events["event_id"] == "e08", "status"] = "claim"
    alt = figures.timeline(article=with_table("events", events)).alt
    assert "denial" not in alt and "4 claim" in alt


def test_map_alt_follows_the_places():
    assert "route not said: Serbia" in figures.route_map().alt
    places = ARTICLE.places
    places.loc[places["place"] == "Serbia", "role"] = "destination by air"
    alt = figures.route_map(article=with_table("places", places)).alt
    assert "by air: United Arab Emirates, Turkey and Serbia" in alt and "route not said" not in alt


def test_audit_alt_follows_the_sources():
    sources = ARTICLE.sources
    sources.loc[sources["name"] == "Kaja Kallas", "gender"] = "male"
    alt = figures.source_audit(article=with_table("sources", sources)).alt
    assert "female" not in alt and "male 80% (7 voices)" in alt


def test_frame_profile_draws_a_students_own_coding():
    coding = ARTICLE.frames
    coding["economic"] = 1
    image = figures.frame_profile(coding)
    assert image.alt.startswith("Frame profile of this coding of 17 body paragraphs: economic in 17")
    assert image.caption.startswith("This coding")


def test_bad_input_stops_with_one_line():
    for call in (lambda: figures.timeline("gossip"),
                 lambda: figures.frame_profile(ARTICLE.frames.assign(conflict=2)),
                 lambda: figures.frame_profile(ARTICLE.frames.drop(columns="morality"))):
        with pytest.raises(OneLineError) as caught:
            call()
        assert "\n" not in str(caught.value)


def test_figures_leave_pyplot_and_global_settings_alone():
    # rcParams.copy() reads the settings without resolving the backend (which would load pyplot).
    script = ("import matplotlib, sys; before = matplotlib.rcParams.copy()\n"
              "from exodus_reader import figures; figures.frame_profile()._repr_mimebundle_()\n"
              "assert 'matplotlib.pyplot' not in sys.modules, 'pyplot was imported'\n"
              "assert matplotlib.rcParams.copy() == before, 'rcParams changed'\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_nbval_compares_the_figure_html_but_not_the_image_bytes(made):
    assert "--nbval-sanitize-with tests/nbval_sanitize.cfg" in (ROOT / "pyproject.toml").read_text()
    patterns = get_sanitize_patterns((ROOT / "tests" / "nbval_sanitize.cfg").read_text())
    markup = made["frame_profile"]._repr_mimebundle_()["text/html"]
    for regex, replace in patterns:
        markup = re.sub(regex, replace, markup)
    assert markup.count('src="data:image/png;base64,PNG-DATA" alt="Frame profile of') == 2
    assert "figcaption" in markup


@pytest.mark.parametrize("name", NAMES)
def test_every_label_is_large_and_inside_the_figure_in_both_layouts(made, name):
    # JupyterLab's body text is 14 px; one step down its type scale is 0.833 x 14 = 11.7 px.
    for layout, width in zip(made[name].layouts, (800, 340)):
        assert round(layout.get_size_inches()[0] * figures.DPI) == width
        assert figures.smallest_text_px(layout) >= 13, (name, width)
        assert figures.text_outside(layout) == [], (name, width)


def test_the_label_checks_can_fail():
    figure = figures._new_figure(2, 1)
    figure.text(0.5, 0.5, "tiny, and far too long to fit in", fontsize=6)
    assert figures.smallest_text_px(figure) < 9
    assert figures.text_outside(figure) == ["tiny, and far too long to fit in"]


def test_the_column_width_chooses_the_layout(made):
    markup = made["timeline"]._repr_mimebundle_()["text/html"]
    assert "@container (min-width:800px)" in markup and "container-type:inline-size" in markup
    wide, narrow = re.findall(r"<img [^>]*>", markup)
    assert 'width="800"' in wide and "display:none" in wide
    assert 'width="340"' in narrow and "display:none" not in narrow  # shown where the styles are stripped
    assert 'data-label-px="13.2"' in wide and 'data-label-px="13.2"' in narrow


def test_timeline_labels_are_never_cut_short(made):
    shown = texts(made["timeline"]) + texts(made["timeline"], narrow=True)
    assert "…" not in shown
    for description in ARTICLE.events["description"]:
        assert description.split()[-1] in shown


def test_coverage_voices_labels_and_alt_follow_the_coverage_set(made):
    from exodus_reader.corpus.coverage import coverage

    audit = coverage().voice_audit()
    shown = texts(made["coverage_voices"]) + texts(made["coverage_voices"], narrow=True)
    alt = made["coverage_voices"].alt
    for row in audit.itertuples():
        assert f"({row.report_id})" in shown and f"{row.voices} voice" in shown
        assert f"{row.outlet.split(' (')[0]}, " in alt
    assert alt.count("quoted directly") == len(audit) + 1  # DW and every report of the set
    assert "DW (Deutsche Welle), 24 Sep 2022: 15 voices, 4 unnamed, 5 quoted directly" in shown

