"""A large catalog dense in the project's glossary terms, from sentences written for this benchmark
(not the labelled tuning sets in tests/data/check*), and termweave check against pofilter on it.

    .venv/bin/python benchmarks/dense_catalog.py [--entries 50000] [--lang uk,ko] [--keep DIR]

Every sentence carries three to six glossary terms (states, weapons, treaties, concepts), in the
case (Ukrainian) or with the particle (Korean) the sentence needs, and numbers in each language's
convention (1,200 = 1 200; 3.5 = 3,5). In about 10 % of the entries one number of the translation is
changed. For each language the script writes the catalog, runs ``termweave check`` (every check,
the project glossary, JSON; as run by default, with a process per CPU, and with ``--jobs 1``)
and ``pofilter`` (default tests) in their own processes, and prints wall time, peak memory (the
larger of the biggest process's peak RSS and the process tree's sampled total PSS), the ratio,
and how many of the changed numbers each tool flags.
Targets: termweave <= 0.25x pofilter's wall time, <= 200 MiB. The last line prints the ratio.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import polib  # noqa: E402
from check_speed import VENV_BIN, measure, termweave_cmd  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
NBSP = "\u00a0"


@dataclass(frozen=True)
class State:
    en: str
    uk: tuple[str, str, str, str, str]  # nominative, genitive, accusative, instrumental, locative
    ko: str
    plural: bool = False  # "США" takes a plural verb


STATES = [
    State(
        "the Russian Federation",
        (
            "Російська Федерація",
            "Російської Федерації",
            "Російську Федерацію",
            "Російською Федерацією",
            "Російській Федерації",
        ),
        "러시아 연방",
    ),
    State("the DPRK", ("КНДР", "КНДР", "КНДР", "КНДР", "КНДР"), "북한"),
    State(
        "North Korea",
        ("Північна Корея", "Північної Кореї", "Північну Корею", "Північною Кореєю", "Північній Кореї"),
        "북한",
    ),
    State("China", ("Китай", "Китаю", "Китай", "Китаєм", "Китаї"), "중국"),
    State("Ukraine", ("Україна", "України", "Україну", "Україною", "Україні"), "우크라이나"),
    State("the US", ("США", "США", "США", "США", "США"), "미국", plural=True),
    State(
        "South Korea",
        ("Південна Корея", "Південної Кореї", "Південну Корею", "Південною Кореєю", "Південній Кореї"),
        "한국",
    ),
    State("the West", ("Захід", "Заходу", "Захід", "Заходом", "Заході"), "서방"),
    State("Russia", ("Росія", "Росії", "Росію", "Росією", "Росії"), "러시아"),
]
# Things counted: English plural, Ukrainian genitive plural (after numbers), Korean.
THINGS = [
    ("ballistic missiles", "балістичних ракет", "탄도 미사일"),
    ("artillery shells", "артилерійських снарядів", "포탄"),
    ("missile systems", "ракетних комплексів", "미사일 체계"),
    ("Soviet-calibre weapons", "одиниць зброї радянського калібру", "소련 구경 무기"),
    ("servicemen", "військовослужбовців", "장병"),
]
# Concepts: English, Ukrainian (nominative, genitive, accusative, instrumental), Korean.
CONCEPTS = [
    (
        "military cooperation",
        ("військова співпраця", "військової співпраці", "військову співпрацю", "військовою співпрацею"),
        "군사 협력",
    ),
    (
        "the war of attrition",
        ("війна на виснаження", "війни на виснаження", "війну на виснаження", "війною на виснаження"),
        "소모전",
    ),
    (
        "international isolation",
        ("міжнародна ізоляція", "міжнародної ізоляції", "міжнародну ізоляцію", "міжнародною ізоляцією"),
        "국제적 고립",
    ),
    (
        "the world order",
        ("світовий порядок", "світового порядку", "світовий порядок", "світовим порядком"),
        "세계 질서",
    ),
    (
        "global security",
        ("глобальна безпека", "глобальної безпеки", "глобальну безпеку", "глобальною безпекою"),
        "글로벌 안보",
    ),
    ("the arms supply", ("постачання зброї", "постачання зброї", "постачання зброї", "постачанням зброї"), "무기 공급"),
    (
        "the authoritarian regime",
        ("авторитарний режим", "авторитарного режиму", "авторитарний режим", "авторитарним режимом"),
        "권위주의 정권",
    ),
    (
        "the anti-Western axis",
        ("антизахідна вісь", "антизахідної осі", "антизахідну вісь", "антизахідною віссю"),
        "반서방 축",
    ),
    (
        "critical technology",
        ("критична технологія", "критичної технології", "критичну технологію", "критичною технологією"),
        "핵심 기술",
    ),
    (
        "Western imperialism",
        ("західний імперіалізм", "західного імперіалізму", "західний імперіалізм", "західним імперіалізмом"),
        "서방 제국주의",
    ),
    (
        "military assistance",
        ("військова допомога", "військової допомоги", "військову допомогу", "військовою допомогою"),
        "군사 원조",
    ),
]


def josa(word: str, pair: str) -> str:
    """``word`` with the Korean particle of ``pair`` ("은/는", "이/가", "을/를", "과/와", "으로/로")
    that its last syllable takes."""
    with_final, without = pair.split("/")
    code = ord(word[-1]) - 0xAC00
    final = code % 28 if 0 <= code < 11172 else 0
    if pair == "으로/로":
        return word + ("로" if final in (0, 8) else "으로")
    return word + (with_final if final else without)


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def en_int(n: int) -> str:
    return f"{n:,}"


def uk_int(n: int) -> str:
    return f"{n:,}".replace(",", NBSP)


def sentence(rng: random.Random, change: bool) -> tuple[str, str, str]:
    """(English, Ukrainian, Korean); with ``change`` one number of both translations differs."""
    s, o = rng.sample(STATES, 2)
    w = rng.choice(THINGS)
    c, c2 = rng.sample(CONCEPTS, 2)
    y = rng.randint(1994, 2025)
    y2 = y + rng.randint(1, 4)
    n = rng.choice([rng.randint(12, 99), rng.randint(100, 999), rng.randint(1000, 90000)])
    d = rng.randint(1, 40) + rng.choice([0.5, 0.2, 0.8, 0.4])
    index = rng.randrange(len(_templates(s, o, w, c, c2, y, y2, n, d, n, y, d)))
    en = _templates(s, o, w, c, c2, y, y2, n, d, n, y, d)[index][0]
    present = [k for k, shown in (("n", en_int(n)), ("y", str(y)), ("d", f"{d:g} percent")) if shown in en]
    what = rng.choice(present) if change and present else ""
    tn = n * 10 if what == "n" else n
    ty = y + 1 if what == "y" else y
    td = d + 1 if what == "d" else d
    en, uk, ko = _templates(s, o, w, c, c2, y, y2, n, d, tn, ty, td)[index]
    return cap(en), cap(uk), ko


def _templates(
    s: State, o: State, w: tuple, c: tuple, c2: tuple, y: int, y2: int, n: int, d: float, tn: int, ty: int, td: float
) -> list[tuple[str, str, str]]:
    """The sentence patterns: English with the true numbers, translations with ``tn``, ``ty``, ``td``."""
    verb = "розглядають" if s.plural else "розглядає"
    uses = "використовують" if s.plural else "використовує"
    ud = f"{td:g}".replace(".", ",")
    templates = [
        (
            f"In {y}, {s.en} and {o.en} agreed on the supply of {en_int(n)} {w[0]}.",
            f"У {ty} році {s.uk[0]} та {o.uk[0]} домовилися про постачання {uk_int(tn)} {w[1]}.",
            f"{ty}년 {josa(s.ko, '과/와')} {josa(o.ko, '은/는')} {w[2]} {en_int(tn)}개의 공급에 합의했다.",
        ),
        (
            f"{cap(s.en)} regards {c[0]} as a threat to {c2[0]}.",
            f"{s.uk[0]} {verb} {c[1][2]} як загрозу для {c2[1][1]}.",
            f"{josa(s.ko, '은/는')} {josa(c[2], '을/를')} {c2[2]}에 대한 위협으로 본다.",
        ),
        (
            f"Analysts note that {s.en} and {o.en} deepened {c[0]} after {y}.",
            f"Аналітики зазначають, що {s.uk[0]} та {o.uk[0]} поглибили {c[1][2]} після {ty} року.",
            f"분석가들은 {ty}년 이후 {josa(s.ko, '과/와')} {josa(o.ko, '이/가')} "
            f"{josa(c[2], '을/를')} 심화했다고 지적한다.",
        ),
        (
            f"The share of {w[0]} in the exports of {s.en} grew by {d:g} percent in {y}.",
            f"Частка {w[1]} в експорті {s.uk[1]} у {ty} році зросла на {ud} відсотка.",
            f"{ty}년 {s.ko}의 수출에서 {josa(w[2], '이/가')} 차지하는 비중은 {td:g}% 증가했다.",
        ),
        (
            f"{cap(s.en)} uses {c[0]} to overcome {c2[0]}.",
            f"{s.uk[0]} {uses} {c[1][2]} для подолання {c2[1][1]}.",
            f"{josa(s.ko, '은/는')} {josa(c2[2], '을/를')} 극복하기 위해 {josa(c[2], '을/를')} 활용한다.",
        ),
        (
            f"Between {y} and {y2}, {en_int(n)} {w[0]} reached {s.en} from {o.en}.",
            f"У {ty}–{y2} роках з {o.uk[1]} до {s.uk[1]} надійшло {uk_int(tn)} {w[1]}.",
            f"{ty}~{y2}년 {o.ko}에서 {josa(s.ko, '으로/로')} {w[2]} {en_int(tn)}개가 들어왔다.",
        ),
        (
            f"{cap(c[0])} between {s.en} and {o.en} strengthens {c2[0]}.",
            f"{cap(c[1][0])} між {s.uk[3]} та {o.uk[3]} посилює {c2[1][2]}.",
            f"{josa(s.ko, '과/와')} {o.ko} 간의 {josa(c[2], '은/는')} {josa(c2[2], '을/를')} 강화한다.",
        ),
        (
            f"The treaty of {y} binds {s.en} and {o.en} to mutual defence.",
            f"Договір {ty} року зобовʼязує {s.uk[2]} та {o.uk[2]} до взаємної оборони.",
            f"{ty}년 조약은 {josa(s.ko, '과/와')} {o.ko}에 상호 방위 의무를 부과한다.",
        ),
        (
            f"Experts estimate that {en_int(n)} {w[0]} reached {o.en} via {s.en}.",
            f"Експерти оцінюють, що {uk_int(tn)} {w[1]} потрапили до {o.uk[1]} через {s.uk[2]}.",
            f"전문가들은 {w[2]} {en_int(tn)}개가 {josa(s.ko, '을/를')} 거쳐 {o.ko}에 도달한 것으로 추정한다.",
        ),
        (
            f"{cap(s.en)} and {o.en} signed the Treaty on Strategic Partnership in {y}.",
            f"{s.uk[0]} та {o.uk[0]} підписали Договір про стратегічне партнерство у {ty} році.",
            f"{josa(s.ko, '과/와')} {josa(o.ko, '은/는')} {ty}년에 전략적 동반자 관계 조약을 체결했다.",
        ),
        (
            f"In {o.en}, {c[0]} is seen as a response to {c2[0]}.",
            f"В {o.uk[4]} {c[1][0]} сприймається як відповідь на {c2[1][2]}.",
            f"{o.ko}에서 {josa(c[2], '은/는')} {c2[2]}에 대한 대응으로 여겨진다.",
        ),
        (
            f"{cap(s.en)} spent {d:g} percent of its budget on {w[0]} in {y}.",
            f"У {ty} році {s.uk[0]} {'витратили' if s.plural else 'витратила'} {ud} відсотка бюджету на закупівлю "
            f"{w[1]}.",
            f"{josa(s.ko, '은/는')} {ty}년 예산의 {td:g}%를 {w[2]}에 썼다.",
        ),
    ]
    return templates


def generate(path: Path, lang: str, entries: int, seed: int = 2026) -> set[str]:
    """Write the catalog; return the msgctxt of the entries whose numbers were changed."""
    rng = random.Random(seed)
    po = polib.POFile(wrapwidth=0)
    plural = (
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
        if lang == "uk"
        else "nplurals=1; plural=0;"
    )
    po.metadata = {
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": plural,
        "X-Source-Language": "en",
    }
    changed = set()
    for i in range(entries):
        change = rng.random() < 0.15  # two thirds of the patterns hold a number: about 10 % change
        entry_seed = rng.random()
        en, uk, ko = sentence(random.Random(entry_seed), change)
        context = f"dense.p{i // 25 + 1}.s{i % 25 + 1}"
        if change and sentence(random.Random(entry_seed), False)[1:] != (uk, ko):
            changed.add(context)  # the chosen number stands in this sentence: it really differs
        po.append(polib.POEntry(msgctxt=context, msgid=en, msgstr=uk if lang == "uk" else ko))
    po.save(str(path))
    return changed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--lang", default="uk,ko")
    parser.add_argument("--glossary", type=Path, default=ROOT / "glossary" / "terms.csv")
    parser.add_argument("--keep", type=Path, help="keep the generated catalogs in this folder")
    args = parser.parse_args()
    ratios = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for lang in args.lang.split(","):
            po = folder / f"dense.{lang}.po"
            changed = generate(po, lang, args.entries)
            report_path = Path(tmp) / f"report.{lang}.json"
            tw = measure(
                termweave_cmd(str(po), "--glossary", str(args.glossary), "--format", "json"), stdout_path=report_path
            )
            one = measure(termweave_cmd(str(po), "--glossary", str(args.glossary), "--format", "json", "--jobs", "1"))
            pf = measure([str(VENV_BIN / "pofilter"), "--progress=none", str(po), str(Path(tmp) / f"pf.{lang}.po")])
            findings = json.loads(report_path.read_text(encoding="utf-8"))["findings"]
            by_check: dict[str, int] = {}
            for f in findings:
                by_check[f["check"]] = by_check.get(f["check"], 0) + 1
            flagged = {f["context"] for f in findings if f["check"] == "number-mismatch"}
            pf_units = polib.pofile(str(Path(tmp) / f"pf.{lang}.po")) if (Path(tmp) / f"pf.{lang}.po").exists() else []
            pf_numbers = {u.msgctxt for u in pf_units if "(pofilter) numbers" in (u.tcomment or "")}
            print(
                f"\n{lang}: {args.entries} entries, {po.stat().st_size / 2**20:.1f} MiB, "
                f"{len(changed)} with a changed number"
            )
            print(f"  {'tool':<30}{'wall s':>8}{'peak MiB':>10}{'exit':>6}")
            print(f"  {'termweave check (all)':<30}{tw[0]:>8.2f}{tw[1]:>10.0f}{tw[2]:>6}")
            print(f"  {'termweave check --jobs 1':<30}{one[0]:>8.2f}{one[1]:>10.0f}{one[2]:>6}")
            print(f"  {'pofilter (default tests)':<30}{pf[0]:>8.2f}{pf[1]:>10.0f}{pf[2]:>6}")
            print(f"  findings by check: {dict(sorted(by_check.items()))}")
            print(
                f"  changed numbers flagged: termweave {len(flagged & changed)} of {len(changed)} "
                f"(+{len(flagged - changed)} others); pofilter 'numbers' {len(pf_numbers & changed)} "
                f"(+{len(pf_numbers - changed)} others)"
            )
            print(f"  ratio {lang} termweave/pofilter wall time: {tw[0] / pf[0]:.3f}")
            ratios.append((lang, tw[0] / pf[0], tw[1]))
    print(
        "ratio termweave/pofilter: "
        + ", ".join(f"{lang} {r:.3f} ({mib:.0f} MiB)" for lang, r, mib in ratios)
        + " (target <= 0.25, <= 200 MiB)"
    )


if __name__ == "__main__":
    main()
