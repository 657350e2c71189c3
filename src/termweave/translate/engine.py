"""Decoding with an Argos package's CTranslate2 model, the way argostranslate does internally.

argostranslate splits text into sentences first (MiniSBD/Stanza/spaCy, which download models
on first use and fail offline) and decodes a sentence or two per call. termweave's segments
are sentences already, so it tokenises with the package's SentencePiece model and sends
every segment to one ``ctranslate2.Translator``: sorted by length, in chunks submitted
asynchronously (CTranslate2 batches inside each chunk, and a chunk's length bound follows
its longest input), honouring the package metadata (``target_prefix``).
"""

from __future__ import annotations

import json
import math
import os
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from termweave.errors import UsageError
from termweave.patterns import NUMBER_RE, Span, count_number
from termweave.translate.models import ArgosPaths, PackageInfo
from termweave.translate.subwords import BpeCodec, SentencePieceCodec, SubwordCodec, restore

if TYPE_CHECKING:
    import ctranslate2

Progress = Callable[[Iterable, int, str], Iterable]


def _no_progress(items: Iterable, total: int, desc: str) -> Iterable:
    return items


@dataclass(frozen=True)
class DecodeSettings:
    """Search settings shared by every call (argostranslate's defaults where it has them)."""

    beam: int = 4
    length_penalty: float = 0.2  # as argostranslate
    length_ratio: float = 2.0  # max_decoding_length = ratio * longest input + extra ...
    length_extra: int = 10
    length_cap: int = 1024  # ... but never more than this
    batch_size: int = 8  # examples per CTranslate2 batch (measured best on 2 cores, beam 1 and 4)
    chunk_size: int = 64  # examples per call: the progress step, and the unit of the length bound

    def max_decoding_length(self, longest_input: int) -> int:
        return min(self.length_cap, math.ceil(self.length_ratio * longest_input) + self.length_extra)


@dataclass(frozen=True)
class ThreadPlan:
    inter_threads: int
    intra_threads: int

    @classmethod
    def for_machine(cls, paths: ArgosPaths | None = None, cpus: int | None = None) -> ThreadPlan:
        """Argos's ARGOS_INTER_THREADS / ARGOS_INTRA_THREADS if set, else one worker per core.

        Measured on 2 cores (benchmarks/mt_throughput.py --threads): two single-threaded
        workers decoding different batches were ~2x faster than one worker with 2 OpenMP
        threads (whose per-step matrices are too small to split well) at beam 1 and 4.
        """
        paths = paths or ArgosPaths.from_env()
        if cpus is None:
            cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
        inter = int(paths.get("ARGOS_INTER_THREADS", 0) or 0)
        intra = int(paths.get("ARGOS_INTRA_THREADS", 0) or 0)
        if inter or intra:
            return cls(max(inter, 1), intra)
        workers = max(1, min(cpus, 4))
        return cls(workers, max(1, cpus // workers))


@dataclass(frozen=True)
class Hypothesis:
    text: str
    score: float
    intact: bool  # every protected span came through unchanged


@dataclass(frozen=True)
class Source:
    """One text to translate and the spans in it that must survive."""

    text: str
    spans: tuple[Span, ...] = ()


def target_vocabulary(model_dir: Path) -> frozenset[str]:
    """The CTranslate2 model's target tokens (suppress_sequences refuses any other token)."""
    for name in ("target_vocabulary", "shared_vocabulary"):
        json_file, text_file = model_dir / f"{name}.json", model_dir / f"{name}.txt"
        if json_file.exists():
            return frozenset(json.loads(json_file.read_text(encoding="utf-8")))
        if text_file.exists():
            return frozenset(text_file.read_text(encoding="utf-8").splitlines())
    return frozenset()


class LoadedPackage:
    """A package's translator and tokenizer, loaded once."""

    def __init__(self, info: PackageInfo, translator: ctranslate2.Translator, codec: SubwordCodec):
        self.info = info
        self.translator = translator
        self.codec = codec
        self.prefix = [info.target_prefix] if info.target_prefix else None
        self._target_vocabulary: frozenset[str] | None = None

    def suppressions(self, words: Sequence[str]) -> list[list[str]]:
        """Token sequences for ``words`` (and their capitalised forms) that the model can produce."""
        if not words or not isinstance(self.codec, SentencePieceCodec):
            return []
        if self._target_vocabulary is None:
            self._target_vocabulary = target_vocabulary(self.info.path / "model")
        sequences: list[list[str]] = []
        for word in words:
            for form in dict.fromkeys((word, word[:1].upper() + word[1:], word.lower())):
                tokens = self.codec.encode(form)
                if tokens and all(t in self._target_vocabulary for t in tokens) and tokens not in sequences:
                    sequences.append(tokens)
        return sequences


class Engine:
    """Holds the loaded packages for one run (no global cache)."""

    def __init__(
        self,
        device: str | None = None,
        compute_type: str | None = None,
        threads: ThreadPlan | None = None,
        paths: ArgosPaths | None = None,
    ):
        paths = paths or ArgosPaths.from_env()
        self.device = device or str(paths.get("ARGOS_DEVICE_TYPE", "cpu"))
        self.compute_type = compute_type or str(paths.get("ARGOS_COMPUTE_TYPE", "auto"))
        self.threads = threads or ThreadPlan.for_machine(paths)
        self._loaded: dict[Path, LoadedPackage] = {}
        self._lock = threading.Lock()
        self._preloading: threading.Thread | None = None
        self._preload_error: BaseException | None = None

    def preload(self, packages: Sequence[PackageInfo]) -> None:
        """Start loading the models in the background (while the catalogs and glossary are read)."""

        def work() -> None:
            try:
                for info in packages:
                    self.load(info)
            except BaseException as exc:  # noqa: BLE001 -- re-raised by the next load()
                self._preload_error = exc

        self._preloading = threading.Thread(target=work, name="termweave-preload", daemon=True)
        self._preloading.start()

    @property
    def version(self) -> str:
        import ctranslate2

        return ctranslate2.__version__

    def load(self, info: PackageInfo) -> LoadedPackage:
        preloading = self._preloading
        if preloading is not None and preloading is not threading.current_thread():
            preloading.join()
            self._preloading = None
            if self._preload_error is not None:
                error, self._preload_error = self._preload_error, None
                raise error
        with self._lock:
            return self._load(info)

    def _load(self, info: PackageInfo) -> LoadedPackage:
        if info.path not in self._loaded:
            import ctranslate2

            try:
                translator = ctranslate2.Translator(
                    str(info.path / "model"),
                    device=self.device,
                    compute_type=self.compute_type,
                    inter_threads=self.threads.inter_threads,
                    intra_threads=self.threads.intra_threads,
                )
                codec: SubwordCodec
                if info.tokenizer == "sentencepiece":
                    codec = SentencePieceCodec(info.path / "sentencepiece.model")
                else:
                    codec = BpeCodec(info.path / "bpe.model", info.from_code, info.to_code)
            except (RuntimeError, ValueError, OSError) as exc:
                message = " ".join(str(exc).split())
                raise UsageError(f"{info.path}: cannot load package {info.label}: {message}") from None
            self._loaded[info.path] = LoadedPackage(info, translator, codec)
        return self._loaded[info.path]

    def translate(
        self,
        info: PackageInfo,
        sources: Sequence[Source],
        settings: DecodeSettings,
        num_hypotheses: int,
        masked: bool = False,
        suppress_words: Sequence[str] = (),
        progress: Progress = _no_progress,
        desc: str = "",
    ) -> list[list[Hypothesis]]:
        """Hypotheses (best first) for each source, protected spans masked or checked."""
        package = self.load(info)
        codec = package.codec
        masked = masked and codec.supports_masking
        tokenized = [
            codec.encode_masked(s.text, list(s.spans)) if masked and s.spans else codec.encode(s.text) for s in sources
        ]
        outputs = self.decode(package, tokenized, settings, num_hypotheses, suppress_words, progress, desc)
        results: list[list[Hypothesis]] = []
        for source, hypotheses in zip(sources, outputs):
            results.append([self._finish(codec, source, tokens, score, masked) for tokens, score in hypotheses])
        return results

    @staticmethod
    def _finish(codec: SubwordCodec, source: Source, tokens: list[str], score: float, masked: bool) -> Hypothesis:
        text = codec.decode(tokens)
        if masked and source.spans:
            text, intact = restore(text, list(source.spans))
        else:
            intact = spans_present(text, source.spans)
        return Hypothesis(text, score, intact)

    def decode(
        self,
        package: LoadedPackage,
        tokenized: list[list[str]],
        settings: DecodeSettings,
        num_hypotheses: int,
        suppress_words: Sequence[str] = (),
        progress: Progress = _no_progress,
        desc: str = "",
    ) -> list[list[tuple[list[str], float]]]:
        """Token-level decoding of many inputs: dedupe, sort by length, chunk, submit all, collect."""
        unique: dict[tuple[str, ...], int] = {}
        for tokens in tokenized:
            unique.setdefault(tuple(tokens), len(unique))
        inputs = sorted(unique, key=len)
        beam = max(settings.beam, 1)
        num_hypotheses = max(1, min(num_hypotheses, beam))
        suppress = package.suppressions(suppress_words) or None
        chunks = [inputs[i : i + settings.chunk_size] for i in range(0, len(inputs), settings.chunk_size)]
        pending = []
        for chunk in chunks:
            longest = max((len(tokens) for tokens in chunk), default=1)
            pending.append(
                package.translator.translate_batch(
                    [list(tokens) for tokens in chunk],
                    target_prefix=[package.prefix] * len(chunk) if package.prefix else None,
                    max_batch_size=settings.batch_size,
                    asynchronous=True,
                    beam_size=beam,
                    num_hypotheses=num_hypotheses,
                    length_penalty=settings.length_penalty,
                    max_decoding_length=settings.max_decoding_length(longest),
                    replace_unknowns=True,
                    return_scores=True,
                    suppress_sequences=suppress,
                )
            )
        decoded: dict[tuple[str, ...], list[tuple[list[str], float]]] = {}
        for chunk, results in progress(zip(chunks, pending), len(chunks), desc):
            for tokens, result in zip(chunk, results):
                result = result.result()
                decoded[tokens] = [
                    (self._strip_prefix(package, hypothesis), float(score))
                    for hypothesis, score in zip(result.hypotheses, result.scores)
                ]
        return [decoded[tuple(tokens)] for tokens in tokenized]

    @staticmethod
    def _strip_prefix(package: LoadedPackage, tokens: list[str]) -> list[str]:
        if package.prefix and tokens[: len(package.prefix)] == package.prefix:
            return tokens[len(package.prefix) :]
        return tokens


def spans_present(text: str, spans: Sequence[Span]) -> bool:
    """Every span's text occurs in ``text`` as often as in the source (numbers as whole numbers)."""
    needed: dict[str, int] = {}
    for span in spans:
        needed[span.text] = needed.get(span.text, 0) + 1
    for value, count in needed.items():
        if NUMBER_RE.fullmatch(value):
            found = count_number(text, value)
        else:
            found = text.count(value)
        if found < count:
            return False
    return True
