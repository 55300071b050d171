"""trdcalc: the site's calculators, stdlib-only, identical on the host and in Pyodide."""

from .api import (
    CALCULATORS,
    EXIT_INVALID,
    EXIT_OK,
    dumps,
    errors_json,
    get,
    run,
    run_json,
    schema_json,
)
from .calculator import Calculator
from .parse import InputError
from .result import Outcome, Result, Row
from .schema import Band, Field, Option, Range, Rule, Source

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
    "Outcome",
    "Range",
    "Result",
    "Row",
    "Rule",
    "Source",
    "__version__",
    "dumps",
    "errors_json",
    "get",
    "run",
    "run_json",
    "schema_json",
]
