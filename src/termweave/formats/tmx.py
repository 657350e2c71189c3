"""The reviewed translations as a TMX 1.4 translation memory (``termweave tm export``).

One ``<tu>`` per catalog entry (``tuid`` = its msgctxt, the segment id) with a ``<tuv>`` for
the source and one for each language whose translation is reviewed: present, not fuzzy, not
obsolete. A unit no language has reviewed is left out. Plural entries (the project has none)
are left out too: TMX has no plural forms. Nothing in the file depends on the clock, so
exporting twice gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from termweave import __version__
from termweave.formats.po import Catalog, Message
from termweave.formats.xml import XML_LANG, xml_text


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
                xml_text(entry.msgstr, po.path, entry.line)
                unit.translations[lang] = entry.msgstr
    for (_, source), unit in units.items():
        if unit.translations:
            xml_text(source)
    return [u for u in units.values() if u.translations]


def render_tmx(units: list[Unit], source_lang: str, target_langs: tuple[str, ...] | list[str]) -> bytes:
    from lxml import etree

    root = etree.Element("tmx", version="1.4")
    etree.SubElement(
        root,
        "header",
        {
            "creationtool": "termweave",
            "creationtoolversion": __version__,
            "datatype": "plaintext",
            "segtype": "sentence",
            "adminlang": "en",
            "srclang": source_lang,
            "o-tmf": "gettext PO",
        },
    )
    body = etree.SubElement(root, "body")
    for unit in units:
        tu = etree.SubElement(body, "tu", tuid=unit.context) if unit.context else etree.SubElement(body, "tu")
        for lang, text in [(source_lang, unit.source)] + [
            (code, unit.translations[code]) for code in target_langs if code in unit.translations
        ]:
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
            etree.SubElement(tuv, "seg").text = text
    # No DOCTYPE: a tool that honours it would look for tmx14.dtd beside the file.
    return etree.tostring(etree.ElementTree(root), xml_declaration=True, encoding="UTF-8", pretty_print=True)
