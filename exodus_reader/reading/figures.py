"""Figures for the lessons, each drawn from the data with alt text written from the same data.

Every function builds a matplotlib ``Figure`` object directly: it never uses pyplot and
never changes matplotlib's global settings, so importing this module changes nothing.
It returns a :class:`FigureImage`, which Jupyter shows as a picture inside ``<figure>``
with its alt text and caption; ``print`` gives the alt text. Colours come from the
Okabe-Ito palette, which readers with colour-vision deficiencies can tell apart, and the
greys from the same ``style`` module. Colour never carries meaning alone: markers,
hatching, line styles and labels say the same thing.

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
from collections.abc import Callable
from dataclasses import dataclass, field

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.text import Text
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import Bbox
from PIL import Image

from ..corpus.article import Article, given_or_loaded
from ..corpus.schema import EVENT_STATUSES, FRAMES
from ..errors import OneLineError
from .lessons import audit, event_dates, long_date, short_date, voice_words, voices_compare
from .style import GREYS, OKABE_ITO

#: Each event status: a colour and a marker, so that the two say the same thing.
STATUS_STYLE: dict[str, tuple[str, str]] = {
    "stated": (OKABE_ITO["blue"], "o"), "claim": (OKABE_ITO["vermillion"], "s"),
    "report": (OKABE_ITO["sky blue"], "^"), "denial": (OKABE_ITO["black"], "X"),
    "position": (OKABE_ITO["reddish purple"], "D"), "plan": (OKABE_ITO["bluish green"], "P"),
    "rumour": (OKABE_ITO["orange"], "*"),
}
#: Each frame: a colour, a marker for the grid and a hatch for the bars.
FRAME_STYLE: dict[str, tuple[str, str, str]] = {
    "responsibility": (OKABE_ITO["blue"], "s", "//"), "conflict": (OKABE_ITO["vermillion"], "X", "xx"),
    "economic": (OKABE_ITO["bluish green"], "D", ".."), "human_interest": (OKABE_ITO["orange"], "o", "\\\\"),
    "morality": (OKABE_ITO["reddish purple"], "^", "--"),
}
#: Groups of place roles for the map, most telling first: label, roles, colour, marker.
PLACE_GROUPS: tuple[tuple[str, frozenset[str], str, str], ...] = (
    ("destination by road", frozenset({"destination by road"}), OKABE_ITO["blue"], "^"),
    ("destination by air", frozenset({"destination by air"}), OKABE_ITO["sky blue"], "v"),
    ("destination, route not said", frozenset({"destination"}), OKABE_ITO["bluish green"], "s"),
    ("in the pictures (border crossing, airport)", frozenset({"border crossing", "departure airport"}),
     OKABE_ITO["orange"], "D"),
    ("origin and hometowns", frozenset({"origin", "origin by air", "hometown"}), OKABE_ITO["vermillion"], "o"),
    ("limiting entry, asylum or transit",
     frozenset({"refusing entry", "refusing automatic asylum", "considering a transit ban"}),
     OKABE_ITO["reddish purple"], "X"),
    ("also named (war, reporting, speaking)", frozenset(), OKABE_ITO["black"], "."),
)
#: How each kind of destination is reached, as a line style on the map.
ROUTE_STYLE = {"destination by road": "-", "destination by air": "--", "destination, route not said": ":"}
ROUTE_LABEL = {"destination by road": "route by road", "destination by air": "route by air",
               "destination, route not said": "route not said"}
#: Each source type: a colour and a hatch.
TYPE_STYLE: dict[str, tuple[str, str]] = {
    "ordinary person": (OKABE_ITO["orange"], ""), "official": (OKABE_ITO["blue"], "//"),
    "media": (OKABE_ITO["sky blue"], ".."), "activist": (OKABE_ITO["vermillion"], "xx"),
    "journalist": (OKABE_ITO["bluish green"], "--"), "none": (OKABE_ITO["black"], ""),
}
GENDER_STYLE: dict[str, tuple[str, str]] = {
    "male": (OKABE_ITO["blue"], "//"), "female": (OKABE_ITO["vermillion"], "xx"),
    "not shown": (OKABE_ITO["sky blue"], ".."),
}


#: Pixels per inch of every figure: one image pixel is one CSS pixel at native size.
DPI = 100
#: The two layouts, in inches: the wide one (800 px) for a notebook column at least that wide,
#: the narrow one (340 px) below it, down to an 800 px screen with JupyterLab's file browser open.
WIDE, NARROW = 8.0, 3.4
#: The smallest text in any figure, in points: 13.2 px at native size. JupyterLab's body text
#: is 14 px; one step down its type scale is 0.833 x 14 = 11.7 px, so this keeps a margin.
SMALL = 9.5
TITLE = 10.5
#: One line of SMALL text, in inches, and the width of an average character in it (DejaVu Sans).
LINE = SMALL * 1.3 / 72
CHAR = SMALL * 0.62 / 72


def points_to_px(points: float) -> float:
    """CSS pixels of a font size in points, at the figures' native size.

    >>> round(points_to_px(SMALL), 1)
    13.2
    """
    return points * DPI / 72


@dataclass(frozen=True)
class FigureImage:
    """A finished figure: a wide and a narrow layout, its alt text and its caption.

    Jupyter shows ``<figure><img alt=...><figcaption>``, holding both layouts: the notebook
    column's own width chooses one (a CSS container query), so text stays at its native
    size on a classroom laptop too. Where the page's styles are not applied (a notebook
    JupyterLab does not trust yet, before its cells run), the narrow layout shows, which
    is legible at any width. Plain text is the alt text. ``figure`` is the wide
    matplotlib Figure, ``narrow`` the narrow one.

    >>> image = FigureImage(Figure(figsize=(1, 1)), "An empty square.", "Nothing yet")
    >>> image._repr_mimebundle_()["text/plain"]
    'An empty square.'
    >>> image._repr_mimebundle_()["text/html"][:59]
    '<figure class="exr-figure" style="margin:0 0 1em 0"><style>'
    """

    figure: Figure = field(repr=False, compare=False)
    alt: str
    caption: str
    narrow: Figure | None = field(default=None, repr=False, compare=False)

    @property
    def png(self) -> bytes:
        """The wide layout as PNG bytes, without a timestamp or software tag.

        >>> FigureImage(_new_figure(1, 1), "An empty square.", "Nothing yet").png[:4]
        b'\\x89PNG'
        """
        return _png(self.figure)

    @property
    def layouts(self) -> list[Figure]:
        """The layouts, widest first.

        >>> image = FigureImage(_new_figure(2, 1), "Two empty boxes.", "Nothing yet", narrow=_new_figure(1, 1))
        >>> [float(layout.get_size_inches()[0]) for layout in image.layouts]
        [2.0, 1.0]
        """
        return [self.figure] + ([self.narrow] if self.narrow is not None else [])

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict[str, str]:
        alt = html.escape(self.alt)
        images = []
        for index, figure in enumerate(self.layouts):
            width, height = (round(v * DPI) for v in figure.get_size_inches())
            data = base64.b64encode(_png(figure)).decode("ascii")  # drawn now, so its text is laid out
            hidden = "" if index or len(self.layouts) == 1 else ";display:none"  # the narrow one, unless styled
            images.append(f'<img class="exr-figure-{"narrow" if index else "wide"}" src="data:image/png;base64,'
                          f'{data}" alt="{alt}" width="{width}" height="{height}" '
                          f'data-label-px="{smallest_text_px(figure, draw=False):.1f}" '
                          f'style="max-width:100%;height:auto{hidden}">')
        switch = ""
        if self.narrow is not None:
            cut = round(self.figure.get_size_inches()[0] * DPI)
            switch = (f"@container (min-width:{cut}px){{.exr-figure-wide{{display:inline!important}}"
                      ".exr-figure-narrow{display:none!important}}")
        return {"text/html": (f'<figure class="exr-figure" style="margin:0 0 1em 0"><style>.exr-figure'
                              f"{{container-type:inline-size}}{switch}</style>{''.join(images)}"
                              f"<figcaption>{html.escape(self.caption)}</figcaption></figure>"),
                "text/plain": self.alt}

    def __repr__(self) -> str:
        return self.alt


def _png(figure: Figure) -> bytes:
    """The figure as an 8-bit PNG, without a timestamp or software tag.

    The palette holds the Okabe-Ito colours and white, then the most frequent other colours,
    256 in all: the flat colours of the data stay exact, and only the rarest shades of
    anti-aliased edges move to their nearest neighbour. The file is a third of an RGBA one.

    >>> _png(_new_figure(1, 1))[:8]
    b'\\x89PNG\\r\\n\\x1a\\n'
    """
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    width, height = canvas.get_width_height()
    # each pixel as one 24-bit number 0xRRGGBB, read straight from the RGBA buffer (no copies per channel)
    rgba = np.ascontiguousarray(canvas.buffer_rgba()).view("<u4").ravel()
    pixels = ((rgba & 0xFF) << 16) | (rgba & 0xFF00) | ((rgba >> 16) & 0xFF)
    codes, where, counts = np.unique(pixels, return_inverse=True, return_counts=True)
    codes = codes.astype(np.int64)
    fixed = [int(code[1:], 16) for code in (*OKABE_ITO.values(), "#FFFFFF")]
    palette = np.array(list(dict.fromkeys(fixed + [int(c) for c in codes[np.argsort(-counts, kind="stable")]]))[:256])
    split = lambda c: np.stack([(c >> 16) & 255, (c >> 8) & 255, c & 255], axis=-1)  # noqa: E731
    nearest = ((split(codes)[:, None, :] - split(palette)[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)
    image = Image.frombytes("P", (width, height), nearest[where].astype(np.uint8).tobytes())
    image.putpalette(split(palette).astype(np.uint8).ravel().tolist())
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _texts(figure: Figure, draw: bool = True) -> list[Text]:
    """Every piece of text the figure shows: titles, tick labels, legends, notes."""
    if draw:  # lays out the ticks; not needed right after the figure was drawn
        figure.canvas.draw()
    found = list(figure.texts) + [t for legend in figure.legends for t in legend.get_texts()]
    for ax in figure.axes:
        found += [*ax.texts, ax.title, ax._left_title, ax._right_title, ax.xaxis.label, ax.yaxis.label]
        for axis in (ax.xaxis, ax.yaxis):
            low, high = sorted(axis.get_view_interval())
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                if low - 1e-9 <= tick.get_loc() <= high + 1e-9:
                    found += [tick.label1, tick.label2]
    return [t for t in found if t.get_visible() and t.get_text().strip()]


def smallest_text_px(figure: Figure, draw: bool = True) -> float:
    """The size of the smallest text in a figure, in CSS pixels at native size.

    >>> figure = _new_figure(2, 1)
    >>> _ = figure.text(0.1, 0.5, "small", fontsize=SMALL)
    >>> round(smallest_text_px(figure), 1)
    13.2
    """
    sizes = [t.get_fontsize() for t in _texts(figure, draw)]
    return points_to_px(min(sizes)) if sizes else float("inf")


def text_outside(figure: Figure) -> list[str]:
    """The texts that do not fit inside the figure (cut off at its edge); none, if it is laid out well.

    >>> figure = _new_figure(2, 1)
    >>> _ = figure.text(0.9, 0.5, "too long to fit", fontsize=SMALL)
    >>> text_outside(figure)
    ['too long to fit']
    """
    renderer = figure.canvas.get_renderer()
    box = figure.bbox
    outside = []
    for text in _texts(figure):
        extent = text.get_window_extent(renderer)
        if extent.x0 < box.x0 - 1 or extent.x1 > box.x1 + 1 or extent.y0 < box.y0 - 1 or extent.y1 > box.y1 + 1:
            outside.append(text.get_text())
    return outside


def _new_figure(width: float, height: float) -> Figure:
    figure = Figure(figsize=(width, height), dpi=DPI, facecolor="white")
    FigureCanvasAgg(figure)
    return figure


def _axes(figure: Figure, left: float, bottom: float, right: float, top: float) -> Axes:
    """Axes placed by margins in inches from the figure's edges."""
    width, height = figure.get_size_inches()
    return figure.add_axes((left / width, bottom / height, 1 - (left + right) / width, 1 - (bottom + top) / height))


def _wrap(text: str, inches: float) -> list[str]:
    """Lines of SMALL text no wider than ``inches`` (by an average character width).

    >>> _wrap("Klepkin packs a bag and drives to Finland.", 2.0)
    ['Klepkin packs a bag and', 'drives to Finland.']
    """
    return textwrap.wrap(text, max(10, int(inches / CHAR))) or [""]


def _legend_height(items: int, columns: int) -> float:
    """Inches a figure legend of ``items`` entries in ``columns`` columns needs."""
    return math.ceil(items / columns) * LINE * 1.2 + 0.15


class _Rows:
    """A chart with one row per item, each row's label written in full on its own lines above it.

    Units on the y axis are lines of SMALL text, counted down from the top, so that the
    figure's height follows from the labels once they are wrapped to its width.
    """

    def __init__(self, labels: list[str], inches: float, mark: float = 1.0, gap: float = 0.35) -> None:
        self.lines = [_wrap(label, inches) for label in labels]
        self.label_y, self.mark_y = [], []
        y = 0.0
        for lines in self.lines:
            self.label_y.append(y)
            y += len(lines)
            self.mark_y.append(y + mark / 2)
            y += mark + gap
        self.total = y

    @property
    def inches(self) -> float:
        return self.total * LINE

    def draw(self, ax: Axes) -> None:
        """Write the labels at the left edge of the axes and set its y range."""
        for y, lines in zip(self.label_y, self.lines):
            ax.text(0, y, "\n".join(lines), transform=ax.get_yaxis_transform(), va="top", ha="left",
                    fontsize=SMALL, linespacing=1.1, bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5})
        ax.set_ylim(self.total, 0)
        ax.set_yticks([])
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)


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


def _both(draw: Callable[[float], Figure], alt: str, caption: str) -> FigureImage:
    return FigureImage(draw(WIDE), alt, caption, draw(NARROW))


# --- 01: when --------------------------------------------------------------------------------
def timeline(status: str | None = None, days: int = 7, article: Article | None = None) -> FigureImage:
    """The article's events on a timeline of the week before publication.

    One row per event, its label in full above it. A dot is a day, a hatched bar a range
    of days, a dotted line "some time before" a date. Events before the week shown sit at
    the left edge with their date. ``status`` keeps one kind of event ("stated", "claim",
    "report"...).

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
    day = pd.Timestamp(a.published)
    left = day - pd.Timedelta(days=days - 1)
    # Dated events by their first day, "before" events by their bound, undated ones last.
    key = events["first"].fillna(events["last"].where(events["precision"] == "before", pd.Timestamp.max))
    order = events.assign(key=key).sort_values(["key", "last"], kind="stable")
    earlier = [f"{row.event_id} ({row.paragraph_id}, {_earlier_text(row, long_date)})" for row in order.itertuples()
               if row.last < left]
    shown = sorted(set(order["status"]), key=list(STATUS_STYLE).index)

    def draw(width: float) -> Figure:
        labels = [f"{row.event_id} {row.description} ({row.paragraph_id})" for row in order.itertuples()]
        rows = _Rows(labels, width - 0.25)
        handles = [Line2D([], [], marker=STATUS_STYLE[s][1], color=STATUS_STYLE[s][0], linestyle="none", label=s)
                   for s in shown]
        if (order["precision"] == "range").any():
            handles.append(Patch(facecolor=GREYS["fill"], hatch="///", edgecolor=GREYS["mark"],
                                 label="a range of days"))
        if (order["first"].isna() & (order["last"] >= left)).any():
            handles.append(Line2D([], [], linestyle=":", color=GREYS["mark"], label="some time before"))
        handles.append(Line2D([], [], linestyle="--", color=OKABE_ITO["black"], label="day of publication"))
        columns = 4 if width >= WIDE else 2
        top, bottom = 2.6 * LINE + 0.15, 2.6 * LINE + 0.3 + _legend_height(len(handles), columns)
        figure = _new_figure(width, rows.inches + top + bottom)
        ax = _axes(figure, 0.1, bottom, 0.15, top)
        x_left, x_right = mdates.date2num(left - pd.Timedelta(hours=20)), mdates.date2num(day + pd.Timedelta(hours=14))
        for y, row in zip(rows.mark_y, order.itertuples()):
            colour, marker = STATUS_STYLE[row.status]
            first = row.first if not pd.isna(row.first) else None
            last = row.last
            if last < left:  # wholly before the week shown: a marker at the edge, with its date
                ax.plot([x_left], [y], marker=marker, color=colour, markersize=8, linestyle="none", clip_on=False)
                ax.text(x_left + 0.25, y, f"← {_earlier_text(row)}", va="center", fontsize=SMALL)
            elif first is None:  # only an upper bound: a dotted line back from it
                ax.plot([x_left, mdates.date2num(last)], [y, y], linestyle=":", color=colour, linewidth=2)
                ax.plot([x_left], [y], marker="<", color=colour, markersize=8, clip_on=False)
                ax.plot([mdates.date2num(last)], [y], marker=marker, color=colour, markersize=8,
                        markerfacecolor="white")
            elif first == last:
                ax.plot([mdates.date2num(first)], [y], marker=marker, color=colour,
                        markersize=12 if marker == "*" else 9)
            else:
                start = mdates.date2num(first) if first >= left else x_left
                ax.barh(y, mdates.date2num(last) - start, left=start, height=0.8,
                        color=colour, alpha=0.35, hatch="///", edgecolor=colour)
                ax.plot([mdates.date2num(last)], [y], marker=marker, color=colour, markersize=8)
                if first < left:
                    ax.text(x_left + 0.15, y, f"← from {short_date(first)}", va="center", fontsize=SMALL,
                            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
        rows.draw(ax)
        ax.set_xlim(x_left, x_right)
        ax.xaxis.set_major_locator(mdates.DayLocator())
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%a\n%d %b" if width >= WIDE else "%a\n%d"))
        ax.tick_params(axis="x", labelsize=SMALL, top=True, labeltop=True)
        if width < WIDE:
            month = f"{left:%B %Y}" if left.month == day.month else f"{left:%b} to {day:%b %Y}"
            ax.set_xlabel(month, fontsize=SMALL)
        ax.axvline(mdates.date2num(day), color=OKABE_ITO["black"], linewidth=1, linestyle="--", zorder=0)
        ax.grid(axis="x", color=GREYS["strong grid"], linewidth=0.8, zorder=0)
        ax.set_axisbelow(True)
        figure.legend(handles=handles, loc="lower left", ncols=columns, fontsize=SMALL, frameon=False,
                      bbox_to_anchor=(0.0, 0.0), handletextpad=0.4, columnspacing=1.0)
        return figure

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
               "Colour and marker show each event's status; above each row, the event and its paragraph.")
    return _both(draw, alt, caption)


def _earlier_text(row: object, written: Callable = short_date) -> str:
    """How the timeline writes the date of an event before the week it shows."""
    if pd.isna(row.first):
        return f"before {row.last:%b %Y}"
    return written(row.last.date() if written is long_date else row.last)


# --- 01: where -------------------------------------------------------------------------------
def _place_group(roles: set[str]) -> int:
    for index, (_, group_roles, _, _) in enumerate(PLACE_GROUPS[:-1]):
        if roles & group_roles:
            return index
    return len(PLACE_GROUPS) - 1


def _place_labels(ax: Axes, figure: Figure, points: list[tuple[float, float, str]],
                  numbered: list[str]) -> None:
    """Write each label beside its point where it overlaps no label or point and stays inside the map.

    A label that finds no such place gets a number beside its point instead, and its name is
    added to ``numbered`` (in order), for a key under the map.
    """
    renderer = figure.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    dots = [ax.transData.transform((x, y)) for x, y, _ in points]
    taken = [Bbox.from_bounds(px - 5, py - 5, 10, 10) for px, py in dots]
    offsets = [(6, 2, "left", "bottom"), (6, -2, "left", "top"), (-6, 2, "right", "bottom"),
               (-6, -2, "right", "top"), (0, 7, "center", "bottom"), (0, -7, "center", "top"),
               (10, 12, "left", "bottom"), (10, -12, "left", "top"), (-10, 12, "right", "bottom"),
               (-10, -12, "right", "top")]
    for x, y, label in points:
        for dx, dy, ha, va in offsets:
            text = ax.annotate(label, (x, y), xytext=(dx, dy), textcoords="offset points", fontsize=SMALL,
                               ha=ha, va=va)
            box = text.get_window_extent(renderer)
            inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
            if inside and not any(box.overlaps(other) for other in taken):
                taken.append(box)
                break
            text.remove()
        else:
            numbered.append(label)
            far = [(dx * 2.2, dy * 2.2, ha, va) for dx, dy, ha, va in offsets]
            for dx, dy, ha, va in far + [(0, 0, "center", "center")]:
                text = ax.annotate(str(len(numbered)), (x, y), xytext=(dx, dy), textcoords="offset points",
                                   fontsize=SMALL, fontweight="bold", ha=ha, va=va,
                                   arrowprops={"arrowstyle": "-", "color": GREYS["mark"], "linewidth": 0.8,
                                               "shrinkA": 1, "shrinkB": 4})
                box = text.get_window_extent(renderer)
                inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
                if inside and not any(box.overlaps(other) for other in taken[len(dots):]) or (dx, dy) == (0, 0):
                    taken.append(box)
                    break
                text.remove()


def _close_up(table: pd.DataFrame) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """The box around the crowded middle of the map: every place within 20 degrees of longitude and
    15 of latitude of the middle place, with a margin; None when that holds every place anyway.

    >>> from exodus_reader import load
    >>> _close_up(load().places.groupby("place").agg(longitude=("longitude", "first"),
    ...                                               latitude=("latitude", "first")))
    ((18.5, 46.8), (37.9, 62.6))
    """
    near = table[((table["longitude"] - table["longitude"].median()).abs() <= 20)
                 & ((table["latitude"] - table["latitude"].median()).abs() <= 15)]
    if len(near) == len(table) or len(near) < 2:
        return None
    return ((round(float(near["longitude"].min()) - 2, 1), round(float(near["longitude"].max()) + 2, 1)),
            (round(float(near["latitude"].min()) - 2, 1), round(float(near["latitude"].max()) + 2, 1)))


def _draw_places(ax: Axes, table: pd.DataFrame, origins: pd.DataFrame) -> None:
    """The points of a map, each group with its colour and marker, and the arrows to the destinations."""
    for name, row in table.iterrows():
        label, _, colour, marker = PLACE_GROUPS[row["group"]]
        if label in ROUTE_STYLE:
            for _, origin in origins.iterrows():
                arrow = ax.annotate("", xy=(row["longitude"], row["latitude"]),
                                    xytext=(origin["longitude"], origin["latitude"]), annotation_clip=False,
                                    arrowprops={"arrowstyle": "-|>", "linestyle": ROUTE_STYLE[label],
                                                "color": colour, "linewidth": 1.4, "shrinkA": 4, "shrinkB": 6})
                arrow.arrow_patch.set_clip_box(ax.bbox)  # cut at a close-up's edge
    for name, row in table.iterrows():
        label, _, colour, marker = PLACE_GROUPS[row["group"]]
        if name in origins.index:  # a large ring on top: every arrow starts there, and places inside show
            ax.plot(row["longitude"], row["latitude"], marker="o", markersize=16, color=colour,
                    markerfacecolor="none", markeredgecolor=colour, markeredgewidth=2.5, linestyle="none", zorder=5)
            continue
        ax.plot(row["longitude"], row["latitude"], marker=marker, color=colour,
                markersize=6 if marker == "." else 8, zorder=2 if marker == "." else 3,
                markeredgecolor="white" if marker not in ".X" else colour, linestyle="none")


def route_map(article: Article | None = None) -> FigureImage:
    """A sketch map of the places the article names: where people leave from and go to.

    Points come from each place's approximate latitude and longitude (a country is drawn
    at its capital); there are no borders. Arrows run from Russia to each destination:
    solid by road, dashed by air, dotted where the article does not say how. A name with
    no room beside its point gets a number, and a key under the map.

    >>> print(route_map())  # doctest: +ELLIPSIS
    Sketch map of the 21 places the article names, ... by air: United Arab Emirates and Turkey...
    """
    places = given_or_loaded(article).places
    table = places.groupby("place", sort=False).agg(
        latitude=("latitude", "first"), longitude=("longitude", "first"), roles=("role", lambda r: set(r)))
    table["group"] = table["roles"].map(_place_group)
    origins = table[table["roles"].map(lambda r: "origin" in r)]
    used = sorted(set(table["group"]))
    points: dict[tuple[float, float], list[str]] = {}
    first_origins = table.assign(origin=~table.index.isin(origins.index))
    for name, row in first_origins.sort_values(["origin", "group"], kind="stable").iterrows():
        key = next((k for k in points if abs(k[0] - row["longitude"]) < 0.6 and abs(k[1] - row["latitude"]) < 0.6),
                   (row["longitude"], row["latitude"]))
        points.setdefault(key, []).append(name)
    aspect = 1 / math.cos(math.radians(float(table["latitude"].mean())))
    x_range = (table["longitude"].min() - 3, table["longitude"].max() + 6)
    y_range = (table["latitude"].min() - 3, table["latitude"].max() + 3)

    def draw(width: float) -> Figure:
        handles = [Line2D([], [], marker=PLACE_GROUPS[g][3], color=PLACE_GROUPS[g][2], linestyle="none",
                          markersize=8, label=PLACE_GROUPS[g][0]) for g in used]
        handles += [Line2D([], [], color=GREYS["mark"], linestyle=style, label=ROUTE_LABEL[label])
                    for label, style in ROUTE_STYLE.items()]
        columns = 2 if width >= WIDE else 1
        left, right, top = 0.55, 0.1, 0.1
        map_width = width - left - right
        # Narrow, the crowded middle of the map gets a close-up of its own below the whole map.
        close = _close_up(table) if width < WIDE else None
        panels = [(x_range, y_range)] + ([close] if close else [])
        heights = [map_width * (ys[1] - ys[0]) * aspect / (xs[1] - xs[0]) for xs, ys in panels]
        axis = 3 * LINE + 0.2  # tick labels and the axis label under each panel
        title = 1.6 * LINE if close else 0
        legend = _legend_height(len(handles), columns)
        key_room = 8 * LINE  # lines kept for the key of numbered places, trimmed once it is known
        height = top + sum(h + axis + title for h in heights) + key_room + legend
        figure = _new_figure(width, height)
        axes, y = [], height - top
        for (xs, ys), panel_height in zip(panels, heights):
            y -= title + panel_height
            ax = figure.add_axes((left / width, y / height, map_width / width, panel_height / height))
            ax.set_xlim(*xs)
            ax.set_ylim(*ys)
            y -= axis
            axes.append(ax)
        numbered: list[str] = []
        for index, ax in enumerate(axes):
            _draw_places(ax, table, origins)
            ax.set_xlabel("longitude (degrees east)", fontsize=SMALL)
            ax.set_ylabel("latitude (degrees north)", fontsize=SMALL)
            ax.tick_params(labelsize=SMALL)
            ax.xaxis.set_major_locator(MaxNLocator(nbins=4 if width < WIDE else 8))
            ax.yaxis.set_major_locator(MaxNLocator(nbins=4 if width < WIDE else 8))
            ax.grid(color=GREYS["grid"], linewidth=0.8)
            _plain(ax)
            here = [(x, yy, " / ".join(names)) for (x, yy), names in points.items()]
            if close and index == 0:  # the whole map labels only what the close-up does not show
                (x0, x1), (y0, y1) = close
                here = [(x, yy, n) for x, yy, n in here if not (x0 <= x <= x1 and y0 <= yy <= y1)]
                ax.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, fill=False, edgecolor=GREYS["mark"],
                                       linestyle="--", linewidth=1, zorder=1))
                ax.set_title("All places (the box: see below)", fontsize=SMALL, loc="left")
            elif close:
                (x0, x1), (y0, y1) = close
                here = [(x, yy, n) for x, yy, n in here if x0 <= x <= x1 and y0 <= yy <= y1]
                ax.set_title("The dashed box, closer", fontsize=SMALL, loc="left")
            _place_labels(ax, figure, here, numbered)
        lines = _wrap("Numbers on the map: " + "; ".join(f"{i} {name}" for i, name in enumerate(numbered, 1)),
                      width - 0.2) if numbered else []
        # Give back the room the key does not need, keeping the maps where they are.
        spare = (8 - len(lines)) * LINE
        figure.set_size_inches(width, height - spare)
        for ax in axes:
            x0, y0, w, h = ax.get_position().bounds
            ax.set_position((x0, (y0 * height - spare) / (height - spare), w, h * height / (height - spare)))
        height -= spare
        if lines:
            figure.text(0.1 / width, (legend + len(lines) * LINE + 0.1) / height, "\n".join(lines), fontsize=SMALL,
                        va="top", ha="left", linespacing=1.1)
        figure.legend(handles=handles, loc="lower left", ncols=columns, fontsize=SMALL, frameon=False,
                      bbox_to_anchor=(0.0, 0.0), handletextpad=0.4, columnspacing=1.0)
        return figure

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
    return _both(draw, alt, caption)


# --- 02: who speaks --------------------------------------------------------------------------
def words_per_voice(article: Article | None = None) -> FigureImage:
    """How many words each voice gets in the body text: its own words, and reported speech.

    >>> print(words_per_voice())  # doctest: +ELLIPSIS
    Bar chart of the words each of 15 voices gets in the body text... Michail Bayankin 105 (71 direct, 34 reported)...
    """
    words = voice_words(article)
    silent = words[words["words"] == 0]
    words = words[words["words"] > 0].sort_values("words", ascending=False, kind="stable")

    def draw(width: float) -> Figure:
        # No-break spaces keep "105 (71 + 34)" on one line.
        labels = [f"{name} ({kind}): {total}\u00a0({direct}\u00a0+\u00a0{reported})"
                  for name, kind, total, direct, reported
                  in zip(words["name"], words["source_type"], words["words"], words["direct words"],
                         words["reported words"])]
        rows = _Rows(labels, width - 0.25)
        columns = 2 if width >= WIDE else 1
        top, bottom = 0.1, 2 * LINE + 0.3 + _legend_height(2, columns)
        figure = _new_figure(width, rows.inches + top + bottom)
        ax = _axes(figure, 0.1, bottom, 0.15, top)
        ax.barh(rows.mark_y, words["direct words"], height=0.9, color=OKABE_ITO["blue"], edgecolor=OKABE_ITO["blue"],
                label="direct: in quotation marks")
        ax.barh(rows.mark_y, words["reported words"], height=0.9, left=words["direct words"],
                color=OKABE_ITO["sky blue"], hatch="//", edgecolor="white", label="reported: in the writer's words")
        rows.draw(ax)
        ax.set_xlabel("words in the body text (direct + reported)", fontsize=SMALL)
        ax.set_xlim(0, words["words"].max() * 1.05)
        ax.tick_params(axis="x", labelsize=SMALL)
        ax.grid(axis="x", color=GREYS["grid"])
        ax.set_axisbelow(True)
        figure.legend(loc="lower left", ncols=columns, fontsize=SMALL, frameon=False, bbox_to_anchor=(0.0, 0.0))
        return figure

    listed = "; ".join(f"{name} {total} ({direct} direct, {reported} reported)" for name, total, direct, reported
                       in zip(words["name"], words["words"], words["direct words"], words["reported words"]))
    alt = (f"Bar chart of the words each of {len(words)} voices gets in the body text, in direct quotes and in "
           f"reported speech: {listed}.")
    if len(silent):
        alt += f" {_listing(list(silent['name']))} speak only inside another voice's quotes and get no words of their own."
    caption = ("Words per voice in the body text. Dark blue: the voice's own words in quotation marks; light "
               "hatched blue: reported speech, the writer's words for what the voice said.")
    return _both(draw, alt, caption)


def source_audit(article: Article | None = None) -> FigureImage:
    """A source audit in two panels: share of words by gender, and by type of source.

    >>> print(source_audit())  # doctest: +ELLIPSIS
    Two bar charts of the share of the words in the body text. By gender, as the article shows it: male 75% (6 voices)...
    """
    panels = []
    for column, styles, title in [("gender", GENDER_STYLE, "gender, as the article shows it"),
                                  ("source_type", TYPE_STYLE, "type of source")]:
        table = audit(column, article=article).frame
        table["words"] = table["direct words"] + table["reported words"]
        table = table.sort_values("words", ascending=False, kind="stable")
        table["share"] = table["words"] / table["words"].sum() * 100
        panels.append((column, styles, title, table))

    def draw(width: float) -> Figure:
        side = width >= WIDE  # side by side when wide, one above the other when narrow
        panel_width = (width - 0.7) / 2 if side else width - 0.25
        rows = [_Rows([f"{g}: {v:.0f}% ({_count(n, 'voice')})" for g, v, n in
                       zip(table[column], table["share"], table["voices"])], panel_width) for column, _, _, table in panels]
        title = 2 * LINE
        axis = 2 * LINE + 0.3
        heights = [r.inches + title + axis for r in rows]
        figure = _new_figure(width, (max(heights) if side else sum(heights)) + 0.1)
        total = figure.get_size_inches()[1]
        top = 0.1
        for index, ((column, styles, name, table), row) in enumerate(zip(panels, rows)):
            if side:
                ax = _axes(figure, 0.1 + index * (panel_width + 0.3), total - top - title - row.inches,
                           width - 0.1 - (index + 1) * panel_width - index * 0.3, top + title)
            else:
                ax = _axes(figure, 0.1, total - top - title - row.inches, 0.15, top + title)
                top += heights[index]
            for y, group, value in zip(row.mark_y, table[column], table["share"]):
                colour, hatch = styles[group]
                ax.barh(y, value, height=0.9, color=colour, hatch=hatch, edgecolor="white" if hatch else colour)
            row.draw(ax)
            ax.set_xlim(0, 100)
            ax.set_xlabel("share of words (%)", fontsize=SMALL)
            ax.set_title(f"Words by {name}", fontsize=TITLE, loc="left", pad=LINE * 72 * 0.6)
            ax.tick_params(axis="x", labelsize=SMALL)
            ax.grid(axis="x", color=GREYS["grid"])
            ax.set_axisbelow(True)
        return figure

    sentences = []
    for column, _, title, table in panels:
        parts = [f"{g} {v:.0f}% ({_count(n, 'voice')})" for g, v, n in zip(table[column], table["share"], table["voices"])]
        sentences.append(f"By {title}: {_listing(parts)}")
    alt = "Two bar charts of the share of the words in the body text. " + ". ".join(sentences) + "."
    caption = ("Who gets the words: share of all words in the body text (direct and reported) by gender, where a "
               "pronoun shows it, and by type of source.")
    return _both(draw, alt, caption)


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
    subheadings = a.paragraphs[a.paragraphs["kind"] == "subheading"]
    types = list(dict.fromkeys(quotes["source_type"]))

    def draw(width: float) -> Figure:
        rows = _Rows(voices, width - 0.25, mark=1.2, gap=0.1)
        handles = [Line2D([], [], marker="o", color=GREYS["mark"], linestyle="none", label="direct quote"),
                   Line2D([], [], marker="s", color=GREYS["mark"], markerfacecolor="white", linestyle="none",
                          label="reported speech"),
                   Line2D([], [], linestyle="--", color=GREYS["guide"], label="sub-heading")]
        handles += [Patch(color=TYPE_STYLE[t][0], label=t) for t in types]
        columns = 3 if width >= WIDE else 2
        top = LINE * (len(subheadings) + 0.3) + 0.05
        bottom = 4 * LINE + 0.2 + _legend_height(len(handles), columns)
        figure = _new_figure(width, rows.inches + top + bottom)
        ax = _axes(figure, 0.1, bottom, 0.15, top)
        for row, x in zip(quotes.itertuples(), number):
            colour = TYPE_STYLE[row.source_type][0]
            direct = row.kind == "direct"
            x = x + (0.2 if direct else -0.2)  # side by side where a paragraph holds both
            ax.plot(x, rows.mark_y[voices.index(row.name)], marker="o" if direct else "s", color=colour,
                    markersize=8, markerfacecolor=colour if direct else "white", markeredgewidth=1.5,
                    linestyle="none", zorder=3)
        for line, row in enumerate(subheadings.itertuples()):  # one line each, so that they never overlap
            x = int(row.paragraph_id[1:])
            ax.axvline(x, color=GREYS["guide"], linestyle="--", linewidth=1, zorder=1)
            ax.annotate(row.paragraph_id + (f": {row.text}" if width >= WIDE else ""), (x, 1),
                        xycoords=ax.get_xaxis_transform(), xytext=(2, 2 + line * LINE * 72),
                        textcoords="offset points", fontsize=SMALL, va="bottom",
                        ha="left" if x < (number.min() + number.max()) / 2 else "right")
        rows.draw(ax)
        ticks = sorted(set(number) | {int(p[1:]) for p in subheadings["paragraph_id"]})
        ax.set_xlim(min(ticks) - 0.8, max(ticks) + 0.8)
        # Every paragraph number where there is room for it: 1.1 lines apart at least.
        room = (width - 0.25) / (max(ticks) - min(ticks) + 1.6) / LINE
        shown: list[int] = []
        for t in ticks:
            if not shown or (t - shown[-1]) * room >= 1.1:
                shown.append(t)
        ax.set_xticks(ticks, [f"p{t:02d}" if t in shown else "" for t in ticks], fontsize=SMALL, rotation=90)
        ax.grid(axis="x", color=GREYS["grid"])
        ax.set_axisbelow(True)
        figure.legend(handles=handles, loc="lower left", ncols=columns, fontsize=SMALL, frameon=False,
                      bbox_to_anchor=(0.0, 0.0), handletextpad=0.4, columnspacing=1.0)
        return figure

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
    return _both(draw, alt, caption)


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
    names = [f.replace("_", " ") for f in FRAMES]

    def draw(width: float) -> Figure:
        side = width >= WIDE
        bars_width = width * 0.45 if side else width - 0.25
        rows = _Rows([f"{n}: {counts[f]} of {len(table)}" for n, f in zip(names, FRAMES)], bars_width)
        title = 2 * LINE
        bars_height = rows.inches + title + 2 * LINE + 0.3
        grid_rows = len(table) * 0.26
        frame_label = max(len(n) for n in names) * CHAR * 0.75 + 0.15  # names at 45 degrees
        grid_height = grid_rows + title + frame_label
        height = (max(bars_height, grid_height) if side else bars_height + grid_height + 0.2) + 0.1
        figure = _new_figure(width, height)
        bars = _axes(figure, 0.1, height - 0.1 - title - rows.inches, width - 0.1 - bars_width, 0.1 + title)
        for y, frame_name in zip(rows.mark_y, FRAMES):
            colour, _, hatch = FRAME_STYLE[frame_name]
            bars.barh(y, counts[frame_name], height=0.9, color=colour, hatch=hatch, edgecolor="white")
        rows.draw(bars)
        bars.set_xlim(0, len(table))
        bars.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=5))
        bars.set_xlabel("paragraphs where the frame is present", fontsize=SMALL)
        bars.set_title("How often", fontsize=TITLE, loc="left", pad=LINE * 72 * 0.6)
        bars.tick_params(axis="x", labelsize=SMALL)
        if side:
            grid = _axes(figure, width * 0.55 + 0.5, frame_label, 0.2, height - frame_label - grid_rows)
        else:
            grid = _axes(figure, 0.55, frame_label, 0.2, bars_height + 0.2 + title)
        for x, frame_name in enumerate(FRAMES):
            colour, marker, _ = FRAME_STYLE[frame_name]
            present = [y for y, value in enumerate(table[frame_name]) if value]
            absent = [y for y, value in enumerate(table[frame_name]) if not value]
            if present:
                grid.plot([x] * len(present), present, marker=marker, color=colour, markersize=9, linestyle="none")
            if absent:
                grid.plot([x] * len(absent), absent, marker=".", color=GREYS["fill"], markersize=3, linestyle="none")
        grid.set_xticks(range(len(FRAMES)), names, fontsize=SMALL, rotation=45, ha="right", rotation_mode="anchor")
        grid.set_yticks(range(len(table)), list(table["paragraph_id"]), fontsize=SMALL)
        grid.set_ylim(len(table) - 0.5, -0.5)
        grid.set_xlim(-0.6, len(FRAMES) - 0.4)
        grid.set_title("Where", fontsize=TITLE, loc="left")
        _plain(grid)
        return figure

    ranked = sorted(FRAMES, key=lambda f: -counts[f])
    per_paragraph = "; ".join(
        f"{row['paragraph_id']} " + (", ".join(f.replace("_", " ") for f in FRAMES if row[f]) or "none")
        for _, row in table.iterrows())
    which = "the reference coding" if reference else "this coding"
    alt = (f"Frame profile of {which} of {_count(len(table), 'body paragraph')}: "
           + _listing([f"{f.replace('_', ' ')} in {counts[f]}" for f in ranked])
           + f". Paragraph by paragraph: {per_paragraph}.")
    caption = (f"{'The reference coding' if reference else 'This coding'}: how many of the {len(table)} body "
               "paragraphs carry each frame (left, or above), and which paragraphs (right, or below). Each frame "
               "has its own colour, marker and hatching.")
    return _both(draw, alt, caption)


# --- 05: reading laterally -------------------------------------------------------------------
#: The three groups of voices in the coverage comparison: a colour and a hatch each.
VOICE_GROUPS: tuple[tuple[str, str, str, str], ...] = (
    ("officials", "officials", OKABE_ITO["blue"], "//"),
    ("ordinary people", "ordinary people", OKABE_ITO["orange"], ""),
    ("others", "others (neither official nor ordinary)", OKABE_ITO["sky blue"], ".."),
)


def coverage_voices(article: Article | None = None) -> FigureImage:
    """Whom DW and each report of the coverage set quote: officials, ordinary people, others.

    One row per report, its label (outlet, date, how many voices are unnamed and how many
    speak in their own words) written in full above its bar.

    >>> print(coverage_voices())  # doctest: +ELLIPSIS
    Stacked bar chart of the voices in DW's report and in 10 other reports... DW, 24 Sep 2022: 15 voices (7 officials, ...
    """
    table = voices_compare(article).frame
    labels = [f"{row.outlet}{'' if row.report == 'DW' else f' ({row.report})'}, {row.date}: "
              f"{_count(row.voices, 'voice')}, {row.unnamed} unnamed, {row.direct} quoted directly"
              for row in table.itertuples()]

    def draw(width: float) -> Figure:
        rows = _Rows(labels, width - 0.25)
        columns = 2 if width >= WIDE else 1
        top, bottom = 0.1, 2 * LINE + 0.3 + _legend_height(len(VOICE_GROUPS), columns)
        figure = _new_figure(width, rows.inches + top + bottom)
        ax = _axes(figure, 0.1, bottom, 0.15, top)
        left = np.zeros(len(table))
        for column, label, colour, hatch in VOICE_GROUPS:
            values = table[column].to_numpy(dtype=float)
            ax.barh(rows.mark_y, values, left=left, height=0.9, color=colour, hatch=hatch,
                    edgecolor="white" if hatch else colour, label=label)
            left += values
        rows.draw(ax)
        ax.set_xlabel("\n".join(_wrap("voices (DW: the whole article; others: the part shown)", width - 0.3)),
                      fontsize=SMALL)
        ax.set_xlim(0, table["voices"].max() * 1.05)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.tick_params(axis="x", labelsize=SMALL)
        ax.grid(axis="x", color=GREYS["grid"])
        ax.set_axisbelow(True)
        figure.legend(loc="lower left", ncols=columns, fontsize=SMALL, frameon=False, bbox_to_anchor=(0.0, 0.0))
        return figure

    parts = [f"{row['outlet'].split(' (')[0]}, {row['date']}: {_count(row['voices'], 'voice')} "
             f"({_count(row['officials'], 'official')}, {row['ordinary people']} ordinary people, "
             f"{_count(row['others'], 'other')}), {row['unnamed']} unnamed, {row['direct']} quoted directly"
             for row in table.to_dict("records")]
    alt = (f"Stacked bar chart of the voices in DW's report and in {len(table) - 1} other reports of the same "
           f"week, by type. " + "; ".join(parts) + ".")
    caption = ("Whom each report quotes, counted as lesson 02 counts. Dark blue, hatched: officials; orange: "
               "ordinary people; light blue, dotted: others. Each report counts only the part of the page the "
               "store shows; DW counts the whole article.")
    return _both(draw, alt, caption)
