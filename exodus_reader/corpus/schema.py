"""The rules every data file follows, and the check that proves them.

Each annotation file is a CSV table. The rules say which columns it needs,
which column holds its ids, which values a column may take, which other table
a column points into, and which columns hold character offsets into
``article.txt``. :func:`read_tables` reads all files, applies every rule and
returns typed tables, or raises :class:`AnnotationError` for the first problem,
naming the file, the row and what is wrong.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..errors import AnnotationError

#: The five generic news frames of Semetko and Valkenburg (2000), in their order.
FRAMES: tuple[str, ...] = ("responsibility", "conflict", "economic", "human_interest", "morality")

PARAGRAPH_KINDS = frozenset({
    "navigation", "headline", "byline", "date", "standfirst", "alt_text", "caption",
    "credit", "body", "subheading", "video_title", "footer",
})
QUOTE_KINDS = frozenset({"direct", "indirect", "scare"})
#: Ways of naming a source (the `naming` column) that leave a reader unable to identify it.
UNNAMED = ("anonymous", "first name only", "unnamed group", "pronoun only")
EVENT_STATUSES = frozenset({"stated", "claim", "report", "denial", "position", "plan", "rumour"})
DATE_PRECISIONS = frozenset({"day", "range", "before", "undated"})
DEVICE_KINDS = frozenset({
    "headline", "standfirst", "subheading", "caption", "credit", "alt_text", "video_title",
    "footer", "hedge", "contrast", "emphasis", "generalization", "characterization",
    "metaphor", "emotive", "editorial_insertion", "erratum", "no_break_space",
})
NUMBER_STATUSES = frozenset({"stated", "claim", "report", "prediction"})
#: Entman's (1993) four functions of a frame, in his order.
ENTMAN_FUNCTIONS: tuple[str, ...] = ("problem_definition", "causal_interpretation", "moral_evaluation",
                                     "treatment_recommendation")
VERB_STANCES = frozenset({"neutral", "casts doubt", "concession", "carries a stance", "relays",
                          "reports a thought"})
VERB_BASES = frozenset({"guidance", "reading"})
#: What a row of ``references.csv`` supports: newsroom rules, research frameworks, who owns
#: and funds an outlet, a dated background fact, or a dictionary or other reference.
REFERENCE_KINDS = frozenset({"standard", "framework", "outlet", "background", "reference"})
#: The longest excerpt a reference may copy from its page, in words.
MAX_EXCERPT_WORDS = 60
_REFERENCE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
#: A whole number as the data writes it: digits 0-9 only (not ², ٣ or ８, which Python's int() takes).
_WHOLE_NUMBER = re.compile(r"[0-9]+")
#: The largest whole number a table may hold (a 64-bit integer).
_LARGEST = 2**63 - 1
#: How a paragraph is cited in free text: p07, p13...
PARAGRAPH_CITATION = re.compile(r"\bp\d{2}\b")

_DAY = r"\d{4}-\d{2}-\d{2}"
_DATE_FORMS = {
    "day": re.compile(rf"^{_DAY}$"),
    "range": re.compile(rf"^{_DAY}/{_DAY}$"),
    "before": re.compile(rf"^\.\./{_DAY}$"),
    "undated": re.compile(r"^$"),
}


def event_date_bounds(value: str) -> tuple[datetime.date | None, datetime.date | None]:
    """The first and the last day an events.csv date allows; None where it does not say.

    A day ("2022-09-21") is both; a range ("2022-09-21/2022-09-24") gives its two ends;
    "../2022-09-24" (some time before) gives only the last day; an empty date gives neither.

    >>> event_date_bounds("2022-09-21/2022-09-24")
    (datetime.date(2022, 9, 21), datetime.date(2022, 9, 24))
    >>> event_date_bounds("2022-09-21"), event_date_bounds("../1922-09-24"), event_date_bounds("")
    ((datetime.date(2022, 9, 21), datetime.date(2022, 9, 21)), (None, datetime.date(1922, 9, 24)), (None, None))
    """
    if not value:
        return None, None
    first, _, last = value.rpartition("/")
    last_day = datetime.date.fromisoformat(last)
    if first == "..":
        return None, last_day
    return (datetime.date.fromisoformat(first) if first else last_day), last_day


@dataclass(frozen=True)
class TableSchema:
    """What one CSV file must look like."""

    file: str
    id_column: str | None
    columns: tuple[str, ...]
    int_columns: tuple[str, ...] = ()
    optional_int_columns: tuple[str, ...] = ()
    float_columns: tuple[str, ...] = ()
    choices: dict[str, frozenset[str]] = field(default_factory=dict)
    references: dict[str, str] = field(default_factory=dict)
    #: (start column, end column, text column): the text must be article[start:end]
    spans: tuple[tuple[str, str, str], ...] = ()
    #: columns that must not be empty
    required_values: tuple[str, ...] = ()
    #: free-text columns whose paragraph citations (p07, p13...) must name real paragraphs
    cited_columns: tuple[str, ...] = ()


SCHEMAS: dict[str, TableSchema] = {
    "paragraphs": TableSchema(
        "paragraphs.csv", "paragraph_id", ("paragraph_id", "kind", "start", "end", "text"),
        int_columns=("start", "end"), choices={"kind": PARAGRAPH_KINDS},
        spans=(("start", "end", "text"),)),
    "sources": TableSchema(
        "sources.csv", "source_id",
        ("source_id", "name", "kind", "source_type", "naming", "role", "gender", "age",
         "occupation", "hometown", "speaks_from", "country", "description", "paragraph_id",
         "start", "end", "text", "aliases"),
        int_columns=("start", "end"), optional_int_columns=("age",),
        choices={"gender": frozenset({"", "male", "female"})},
        references={"paragraph_id": "paragraphs"}, spans=(("start", "end", "text"),),
        required_values=("name", "kind", "naming", "description", "paragraph_id"), cited_columns=("description",)),
    "quotes": TableSchema(
        "quotes.csv", "quote_id",
        ("quote_id", "source_id", "kind", "verb", "verb_lemma", "verb_start", "verb_end",
         "start", "end", "paragraph_id", "nested_in", "text", "note"),
        int_columns=("start", "end"), optional_int_columns=("verb_start", "verb_end"),
        choices={"kind": QUOTE_KINDS},
        references={"source_id": "sources", "paragraph_id": "paragraphs", "nested_in": "quotes"},
        spans=(("start", "end", "text"), ("verb_start", "verb_end", "verb")), required_values=("paragraph_id",),
        cited_columns=("note",)),
    "events": TableSchema(
        "events.csv", "event_id",
        ("event_id", "date", "precision", "date_as_written", "date_start", "date_end",
         "description", "paragraph_id", "status", "source_id", "start", "end", "text",
         "resolution"),
        int_columns=("start", "end"), optional_int_columns=("date_start", "date_end"),
        choices={"status": EVENT_STATUSES, "precision": DATE_PRECISIONS},
        references={"source_id": "sources", "paragraph_id": "paragraphs"},
        spans=(("start", "end", "text"), ("date_start", "date_end", "date_as_written")),
        required_values=("description", "resolution", "paragraph_id"), cited_columns=("description", "resolution")),
    "places": TableSchema(
        "places.csv", "mention_id",
        ("mention_id", "place", "kind", "latitude", "longitude", "role", "paragraph_id",
         "start", "end", "text", "note", "aliases"),
        int_columns=("start", "end"), float_columns=("latitude", "longitude"),
        references={"paragraph_id": "paragraphs"}, spans=(("start", "end", "text"),),
        required_values=("place", "kind", "role", "paragraph_id"), cited_columns=("note",)),
    "devices": TableSchema(
        "devices.csv", "device_id",
        ("device_id", "kind", "paragraph_id", "start", "end", "text", "note"),
        int_columns=("start", "end"), choices={"kind": DEVICE_KINDS},
        references={"paragraph_id": "paragraphs"}, spans=(("start", "end", "text"),),
        required_values=("note", "paragraph_id"), cited_columns=("note",)),
    "numbers": TableSchema(
        "numbers.csv", "number_id",
        ("number_id", "text", "value", "unit", "exact", "what", "source_id", "status",
         "paragraph_id", "start", "end", "note"),
        int_columns=("start", "end"), optional_int_columns=("value",),
        choices={"status": NUMBER_STATUSES, "exact": frozenset({"yes", "no"})},
        references={"source_id": "sources", "paragraph_id": "paragraphs"},
        spans=(("start", "end", "text"),), required_values=("what", "paragraph_id"), cited_columns=("note",)),
    "frames": TableSchema(
        "frames.csv", "paragraph_id", ("paragraph_id", *FRAMES, "justification"),
        int_columns=FRAMES, choices={f: frozenset({"0", "1"}) for f in FRAMES},
        references={"paragraph_id": "paragraphs"}, required_values=("justification",),
        cited_columns=("justification",)),
    "frame_reasons": TableSchema(
        "frame_reasons.csv", None, ("paragraph_id", "frame", "present", "reason"),
        int_columns=("present",), choices={"frame": frozenset(FRAMES), "present": frozenset({"0", "1"})},
        references={"paragraph_id": "paragraphs"}, required_values=("reason",), cited_columns=("reason",)),
    "entman": TableSchema(
        "entman.csv", "reading_id",
        ("reading_id", "function", "source_id", "reading", "paragraph_id", "start", "end", "text"),
        int_columns=("start", "end"), choices={"function": frozenset(ENTMAN_FUNCTIONS)},
        references={"source_id": "sources", "paragraph_id": "paragraphs"},
        spans=(("start", "end", "text"),), required_values=("reading", "paragraph_id"), cited_columns=("reading",)),
    "verbs": TableSchema(
        "verbs.csv", "verb_lemma", ("verb_lemma", "stance", "signal", "basis", "reference"),
        choices={"stance": VERB_STANCES, "basis": VERB_BASES}, references={"reference": "references"},
        required_values=("signal",), cited_columns=("signal",)),
    "references": TableSchema(
        "references.csv", "id", ("id", "kind", "title", "publisher", "date", "url", "supports", "excerpt"),
        choices={"kind": REFERENCE_KINDS},
        required_values=("title", "publisher", "url", "supports", "excerpt"), cited_columns=("supports",)),
    "timeline": TableSchema(
        "context/timeline.csv", None, ("date", "event", "figure", "source_url", "confidence"),
        optional_int_columns=("figure",), choices={"confidence": frozenset({"high", "medium"})},
        required_values=("date", "event", "source_url")),
}

#: Groups of columns, each with what its columns mean.
Meanings = tuple[tuple[tuple[str, ...], str], ...]

#: What each column means, in plain words: data/README.md's tables and data/datapackage.json's
#: field descriptions are generated from here (python -m exodus_reader datapackage).
MEANINGS: dict[str, Meanings] = {
    "paragraphs": (
        (("paragraph_id",), "`p01` ... `p37`, in reading order"),
        (("kind",),
         "`navigation`, `headline`, `byline`, `date`, `standfirst` (the summary under the headline), "
         "`alt_text` (the text that describes a picture), `caption`, `credit`, `body`, `subheading`, "
         "`video_title`, `footer`"),
        (("start", "end", "text"), "the paragraph's span, without surrounding spaces"),
    ),
    "sources": (
        (("source_id",), "`s01` ..."),
        (("name",), "as the article names it"),
        (("kind",), "`person`, `government`, `media`, `social media`, `image credit`, `unattributed`"),
        (("source_type",),
         "the type used in source audits: `official`, `media`, `activist`, `ordinary person`, "
         "`journalist`, `none`"),
        (("naming",),
         "how the article names it: `full name`, `first name only`, `anonymous`, `title and surname`, "
         "`institution`, `country`, `unnamed group`, `pronoun only`, `none`"),
        (("role",),
         "`quoted` (has direct quotes), `reported` (only reported speech), `mentioned` (never quoted), "
         "`scare quotes`, `author`, `publisher`, `image credit`"),
        (("gender",), "only as the article shows it (by a pronoun): `male`, `female`, or empty"),
        (("age", "occupation", "hometown", "speaks_from", "country"),
         "what the article says; empty when it says nothing"),
        (("description",), "one line, with the paragraphs it comes from"),
        (("paragraph_id", "start", "end", "text"), "where the article first introduces the source"),
        (("aliases",),
         "other names a reader may use for the same source, separated by `; ` (the exercises accept each "
         "one); checked to name no other source"),
    ),
    "quotes": (
        (("quote_id",), "`q01` ... in reading order"),
        (("source_id",), "who says it (see `sources.csv`)"),
        (("kind",),
         "`direct` (inside quotation marks), `indirect` (reported speech, or a reported claim, denial, "
         "request or position), `scare` (words in quotation marks that no speaker in the article says)"),
        (("verb",),
         "the attribution as written: \"said\", \"told DW\", \"has claimed\", \"has denied\", \"said from "
         "Tbilisi\"... Empty where the quote has no verb of its own (a sub-heading, or a quote that "
         "continues after \"he said\")"),
        (("verb_lemma",), "the verb's dictionary form, for counting: `say`, `tell`, `claim`, `deny`..."),
        (("verb_start", "verb_end"), "where the verb stands"),
        (("start", "end", "text"),
         "the words attributed: for direct and scare quotes, the words between the quotation marks (a "
         "comma that hands over to \"he said\", or a full stop that ends the reporter's sentence, is left "
         "out); for indirect quotes, the reported content"),
        (("paragraph_id",), "the paragraph it stands in"),
        (("nested_in",),
         "for a statement reported inside someone else's quote (Bayankin reporting what \"they\" say), the "
         "quote that holds it"),
        (("note",), "what a close reader should know about this quote"),
    ),
    "events": (
        (("event_id",), "`e01` ..."),
        (("date",),
         "ISO 8601: a day (`2022-09-21`), a range (`2022-09-21/2022-09-24`), \"on or before\" "
         "(`../2022-09-24`), or empty when the article gives no time at all"),
        (("precision",), "`day`, `range`, `before`, `undated` (it must fit `date`)"),
        (("date_as_written", "date_start", "date_end"),
         "the time expression in the article (\"on Wednesday\", \"this week\") and where it stands; empty when "
         "there is none"),
        (("description",), "what happened, in our words"),
        (("paragraph_id", "start", "end", "text"), "the words that report it"),
        (("status",),
         "`stated` (stated in the article's own voice, with no source named; it does not mean that anyone "
         "checked it), `claim`, `report` (by an outlet or on social media), `denial`, `position` (a "
         "government's or person's stated stance), `plan` (under consideration), `rumour`"),
        (("source_id",),
         "who stands behind it. For what the article states in its own voice, one rule: the packaging "
         "(headline, standfirst, sub-headings, captions, the date and the footer) is DW's (`s19`), and the "
         "body text is the reporter's (`s18`)"),
        (("resolution",), "how the date was worked out from the publication date, Saturday 24 September 2022"),
    ),
    "places": (
        (("mention_id",), "`m01` ..."),
        (("place", "kind"), "the place and its kind: `country`, `city`, `border crossing`, `airport`"),
        (("latitude", "longitude"),
         "an approximate point, rounded to 0.1 degree, only for a sketch map: a country is drawn at its "
         "capital, a region at its country's point"),
        (("role",),
         "what the place is in the story here: `origin`, `destination`, `destination by road`, "
         "`destination by air`, `border crossing`, `departure airport`, `hometown`, `speaking location`, "
         "`reporting location`, `war`, ..."),
        (("paragraph_id", "start", "end", "text"),
         "the mention as written (Latvia and Estonia are named only through \"Latvian\" and \"Estonian\")"),
        (("note",), "anything a reader should know"),
        (("aliases",),
         "other names of the place, separated by `; ` (\"UAE; the United Arab Emirates\"); the same in every "
         "row of a place, and never the name of another place"),
    ),
    "devices": (
        (("device_id",), "`d01` ..."),
        (("kind",),
         "`headline`, `standfirst`, `subheading`, `caption`, `credit`, `alt_text`, `video_title`, `footer` "
         "(the packaging); `hedge` (hedging and distancing), `contrast`, `emphasis`, `generalization`, "
         "`characterization`, `metaphor`, `emotive`, `editorial_insertion`; `erratum` (a typing error in "
         "the original); `no_break_space`"),
        (("paragraph_id", "start", "end", "text"), "where it stands"),
        (("note",), "what it does, in one line"),
    ),
    "numbers": (
        (("number_id",), "`n01` ..."),
        (("text", "start", "end", "paragraph_id"), "as written (\"300,000\", \"Thousands\", \"28-year-old\")"),
        (("value", "unit"), "the number and what it counts; `value` is empty for vague amounts"),
        (("exact",), "`yes` for a figure, `no` for a vague amount (\"thousands\", \"many\")"),
        (("what",), "what the number is about"),
        (("source_id", "status"),
         "who stands behind it and how: `stated` (in the article's own voice, with no source named), "
         "`claim`, `report`, `prediction`; the same rule as in `events.csv` says whether DW or the "
         "reporter stands behind what the article states"),
        (("note",), "one line"),
    ),
    "frames": (
        (("paragraph_id",), "a body paragraph; every body paragraph has one row"),
        (("responsibility", "conflict", "economic", "human_interest", "morality"),
         "1 where the frame is present in the paragraph, 0 where it is not"),
        (("justification",), "the reason for the coding, in one line"),
    ),
    "frame_reasons": (
        (("paragraph_id",), "a paragraph coded in `frames.csv`"),
        (("frame",), "one of the five frames; each paragraph has one row for each frame"),
        (("present",), "the same 0 or 1 as in `frames.csv` (the package checks that they agree)"),
        (("reason",), "one plain line saying why the frame is there or not"),
    ),
    "entman": (
        (("reading_id",), "`en01` ..."),
        (("function",),
         "`problem_definition`, `causal_interpretation`, `moral_evaluation`, `treatment_recommendation`"),
        (("source_id",),
         "whose voice promotes it (see `sources.csv`): a source, or the article's own voice (the reporter "
         "`s18` in the body, the publisher `s19` in the headline, standfirst and sub-headings)"),
        (("reading",), "the reading, in our words, in one line; paragraphs it cites must exist"),
        (("paragraph_id", "start", "end", "text"), "the article's words the reading rests on"),
    ),
    "verbs": (
        (("verb_lemma",), "the verb as `quotes.csv` counts it: `say`, `tell`, `claim`, `make clear`..."),
        (("stance",), "`neutral`, `casts doubt`, `concession`, `carries a stance`, `relays`, `reports a thought`"),
        (("signal",), "what the verb signals to a reader, in one line"),
        (("basis",),
         "`guidance`: newsroom writing guidance on attribution verbs (\"said\" is neutral, \"claimed\" casts "
         "doubt, \"admitted\" concedes); `reading`: our own reading of a verb that the cited guidance does "
         "not cover (\"denied\", \"urged\", \"criticized\", \"made it clear\" and the rest)"),
        (("reference",),
         "for `guidance`, the row of `references.csv` that states it (required); empty for `reading`"),
    ),
    "references": (
        (("id",),
         "a short kebab-case key, unique: `entman-1993`, `outlet-dw`, `invasion-2022`. Lessons, docs and "
         "`verbs.csv` cite a row by its id"),
        (("kind",),
         "`standard` (newsroom rules: AP, Reuters, BBC 50:50), `framework` (Entman, Semetko and "
         "Valkenburg, SIFT, Civic Online Reasoning), `outlet` (who owns and funds a news outlet, described "
         "for every outlet by the same questions), `background` (a dated fact), `reference` (a dictionary "
         "or other reference)"),
        (("title", "publisher"), "the page's title and who published it"),
        (("date",), "the page's date as `YYYY-MM-DD` if the page shows one; otherwise empty"),
        (("url",), "the full web address of the page the fact was read from"),
        (("supports",), "the fact the module relies on, in our own plain words"),
        (("excerpt",),
         "one or two sentences copied word for word from that page (at most 60 words) that show the fact"),
    ),
    "timeline": (
        (("date",), "the day, as `YYYY-MM-DD`"),
        (("event",), "what happened, in our words"),
        (("figure",), "the number the report gives, if any (the flight price is in roubles)"),
        (("source_url",), "the report that states it"),
        (("confidence",),
         "`high`: a major outlet or wire report stating it directly; `medium`: a relay of a relay, an "
         "aggregator, or an anonymous-source estimate"),
    ),
}

META_KEYS = ("headline", "author", "dateline", "published", "url", "language",
             "original_language", "original_url", "video")


def quoted(text: str, width: int = 40) -> str:
    """Quote a piece of text for an error message, shortened and with hidden spaces shown.

    >>> quoted("told DW\\u00a0he will nevertheless refuse", 12)
    "'told DW⍽he w…'"
    """
    shown = text.replace("\u00a0", "⍽").replace("\n", "⏎")
    return repr(shown if len(shown) <= width else shown[:width] + "…")


def read_meta(data_dir: Path) -> dict:
    """Read ``article.json`` and check that it has every field.

    >>> from exodus_reader.corpus.article import DATA_DIR
    >>> read_meta(DATA_DIR)["published"]
    '2022-09-24'
    """
    path = data_dir / "article.json"
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AnnotationError("article.json", None, f"file not found in {data_dir}") from None
    except json.JSONDecodeError as exc:
        raise AnnotationError("article.json", None, f"not valid JSON ({exc.msg} at line {exc.lineno})") from None
    missing = [key for key in META_KEYS if key not in meta]
    if missing:
        raise AnnotationError("article.json", None, f"missing field {missing[0]!r}")
    return meta


def read_article(data_dir: Path) -> str:
    """Read ``article.txt`` and prove it is the published text, byte for byte.

    >>> from exodus_reader.corpus.article import DATA_DIR
    >>> read_article(DATA_DIR)[70:114]
    'Russian military call-up sparks major exodus'
    """
    try:
        raw = (data_dir / "article.txt").read_bytes()
        expected = (data_dir / "article.sha256").read_text(encoding="utf-8").split()[0]
    except FileNotFoundError as exc:
        raise AnnotationError(Path(exc.filename).name, None, f"file not found in {data_dir}") from None
    if hashlib.sha256(raw).hexdigest() != expected:
        raise AnnotationError("article.txt", None, "its checksum differs from article.sha256: the "
                              "article must stay exactly as published, byte for byte")
    return raw.decode("utf-8")


def read_csv_table(data_dir: Path, schema: TableSchema) -> pd.DataFrame:
    """Read one table's CSV file with every column its schema names; no value is validated yet.

    Every cell stays text, an empty one "", so that :func:`validate_values` sees what the file holds.

    >>> from exodus_reader.corpus.article import DATA_DIR
    >>> read_csv_table(DATA_DIR, SCHEMAS["verbs"]).loc[0, ["verb_lemma", "basis"]].tolist()
    ['say', 'guidance']
    """
    path = data_dir / schema.file
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except FileNotFoundError:
        raise AnnotationError(schema.file, None, f"file not found in {data_dir}") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise AnnotationError(schema.file, None, f"not a readable CSV table ({first_line})") from None
    for column in schema.columns:
        if column not in frame.columns:
            raise AnnotationError(schema.file, None, f"missing column {column!r}")
    return frame


def row_labels(frame: pd.DataFrame, schema: TableSchema) -> list[str]:
    """Name each row for an error message: by its id, or by its line in the file when it has none.

    >>> row_labels(pd.DataFrame({"verb_lemma": ["say", ""]}), SCHEMAS["verbs"])
    ['say', 'at line 3']
    """
    if schema.id_column is None:
        return [f"at line {i + 2}" for i in range(len(frame))]
    return [value if value else f"at line {i + 2}" for i, value in enumerate(frame[schema.id_column])]


def validate_values(frame: pd.DataFrame, schema: TableSchema, labels: list[str]) -> None:
    """Validate one table's own values: ids, required values, choices and numbers; convert the numbers.

    Ids are unique and never empty, required columns hold something, a column with choices holds
    one of them, and number columns hold numbers, which become ints and floats in place.

    >>> from exodus_reader.corpus.article import DATA_DIR
    >>> verbs = read_csv_table(DATA_DIR, SCHEMAS["verbs"])
    >>> verbs.loc[1, "basis"] = "hearsay"
    >>> validate_values(verbs, SCHEMAS["verbs"], row_labels(verbs, SCHEMAS["verbs"]))
    Traceback (most recent call last):
    exodus_reader.errors.AnnotationError: verbs.csv row tell: basis 'hearsay' is not one of guidance, reading
    """
    if schema.id_column is not None:
        seen: dict[str, int] = {}
        for line, value in enumerate(frame[schema.id_column], start=2):
            if not value:
                raise AnnotationError(schema.file, f"at line {line}", f"{schema.id_column} is empty")
            if value in seen:
                raise AnnotationError(schema.file, value, f"{schema.id_column} {value!r} appears twice "
                                      f"(lines {seen[value]} and {line})")
            seen[value] = line
    for column in schema.required_values:
        for label, value in zip(labels, frame[column]):
            if not value.strip():
                raise AnnotationError(schema.file, label, f"{column} is empty")
    for column, allowed in schema.choices.items():
        for label, value in zip(labels, frame[column]):
            if value not in allowed:
                options = ", ".join(sorted(a for a in allowed if a)) or "empty"
                raise AnnotationError(schema.file, label, f"{column} {value!r} is not one of {options}")
    for column in schema.int_columns + schema.optional_int_columns:
        optional = column in schema.optional_int_columns
        for label, value in zip(labels, frame[column]):
            if not (_WHOLE_NUMBER.fullmatch(value) or (optional and value == "")):
                raise AnnotationError(schema.file, label, f"{column} {value!r} is not a whole number")
            if value and int(value) > _LARGEST:
                raise AnnotationError(schema.file, label, f"{column} {quoted(value, 12)} is too large "
                                      f"(at most {_LARGEST})")
        frame[column] = pd.array([int(v) if v else None for v in frame[column]],
                                 dtype="Int64" if optional else "int64")
    for column in schema.float_columns:
        for label, value in zip(labels, frame[column]):
            try:
                float(value)
            except ValueError:
                raise AnnotationError(schema.file, label, f"{column} {value!r} is not a number") from None
        frame[column] = frame[column].astype(float)


def _validate_spans(frame: pd.DataFrame, schema: TableSchema, labels: list[str], text: str) -> None:
    """Prove that every offset pair points at the text the row says it does."""
    for start_col, end_col, text_col in schema.spans:
        for label, start, end, expected in zip(labels, frame[start_col], frame[end_col], frame[text_col]):
            if pd.isna(start) and pd.isna(end) and expected == "":
                continue
            if pd.isna(start) or pd.isna(end):
                raise AnnotationError(schema.file, label, f"{start_col} and {end_col} must both be "
                                      f"given for {text_col} {quoted(expected)}")
            if not 0 <= start < end <= len(text):
                raise AnnotationError(schema.file, label, f"{start_col}-{end_col} {start}-{end} is not "
                                      f"a span of the article (0-{len(text)})")
            if text[start:end] != expected:
                raise AnnotationError(schema.file, label, f"text at {start}-{end} is "
                                      f"{quoted(text[start:end])}, expected {quoted(expected)}")


def validate_references(tables: dict[str, pd.DataFrame], name: str, labels: list[str],
                        schemas: dict[str, TableSchema] = SCHEMAS) -> None:
    """Validate that every value of a column that points into another table is an id of that table.

    >>> schemas = {"people": TableSchema("people.csv", "person", ("person",)),
    ...            "quotes": TableSchema("quotes.csv", "quote", ("quote", "person"),
    ...                                  references={"person": "people"})}
    >>> tables = {"people": pd.DataFrame({"person": ["p1"]}),
    ...           "quotes": pd.DataFrame({"quote": ["q1"], "person": ["p2"]})}
    >>> validate_references(tables, "quotes", ["q1"], schemas)
    Traceback (most recent call last):
    exodus_reader.errors.AnnotationError: quotes.csv row q1: person 'p2' is not in people.csv
    """
    schema = schemas[name]
    for column, target in schema.references.items():
        known = set(tables[target][schemas[target].id_column])
        for label, value in zip(labels, tables[name][column]):
            if value and value not in known:
                raise AnnotationError(schema.file, label, f"{column} {value!r} is not in {schemas[target].file}")


def _validate_inside_paragraphs(tables: dict[str, pd.DataFrame], name: str, labels: list[str]) -> None:
    """Every annotated span lies inside the paragraph its row names."""
    schema = SCHEMAS[name]
    bounds = {row.paragraph_id: (row.start, row.end) for row in tables["paragraphs"].itertuples()}
    frame = tables[name]
    for start_col, end_col, _ in schema.spans:
        for label, pid, start, end in zip(labels, frame["paragraph_id"], frame[start_col], frame[end_col]):
            if pd.isna(start):
                continue
            p_start, p_end = bounds[pid]
            if not p_start <= start < end <= p_end:
                raise AnnotationError(schema.file, label, f"span {start}-{end} is not inside paragraph "
                                      f"{pid} ({p_start}-{p_end})")


def _validate_paragraphs(paragraphs: pd.DataFrame, text: str) -> None:
    """Paragraphs are numbered in order, do not overlap, and cover every visible character."""
    covered = 0
    for number, row in enumerate(paragraphs.itertuples(), start=1):
        if row.paragraph_id != f"p{number:02d}":
            raise AnnotationError("paragraphs.csv", row.paragraph_id,
                                  f"expected id p{number:02d}: paragraphs are numbered in order")
        gap = text[covered:row.start]
        if gap.strip():
            raise AnnotationError("paragraphs.csv", row.paragraph_id,
                                  f"text {quoted(gap.strip())} before it belongs to no paragraph")
        if row.start < covered:
            raise AnnotationError("paragraphs.csv", row.paragraph_id, "overlaps the paragraph before it")
        covered = row.end
    if text[covered:].strip():
        raise AnnotationError("paragraphs.csv", None, f"text {quoted(text[covered:].strip())} at the "
                              "end belongs to no paragraph")


def _validate_events(events: pd.DataFrame, labels: list[str]) -> None:
    for label, date, precision in zip(labels, events["date"], events["precision"]):
        if not _DATE_FORMS[precision].match(date):
            raise AnnotationError("events.csv", label, f"date {date!r} does not fit precision "
                                  f"{precision!r}")
        for day in re.findall(_DAY, date):
            try:
                pd.Timestamp(day)
            except ValueError:
                raise AnnotationError("events.csv", label, f"date {day!r} is not a real day") from None


def _validate_places(places: pd.DataFrame, labels: list[str]) -> None:
    first: dict[str, tuple[str, float, float]] = {}
    for label, place, kind, lat, lon in zip(labels, places["place"], places["kind"],
                                            places["latitude"], places["longitude"]):
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise AnnotationError("places.csv", label, f"{lat}, {lon} is not a latitude and longitude")
        if first.setdefault(place, (kind, lat, lon)) != (kind, lat, lon):
            raise AnnotationError("places.csv", label, f"{place} has a different kind or position "
                                  "than in its first row")


def aliases(cell: str) -> list[str]:
    """The other names in an ``aliases`` cell, separated by semicolons.

    >>> aliases("UAE; the Emirates")
    ['UAE', 'the Emirates']
    >>> aliases("")
    []
    """
    return [name.strip() for name in cell.split(";") if name.strip()]


def _validate_aliases(frame: pd.DataFrame, file: str, name_column: str, labels: list[str]) -> None:
    """Aliases: no empty item, the same for every row of one name, and never shared by two names."""
    owner: dict[str, str] = {name.casefold(): name for name in frame[name_column]}
    first: dict[str, str] = {}
    for label, name, cell in zip(labels, frame[name_column], frame["aliases"]):
        if cell.strip() and any(not part.strip() for part in cell.split(";")):
            raise AnnotationError(file, label, f"aliases {cell!r} has an empty name between semicolons")
        if first.setdefault(name, cell) != cell:
            raise AnnotationError(file, label, f"{name} has other aliases than in its first row")
        for alias in aliases(cell):
            if owner.setdefault(alias.casefold(), name) != name:
                raise AnnotationError(file, label, f"alias {alias!r} of {name} also names "
                                      f"{owner[alias.casefold()]}")


def _validate_frames(tables: dict[str, pd.DataFrame], labels: list[str]) -> None:
    kinds = dict(zip(tables["paragraphs"]["paragraph_id"], tables["paragraphs"]["kind"]))
    for label in labels:
        if kinds.get(label) != "body":
            raise AnnotationError("frames.csv", label, "frames are coded for body paragraphs only")
    missing = sorted(set(p for p, k in kinds.items() if k == "body") - set(labels))
    if missing:
        raise AnnotationError("frames.csv", missing[0], "this body paragraph has no coding")


def _validate_frame_reasons(tables: dict[str, pd.DataFrame], labels: list[str]) -> None:
    """One reason for each frame of each coded paragraph, agreeing with the coding in frames.csv."""
    coding = tables["frames"].set_index("paragraph_id")
    seen = set()
    for label, pid, frame, present in zip(labels, *(tables["frame_reasons"][c] for c in
                                                    ("paragraph_id", "frame", "present"))):
        if pid not in coding.index:
            raise AnnotationError("frame_reasons.csv", label, f"{pid} has no coding in frames.csv")
        if (pid, frame) in seen:
            raise AnnotationError("frame_reasons.csv", label, f"{pid} has a second reason for {frame}")
        seen.add((pid, frame))
        if int(present) != int(coding.at[pid, frame]):
            raise AnnotationError("frame_reasons.csv", label, f"present is {present} for {pid} {frame}, but "
                                  f"frames.csv codes it {coding.at[pid, frame]}")
    missing = [(pid, frame) for pid in coding.index for frame in FRAMES if (pid, frame) not in seen]
    if missing:
        raise AnnotationError("frame_reasons.csv", missing[0][0], f"{missing[0][1]} has no reason")


def _validate_citations(tables: dict[str, pd.DataFrame], name: str, labels: list[str]) -> None:
    """Every paragraph a free-text column cites (p07, p13...) is a real paragraph."""
    schema = SCHEMAS[name]
    known = set(tables["paragraphs"]["paragraph_id"])
    for column in schema.cited_columns:
        for label, value in zip(labels, tables[name][column]):
            for cited in PARAGRAPH_CITATION.findall(value):
                if cited not in known:
                    raise AnnotationError(schema.file, label, f"{column} cites {cited}, which is not a "
                                          "paragraph in paragraphs.csv")


def _validate_verbs(tables: dict[str, pd.DataFrame]) -> None:
    """Every attribution verb the quotes use has a line in the verb glossary."""
    glossary = set(tables["verbs"]["verb_lemma"])
    for quote_id, lemma in zip(tables["quotes"]["quote_id"], tables["quotes"]["verb_lemma"]):
        if lemma and lemma not in glossary:
            raise AnnotationError("quotes.csv", quote_id, f"verb_lemma {lemma!r} has no row in verbs.csv")


def _validate_timeline(timeline: pd.DataFrame, labels: list[str]) -> None:
    for label, date, url in zip(labels, timeline["date"], timeline["source_url"]):
        if not re.fullmatch(_DAY, date):
            raise AnnotationError("context/timeline.csv", label, f"date {date!r} is not YYYY-MM-DD")
        if not url.startswith("https://"):
            raise AnnotationError("context/timeline.csv", label, f"source_url {quoted(url)} is not a web address")


def _validate_verb_references(verbs: pd.DataFrame, labels: list[str]) -> None:
    """A verb whose basis is newsroom guidance names the reference that states the guidance."""
    for label, basis, reference in zip(labels, verbs["basis"], verbs["reference"]):
        if basis == "guidance" and not reference:
            raise AnnotationError("verbs.csv", label, "basis 'guidance' needs a reference from references.csv")


def _validate_references_table(references: pd.DataFrame, labels: list[str]) -> None:
    """Ids are short kebab-case keys, addresses are full web addresses, dates are real days,
    and an excerpt is a short quotation, not a copied page."""
    for label, ref_id, date, url, excerpt in zip(labels, references["id"], references["date"],
                                                  references["url"], references["excerpt"]):
        if not _REFERENCE_ID.match(ref_id):
            raise AnnotationError("references.csv", label, f"id {ref_id!r} is not kebab-case "
                                  "(small letters, digits and hyphens, such as 'entman-1993')")
        if not re.fullmatch(r"https?://\S+", url):
            raise AnnotationError("references.csv", label, f"url {quoted(url)} is not a full web address")
        if date:
            if not re.fullmatch(_DAY, date):
                raise AnnotationError("references.csv", label, f"date {date!r} is not YYYY-MM-DD")
            try:
                pd.Timestamp(date)
            except ValueError:
                raise AnnotationError("references.csv", label, f"date {date!r} is not a real day") from None
        words = len(excerpt.split())
        if words > MAX_EXCERPT_WORDS:
            raise AnnotationError("references.csv", label, f"excerpt has {words} words; quote at most "
                                  f"{MAX_EXCERPT_WORDS} from the page")


def read_tables(data_dir: Path, text: str) -> dict[str, pd.DataFrame]:
    """Read every annotation table, check every rule, and return typed tables.

    >>> from exodus_reader.corpus.article import DATA_DIR
    >>> text = read_article(DATA_DIR)
    >>> tables = read_tables(DATA_DIR, text)
    >>> sorted(tables)  # doctest: +NORMALIZE_WHITESPACE
    ['devices', 'entman', 'events', 'frame_reasons', 'frames', 'numbers', 'paragraphs', 'places', 'quotes', 'references',
     'sources', 'timeline', 'verbs']
    >>> row = tables["quotes"].iloc[0]
    >>> text[row.start:row.end] == row.text
    True
    """
    tables = {name: read_csv_table(data_dir, schema) for name, schema in SCHEMAS.items()}
    labels = {name: row_labels(tables[name], SCHEMAS[name]) for name in tables}
    for name, frame in tables.items():
        validate_values(frame, SCHEMAS[name], labels[name])
        _validate_spans(frame, SCHEMAS[name], labels[name], text)
    _validate_paragraphs(tables["paragraphs"], text)
    for name in tables:
        validate_references(tables, name, labels[name])
        if SCHEMAS[name].spans and "paragraph_id" in SCHEMAS[name].columns:
            _validate_inside_paragraphs(tables, name, labels[name])
        _validate_citations(tables, name, labels[name])
    _validate_events(tables["events"], labels["events"])
    _validate_places(tables["places"], labels["places"])
    _validate_aliases(tables["places"], "places.csv", "place", labels["places"])
    _validate_aliases(tables["sources"], "sources.csv", "name", labels["sources"])
    _validate_frames(tables, labels["frames"])
    _validate_frame_reasons(tables, labels["frame_reasons"])
    _validate_timeline(tables["timeline"], labels["timeline"])
    _validate_verbs(tables)
    _validate_verb_references(tables["verbs"], labels["verbs"])
    _validate_references_table(tables["references"], labels["references"])
    return tables
