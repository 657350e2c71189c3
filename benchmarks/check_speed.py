"""How fast is ``termweave check``? Against translate-toolkit's pofilter, in the same run.

    .venv/bin/python benchmarks/check_speed.py [--entries 50000] [--glossary glossary/terms.csv]

1. Generates a Ukrainian PO file of ``--entries`` entries: English/Ukrainian sentence pairs
   from templates whose slots hold glossary terms in the case the sentence needs (Російської
   Федерації, КНДР, балістичних ракет, війну на виснаження, ...), numbers in each language's
   convention (1,200 ≡ 1 200; 3.5 ≡ 3,5) and about 3 % of entries with a number changed.
2. Times ``termweave check`` (every check on, JSON output) and ``pofilter`` (its default
   checks) on that file, each in its own process, and prints wall time, peak memory (max
   RSS) and the ratio. Targets: ratio ≤ 0.25, termweave ≤ 200 MiB. Both run as installed
   commands, termweave's modules compiled to bytecode first (:func:`compile_bytecode`), as pip
   does for a wheel. (Its sentences are sparse in glossary terms; ``dense_catalog.py`` measures
   a catalog dense in them.)
3. Times ``termweave check`` on the shipped catalogs (translations/*.po; target < 0.5 s) and
   reports how long lingua and Kiwi take to load and what they cost in memory.

Nothing is asserted: the figures are printed.
"""

from __future__ import annotations

import argparse
import compileall
import functools
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent
NBSP = "\u00a0"

# ---------------------------------------------------------------------------------------------
# Sentence material. States: English, then Ukrainian nom, gen, dat, acc, ins, and the gender
# that the past-tense verb agrees with (m, f, n, p).
STATES = [
    (
        "the Russian Federation",
        "Російська Федерація",
        "Російської Федерації",
        "Російській Федерації",
        "Російську Федерацію",
        "Російською Федерацією",
        "f",
    ),
    ("the DPRK", "КНДР", "КНДР", "КНДР", "КНДР", "КНДР", "f"),
    ("North Korea", "Північна Корея", "Північної Кореї", "Північній Кореї", "Північну Корею", "Північною Кореєю", "f"),
    ("China", "Китай", "Китаю", "Китаю", "Китай", "Китаєм", "m"),
    ("the US", "США", "США", "США", "США", "США", "p"),
    ("Ukraine", "Україна", "України", "Україні", "Україну", "Україною", "f"),
    ("South Korea", "Південна Корея", "Південної Кореї", "Південній Кореї", "Південну Корею", "Південною Кореєю", "f"),
    ("Russia", "Росія", "Росії", "Росії", "Росію", "Росією", "f"),
    ("the West", "Захід", "Заходу", "Заходу", "Захід", "Заходом", "m"),
]
# Things supplied: English, Ukrainian gen. plural (after numbers and "частка").
THINGS = [
    ("ballistic missiles", "балістичних ракет"),
    ("artillery shells", "артилерійських снарядів"),
    ("missile systems", "ракетних комплексів"),
    ("critical technologies", "критичних технологій"),
    ("air defence systems", "систем протиповітряної оборони"),
    ("drones", "безпілотників"),
    ("tanks", "танків"),
    ("armoured vehicles", "броньованих машин"),
]
# Concepts: English, Ukrainian nom, gen, acc, ins.
CONCEPTS = [
    (
        "the war of attrition",
        "війна на виснаження",
        "війни на виснаження",
        "війну на виснаження",
        "війною на виснаження",
    ),
    ("global security", "глобальна безпека", "глобальної безпеки", "глобальну безпеку", "глобальною безпекою"),
    ("the world order", "світовий порядок", "світового порядку", "світовий порядок", "світовим порядком"),
    (
        "military cooperation",
        "військова співпраця",
        "військової співпраці",
        "військову співпрацю",
        "військовою співпрацею",
    ),
    (
        "the military-political alliance",
        "військово-політичний союз",
        "військово-політичного союзу",
        "військово-політичний союз",
        "військово-політичним союзом",
    ),
    (
        "international isolation",
        "міжнародна ізоляція",
        "міжнародної ізоляції",
        "міжнародну ізоляцію",
        "міжнародною ізоляцією",
    ),
    ("mutual defence", "взаємна оборона", "взаємної оборони", "взаємну оборону", "взаємною обороною"),
    ("the anti-Western axis", "антизахідна вісь", "антизахідної осі", "антизахідну вісь", "антизахідною віссю"),
    ("the arms supply", "постачання зброї", "постачання зброї", "постачання зброї", "постачанням зброї"),
    (
        "the Treaty on Strategic Partnership",
        "Договір про стратегічне партнерство",
        "Договору про стратегічне партнерство",
        "Договір про стратегічне партнерство",
        "Договором про стратегічне партнерство",
    ),
]
FILLERS = [
    ("", ""),
    ("", ""),
    ("", ""),
    (", according to official data", ", за офіційними даними"),
    (", despite the sanctions", ", попри санкції"),
    (", as the ministry reported", ", як повідомило міністерство"),
    (", which surprised many observers", ", що здивувало багатьох спостерігачів"),
    (", according to Western intelligence", ", за даними західної розвідки"),
    (", amid growing tensions in the region", ", на тлі зростання напруженості в регіоні"),
    (", in violation of UN resolutions", ", порушуючи резолюції ООН"),
    (", bypassing international controls", ", в обхід міжнародного контролю"),
    (", in the context of the war in Ukraine", ", у контексті війни в Україні"),
    (", as satellite images show", ", як свідчать супутникові знімки"),
    (", which strengthened the alliance", ", що зміцнило союз"),
    (", according to independent experts", ", на думку незалежних експертів"),
    (", although the details remain secret", ", хоча подробиці залишаються таємними"),
    (", to the concern of its neighbours", ", на занепокоєння сусідів"),
    (", with the consent of Beijing", ", за згодою Пекіна"),
    (", under pressure from Pyongyang", ", під тиском Пхеньяна"),
    (", as the authors of the study emphasise", ", як наголошують автори дослідження"),
    (", contrary to earlier promises", ", всупереч попереднім обіцянкам"),
    (", which the opposition criticised", ", що розкритикувала опозиція"),
    (", while the negotiations stalled", ", тоді як переговори зайшли в глухий кут"),
    (", as documents published in the press show", ", як свідчать оприлюднені в пресі документи"),
]
# Regular past-tense stems: the verb agrees with the subject's gender.
ENDINGS = {"m": "в", "f": "ла", "n": "ло", "p": "ли"}


def past(stem: str, gender: str) -> str:
    return stem + ENDINGS[gender]


def present_3rd(singular: str, plural: str, gender: str) -> str:
    return plural if gender == "p" else singular


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def en_number(n: int) -> str:
    return f"{n:,}"


def uk_number(n: int) -> str:
    return f"{n:,}".replace(",", NBSP)


def sentence(rng: random.Random, change_number: bool) -> tuple[str, str, bool]:
    """(English, Ukrainian, whether a number of the Ukrainian really differs)."""
    s, o = rng.sample(STATES, 2)
    w_en, w_gen = rng.choice(THINGS)
    c = rng.choice(CONCEPTS)
    c2 = rng.choice([x for x in CONCEPTS if x is not c])
    f_en, f_uk = rng.choice(FILLERS)
    year = rng.randint(1994, 2025)
    year2 = year + rng.randint(1, 3)
    n = rng.choice([rng.randint(5, 99), rng.randint(100, 999), rng.randint(1000, 60000)])
    d = rng.randint(1, 40) + rng.choice([0, 0.5, 0.2, 0.8])
    m = rng.randint(2, 9)
    template = rng.randrange(9)
    change = rng.choice(["n", "year", "d"]) if change_number else None

    def numbers(changed: bool) -> tuple[int, int, str]:
        un = n * 10 if changed and change == "n" else n
        uyear = year + 1 if changed and change == "year" else year
        ud = d + 1 if changed and change == "d" else d
        return un, uyear, f"{ud:g}".replace(".", ",")

    def ukrainian(un: int, uyear: int, d_uk: str) -> str:
        if template == 0:
            return f"У {uyear} році {s[1]} {past('постави', s[6])} {o[3]} {uk_number(un)} {w_gen}{f_uk}."
        if template == 1:
            return f"{s[1]} та {o[1]} обговорили {c[3]} на зустрічі у {uyear} році{f_uk}."
        if template == 2:
            return (
                f"Згідно зі звітом, {s[1]} {past('отрима', s[6])} від {o[2]} {uk_number(un)} {w_gen} "
                f"у {uyear}–{year2} роках."
            )
        if template == 3:
            return f"Частка {w_gen} в експорті {s[2]} у {uyear} році зросла на {d_uk} відсотка."
        if template == 4:
            return f"{s[1]} {present_3rd('розглядає', 'розглядають', s[6])} {c[3]} як загрозу для {c2[2]}{f_uk}."
        if template == 5:
            return f"Аналітики зазначають, що {s[1]} та {o[1]} поглибили {c[3]} після {uyear} року."
        if template == 6:
            return f"З {uyear} року залежність {s[2]} від {w_gen} з {o[2]} зросла в {m} разів{f_uk}."
        if template == 7:
            return f"Автор називає політику {s[2]} «{c[4]}»{f_uk}."
        return f"У {uyear}–{year2} роках {s[1]} {past('підписа', s[6])} з {o[5]} {uk_number(un)} угод щодо {c[2]}."

    english = [
        f"In {year}, {s[0]} supplied {en_number(n)} {w_en} to {o[0]}{f_en}.",
        f"{cap(s[0])} and {o[0]} discussed {c[0]} at a meeting in {year}{f_en}.",
        f"According to the report, {s[0]} received {en_number(n)} {w_en} from {o[0]} in {year}–{year2}.",
        f"The share of {w_en} in the exports of {s[0]} grew by {d:g} percent in {year}.",
        f"{cap(s[0])} regards {c[0]} as a threat to {c2[0]}{f_en}.",
        f"Analysts note that {s[0]} and {o[0]} deepened {c[0]} after {year}.",
        f"Since {year}, the dependence of {s[0]} on {w_en} from {o[0]} has grown {m}-fold{f_en}.",
        f"The author calls the policy of {s[0]} ‘{c[0].removeprefix('the ')}’{f_en}.",
        f"Between {year} and {year2}, {s[0]} signed {en_number(n)} agreements with {o[0]} on {c[0]}.",
    ][template]
    original = ukrainian(*numbers(False))
    translation = ukrainian(*numbers(True))
    return cap(english), cap(translation), translation != original


def po_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate(path: Path, entries: int, seed: int = 2024) -> set[str]:
    """Write the PO file; return the msgctxt of every entry whose numbers were changed."""
    rng = random.Random(seed)
    changed: set[str] = set()
    out = [
        "# Generated by benchmarks/check_speed.py",
        'msgid ""',
        'msgstr ""',
        '"Language: uk\\n"',
        '"MIME-Version: 1.0\\n"',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        '"Content-Transfer-Encoding: 8bit\\n"',
        '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && '
        '(n%100<10 || n%100>=20) ? 1 : 2);\\n"',
        '"X-Source-Language: en\\n"',
        "",
    ]
    for i in range(entries):
        en, uk, numbers_changed = sentence(rng, change_number=rng.random() < 0.03)
        context = f"abstract.p{i // 20 + 1}.s{i % 20 + 1}"
        if numbers_changed:
            changed.add(context)
        out += [
            f"#: seeds/generated.txt:{i + 1}",
            f'msgctxt "{context}"',
            f"msgid {po_quote(en)}",
            f"msgstr {po_quote(uk)}",
            "",
        ]
    path.write_text("\n".join(out), encoding="utf-8")
    return changed


# ---------------------------------------------------------------------------------------------
# Measuring


# Run from a small wrapper process: a child inherits its parent's peak RSS across fork and exec,
# so measuring from this (large) benchmark process would overstate the tools' memory.
_WRAPPER = r"""
import json, os, subprocess, sys, threading, time
cmd, out, cwd = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3] or None

def tree(root):
    parents = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as stat:
                    parents.setdefault(int(stat.read().rsplit(")", 1)[1].split()[1]), []).append(int(name))
            except OSError:
                pass
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(parents.get(pid, ()))
    return found

def pss_kib(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            return next(int(line.split()[1]) for line in rollup if line.startswith("Pss:"))
    except (OSError, StopIteration):
        return 0

peak = [0]
def sample(pid, done):  # the whole process tree's proportional set size (shared pages split)
    while not done.wait(0.02):
        peak[0] = max(peak[0], sum(pss_kib(p) for p in tree(pid)))

with open(out if out else os.devnull, "wb") as sink:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.DEVNULL, cwd=cwd)
    done = threading.Event()
    sampler = threading.Thread(target=sample, args=(proc.pid, done))
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
print(json.dumps([wall, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), peak[0] / 1024]))
"""


def measure(cmd: list[str], stdout_path: Path | None = None, cwd: Path | None = None) -> tuple[float, float, int]:
    """Run ``cmd``; return (wall seconds, peak memory in MiB, exit code). The memory is the
    larger of the biggest process's peak RSS and the sampled peak of the process tree's total
    PSS (every 20 ms; worker processes count, the pages they share with their parent once)."""
    result = subprocess.run(
        [sys.executable, "-c", _WRAPPER, json.dumps(cmd), str(stdout_path or ""), str(cwd or "")],
        capture_output=True,
        text=True,
        check=True,
    )
    wall, rss, code, pss = json.loads(result.stdout)
    return wall, max(rss, pss), code


def termweave_cmd(*args: str) -> list[str]:
    """``termweave check ARGS`` as a user runs it: the installed command (pofilter is timed the
    same way), its modules compiled to bytecode first (:func:`compile_bytecode`)."""
    compile_bytecode()
    script = VENV_BIN / "termweave"
    return [str(script), "check", *args] if script.exists() else [sys.executable, "-m", "termweave", "check", *args]


@functools.cache
def compile_bytecode() -> None:
    """pip compiles a wheel's modules to bytecode when it installs it (pofilter's are); an
    editable install never does, and where PYTHONDONTWRITEBYTECODE=1 is set nothing writes
    them later, so every run would compile termweave's ~100 modules from source (~0.1 s). The
    benchmarks compile them once (``python -m compileall -q src``), and say so."""
    compileall.compile_dir(ROOT / "src" / "termweave", quiet=1)
    print("(termweave's bytecode compiled first, as pip does when it installs a wheel: python -m compileall -q src)")


LOAD_PROBE = r"""
import resource, sys, time
def rss():
    try:  # resident now, in MiB (the peak would include what the parent process had)
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * resource.getpagesize() / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
what = sys.argv[1]
before = rss(); start = time.perf_counter()
if what == "lingua":
    from termweave.lang.detect import LanguageGuard
    guard = LanguageGuard()
    guard.detect("Автор доводить, що обидві держави утворили союз", ("uk", "ru", "be", "bg", "en"))
elif what == "kiwi":
    from termweave.glossary.match import KoreanMatcher
    KoreanMatcher().kiwi.tokenize("북한과 러시아의 군사 동맹")
elif what == "pymorphy":
    from termweave.glossary.match import UkrainianMatcher
    UkrainianMatcher().keys("Федерації")
print(f"{time.perf_counter() - start:.2f} {rss() - before:.0f} {rss():.0f}")
sys.stdout.flush()
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--glossary", type=Path, default=ROOT / "glossary" / "terms.csv")
    parser.add_argument("--keep", type=Path, help="write the generated PO file here and keep it")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        po = args.keep or tmp / "bench.uk.po"
        start = time.perf_counter()
        changed = generate(po, args.entries)
        po_text = po.read_text(encoding="utf-8")
        words = len(set(po_text.split()))
        print(
            f"generated {po.name}: {args.entries} entries, {po.stat().st_size / 2**20:.1f} MiB, "
            f"{words} distinct whitespace-separated tokens ({time.perf_counter() - start:.1f} s)"
        )

        tw_wall, tw_rss, tw_rc = measure(
            termweave_cmd(str(po), "--glossary", str(args.glossary), "--format", "json"),
            stdout_path=tmp / "report.json",
        )
        report = json.loads((tmp / "report.json").read_text(encoding="utf-8") or "{}")
        del po_text
        summary = report.get("summary", {})
        by_check: dict[str, int] = {}
        for finding in report.get("findings", []):
            by_check[finding["check"]] = by_check.get(finding["check"], 0) + 1
        flagged = {f["context"] for f in report.get("findings", []) if f["check"] == "number-mismatch"}
        pf_wall, pf_rss, pf_rc = measure(
            [str(VENV_BIN / "pofilter"), "--progress=none", str(po), str(tmp / "pofilter.po")]
        )

        print()
        print(f"{'tool':<28}{'wall s':>9}{'peak MiB':>10}{'exit':>6}")
        print(f"{'termweave check (all)':<28}{tw_wall:>9.2f}{tw_rss:>10.0f}{tw_rc:>6}")
        print(f"{'pofilter (default checks)':<28}{pf_wall:>9.2f}{pf_rss:>10.0f}{pf_rc:>6}")
        print(
            f"ratio termweave/pofilter: {tw_wall / pf_wall:.3f} (target <= 0.25); "
            f"termweave peak {tw_rss:.0f} MiB (target <= 200)"
        )
        print(f"termweave summary: {summary}; findings by check: {dict(sorted(by_check.items()))}")
        print(
            f"number-mismatch: {len(changed)} entries have a changed number; termweave flags "
            f"{len(flagged & changed)} of them and {len(flagged - changed)} others"
        )
        pofilter_units = (
            (tmp / "pofilter.po").read_text(encoding="utf-8").count("\nmsgid ") - 1
            if (tmp / "pofilter.po").exists()
            else 0
        )
        print(f"pofilter flagged {pofilter_units} units")

    shipped = sorted((ROOT / "translations").glob("*.po"))
    if shipped:
        times = []
        for _ in range(3):
            wall, rss, rc = measure(
                termweave_cmd(*map(str, shipped), "--glossary", str(ROOT / "glossary" / "terms.csv")), cwd=ROOT
            )
            times.append((wall, rss, rc))
        best = min(times)
        print(
            f"\nshipped catalogs ({', '.join(p.name for p in shipped)}): "
            f"wall {', '.join(f'{t[0]:.2f}' for t in times)} s (best {best[0]:.2f}; target < 0.5), "
            f"peak {best[1]:.0f} MiB, exit {best[2]}"
        )

    print("\nanalyser load (own process each: seconds, MiB resident added, MiB resident after):")
    for what in ("pymorphy", "lingua", "kiwi"):
        result = subprocess.run([sys.executable, "-c", LOAD_PROBE, what], capture_output=True, text=True)
        seconds, added, peak = (result.stdout.split() + ["?", "?", "?"])[:3]
        print(f"  {what:<9} {seconds:>6} s  +{added:>4} MiB  ({peak} MiB resident)")
    print(f"ratio termweave/pofilter: {tw_wall / pf_wall:.3f} (target <= 0.25)")


if __name__ == "__main__":
    main()
