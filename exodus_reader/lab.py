"""Helpers for JupyterLab and for the notebooks' committed outputs."""

from __future__ import annotations

import json
import os
import subprocess
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


#: The module's folder (a checkout) and the notebook JupyterLab opens first, relative to it.
MODULE_FOLDER = Path(__file__).resolve().parent.parent
START_NOTEBOOK = "notebooks/00_start_here.ipynb"

def is_root() -> bool:
    """True when this process runs as root (common in containers and school images).

    >>> isinstance(is_root(), bool)
    True
    """
    return hasattr(os, "geteuid") and os.geteuid() == 0


def lab_command(notebook: str, root: bool = False) -> list[str]:
    """The command that opens JupyterLab on a notebook, with this Python's JupyterLab.

    JupyterLab refuses to start as root unless told ``--allow-root``; this adds it.

    >>> lab_command("notebooks/00_start_here.ipynb", root=True)[1:]
    ['-m', 'jupyterlab', 'notebooks/00_start_here.ipynb', '--allow-root']
    """
    return [sys.executable, "-m", "jupyterlab", notebook] + (["--allow-root"] if root else [])


def open_lab(folder: Path = MODULE_FOLDER, notebook: str = START_NOTEBOOK) -> int:
    """Write the classroom settings, then open JupyterLab in the module's folder on the start notebook.

    It returns only if JupyterLab cannot start, or on Windows when JupyterLab stops:

    >>> open_lab(Path("no-such-folder"))
    1
    """
    if not (folder / notebook).is_file():
        print(f"error: there is no notebook {folder / notebook}: run this in a copy of the whole module",
              file=sys.stderr)
        return 1
    setup_lab()
    command = lab_command(notebook, root=is_root())
    if is_root():
        print("Running as root (usual in a container): JupyterLab starts with --allow-root.", flush=True)
    os.chdir(folder)  # JupyterLab shows the module's folder, wherever the command was typed
    if os.name == "posix":
        os.execv(command[0], command)  # JupyterLab takes over this process and its Ctrl+C
    return subprocess.call(command)


def save_outputs(path: Path) -> None:
    """Run one notebook in a fresh kernel and write it back with its new outputs."""
    notebook = nbformat.read(path, as_version=4)
    execute_notebook(notebook, path.parent)
    nbformat.write(notebook, path)
