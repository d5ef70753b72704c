"""The module as a package: a wheel that carries its data, installed outside the repository.

The wheel is built from the checkout and installed into a fresh virtual environment in a
temporary folder. That environment borrows this one's dependencies through a path file
(nothing is downloaded), so the only exodus_reader it can import is the wheel's. From a
class folder outside the repository it loads the article and runs the start notebook, and the
commands that need the repository's notebooks and exercises say so in one line.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: What pyproject.toml builds the wheel from.
BUILT_FROM = ("pyproject.toml", "README.md", "LICENSE", "LICENSE-CONTENT", "exodus_reader", "data")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    # Built from a copy of what the wheel is made of, so that no build/ folder is left in the
    # repository, and none left there earlier (stale modules included) can reach the wheel.
    source, dist = tmp_path_factory.mktemp("source"), tmp_path_factory.mktemp("dist")
    for name in BUILT_FROM:
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy2
        copy(ROOT / name, source / name, **({"ignore": shutil.ignore_patterns("__pycache__", "*.pyc")} if copy is shutil.copytree else {}))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--wheel-dir", str(dist), str(source)], check=True, capture_output=True, cwd=dist)
    return next(dist.glob("exodus_reader-*.whl"))


def test_the_wheel_carries_the_data_and_no_answers(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    data = {ROOT / "data" / n.removeprefix("exodus_reader/data/") for n in names if n.startswith("exodus_reader/data/")}
    shipped = {p for p in (ROOT / "data").rglob("*") if p.is_file()}
    assert shipped and shipped <= data, sorted(map(str, shipped - data))
    assert not [n for n in names if n.split("/")[0] in ("solutions", "exercises", "tests", "notebooks")]
    assert not [n for n in names if n.endswith(".ipynb")]


def test_the_wheel_carries_every_module_of_the_package_and_no_other(wheel):
    modules = {n for n in zipfile.ZipFile(wheel).namelist() if n.endswith(".py") and not n.startswith("exodus_reader/data/")}
    package = {p.relative_to(ROOT).as_posix() for p in (ROOT / "exodus_reader").rglob("*.py")}
    assert modules == package


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> tuple[Path, Path]:
    """A fresh virtual environment with the wheel installed: its python and its site-packages."""
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                               check=True, capture_output=True, text=True).stdout.strip())
    # borrowed dependencies come after the environment's own packages: the wheel's copy wins
    (site / "borrowed.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
                    "--target", str(site), str(wheel)], check=True, capture_output=True)
    return python, site


def outside_the_repository() -> dict[str, str]:
    """The environment without anything that points at the checkout."""
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "EXODUS_READER_DATA")}


def test_installed_alone_it_loads_the_article_and_runs_the_start_notebook(installed, tmp_path):
    python, site = installed
    room = tmp_path / "class"
    room.mkdir()
    notebook = room / "00_start_here.ipynb"
    notebook.write_bytes((ROOT / "notebooks" / "00_start_here.ipynb").read_bytes())
    env = outside_the_repository()
    script = ("import exodus_reader, nbformat\n"
              "from exodus_reader.paths import DATA_DIR\n"
              "from exodus_reader.exercises.runner import execute_notebook\n"
              "nb = nbformat.read('00_start_here.ipynb', as_version=4)\n"
              "execute_notebook(nb, __import__('pathlib').Path('.'))\n"
              "errors = [o for c in nb.cells if c.cell_type == 'code' for o in c.outputs if o.output_type == 'error']\n"
              "print(__import__('json').dumps({'package': exodus_reader.__file__, 'data': str(DATA_DIR),\n"
              "    'author': exodus_reader.load().meta['author'], 'errors': len(errors),\n"
              "    'cells': sum(c.cell_type == 'code' for c in nb.cells),\n"
              "    'ran': sum(c.cell_type == 'code' and c.execution_count is not None for c in nb.cells)}))\n")
    done = subprocess.run([str(python), "-c", script], cwd=room, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["package"].startswith(str(site)) and found["data"].startswith(str(site)), found
    assert found["author"] == "Juri Rescheto" and found["errors"] == 0, found
    assert found["cells"] and found["ran"] == found["cells"], found


#: Commands that need the repository's folders, and one way to call each.
NEED_THE_CHECKOUT = [["self-check", "01_events.ipynb"], ["objectives"], ["assign"], ["copy"], ["grade", "."],
                     ["feedback"], ["export", "canvas"], ["points", "01_events", "events_wednesday", "2"],
                     ["lab"], ["site"], ["release"]]


def test_installed_alone_the_commands_that_need_the_repository_say_so_in_one_line(installed, tmp_path):
    from exodus_reader.paths import NEEDS_CHECKOUT

    python, _ = installed
    (tmp_path / "01_events.ipynb").write_bytes((ROOT / "exercises" / "01_events.ipynb").read_bytes())
    for command in NEED_THE_CHECKOUT:
        done = subprocess.run([str(python), "-m", "exodus_reader", *command], cwd=tmp_path, env=outside_the_repository(),
                              capture_output=True, text=True, timeout=120)
        assert (done.returncode, done.stdout, done.stderr) == (1, "", f"error: {NEEDS_CHECKOUT}\n"), command
    assert sorted(p.name for p in tmp_path.iterdir()) == ["01_events.ipynb"], "a command wrote something"
    done = subprocess.run([str(python), "-m", "exodus_reader", "validate-data"], cwd=tmp_path,
                          env=outside_the_repository(), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.startswith("ok: 37 paragraphs"), done.stderr[-2000:]
