"""Step 2a: the gettext template of one article, with the glossary notes its catalogs carry.

One entry per message (see :mod:`termweave.catalog.identity`): a sentence that occurs twice
is one message with two ``#:`` references. ``#.`` comments name the glossary terms of the
segment with their approved (and forbidden) renderings in every target language; each
language's catalog shows the source and its own language only (:func:`comment_for_language`,
applied by the merge), so adding a language to the project changes no other catalog.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from termweave import __version__
from termweave.catalog.identity import Key, key_of
from termweave.formats.po import Catalog, Message, po_timestamp
from termweave.glossary import Glossary
from termweave.glossary.match import Matcher
from termweave.segment import Document


def glossary_comments(
    text: str, glossary: Glossary | None, matcher: Matcher | None, source_lang: str, target_langs: tuple[str, ...]
) -> list[str]:
    """One ``#.`` line per glossary term found in ``text``, with its approved renderings."""
    if glossary is None or matcher is None or not glossary.terms:
        return []
    lines, seen = [], set()
    for hit in matcher.find(text, glossary.terms, source_lang=source_lang):
        term = hit.term
        if term.id in seen:
            continue
        seen.add(term.id)
        if term.dnt:
            lines.append(f"glossary {term.id}: {hit.variant} (do not translate)")
            continue
        parts = []
        for lang in target_langs:
            allowed = " | ".join(term.allowed(lang, source_lang)) or "?"
            banned = term.banned(lang)
            parts.append(f"{lang}: {allowed}" + (f" (not: {' | '.join(banned)})" if banned else ""))
        lines.append(f"glossary {term.id}: {hit.variant} = " + "; ".join(parts))
    return lines


_LANGUAGE_PART = re.compile(r"; (?=[a-z]{2,3}(?:[-_][A-Za-z0-9]+)*: )")


def comment_for_language(comment: str, lang: str) -> str:
    """The template's ``#.`` notes as the catalog for ``lang`` shows them: each glossary line with the
    source and that language's renderings only (``glossary dprk: DPRK = uk: КНДР``), so adding a
    language to the project changes no other language's catalog."""
    lines = []
    for line in comment.split("\n"):
        head, sep, parts = line.partition(" = ")
        if line.startswith("glossary ") and sep:
            own = [part for part in _LANGUAGE_PART.split(parts) if part.startswith(f"{lang}: ")]
            line = head + sep + own[0] if own else head
        lines.append(line)
    return "\n".join(lines)


def build_template(
    name: str,
    document: Document,
    glossary: Glossary | None,
    matcher: Matcher | None,
    target_langs: tuple[str, ...],
    root: Path,
) -> Catalog:
    """The template of the article ``name`` (its seed segmented into ``document``)."""
    fields = {
        "Project-Id-Version": name,
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": po_timestamp(),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": document.lang,
        "X-Generator": f"termweave {__version__}",
    }
    comment = f"Translation template for {document.path.name}, written by termweave."
    pot = Catalog(
        header=Message(
            msgid="", msgstr="".join(f"{k}: {v}\n" for k, v in fields.items()), translator_comments=[comment]
        )
    )
    messages: dict[Key, Message] = {}
    reference = _relative(document.path, root)
    for segment in document.translatable():
        key = key_of(segment)
        message = messages.get(key)
        if message is None:
            notes = glossary_comments(segment.text, glossary, matcher, document.lang, target_langs)
            message = messages[key] = Message(msgctxt=key[0], msgid=key[1], extracted_comments=notes)
            pot.messages.append(message)
        occurrence = f"{reference}:{segment.line}" if segment.line else None
        if occurrence and occurrence not in message.references:
            message.references.append(occurrence)
    return pot


def _relative(path: Path, root: Path) -> str:
    try:
        return os.path.relpath(path, root)
    except ValueError:
        return str(path)
