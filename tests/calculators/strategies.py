"""Generated inputs shared by the trial, definitions and compare tests."""

from __future__ import annotations

from hypothesis import strategies as st

import trdcalc

trial = st.fixed_dictionaries(
    {
        "agent": st.sampled_from(["ssri", "snri", "tca", "maoi", "other"]),
        "dose_adequate": st.sampled_from(["yes", "no", "unknown"]),
        "weeks": st.floats(0, 20),
        "adherence": st.sampled_from(["good", "poor", "unknown"]),
        "improvement_percent": st.floats(-100, 100),
        "stopped": st.sampled_from(["no", "intolerance", "other"]),
        "clear_nonresponse": st.sampled_from(["yes", "no", "unknown"]),
    }
)
FAILED_TRIAL = {
    "agent": "ssri",
    "dose_adequate": "yes",
    "weeks": 8,
    "adherence": "good",
    "improvement_percent": 0,
    "stopped": "no",
}


def verdicts(calc, inputs):
    return {v["definition"]: v["verdict"] for v in trdcalc.run(calc, inputs)["verdicts"]}
