"""attribution-altered: the copyright line byte for byte, the licence named with its version."""

from __future__ import annotations

from pathlib import Path

import pytest

from termweave.check.context import licence_code
from termweave.glossary import Glossary

EMPTY = Glossary(path=Path("empty.csv"), terms=[], languages=("en", "uk", "ko"))

COPYRIGHT = "Copyright (c) 2026 Павло Гай-Нижник"
LICENCE = "This work is licensed under a Creative Commons Attribution 4.0 International License."


def attribution(check, entries, lang="uk"):
    return check(lang, entries, only={"attribution-altered"})


def test_identical_copyright_passes_and_any_change_is_an_error(check):
    assert attribution(check, [("copyright", COPYRIGHT, COPYRIGHT)]) == []
    (finding,) = attribution(check, [("copyright", COPYRIGHT, "Авторське право (c) 2026 Павло Гай-Нижник")])
    assert finding.severity == "error"
    assert finding.span == (0, len("Авторське право"))


def test_copyright_is_recognised_by_its_text_without_msgctxt(check):
    (finding,) = attribution(check, [(None, "© 2026 Jane Doe", "© 2026 Джейн Доу")])
    assert finding.check == "attribution-altered"
    (finding,) = attribution(check, [("footer", COPYRIGHT, COPYRIGHT + " ")])
    assert finding.span == (len(COPYRIGHT), len(COPYRIGHT) + 1)


@pytest.mark.parametrize(
    "lang, translation",
    [
        ("uk", "Цей твір ліцензовано на умовах ліцензії Creative Commons «Із Зазначенням Авторства 4.0 Міжнародна»."),
        ("uk", "Цей твір ліцензовано на умовах CC BY 4.0."),
        ("ko", "이 저작물은 크리에이티브 커먼즈 저작자표시 4.0 국제 라이선스에 따라 이용할 수 있습니다."),
        ("ko", "이 저작물은 CC BY 4.0 라이선스를 따릅니다."),
    ],
)
def test_licence_named_by_glossary_title_or_code(check, lang, translation):
    assert check(lang, [("licence", LICENCE, translation)], only={"attribution-altered", "term-missing"}) == []


def test_licence_without_version_or_title_is_an_error(check):
    findings = attribution(check, [("licence", LICENCE, "Цей твір ліцензовано на умовах ліцензії Creative Commons.")])
    messages = [f.message for f in findings]
    assert messages == [
        "the licence must keep its version 4.0",
        "the licence must be named by its official title «Із Зазначенням Авторства 4.0 Міжнародна» "
        "or its code CC BY 4.0",
    ]


def test_licence_with_another_version_is_an_error(check):
    findings = attribution(check, [("licence", LICENCE, "Ліцензія CC BY 3.0.")])
    assert [f.message for f in findings][0] == "the licence must keep its version 4.0"


def test_licence_is_recognised_by_its_text(check):
    findings = attribution(check, [(None, "Licensed under CC BY-SA 4.0.", "Ліцензія: Creative Commons.")])
    assert [f.message for f in findings] == [
        "the licence must keep its version 4.0",
        "the licence must be named by its official title «Із Зазначенням Авторства – Поширення На Тих Самих Умовах "
        "4.0 Міжнародна» or its code CC BY-SA 4.0",
    ]
    assert attribution(check, [(None, "Licensed under CC BY-SA 4.0.", "Ліцензія: CC BY-SA 4.0.")]) == []


NC_SA = "This work is licensed under a Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International License."


@pytest.mark.parametrize(
    "lang, translation, problem",
    [
        # The case: the source changed to BY-NC-SA, the translations still say CC BY 4.0.
        (
            "uk",
            "Цей твір ліцензовано на умовах ліцензії Creative Commons «Із Зазначенням Авторства 4.0 Міжнародна».",
            "the translation names CC BY 4.0, the source CC BY-NC-SA 4.0",
        ),
        (
            "ko",
            "이 저작물은 크리에이티브 커먼즈 저작자표시 4.0 국제 라이선스에 따라 이용할 수 있습니다.",
            "the translation names CC BY 4.0, the source CC BY-NC-SA 4.0",
        ),
        (
            "ko",
            "이 저작물은 [CC BY-NC-SA](https://creativecommons.org/licenses/by-nc/4.0/) 4.0 라이선스를 따릅니다.",
            "the translation names CC BY-NC 4.0, the source CC BY-NC-SA 4.0",
        ),
        (
            "uk",
            "Ліцензія Creative Commons «Із Зазначенням Авторства – Некомерційна – Поширення На Тих Самих Умовах "
            "4.0 Міжнародна».",
            None,
        ),
        ("ko", "크리에이티브 커먼즈 저작자표시-비영리-동일조건변경허락 4.0 국제 라이선스.", None),
    ],
)
def test_a_different_licence_is_an_error_without_any_glossary_row(check, lang, translation, problem):
    # No glossary: the official titles ship with termweave.
    findings = check(lang, [("licence", NC_SA, translation)], only={"attribution-altered"}, gloss=EMPTY)
    assert [f.message for f in findings][:1] == ([problem] if problem else [])


@pytest.mark.parametrize(
    "text, code",
    [
        (LICENCE, "CC BY 4.0"),
        ("Creative Commons Attribution-NonCommercial-ShareAlike 3.0 Unported", "CC BY-NC-SA 3.0"),
        ("licensed CC BY-ND 4.0", "CC BY-ND 4.0"),
        ("no licence here", None),
    ],
)
def test_licence_code(text, code):
    assert licence_code(text) == code


def test_licence_data_covers_every_licence_in_termweaves_languages_with_sources():
    from termweave.data.licences import cc_licences

    codes = {lic.code for lic in cc_licences()}
    wanted = {f"CC {e} {v}" for e in ("BY", "BY-SA", "BY-NC", "BY-ND", "BY-NC-SA", "BY-NC-ND") for v in ("4.0", "3.0")}
    assert codes == wanted | {"CC0 1.0"}
    for lic in cc_licences():
        assert all(lic.title(lang) for lang in ("en", "uk", "ko")), lic.code
    import json
    from importlib import resources

    raw = json.loads(resources.files("termweave.data").joinpath("cc_licences.json").read_text(encoding="utf-8"))
    for entry in raw["licences"]:
        assert set(entry["sources"]) == set(entry["titles"]), entry["code"]
        assert all(
            s.startswith(("verbatim: legalcode/", "verbatim: docs/", "composed: ")) for s in entry["sources"].values()
        )
