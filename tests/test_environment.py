"""The locked environment: requirements-lock.txt pins every package pyproject.toml asks for
(with the test, bench and docs extras and the build backend), with hashes, and `make install` put
exactly those versions into this environment."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements-lock.txt"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def lock_entries() -> dict[str, tuple[str, Marker | None, list[str]]]:
    """{name: (version, marker, hashes)} of every package in the lock file."""
    text = LOCK.read_text(encoding="utf-8")
    entries = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        head = block.split("\\")[0].strip()
        if not head or head.startswith("#"):
            continue
        requirement, _, marker = head.partition(";")
        name, version = requirement.strip().split("==")
        hashes = re.findall(r"--hash=sha256:([0-9a-f]{64})", block)
        entries[canonicalize_name(name)] = (
            version, Marker(marker.strip()) if marker.strip() else None, hashes)
    return entries


def project_requirements() -> list[Requirement]:
    project = PYPROJECT["project"]
    wanted = list(project["dependencies"])
    for extra in ("test", "bench", "docs"):
        wanted += project["optional-dependencies"][extra]
    wanted += PYPROJECT["build-system"]["requires"]
    return [Requirement(r) for r in wanted]


def test_the_lock_pins_every_package_with_hashes():
    entries = lock_entries()
    assert len(entries) > 50
    unhashed = [name for name, (_, _, hashes) in entries.items() if not hashes]
    assert unhashed == []


@pytest.mark.parametrize("requirement", project_requirements(), ids=str)
def test_every_dependency_in_pyproject_is_locked_within_its_range(requirement):
    entries = lock_entries()
    name = canonicalize_name(requirement.name)
    assert name in entries, f"{requirement} is not in {LOCK.name}: run make lock"
    version, _, _ = entries[name]
    assert requirement.specifier.contains(version, prereleases=True), (
        f"{LOCK.name} pins {name}=={version}, outside {requirement}: run make lock")


def test_this_environment_holds_the_locked_versions():
    """Every package the lock names for this platform is installed at its locked version
    (the toolkit itself is installed from the working tree)."""
    wrong = {}
    for name, (version, marker, _) in lock_entries().items():
        if marker is not None and not marker.evaluate():
            continue
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            installed = None
        if installed != version:
            wrong[name] = (version, installed)
    assert wrong == {}, f"(locked, installed) versions differ; run make install: {wrong}"
