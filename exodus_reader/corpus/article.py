"""The article and its annotations, loaded once and ready for questions.

>>> article = load()
>>> article.meta["headline"]
'Russian military call-up sparks major exodus'
>>> len(article.quotes) > 30
True
"""

from __future__ import annotations

import functools
import html
import re
import textwrap
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from .. import paths
from ..errors import OneLineError
from .schema import read_article, read_meta, read_tables

#: Where the data lives (:mod:`exodus_reader.paths` decides: a checkout, a wheel, or EXODUS_READER_DATA).
DATA_DIR = paths.DATA_DIR

_SENTENCE_END = re.compile(r"""[.?!]["']?(?=\s|$)""")
#: Typographic quotes and dashes a person may type, as the article writes them.
_TYPED = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "\u2014"})


@dataclass(frozen=True)
class Match:
    """One place in the article where a search matched."""

    start: int
    end: int
    paragraph_id: str
    text: str


class Matches(list):
    """What a search found: a list of :class:`Match`, shown as each match in its sentence.

    Jupyter shows a table (paragraph, and the sentence with the match marked); ``print``
    gives one line per match, the match in [brackets]. It is a plain list otherwise.

    >>> print(load().search("cannon fodder"))
    2 matches for 'cannon fodder':
    p29  'We are just [cannon fodder]'
    p35  For them, we are just [cannon fodder]."
    """

    def __init__(self, matches: list[Match], query: str = "", sentences: list[tuple[str, str, str]] = ()) -> None:
        super().__init__(matches)
        self.query = query
        #: each match's sentence in three parts: before the match, the match, after it
        self.sentences = list(sentences)

    def _heading(self) -> str:
        if not self:
            return f"No match for {self.query!r}."
        return f"{len(self)} match{'es' if len(self) != 1 else ''} for {self.query!r}:"

    def __repr__(self) -> str:
        lines = [self._heading()]
        for match, (before, found, after) in zip(self, self.sentences):
            lines.append(f"{match.paragraph_id}  " + _plain_spaces(f"{before}[{found}]{after}"))
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        e = html.escape
        rows = "".join(
            f'<tr><th scope="row" style="text-align:left;vertical-align:top;white-space:nowrap;padding-right:1em">'
            f'{match.paragraph_id}</th><td style="text-align:left;min-width:18em">{e(before)}<mark>{e(found)}</mark>'
            f"{e(after)}</td></tr>" for match, (before, found, after) in zip(self, self.sentences))
        caption = f'<caption style="text-align:left">{e(self._heading())}</caption>'
        return (f'<div style="overflow-x:auto;max-width:100%"><table class="exodus-matches">{caption}'
                f'<thead><tr><th style="text-align:left">paragraph</th><th style="text-align:left">the match in '
                f"its sentence</th></tr></thead><tbody>{rows}</tbody></table></div>")


def _plain_spaces(text: str) -> str:
    """Any run of spaces (no-break ones too) as one ordinary space, for plain text.

    >>> _plain_spaces("told DW\xa0he")
    'told DW he'
    """
    return " ".join(text.split())


class ArticleView:
    """The article shown paragraph by paragraph, with its numbers and kinds.

    Jupyter shows it as HTML; ``print`` and ``repr`` give plain text.
    """

    def __init__(self, paragraphs: pd.DataFrame) -> None:
        self._rows = list(paragraphs[["paragraph_id", "kind", "text"]].itertuples(index=False))

    def __repr__(self) -> str:
        lines = []
        for pid, kind, text in self._rows:
            label = f"{pid}  {kind.replace('_', ' '):<12}"
            lines.append(textwrap.fill(text, width=96, initial_indent=label,
                                       subsequent_indent=" " * len(label)))
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        rows = "".join(
            f'<tr><th scope="row" style="text-align:left;vertical-align:top;padding-right:1em">{pid}</th>'
            f'<td style="text-align:left;vertical-align:top;color:#555;padding-right:1em">{kind.replace("_", " ")}</td>'
            f'<td style="text-align:left">{html.escape(text)}</td></tr>'
            for pid, kind, text in self._rows)
        return ('<table class="exodus-article"><caption style="text-align:left">The article, '
                f'paragraph by paragraph</caption><tbody>{rows}</tbody></table>')


class Article:
    """The article's text, its facts and every annotation table.

    Tables come back as copies, so changing one in a notebook never changes
    what the checks and widgets see.
    """

    def __init__(self, text: str, meta: dict, tables: dict[str, pd.DataFrame]) -> None:
        self.text = text
        self.meta = meta
        self._tables = tables
        self._paragraph_bounds = list(zip(tables["paragraphs"]["start"], tables["paragraphs"]["end"],
                                          tables["paragraphs"]["paragraph_id"]))

    @property
    def published(self) -> date:
        """The day the article was published, from ``article.json``.

        >>> load().published
        datetime.date(2022, 9, 24)
        """
        return date.fromisoformat(self.meta["published"])

    # --- the tables -------------------------------------------------------------
    @property
    def paragraphs(self) -> pd.DataFrame:
        """Every paragraph: id, kind (headline, body, caption...), offsets and text."""
        return self._tables["paragraphs"].copy()

    @property
    def sources(self) -> pd.DataFrame:
        """Every voice the article cites or reports, and how it is named and described."""
        return self._tables["sources"].copy()

    @property
    def quotes(self) -> pd.DataFrame:
        """Every statement the article attributes: direct, indirect (reported) and scare quotes."""
        return self._tables["quotes"].copy()

    @property
    def events(self) -> pd.DataFrame:
        """What happened, with dates resolved against the publication date."""
        return self._tables["events"].copy()

    @property
    def places(self) -> pd.DataFrame:
        """Every mention of a place, with its role and an approximate position."""
        return self._tables["places"].copy()

    @property
    def devices(self) -> pd.DataFrame:
        """Framing and editing devices: word choices, hedges, metaphors, captions, errata."""
        return self._tables["devices"].copy()

    @property
    def numbers(self) -> pd.DataFrame:
        """Every number and vague amount, and who stands behind it."""
        return self._tables["numbers"].copy()

    @property
    def frames(self) -> pd.DataFrame:
        """A reference coding of the five generic news frames, body paragraph by paragraph."""
        return self._tables["frames"].copy()

    @property
    def frame_reasons(self) -> pd.DataFrame:
        """The reference coding's reason for each frame of each body paragraph, present or not."""
        return self._tables["frame_reasons"].copy()

    @property
    def entman(self) -> pd.DataFrame:
        """A reading of the article with Entman's four framing functions, each with its evidence."""
        return self._tables["entman"].copy()

    @property
    def verbs(self) -> pd.DataFrame:
        """A glossary of attribution verbs: what each one signals about a statement."""
        return self._tables["verbs"].copy()

    @property
    def references(self) -> pd.DataFrame:
        """The outside sources the module relies on: newsroom rules, research, who owns and
        funds an outlet, each with its web address and a short excerpt.

        >>> load().references.set_index("id").loc["entman-1993", "kind"]
        'framework'
        """
        return self._tables["references"].copy()

    def reference(self, reference_id: str) -> pd.Series:
        """One reference by its id, with a one-line error for an unknown id.

        >>> load().reference("reuters-sourcing")["publisher"]
        'Reuters'
        """
        table = self._tables["references"].set_index("id")
        if reference_id not in table.index:
            raise OneLineError(f"There is no reference {reference_id!r}; article.references lists them all.")
        return table.loc[reference_id].copy()

    @property
    def timeline(self) -> pd.DataFrame:
        """Dated outside facts, each with the report that states it."""
        return self._tables["timeline"].copy()

    # --- reading ----------------------------------------------------------------
    def paragraph(self, paragraph_id: str) -> str:
        """The text of one paragraph.

        >>> load().paragraph("p04")
        'Russian military call-up sparks major exodus'
        """
        for start, end, pid in self._paragraph_bounds:
            if pid == paragraph_id:
                return self.text[start:end]
        known = f"p01 to {self._paragraph_bounds[-1][2]}"
        raise OneLineError(f"There is no paragraph {paragraph_id!r}: paragraphs go from {known}.")

    def paragraph_at(self, offset: int) -> str | None:
        """The id of the paragraph that holds a character offset (None between paragraphs).

        >>> load().paragraph_at(100)
        'p04'
        """
        for start, end, pid in self._paragraph_bounds:
            if start <= offset < end:
                return pid
        return None

    def sentence_bounds(self, start: int, end: int) -> tuple[int, int]:
        """Offsets of the sentence (or sentences) around a span, within its paragraph.

        >>> article = load()
        >>> s, e = article.sentence_bounds(1328, 1330)
        >>> article.text[s:e][:29]
        'The warehouse worker from the'
        """
        pid = self.paragraph_at(start)
        if pid is None:
            return start, end
        p_start, p_end = next((s, e) for s, e, p in self._paragraph_bounds if p == pid)
        left = p_start
        for m in _SENTENCE_END.finditer(self.text, p_start, start):
            left = m.end()
        right_match = _SENTENCE_END.search(self.text, max(end - 1, p_start), p_end)
        right = right_match.end() if right_match else p_end
        while left < start and self.text[left].isspace():
            left += 1
        return left, right

    def in_context(self, start: int, end: int, mark: tuple[str, str] = ("[", "]")) -> str:
        """The sentence around a span, with the span marked.

        >>> article = load()
        >>> q = article.quotes.set_index("quote_id").loc["q04"]
        >>> article.in_context(q.start, q.end)
        'Online media outlet Novaya Gazeta Europe has\\xa0even reported\\xa0government plans to draft up to 1\\xa0million men to serve in the armed forces, [a claim] the Kremlin has denied.'
        """
        left, right = self.sentence_bounds(start, end)
        return self.text[left:start] + mark[0] + self.text[start:end] + mark[1] + self.text[end:right]

    def search(self, query: str) -> Matches:
        """Find a phrase the way a person types it: any case, any kind of space.

        A no-break space in the article matches a typed space, and curly quotes
        match straight ones. The result is a list of :class:`Match`; Jupyter shows
        each match in its sentence.

        >>> [m.paragraph_id for m in load().search("told DW he")]
        ['p13', 'p20', 'p22']
        >>> load().search("TOLD   dw he")[0].text
        'told DW\\xa0he'
        >>> load().search("")
        No match for ''.
        """
        pattern = search_pattern(query)
        found = [] if pattern is None else [Match(m.start(), m.end(), self.paragraph_at(m.start()) or "", m.group())
                                            for m in pattern.finditer(self.text)]
        sentences = []
        for match in found:
            left, right = self.sentence_bounds(match.start, match.end)
            sentences.append((self.text[left:match.start], match.text, self.text[match.end:right]))
        return Matches(found, query, sentences)

    def show(self) -> ArticleView:
        """The whole article with paragraph numbers, as Jupyter shows it.

        >>> print(repr(load().show()).splitlines()[3])
        p04  headline    Russian military call-up sparks major exodus
        """
        return ArticleView(self._tables["paragraphs"])

    # --- questions about the voices ---------------------------------------------
    def source_id(self, who: str) -> str:
        """The source id for an id or any part of a name, in any case.

        >>> load().source_id("klepkin")
        's09'
        """
        sources = self._tables["sources"]
        if who in set(sources["source_id"]):
            return who
        hits = sources[sources["name"].str.contains(who.strip(), case=False, regex=False)]
        if len(hits) == 1:
            return hits["source_id"].iloc[0]
        if hits.empty:
            raise OneLineError(f"No source is called {who!r}; article.sources lists them all.")
        names = ", ".join(hits["name"])
        raise OneLineError(f"{who!r} fits several sources ({names}); type more of the name.")

    def quotes_by(self, who: str) -> pd.DataFrame:
        """All quotes of one source, named by id or by part of its name.

        >>> load().quotes_by("Dennis")["kind"].tolist()
        ['indirect', 'indirect', 'direct']
        """
        quotes = self._tables["quotes"]
        return quotes[quotes["source_id"] == self.source_id(who)].copy()

    def quote_table(self) -> pd.DataFrame:
        """Quotes joined to their sources, with the number of words each quote gives.

        >>> table = load().quote_table()
        >>> int(table.loc[table["quote_id"] == "q04", "words"].iloc[0])
        2
        """
        sources = self._tables["sources"][["source_id", "name", "source_type", "naming", "gender"]]
        table = self._tables["quotes"].merge(sources, on="source_id", how="left")
        table["words"] = table["text"].map(word_count)
        return table


def word_count(text: str) -> int:
    """Words in a piece of text, counting hyphenated words once.

    >>> word_count("We are just cannon fodder")
    5
    >>> word_count("kilometers-long lines")
    2
    """
    return len(re.findall(r"[\w'’-]+", text))


def search_pattern(query: str) -> re.Pattern[str] | None:
    """A regular expression that finds a typed phrase whatever its case and spaces.

    >>> search_pattern("told DW he").pattern
    'told\\\\s+DW\\\\s+he'
    >>> search_pattern("   ") is None
    True
    """
    words = query.translate(_TYPED).split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(word) for word in words), re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def load(data_dir: str | Path | None = None) -> Article:
    """Load the article and its annotations once, checking every rule.

    A broken data file raises :class:`~exodus_reader.errors.AnnotationError`,
    which names the file, the row and the problem in one line.

    >>> load() is load()
    True
    >>> load().meta["published"]
    '2022-09-24'
    """
    folder = Path(data_dir) if data_dir is not None else DATA_DIR
    text = read_article(folder)
    return Article(text, read_meta(folder), read_tables(folder, text))


def given_or_loaded(article: Article | None) -> Article:
    """The article passed in (a test's changed copy, say), or the one :func:`load` gives.

    >>> given_or_loaded(None) is load()
    True
    """
    return article if article is not None else load()
