"""Run the checks over catalogs: :func:`run_checks`.

Entries are checked in batches of :data:`BATCH`: the glossary terms of a whole batch are
found in one pass per side (``Matcher.find_many``), which is where most of the time goes.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress

from termweave.check.catalog import Catalog, Entry
from termweave.check.context import EntryContext, HitMemo, Resources
from termweave.check.needs import Joined, needing
from termweave.check.registry import Check, all_checks
from termweave.check.report import Finding
from termweave.check.suppression import IGNORE_PREFIX, looks_like_suppression, suppressed_id
from termweave.console import Console
from termweave.errors import InputError, UsageError
from termweave.glossary import Term
from termweave.glossary.match import Matcher, TermHit

BATCH = 1000  # entries whose glossary hits are found in one pass
PROBE = 100  # texts the cheap may-occur test tries before it is used on a whole batch


def unknown_ids_message(unknown: list[str]) -> str:
    return f"unknown check id(s): {', '.join(unknown)} (valid: {', '.join(all_checks())})"


def select_checks(only: set[str] | None, skip: set[str] | None = None) -> list[Check]:
    """Instances of the selected checks, in registry order; unknown ids are a UsageError."""
    registry = all_checks()
    unknown = sorted((set(only or ()) | set(skip or ())) - set(registry))
    if unknown:
        raise UsageError(unknown_ids_message(unknown))
    return [cls() for cid, cls in registry.items() if (only is None or cid in only) and cid not in (skip or ())]


def suppressed(entry: Entry, catalog: Catalog, console: Console | None) -> frozenset[str]:
    """The check ids an entry's ``ignore-<id>`` flags switch off.

    An unknown id is bad input (InputError naming the line, exit 2); a flag that looks like a
    suppression but is malformed ("ignore", "ignore term-missing") gets a warning and is skipped.
    """
    ids = set()
    for flag in entry.flags:
        if not looks_like_suppression(flag):
            continue
        check_id = suppressed_id(flag)
        if check_id is None:
            if console is not None:
                console.warn(
                    f"{catalog.path}:{entry.line}: malformed suppression flag {flag!r} "
                    f"(expected {IGNORE_PREFIX}<check-id>); ignored"
                )
            continue
        if check_id not in all_checks():
            raise InputError(unknown_ids_message([check_id]), catalog.path, entry.line)
        ids.add(check_id)
    return frozenset(ids)


def check_entries(
    catalog: Catalog, entries: list[Entry], checks: list[Check], resources: Resources, console: Console | None = None
) -> list[Finding]:
    """Findings of ``checks`` on ``entries``, entry by entry, each entry's in registry order.

    A batch is checked one check at a time (every entry, then the next check): the same work as
    entry by entry, in a tighter loop."""
    ids = {c.id for c in checks}
    checks = [c for c in checks if c.applies(catalog, resources)]  # e.g. uk-euphony only in Ukrainian
    glossary_checks = bool(ids & {"term-missing", "term-forbidden"})
    rank = {check_id: n for n, check_id in enumerate(all_checks())}
    findings: list[Finding] = []
    for at in range(0, len(entries), BATCH):
        terms = resources.pair_terms(catalog.source_lang, catalog.language)
        contexts = [_context(catalog, entry, resources, terms) for entry in entries[at : at + BATCH]]
        where: Sequence[int]
        where, pairs = _translated_pairs(contexts, resources)
        if glossary_checks:
            _preset_glossary_hits(contexts, resources, forbidden="term-forbidden" in ids)
            # A plural entry's msgstr[1..] (msgid_plural and its forms): one more batch, not one search each.
            plural_forms = [ctx for i, ctx in zip(where, pairs) if ctx is not contexts[i]]
            _preset_glossary_hits(plural_forms, resources, forbidden="term-forbidden" in ids)
        found: list[list[Finding] | None] = [None] * len(contexts)  # (no list per entry: most find nothing)
        every: Sequence[int] = range(len(contexts))
        joined: dict[str, Joined] = {}  # the pairs' translations (and sources), for checks' needs
        for check in checks:
            indices, inputs = (every, contexts) if check.entry_level else (where, pairs)
            chosen = check.candidates(inputs)
            if chosen is None and check.needs is not None and not check.entry_level:
                chosen = needing(check, pairs, joined)
            if chosen is not None:
                indices, inputs = [indices[k] for k in chosen], [inputs[k] for k in chosen]
            # map() calls the check on every context without a Python loop; compress() keeps the
            # (few) contexts where it found something.
            results = list(map(check.check, inputs))
            for i, result in compress(zip(indices, results), results):
                earlier = found[i]
                found[i] = result if earlier is None else earlier + result
        for ctx, mine in compress(zip(contexts, found), found):
            assert mine is not None
            if ctx.entry.flags:
                ignored = suppressed(ctx.entry, catalog, None)  # validated (and warned about) by run_checks
                mine = [f for f in mine if f.check not in ignored] if ignored else mine
            if len(mine) > 1:
                mine.sort(key=lambda f: rank[f.check])  # registry order within an entry (stable)
            findings.extend(mine)
    return findings


def _translated_pairs(contexts: list[EntryContext], resources: Resources) -> tuple[list[int], list[EntryContext]]:
    """The entry index and context of every (source, translation) pair with a translation: the
    pairs the content checks look at (a plural entry's msgstr[1..] get contexts of their own)."""
    where: list[int] = []
    pairs: list[EntryContext] = []
    for i, ctx in enumerate(contexts):
        entry = ctx.entry
        if entry.msgid_plural is None:
            if entry.msgstr:
                where.append(i)
                pairs.append(ctx)
            continue
        for form, (source, translation) in enumerate(entry.pairs()):
            if translation:
                where.append(i)
                pairs.append(
                    ctx if form == 0 else EntryContext(ctx.catalog, entry, source, translation, resources, ctx.terms)
                )
    return where, pairs


def _context(catalog: Catalog, entry: Entry, resources: Resources, terms: list[Term]) -> EntryContext:
    """The context of an entry's first (source, translation) pair (msgid and msgstr[0] of a plural)."""
    if entry.msgid_plural is None:
        return EntryContext(catalog, entry, entry.msgid, entry.msgstr, resources, terms)
    translation = entry.msgstr_plural[0] if entry.msgstr_plural else ""
    return EntryContext(catalog, entry, entry.msgid, translation, resources, terms)


def _preset_glossary_hits(contexts: list[EntryContext], resources: Resources, forbidden: bool) -> None:
    """Find the glossary terms of a batch of entries in one pass per side (see find_many), once
    per distinct text (catalogs repeat strings; the hits of a text do not depend on the others)."""
    if not contexts or not contexts[0].terms:
        return
    first = contexts[0]
    memo = resources.hit_memo(first.source_lang, first.lang)
    memo.trim()
    target_matcher = resources.matcher(first.lang)
    texts = [ctx.source for ctx in contexts]
    translations = [ctx.translation for ctx in contexts]
    sources = _source_hits(first, texts, memo, resources.matcher(first.source_lang))
    targets, searched = _target_hits(contexts, texts, memo, target_matcher)
    banned = resources.forbidden_terms(first.lang) if forbidden else []
    forbids = _forbidden_hits(first, translations, memo, target_matcher, banned, searched) if banned else None
    EntryContext.preset_each(contexts, "source_hits", sources)
    # No source of the batch triggers a term: no translation has a target hit (wrong-language asks each).
    EntryContext.preset_each(contexts, "target_hits", [memo.none] * len(contexts) if targets is None else targets)
    if forbids is not None:
        EntryContext.preset_each(contexts, "raw_forbidden_hits", forbids)


def _source_hits(first: EntryContext, sources: list[str], memo: HitMemo, matcher: Matcher) -> list[list[TermHit]]:
    """The outermost glossary hits of each source (and in ``memo.source_terms``, their term ids)."""
    known = memo.sources
    todo = [text for text in dict.fromkeys(sources) if text not in known]
    if todo:
        # Most sources trigger no term: every text is entered as such first (in C), then those with hits.
        no_terms = memo.term_sets.setdefault(frozenset(), frozenset())
        found = matcher.triggered_many(todo, first.terms, first.source_lang)
        known.update(dict.fromkeys(todo, memo.none))
        memo.source_terms.update(dict.fromkeys(todo, no_terms))
        for text, hits in zip(todo, found):
            if hits:
                ids = frozenset(hit.term.id for hit in hits)
                known[text] = hits
                memo.source_terms[text] = memo.term_sets.setdefault(ids, ids)
    return list(map(known.__getitem__, sources))


def _target_hits(
    contexts: list[EntryContext], sources: list[str], memo: HitMemo, matcher: Matcher
) -> tuple[list[list[TermHit]] | None, list[str]]:
    """The hits in each translation of the allowed variants of the terms its source triggers (None
    if no source in the batch triggers any), and the translations searched."""
    mine = list(map(memo.source_terms.__getitem__, sources))
    triggered = frozenset().union(*mine)
    if not triggered:
        return None, []
    first = contexts[0]
    # The batch's triggered terms make the term list a word matcher searches: part of the key.
    tables = {ids: memo.targets.setdefault((triggered, ids), {}) for ids in set(mine) if ids}
    todo = list(
        dict.fromkeys(
            (c.translation, ids)
            for c, ids in zip(contexts, mine)
            if ids and c.translation and c.translation not in tables[ids]
        )
    )
    texts = [text for text, _ in todo]
    if todo:
        wanted = [term for term in first.terms if term.id in triggered]
        found = _find_many(matcher, texts, wanted, "allowed", first.source_lang, [ids for _, ids in todo])
        for (text, ids), hits in zip(todo, found):
            tables[ids][text] = hits or memo.none
    targets = [tables[ids][c.translation] if ids and c.translation else memo.none for c, ids in zip(contexts, mine)]
    return targets, texts


def _forbidden_hits(
    first: EntryContext,
    translations: list[str],
    memo: HitMemo,
    matcher: Matcher,
    banned: list[Term],
    searched: list[str],
) -> list[list[TermHit]]:
    """The hits of the forbidden variants in each translation."""
    known = memo.forbidden
    todo = [text for text in dict.fromkeys(translations) if text not in known]
    if todo:
        todo = searched if todo == searched else todo  # the same list: the matcher reuses what it read of it
        found = _find_many(matcher, todo, banned, "forbidden", first.source_lang)
        known.update(dict.fromkeys(todo, memo.none))
        known.update((text, hits) for text, hits in zip(todo, found) if hits)
    return list(map(known.__getitem__, translations))


def _find_many(
    matcher: Matcher,
    texts: list[str],
    terms: list[Term],
    kind: str,
    source_lang: str,
    wanted: list[frozenset[str]] | None = None,
) -> list[list[TermHit]]:
    """``matcher.find_many`` over the texts its cheap test cannot rule out (the analyser sees the rest only)."""
    probe = matcher.may_occur(texts[:PROBE], terms, kind, source_lang)
    if probe is None or sum(probe) > 0.8 * len(probe):
        return matcher.find_many(texts, terms, kind, source_lang, wanted)  # dense in terms: the test would not pay
    mask = probe + (matcher.may_occur(texts[PROBE:], terms, kind, source_lang) or [])
    kept = [i for i, keep in enumerate(mask) if keep]
    found = iter(matcher.find_many([texts[i] for i in kept], terms, kind, source_lang, _pick(wanted, kept)))
    return [next(found) if keep else [] for keep in mask]


def _pick(wanted: list[frozenset[str]] | None, kept: list[int]) -> list[frozenset[str]] | None:
    return None if wanted is None else [wanted[i] for i in kept]


def check_catalog(
    catalog: Catalog, checks: list[Check], resources: Resources, console: Console | None = None
) -> list[Finding]:
    """Findings of ``checks`` on every entry of ``catalog``, in entry order."""
    entries = catalog.entries
    if console is None or len(entries) < 2 * BATCH:
        return check_entries(catalog, entries, checks, resources, console)
    findings: list[Finding] = []
    batches = range(0, len(entries), BATCH)
    for at in console.progress(batches, total=len(batches), desc=f"check {catalog.path.name}"):
        findings.extend(check_entries(catalog, entries[at : at + BATCH], checks, resources, console))
    return findings
