"""The review page on a phone, a tablet and a desktop, and its term colours, against a baseline page.

    .venv/bin/python benchmarks/review_page.py [--baseline-src DIR]

1. Copies the shipped project, revises one word of the first abstract sentence and runs
   ``termweave update`` and ``termweave report`` (a real fuzzy entry, with its previous source).
2. With ``--baseline-src`` (the ``src`` folder of another checkout, e.g. ``git archive main src |
   tar -x -C /tmp/base`` then ``--baseline-src /tmp/base/src``) writes the same project's page
   with that code too, in the same run.
3. Opens each page in Debian's headless chromium at 360, 768 and 1400 px and prints the page's
   scroll width (target: ≤ the viewport), how many of the 12 summary counts lie on screen, and the
   narrowest translation column; then, per page, the segments holding two or more glossary terms
   and how many of them show two different terms in one look (colour and underline).

Nothing is asserted: the figures are printed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import lxml.html

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "render")]
from test_report import LAYOUT_PROBE, Browser  # noqa: E402  (the tests' chromium driver)


def make_project(folder: Path) -> Path:
    for name in ("seeds", "glossary", "translations"):
        shutil.copytree(ROOT / name, folder / name, ignore=shutil.ignore_patterns("*.md", "*.html", "*.mo", "*.xml"))
    shutil.copy(ROOT / "termweave.toml", folder / "termweave.toml")
    seed = folder / "seeds" / "alliance-of-villains.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("The current nature", "The present nature"), "utf-8")
    subprocess.run([sys.executable, "-m", "termweave", "update", "-q"], cwd=folder, check=True)
    return folder


def write_page(folder: Path, output: Path, src: Path | None) -> Path:
    env = dict(os.environ, PYTHONPATH=str(src)) if src else None
    subprocess.run(
        [sys.executable, "-m", "termweave", "report", "-q", "-o", str(output)],
        cwd=folder,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return output


def colour_figures(page: Path) -> tuple[int, int]:
    tree = lxml.html.document_fromstring(page.read_text(encoding="utf-8"))
    with_terms = shared = 0
    for row in tree.xpath('//tr[contains(@class, "segment")]'):
        looks: dict[str, str] = {}
        for span in row.xpath(".//span[@data-term]"):
            looks.setdefault(
                span.get("data-term"), next(c for c in span.get("class").split() if re.fullmatch(r"c\d+", c))
            )
        if len(looks) >= 2:
            with_terms += 1
            shared += len(set(looks.values())) < len(looks)
    return with_terms, shared


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline-src", type=Path, help="src folder of the code to compare with")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = make_project(Path(tmp) / "project")
        pages = {"termweave": write_page(folder, Path(tmp) / "report.html", None)}
        if args.baseline_src:
            pages["baseline"] = write_page(folder, Path(tmp) / "baseline.html", args.baseline_src.resolve())
        browser = Browser(Path(tmp) / "profile")
        try:
            print(f"{'page':<10} {'width':>5} {'scrollWidth':>11} {'counts on screen':>16} {'narrowest text':>14}")
            for name, page in pages.items():
                for width in (360, 768, 1400):
                    browser.send(
                        "Emulation.setDeviceMetricsOverride",
                        {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 800},
                    )
                    browser.open(page.as_uri())
                    probe = browser.js(LAYOUT_PROBE)
                    counts = f"{sum(probe['counts'])}/{len(probe['counts'])}"
                    print(
                        f"{name:<10} {width:>5} {probe['scrollWidth']:>11} {counts:>16} "
                        f"{probe['narrowestText']:>12.0f}px"
                    )
        finally:
            browser.close()
        for name, page in pages.items():
            with_terms, shared = colour_figures(page)
            print(f"{name}: {shared} of {with_terms} segments with two or more terms show two terms in one look")


if __name__ == "__main__":
    main()
