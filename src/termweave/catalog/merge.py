"""Step 2b: merge the template into each language's catalog with msgmerge semantics.

- a segment whose (context, source) is unchanged keeps its translation and flags;
- a segment whose source changed keeps its old translation, becomes fuzzy and records the
  previous source (``#|``); a moved sentence (same source, new context) likewise;
- otherwise a similar old entry (difflib ratio >= 0.6) lends its translation, fuzzy;
- new segments start untranslated; removed, translated segments become obsolete (``#~``).
No translation is ever dropped: obsolete entries come back to life when their segment returns.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from pathlib import Path

import polib

from termweave import __version__
from termweave.catalog.extract import comment_for_language
from termweave.catalog.po import WRAP_WIDTH, load_po, po_timestamp, save_po

FUZZY_THRESHOLD = 0.6


def language_headers(lang: str) -> dict[str, str]:
    """Headers that describe the catalog's language, from CLDR via babel."""
    from babel import Locale
    from babel.messages.plurals import get_plural

    locale = Locale.parse(lang.replace("-", "_"))
    return {
        "Language": lang,
        "Language-Team": locale.get_display_name("en") or lang,
        "Plural-Forms": get_plural(locale).plural_forms,
    }


def _is_translated(entry: polib.POEntry) -> bool:
    return bool(entry.msgstr or any(entry.msgstr_plural.values()))


def _similarity(a: str, b: str) -> float:
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < FUZZY_THRESHOLD or matcher.quick_ratio() < FUZZY_THRESHOLD:
        return 0.0
    return matcher.ratio()


def merge(pot: polib.POFile, old: polib.POFile | None, lang: str) -> polib.POFile:
    """Return a new catalog for ``lang`` holding ``pot``'s entries with ``old``'s translations."""
    po = polib.POFile(wrapwidth=WRAP_WIDTH)
    metadata = dict(old.metadata) if old is not None else {}
    metadata.setdefault("Project-Id-Version", pot.metadata.get("Project-Id-Version", ""))
    metadata.setdefault("Report-Msgid-Bugs-To", "")
    metadata["POT-Creation-Date"] = pot.metadata.get("POT-Creation-Date", po_timestamp())
    metadata.setdefault("PO-Revision-Date", po_timestamp())
    metadata.setdefault("Last-Translator", "termweave")
    metadata.update({"MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8",
                     "Content-Transfer-Encoding": "8bit"})
    metadata.update(language_headers(lang))
    metadata["X-Source-Language"] = pot.metadata.get("X-Source-Language", "en")
    metadata["X-Generator"] = f"termweave {__version__}"
    po.metadata = metadata
    po.header = old.header if old is not None and old.header else (
        f"{metadata['Language-Team']} translation of {metadata['Project-Id-Version']}.\n"
        "Review in any PO editor; termweave keeps msgctxt (segment ids) and #. glossary notes.")

    pool = [e for e in old if not e.msgid == ""] if old is not None else []
    used: set[int] = set()

    def take(predicate) -> polib.POEntry | None:
        # Prefer active entries over obsolete ones, then file order.
        for want_obsolete in (False, True):
            for index, entry in enumerate(pool):
                if index not in used and bool(entry.obsolete) == want_obsolete and predicate(entry):
                    used.add(index)
                    return entry
        return None

    pending: list[tuple[int, polib.POEntry]] = []
    merged: list[polib.POEntry | None] = []
    for template in pot:
        exact = take(lambda e, t=template: e.msgctxt == t.msgctxt and e.msgid == t.msgid)
        if exact is not None:
            merged.append(_carry(template, exact, lang, fuzzy=exact.fuzzy))
            continue
        merged.append(None)
        pending.append((len(merged) - 1, template))

    # Second pass: same source in another context, same context with another source, similar.
    for position, template in pending:
        moved = take(lambda e, t=template: e.msgid == t.msgid and _is_translated(e))
        same_slot = moved or take(lambda e, t=template: e.msgctxt == t.msgctxt and _is_translated(e))
        candidate = same_slot or _most_similar(template, pool, used)
        if candidate is None:
            merged[position] = _carry(template, None, lang, fuzzy=False)
        else:
            merged[position] = _carry(template, candidate, lang, fuzzy=True, previous=True)

    for entry in merged:
        po.append(entry)
    for index, entry in enumerate(pool):
        if index not in used and _is_translated(entry):
            entry.obsolete = True
            po.append(entry)
    return po


def _most_similar(template: polib.POEntry, pool: list[polib.POEntry], used: set[int]) -> polib.POEntry | None:
    best, best_score, best_index = None, FUZZY_THRESHOLD, None
    for index, entry in enumerate(pool):
        if index in used or not _is_translated(entry):
            continue
        score = _similarity(template.msgid, entry.msgid)
        if score >= best_score:
            best, best_score, best_index = entry, score, index
    if best_index is not None:
        used.add(best_index)
    return best


def _carry(
    template: polib.POEntry, old: polib.POEntry | None, lang: str, fuzzy: bool, previous: bool = False
) -> polib.POEntry:
    """A catalog entry: the template's source, references and notes (for ``lang``); the old translation."""
    entry = polib.POEntry(
        msgctxt=template.msgctxt,
        msgid=template.msgid,
        msgstr="",
        occurrences=list(template.occurrences),
        comment=comment_for_language(template.comment, lang),
    )
    if old is None:
        return entry
    entry.msgstr = old.msgstr
    entry.tcomment = old.tcomment
    entry.flags = [f for f in old.flags if f != "fuzzy"]
    if previous:
        # Keep the last reviewed source when the entry was already awaiting review.
        if old.fuzzy and old.previous_msgid:
            entry.previous_msgid, entry.previous_msgctxt = old.previous_msgid, old.previous_msgctxt
        else:
            entry.previous_msgid = old.msgid
            entry.previous_msgctxt = old.msgctxt if old.msgctxt != template.msgctxt else None
    elif fuzzy and old.previous_msgid:
        entry.previous_msgid, entry.previous_msgctxt = old.previous_msgid, old.previous_msgctxt
    if fuzzy:
        entry.flags.insert(0, "fuzzy")
    return entry


def update(pot: polib.POFile, po_path: Path, lang: str, old: polib.POFile | None = None) -> bool:
    """Merge ``pot`` into the catalog at ``po_path`` (created when missing). True if written.

    ``old`` is the catalog already loaded from ``po_path``, when the caller validated it first.
    """
    if old is None and po_path.exists():
        old = load_po(po_path)
    po = merge(pot, old, lang)
    return save_po(po, po_path, {"POT-Creation-Date": po.metadata["POT-Creation-Date"]})
