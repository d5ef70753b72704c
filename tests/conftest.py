"""Shared fixtures: the project's folders and a scratch copy of the data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ that a test may break without harming the real one."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target
