"""Check a list of catalogs: :func:`run_checks`, in this process or spread over forked ones.

A run of many catalogs gives each process whole files to read and check; a run that one big
catalog makes up gives them batches of its entries (the catalog is read here first). Either
way the report is the one a single process writes: findings, warnings and the first bad input
in file order (see :mod:`termweave.check.parallel` for the forking).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from termweave.check.catalog import Catalog, load_catalog
from termweave.check.context import Resources
from termweave.check.parallel import can_fork, default_jobs, forked_map
from termweave.check.registry import Check
from termweave.check.report import CheckReport, Finding
from termweave.check.runner import BATCH, check_catalog, check_entries, select_checks, suppressed
from termweave.collector import fewer_collections
from termweave.console import Console
from termweave.errors import InputError
from termweave.glossary import Glossary

PARALLEL_MIN = 2000  # entries below which forking workers costs more than it saves
BYTES_PER_ENTRY = 120  # a catalog's size over its entries, roughly (Django and Sphinx: 124)
FILE_OVERHEAD_BYTES = 1500  # a catalog's fixed cost (reading, setting up its checks) as bytes of entries


def run_checks(
    po_paths: list[Path],
    glossary: Glossary | None,
    source_lang: str | None = None,
    only: set[str] | None = None,
    console: Console | None = None,
    resources: Resources | None = None,
    skip: set[str] | None = None,
    texts: Mapping[Path, str] | None = None,
    jobs: int | None = None,
) -> CheckReport:
    """Check every PO file; nothing is written.

    ``source_lang``: the source language of every catalog; None reads each PO header's
    ``X-Source-Language`` and falls back to English. Bad input (a PO file that does not
    parse, a missing or unknown ``Language`` header) raises InputError before any check runs.
    ``texts``: files' contents the caller has read already. ``jobs``: processes for runs of
    :data:`PARALLEL_MIN` entries or more (None: one per available CPU, at most 8; 1: this
    process only).
    """
    checks = select_checks(only, skip)
    run = _Run(checks, glossary, source_lang, resources or Resources(glossary=glossary), console, texts or {})
    jobs = default_jobs() if jobs is None else jobs
    with fewer_collections():
        sizes = _sizes(po_paths, run.texts) if jobs > 1 and len(po_paths) > 1 else None
        if sizes and _many_files(sizes) and can_fork():
            return run.files_forked(po_paths, jobs, sizes)
        return run.batches(po_paths, jobs)


def _sizes(paths: list[Path], texts: Mapping[Path, str]) -> list[int] | None:
    """Each catalog's size (None if one cannot be read: reading it will say why, in file order)."""
    try:
        return [len(texts[path]) if path in texts else path.stat().st_size for path in paths]
    except OSError:
        return None


def _many_files(sizes: list[int]) -> bool:
    """Several catalogs, together worth forking for, none of them most of the work."""
    total = sum(sizes)
    return total >= PARALLEL_MIN * BYTES_PER_ENTRY and 2 * max(sizes) <= total


@dataclass
class _FileOutcome:
    """One catalog read and checked in a worker: what the parent reports, in file order."""

    findings: list[Finding] = field(default_factory=list)
    entries: int = 0
    column_warnings: list[str] = field(default_factory=list)
    flag_warnings: str = ""  # the warn() lines of malformed suppression flags, as written
    load_error: InputError | None = None
    flag_error: InputError | None = None


@dataclass
class _Run:
    checks: list[Check]
    glossary: Glossary | None
    source_lang: str | None
    resources: Resources
    console: Console | None
    texts: Mapping[Path, str]

    def load(self, path: Path) -> Catalog:
        return load_catalog(path, self.source_lang, self.texts.get(path))

    def column_warnings(self, catalog: Catalog) -> list[str]:
        glossary = self.glossary
        if glossary is None:
            return []
        return [
            f"{glossary.path}: no {lang!r} column; glossary checks of {catalog.path} skipped"
            for lang in (catalog.source_lang, catalog.language)
            if lang not in glossary.languages
        ]

    def batches(self, paths: list[Path], jobs: int) -> CheckReport:
        """Every catalog read here, then checked here or in batches of entries spread over
        ``jobs`` processes."""
        catalogs = [self.load(path) for path in paths]
        console = self.console
        if console is not None:
            for catalog in catalogs:
                for message in self.column_warnings(catalog):
                    console.warn(message)
        for catalog in catalogs:  # bad suppression flags are reported before any check runs
            for entry in catalog.entries:
                if entry.flags:
                    suppressed(entry, catalog, console)
        entries = sum(len(c.entries) for c in catalogs)
        if jobs > 1 and entries >= PARALLEL_MIN:
            findings = self.batches_forked(catalogs, jobs)
        else:
            findings = [f for catalog in catalogs for f in check_catalog(catalog, self.checks, self.resources, console)]
        return CheckReport(findings=findings, files=len(catalogs), entries=entries)

    def batches_forked(self, catalogs: list[Catalog], jobs: int) -> list[Finding]:
        parts = [(catalog, at) for catalog in catalogs for at in range(0, len(catalog.entries), BATCH)]

        def work(part: tuple[Catalog, int]) -> list[Finding]:
            catalog, at = part
            return check_entries(catalog, catalog.entries[at : at + BATCH], self.checks, self.resources)

        def watch(own: Sequence[tuple[Catalog, int]]) -> Iterable[tuple[Catalog, int]]:
            console = self.console
            return console.progress(own, total=len(own), desc=f"check ({jobs} processes)") if console else own

        return [finding for found in forked_map(work, parts, jobs, watch) for finding in found]

    def files_forked(self, paths: list[Path], jobs: int, sizes: list[int]) -> CheckReport:
        """Whole catalogs read and checked in ``jobs`` processes, shared by size; reported as
        :meth:`batches` would."""
        weights = [size + FILE_OVERHEAD_BYTES for size in sizes]
        outcomes = forked_map(self.one_file, paths, jobs, weights=weights)
        for outcome in outcomes:
            if outcome.load_error is not None:
                raise outcome.load_error
        console = self.console
        if console is not None:
            for outcome in outcomes:
                for message in outcome.column_warnings:
                    console.warn(message)
        for outcome in outcomes:
            if console is not None:
                console.err.write(outcome.flag_warnings)
            if outcome.flag_error is not None:
                raise outcome.flag_error
        findings = [finding for outcome in outcomes for finding in outcome.findings]
        return CheckReport(findings=findings, files=len(paths), entries=sum(o.entries for o in outcomes))

    def one_file(self, path: Path) -> _FileOutcome:
        try:
            catalog = self.load(path)
        except InputError as exc:
            return _FileOutcome(load_error=exc)
        outcome = _FileOutcome(entries=len(catalog.entries), column_warnings=self.column_warnings(catalog))
        written = io.StringIO()
        record = Console(err=written) if self.console is not None else None
        try:
            for entry in catalog.entries:
                if entry.flags:
                    suppressed(entry, catalog, record)
        except InputError as exc:
            outcome.flag_error = exc
        outcome.flag_warnings = written.getvalue()
        if outcome.flag_error is None:
            outcome.findings = check_catalog(catalog, self.checks, self.resources)
        return outcome
