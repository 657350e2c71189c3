"""The reviewed translations as a TMX 1.4 translation memory (``termweave tm export``).

One ``<tu>`` per catalog entry (``tuid`` = its msgctxt, the segment id) with a ``<tuv>`` for
the source and one for each language whose translation is reviewed: present, not fuzzy, not
obsolete. A unit no language has reviewed is left out. Plural entries (the project has none)
are left out too: TMX has no plural forms. Nothing in the file depends on the clock, so
exporting twice gives the same bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from termweave import __version__
from termweave.config import Config
from termweave.errors import InputError
from termweave.formats.po import Catalog, Message, load_po
from termweave.fsutil import write_if_changed
from termweave.project import article_places

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass
class Unit:
    context: str | None
    source: str
    translations: dict[str, str] = field(default_factory=dict)  # lang -> reviewed msgstr


def reviewed(entry: Message) -> bool:
    return bool(entry.msgstr) and not entry.fuzzy and not entry.obsolete and not entry.msgid_plural


def collect_units(catalogs: dict[str, Catalog]) -> list[Unit]:
    """Units in catalog order (the first catalog's, then entries only later ones have)."""
    units: dict[tuple[str | None, str], Unit] = {}
    for lang, po in catalogs.items():
        for entry in po:
            if entry.obsolete or entry.msgid_plural:
                continue
            unit = units.setdefault((entry.msgctxt, entry.msgid), Unit(entry.msgctxt, entry.msgid))
            if reviewed(entry):
                _check_xml(entry.msgstr, po, entry)
                unit.translations[lang] = entry.msgstr
    for (_, source), unit in units.items():
        if unit.translations:
            _check_xml(source, None, None)
    return [u for u in units.values() if u.translations]


def _check_xml(text: str, po: Catalog | None, entry: Message | None) -> None:
    bad = _NOT_XML.search(text)
    if bad:
        raise InputError(f"character U+{ord(bad.group()):04X} cannot be written to XML",
                         po.path if po is not None else None, entry.line if entry is not None else None)


def render_tmx(units: list[Unit], source_lang: str, target_langs: tuple[str, ...] | list[str]) -> bytes:
    from lxml import etree

    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", {
        "creationtool": "termweave",
        "creationtoolversion": __version__,
        "datatype": "plaintext",
        "segtype": "sentence",
        "adminlang": "en",
        "srclang": source_lang,
        "o-tmf": "gettext PO",
    })
    body = etree.SubElement(root, "body")
    for unit in units:
        tu = etree.SubElement(body, "tu", tuid=unit.context) if unit.context else etree.SubElement(body, "tu")
        for lang, text in [(source_lang, unit.source)] + [(l, unit.translations[l]) for l in target_langs
                                                          if l in unit.translations]:
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
            etree.SubElement(tuv, "seg").text = text
    # No DOCTYPE: a tool that honours it would look for tmx14.dtd beside the file.
    return etree.tostring(etree.ElementTree(root), xml_declaration=True, encoding="UTF-8", pretty_print=True)


def default_tmx_path(config: Config) -> Path:
    return config.output / f"{config.domain}.tmx"


def export_tmx(config: Config, output: Path | None = None) -> tuple[Path, int, bool]:
    """Write the translation memory; returns (path, units, changed)."""
    places = article_places(config) if config.seeds else []
    folders = [place.folder for place in places] or [config.output]
    units: dict[tuple[str | None, str], Unit] = {}
    for folder in folders:  # every article's catalogs; a text shared by articles is one unit
        catalogs = {}
        for lang in config.target_langs:
            path = folder / f"{lang}.po"
            if not path.exists():
                raise InputError("catalog not found (run termweave update first)", path)
            catalogs[lang] = load_po(path)
        for unit in collect_units(catalogs):
            units.setdefault((unit.context, unit.source), unit)
    output = output or default_tmx_path(config)
    data = render_tmx(list(units.values()), config.source_lang, config.target_langs)
    return output, len(units), write_if_changed(output, data)
