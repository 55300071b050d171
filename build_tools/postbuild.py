"""The post-build step: turn what a static-site engine wrote into the site we publish.

Run it on the engine's output folder, once, after every build:

    python -m build_tools.postbuild site            # after `zensical build` or any engine
    (MkDocs runs it itself through hooks/trdcalc_hook.py)

In order: publish the Python runtime (Pyodide, the package archive, the runtime config),
content-hash the page modules and point the pages at them, put the Content-Security-Policy into
every page and into `_headers`, check the result (any problem stops here, before anything is
compressed), then write `.br`/`.gz` copies of the large files.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from build_tools import (
    SiteError,
    compress,
    csp,
    early_start,
    hashing,
    headers,
    runtime,
    vendor,
    verify,
)


@dataclass(frozen=True)
class Report:
    runtime: runtime.Runtime
    modules: dict[str, str]
    policy: str
    compressed: dict[str, dict[str, int]]
    seconds: float

    def summary(self) -> str:
        raw = sum(s["raw"] for s in self.compressed.values())
        brotli = sum(s.get(".br", s["raw"]) for s in self.compressed.values())
        return (
            f"post-build: {len(self.runtime.calculators)} calculators, "
            f"{len(self.modules)} hashed modules, {len(self.compressed)} files precompressed "
            f"({raw / 1e6:.1f} MB -> {brotli / 1e6:.1f} MB brotli) in {self.seconds:.1f} s"
        )


def run(
    site: Path,
    root: Path,
    base_path: str = "/",
    cache: Path | None = None,
) -> Report:
    """Post-process the built `site` of the project at `root`; SiteError lists every problem."""
    start = time.perf_counter()
    site, root = Path(site), Path(root)
    if (site / headers.FILE).exists():
        msg = f"{site} was already post-processed ({headers.FILE} exists): build it again first"
        raise SiteError([msg])
    published = runtime.publish(site, root)
    vendor.publish(site, root, runtime.MODULES_DIR)
    modules = hashing.hash_modules(site, runtime.MODULES_DIR, base_path)
    early_start.add_early_start(site, runtime.MODULES_DIR, modules)
    config_module = f"{runtime.MODULES_DIR}/{modules[runtime.CONFIG_MODULE]}"
    policy = csp.apply(site)
    immutable = [
        *(f"{runtime.MODULES_DIR}/{name}" for name in modules.values()),
        published.archive,
        published.stdlib,
        published.compiled_archive,
        published.snapshot,
        f"{published.pyodide_dir}/*",
        *headers.theme_hashed_files(site),
    ]
    headers.write(site, headers.rules_for(policy, immutable, base_path))
    if problems := verify.check(site, published, config_module, base_path):
        raise SiteError(problems)
    sizes = compress.precompress(site, cache or compress.default_cache_dir())
    return Report(published, modules, policy, sizes, time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_tools.postbuild", description=__doc__)
    parser.add_argument("site", type=Path, help="the folder the engine built")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project (default: .)")
    parser.add_argument("--base-path", default="/", help="URL path the site lives under")
    args = parser.parse_args(argv)
    try:
        report = run(args.site, args.root, args.base_path)
    except SiteError as error:
        print("post-build failed:", *error.problems, sep="\n  ", file=sys.stderr)
        return 1
    print(report.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
