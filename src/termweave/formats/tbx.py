"""The glossary as TBX (ISO 30042, TBX-Basic dialect), both ways.

Export writes one concept entry per term, one language section per language and one term
section per variant -- as TBX v2 (``martif``/``termEntry``/``langSet``/``tig``, the form
translate-toolkit's ``tbx2po`` and Weblate read) by default, or as TBX v3 (``tbx``/
``conceptEntry``/``langSec``/``termSec``, ISO 30042:2019, DCA style) on request. The variant's
place in the CSV cell becomes its administrative status: the first is
``preferredTerm-admn-sts``, the others ``admittedTerm-admn-sts``, and the ``<lang>_forbidden``
ones ``deprecatedTerm-admn-sts``. The CSV ``note`` becomes a concept-level ``<note>``; the
``cldr`` code and the do-not-translate mark, which TBX-Basic has no data category for, become
two more notes a terminologist can read in any tool (``CLDR: KP``, ``Do not translate.``).

Import reads that back, and TBX written by other tools: TBX v3 (DCA or DCT style) and TBX v2
(``tig`` or ``ntig``). Definitions and notes at any level are joined into the note; superseded
terms count as forbidden; categories a CSV glossary has no column for (part of speech, context,
transactions ...) are dropped. The parser resolves no entity and opens no network or file: a
document that declares entities is refused. ``glossary/merge.py`` folds the terms into the CSV.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from termweave import __version__
from termweave.config import check_language
from termweave.errors import InputError
from termweave.formats.glossary_csv import META_COLUMNS, VARIANT_SEPARATOR, Glossary, Term
from termweave.formats.xml import XML_LANG, decode_id, encode_id, has_control, xml_text
from termweave.fsutil import read_text

TBX_NS = "urn:iso:std:iso:30042:ed-2"
SCHEMAS = (
    (
        "https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/"
        "TBXcoreStructV03_TBX-Basic_integrated.rng",
        "http://relaxng.org/ns/structure/1.0",
    ),
    (
        "https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch",
        "http://purl.oclc.org/dsdl/schematron",
    ),
)
PREFERRED, ADMITTED, DEPRECATED = "preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts"
DNT_NOTE = "Do not translate."
CLDR_NOTE = re.compile(r"^CLDR:\s*(?P<code>[A-Za-z0-9]{2,8})$")
_DNT_NOTE = re.compile(r"^do[\s-]+not[\s-]+translate\.?$", re.IGNORECASE)
_FORBIDDEN_STATUSES = {"deprecatedterm", "supersededterm"}
_STATUS_TYPES = {"administrativeStatus", "normativeAuthorization"}


# -- export -------------------------------------------------------------------------------


@dataclass(frozen=True)
class TbxForm:
    """Element names of one TBX version (TBX-Basic in both)."""

    name: str
    namespace: str | None
    root: str
    header: str
    entry: str
    lang_sec: str
    term_sec: str


# TBX v2 (ISO 30042:2008, <martif>) is what translate-toolkit (tbx2po, Pootle) and Weblate read;
# TBX v3 (ISO 30042:2019) is the current standard.
TBX_V2 = TbxForm("TBX-Basic v2 (martif)", None, "martif", "martifHeader", "termEntry", "langSet", "tig")
TBX_V3 = TbxForm("TBX-Basic v3", TBX_NS, "tbx", "tbxHeader", "conceptEntry", "langSec", "termSec")
TBX_FORMS = {"tbx": TBX_V2, "tbx3": TBX_V3}


def glossary_to_tbx(glossary: Glossary, source_lang: str = "en", form: TbxForm = TBX_V2) -> bytes:
    """The glossary as a TBX-Basic document, UTF-8: v2 (``martif``) by default, or v3 (DCA style)."""
    from lxml import etree

    def tag(name: str) -> str:
        return f"{{{form.namespace}}}{name}" if form.namespace else name

    root = etree.Element(tag(form.root), nsmap={None: form.namespace} if form.namespace else None)
    root.set("type", "TBX-Basic")
    if form is TBX_V3:
        root.set("style", "dca")
    root.set(XML_LANG, source_lang)
    tree = etree.ElementTree(root)
    if form is TBX_V3:
        for href, schema_type in SCHEMAS:
            root.addprevious(
                etree.PI("xml-model", f'href="{href}" type="application/xml" schematypens="{schema_type}"')
            )

    def sub(parent, name: str, text: str | None = None, **attrs):
        element = etree.SubElement(parent, tag(name))
        for key, value in attrs.items():
            element.set(XML_LANG if key == "lang" else key, value)
        if text is not None:
            element.text = xml_text(text, glossary.path)
        return element

    file_desc = sub(sub(root, form.header), "fileDesc")
    sub(sub(file_desc, "titleStmt"), "title", f"termweave glossary {glossary.path.name}")
    sub(
        sub(file_desc, "sourceDesc"),
        "p",
        f"Exported by termweave {__version__} from {glossary.path.name}: the first variant of a cell is "
        "preferred, the others admitted, the <lang>_forbidden ones deprecated.",
    )
    body = sub(sub(root, "text"), "body")
    for term in glossary.terms:
        entry = sub(body, form.entry, id=encode_id(term.id))
        for note in _notes_of(term):
            sub(entry, "note", note)
        for lang in _export_languages(glossary):
            statuses = [(v, PREFERRED if i == 0 else ADMITTED) for i, v in enumerate(term.variants.get(lang, ()))]
            statuses += [(v, DEPRECATED) for v in term.forbidden.get(lang, ())]
            if not statuses:
                continue  # TBX: a langSec holds at least one termSec
            lang_sec = sub(entry, form.lang_sec, lang=lang)
            for variant, status in statuses:
                term_sec = sub(lang_sec, form.term_sec)
                sub(term_sec, "term", variant)
                sub(term_sec, "termNote", status, type="administrativeStatus")
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _export_languages(glossary: Glossary) -> list[str]:
    """The glossary's language columns, then languages that only have forbidden variants."""
    languages = list(glossary.languages)
    for term in glossary.terms:
        languages += [lang for lang, values in term.forbidden.items() if values and lang not in languages]
    return languages


def _notes_of(term: Term) -> list[str]:
    notes = [term.note] if term.note else []
    if term.cldr:
        notes.append(f"CLDR: {term.cldr}")
    if term.dnt:
        notes.append(DNT_NOTE)
    return notes


# -- import -------------------------------------------------------------------------------


@dataclass
class TbxGlossary:
    """Terms read from a TBX file, with the languages in the order met."""

    path: Path
    terms: list[Term]
    languages: list[str]
    dialect: str  # "TBX v3" | "TBX v2 (martif)"


def parse_tbx(path: str | Path, source_lang: str = "en", languages: tuple[str, ...] = ()) -> TbxGlossary:
    """Read a TBX file into terms; any problem is one InputError naming the file and line.

    ``languages`` are the project's language codes: ``en-US`` in the file fills ``en``.
    """
    from lxml import etree

    path = Path(path)
    root = _parse_xml(etree, path)
    root_name = etree.QName(root).localname
    if root_name == "tbx":
        dialect, entry_tag, lang_tag = "TBX v3", "conceptEntry", "langSec"
    elif root_name == "martif":
        dialect, entry_tag, lang_tag = "TBX v2 (martif)", "termEntry", "langSet"
    else:
        raise InputError(
            f"not a TBX file: the root element is <{root_name}>, expected <tbx> or <martif>", path, root.sourceline
        )
    raw_entries, codes = _entries(etree, root, entry_tag, lang_tag, path)
    column_of = _columns_for(codes, (source_lang, *languages))
    for _entry, sections in raw_entries:
        for code, lang_sec in sections:
            if column_of[code] in META_COLUMNS:
                raise InputError(
                    f"language {code!r} cannot be a glossary column: the CSV has a "
                    f"{column_of[code]!r} column of its own",
                    path,
                    lang_sec.sourceline,
                )
    terms: list[Term] = []
    seen: dict[str, int] = {}
    for entry, sections in raw_entries:
        variants, forbidden = _concept_terms(sections, column_of, path)
        notes, cldr, dnt = _entry_notes(entry)
        source_variants = variants.get(source_lang, [])
        term_id = _term_id(entry.get("id"), path, entry.sourceline)
        if not source_variants:
            label = f"concept {term_id!r}" if term_id else "a concept"
            raise InputError(f"{label} has no {source_lang!r} term", path, entry.sourceline)
        ordered = {lang: tuple(v for _, v in sorted(items, key=lambda rv: rv[0])) for lang, items in variants.items()}
        if term_id is None:
            term_id = _unique_slug(ordered[source_lang][0], seen)
        if term_id in seen:
            raise InputError(f"duplicate id {term_id!r} (first on line {seen[term_id]})", path, entry.sourceline)
        seen[term_id] = entry.sourceline
        terms.append(
            Term(
                id=term_id,
                line=entry.sourceline,
                variants=ordered,
                forbidden={lang: tuple(v) for lang, v in forbidden.items()},
                note=" ".join(notes),
                cldr=cldr,
                dnt=dnt,
            )
        )
    ordered_languages = list(dict.fromkeys(column_of[code] for code in codes))
    return TbxGlossary(path, terms, ordered_languages, dialect)


def _parse_xml(etree, path: Path):
    """The root element, read without entities, DTDs or the network."""
    text = read_text(path)  # strict UTF-8, with the line of a bad byte
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True, remove_pis=True
    )
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or (exc.position[0] if exc.position else None)
        raise InputError(f"malformed XML: {exc.msg}", path, line) from None
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        line = text[: text.find("<!ENTITY")].count("\n") + 1 if "<!ENTITY" in text else 1
        raise InputError("the document declares entities; refusing to read it (TBX needs none)", path, line)
    return root


def _entries(etree, root, entry_tag: str, lang_tag: str, path: Path) -> tuple[list, list[str]]:
    """Each concept with its (language code, language section) pairs; the codes in file order."""
    raw_entries = []
    codes: list[str] = []
    for entry in root.iter():
        if not isinstance(entry.tag, str) or etree.QName(entry).localname != entry_tag:
            continue
        sections = []
        for lang_sec in entry:
            if not isinstance(lang_sec.tag, str) or etree.QName(lang_sec).localname != lang_tag:
                continue
            code = lang_sec.get(XML_LANG) or lang_sec.get("lang")
            if not code:
                raise InputError(f"<{lang_tag}> without xml:lang", path, lang_sec.sourceline)
            code = check_language(code.strip(), path, lang_sec.sourceline)
            if code not in codes:
                codes.append(code)
            sections.append((code, lang_sec))
        raw_entries.append((entry, sections))
    if not raw_entries:
        raise InputError(f"no <{entry_tag}> elements: an empty term base", path, root.sourceline)
    return raw_entries, codes


def _concept_terms(
    sections: list, column_of: dict[str, str], path: Path
) -> tuple[dict[str, list[tuple[int, str]]], dict[str, list[str]]]:
    """One concept's (rank, variant) per column (preferred first) and its forbidden variants."""
    variants: dict[str, list[tuple[int, str]]] = {}
    forbidden: dict[str, list[str]] = {}
    for code, lang_sec in sections:
        column = column_of[code]
        for term_sec in _term_sections(lang_sec):
            term_element = next((e for e in term_sec.iter() if _local(e) == "term"), None)
            if term_element is None:
                raise InputError("term section without <term>", path, term_sec.sourceline)
            value = _clean("".join(term_element.itertext()))
            if not value:
                raise InputError("empty <term>", path, term_element.sourceline)
            if VARIANT_SEPARATOR in value:
                raise InputError(
                    f"term {value!r} contains {VARIANT_SEPARATOR!r}, the CSV variant separator",
                    path,
                    term_element.sourceline,
                )
            status = _status(term_sec)
            if status in _FORBIDDEN_STATUSES:
                _add_unique(forbidden.setdefault(column, []), value)
            else:
                rank = 0 if status == "preferredterm" else 1
                if value not in (v for _, v in variants.get(column, [])):
                    variants.setdefault(column, []).append((rank, value))
    return variants, forbidden


def _term_id(raw: str | None, path: Path, line: int | None) -> str | None:
    """The term id a concept's ``id`` attribute names (``_xHHHH_`` escapes decoded), or None when it
    has none; an id the glossary CSV cannot hold as it is (surrounding or control characters) is an
    error rather than an id the loader would read differently."""
    if raw is None or not raw.strip():
        return None
    term_id = decode_id(raw.strip())
    if term_id != term_id.strip() or has_control(term_id):
        raise InputError(
            f"concept id {raw.strip()!r} decodes to {term_id!r}: a term id cannot start or end with "
            "whitespace or hold control characters",
            path,
            line,
        )
    return term_id


def _local(element) -> str | None:
    if not isinstance(element.tag, str):
        return None
    return element.tag.rsplit("}", 1)[-1]


def _clean(text: str) -> str:
    """Undo pretty-printing (line breaks and their indentation), keep other spacing."""
    return re.sub(r"[ \t]*[\r\n]+\s*", " ", text).strip()


def _add_unique(items: list[str], value: str) -> None:
    if value not in items:
        items.append(value)


def _columns_for(codes: list[str], project: tuple[str, ...]) -> dict[str, str]:
    """The CSV column of each xml:lang: the project's code if it names the same language
    (``en-US`` -> ``en``), else the bare language when only one region of it occurs."""

    def base(code: str) -> str:
        return re.split(r"[-_]", code)[0].lower()

    columns = {}
    for code in codes:
        exact = next((p for p in project if p.lower() == code.lower().replace("_", "-")), None)
        by_base = next((p for p in project if p.lower() == base(code)), None)
        if found := exact or by_base:
            columns[code] = found
        elif sum(base(c) == base(code) for c in codes) == 1:
            columns[code] = base(code)
        else:
            columns[code] = code
    return columns


def _term_sections(lang_sec):
    """termSec (v3), tig and ntig (v2), in document order."""
    for child in lang_sec:
        if _local(child) in ("termSec", "tig", "ntig"):
            yield child


def _status(term_sec) -> str | None:
    for element in term_sec.iter():
        name = _local(element)
        if name in ("termNote", "descrip") and element.get("type") in _STATUS_TYPES or name in _STATUS_TYPES:
            value = _clean("".join(element.itertext())).replace("-admn-sts", "")
            return value.casefold()
    return None


def _entry_notes(entry) -> tuple[list[str], str, bool]:
    """Notes and definitions anywhere in the entry; our CLDR and do-not-translate notes apart."""
    notes, cldr, dnt = [], "", False
    for element in entry.iter():
        name = _local(element)
        is_definition = (name == "descrip" and element.get("type") == "definition") or name == "definition"
        if name != "note" and not is_definition:
            continue
        text = _clean("".join(element.itertext()))
        if not text:
            continue
        cldr_match = CLDR_NOTE.match(text)
        if name == "note" and cldr_match and not cldr:
            cldr = cldr_match.group("code")
        elif name == "note" and _DNT_NOTE.match(text):
            dnt = True
        else:
            notes.append(text)
    return notes, cldr, dnt


def _unique_slug(text: str, seen: dict[str, int]) -> str:
    slug = re.sub(r"[^\w]+", "-", text.casefold()).strip("-") or "term"
    candidate, number = slug, 2
    while candidate in seen:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate
