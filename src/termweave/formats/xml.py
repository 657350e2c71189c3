"""What the XML formats (TBX, TMX, JATS) share: the xml:lang attribute and the characters
XML 1.0 cannot hold (C0 controls other than tab/newline/carriage return, U+FFFE, U+FFFF)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from termweave.errors import InputError

XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_LANG = f"{{{XML_NS}}}lang"
NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str, path: str | Path | None = None, line: int | None = None) -> str:
    """``text`` unchanged, or an InputError naming the file and line of the first character
    that XML cannot hold (lxml would refuse it with a message naming neither)."""
    bad = NOT_XML.search(text)
    if bad:
        raise InputError(f"character U+{ord(bad.group()):04X} cannot be written to XML", path, line)
    return text


# -- names: any string as a reversible XML NCName (a TBX conceptEntry id, for one) --------------

_NAME_START = (
    "A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_NAME_CHAR = _NAME_START + r"\-.0-9\u00b7\u0300-\u036f\u203f-\u2040"


@cache
def _name_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(first character, other characters) of an NCName. Compiled on first use: classes over
    most of Unicode take ~7 ms to compile, and only the TBX writer needs them."""
    return re.compile(f"[{_NAME_START}]"), re.compile(f"[{_NAME_CHAR}]")


_ESCAPED = re.compile(r"_x([0-9A-F]{4}|[0-9A-F]{8})_")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def encode_id(term_id: str) -> str:
    """A reversible NCName for ``term_id``: other characters as ``_xHHHH_`` (as XmlConvert.EncodeName)."""
    start_re, char_re = _name_patterns()
    out = []
    for index, char in enumerate(term_id):
        allowed = (start_re if index == 0 else char_re).match(char)
        if allowed and not (char == "_" and _ESCAPED.match(term_id, index)):
            out.append(char)
        else:
            out.append(f"_x{ord(char):04X}_" if ord(char) <= 0xFFFF else f"_x{ord(char):08X}_")
    return "".join(out)


def decode_id(name: str) -> str:
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), name)


def has_control(text: str) -> bool:
    """Control characters or line/paragraph separators: not allowed in an id."""
    return _CONTROL.search(text) is not None
