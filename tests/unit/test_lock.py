"""Every Python package is pinned with its hashes, and the lock follows the human list."""

from __future__ import annotations

import re

from tests.conftest import ROOT

PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([^\s\\;]+)", re.MULTILINE)


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(text: str) -> dict[str, str]:
    return {normal(name): version for name, version in PIN.findall(text)}


def lock_entries() -> list[str]:
    text = (ROOT / "requirements.lock").read_text()
    return re.split(r"\n(?=[A-Za-z0-9])", text.split("\n\n", 1)[-1].strip())


def test_every_package_people_pin_is_locked_at_that_version():
    wanted = pins((ROOT / "requirements.txt").read_text())
    locked = pins((ROOT / "requirements.lock").read_text())
    assert wanted
    assert {name: locked.get(name) for name in wanted} == wanted


def test_every_locked_package_has_an_exact_version_and_hashes():
    entries = [e for e in lock_entries() if not e.startswith("#")]
    assert len(entries) > len(pins((ROOT / "requirements.txt").read_text()))  # transitive too
    for entry in entries:
        assert PIN.match(entry), entry
        assert re.search(r"--hash=sha256:[0-9a-f]{64}", entry), entry


def test_make_installs_the_lock_and_nothing_else():
    makefile = (ROOT / "Makefile").read_text()
    installs = re.findall(r"^\t.*pip install.*$", makefile, re.MULTILINE)
    assert "$(BIN)/pip install --quiet --require-hashes -r requirements.lock" in installs[0]
    assert not [line for line in installs if "requirements.txt" in line]
