"""Edition typography per language: settings, rendering, and the house-style warnings."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import run_cli

from termweave.errors import InputError
from termweave.lang.house_style import DEFAULTS, HouseStyle, load_house_styles, typeset

NBSP = "\u00a0"
UK, KO = DEFAULTS["uk"], DEFAULTS["ko"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Сторони підписали документ – Договір про партнерство.",
            f"Сторони підписали документ{NBSP}– Договір про партнерство.",
        ),
        (
            "Війна в Україні і тиск з боку США у 2024 році.",
            f"Війна в{NBSP}Україні і{NBSP}тиск з{NBSP}боку США у{NBSP}2024 році.",
        ),
        ("У 1941 – 1945 рр. та в 2022—2024 рр.", f"У{NBSP}1941–1945 рр. та в{NBSP}2022–2024 рр."),
        ('Так званий "бартер" і, що важливо, зброя.', "Так званий «бартер» і, що важливо, зброя."),
        ("Див. https://example.org/a-1 і doi 10.1000/x–1.", f"Див. https://example.org/a-1 і{NBSP}doi 10.1000/x–1."),
        ("Вона, а не він.", f"Вона, а{NBSP}не він."),
        ("Обʼєкт у «центрі» уваги.", f"Обʼєкт у{NBSP}«центрі» уваги."),
    ],
)
def test_ukrainian_typesetting(text, expected):
    assert typeset(text, UK) == expected
    assert typeset(expected, UK) == expected  # idempotent: a second build writes the same bytes


@pytest.mark.parametrize(
    "text, keywords, expected",
    [
        ("2024–2025년에 형성되었다.", False, "2024~2025년에 형성되었다."),
        ("제1 — 3장", False, "제1~3장"),
        ("2024-06-19에 서명하였다.", False, "2024-06-19에 서명하였다."),  # a date, not a range
        ("지정학, 북한 지전략, 김정은.", True, "지정학, 북한 지전략, 김정은"),
        ("지정학, 북한 지전략, 김정은", True, "지정학, 북한 지전략, 김정은"),
        ("이것은 문장이다.", False, "이것은 문장이다."),
    ],
)
def test_korean_typesetting(text, keywords, expected):
    assert typeset(text, KO, keywords=keywords) == expected


def test_a_language_without_a_style_is_left_alone():
    text = 'A "quoted" word – and 2024–2025 in a range.'
    assert typeset(text, HouseStyle(), keywords=True) == text


def test_settings_override_the_defaults_key_by_key(tmp_path):
    path = tmp_path / "termweave.toml"
    path.write_text(
        '[termweave]\nsource_lang = "en"\n\n[house_style.uk]\ndash = "—"\n\n'
        '[house_style.ko]\nkeywords_period = "keep"\n',
        encoding="utf-8",
    )
    styles = load_house_styles(path)
    assert styles["uk"].dash == "—" and styles["uk"].nbsp_before_dash and styles["uk"].range == "–"
    assert styles["ko"].keywords_period == "keep" and styles["ko"].range == "~"
    assert typeset("документ – Договір", styles["uk"]) == f"документ{NBSP}— Договір"


@pytest.mark.parametrize(
    "table, message",
    [
        ('dash = "-"', "dash must be"),
        ('colour = "red"', "unknown key(s): colour"),
        ('keywords_period = "drop"', "keywords_period must be one of"),
        ('nbsp_after = "в"', "nbsp_after must be a list"),
        ('quotes = "«»„"', "quotes must hold 2 characters"),
    ],
)
def test_bad_settings_name_the_file_and_the_table_line(tmp_path, table, message):
    path = tmp_path / "termweave.toml"
    path.write_text(f'[termweave]\nsource_lang = "en"\n\n[house_style.uk]\n{table}\n', encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_house_styles(path)
    assert message in str(info.value) and info.value.line == 4 and str(path) in str(info.value)


def test_build_applies_the_configured_style_and_check_warns_on_the_catalog(project, capsys):
    config = project / "termweave.toml"
    config.write_text(
        config.read_text(encoding="utf-8")
        .replace('dash = "–"', 'dash = "—"')
        .replace('keywords_period = "omit"', 'keywords_period = "add"'),
        encoding="utf-8",
    )
    assert run_cli("build") == 0
    uk = (project / "translations" / "abstract.uk.md").read_text(encoding="utf-8")
    ko = (project / "translations" / "abstract.ko.md").read_text(encoding="utf-8")
    assert f"документ{NBSP}— Договір" in uk and "Copyright (c) 2026 Павло Гай-Нижник\n" in uk
    assert "**주제어:** 지정학, 북한 지전략, 러시아 연방, 글로벌 안보, 한국, 푸틴, 김정은.\n" in ko
    assert run_cli("check", "--only", "house-style") == 0
    out = capsys.readouterr().out
    assert "spaced dash “–”; house style is “—”" in out and "keywords with a final period" in out


def test_shipped_editions_follow_the_shipped_style(project):
    assert run_cli("build") == 0
    ko = (project / "translations" / "abstract.ko.md").read_text(encoding="utf-8")
    assert "2024~2025년" in ko and "김정은\n" in ko and NBSP not in ko
    assert run_cli("check", "--only", "house-style,ko-range,uk-euphony") == 0


def test_missing_config_keeps_the_defaults(tmp_path):
    assert load_house_styles(Path(tmp_path / "absent.toml")) == DEFAULTS
