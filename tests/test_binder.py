"""Binder caches its image and opens on the start notebook; the launch links name real files.

repo2docker (from PyPI, in the test extra) prints the Dockerfile it would build with
`--no-build --no-run --debug`: no Docker and no network are needed for that.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import ROOT
from exodus_reader.__main__ import main
from exodus_reader.errors import OneLineError
from exodus_reader.delivery.links import launch_links, repository_from_remote
from test_environment import STUDENT, constraints

BINDER_ENV = yaml.safe_load((ROOT / "binder" / "environment.yml").read_text(encoding="utf-8"))
TOP_ENV = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
#: What Binder adds to the module's own dependencies: Notebook at the version that matches this
#: JupyterLab (Binder's base image has an older one), and Voila, for the explore notebook as an app.
BINDER_ONLY = {"notebook", "voila"}


def _binder_pip() -> list[str]:
    return next(d for d in BINDER_ENV["dependencies"] if isinstance(d, dict))["pip"]


def _repo2docker() -> str | None:
    beside = Path(sys.executable).parent / "jupyter-repo2docker"
    return str(beside) if beside.exists() else shutil.which("jupyter-repo2docker")


def test_binder_environment_has_no_local_references():
    for line in _binder_pip():
        assert not line.startswith(("-", ".")) and "/" not in line, f"{line!r} makes repo2docker copy the repository first"


def test_binder_environment_is_the_module_dependencies_at_the_tested_versions():
    pins = constraints()  # the tests run on the Python that Binder uses, or the check below says so
    requirements = [Requirement(line) for line in _binder_pip()]
    names = {canonicalize_name(r.name) for r in requirements}
    assert names == {canonicalize_name(r.name) for r in STUDENT} | BINDER_ONLY
    for requirement in requirements:
        if canonicalize_name(requirement.name) == "voila":
            continue  # not in constraints.txt: only Binder installs it
        pinned = pins[canonicalize_name(requirement.name)]
        if sys.version_info[:2] == (3, 11):
            assert requirement.specifier == pinned.specifier, f"binder pins {requirement}, constraints.txt {pinned}"
    assert "python=3.11" in BINDER_ENV["dependencies"] and "python=3.11" in TOP_ENV["dependencies"]


def test_postbuild_installs_the_module_and_writes_the_lab_settings():
    post_build = ROOT / "binder" / "postBuild"
    assert os.access(post_build, os.X_OK)
    lines = [l for l in post_build.read_text(encoding="utf-8").splitlines() if l and not l.startswith("#")]
    assert "python -m pip install --no-deps --no-cache-dir -e ." in lines
    assert lines[-1] == "python -m exodus_reader setup-lab"


@pytest.mark.skipif(_repo2docker() is None, reason="jupyter-repo2docker is missing: `make test` installs it (test extra)")
def test_repo2docker_installs_the_environment_before_copying_the_repository():
    done = subprocess.run([_repo2docker(), "--no-build", "--no-run", "--debug", str(ROOT)],
                          capture_output=True, text=True, timeout=120, check=True)
    out = done.stdout + done.stderr
    assert "Building conda environment for python=3.11" in out  # the conda build pack, from binder/
    dockerfile = out[out.index("FROM "):].splitlines()
    copied = [l for l in dockerfile if l.startswith("COPY") and " src/" in l]
    assert copied[0].split()[2] == "src/binder/environment.yml", copied
    env_update = next(i for i, l in enumerate(dockerfile) if "env update" in l)
    copy_all = next(i for i, l in enumerate(dockerfile) if l.startswith("COPY") and l.split()[2] == "src/")
    post_build = dockerfile.index("RUN ./binder/postBuild")
    assert env_update < copy_all < post_build
    assert '"binder/environment.yml"' in dockerfile[env_update]


def _target(url: str, prefix: str) -> Path:
    urlpath = unquote(parse_qs(urlsplit(url).query)["urlpath"][0]).split("?")[0]
    assert urlpath.startswith(prefix), urlpath
    return ROOT / urlpath[len(prefix):]


def test_launch_links_open_files_that_exist():
    links = launch_links("my-school/exodus-reader", hub="https://hub.example.org")
    badge_url = links["binder"].split("](")[-1].rstrip(")")
    assert urlsplit(badge_url).path == "/v2/gh/my-school/exodus-reader/main"
    assert _target(badge_url, "lab/tree/") == ROOT / "notebooks" / "00_start_here.ipynb"
    assert _target(links["voila"], "voila/render/").is_file()
    puller = parse_qs(urlsplit(links["nbgitpuller"]).query)
    assert puller["repo"] == ["https://github.com/my-school/exodus-reader"] and puller["branch"] == ["main"]
    assert _target(links["nbgitpuller"], "lab/tree/exodus-reader/").is_file()


def test_links_come_from_a_github_remote_or_say_what_to_give(tmp_path, capsys):
    assert repository_from_remote("ssh://git@github.com/my-school/exodus-reader.git") == "my-school/exodus-reader"
    with pytest.raises(OneLineError, match="give the repository as OWNER/NAME"):
        launch_links("exodus-reader")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    subprocess.run(["git", "-C", str(tmp_path), "remote", "add", "origin", "git@github.com:a-school/fork.git"], check=True)
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        assert main(["links", "--branch", "student"]) == 0
        assert "mybinder.org/v2/gh/a-school/fork/student?" in capsys.readouterr().out
        subprocess.run(["git", "remote", "remove", "origin"], check=True)
        assert main(["links"]) == 1
        assert capsys.readouterr().err == "error: this checkout has no git remote 'origin': give the repository as OWNER/NAME\n"
    finally:
        os.chdir(cwd)
