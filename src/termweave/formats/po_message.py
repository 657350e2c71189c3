"""The PO entry model, :class:`Message` (re-exported by :mod:`termweave.formats.po`): in a module
of its own so that the readers (po_read, po_scan) and the codec all build on it without a cycle."""

from __future__ import annotations

from dataclasses import dataclass, field


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
