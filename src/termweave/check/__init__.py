"""Translation quality checks: ``run_checks(po_paths, glossary) -> CheckReport``.

Each check is a small class registered in :mod:`termweave.check.registry` (modules
:mod:`~termweave.check.checks` and :mod:`~termweave.check.structure`); ``all_checks()`` lists
them. Heavy analysers (pymorphy3, Kiwi, lingua) load only when a string needs them.
"""

from termweave.check.context import EntryContext, Resources
from termweave.check.registry import CHECKS, Check, all_checks
from termweave.check.report import CheckReport, Finding, render_text
from termweave.check.run import run_checks

__all__ = [
    "CHECKS",
    "Check",
    "CheckReport",
    "EntryContext",
    "Finding",
    "Resources",
    "all_checks",
    "render_text",
    "run_checks",
]
