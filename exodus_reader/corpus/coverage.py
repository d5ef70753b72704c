"""Other newsrooms, the same week: the coverage set, its traced claims and its outlets.

The files in ``data/coverage/`` describe 6 to 10 other reports of the same events
(21 to 30 September 2022) with short excerpts, and ``data/references.csv`` backs
every outlet profile with a cited page. :func:`coverage` reads them once, checks
every rule and returns the tables, or raises
:class:`~exodus_reader.errors.AnnotationError` naming the file, the row and the
problem.

>>> sets = coverage()
>>> 6 <= len(sets.reports) <= 10
True
>>> sorted(sets.reports["kind"].unique())[:2]
['independent outlet in exile', 'news agency']
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import pandas as pd

from .article import DATA_DIR, load, word_count
from ..errors import AnnotationError
from .schema import (UNNAMED, Meanings, TableSchema, quoted, read_csv_table, row_labels,
                     validate_references, validate_values)

#: The longest excerpt we store, in words (counted as :func:`~exodus_reader.corpus.article.word_count` counts).
MAX_EXCERPT_WORDS = 40
#: The days the coverage set covers: the call-up on 21 September to the end of that month.
FIRST_DAY, LAST_DAY = "2022-09-21", "2022-09-30"
#: How many reports the set may hold.
MIN_REPORTS, MAX_REPORTS = 6, 10

OUTLET_KINDS = frozenset({"news agency", "state news agency", "public broadcaster", "private broadcaster",
                          "state-owned broadcaster", "independent outlet in exile"})
DATE_BASES = frozenset({"page", "dateline", "address", "text"})
NAMING_KINDS = frozenset({"fleeing", "exodus", "leaving", "arriving", "avoiding", "label"})
SOURCE_TYPES = frozenset({"official", "politician", "ordinary person", "activist", "media", "journalist",
                          "other", "unknown"})
NAMINGS = frozenset({"full name", "first name only", "anonymous", "title and surname", "institution",
                     "country", "unnamed group", "pronoun only"})
VERDICTS = frozenset({"traced", "traced to an unnamed source", "not traced"})

_PLACE = re.compile(r"^(headline|standfirst|caption|subheading|para ([1-9]\d*))$")
_ADDRESS = re.compile(r"^https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(/\S*)?$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NUMBER = re.compile(r"^\d+(\.\d+)?$")

SCHEMAS: dict[str, TableSchema] = {
    "reports": TableSchema(
        "coverage/reports.csv", "report_id",
        ("report_id", "outlet_id", "outlet", "kind", "carried_by", "date", "date_basis", "headline", "url",
         "shown", "paragraphs_shown", "why_chosen", "note"),
        int_columns=("paragraphs_shown",),
        choices={"kind": OUTLET_KINDS, "date_basis": DATE_BASES, "shown": frozenset({"start only", "whole"})},
        references={"outlet_id": "outlets"}, required_values=("outlet_id", "outlet", "date", "url", "why_chosen")),
    "naming": TableSchema(
        "coverage/naming.csv", "naming_id", ("naming_id", "report_id", "words", "kind", "place", "excerpt"),
        choices={"kind": NAMING_KINDS}, references={"report_id": "reports"},
        required_values=("report_id", "words", "place", "excerpt")),
    "numbers": TableSchema(
        "coverage/numbers.csv", "number_id",
        ("number_id", "report_id", "text", "value", "unit", "exact", "what", "attributed_to", "place", "excerpt"),
        choices={"exact": frozenset({"yes", "no"})}, references={"report_id": "reports"},
        required_values=("report_id", "text", "what", "attributed_to", "place", "excerpt")),
    "voices": TableSchema(
        "coverage/voices.csv", "voice_id",
        ("voice_id", "report_id", "name", "source_type", "naming", "quote_kind", "place", "excerpt", "note"),
        choices={"source_type": SOURCE_TYPES, "naming": NAMINGS, "quote_kind": frozenset({"direct", "indirect"})},
        references={"report_id": "reports"}, required_values=("report_id", "name", "place", "excerpt")),
    "claims": TableSchema(
        "coverage/claims.csv", "claim_id",
        ("claim_id", "claim", "origin", "origin_url", "origin_date", "origin_place", "origin_excerpt",
         "verdict", "note"),
        choices={"verdict": VERDICTS}, required_values=("claim", "origin", "note")),
    "claim_reports": TableSchema(
        "coverage/claim_reports.csv", None, ("claim_id", "report_id", "attributed_to", "place", "excerpt"),
        references={"claim_id": "claims", "report_id": "reports"},
        required_values=("claim_id", "report_id", "attributed_to", "place", "excerpt")),
    "outlets": TableSchema(
        "coverage/outlets.csv", "outlet_id",
        ("outlet_id", "name", "kind", "country", "owner", "funding", "editorial_independence", "references",
         "not_found"),
        choices={"kind": OUTLET_KINDS}, required_values=("name", "country", "references")),
}

#: What each column means, in plain words: data/coverage/README.md's tables and the field
#: descriptions in data/datapackage.json are generated from here (python -m exodus_reader datapackage).
MEANINGS: dict[str, Meanings] = {
    "reports": (
        (("report_id",), "`r01` ... in date order"),
        (("outlet_id",), "the outlet's profile in `outlets.csv`"),
        (("outlet",), "the newsroom that wrote the report"),
        (("kind",),
         "`news agency`, `state news agency`, `public broadcaster`, `private broadcaster`, "
         "`state-owned broadcaster`, `independent outlet in exile`"),
        (("carried_by",), "the site whose page the store holds, when it is not the outlet's own"),
        (("date",), "ISO date of publication, 21 to 30 September 2022"),
        (("date_basis",),
         "where the date comes from: `page` (printed on the page), `dateline` (the report's first line), "
         "`address` (the web address), `text` (worked out from the text; `note` shows how)"),
        (("headline",), "as the stored page shows it; empty when it shows none"),
        (("url",), "the full https address of the stored page"),
        (("shown", "paragraphs_shown"),
         "how much of the report the store shows (`start only`) and how many body paragraphs"),
        (("why_chosen", "note"), "why it is in the set; anything a reader should know"),
    ),
    "naming": (
        (("naming_id",), "`w01` ..."),
        (("report_id",), "the report"),
        (("words",), "the exact words, which stand inside the excerpt"),
        (("kind",),
         "`fleeing` (flee, fled, run away), `exodus`, `leaving` (left, rushed, headed to the borders), "
         "`arriving` (arrive, influx, inflow: the receiving side's view), `avoiding` (avoid, escape being "
         "called up), `label` (a category: tourists, men of military age)"),
        (("place", "excerpt"), "where they stand and the sentence around them"),
    ),
    "numbers": (
        (("number_id",), "`n01` ..."),
        (("report_id", "text"), "the report and the number as written (\"261,000\", \"about a dozen\")"),
        (("value", "unit"),
         "the number and what it counts; `value` is empty for vague amounts (\"large numbers\")"),
        (("exact",), "`yes` for a figure, `no` for a vague amount"),
        (("what",), "what the number is about, in our words"),
        (("attributed_to",), "whom the report gives it to, or \"no source given\""),
        (("place", "excerpt"), "where it stands"),
    ),
    "voices": (
        (("voice_id",), "`v01` ..."),
        (("report_id", "name"), "the report and the voice as the report names it"),
        (("source_type",),
         "`official`, `politician` (a party leader not in government), `ordinary person`, `activist`, "
         "`media`, `journalist`, `other` (a map service), `unknown` (the shown text does not say)"),
        (("naming",),
         "as in `data/sources.csv`: `full name`, `first name only`, `anonymous`, `title and surname`, "
         "`institution`, `country`, `unnamed group`, `pronoun only`; lesson 02 counts `anonymous`, "
         "`first name only`, `unnamed group` and `pronoun only` as unnamed"),
        (("quote_kind",),
         "`direct` when the report gives at least some of the voice's own words in quotation marks; "
         "`indirect` when it only reports what the voice said"),
        (("place", "excerpt"), "where the voice appears (the excerpt that shows it)"),
        (("note",), "anything a reader should know"),
    ),
    "claims": (
        (("claim_id",), "`c01` ..."),
        (("claim",), "the claim, in our words"),
        (("origin",), "the earliest source the stored pages show"),
        (("origin_url", "origin_date", "origin_place", "origin_excerpt"),
         "the page that shows it, its date, and the words; empty only when the verdict is `not traced`"),
        (("verdict",), "`traced`, `traced to an unnamed source`, `not traced`"),
        (("note",), "what the trail cannot show"),
    ),
    "claim_reports": (
        (("claim_id", "report_id"), "the claim and a report of the set that carries it"),
        (("attributed_to",), "whom that report gives the claim to"),
        (("place", "excerpt"), "where it stands"),
    ),
    "outlets": (
        (("outlet_id",), "`outlet-<name>`, the same id as its main row in `data/references.csv`"),
        (("name", "kind", "country"), "the outlet, its kind (as in `reports.csv`) and where it is based"),
        (("owner", "funding", "editorial_independence"),
         "the three questions, answered in our words from the references"),
        (("references",), "the ids of its rows in `data/references.csv`, separated by `;`"),
        (("not_found",), "which questions the stored pages did not answer"),
    ),
}

#: Tables whose rows each carry one excerpt from a report of the set.
EXCERPT_TABLES = ("naming", "numbers", "voices", "claim_reports")
#: What an outlet profile must say: the three factors of the State Media Matrix.
PROFILE_COLUMNS = ("owner", "funding", "editorial_independence")


@dataclass(frozen=True)
class Coverage:
    """The coverage set: reports, what they say, the claims traced and the outlets behind them.

    Tables come back as copies, so a notebook can change them freely.
    """

    _tables: dict[str, pd.DataFrame]

    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = object.__getattribute__(self, "_tables")
        if name in tables:
            return tables[name].copy()
        raise AttributeError(f"the coverage set has no table {name!r}; it has {', '.join(tables)}")

    def __repr__(self) -> str:
        """The tables and their sizes, in one line.

        >>> coverage()  # doctest: +ELLIPSIS
        Coverage(reports: 10 rows, naming: ... rows, ...)
        """
        return "Coverage(" + ", ".join(f"{name}: {len(frame)} rows" for name, frame in self._tables.items()) + ")"

    def __dir__(self) -> list[str]:
        return sorted(set(super().__dir__()) | set(self._tables))

    @property
    def names(self) -> list[str]:
        """The names of the tables.

        >>> coverage().names[:3]
        ['reports', 'naming', 'numbers']
        """
        return list(self._tables)

    def excerpts(self) -> pd.DataFrame:
        """Every stored excerpt of a report, with its outlet, date, address and place.

        >>> table = coverage().excerpts()
        >>> list(table.columns)
        ['table', 'row', 'report_id', 'outlet', 'date', 'url', 'place', 'excerpt']
        >>> bool(table["url"].str.startswith("https://").all())
        True
        """
        reports = self._tables["reports"].set_index("report_id")
        rows = []
        for name in EXCERPT_TABLES:
            frame = self._tables[name]
            ids = frame[SCHEMAS[name].id_column] if SCHEMAS[name].id_column else frame["claim_id"]
            for row_id, report_id, place, excerpt in zip(ids, frame["report_id"], frame["place"], frame["excerpt"]):
                report = reports.loc[report_id]
                rows.append((name, row_id, report_id, report["outlet"], report["date"], report["url"], place, excerpt))
        return pd.DataFrame(rows, columns=["table", "row", "report_id", "outlet", "date", "url", "place", "excerpt"])

    def voice_audit(self) -> pd.DataFrame:
        """Lesson 02's count, report by report: who speaks, named or not, in their own words or not.

        ``unnamed`` counts voices a reader cannot identify (anonymous, first name only,
        an unnamed group), as lesson 02 does.

        >>> audit = coverage().voice_audit().set_index("report_id")
        >>> [int(n) for n in audit.loc["r01", ["voices", "ordinary people", "unnamed", "direct"]]]
        [6, 3, 5, 5]
        """
        voices = self._tables["voices"]
        rows = []
        for report in self._tables["reports"].itertuples():
            own = voices[voices["report_id"] == report.report_id]
            types = own["source_type"]
            unnamed = int(own["naming"].isin(UNNAMED).sum())
            rows.append((report.report_id, report.outlet, report.date, len(own), int((types == "official").sum()),
                         int((types == "ordinary person").sum()), int((~types.isin(["official", "ordinary person"])).sum()),
                         len(own) - unnamed, unnamed, int((own["quote_kind"] == "direct").sum()),
                         int((own["quote_kind"] == "indirect").sum())))
        return pd.DataFrame(rows, columns=["report_id", "outlet", "date", "voices", "officials", "ordinary people",
                                           "others", "named", "unnamed", "direct", "indirect"])

    def addresses(self) -> set[str]:
        """Every web address the coverage files and the references give.

        >>> "https://tass.com/politics/1511743" in coverage().addresses()
        True
        """
        found = set(self._tables["reports"]["url"]) | set(self._tables["references"]["url"])
        return found | {url for url in self._tables["claims"]["origin_url"] if url}


def _fail(name: str, row: str | None, problem: str) -> NoReturn:
    raise AnnotationError(SCHEMAS[name].file, row, problem)


def _validate_excerpt(name: str, label: str, text: str, column: str = "excerpt") -> None:
    words = word_count(text)
    if words > MAX_EXCERPT_WORDS:
        _fail(name, label, f"{column} has {words} words; keep it to {MAX_EXCERPT_WORDS} or fewer")


def _validate_address(name: str, label: str, url: str, column: str) -> None:
    if not _ADDRESS.match(url):
        _fail(name, label, f"{column} {quoted(url)} is not a full https:// address")


def _validate_place(name: str, label: str, place: str, shown: int | None) -> None:
    match = _PLACE.match(place)
    if not match:
        _fail(name, label, f"place {place!r} is not headline, standfirst, caption, subheading or 'para N'")
    if match.group(2) and shown is not None and int(match.group(2)) > shown:
        _fail(name, label, f"place {place!r} is past the {shown} paragraphs the stored page shows")


def _validate_rows(tables: dict[str, pd.DataFrame], labels: dict[str, list[str]]) -> None:
    reports = tables["reports"]
    shown = dict(zip(reports["report_id"], reports["paragraphs_shown"]))
    headlines = dict(zip(reports["report_id"], reports["headline"]))
    for label, row in zip(labels["reports"], reports.itertuples()):
        if not _DAY.match(row.date) or not FIRST_DAY <= row.date <= LAST_DAY:
            _fail("reports", label, f"date {row.date!r} is not a day from {FIRST_DAY} to {LAST_DAY}")
        _validate_address("reports", label, row.url, "url")
    for name in EXCERPT_TABLES:
        for label, row in zip(labels[name], tables[name].itertuples()):
            _validate_place(name, label, row.place, shown[row.report_id])
            _validate_excerpt(name, label, row.excerpt)
            if row.place == "headline" and row.excerpt not in headlines[row.report_id]:
                _fail(name, label, f"excerpt {quoted(row.excerpt)} is placed in the headline but is not in it")
    for label, row in zip(labels["naming"], tables["naming"].itertuples()):
        if row.words not in row.excerpt:
            _fail("naming", label, f"words {quoted(row.words)} are not in the excerpt")
    for label, row in zip(labels["numbers"], tables["numbers"].itertuples()):
        if row.text not in row.excerpt:
            _fail("numbers", label, f"text {quoted(row.text)} is not in the excerpt")
        if row.value and not _NUMBER.match(row.value):
            _fail("numbers", label, f"value {row.value!r} is not a number")


def _validate_claims(tables: dict[str, pd.DataFrame], labels: dict[str, list[str]]) -> None:
    claims = tables["claims"]
    carried = set(tables["claim_reports"]["claim_id"])
    for label, row in zip(labels["claims"], claims.itertuples()):
        if row.claim_id not in carried:
            _fail("claims", label, "no report in coverage/claim_reports.csv carries this claim")
        if row.verdict == "not traced":
            continue
        for column in ("origin_url", "origin_date", "origin_place", "origin_excerpt"):
            if not getattr(row, column):
                _fail("claims", label, f"{column} is empty; a claim marked {row.verdict!r} needs its origin")
        _validate_address("claims", label, row.origin_url, "origin_url")
        if not _DAY.match(row.origin_date):
            _fail("claims", label, f"origin_date {row.origin_date!r} is not YYYY-MM-DD")
        _validate_place("claims", label, row.origin_place, None)
        _validate_excerpt("claims", label, row.origin_excerpt, "origin_excerpt")


def _validate_outlets(tables: dict[str, pd.DataFrame], labels: dict[str, list[str]]) -> None:
    known = set(tables["references"]["id"])
    for label, row in zip(labels["outlets"], tables["outlets"].itertuples()):
        cited = [ref for ref in row.references.split(";") if ref]
        for ref in cited:
            if ref not in known:
                _fail("outlets", label, f"reference {ref!r} is not in references.csv")
        if label not in cited:
            _fail("outlets", label, f"references must include the outlet's own row {label!r}")
        for column in PROFILE_COLUMNS:
            if not getattr(row, column) and column.split("_")[0] not in row.not_found:
                _fail("outlets", label, f"{column} is empty and not_found does not say why")


def read_coverage(data_dir: Path) -> dict[str, pd.DataFrame]:
    """Read every coverage file and ``references.csv``, check every rule, return the tables.

    >>> from exodus_reader.corpus.article import DATA_DIR
    >>> tables = read_coverage(DATA_DIR)
    >>> set(tables["voices"]["quote_kind"]) == {"direct", "indirect"}
    True
    """
    tables = {name: read_csv_table(data_dir, schema) for name, schema in SCHEMAS.items()}
    labels = {name: row_labels(tables[name], SCHEMAS[name]) for name in tables}
    for name, frame in tables.items():
        validate_values(frame, SCHEMAS[name], labels[name])
    # references.csv belongs to the whole module: the article's loader reads and checks it
    tables["references"] = load(data_dir).references
    _validate_outlets(tables, labels)
    # the size first: a set cut short leaves rows that point past it
    size = len(tables["reports"])
    if not MIN_REPORTS <= size <= MAX_REPORTS:
        _fail("reports", None, f"{size} reports; the coverage set holds {MIN_REPORTS} to {MAX_REPORTS}")
    for name in SCHEMAS:
        validate_references(tables, name, labels[name], SCHEMAS)
    _validate_rows(tables, labels)
    _validate_claims(tables, labels)
    return tables


@functools.lru_cache(maxsize=None)
def coverage(data_dir: str | Path | None = None) -> Coverage:
    """Load the coverage set once, checking every rule.

    >>> coverage() is coverage()
    True
    >>> bool(coverage().claims["verdict"].isin(["traced", "traced to an unnamed source", "not traced"]).all())
    True
    """
    folder = Path(data_dir) if data_dir is not None else DATA_DIR
    return Coverage(read_coverage(folder))
