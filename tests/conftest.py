"""Shared fixtures: the project's folders and a scratch copy of the data."""

from __future__ import annotations

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
