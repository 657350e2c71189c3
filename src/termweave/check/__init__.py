"""Translation quality checks: ``run_checks(po_paths, glossary) -> CheckReport``.

Check ids: term-missing, term-forbidden, number-mismatch, protected-altered,
attribution-altered, wrong-language, untranslated, fuzzy (errors); unchanged, quotes,
whitespace (warnings). Each is a small class in :mod:`termweave.check.checks`, collected in
``CHECKS``. Heavy analysers (pymorphy3, Kiwi, lingua) load only when a check needs them.
"""

from termweave.check.checks import CHECK_IDS, CHECKS, Check
from termweave.check.context import EntryContext, Resources
from termweave.check.report import CheckReport, Finding, render_text
from termweave.check.runner import run_checks

__all__ = ["CHECKS", "CHECK_IDS", "Check", "CheckReport", "EntryContext", "Finding", "Resources",
           "render_text", "run_checks"]
