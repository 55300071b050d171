"""The STAR*D calculator's arithmetic: people per 100 through the steps, on exact fractions.

clinical-evidence.md 8.1 B (DERIVED): at each step the step's remission rate applies to everyone
who enters it; with drop-out, a share of the step's non-remitters leaves before the next step.
With nobody leaving, the steps add up to the product rule 1 - prod(1 - r_i). Every figure stays
an exact fraction until it is rounded half up to one decimal for display, so the host and
Pyodide agree digit for digit and a higher rate never shows a lower total.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

PER = 100  # the results are people per 100 starting the first step
Split = tuple[float, float, float]  # after a step: remitted so far, still in treatment, left


def exact(percent: float) -> Fraction:
    """A typed percentage as the exact decimal the reader meant (36.8 is 184/5, not a float)."""
    return Fraction(str(percent)) / 100


def rounded(value: Fraction) -> float:
    """Half up to one decimal, as people round (12.25 gives 12.3)."""
    return math.floor(value * 10 + Fraction(1, 2)) / 10


@dataclass(frozen=True)
class Step:
    """One step, counted exactly per 100 people starting step 1, with the reader's two inputs."""

    rate: float  # remission percent as typed
    share: float  # drop-out percent as typed (0 when none was given)
    entered: Fraction
    remitted: Fraction
    dropped_out: Fraction
    cumulative: Fraction

    @property
    def not_remitted(self) -> Fraction:
        return self.entered - self.remitted

    @property
    def remaining(self) -> Fraction:
        """Everyone who neither remitted nor left: they enter the next step."""
        return self.not_remitted - self.dropped_out

    @property
    def left(self) -> Fraction:
        """Everyone who has left so far."""
        return PER - self.cumulative - self.remaining

    def split(self) -> Split:
        """After this step: remitted so far, not remitted and still in treatment, left so far."""
        return rounded(self.cumulative), rounded(self.remaining), rounded(self.left)

    def as_json(self, number: int) -> dict[str, Any]:
        """One row of the fixed `steps` output, rounded to one decimal."""
        return {
            "step": number,
            "entered": rounded(self.entered),
            "remitted": rounded(self.remitted),
            "dropped_out": rounded(self.dropped_out),
            "remaining": rounded(self.remaining),
            "cumulative_percent": rounded(self.cumulative),
        }


def walk(rates: list[float], shares: list[float]) -> tuple[Step, ...]:
    """Exact counts per 100 people starting step 1, step after step (8.1 B, DERIVED)."""
    steps: list[Step] = []
    entered, cumulative = Fraction(PER), Fraction(0)
    for rate, share in zip(rates, shares, strict=True):
        remitted = entered * exact(rate)
        cumulative += remitted
        step = Step(rate, share, entered, remitted, (entered - remitted) * exact(share), cumulative)
        steps.append(step)
        entered = step.remaining
    return tuple(steps)


def product_rule(rates: list[float]) -> Fraction:
    """8.1 B: with nobody leaving, the sum of the steps is 1 - prod(1 - r_i) (DERIVED)."""
    return PER * (1 - math.prod((1 - exact(r) for r in rates), start=Fraction(1)))
