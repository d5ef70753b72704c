"""The lesson website, built from the committed outputs, read in headless Chromium without a network.

The site is built once for the session (about 5 s) into a scratch folder and served on a
local port. Every request that leaves that port is refused and counted: the pages must not
need the internet. Each lesson page must render with all its figures (alt text and a loaded
image) and, on the explore page, the widgets drawn from their saved state.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading

import nbformat
import pytest

from conftest import ROOT
from exodus_reader.delivery.site import SCRIPTS, build_site, lesson_title

SCRIPT_DIR = ROOT / "site" / "node_modules"
LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"

if not all((SCRIPT_DIR / path).is_file() for path in SCRIPTS.values()):
    pytest.skip("the site's widget scripts are missing: run `make site` once (needs npm and the internet)",
                allow_module_level=True)

from test_browser import BROWSER_ARGS, CHROMIUM  # noqa: E402  (skips without Playwright or Chromium)

from playwright.sync_api import sync_playwright  # noqa: E402


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


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The built site, served on a free local port until the module's tests end."""
    out = tmp_path_factory.mktemp("site")
    pages = build_site(out)
    handler = functools.partial(_QuietHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield {"pages": pages, "url": f"http://127.0.0.1:{server.server_address[1]}/"}
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep the test output clean
        pass


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=BROWSER_ARGS)
        yield chromium
        chromium.close()


def test_site_has_an_index_page_linking_every_lesson(site):
    index = site["pages"][0].read_text(encoding="utf-8")
    for lesson in LESSONS:
        assert f'href="{lesson.stem}.html"' in index
    assert [page.name for page in site["pages"][1:]] == [f"{lesson.stem}.html" for lesson in LESSONS]
    assert not re.search(r'href="\d\d_\w+\.ipynb', "".join(p.read_text(encoding="utf-8") for p in site["pages"]))


@pytest.mark.parametrize("lesson", LESSONS, ids=[lesson.stem for lesson in LESSONS])
def test_each_lesson_renders_with_its_figures_and_saved_widgets_offline(site, browser, lesson):
    notebook = nbformat.read(lesson, as_version=4)
    page = browser.new_page()
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
        page.goto(site["url"] + f"{lesson.stem}.html", wait_until="load")
        assert page.title() == lesson_title(notebook, lesson.stem)
        assert page.locator("h1").first.text_content().strip().rstrip("¶") == lesson_title(notebook, lesson.stem)
        images = page.locator(".jp-OutputArea-output img")
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
        assert page.locator("script[type='application/vnd.jupyter.widget-view+json']").count() == views
        assert not errors, errors
        assert not outside, f"the page asked the network for {outside}"
        assert not failed, failed
    finally:
        page.close()
