"""The MT drafter and term-missing agree on which terms a source triggers (one definition:
termweave.glossary.match.triggered_terms)."""

from __future__ import annotations

from pathlib import Path

from termweave.check import run_checks
from termweave.glossary import Glossary, Term
from termweave.translate.terms import TermSet, score_hypotheses


def _glossary() -> Glossary:
    terms = [
        Term(id="north-korea", line=2, variants={"en": ("North Korea",), "uk": ("Північна Корея",)}),
        Term(id="korea", line=3, variants={"en": ("Korea",), "uk": ("Корея",)}),
    ]
    return Glossary(path=Path("terms.csv"), terms=terms, languages=("en", "uk"))


def test_a_term_nested_in_a_longer_one_is_not_missing_for_the_drafter_either(tmp_path):
    glossary = _glossary()
    source = "North Korea sent troops."
    draft = "КНДР надіслала війська."  # neither term rendered: only the outer one is missing
    (score,) = score_hypotheses(source, [draft], TermSet.for_pair(glossary, "en", "uk"))
    assert [t.id for t in score.missing] == ["north-korea"]
    po = tmp_path / "uk.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: uk\\n"\n\n'
        f'msgid "{source}"\nmsgstr "{draft}"\n',
        encoding="utf-8",
    )
    report = run_checks([po], glossary, source_lang="en", only={"term-missing"})
    assert [f.term for f in report.findings] == [t.id for t in score.missing]
