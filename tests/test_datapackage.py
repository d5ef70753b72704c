"""data/datapackage.json and the column tables of data/README.md are the schema, written out."""

from __future__ import annotations

import json
import re

from conftest import DATA
from exodus_reader.__main__ import main
from exodus_reader.corpus.datapackage import BEGIN, datapackage_json, readme_with_tables
from exodus_reader.corpus.schema import MEANINGS, SCHEMAS


def test_datapackage_json_is_up_to_date():
    assert (DATA / "datapackage.json").read_text(encoding="utf-8") == datapackage_json(DATA), \
        "run: python -m exodus_reader datapackage"


def test_the_readme_tables_are_up_to_date():
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    assert readme == readme_with_tables(readme), "run: python -m exodus_reader datapackage"


def test_the_readme_has_a_generated_table_for_every_file_of_the_schema():
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for schema in SCHEMAS.values():
        assert readme.count(BEGIN.format(file=schema.file)) == 1, schema.file


def test_every_column_has_one_meaning():
    for name, schema in SCHEMAS.items():
        described = [column for columns, _ in MEANINGS[name] for column in columns]
        assert sorted(described) == sorted(schema.columns), name
        assert all(text.strip() for _, text in MEANINGS[name]), name


def test_the_package_states_the_rules_of_the_schema():
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["path"]: r for r in package["resources"]}
    assert set(resources) == {s.file for s in SCHEMAS.values()} | {"article.txt", "article.json"}
    for schema in SCHEMAS.values():
        table = resources[schema.file]["schema"]
        fields = {f["name"]: f for f in table["fields"]}
        assert list(fields) == list(schema.columns)  # the order of the CSV's header
        assert table.get("primaryKey") == ([schema.id_column] if schema.id_column else None)
        for column in schema.int_columns + schema.optional_int_columns:
            assert fields[column]["type"] == "integer"
        for column in schema.required_values:
            assert fields[column]["constraints"]["required"] is True, (schema.file, column)
        assert {fk["fields"][0] for fk in table.get("foreignKeys", [])} == set(schema.references)
    quotes = {f["name"]: f for f in resources["quotes.csv"]["schema"]["fields"]}
    assert quotes["kind"]["constraints"]["enum"] == ["direct", "indirect", "scare"]
    assert resources["article.txt"]["hash"].startswith("sha256:")


def test_the_command_rewrites_a_stale_table_and_then_finds_nothing_to_do(data_copy, capsys):
    readme = data_copy / "README.md"
    text = readme.read_text(encoding="utf-8")
    stale = re.sub(r"\| `quote_id` \|[^\n]*\n", "", text)
    assert stale != text
    readme.write_text(stale, encoding="utf-8")
    assert main(["datapackage", "--data", str(data_copy)]) == 0
    assert capsys.readouterr().out == f"wrote {readme}\n"
    assert readme.read_text(encoding="utf-8") == text
    assert main(["datapackage", "--data", str(data_copy)]) == 0
    assert "up to date" in capsys.readouterr().out
