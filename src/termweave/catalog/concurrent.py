"""Merging a translator's save into the catalog termweave is about to write.

A person may save ``uk.po`` in Poedit while ``termweave run`` works on it. When the file on
disk no longer is what termweave read (see :mod:`termweave.fsutil`), the three versions are
compared per message (msgctxt, msgid): every message the translator changed (translation,
flags or translator comments) takes their version, so a person's save wins over termweave's
drafts; a message they changed that termweave no longer has is kept as obsolete; header fields
they changed are kept too. Everything else is termweave's new content.
"""

from __future__ import annotations

from pathlib import Path

from termweave.errors import InputError
from termweave.formats.po import Catalog, Message, dump_po, parse_po
from termweave.fsutil import ConcurrentEditError, decode_utf8

Key = tuple[str | None, str]


def _state(message: Message) -> tuple:
    """What a translator edits in a message."""
    return (message.msgstr, tuple(message.msgstr_plural), tuple(message.flags), tuple(message.translator_comments))


def _index(catalog: Catalog) -> dict[Key, Message]:
    return {m.key: m for m in catalog.messages}


def _parse(data: bytes, path: Path) -> Catalog:
    return parse_po(decode_utf8(data, path), path)


def merge_catalog_edits(base: bytes, ours: bytes, theirs: bytes, path: Path) -> bytes:
    """Our new catalog with every change the translator made since ``base`` applied on top."""
    try:
        their_po = _parse(theirs, path)
    except InputError as exc:
        raise ConcurrentEditError(path, f"their version does not load: {exc}") from None
    base_po, our_po = _parse(base, path), _parse(ours, path)
    base_index, our_index = _index(base_po), _index(our_po)
    for key, their in _index(their_po).items():
        old = base_index.get(key)
        if old is not None and _state(old) == _state(their):
            continue  # untouched by the translator
        mine = our_index.get(key)
        if mine is None:
            if their.first_msgstr:
                their.obsolete = True
                our_po.messages.append(their)
            continue
        mine.msgstr, mine.msgstr_plural = their.msgstr, list(their.msgstr_plural)
        mine.flags, mine.translator_comments = list(their.flags), list(their.translator_comments)
        if not mine.fuzzy:
            mine.previous_msgctxt = mine.previous_msgid = mine.previous_msgid_plural = None
    base_fields = dict(base_po.header_fields)
    for name, value in their_po.header_fields:
        if base_fields.get(name) != value:
            our_po.set_header(name, value)
    return dump_po(our_po).encode("utf-8")
