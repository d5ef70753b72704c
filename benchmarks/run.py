"""Speed and memory of the module, as ratios against baselines measured in the same run.

    python benchmarks/run.py            # or: make benchmark
    python benchmarks/run.py --repeat 5

Not part of the test suite: timings depend on the machine and on what else it is doing,
so each figure is printed next to a baseline measured by the same run, on the same
machine, minutes apart. Targets (README): every notebook within 1.3x the floor notebook;
a widget update within 5 ms (median); a kernel's peak memory within 250 MB after the
heaviest notebook; a class of 30 graded sealed within 1.2x plain nbval on the same notebooks
and faster than nbgrader autograde; the self-check within 0.6x nbgrader validate.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from exodus_reader.exercises.runner import execute_notebook as execute  # noqa: E402

#: What every lesson pays anyway: the three libraries, one plot and one widget.
FLOOR_CELLS = [
    "import pandas as pd\nimport matplotlib.pyplot as plt\nimport ipywidgets as widgets",
    "plt.plot([1, 2, 3], [1, 4, 9])\nplt.show()",
    "widgets.Dropdown(options=['a', 'b', 'c'], description='Pick')",
]
PEAK_RSS_CELL = ("import resource, sys\n"
                 "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
                 "print(peak * (1 if sys.platform == 'darwin' else 1024))")


def floor_notebook() -> nbformat.NotebookNode:
    notebook = new_notebook(cells=[new_code_cell(src) for src in FLOOR_CELLS])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return notebook


def run_notebook(notebook: nbformat.NotebookNode, folder: Path) -> float:
    """Seconds to run a copy of a notebook in a fresh kernel, start-up included."""
    copy = nbformat.from_dict(notebook)
    started = time.perf_counter()
    execute(copy, folder)
    return time.perf_counter() - started


def kernel_peak_mb(notebook: nbformat.NotebookNode, folder: Path) -> float:
    """Peak resident memory of the kernel that ran the notebook, in MB."""
    copy = nbformat.from_dict(notebook)
    copy.cells.append(new_code_cell(PEAK_RSS_CELL))
    execute(copy, folder)
    return int(copy.cells[-1].outputs[0]["text"]) / 1e6


def median_time(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def notebooks() -> list[Path]:
    return sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "solutions").glob("*.ipynb"))


def notebook_rows(repeat: int) -> tuple[list[list[str]], Path]:
    """Each notebook's median time against the floor's, runs interleaved so drift hits both."""
    floor = floor_notebook()
    paths = notebooks()
    floor_times: list[float] = []
    times: dict[Path, list[float]] = {path: [] for path in paths}
    for _ in range(repeat):
        for path in paths:
            floor_times.append(run_notebook(floor, ROOT / "notebooks"))
            times[path].append(run_notebook(nbformat.read(path, as_version=4), path.parent))
    base = statistics.median(floor_times)
    rows = [["floor notebook (pandas, matplotlib, ipywidgets)", f"{base:.2f} s", "1.00", "baseline"]]
    for path in paths:
        seconds = statistics.median(times[path])
        ratio = seconds / base
        rows.append([str(path.relative_to(ROOT)), f"{seconds:.2f} s", f"{ratio:.2f}",
                     "ok" if ratio <= 1.3 else "over 1.3"])
    heaviest = max(paths, key=lambda p: statistics.median(times[p]))
    return rows, heaviest


def memory_rows(heaviest: Path) -> list[list[str]]:
    floor_mb = kernel_peak_mb(floor_notebook(), ROOT / "notebooks")
    heavy_mb = kernel_peak_mb(nbformat.read(heaviest, as_version=4), heaviest.parent)
    return [["kernel peak memory, floor notebook", f"{floor_mb:.0f} MB", "1.00", "baseline"],
            [f"kernel peak memory, {heaviest.relative_to(ROOT)}", f"{heavy_mb:.0f} MB",
             f"{heavy_mb / floor_mb:.2f}", "ok" if heavy_mb <= 250 else "over 250 MB"]]


def widget_rows(repeat: int = 200) -> list[list[str]]:
    """Median time of one filter change in the quote explorer, against a bare dropdown."""
    import ipywidgets as widgets

    from exodus_reader.reading.widgets import ArticleReader, QuoteExplorer

    bare = widgets.Dropdown(options=["a", "b"])
    bare.observe(lambda change: None, names="value")
    flip = iter(range(10**9))
    base = median_time(lambda: setattr(bare, "value", "ab"[next(flip) % 2]), repeat)
    explorer = QuoteExplorer()
    speakers = [value for _, value in explorer.speaker_menu.options]
    turn = iter(range(10**9))
    speaker = median_time(lambda: setattr(explorer.speaker_menu, "value", speakers[next(turn) % len(speakers)]), repeat)
    words = iter(["told", "told DW", "Russia", "cannon", ""] * repeat)
    search = median_time(lambda: setattr(explorer.search_box, "value", next(words)), repeat)
    reader = ArticleReader()
    box = next(iter(reader.toggles.values()))
    rows = [["widget update: bare Dropdown with an observer", f"{base * 1e3:.3f} ms", "1.00", "baseline"],
            ["widget update: quote explorer, change speaker", f"{speaker * 1e3:.2f} ms", f"{speaker / base:.0f}",
             "ok" if speaker <= 0.005 else "over 5 ms"],
            ["widget update: quote explorer, type a search", f"{search * 1e3:.2f} ms", f"{search / base:.0f}",
             "ok" if search <= 0.005 else "over 5 ms"]]
    layer = median_time(lambda: setattr(box, "value", not box.value), repeat // 4)
    rows.append(["widget update: article reader, toggle a layer", f"{layer * 1e3:.2f} ms", f"{layer / base:.0f}",
                 "ok" if layer <= 0.005 else "over 5 ms"])
    return rows


def grading_rows(repeat: int) -> list[list[str]]:
    """A class of 30 graded sealed, against plain nbval and nbgrader; the self-check against
    nbgrader validate (benchmarks/grading.py)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from grading import rows

    return rows(repeat)


def machine() -> str:
    """One line on the machine and on how busy it is as the run starts."""
    import os

    return (f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}, {platform.platform()}; "
            f"load average {os.getloadavg()[0]:.1f} at the start")


def print_table(rows: list[list[str]]) -> None:
    header = ["measure", "value", "ratio", "target"]
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(4)]
    for row in [header, ["-" * w for w in widths], *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each notebook (median)")
    args = parser.parse_args(argv)
    print(machine())
    rows, heaviest = notebook_rows(args.repeat)
    rows += memory_rows(heaviest)
    rows += widget_rows()
    rows += grading_rows(args.repeat)
    print_table(rows)
    print(f"load average {__import__('os').getloadavg()[0]:.1f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
