"""How long the classroom grader takes, against plain nbval on the same notebooks.

Builds the test corpus of submissions (tests/test_grade.py: right, wrong, misconceptions,
tampered and broken notebooks) in a temporary folder, then times, in the same run and as a
teacher would type them:

- plain nbval, the baseline: ``pytest --nbval-lax`` on every submitted notebook, one after
  the other, and again spread over the cores with pytest-xdist;
- ``python -m exodus_reader grade``, with one job, one job per core (the default) and two
  jobs per core.

Both only run the notebooks; the grader also reads every answer out of its kernel, checks
it and writes the gradebook and the feedback files. Each command runs in its own Python
process, so imports and start-up count for both. It prints the median of the repeats and
the ratio to plain nbval. Not part of the test suite:

    .venv/bin/python benchmarks/grading_vs_nbval.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from test_grade import build_corpus  # noqa: E402  (the corpus is defined once, with the tests)


def timed(command: list[str], cwd: Path) -> float:
    """Seconds one command takes; its output is discarded, its exit status ignored
    (nbval fails on the broken submissions, as it should)."""
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def commands(corpus: Path, out: Path, cores: int) -> dict[str, list[str]]:
    notebooks = sorted(str(p) for p in corpus.rglob("*.ipynb"))
    nbval = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts=",
             "--nbval-lax", "--nbval-current-env", "--nbval-cell-timeout=2",
             "--continue-on-collection-errors", "--rootdir", str(corpus)]
    grade = [sys.executable, "-m", "exodus_reader", "grade", str(corpus), "--lesson", "01_events",
             "--timeout", "2", "--out", str(out)]
    return {
        "plain nbval (pytest --nbval-lax), one process": nbval + notebooks,
        f"plain nbval, pytest -n {cores} --dist loadfile": nbval + ["-n", str(cores), "--dist", "loadfile"] + notebooks,
        "exodus_reader grade --jobs 1": grade + ["--jobs", "1"],
        f"exodus_reader grade, one job per core ({cores})": grade,
        f"exodus_reader grade --jobs {2 * cores}": grade + ["--jobs", str(2 * cores)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs of each command; the median is shown")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as scratch:
        corpus, out = Path(scratch) / "submissions", Path(scratch) / "results"
        corpus.mkdir()
        build_corpus(corpus)
        plan = commands(corpus, out, cores)
        seconds = {name: statistics.median(timed(cmd, ROOT) for _ in range(args.repeat)) for name, cmd in plan.items()}
        count = len(list(corpus.rglob("*.ipynb")))
    baseline = next(iter(seconds.values()))
    print(f"{count} submitted notebooks, {cores} cores, median of {args.repeat} run(s) each\n")
    width = max(len(name) for name in seconds)
    print(f"| {'command':<{width}} | seconds | ratio to plain nbval |")
    print(f"|{'-' * (width + 2)}|---------|----------------------|")
    for name, value in seconds.items():
        print(f"| {name:<{width}} | {value:7.1f} | {value / baseline:20.2f} |")


if __name__ == "__main__":
    main()
