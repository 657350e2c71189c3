"""Decoding with a real (copy) CTranslate2 model: exact outputs, hypotheses, bounds, metadata."""

from __future__ import annotations

import argos_testkit as kit
import pytest

from termweave.translate.archive import install_archive
from termweave.translate.draft import protected_spans
from termweave.translate.engine import DecodeSettings, Engine, Source, ThreadPlan, spans_present

SENTENCES = [
    "The alliance of villains signed the treaty in June 2024.",
    "Results table shows 45 troops (see https://doi.org/10.5281/zenodo.20391772).",
    "Beijing and Pyongyang.",
]


@pytest.fixture
def engine():
    return Engine(threads=ThreadPlan(1, 1))


def test_copy_model_translates_exactly_batched_and_deduplicated(install, engine):
    (package,) = install("en_uk")
    sources = [Source(s) for s in SENTENCES + SENTENCES[:1]]
    results = engine.translate(package, sources, DecodeSettings(beam=4, chunk_size=2, batch_size=2), num_hypotheses=4)
    assert [r[0].text for r in results] == SENTENCES + SENTENCES[:1]
    assert all(len(r) == 4 and r[0].score >= r[1].score >= r[3].score for r in results)


def test_second_hypothesis_is_available_for_glossary_choice(install, engine):
    (package,) = install("en_uk_enemy")
    (hypotheses,) = engine.translate(package, [Source("The enemy state.")], DecodeSettings(beam=4), num_hypotheses=4)
    assert [h.text for h in hypotheses[:2]] == ["The ворог state.", "The супротивник state."]


def test_forbidden_variant_is_suppressed_in_decoding(install, engine):
    (package,) = install("en_uk_enemy")
    (hypotheses,) = engine.translate(
        package, [Source("The enemy state.")], DecodeSettings(beam=4), num_hypotheses=4, suppress_words=["ворог"]
    )
    assert hypotheses[0].text == "The супротивник state."
    assert not any("ворог" in h.text for h in hypotheses)


def test_spans_checked_in_plain_mode_and_restored_in_masked_mode(install, engine):
    (package,) = install("en_uk_digits")
    sources = [Source(s, protected_spans(s)) for s in SENTENCES[:2]]
    plain = engine.translate(package, sources, DecodeSettings(beam=2), num_hypotheses=2)
    assert plain[0][0].text.startswith("The alliance of villains signed the treaty in June 9")
    assert "2024" not in plain[0][0].text and not plain[0][0].intact
    masked = engine.translate(package, sources, DecodeSettings(beam=2), num_hypotheses=2, masked=True)
    assert [(h[0].text, h[0].intact) for h in masked] == [(s, True) for s in SENTENCES[:2]]


def test_target_prefix_from_metadata_is_forced_and_stripped(install, engine):
    (package,) = install("en_uk_prefix")
    assert package.target_prefix == "__uk__"
    (hypotheses,) = engine.translate(package, [Source(SENTENCES[0])], DecodeSettings(beam=1), num_hypotheses=1)
    assert hypotheses[0].text == SENTENCES[0]


def test_decoding_length_is_bounded_by_the_input(tmp_path, sp_model, engine):
    """A model that never ends stops at ratio * input + extra tokens."""
    archive = kit.build_copy_package(tmp_path / "endless.argosmodel", "en", "uk", sp_model, eos_bias=-100.0)
    package, _ = install_archive(archive)
    loaded = engine.load(package)
    tokens = loaded.codec.encode("Beijing and Pyongyang.")
    settings = DecodeSettings(beam=2, length_ratio=1.5, length_extra=3)
    (((output, _score), *_),) = engine.decode(loaded, [tokens], settings, num_hypotheses=1)
    assert len(output) == settings.max_decoding_length(len(tokens)) == int(1.5 * len(tokens) + 0.999) + 3


def test_spans_present_counts_numbers_as_whole_numbers():
    spans = protected_spans("In 2024 and 2025.")
    assert spans_present("У 2024 та 2025 роках.", spans)
    assert not spans_present("У 20245 та 2025 роках.", spans)
    assert not spans_present("У 2024 роках.", spans)


def test_thread_plan_honours_argos_settings(monkeypatch):
    monkeypatch.setenv("ARGOS_INTER_THREADS", "3")
    monkeypatch.setenv("ARGOS_INTRA_THREADS", "2")
    assert ThreadPlan.for_machine(cpus=8) == ThreadPlan(3, 2)
    monkeypatch.delenv("ARGOS_INTER_THREADS")
    monkeypatch.delenv("ARGOS_INTRA_THREADS")
    plan = ThreadPlan.for_machine(cpus=2)
    assert plan.inter_threads * max(plan.intra_threads, 1) <= 2


def test_old_bpe_packages_translate_too(tmp_path, engine):
    """Packages with bpe.model (Moses + BPE) instead of SentencePiece: no masking, spans checked."""
    texts = ["The union signed the treaty in June 2024.", "Beijing and Pyongyang see the West."]
    package, _ = install_archive(kit.build_bpe_copy_package(tmp_path / "bpe.argosmodel", "en", "uk", texts))
    assert package.tokenizer == "bpe"
    sources = [Source(t, protected_spans(t)) for t in texts]
    results = engine.translate(package, sources, DecodeSettings(beam=2), num_hypotheses=2, masked=True)
    assert [(r[0].text, r[0].intact) for r in results] == [(t, True) for t in texts]
