"""Machine-translation throughput: argostranslate vs raw CTranslate2 vs ``termweave translate``.

Builds a realistically sized random Argos package (Transformer 6+6 layers, d_model 512,
8 heads, FFN 2048, 32k vocabulary, int8; SentencePiece trained here) and translates the same
sentences three ways, same beam size and length bound, each in its own process so that one
method's imports (argostranslate pulls in torch and stanza) cannot slow another:

1. ``argostranslate.translate.translate`` sentence by sentence, as an application calls it
   (its offline sentence-splitter problem worked around by splitting nothing: the inputs are
   sentences already; its CTranslate2 settings are its own defaults);
2. raw ``ctranslate2.Translator.translate_batch`` over all sentences at once (the practical
   limit, best thread plan);
3. ``termweave translate`` on a PO catalog holding the sentences (reading and writing the
   catalog, glossary scoring and all).

It prints source and target tokens/s for each and the ratios. Targets: termweave >= 2x
argostranslate at beam 4 (>= 3x greedy) and >= 0.9x raw CTranslate2.

    python benchmarks/mt_throughput.py                 # 200 sentences, beam 4 and greedy
    python benchmarks/mt_throughput.py --quick         # 60 sentences
    python benchmarks/mt_throughput.py --threads       # also sweep CTranslate2 thread plans
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "translate"))  # the test kit packs .argosmodel files

LAYERS, D_MODEL, HEADS, FFN, VOCAB = 6, 512, 8, 2048, 32000
LENGTH_RATIO, LENGTH_EXTRA = 2.0, 10  # the length bound, as termweave's DecodeSettings


def length_bound(source_tokens: int) -> int:
    return int(LENGTH_RATIO * source_tokens + 0.999) + LENGTH_EXTRA


# --------------------------------------------------------------------------------------------
# Inputs and model


def sentences(count: int, seed: int = 1) -> list[str]:
    """Abstract-like English sentences (15-45 words) recombined from the shipped seed.

    Without digits or URLs: a random model garbles them, and termweave would then (rightly)
    decode those segments again with masking and in pieces -- extra passes that a real model,
    which copies numbers, rarely needs. The benchmark measures the common single pass.
    """
    text = (ROOT / "seeds" / "alliance-of-villains.txt").read_text(encoding="utf-8")
    words = [w for w in re.findall(r"[^\W\d][\w’'-]*|[,;:()]", text) if not re.search(r"\d|https?|doi", w)]
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        n = rng.randint(15, 45)
        start = rng.randrange(0, len(words) - n)
        chunk = " ".join(words[start : start + n]).replace(" ,", ",").replace(" ;", ";").replace(" :", ":")
        out.append(chunk[0].upper() + chunk[1:] + ".")
    return out


def sinusoids(positions: int, depth: int):
    import numpy as np

    half = depth // 2
    scale = np.log(10000.0) / (half - 1)
    timescales = np.exp(np.arange(half, dtype=np.float32) * -scale)
    angles = np.arange(positions, dtype=np.float32)[:, None] * timescales[None, :]
    return np.concatenate([np.sin(angles), np.cos(angles)], axis=1).astype(np.float32)


def build_package(workdir: Path, end_after: int) -> Path:
    """The random model as an .argosmodel (cached in workdir).

    Random weights never predict ``</s>`` by themselves, so every output would run to the
    length bound. One decoder position dimension carries a ramp that the ``</s>`` row of the
    projection reads: outputs end after about ``end_after`` tokens, in every method alike,
    well inside the length bound (which then only guards, as with a real model).
    """
    import argos_testkit as kit
    import numpy as np

    archive = workdir / f"translate-en_uk-random-{end_after}.argosmodel"
    if archive.exists():
        return archive
    sp_model = workdir / "sentencepiece.model"
    if not sp_model.exists():
        corpus = sentences(3000, seed=99)
        kit.train_sentencepiece(sp_model, vocab_size=8000, lines=corpus)
    pieces = kit.vocabulary(sp_model)
    vocab = pieces + [f"<extra_{i}>" for i in range(VOCAB - len(pieces))]

    specs = kit._import_specs()
    rng = np.random.default_rng(0)

    def linear(spec, out_dim, in_dim):
        spec.weight = (rng.standard_normal((out_dim, in_dim), dtype=np.float32) / np.sqrt(in_dim)).astype(np.float32)
        spec.bias = (rng.standard_normal(out_dim, dtype=np.float32) * 0.02).astype(np.float32)

    def norm(spec):
        spec.gamma = np.ones(D_MODEL, np.float32)
        spec.beta = np.zeros(D_MODEL, np.float32)

    def attention(spec, self_attention: bool):
        norm(spec.layer_norm)
        if self_attention:
            linear(spec.linear[0], 3 * D_MODEL, D_MODEL)
            linear(spec.linear[1], D_MODEL, D_MODEL)
        else:
            linear(spec.linear[0], D_MODEL, D_MODEL)
            linear(spec.linear[1], 2 * D_MODEL, D_MODEL)
            linear(spec.linear[2], D_MODEL, D_MODEL)

    def ffn(spec):
        norm(spec.layer_norm)
        linear(spec.linear_0, FFN, D_MODEL)
        linear(spec.linear_1, D_MODEL, FFN)

    spec = specs.TransformerSpec.from_config(LAYERS, HEADS)
    embeddings = (rng.standard_normal((VOCAB, D_MODEL), dtype=np.float32) / np.sqrt(D_MODEL)).astype(np.float32)
    spec.encoder.embeddings[0].weight = embeddings
    spec.decoder.embeddings.weight = embeddings.copy()
    for layer in spec.encoder.layer:
        attention(layer.self_attention, True)
        ffn(layer.ffn)
    for layer in spec.decoder.layer:
        attention(layer.self_attention, True)
        attention(layer.attention, False)
        ffn(layer.ffn)
    norm(spec.encoder.layer_norm)
    norm(spec.decoder.layer_norm)
    linear(spec.decoder.projection, VOCAB, D_MODEL)
    positions = sinusoids(1024, D_MODEL)
    ramp_dim = D_MODEL - 1
    positions[:, ramp_dim] = 2.0 * (np.arange(1024) - end_after)  # ~0 until end_after, then steep
    spec.decoder.position_encodings.encodings = positions
    eos = vocab.index("</s>")
    spec.decoder.projection.weight[eos, :] *= 0.1
    spec.decoder.projection.weight[eos, ramp_dim] = 1.0
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        model_dir = kit.save_spec(spec, Path(tmp) / "model", quantization="int8")
        kit.write_argosmodel(archive, "en", "uk", model_dir, sp_model, version="1.0")
    return archive


# --------------------------------------------------------------------------------------------
# The three methods (each runs in a child process: `--method NAME`)


def argos_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache")):
        env[var] = str(home / sub)
    env["ARGOS_PACKAGES_DIR"] = str(home / "data" / "argos-translate" / "packages")
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    return env


def run_argos(texts: list[str], beam: int) -> dict:
    started = time.perf_counter()
    from argostranslate import settings, translate

    imported = time.perf_counter() - started
    settings.beam_size = beam
    translation = translate.get_translation_from_codes("en", "uk")
    package_translation = translation.underlying  # CachedTranslation -> PackageTranslation

    class SplitNothing:  # the inputs are sentences; MiniSBD would try to download a model
        def split_sentences(self, text):
            return [text]

    package_translation.sentencizer = SplitNothing()
    translation.translate("Warm-up sentence.")  # builds its ctranslate2.Translator with its settings

    produced = []

    class Bounded:  # the same length bound as the other methods (argostranslate sets none)
        def __init__(self, translator):
            self.translator = translator

        def translate_batch(self, source, *args, **kwargs):
            kwargs.setdefault("max_decoding_length", length_bound(max(len(s) for s in source)))
            results = self.translator.translate_batch(source, *args, **kwargs)
            produced.extend(len(r.hypotheses[0]) for r in results)
            return results

    package_translation.translator = Bounded(package_translation.translator)
    started = time.perf_counter()
    for text in texts:
        translate.translate(text, "en", "uk")
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "import_s": imported, "target_tokens": sum(produced)}


def run_raw(texts: list[str], beam: int, model: Path, inter: int, intra: int, batch: int) -> dict:
    import ctranslate2
    import sentencepiece

    sp = sentencepiece.SentencePieceProcessor(model_file=str(model / "sentencepiece.model"))
    translator = ctranslate2.Translator(str(model / "model"), inter_threads=inter, intra_threads=intra)
    tokens = [sp.encode(t, out_type=str) for t in texts]
    translator.translate_batch(tokens[:2], beam_size=beam, max_decoding_length=8)  # warm-up
    started = time.perf_counter()
    results = translator.translate_batch(
        tokens,
        max_batch_size=batch,
        beam_size=beam,
        length_penalty=0.2,
        return_scores=True,
        max_decoding_length=length_bound(max(len(t) for t in tokens)),
    )
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "target_tokens": sum(len(r.hypotheses[0]) for r in results)}


def run_termweave(texts: list[str], beam: int, workdir: Path) -> dict:
    import polib

    from termweave.config import load_config
    from termweave.console import Console
    from termweave.translate.catalogs import translate_catalogs

    project = Path(tempfile.mkdtemp(dir=workdir, prefix="project-"))
    (project / "termweave.toml").write_text('[termweave]\nseeds = ["s.txt"]\ntarget_langs = ["uk"]\n')
    (project / "glossary").mkdir()
    (project / "glossary" / "terms.csv").write_bytes((ROOT / "glossary" / "terms.csv").read_bytes())
    po = polib.POFile(wrapwidth=78)
    po.metadata = {"Language": "uk", "X-Source-Language": "en", "Content-Type": "text/plain; charset=UTF-8"}
    for i, text in enumerate(texts):
        po.append(polib.POEntry(msgctxt=f"abstract.p{i // 5 + 1}.s{i % 5 + 1}", msgid=text, msgstr=""))
    (project / "translations").mkdir()
    (project / "translations" / "uk.po").write_text(str(po), encoding="utf-8")
    config = load_config(project / "termweave.toml")
    from termweave.translate.engine import Engine

    produced = []
    decoding = []
    decode = Engine.decode

    def counting_decode(self, *args, **kwargs):  # counts what the model produced; no other change
        started = time.perf_counter()
        outputs = decode(self, *args, **kwargs)
        decoding.append(time.perf_counter() - started)
        produced.extend(len(hypotheses[0][0]) for hypotheses in outputs)
        return outputs

    Engine.decode = counting_decode
    loading = []
    load = Engine.load

    def timed_load(self, info):  # the wait for the model (import ctranslate2, read model.bin)
        started = time.perf_counter()
        try:
            return load(self, info)
        finally:
            if threading.current_thread() is threading.main_thread():
                loading.append(time.perf_counter() - started)

    Engine.load = timed_load
    started = time.perf_counter()  # end to end: model loading, catalog reading and writing included
    summary = translate_catalogs(config, Console(quiet=True), beam=beam)
    seconds = time.perf_counter() - started
    assert sum(c.drafted for c in summary.catalogs) == len(texts)
    assert not any(c.in_pieces for c in summary.catalogs)
    return {"seconds": seconds, "target_tokens": sum(produced), "decode_s": sum(decoding), "load_s": sum(loading)}


def child(args) -> None:
    texts = json.loads(Path(args.texts).read_text())
    if args.method == "argos":
        result = run_argos(texts, args.beam)
    elif args.method == "raw":
        result = run_raw(texts, args.beam, Path(args.model), args.inter, args.intra, args.batch)
    else:
        result = run_termweave(texts, args.beam, Path(args.workdir))
    print("RESULT " + json.dumps(result))


# --------------------------------------------------------------------------------------------
# Orchestration


def measure(
    method: str,
    env: dict,
    texts_file: Path,
    beam: int,
    workdir: Path,
    model: Path,
    inter: int = 1,
    intra: int = 1,
    batch: int = 16,
) -> dict:
    command = [
        sys.executable,
        __file__,
        "--method",
        method,
        "--texts",
        str(texts_file),
        "--beam",
        str(beam),
        "--workdir",
        str(workdir),
        "--model",
        str(model),
        "--inter",
        str(inter),
        "--intra",
        str(intra),
        "--batch",
        str(batch),
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    line = next((row for row in done.stdout.splitlines() if row.startswith("RESULT ")), None)
    if done.returncode != 0 or line is None:
        raise SystemExit(f"{method} failed:\n{done.stdout}\n{done.stderr}")
    return json.loads(line[len("RESULT ") :])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=200)
    parser.add_argument("--quick", action="store_true", help="60 sentences, one repetition")
    parser.add_argument(
        "--repeat",
        type=int,
        default=2,
        help="runs per method, interleaved; the fastest counts (the machine may be shared)",
    )
    parser.add_argument("--beams", default="4,1", help="beam sizes to run (default: 4,1)")
    parser.add_argument(
        "--threads", action="store_true", help="also sweep raw CTranslate2 thread plans and batch sizes"
    )
    parser.add_argument(
        "--argos-intra-threads",
        type=int,
        default=None,
        help="also run argostranslate with ARGOS_INTRA_THREADS=N (default: only its defaults)",
    )
    parser.add_argument("--end-after", type=int, default=30, help="about how many tokens the random model outputs")
    parser.add_argument("--workdir", help="reuse a folder (the model is cached there)")
    parser.add_argument("--method", choices=["argos", "raw", "termweave"], help=argparse.SUPPRESS)
    for name in ("texts", "model"):
        parser.add_argument(f"--{name}", help=argparse.SUPPRESS)
    for name, default in (("beam", 4), ("inter", 1), ("intra", 1), ("batch", 16)):
        parser.add_argument(f"--{name}", type=int, default=default, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.method:
        child(args)
        return

    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="termweave-mt-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    count = 60 if args.quick else args.sentences
    texts = sentences(count)
    texts_file = workdir / "texts.json"
    texts_file.write_text(json.dumps(texts))
    started = time.perf_counter()
    archive = build_package(workdir, args.end_after)
    print(
        f"model: Transformer {LAYERS}+{LAYERS} layers, d_model {D_MODEL}, {HEADS} heads, FFN {FFN}, "
        f"vocab {VOCAB}, int8 ({archive.stat().st_size / 1e6:.0f} MB package, built in "
        f"{time.perf_counter() - started:.0f} s)"
    )

    home = workdir / "argos-home"
    env = argos_env(home)
    installed = subprocess.run(
        [sys.executable, "-m", "termweave", "models", "install", "--replace", str(archive)],
        env=env,
        capture_output=True,
        text=True,
    )
    if installed.returncode != 0:
        raise SystemExit(installed.stderr)
    model = next((home / "data" / "argos-translate" / "packages").iterdir())
    import sentencepiece

    sp = sentencepiece.SentencePieceProcessor(model_file=str(model / "sentencepiece.model"))
    source_tokens = sum(len(sp.encode(t)) for t in texts)
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(
        f"{count} sentences, {source_tokens} source tokens; {cpus} CPU cores; length bound "
        f"{LENGTH_RATIO:g} x source + {LENGTH_EXTRA}\n"
    )

    from termweave.translate.engine import DecodeSettings, ThreadPlan

    plan = ThreadPlan.for_machine(cpus=cpus)
    batch = DecodeSettings().batch_size
    repeat = 1 if args.quick else max(1, args.repeat)
    if args.threads:
        for beam in [int(b) for b in args.beams.split(",")]:
            print(
                f"raw CTranslate2, beam {beam}, by thread plan and batch size (source tokens/s, fastest of {repeat}):"
            )
            for inter, intra in ((1, 1), (1, cpus), (cpus, 1)):
                for size in (4, 8, 16, 32):
                    seconds = min(
                        measure("raw", env, texts_file, beam, workdir, model, inter, intra, size)["seconds"]
                        for _ in range(repeat)
                    )
                    print(
                        f"  inter_threads={inter} intra_threads={intra} max_batch_size={size:<3} "
                        f"{source_tokens / seconds:8.1f}"
                    )
            print()

    for beam in [int(b) for b in args.beams.split(",")]:
        rows: dict[str, dict] = {}
        methods = [
            ("argostranslate", "argos", env),
            ("raw CTranslate2", "raw", env),
            ("termweave translate", "termweave", env),
        ]
        if args.argos_intra_threads:
            tuned = env | {"ARGOS_INTRA_THREADS": str(args.argos_intra_threads)}
            methods.insert(1, (f"argos (intra {args.argos_intra_threads})", "argos", tuned))
        for _ in range(repeat):
            for name, method, method_env in methods:
                threads = (plan.inter_threads, plan.intra_threads, batch) if method == "raw" else (1, 1, 1)
                r = measure(method, method_env, texts_file, beam, workdir, model, *threads)
                if name not in rows or r["seconds"] < rows[name]["seconds"]:
                    rows[name] = r
        print(f"beam {beam} (fastest of {repeat}):")
        for name, r in rows.items():
            extra = f"  (+{r['import_s']:.1f} s importing argostranslate)" if "import_s" in r else ""
            if "decode_s" in r:
                extra = f"  (end to end: {r['load_s']:.2f} s loading the model, {r['decode_s']:.2f} s decoding)"
            print(
                f"  {name:<22} {r['seconds']:7.2f} s  {source_tokens / r['seconds']:8.1f} source tok/s  "
                f"{r['target_tokens'] / r['seconds']:8.1f} target tok/s{extra}"
            )
        tw, argos, raw = rows["termweave translate"], rows["argostranslate"], rows["raw CTranslate2"]
        print(
            f"  termweave / argostranslate: {argos['seconds'] / tw['seconds']:.2f}x"
            f" (target {'2' if beam > 1 else '3'}x)"
        )
        print(
            f"  termweave / raw CTranslate2: {raw['seconds'] / tw['seconds']:.2f}x end to end, "
            f"{raw['seconds'] / (tw['seconds'] - tw['load_s']):.2f}x with model loading left out as for raw "
            f"(target 0.9x)"
        )
        print(
            "  (same input for all: time ratios are throughput ratios; argostranslate and raw are timed after"
            " loading their model)\n"
        )
    print(
        f"thread plan used by termweave and raw: inter_threads={plan.inter_threads} "
        f"intra_threads={plan.intra_threads}, max_batch_size={batch}; workdir {workdir}"
    )


if __name__ == "__main__":
    main()
