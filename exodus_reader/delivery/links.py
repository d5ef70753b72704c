"""Launch links for a copy of this repository on GitHub: Binder, Voilà and nbgitpuller.

The repository's public address is not known until a teacher publishes it (or forks it),
so the links are made here from ``OWNER/NAME``, or from the git remote of a checkout:

    python -m exodus_reader links OWNER/NAME
    python -m exodus_reader links            # reads `git remote get-url origin`
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from urllib.parse import quote

from ..errors import OneLineError

#: The notebook every launch opens first, and the one that Voilà shows as an app.
START_NOTEBOOK = "notebooks/00_start_here.ipynb"
EXPLORE_NOTEBOOK = "notebooks/04_explore.ipynb"
BINDER = "https://mybinder.org"
BADGE = "https://mybinder.org/badge_logo.svg"

_REPOSITORY = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?/[A-Za-z0-9._-]+")
_GITHUB_REMOTE = re.compile(r"(?:https://|ssh://git@|git@)github\.com[/:]([^/]+/[^/]+?)(?:\.git)?/?")


def check_repository(repository: str) -> str:
    """Return ``OWNER/NAME`` as given, or raise a one-line error if it is not of that form.

    >>> check_repository("dw-reader/exodus")
    'dw-reader/exodus'
    >>> check_repository("https://github.com/dw-reader/exodus")
    Traceback (most recent call last):
    ...
    exodus_reader.errors.OneLineError: give the repository as OWNER/NAME, for example my-school/exodus-reader, not 'https://github.com/dw-reader/exodus'
    """
    if not _REPOSITORY.fullmatch(repository) or repository.endswith((".git", ".")):
        raise OneLineError(f"give the repository as OWNER/NAME, for example my-school/exodus-reader, not {repository!r}")
    return repository


def repository_from_remote(url: str) -> str:
    """The ``OWNER/NAME`` of a GitHub remote address (HTTPS or SSH).

    >>> repository_from_remote("git@github.com:dw-reader/exodus.git")
    'dw-reader/exodus'
    >>> repository_from_remote("https://github.com/dw-reader/exodus")
    'dw-reader/exodus'
    >>> repository_from_remote("https://gitlab.com/dw-reader/exodus.git")
    Traceback (most recent call last):
    ...
    exodus_reader.errors.OneLineError: the git remote 'https://gitlab.com/dw-reader/exodus.git' is not on GitHub: give the repository as OWNER/NAME
    """
    match = _GITHUB_REMOTE.fullmatch(url.strip())
    if not match:
        raise OneLineError(f"the git remote {url.strip()!r} is not on GitHub: give the repository as OWNER/NAME")
    return check_repository(match.group(1))


def git_remote(folder: Path, remote: str = "origin") -> str:
    """The address of a git remote of a checkout, or a one-line error saying what to do instead.

    >>> import tempfile
    >>> git_remote(Path(tempfile.mkdtemp()))
    Traceback (most recent call last):
    ...
    exodus_reader.errors.OneLineError: this checkout has no git remote 'origin': give the repository as OWNER/NAME
    """
    try:
        done = subprocess.run(["git", "-C", str(folder), "remote", "get-url", remote],
                              capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise OneLineError("git is not installed: give the repository as OWNER/NAME") from None
    if done.returncode != 0:
        raise OneLineError(f"this checkout has no git remote {remote!r}: give the repository as OWNER/NAME")
    return done.stdout.strip()


def _binder(repository: str, branch: str, urlpath: str) -> str:
    return f"{BINDER}/v2/gh/{repository}/{quote(branch, safe='')}?urlpath={quote(urlpath, safe='')}"


def launch_links(repository: str, branch: str = "main", hub: str | None = None) -> dict[str, str]:
    """The launch links of a GitHub repository holding this module.

    ``binder``: a Markdown badge that opens JupyterLab on the start notebook;
    ``voila``: the explore notebook as an app on Binder, without code;
    ``nbgitpuller``: a link for a school's JupyterHub that copies the branch into each
    student's home folder and opens the start notebook (``hub`` is the hub's address).

    >>> links = launch_links("dw-reader/exodus", hub="https://hub.example.org/")
    >>> print(links["binder"])
    [![Binder](https://mybinder.org/badge_logo.svg)](https://mybinder.org/v2/gh/dw-reader/exodus/main?urlpath=lab%2Ftree%2Fnotebooks%2F00_start_here.ipynb)
    >>> print(links["voila"])
    https://mybinder.org/v2/gh/dw-reader/exodus/main?urlpath=voila%2Frender%2Fnotebooks%2F04_explore.ipynb
    >>> print(links["nbgitpuller"])
    https://hub.example.org/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fdw-reader%2Fexodus&branch=main&urlpath=lab%2Ftree%2Fexodus%2Fnotebooks%2F00_start_here.ipynb%3Fautodecode
    """
    check_repository(repository)
    if not branch or any(c.isspace() for c in branch):
        raise OneLineError(f"the branch {branch!r} is not a branch name")
    name = repository.split("/")[1]
    hub = (hub or "https://HUB").rstrip("/")
    if not hub.startswith(("https://", "http://")):
        raise OneLineError(f"give the hub as its web address, for example https://hub.example.org, not {hub!r}")
    badge = f"[![Binder]({BADGE})]({_binder(repository, branch, 'lab/tree/' + START_NOTEBOOK)})"
    puller = (f"{hub}/hub/user-redirect/git-pull?repo={quote('https://github.com/' + repository, safe='')}"
              f"&branch={quote(branch, safe='')}"
              f"&urlpath={quote(f'lab/tree/{name}/{START_NOTEBOOK}?autodecode', safe='')}")
    return {"binder": badge, "voila": _binder(repository, branch, "voila/render/" + EXPLORE_NOTEBOOK),
            "nbgitpuller": puller}


def links_text(repository: str, branch: str = "main", hub: str | None = None) -> str:
    """The launch links with a line saying what each is for, as the ``links`` command prints them.

    >>> print(links_text("my-school/exodus-reader").splitlines()[0])
    Binder badge for the README (opens JupyterLab on the start notebook):
    """
    links = launch_links(repository, branch, hub)
    hub_note = "" if hub else " (replace https://HUB with your hub's address, or pass --hub)"
    return "\n".join([
        "Binder badge for the README (opens JupyterLab on the start notebook):",
        links["binder"],
        "",
        "Voilà on Binder (the explore notebook as an app, without code):",
        links["voila"],
        "",
        f"nbgitpuller for a school's JupyterHub{hub_note}:",
        links["nbgitpuller"],
        f"nbgitpuller copies the whole branch {branch!r} into each student's home folder, solutions/ included",
        "if the branch has them: give it a branch made from the student release (`python -m exodus_reader",
        "release`, then --branch; docs/teacher-guide.md shows how).",
    ])
