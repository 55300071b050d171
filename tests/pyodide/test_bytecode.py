"""The byte-compiled archives: stored, complete, and the same bytes from a fresh compile."""

from __future__ import annotations

import zipfile

import pytest

from build_tools import bytecode, package
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def published(built_site):
    (stdlib,) = built_site.glob("assets/stdlib-*.zip")
    (compiled,) = built_site.glob("assets/bytecode/trdcalc-*.zip")
    return stdlib, compiled


def test_archives_are_stored_for_the_server_to_compress(published):
    for path in published:
        with zipfile.ZipFile(path) as archive:
            assert {info.compress_type for info in archive.infolist()} == {zipfile.ZIP_STORED}


def test_stdlib_has_bytecode_for_what_runs_and_source_for_the_rest(published):
    with zipfile.ZipFile(published[0]) as archive:
        names = set(archive.namelist())
    assert {"json/__init__.pyc", "json/decoder.pyc", "encodings/__init__.pyc"} <= names
    assert "json/__init__.py" not in names
    assert "tarfile.py" in names  # not used by the calculators: kept as source


def test_package_is_every_module_compiled(published):
    with zipfile.ZipFile(published[1]) as archive:
        names = set(archive.namelist())
    sources = {
        path.relative_to(ROOT / "calculators").with_suffix(".pyc").as_posix()
        for path in (ROOT / "calculators" / "trdcalc").rglob("*.py")
    }
    assert names == sources


def test_a_fresh_compile_gives_the_same_bytes(built_site, published, tmp_path):
    pkg = package.load(ROOT / "calculators")
    runs = bytecode.warmup(pkg.module.CALCULATORS, ROOT / "tests" / "cases")
    stdlib, compiled = bytecode.compile_runtime(ROOT, pkg.archive, runs, tmp_path / "cache")
    assert stdlib == published[0].read_bytes()
    assert compiled == published[1].read_bytes()
    assert len(list((tmp_path / "cache").iterdir())) == 2  # the result is cached
