"""Every parser stays linear on pathological input: time bounded relative to a plain input.

The default suite uses 256 KB inputs (quadratic parsers are then already 10-100x over the
bound); ``TERMWEAVE_STRESS=1`` uses the issue's 1 MB. ``benchmarks/pathological_inputs.py``
prints the 1 MB times against the 2 s target.
"""

from __future__ import annotations

import importlib.util
import os

import pytest
from pathological import CASES, timed

SIZE = 1_000_000 if os.environ.get("TERMWEAVE_STRESS") else 256_000
# The strict PO reader (catalog/reader.py) is quadratic on comment lines before garbage (minutes
# at 256 KB); the PO codec termweave.formats.po replaces it. Until that lands the case is not
# run; from then on it guards the codec.
NEW_PO_CODEC = (
    importlib.util.find_spec("termweave.formats") is not None
    and importlib.util.find_spec("termweave.formats.po") is not None
)


def _marks(case):
    if case.name == "comment lines before garbage" and not NEW_PO_CODEC:
        return [pytest.mark.xfail(reason="quadratic strict PO reader until termweave.formats.po lands", run=False)]
    return []


@pytest.mark.parametrize("case", [pytest.param(c, id=f"{c.parser}: {c.name}", marks=_marks(c)) for c in CASES])
def test_pathological_input_costs_about_what_a_plain_one_does(case, tmp_path):
    plain = timed(case, case.plain(SIZE), tmp_path)
    hostile = timed(case, case.hostile(SIZE), tmp_path)
    assert hostile <= 10 * plain + 0.5, f"{hostile:.2f} s against {plain:.2f} s for a plain input"
