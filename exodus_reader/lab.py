"""Helpers for JupyterLab and for the notebooks' committed outputs."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import nbformat

from .runner import execute_notebook

#: JupyterLab settings for a classroom: no pop-up asking to fetch news, no update check.
LAB_OVERRIDES = {
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
}


def setup_lab(prefix: Path | None = None) -> Path:
    """Write JupyterLab's classroom settings into an environment and return the file.

    Settings already there are kept; ours are added on top.

    >>> import tempfile
    >>> path = setup_lab(Path(tempfile.mkdtemp()))
    >>> json.loads(path.read_text())["@jupyterlab/apputils-extension:notification"]["fetchNews"]
    'false'
    """
    settings = Path(prefix or sys.prefix) / "share" / "jupyter" / "lab" / "settings"
    settings.mkdir(parents=True, exist_ok=True)
    path = settings / "overrides.json"
    current = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    current.update(LAB_OVERRIDES)
    path.write_text(json.dumps(current, indent=2) + "\n", encoding="utf-8")
    return path


def save_outputs(path: Path) -> None:
    """Run one notebook in a fresh kernel and write it back with its new outputs."""
    notebook = nbformat.read(path, as_version=4)
    execute_notebook(notebook, path.parent)
    nbformat.write(notebook, path)
