"""The built calculators' archive with faults a test can set off by one input value.

`duration_months` picks the fault: 111 raises an exception in Python, 222 ends the interpreter
(`os._exit`, which Pyodide reports as "Program terminated with exit(1)"), 333 loops for ever,
444 raises SystemExit. Any other input runs the real calculator, so the page works as usual.
"""

from __future__ import annotations

import io
import zipfile

FAULTS = {"raise": 111, "exit": 222, "hang": 333, "system_exit": 444}

WRAPPER = f"""

def _with_faults(run_json):
    def run_json_with_faults(calc_id, inputs_json):
        import json

        try:
            months = json.loads(inputs_json).get("duration_months")
        except Exception:
            months = None
        if months == {FAULTS["raise"]}:
            raise ZeroDivisionError("a fault injected by the tests")
        if months == {FAULTS["exit"]}:
            import os

            os._exit(1)
        if months == {FAULTS["hang"]}:
            while True:
                pass
        if months == {FAULTS["system_exit"]}:
            raise SystemExit(1)
        return run_json(calc_id, inputs_json)

    return run_json_with_faults


run_json = _with_faults(run_json)
"""


def with_faults(archive: bytes) -> bytes:
    """A copy of the archive whose `trdcalc.run_json` has the faults above."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(archive)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "trdcalc/__init__.py":
                data += WRAPPER.encode()
            target.writestr(info, data)
    return out.getvalue()
