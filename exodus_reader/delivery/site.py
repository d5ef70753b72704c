"""A website of the lessons, built from the notebooks' committed outputs: nothing is executed.

Every lesson in ``notebooks/`` becomes one HTML page in JupyterLab's look, with its figures
(and their alt text) and its widgets in the state they were saved in. The two scripts that
draw saved widgets (require.js and the Jupyter widgets HTML manager) come from npm
(``site/package.json``) and are copied beside the pages, so the site needs no network:

    npm ci --prefix site          # once, needs the internet
    python -m exodus_reader site  # writes _site/index.html and one page per lesson
"""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import nbformat

from ..errors import OneLineError
from ..paths import CHECKOUT

ROOT = CHECKOUT
#: The scripts the pages load, by where npm puts them under site/node_modules. The site keeps
#: that layout: the widget manager asks for its icon fonts beside itself and in @jupyter-widgets/.
MANAGER = Path("@jupyter-widgets") / "html-manager" / "dist"
SCRIPTS = {"require.js": Path("requirejs") / "require.js", "embed-amd.js": MANAGER / "embed-amd.js"}
FONTS = ("*.woff2", "*.woff", "*.ttf", "*.eot", "*.svg")
STYLE = ("body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
         "li{margin:.4rem 0}.site-nav{margin:1rem 0}")


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


def _index(lessons: list[tuple[str, str]], meta: dict) -> str:
    items = "\n".join(f'<li><a href="{name}.html">{html.escape(title)}</a> <small>({name})</small></li>'
                      for name, title in lessons)
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Reading one news report closely</title><style>{STYLE}</style></head>
<body>
<main>
<h1>Reading one news report closely</h1>
<p>The lessons of a teaching module about {html.escape(meta["author"])}, "{html.escape(meta["headline"])}",
{html.escape(meta["outlet"])}, {html.escape(meta["published"])}
(<a href="{html.escape(meta["url"])}">the article on dw.com</a>).
Each page shows a lesson as it was last run: read it here, or open the notebook in JupyterLab to try things.</p>
<ol>
{items}
</ol>
<p><small>The article text is DW's and is not covered by the module's licences. The module's code is
under the MIT licence; its prose and annotations under CC BY 4.0.</small></p>
</main>
</body>
</html>
"""


def build_site(out: Path, scripts: Path = ROOT / "site" / "node_modules",
               notebooks: Path = ROOT / "notebooks") -> list[Path]:
    """Write the lesson website into ``out`` and return the pages written, index first.

    Nothing is executed: the pages show the outputs and the widget state saved in the
    notebooks. Links between lessons point at their pages. Without the scripts, it says
    what to run:

    >>> import tempfile
    >>> build_site(Path(tempfile.mkdtemp()), scripts=Path("no-such-folder"))
    Traceback (most recent call last):
    ...
    exodus_reader.errors.OneLineError: the widget scripts are missing (no-such-folder/requirejs/require.js): run `npm ci --prefix site` once
    """
    from nbconvert import HTMLExporter

    missing = [str(scripts / path) for path in SCRIPTS.values() if not (scripts / path).is_file()]
    if missing:
        raise OneLineError(f"the widget scripts are missing ({missing[0]}): run `npm ci --prefix site` once")
    sources = sorted(notebooks.glob("[0-9][0-9]_*.ipynb"))
    if not sources:
        raise OneLineError(f"there are no lesson notebooks in {notebooks}")
    for path in [*SCRIPTS.values(), *(font.relative_to(scripts) for pattern in FONTS
                                      for font in (scripts / MANAGER).glob(pattern))]:
        targets = [path, MANAGER.parent.parent / path.name] if path.suffix != ".js" else [path]
        for target in targets:
            (out / target).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(scripts / path, out / target)
    exporter = HTMLExporter(template_name="lab", template_file="lesson.html.j2",
                            extra_template_paths=[str(ROOT / "site")], require_js_url=SCRIPTS["require.js"].as_posix(),
                            widget_renderer_url=SCRIPTS["embed-amd.js"].as_posix())
    names = {source.stem for source in sources}
    link = re.compile(r'href="(?:\./)?(\d\d_[A-Za-z_]+)\.ipynb(#[^"]*)?"')
    pages, lessons = [], []
    for source in sources:
        notebook = nbformat.read(source, as_version=4)
        title = lesson_title(notebook, source.stem)
        body, _ = exporter.from_notebook_node(notebook, resources={"metadata": {"name": title}})
        body = link.sub(lambda m: f'href="{m[1]}.html{m[2] or ""}"' if m[1] in names else m[0], body)
        page = out / f"{source.stem}.html"
        page.write_text(body, encoding="utf-8")
        pages.append(page)
        lessons.append((source.stem, title))
    meta = json.loads((ROOT / "data" / "article.json").read_text(encoding="utf-8"))
    index = out / "index.html"
    index.write_text(_index(lessons, meta), encoding="utf-8")
    return [index, *pages]
