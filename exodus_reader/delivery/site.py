"""A website of the lessons, built with Jupyter Book 1 from the notebooks' committed outputs.

Nothing is executed. Every lesson in ``notebooks/`` becomes one page, listed in the table of
contents and on a start page, with its figures (and their alt text) and its widgets in the
state they were saved in. Jupyter Book's settings are in ``site/_config.yml``; the table of
contents and the start page are written here, from the notebooks and ``data/article.json``.
The two scripts that draw saved widgets (require.js and the Jupyter widgets HTML manager)
come from npm (``site/package.json``) and are copied into the site, so it needs no network:

    npm ci --prefix site          # once, needs the internet
    python -m exodus_reader site  # writes _site/index.html and one page per lesson
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

import nbformat

from ..errors import OneLineError
from ..extras import install_hint
from ..paths import DATA_DIR, NOTEBOOKS, SITE

CONFIG = SITE / "_config.yml"
TITLE = "Reading one news report closely"
#: The scripts the pages load, by where npm puts them under site/node_modules. The site keeps
#: that layout in _static/, where site/_config.yml names them; the widget manager asks for its
#: icon fonts in @jupyter-widgets/ beside the page, so those go to the site's root.
MANAGER = Path("@jupyter-widgets") / "html-manager" / "dist"
SCRIPTS = {"require.js": Path("requirejs") / "require.js", "embed-amd.js": MANAGER / "embed-amd.js"}
COLOUR = re.compile(r"\x1b\[[0-9;]*m")  # Sphinx colours its messages even into a pipe
FONTS = ("*.woff2", "*.woff", "*.ttf", "*.eot", "*.svg")


def lesson_title(notebook: nbformat.NotebookNode, fallback: str) -> str:
    """The text of a notebook's first top-level heading, or the fallback.

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("Intro"),
    ...                                      nbformat.v4.new_markdown_cell("# Who speaks\\nText")])
    >>> lesson_title(nb, "02_sources")
    'Who speaks'
    """
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def start_page(lessons: list[tuple[str, str]], meta: dict) -> str:
    """The start page in MyST Markdown: the title, the article it reads, the lessons, the licences.

    >>> meta = {"author": "A. Writer", "headline": "A report", "outlet": "DW",
    ...         "published": "2022-09-24", "url": "https://www.dw.com/a-1"}
    >>> page = start_page([("01_events", "What happened")], meta)
    >>> print(page.splitlines()[0])
    # Reading one news report closely
    >>> "1. [What happened](01_events.ipynb) (01_events)" in page, "(https://www.dw.com/a-1)" in page
    (True, True)
    """
    items = "\n".join(f"1. [{title}]({name}.ipynb) ({name})" for name, title in lessons)
    return f"""# {TITLE}

The lessons of a teaching module about {meta["author"]}, "{meta["headline"]}",
{meta["outlet"]}, {meta["published"]} ([the article on dw.com]({meta["url"]})).
Each page shows a lesson as it was last run: read it here, or open the notebook in
JupyterLab to try things.

{items}

The article text is DW's and is not covered by the module's licences. The module's code is
under the MIT licence; its prose and annotations under CC BY 4.0.
"""


def table_of_contents(names: list[str]) -> str:
    """Jupyter Book's ``_toc.yml``: the start page, then each lesson in order.

    JSON is YAML, so no YAML library is needed to write it:

    >>> print(table_of_contents(["00_start_here", "01_events"]))
    {"format": "jb-book", "root": "index", "chapters": [{"file": "00_start_here"}, {"file": "01_events"}]}
    """
    return json.dumps({"format": "jb-book", "root": "index", "chapters": [{"file": name} for name in names]})


def _jupyter_book() -> str:
    """The ``jupyter-book`` command beside this Python, if it is Jupyter Book 1."""
    try:
        version = metadata.version("jupyter-book")
    except metadata.PackageNotFoundError:
        version = ""
    command = shutil.which("jupyter-book", path=str(Path(sys.executable).parent))
    if not version.startswith("1.") or command is None:
        raise OneLineError(f"the website needs Jupyter Book 1 (the `site` extra): {install_hint('site')}")
    return command


def build_site(out: Path, scripts: Path = SITE / "node_modules", notebooks: Path = NOTEBOOKS) -> list[Path]:
    """Write the lesson website into ``out`` and return the pages written, start page first.

    Nothing is executed: the pages show the outputs and the widget state saved in the
    notebooks. Links between lessons point at their pages. Without the scripts, it says
    what to run:

    >>> build_site(Path(tempfile.mkdtemp()), scripts=Path("no-such-folder"))
    Traceback (most recent call last):
    ...
    exodus_reader.errors.OneLineError: the widget scripts are missing (no-such-folder/requirejs/require.js): run `npm ci --prefix site` once
    """
    missing = [str(scripts / path) for path in SCRIPTS.values() if not (scripts / path).is_file()]
    if missing:
        raise OneLineError(f"the widget scripts are missing ({missing[0]}): run `npm ci --prefix site` once")
    sources = sorted(notebooks.glob("[0-9][0-9]_*.ipynb"))
    if not sources:
        raise OneLineError(f"there are no lesson notebooks in {notebooks}")
    command = _jupyter_book()
    meta = json.loads((DATA_DIR / "article.json").read_text(encoding="utf-8"))
    lessons = [(source.stem, lesson_title(nbformat.read(source, as_version=4), source.stem)) for source in sources]
    with tempfile.TemporaryDirectory(prefix="exodus-site-") as tmp:
        # The book is the lessons side by side, so that their links to each other resolve.
        book = Path(tmp) / "book"
        # Sphinx copies these two into _static/ and into the site's root (site/_config.yml).
        static, fonts = book / "widgets", book / "widget-fonts"
        book.mkdir()
        for source in sources:
            shutil.copyfile(source, book / source.name)
        (book / "index.md").write_text(start_page(lessons, meta), encoding="utf-8")
        (book / "_toc.yml").write_text(table_of_contents([name for name, _ in lessons]), encoding="utf-8")
        for path in SCRIPTS.values():
            (static / path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(scripts / path, static / path)
        shutil.copyfile(SITE / "lessons.css", static / "lessons.css")
        for pattern in FONTS:
            for font in (scripts / MANAGER).glob(pattern):
                (fonts / MANAGER.parts[0]).mkdir(parents=True, exist_ok=True)
                shutil.copyfile(font, fonts / MANAGER.parts[0] / font.name)
        run = subprocess.run([command, "build", str(book), "--config", str(CONFIG), "--toc", str(book / "_toc.yml"),
                              "--path-output", tmp, "--builder", "html", "--warningiserror", "--keep-going"],
                             capture_output=True, text=True)
        if run.returncode != 0:
            lines = (run.stderr + run.stdout).splitlines()
            first = next((line for line in lines if "WARNING" in line or "ERROR" in line), lines[-1] if lines else "")
            raise OneLineError(f"Jupyter Book could not build the site: {COLOUR.sub('', first).strip()}")
        shutil.copytree(Path(tmp) / "_build" / "html", out, dirs_exist_ok=True)
    return [out / "index.html", *(out / f"{name}.html" for name, _ in lessons)]
