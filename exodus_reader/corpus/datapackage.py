"""The data contract, written out from the schemas: ``data/datapackage.json`` and the column
tables of ``data/README.md`` and ``data/coverage/README.md``.

Two families of tables make up the data: the article's annotations
(:data:`exodus_reader.corpus.schema.SCHEMAS`) and the coverage set
(:data:`exodus_reader.corpus.coverage.SCHEMAS`). Each module holds the rules the package checks
and ``MEANINGS``, what each column means; the package descriptor and the README tables are
generated from them, so that the three can never tell different stories.
``python -m exodus_reader datapackage`` writes them; a test fails when any is stale.

``datapackage.json`` follows the Frictionless Data Package standard (v1): one tabular data
resource for each CSV file, with its fields, types, required values, allowed values, primary
key and foreign keys, and the article's text and facts as two more resources, the text with
its SHA-256 hash. Rules that the standard cannot state (an offset pair must point at the
text in its row; a span lies inside its paragraph; dates fit their precision; an excerpt
stands on its report's stored page) stay in ``schema.py`` and ``coverage.py``, and
``validate-data`` checks them.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import OneLineError
from . import coverage, schema
from .schema import Meanings, TableSchema


@dataclass(frozen=True)
class Family:
    """Tables described together: their rules, their meanings and the README that shows them."""

    #: the module that holds the rules and meanings, as the README's markers name it
    source: str
    #: the README with the generated tables, relative to the data folder
    readme: str
    #: put before each resource name: the coverage set has a numbers.csv of its own
    prefix: str
    schemas: dict[str, TableSchema]
    meanings: dict[str, Meanings]

    def resource(self, name: str) -> str:
        """The resource name of a table (lower case, digits and -).

        >>> COVERAGE.resource("claim_reports")
        'coverage-claim-reports'
        """
        return self.prefix + name.replace("_", "-")


ARTICLE = Family("exodus_reader/corpus/schema.py", "README.md", "", schema.SCHEMAS, schema.MEANINGS)
COVERAGE = Family("exodus_reader/corpus/coverage.py", "coverage/README.md", "coverage-", coverage.SCHEMAS,
                  coverage.MEANINGS)
FAMILIES = (ARTICLE, COVERAGE)

#: The marker comments in a README around each generated table.
BEGIN = "<!-- columns of {file}: generated from {source} by `python -m exodus_reader datapackage` -->"
END = "<!-- end of the generated columns -->"
_GENERATED = re.compile(r"<!-- columns of (?P<file>[\w/.]+): generated from [^\n]*-->\n.*?" + re.escape(END), re.S)


def meaning(family: Family, name: str, column: str) -> str:
    """What a column of a table means, as the README says it.

    >>> meaning(ARTICLE, "quotes", "nested_in")[:39]
    'for a statement reported inside someone'
    >>> meaning(COVERAGE, "claims", "verdict")
    '`traced`, `traced to an unnamed source`, `not traced`'
    """
    for columns, text in family.meanings[name]:
        if column in columns:
            return text
    raise OneLineError(f"{family.schemas[name].file}: column {column!r} has no meaning in {family.source}")


def _allowed(schema: TableSchema, column: str) -> list[str]:
    return sorted(a for a in schema.choices.get(column, ()) if a)


def _required(schema: TableSchema, column: str) -> bool:
    return (column == schema.id_column or column in schema.required_values or column in schema.int_columns
            or (column in schema.choices and "" not in schema.choices[column]))


def rules(family: Family, name: str, column: str) -> list[str]:
    """The rules the package checks for one column, in plain words.

    >>> rules(ARTICLE, "quotes", "source_id")
    ['a source_id of sources.csv']
    >>> rules(ARTICLE, "quotes", "quote_id")
    ['unique', 'required']
    >>> rules(ARTICLE, "quotes", "text")
    ['exactly the article at start:end']
    >>> rules(COVERAGE, "voices", "report_id")
    ['required', 'a report_id of coverage/reports.csv']
    """
    schema = family.schemas[name]
    found = []
    if column == schema.id_column:
        found.append("unique")
    if _required(schema, column):
        found.append("required")
    if column in schema.int_columns + schema.optional_int_columns and column not in schema.choices:
        found.append("a whole number (digits 0-9)")
    if column in schema.float_columns:
        found.append("a number")
    if column in schema.choices:
        found.append("one of the values listed" if len(_allowed(schema, column)) > 2
                     else " or ".join(_allowed(schema, column)))
    if column in schema.references:
        target = family.schemas[schema.references[column]]
        found.append(f"{'an' if target.id_column[0] in 'aeiou' else 'a'} {target.id_column} of {target.file}")
    for start, end, text in schema.spans:
        if column == text:
            found.append(f"exactly the article at {start}:{end}")
    if column in schema.cited_columns:
        found.append("cited paragraphs (p07) exist")
    return found


def _field(family: Family, name: str, column: str) -> dict:
    schema = family.schemas[name]
    field: dict = {"name": column, "description": re.sub(r"`([^`]*)`", r"\1", meaning(family, name, column))}
    constraints: dict = {}
    if column in schema.int_columns + schema.optional_int_columns:
        field["type"] = "integer"
        field["bareNumber"] = False
        constraints["minimum"] = 0
    elif column in schema.float_columns:
        field["type"] = "number"
    else:
        field["type"] = "string"
    if _required(schema, column):
        constraints["required"] = True
    if column == schema.id_column:
        constraints["unique"] = True
    if column in schema.choices:
        allowed = _allowed(schema, column)
        constraints["enum"] = [int(a) for a in allowed] if field["type"] == "integer" else allowed
    if constraints:
        field["constraints"] = constraints
    return field


def _resource(family: Family, name: str) -> dict:
    schema = family.schemas[name]
    table: dict = {"fields": [_field(family, name, column) for column in schema.columns], "missingValues": [""]}
    if schema.id_column:
        table["primaryKey"] = [schema.id_column]
    foreign = []
    for column, target in schema.references.items():
        foreign.append({"fields": [column], "reference": {"resource": "" if target == name else family.resource(target),
                                                          "fields": [family.schemas[target].id_column]}})
    if foreign:
        table["foreignKeys"] = foreign
    return {"name": family.resource(name), "path": schema.file, "profile": "tabular-data-resource",
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "dialect": {"delimiter": ",", "quoteChar": '"', "doubleQuote": True, "header": True},
            "schema": table}


def datapackage(data_dir: Path) -> dict:
    """The Frictionless data package descriptor of the data folder.

    >>> from exodus_reader.corpus.article import DATA_DIR
    >>> package = datapackage(DATA_DIR)
    >>> [r["name"] for r in package["resources"]][:4]
    ['article', 'article-facts', 'paragraphs', 'sources']
    >>> quotes = next(r for r in package["resources"] if r["name"] == "quotes")
    >>> quotes["schema"]["foreignKeys"][0]
    {'fields': ['source_id'], 'reference': {'resource': 'sources', 'fields': ['source_id']}}
    >>> voices = next(r for r in package["resources"] if r["path"] == "coverage/voices.csv")
    >>> voices["name"], voices["schema"]["foreignKeys"][0]["reference"]["resource"]
    ('coverage-voices', 'coverage-reports')
    """
    meta = json.loads((data_dir / "article.json").read_text(encoding="utf-8"))
    text_hash = hashlib.sha256((data_dir / "article.txt").read_bytes()).hexdigest()
    tables = [_resource(family, name) for family in FAMILIES for name in family.schemas]
    names = ["article", "article-facts", *(table["name"] for table in tables)]
    clash = next((n for n in names if names.count(n) > 1), None)
    if clash:  # a resource name must be unique in the package
        raise OneLineError(f"two resources of the data package are named {clash!r}")
    return {
        "profile": "data-package",
        "name": "exodus-reader-data",
        "title": f"{meta['headline']}: the article and its annotations",
        "description": ("DW's report of 24 September 2022, byte for byte, and hand-made annotations of "
                        "its paragraphs, sources, quotes, events, places, devices, numbers and frames; and "
                        "the coverage set: other newsrooms' reports of the same week, in short excerpts, "
                        "the claims traced between them and the outlets behind them. Generated from "
                        f"{ARTICLE.source} and {COVERAGE.source} by `python -m exodus_reader datapackage`; "
                        f"see {ARTICLE.readme} and {COVERAGE.readme} in this folder."),
        "homepage": meta["url"],
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 (the annotations; "
                      "not article.txt, which is DW's, nor the excerpts in coverage/, which are their "
                      "publishers': see README.md and coverage/README.md)",
                      "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "sources": [{"title": f"{meta['headline']}, {meta['author']}, DW, {meta['published']}",
                     "path": meta["url"]}],
        "resources": [
            {"name": "article", "path": "article.txt", "format": "txt", "mediatype": "text/plain",
             "encoding": "utf-8", "hash": f"sha256:{text_hash}",
             "description": "The article's text as published, byte for byte; every offset points into it."},
            {"name": "article-facts", "path": "article.json", "format": "json", "mediatype": "application/json",
             "encoding": "utf-8", "description": "Facts about the article: headline, author, date, address."},
            *tables,
        ],
    }


def datapackage_json(data_dir: Path) -> str:
    """``datapackage.json`` as it is written: indented, non-ASCII kept, ending in a newline.

    >>> from exodus_reader.corpus.article import DATA_DIR
    >>> print(datapackage_json(DATA_DIR)[:30])
    {
      "profile": "data-package",
    """
    return json.dumps(datapackage(data_dir), indent=2, ensure_ascii=False) + "\n"


def column_table(family: Family, name: str) -> str:
    """The Markdown table of one file's columns: meaning and the rules the package checks.

    >>> print(column_table(ARTICLE, "frame_reasons").splitlines()[3])
    | `frame` | one of the five frames; each paragraph has one row for each frame | required, one of the values listed |
    >>> print(column_table(COVERAGE, "claim_reports").splitlines()[2])
    | `claim_id`, `report_id` | the claim and a report of the set that carries it | `claim_id`: required, a claim_id of coverage/claims.csv; `report_id`: required, a report_id of coverage/reports.csv |
    """
    lines = ["| column | meaning | checked |", "|---|---|---|"]
    for columns, text in family.meanings[name]:
        groups: dict[tuple[str, ...], list[str]] = {}  # columns with the same rules, shown once
        for column in columns:
            groups.setdefault(tuple(rules(family, name, column)), []).append(column)
        if len(groups) == 1:
            shown = ", ".join(next(iter(groups)))
        else:
            shown = "; ".join(f"{', '.join(f'`{c}`' for c in cols)}: {', '.join(found)}"
                              for found, cols in groups.items() if found)
        lines.append(f"| {', '.join(f'`{c}`' for c in columns)} | {text} | {shown} |")
    return "\n".join(lines)


def readme_with_tables(family: Family, readme: str) -> str:
    """A family's README with every generated table written anew from its module.

    Only the text between a table's two markers changes; the prose around it is kept.

    >>> stale = BEGIN.format(file="verbs.csv", source=ARTICLE.source) + "\\n| an old table |\\n" + END
    >>> readme = readme_with_tables(ARTICLE, "The verbs:\\n" + stale + "\\nMore prose.\\n")
    >>> print("\\n".join(readme.splitlines()[2:5]))
    | column | meaning | checked |
    |---|---|---|
    | `verb_lemma` | the verb as `quotes.csv` counts it: `say`, `tell`, `claim`, `make clear`... | unique, required |
    >>> readme.splitlines()[-1], "an old table" in readme
    ('More prose.', False)
    """

    def table(match: re.Match) -> str:
        file = match.group("file")
        name = next((n for n, s in family.schemas.items() if s.file == file), None)
        if name is None:
            raise OneLineError(f"data/{family.readme} has generated columns for {file}, "
                               f"which is not in {family.source}")
        return f"{BEGIN.format(file=file, source=family.source)}\n{column_table(family, name)}\n{END}"

    return _GENERATED.sub(table, readme)


def write_contract(data_dir: Path) -> list[Path]:
    """Write ``datapackage.json`` and the tables of each README in a data folder; return what changed.

    >>> import shutil, tempfile
    >>> from exodus_reader.corpus.article import DATA_DIR
    >>> folder = Path(tempfile.mkdtemp())
    >>> for name in ("article.json", "article.txt", "README.md", "coverage/README.md"):
    ...     (folder / name).parent.mkdir(exist_ok=True)
    ...     _ = shutil.copy(DATA_DIR / name, folder / name)
    >>> [path.name for path in write_contract(folder)]  # the READMEs' tables are up to date already
    ['datapackage.json']
    >>> write_contract(folder)
    []
    """
    written = [(data_dir / "datapackage.json", datapackage_json(data_dir))]
    for family in FAMILIES:
        readme = data_dir / family.readme
        written.append((readme, readme_with_tables(family, readme.read_text(encoding="utf-8"))))
    changed = []
    for path, new in written:
        if not path.is_file() or path.read_text(encoding="utf-8") != new:
            path.write_text(new, encoding="utf-8")
            changed.append(path)
    return changed
