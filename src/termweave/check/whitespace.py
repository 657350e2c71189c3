"""whitespace: leading, trailing and doubled spaces (a warning)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from termweave.check.context import EntryContext
from termweave.check.registry import Check, register
from termweave.check.report import Finding


@register
class Whitespace(Check):
    """whitespace: leading or trailing whitespace unlike the source's, or doubled spaces the
    source does not have."""

    id = "whitespace"
    name = "Whitespace"
    severity = "warning"

    _double = re.compile(r"(?<=\S)[ \u00a0\u202f]{2,}(?=\S)")

    def candidates(self, contexts: Sequence[EntryContext]) -> list[int]:
        return [i for i, ctx in enumerate(contexts) if not _plain(ctx.source, ctx.translation)]

    def check(self, ctx: EntryContext) -> list[Finding]:
        src, tgt = ctx.source, ctx.translation
        if _plain(src, tgt):
            return []  # the common case, settled without regular expressions
        findings = []
        src_lead, tgt_lead = _lead(src), _lead(tgt)
        if bool(src_lead) != bool(tgt_lead) or src_lead.count("\n") != tgt_lead.count("\n"):
            findings.append(ctx.finding(self, "leading whitespace differs from the source", span=(0, len(tgt_lead))))
        src_trail, tgt_trail = _trail(src), _trail(tgt)
        if bool(src_trail) != bool(tgt_trail) or src_trail.count("\n") != tgt_trail.count("\n"):
            findings.append(
                ctx.finding(
                    self, "trailing whitespace differs from the source", span=(len(tgt) - len(tgt_trail), len(tgt))
                )
            )
        double = self._double.search(tgt)
        if double and not self._double.search(src):
            findings.append(ctx.finding(self, "double space", span=(double.start(), double.end())))
        return findings


def _plain(src: str, tgt: str) -> bool:
    """No whitespace at either end of either text, no space in the translation that can be
    doubled: nothing to report (``tgt`` is not empty)."""
    return bool(
        src
        and not tgt[0].isspace()  # what str.strip() takes: the em space and the rest too
        and not tgt[-1].isspace()
        and not src[0].isspace()
        and not src[-1].isspace()
        and "  " not in tgt
        and "\u00a0" not in tgt  # _double's other spaces: only a text with one can have a double
        and "\u202f" not in tgt
    )


def _lead(text: str) -> str:
    return text[: len(text) - len(text.lstrip())]


def _trail(text: str) -> str:
    return text[len(text.rstrip()) :]
