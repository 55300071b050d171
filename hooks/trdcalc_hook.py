"""MkDocs hook: publish what the browser needs to run the calculators, and render their markup.

- Copies the four Pyodide files a stdlib-only package needs from node_modules (never committed).
- Zips `calculators/trdcalc` into a content-hashed archive, so a changed calculator is a new URL.
- Writes `javascripts/calc-config.mjs`, the one place the page script and worker learn those URLs.
- Adds a Content-Security-Policy to every page: scripts only from this site, plus the exact
  hashes of the theme's inline scripts, so a page can load nothing from another host.
- Replaces `<!-- calc:form ID -->`, `<!-- calc:table ID -->` and `<!-- calc:sources ID -->` in a
  page with the form, static scoring table and source list rendered from the calculator's schema.
"""

from __future__ import annotations

import base64
import hashlib
import importlib
import io
import json
import re
import sys
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIR = ROOT / "calculators" / "trdcalc"
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
PYODIDE_VERSION = "314.0.7"  # must match package.json; checked below
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
# Start-up fails only after this long without a sign of progress (a byte arriving, a step done),
# so a slow line never times out while it still delivers; a run fails after RUN_TIMEOUT_MS.
STALL_TIMEOUT_MS = 30_000
RUN_TIMEOUT_MS = 10_000

MARKER = re.compile(r"<!--\s*calc:(form|table|sources)\s+([a-z0-9_]+)\s*-->")
TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)

INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", re.DOTALL
)
# 'wasm-unsafe-eval' lets Pyodide compile WebAssembly; styles stay 'unsafe-inline' because the
# theme sets inline style attributes. Everything else comes from this site only.
CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {hashes}; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
)

_state: dict[str, Any] = {}


def _load_trdcalc() -> Any:
    """Import (or re-import, under `mkdocs serve`) the calculators package from the source tree."""
    if str(PACKAGE_DIR.parent) not in sys.path:
        sys.path.insert(0, str(PACKAGE_DIR.parent))
    for name in [m for m in sys.modules if m == "trdcalc" or m.startswith("trdcalc.")]:
        del sys.modules[name]
    return importlib.import_module("trdcalc")


def _package_archive() -> bytes:
    """A reproducible zip of the package's Python files (fixed timestamps, sorted names)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(PACKAGE_DIR.rglob("*.py")):
            info = zipfile.ZipInfo(str(path.relative_to(PACKAGE_DIR.parent)), (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()


def _pyodide_lock_info() -> dict[str, Any]:
    """The `info` block of Pyodide's lock file, after checking the installed version."""
    package = PYODIDE_DIR / "package.json"
    if not package.exists():
        msg = "node_modules/pyodide is missing: run `make setup` (npm ci) before building."
        raise PluginError(msg)
    version = json.loads(package.read_text())["version"]
    if version != PYODIDE_VERSION:
        msg = f"node_modules has pyodide {version}, the hook expects {PYODIDE_VERSION}: run npm ci."
        raise PluginError(msg)
    return json.loads((PYODIDE_DIR / "pyodide-lock.json").read_text())["info"]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _state["trdcalc"] = _load_trdcalc()
    _state["lock_info"] = _pyodide_lock_info()
    archive = _package_archive()
    digest = hashlib.sha256(archive).hexdigest()[:12]
    _state["archive"] = archive
    _state["archive_name"] = f"assets/trdcalc-{digest}.zip"
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    pyodide_dir = f"assets/pyodide-{PYODIDE_VERSION}"
    for name in PYODIDE_FILES:
        files.append(
            File.generated(config, f"{pyodide_dir}/{name}", abs_src_path=str(PYODIDE_DIR / name))
        )
    files.append(File.generated(config, _state["archive_name"], content=_state["archive"]))
    runtime = {
        "pyodideVersion": PYODIDE_VERSION,
        "pyodideDir": f"../{pyodide_dir}/",
        "archive": f"../{_state['archive_name']}",
        "lockInfo": _state["lock_info"],
        "stallTimeoutMs": STALL_TIMEOUT_MS,
        "runTimeoutMs": RUN_TIMEOUT_MS,
        # The files the page downloads itself, with progress (sizes as served, uncompressed).
        "downloads": [
            {"url": f"../{pyodide_dir}/{name}", "bytes": (PYODIDE_DIR / name).stat().st_size}
            for name in ("pyodide.asm.wasm", "python_stdlib.zip")
        ]
        + [{"url": f"../{_state['archive_name']}", "bytes": len(_state["archive"])}],
    }
    module = (
        "// Generated by hooks/trdcalc_hook.py at build time: URLs relative to this file.\n"
        f"export const config = Object.freeze({json.dumps(runtime, indent=2)});\n"
    )
    files.append(File.generated(config, "javascripts/calc-config.mjs", content=module))
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    trdcalc = _state["trdcalc"]

    def render(match: re.Match[str]) -> str:
        what, calc_id = match.groups()
        if calc_id not in trdcalc.CALCULATORS:
            known = ", ".join(trdcalc.CALCULATORS)
            msg = f"{page.file.src_uri}: unknown calculator {calc_id!r} in calc:{what} ({known})"
            raise PluginError(msg)
        calc = trdcalc.CALCULATORS[calc_id]
        return TEMPLATES.get_template(f"{what}.html.j2").render(calc=calc)

    return MARKER.sub(render, html)


def on_post_build(config: MkDocsConfig) -> None:
    """Give every page the same policy, listing the hashes of all inline scripts of the site.

    One site-wide list, because instant navigation keeps the first page's policy while it runs
    the inline scripts of the pages it swaps in.
    """
    pages = sorted(Path(config.site_dir).rglob("*.html"))
    texts = {page: page.read_text(encoding="utf-8") for page in pages}
    hashes = sorted(
        {
            "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
            for text in texts.values()
            for body in INLINE_SCRIPT.findall(text)
        }
    )
    policy = CSP.format(hashes=" ".join(hashes))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    charset = '<meta charset="utf-8">'  # the policy goes right after it, before any script
    for page, text in texts.items():
        if charset not in text:
            msg = f"{page}: no {charset} to put the Content-Security-Policy after"
            raise PluginError(msg)
        page.write_text(text.replace(charset, f"{charset}\n{meta}", 1), encoding="utf-8")
