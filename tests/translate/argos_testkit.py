"""Real, tiny Argos Translate packages built in the test (no download, no torch).

- :func:`train_sentencepiece` trains a SentencePiece model on a few hundred lines.
- :func:`copy_model_spec` builds a CTranslate2 Transformer from numpy arrays
  (``TransformerSpec.from_config``) that *copies* its input: the encoder embeds each token as
  a one-hot in a token block and its position as a one-hot in a position block; the decoder's
  cross-attention at step t reads encoder position t, its value carries that position's
  token, and the output projection reads the token back. With ``add_source_eos`` the copied
  ``</s>`` ends the output, so a translation is exactly predictable. ``remap`` changes what a
  source piece becomes (ranked alternatives make the beam's 2nd hypothesis predictable too).
  Unused weights are tiny noise rather than exact zeros (int8 decoding of all-zero rows is
  ~100x slower).
- :func:`write_argosmodel` packs model + tokenizer + metadata.json as a real ``.argosmodel``.
"""

from __future__ import annotations

import io
import json
import random
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np

POSITIONS = 256

WORDS = {
    "en": (
        "the alliance of villains military political union between russia and north korea against ukraine "
        "is a conspiracy against the west and a threat to world security enemy state security partners "
        "geopolitics global the dprk supplies ammunition troops treaty on strategic partnership signed in "
        "june results table shows we study how cooperation changes relations with china beijing pyongyang "
        "see published licence available under at"
    ).split(),
    "uk": (
        "союз лиходіїв військово політичний союз між росією та північною кореєю проти україни є змовою "
        "проти заходу і загрозою світовій безпеці ворог супротивник держава безпека партнери геополітика "
        "глобальна кндр постачає боєприпаси війська договір про стратегічне партнерство"
    ).split(),
    "ko": (
        "악당 동맹 러시아 연방 북한 우크라이나 서방 세계 안보 위협 지정학 글로벌 "
        "군사 정치 조약 전략적 동반자 관계 적 적국"
    ).split(),
}


def corpus(lines: int = 400, seed: int = 7) -> list[str]:
    """Mixed en/uk/ko lines with digits, punctuation and URL characters, so the vocabulary covers them."""
    rng = random.Random(seed)
    out = []
    punctuation = [",", ".", ";", ":", "(", ")", "–", "‘", "’", "«", "»", "/", "-", "%"]
    for i in range(lines):
        words = WORDS[("en", "uk", "ko")[i % 3]]
        text = " ".join(rng.choice(words) for _ in range(rng.randint(6, 14)))
        text += f" {rng.randint(0, 9999)}{rng.choice(punctuation)} {rng.choice(punctuation)}{rng.randint(0, 99)}."
        out.append(text[0].upper() + text[1:])
    return out


# Words the tests remap as a whole: user-defined symbols are always single pieces.
SYMBOLS = ["enemy", "ворог", "супротивник", "적", "적국", "__uk__"]


def train_sentencepiece(
    destination: Path, vocab_size: int = 400, byte_fallback: bool = False, lines: list[str] | None = None
) -> Path:
    import sentencepiece

    model = io.BytesIO()
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=iter(lines or corpus()),
        model_writer=model,
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        character_coverage=1.0,
        byte_fallback=byte_fallback,
        model_type="unigram",
        minloglevel=2,
        num_threads=1,
        user_defined_symbols=SYMBOLS,
    )
    destination.write_bytes(model.getvalue())
    return destination


def vocabulary(sp_model: Path) -> list[str]:
    import sentencepiece

    sp = sentencepiece.SentencePieceProcessor(model_file=str(sp_model))
    return [sp.id_to_piece(i) for i in range(sp.get_piece_size())]


def _import_specs():
    """ctranslate2.specs imports torch when it is installed (seconds); the builder needs numpy only."""
    missing = object()
    saved = sys.modules.get("torch", missing)
    if saved is missing:
        sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` fail fast
    try:
        from ctranslate2 import specs
    finally:
        if saved is missing:
            del sys.modules["torch"]
    return specs


def copy_model_spec(
    vocab: list[str],
    remap: dict[str, list[tuple[str, float]]] | None = None,
    offset: int = 0,
    eos_bias: float = 0.0,
    seed: int = 0,
    noise: float = 1e-4,
):
    """A CTranslate2 TransformerSpec that copies its input (see the module docstring).

    ``remap`` maps a source piece to ranked target pieces with their logit margins, e.g.
    ``{"enemy": [("ворог", 0.0), ("супротивник", 1.0)]}``: the best hypothesis has ворог,
    the second супротивник (1 logit lower). ``offset`` makes step t copy source position
    t - offset, for packages whose metadata forces a ``target_prefix`` token first. A very
    negative ``eos_bias`` makes a model that never ends.
    """
    specs = _import_specs()
    rng = np.random.default_rng(seed)
    V, P = len(vocab), POSITIONS
    d = V + P
    ffn = 16
    index = {piece: i for i, piece in enumerate(vocab)}

    def small(*shape):
        return (rng.standard_normal(shape) * noise).astype(np.float32)

    def norm(layer_norm):
        layer_norm.gamma = np.ones(d, np.float32)
        layer_norm.beta = small(d)

    def quiet_layer(layer, self_attention_only: bool):
        norm(layer.self_attention.layer_norm)
        layer.self_attention.linear[0].weight = small(3 * d, d)
        layer.self_attention.linear[0].bias = small(3 * d)
        layer.self_attention.linear[1].weight = small(d, d)
        layer.self_attention.linear[1].bias = small(d)
        norm(layer.ffn.layer_norm)
        layer.ffn.linear_0.weight = small(ffn, d)
        layer.ffn.linear_0.bias = small(ffn)
        layer.ffn.linear_1.weight = small(d, ffn)
        layer.ffn.linear_1.bias = small(d)

    spec = specs.TransformerSpec.from_config((1, 1), num_heads=1)
    tokens = np.arange(V)
    positions = np.arange(P)

    encoder = spec.encoder
    encoder.scale_embeddings = False
    embeddings = small(V, d)
    embeddings[tokens, tokens] = 1.0
    encoder.embeddings[0].weight = embeddings
    encodings = small(P, d)
    encodings[positions, V + positions] = 1.0
    encoder.position_encodings.encodings = encodings
    quiet_layer(encoder.layer[0], True)
    norm(encoder.layer_norm)

    decoder = spec.decoder
    decoder.scale_embeddings = False
    decoder.embeddings.weight = small(V, d)  # the previous token is not needed to copy
    decoder.position_encodings.encodings = encodings.copy()
    layer = decoder.layer[0]
    quiet_layer(layer, False)
    cross = layer.attention
    norm(cross.layer_norm)
    query = small(d, d)
    query[V + positions[: P - offset], V + positions[offset:]] = 1.0  # step t asks for position t ...
    cross.linear[0].weight = query
    cross.linear[0].bias = small(d)
    key_value = small(2 * d, d)
    key_value[V + positions, V + positions] = 1.0  # ... keys are encoder positions ...
    key_value[d + tokens, tokens] = 1.0  # ... values are the tokens there
    cross.linear[1].weight = key_value
    cross.linear[1].bias = small(2 * d)
    out = small(d, d)
    out[tokens, tokens] = 1.0
    cross.linear[2].weight = out
    cross.linear[2].bias = small(d)
    norm(decoder.layer_norm)

    projection = small(V, d)
    projection[tokens, tokens] = 1.0
    for source, targets in (remap or {}).items():
        s = index[source]
        projection[s, s] = 0.0
        for target, margin in targets:
            projection[index[target], s] = 1.0 - margin / 25.0  # the copied token's LN value is ~25
    decoder.projection.weight = projection
    bias = small(V)
    bias[index["</s>"]] += eos_bias
    decoder.projection.bias = bias

    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    spec.config.add_source_eos = True
    return spec


def save_spec(spec, destination: Path, quantization: str | None = "int8") -> Path:
    spec.validate()
    spec.optimize(quantization=quantization)
    destination.mkdir(parents=True, exist_ok=True)
    spec.save(str(destination))
    return destination


def write_argosmodel(
    destination: Path,
    from_code: str,
    to_code: str,
    model_dir: Path,
    sp_model: Path,
    version: str = "1.0",
    folder: str | None = None,
    extra_metadata: dict | None = None,
    tokenizer_name: str = "sentencepiece.model",
) -> Path:
    """Pack a real ``.argosmodel``: one folder with metadata.json, model/, and the tokenizer model."""
    folder = folder or f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"
    metadata = {
        "package_version": version,
        "argos_version": "1.11",
        "from_code": from_code,
        "from_name": from_code,
        "to_code": to_code,
        "to_name": to_code,
        "type": "translate",
        "links": [],
    } | (extra_metadata or {})
    with zipfile.ZipFile(destination, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{folder}/", "")
        archive.writestr(f"{folder}/metadata.json", json.dumps(metadata, indent=2))
        archive.writestr(f"{folder}/README.md", f"Test package {from_code}->{to_code} (copy model).\n")
        archive.write(sp_model, f"{folder}/{tokenizer_name}")
        archive.writestr(f"{folder}/model/", "")
        for path in sorted(model_dir.iterdir()):
            archive.write(path, f"{folder}/model/{path.name}")
    return destination


def digits_mangled(vocab: list[str]) -> dict[str, list[tuple[str, float]]]:
    """A remap that turns every piece with a digit into another digit piece (numbers come out wrong)."""
    digit_pieces = [p for p in vocab if any(c.isdigit() for c in p)]
    return {p: [("9" if p != "9" else "8", 0.0)] for p in digit_pieces}


def build_copy_package(
    destination: Path,
    from_code: str,
    to_code: str,
    sp_model: Path,
    remap: dict | None = None,
    version: str = "1.0",
    offset: int = 0,
    eos_bias: float = 0.0,
    **metadata,
) -> Path:
    """Build the copy model for ``sp_model``'s vocabulary and write the .argosmodel."""
    with tempfile.TemporaryDirectory() as tmp:
        model_dir = save_spec(copy_model_spec(vocabulary(sp_model), remap, offset, eos_bias), Path(tmp) / "model")
        return write_argosmodel(
            destination, from_code, to_code, model_dir, sp_model, version, extra_metadata=metadata or None
        )


def build_bpe_copy_package(destination: Path, from_code: str, to_code: str, texts: list[str]) -> Path:
    """An old-style package: Moses tokenisation + BPE (``bpe.model``), with a copy model.

    The vocabulary is exactly the BPE tokens of ``texts`` (argostranslate's own BPE tokenizer).
    """
    from argostranslate.tokenizer import BPETokenizer  # light: sacremoses + apply_bpe

    with tempfile.TemporaryDirectory() as tmp:
        codes = Path(tmp) / "bpe.model"
        codes.write_text("#version: 0.2\nt h\nth e</w>\ni n</w>\n", encoding="utf-8")
        tokenizer = BPETokenizer(codes, from_code, to_code)
        tokens = sorted({token for text in texts for token in tokenizer.encode(text)})
        vocab = ["<unk>", "<s>", "</s>"] + tokens
        model_dir = save_spec(copy_model_spec(vocab), Path(tmp) / "model")
        return write_argosmodel(destination, from_code, to_code, model_dir, codes, tokenizer_name="bpe.model")


if __name__ == "__main__":  # python argos_testkit.py OUT_DIR: build a pair by hand for a look
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    sp = train_sentencepiece(out / "sentencepiece.model")
    print(build_copy_package(out / "translate-en_uk.argosmodel", "en", "uk", sp))
    shutil.rmtree(out / "tmp", ignore_errors=True)
