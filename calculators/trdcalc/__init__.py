"""trdcalc: the site's calculators, stdlib-only, identical on the host and in Pyodide."""

from .api import CALCULATORS, EXIT_INVALID, EXIT_OK, dumps, get, run, run_json, schema_json
from .schema import Band, Calculator, Field, InputError, Option, Range, Rule, Source

__version__ = "0.1.0"

__all__ = [
    "CALCULATORS",
    "EXIT_INVALID",
    "EXIT_OK",
    "Band",
    "Calculator",
    "Field",
    "InputError",
    "Option",
    "Range",
    "Rule",
    "Source",
    "__version__",
    "dumps",
    "get",
    "run",
    "run_json",
    "schema_json",
]
