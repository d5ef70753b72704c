"""data/datapackage.json and the column tables of the data READMEs are the schemas, written out."""

from __future__ import annotations

import csv
import json
import re

import pytest

from conftest import DATA, edit
from exodus_reader.__main__ import main
from exodus_reader.corpus.datapackage import (BEGIN, COVERAGE, FAMILIES, datapackage_json, readme_with_tables,
                                              write_contract)

PACKAGE = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
TABLES = [(family, name, schema) for family in FAMILIES for name, schema in family.schemas.items()]


def test_datapackage_json_is_up_to_date():
    assert (DATA / "datapackage.json").read_text(encoding="utf-8") == datapackage_json(DATA), \
        "run: python -m exodus_reader datapackage"


@pytest.mark.parametrize("family", FAMILIES, ids=lambda family: family.readme)
def test_the_readme_tables_are_up_to_date(family):
    readme = (DATA / family.readme).read_text(encoding="utf-8")
    assert readme == readme_with_tables(family, readme), "run: python -m exodus_reader datapackage"


@pytest.mark.parametrize("family", FAMILIES, ids=lambda family: family.readme)
def test_the_readme_has_a_generated_table_for_every_file_of_its_schema(family):
    readme = (DATA / family.readme).read_text(encoding="utf-8")
    for schema in family.schemas.values():
        assert readme.count(BEGIN.format(file=schema.file, source=family.source)) == 1, schema.file
    assert not re.search(r"^\| column \| meaning \|\n", readme, re.M), "a column table written by hand"


def test_every_column_has_one_meaning():
    for family, name, schema in TABLES:
        described = [column for columns, _ in family.meanings[name] for column in columns]
        assert sorted(described) == sorted(schema.columns), (family.source, name)
        assert all(text.strip() for _, text in family.meanings[name]), (family.source, name)


def test_every_csv_file_under_data_is_described_by_exactly_one_resource():
    paths = [r["path"] for r in PACKAGE["resources"]]
    names = [r["name"] for r in PACKAGE["resources"]]
    on_disk = sorted(p.relative_to(DATA).as_posix() for p in DATA.rglob("*.csv"))
    assert sorted(p for p in paths if p.endswith(".csv")) == on_disk
    assert len(set(paths)) == len(paths) and len(set(names)) == len(names)
    assert {"coverage/reports.csv", "coverage/claim_reports.csv", "context/timeline.csv"} <= set(on_disk)


def test_the_package_states_the_rules_of_the_schemas():
    resources = {r["path"]: r for r in PACKAGE["resources"]}
    assert set(resources) == {schema.file for _, _, schema in TABLES} | {"article.txt", "article.json"}
    for family, name, schema in TABLES:
        resource = resources[schema.file]
        assert resource["name"] == family.prefix + name.replace("_", "-")
        table = resource["schema"]
        fields = {f["name"]: f for f in table["fields"]}
        assert list(fields) == list(schema.columns)  # the order of the CSV's header
        assert table.get("primaryKey") == ([schema.id_column] if schema.id_column else None)
        for column in schema.int_columns + schema.optional_int_columns:
            assert fields[column]["type"] == "integer"
        for column in schema.required_values:
            assert fields[column]["constraints"]["required"] is True, (schema.file, column)
        for key in table.get("foreignKeys", []):
            target = family.schemas[schema.references[key["fields"][0]]]
            assert key["reference"] == {"resource": "" if target is schema else resources[target.file]["name"],
                                        "fields": [target.id_column]}
        assert {fk["fields"][0] for fk in table.get("foreignKeys", [])} == set(schema.references)
    quotes = {f["name"]: f for f in resources["quotes.csv"]["schema"]["fields"]}
    assert quotes["kind"]["constraints"]["enum"] == ["direct", "indirect", "scare"]
    assert resources["article.txt"]["hash"].startswith("sha256:")
    voices = resources["coverage/voices.csv"]["schema"]
    assert voices["foreignKeys"] == [{"fields": ["report_id"],
                                      "reference": {"resource": "coverage-reports", "fields": ["report_id"]}}]
    assert {f["name"]: f for f in voices["fields"]}["quote_kind"]["constraints"]["enum"] == ["direct", "indirect"]


def _problems(resource: dict, rows: list[dict[str, str]], ids: dict[str, set[str]]) -> list[str]:
    """What a Frictionless validator would report for one table against its resource."""
    table = resource["schema"]
    found = []
    for line, row in enumerate(rows, start=2):
        for field in table["fields"]:
            value, rules = row[field["name"]], field.get("constraints", {})
            if value in table["missingValues"]:
                if rules.get("required"):
                    found.append(f"{resource['path']} line {line}: {field['name']} is required")
                continue
            typed: object = value
            if field["type"] == "integer":
                if not re.fullmatch(r"-?[0-9]+", value):
                    found.append(f"{resource['path']} line {line}: {field['name']} {value!r} is not an integer")
                    continue
                typed = int(value)
            elif field["type"] == "number":
                typed = float(value)
            if "enum" in rules and typed not in rules["enum"]:
                found.append(f"{resource['path']} line {line}: {field['name']} {value!r} is not allowed")
            if "minimum" in rules and typed < rules["minimum"]:
                found.append(f"{resource['path']} line {line}: {field['name']} {value!r} is below the minimum")
    for column in table.get("primaryKey", []):
        values = [row[column] for row in rows]
        if len(set(values)) != len(values):
            found.append(f"{resource['path']}: {column} is not unique")
    for key in table.get("foreignKeys", []):
        target = key["reference"]["resource"] or resource["name"]
        known = ids[target]
        for line, row in enumerate(rows, start=2):
            value = row[key["fields"][0]]
            if value not in table["missingValues"] and value not in known:
                found.append(f"{resource['path']} line {line}: {key['fields'][0]} {value!r} is not in {target}")
    return found


def validate(data) -> list[str]:
    """Every problem of a data folder's CSV files against its datapackage.json, one line each."""
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    tables = [r for r in package["resources"] if r.get("profile") == "tabular-data-resource"]
    rows, found = {}, []
    for resource in tables:
        with (data / resource["path"]).open(encoding=resource["encoding"], newline="") as handle:
            reader = csv.DictReader(handle, delimiter=resource["dialect"]["delimiter"])
            rows[resource["name"]] = list(reader)
            header = reader.fieldnames
        if header != [f["name"] for f in resource["schema"]["fields"]]:
            found.append(f"{resource['path']}: the header is not the resource's fields")
    ids = {r["name"]: {row[r["schema"]["primaryKey"][0]] for row in rows[r["name"]]}
           for r in tables if "primaryKey" in r["schema"]}
    for resource in tables:
        found += _problems(resource, rows[resource["name"]], ids)
    return found


def test_every_table_obeys_its_resource():
    assert validate(DATA) == []


def test_a_broken_coverage_table_breaks_its_resource(data_copy):
    edit(data_copy / "coverage" / "claim_reports.csv", "c07,r10,", "c07,r99,")
    edit(data_copy / "coverage" / "voices.csv", "v04,r01,Sergei,ordinary person,", "v04,r01,Sergei,citizen,")
    assert validate(data_copy) == [
        "coverage/voices.csv line 5: source_type 'citizen' is not allowed",
        "coverage/claim_reports.csv line 12: report_id 'r99' is not in coverage-reports",
    ]


def test_a_missing_or_stale_coverage_resource_is_found(data_copy):
    package = json.loads((data_copy / "datapackage.json").read_text(encoding="utf-8"))
    package["resources"] = [r for r in package["resources"] if r["path"] != "coverage/claims.csv"]
    (data_copy / "datapackage.json").write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n",
                                                encoding="utf-8")
    assert (data_copy / "datapackage.json").read_text(encoding="utf-8") != datapackage_json(data_copy)
    assert write_contract(data_copy) == [data_copy / "datapackage.json"]
    fresh = json.loads((data_copy / "datapackage.json").read_text(encoding="utf-8"))
    assert "coverage/claims.csv" in [r["path"] for r in fresh["resources"]]


def test_a_stale_coverage_table_is_rewritten(data_copy):
    readme = data_copy / COVERAGE.readme
    text = readme.read_text(encoding="utf-8")
    edit(readme, "| whom that report gives the claim to |", "| who said it |")
    assert readme_with_tables(COVERAGE, readme.read_text(encoding="utf-8")) == text
    assert write_contract(data_copy) == [readme]
    assert readme.read_text(encoding="utf-8") == text


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
