"""Regenerate ``src/termweave/data/cc_licences.json`` from Creative Commons' own data.

    python scripts/cc_titles.py [INPUT] [--output PATH] [--check]

INPUT (default ``tests/data/cc-legal-tools``) is a folder laid out like the repository
https://github.com/creativecommons/cc-legal-tools-data, with a ``manifest.json`` naming every
file it holds and the commit it was read at. Two kinds of file give titles:

- ``docs/licenses/<id>/<version>/rdf`` and ``docs/publicdomain/zero/1.0/rdf``: the RDF that
  cc-legal-tools publishes for each licence; its ``dcterms:title`` in each ``xml:lang`` is the
  title message of that language's legal-code catalog (the script counts where both were read and agree).
- ``legalcode/<locale>/LC_MESSAGES/<id>_40.po`` (``zero_10.po``/``cc0_10.po`` for CC0): the
  legal-code catalog itself; the title is the msgstr of its first message. A catalog read
  overrides the RDF's title (the RDF of a given commit can lag the catalogs: et, newer sk).

Titles CC publishes nowhere are composed, only from CC's own words, and say so: 3.0 (legal code
in English only) from the language's 4.0 element names and the edition word of its deeds
(``EDITION_WORDS``, else CC's untranslated "Unported"); an element CC left untranslated in
capitals (et: "NODERIVATIVES") from the language's own BY-ND title. ``--check`` writes nothing
and exits 1 when the output file differs from what would be written.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from termweave.formats.po import parse_po  # noqa: E402

DEFAULT_INPUT = ROOT / "tests" / "data" / "cc-legal-tools"
DEFAULT_OUTPUT = ROOT / "src" / "termweave" / "data" / "cc_licences.json"
REPOSITORY = "https://github.com/creativecommons/cc-legal-tools-data"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DCTERMS = "{http://purl.org/dc/terms/}"

UNITS = ("by", "by-sa", "by-nc", "by-nd", "by-nc-sa", "by-nc-nd")
LICENCES = [(unit, "4.0") for unit in UNITS] + [(unit, "3.0") for unit in UNITS] + [("zero", "1.0")]
FIRST_LANGUAGES = ("en", "uk", "ko")  # termweave's own languages lead each table
# The deeds' words for the editions CC publishes no legal code for (3.0 unported, CC0 outside its
# legal-code languages), as cc-legal-tools renders deed titles; other languages keep the English word.
# (Read for the earlier data: the uk deed catalog translates both words, the ko one not "Unported".)
DJANGO_UK = "locale/uk/LC_MESSAGES/django.po@041c96af1836227eddffe3ed945b24b6afbaa4a5"
DJANGO_KO = "locale/ko/LC_MESSAGES/django.po@03c58d00ec1de35be553cb6903a7b8f8949f8718"
EDITION_WORDS = {
    "Unported": {"uk": ("Неадаптована", DJANGO_UK), "ko": ("Unported", DJANGO_KO)},
    "Universal": {"uk": ("Універсальна", DJANGO_UK)},
}
# An element CC left in English capitals in a catalog (a placeholder), and the licence naming it alone.
PLACEHOLDERS = {"NONCOMMERCIAL": "by-nc", "NODERIVATIVES": "by-nd", "SHAREALIKE": "by-sa"}
VERSION_RE = re.compile(r"(?<![\d.])\d+\.\d+(?!\d|\.\d)")
FILE_AT_RE = re.compile(r"\S+@[0-9a-f]{40}")
PO_PATH_RE = re.compile(r"legalcode/([^/]+)/LC_MESSAGES/([a-z-]+)_(\d)(\d)\.po")

Titles = dict[tuple[str, str], dict[str, tuple[str, str]]]  # (unit, version) -> lang -> (title, source)


def language_code(locale: str) -> str:
    """CC's locale folder or xml:lang ("zh_Hans", "pt_BR", "zh-hans") as termweave keys it: "zh-hans"."""
    return locale.replace("_", "-").lower()


def tidy(title: str) -> str:
    return " ".join(title.split())


def read_rdf(path: Path, where: str) -> tuple[tuple[str, str], dict[str, tuple[str, str]]]:
    licence = ET.parse(path).getroot()[0]
    unit = licence.findtext(DCTERMS + "identifier") or ""
    version = licence.findtext(DCTERMS + "hasVersion") or ""
    titles = {}
    for element in licence.iter(DCTERMS + "title"):
        lang = language_code(element.get(XML_LANG, ""))
        titles[lang] = (tidy(element.text or ""), f"verbatim: {where} (dcterms:title xml:lang={lang})")
    return (unit, version), titles


def read_catalog(path: Path, where: str, relative: str) -> tuple[tuple[str, str], str, tuple[str, str]]:
    match = PO_PATH_RE.fullmatch(relative)
    if not match:
        raise SystemExit(f"cc_titles: {relative}: not a legal-code catalog path")
    locale, slug, major, minor = match.groups()
    unit = "zero" if slug in ("zero", "cc0") else slug
    first = next(m for m in parse_po(path.read_text(encoding="utf-8"), path).messages if m.msgid)
    return (unit, f"{major}.{minor}"), language_code(locale), (tidy(first.msgstr), f"verbatim: {where}")


def read_inputs(folder: Path) -> Titles:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["files"]
    titles: Titles = {}
    catalogs = []
    for relative, commit in sorted(manifest.items()):
        where = f"{relative}@{commit}"
        if relative.endswith("/rdf"):
            key, found = read_rdf(folder / relative, where)
            titles.setdefault(key, {}).update(found)
        else:
            catalogs.append(read_catalog(folder / relative, where, relative))
    agreeing = 0
    for key, lang, (title, source) in catalogs:
        earlier = titles.setdefault(key, {}).get(lang)
        if earlier and earlier[0] != title:
            print(f"cc_titles: {lang} {key[0]} {key[1]}: the catalog's «{title}» replaces «{earlier[0]}» of the RDF")
        agreeing += bool(earlier) and earlier[0] == title
        titles[key][lang] = (title, source)
    print(f"cc_titles: {len(catalogs)} catalogs read, {agreeing} with the very title the RDF has")
    return titles


def file_of(source: str) -> str:
    """The "path@commit" a source names."""
    match = FILE_AT_RE.search(source)
    return match.group() if match else source


def elements(title: str) -> str:
    """The licence's element names: the title before its version number."""
    match = VERSION_RE.search(title)
    return title[: match.start()].strip() if match else title


def fill_placeholders(titles: Titles) -> None:
    for (_unit, version), table in titles.items():
        for lang, (title, source) in list(table.items()):
            for word, single in PLACEHOLDERS.items():
                if word not in title:
                    continue
                alone = elements(titles[(single, version)][lang][0])
                attribution = elements(titles[("by", version)][lang][0])
                name = alone[len(attribution) :].lstrip(" -‐‑‒–—─")
                title = title.replace(word, name)
                source = (
                    f"composed: {file_of(source)} with CC's untranslated {word} "
                    f"replaced by that language's own element name from its {single} {version} title"
                )
            table[lang] = (title, source)


def edition_word(english: str, lang: str) -> tuple[str, str]:
    word, where = EDITION_WORDS[english].get(lang, (english, ""))
    if where and word == english:
        return word, f"'{english}' in English, as the deeds say it: {where} does not translate it"
    if where:
        return word, f"'{word}' from {where} (msgid {english})"
    return word, f"'{english}' in English (no deed word of this language read; matching ignores the edition word)"


def compose_unported(titles: Titles) -> None:
    """3.0: CC publishes the unported legal code in English only; the deeds name it by the 4.0
    element names of the language (English: the 3.0 element name NoDerivs) and the edition word."""
    for unit in UNITS:
        table = titles.setdefault((unit, "3.0"), {})
        for lang, (title, source) in titles[(unit, "4.0")].items():
            if lang in table:
                continue
            names = elements(title).replace("NoDerivatives", "NoDerivs") if lang == "en" else elements(title)
            word, note = edition_word("Unported", lang)
            where = file_of(source)
            table[lang] = (f"{names} 3.0 {word}", f"composed: the element names of {where}, 3.0 and {note}")


def compose_universal(titles: Titles) -> None:
    table = titles.setdefault(("zero", "1.0"), {})
    for lang in EDITION_WORDS["Universal"]:
        if lang not in table:  # uk: no CC0 legal code, the deed's word
            word, note = edition_word("Universal", lang)
            table[lang] = (f"CC0 1.0 {word}", f"composed: CC0 1.0 and {note}")


def ordered(table: dict[str, tuple[str, str]]) -> list[str]:
    return [lang for lang in FIRST_LANGUAGES if lang in table] + sorted(set(table) - set(FIRST_LANGUAGES))


def entry(unit: str, version: str, table: dict[str, tuple[str, str]]) -> dict:
    code = "CC0 1.0" if unit == "zero" else f"CC {unit.upper()} {version}"
    url = (
        "https://creativecommons.org/publicdomain/zero/1.0/"
        if unit == "zero"
        else f"https://creativecommons.org/licenses/{unit}/{version}/"
    )
    langs = ordered(table)
    return {
        "code": code,
        "id": unit,
        "version": version,
        "url": url,
        "titles": {lang: table[lang][0] for lang in langs},
        "sources": {lang: table[lang][1] for lang in langs},
    }


def about(titles: Titles) -> str:
    sources = [source for table in titles.values() for _, source in table.values()]
    verbatim = sum(source.startswith("verbatim: ") for source in sources)
    four = sorted(titles[("by", "4.0")])
    zero = sorted(titles[("zero", "1.0")])
    return (
        "Official titles of the Creative Commons licences, as Creative Commons publishes them in "
        f"cc-legal-tools-data ({REPOSITORY}; its legal-tool texts are dedicated to the public domain under CC0 1.0). "
        "Regenerate with scripts/cc_titles.py from tests/data/cc-legal-tools (manifest: file and commit). "
        "'verbatim' titles are CC's own: the dcterms:title of the licence's RDF in that language (the title "
        "message of that legal-code catalog) or the first msgstr of the named catalog; 'composed' titles join "
        "CC's own element names and edition word where CC publishes no title: 3.0 (unported legal code in English "
        "only) in every 4.0 language, with the deeds' edition word where read (uk) and CC's untranslated "
        "'Unported' elsewhere. "
        f"4.0 and 3.0: {len(four)} languages ({', '.join(four)}). "
        f"CC0 1.0: the {len(zero) - 1} languages of its legal code plus uk (composed): {', '.join(zero)}; "
        "other languages name CC0 by its code. "
        f"{verbatim} verbatim and {len(sources) - verbatim} composed titles."
    )


def build(folder: Path) -> str:
    titles = read_inputs(folder)
    fill_placeholders(titles)
    compose_unported(titles)
    compose_universal(titles)
    data = {
        "about": about(titles),
        "source": REPOSITORY,
        "licences": [entry(unit, version, titles[(unit, version)]) for unit, version in LICENCES],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", nargs="?", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if the output differs")
    args = parser.parse_args(argv)
    text = build(args.input)
    sources = [s for entry in json.loads(text)["licences"] for s in entry["sources"].values()]
    verbatim = sum(s.startswith("verbatim: ") for s in sources)
    languages = {lang for entry in json.loads(text)["licences"] for lang in entry["titles"]}
    print(f"cc_titles: {len(languages)} languages, {verbatim} verbatim and {len(sources) - verbatim} composed titles")
    if args.check:
        same = args.output.exists() and args.output.read_text(encoding="utf-8") == text
        print(f"cc_titles: {args.output} {'is' if same else 'is NOT'} what {args.input} regenerates")
        return 0 if same else 1
    temporary = args.output.with_suffix(".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(args.output)
    print(f"cc_titles: wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
