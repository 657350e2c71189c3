"""The PO entry model, :class:`Message` (re-exported by :mod:`termweave.formats.po`): in a module
of its own so that the readers (po_read, po_scan) and the codec all build on it without a cycle."""

from __future__ import annotations

from dataclasses import dataclass, field

from termweave.formats.po_comments import apply_comments, block_flags


@dataclass(slots=True)
class Message:
    """One catalog entry. Plural entries hold their forms in ``msgstr_plural`` (``msgstr`` is "")."""

    msgid: str
    msgstr: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr_plural: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    translator_comments: list[str] = field(default_factory=list)
    extracted_comments: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)  # "file:line" (or "file")
    previous_msgctxt: str | None = None
    previous_msgid: str | None = None
    previous_msgid_plural: str | None = None
    obsolete: bool = False
    line: int = 0  # 1-based line of the msgid keyword in the file read; 0 when made in memory
    # The comment lines as read ("#: a.py:1\n# note\n") while the comment fields are unread: the
    # reader leaves them unset, their first access reads them (see _unread_comments).
    _comment_block: str = field(default="", init=False, repr=False, compare=False)

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def translated(self) -> bool:
        """Every form has a translation (fuzzy or not)."""
        if self.msgid_plural is None:
            return bool(self.msgstr)
        return bool(self.msgstr_plural) and all(self.msgstr_plural)

    @property
    def first_msgstr(self) -> str:
        """msgstr, or msgstr[0] of a plural entry: what gettext tests for "has a translation"."""
        if self.msgid_plural is None:
            return self.msgstr
        return self.msgstr_plural[0] if self.msgstr_plural else ""

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    def set_fuzzy(self, fuzzy: bool) -> None:
        if fuzzy and "fuzzy" not in self.flags:
            self.flags.insert(0, "fuzzy")
        elif not fuzzy:
            self.flags = [f for f in self.flags if f != "fuzzy"]

    def pairs(self) -> list[tuple[str, str]]:
        """(source, translation) pairs: one, or one per plural form."""
        if self.msgid_plural is None:
            return [(self.msgid, self.msgstr)]
        return [(self.msgid if i == 0 else self.msgid_plural, s) for i, s in enumerate(self.msgstr_plural)]


# translator_comments, extracted_comments and references: read from the comment lines on first
# access (a check reads none of them; sorting them was a fifth of reading a catalog). The slots
# keep the values; the properties read them, or the comment lines when the reader left them unset.
_UNREAD = {name: Message.__dict__[name] for name in ("translator_comments", "extracted_comments", "references")}
_new_message = Message.__new__


def _read_comment_fields(message: Message) -> None:
    """Set the comment fields the reader left unset from the message's comment lines."""
    block, message._comment_block = message._comment_block, ""
    read = Message("")
    if block:
        apply_comments(read, block[1:-1].split("\n#"))
    for name, slot in _UNREAD.items():
        try:
            slot.__get__(message)
        except AttributeError:
            slot.__set__(message, getattr(read, name))


def _unread_comments(slot) -> property:  # noqa: ANN001 (a slot's member descriptor)
    def get(message: Message) -> list[str]:
        try:
            return slot.__get__(message)
        except AttributeError:
            _read_comment_fields(message)
            return slot.__get__(message)

    return property(get, slot.__set__, slot.__delete__)


for _name, _slot in _UNREAD.items():
    setattr(Message, _name, _unread_comments(_slot))


def read_message(msgid: str, msgstr: str, msgctxt: str | None, comment_block: str, line: int) -> Message:
    """A message as the PO reader makes it: its flags read, its other comment fields left to
    read from ``comment_block`` (its "#" lines as read) on first access."""
    message = _new_message(Message)
    message.msgid, message.msgstr, message.msgctxt, message.msgid_plural = msgid, msgstr, msgctxt, None
    message.msgstr_plural, message.flags = (
        [],
        block_flags(comment_block) if "#," in comment_block or "#!" in comment_block else [],
    )
    message.previous_msgctxt = message.previous_msgid = message.previous_msgid_plural = None
    message.obsolete, message.line, message._comment_block = False, line, comment_block
    return message
