"""The tables the lessons show: each answers one question about the article from its data.

Every function returns a :class:`Table`. Jupyter shows it in full, with no text cut
off; ``print`` gives plain text; ``table.frame`` hands over the pandas DataFrame for
anyone who wants to sort or filter it. Each function reads the data through
:func:`~exodus_reader.article.load`, or through an ``article`` passed in.

>>> from exodus_reader import lessons
>>> len(lessons.time_expressions())
10
"""

from __future__ import annotations

import html
import re
from datetime import date, timedelta
from urllib.parse import urlparse

import pandas as pd

from .article import Article, load
from .errors import OneLineError
from .schema import ENTMAN_FUNCTIONS, FRAMES

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: Roles of a source that give it a voice: quoted directly, or reported.
SPEAKING_ROLES = frozenset({"quoted", "reported"})
#: Ways of naming a source that leave a reader unable to identify it.
UNNAMED = ("anonymous", "first name only", "unnamed group", "pronoun only")
#: Outlets in the context timeline that a reader must know more about, by web address.
OUTLET_LABELS = {"tass.com": "TASS, Russian state media, reporting the Kremlin's denial"}
AUDIT_GROUPS = ("gender", "source_type", "naming", "kind", "country")


class Sentence(str):
    """A plain sentence that Jupyter shows without quotation marks.

    >>> Sentence("Hello.")
    Hello.
    """

    def __repr__(self) -> str:
        return str(self)


class Table:
    """A table with a caption that Jupyter shows in full.

    >>> table = Table(pd.DataFrame({"word": ["exodus"], "paragraph": ["p04"]}), "A word")
    >>> print(table)
    A word
      word paragraph
    exodus       p04
    >>> table.frame["word"].tolist()
    ['exodus']
    """

    def __init__(self, frame: pd.DataFrame, caption: str) -> None:
        self._frame = frame.reset_index(drop=True)
        self.caption = caption

    @property
    def frame(self) -> pd.DataFrame:
        """The rows as a pandas DataFrame (a copy)."""
        return self._frame.copy()

    def __len__(self) -> int:
        return len(self._frame)

    def __repr__(self) -> str:
        body = self._frame.to_string(index=False) if len(self._frame) else "(no rows)"
        return f"{self.caption}\n{body}"

    def _repr_html_(self) -> str:
        head = "".join(f'<th style="text-align:left">{html.escape(str(c))}</th>' for c in self._frame.columns)
        rows = "".join("<tr>" + "".join(_cell(v) for v in row) + "</tr>"
                       for row in self._frame.itertuples(index=False))
        if not rows:
            rows = f'<tr><td colspan="{len(self._frame.columns)}">(no rows)</td></tr>'
        # A narrow notebook column scrolls the table sideways rather than squeezing its text.
        return (f'<div class="exodus-table-scroll" style="overflow-x:auto;max-width:100%">'
                f'<table class="exodus-table"><caption style="text-align:left">{html.escape(self.caption)}'
                f"</caption><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>")


#: Cells longer than this many characters are prose: they keep a readable width.
PROSE = 60


def _cell(value: object) -> str:
    """One table cell: short words never break, prose keeps a readable width, addresses are links.

    >>> _cell("2022-09-25")
    '<td style="text-align:left;vertical-align:top;white-space:nowrap">2022-09-25</td>'
    >>> "min-width:18em" in _cell("word " * 20)
    True
    """
    text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
    style = "text-align:left;vertical-align:top"
    if text.startswith("https://"):  # a long address may break anywhere, so the table stays readable
        link = f'<a href="{html.escape(text)}" target="_blank" rel="noopener">{html.escape(text)}</a>'
        return f'<td style="{style};overflow-wrap:anywhere;min-width:14em">{link}</td>'
    if len(text) > PROSE:
        style += ";min-width:18em"
    elif len(text) <= 30 and " " not in text.strip() or _SHORT.fullmatch(text):
        style += ";white-space:nowrap"  # ids, dates, numbers, "21 Sep 2022": never cut in two
    return f'<td style="{style}">{html.escape(text)}</td>'


#: Short values that read as one item though they hold spaces: dates, "3 of 5", "2 (1 + 1)".
_SHORT = re.compile(r"(before )?\d{1,2}( to \d{1,2})? [A-Z][a-z]{2} \d{4}|[\d%(),.+ ]{1,20}|\d+ of \d+")


def given_or_loaded(article: Article | None) -> Article:
    """The article passed in (a test's changed copy, say), or the one :func:`load` gives.

    >>> given_or_loaded(None) is load()
    True
    """
    return article if article is not None else load()


def _choose(value: str, allowed: list[str] | tuple[str, ...], what: str) -> str:
    """Return ``value`` if it is allowed, or stop with a one-line list of the choices."""
    if value not in allowed:
        choices = ", ".join(repr(a) for a in allowed)
        raise OneLineError(f"{value!r} is not a {what}; choose one of {choices}.")
    return value


# --- when ------------------------------------------------------------------------------------
def published(article: Article | None = None) -> date:
    """The day the article was published, from ``article.json``.

    >>> published()
    datetime.date(2022, 9, 24)
    """
    return date.fromisoformat(given_or_loaded(article).meta["published"])


def long_date(day: date) -> str:
    """A date the way a reader says it.

    >>> long_date(date(2022, 9, 21))
    'Wednesday 21 September 2022'
    """
    return f"{WEEKDAYS[day.weekday()]} {day.day} {day:%B %Y}"


def resolve(expression: str, article: Article | None = None) -> Sentence:
    """Work out the date a relative time expression points to, counted from publication.

    It knows weekdays ("on Wednesday"), "today", "now", "yesterday", "N days ago",
    "this week" and "last week", which is how a reader resolves them too.

    >>> resolve("on Wednesday")
    'on Wednesday' means Wednesday 21 September 2022: the last Wednesday before publication on Saturday 24 September 2022.
    >>> resolve("this week")
    'this week' means Monday 19 to Saturday 24 September 2022: the week of publication, up to Saturday 24 September 2022.
    >>> resolve("next year")
    Traceback (most recent call last):
    exodus_reader.errors.OneLineError: I cannot resolve 'next year'. Try a weekday ('on Wednesday'), 'today', 'now', 'yesterday', '3 days ago', 'this week' or 'last week'.
    """
    day = published(article)
    said = f"{expression!r} means"
    on = f"publication on {long_date(day)}"
    words = expression.lower().split()
    weekday = next((w for w in WEEKDAYS if w.lower() in words), None)
    ago = re.fullmatch(r"(\d+) days? ago", " ".join(words))
    if weekday is not None:
        back = (day.weekday() - WEEKDAYS.index(weekday)) % 7
        if back == 0:
            return Sentence(f"{said} either the day of {on} itself or the {weekday} a week before: read "
                            "the sentence around it.")
        return Sentence(f"{said} {long_date(day - timedelta(back))}: the last {weekday} before {on}.")
    if words in (["today"], ["now"]):
        return Sentence(f"{said} the time of writing: the day of {on}.")
    if words == ["yesterday"]:
        return Sentence(f"{said} {long_date(day - timedelta(1))}: the day before {on}.")
    if ago:
        back = int(ago.group(1))
        return Sentence(f"{said} {long_date(day - timedelta(back))}: {back} days before {on}.")
    if words in (["this", "week"], ["last", "week"]):
        monday = day - timedelta(day.weekday())
        if words[0] == "this":
            return Sentence(f"{said} {_span(monday, day)}: the week of publication, up to {long_date(day)}.")
        return Sentence(f"{said} {_span(monday - timedelta(7), monday - timedelta(1))}: the week before "
                        f"the week of {on}.")
    raise OneLineError(f"I cannot resolve {expression!r}. Try a weekday ('on Wednesday'), 'today', 'now', "
                       "'yesterday', '3 days ago', 'this week' or 'last week'.")


def _span(first: date, last: date) -> str:
    """Two days as a reader writes them, the month and year said once where they are shared.

    >>> _span(date(2022, 8, 29), date(2022, 9, 3))
    'Monday 29 August to Saturday 3 September 2022'
    """
    left = f"{WEEKDAYS[first.weekday()]} {first.day}"
    if (first.year, first.month) != (last.year, last.month):
        left += f" {first:%B}" + ("" if first.year == last.year else f" {first.year}")
    return f"{left} to {long_date(last)}"


def show_date(value: str) -> str:
    """An ISO date, range or bound from events.csv, written for a reader.

    >>> show_date("2022-09-21"), show_date("2022-09-21/2022-09-24"), show_date("../1922-09-24"), show_date("")
    ('21 Sep 2022', '21 to 24 Sep 2022', 'before 24 Sep 1922', 'no date')
    """
    if not value:
        return "no date"
    if value.startswith("../"):
        return "before " + show_date(value[3:])
    if "/" in value:
        first, last = (date.fromisoformat(v) for v in value.split("/"))
        start = f"{first.day}" if (first.year, first.month) == (last.year, last.month) else f"{first:%d %b %Y}".lstrip("0")
        return f"{start} to {last.day} {last:%b %Y}"
    day = date.fromisoformat(value)
    return f"{day.day} {day:%b %Y}"


def time_expressions(article: Article | None = None) -> Table:
    """Every time expression in the article, what it resolves to, and how.

    >>> table = time_expressions().frame
    >>> table.loc[table["as written"] == "on Wednesday", "resolved"].item()
    '21 Sep 2022'
    """
    events = given_or_loaded(article).events
    events = events[events["date_as_written"] != ""]
    frame = pd.DataFrame({
        "paragraph": events["paragraph_id"], "as written": events["date_as_written"],
        "resolved": events["date"].map(show_date), "what happened": events["description"],
        "how it was worked out": events["resolution"]})
    return Table(frame, "Time expressions in the article, resolved against the publication date")


def event_dates(article: Article | None = None) -> pd.DataFrame:
    """Each event with the first and last day it may have happened (NaT when unknown).

    "Before" events and undated ones end on their bound or on publication day.

    >>> dates = event_dates().set_index("event_id")
    >>> str(dates.loc["e02", "first"].date()), str(dates.loc["e17", "last"].date())
    ('2022-09-21', '2022-09-24')
    """
    events = given_or_loaded(article).events
    day = pd.Timestamp(published(article))
    firsts, lasts = [], []
    for value in events["date"]:
        if value.startswith("../"):
            firsts.append(pd.NaT)
            lasts.append(pd.Timestamp(value[3:]))
        elif "/" in value:
            first, last = value.split("/")
            firsts.append(pd.Timestamp(first))
            lasts.append(pd.Timestamp(last))
        elif value:
            firsts.append(pd.Timestamp(value))
            lasts.append(pd.Timestamp(value))
        else:
            firsts.append(pd.NaT)
            lasts.append(day)
    return events.assign(first=firsts, last=lasts)


# --- where -----------------------------------------------------------------------------------
def places_table(role: str | None = None, article: Article | None = None) -> Table:
    """Every place the article names, with its roles in the story and where it is named.

    >>> places_table("destination by air").frame["place"].tolist()
    ['United Arab Emirates', 'Turkey']
    """
    places = given_or_loaded(article).places
    if role is not None:
        _choose(role, sorted(set(places["role"])), "role in places.csv")
        places = places[places["place"].isin(places.loc[places["role"] == role, "place"])]
    grouped = places.groupby("place", sort=False).agg(
        kind=("kind", "first"), roles=("role", _joined), paragraphs=("paragraph_id", _joined))
    caption = "Places the article names" + (f", where one role is '{role}'" if role else "")
    return Table(grouped.reset_index(), caption)


def west_of(place: str = "Russia", article: Article | None = None) -> Table:
    """The countries the sketch map draws west of one place's point, with their roles in the story.

    Written from ``places.csv``, so a sentence built on it cannot drift from the map.

    >>> west_of().frame["place"].tolist()
    ['Czech Republic', 'Serbia', 'Latvia', 'Estonia', 'Finland', 'Lithuania', 'Ukraine', 'Turkey']
    """
    places = given_or_loaded(article).places
    _choose(place, sorted(set(places["place"])), "place in places.csv")
    longitude = places.loc[places["place"] == place, "longitude"].iloc[0]
    countries = places[(places["kind"] == "country") & (places["longitude"] < longitude)]
    grouped = countries.groupby("place", sort=False).agg(
        longitude=("longitude", "first"), roles=("role", _joined), paragraphs=("paragraph_id", _joined))
    grouped = grouped.sort_values("longitude", kind="stable")
    grouped["longitude"] = grouped["longitude"].map(lambda value: f"{value:.1f}° E")
    return Table(grouped.reset_index(), f"Countries drawn west of {place}'s point ({longitude:.1f}° E) "
                                         "on the sketch map")


def references(kind: str | None = None, article: Article | None = None) -> Table:
    """The outside sources the module relies on, of one kind or all, each with its web address.

    ``kind`` is "standard", "framework", "outlet", "background" or "reference". For outlets,
    every row answers the same questions: who owns it, and who pays for it.

    >>> references("outlet").frame["reference"].tolist()[:2]
    ['outlet-dw', 'outlet-dw-independence']
    """
    table = given_or_loaded(article).references
    if kind is not None:
        _choose(kind, sorted(set(table["kind"])), "kind in references.csv")
        table = table[table["kind"] == kind]
    frame = pd.DataFrame({"reference": table["id"], "what it supports": table["supports"],
                          "page": table["title"] + " (" + table["publisher"] + ")", "address": table["url"]})
    caption = "Outside sources" + (f" of the kind '{kind}'" if kind else "") + ", from data/references.csv"
    return Table(frame, caption)


def _joined(values: pd.Series) -> str:
    return ", ".join(dict.fromkeys(values))


# --- numbers ---------------------------------------------------------------------------------
def numbers_table(exact: str | None = None, article: Article | None = None) -> Table:
    """Every number and vague amount, and who stands behind it.

    ``exact="no"`` keeps the vague amounts ("Thousands", "many"), ``"yes"`` the figures.

    >>> numbers_table(exact="yes").frame.loc[0, "as written"]
    '300,000'
    """
    a = given_or_loaded(article)
    numbers = a.numbers
    if exact is not None:
        numbers = numbers[numbers["exact"] == _choose(exact, ["yes", "no"], "choice for exact")]
    names = dict(zip(a.sources["source_id"], a.sources["name"]))
    frame = pd.DataFrame({
        "paragraph": numbers["paragraph_id"], "as written": numbers["text"], "about": numbers["what"],
        "who stands behind it": numbers["source_id"].map(names), "status": numbers["status"],
        "note": numbers["note"]})
    return Table(frame, "Numbers in the article and who stands behind each")


# --- what came later -------------------------------------------------------------------------
def outlet(url: str) -> str:
    """The outlet behind a web address, with a warning label where the reader needs one.

    >>> outlet("https://www.france24.com/en/europe/x")
    'france24.com'
    >>> outlet("https://tass.com/politics/1511743")
    "tass.com (TASS, Russian state media, reporting the Kremlin's denial)"
    """
    host = urlparse(url).netloc
    for prefix in ("www.", "m.", "english."):
        host = host.removeprefix(prefix)
    return f"{host} ({OUTLET_LABELS[host]})" if host in OUTLET_LABELS else host


def context(when: str = "after", article: Article | None = None) -> Table:
    """Outside facts from ``data/context/timeline.csv``, before, on or after publication day.

    ``when`` is "before", "same day", "after" or "all".

    >>> context("after").frame["date"].min()
    '2022-09-25'
    >>> context("someday")
    Traceback (most recent call last):
    exodus_reader.errors.OneLineError: 'someday' is not a time; choose one of 'before', 'same day', 'after', 'all'.
    """
    a = given_or_loaded(article)
    _choose(when, ["before", "same day", "after", "all"], "time")
    timeline = a.timeline
    day = a.meta["published"]
    timeline["when"] = ["before" if d < day else "same day" if d == day else "after" for d in timeline["date"]]
    if when != "all":
        timeline = timeline[timeline["when"] == when]
    figures = [f"{int(f):,}" if pd.notna(f) else "" for f in timeline["figure"]]
    frame = pd.DataFrame({
        "date": timeline["date"], "publication": timeline["when"], "what was reported": timeline["event"],
        "figure": figures, "reported by": timeline["source_url"].map(outlet),
        "confidence": timeline["confidence"], "source": timeline["source_url"]})
    if when != "all":
        frame = frame.drop(columns="publication")
    label = {"before": "before", "same day": "on the day of", "after": "after", "all": "around"}[when]
    return Table(frame, f"Outside reports dated {label} publication ({long_date(published(a))})")


# --- sources ---------------------------------------------------------------------------------
def voice_words(article: Article | None = None) -> pd.DataFrame:
    """Words each source gets in the body text, direct and reported, one row per source.

    Only body paragraphs count (a sub-heading repeats words from the body). Words a
    speaker reports inside their own quote count as quotes of the source they report
    but give it no words, so no word is counted twice. Scare quotes have no speaker
    and are left out.

    >>> words = voice_words().set_index("name")
    >>> int(words.loc["Valeri Klepkin", "direct words"]), int(words.loc["Kaja Kallas", "reported words"])
    (66, 21)
    """
    a = given_or_loaded(article)
    kinds = dict(zip(a.paragraphs["paragraph_id"], a.paragraphs["kind"]))
    table = a.quote_table()
    table = table[(table["paragraph_id"].map(kinds) == "body") & (table["kind"] != "scare")]
    counts = table.groupby("source_id").size()
    nested_only = set(table["source_id"]) - set(table.loc[table["nested_in"] == "", "source_id"])
    table = table[table["nested_in"] == ""]
    words = table.pivot_table(index="source_id", columns="kind", values="words", aggfunc="sum", fill_value=0)
    sources = a.sources.set_index("source_id")
    speaking = sources[sources["role"].isin(SPEAKING_ROLES)]
    result = pd.DataFrame({
        "source_id": speaking.index, "name": speaking["name"].values,
        "quotes": counts.reindex(speaking.index, fill_value=0).values,
        "direct words": words.get("direct", pd.Series(dtype=int)).reindex(speaking.index, fill_value=0).values,
        "reported words": words.get("indirect", pd.Series(dtype=int)).reindex(speaking.index, fill_value=0).values,
    })
    for column in ("kind", "source_type", "naming", "gender", "country"):
        result[column] = speaking[column].values
    result["words"] = result["direct words"] + result["reported words"]
    result["only inside another's quote"] = result["source_id"].isin(nested_only)
    return result


def source_table(article: Article | None = None) -> Table:
    """Every voice in the article: what it is, how it is named, and how many words it gets.

    >>> source_table().frame.loc[0, "name"]
    'Russian Defense Ministry'
    """
    a = given_or_loaded(article)
    words = voice_words(a).set_index("source_id")
    sources = a.sources.set_index("source_id").loc[words.index]
    frame = pd.DataFrame({
        "source": words.index, "name": words["name"], "kind": sources["kind"],
        "type": sources["source_type"], "named by": sources["naming"], "gender": sources["gender"],
        "quotes": words["quotes"], "direct words": words["direct words"],
        "reported words": words["reported words"], "first in": sources["paragraph_id"]})
    return Table(frame, "Every voice in the article (words counted in the body text; what 'they' say "
                        "stands inside Bayankin's quotes and counts as his words)")


def statements_by(who: str, article: Article | None = None) -> Table:
    """Every statement the article attributes to one voice, named by any part of its name.

    >>> statements_by("Dennis").frame["kind"].tolist()
    ['indirect', 'indirect', 'direct']
    """
    a = given_or_loaded(article)
    quotes = a.quotes_by(who)
    name = a.sources.set_index("source_id").loc[a.source_id(who), "name"]
    frame = pd.DataFrame({"paragraph": quotes["paragraph_id"], "kind": quotes["kind"], "verb": quotes["verb"],
                          "words attributed": quotes["text"]})
    return Table(frame, f"What the article attributes to {name}")


def verb_table(article: Article | None = None) -> Table:
    """Each attribution verb: how often it is used, by whom, where, and what it signals.

    >>> table = verb_table().frame.set_index("verb")
    >>> int(table.loc["claim", "times"]), table.loc["claim", "used for"]
    (1, 'Russian Defense Ministry')
    >>> table.loc["claim", "basis"], table.loc["urge", "basis"]
    ('newsroom guidance: attribution-verbs', 'our reading')
    """
    a = given_or_loaded(article)
    quotes = a.quote_table()
    quotes = quotes[quotes["verb_lemma"] != ""]
    rows = []
    for verb in a.verbs.itertuples():
        used = quotes[quotes["verb_lemma"] == verb.verb_lemma]
        written = used["verb"].str.replace("\u00a0", " ")  # a no-break space looks like a space
        rows.append({"verb": verb.verb_lemma, "times": len(used), "as written": _joined(written),
                     "used for": _joined(used["name"]), "paragraphs": _joined(used["paragraph_id"]),
                     "stance": verb.stance, "what it signals": verb.signal,
                     "basis": ("newsroom guidance: " + verb.reference) if verb.reference else "our reading"})
    frame = pd.DataFrame(rows).sort_values("times", ascending=False, kind="stable")
    return Table(frame, "Attribution verbs and what they signal")


def quotes_with_verb(verb: str, article: Article | None = None) -> Table:
    """Every statement attributed with one verb, in its sentence, the verb in [brackets].

    >>> quotes_with_verb("urge").frame.loc[0, "in its sentence"]
    'Instead, she [urged] Russian opposition figures to push for regime change at home.'
    """
    a = given_or_loaded(article)
    quotes = a.quote_table()
    _choose(verb, sorted(set(quotes["verb_lemma"]) - {""}), "verb the article uses")
    quotes = quotes[quotes["verb_lemma"] == verb]
    frame = pd.DataFrame({
        "paragraph": quotes["paragraph_id"], "who": quotes["name"], "kind": quotes["kind"],
        "in its sentence": [a.in_context(int(s), int(e)) for s, e in zip(quotes["verb_start"], quotes["verb_end"])]})
    return Table(frame, f"Statements attributed with '{verb}'")


def audit(by: str = "gender", article: Article | None = None) -> Table:
    """A source-diversity audit: voices and words per group, in the spirit of BBC 50:50.

    ``by`` is "gender", "source_type", "naming", "kind" or "country". An empty value means the
    article does not show it (gender is known only from a pronoun).

    Voices heard only inside someone else's quote (the "they" in Bayankin's quotes) are
    his words, not a voice of their own, so the audit leaves them out.

    >>> int(audit("gender").frame.set_index("gender").loc["female", "voices"])
    1
    >>> "'they'" in audit("source_type").frame.set_index("source_type").loc["official", "names"]
    False
    """
    _choose(by, AUDIT_GROUPS, "column to audit by")
    words = voice_words(article)
    words = words[~words["only inside another's quote"]].copy()
    words[by] = words[by].replace("", "not shown")
    grouped = words.groupby(by, sort=False).agg(
        voices=("name", "size"), names=("name", ", ".join), **{"direct words": ("direct words", "sum"),
                                                             "reported words": ("reported words", "sum")})
    grouped["share of words"] = (grouped["direct words"] + grouped["reported words"]) / words["words"].sum()
    grouped["share of words"] = grouped["share of words"].map(lambda share: f"{share:.0%}")
    grouped = grouped.sort_values("voices", ascending=False, kind="stable")
    return Table(grouped.reset_index(), f"Voices and the words they get, by {by.replace('_', ' ')} "
                                        "(a voice heard only inside another's quote is left out)")


def first_and_last_word(article: Article | None = None) -> Table:
    """Who speaks first and last in the body text, in any form and in their own words.

    >>> first_and_last_word().frame["who"].tolist()
    ['Russian Defense Ministry', 'Michail Bayankin', 'Valeri Klepkin', 'Valeri Klepkin']
    """
    a = given_or_loaded(article)
    kinds = dict(zip(a.paragraphs["paragraph_id"], a.paragraphs["kind"]))
    quotes = a.quote_table()
    quotes = quotes[(quotes["paragraph_id"].map(kinds) == "body") & (quotes["kind"] != "scare")]
    direct = quotes[quotes["kind"] == "direct"]
    picks = [("first voice", quotes.iloc[0]), ("first direct quote", direct.iloc[0]),
             ("last voice", quotes.iloc[-1]), ("last direct quote", direct.iloc[-1])]
    frame = pd.DataFrame([{"": label, "who": q["name"], "paragraph": q["paragraph_id"], "kind": q["kind"],
                           "words": q["text"]} for label, q in picks])
    return Table(frame, "The first and the last word in the body text")


def absent_voices(article: Article | None = None) -> Table:
    """Who the article names but never lets speak: people mentioned, and countries with no voice.

    >>> absent_voices().frame.loc[0, "who"]
    'President Putin'
    """
    a = given_or_loaded(article)
    sources, places = a.sources, a.places
    rows = []
    for source in sources[sources["role"] == "mentioned"].itertuples():
        found = a.search(source.name.split()[-1])
        rows.append({"who": source.name, "named in": _joined(pd.Series([m.paragraph_id for m in found])),
                     "what the data shows": "mentioned, never quoted or reported"})
    speaking = set(sources.loc[sources["role"].isin(SPEAKING_ROLES), "country"])
    countries = places[(places["kind"] == "country") & ~places["place"].isin(speaking)]
    for place, mentions in countries.groupby("place", sort=False):
        rows.append({"who": place, "named in": _joined(mentions["paragraph_id"]),
                     "what the data shows": f"a country in the story ({_joined(mentions['role'])}); no source from it speaks"})
    return Table(pd.DataFrame(rows), "Named in the article, but never heard")


def anonymous_voices(article: Article | None = None) -> Table:
    """Voices a reader cannot identify: anonymous, first name only, unnamed groups, pronouns.

    >>> anonymous_voices().frame["named by"].tolist()
    ['unnamed group', 'unnamed group', 'anonymous', 'first name only', 'pronoun only']
    """
    sources = given_or_loaded(article).sources
    sources = sources[sources["naming"].isin(UNNAMED) & sources["role"].isin(SPEAKING_ROLES)]
    frame = pd.DataFrame({"source": sources["source_id"], "named by": sources["naming"],
                          "as introduced": sources["text"], "paragraph": sources["paragraph_id"],
                          "what the article tells us": sources["description"]})
    return Table(frame, "Voices the reader cannot identify")


def pictures(article: Article | None = None) -> Table:
    """The article's pictures: the text that describes each, its caption and its credit.

    >>> pictures().frame["credit"].tolist()
    ['Image: DW', 'Image: Oliver Morin/AFP', 'Image: Vladimir Gerdo/TASS/dpa/picture alliance']
    """
    rows: list[dict[str, str]] = []
    for row in given_or_loaded(article).paragraphs.itertuples():
        if row.kind == "alt_text":
            rows.append({"picture": str(len(rows) + 1), "paragraphs": row.paragraph_id})
        if row.kind in ("alt_text", "caption", "credit") and rows:
            rows[-1][{"alt_text": "description (alt text)"}.get(row.kind, row.kind)] = row.text
            if row.kind != "alt_text":
                rows[-1]["paragraphs"] += f", {row.paragraph_id}"
    return Table(pd.DataFrame(rows), "The pictures and what is written around them")


# --- framing ---------------------------------------------------------------------------------
def whose_words(start: int, end: int, article: Article | None = None) -> str:
    """Whose words a span stands in: a source's (quoted or reported) or the article's own.

    Reported speech is the writer's wording of what a source said. A span that is the
    whole of a reported statement (p12's "a claim") is the writer's label for it, not
    part of it, so it counts as the article's own. Inside a quote that reports someone
    else ("They tell us...", p35), the words belong to the speaker who is quoted.

    >>> whose_words(5397, 5410)
    'Michail Bayankin (direct)'
    >>> whose_words(95, 101), whose_words(1034, 1041)
    ("the article's own", "the article's own")
    """
    quotes = given_or_loaded(article).quote_table()
    inside = quotes[(quotes["start"] <= start) & (end <= quotes["end"]) & (quotes["kind"] != "scare")
                    & ((quotes["start"] != start) | (quotes["end"] != end))]
    if inside.empty:
        return "the article's own"
    # Words that a speaker reports inside their own quote are still that speaker's words.
    quote = inside.sort_values("nested_in", kind="stable").iloc[0]
    return f"{quote['name']} ({'direct' if quote['kind'] == 'direct' else 'reported'})"


def devices(*kinds: str, article: Article | None = None) -> Table:
    """Framing and editing devices of the given kinds, in their sentences and in whose words.

    >>> devices("metaphor").frame["words"].tolist()[:3]
    ['exodus', 'has sparked', 'exodus']
    """
    a = given_or_loaded(article)
    table = a.devices
    for kind in kinds:
        _choose(kind, sorted(set(table["kind"])), "kind in devices.csv")
    if not kinds:
        raise OneLineError("Name at least one kind, for example devices('metaphor').")
    table = table[table["kind"].isin(kinds)].sort_values("start", kind="stable")
    frame = pd.DataFrame({
        "paragraph": table["paragraph_id"], "kind": table["kind"], "words": table["text"],
        "in whose words": [whose_words(s, e, a) for s, e in zip(table["start"], table["end"])],
        "in its sentence": [a.in_context(s, e) for s, e in zip(table["start"], table["end"])],
        "what it does": table["note"]})
    return Table(frame, "Devices: " + ", ".join(k.replace("_", " ") for k in kinds))


def entman(function: str | None = None, article: Article | None = None) -> Table:
    """A reading of the article with Entman's (1993) four framing functions.

    >>> entman("treatment_recommendation").frame["whose voice"].tolist()
    ['Michail Bayankin', 'Edgars Rinkevics', 'Kaja Kallas', 'Lev Shlosberg']
    """
    a = given_or_loaded(article)
    readings = a.entman
    if function is not None:
        readings = readings[readings["function"] == _choose(function, ENTMAN_FUNCTIONS, "framing function")]
    names = dict(zip(a.sources["source_id"], a.sources["name"]))
    frame = pd.DataFrame({
        "function": readings["function"].str.replace("_", " "), "paragraph": readings["paragraph_id"],
        "the article's words": readings["text"], "whose voice": readings["source_id"].map(names),
        "reading": readings["reading"]})
    return Table(frame, "Entman's four framing functions in this article (one reading)")


def frame_coding(paragraph_id: str, article: Article | None = None) -> Table:
    """The reference frame coding of one body paragraph, with its text and reason.

    >>> print(frame_coding("p15"))  # doctest: +ELLIPSIS
    p15: Many Russians... Reason: Money and visas decide the route: ...
             frame reference
    responsibility        no
          conflict        no
          economic       yes
    human_interest        no
          morality        no
    """
    a = given_or_loaded(article)
    frames = a.frames.set_index("paragraph_id")
    _choose(paragraph_id, list(frames.index), "coded body paragraph")
    row = frames.loc[paragraph_id]
    frame = pd.DataFrame({"frame": list(FRAMES), "reference": ["yes" if row[f] else "no" for f in FRAMES]})
    caption = f"{paragraph_id}: {a.paragraph(paragraph_id)} Reason: {row['justification']}"
    return Table(frame, caption)


def compare_frames(paragraph_id: str, mine: list[str], article: Article | None = None) -> Table:
    """Your frame coding of one paragraph beside the reference coding.

    >>> compare_frames("p15", ["economic", "human_interest"]).caption
    'p15: you agree with the reference on 4 of 5 frames.'
    """
    for frame_name in mine:
        _choose(frame_name, FRAMES, "frame")
    reference = frame_coding(paragraph_id, article).frame
    yours = ["yes" if f in mine else "no" for f in reference["frame"]]
    frame = reference.assign(yours=yours, agree=["yes" if y == r else "NO" for y, r in
                                                 zip(yours, reference["reference"])])
    agree = int((frame["agree"] == "yes").sum())
    return Table(frame, f"{paragraph_id}: you agree with the reference on {agree} of {len(frame)} frames.")
