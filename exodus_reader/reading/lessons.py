"""The tables the lessons show: each answers one question about the article from its data.

Every function returns a captioned :class:`~exodus_reader.reading.tables.Table`: Jupyter
shows it in full, ``print`` gives plain text, and ``table.frame`` hands over the pandas
DataFrame for anyone who wants to sort or filter it. Each function reads the data through
:func:`~exodus_reader.corpus.article.load`, or through an ``article`` passed in.

>>> from exodus_reader import lessons
>>> len(lessons.time_expressions())
10
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from urllib.parse import urlparse

import pandas as pd

from ..corpus.article import Article, given_or_loaded, load
from ..corpus.coverage import coverage
from ..corpus.schema import ENTMAN_FUNCTIONS, FRAMES, UNNAMED, event_date_bounds
from ..errors import OneLineError
from .tables import Sentence, Table

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: Roles of a source that give it a voice: quoted directly, or reported.
SPEAKING_ROLES = frozenset({"quoted", "reported"})
#: Outlets in the context timeline that a reader must know more about, by web address.
OUTLET_LABELS = {"tass.com": "TASS, Russian state media, reporting the Kremlin's denial"}
AUDIT_GROUPS = ("gender", "source_type", "naming", "kind", "country")


def _choose(value: str, allowed: list[str] | tuple[str, ...], what: str) -> str:
    """Return ``value`` if it is allowed, or stop with a one-line list of the choices."""
    if value not in allowed:
        choices = ", ".join(repr(a) for a in allowed)
        raise OneLineError(f"{value!r} is not a {what}; choose one of {choices}.")
    return value


# --- when ------------------------------------------------------------------------------------
def long_date(day: date) -> str:
    """A date the way a reader says it.

    >>> long_date(date(2022, 9, 21))
    'Wednesday 21 September 2022'
    """
    return f"{WEEKDAYS[day.weekday()]} {day.day} {day:%B %Y}"


def short_date(day: date) -> str:
    """A date the way a table or a label writes it.

    >>> short_date(date(2022, 2, 24))
    '24 Feb 2022'
    """
    return f"{day.day} {day:%b %Y}"


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
    day = given_or_loaded(article).published
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
    first, last = event_date_bounds(value)
    if last is None:
        return "no date"
    if first is None:
        return f"before {short_date(last)}"
    if first == last:
        return short_date(last)
    start = f"{first.day}" if (first.year, first.month) == (last.year, last.month) else short_date(first)
    return f"{start} to {short_date(last)}"


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
    a = given_or_loaded(article)
    bounds = [event_date_bounds(value) for value in a.events["date"]]
    return a.events.assign(first=[pd.Timestamp(first) if first else pd.NaT for first, _ in bounds],
                           last=[pd.Timestamp(last) if last else pd.Timestamp(a.published) for _, last in bounds])


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
    return Table(frame, f"Outside reports dated {label} publication ({long_date(a.published)})")


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


# --- 05: reading laterally -------------------------------------------------------------------
#: The verb that carries each headline, as it stands in the headline, and who does it. DW's
#: headline is the article's (p04); TASS's stored page shows no headline.
HEADLINE_VERBS: dict[str, tuple[str, str]] = {
    "dw": ("sparks", "the call-up"),
    "r01": ("prompts", "the draft"),
    "r02": ("say", "the Baltic states"),
    "r04": ("denies", "the Kremlin"),
    "r05": ("flee", "Russians"),
    "r06": ("may arrive", "20,000 Russians"),
    "r07": ("count", "Russian security services"),
    "r08": ("reports", "the FSB"),
    "r09": ("flee", "over 194,000 Russians"),
    "r10": ("to close", "Finland"),
}
#: The profile columns, as questions a reader asks of any outlet.
PROFILE_QUESTIONS = {"owner": "who owns it", "funding": "who pays for it",
                     "editorial_independence": "who decides what it publishes"}


def _report_id(report: str) -> str:
    """A report's id from its id or its outlet's name (the first report of that outlet)."""
    reports = coverage().reports
    if report in set(reports["report_id"]):
        return report
    found = reports[reports["outlet"].str.lower().str.contains(report.strip().lower(), regex=False)]
    if found.empty:
        choices = ", ".join(f"{r} ({o})" for r, o in zip(reports["report_id"], reports["outlet"]))
        raise OneLineError(f"{report!r} is not a report of the coverage set; choose one of {choices}.")
    return found["report_id"].iloc[0]


def outlet_profiles() -> Table:
    """Every outlet, DW first, by one standard: who owns it, who pays for it, who decides.

    >>> profiles = outlet_profiles().frame
    >>> profiles.loc[0, "outlet"], list(profiles.columns)[3:6]
    ('DW (Deutsche Welle)', ['who owns it', 'who pays for it', 'who decides what it publishes'])
    """
    outlets = coverage().outlets
    frame = pd.DataFrame({"outlet": outlets["name"], "kind": outlets["kind"], "based in": outlets["country"]})
    for column, question in PROFILE_QUESTIONS.items():
        frame[question] = outlets[column].values
    frame["not found"] = outlets["not_found"].values
    frame["references"] = outlets["references"].str.replace(";", ", ").values
    return Table(frame, "Each outlet by the State Media Matrix's three questions (data/coverage/outlets.csv); "
                        "an empty cell means the stored pages did not answer, and 'not found' says so")


def outlet_evidence(outlet: str = "DW") -> Table:
    """The cited pages behind one outlet's profile: what each supports, its words and its address.

    >>> outlet_evidence("DW").frame["reference"].tolist()
    ['outlet-dw', 'outlet-dw-governance']
    """
    outlets = coverage().outlets
    match = outlets[outlets["name"].str.lower().str.contains(outlet.strip().lower(), regex=False)
                    | (outlets["outlet_id"] == outlet)]
    if match.empty:
        raise OneLineError(f"{outlet!r} is not an outlet of the profiles; choose one of "
                           f"{', '.join(repr(n) for n in outlets['name'])}.")
    row = match.iloc[0]
    references = coverage().references.set_index("id").loc[row["references"].split(";")]
    frame = pd.DataFrame({"reference": references.index, "what it supports": references["supports"],
                          "in the page's words": references["excerpt"],
                          "page": references["title"] + " (" + references["publisher"] + ")",
                          "address": references["url"]})
    return Table(frame, f"What the profile of {row['name']} rests on (data/references.csv)")


def coverage_reports() -> Table:
    """The reports of the coverage set: outlet, kind, date, headline and address.

    >>> coverage_reports().frame["report"].tolist()[:3]
    ['r01', 'r02', 'r03']
    """
    reports = coverage().reports
    frame = pd.DataFrame({"report": reports["report_id"], "outlet": reports["outlet"], "kind": reports["kind"],
                          "date": reports["date"].map(show_date), "headline": reports["headline"],
                          "page on": reports["carried_by"].where(reports["carried_by"] != "", "the outlet's site"),
                          "paragraphs shown": reports["paragraphs_shown"], "address": reports["url"]})
    return Table(frame, "Ten other reports of 21 to 30 September 2022 (data/coverage/reports.csv); the store "
                        "shows the start of each page only")


def headline_verbs() -> Table:
    """Each headline and the verb that carries it, DW's first (p04).

    >>> headline_verbs().frame.loc[0, ["outlet", "verb"]].tolist()
    ['DW (Deutsche Welle)', 'sparks']
    """
    reports = coverage().reports
    meta = load().meta
    rows = [("DW", "DW (Deutsche Welle)", show_date(meta["published"]), meta["headline"], *HEADLINE_VERBS["dw"])]
    for report in reports.itertuples():
        verb, actor = HEADLINE_VERBS.get(report.report_id, ("", ""))
        rows.append((report.report_id, report.outlet, show_date(report.date),
                     report.headline or "(the stored page shows no headline)", verb, actor))
    frame = pd.DataFrame(rows, columns=["report", "outlet", "date", "headline", "verb", "who or what acts"])
    return Table(frame, "The verb in each headline, and who or what does it (DW's headline is p04)")


def naming_compare(kind: str | None = None) -> Table:
    """How each report names the people leaving: the words, their kind and their place.

    ``kind`` is one of "fleeing", "exodus", "leaving", "arriving", "avoiding", "label".

    >>> naming_compare("exodus").frame["report"].tolist()
    ['r01', 'r09']
    """
    sets = coverage()
    naming = sets.naming
    if kind is not None:
        _choose(kind, sorted(set(naming["kind"])), "kind of naming")
        naming = naming[naming["kind"] == kind]
    outlets = dict(zip(sets.reports["report_id"], sets.reports["outlet"]))
    frame = pd.DataFrame({"report": naming["report_id"], "outlet": naming["report_id"].map(outlets),
                          "words": naming["words"], "kind": naming["kind"], "place": naming["place"],
                          "in the sentence": naming["excerpt"]})
    return Table(frame, "How the reports name the people leaving (data/coverage/naming.csv)"
                 + (f": the kind '{kind}'" if kind else ""))


def numbers_compare(report: str | None = None) -> Table:
    """The numbers the reports give, each with the source it is attributed to.

    >>> numbers_compare("r07").frame["number"].tolist()
    ['260,000', '261,000']
    """
    sets = coverage()
    numbers = sets.numbers
    if report is not None:
        numbers = numbers[numbers["report_id"] == _report_id(report)]
    outlets = dict(zip(sets.reports["report_id"], sets.reports["outlet"]))
    frame = pd.DataFrame({"report": numbers["report_id"], "outlet": numbers["report_id"].map(outlets),
                          "number": numbers["text"], "what it counts": numbers["what"],
                          "attributed to": numbers["attributed_to"], "place": numbers["place"]})
    return Table(frame, "The numbers each report gives, and whom it gives them to (data/coverage/numbers.csv)")


def dw_voice_row(article: Article | None = None) -> dict[str, object]:
    """DW's own voices, counted as the coverage set counts them (lesson 02's audit).

    A voice heard only inside another's quote is left out, as lesson 02's audit leaves it out.

    >>> row = dw_voice_row()
    >>> row["voices"], row["officials"], row["unnamed"], row["direct"]
    (15, 7, 4, 5)
    """
    a = given_or_loaded(article)
    words = voice_words(a)
    words = words[~words["only inside another's quote"]]
    role = words["source_id"].map(dict(zip(a.sources["source_id"], a.sources["role"])))
    types = words["source_type"]
    unnamed = int(words["naming"].isin(UNNAMED).sum())
    return {"report_id": "DW", "outlet": "DW (Deutsche Welle)", "date": a.meta["published"], "voices": len(words),
            "officials": int((types == "official").sum()), "ordinary people": int((types == "ordinary person").sum()),
            "others": int((~types.isin(["official", "ordinary person"])).sum()), "named": len(words) - unnamed,
            "unnamed": unnamed, "direct": int((role == "quoted").sum()), "indirect": int((role == "reported").sum())}


def voices_compare(article: Article | None = None) -> Table:
    """Lesson 02's count for DW and for every report of the set, side by side.

    >>> [int(n) for n in voices_compare().frame.set_index("report").loc["r05", ["voices", "unnamed"]]]
    [2, 2]
    """
    audit_table = pd.concat([pd.DataFrame([dw_voice_row(article)]), coverage().voice_audit()], ignore_index=True)
    audit_table["date"] = audit_table["date"].map(show_date)
    audit_table = audit_table.rename(columns={"report_id": "report", "indirect": "reported"})
    return Table(audit_table, "Who each report quotes, counted as lesson 02 counts (DW from the article's data; "
                              "the others from the part of each page the store shows)")


def report_voices(report: str) -> Table:
    """Lesson 02's source table for one report of the set: who speaks, how named, in whose words.

    >>> report_voices("r06").frame["quote kind"].unique().tolist()
    ['indirect']
    """
    report_id = _report_id(report)
    voices = coverage().voices
    voices = voices[voices["report_id"] == report_id]
    frame = pd.DataFrame({"voice": voices["name"], "type": voices["source_type"], "named by": voices["naming"],
                          "quote kind": voices["quote_kind"], "place": voices["place"],
                          "in the report's words": voices["excerpt"]})
    return Table(frame, f"Every voice in the stored start of report {report_id} (data/coverage/voices.csv)")


def _place_order(place: str) -> tuple[int, int]:
    fixed = {"headline": 0, "standfirst": 1, "subheading": 2, "caption": 3}
    if place in fixed:
        return (0, fixed[place])
    return (1, int(place.split()[1]))


def report_excerpts(report: str) -> Table:
    """Every stored excerpt of one report, once each, in the order of the page.

    >>> report_excerpts("r06").frame["place"].tolist()[:2]
    ['headline', 'standfirst']
    """
    report_id = _report_id(report)
    excerpts = coverage().excerpts()
    excerpts = excerpts[excerpts["report_id"] == report_id].drop_duplicates("excerpt")
    texts = list(excerpts["excerpt"])  # an excerpt inside a longer one of the same report is shown once
    excerpts = excerpts[[not any(t != other and t in other for other in texts) for t in texts]]
    excerpts = excerpts.iloc[sorted(range(len(excerpts)), key=lambda i: _place_order(excerpts["place"].iloc[i]))]
    frame = pd.DataFrame({"place": excerpts["place"], "excerpt": excerpts["excerpt"]})
    reports = coverage().reports.set_index("report_id")
    return Table(frame, f"The stored excerpts of {report_id}, {reports.at[report_id, 'outlet']}, "
                        f"{show_date(reports.at[report_id, 'date'])}: {reports.at[report_id, 'url']}")


def claims_table() -> Table:
    """The claims that travel between reports, who carries them, and the verdict of the trail.

    >>> claims_table().frame.set_index("claim").loc["c02", "verdict"]
    'traced to an unnamed source'
    """
    sets = coverage()
    carried = sets.claim_reports.groupby("claim_id", sort=False)["report_id"].agg(_joined)
    claims = sets.claims
    frame = pd.DataFrame({"claim": claims["claim_id"], "what travels": claims["claim"],
                          "carried by": claims["claim_id"].map(carried), "earliest source shown": claims["origin"],
                          "verdict": claims["verdict"]})
    return Table(frame, "Claims traced back as far as the stored pages allow (data/coverage/claims.csv)")


def claim_trail(claim_id: str, verdict: bool = True) -> Table:
    """One claim's trail: the earliest source the pages show, then each report that carries it.

    With ``verdict=False`` the caption gives the claim and the trail only, so that a
    student can judge where it ends before reading the recorded verdict and its note.

    >>> "Verdict" in claim_trail("c02", verdict=False).caption
    False
    >>> [who[:18] for who in claim_trail("c03").frame["who"]]
    ['origin: FSB figure', 'r07 Meduza', 'r08 Novaya Gazeta ']
    """
    sets = coverage()
    claims = sets.claims.set_index("claim_id")
    _choose(claim_id, list(claims.index), "claim id")
    claim = claims.loc[claim_id]
    reports = sets.reports.set_index("report_id")
    carried = sets.claim_reports
    carried = carried[carried["claim_id"] == claim_id]
    rows = [(show_date(claim["origin_date"]) if claim["origin_date"] else "", f"origin: {claim['origin']}",
             "", claim["origin_place"], claim["origin_excerpt"], claim["origin_url"])]
    for row in carried.itertuples():
        report = reports.loc[row.report_id]
        rows.append((show_date(report["date"]), f"{row.report_id} {report['outlet']}", row.attributed_to,
                     row.place, row.excerpt, report["url"]))
    frame = pd.DataFrame(rows, columns=["date", "who", "gives it to", "place", "words", "address"])
    if not verdict:
        return Table(frame, f"Claim {claim_id}: {claim['claim']} (the verdict is left for you to give)")
    return Table(frame, f"Claim {claim_id}: {claim['claim']} Verdict: {claim['verdict']}. {claim['note']}")


def chosen_reports() -> Table:
    """Why each report is in the set, for the closing note.

    >>> len(chosen_reports())
    10
    """
    reports = coverage().reports
    frame = pd.DataFrame({"report": reports["report_id"], "outlet": reports["outlet"], "kind": reports["kind"],
                          "date": reports["date"].map(show_date), "why this one": reports["why_chosen"]})
    return Table(frame, "The reports chosen, and why (data/coverage/reports.csv)")
