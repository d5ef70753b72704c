"""Where the module's files are: the one module that knows the paths.

Installed from a wheel, the data ships inside the package (``exodus_reader/data``, mapped
from the repository's top-level ``data/`` at build time) and is found with
``importlib.resources``. Run from a checkout of the repository (``make lab``, an editable
install), the package finds ``data/`` beside itself, and also the notebooks, the exercises
and the solutions, which only a checkout has: the commands that need them call
:func:`require_checkout`, which says so in one line from a wheel. ``EXODUS_READER_DATA``
names another data folder (the tests use it for broken copies).

>>> (DATA_DIR / "article.txt").is_file()
True
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from .errors import OneLineError

#: The package's own folder.
PACKAGE = Path(__file__).resolve().parent
#: The repository the package runs from, when it runs from one (a wheel has no such folder).
CHECKOUT = PACKAGE.parent
#: The lessons, with their outputs.
NOTEBOOKS = CHECKOUT / "notebooks"
#: The students' copies of the exercises, generated from the solutions.
EXERCISES = CHECKOUT / "exercises"
#: The exercises with their answers and outputs: the teacher's copy and the single source.
SOLUTIONS = CHECKOUT / "solutions"
#: Where a student keeps their own copies of the exercises (git ignores it).
MY_EXERCISES = CHECKOUT / "my-exercises"
#: The lesson website's Jupyter Book settings, stylesheet and npm scripts.
SITE = CHECKOUT / "site"


def find_data() -> Path:
    """The data folder: the one named in EXODUS_READER_DATA, a checkout's, or the wheel's.

    >>> find_data().name
    'data'
    """
    if os.environ.get("EXODUS_READER_DATA"):
        return Path(os.environ["EXODUS_READER_DATA"])
    if (CHECKOUT / "data" / "article.txt").is_file():
        return CHECKOUT / "data"
    return Path(str(resources.files("exodus_reader") / "data"))


#: Where the article and its annotations are.
DATA_DIR = find_data()


def in_checkout() -> bool:
    """Whether the package runs from a checkout of the repository, with the notebooks and the
    exercises beside it (installed from a wheel, it runs from site-packages without them).

    >>> in_checkout()
    True
    """
    return NOTEBOOKS.is_dir() and EXERCISES.is_dir()


#: What a command that needs the repository's folders says when the package runs without them.
NEEDS_CHECKOUT = ("this command needs the module's repository (its notebooks and exercises): run it in a clone "
                  "of the repository; an installed wheel holds only the package and its data")


def require_checkout() -> None:
    """Stop with one line, :data:`NEEDS_CHECKOUT`, unless the package runs from a checkout.

    >>> require_checkout()
    """
    if not in_checkout():
        raise OneLineError(NEEDS_CHECKOUT)
