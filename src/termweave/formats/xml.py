"""What the XML formats (TBX, TMX, JATS) share: the xml:lang attribute and the characters
XML 1.0 cannot hold (C0 controls other than tab/newline/carriage return, U+FFFE, U+FFFF)."""

from __future__ import annotations

import re
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
