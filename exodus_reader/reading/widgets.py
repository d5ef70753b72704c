"""Three widgets for investigating the article: a quote explorer, a layered reader, a frame coder.

A notebook shows each with one line::

    from exodus_reader.widgets import QuoteExplorer, ArticleReader, FrameCoder
    QuoteExplorer()

Pure functions decide what to show (which quotes match, the HTML of a quote list,
of the article in layers, of a comparison of codings) and are tested without a
browser; the widget classes only wire controls to them. Results are shown by
setting the value of an HTML widget, so a saved notebook keeps what was last shown.

Colours are those of Okabe and Ito, and no layer relies on colour alone: each
also has its own line style, box, weight or text label, so the article still
reads in greyscale and on a projector.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import ipywidgets as widgets
import pandas as pd

from ..corpus.article import Article, given_or_loaded, search_pattern, word_count
from ..corpus.coverage import NAMING_KINDS, coverage
from ..corpus.schema import FRAMES, UNNAMED
from ..errors import OneLineError
from .frame_coding import (Coding, CodingFileError, Comparison, backup_path, compare_coding, low_kappa_note,
                           read_coding, write_coding)
from .style import GREYS, OKABE_ITO

#: Colours that tell speakers apart (yellow is kept for search highlights, black for text).
SPEAKER_COLOURS: tuple[str, ...] = tuple(OKABE_ITO[name] for name in (
    "orange", "sky blue", "bluish green", "blue", "vermillion", "reddish purple"))


# --- spans of text, rendered as nested HTML ----------------------------------------------
@dataclass(frozen=True)
class Span:
    """A marked stretch of the article: ``text[start:end]`` in article offsets.

    ``classes`` style it, ``title`` is shown on hover, ``before`` and ``after``
    are small text labels set before or after it, and ``order`` decides nesting
    when spans overlap (lower is outer).
    """

    start: int
    end: int
    layer: str
    classes: str
    title: str = ""
    before: str = ""
    after: str = ""
    order: int = 0
    tag: str = "span"


def render_spans(text: str, spans: Sequence[Span], offset: int = 0) -> str:
    """HTML of a piece of text with every span marked, however the spans overlap or nest.

    ``text`` starts at article offset ``offset``. The text is cut at every span
    boundary and each piece is wrapped in all the spans that cover it, so
    overlapping spans never produce broken HTML. Pieces where a span opens or
    closes get the classes ``exr-open`` and ``exr-close``. The text is escaped.

    >>> render_spans("a <b> c", [Span(0, 5, "x", "x"), Span(2, 7, "y", "y", order=1)])
    '<span class="x exr-open">a </span><span class="x exr-close"><span class="y exr-open">&lt;b&gt;</span></span><span class="y exr-close"> c</span>'
    >>> render_spans("said so", [Span(10, 14, "verb", "v", after="sic")], offset=10)
    '<span class="v exr-open exr-close">said</span><sup class="exr-label">sic</sup> so'
    """
    end_of_text = offset + len(text)
    inside = sorted((s for s in spans if s.start < end_of_text and s.end > offset and s.start < s.end),
                    key=lambda s: (s.order, s.start, -s.end))
    bounds = sorted({offset, end_of_text} | {min(max(v, offset), end_of_text)
                                            for s in inside for v in (s.start, s.end)})
    parts = []
    for left, right in zip(bounds, bounds[1:]):
        covering = [s for s in inside if s.start <= left and s.end >= right]
        parts.extend(_label(s.before) for s in covering if s.start == left and s.before)
        for span in covering:
            flags = (" exr-open" if span.start == left else "") + (" exr-close" if span.end == right else "")
            title = f' title="{html.escape(span.title)}"' if span.title else ""
            parts.append(f'<{span.tag} class="{span.classes}{flags}"{title}>')
        parts.append(html.escape(text[left - offset:right - offset]))
        parts.extend(f"</{span.tag}>" for span in reversed(covering))
        parts.extend(_label(s.after) for s in covering if s.end == right and s.after)
    return "".join(parts)


def _label(text: str) -> str:
    return f'<sup class="exr-label">{html.escape(text)}</sup>'


# --- the layers of the article reader -----------------------------------------------------
@dataclass(frozen=True)
class Layer:
    """One layer of the article reader: what it marks and how it looks with and without colour."""

    key: str
    label: str
    #: the layer's own colour; empty for quotes (coloured by speaker) and errata (marked by a label)
    colour: str
    cue: str
    #: CSS for the look without colour (line style, weight, box, label); colour is added separately.
    css: str


LAYERS: tuple[Layer, ...] = (
    Layer("quotes", "Quotes by speaker", "", "tinted, with a bar at each end and the speaker's name before it",
          "padding:0 1px"),
    Layer("verbs", "Attribution verbs", OKABE_ITO["blue"], "bold, with a solid underline",
          "font-weight:bold;text-decoration:underline solid 2px;text-underline-offset:3px"),
    Layer("hedges", "Hedges and distancing", OKABE_ITO["vermillion"], "wavy underline",
          "text-decoration:underline wavy 1.5px;text-underline-offset:7px;text-decoration-skip-ink:none"),
    Layer("places", "Places", OKABE_ITO["bluish green"], "dotted underline",
          "text-decoration:underline dotted 2.5px;text-underline-offset:7px;text-decoration-skip-ink:none"),
    Layer("dates", "Dates and times", OKABE_ITO["reddish purple"], "in a box",
          "border-top:1.5px solid;border-bottom:1.5px solid;padding:1px 0"),
    Layer("numbers", "Numbers and amounts", OKABE_ITO["orange"], "double underline",
          "text-decoration:underline double 3px;text-underline-offset:3px;text-decoration-skip-ink:none"),
    Layer("errata", "Typing errors", "", "in italics, marked “sic”",
          "font-style:italic"),
)
LAYER_KEYS: tuple[str, ...] = tuple(layer.key for layer in LAYERS)
#: What the reader shows before a student changes anything.
DEFAULT_LAYERS: tuple[str, ...] = ("quotes", "verbs")


def _stylesheet() -> str:
    """The CSS that every widget's HTML carries (classes are prefixed, so nothing else changes)."""
    rules = [f".exr-{layer.key}{{{layer.css}}}" for layer in LAYERS]
    rules += [f".exr-{layer.key}{{text-decoration-color:{layer.colour}}}" for layer in LAYERS
              if layer.colour and "text-decoration" in layer.css]
    rules += [f".exr-c{i}{{background-color:{colour}33;border-color:{colour}}}"
              for i, colour in enumerate(SPEAKER_COLOURS)]
    # Longhand properties only below, so the colours set above are kept.
    rules += [
        f".exr-dates{{border-color:{OKABE_ITO['reddish purple']}}}",
        ".exr-dates.exr-open{border-left-style:solid;border-left-width:1.5px;border-top-left-radius:4px;"
        "border-bottom-left-radius:4px}",
        ".exr-dates.exr-close{border-right-style:solid;border-right-width:1.5px;border-top-right-radius:4px;"
        "border-bottom-right-radius:4px}",
        ".exr-quotes.exr-open{border-left-style:solid;border-left-width:3px}",
        ".exr-quotes.exr-close{border-right-style:solid;border-right-width:3px}",
        ".exr-label{font-size:max(12px,0.8em);font-style:normal;font-weight:normal;padding:0 2px;margin:0 1px;"
        f"border:1px solid {GREYS['border']};border-radius:3px;background:#fff;color:#000;text-decoration:none}}",
        f"mark.exr-match{{background:{OKABE_ITO['yellow']};color:#000;border-top:1.5px solid #000;"
        "border-bottom:1.5px solid #000}",
        "mark.exr-match.exr-open{border-left:1.5px solid #000}",
        "mark.exr-match.exr-close{border-right:1.5px solid #000}",
        ".exr-article{max-height:36em;overflow-y:auto;line-height:2.3;padding-right:0.5em}",
        ".exr-article p{margin:0 0 0.6em 0}",
        ".exr-pid{font-weight:bold;margin-right:0.5em}",
        f".exr-kind{{font-size:max(12px,0.9em);color:{GREYS['small text']};margin-right:0.5em}}",
        ".exr-legend{line-height:2.3}",
        ".exr-legend li{margin-right:1.2em;display:inline-block}",
        ".exr-legend ul{padding-left:0;margin:0}",
        # The quotes scroll inside a box of their own, so that 34 of them never fill the page.
        ".exr-cards{padding:0 0.5em 0 0;list-style:none;margin:0}",
        f".exr-scroll{{max-height:30em;overflow-y:auto;border-top:1px solid {GREYS['border']};"
        f"border-bottom:1px solid {GREYS['border']}}}",
        f".exr-card{{border-left:4px solid {GREYS['border']};padding:0.3em 0.8em;margin:0.6em 0;line-height:1.45}}",
        ".exr-card blockquote{margin:0.3em 0;line-height:2}",
        # Small text is never under 12 px (JupyterLab's body text is 14 px; one step down is 11.7 px).
        f".exr-small{{font-size:max(12px,0.92em);color:{GREYS['small text']}}}",
        ".exr-status{font-weight:bold}",
        ".exr-block{line-height:1.45}",
        ".exr-table td,.exr-table th{padding:0.15em 0.8em;text-align:left}",
        # A focus ring a keyboard user can see on every control of the three widgets.
        ":is(.exodus-quote-explorer,.exodus-article-reader,.exodus-frame-coder,.exodus-coverage-explorer) "
        ":is(select,input,button):focus,"
        f":is(.exr-article,.exr-scroll):focus{{outline:3px solid {OKABE_ITO['blue']}!important;outline-offset:2px}}",
    ]
    return "<style>" + "".join(rules) + "</style>"


STYLE = _stylesheet()


def short_name(name: str, kind: str, naming: str) -> str:
    """A speaker's name as the small label before each of their quotes.

    >>> short_name("Michail Bayankin", "person", "full name")
    'Bayankin'
    >>> short_name("'they' (the Russian government)", "government", "pronoun only")
    "'they'"
    """
    if kind == "person" and naming == "full name":
        return name.split()[-1]
    return name.split(" (")[0]


def _present(value: object) -> bool:
    return not pd.isna(value) and value != ""


@functools.lru_cache(maxsize=8)
def _article_spans(article: Article) -> tuple[Span, ...]:
    """Every span of every layer of the article reader (computed once per article)."""
    spans: list[Span] = []
    sources = article.sources.set_index("source_id")
    colours = _speaker_colours(article)
    for q in article.quotes.itertuples():
        who = sources.loc[q.source_id]
        spans.append(Span(q.start, q.end, "quotes", f"exr-quotes exr-c{colours[q.source_id]}",
                          f"{q.quote_id}: {who['name']} ({q.kind})",
                          before=short_name(who["name"], who["kind"], who["naming"]), order=0))
        if _present(q.verb_start):
            spans.append(Span(int(q.verb_start), int(q.verb_end), "verbs", "exr-verbs",
                              f"{q.quote_id}: attribution verb '{q.verb_lemma}'", order=2))
        if q.kind == "scare":
            spans.append(Span(q.start, q.end, "hedges", "exr-hedges", f"{q.quote_id}: {q.note}", order=3))
    for d in article.devices.itertuples():
        if d.kind in ("hedge", "erratum"):
            layer = "hedges" if d.kind == "hedge" else "errata"
            spans.append(Span(d.start, d.end, layer, f"exr-{layer}", f"{d.device_id}: {d.note}",
                              after="sic" if layer == "errata" else "", order=3))
    for p in article.places.itertuples():
        spans.append(Span(p.start, p.end, "places", "exr-places", f"{p.place}: {p.role}", order=4))
    for e in article.events.itertuples():
        if _present(e.date_start):
            spans.append(Span(int(e.date_start), int(e.date_end), "dates", "exr-dates",
                              f"{e.date or 'no date'}: {e.resolution}", order=1))
    for n in article.numbers.itertuples():
        spans.append(Span(n.start, n.end, "numbers", "exr-numbers", f"{n.what} ({n.status})", order=5))
    return tuple(spans)


@functools.lru_cache(maxsize=8)
def _speaker_colours(article: Article) -> dict[str, int]:
    """Each quoted source's colour, in order of first quote (colours repeat; labels tell them apart)."""
    first_seen = dict.fromkeys(article.quotes["source_id"])
    return {sid: i % len(SPEAKER_COLOURS) for i, sid in enumerate(first_seen)}


def _chosen_layers(layers: Iterable[str]) -> tuple[str, ...]:
    chosen = tuple(layers)
    unknown = [key for key in chosen if key not in LAYER_KEYS]
    if unknown:
        raise OneLineError(f"There is no layer {unknown[0]!r}; the layers are {', '.join(LAYER_KEYS)}.")
    return tuple(key for key in LAYER_KEYS if key in chosen)


def layered_article_html(layers: Iterable[str] = DEFAULT_LAYERS, article: Article | None = None) -> str:
    """The whole article as HTML, paragraph by paragraph, with the chosen layers marked.

    >>> page = layered_article_html(["errata"])
    >>> page.count('<sup class="exr-label">sic</sup>')
    7
    >>> '<span class="exr-pid">p30</span>' in page
    True
    """
    article = given_or_loaded(article)
    return _layered_article_html(_chosen_layers(layers), article)


@functools.lru_cache(maxsize=256)
def _layered_article_html(layers: tuple[str, ...], article: Article) -> str:
    spans = [span for span in _article_spans(article) if span.layer in layers]
    rows = []
    for p in article.paragraphs.itertuples():
        inside = [s for s in spans if p.start <= s.start < p.end]
        rows.append(f'<p><span class="exr-pid">{p.paragraph_id}</span><span class="exr-kind">'
                    f'{p.kind.replace("_", " ")}</span>{render_spans(p.text, inside, p.start)}</p>')
    return (f'{STYLE}<div class="exr-article" tabindex="0" role="region" aria-label="The article">'
            + "".join(rows) + "</div>")


def legend_html(layers: Iterable[str] = DEFAULT_LAYERS, article: Article | None = None) -> str:
    """A legend for the chosen layers: a sample of each, and in words how it looks without colour.

    >>> print(legend_html(["verbs"]).split("<li>")[1])
    <span class="exr-verbs exr-open exr-close">said</span> attribution verbs: bold, with a solid underline</li></ul></div>
    """
    return _legend_html(_chosen_layers(layers), given_or_loaded(article))


@functools.lru_cache(maxsize=256)
def _legend_html(chosen: tuple[str, ...], article: Article) -> str:
    if not chosen:
        return f'{STYLE}<div class="exr-legend">No layer is switched on: tick one above to mark the text.</div>'
    samples = {"verbs": "said", "hedges": "so-called", "places": "Riga", "dates": "on Wednesday",
               "numbers": "300,000", "errata": "Minster"}
    items = []
    for layer in LAYERS:
        if layer.key not in chosen:
            continue
        if layer.key == "quotes":
            items.extend(_speaker_sample(article))
            continue
        after = "sic" if layer.key == "errata" else ""
        sample = render_spans(samples[layer.key], [Span(0, len(samples[layer.key]), layer.key,
                                                        f"exr-{layer.key}", after=after)])
        items.append(f"<li>{sample} {layer.label.lower()}: {layer.cue}</li>")
    return f'{STYLE}<div class="exr-legend"><ul>{"".join(items)}</ul></div>'


def _speaker_sample(article: Article) -> list[str]:
    sources = article.sources.set_index("source_id")
    items = [f"<li>Quotes are {LAYERS[0].cue}:</li>"]
    for sid, colour in _speaker_colours(article).items():
        who = sources.loc[sid]
        label = short_name(who["name"], who["kind"], who["naming"])
        span = Span(0, len(who["name"]), "quotes", f"exr-quotes exr-c{colour}", before=label)
        items.append(f"<li>{render_spans(who['name'], [span])}</li>")
    return items


# --- the quote explorer -------------------------------------------------------------------
KIND_OPTIONS: tuple[tuple[str, str], ...] = (
    ("All kinds", "all"), ("Direct (in quotation marks)", "direct"),
    ("Reported (indirect speech)", "indirect"), ("Scare quotes (nobody says them)", "scare"))
KIND_NAMES: dict[str, str] = {"direct": "direct quote", "indirect": "reported speech", "scare": "scare quotes"}
KIND_COUNTS: dict[str, str] = {"direct": "direct", "indirect": "reported", "scare": "scare quotes"}


@dataclass(frozen=True)
class QuoteCard:
    """One quote with everything the explorer shows about it, worked out once."""

    quote_id: str
    source_id: str
    kind: str
    paragraph_id: str
    #: the sentence (or sentences) around the quote and its verb, and where it starts
    passage_start: int
    passage: str
    #: where the search looks: the quote, its attribution verb and the words between them
    searched: tuple[int, int]
    spans: tuple[Span, ...]
    head_html: str
    passage_html: str


@dataclass(frozen=True)
class QuoteHit:
    """A quote that matches the filters, and where the search words stand (article offsets)."""

    card: QuoteCard
    matches: tuple[tuple[int, int], ...] = ()


@functools.lru_cache(maxsize=8)
def _quote_cards(article: Article) -> tuple[QuoteCard, ...]:
    sources = article.sources.set_index("source_id")
    quotes = article.quotes.set_index("quote_id")
    colours = _speaker_colours(article)
    cards = []
    for q in article.quotes.itertuples():
        has_verb = _present(q.verb_start)
        first = min(q.start, int(q.verb_start)) if has_verb else q.start
        last = max(q.end, int(q.verb_end)) if has_verb else q.end
        left, right = article.sentence_bounds(first, last)
        spans = [Span(q.start, q.end, "quotes", f"exr-quotes exr-c{colours[q.source_id]}", order=0)]
        if has_verb:
            spans.append(Span(int(q.verb_start), int(q.verb_end), "verbs", "exr-verbs", order=2))
        passage = article.text[left:right]
        cards.append(QuoteCard(q.quote_id, q.source_id, q.kind, q.paragraph_id, left, passage, (first, last),
                               tuple(spans),
                               _card_head(q, sources, quotes), render_spans(passage, spans, left)))
    return tuple(cards)


def _card_head(q: object, sources: pd.DataFrame, quotes: pd.DataFrame) -> str:
    """The lines above a quote's passage: who, how they are named and described, and the verb."""
    e = html.escape
    who = sources.loc[q.source_id]
    words = word_count(q.text)
    lines = [f'<b>{e(who["name"])}</b> · {KIND_NAMES[q.kind]} · {q.paragraph_id} · {q.quote_id} · '
             f'{words} word{"s" if words != 1 else ""}']
    if who["kind"] == "unattributed":
        lines.append(f'<span class="exr-small">{e(who["description"])}</span>')
    else:
        lines.append(f'<span class="exr-small">{e(who["source_type"]).capitalize()}; named by: {e(who["naming"])}; '
                     f'introduced in {who["paragraph_id"]} as “{e(who["text"])}”. {e(who["description"])}</span>')
    if _present(q.verb):
        lines.append(f"Attribution verb: <b>{e(q.verb)}</b>")
    elif q.kind != "scare":
        lines.append("No attribution verb of its own.")
    if _present(q.nested_in):
        holder = sources.at[quotes.at[q.nested_in, "source_id"], "name"]
        lines.append(f"Reported inside {q.nested_in}, a quote by {e(holder)}.")
    if _present(q.note):
        lines.append(f'<span class="exr-small">Note: {e(q.note)}</span>')
    return "<br>".join(lines)


def quote_cards(article: Article | None = None) -> tuple[QuoteCard, ...]:
    """Every quote of the article, ready to show: its passage, who says it, and how.

    The passage is the sentence (or sentences) around the quote and its
    attribution verb, so a reader sees the quote in its place.

    >>> card = quote_cards()[4]
    >>> card.quote_id, card.paragraph_id, card.passage[:23]
    ('q05', 'p13', '"I am not really scared')
    """
    return _quote_cards(given_or_loaded(article))


def speaker_options(cards: Sequence[QuoteCard], article: Article | None = None) -> list[tuple[str, str]]:
    """The speaker menu: "All speakers", then every source with quotes and how many it has.

    >>> speaker_options(quote_cards())[:2]
    [('All speakers (35)', 'all'), ('Russian Defense Ministry (1)', 's01')]
    """
    names = given_or_loaded(article).sources.set_index("source_id")["name"]
    counts: dict[str, int] = {}
    for card in cards:
        counts[card.source_id] = counts.get(card.source_id, 0) + 1
    return [(f"All speakers ({len(cards)})", "all")] + [(f"{names[sid]} ({n})", sid) for sid, n in counts.items()]


def filter_quotes(cards: Sequence[QuoteCard], speaker: str = "all", kind: str = "all",
                  query: str = "") -> list[QuoteHit]:
    """The quotes of one speaker (or all), of one kind (or all), that hold the search words.

    The search looks in the quote, its attribution verb and the words between
    them ("told DW he" finds quotes introduced by "told DW"). It ignores case
    and the kind of space between words (a no-break space matches a typed
    one), as :meth:`Article.search` does.

    >>> cards = quote_cards()
    >>> [hit.card.quote_id for hit in filter_quotes(cards, speaker="s09")]
    ['q18', 'q35']
    >>> [hit.card.quote_id for hit in filter_quotes(cards, kind="direct", query="CANNON  fodder")]
    ['q19', 'q33']
    >>> filter_quotes(cards, query="Tolstoy")
    []
    """
    pattern = search_pattern(query)
    hits = []
    for card in cards:
        if speaker not in ("all", card.source_id) or kind not in ("all", card.kind):
            continue
        if pattern is None:
            hits.append(QuoteHit(card))
            continue
        start, end = card.searched
        skip = card.passage_start
        matches = tuple((m.start() + skip, m.end() + skip)
                        for m in pattern.finditer(card.passage, start - skip, end - skip))
        if matches:
            hits.append(QuoteHit(card, matches))
    return hits


def elsewhere_html(query: str, article: Article | None = None) -> str:
    """Where typed words stand outside the quotes: the paragraphs of the article that hold them.

    The quote explorer searches only the quotes and the words that introduce them, so a
    place such as "Kazakhstan" finds no quote. This says so, and offers the paragraphs.

    >>> "p08, p09 and p15" in elsewhere_html("Kazakhstan")
    True
    >>> elsewhere_html("Tolstoy")
    '<p>The words do not stand anywhere else in the article either.</p>'
    """
    a = given_or_loaded(article)
    pids = list(dict.fromkeys(m.paragraph_id for m in a.search(query) if m.paragraph_id))
    if not pids:
        return "<p>The words do not stand anywhere else in the article either.</p>"
    listed = " and ".join(", ".join(pids).rsplit(", ", 1))
    items = "".join(f"<li><b>{pid}</b> {html.escape(a.paragraph(pid))}</li>" for pid in pids)
    return (f"<p>They do stand elsewhere in the article, outside any quote: {listed}. You can read "
            f"these paragraphs with the article reader below, or with <code>article.search</code>.</p>"
            f"<ul class='exr-cards'>{items}</ul>")


def render_quotes_html(hits: Sequence[QuoteHit], total: int, query: str = "") -> str:
    """The explorer's result: a count, then each quote in its passage, search words in ``<mark>``.

    With no match for typed words, it says what was searched, and where else the words stand.

    >>> cards = quote_cards()
    >>> page = render_quotes_html(filter_quotes(cards, query="told DW he"), len(cards))
    >>> "3 of 35 quotes (3 reported)" in page, '<mark class="exr-match exr-open">told DW</mark>' in page
    (True, True)
    >>> "No quote matches" in render_quotes_html([], len(cards))
    True
    >>> "only in the quotes" in render_quotes_html([], len(cards), "Kazakhstan")
    True
    """
    if not hits:
        searched = ""
        if query.strip():
            searched = (f"<p>The search looked for “{html.escape(query.strip())}” only in the quotes, their "
                        f"attribution verbs and the words between them, not in the rest of the article.</p>"
                        f"{elsewhere_html(query)}")
        return (f'{STYLE}<p class="exr-status" role="status">0 of {total} quotes</p>'
                "<p>No quote matches these choices. Try fewer or other words, or choose "
                f"“All speakers” and “All kinds”.</p>{searched}")
    kinds = {name: sum(hit.card.kind == kind for hit in hits) for kind, name in KIND_COUNTS.items()}
    breakdown = ", ".join(f"{n} {name}" for name, n in kinds.items() if n)
    items = [f'<li class="exr-card">{hit.card.head_html}<blockquote>{_passage_html(hit)}</blockquote></li>'
             for hit in hits]
    return (f'{STYLE}<p class="exr-status" role="status">{len(hits)} of {total} quotes ({breakdown})</p>'
            f'<div class="exr-scroll" tabindex="0" role="region" aria-label="The quotes found">'
            f'<ol class="exr-cards">{"".join(items)}</ol></div>')


def _passage_html(hit: QuoteHit) -> str:
    if not hit.matches:
        return hit.card.passage_html
    marks = [Span(s, e, "match", "exr-match", order=9, tag="mark") for s, e in hit.matches]
    return render_spans(hit.card.passage, hit.card.spans + tuple(marks), hit.card.passage_start)


# --- the frame coder: what it shows -------------------------------------------------------
#: The five frames as the coder names them.
FRAME_LABELS: dict[str, str] = {
    "responsibility": "responsibility", "conflict": "conflict", "economic": "economic consequences",
    "human_interest": "human interest", "morality": "morality"}
#: The question behind each frame, paraphrased from Semetko and Valkenburg (2000).
FRAME_QUESTIONS: dict[str, str] = {
    "responsibility": "Does it say that a government, a group or a person caused the problem or can solve it?",
    "conflict": "Does it show disagreement or reproach between people, groups or countries?",
    "economic": "Does it speak of money: costs, losses, gains or other economic consequences?",
    "human_interest": "Does it give the story a human face: a person's own experience or feelings?",
    "morality": "Does it carry a moral message, or say how people ought to behave?",
}


def _frame_list(frames: Iterable[str]) -> str:
    return " and ".join(", ".join(FRAME_LABELS[f] for f in frames).rsplit(", ", 1))


def comparison_html(comparison: Comparison) -> str:
    """The comparison with the reference: agreement and Cohen's kappa per frame, then the differences.

    >>> from exodus_reader import load
    >>> from exodus_reader.reading.frame_coding import compare_coding
    >>> "not coded any paragraph yet" in comparison_html(compare_coding({}, load().frames))
    True
    """
    if not comparison.paragraph_ids:
        return (f'{STYLE}<p class="exr-block">You have not coded any paragraph yet. Tick the frames you see in '
                "a paragraph (or “No frame here”), and the comparison appears here.</p>")
    n = len(comparison.paragraph_ids)
    rows = []
    for a in comparison.frames:
        kappa = "undefined: you both gave every paragraph the same answer" if a.kappa is None else f"{a.kappa:.2f}"
        rows.append(f"<tr><th scope='row'>{FRAME_LABELS[a.frame]}</th><td>{a.student_yes}</td>"
                    f"<td>{a.reference_yes}</td><td>{a.agreed} of {a.compared} ({a.agreed / a.compared:.0%})</td>"
                    f"<td>{kappa}</td></tr>")
    table = ("<table class='exr-table'><caption style='text-align:left'>Compared on the "
             f"{n} paragraph{'s' if n != 1 else ''} you have coded</caption><thead><tr><th>frame</th>"
             "<th>you ticked</th><th>reference ticked</th><th>percent agreement</th><th>Cohen's kappa</th>"
             f"</tr></thead><tbody>{''.join(rows)}</tbody></table>")
    explain = ("<p class='exr-small'>Percent agreement counts the paragraphs where you and the reference "
               "gave the same answer. Kappa is 1 when you agree on every paragraph, and 0 when you agree no "
               "more often than chance would. With few paragraphs, one difference moves it a lot.</p>")
    notes = [note for note in (low_kappa_note(a, FRAME_LABELS[a.frame]) for a in comparison.frames) if note]
    if notes:
        explain += ("<p class='exr-small'>Why kappa can be low when you agree on nearly every paragraph:</p>"
                    "<ul class='exr-small'>" + "".join(f"<li>{html.escape(n)}</li>" for n in notes) + "</ul>")
    return f'{STYLE}<div class="exr-block">{table}{explain}{_differences_html(comparison)}</div>'


def _differences_html(comparison: Comparison) -> str:
    if not comparison.differences:
        return "<p>You and the reference agree on every paragraph you coded.</p>"
    items = []
    for d in comparison.differences:
        if d.reasons:  # one reason for each frame where you differ
            frames = []
            for frame, reason in d.reasons:
                who = "you ticked it, the reference did not" if frame in d.student_only else \
                    "the reference ticked it, you did not"
                frames.append(f"<li><b>{FRAME_LABELS[frame]}</b>: {who}.<br><span class='exr-small'>The "
                              f"reference's reason: {html.escape(reason)}</span></li>")
            items.append(f"<li><b>{d.paragraph_id}</b><ul>{''.join(frames)}</ul></li>")
            continue
        said = []
        if d.student_only:
            said.append(f"you ticked {_frame_list(d.student_only)}, the reference did not")
        if d.reference_only:
            said.append(f"the reference ticked {_frame_list(d.reference_only)}, you did not")
        items.append(f"<li><b>{d.paragraph_id}</b>: {'; '.join(said)}.<br>"
                     f"<span class='exr-small'>The reference's reason: {html.escape(d.justification)}</span></li>")
    return (f"<p>Where you differ ({len(items)} paragraph{'s' if len(items) != 1 else ''}):</p>"
            f"<ul>{''.join(items)}</ul>")


def paragraph_html(paragraph_id: str, article: Article | None = None) -> str:
    """One paragraph with its number, as the frame coder shows it.

    >>> paragraph_html("p29")
    '<p class="exr-block"><b>p29</b> &#x27;We are just cannon fodder&#x27;</p>'
    """
    text = given_or_loaded(article).paragraph(paragraph_id)
    return f'<p class="exr-block"><b>{paragraph_id}</b> {html.escape(text)}</p>'


# --- the widgets --------------------------------------------------------------------------
_WIDE = {"description_width": "initial"}


class QuoteExplorer(widgets.VBox):
    """Filter the article's quotes by speaker, kind and words, and read each in its sentence.

    ``speaker`` may be a source id or part of a name; ``kind`` is "all",
    "direct", "reported" (or "indirect") or "scare".

    >>> explorer = QuoteExplorer(speaker="Klepkin")
    >>> explorer.count
    2
    >>> explorer.speaker_menu.value = "all"
    >>> explorer.count
    35
    """

    def __init__(self, article: Article | None = None, speaker: str = "all", kind: str = "all",
                 query: str = "") -> None:
        super().__init__()
        self.article = given_or_loaded(article)
        self.cards = quote_cards(self.article)
        options = speaker_options(self.cards, self.article)
        self.speaker_menu = widgets.Dropdown(options=options, value=_speaker_value(self.article, options, speaker),
                                             description="Speaker", style=_WIDE)
        self.kind_menu = widgets.Dropdown(options=KIND_OPTIONS, value=_kind_value(kind), description="Kind",
                                          style=_WIDE)
        self.search_box = widgets.Text(value=query, description="Search", placeholder="words, e.g. told DW",
                                       continuous_update=True, style=_WIDE)
        self.results = widgets.HTML()
        self.count = 0
        for control in (self.speaker_menu, self.kind_menu, self.search_box):
            control.observe(self.update, names="value")
        self.speaker_menu.add_class("exodus-quote-speaker")
        self.kind_menu.add_class("exodus-quote-kind")
        self.search_box.add_class("exodus-quote-search")
        self.results.add_class("exodus-quote-results")
        self.add_class("exodus-quote-explorer")
        self.children = [widgets.HBox([self.speaker_menu, self.kind_menu, self.search_box],
                                      layout=widgets.Layout(flex_flow="row wrap")), self.results]
        self.update()

    def update(self, change: object = None) -> None:
        """Show the quotes that match the current choices."""
        hits = filter_quotes(self.cards, self.speaker_menu.value, self.kind_menu.value, self.search_box.value)
        self.count = len(hits)
        self.results.value = render_quotes_html(hits, len(self.cards), self.search_box.value)

    def __repr__(self) -> str:
        return f"QuoteExplorer({len(self.cards)} quotes; run the cell in Jupyter to use it)"


def _speaker_value(article: Article, options: Sequence[tuple[str, str]], speaker: str) -> str:
    if speaker == "all":
        return speaker
    source_id = article.source_id(speaker)
    if source_id not in {value for _, value in options}:
        raise OneLineError(f"{article.sources.set_index('source_id').at[source_id, 'name']} has no quotes; "
                           "the Speaker menu lists every voice that has.")
    return source_id


def _kind_value(kind: str) -> str:
    kind = {"reported": "indirect"}.get(kind, kind)
    if kind not in {value for _, value in KIND_OPTIONS}:
        raise OneLineError(f"There is no kind of quote {kind!r}; choose all, direct, reported or scare.")
    return kind


class ArticleReader(widgets.VBox):
    """The article with paragraph numbers, and layers to switch on and off.

    >>> reader = ArticleReader(layers=[])
    >>> reader.toggles["errata"].value = True
    >>> reader.text.value.count("sic</sup>")
    7
    """

    def __init__(self, article: Article | None = None, layers: Iterable[str] = DEFAULT_LAYERS) -> None:
        super().__init__()
        self.article = given_or_loaded(article)
        chosen = _chosen_layers(layers)
        self.toggles = {layer.key: widgets.Checkbox(value=layer.key in chosen, description=layer.label,
                                                    indent=False, layout=widgets.Layout(width="auto",
                                                                                        margin="0 1.5em 0 0"))
                        for layer in LAYERS}
        self.legend = widgets.HTML()
        self.text = widgets.HTML()
        for key, toggle in self.toggles.items():
            toggle.add_class(f"exodus-layer-{key}")
            toggle.observe(self.update, names="value")
        self.add_class("exodus-article-reader")
        self.children = [widgets.HBox(list(self.toggles.values()), layout=widgets.Layout(flex_flow="row wrap")),
                         self.legend, self.text]
        self.update()

    @property
    def layers(self) -> tuple[str, ...]:
        """The layers switched on, in the legend's order.

        >>> ArticleReader(layers=["verbs", "quotes"]).layers
        ('quotes', 'verbs')
        """
        return tuple(key for key, toggle in self.toggles.items() if toggle.value)

    def update(self, change: object = None) -> None:
        """Show the article and the legend for the layers switched on."""
        self.legend.value = legend_html(self.layers, self.article)
        self.text.value = layered_article_html(self.layers, self.article)

    def __repr__(self) -> str:
        return "ArticleReader(the article in layers; run the cell in Jupyter to use it)"


class FrameCoder(widgets.VBox):
    """Tick the frames you see in each body paragraph; every tick is saved at once to a CSV file.

    Creating the coder again (after a kernel restart, say) reads the file back
    and opens the first paragraph not coded yet. A file that cannot be read is
    reported in one line and kept: the first tick moves it aside to a new name
    before a new coding is saved.

    >>> import tempfile
    >>> coder = FrameCoder(Path(tempfile.mkdtemp()) / "frame_coding.csv")
    >>> coder.frame_boxes["conflict"].value = True
    >>> coder.path.read_text().splitlines()[1]
    'p11,0,1,0,0,0'
    """

    def __init__(self, path: str | Path = "frame_coding.csv", article: Article | None = None) -> None:
        super().__init__()
        self.article = given_or_loaded(article)
        self.path = Path(path).absolute()
        if self.path.is_dir():
            raise OneLineError(f"{path} is a folder: give the coder a file name, like FrameCoder(\"frame_coding.csv\").")
        self.reference = self.article.frames
        self.paragraph_ids: list[str] = list(self.reference["paragraph_id"])
        self.message = ""
        self._unreadable = False
        try:
            self.coding: Coding = read_coding(self.path, self.paragraph_ids)
        except CodingFileError as error:
            self.coding = {}
            self._unreadable = True
            self.message = (f"Could not read {error}. This coding starts empty; your first tick moves that file "
                            f"to {backup_path(self.path).name}, so nothing is overwritten.")
        self._syncing = False
        n = len(self.paragraph_ids)
        self.paragraph_menu = widgets.Dropdown(
            options=[(f"{pid} ({i} of {n})", pid) for i, pid in enumerate(self.paragraph_ids, 1)],
            value=next((pid for pid in self.paragraph_ids if pid not in self.coding), self.paragraph_ids[0]),
            description="Paragraph", style=_WIDE)
        self.previous_button = widgets.Button(description="Previous", icon="arrow-left",
                                              tooltip="the paragraph before")
        self.next_button = widgets.Button(description="Next", icon="arrow-right", tooltip="the next paragraph")
        self.paragraph = widgets.HTML()
        self.frame_boxes = {frame: widgets.Checkbox(description=FRAME_LABELS[frame], indent=False,
                                                    layout=widgets.Layout(width="14em"))
                            for frame in FRAMES}
        self.no_frame_box = widgets.Checkbox(description="No frame here", indent=False,
                                             layout=widgets.Layout(width="14em"))
        self.status = widgets.HTML()
        self.compare_button = widgets.ToggleButton(description="Compare with the reference", value=False,
                                                   icon="balance-scale", layout=widgets.Layout(width="auto"))
        self.comparison = widgets.HTML()
        self.paragraph_menu.observe(self._show, names="value")
        self.previous_button.on_click(lambda _: self._step(-1))
        self.next_button.on_click(lambda _: self._step(1))
        for box in self.frame_boxes.values():
            box.observe(self._on_frame, names="value")
        self.no_frame_box.observe(self._on_no_frame, names="value")
        self.compare_button.observe(self._compare, names="value")
        for frame, box in self.frame_boxes.items():
            box.add_class(f"exodus-frame-{frame}")
        self.add_class("exodus-frame-coder")
        rows = [widgets.HBox([box, widgets.HTML(f'<span class="exr-small">{FRAME_QUESTIONS[frame]}</span>')])
                for frame, box in self.frame_boxes.items()]
        rows.append(widgets.HBox([self.no_frame_box,
                                  widgets.HTML('<span class="exr-small">None of the five frames fits.</span>')]))
        self.children = [widgets.HBox([self.paragraph_menu, self.previous_button, self.next_button]),
                         self.paragraph, *rows, self.status, widgets.HBox([self.compare_button]), self.comparison]
        self._show()

    # --- reacting to the student ------------------------------------------------------------
    @property
    def current(self) -> str:
        """The paragraph on screen: at first, the first one not coded yet.

        >>> import tempfile
        >>> FrameCoder(Path(tempfile.mkdtemp()) / "frame_coding.csv").current
        'p11'
        """
        return self.paragraph_menu.value

    def _step(self, by: int) -> None:
        index = self.paragraph_ids.index(self.current) + by
        self.paragraph_menu.value = self.paragraph_ids[min(max(index, 0), len(self.paragraph_ids) - 1)]

    def _show(self, change: object = None) -> None:
        pid = self.current
        row = self.coding.get(pid)
        self._syncing = True
        for frame, box in self.frame_boxes.items():
            box.value = bool(row and row[frame])
        self.no_frame_box.value = row is not None and not any(row.values())
        self._syncing = False
        index = self.paragraph_ids.index(pid)
        self.previous_button.disabled = index == 0
        self.next_button.disabled = index == len(self.paragraph_ids) - 1
        self.paragraph.value = paragraph_html(pid, self.article)
        self._report()

    def _on_frame(self, change: object) -> None:
        if self._syncing:
            return
        row = {frame: int(box.value) for frame, box in self.frame_boxes.items()}
        self.coding[self.current] = row
        self._syncing = True
        self.no_frame_box.value = not any(row.values())
        self._syncing = False
        self.save()

    def _on_no_frame(self, change: object) -> None:
        if self._syncing:
            return
        if self.no_frame_box.value:
            self.coding[self.current] = dict.fromkeys(FRAMES, 0)
            self._syncing = True
            for box in self.frame_boxes.values():
                box.value = False
            self._syncing = False
        else:
            self.coding.pop(self.current, None)
        self.save()

    def save(self) -> None:
        """Write the coding to its file now (an unreadable old file is first moved aside)."""
        try:
            if self._unreadable and self.path.exists():
                kept = backup_path(self.path)
                self.path.rename(kept)
                self.message = f"The file that could not be read is kept as {kept.name}."
            self._unreadable = False
            write_coding(self.path, self.coding, self.paragraph_ids)
        except OSError as error:
            self.message = (f"Could not save to {self.path.name} ({error.strerror or error}); "
                            "your ticks are kept only until the kernel stops.")
        self._report()

    def _report(self) -> None:
        coded = len(self.coding)
        line = (f"{coded} of {len(self.paragraph_ids)} paragraphs coded; every tick is saved in "
                f"<code>{html.escape(self.path.name)}</code>.")
        warning = f"<br>⚠ {html.escape(self.message)}" if self.message else ""
        self.status.value = f'{STYLE}<p class="exr-block" role="status">{line}{warning}</p>'
        self._compare()

    def _compare(self, change: object = None) -> None:
        shown = self.compare_button.value
        self.compare_button.description = "Hide the comparison" if shown else "Compare with the reference"
        self.comparison.value = comparison_html(self.comparison_result()) if shown else ""

    def comparison_result(self) -> Comparison:
        """The coding so far compared with the reference.

        >>> import tempfile
        >>> coder = FrameCoder(Path(tempfile.mkdtemp()) / "frame_coding.csv")
        >>> coder.frame_boxes["conflict"].value = True
        >>> coder.comparison_result().paragraph_ids
        ('p11',)
        """
        return compare_coding(self.coding, self.reference, self.article.frame_reasons)

    def __repr__(self) -> str:
        return f"FrameCoder(saves to {self.path.name}; run the cell in Jupyter to use it)"


# --- the coverage explorer: how other reports name and quote ----------------------------------
#: What the coverage explorer compares: the words for the people leaving, or the voices quoted.
COVERAGE_VIEWS: tuple[tuple[str, str], ...] = (("How they name the people leaving", "naming"),
                                               ("Whom they quote", "voices"))
#: The voice filters: a label and a test on one row of data/coverage/voices.csv.
VOICE_FILTERS: dict[str, str] = {
    "official": "officials", "ordinary person": "ordinary people", "other": "others (neither)",
    "unnamed": "unnamed voices", "direct": "quoted directly", "indirect": "only reported",
}


@dataclass(frozen=True)
class CoverageCard:
    """One row of the coverage set, ready to show: a naming or a voice, with its report and excerpt."""

    view: str
    report_id: str
    outlet: str
    date: str
    url: str
    groups: tuple[str, ...]
    label: str
    detail: str
    place: str
    excerpt: str
    marked: str = ""


def _voice_groups(source_type: str, naming: str, quote_kind: str) -> tuple[str, ...]:
    """The filters a voice belongs to.

    >>> _voice_groups("ordinary person", "first name only", "direct")
    ('ordinary person', 'unnamed', 'direct')
    """
    kind = source_type if source_type in ("official", "ordinary person") else "other"
    return (kind,) + (("unnamed",) if naming in UNNAMED else ()) + (quote_kind,)


@functools.lru_cache(maxsize=4)
def coverage_cards(view: str = "naming") -> tuple[CoverageCard, ...]:
    """Every naming (``view="naming"``) or every voice (``"voices"``) of the coverage set, in report order.

    >>> cards = coverage_cards("naming")
    >>> cards[0].outlet, cards[0].label, cards[0].groups
    ('Reuters', 'exodus', ('exodus',))
    >>> coverage_cards("voices")[3].label, coverage_cards("voices")[3].groups
    ('Sergei', ('ordinary person', 'unnamed', 'direct'))
    """
    if view not in {value for _, value in COVERAGE_VIEWS}:
        raise OneLineError(f"There is no view {view!r}; choose 'naming' or 'voices'.")
    sets = coverage()
    reports = sets.reports.set_index("report_id")
    cards = []
    if view == "naming":
        for row in sets.naming.itertuples():
            report = reports.loc[row.report_id]
            cards.append(CoverageCard(view, row.report_id, report["outlet"], report["date"], report["url"],
                                      (row.kind,), row.words, f"kind: {row.kind}", row.place, row.excerpt, row.words))
    else:
        for row in sets.voices.itertuples():
            report = reports.loc[row.report_id]
            how = "quoted directly" if row.quote_kind == "direct" else "only reported"
            detail = f"{row.source_type}; named by: {row.naming}; {how}"
            if row.note:
                detail += f". Note: {row.note}"
            cards.append(CoverageCard(view, row.report_id, report["outlet"], report["date"], report["url"],
                                      _voice_groups(row.source_type, row.naming, row.quote_kind), row.name, detail,
                                      row.place, row.excerpt))
    return tuple(cards)


def coverage_report_options(cards: Sequence[CoverageCard]) -> list[tuple[str, str]]:
    """The report menu: all reports, then each with its outlet, day and how many rows it has.

    >>> coverage_report_options(coverage_cards("naming"))[:2]
    [('All reports (26)', 'all'), ('r01 Reuters, 22 Sep (3)', 'r01')]
    """
    counts = {r: sum(card.report_id == r for card in cards) for r in dict.fromkeys(c.report_id for c in cards)}
    options = [(f"All reports ({len(cards)})", "all")]
    for row in coverage().reports.itertuples():
        day = pd.Timestamp(row.date)
        options.append((f"{row.report_id} {row.outlet}, {day.day} {day:%b} ({counts.get(row.report_id, 0)})",
                        row.report_id))
    return options


def coverage_group_options(view: str, cards: Sequence[CoverageCard]) -> list[tuple[str, str]]:
    """The Show menu for a view: everything, or one kind of naming, or one group of voices.

    >>> coverage_group_options("voices", coverage_cards("voices"))[4]
    ('unnamed voices (15)', 'unnamed')
    """
    if view == "naming":
        labels = {kind: kind for kind in sorted(NAMING_KINDS)}
    else:
        labels = VOICE_FILTERS
    counts = {key: sum(key in card.groups for card in cards) for key in labels}
    return [(f"everything ({len(cards)})", "all")] + [(f"{label} ({counts[key]})", key)
                                                      for key, label in labels.items()]


def filter_coverage(cards: Sequence[CoverageCard], report: str = "all", group: str = "all") -> list[CoverageCard]:
    """The rows of one report (or all) that belong to one group (or all).

    >>> [card.report_id for card in filter_coverage(coverage_cards("naming"), group="exodus")]
    ['r01', 'r09']
    >>> len(filter_coverage(coverage_cards("voices"), report="r06", group="direct"))
    0
    """
    return [card for card in cards if report in ("all", card.report_id) and group in ("all", *card.groups)]


def render_coverage_html(hits: Sequence[CoverageCard], total: int, view: str = "naming") -> str:
    """The coverage explorer's result: a count, a count per report, then each row with its excerpt.

    >>> cards = coverage_cards("naming")
    >>> page = render_coverage_html(filter_coverage(cards, group="exodus"), len(cards))
    >>> "2 of 26 namings, in 2 reports" in page, '<mark class="exr-match exr-open exr-close">exodus</mark>' in page
    (True, True)
    >>> "Nothing matches" in render_coverage_html([], len(cards))
    True
    """
    what = "namings" if view == "naming" else "voices"
    if not hits:
        return (f'{STYLE}<p class="exr-status" role="status">0 of {total} {what}</p><p>Nothing matches these '
                "choices. In the part of its page that the store shows, this report has no such row: TASS (r03) "
                "and Novaya Gazeta Europe's first report (r04) never name the people leaving. Try “All reports” "
                "or “everything”.</p>")
    e = html.escape
    reports = dict.fromkeys(card.report_id for card in hits)
    per_report = ", ".join(f"{r} {sum(c.report_id == r for c in hits)}" for r in reports)
    items = []
    for card in hits:
        day = pd.Timestamp(card.date)
        if card.marked and card.marked in card.excerpt:
            before, _, after = card.excerpt.partition(card.marked)
            excerpt = (f'{e(before)}<mark class="exr-match exr-open exr-close">{e(card.marked)}</mark>{e(after)}')
        else:
            excerpt = e(card.excerpt)
        items.append(f'<li class="exr-card"><b>{e(card.label)}</b> · {e(card.outlet)} · {day.day} {day:%b %Y} · '
                     f'{e(card.place)} · {card.report_id}<br><span class="exr-small">{e(card.detail)}</span>'
                     f'<blockquote>{excerpt}</blockquote><span class="exr-small">{e(card.url)}</span></li>')
    return (f'{STYLE}<p class="exr-status" role="status">{len(hits)} of {total} {what}, in '
            f'{len(reports)} report{"s" if len(reports) != 1 else ""} ({per_report})</p>'
            f'<div class="exr-scroll" tabindex="0" role="region" aria-label="The rows found">'
            f'<ol class="exr-cards">{"".join(items)}</ol></div>')


class CoverageExplorer(widgets.VBox):
    """Compare how the reports of the coverage set name the people leaving and whom they quote.

    ``view`` is "naming" or "voices"; ``report`` a report id or "all"; ``group`` a kind
    of naming, or for voices one of "official", "ordinary person", "other", "unnamed",
    "direct", "indirect".

    >>> explorer = CoverageExplorer(view="voices", group="unnamed")
    >>> explorer.count
    15
    >>> explorer.view_menu.value = "naming"
    >>> explorer.group_menu.value, explorer.count
    ('all', 26)
    """

    def __init__(self, view: str = "naming", report: str = "all", group: str = "all") -> None:
        super().__init__()
        cards = coverage_cards(view)
        self.view_menu = widgets.Dropdown(options=COVERAGE_VIEWS, value=view, description="Compare", style=_WIDE)
        reports = coverage_report_options(cards)
        if report not in {value for _, value in reports}:
            raise OneLineError(f"There is no report {report!r}; choose 'all' or one of r01 to r{len(reports) - 1:02d}.")
        self.report_menu = widgets.Dropdown(options=reports, value=report, description="Report", style=_WIDE)
        groups = coverage_group_options(view, cards)
        if group not in {value for _, value in groups}:
            raise OneLineError(f"There is no group {group!r} for {view}; choose one of "
                               f"{', '.join(repr(v) for _, v in groups)}.")
        self.group_menu = widgets.Dropdown(options=groups, value=group, description="Show", style=_WIDE)
        self.results = widgets.HTML()
        self.count = 0
        self.view_menu.observe(self._new_view, names="value")
        for control in (self.report_menu, self.group_menu):
            control.observe(self.update, names="value")
        self.add_class("exodus-coverage-explorer")
        self.results.add_class("exodus-coverage-results")
        self.children = [widgets.HBox([self.view_menu, self.report_menu, self.group_menu],
                                      layout=widgets.Layout(flex_flow="row wrap")), self.results]
        self.update()

    def _new_view(self, change: object = None) -> None:
        cards = coverage_cards(self.view_menu.value)
        with self.hold_trait_notifications():
            report = self.report_menu.value
            self.report_menu.options = coverage_report_options(cards)
            self.report_menu.value = report
            self.group_menu.options = coverage_group_options(self.view_menu.value, cards)
            self.group_menu.value = "all"
        self.update()

    def update(self, change: object = None) -> None:
        """Show the rows that match the current choices."""
        cards = coverage_cards(self.view_menu.value)
        hits = filter_coverage(cards, self.report_menu.value, self.group_menu.value)
        self.count = len(hits)
        self.results.value = render_coverage_html(hits, len(cards), self.view_menu.value)

    def __repr__(self) -> str:
        return "CoverageExplorer(the coverage set's namings and voices; run the cell in Jupyter to use it)"
