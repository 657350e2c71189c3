"""Step 5d: the editions as a JATS 1.3 ``<article-meta>`` fragment (``abstract.jats.xml``).

Elements in the order the JATS DTD gives them: ``article-id`` (the bare DOI), ``title-group``
(the source title, a ``trans-title-group`` per target language), ``permissions`` (the seed's
copyright line byte for byte, and a ``license`` whose ``xlink:href`` and ``ali:license_ref``
give the licence URL), ``abstract`` and one ``trans-abstract`` per target language (sentences
joined into their paragraphs), and one ``kwd-group`` per language.

A translation the build had to stand in for with the source text (``--allow-incomplete``)
is not published under the target language's ``xml:lang``: its element is left out and an
XML comment says so.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from termweave.copyright import copyright_year_holder
from termweave.formats.xml import XML_LANG, xml_text

if TYPE_CHECKING:  # the format writes the model it is given; it needs no code of render's
    from termweave.render.edition import Edition

XLINK_NS = "http://www.w3.org/1999/xlink"
MML_NS = "http://www.w3.org/1998/Math/MathML"
ALI_NS = "http://www.niso.org/schemas/ali/1.0/"
NSMAP = {"xlink": XLINK_NS, "mml": MML_NS, "ali": ALI_NS}
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_KEYWORD_SEPARATORS = re.compile(r"\s*[,，、]\s*")


def bare_doi(text: str) -> str:
    """``https://doi.org/10.5281/x`` -> ``10.5281/x`` (JATS wants the DOI itself)."""
    return _DOI_PREFIX.sub("", text.strip())


def split_keywords(text: str) -> list[str]:
    """A keyword line split on commas, without the final full stop."""
    text = text.strip()
    text = re.sub(r"[.。]\s*$", "", text)
    return [k for k in _KEYWORD_SEPARATORS.split(text) if k]


def render_jats(editions: list[Edition]) -> str:
    """``editions[0]`` is the source edition, the rest are translations."""
    from lxml import etree

    if not editions:
        raise ValueError("render_jats needs at least the source edition")
    jats = _Jats(etree, editions[0], editions[1:])
    meta = jats.el(None, "article-meta")
    if (doi := jats.source.text("doi")) is not None:
        jats.el(meta, "article-id", bare_doi(doi), **{"pub-id-type": "doi"})
    jats.titles(meta)
    jats.permissions(meta)
    jats.abstracts(meta)
    jats.keywords(meta)
    return etree.tostring(meta, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")


class _Jats:
    """The elements of one ``<article-meta>``; ``etree`` is lxml's (imported by the caller, lazily)."""

    def __init__(self, etree, source: Edition, targets: list[Edition]):
        self.etree, self.source, self.targets = etree, source, targets

    def el(self, parent, tag: str, text: str | None = None, lang: str | None = None, **attrs):
        if parent is not None:
            element = self.etree.SubElement(parent, tag)
        else:
            element = self.etree.Element(tag, nsmap=NSMAP)
        if lang:
            element.set(XML_LANG, lang)
        for key, value in attrs.items():
            element.set(key, value)
        if text is not None:
            element.text = xml_text(text, self.source.document.path)
        return element

    @staticmethod
    def ready(edition: Edition, *ids: str) -> bool:
        return all(edition.text(i) is not None and i not in edition.stand_ins for i in ids)

    def omitted(self, parent, edition: Edition, what: str) -> None:
        parent.append(self.etree.Comment(f" {edition.lang}: {what} left out: not translated yet "))

    def titles(self, meta) -> None:
        if (title := self.source.text("title")) is None:
            return
        group = self.el(meta, "title-group")
        self.el(group, "article-title", title)
        for edition in self.targets:
            if self.ready(edition, "title"):
                trans = self.el(group, "trans-title-group", lang=edition.lang)
                self.el(trans, "trans-title", edition.text("title"))
            else:
                self.omitted(group, edition, "trans-title-group")

    def permissions(self, meta) -> None:
        copyright_line, licence_text = self.source.text("copyright"), self.source.text("licence")
        if copyright_line is None and licence_text is None:
            return
        permissions = self.el(meta, "permissions")
        if copyright_line is not None:
            self.el(permissions, "copyright-statement", copyright_line)
            parts = copyright_year_holder(copyright_line)
            if parts:
                self.el(permissions, "copyright-year", parts[0])
                if parts[1]:
                    self.el(permissions, "copyright-holder", parts[1])
        if licence_text is not None:
            licence = self.source.licence
            attrs = {f"{{{XLINK_NS}}}href": licence.url} if licence else {}
            element = self.el(permissions, "license", **attrs)
            if licence:
                self.el(element, f"{{{ALI_NS}}}license_ref", licence.url)
            self.el(element, "license-p", licence_text)

    def abstracts(self, meta) -> None:
        for edition in [self.source, *self.targets]:
            ids = [i for paragraph in edition.paragraphs() for i in paragraph]
            tag = "abstract" if edition is self.source else "trans-abstract"
            if edition is not self.source and not self.ready(edition, *ids):
                self.omitted(meta, edition, tag)
                continue
            abstract = self.el(meta, tag, lang=edition.lang)
            if self.ready(edition, "ui.abstract"):
                self.el(abstract, "title", edition.text("ui.abstract"))
            for paragraph in edition.paragraphs():
                self.el(abstract, "p", " ".join(edition.text(i) or "" for i in paragraph))

    def keywords(self, meta) -> None:
        for edition in [self.source, *self.targets]:
            if edition.text("keywords") is None:
                continue
            if not self.ready(edition, "keywords"):
                self.omitted(meta, edition, "kwd-group")
                continue
            group = self.el(meta, "kwd-group", lang=edition.lang)
            if self.ready(edition, "ui.keywords"):
                self.el(group, "title", edition.text("ui.keywords"))
            for keyword in split_keywords(edition.text("keywords") or ""):  # ready(): never None here
                self.el(group, "kwd", keyword)
