"""Opening JupyterLab (as root too) and running notebooks without the kernel's start-up noise."""

from __future__ import annotations

from pathlib import Path

import nbformat

from conftest import ROOT
from exodus_reader.__main__ import main
from exodus_reader.delivery import lab
from exodus_reader.exercises.runner import execute_notebook


def test_lab_opens_the_start_notebook_and_allows_root_where_needed(monkeypatch, capsys, tmp_path):
    started = []
    monkeypatch.setattr(lab, "setup_lab", lambda: started.append("settings"))
    monkeypatch.setattr(lab.os, "chdir", lambda folder: started.append(folder))
    monkeypatch.setattr(lab.os, "execv", lambda path, argv: started.append(argv))
    monkeypatch.setattr(lab.subprocess, "call", lambda argv: started.append(argv) or 0)
    monkeypatch.setattr(lab, "is_root", lambda: True)
    lab.open_lab()
    assert started[:2] == ["settings", ROOT]
    assert started[2][-2:] == [lab.START_NOTEBOOK, "--allow-root"]
    assert (ROOT / lab.START_NOTEBOOK).is_file()
    assert "--allow-root" in capsys.readouterr().out
    monkeypatch.setattr(lab, "is_root", lambda: False)
    lab.open_lab()
    assert started[-1][-1] == lab.START_NOTEBOOK


def test_lab_says_what_to_do_without_the_notebooks(tmp_path, capsys):
    assert lab.open_lab(tmp_path) == 1
    assert capsys.readouterr().err.startswith("error: there is no notebook ")


def test_kernels_the_module_starts_do_not_print_the_tcp_warning(tmp_path, capfd):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("6 * 7")])
    execute_notebook(notebook, Path(tmp_path))
    assert notebook.cells[0].outputs[0]["data"]["text/plain"] == "42"
    assert "without encryption" not in capfd.readouterr().err


def test_the_outputs_command_runs_a_notebook_and_saves_its_outputs(tmp_path, capsys):
    path = tmp_path / "tiny.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("6 * 7")]), path)
    assert main(["outputs", str(path)]) == 0
    assert capsys.readouterr().out == f"running {path}\n"
    saved = nbformat.read(path, as_version=4)
    assert saved.cells[0].outputs[0]["data"]["text/plain"] == "42"
    assert saved.cells[0].execution_count == 1
