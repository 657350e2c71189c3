"""Generate a journal project of N articles (seeds, glossary, reviewed catalogs) for benchmarks.

    .venv/bin/python benchmarks/generate_journal.py DIR --articles 1000 [--seed 1]

Each article is a scraped page in the shipped seed's layout (title, DOI, keywords, abstract,
page chrome, copyright, licence), made from the shipped article: paragraphs dropped and
reordered, years and counts changed, a title and a closing sentence of its own. Glossary
terms occur as in the real abstract. The project is then run once (``termweave update``) and
every catalog is filled the way a translator would: the shipped, reviewed translation of each
sentence, with the same numbers changed, so the checks pass on most messages; about 5 % of the
articles are left partly untranslated, as in a journal issue in progress.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "alliance-of-villains.txt"
TOPICS = [
    "sanctions",
    "artillery supplies",
    "energy exports",
    "cyber operations",
    "labour migration",
    "grain corridors",
    "naval drills",
    "satellite launches",
    "arms fairs",
    "border trade",
]
TOPICS_UK = [
    "санкції",
    "постачання артилерії",
    "енергетичний експорт",
    "кібероперації",
    "трудова міграція",
    "зернові коридори",
    "військово-морські навчання",
    "запуски супутників",
    "збройові виставки",
    "прикордонна торгівля",
]
TOPICS_KO = [
    "제재",
    "포탄 공급",
    "에너지 수출",
    "사이버 작전",
    "노동 이주",
    "곡물 회랑",
    "해군 훈련",
    "위성 발사",
    "무기 박람회",
    "국경 무역",
]


def article_page(number: int, rng: random.Random) -> tuple[str, dict[str, str]]:
    """A seed text and the number substitutions made in it (old -> new, applied to translations)."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    abstract_at = next(i for i, line in enumerate(lines) if line.endswith("Abstract")) + 1
    chrome_at = lines.index("Downloads")
    paragraphs = lines[abstract_at:chrome_at]
    kept = sorted(rng.sample(range(len(paragraphs)), rng.randint(3, len(paragraphs))))
    rng.shuffle(kept)
    body = [paragraphs[i] for i in kept]
    year = str(2015 + number % 10)
    topic = number % len(TOPICS)
    closing = f"Case {number} concerns {TOPICS[topic]} observed in {year}."
    body.append(closing)
    title = f"Study {number}: {TOPICS[topic].capitalize()} and the alliance of villains"
    head = [
        title,
        "DOI:",
        f"https://doi.org/10.5281/zenodo.{30000000 + number}Keywords:",
        lines[abstract_at - 1].replace("Abstract", "") + "Abstract",
    ]
    page = "\n".join([*head, *body, *lines[chrome_at:]])
    return page, {"number": str(number), "year": year, "topic": str(topic)}


def translation(msgid: str, lang: str, shipped: dict[str, dict[str, str]], facts: dict[str, str]) -> str:
    if msgid in shipped[lang]:
        return shipped[lang][msgid]
    number, year, topic = facts["number"], facts["year"], int(facts["topic"])
    if msgid.startswith("Study "):
        base = shipped[lang][next(k for k in shipped[lang] if k.startswith("Alliance of villains"))]
        name = (TOPICS_UK if lang == "uk" else TOPICS_KO)[topic]
        return f"Дослідження {number}: {name} і {base}" if lang == "uk" else f"연구 {number}: {name}와 {base}"
    if msgid.startswith("Case "):
        if lang == "uk":
            return f"Випадок {number} стосується теми «{TOPICS_UK[topic]}», що спостерігалася у {year} році."
        return f"사례 {number}는 {year}년에 관찰된 ‘{TOPICS_KO[topic]}’에 관한 것이다."
    return ""


def generate(folder: Path, articles: int, seed: int = 1, termweave: Path | None = None) -> None:
    rng = random.Random(seed)
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "seeds").mkdir(parents=True)
    shutil.copytree(ROOT / "glossary", folder / "glossary", ignore=shutil.ignore_patterns("*.tbx"))
    (folder / "termweave.toml").write_text(
        '[termweave]\nseeds = ["seeds/*.txt"]\nsource_lang = "en"\ntarget_langs = ["uk", "ko"]\n', encoding="utf-8"
    )
    facts = {}
    for number in range(1, articles + 1):
        name = f"article-{number:05d}"
        page, facts[name] = article_page(number, rng)
        (folder / "seeds" / f"{name}.txt").write_text(page, encoding="utf-8")
    termweave = termweave or Path(sys.executable).parent / "termweave"
    subprocess.run([str(termweave), "update", "-q"], cwd=folder, check=True)
    shipped = {
        lang: {e.msgid: e.msgstr for e in polib.pofile(str(ROOT / "translations" / f"{lang}.po"))}
        for lang in ("uk", "ko")
    }
    for name, article_facts in facts.items():
        in_progress = rng.random() < 0.05
        for lang in ("uk", "ko"):
            path = folder / "translations" / name / f"{lang}.po"
            po = polib.pofile(str(path), wrapwidth=78)
            for entry in po:
                if not entry.obsolete and not (in_progress and rng.random() < 0.3):
                    entry.msgstr = translation(entry.msgid, lang, shipped, article_facts)
            po.save(str(path))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.folder, args.articles, args.seed)
    print(f"{args.folder}: {args.articles} articles")


if __name__ == "__main__":
    main()
