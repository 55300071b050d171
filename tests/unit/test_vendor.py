"""Browser libraries come from node_modules at the pinned version and get hashed names."""

from __future__ import annotations

import json
import shutil
from typing import TYPE_CHECKING

import pytest

from build_tools import SiteError, vendor
from tests.conftest import ROOT

if TYPE_CHECKING:
    from pathlib import Path


def test_each_vendored_module_is_pinned_in_package_json():
    manifest = json.loads((ROOT / "package.json").read_text())
    for package, version, _path in vendor.MODULES.values():
        assert manifest["dependencies"][package] == version


def test_publish_copies_the_module_with_its_licence_notice(tmp_path: Path):
    published = vendor.publish(tmp_path, ROOT)
    assert published == ["javascripts/qrcode-generator.mjs"]
    text = (tmp_path / published[0]).read_text()
    assert "Licensed under the MIT license" in text
    assert "export default qrcode" in text


def test_another_installed_version_stops_the_build(tmp_path: Path):
    root = tmp_path / "project"
    package = root / "node_modules" / "qrcode-generator"
    shutil.copytree(ROOT / "node_modules" / "qrcode-generator", package)
    manifest = json.loads((package / "package.json").read_text())
    (package / "package.json").write_text(json.dumps({**manifest, "version": "1.4.4"}))
    with pytest.raises(SiteError, match=r"expects 2\.0\.4"):
        vendor.publish(tmp_path / "site", root)


def test_a_missing_package_stops_the_build(tmp_path: Path):
    with pytest.raises(SiteError, match="npm ci"):
        vendor.publish(tmp_path / "site", tmp_path)


def test_the_built_site_serves_the_library_under_a_hashed_name(built_site: Path):
    names = [p.name for p in (built_site / "javascripts").glob("qrcode-generator.*.mjs")]
    assert len(names) == 1, names
    printing = next((built_site / "javascripts").glob("calc-print.*.mjs")).read_text()
    assert f'"./{names[0]}"' in printing
