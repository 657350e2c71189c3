"""Format directives (placeholders) as ``msgfmt -c --check-format`` reads them, by the entry's flag.

Each gettext format the catalogs we meet use has a parser returning :class:`Directive` objects:
a *key* (the argument it refers to: a name, a position, or the index of an unnamed directive)
and a *kind* (the type it formats, "" when the format has no types). :func:`compare` then says
what a translation lost, added or changed, the way msgfmt does: a translation may not add an
argument, may not change a type, and — when ``strict`` — may not drop one (msgfmt relaxes that
only for a plural form that stands for a single number, "one item").

For entries without a format flag :func:`guess_directives` finds the placeholders that are
unambiguous in running text (``%(name)s``, ``{name}``, ``%s``, ``{{ var }}``, ``${var}``, ``%1``);
the runner reports their differences as a warning.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple


class Directive(NamedTuple):  # a tuple: cheap to create (a catalog has thousands)
    text: str  # as written: "%(model)s", "{0}", "%1$d"
    key: str  # the argument: "model", "1", or "#0" for the first unnamed directive
    kind: str  # what it formats: "s", "d", "f" (type classes), "" where the format has no types
    start: int
    end: int


class FormatError(ValueError):
    """The msgid itself is no valid string in this format (msgfmt would say so too)."""


# --------------------------------------------------------------------------------------------
# C-like formats (c-format, php-format, javascript-format; python-format adds %(name)s)

_C_DIRECTIVE_RE = re.compile(
    r"%(?:(?P<pos>\d+)\$)?(?P<flags>[-+ #0']*)(?P<width>\*(?:\d+\$)?|\d+)?(?:\.(?P<prec>\*(?:\d+\$)?|\d+))?"
    r"(?P<len>hh|h|ll|l|L|q|j|z|Z|t|I64|I32|I)?(?P<conv>[diouxXeEfFgGaAcspn%])"
)
_PY_DIRECTIVE_RE = re.compile(
    r"%(?:\((?P<name>[^)]*)\))?(?P<flags>[-+ #0]*)(?P<width>\*|\d+)?(?:\.(?P<prec>\*|\d+))?"
    r"(?P<len>[hlL])?(?P<conv>[diouxXeEfFgGcrsa%])"
)
_TYPE_CLASS = {
    **dict.fromkeys("diouxXc", "i"),  # integers (and chars): %d and %x take the same argument
    **dict.fromkeys("eEfFgGaA", "f"),
    **dict.fromkeys("sra", "s"),
    "p": "p",
    "n": "n",
}


def _c_like(text: str, pattern: re.Pattern, python: bool) -> list[Directive]:
    # Both patterns: group 1 is the argument (position or name), 5 the length modifier, 6 the conversion.
    out: list[Directive] = []
    unnamed = 0
    for m in pattern.finditer(text):
        key, length, conv = m.group(1, 5, 6)
        if conv == "%":
            continue
        if python:
            kind = "s" if conv in "rsa" else _TYPE_CLASS.get(conv, conv)  # Python converts anything with %s/%r
        else:
            kind = (length or "") + _TYPE_CLASS.get(conv, conv)
        if key is None:
            key = f"#{unnamed}"
            unnamed += 1
        start, end = m.span()
        out.append(Directive(m.group(), key, kind, start, end))
    return out


def parse_c(text: str) -> list[Directive]:
    if "%" not in text:
        return []  # every directive starts with one
    directives = _c_like(text, _C_DIRECTIVE_RE, python=False)
    if any(d.key.isdigit() for d in directives) and any(d.key.startswith("#") for d in directives):
        raise FormatError("mixes numbered (%1$s) and unnumbered (%s) directives")
    # "%1$s %1$s": one argument, however often it is used; unnumbered ones count from 1.
    return [
        Directive(d.text, str(int(d.key[1:]) + 1) if d.key.startswith("#") else d.key, d.kind, d.start, d.end)
        for d in directives
    ]


_new_directive = tuple.__new__  # Directive(...) without NamedTuple's Python-level __new__ (same tuple)


def parse_python(text: str) -> list[Directive]:
    if "%" not in text:
        return []  # every directive starts with one
    # _c_like's loop for Python (every Django message is parsed: worth its own copy)
    out: list[Directive] = []
    unnamed = 0
    named = hashed = False  # a key not starting with "#"; one that does (an unnamed directive's)
    for m in _PY_DIRECTIVE_RE.finditer(text):
        key, conv = m.group(1, 6)
        if conv == "%":
            continue
        kind = "s" if conv in "rsa" else _TYPE_CLASS.get(conv, conv)  # Python converts anything with %s/%r
        if key is None:
            key = f"#{unnamed}"
            unnamed += 1
            hashed = True
        elif key[:1] == "#":
            hashed = True
        else:
            named = True
        out.append(_new_directive(Directive, (m.group(), key, kind, *m.span())))
    if named and hashed:
        raise FormatError("mixes named (%(name)s) and unnamed (%s) directives")
    return out


# --------------------------------------------------------------------------------------------
# Brace formats: python-brace-format ({name}, {0}, {}), perl-brace-format ({name}),
# java-format and csharp-format ({0}), qt-format (%1), sh-format ($name, ${name})

_BRACE_RE = re.compile(r"\{\{|\}\}|\{(?P<field>[^{}]*)\}")
_BRACE_NAME_RE = re.compile(r"^(?P<name>[^.\[!:]*)")


def parse_python_brace(text: str) -> list[Directive]:
    out: list[Directive] = []
    auto = 0
    for m in _BRACE_RE.finditer(text):
        field = m.group("field")
        if field is None:
            continue  # {{ or }}
        name_match = _BRACE_NAME_RE.match(field)
        assert name_match is not None  # every part of the pattern is optional: it always matches
        name = name_match.group("name")
        if name == "":
            name = str(auto)
            auto += 1
        out.append(Directive(m.group(), name, "", m.start(), m.end()))
    return out


_PERL_BRACE_RE = re.compile(r"\{(?P<name>[A-Za-z_]\w*)\}")
_INDEX_BRACE_RE = re.compile(r"\{(?P<name>\d+)(?:[,:][^{}]*)?\}")
_QT_RE = re.compile(r"%(?:L)?(?P<name>[1-9]\d?)")
_SH_RE = re.compile(r"\$(?:\{(?P<braced>[A-Za-z_]\w*)\}|(?P<name>[A-Za-z_]\w*))")


def _simple(pattern: re.Pattern):
    def parse(text: str) -> list[Directive]:
        return [
            Directive(m.group(), m.group("name") or m.groupdict().get("braced") or "", "", m.start(), m.end())
            for m in pattern.finditer(text)
        ]

    return parse


def _sh(text: str) -> list[Directive]:
    return [
        Directive(m.group(), m.group("braced") or m.group("name"), "", m.start(), m.end())
        for m in _SH_RE.finditer(text)
    ]


PARSERS = {
    "c-format": parse_c,
    "objc-format": parse_c,
    "php-format": parse_c,
    "javascript-format": parse_c,
    "python-format": parse_python,
    "python-brace-format": parse_python_brace,
    "perl-brace-format": _simple(_PERL_BRACE_RE),
    "java-format": _simple(_INDEX_BRACE_RE),
    "csharp-format": _simple(_INDEX_BRACE_RE),
    "qt-format": _simple(_QT_RE),
    "sh-format": _sh,
}
"""The formats checked by flag (the ones gettext knows that real catalogs use)."""


def format_flags(flags: Sequence[str]) -> list[str]:
    """The formats an entry's flags ask to check (``python-format``; not ``no-python-format``)."""
    return [f for f in flags if f in PARSERS]


def has_format_flag(flags: Sequence[str]) -> bool:
    """True when any flag names a format, checked or declined (``no-c-format``)."""
    return any(f.endswith("-format") for f in flags)


# --------------------------------------------------------------------------------------------
# Comparing a translation with its source


@dataclass(frozen=True)
class Difference:
    message: str
    span: tuple[int, int] | None = None


def same_arguments(source: list[Directive], translation: list[Directive]) -> bool:
    """The same arguments in the same order, each of one type (most entries): :func:`compare`
    finds nothing, strict or not."""
    if len(source) != len(translation):
        return False
    if len(source) < 2:  # (most entries: none, or one argument on each side)
        return not source or source[0][1:3] == translation[0][1:3]
    arguments = [d[1:3] for d in source]  # (key, kind)
    return arguments == [d[1:3] for d in translation] and len(dict(arguments)) == len(set(arguments))


def compare(source: list[Directive], translation: list[Directive], strict: bool = True) -> list[Difference]:
    """What msgfmt would say about ``translation``'s directives against ``source``'s."""
    if same_arguments(source, translation):
        return []
    wanted: dict[str, Directive] = {}
    for d in source:
        wanted.setdefault(d.key, d)
    seen: dict[str, Directive] = {}
    out: list[Difference] = []
    for d in translation:
        seen.setdefault(d.key, d)
        ref = wanted.get(d.key)
        if ref is None:
            out.append(Difference(f"{d.text} is not in the source", (d.start, d.end)))
        elif ref.kind != d.kind and ref.kind and d.kind:
            out.append(Difference(f"{d.text} formats another type than the source's {ref.text}", (d.start, d.end)))
    if strict:
        for key, d in wanted.items():
            if key not in seen:
                out.append(Difference(f"{d.text} of the source is missing"))
    unnamed = [d for d in source if d.key.startswith("#")]
    if unnamed and not out and [d.kind for d in unnamed] != [d.kind for d in translation if d.key.startswith("#")]:
        out.append(Difference("unnamed directives in another order; name them (%(name)s or %1$s) to reorder"))
    return out


# --------------------------------------------------------------------------------------------
# Entries without a format flag: placeholders that cannot be mistaken for prose

_GUESS_RE = re.compile(
    r"%\([A-Za-z_][\w.]*\)[-+ #0]*\d*(?:\.\d+)?[diouxXeEfFgGcrs]"  # %(name)s
    r"|(?<![\w%])%[-+#0]?\d*(?:\.\d+)?[sdif](?![A-Za-z])"  # %s %d %.2f, not "50% of"
    r"|\{\{[^{}]{1,60}\}\}"  # {{ var }}: Django/Jinja/Angular templates
    r"|\{[A-Za-z_][\w.]{0,40}\}|\{\d{1,2}\}"  # {name} {0}
    r"|\$\{[A-Za-z_]\w*\}"  # ${var}
    r"|(?<![\w%])%[1-9](?!\d)"  # Qt's %1
)


def may_hold_placeholder(text: str) -> bool:
    """A cheap test that is true whenever :func:`guess_directives` may find something."""
    return "%" in text or "{" in text or "$" in text


def guess_directives(text: str) -> list[Directive]:
    """Placeholders in ``text`` when no flag says which format it is (keys are the text)."""
    if not may_hold_placeholder(text):
        return []
    return [Directive(m.group(), " ".join(m.group().split()), "", m.start(), m.end()) for m in _GUESS_RE.finditer(text)]


def guessed_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each placeholder :func:`guess_directives` finds."""
    if not may_hold_placeholder(text):
        return []
    return [m.span() for m in _GUESS_RE.finditer(text)]


def compare_guessed(source: list[Directive], translation: list[Directive]) -> list[Difference]:
    """Missing and extra placeholders, counted (a placeholder written twice must stay twice)."""
    from collections import Counter

    want = Counter(d.key for d in source)
    have = Counter(d.key for d in translation)
    out = [Difference(f"{key} of the source is missing") for key in want if have[key] < want[key]]
    for d in translation:
        if have[d.key] > want[d.key]:
            out.append(Difference(f"{d.text} is not in the source", (d.start, d.end)))
            have[d.key] = want[d.key]  # once per placeholder
    return out
