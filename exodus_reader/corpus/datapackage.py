"""The data contract, written out from the schema: ``data/datapackage.json`` and the column
tables of ``data/README.md``.

Both are generated from :data:`exodus_reader.corpus.schema.SCHEMAS` (the rules the package checks)
and :data:`exodus_reader.corpus.schema.MEANINGS` (what each column means), so the three can never
tell different stories. ``python -m exodus_reader datapackage`` writes them; a test fails
when either is stale.

``datapackage.json`` follows the Frictionless Data Package standard (v1): one tabular data
resource for each CSV file, with its fields, types, required values, allowed values, primary
key and foreign keys, and the article's text and facts as two more resources, the text with
its SHA-256 hash. Rules that the standard cannot state (an offset pair must point at the
text in its row; a span lies inside its paragraph; dates fit their precision) stay in
``schema.py``, and ``validate-data`` checks them.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from ..errors import OneLineError
from .schema import MEANINGS, SCHEMAS, TableSchema

#: The marker comments in data/README.md around each generated table.
BEGIN = "<!-- columns of {file}: generated from exodus_reader/corpus/schema.py by `python -m exodus_reader datapackage` -->"
END = "<!-- end of the generated columns -->"
_GENERATED = re.compile(r"<!-- columns of (?P<file>[\w/.]+): generated from [^\n]*-->\n.*?" + re.escape(END), re.S)


def meaning(name: str, column: str) -> str:
    """What a column of a table means, as data/README.md says it.

    >>> meaning("quotes", "nested_in")[:39]
    'for a statement reported inside someone'
    """
    for columns, text in MEANINGS[name]:
        if column in columns:
            return text
    raise OneLineError(f"{SCHEMAS[name].file}: column {column!r} has no meaning in schema.MEANINGS")


def _allowed(schema: TableSchema, column: str) -> list[str]:
    return sorted(a for a in schema.choices.get(column, ()) if a)


def _required(schema: TableSchema, column: str) -> bool:
    return (column == schema.id_column or column in schema.required_values or column in schema.int_columns
            or (column in schema.choices and "" not in schema.choices[column]))


def rules(schema: TableSchema, column: str) -> list[str]:
    """The rules the package checks for one column, in plain words.

    >>> rules(SCHEMAS["quotes"], "source_id")
    ['a source_id of sources.csv']
    >>> rules(SCHEMAS["quotes"], "quote_id")
    ['unique', 'required']
    >>> rules(SCHEMAS["quotes"], "text")
    ['exactly the article at start:end']
    """
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
        target = SCHEMAS[schema.references[column]]
        found.append(f"a {target.id_column} of {target.file}")
    for start, end, text in schema.spans:
        if column == text:
            found.append(f"exactly the article at {start}:{end}")
    if column in schema.cited_columns:
        found.append("cited paragraphs (p07) exist")
    return found


def _field(name: str, schema: TableSchema, column: str) -> dict:
    field: dict = {"name": column, "description": re.sub(r"`([^`]*)`", r"\1", meaning(name, column))}
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


def _resource(name: str, schema: TableSchema) -> dict:
    table: dict = {"fields": [_field(name, schema, column) for column in schema.columns], "missingValues": [""]}
    if schema.id_column:
        table["primaryKey"] = [schema.id_column]
    foreign = []
    for column, target in schema.references.items():
        foreign.append({"fields": [column], "reference": {"resource": "" if target == name else target,
                                                          "fields": [SCHEMAS[target].id_column]}})
    if foreign:
        table["foreignKeys"] = foreign
    return {"name": name.replace("_", "-"), "path": schema.file, "profile": "tabular-data-resource",
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
    """
    meta = json.loads((data_dir / "article.json").read_text(encoding="utf-8"))
    text_hash = hashlib.sha256((data_dir / "article.txt").read_bytes()).hexdigest()
    for name in SCHEMAS:  # a resource name must be lower case, digits, -, _ or .
        if name.replace("_", "-") == "article":
            raise OneLineError(f"the table name {name!r} clashes with the article's resource")
    return {
        "profile": "data-package",
        "name": "exodus-reader-data",
        "title": f"{meta['headline']}: the article and its annotations",
        "description": ("DW's report of 24 September 2022, byte for byte, and hand-made annotations of "
                        "its paragraphs, sources, quotes, events, places, devices, numbers and frames. "
                        "Generated from exodus_reader/corpus/schema.py by `python -m exodus_reader datapackage`; "
                        "see README.md in this folder."),
        "homepage": meta["url"],
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 (the annotations; "
                      "not article.txt, which is DW's: see README.md)",
                      "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "sources": [{"title": f"{meta['headline']}, {meta['author']}, DW, {meta['published']}",
                     "path": meta["url"]}],
        "resources": [
            {"name": "article", "path": "article.txt", "format": "txt", "mediatype": "text/plain",
             "encoding": "utf-8", "hash": f"sha256:{text_hash}",
             "description": "The article's text as published, byte for byte; every offset points into it."},
            {"name": "article-facts", "path": "article.json", "format": "json", "mediatype": "application/json",
             "encoding": "utf-8", "description": "Facts about the article: headline, author, date, address."},
            *(_resource(name, schema) for name, schema in SCHEMAS.items()),
        ],
    }


def datapackage_json(data_dir: Path) -> str:
    """``datapackage.json`` as it is written: indented, non-ASCII kept, ending in a newline."""
    return json.dumps(datapackage(data_dir), indent=2, ensure_ascii=False) + "\n"


def column_table(name: str) -> str:
    """The Markdown table of one file's columns: meaning and the rules the package checks.

    >>> print(column_table("frame_reasons").splitlines()[3])
    | `frame` | one of the five frames; each paragraph has one row for each frame | required, one of the values listed |
    """
    schema = SCHEMAS[name]
    lines = ["| column | meaning | checked |", "|---|---|---|"]
    for columns, text in MEANINGS[name]:
        groups: dict[tuple[str, ...], list[str]] = {}  # columns with the same rules, shown once
        for column in columns:
            groups.setdefault(tuple(rules(schema, column)), []).append(column)
        if len(groups) == 1:
            shown = ", ".join(next(iter(groups)))
        else:
            shown = "; ".join(f"{', '.join(f'`{c}`' for c in cols)}: {', '.join(found)}"
                              for found, cols in groups.items() if found)
        lines.append(f"| {', '.join(f'`{c}`' for c in columns)} | {text} | {shown} |")
    return "\n".join(lines)


def readme_with_tables(readme: str) -> str:
    """data/README.md with every generated table written anew from the schema."""
    def table(match: re.Match) -> str:
        file = match.group("file")
        name = next((n for n, s in SCHEMAS.items() if s.file == file), None)
        if name is None:
            raise OneLineError(f"data/README.md has generated columns for {file}, which is not in the schema")
        return f"{BEGIN.format(file=file)}\n{column_table(name)}\n{END}"

    return _GENERATED.sub(table, readme)


def write_contract(data_dir: Path) -> list[Path]:
    """Write ``datapackage.json`` and the tables of ``README.md`` in a data folder; return what changed."""
    changed = []
    for path, new in ((data_dir / "datapackage.json", datapackage_json(data_dir)),
                      (data_dir / "README.md", readme_with_tables((data_dir / "README.md").read_text(encoding="utf-8")))):
        if not path.is_file() or path.read_text(encoding="utf-8") != new:
            path.write_text(new, encoding="utf-8")
            changed.append(path)
    return changed
