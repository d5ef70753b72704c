"""The widgets and an exercise in real JupyterLab, in headless Chromium, used as a student uses them.

A JupyterLab server starts on a free local port with a token, in a scratch folder holding
copies of notebooks/00_start_here.ipynb and notebooks/04_explore.ipynb without outputs and a
blank exercise. Chromium (Debian's, driven by Playwright for Python) opens JupyterLab on the
start notebook, as `make lab` does, and the others from the file browser; it waits for real
kernels, runs every cell, and then chooses, types and ticks. The widgets come from the
prebuilt extension that ipywidgets installs: nothing is built.

The server runs from a student's environment: a scratch prefix that sees this environment's
packages (nbgrader included, as after the test extras) and its Jupyter settings, on which
`setup-lab` has written the classroom settings, as `make lab` does.

Legibility is measured, not assumed: a scratch notebook shows every figure and two wide
tables at 1280 and at 800 px wide with the file browser open (a classroom laptop), and the
test reads the size at which each figure and its smallest label are drawn. Screenshots are
saved beside the server's log (pytest's temporary folder, ``lab0/``).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import site
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import venv
from pathlib import Path

import nbformat
import pytest

from conftest import ROOT
from exodus_reader.delivery.lab import setup_lab

try:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # the test is skipped, with a message that says how to install
    expect = sync_playwright = PlaywrightTimeout = None

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
NOTEBOOK = ROOT / "notebooks" / "04_explore.ipynb"
START = ROOT / "notebooks" / "00_start_here.ipynb"
#: A scratch notebook holding every figure and two tables with dates and prose, as the lessons show them.
LEGIBLE = "legibility.ipynb"
FIGURES = ("timeline", "route_map", "words_per_voice", "source_audit", "voice_order", "frame_profile")
#: JupyterLab's type scale: one step below the body text is 0.8333 of it (14 px body: 11.7 px).
ONE_STEP_DOWN = 0.8333
EXERCISE = ROOT / "exercises" / "01_events.ipynb"
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage"]
#: The status bar once a kernel exists and is idle ("No Kernel | Idle" is not one).
KERNEL_IDLE = "#jp-main-statusbar .jp-StatusBar-TextItem:text-matches('^(?!No Kernel).*[|] Idle$')"
LONG = 60_000  # ms: a first start on a cold machine; a usual run takes a few seconds in all
SHORT = 10_000  # ms: any single step once the notebook runs


def _missing() -> str | None:
    if sync_playwright is None:
        return "Playwright for Python is missing: run `make test`, which installs it (never `playwright install`)"
    if not os.path.exists(CHROMIUM):
        return "Chromium is missing: install it with `apt-get install chromium` (Debian or Ubuntu)"
    return None


if _missing():
    pytest.skip(_missing(), allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _notebook_without_outputs(folder: Path, source: Path = NOTEBOOK) -> Path:
    """A copy of a notebook as a student first runs it: no outputs, no saved widgets."""
    notebook = nbformat.read(source, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    notebook.metadata.pop("widgets", None)
    path = folder / source.name
    nbformat.write(notebook, path)
    return path


def _legibility_notebook(folder: Path) -> Path:
    """A notebook with a line of body text, every figure, and the widest tables of lesson 1."""
    cells = [nbformat.v4.new_markdown_cell("Body text, to measure the notebook's own text size against."),
             nbformat.v4.new_code_cell("from exodus_reader import figures, lessons")]
    cells += [nbformat.v4.new_code_cell(f"figures.{name}()") for name in FIGURES]
    cells += [nbformat.v4.new_code_cell('lessons.context("before")'),
              nbformat.v4.new_code_cell("lessons.time_expressions()")]
    path = folder / LEGIBLE
    nbformat.write(nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": {
        "name": "python3", "display_name": "Python 3", "language": "python"}}), path)
    return path


def _settings(folder: Path) -> Path:
    """JupyterLab user settings for the test: no news pop-up, whatever the environment says."""
    path = folder / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    return folder


def _student_env(prefix: Path) -> Path:
    """A scratch environment that uses this one's packages and Jupyter files, with the
    classroom settings written into it as `make lab` does; returns its Python.

    Nothing is installed: a .pth file points to this environment's packages, and the
    Jupyter data folders are linked (the settings folder is the scratch one's own).
    """
    venv.EnvBuilder(with_pip=False).create(prefix)
    python = prefix / "bin" / "python"
    packages = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                              capture_output=True, text=True, check=True).stdout.strip()
    Path(packages, "outer-environment.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    data, lab_data = Path(sys.prefix) / "share" / "jupyter", prefix / "share" / "jupyter" / "lab"
    lab_data.mkdir(parents=True)
    for item in data.iterdir():
        if item.name != "lab":
            (lab_data.parent / item.name).symlink_to(item)
    for item in (data / "lab").iterdir():
        if item.name != "settings":
            (lab_data / item.name).symlink_to(item)
    if (Path(sys.prefix) / "etc" / "jupyter").is_dir():
        shutil.copytree(Path(sys.prefix) / "etc" / "jupyter", prefix / "etc" / "jupyter")
    setup_lab(prefix)
    return python


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server starting in a scratch folder; stopped by its PID at the end.

    The test does not wait for it here, so Chromium can start meanwhile.
    """
    home = tmp_path_factory.mktemp("lab")
    root = home / "work"
    root.mkdir()
    _notebook_without_outputs(root)
    _notebook_without_outputs(root, START)
    _legibility_notebook(root)
    _notebook_without_outputs(root, EXERCISE)
    python = _student_env(home / "env")
    port, token = _free_port(), secrets.token_hex(16)
    command = [str(python), "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
               "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
               "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
               "--ServerApp.terminals_enabled=False", "--ServerApp.jpserver_extensions={'jupyter_lsp': False}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    env = {**os.environ, "JUPYTERLAB_SETTINGS_DIR": str(_settings(home / "settings")),
           "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"), "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
           "JUPYTER_CONFIG_DIR": str(home / "config"), "PYTHONPATH": str(ROOT)}
    log = (home / "server.log").open("wb")
    server = subprocess.Popen(command, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        yield {"base": f"http://127.0.0.1:{port}", "token": token,
               "start_url": f"http://127.0.0.1:{port}/lab/tree/{START.name}?token={token}", "root": root, "home": home,
               "ready": lambda: _wait_for_server(server, port, token, home / "server.log")}
    finally:
        server.terminate()  # the server shuts its kernels down on SIGTERM
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def _wait_for_server(server: subprocess.Popen, port: int, token: str, log: Path) -> None:
    deadline = time.monotonic() + LONG / 1000
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/status",
                                     headers={"Authorization": f"token {token}"})
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"JupyterLab stopped at start:\n{log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(request, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"JupyterLab did not answer within {LONG // 1000} s:\n{log.read_text()[-2000:]}")


@pytest.fixture(scope="module")
def lab_page(lab):
    """JupyterLab in Chromium with four notebooks open, Run All chosen in each in a real kernel.

    The page opens on the start notebook, as `make lab` opens it; the explore notebook, the
    legibility notebook and the blank exercise are opened beside it from the file browser, as a
    student opens the next one. One page holds all four: loading JupyterLab takes Chromium about
    4 s of CPU, and the four kernels run at the same time. Each test waits for its own notebook.
    """
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch_persistent_context(
            str(lab["home"] / "chromium"), executable_path=CHROMIUM, headless=True, args=BROWSER_ARGS,
            viewport={"width": 1280, "height": 1000})
        try:
            tab = browser.pages[0] if browser.pages else browser.new_page()
            tab.set_default_timeout(LONG)
            lab["ready"]()
            tab.goto(lab["start_url"])
            for notebook in (START, NOTEBOOK, lab["root"] / LEGIBLE, lab["root"] / EXERCISE.name):
                if notebook != START:
                    tab.locator(".jp-DirListing-item", has_text=notebook.name).dblclick()
                _start_run_all(tab, _in_front(tab, notebook))
            yield tab
        finally:
            browser.close()


@pytest.fixture
def page(lab_page):
    """The page with the explore notebook in front, every cell run."""
    lab_page.set_default_timeout(LONG)
    _ran(lab_page, NOTEBOOK)
    lab_page.set_default_timeout(SHORT)
    return lab_page


def _in_front(tab, notebook: Path):
    """Bring a notebook's document tab to front in JupyterLab; the notebook's panel."""
    title = tab.locator(f"#jp-main-dock-panel .lm-TabBar-tab[title^='Name: {notebook.name}']")
    title.click()
    expect(title).to_have_class(re.compile(r"\blm-mod-current\b"), timeout=LONG)
    return tab.locator(f"#{title.get_attribute('data-id')}")


def _ran(tab, notebook: Path):
    """A notebook brought to front once each of its cells has run; its panel."""
    panel = _in_front(tab, notebook)
    _wait_for_run_all(tab, panel, notebook)
    return panel


def _start_run_all(tab, panel) -> None:
    """Choose Run All in the notebook in front once its kernel is idle, and wait until one of its
    cells is queued or runs.

    Run All before a kernel exists silently does nothing, and on a loaded machine it can
    still be lost while the notebook settles: when no cell is queued or run within a few
    seconds, choose it again (a lost Run All ran nothing, so the prompts still count from 1).
    """
    for _ in range(3):
        tab.wait_for_selector(KERNEL_IDLE)
        tab.locator("#jp-MainMenu .lm-MenuBar-item", has_text=re.compile(r"^Run$")).click()
        tab.click("li.lm-Menu-item[data-command='runmenu:run-all']")
        try:
            panel.locator(".jp-CodeCell .jp-InputPrompt", has_text=re.compile(r"\[(\*|[0-9]+)\]")).first.wait_for(
                timeout=SHORT)
            break
        except PlaywrightTimeout:
            continue


def _wait_for_run_all(tab, panel, notebook: Path) -> None:
    """Wait until every code cell of the notebook in front has run once, in order, and its kernel is idle."""
    cells = sum(cell.cell_type == "code" for cell in nbformat.read(notebook, as_version=4).cells)
    tab.wait_for_function("""([panel, expected]) => [...panel.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
                           .map(p => p.textContent.trim()).join(' ') === expected""",
                          arg=[panel.element_handle(), " ".join(f"[{n}]:" for n in range(1, cells + 1))])
    tab.wait_for_selector(KERNEL_IDLE)


def _explorer(page):
    """The quote explorer showing every quote, scrolled into view.

    Cells out of view are not laid out, so the tests read textContent, not innerText.
    """
    explorer = page.locator(".exodus-quote-explorer")
    explorer.scroll_into_view_if_needed()
    explorer.locator(".exodus-quote-speaker select").select_option(value="All speakers (35)")
    explorer.locator(".exodus-quote-kind select").select_option(value="All kinds")
    explorer.locator(".exodus-quote-search input").fill("")
    _shows(explorer, "35 of 35 quotes")
    return explorer


def _shows(explorer, count: str) -> None:
    """Wait until the explorer's count line starts with ``count`` ("2 of 35 quotes" is not "12 of 35 ...")."""
    expect(explorer.locator(".exr-status")).to_have_text(re.compile("^" + re.escape(count)))


def _choose_with_keys(page, menu, arrow: str) -> None:
    """Open a focused menu with Space, move with an arrow key, confirm with Enter."""
    page.keyboard.press("Space")
    menu.evaluate("select => new Promise(done => { const check = () => select.matches(':open') ? done() : "
                  "requestAnimationFrame(check); check(); })")
    page.keyboard.press(arrow)
    page.keyboard.press("Enter")


def test_every_widget_renders_live_from_the_prebuilt_extension(page):
    _explorer(page)
    assert page.locator(".exodus-quote-explorer .widget-dropdown select").count() == 2
    assert page.locator(".exodus-article-reader .exr-article .exr-pid").count() == 37
    assert page.locator(".exodus-frame-coder .widget-checkbox input").count() == 6
    assert page.locator(".jp-OutputArea-output:has-text('Error displaying widget')").count() == 0


def test_choosing_a_speaker_changes_the_listed_quotes(page):
    explorer = _explorer(page)
    cards = explorer.locator("li.exr-card")
    before = cards.all_text_contents()
    explorer.locator(".exodus-quote-speaker select").select_option(value="Valeri Klepkin (2)")
    _shows(explorer, "2 of 35 quotes")
    after = cards.all_text_contents()
    assert len(before) == 35 and len(after) == 2 and after != before[:2]
    assert all(text.startswith("Valeri Klepkin · direct quote") for text in after)


def test_the_menus_work_from_the_keyboard(page):
    # On a closed menu JupyterLab takes the arrow keys to move between cells
    # (jupyter-widgets/ipywidgets#3912), so a keyboard user opens the list first with Space.
    explorer = _explorer(page)
    explorer.locator(".exodus-quote-speaker select").focus()
    page.keyboard.press("Tab")
    kind = explorer.locator(".exodus-quote-kind select")
    assert kind.evaluate("select => select === document.activeElement")
    _choose_with_keys(page, kind, "ArrowDown")  # from "All kinds" to "Direct"
    _shows(explorer, "10 of 35 quotes (10 direct)")
    _choose_with_keys(page, kind, "ArrowUp")
    _shows(explorer, "35 of 35 quotes")


def test_typing_a_search_highlights_the_words(page, lab):
    explorer = _explorer(page)
    search = explorer.locator(".exodus-quote-search input")
    search.click()
    search.press_sequentially("CANNON  fodder")
    expect(explorer.locator("mark")).to_have_text(["cannon fodder", "cannon fodder"])
    _shows(explorer, "2 of 35 quotes")
    shot = lab["home"] / "04_explore-search.png"
    explorer.screenshot(path=str(shot))
    page.screenshot(path=str(lab["home"] / "04_explore.png"))
    assert shot.stat().st_size > 10_000
    search.fill("")
    _shows(explorer, "35 of 35 quotes")


def test_ticking_a_layer_marks_the_text(page):
    reader = page.locator(".exodus-article-reader")
    assert reader.locator("sup.exr-label", has_text="sic").count() == 0
    reader.locator(".exodus-layer-errata input").check()
    expect(reader.locator(".exr-article sup.exr-label", has_text="sic")).to_have_count(7)
    reader.locator(".exr-legend", has_text="typing errors: in italics").wait_for()


def test_ticking_a_frame_saves_the_coding_beside_the_notebook(page, lab):
    coder = page.locator(".exodus-frame-coder")
    coder.locator(".exodus-frame-conflict input").check()
    coder.locator("[role=status]", has_text="1 of 17 paragraphs coded").wait_for()
    saved = lab["root"] / "frame_coding.csv"
    assert saved.read_text().splitlines()[1:] == ["p11,0,1,0,0,0"]
    coder.get_by_role("button", name="Compare with the reference").click()
    coder.get_by_text("Where you differ (1 paragraph)").wait_for()


def test_the_start_notebook_opens_and_runs_top_to_bottom(lab_page, lab):
    lab_page.set_default_timeout(LONG)
    notebook = _ran(lab_page, START)  # opened by its address, Run All chosen in the fixture
    assert notebook.locator("[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
    assert notebook.locator("table.exodus-article tbody tr").count() == 37
    search = notebook.locator(".jp-OutputArea-output", has=lab_page.locator("table.exodus-matches"))
    assert search.locator("mark").all_text_contents() == ["told DW\xa0he", "told\xa0DW he", "told DW he"]
    search.screenshot(path=str(lab["home"] / "00_start_here-search.png"))
    outputs = " ".join(notebook.locator(".jp-OutputArea-output").all_text_contents())
    assert "Match(" not in outputs and "\\xa0" not in outputs


#: In the page: the notebook's body text size, the file browser's width, and, for one figure, the layout shown,
#: its drawn and native widths, and its smallest label as drawn (native size x drawn / native width).
MEASURE_FIGURE = """figure => {
    const shown = [...figure.querySelectorAll('img')].filter(img => getComputedStyle(img).display !== 'none');
    const img = shown[0], width = img.getBoundingClientRect().width;
    return {shown: shown.length, layout: img.className.replace('exr-figure-', ''), width,
            native: img.naturalWidth, label: parseFloat(img.dataset.labelPx) * width / img.naturalWidth,
            column: figure.parentElement.getBoundingClientRect().width};
}"""
MEASURE_PAGE = """notebook => ({
    body: parseFloat(getComputedStyle(notebook.querySelector('.jp-RenderedMarkdown p')).fontSize),
    browser: document.querySelector('.jp-FileBrowser').getBoundingClientRect().width})"""
#: Wait until the page has painted twice (a resized notebook lays its cells out again first).
PAINTED = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
#: For one table: the narrowest cell of prose, and the most lines any one-word cell (a date, an id) takes.
MEASURE_TABLE = """table => {
    const cells = [...table.querySelectorAll('td')];
    const prose = cells.filter(td => td.style.minWidth === '18em').map(td => td.getBoundingClientRect().width);
    const lines = td => { const range = document.createRange(); range.selectNodeContents(td);
                          return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size; };
    const words = cells.filter(td => td.style.whiteSpace === 'nowrap' && td.textContent).map(lines);
    return {prose: Math.min(...prose), words: Math.max(...words), scrolls: table.parentElement.scrollWidth >
            table.parentElement.clientWidth};
}"""


def test_figures_and_tables_are_legible_at_1280_and_800_px_with_the_file_browser_open(lab_page, lab):
    tab = lab_page
    tab.set_default_timeout(LONG)
    notebook = _ran(tab, lab["root"] / LEGIBLE)
    measured = {}
    try:
        tab.set_default_timeout(SHORT)
        for width in (1280, 800):
            tab.set_viewport_size({"width": width, "height": 900})
            at = notebook.evaluate(MEASURE_PAGE)
            assert at["browser"] >= 200, "the file browser is open, as on a student's screen"
            smallest = ONE_STEP_DOWN * at["body"]
            figures = notebook.locator("figure.exr-figure")
            assert figures.count() == len(FIGURES)
            for name, index in zip(FIGURES, range(len(FIGURES))):
                figures.nth(index).scroll_into_view_if_needed()
                figure = figures.nth(index).evaluate(MEASURE_FIGURE)
                measured[f"{width} {name}"] = figure
                assert figure["shown"] == 1, (width, name, figure)
                # The layout that fits the column, drawn at its native size: never shrunk below it.
                assert figure["layout"] == ("wide" if width == 1280 else "narrow"), (width, name, figure)
                assert figure["width"] == pytest.approx(figure["native"], abs=1), (width, name, figure)
                assert figure["width"] <= figure["column"] and figure["width"] >= 0.9 * min(figure["column"], 800)
                assert figure["label"] >= smallest, (width, name, figure)
            figures.nth(0).scroll_into_view_if_needed()
            tab.evaluate(PAINTED)
            tab.screenshot(path=str(lab["home"] / f"legibility-{width}-timeline.png"))
            figures.nth(1).screenshot(path=str(lab["home"] / f"legibility-{width}-route_map.png"))
            tables = notebook.locator("table.exodus-table")
            for index in range(tables.count()):
                tables.nth(index).scroll_into_view_if_needed()
                table = tables.nth(index).evaluate(MEASURE_TABLE)
                measured[f"{width} table {index}"] = table
                assert table["prose"] >= 200 and table["words"] == 1, (width, index, table)
            tab.evaluate(PAINTED)
            tab.screenshot(path=str(lab["home"] / f"legibility-{width}-table.png"))
    finally:
        (lab["home"] / "legibility.json").write_text(json.dumps(measured, indent=1))
        tab.set_viewport_size({"width": 1280, "height": 1000})  # as the other tests see the page


def test_the_quote_list_scrolls_in_a_box_and_every_control_shows_its_focus(page, lab):
    explorer = _explorer(page)
    box = explorer.locator(".exr-scroll")
    shown, whole = box.evaluate("box => [box.clientHeight, box.scrollHeight]")
    assert shown < 600 and whole > 4 * shown, (shown, whole)
    controls = [explorer.locator(".exodus-quote-speaker select"), explorer.locator(".exodus-quote-kind select"),
                explorer.locator(".exodus-quote-search input"), box,
                page.locator(".exodus-frame-coder .widget-dropdown select")]
    for control in controls:
        control.focus()
        style, width = control.evaluate("c => [getComputedStyle(c).outlineStyle, getComputedStyle(c).outlineWidth]")
        assert style == "solid" and float(width.rstrip("px")) >= 2, (style, width)
    explorer.locator(".exodus-quote-search input").focus()
    explorer.screenshot(path=str(lab["home"] / "04_explore-focus.png"))


def test_no_text_in_the_widgets_is_smaller_than_one_step_below_the_body_text(page):
    page.locator(".exodus-article-reader .exodus-layer-errata input").check()  # the smallest labels: "sic"
    sizes = page.evaluate("""() => {
        const shown = '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-RenderedMarkdown p';  // the notebook in front
        const body = parseFloat(getComputedStyle(document.querySelector(shown)).fontSize);
        const widgets = '.exodus-quote-explorer, .exodus-article-reader, .exodus-frame-coder';
        const own = el => [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
        const texts = [...document.querySelectorAll(widgets)].flatMap(w => [...w.querySelectorAll('*')]).filter(own);
        return {body, smallest: Math.min(...texts.map(el => parseFloat(getComputedStyle(el).fontSize))),
                count: texts.length};
    }""")
    assert sizes["count"] > 100 and sizes["smallest"] >= ONE_STEP_DOWN * sizes["body"], sizes


def test_a_blank_exercise_runs_to_its_last_cell_and_takes_a_written_answer(lab_page, lab):
    """Run All on a blank exercise: every cell runs, each check says in one calm line that it is
    not answered yet; then a written answer entered as the notebook tells a student to."""
    tab = lab_page
    tab.set_default_timeout(LONG)
    path = lab["root"] / EXERCISE.name
    notebook = _ran(tab, path)  # waits until the last code cell has run
    feedback = notebook.locator("[data-mime-type='application/vnd.jupyter.stderr']")
    checks = sum("check(" in c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
    expect(feedback).to_have_count(checks)
    lines = [text.strip() for text in feedback.all_text_contents()]
    assert all(line.startswith("\u2717 Not answered yet:") and "\n" not in line for line in lines), lines[:2]
    assert not any("Traceback" in line or "NotAnsweredYet" in line for line in lines)

    cells = notebook.locator(".jp-Notebook .jp-Cell")
    before = cells.count()
    stub = tab.locator(".jp-RenderedMarkdown", has_text=re.compile(r"^\s*YOUR ANSWER HERE\s*$"))  # inside each cell
    answer = notebook.locator(".jp-MarkdownCell").filter(has=stub).first
    answer.scroll_into_view_if_needed()
    # as the notebook says: click the cell, press Enter, select the words, type over them
    answer.click()
    tab.keyboard.press("Enter")
    tab.keyboard.press("Control+a")
    written = "The date line (p06) gives the day; the caption's Wednesday is the one before it (p09)."
    tab.keyboard.type(written)
    tab.keyboard.press("Shift+Enter")
    tab.keyboard.press("Control+s")
    deadline = time.monotonic() + SHORT / 1000
    saved = None
    while time.monotonic() < deadline:
        saved = nbformat.read(path, as_version=4)
        if any(c.source == written for c in saved.cells):
            break
        time.sleep(0.2)
    assert cells.count() == before
    assert len(saved.cells) == len(nbformat.read(EXERCISE, as_version=4).cells)
    [cell] = [c for c in saved.cells if c.source == written]
    assert cell.cell_type == "markdown" and cell.metadata["nbgrader"]["grade_id"] == "events_how_resolved"


def test_students_see_none_of_nbgrader_s_teacher_tools(page, lab):
    menus = page.locator("#jp-MainMenu .lm-MenuBar-item").all_text_contents()
    assert menus and not any("grader" in menu.lower() for menu in menus)
    assert page.locator("text=Formgrader").count() == 0
    request = urllib.request.Request(f"{lab['base']}/formgrader", headers={"Authorization": f"token {lab['token']}"})
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(request, timeout=10)
    assert missing.value.code == 404
