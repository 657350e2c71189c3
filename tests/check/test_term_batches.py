"""The batched glossary search of ``termweave check`` (check.runner presets the hits of a whole
batch, once per distinct text) gives every entry exactly the hits its own search finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from termweave.check import run_checks
from termweave.check.catalog import load_catalog
from termweave.check.context import EntryContext, HitMemo, Resources
from termweave.check.evaluate import load_pairs
from termweave.check.runner import _preset_glossary_hits
from termweave.glossary import load_glossary
from termweave.glossary.match import triggered_terms

DATA = Path(__file__).resolve().parents[1] / "data"
KINDS = ("source_hits", "target_hits", "raw_forbidden_hits")


def _labelled(lang: str) -> list[tuple[str, str]]:
    """The (source, translation) pairs of both labelled sets, each twice: repeated texts come
    from the memo, the second time in the same batch as the first."""
    pairs = [
        (p.source, p.translation)
        for d in ("check", "check-heldout")
        for p in load_pairs(DATA / d / f"term_pairs.{lang}.tsv")
    ]
    return pairs + pairs[::3]


def _contexts(path: Path, resources: Resources) -> list[EntryContext]:
    catalog = load_catalog(path)
    return [EntryContext(catalog, e, *e.pairs()[0], resources) for e in catalog.entries]


@pytest.mark.parametrize("lang, memo_limit", [("uk", None), ("ko", None), ("uk", 50)])
def test_batched_hits_equal_each_entrys_own(lang, memo_limit, glossary, ko_matcher, write_po, monkeypatch):
    if memo_limit:  # a memo past its limit starts again
        monkeypatch.setattr(HitMemo, "LIMIT", memo_limit)
    path = write_po(lang, [(f"e{n}", source, translation) for n, (source, translation) in enumerate(_labelled(lang))])
    batched = _contexts(path, Resources(glossary=glossary, matchers={"ko": ko_matcher}))
    for at in range(0, len(batched), 64):  # several batches: the memo carries texts across them
        _preset_glossary_hits(batched[at : at + 64], batched[0].res, forbidden=True)
    own = _contexts(path, Resources(glossary=glossary, matchers={"ko": ko_matcher}))
    assert sum("target_hits" in c.__dict__ for c in batched) > 0.9 * len(batched)  # preset by the batch
    assert sum(bool(c.target_hits) for c in batched) > len(batched) / 3
    for preset, alone in zip(batched, own):
        assert [getattr(preset, kind) for kind in KINDS] == [getattr(alone, kind) for kind in KINDS], alone.source


def test_find_many_keeps_the_wanted_terms_and_triggered_many_the_outermost(glossary, ko_matcher):
    resources = Resources(glossary=glossary, matchers={"ko": ko_matcher})
    pairs = _labelled("ko")
    sources = [source for source, _ in pairs]
    english, terms = resources.matcher("en"), resources.pair_terms("en", "ko")
    triggered = english.triggered_many(sources, terms)
    assert triggered == [triggered_terms(english, source, terms, "en") for source in sources]
    # A soft hyphen moves offsets: that text is searched on its own, with the same result.
    translations = [translation for _, translation in pairs] + ["북\u00ad한군과 러시아 연방"]
    wanted = [frozenset(hit.term.id for hit in hits) for hits in triggered] + [frozenset({"dprk"})]
    found = ko_matcher.find_many(translations, terms, wanted=wanted)
    alone = [[h for h in ko_matcher.find(t, terms) if h.term.id in ids] for t, ids in zip(translations, wanted)]
    assert found == alone and found[-1] and sum(map(bool, found)) > len(found) / 3


def test_forbidden_hits_are_preset_where_no_source_triggers_a_term(glossary, write_po):
    path = write_po("uk", [("a", "Hello", "Це війна на знищення"), ("b", "Good day", "Добрий день")])
    resources = Resources(glossary=glossary)
    batched = _contexts(path, resources)
    _preset_glossary_hits(batched, resources, forbidden=True)
    own = _contexts(path, Resources(glossary=glossary))
    assert not any(c.source_hits for c in batched)
    assert all("raw_forbidden_hits" in c.__dict__ for c in batched)  # not searched again one text at a time
    assert [c.raw_forbidden_hits for c in batched] == [c.raw_forbidden_hits for c in own]
    assert [len(c.raw_forbidden_hits) for c in batched] == [1, 0]


def test_pairs_with_the_same_terms_share_their_source_hits(glossary, ko_matcher, write_po, tmp_path):
    resources = Resources(glossary=glossary, matchers={"ko": ko_matcher})
    assert resources.hit_memo("en", "uk").sources is resources.hit_memo("en", "ko").sources
    for lang in ("uk", "ko"):  # the ko sources are found in the memo the uk batch filled
        path = write_po(lang, [(f"e{n}", s, t) for n, (s, t) in enumerate(_labelled(lang))], name=f"{lang}.po")
        batched = _contexts(path, resources)
        _preset_glossary_hits(batched, resources, forbidden=True)
        own = _contexts(path, Resources(glossary=glossary, matchers={"ko": ko_matcher}))
        assert [[getattr(c, kind) for kind in KINDS] for c in batched] == [
            [getattr(c, kind) for kind in KINDS] for c in own
        ]
    # A term without a Korean rendering: the two pairs' terms differ, and so do their source hits.
    rows = (DATA / "check" / "term_glossary.csv").read_text(encoding="utf-8").splitlines()
    header = rows[0].split(",")
    first = rows[1].split(",")
    first[header.index("ko")] = ""
    fewer = tmp_path / "fewer.csv"
    fewer.write_text("\n".join([rows[0], ",".join(first), *rows[2:]]) + "\n", encoding="utf-8")
    apart = Resources(glossary=load_glossary(fewer, required_languages=("en",)))
    assert len(apart.pair_terms("en", "uk")) == len(apart.pair_terms("en", "ko")) + 1
    assert apart.hit_memo("en", "uk").sources is not apart.hit_memo("en", "ko").sources


def test_plural_forms_get_the_term_checks(glossary, tmp_path):
    path = tmp_path / "uk.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Language: uk\\n"\n"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : '
        'n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\n'
        'msgid "%d war of attrition"\nmsgid_plural "%d wars of attrition"\n'
        'msgstr[0] "%d війна на виснаження"\nmsgstr[1] "%d війни на знищення"\nmsgstr[2] "%d воєн"\n',
        encoding="utf-8",
    )
    report = run_checks([path], glossary, only={"term-missing", "term-forbidden"}, jobs=1)
    assert [(f.check, f.msgstr) for f in report.findings] == [  # one entry's findings: in registry order
        ("term-missing", "%d війни на знищення"),
        ("term-missing", "%d воєн"),
        ("term-forbidden", "%d війни на знищення"),
    ]
