"""pyproject.toml, environment.yml and constraints.txt tell the same story."""

from __future__ import annotations

import sys
from importlib import metadata

import yaml
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

from conftest import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10
    import tomli as tomllib

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
RUNTIME = [Requirement(r) for r in PROJECT["dependencies"]]
TEST_EXTRA = [Requirement(r) for r in PROJECT["optional-dependencies"]["test"]]
#: What `make lab` installs for students: the reading layer, the exercises and JupyterLab.
STUDENT = RUNTIME + [Requirement(r) for extra in ("exercises", "lab") for r in PROJECT["optional-dependencies"][extra]]


def constraints() -> dict[str, Requirement]:
    """The pins that apply to the Python running the tests."""
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate():
                pins[canonicalize_name(requirement.name)] = requirement
    return pins


def environment_pip_lines() -> list[str]:
    spec = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip = [d for d in spec["dependencies"] if isinstance(d, dict)]
    assert len(pip) == 1, "environment.yml should have one pip: section"
    return pip[0]["pip"]


def test_environment_lists_exactly_the_package_dependencies():
    lines = environment_pip_lines()
    names = {canonicalize_name(line) for line in lines if not line.startswith("-")}
    assert names == {canonicalize_name(r.name) for r in STUDENT}


def test_environment_installs_the_package_under_the_tested_versions():
    lines = environment_pip_lines()
    assert "-c constraints.txt" in lines and "-e ." in lines


def test_environment_python_is_one_the_package_supports():
    spec = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    python = next(d for d in spec["dependencies"] if isinstance(d, str) and d.startswith("python="))
    assert SpecifierSet(PROJECT["requires-python"]).contains(python.split("=")[1] + ".0")


def test_every_dependency_has_a_pin_that_satisfies_it():
    pins = constraints()
    for requirement in STUDENT + TEST_EXTRA:
        pin = pins.get(canonicalize_name(requirement.name))
        assert pin is not None, f"{requirement.name} has no pin in constraints.txt"
        version = next(iter(pin.specifier)).version
        assert requirement.specifier.contains(version), f"{pin} does not satisfy {requirement}"


def test_installed_versions_are_the_pinned_ones():
    wrong = []
    for name, pin in constraints().items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue  # pinned for another set of extras or another Python
        if not pin.specifier.contains(installed):
            wrong.append(f"{name} {installed} (pinned {pin.specifier})")
    assert not wrong, f"run in an environment made by `make`: {wrong}"


def test_each_supported_python_gets_one_pin_per_package():
    lines = [l for l in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
             if l.strip() and not l.startswith("#")]
    env = default_environment()
    for minor in (10, 11, 12, 13):
        env.update(python_version=f"3.{minor}", python_full_version=f"3.{minor}.0")
        applying: dict[str, int] = {}
        for line in lines:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate(env):
                name = canonicalize_name(requirement.name)
                applying[name] = applying.get(name, 0) + 1
        assert all(count == 1 for count in applying.values()), (minor, applying)
        for requirement in STUDENT:
            assert applying.get(canonicalize_name(requirement.name)) == 1, (minor, requirement.name)
    pandas_pins = [line for line in lines if line.startswith("pandas==")]
    assert len(pandas_pins) == 1 and ";" not in pandas_pins[0], "one pandas for every Python keeps notebook outputs identical"


def test_make_lab_installs_what_environment_yml_installs():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    # the reading layer, the exercises and JupyterLab: what environment.yml lists, and no test tools
    assert "STUDENT_EXTRAS := [lab,exercises]\n" in makefile
    assert "$(LAB_READY): pyproject.toml constraints.txt\n\t$(call install,$(STUDENT_EXTRAS))\n" in makefile
    assert "lab: $(LAB_READY)\n\t$(BIN)/python -m exodus_reader lab\n" in makefile
    assert [line for line in environment_pip_lines() if line.startswith("-e")] == ["-e ."]
