"""``termweave translate``: MT drafts for every untranslated entry of the target catalogs, written
fuzzy with a comment (the drafting itself: :mod:`termweave.translate.draft`)."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from termweave.config import Config
from termweave.console import Console
from termweave.errors import UsageError
from termweave.formats.po import Catalog, Message, load_po, po_timestamp, save_po
from termweave.glossary import load_glossary
from termweave.translate.draft import (
    Draft,
    Drafter,
    Request,
    apply_draft,
    comment_lines,
    is_prose,
    protected_spans,
    wants_draft,
)
from termweave.translate.engine import DecodeSettings, Engine
from termweave.translate.models import PackageInfo, installed_packages, route


@dataclass
class CatalogSummary:
    lang: str
    path: Path
    drafted: int = 0  # machine-translated entries
    copied: int = 0  # copied verbatim (not prose)
    in_pieces: int = 0  # translated around protected spans
    with_missing_terms: int = 0
    reviewed_kept: int = 0
    skipped_plural: int = 0
    empty: int = 0  # the model produced nothing: left untranslated
    written: bool = False


@dataclass
class TranslateSummary:
    catalogs: list[CatalogSummary] = field(default_factory=list)
    source_tokens: int = 0
    seconds: float = 0.0

    @property
    def drafted(self) -> int:
        return sum(c.drafted + c.copied for c in self.catalogs)

    def lines(self) -> list[str]:
        """One line per catalog, for the command's output."""
        out = []
        for report in self.catalogs:
            details = []
            if report.copied:
                details.append(f"{report.copied} copied")
            if report.in_pieces:
                details.append(f"{report.in_pieces} translated around protected spans")
            if report.with_missing_terms:
                details.append(f"{report.with_missing_terms} with glossary terms to check")
            if report.empty:
                details.append(f"{report.empty} left untranslated (the model produced nothing)")
            extra = f" ({'; '.join(details)})" if details else ""
            if report.drafted or report.copied:
                out.append(f"{report.path}: {report.drafted} machine drafts, fuzzy{extra}")
            else:
                out.append(f"{report.path}: nothing to draft ({report.reviewed_kept} reviewed entries kept){extra}")
        return out


def _resolve_langs(config: Config, langs: Sequence[str] | None) -> list[str]:
    if not langs:
        return list(config.target_langs)
    unknown = [lang for lang in langs if lang not in config.target_langs]
    if unknown:
        raise UsageError(
            f"{', '.join(unknown)}: not a target language of this project ({', '.join(config.target_langs)})"
        )
    return list(dict.fromkeys(langs))


def translate_catalogs(
    config: Config, console: Console, langs: Sequence[str] | None = None, include_fuzzy: bool = False, beam: int = 4
) -> TranslateSummary:
    """Draft every untranslated entry of the target catalogs (see :mod:`termweave.translate.draft`)."""
    started = time.perf_counter()
    if beam < 1:
        raise UsageError("--beam must be at least 1")
    langs = _resolve_langs(config, langs)
    routes = _routes(config, langs)
    for lang in langs:
        if not config.po_path(lang).exists():
            raise UsageError(f"{config.po_path(lang)}: no catalog for {lang}; run `termweave update` first")

    engine = Engine()
    engine.preload(list(dict.fromkeys(p for found in routes.values() for p in found)))
    catalogs = {lang: load_po(config.po_path(lang)) for lang in langs}
    glossary = None
    if config.glossary.exists():
        glossary = load_glossary(config.glossary, required_languages=(config.source_lang,))
    else:
        console.debug(f"translate: no glossary at {config.glossary}; drafting without terms")

    summary = TranslateSummary()
    work = _plan(config, catalogs, routes, include_fuzzy, summary)
    drafter = Drafter(engine, DecodeSettings(beam=beam), glossary, config.source_lang, console)
    drafted, engine_version = _draft_requests(engine, drafter, work, summary)
    reports = {c.lang: c for c in summary.catalogs}
    for lang, entry, request, draft in work:
        report = reports[lang]
        if request is not None:
            draft = drafted[(request.target_lang, request.source)]
            if not draft.text.strip():
                report.empty += 1
                continue
            report.drafted += 1
            report.in_pieces += draft.method == "pieces"
            report.with_missing_terms += bool(draft.terms.missing)
        else:
            assert draft is not None  # entries that are not prose carry their copied draft
            report.copied += 1
        apply_draft(entry, draft, comment_lines(draft, routes[lang], engine_version, beam, lang))

    for lang, po in catalogs.items():
        report = reports[lang]
        if report.drafted or report.copied:
            report.written = save_po(po, report.path, on_change={"PO-Revision-Date": po_timestamp()})
    summary.seconds = time.perf_counter() - started
    return summary


def _routes(config: Config, langs: list[str]) -> dict[str, tuple[PackageInfo, ...]]:
    """The installed models' route to each language; a usage error names every pair without one."""
    packages = installed_packages()
    routes: dict[str, tuple[PackageInfo, ...]] = {}
    missing = []
    for lang in langs:
        found = route(config.source_lang, lang, packages)
        if not found:
            missing.append(f"{config.source_lang}->{lang}")
        else:
            routes[lang] = tuple(found)
    if missing:
        raise UsageError(
            f"no translation model installed for {', '.join(missing)}: run `termweave models install"
            f" PATH.argosmodel` (or `termweave models install {missing[0].replace('->', ':')}` to download)"
        )
    return routes


Work = list[tuple[str, Message, Request | None, Draft | None]]  # (lang, entry, MT request, or a copy)


def _plan(
    config: Config,
    catalogs: dict[str, Catalog],
    routes: dict[str, tuple[PackageInfo, ...]],
    include_fuzzy: bool,
    summary: TranslateSummary,
) -> Work:
    """What each entry gets: an MT request (prose), a copy (DOIs, names...), or nothing."""
    work: Work = []
    for lang, po in catalogs.items():
        report = CatalogSummary(lang, config.po_path(lang))
        summary.catalogs.append(report)
        for entry in po:
            if entry.obsolete or not entry.msgid:
                continue
            if not wants_draft(entry, include_fuzzy):
                if entry.msgstr and "fuzzy" not in entry.flags:
                    report.reviewed_kept += 1
                continue
            if entry.msgid_plural:
                report.skipped_plural += 1
                continue
            spans = protected_spans(entry.msgid)
            if is_prose(entry.msgctxt or "", entry.msgid, spans):
                work.append((lang, entry, Request(entry.msgid, spans, routes[lang], lang), None))
            else:
                work.append((lang, entry, None, Draft(entry.msgid, "copied")))
    return work


def _draft_requests(
    engine: Engine, drafter: Drafter, work: Work, summary: TranslateSummary
) -> tuple[dict[tuple[str, str], Draft], str]:
    """Each distinct (language, source) translated once; the engine's version ("" if unused)."""
    requests: dict[tuple[str, str], Request] = {}
    for _, _, request, _ in work:
        if request is not None:
            requests.setdefault((request.target_lang, request.source), request)
    if not requests:
        return {}, ""
    keys = list(requests)
    drafted = dict(zip(keys, drafter.draft([requests[k] for k in keys])))
    summary.source_tokens = sum(len(engine.load(requests[k].route[0]).codec.encode(requests[k].source)) for k in keys)
    return drafted, engine.version
