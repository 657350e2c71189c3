"""Step 2a: write the gettext template (``translations/termweave.pot``) from the seeds."""

from __future__ import annotations

import os
import re
from pathlib import Path

from termweave import __version__
from termweave.config import Config
from termweave.formats.po import Catalog, Message, po_timestamp, save_po
from termweave.glossary import Glossary
from termweave.glossary.match import matcher_for
from termweave.segment import Document, Segment, parse_seed


def load_documents(config: Config) -> list[Document]:
    return [parse_seed(seed, config.source_lang) for seed in config.seeds]


def context_for(doc: Document, segment: Segment, documents: list[Document]) -> str:
    """The msgctxt of a segment: its id, prefixed with the seed's name when there are several."""
    return segment.id if len(documents) == 1 else f"{doc.path.stem}/{segment.id}"


def glossary_comments(text: str, glossary: Glossary | None, config: Config) -> list[str]:
    """One ``#.`` line per glossary term found in ``text``, with its approved renderings."""
    if glossary is None:
        return []
    hits = matcher_for(config.source_lang).find(text, glossary.terms, source_lang=config.source_lang)
    lines, seen = [], set()
    for hit in hits:
        term = hit.term
        if term.id in seen:
            continue
        seen.add(term.id)
        if term.dnt:
            lines.append(f"glossary {term.id}: {hit.variant} (do not translate)")
            continue
        parts = []
        for lang in config.target_langs:
            allowed = " | ".join(term.allowed(lang, config.source_lang)) or "?"
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


def build_template(documents: list[Document], glossary: Glossary | None, config: Config) -> Catalog:
    comment = "Translation template for " + ", ".join(d.path.name for d in documents) + ", written by termweave."
    fields = {
        "Project-Id-Version": " ".join(doc.path.stem for doc in documents),
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": po_timestamp(),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": config.source_lang,
        "X-Generator": f"termweave {__version__}",
    }
    pot = Catalog(header=Message(msgid="", msgstr="".join(f"{k}: {v}\n" for k, v in fields.items()),
                                 translator_comments=[comment]))
    for doc in documents:
        reference = _relative(doc.path, config.root)
        for segment in doc.translatable():
            pot.messages.append(
                Message(
                    msgctxt=context_for(doc, segment, documents),
                    msgid=segment.text,
                    references=[f"{reference}:{segment.line}"] if segment.line else [],
                    extracted_comments=glossary_comments(segment.text, glossary, config),
                )
            )
    return pot


def _relative(path: Path, root: Path) -> str:
    try:
        return os.path.relpath(path, root)
    except ValueError:
        return str(path)


def extract(config: Config, glossary: Glossary | None, documents: list[Document] | None = None
            ) -> tuple[Catalog, bool]:
    """Write the template; returns it and whether the file changed."""
    pot = build_template(documents if documents is not None else load_documents(config), glossary, config)
    changed = save_po(pot, config.pot_path, {"POT-Creation-Date": po_timestamp()})
    return pot, changed
