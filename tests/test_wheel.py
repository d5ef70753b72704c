"""The module as a package: a wheel that carries its data, installed outside the repository.

The wheel is built from the checkout and installed into a fresh virtual environment in a
temporary folder. That environment borrows this one's dependencies through a path file
(nothing is downloaded), so the only exodus_reader it can import is the wheel's. From a
class folder outside the repository it loads the article and runs the start notebook.
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


def test_installed_alone_it_loads_the_article_and_runs_the_start_notebook(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                               check=True, capture_output=True, text=True).stdout.strip())
    # borrowed dependencies come after the environment's own packages: the wheel's copy wins
    (site / "borrowed.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
                    "--target", str(site), str(wheel)], check=True, capture_output=True)
    room = tmp_path / "class"
    room.mkdir()
    notebook = room / "00_start_here.ipynb"
    notebook.write_bytes((ROOT / "notebooks" / "00_start_here.ipynb").read_bytes())
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "EXODUS_READER_DATA")}
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
