"""MkDocs hook: the thin adapter between MkDocs's events and the engine-neutral build steps.

The calculator markers are rendered by the Markdown extension `build_tools.calc_markers` (listed
in `markdown_extensions`, so engines that ignore `hooks:`, like Zensical, still run it). After the
build this hook calls the post-build step (`build_tools.postbuild`), which another engine runs as
`python -m build_tools.postbuild SITE_DIR`. A problem it finds stops the build with one line each.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError

from build_tools import SiteError, postbuild

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

log = logging.getLogger("mkdocs.hooks.trdcalc")


def on_post_build(config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).resolve().parent
    base_path = urlsplit(config.site_url or "/").path or "/"
    try:
        report = postbuild.run(Path(config.site_dir), root, base_path)
    except SiteError as error:
        raise PluginError(
            "the built site is incomplete:\n  " + "\n  ".join(error.problems)
        ) from None
    log.info(report.summary())
