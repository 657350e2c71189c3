"""Malformed seeds, glossaries, catalogs, termweave.toml, TBX and .argosmodel files through the CLI.

Each input either succeeds or ends with exit 1/2 and ONE line naming ``file:line``, and a
failing command changes no file (see tests/fuzzing.py). The default suite runs a few
generated inputs per kind plus every input of the regression corpus (tests/data/fuzz-corpus:
minimal inputs that once failed); ``FUZZ_EXAMPLES=N`` runs N per kind, ``scripts/fuzz.py``
the long run with counts.
"""

from __future__ import annotations

import os

import pytest
from fuzzing import KINDS, corpus_cases, corpus_input, mutate, mutations, run_case
from hypothesis import HealthCheck, given, settings

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "3"))


@pytest.mark.parametrize("kind, path", corpus_cases(), ids=lambda v: getattr(v, "name", v))
def test_corpus_input_is_refused_cleanly_or_accepted(kind, path):
    verdict = run_case(kind, corpus_input(kind, path))
    assert verdict.problem is None, (verdict.problem, verdict.stderr, verdict.changed)


def test_corpus_covers_every_kind():
    assert {kind.name for kind, _ in corpus_cases()} == set(KINDS)


@pytest.mark.parametrize("name", sorted(KINDS))
def test_generated_inputs(name):
    kind = KINDS[name]
    base = kind.base()

    @settings(
        max_examples=EXAMPLES, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck)
    )
    @given(mutations())
    def property_(ops):
        verdict = run_case(kind, mutate(kind, base, ops))
        assert verdict.problem is None, (verdict.problem, verdict.stderr, verdict.changed)

    property_()
