"""Which catalog entry a segment is: gettext's model, where the source text is the identity.

A message is identified by (``msgctxt``, ``msgid``). The source text is the identity;
``msgctxt`` only tells apart what could share a text but is not the same message — the kind of
segment: ``title``, ``keywords``, ``licence`` and the edition's labels ``ui.keywords`` /
``ui.abstract``. Abstract sentences carry no ``msgctxt`` at all; where a sentence stands lives
in its ``#:`` reference. So inserting or deleting a paragraph, or adding, removing or
reordering articles, never changes another message's identity or review state.

Catalogs written before this scheme used positions (``abstract.p3.s2``, with a ``<seed>/``
prefix when a project had several seeds); :func:`migrate_catalog` rewrites them on load,
keeping every translation and its review state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from termweave.formats.po import Catalog, Message
from termweave.segment import Segment

# Old positional contexts: "abstract.p3.s2", "title", ..., optionally "<seed stem>/" first.
_LEGACY_CONTEXT = re.compile(
    r"^(?:(?P<article>[^/]+)/)?(?P<id>abstract\.p\d+\.s\d+|title|keywords|licence|ui\.keywords|ui\.abstract)$"
)
ANOTHER_TRANSLATION = "termweave: another translation of this text, kept from an older catalog: "

Key = tuple[str | None, str]


def context_of(segment: Segment) -> str | None:
    """The ``msgctxt`` of a segment: its kind for the one-of-a-kind parts, none for a sentence."""
    return None if segment.kind == "sentence" else segment.id


def key_of(segment: Segment) -> Key:
    return context_of(segment), segment.text


def entry_key(entry: Message) -> Key:
    return entry.msgctxt, entry.msgid


def is_translated(entry: Message) -> bool:
    """Has a translation (gettext's test: msgstr, or msgstr[0] of a plural entry)."""
    return bool(entry.first_msgstr)


def is_reviewed(entry: Message) -> bool:
    return is_translated(entry) and not entry.fuzzy


def _new_context(context: str | None) -> tuple[str | None, str | None, bool]:
    """(article prefix, the context in the current scheme, whether it was a legacy one)."""
    found = _LEGACY_CONTEXT.match(context or "")
    if not found:
        return None, context, False
    ident = found.group("id")
    return found.group("article"), (None if ident.startswith("abstract.") else ident), True


@dataclass
class Migration:
    """What :func:`migrate_catalog` did to one catalog."""

    rewritten: int = 0  # entries whose positional context was replaced
    merged: int = 0  # entries that became one with an equal message (their text kept)
    foreign: int = 0  # entries of another article, left out of this article's catalog


def migrate_catalog(po: Catalog, article: str) -> Migration:
    """Rewrite positional contexts in ``po`` (in place) for the article named ``article``.

    An entry prefixed with another article's name is removed (it belongs to that article's
    catalog). Two entries that become the same message (a sentence that occurred twice) are
    merged; a second, different translation is kept in a translator comment, never dropped.
    """
    migration = Migration()
    kept: dict[tuple[Key, bool], Message] = {}
    result: list[Message] = []
    for entry in po:
        prefix, context, legacy = _new_context(entry.msgctxt)
        if legacy and prefix not in (None, article):
            migration.foreign += 1
            continue
        if legacy and context != entry.msgctxt:
            entry.msgctxt = context
            migration.rewritten += 1
        if entry.previous_msgctxt is not None:
            entry.previous_msgctxt = _new_context(entry.previous_msgctxt)[1]
        same = kept.get(((entry.msgctxt, entry.msgid), entry.obsolete))
        if same is None:
            kept[(entry.msgctxt, entry.msgid), entry.obsolete] = entry
            result.append(entry)
            continue
        migration.merged += 1
        _absorb(same, entry)
    po.messages[:] = result
    return migration


def _absorb(kept: Message, other: Message) -> None:
    """Fold ``other`` (the same message) into ``kept``: the reviewed translation wins; a
    different text of the other is kept in a translator comment."""
    if is_reviewed(other) and not is_reviewed(kept):
        kept.msgstr, other.msgstr = other.msgstr, kept.msgstr
        kept.flags = list(other.flags)
    kept.references.extend(r for r in other.references if r not in kept.references)
    if other.msgstr and other.msgstr != kept.msgstr:
        kept.translator_comments.append(ANOTHER_TRANSLATION + other.msgstr.replace("\n", "\\n"))


def keep_reviewed(old: Catalog | None, merged: Catalog) -> int:
    """Keep every reviewed message of ``old`` in ``merged``: one whose source changed lives on
    as an obsolete entry, so undoing the change restores it, reviewed, by an exact match.
    Returns the number of entries added."""
    if old is None:
        return 0
    present = {entry_key(e) for e in merged.messages}
    added = 0
    for entry in old.messages:
        if not entry.msgid or not is_reviewed(entry) or entry_key(entry) in present:
            continue
        merged.messages.append(
            Message(
                msgid=entry.msgid,
                msgstr=entry.msgstr,
                msgctxt=entry.msgctxt,
                msgid_plural=entry.msgid_plural,
                msgstr_plural=list(entry.msgstr_plural),
                flags=[f for f in entry.flags if f != "fuzzy"],
                translator_comments=list(entry.translator_comments),
                obsolete=True,
            )
        )
        present.add(entry_key(entry))
        added += 1
    return added
