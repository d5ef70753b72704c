"""Helpers for JupyterLab and for the notebooks' committed outputs."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

#: JupyterLab settings for a classroom: no pop-up asking to fetch news, no update check.
LAB_OVERRIDES = {
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
}


#: nbgrader's teacher tools (Formgrader, Create Assignment, Validate): off for students.
NBGRADER_LAB = "@jupyter/nbgrader"
NBGRADER_SERVER = ("nbgrader.server_extensions.formgrader", "nbgrader.server_extensions.validate_assignment",
                   "nbgrader.server_extensions.assignment_list", "nbgrader.server_extensions.course_list")
#: Named to sort after nbgrader's own file, so that its settings win.
CLASSROOM_SERVER_CONFIG = "zz_exodus_reader_classroom.json"


def _merge_json(path: Path, update: dict) -> None:
    current = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    for key, value in update.items():
        if isinstance(value, dict) and isinstance(current.get(key), dict):
            current[key] = {**current[key], **value}
        else:
            current[key] = value
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(current, indent=2) + "\n", encoding="utf-8")


def setup_lab(prefix: Path | None = None, teacher: bool = False) -> Path:
    """Write JupyterLab's classroom settings into an environment and return the settings file.

    No news pop-up, and nbgrader's teacher tools switched off (its lab extension and its
    server extensions), so that a student never sees Formgrader or a Validate button even
    where the test extras installed nbgrader. ``teacher=True`` switches them back on.
    Settings already there are kept; ours are added on top.

    >>> import tempfile
    >>> prefix = Path(tempfile.mkdtemp())
    >>> path = setup_lab(prefix)
    >>> json.loads(path.read_text())["@jupyterlab/apputils-extension:notification"]["fetchNews"]
    'false'
    >>> page = prefix / "etc" / "jupyter" / "labconfig" / "page_config.json"
    >>> json.loads(page.read_text())["disabledExtensions"]
    {'@jupyter/nbgrader': True}
    """
    root = Path(prefix or sys.prefix)
    path = root / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    _merge_json(path, LAB_OVERRIDES)
    _merge_json(root / "etc" / "jupyter" / "labconfig" / "page_config.json",
                {"disabledExtensions": {NBGRADER_LAB: not teacher}})
    _merge_json(root / "etc" / "jupyter" / "jupyter_server_config.d" / CLASSROOM_SERVER_CONFIG,
                {"ServerApp": {"jpserver_extensions": {name: teacher for name in NBGRADER_SERVER}}})
    return path


def execute(notebook: nbformat.NotebookNode, folder: Path, timeout: int = 120) -> nbformat.NotebookNode:
    """Run a notebook top to bottom in a fresh kernel, in its folder, and return it.

    Widget state is kept in the notebook, so a static view shows the widgets as
    last rendered; timings are not recorded, so the file changes only when the
    outputs do.
    """
    client = NotebookClient(notebook, timeout=timeout, kernel_name="python3", record_timing=False,
                            store_widget_state=True, resources={"metadata": {"path": str(folder)}})
    client.execute()
    return notebook


def save_outputs(path: Path) -> None:
    """Run one notebook in a fresh kernel and write it back with its new outputs."""
    notebook = nbformat.read(path, as_version=4)
    execute(notebook, path.parent)
    nbformat.write(notebook, path)
