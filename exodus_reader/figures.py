"""Figures for the lessons, each drawn from the data with alt text written from the same data.

Every function builds a matplotlib ``Figure`` object directly: it never uses pyplot and
never changes matplotlib's global settings, so importing this module changes nothing.
It returns a :class:`FigureImage`, which Jupyter shows as a picture inside ``<figure>``
with its alt text and caption; ``print`` gives the alt text. Colours come from the
Okabe-Ito palette, which readers with colour-vision deficiencies can tell apart, and
colour never carries meaning alone: markers, hatching, line styles and labels say the
same thing.

>>> from exodus_reader import figures
>>> print(figures.frame_profile())  # doctest: +ELLIPSIS
Frame profile of the reference coding of 17 body paragraphs: human interest in 10, ...
"""

from __future__ import annotations

import base64
import html
import io
import math
import textwrap
from dataclasses import dataclass, field

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from .article import Article
from .errors import OneLineError
from .lessons import audit, event_dates, given_or_loaded, long_date, published, voice_words
from .schema import EVENT_STATUSES, FRAMES

#: The Okabe-Ito palette (Okabe and Ito, 2008), safe for the common colour-vision deficiencies.
PALETTE: dict[str, str] = {
    "orange": "#E69F00", "sky blue": "#56B4E9", "bluish green": "#009E73", "yellow": "#F0E442",
    "blue": "#0072B2", "vermillion": "#D55E00", "reddish purple": "#CC79A7", "black": "#000000",
}
_C = PALETTE
#: Each event status: a colour and a marker, so that the two say the same thing.
STATUS_STYLE: dict[str, tuple[str, str]] = {
    "stated": (_C["blue"], "o"), "claim": (_C["vermillion"], "s"), "report": (_C["sky blue"], "^"),
    "denial": (_C["black"], "X"), "position": (_C["reddish purple"], "D"), "plan": (_C["bluish green"], "P"),
    "rumour": (_C["orange"], "*"),
}
#: Each frame: a colour, a marker for the grid and a hatch for the bars.
FRAME_STYLE: dict[str, tuple[str, str, str]] = {
    "responsibility": (_C["blue"], "s", "//"), "conflict": (_C["vermillion"], "X", "xx"),
    "economic": (_C["bluish green"], "D", ".."), "human_interest": (_C["orange"], "o", "\\\\"),
    "morality": (_C["reddish purple"], "^", "--"),
}
#: Groups of place roles for the map, most telling first: label, roles, colour, marker.
PLACE_GROUPS: tuple[tuple[str, frozenset[str], str, str], ...] = (
    ("destination by road", frozenset({"destination by road"}), _C["blue"], "^"),
    ("destination by air", frozenset({"destination by air"}), _C["sky blue"], "v"),
    ("destination, route not said", frozenset({"destination"}), _C["bluish green"], "s"),
    ("in the pictures (border crossing, airport)", frozenset({"border crossing", "departure airport"}),
     _C["orange"], "D"),
    ("origin and hometowns", frozenset({"origin", "origin by air", "hometown"}), _C["vermillion"], "o"),
    ("limiting entry, asylum or transit",
     frozenset({"refusing entry", "refusing automatic asylum", "considering a transit ban"}),
     _C["reddish purple"], "X"),
    ("also named (war, reporting, speaking)", frozenset(), _C["black"], "."),
)
#: How each kind of destination is reached, as a line style on the map.
ROUTE_STYLE = {"destination by road": "-", "destination by air": "--", "destination, route not said": ":"}
ROUTE_LABEL = {"destination by road": "route by road", "destination by air": "route by air",
               "destination, route not said": "route not said"}
#: Each source type: a colour and a hatch.
TYPE_STYLE: dict[str, tuple[str, str]] = {
    "ordinary person": (_C["orange"], ""), "official": (_C["blue"], "//"), "media": (_C["sky blue"], ".."),
    "activist": (_C["vermillion"], "xx"), "journalist": (_C["bluish green"], "--"), "none": (_C["black"], ""),
}
GENDER_STYLE: dict[str, tuple[str, str]] = {
    "male": (_C["blue"], "//"), "female": (_C["vermillion"], "xx"), "not shown": (_C["sky blue"], ".."),
}


@dataclass(frozen=True)
class FigureImage:
    """A finished figure: the PNG, its alt text and its caption.

    Jupyter shows ``<figure><img alt=...><figcaption>``; plain text is the alt text.
    ``figure`` keeps the matplotlib Figure for anyone who wants to look inside.

    >>> image = FigureImage(Figure(figsize=(1, 1)), "An empty square.", "Nothing yet")
    >>> image._repr_mimebundle_()["text/plain"]
    'An empty square.'
    >>> image._repr_mimebundle_()["text/html"][:42]
    '<figure><img src="data:image/png;base64,iV'
    """

    figure: Figure = field(repr=False, compare=False)
    alt: str
    caption: str

    @property
    def png(self) -> bytes:
        """The figure as PNG bytes, without a timestamp or software tag."""
        buffer = io.BytesIO()
        FigureCanvasAgg(self.figure).print_png(buffer, metadata={"Software": None})
        return buffer.getvalue()

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict[str, str]:
        data = base64.b64encode(self.png).decode("ascii")
        markup = (f'<figure><img src="data:image/png;base64,{data}" alt="{html.escape(self.alt)}">'
                  f"<figcaption>{html.escape(self.caption)}</figcaption></figure>")
        return {"text/html": markup, "text/plain": self.alt}

    def __repr__(self) -> str:
        return self.alt


def _new_figure(width: float, height: float) -> Figure:
    figure = Figure(figsize=(width, height), dpi=100, facecolor="white")
    FigureCanvasAgg(figure)
    return figure


def _plain(ax: Axes) -> None:
    """Remove the frame lines a reader does not need."""
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _count(n: int, word: str) -> str:
    """
    >>> _count(1, "event"), _count(3, "event")
    ('1 event', '3 events')
    """
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _listing(items: list[str]) -> str:
    """
    >>> _listing(["a"]), _listing(["a", "b"]), _listing(["a", "b", "c"])
    ('a', 'a and b', 'a, b and c')
    """
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# --- 01: when --------------------------------------------------------------------------------
def timeline(status: str | None = None, days: int = 7, article: Article | None = None) -> FigureImage:
    """The article's events on a timeline of the week before publication.

    One row per event. A dot is a day, a hatched bar a range of days, a dotted line
    "some time before" a date. Events before the week shown sit at the left edge with
    their date. ``status`` keeps one kind of event ("stated", "claim", "report"...).

    >>> print(timeline("denial"))  # doctest: +ELLIPSIS
    Timeline of 1 event the article reports (status: denial), resolved against publication on Saturday 24 September 2022...
    """
    a = given_or_loaded(article)
    events = event_dates(a)
    if status is not None:
        if status not in EVENT_STATUSES:
            raise OneLineError(f"{status!r} is not a status; choose one of "
                               f"{', '.join(repr(s) for s in sorted(EVENT_STATUSES))}.")
        events = events[events["status"] == status]
    day = pd.Timestamp(published(a))
    left = day - pd.Timedelta(days=days - 1)
    # Dated events by their first day, "before" events by their bound, undated ones last.
    key = events["first"].fillna(events["last"].where(events["precision"] == "before", pd.Timestamp.max))
    order = events.assign(key=key).sort_values(["key", "last"], kind="stable")
    height = 0.27 * len(order) + 1.6
    figure = _new_figure(10, height)
    ax = figure.add_axes((0.47, 1.1 / height, 0.5, 1 - 1.4 / height))
    x_left, x_right = mdates.date2num(left - pd.Timedelta(hours=20)), mdates.date2num(day + pd.Timedelta(hours=14))
    earlier = []
    for y, row in enumerate(order.itertuples()):
        colour, marker = STATUS_STYLE[row.status]
        first = row.first if not pd.isna(row.first) else None
        last = row.last
        if last < left:  # wholly before the week shown: a marker at the edge, with its date
            text = "before " + f"{last:%b %Y}" if first is None else long_date(last.date())
            ax.plot([x_left], [y], marker=marker, color=colour, markersize=7, linestyle="none", clip_on=False)
            ax.text(x_left + 0.15, y, f"← {text}", va="center", fontsize=8)
            earlier.append(f"{row.event_id} ({row.paragraph_id}, {text})")
        elif first is None:  # only an upper bound: a dotted line back from it
            ax.plot([x_left, mdates.date2num(last)], [y, y], linestyle=":", color=colour, linewidth=2)
            ax.plot([x_left], [y], marker="<", color=colour, markersize=7, clip_on=False)
            ax.plot([mdates.date2num(last)], [y], marker=marker, color=colour, markersize=7,
                    markerfacecolor="white")
        elif first == last:
            ax.plot([mdates.date2num(first)], [y], marker=marker, color=colour, markersize=11 if marker == "*" else 8)
        else:
            start = mdates.date2num(first) if first >= left else x_left
            ax.barh(y, mdates.date2num(last) - start, left=start, height=0.5,
                    color=colour, alpha=0.35, hatch="///", edgecolor=colour)
            ax.plot([mdates.date2num(last)], [y], marker=marker, color=colour, markersize=7)
            if first < left:
                ax.text(x_left + 0.1, y, f"← from {long_date(first.date())}", va="center", fontsize=7,
                        bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
    labels = [f"{row.event_id} {textwrap.shorten(row.description, 62, placeholder='…')} ({row.paragraph_id})"
              for row in order.itertuples()]
    ax.set_yticks(range(len(order)), labels, fontsize=8)
    ax.set_ylim(len(order) - 0.5, -0.8)
    ax.set_xlim(x_left, x_right)
    ax.xaxis.set_major_locator(mdates.DayLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%a\n%d %b"))
    ax.tick_params(axis="x", labelsize=8)
    ax.axvline(mdates.date2num(day), color=_C["black"], linewidth=1, linestyle="--")
    ax.text(mdates.date2num(day), -0.75, "published", ha="center", fontsize=8)
    ax.grid(axis="x", color="#dddddd", linewidth=0.8)
    _plain(ax)
    shown = sorted(set(order["status"]), key=list(STATUS_STYLE).index)
    handles = [Line2D([], [], marker=STATUS_STYLE[s][1], color=STATUS_STYLE[s][0], linestyle="none", label=s)
               for s in shown]
    if (order["precision"] == "range").any():
        handles.append(Patch(facecolor="#cccccc", hatch="///", edgecolor="#555555", label="a range of days"))
    if (order["first"].isna() & (order["last"] >= left)).any():
        handles.append(Line2D([], [], linestyle=":", color="#555555", label="some time before"))
    figure.legend(handles=handles, loc="lower left", ncols=5, fontsize=8, frameon=False, bbox_to_anchor=(0.01, 0.0))
    counts = order["precision"].value_counts()
    precision = {"day": "an exact day", "range": "a range of days", "before": "only an upper bound",
                 "undated": "no date at all"}
    by_precision = [f"{counts[p]} {precision[p]}" for p in precision if p in counts]
    n = int(counts[next(p for p in precision if p in counts)])
    by_precision[0] = by_precision[0].replace(f"{n} ", f"{n} {'has' if n == 1 else 'have'} ", 1)
    statuses = order["status"].value_counts()
    by_status = [f"{statuses[s]} {s}" for s in STATUS_STYLE if s in statuses]
    filtered = f" (status: {status})" if status else ""
    alt = (f"Timeline of {_count(len(order), 'event')} the article reports{filtered}, resolved against "
           f"publication on {long_date(day.date())}. Of these, {_listing(by_precision)}. By status: "
           f"{_listing(by_status)}. The figure shows the {days} days up to publication")
    alt += (f"; earlier events sit at its left edge: {_listing(earlier)}." if earlier else ".")
    caption = (f"What happened when: the article's events, from {left:%d %B} to publication on {day:%d %B %Y}. "
               "Colour and marker show each event's status; the labels give the event and its paragraph.")
    return FigureImage(figure, alt, caption)


# --- 01: where -------------------------------------------------------------------------------
def _place_group(roles: set[str]) -> int:
    for index, (_, group_roles, _, _) in enumerate(PLACE_GROUPS[:-1]):
        if roles & group_roles:
            return index
    return len(PLACE_GROUPS) - 1


def _place_labels(ax: Axes, figure: Figure, points: list[tuple[float, float, str]]) -> None:
    """Write each label beside its point where it overlaps no label written before it."""
    renderer = figure.canvas.get_renderer()
    taken = []
    offsets = [(5, 3, "left"), (5, -9, "left"), (-5, 3, "right"), (-5, -9, "right"), (0, 7, "center"),
               (0, -14, "center"), (5, 12, "left"), (5, -18, "left")]
    for x, y, label in points:
        for dx, dy, align in offsets:
            text = ax.annotate(label, (x, y), xytext=(dx, dy), textcoords="offset points", fontsize=8,
                               ha=align, va="bottom")
            box = text.get_window_extent(renderer).expanded(1.05, 1.1)
            if not any(box.overlaps(other) for other in taken):
                taken.append(box)
                break
            text.remove()
        else:
            text = ax.annotate(label, (x, y), xytext=offsets[0][:2], textcoords="offset points", fontsize=8)
            taken.append(text.get_window_extent(renderer))


def route_map(article: Article | None = None) -> FigureImage:
    """A sketch map of the places the article names: where people leave from and go to.

    Points come from each place's approximate latitude and longitude (a country is drawn
    at its capital); there are no borders. Arrows run from Russia to each destination:
    solid by road, dashed by air, dotted where the article does not say how.

    >>> print(route_map())  # doctest: +ELLIPSIS
    Sketch map of the 21 places the article names, ... by air: United Arab Emirates and Turkey...
    """
    places = given_or_loaded(article).places
    table = places.groupby("place", sort=False).agg(
        latitude=("latitude", "first"), longitude=("longitude", "first"), roles=("role", lambda r: set(r)))
    table["group"] = table["roles"].map(_place_group)
    figure = _new_figure(10, 6.6)
    ax = figure.add_axes((0.07, 0.2, 0.9, 0.77))
    ax.set_aspect(1 / math.cos(math.radians(float(table["latitude"].mean()))))
    origins = table[table["roles"].map(lambda r: "origin" in r)]
    for name, row in table.iterrows():
        label, _, colour, marker = PLACE_GROUPS[row["group"]]
        if label in ROUTE_STYLE:
            for _, origin in origins.iterrows():
                ax.annotate("", xy=(row["longitude"], row["latitude"]),
                            xytext=(origin["longitude"], origin["latitude"]),
                            arrowprops={"arrowstyle": "-|>", "linestyle": ROUTE_STYLE[label], "color": colour,
                                        "linewidth": 1.4, "shrinkA": 4, "shrinkB": 6})
    for name, row in table.iterrows():
        label, _, colour, marker = PLACE_GROUPS[row["group"]]
        if name in origins.index:  # a large ring on top: every arrow starts there, and places inside show
            ax.plot(row["longitude"], row["latitude"], marker="o", markersize=16, color=colour, markerfacecolor="none",
                    markeredgecolor=colour, markeredgewidth=2.5, linestyle="none", zorder=5)
            continue
        ax.plot(row["longitude"], row["latitude"], marker=marker, color=colour, markersize=6 if marker == "." else 8,
                zorder=2 if marker == "." else 3, markeredgecolor="white" if marker not in ".X" else colour,
                linestyle="none")
    ax.set_xlim(table["longitude"].min() - 4, table["longitude"].max() + 8)
    ax.set_ylim(table["latitude"].min() - 3, table["latitude"].max() + 3)
    points: dict[tuple[float, float], list[str]] = {}
    first_origins = table.assign(origin=~table.index.isin(origins.index))
    for name, row in first_origins.sort_values(["origin", "group"], kind="stable").iterrows():
        key = next((k for k in points if abs(k[0] - row["longitude"]) < 0.6 and abs(k[1] - row["latitude"]) < 0.6),
                   (row["longitude"], row["latitude"]))
        points.setdefault(key, []).append(name)
    _place_labels(ax, figure, [(x, y, " / ".join(names)) for (x, y), names in points.items()])
    ax.set_xlabel("longitude (degrees east)", fontsize=8)
    ax.set_ylabel("latitude (degrees north)", fontsize=8)
    ax.tick_params(labelsize=8)
    ax.grid(color="#eeeeee", linewidth=0.8)
    _plain(ax)
    used = sorted(set(table["group"]))
    handles = [Line2D([], [], marker=PLACE_GROUPS[g][3], color=PLACE_GROUPS[g][2], linestyle="none",
                      markersize=8, label=PLACE_GROUPS[g][0]) for g in used]
    handles += [Line2D([], [], color="#555555", linestyle=style, label=ROUTE_LABEL[label])
                for label, style in ROUTE_STYLE.items()]
    figure.legend(handles=handles, loc="lower left", ncols=3, fontsize=8, frameon=False, bbox_to_anchor=(0.05, 0.0))
    parts = []
    for index in used:
        names = list(table.index[table["group"] == index])
        label = PLACE_GROUPS[index][0]
        if label in ROUTE_STYLE:
            parts.append(f"{label.replace('destination ', '').replace('destination, ', '')}: {_listing(names)}")
    groups = []
    for index in used:
        label = PLACE_GROUPS[index][0]
        if label not in ROUTE_STYLE:
            names = [f"{n} ({', '.join(sorted(table.loc[n, 'roles']))})" if index == len(PLACE_GROUPS) - 1 else n
                     for n in table.index[table["group"] == index]]
            groups.append(f"{label}: {_listing(names)}")
    origin_names = _listing(list(origins.index))
    alt = (f"Sketch map of the {len(table)} places the article names, from approximate latitude and longitude, "
           f"without borders. Arrows from {origin_names} go to destinations {'; '.join(parts)}. "
           + ". ".join(g[0].upper() + g[1:] for g in groups) + ".")
    caption = ("Where people leave from and where they go, as the article names them. A country is drawn at its "
               "capital, so Russia sits at Moscow; the arrows show destinations, not the roads anyone took.")
    return FigureImage(figure, alt, caption)


# --- 02: who speaks --------------------------------------------------------------------------
def words_per_voice(article: Article | None = None) -> FigureImage:
    """How many words each voice gets in the body text: its own words, and reported speech.

    >>> print(words_per_voice())  # doctest: +ELLIPSIS
    Bar chart of the words each of 15 voices gets in the body text... Michail Bayankin 105 (71 direct, 34 reported)...
    """
    words = voice_words(article)
    silent = words[words["words"] == 0]
    words = words[words["words"] > 0].sort_values("words", kind="stable")
    figure = _new_figure(8.5, 0.34 * len(words) + 1.5)
    ax = figure.add_axes((0.3, 1.0 / (0.34 * len(words) + 1.5), 0.62, 1 - 1.25 / (0.34 * len(words) + 1.5)))
    y = range(len(words))
    ax.barh(y, words["direct words"], color=_C["blue"], edgecolor=_C["blue"], label="direct: in quotation marks")
    ax.barh(y, words["reported words"], left=words["direct words"], color=_C["sky blue"], hatch="//",
            edgecolor="white", label="reported: in the writer's words")
    for position, total, direct, reported in zip(y, words["words"], words["direct words"], words["reported words"]):
        ax.text(total + 1.5, position, f"{total} ({direct} + {reported})", va="center", fontsize=8)
    ax.set_yticks(list(y), [f"{n} ({t})" for n, t in zip(words["name"], words["source_type"])], fontsize=8)
    ax.set_xlabel("words in the body text (direct + reported)", fontsize=8)
    ax.set_xlim(0, words["words"].max() * 1.25)
    ax.tick_params(axis="x", labelsize=8)
    _plain(ax)
    figure.legend(loc="lower left", ncols=2, fontsize=8, frameon=False, bbox_to_anchor=(0.3, 0.0))
    ordered = words.sort_values("words", ascending=False, kind="stable")
    listed = "; ".join(f"{name} {total} ({direct} direct, {reported} reported)" for name, total, direct, reported
                       in zip(ordered["name"], ordered["words"], ordered["direct words"], ordered["reported words"]))
    alt = (f"Bar chart of the words each of {len(words)} voices gets in the body text, in direct quotes and in "
           f"reported speech: {listed}.")
    if len(silent):
        alt += f" {_listing(list(silent['name']))} speak only inside another voice's quotes and get no words of their own."
    caption = ("Words per voice in the body text. Dark blue: the voice's own words in quotation marks; light "
               "hatched blue: reported speech, the writer's words for what the voice said.")
    return FigureImage(figure, alt, caption)


def source_audit(article: Article | None = None) -> FigureImage:
    """A source audit in two panels: share of words by gender, and by type of source.

    >>> print(source_audit())  # doctest: +ELLIPSIS
    Two bar charts of the share of the words in the body text. By gender, as the article shows it: male 75% (6 voices)...
    """
    panels = [("gender", GENDER_STYLE, "gender, as the article shows it"),
              ("source_type", TYPE_STYLE, "type of source")]
    figure = _new_figure(10, 3.2)
    sentences = []
    for index, (column, styles, title) in enumerate(panels):
        table = audit(column, article=article).frame
        table["words"] = table["direct words"] + table["reported words"]
        table = table.sort_values("words", kind="stable")
        share = table["words"] / table["words"].sum() * 100
        ax = figure.add_axes((0.14 + index * 0.5, 0.18, 0.32, 0.68))
        for y, (group, value, voices) in enumerate(zip(table[column], share, table["voices"])):
            colour, hatch = styles[group]
            ax.barh(y, value, color=colour, hatch=hatch, edgecolor="white" if hatch else colour)
            ax.text(value + 2, y, f"{value:.0f}% ({_count(voices, 'voice')})", va="center", fontsize=8)
        ax.set_yticks(range(len(table)), list(table[column]), fontsize=8)
        ax.set_xlim(0, 118)
        ax.set_xlabel("share of words (%)", fontsize=8)
        ax.set_title(f"Words by {title}", fontsize=9, loc="left")
        ax.tick_params(axis="x", labelsize=8)
        _plain(ax)
        parts = [f"{g} {v:.0f}% ({_count(n, 'voice')})" for g, v, n in
                 zip(table[column][::-1], share[::-1], table["voices"][::-1])]
        sentences.append(f"By {title}: {_listing(parts)}")
    alt = "Two bar charts of the share of the words in the body text. " + ". ".join(sentences) + "."
    caption = ("Who gets the words: share of all words in the body text (direct and reported) by gender, where a "
               "pronoun shows it, and by type of source.")
    return FigureImage(figure, alt, caption)


# --- 03: how the story is told ---------------------------------------------------------------
def voice_order(article: Article | None = None) -> FigureImage:
    """Who speaks where: every attributed statement, paragraph by paragraph, voice by voice.

    >>> print(voice_order())  # doctest: +ELLIPSIS
    Dot chart of who speaks where... The first voice is the Russian Defense Ministry (p11); the last is Valeri Klepkin (p36)...
    """
    a = given_or_loaded(article)
    kinds = dict(zip(a.paragraphs["paragraph_id"], a.paragraphs["kind"]))
    quotes = a.quote_table()
    quotes = quotes[quotes["paragraph_id"].map(kinds).isin({"body", "subheading"}) & (quotes["kind"] != "scare")]
    voices = list(dict.fromkeys(quotes["name"]))
    number = quotes["paragraph_id"].str[1:].astype(int)
    figure = _new_figure(10, 0.3 * len(voices) + 1.8)
    height = 0.3 * len(voices) + 1.8
    ax = figure.add_axes((0.27, 0.9 / height, 0.7, 1 - 1.4 / height))
    for row, x in zip(quotes.itertuples(), number):
        colour = TYPE_STYLE[row.source_type][0]
        direct = row.kind == "direct"
        x = x + (0.18 if direct else -0.18)  # side by side where a paragraph holds both
        ax.plot(x, voices.index(row.name), marker="o" if direct else "s", color=colour, markersize=7,
                markerfacecolor=colour if direct else "white", markeredgewidth=1.5, linestyle="none")
    subheadings = a.paragraphs[a.paragraphs["kind"] == "subheading"]
    for row in subheadings.itertuples():
        x = int(row.paragraph_id[1:])
        ax.axvline(x, color="#888888", linestyle="--", linewidth=1)
        ax.text(x, -0.9, f"{row.paragraph_id}: {row.text}", fontsize=8, ha="center")
    ax.set_yticks(range(len(voices)), voices, fontsize=8)
    ax.set_ylim(len(voices) - 0.5, -1.3)
    ticks = sorted(set(number))
    ax.set_xticks(ticks, [f"p{t:02d}" for t in ticks], fontsize=7, rotation=90)
    ax.grid(axis="y", color="#eeeeee")
    _plain(ax)
    types = list(dict.fromkeys(quotes["source_type"]))
    handles = [Line2D([], [], marker="o", color="#555555", linestyle="none", label="direct quote"),
               Line2D([], [], marker="s", color="#555555", markerfacecolor="white", linestyle="none",
                      label="reported speech")]
    handles += [Patch(color=TYPE_STYLE[t][0], label=t) for t in types]
    figure.legend(handles=handles, loc="lower left", ncols=6, fontsize=8, frameon=False, bbox_to_anchor=(0.02, 0.0))
    first, last = quotes.iloc[0], quotes[quotes["paragraph_id"].map(kinds) == "body"].iloc[-1]
    order = "; ".join(f"{v} ({_first_paragraph(quotes, v)})" for v in voices)
    promoted = []
    for row in quotes[quotes["paragraph_id"].map(kinds) == "subheading"].itertuples():
        again = quotes[(quotes["name"] == row.name) & (quotes["quote_id"] != row.quote_id)
                       & quotes["text"].str.lower().str.contains(row.text.lower(), regex=False)]
        where = f", quoted again in {_listing(list(again['paragraph_id']))}" if len(again) else ""
        promoted.append(f"the sub-heading in {row.paragraph_id} gives words of {row.name}{where}")
    alt = (f"Dot chart of who speaks where, paragraph by paragraph: {_count(len(voices), 'voice')} in order of "
           f"first appearance: {order}. The first voice is the {first['name']} ({first['paragraph_id']}); the "
           f"last is {last['name']} ({last['paragraph_id']}).")
    if promoted:
        sentence = "; ".join(promoted)
        alt += f" {sentence[0].upper()}{sentence[1:]}."
    alt = alt.replace("is the the ", "is the ")
    caption = ("Who speaks where. Filled circle: a direct quote; open square: reported speech. Colour shows the "
               "type of source; dashed lines mark the sub-headings.")
    return FigureImage(figure, alt, caption)


def _first_paragraph(quotes: pd.DataFrame, voice: str) -> str:
    return quotes.loc[quotes["name"] == voice, "paragraph_id"].iloc[0]


def frame_profile(coding: pd.DataFrame | None = None, article: Article | None = None) -> FigureImage:
    """The five news frames of Semetko and Valkenburg (2000): how often, and where.

    ``coding`` is a table like ``article.frames`` (one row per paragraph, 0 or 1 per
    frame); it defaults to the reference coding, so a student can draw their own.

    >>> print(frame_profile().caption)  # doctest: +ELLIPSIS
    The reference coding: how many of the 17 body paragraphs carry each frame...
    """
    reference = coding is None
    table = given_or_loaded(article).frames if reference else coding.copy()
    missing = [c for c in ("paragraph_id", *FRAMES) if c not in table.columns]
    if missing:
        raise OneLineError(f"The coding needs a column {missing[0]!r}: copy article.frames and change its 0s and 1s.")
    for frame_name in FRAMES:
        if not table[frame_name].isin([0, 1]).all():
            raise OneLineError(f"Column {frame_name!r} must hold only 0 (absent) and 1 (present).")
    counts = {f: int(table[f].sum()) for f in FRAMES}
    figure = _new_figure(10, max(3.6, 0.26 * len(table) + 1.4))
    bars = figure.add_axes((0.13, 0.15, 0.33, 0.75))
    for y, frame_name in enumerate(FRAMES):
        colour, _, hatch = FRAME_STYLE[frame_name]
        bars.barh(y, counts[frame_name], color=colour, hatch=hatch, edgecolor="white")
        bars.text(counts[frame_name] + 0.2, y, f"{counts[frame_name]} of {len(table)}", va="center", fontsize=8)
    names = [f.replace("_", " ") for f in FRAMES]
    bars.set_yticks(range(len(FRAMES)), names, fontsize=8)
    bars.set_ylim(len(FRAMES) - 0.5, -0.5)
    bars.set_xlim(0, len(table) * 1.2)
    bars.xaxis.set_major_locator(MaxNLocator(integer=True))
    bars.set_xlabel("paragraphs where the frame is present", fontsize=8)
    bars.set_title("How often", fontsize=9, loc="left")
    bars.tick_params(axis="x", labelsize=8)
    _plain(bars)
    grid = figure.add_axes((0.6, 0.15, 0.36, 0.75))
    for x, frame_name in enumerate(FRAMES):
        colour, marker, _ = FRAME_STYLE[frame_name]
        for y, present in enumerate(table[frame_name]):
            if present:
                grid.plot(x, y, marker=marker, color=colour, markersize=9, linestyle="none")
            else:
                grid.plot(x, y, marker=".", color="#cccccc", markersize=3, linestyle="none")
    grid.set_xticks(range(len(FRAMES)), names, fontsize=8, rotation=30, ha="right")
    grid.set_yticks(range(len(table)), list(table["paragraph_id"]), fontsize=8)
    grid.set_ylim(len(table) - 0.5, -0.5)
    grid.set_xlim(-0.6, len(FRAMES) - 0.4)
    grid.set_title("Where", fontsize=9, loc="left")
    _plain(grid)
    ranked = sorted(FRAMES, key=lambda f: -counts[f])
    per_paragraph = "; ".join(
        f"{row['paragraph_id']} " + (", ".join(f.replace("_", " ") for f in FRAMES if row[f]) or "none")
        for _, row in table.iterrows())
    which = "the reference coding" if reference else "this coding"
    alt = (f"Frame profile of {which} of {_count(len(table), 'body paragraph')}: "
           + _listing([f"{f.replace('_', ' ')} in {counts[f]}" for f in ranked])
           + f". Paragraph by paragraph: {per_paragraph}.")
    caption = (f"{'The reference coding' if reference else 'This coding'}: how many of the {len(table)} body "
               "paragraphs carry each frame (left), and which paragraphs (right). Each frame has its own colour, "
               "marker and hatching.")
    return FigureImage(figure, alt, caption)
