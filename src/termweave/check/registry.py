"""The check registry: every check class registers itself here with :func:`register`.

Checks live in several modules (:data:`CHECK_MODULES`); :func:`all_checks` imports each once
and returns the registry in a fixed order (module order, then definition order), which is the
order ``--only`` lists and findings within an entry follow. A new module of checks adds its
name to :data:`CHECK_MODULES` and decorates its classes with ``@register``.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from typing import ClassVar

from termweave.check.catalog import Catalog
from termweave.check.context import EntryContext, Resources
from termweave.check.report import Finding, Severity

CHECK_MODULES: tuple[str, ...] = (
    "termweave.check.checks",  # glossary, numbers, protected spans, attribution, language, ...
    "termweave.check.entry_state",  # untranslated, fuzzy, unchanged
    "termweave.check.whitespace",  # leading, trailing and doubled spaces
    "termweave.check.quotes",  # quotation marks (termweave.lang.quotes)
    "termweave.check.structure",  # format directives, placeholders, plural forms
    "termweave.check.style",  # house style: ko-range, uk-euphony (and house-style, author-terms)
)

CHECKS: dict[str, type[Check]] = {}


class Check:
    """Base class: an id, a human name, a severity and ``check(ctx) -> list[Finding]``.

    ``entry_level`` checks run once per entry (even untranslated ones); the others run on
    each (source, translation) pair whose translation is not empty.
    """

    id: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    entry_level: ClassVar[bool] = False
    # A content check's cheap necessary condition: a pattern that matches, or strings one of which
    # stands in, the translation (with ``needs_source``: or the source) of every pair it can report
    # on (neither ever matches a NUL). The runner looks for it in a whole batch at once and calls
    # the check on those pairs only (None: on every pair). See termweave.check.needs.
    needs: ClassVar[re.Pattern[str] | tuple[str, ...] | None] = None
    needs_source: ClassVar[bool] = False

    def applies(self, catalog: Catalog, resources: Resources) -> bool:
        """Can the check find anything in ``catalog``? (False: the runner skips it for every entry.)"""
        return True

    def candidates(self, contexts: Sequence[EntryContext]) -> list[int] | None:
        """The positions of the contexts (entries; pairs for a content check) the check may report
        on, picked for a whole batch by a test cheaper than a call each: every other context must
        give no finding. None: all of them."""
        return None

    def check(self, ctx: EntryContext) -> list[Finding]:
        raise NotImplementedError


def register(cls: type[Check]) -> type[Check]:
    CHECKS[cls.id] = cls
    return cls


def all_checks() -> dict[str, type[Check]]:
    """Every registered check, by id, in registry order: module order, then definition order,
    whichever module was imported first (a test may import check.style before the others)."""
    for name in CHECK_MODULES:
        importlib.import_module(name)
    rank = {name: n for n, name in enumerate(CHECK_MODULES)}
    ordered = sorted(CHECKS.values(), key=lambda cls: rank.get(cls.__module__, len(rank)))  # stable sort
    return {cls.id: cls for cls in ordered}
