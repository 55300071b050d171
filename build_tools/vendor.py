"""Copy the browser libraries the page script imports from node_modules into the built site.

Each library is an ES module from an npm package pinned in package-lock.json (never committed,
never fetched from a CDN). It lands in `javascripts/` under a fixed name, so the module-hashing
step gives it a content-hashed name like the site's own modules, and a page module imports it as
`"./NAME.mjs"`. The licence header of each file travels with it.
"""

from __future__ import annotations

import json
import shutil
from typing import TYPE_CHECKING

from build_tools import SiteError

if TYPE_CHECKING:
    from pathlib import Path

# {name in javascripts/: (npm package, version pinned in package.json, file in the package)}
MODULES = {
    # QR codes of the result link on a printout (MIT, Kazuhiko Arase; no dependencies).
    "qrcode-generator.mjs": ("qrcode-generator", "2.0.4", "dist/qrcode.mjs"),
}


def publish(site: Path, root: Path, folder: str = "javascripts") -> list[str]:
    """Copy every vendored module into `site/folder`; returns their site-relative paths."""
    published = []
    for name, (package, version, path) in MODULES.items():
        source = root / "node_modules" / package
        manifest = source / "package.json"
        if not manifest.exists():
            raise SiteError([f"{source} is missing: run `make setup-site` (npm ci) first"])
        installed = json.loads(manifest.read_text())["version"]
        if installed != version:
            msg = f"node_modules has {package} {installed}, the build expects {version}: npm ci"
            raise SiteError([msg])
        (site / folder).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / path, site / folder / name)
        published.append(f"{folder}/{name}")
    return published
