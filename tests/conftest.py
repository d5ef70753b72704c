"""Shared fixtures: the project's folders and a scratch copy of the data."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from exodus_reader import AnnotationError, load

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ that a test may break without harming the real one."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace text in a copied data file, failing loudly if the text is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def error_for(data: Path) -> str:
    """The one-line error that loading a broken data folder gives."""
    with pytest.raises(AnnotationError) as caught:
        load.__wrapped__(data)
    message = str(caught.value)
    assert "\n" not in message
    assert caught.value._render_traceback_() == [f"AnnotationError: {message}"]
    return message


#: About how many seconds each long test file takes when three run at once on two cores (the
#: others take a few seconds at most). They are handed out longest first (see below).
LONG_FILES = {
    "tests/test_browser.py": 30,  # a JupyterLab server, Chromium and four notebooks
    "tests/test_hostile.py": 20,  # sealed kernels, and waits for what they leave behind
    "tests/test_site.py": 19,  # a Jupyter Book build, read in Chromium
    "tests/test_nbgrader_route.py": 15,
    "tests/test_one_verdict.py": 14,
    "tests/test_grade.py": 13,
    "tests/test_nbval_exercises.py": 12,
    "tests/test_term.py": 12,  # five kernels, one after another
    "tests/test_wheel.py": 10,
    "tests/test_figures.py": 8,
    "tests/test_exercises.py": 7,
    "tests/test_release.py": 5,
    "tests/test_bank.py": 3,
}


@pytest.hookimpl(tryfirst=True, optionalhook=True)  # optional: the suite also runs without xdist
def pytest_xdist_make_scheduler(config, log):
    """With ``--dist loadfile``, hand out the longest files first.

    xdist orders files by their number of tests, so a long file with few tests was started
    last and the other worker sat idle until it ended.
    """
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class LongestFirst(LoadFileScheduling):
        ordered = False

        def _assign_work_unit(self, node):
            if not self.ordered:  # the first call, once every worker has collected
                self.workqueue = type(self.workqueue)(
                    sorted(self.workqueue.items(), key=lambda item: -LONG_FILES.get(item[0], 0)))
                self.ordered = True
            super()._assign_work_unit(node)

    return LongestFirst(config, log)


@pytest.hookimpl(wrapper=True, optionalhook=True)
def pytest_xdist_auto_num_workers(config):
    """With ``--numprocesses auto``, one worker more than xdist counts cores.

    Many tests wait part of the time (for a kernel to start, a server, a browser, a stopped
    runner's silence), and a third worker on two cores uses that time: about 4 s less in all,
    measured, where a fourth was slower. PYTEST_XDIST_AUTO_NUM_WORKERS still decides alone.
    """
    workers = yield
    return workers if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS") else workers + 1
