"""Step 5c: compile each catalog into a binary ``.mo`` file, byte for byte as GNU ``msgfmt``.

``msgfmt`` (gettext 0.21, the default options) keeps the translated entries only: fuzzy,
untranslated (the first or only ``msgstr`` empty) and obsolete entries are left out, except
that the header is kept even when it is fuzzy. It drops the ``POT-Creation-Date`` line from
the header (reproducible builds), sorts the messages by ``msgctxt EOT msgid`` (``strcmp``),
and appends a hash table of ``next_prime(4n/3)`` slots filled with double hashing. The layout
below follows gettext's ``write-mo.c``; tests compare our bytes with ``msgfmt``'s.
"""

from __future__ import annotations

import struct
from pathlib import Path

from termweave.config import Config
from termweave.console import Console
from termweave.errors import InputError
from termweave.formats.po import Catalog, Message, load_po, parse_po
from termweave.fsutil import write_if_changed

MAGIC = 0x950412DE
CONTEXT_SEPARATOR = "\x04"
HEADER_SIZE = 28  # revision 0: magic, revision, n, orig offset, trans offset, hash size, hash offset


def mo_path(config: Config, lang: str) -> Path:
    return config.output / f"{lang}.mo"


def compile_catalogs(config: Config, console: Console) -> list[Path]:
    """Write ``<output>/<lang>.mo`` for every target language; returns the files written."""
    written = []
    for lang in config.target_langs:
        po_path, target = config.po_path(lang), mo_path(config, lang)
        data = compile_po(po_path)
        if data is None:
            # msgfmt writes no file for a catalog without a single translated entry.
            if target.exists():
                target.unlink()
                console.info(f"removed {target} ({po_path} has no translated entry)")
            continue
        console.debug(f"{po_path}: {struct.unpack_from('<I', data, 8)[0]} message(s) for {target.name}")
        changed = write_if_changed(target, data)
        if changed:
            written.append(target)
        console.info(f"{'wrote' if changed else 'unchanged'} {target}")
    return written


def compile_po(path: str | Path, text: str | None = None) -> bytes | None:
    """The ``.mo`` bytes ``msgfmt`` makes from the PO file at ``path`` (None: no entry to write);
    ``text``: the file's text when the caller has it already."""
    path = Path(path)
    po = load_po(path) if text is None else parse_po(text, path)
    messages = catalog_messages(po, po.header.msgstr if po.header is not None else None, path)
    return mo_bytes(messages) if messages else None


def catalog_messages(po: Catalog, header: str | None, path: Path) -> dict[bytes, bytes]:
    """``{key: translation}`` as UTF-8 bytes, for the entries msgfmt keeps."""
    messages: dict[bytes, bytes] = {}
    if header:
        messages[b""] = _without_field(header, "POT-Creation-Date:").encode("utf-8")
    for entry in po:
        if entry.obsolete or entry.fuzzy:
            continue
        if entry.msgid_plural:
            forms = entry.msgstr_plural
            if not forms or not forms[0]:
                continue
            key = _key(entry) + b"\0" + entry.msgid_plural.encode("utf-8")
            value = b"\0".join(f.encode("utf-8") for f in forms)
        else:
            if not entry.msgstr:
                continue
            key, value = _key(entry), entry.msgstr.encode("utf-8")
        _check_newlines(entry, path)  # (duplicates were refused when the file was read)
        messages[key] = value
    return messages


def _check_newlines(entry: Message, path: Path) -> None:
    """msgfmt refuses a kept entry whose strings disagree on a leading or trailing newline."""
    others = [("msgid_plural", entry.msgid_plural)] if entry.msgid_plural else []
    if entry.msgid_plural:
        others += [(f"msgstr[{k}]", form) for k, form in enumerate(entry.msgstr_plural)]
    else:
        others.append(("msgstr", entry.msgstr))
    for where, test in (("begin", lambda s: s.startswith("\n")), ("end", lambda s: s.endswith("\n"))):
        for name, text in others:
            if test(text) != test(entry.msgid):
                raise InputError(f"'msgid' and '{name}' entries do not both {where} with '\\n'", path, entry.line)


def _key(entry: Message) -> bytes:
    key = entry.msgid if entry.msgctxt is None else entry.msgctxt + CONTEXT_SEPARATOR + entry.msgid
    return key.encode("utf-8")


def mo_bytes(messages: dict[bytes, bytes]) -> bytes:
    """Serialise ``{key: translation}`` (keys with ``\\0msgid_plural`` when plural) as msgfmt does."""
    # msgfmt sorts with strcmp on the msgctxt+msgid part (the plural part never decides).
    items = sorted(messages.items(), key=lambda kv: kv[0].split(b"\0", 1)[0])
    n = len(items)
    hash_size = max(next_prime(n * 4 // 3), 3)
    orig_offset = HEADER_SIZE
    trans_offset = orig_offset + 8 * n
    hash_offset = trans_offset + 8 * n
    strings_offset = hash_offset + 4 * hash_size

    orig_table, trans_table = [], []
    offset = strings_offset
    for key, _ in items:
        orig_table.append((len(key), offset))
        offset += len(key) + 1
    for _, value in items:
        trans_table.append((len(value), offset))
        offset += len(value) + 1

    table = [0] * hash_size
    for index, (key, _) in enumerate(items):
        hash_value = hash_string(key.split(b"\0", 1)[0])
        slot = hash_value % hash_size
        if table[slot]:
            increment = 1 + hash_value % (hash_size - 2)
            while table[slot]:
                slot = slot - (hash_size - increment) if slot >= hash_size - increment else slot + increment
        table[slot] = index + 1

    out = [struct.pack("<7I", MAGIC, 0, n, orig_offset, trans_offset, hash_size, hash_offset)]
    out += [struct.pack("<2I", length, start) for length, start in orig_table]
    out += [struct.pack("<2I", length, start) for length, start in trans_table]
    out.append(struct.pack(f"<{hash_size}I", *table))
    out += [key + b"\0" for key, _ in items]
    out += [value + b"\0" for _, value in items]
    return b"".join(out)


def hash_string(data: bytes) -> int:
    """gettext's ``hash_string`` (ELF-style PJW hash), on 32 bits."""
    value = 0
    for byte in data:
        value = ((value << 4) + byte) & 0xFFFFFFFF
        high = value & 0xF0000000
        if high:
            value ^= high >> 24
            value ^= high
    return value


def next_prime(seed: int) -> int:
    """gettext's ``next_prime``: the first odd number >= seed that its trial division calls prime."""
    seed |= 1
    while not _is_prime(seed):
        seed += 2
    return seed


def _is_prime(candidate: int) -> bool:
    divisor, square = 3, 9
    while square < candidate and candidate % divisor != 0:
        divisor += 1
        square += 4 * divisor
        divisor += 1
    return candidate % divisor != 0


def _without_field(header: str, field: str) -> str:
    """Drop the first header line that starts with ``field`` (msgfmt does so for the POT date)."""
    lines = header.split("\n")  # only "\n" ends a header line
    for index, line in enumerate(lines):
        if line.startswith(field):
            del lines[index]
            break
    return "\n".join(lines)
