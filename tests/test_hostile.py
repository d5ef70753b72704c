"""A hostile class: every attack on the grader a student could try, graded at once.

Each submission runs sealed off (bubblewrap): the attacks below must change nothing but
their own author's rows. The honest student scores as in a clean run, the classmates'
files stay byte-identical, the module's files do not change, the gradebook stays as
written once the grader has returned, and no process of any submission is left behind.
Where no sandbox is available the grader refuses, in one line, and these tests skip.
"""

from __future__ import annotations

import csv
import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from exodus_reader.grading.grade import grade_folder
from exodus_reader.exercises.runner import Limits, sandbox_problem
from test_grade import EXPECTED, filled, solution_code, write

ROOT = Path(__file__).resolve().parent.parent
MARK = "31.4159"  # a sleep that no honest process runs: how a left-over process is found
LIMITS = Limits(cell=3, setup=60, notebook=25)

pytestmark = pytest.mark.skipif(sandbox_problem() is not None, reason=f"{sandbox_problem()}")

ATTACKS = {
    # appends to the package and edits the answer key while the class is graded
    "events_wednesday": "import exodus_reader, pathlib\n"
                        "pathlib.Path(exodus_reader.__file__).parent.joinpath('exercises', 'verdicts.py').open('a').write('\\nX = 1\\n')",
    "events_klepkin_window": "import exodus_reader, pathlib\n"
                             "data = pathlib.Path(exodus_reader.__file__).parent.parent / 'data'\n"
                             "(data / 'context' / 'timeline.csv').write_text('broken')",
    # reads the answers through the package's location
    "events_war_paragraph": "import exodus_reader, pathlib, json\n"
                            "key = pathlib.Path(exodus_reader.__file__).parent.parent / 'solutions' / '01_events.ipynb'\n"
                            "war_paragraph = json.loads(key.read_text())['cells'][0]['source']",
    # a daemon that outlives the notebook to rewrite the gradebook later
    "events_thousands_status": "import os, subprocess\n"
                                "if os.fork() == 0:\n    os.setsid()\n    if os.fork() == 0:\n"
                                f"        subprocess.Popen(['sleep', '{MARK}'])\n"
                                "        import time; time.sleep(2)\n"
                                "        for p in ('gradebook', '../gradebook', '/tmp/gradebook'):\n"
                                "            try: open(p + '/gradebook.csv', 'w').write('all full marks')\n"
                                "            except OSError: pass\n"
                                "    os._exit(0)\n",
    # memory, and a number too large to compare
    "events_million_source": "big = bytearray(2 * 1024**3)",
    "events_destinations": "destinations = 10**400",
    # deletes whatever classmates' work it can find
    "events_order": "import glob, os\n"
                            "for path in glob.glob('/**/*.ipynb', recursive=True):\n"
                            "    try: open(path, 'w').write('')\n"
                            "    except OSError: pass",
}


def _forged_report() -> str:
    """A cell that writes a fake report into the runner's own output, then kills the runner."""
    return ("import os, json\n"
            "forged = {'reports': [{'state': 'ok', 'printed': 0, 'answer': {'type': 'float', 'value': 1e400}}] * 40}\n"
            "os.write(os.open(f'/proc/{os.getppid()}/fd/1', os.O_WRONLY), (json.dumps(forged) + '\\n').encode())\n"
            "os.kill(os.getppid(), 9)")


def _digest(paths: list[Path]) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def _module_files() -> list[Path]:
    return sorted(p for folder in ("exodus_reader", "data", "solutions", "exercises")
                  for p in (ROOT / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def _left_over() -> list[str]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if entry.name.isdigit() and f"sleep {MARK}" in command:
            found.append(command)
    return found


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("class")
    out = tmp_path_factory.mktemp("marks")
    right = solution_code("01_events")
    write(folder, "ada/01_events.ipynb", filled("01_events", right))
    write(folder, "mallory/01_events.ipynb", filled("01_events", ATTACKS))
    write(folder, "kim/01_events.ipynb", filled("01_events", {**right, "events_war_paragraph":
                                                               "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)"}))
    write(folder, "stu/01_events.ipynb", filled("01_events", {**right, "events_war_paragraph":
                                                               "import os, signal\nos.kill(os.getppid(), signal.SIGSTOP)"}))
    write(folder, "fay/01_events.ipynb", filled("01_events", {**right, "events_war_paragraph": _forged_report()}))
    os.mkfifo(folder / "pip.ipynb")
    (folder / "zed.ipynb").symlink_to("/dev/zero")
    honest = sorted((folder / "ada").glob("*"))
    before_honest, before_module = _digest(honest), _digest(_module_files())
    book, rows = grade_folder(folder, out, lesson="01_events", jobs=3, limits=LIMITS, show=None)
    written = book.read_bytes()
    return {"rows": rows, "book": book, "written": written, "out": out, "folder": folder,
            "honest": (honest, before_honest), "module": before_module}


def _rows(hostile, student):
    return [r for r in hostile["rows"] if r["student"] == student]


def test_the_honest_student_scores_as_in_a_clean_run_and_keeps_her_files(hostile):
    with EXPECTED.open(encoding="utf-8", newline="") as handle:
        clean = [r for r in csv.DictReader(handle) if r["student"] == "ada"]
    assert [{k: v for k, v in r.items() if k != "comment"} for r in _rows(hostile, "ada")] == clean
    honest, before = hostile["honest"]
    assert _digest(honest) == before


def test_no_attack_changes_the_module_or_its_answer_key(hostile):
    assert _digest(_module_files()) == hostile["module"]


def test_each_attack_earns_nothing_and_is_named_in_its_own_rows(hostile):
    mallory = {r["question"]: r for r in _rows(hostile, "mallory")}
    assert sum(float(r["points"] or 0) for r in mallory.values()) == 0
    refused = ("Read-only file system", "Permission denied")
    assert any(word in mallory["events_wednesday"]["feedback"] for word in refused)
    assert any(word in mallory["events_klepkin_window"]["feedback"] for word in refused)
    assert "FileNotFoundError" in mallory["events_war_paragraph"]["feedback"]
    assert "MemoryError" in mallory["events_million_source"]["feedback"]
    assert mallory["events_destinations"]["status"] == "wrong type"


def test_killing_or_stopping_the_runner_or_forging_its_report_costs_only_the_author(hostile):
    for student in ("kim", "stu", "fay"):
        rows = _rows(hostile, student)
        assert rows and all(float(r["points"] or 0) == 0 for r in rows), student
        assert {r["status"] for r in rows} <= {"grader error", "timed out", "not answered"}, student
    assert {r["status"] for r in _rows(hostile, "stu")} == {"timed out"}


def test_pipes_and_links_get_a_row_and_are_never_opened(hostile):
    with (hostile["book"].with_name("files.csv")).open(encoding="utf-8-sig") as handle:
        files = {r["file"]: r for r in csv.DictReader(handle)}
    assert files["pip.ipynb"]["status"] == files["zed.ipynb"]["status"] == "not a regular file"
    assert set(files) == {"ada/01_events.ipynb", "mallory/01_events.ipynb", "kim/01_events.ipynb",
                          "stu/01_events.ipynb", "fay/01_events.ipynb", "pip.ipynb", "zed.ipynb"}


def test_nothing_outlives_the_grader_and_the_gradebook_stays_as_written(hostile):
    assert _left_over() == []
    time.sleep(2.5)  # the daemon would have written by now
    assert hostile["book"].read_bytes() == hostile["written"]
    assert _left_over() == []


def test_a_killed_grader_leaves_no_sandbox_running_and_keeps_the_rows_it_had(tmp_path):
    folder = tmp_path / "class"
    write(folder, "ada/01_events.ipynb", filled("01_events", {
        **solution_code("01_events"), "events_war_paragraph": f"import subprocess\nsubprocess.run(['sleep', '{MARK}'])"}))
    write(folder, "bo/01_events.ipynb", filled("01_events", solution_code("01_events")))
    grader = subprocess.Popen([sys.executable, "-m", "exodus_reader", "grade", str(folder), "--out", str(tmp_path),
                               "--lesson", "01_events", "--jobs", "2"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    book = tmp_path / "gradebook" / "gradebook.csv"
    for _ in range(1200):  # a loaded machine may take a while to start the kernels
        if _left_over() and book.is_file():
            break
        time.sleep(0.1)
    assert _left_over() and book.is_file(), "the submissions never started, or bo's never finished"
    os.kill(grader.pid, signal.SIGKILL)
    with book.open(encoding="utf-8-sig") as handle:
        kept = {row["student"] for row in csv.DictReader(handle)}
    assert kept == {"bo"}, kept
    grader.wait()
    for _ in range(50):
        if not _left_over():
            break
        time.sleep(0.1)
    assert _left_over() == []
