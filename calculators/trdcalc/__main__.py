"""Command line: `python -m trdcalc list | schema ID | run ID '<inputs as JSON>'`."""

from __future__ import annotations

import sys

from .api import CALCULATORS, EXIT_INVALID, EXIT_OK, dumps, run_json, schema_json
from .schema import InputError

USAGE = "usage: python -m trdcalc list | schema ID | run ID '<inputs as JSON>'"
EXIT_USAGE = 64


def main(argv: list[str]) -> int:
    """Run one command and return the exit code."""
    match argv:
        case ["list"]:
            print("\n".join(CALCULATORS))
            return EXIT_OK
        case ["schema", calc_id]:
            try:
                print(schema_json(calc_id))
            except InputError as exc:
                print(dumps(exc.as_dict()))
                return EXIT_INVALID
            return EXIT_OK
        case ["run", calc_id, inputs]:
            text, code = run_json(calc_id, inputs)
            print(text)
            return code
        case _:
            print(USAGE, file=sys.stderr)
            return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
