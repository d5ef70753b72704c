"""The lesson website, built with Jupyter Book 1 from the committed outputs, read in headless Chromium without a network.

The site is built once for the module (about 6 s) into a scratch folder and served on a
local port. Every request that leaves that port is refused and counted: the pages must not
need the internet. The start page and each lesson page must render with no errors, each
lesson with all its figures (alt text and a loaded image) and, where it has widgets, the
widgets drawn from their saved state.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
from importlib import metadata

import nbformat
import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import DATA, ROOT
from exodus_reader.delivery.site import SCRIPTS, TITLE, build_site, lesson_title
from test_environment import constraints

SCRIPT_DIR = ROOT / "site" / "node_modules"
LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
#: What a page may load: its own site's files, named relative to the page.
REMOTE = re.compile(r'<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)="(?:[a-z]+:)?//[^"]*"', re.I)


def _figures(notebook: nbformat.NotebookNode) -> int:
    count = 0
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_VIEW in data:
                continue
            count += data["text/html"].count("<img") if "text/html" in data else int("image/png" in data)
    return count


def _saved_dropdowns(notebook: nbformat.NotebookNode) -> list[str]:
    """The label each saved Dropdown shows."""
    state = notebook.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    return sorted(m["state"]["_options_labels"][m["state"]["index"]] for m in state.values()
                  if m["model_name"] == "DropdownModel" and m["state"].get("index") is not None)


def _brought_by(name: str, found: set[str]) -> set[str]:
    """The installed distributions a distribution needs, itself included, without extras."""
    found.add(canonicalize_name(name))
    for text in metadata.distribution(name).requires or []:
        requirement = Requirement(text)
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue
        if canonicalize_name(requirement.name) not in found:
            _brought_by(requirement.name, found)
    return found


def test_jupyter_book_1_and_all_it_brings_are_pinned():
    assert metadata.version("jupyter-book").startswith("1.")
    brought = _brought_by("jupyter-book", set())
    assert {"sphinx", "myst-nb", "sphinx-book-theme"} <= brought
    assert sorted(brought - set(constraints())) == []


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The built site, served on a free local port until the module's tests end."""
    if not all((SCRIPT_DIR / path).is_file() for path in SCRIPTS.values()):
        pytest.skip("the site's widget scripts are missing: run `make site` once (needs npm and the internet)")
    out = tmp_path_factory.mktemp("site")
    pages = build_site(out)
    handler = functools.partial(_QuietHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield {"out": out, "pages": pages, "url": f"http://127.0.0.1:{server.server_address[1]}/"}
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep the test output clean
        pass


@pytest.fixture(scope="module")
def browser():
    from test_browser import BROWSER_ARGS, CHROMIUM  # skips without Playwright or Chromium

    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=BROWSER_ARGS)
        yield chromium
        chromium.close()


def test_the_start_page_names_the_article_and_links_every_lesson(site):
    article = json.loads((DATA / "article.json").read_text(encoding="utf-8"))
    index = site["pages"][0].read_text(encoding="utf-8")
    assert f"<h1>{TITLE}" in index and article["headline"] in index and article["author"] in index
    assert f'href="{article["url"]}"' in index
    assert "not covered by the module" in index and "CC BY 4.0" in index
    for lesson in LESSONS:
        assert index.count(f'href="{lesson.stem}.html"') >= 2, f"{lesson.stem}: in the list and in the contents"
    assert [page.name for page in site["pages"][1:]] == [f"{lesson.stem}.html" for lesson in LESSONS]
    assert all(page.is_file() for page in site["pages"])


def test_no_page_links_a_notebook_or_loads_anything_from_elsewhere(site):
    for page in site["out"].glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r'href="\d\d_\w+\.ipynb', text), page.name
        assert REMOTE.findall(text) == [], page.name
        assert not re.search(r"unpkg|jsdelivr|cdnjs|googleapis|mathjax|thebe", text, re.I), page.name


@pytest.mark.parametrize("lesson", [None, *LESSONS], ids=["index", *(lesson.stem for lesson in LESSONS)])
def test_each_page_renders_offline_with_its_figures_and_saved_widgets(site, browser, lesson):
    notebook = nbformat.read(lesson, as_version=4) if lesson else nbformat.v4.new_notebook()
    title = lesson_title(notebook, lesson.stem) if lesson else TITLE
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors, outside, failed = [], [], []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)

    def only_local(route):
        if route.request.url.startswith(site["url"]):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_local)
    try:
        page.goto(site["url"] + (f"{lesson.stem}.html" if lesson else "index.html"), wait_until="load")
        assert page.title().startswith(title)
        assert page.locator("main h1").first.text_content().strip().rstrip("#¶").strip() == title
        contents = page.locator("nav.bd-docs-nav a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        pages = ["index", *(other.stem for other in LESSONS)]
        here = lesson.stem if lesson else "index"
        assert contents == [f"{name}.html" if name != here else "#" for name in pages]
        footer = " ".join(page.locator("footer").all_inner_texts())
        assert "The article text is DW's and is not covered by the module's licences" in footer
        images = page.locator(".cell_output img")
        assert images.count() == _figures(notebook)
        for i in range(images.count()):
            image = images.nth(i)
            assert (image.get_attribute("alt") or "").strip(), f"figure {i} has no alt text"
            assert image.evaluate("img => img.complete && img.naturalWidth > 0"), f"figure {i} did not load"
        dropdowns = _saved_dropdowns(notebook)
        if dropdowns:
            page.wait_for_selector(".widget-dropdown select", timeout=30_000)
            shown = page.eval_on_selector_all(".widget-dropdown select",
                                              "ss => ss.map(s => s.options[s.selectedIndex].text.replace(/\\u00a0/g, ' '))")
            assert sorted(shown) == dropdowns
        page.wait_for_load_state("networkidle")  # the widget manager's fonts and styles, if any
        views = sum(WIDGET_VIEW in o.get("data", {}) for c in notebook.cells for o in c.get("outputs", []))
        assert page.locator(f"script[type='{WIDGET_VIEW}']").count() == views
        assert not errors, errors
        assert not outside, f"the page asked the network for {outside}"
        assert not failed, failed
    finally:
        page.close()
