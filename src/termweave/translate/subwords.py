"""Subword tokenisation of a package: text <-> the token strings CTranslate2 reads and writes.

Protected spans (DOIs, URLs, numbers) can be masked: each becomes one placeholder token
``｟k｠`` that is in no vocabulary, so the model sees ``<unk>`` and CTranslate2's
``replace_unknowns`` copies the placeholder through to the target at the position the model
attends to. Decoding keeps placeholders as literal text for :func:`restore` to fill in.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Protocol

from termweave.patterns import Span

SPACE = "\u2581"  # SentencePiece's word-start marker
_PUA = 0xF0000  # supplementary private use area: never in scholarly text nor in a vocabulary
_BYTE_PIECE = re.compile(r"^<0x([0-9A-Fa-f]{2})>$")
PLACEHOLDER = re.compile(r"｟(\d+)｠")


def placeholder(index: int) -> str:
    return f"｟{index}｠"


def mask(text: str, spans: list[Span]) -> str:
    """Replace each span by one private-use character that marks it (index order)."""
    out, last = [], 0
    for index, span in enumerate(spans):
        out.append(text[last : span.start])
        out.append(chr(_PUA + index))
        last = span.end
    out.append(text[last:])
    return "".join(out)


def restore(text: str, spans: list[Span]) -> tuple[str, bool]:
    """Fill placeholders back in; the second value says every span came back exactly once."""
    seen: list[int] = []

    def fill(match: re.Match) -> str:
        index = int(match.group(1))
        seen.append(index)
        return spans[index].text if index < len(spans) else match.group(0)

    restored = PLACEHOLDER.sub(fill, text)
    return restored, sorted(seen) == list(range(len(spans)))


class SubwordCodec(Protocol):
    """A package's tokenizer as the engine uses it: :class:`SentencePieceCodec` or :class:`BpeCodec`."""

    supports_masking: bool

    def in_vocabulary(self, piece: str) -> bool: ...

    def encode(self, text: str) -> list[str]: ...

    def encode_masked(self, text: str, spans: list[Span]) -> list[str]: ...

    def decode(self, tokens: list[str]) -> str: ...


class SentencePieceCodec:
    """The package's ``sentencepiece.model`` (shared by source and target, as Argos packages are)."""

    supports_masking = True

    def __init__(self, model_file: str | Path):
        import sentencepiece

        self.processor = sentencepiece.SentencePieceProcessor(model_file=str(model_file))
        self._unk = self.processor.unk_id()

    def in_vocabulary(self, piece: str) -> bool:
        return self.processor.piece_to_id(piece) != self._unk or piece == self.processor.id_to_piece(self._unk)

    def encode(self, text: str) -> list[str]:
        return self.processor.encode(text, out_type=str)

    def encode_masked(self, text: str, spans: list[Span]) -> list[str]:
        """Tokens of ``text`` with each span as one placeholder token."""
        pieces = self.encode(mask(text, spans))
        tokens: list[str] = []
        pending: list[int] = []  # a run of byte-fallback pieces, decoded together

        def flush_bytes() -> None:
            data = bytes(pending)
            index = 0
            while index < len(data):
                width = _utf8_width(data[index])
                char_bytes = data[index : index + width]
                try:
                    char = char_bytes.decode("utf-8")
                except UnicodeDecodeError:
                    char = ""
                if len(char) == 1 and ord(char) >= _PUA:
                    tokens.append(placeholder(ord(char) - _PUA))
                else:
                    tokens.extend(f"<0x{b:02X}>" for b in char_bytes)
                index += width
            pending.clear()

        for piece in pieces:
            byte = _BYTE_PIECE.match(piece)
            if byte:
                pending.append(int(byte.group(1), 16))
                continue
            if pending:
                flush_bytes()
            if not any(ord(c) >= _PUA for c in piece):
                tokens.append(piece)
                continue
            # An unknown piece holding markers (SentencePiece merges adjacent unknown characters).
            text_run = ""
            for char in piece:
                if ord(char) >= _PUA:
                    if text_run:
                        tokens.append(text_run)
                        text_run = ""
                    tokens.append(placeholder(ord(char) - _PUA))
                else:
                    text_run += char
            if text_run:
                tokens.append(text_run)
        if pending:
            flush_bytes()
        return tokens

    def decode(self, tokens: list[str]) -> str:
        """Detokenise; placeholders and pieces outside the vocabulary are kept as literal text."""
        parts: list[str] = []
        run: list[str] = []

        def emit(text: str, starts_word: bool) -> None:
            if starts_word and parts:
                text = " " + text
            parts.append(text)

        def flush() -> None:
            if run:
                emit(self.processor.decode_pieces(run), run[0].startswith(SPACE))
                run.clear()

        for token in tokens:
            if PLACEHOLDER.fullmatch(token) or not self.in_vocabulary(token):
                flush()
                literal = token.replace(SPACE, " ")
                emit(literal.lstrip(" "), literal.startswith(" "))
            else:
                run.append(token)
        flush()
        return "".join(parts).strip()


def _utf8_width(first: int) -> int:
    if first < 0x80:
        return 1
    if first >> 5 == 0b110:
        return 2
    if first >> 4 == 0b1110:
        return 3
    if first >> 3 == 0b11110:
        return 4
    return 1


class BpeCodec:
    """Older Argos packages: Moses tokenisation + BPE (``bpe.model``), via argostranslate's own code.

    Masking is not offered (Moses would split a placeholder); protected spans are verified
    after decoding and, if altered, translated around instead.
    """

    supports_masking = False

    def __init__(self, model_file: str | Path, from_code: str, to_code: str):
        from argostranslate.tokenizer import BPETokenizer  # light: sacremoses and apply_bpe only

        self.tokenizer = BPETokenizer(Path(model_file), from_code, to_code)

    def in_vocabulary(self, piece: str) -> bool:
        return True

    def encode(self, text: str) -> list[str]:
        return self.tokenizer.encode(text)

    def encode_masked(self, text: str, spans: list[Span]) -> list[str]:
        raise NotImplementedError("BPE packages do not support masking")

    def decode(self, tokens: list[str]) -> str:
        return self.tokenizer.decode(tokens)
