"""The optional packages a command needs (the extras of ``pyproject.toml``), and the one line
that says how to install them when they are missing.

The lessons need only the package's own dependencies. Running notebooks, checking and
grading exercises, JupyterLab and the website each need an extra; a command that needs one
checks for it before it imports anything from it, so that a missing package is named in one
line instead of a traceback.

>>> require_extra("exercises")
"""

from __future__ import annotations

from importlib.util import find_spec

from .errors import OneLineError

#: Each extra a command may need: the modules the package imports from it, and the ``make``
#: target that installs it (tests/test_extras.py checks them against pyproject.toml).
EXTRAS = {
    "exercises": (("nbformat", "nbclient", "ipykernel"), "make lab"),
    "lab": (("jupyterlab",), "make lab"),
    "site": (("jupyter_book",), "make site"),
}


def installed(module: str) -> bool:
    """Whether a module can be imported here, found without importing it.

    >>> installed("json"), installed("no_such_module_anywhere")
    (True, False)
    """
    try:
        return find_spec(module) is not None
    except (ImportError, ValueError):  # a finder that refuses the module, or a module without a spec
        return False


def install_hint(extra: str) -> str:
    """How to install an extra, in the module's folder.

    >>> install_hint("site")
    'run `make site`, or pip install -c constraints.txt -e ".[site]"'
    """
    return f'run `{EXTRAS[extra][1]}`, or pip install -c constraints.txt -e ".[{extra}]"'


def require_extra(extra: str) -> None:
    """Stop with one line that names the extra to install, unless every module of it is here.

    >>> require_extra("lab")
    """
    missing = [module for module in EXTRAS[extra][0] if not installed(module)]
    if missing:
        are = "is" if len(missing) == 1 else "are"
        raise OneLineError(f"this command needs the {extra} extra ({', '.join(missing)} {are} not installed): "
                           f"{install_hint(extra)}")
