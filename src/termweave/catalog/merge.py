"""Merge a template into a catalog with ``msgmerge --previous`` semantics (gettext 0.21 msgmerge.c).

For every template message, in template order:
- the old message with the same (msgctxt, msgid), obsolete ones included, lends its translation,
  translator comments and fuzziness (an obsolete one comes back to life);
- else the most similar old translated message (see :mod:`termweave.catalog.fuzzy`) lends its
  translation, marked fuzzy, with its source recorded as ``#|`` previous msgctxt/msgid/plural;
- else the message starts untranslated (plural entries with nplurals empty forms).
Source, ``#.`` comments, ``#:`` references and flags (format, range, no-wrap) come from the
template, ``fuzzy`` from the merge: a new format flag the old translation does not satisfy, a
changed msgid_plural, a plural/singular switch or a narrower range make it fuzzy. Every plural form
is carried. Old messages no template message used become obsolete (``#~``), untranslated ones
are dropped when written. The header is the catalog's own: only ``POT-Creation-Date`` and
``Report-Msgid-Bugs-To`` follow the template (as msgmerge does), and missing ``Language``,
``Plural-Forms`` (from CLDR, when babel knows the language) and ``X-Source-Language`` are filled in.
Nothing depends on msgctxt being present.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from termweave.catalog.extract import comment_for_language
from termweave.catalog.fuzzy import FuzzyIndex
from termweave.formats.po import Catalog, Message, gettext_flag, load_po, po_timestamp, save_po

TEMPLATE_HEADERS = ("POT-Creation-Date", "Report-Msgid-Bugs-To")
DEFAULT_NPLURALS = 2  # gettext's default when the header has no Plural-Forms
_FORMAT_FLAGS = ("python-format", "python-brace-format", "c-format")
_PLACEHOLDERS = {
    "python-format": re.compile(r"%(?:\(([^)]*)\))?[-+ #0]*(?:\*|\d+)?(?:\.(?:\*|\d+)?)?[hlL]?([%crsiduoxXeEfgG])"),
    "python-brace-format": re.compile(r"\{\{|\}\}|\{([^{}:!]*)[^{}]*\}"),
    "c-format": re.compile(r"%(?:(\d+)\$)?[-+ #0'I]*(?:\*|\d+)?(?:\.(?:\*|\d+)?)?(?:hh|h|ll|l|L|q|j|z|t)?([a-zA-Z%])"),
}


@dataclass
class MergeStats:
    exact: int = 0
    fuzzy: int = 0
    new: int = 0
    obsolete: int = 0


def _placeholders(flag: str, text: str) -> list[str]:
    found = []
    for match in _PLACEHOLDERS[flag].finditer(text):
        groups = [g for g in match.groups() if g is not None]
        if flag == "python-brace-format" and match.group(0) in ("{{", "}}"):
            continue
        if groups and groups[-1] == "%":
            continue
        found.append(":".join(groups))
    return sorted(found) if flag != "c-format" else found


def _format_breaks(flag: str, ref: Message, forms: list[str]) -> bool:
    """The translation no longer satisfies the template's format flag (msgfmt -c would fail)."""
    wanted = _placeholders(flag, ref.msgid)
    for index, form in enumerate(forms):
        if not form:
            continue
        have = _placeholders(flag, form)
        if index == 0 and ref.msgid_plural is None and have != wanted:
            return True
        if not set(have) <= set(wanted + _placeholders(flag, ref.msgid_plural or "")):
            return True
    return False


def _range(flags: list[str]) -> tuple[int, int] | None:
    for flag in flags:
        match = re.fullmatch(r"range: (\d+)\.\.(\d+)", flag)
        if match:
            return int(match.group(1)), int(match.group(2))
    return None


def merge_message(old: Message, ref: Message, force_fuzzy: bool) -> Message:
    """gettext's message_merge: the template's message with the old one's translation."""
    plural = ref.msgid_plural is not None
    fuzzy = old.fuzzy or force_fuzzy
    if not fuzzy and (ref.msgid_plural != old.msgid_plural):
        fuzzy = True
    forms = old.msgstr_plural if old.msgid_plural is not None else [old.msgstr]
    for flag in _FORMAT_FLAGS if ref.flags else ():
        if not fuzzy and flag in ref.flags and not _has_format(old.flags, flag) and _format_breaks(flag, ref, forms):
            fuzzy = True
    old_range = _range(old.flags) if old.flags else None
    if not fuzzy and old_range:
        new_range = _range(ref.flags)
        if not (new_range and new_range[0] >= old_range[0] and new_range[1] <= old_range[1]):
            fuzzy = True
    if old.fuzzy:
        previous = (old.previous_msgctxt, old.previous_msgid, old.previous_msgid_plural)
    else:
        previous = (old.msgctxt, old.msgid, old.msgid_plural)
    message = Message(
        msgid=ref.msgid,
        msgctxt=ref.msgctxt,
        msgid_plural=ref.msgid_plural,
        flags=(["fuzzy"] if fuzzy else []) + [f for f in ref.flags if f != "fuzzy"] + _own_flags(old, ref, force_fuzzy),
        translator_comments=list(old.translator_comments),
        extracted_comments=list(ref.extracted_comments),
        references=list(ref.references),
        previous_msgctxt=previous[0],
        previous_msgid=previous[1],
        previous_msgid_plural=previous[2],
    )
    if plural:
        message.msgstr_plural = list(forms)
    else:
        message.msgstr = forms[0] if forms else ""
    return message


def _own_flags(old: Message, ref: Message, force_fuzzy: bool) -> list[str]:
    """The flags gettext does not know that the translator put on the same message (a Weblate
    ``ignore-<check>``): kept where msgmerge would drop them; not lent by a fuzzy match."""
    if force_fuzzy or not old.flags:
        return []
    return [f for f in old.flags if not gettext_flag(f) and f not in ref.flags]


def _has_format(flags: list[str], flag: str) -> bool:
    return flag in flags or f"possible-{flag}" in flags


def _fix_plurality(message: Message, old: Message, nplurals: int) -> None:
    """msgmerge's post-processing when the template and the old message disagree on plurality."""
    if message.msgid_plural is not None and old.msgid_plural is None and nplurals > 0:
        message.msgstr_plural = [old.msgstr] * nplurals
        message.set_fuzzy(True)
    elif message.msgid_plural is None and old.msgid_plural is not None and len(old.msgstr_plural) > 1:
        message.set_fuzzy(True)


def merge_catalogs(old: Catalog | None, template: Catalog, stats: MergeStats | None = None) -> Catalog:
    """The catalog ``msgmerge --previous OLD TEMPLATE`` writes (header aside: see the module doc)."""
    stats = stats if stats is not None else MergeStats()
    old = old if old is not None else Catalog()
    header = replace(old.header) if old.header is not None else None
    result = Catalog(header=header, path=old.path)
    nplurals = old.nplurals or DEFAULT_NPLURALS
    exact: dict[tuple[str | None, str], Message] = {}
    for message in old.messages:
        exact.setdefault(message.key, message)
    wanted = [m for m in template.messages if not m.obsolete and m.key not in exact]
    index = FuzzyIndex([m for m in old.messages if m.first_msgstr and m.key != (None, "")])
    donors = dict(zip((id(m) for m in wanted), index.search_many(wanted), strict=True))
    used: set[int] = set()
    result_nplurals = result.nplurals or nplurals
    for ref in template.messages:
        if ref.obsolete:
            continue
        donor = exact.get(ref.key)
        fuzzy_match = donor is None
        donor = donor if donor is not None else donors.get(id(ref))
        if donor is None:
            message = replace(
                ref,
                flags=list(ref.flags),
                previous_msgctxt=None,
                previous_msgid=None,
                previous_msgid_plural=None,
                line=0,
            )
            if message.msgid_plural is not None and not any(message.msgstr_plural):
                message.msgstr_plural = [""] * nplurals
            stats.new += 1
        else:
            message = merge_message(donor, ref, force_fuzzy=fuzzy_match)
            _fix_plurality(message, donor, result_nplurals)
            used.add(id(donor))
            if fuzzy_match:
                stats.fuzzy += 1
            else:
                stats.exact += 1
        if not message.fuzzy or not message.first_msgstr:
            message.previous_msgctxt = message.previous_msgid = message.previous_msgid_plural = None
        result.messages.append(message)
    for message in old.messages:
        if id(message) not in used:
            result.messages.append(replace(message, obsolete=True, extracted_comments=[], references=[], line=0))
            stats.obsolete += 1 if message.first_msgstr else 0
    for key in TEMPLATE_HEADERS:
        value = template.header_value(key)
        if value is not None and result.header is not None:
            result.set_header(key, value)
    return result


def fill_header(catalog: Catalog, template: Catalog, lang: str | None, source_lang: str | None = None) -> None:
    """Fill in missing header fields; a translator's or platform's values are never overwritten."""
    if catalog.header is None:  # a new catalog starts from the template's header, as msginit does
        source = template.header or Message(msgid="")
        catalog.header = Message(msgid="", msgstr=source.msgstr, translator_comments=list(source.translator_comments))
        if catalog.header_value("PO-Revision-Date") in (None, "YEAR-MO-DA HO:MI+ZONE"):
            catalog.set_header("PO-Revision-Date", po_timestamp())
        if "CHARSET" in (catalog.header_value("Content-Type") or "CHARSET"):
            catalog.set_header("Content-Type", "text/plain; charset=UTF-8")
    if lang and not catalog.header_value("Language"):
        catalog.set_header("Language", lang)
    language = catalog.header_value("Language")
    if language and not catalog.header_value("Plural-Forms"):
        plural_forms = cldr_plural_forms(language)
        if plural_forms:
            catalog.set_header("Plural-Forms", plural_forms)
    source_language = source_lang or template.header_value("X-Source-Language")
    if source_language and not catalog.header_value("X-Source-Language"):
        catalog.set_header("X-Source-Language", source_language)


def cldr_plural_forms(lang: str) -> str | None:
    """The ``Plural-Forms`` CLDR gives for ``lang``; None when babel does not know the language."""
    from babel import Locale, UnknownLocaleError
    from babel.messages.plurals import get_plural

    try:
        return get_plural(Locale.parse(lang.replace("-", "_"))).plural_forms
    except (UnknownLocaleError, ValueError):
        return None


def merge(
    template: Catalog,
    old: Catalog | None,
    lang: str | None,
    source_lang: str | None = None,
    stats: MergeStats | None = None,
) -> Catalog:
    """The merged catalog for ``lang`` (header filled in before the merge: nplurals come from it)."""
    base = old if old is not None else Catalog()
    fill_header(base, template, lang, source_lang)
    return merge_catalogs(base, template, stats)


def update(pot: Catalog, po_path: Path, lang: str, old: Catalog | None = None) -> bool:
    """Merge ``pot`` into the catalog at ``po_path`` (created when missing). True if written.

    ``old`` is the catalog already loaded from ``po_path``, when the caller validated it first.
    """
    if old is None and po_path.exists():
        old = load_po(po_path)
    merged = merge(pot, old, lang)
    for message in merged.live:  # termweave's own catalogs: each lists its own language's glossary notes
        message.extracted_comments = [comment_for_language(c, lang) for c in message.extracted_comments]
    pot_date = pot.header_value("POT-Creation-Date")
    return save_po(merged, po_path, {"POT-Creation-Date": pot_date} if pot_date else None)
