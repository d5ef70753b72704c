"""JupyterLab for a classroom: its settings, and opening it on the start notebook."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from ..paths import CHECKOUT, NOTEBOOKS

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


#: The notebook JupyterLab opens first, relative to the module's folder (JupyterLab's root).
START_NOTEBOOK = (NOTEBOOKS / "00_start_here.ipynb").relative_to(CHECKOUT).as_posix()


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


def open_lab(folder: Path = CHECKOUT, notebook: str = START_NOTEBOOK) -> int:
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
