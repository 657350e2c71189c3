"""term-missing and term-forbidden through the whole check run."""

from __future__ import annotations

from termweave.glossary import load_glossary


def by_check(findings, check):
    return [f for f in findings if f.check == check]


def test_inflected_terms_satisfy_the_glossary(check):
    findings = check(
        "uk",
        [
            (
                "abstract.p1.s1",
                "Sanctions against the Russian Federation and the DPRK's ballistic missiles.",
                "Санкції проти Російської Федерації та балістичні ракети КНДР.",
            ),
        ],
        only={"term-missing", "term-forbidden"},
    )
    assert findings == []


def test_missing_term_is_an_error_naming_the_glossary_id(check):
    (finding,) = check(
        "uk",
        [
            ("abstract.p1.s2", "North Korea rejected the talks.", "Південна Корея відхилила переговори."),
        ],
        only={"term-missing"},
    )
    assert (finding.check, finding.severity, finding.term, finding.context) == (
        "term-missing",
        "error",
        "dprk",
        "abstract.p1.s2",
    )
    assert "North Korea" in finding.message and "КНДР" in finding.message
    assert finding.span is None


def test_a_term_twice_in_the_source_needs_one_occurrence(check):
    findings = check(
        "uk",
        [
            ("s", "The DPRK said the DPRK would not yield.", "КНДР заявила, що не поступиться."),
        ],
        only={"term-missing"},
    )
    assert findings == []


def test_do_not_translate_terms_need_the_source_form(check):
    ok = check("uk", [("s", "The data are on Zenodo.", "Дані розміщено на Zenodo.")], only={"term-missing"})
    bad = check("uk", [("s", "The data are on Zenodo.", "Дані розміщено на Зенодо.")], only={"term-missing"})
    assert ok == []
    assert [(f.check, f.term) for f in bad] == [("term-missing", "zenodo")]


def test_forbidden_variant_in_any_form_with_its_span(check):
    text = "Ракети перевозили разом з амуніцією."
    findings = check(
        "uk", [("s", "Missiles were shipped with ammunition.", text)], only={"term-missing", "term-forbidden"}
    )
    assert [(f.check, f.term) for f in findings] == [("term-missing", "ammunition"), ("term-forbidden", "ammunition")]
    forbidden = by_check(findings, "term-forbidden")[0]
    assert text[forbidden.span[0] : forbidden.span[1]] == "амуніцією"


def test_forbidden_variant_is_reported_even_when_the_source_lacks_the_term(check):
    findings = check("uk", [("s", "They met.", "Вони зустрілися з Ким Чен Ыном.")], only={"term-forbidden"})
    assert [(f.check, f.term) for f in findings] == [("term-forbidden", "kim-jong-un")]


def test_forbidden_inside_a_longer_approved_rendering_is_not_reported(check, tmp_path):
    csv = tmp_path / "g.csv"
    csv.write_text(
        "id,en,uk,ko,uk_forbidden,ko_forbidden,note\n"
        "south-korea,Republic of Korea,Республіка Корея,대한민국,,,\n"
        "korea,Korea,Корейський півострів,한반도,Корея,,bare Korea is ambiguous here\n",
        encoding="utf-8",
    )
    gloss = load_glossary(csv, required_languages=("en", "uk"))
    ok = check("uk", [("s", "The Republic of Korea voted.", "Республіка Корея проголосувала.")], gloss=gloss)
    bad = check("uk", [("s", "Korea voted.", "Корея проголосувала.")], gloss=gloss, only={"term-forbidden"})
    assert by_check(ok, "term-forbidden") == []
    assert [(f.check, f.term) for f in bad] == [("term-forbidden", "korea")]


def test_a_term_nested_in_a_longer_source_term_is_not_required(check, tmp_path):
    csv = tmp_path / "g.csv"
    csv.write_text(
        "id,en,uk,ko\nnorth-korea,North Korea,КНДР,북한\nkorea,Korea,Корея,한국\n",
        encoding="utf-8",
    )
    gloss = load_glossary(csv, required_languages=("en", "uk", "ko"))
    assert check("ko", [("s", "North Korea objected.", "북한이 반대했다.")], gloss=gloss, only={"term-missing"}) == []
    assert check("uk", [("s", "North Korea objected.", "КНДР заперечила.")], gloss=gloss, only={"term-missing"}) == []


def test_korean_particles_pass_and_near_misses_fail(check):
    findings = check(
        "ko",
        [
            ("a", "North Korea's banks remain under sanctions.", "북한의 은행들은 여전히 제재 대상이다."),
            ("b", "South Korea promotes its language.", "한국어가 해외에서 보급되고 있다."),
            ("c", "North Korea praised the treaty.", "북조선은 조약을 찬양했다."),
        ],
        only={"term-missing", "term-forbidden"},
    )
    assert [(f.context, f.check, f.term) for f in findings] == [
        ("b", "term-missing", "south-korea"),
        ("c", "term-missing", "dprk"),
        ("c", "term-forbidden", "dprk"),
    ]


def test_glossary_without_the_target_language_skips_term_checks(check, tmp_path):
    csv = tmp_path / "g.csv"
    csv.write_text("id,en,uk\nsanction,sanction,санкція\n", encoding="utf-8")
    gloss = load_glossary(csv, required_languages=("en",))
    assert (
        check("ko", [("s", "Sanctions were lifted.", "규제가 해제되었다.")], gloss=gloss, only={"term-missing"}) == []
    )
