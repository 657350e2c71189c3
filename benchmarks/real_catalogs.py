"""termweave check against translate-toolkit's pofilter on real catalogs: the uk and ko catalogs
of Django 5.2 and Sphinx 9.0.4 (28 files, 3,578 entries), in the same run.

    .venv/bin/python benchmarks/real_catalogs.py [--work .work] [--glossary glossary/terms.csv]

1. Gets the catalogs: ``pip download --no-deps Django==5.2.* sphinx==9.0.4`` into ``--work``
   (git-ignored) unless the wheels are there, and reads the uk/ko ``.po`` files from them.
2. **Precision** on the catalogs as published: every error-level finding (untranslated and fuzzy
   left out: they are facts, not judgements) is looked up in the recorded judgements,
   ``benchmarks/data/real_catalog_judgements.tsv`` (one row per finding: true or false, and
   why). Findings nobody judged yet are listed and counted as unjudged.
3. **Recall** on an injected-error set built here, deterministically, over the same catalogs:
   dropped and renamed placeholders, changed numbers and versions, broken URLs in markup,
   untranslated entries, English left in place, short kana/Cyrillic/Hangul, Russian in the
   Ukrainian catalogs, a plural form too many. An injected error counts as found when the tool
   reports the entry after the injection and did not before (termweave: an error-level finding;
   pofilter: any failing test).
4. **Speed**: wall time and peak memory of ``termweave check`` (every check, the project
   glossary; as run by default, with a process per CPU, and with ``--jobs 1``) and of
   ``pofilter`` (its default tests) over all 28 files, each in its own process: best of five
   runs, the tools taking turns.
   Memory: the larger of the biggest process's peak RSS and the process tree's sampled total
   PSS. Target: termweave <= 0.25x pofilter's wall time, <= 200 MiB. Both run as installed
   commands (``.venv/bin/termweave``, ``.venv/bin/pofilter``), termweave's modules compiled to
   bytecode first, as pip does for an installed wheel (``check_speed.compile_bytecode``: an
   editable install under PYTHONDONTWRITEBYTECODE=1 would compile them from source on every run).

The last line prints the wall-time ratio.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import polib  # noqa: E402
from check_speed import VENV_BIN, measure, termweave_cmd  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
JUDGEMENTS = ROOT / "benchmarks" / "data" / "real_catalog_judgements.tsv"
WHEELS = {"django": "Django==5.2.*", "sphinx": "sphinx==9.0.4"}
LOCALE_RE = re.compile(r"^(?P<pkg>.+?)/locale/(?P<lang>uk|uk_UA|ko)/LC_MESSAGES/(?P<domain>\w+)\.po$")
NOT_JUDGED = ("untranslated", "fuzzy")


def catalogs(work: Path) -> list[Path]:
    """The uk/ko .po files of the Django and Sphinx wheels, extracted under ``work/catalogs``."""
    work.mkdir(parents=True, exist_ok=True)
    if not all(any(work.glob(f"{name}-*.whl")) for name in WHEELS):
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(work), *WHEELS.values()], check=True
        )
    out = work / "catalogs"
    out.mkdir(exist_ok=True)
    paths = []
    for wheel in sorted(work.glob("*.whl")):
        with zipfile.ZipFile(wheel) as archive:
            for name in archive.namelist():
                m = LOCALE_RE.match(name)
                if m:
                    lang = m.group("lang")[:2]
                    path = out / f"{m.group('pkg').replace('/', '_')}.{m.group('domain')}.{lang}.po"
                    path.write_bytes(archive.read(name))
                    paths.append(path)
    return sorted(paths)


# ---------------------------------------------------------------------------------------------
# Findings of both tools


def termweave_findings(
    paths: list[Path], glossary: Path, out: Path, *options: str
) -> tuple[list[dict], tuple[float, float, int]]:
    cmd = termweave_cmd(*map(str, paths), "--glossary", str(glossary), "--format", "json", *options)
    timing = measure(cmd, stdout_path=out)
    return json.loads(out.read_text(encoding="utf-8"))["findings"], timing


def pofilter_findings(folder: Path, out: Path) -> tuple[dict[tuple[str, str, str], list[str]], tuple]:
    """{(file name, msgctxt, msgid): [failing tests]} and the timing."""
    shutil.rmtree(out, ignore_errors=True)
    timing = measure([str(VENV_BIN / "pofilter"), "--progress=none", str(folder), str(out)])
    failing: dict[tuple[str, str, str], list[str]] = {}
    for path in sorted(out.glob("*.po")) if out.exists() else []:
        for unit in polib.pofile(str(path)):
            tests = re.findall(r"\(pofilter\) (\w+)", unit.tcomment or "")
            if tests:
                failing[(path.name, unit.msgctxt or "", unit.msgid)] = tests
    return failing, timing


def key(finding: dict) -> tuple[str, str, str]:
    return Path(finding["path"]).name, finding["context"] or "", finding["msgid"]


# ---------------------------------------------------------------------------------------------
# Precision: recorded judgements


def load_judgements() -> dict[tuple[str, str, str, str], tuple[str, str]]:
    table = {}
    if JUDGEMENTS.exists():
        with JUDGEMENTS.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                table[(row["file"], row["check"], row["msgid"], row["message"])] = (row["verdict"], row["reason"])
    return table


def precision(findings: list[dict]) -> None:
    judged = load_judgements()
    errors = [f for f in findings if f["severity"] == "error" and f["check"] not in NOT_JUDGED]
    right = wrong = 0
    unjudged = []
    by_check: dict[str, list[int]] = {}
    for f in errors:
        verdict = judged.get((Path(f["path"]).name, f["check"], f["msgid"], f["message"]))
        counts = by_check.setdefault(f["check"], [0, 0, 0])
        if verdict is None:
            unjudged.append(f)
            counts[2] += 1
        elif verdict[0] == "true":
            right += 1
            counts[0] += 1
        else:
            wrong += 1
            counts[1] += 1
    print(f"\nprecision of error-level findings (untranslated, fuzzy left out): {len(errors)} findings")
    for check, (tp, fp, un) in sorted(by_check.items()):
        print(f"  {check:<22} true {tp:>3}  false {fp:>3}  unjudged {un:>3}")
    total = right + wrong
    print(
        f"  termweave precision {right / total if total else 1.0:.3f} ({right} of {total} judged)"
        + (f"; {len(unjudged)} UNJUDGED:" if unjudged else "")
    )
    for f in unjudged:
        print(f"    {Path(f['path']).name}\t{f['check']}\t{f['msgid'][:60]!r}\t{f['message']}")


# ---------------------------------------------------------------------------------------------
# Recall: an injected-error set


@dataclass
class Injection:
    file: str
    msgctxt: str
    msgid: str
    kind: str


KANA = ["パスワードをリセット", "ログイン", "保存して編集を続ける", "検索"]
RUSSIAN_SHORT = ["Сохранить", "Удалить", "Выйти", "Поиск"]
RUSSIAN_LONG = [
    "Введите правильный адрес электронной почты.",
    "Это поле обязательно для заполнения.",
    "Пожалуйста, исправьте ошибки ниже.",
]
HANGUL = ["저장", "삭제하기", "비밀번호 변경"]
NAMED_RE = re.compile(r"%\((\w+)\)[sdif]|\{(\w+)\}")
DIGITS_RE = re.compile(r"\d")
URL_RE = re.compile(r"https?://[^\s\"'<>]+")


def _mutate(entry: polib.POEntry, kind: str, lang: str, rng: random.Random) -> bool:
    """Apply one error of ``kind`` to ``entry``; False when the entry does not suit it."""
    text = entry.msgstr
    if entry.msgid_plural or entry.obsolete or "fuzzy" in entry.flags:
        if kind != "plural-extra" or not entry.msgid_plural or not all(entry.msgstr_plural.values()):
            return False
        entry.msgstr_plural[len(entry.msgstr_plural)] = entry.msgstr_plural[0]
        return True
    if kind == "plural-extra" or not text:
        return False
    if kind in ("placeholder-dropped", "placeholder-renamed"):
        found = [m for m in NAMED_RE.finditer(text) if entry.msgid.count(m.group()) == 1]  # a repeat may be dropped
        if not found:
            return False
        m = rng.choice(found)
        if kind == "placeholder-dropped":
            entry.msgstr = (text[: m.start()] + text[m.end() :]).strip()
        else:
            name = m.group(1) or m.group(2)
            entry.msgstr = (
                text[: m.start()] + m.group().replace(name, name[:-1] + "x" if len(name) > 1 else "y") + text[m.end() :]
            )
        return True
    if kind == "number-changed":
        digits = [m for m in DIGITS_RE.finditer(text) if not NAMED_RE.search(text[max(0, m.start() - 30) : m.end()])]
        if not digits or not DIGITS_RE.search(entry.msgid):
            return False
        m = rng.choice(digits)
        entry.msgstr = text[: m.start()] + str((int(m.group()) + rng.randint(1, 8)) % 10) + text[m.end() :]
        return True
    if kind == "url-broken":
        m = URL_RE.search(text)
        if not m or m.group() not in entry.msgid:
            return False
        url = m.group()
        entry.msgstr = text.replace(url, url.replace("/", "//", 3)[: len(url)] + ("s" if url.endswith("/") else "/"), 1)
        return True
    if kind == "untranslated":
        entry.msgstr = ""
        return True
    if kind == "english-left":
        if len(re.findall(r"[A-Za-z]{3,}", entry.msgid)) < 3:
            return False
        entry.msgstr = entry.msgid
        return True
    if kind == "short-foreign":
        entry.msgstr = rng.choice(KANA + RUSSIAN_SHORT if lang == "ko" else HANGUL + KANA)
        return True
    if kind == "russian":
        if lang != "uk":
            return False
        entry.msgstr = rng.choice(RUSSIAN_LONG)
        return True
    raise ValueError(kind)


KINDS = {  # kind: how many per language
    "placeholder-dropped": 8,
    "placeholder-renamed": 8,
    "number-changed": 6,
    "url-broken": 3,
    "untranslated": 5,
    "english-left": 6,
    "short-foreign": 5,
    "russian": 5,
    "plural-extra": 4,
}


def inject(paths: list[Path], folder: Path, seed: int = 9) -> list[Injection]:
    """Copies of ``paths`` in ``folder`` with errors injected into distinct entries."""
    rng = random.Random(seed)
    pofiles = {p.name: polib.pofile(str(p), wrapwidth=0) for p in paths}
    injected: list[Injection] = []
    used: set[tuple[str, str, str]] = set()
    for lang in ("uk", "ko"):
        pool = [
            (name, e)
            for name, po in pofiles.items()
            if name.endswith(f".{lang}.po")
            for e in po
            if not e.obsolete and e.translated() and "fuzzy" not in e.flags
        ]
        for kind, count in KINDS.items():
            if kind == "russian" and lang != "uk":
                continue
            candidates = pool[:]
            rng.shuffle(candidates)
            done = 0
            for name, entry in candidates:
                ident = (name, entry.msgctxt or "", entry.msgid)
                if done == count:
                    break
                if ident in used or not _mutate(entry, kind, lang, rng):
                    continue
                used.add(ident)
                injected.append(Injection(name, entry.msgctxt or "", entry.msgid, kind))
                done += 1
    folder.mkdir(parents=True, exist_ok=True)
    for name, po in pofiles.items():
        po.save(str(folder / name))
    return injected


def recall(
    injected: list[Injection], clean_tw: list[dict], dirty_tw: list[dict], clean_pf: dict, dirty_pf: dict
) -> tuple[float, float]:
    def reported(findings: list[dict]) -> dict[tuple[str, str, str], set[str]]:
        out: dict[tuple[str, str, str], set[str]] = {}
        for f in findings:
            if f["severity"] == "error":
                out.setdefault(key(f), set()).add(f"{f['check']}: {f['message']}")
        return out

    before, after = reported(clean_tw), reported(dirty_tw)
    rows: dict[str, list[int]] = {}
    missed = []
    for inj in injected:
        ident = (inj.file, inj.msgctxt, inj.msgid)
        tw = bool(after.get(ident, set()) - before.get(ident, set()))
        pf = bool(set(dirty_pf.get(ident, ())) - set(clean_pf.get(ident, ())))
        counts = rows.setdefault(inj.kind, [0, 0, 0])
        counts[0] += 1
        counts[1] += tw
        counts[2] += pf
        if not tw:
            missed.append(inj)
    print(f"\nrecall on {len(injected)} injected errors (found by termweave | pofilter)")
    for kind, (n, tw, pf) in rows.items():
        print(f"  {kind:<22} {n:>3}   {tw:>3} | {pf:>3}")
    tw_total = sum(r[1] for r in rows.values())
    pf_total = sum(r[2] for r in rows.values())
    print(f"  recall: termweave {tw_total / len(injected):.3f}, pofilter {pf_total / len(injected):.3f}")
    for inj in missed:
        print(f"    missed by termweave: {inj.kind} {inj.file} {inj.msgid[:60]!r}")
    return tw_total / len(injected), pf_total / len(injected)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, default=ROOT / ".work", help="where the wheels go (git-ignored)")
    parser.add_argument("--glossary", type=Path, default=ROOT / "glossary" / "terms.csv")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each tool, taking turns (the best counts)")
    args = parser.parse_args()
    paths = catalogs(args.work)
    entries = sum(1 for p in paths for e in polib.pofile(str(p)) if not e.obsolete)
    print(f"{len(paths)} catalogs, {entries} entries: {', '.join(p.name for p in paths[:3])}, ...")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        folder = paths[0].parent
        clean_tw, tw_time = termweave_findings(paths, args.glossary, tmp / "clean.json")
        clean_pf, pf_time = pofilter_findings(folder, tmp / "pofilter-clean")
        precision(clean_tw)
        print(
            f"  pofilter: {sum(len(v) for v in clean_pf.values())} failures on {len(clean_pf)} entries "
            "(not judged; its tests are stylistic: startcaps, simplecaps, brackets, ...)"
        )

        injected = inject(paths, tmp / "injected")
        dirty_paths = sorted((tmp / "injected").glob("*.po"))
        dirty_tw, _ = termweave_findings(dirty_paths, args.glossary, tmp / "dirty.json")
        dirty_pf, _ = pofilter_findings(tmp / "injected", tmp / "pofilter-dirty")
        recall(injected, clean_tw, dirty_tw, clean_pf, dirty_pf)

        # The timed runs take turns (termweave, pofilter, termweave --jobs 1), so that a slow spell
        # of the machine (a shared virtual machine's speed drifts) falls on every tool alike.
        tw_runs, pf_runs, one_runs = [tw_time], [pf_time], []
        for turn in range(args.runs):
            if turn:
                tw_runs.append(termweave_findings(paths, args.glossary, tmp / "again.json")[1])
                pf_runs.append(pofilter_findings(folder, tmp / "pofilter-again")[1])
            one_runs.append(termweave_findings(paths, args.glossary, tmp / "one.json", "--jobs", "1")[1])
    tw_best, pf_best = min(tw_runs), min(pf_runs)
    print(f"\n{'tool':<36}{'wall s (best)':>14}{'peak MiB':>10}{'exit':>6}")
    tw_peak = max(r[1] for r in tw_runs)
    print(f"{'termweave check (all, glossary)':<36}{tw_best[0]:>14.3f}{tw_peak:>10.0f}{tw_best[2]:>6}")
    one_best = min(one_runs)
    print(f"{'termweave check --jobs 1':<36}{one_best[0]:>14.3f}{max(r[1] for r in one_runs):>10.0f}{one_best[2]:>6}")
    print(f"{'pofilter (default tests)':<36}{pf_best[0]:>14.3f}{max(r[1] for r in pf_runs):>10.0f}{pf_best[2]:>6}")
    print(f"ratio termweave/pofilter wall time: {tw_best[0] / pf_best[0]:.3f} (target <= 0.25)")


if __name__ == "__main__":
    main()
