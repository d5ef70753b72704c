"""Every notebook in notebooks/ keeps the module's promises to its readers.

Each check is a function that returns the problems it finds, so that the same check
runs on every committed notebook and, below, on a small broken notebook that proves
it can fail. A notebook added later is checked the moment it lands in notebooks/.
"""

from __future__ import annotations

import ast
import csv
import html
import json
import re
import statistics
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from conftest import DATA, ROOT

NOTEBOOK_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
START = NOTEBOOK_DIR / "00_start_here.ipynb"

CITATION = re.compile(r"\bp\d{2}\b")
URL = re.compile(r"https?://[^\s<>\"'()\[\]]+")
DATA_URI = re.compile(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=]+")
HEADING = re.compile(r"^(#{1,6})\s+\S")
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)|(?:href|src)=\"([^\"]+)\"")
TIME = re.compile(r"\*\*Time:\*\* (\d+) min reading · (\d+) min trying things")


def _paragraph_ids() -> set[str]:
    with open(DATA / "paragraphs.csv", newline="", encoding="utf-8") as handle:
        return {row["paragraph_id"] for row in csv.DictReader(handle)}


def _allowed_urls() -> set[str]:
    """The article's own addresses, the timeline's reports, the references' pages and the coverage set's."""
    meta = json.loads((DATA / "article.json").read_text(encoding="utf-8"))
    with open(DATA / "context" / "timeline.csv", newline="", encoding="utf-8") as handle:
        timeline = {row["source_url"] for row in csv.DictReader(handle)}
    with open(DATA / "references.csv", newline="", encoding="utf-8") as handle:
        references = {row["url"] for row in csv.DictReader(handle)}
    with open(DATA / "coverage" / "reports.csv", newline="", encoding="utf-8") as handle:
        reports = {row["url"] for row in csv.DictReader(handle)}
    with open(DATA / "coverage" / "claims.csv", newline="", encoding="utf-8") as handle:
        origins = {row["origin_url"] for row in csv.DictReader(handle)} - {""}
    return {meta["url"], meta["original_url"], meta["video"]["url"]} | timeline | references | reports | origins


PARAGRAPH_IDS = _paragraph_ids()
ALLOWED_URLS = _allowed_urls()


def read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def markdown(notebook: nbformat.NotebookNode) -> list[str]:
    return [cell.source for cell in notebook.cells if cell.cell_type == "markdown"]


def output_texts(notebook: nbformat.NotebookNode) -> list[str]:
    """Every text an output shows (plain, HTML, Markdown, streams), without embedded images."""
    texts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            pieces = [output.get("text", "")] + [value for key, value in output.get("data", {}).items()
                                                 if key.startswith("text/")]
            texts += [DATA_URI.sub("data:", "".join(p) if isinstance(p, list) else p) for p in pieces]
    return texts


def shown_texts(notebook: nbformat.NotebookNode) -> list[str]:
    return markdown(notebook) + output_texts(notebook)


# --- the checks ----------------------------------------------------------------------------
def unknown_citations(notebook: nbformat.NotebookNode) -> list[str]:
    cited = {c for text in shown_texts(notebook) for c in CITATION.findall(text)}
    return sorted(cited - PARAGRAPH_IDS)


def foreign_urls(notebook: nbformat.NotebookNode) -> list[str]:
    return urls_outside_the_sources(shown_texts(notebook))


def urls_outside_the_sources(texts: list[str]) -> list[str]:
    """Web addresses in the texts that are neither the article's, the timeline's nor a reference's."""
    shown = {u.rstrip(".,;:") for text in texts for u in URL.findall(html.unescape(text))}
    return sorted(shown - ALLOWED_URLS)


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.alts: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.alts.append(dict(attrs).get("alt"))


def figures_without_alt(notebook: nbformat.NotebookNode) -> list[str]:
    """Images shown with no alt text, or bare images that cannot carry any."""
    problems = []
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            parser = _Images()
            parser.feed("".join(data.get("text/html", "")))
            problems += [f"cell {index}: an <img> without alt text" for alt in parser.alts
                         if not (alt or "").strip()]
            if any(key.startswith("image/") for key in data) and not parser.alts:
                problems.append(f"cell {index}: a bare image with no alt text")
    return problems


def code_size_problems(notebook: nbformat.NotebookNode) -> list[str]:
    problems = []
    sizes = []
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        lines = [line for line in cell.source.splitlines() if line.strip()]
        sizes.append(len(lines))
        source = "\n".join(line for line in cell.source.splitlines() if not line.lstrip().startswith(("%", "!")))
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > 3:
                    problems.append(f"cell {index}: def {node.name} is {length} lines long")
    if sizes and statistics.median(sizes) > 2:
        problems.append(f"median code cell is {statistics.median(sizes)} lines")
    return problems


def heading_problems(notebook: nbformat.NotebookNode) -> list[str]:
    levels = []
    for text in markdown(notebook):
        fenced = False
        for line in text.splitlines():
            if line.lstrip().startswith("```"):
                fenced = not fenced
            match = None if fenced else HEADING.match(line)
            if match:
                levels.append(len(match.group(1)))
    problems = []
    if levels.count(1) != 1 or not levels or levels[0] != 1:
        problems.append(f"expected one H1 first, got levels {levels}")
    problems += [f"heading level {now} follows {before}" for before, now in zip(levels, levels[1:])
                 if now > before + 1]
    return problems


def output_problems(notebook: nbformat.NotebookNode) -> list[str]:
    """Execution counts run 1..n, and every cell that ends in an expression shows its output."""
    code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    counts = [cell.execution_count for cell in code_cells]
    problems = [] if counts == list(range(1, len(code_cells) + 1)) else [f"execution counts are {counts}"]
    for index, cell in enumerate(code_cells):
        body = ast.parse(cell.source).body
        shows = body and isinstance(body[-1], ast.Expr) and not cell.source.rstrip().endswith(";")
        if shows and not cell.outputs:
            problems.append(f"code cell {index} ({cell.source.splitlines()[-1]!r}) has no committed output")
    return problems


def broken_links(notebook: nbformat.NotebookNode, folder: Path) -> list[str]:
    problems = []
    for text in markdown(notebook):
        for match in LINK.finditer(text):
            target = match.group(1) or match.group(2)
            if re.match(r"^[a-z]+:", target) or target.startswith("#"):
                continue
            path = target.split("#")[0].split("?")[0]
            if not (folder / path).exists():
                problems.append(target)
    return problems


def lesson_minutes(notebook: nbformat.NotebookNode) -> tuple[int, int] | None:
    first = notebook.cells[0].source if notebook.cells else ""
    match = TIME.search(first)
    return (int(match.group(1)), int(match.group(2))) if match else None


LESSONS = [path for path in NOTEBOOKS if lesson_minutes(read(path))]


# --- every notebook ------------------------------------------------------------------------
def test_there_are_notebooks_and_lessons_to_check():
    assert START in NOTEBOOKS
    assert [p.name for p in LESSONS][:3] == ["01_events.ipynb", "02_sources.ipynb", "03_framing.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_cited_paragraph_exists(path):
    assert unknown_citations(read(path)) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_url_shown_is_the_articles_or_in_the_timeline_or_the_references(path):
    assert foreign_urls(read(path)) == []


DOCS = sorted([ROOT / "README.md", DATA / "README.md", *(ROOT / "docs").glob("*.md")])


@pytest.mark.parametrize("path", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_url_in_a_doc_is_the_articles_or_in_the_timeline_or_the_references(path):
    assert urls_outside_the_sources([path.read_text(encoding="utf-8")]) == []


def test_an_address_from_nowhere_is_caught():
    assert urls_outside_the_sources(["See https://example.org/made-up."]) == ["https://example.org/made-up"]
    reference = next(iter(ALLOWED_URLS - {""}))
    assert urls_outside_the_sources([f"See {reference}."]) == []


def test_every_address_of_the_coverage_set_may_be_shown_and_no_other():
    from exodus_reader.corpus.coverage import coverage

    assert coverage().addresses() <= ALLOWED_URLS
    assert urls_outside_the_sources(["https://tass.com/politics/1511744"]) == ["https://tass.com/politics/1511744"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_figure_has_alt_text(path):
    assert figures_without_alt(read(path)) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_code_cells_are_short(path):
    assert code_size_problems(read(path)) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_headings_are_in_order(path):
    assert heading_problems(read(path)) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_outputs_are_committed_in_order(path):
    assert output_problems(read(path)) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_relative_link_points_at_a_file(path):
    assert broken_links(read(path), path.parent) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_cells_have_stable_ids_and_the_python3_kernel(path):
    notebook = read(path)
    ids = [cell.get("id") for cell in notebook.cells]
    assert all(ids) and len(ids) == len(set(ids))
    assert notebook.metadata["kernelspec"]["name"] == "python3"


# --- the lessons ---------------------------------------------------------------------------
@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lesson_opens_with_its_frame_and_closes_with_key_points(path):
    notebook = read(path)
    first = notebook.cells[0].source
    assert "**Questions**" in first and "**Objectives.**" in first
    assert re.findall(r"\*\*([A-Z]\d)\*\*", first), "objectives are numbered (E1, S1, F1...)"
    assert "## Key points" in markdown(notebook)[-1]
    assert sum("**Try it:**" in text for text in markdown(notebook)) >= 3


def test_start_links_each_lesson_in_order_with_its_minutes():
    lines = read(START).cells
    text = "\n".join(cell.source for cell in lines if cell.cell_type == "markdown")
    positions = []
    for path in LESSONS:
        reading, trying = lesson_minutes(read(path))
        line = next((l for l in text.splitlines() if f"]({path.name})" in l), None)
        assert line is not None, f"00_start_here does not link {path.name}"
        assert f"{reading} min reading · {trying} min trying things" in line, (path.name, line)
        positions.append(text.index(f"]({path.name})"))
    assert positions == sorted(positions)


def test_each_lesson_links_to_the_next_and_the_last_back_to_the_start():
    for path, following in zip(LESSONS, LESSONS[1:] + [START]):
        last = markdown(read(path))[-1]
        assert f"]({following.name})" in last, f"{path.name} should end with a link to {following.name}"


# --- the checks themselves can fail ---------------------------------------------------------
def broken_notebook() -> nbformat.NotebookNode:
    """A notebook that breaks every rule above once."""
    notebook = new_notebook()
    notebook.cells = [
        new_markdown_cell("# Title\n\nSee p99 and https://example.com/x. Go to [next](missing.ipynb).\n\n### Too deep"),
        new_code_cell("def too_long(x):\n    y = x + 1\n    z = y * 2\n    return z", execution_count=1),
        new_code_cell("a = 1\nb = 2\nc = 3", execution_count=3),
        new_code_cell("b + c", execution_count=2),
        new_markdown_cell("# A second title"),
    ]
    notebook.cells[2].outputs = [new_output("display_data", data={
        "text/html": '<figure><img src="data:image/png;base64,iVBOR/p98+x=" alt=" "></figure>',
        "text/plain": "x"})]
    notebook.cells[1].outputs = [new_output("display_data", data={"image/png": "iVBOR"})]
    return notebook


def test_each_check_finds_what_it_is_for(tmp_path):
    notebook = broken_notebook()
    assert unknown_citations(notebook) == ["p99"]
    assert foreign_urls(notebook) == ["https://example.com/x"]
    assert figures_without_alt(notebook) == ["cell 1: a bare image with no alt text",
                                             "cell 2: an <img> without alt text"]
    assert code_size_problems(notebook) == ["cell 1: def too_long is 4 lines long", "median code cell is 3 lines"]
    assert heading_problems(notebook) == ["expected one H1 first, got levels [1, 3, 1]", "heading level 3 follows 1"]
    assert output_problems(notebook) == ["execution counts are [1, 3, 2]",
                                         "code cell 2 ('b + c') has no committed output"]
    assert broken_links(notebook, tmp_path) == ["missing.ipynb"]
    assert lesson_minutes(notebook) is None


def plan_problems(guide: str) -> list[str]:
    """Rows of the teacher guide's lesson plans whose minutes do not fit the lesson's own Time line."""
    minutes = {path.stem: sum(lesson_minutes(read(path))) for path in LESSONS}
    split = {path.stem: lesson_minutes(read(path)) for path in LESSONS}
    problems = []
    for start, end, stem, total, reading, trying in re.findall(
            r"\| (\d+)–(\d+) \| `(\d\d_\w+)` \((\d+) = (\d+) \+ (\d+)", guide):
        if not int(end) - int(start) == int(total) == minutes[stem] or split[stem] != (int(reading), int(trying)):
            problems.append(f"{stem} {start}–{end}")
    for stem, given in re.findall(r"`(\d\d_\w+)` \((\d+)\)", guide):
        if stem in minutes and int(given) != minutes[stem]:
            problems.append(f"{stem} ({given})")
    return problems


def test_the_teacher_guides_lesson_plans_fit_the_lessons_time_lines():
    guide = (ROOT / "docs" / "teacher-guide.md").read_text(encoding="utf-8")
    assert re.search(r"\| `01_events` \((\d+) = ", guide), "the double-period plan gives each lesson's minutes"
    assert plan_problems(guide) == []
    assert plan_problems("| 10–35 | `01_events` (25 = 15 + 10) |\n| 1 | `02_sources` (20) |") == [
        "01_events 10–35", "02_sources (20)"]
