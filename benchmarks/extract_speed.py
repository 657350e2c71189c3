"""Is ``extract`` as fast with a Ukrainian source as with an English one of the same size?

    .venv/bin/python benchmarks/extract_speed.py [--articles 20] [--repeat 3]

Builds two projects from the shipped article: the English seed, and the same page in Ukrainian
(every title, keyword and abstract sentence replaced by its reviewed translation from
``translations/uk.po``, the labels and chrome in Ukrainian), each copied ``--articles`` times as
separate seeds, with the shipped glossary (en/uk/ko columns) and ``source_lang`` en or uk. Then
times ``termweave extract -q`` in a fresh process per run (CPU user+sys of the child, the best of
``--repeat``), so the Ukrainian figure includes loading pymorphy3 and tokenize-uk once.
Prints both times and the ratio uk/en (the English source is the baseline, measured in the
same run). Target: ratio ≤ 1.5. To time another copy of the code, set ``PYTHONPATH`` to its
``src/``.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from termweave.formats.po import load_po

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "alliance-of-villains.txt"
UK_CHROME = {
    "Downloads": "Завантаження",
    "Published": "Опубліковано",
    "How to Cite": "Як цитувати",
    "Issue": "Випуск",
    "Section": "Розділ",
    "License": "Ліцензія",
}


def ukrainian_page() -> str:
    """The shipped page with every translatable text in its reviewed Ukrainian translation."""
    text = SEED.read_text(encoding="utf-8")
    translations = {
        m.msgid: m.msgstr for m in load_po(ROOT / "translations" / "uk.po").messages if m.msgstr and not m.obsolete
    }
    for msgid in sorted(translations, key=len, reverse=True):  # a sentence before its parts
        if len(msgid) > 12:
            text = text.replace(msgid, translations[msgid])
    text = text.replace("Keywords:", "Ключові слова:").replace(".Abstract\n", ".Анотація\n")
    lines = [UK_CHROME.get(line, line) for line in text.split("\n")]
    return "\n".join(lines)


def make_project(folder: Path, lang: str, page: str, articles: int) -> None:
    (folder / "seeds").mkdir(parents=True)
    for n in range(articles):
        (folder / "seeds" / f"article-{n:03}.txt").write_text(page, encoding="utf-8")
    shutil.copytree(ROOT / "glossary", folder / "glossary")
    targets = ", ".join(f'"{t}"' for t in ("en", "uk", "ko") if t != lang)
    (folder / "termweave.toml").write_text(
        f'[termweave]\nseeds = ["seeds/*.txt"]\nsource_lang = "{lang}"\ntarget_langs = [{targets}]\n'
        'glossary = "glossary/terms.csv"\n',
        encoding="utf-8",
    )


def cpu_of(folder: Path) -> float:
    """CPU seconds (user+sys) of one ``termweave extract`` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-m", "termweave", "extract", "-q"], cwd=folder, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    pages = {"en": SEED.read_text(encoding="utf-8"), "uk": ukrainian_page()}
    times = {}
    with tempfile.TemporaryDirectory() as tmp:
        for lang, page in pages.items():
            folder = Path(tmp) / lang
            make_project(folder, lang, page, args.articles)
            times[lang] = min(cpu_of(folder) for _ in range(args.repeat))
            size = len(page) * args.articles
            print(f"{lang} source: {args.articles} articles, {size:,} characters: extract {times[lang]:.2f} s CPU")
    print(f"ratio uk/en: {times['uk'] / times['en']:.2f} (target ≤ 1.5)")


if __name__ == "__main__":
    main()
