"""author-terms: the rest of a catalog follows the author's own choice of glossary variants."""

from __future__ import annotations

from termweave.check import run_checks
from termweave.check.context import Resources


def test_check_compares_terms_with_the_authors_choice(write_po, glossary, ko_matcher):
    entries = [
        ("title", "North Korea and Russia", "Північна Корея і Росія"),  # the author's entry, as the author wrote it
        ("p1", "The DPRK signed it.", "КНДР підписала його."),  # another variant of dprk
        ("p2", "The DPRK and North Korea.", "Північна Корея, тобто КНДР."),  # one matches the author
        ("p3", "Russia signed it.", "Росія підписала його."),  # a term the author used the same way
    ]
    path = write_po("uk", entries)
    resources = Resources(
        glossary=glossary, author_texts={"uk": {("title", "North Korea and Russia"): "Північна Корея і Росія"}}
    )
    findings = run_checks([path], glossary, only={"author-terms"}, resources=resources).findings
    assert [(f.context, f.term) for f in findings] == [("p1", "dprk")]
    assert "Північна Корея" in findings[0].message
