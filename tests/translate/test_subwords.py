"""SentencePiece encoding with protected spans masked as placeholder tokens, and decoding back."""

from __future__ import annotations

import argos_testkit as kit
import pytest

from termweave.patterns import Span
from termweave.translate.draft import protected_spans
from termweave.translate.subwords import SentencePieceCodec, mask, placeholder, restore

TEXT = "In June 2024 (see https://doi.org/10.5281/zenodo.20391772) 45 troops, 3 partners."


@pytest.fixture(scope="module", params=[False, True], ids=["plain", "byte-fallback"])
def codec(request, tmp_path_factory):
    model = kit.train_sentencepiece(
        tmp_path_factory.mktemp("sp") / "sp.model",
        byte_fallback=request.param,
        vocab_size=400 if not request.param else 700,
    )
    return SentencePieceCodec(model)


def test_protected_spans_cover_dois_urls_and_numbers():
    assert [s.text for s in protected_spans(TEXT)] == ["2024", "https://doi.org/10.5281/zenodo.20391772", "45", "3"]


def test_each_span_becomes_one_placeholder_token(codec):
    spans = list(protected_spans(TEXT))
    tokens = codec.encode_masked(TEXT, spans)
    assert [t for t in tokens if t.startswith("｟")] == [placeholder(i) for i in range(4)]
    joined = "".join(tokens)
    assert "2024" not in joined and "doi" not in joined and "45" not in joined
    # decoding the same tokens gives the text with placeholders; restoring gives the source back
    decoded = codec.decode(tokens)
    assert decoded == "In June ｟0｠ (see ｟1｠) ｟2｠ troops, ｟3｠ partners."
    assert restore(decoded, spans) == (TEXT, True)


def test_plain_round_trip(codec):
    assert codec.decode(codec.encode(TEXT)) == TEXT
    assert codec.decode(codec.encode("Павло Гай-Нижник ©")) == "Павло Гай-Нижник ©"


def test_restore_detects_lost_and_doubled_placeholders():
    spans = [Span(0, 4, "2024"), Span(5, 7, "45")]
    assert restore("｟0｠ and ｟1｠", spans) == ("2024 and 45", True)
    assert restore("｟0｠ and ｟0｠", spans) == ("2024 and 2024", False)
    assert restore("only ｟1｠", spans) == ("only 45", False)
    assert mask("2024 45", spans) != "2024 45"
