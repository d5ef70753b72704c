"""The licence files, the citation file and the article's status say the same thing everywhere."""

from __future__ import annotations

import json
import sys

import yaml

from conftest import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10
    import tomli as tomllib

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
ARTICLE = json.loads((ROOT / "data" / "article.json").read_text(encoding="utf-8"))


def test_code_is_under_mit_and_content_under_cc_by():
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")
    content = (ROOT / "LICENSE-CONTENT").read_text(encoding="utf-8")
    assert content.startswith("Attribution 4.0 International\n")
    assert "Creative Commons Attribution 4.0 International Public License" in content
    assert PROJECT["license"] == "MIT AND CC-BY-4.0"
    assert set(PROJECT["license-files"]) == {"LICENSE", "LICENSE-CONTENT"}


def test_citation_file_names_the_module_and_the_article():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert {"cff-version", "message", "title", "authors"} <= citation.keys()
    assert citation["version"] == PROJECT["version"]
    assert citation["license"] == ["MIT", "CC-BY-4.0"]
    article = citation["references"][0]
    assert article["title"] == ARTICLE["headline"]
    assert article["url"] == ARTICLE["url"]
    assert str(article["date-published"]) == ARTICLE["published"]
    assert article["authors"][0]["given-names"] + " " + article["authors"][0]["family-names"] == ARTICLE["author"]


def test_the_article_text_is_said_to_be_outside_the_licences():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "[LICENSE](LICENSE)" in readme and "[LICENSE-CONTENT](LICENSE-CONTENT)" in readme
    assert "**not covered by either licence**: it is DW's" in readme
    assert "not covered by the module's licences" in (ROOT / "data" / "README.md").read_text(encoding="utf-8")
