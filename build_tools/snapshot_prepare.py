"""Runs INSIDE Pyodide (build_tools/snapshot.mjs) just before the memory snapshot is taken.

Imports every module of `trdcalc` (a restored snapshot has no package files to import from),
runs and checks each warm-up input (`warmup_json`, set by the caller) so the modules those runs
import lazily are imported too, then forgets the importers' caches: they describe files that a
restored interpreter will not have (the worker clears them again after restoring).
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
import zipimport

import trdcalc


def main(warmup: list[list[str]]) -> None:
    for module in pkgutil.walk_packages(trdcalc.__path__, "trdcalc."):
        importlib.import_module(module.name)
    for calc, inputs in warmup:
        trdcalc.run_json(calc, inputs)
        trdcalc.errors_json(calc, inputs)
    zipimport._zip_directory_cache.clear()  # noqa: SLF001 - the importer's own cache
    sys.path_importer_cache.clear()


main(json.loads(warmup_json))  # noqa: F821 - set by the caller
