"""The nbgrader route the teacher's guide gives, run with nbgrader itself.

An nbgrader course registers lesson 01 from solutions/, hands out the module's exercises/
copy in place of nbgrader's stubbed one, and autogrades eve, who answers every checked
question wrong in the exercise copy and adds a cell that redefines check(). nbgrader gives
her full marks, which is why the guide says to grade with the module (test_grade.py shows
the module grading eve's tricks to 0). One kernel and nbgrader's own start-up.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

from exercise_cases import CASES
from test_grade import cell_of, filled

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "teaching-with-the-exercises.md"


def guide_steps() -> list[str]:
    """The guide's four lines that set up the assignment in an nbgrader course folder."""
    text = GUIDE.read_text(encoding="utf-8")
    block = text[text.index("### With nbgrader"):text.index("## Collect")]
    return [line.strip() for line in block.splitlines()
            if line.startswith("    ") and re.match(r"(mkdir|cp|nbgrader) ", line.strip())]


def test_exercise_copies_go_through_nbgrader_and_its_autograder_trusts_a_redefined_check(tmp_path):
    course, module = tmp_path / "course", tmp_path / "exodus-reader"
    course.mkdir()
    module.symlink_to(ROOT)
    (course / "nbgrader_config.py").write_text('c = get_config()\nc.CourseDirectory.course_id = "exodus"\n')
    bin_dir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
    steps = guide_steps()
    assert [s.split()[0] for s in steps] == ["mkdir", "cp", "nbgrader", "cp"]
    for step in steps:
        done = subprocess.run(step, shell=True, cwd=course, env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr[-2000:]
    released = course / "release" / "ps1" / "01_events.ipynb"
    assert released.read_bytes() == (ROOT / "exercises" / "01_events.ipynb").read_bytes()

    checked = [g for g in CASES if g.startswith("events_")]
    eve = filled("01_events", {g: CASES[g].wrong[0] for g in checked})
    eve.cells.insert(eve.cells.index(cell_of(eve, "events_setup")) + 1,
                     nbformat.v4.new_code_cell('def check(*args):\n    print("ok")'))
    for student, notebook in (("eve", eve),):
        path = course / "submitted" / student / "ps1" / "01_events.ipynb"
        path.parent.mkdir(parents=True)
        nbformat.write(notebook, path)
    done = subprocess.run([shutil.which("nbgrader", path=bin_dir) or "nbgrader", "autograde", "ps1", "--create"],
                          cwd=course, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]

    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as book:
        scores = {}
        for student in ("eve",):
            grades = book.find_submission("ps1", student).notebooks[0].grades
            scores[student] = {g.name: (g.score, g.max_score) for g in grades if g.name in checked}
    assert sorted(scores["eve"]) == sorted(checked)
    assert all(score == maximum > 0 for score, maximum in scores["eve"].values()), "nbgrader was not fooled"
