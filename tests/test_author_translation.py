"""The author's own translation: aligned with the source, written as reviewed, compared by the check."""

from __future__ import annotations

import polib
import pytest
from support import SEED, run_cli

from termweave.segment import parse_seed

# The author's Ukrainian page for the shipped seed, written for this test: the title and p1 as the
# author words them, p3 in one sentence where the English has two (cannot be aligned).
AUTHOR_PAGE = """Альянс лиходіїв: військово-політичний союз Російської Федерації та Північної Кореї проти України як змова проти Заходу та загроза світовій безпеці
DOI:
https://doi.org/10.5281/zenodo.20391772
Ключові слова:
геополітика, геостратегія КНДР, Російська Федерація, глобальна безпека, Південна Корея, Путін, Кім Чен Ин.
Анотація
Сучасний характер відносин між КНДР і Росією можна схарактеризувати як повноцінний військово-політичний союз, який остаточно оформився у 2024–2025 рр. на тлі війни в Україні, міжнародної ізоляції обох режимів і трансформації системи глобальної безпеки.
Основними рисами цих відносин є: військова співпраця та взаємна оборона (у червні 2024 р. сторони підписали знаковий документ – Договір про стратегічне партнерство, що містить положення про негайну військову допомогу в разі агресії проти однієї з країн); постачання зброї (КНДР стала ключовим постачальником боєприпасів для Російської Федерації, зокрема артилерійських снарядів, балістичних ракет та іншого озброєння); участь військ КНДР у російсько-українській війні (у другій половині 2024 р. зафіксовано перекидання тисяч північнокорейських військовослужбовців до Росії для безпосередньої участі в бойових діях проти України).
Крім того, обидві держави налагодили механізм геополітичного бартеру на основі обміну технологіями, а їхні взаємини ґрунтуються на взаємовигідному обміні «ресурсів на технології».
Підґрунтям союзу стала дипломатична та ідеологічна єдність: Пхеньян послідовно підтримує Росію на міжнародній арені (зокрема в ООН), виправдовуючи російську агресію та визнаючи анексію українських територій; обидві країни позиціонують свій союз як противагу «західному імперіалізму» та США, що ідеологічно зближує їх як «держави-ізгої».
Водночас Китай відіграє особливу, хоча й завуальовану, роль у формуванні тріади авторитарних режимів у межах антизахідної осі: Пекін зберігає певну дистанцію та висловлює занепокоєння «непрозорим характером» цієї військової співпраці, залишаючись при цьому головним покровителем КНДР.
Доведено, що головна геополітична й геостратегічна мета союзу полягає у створенні альтернативного центру сили для систематичної протидії Заходу (насамперед США) та перегляду чинного світового порядку.
"""


def by_segment(path):
    """The catalog's live entries by the id of the seed segment they translate (any msgctxt scheme)."""
    ids = {s.text: s.id for s in parse_seed(SEED).segments}
    return {ids.get(e.msgid, e.msgctxt): e for e in polib.pofile(str(path)) if not e.obsolete}


@pytest.fixture
def authored(project):
    (project / "seeds" / "alliance-of-villains.uk.txt").write_text(AUTHOR_PAGE, encoding="utf-8")
    with open(project / "termweave.toml", "a", encoding="utf-8") as config:
        config.write('\n[[author_translation]]\nseed = "seeds/alliance-of-villains.uk.txt"\nlang = "uk"\n')
    return project


def test_update_uses_the_authors_translation_and_keeps_the_replaced_one(authored, capsys):
    before = {k: e.msgstr for k, e in by_segment(authored / "translations" / "uk.po").items()}
    assert run_cli("update") == 0 and run_cli("build") == 0
    err = capsys.readouterr().err
    assert "paragraph 3: 1 sentence(s) against the source's 2: left to the translator" in err
    po = by_segment(authored / "translations" / "uk.po")
    title = po["title"]
    assert title.msgstr == AUTHOR_PAGE.split("\n")[0] and not title.fuzzy
    assert "author's translation: seeds/alliance-of-villains.uk.txt:1" in title.tcomment
    lines = title.tcomment.splitlines()
    head = lines.index("replaced by the author's translation, was (lines joined with one space):")
    kept = [line[2:] for line in lines[head + 1 :] if line.startswith("| ")]
    assert " ".join(kept) == before["title"]  # the replaced translation, exactly
    assert po["abstract.p1.s1"].msgstr.startswith("Сучасний характер") and not po["abstract.p1.s1"].fuzzy
    assert "seeds/alliance-of-villains.uk.txt:7" in po["abstract.p1.s1"].tcomment
    same = po["abstract.p6.s1"]  # the author's text equals the reviewed one: nothing to keep
    assert (
        same.msgstr == before["abstract.p6.s1"]
        and same.tcomment == "author's translation: seeds/alliance-of-villains.uk.txt:12"
    )
    for context in ("abstract.p3.s1", "abstract.p3.s2"):  # not aligned: the translator's stays
        assert po[context].msgstr == before[context] and not po[context].tcomment
    uk = (authored / "translations" / "abstract.uk.md").read_text(encoding="utf-8")
    assert "Сучасний характер відносин" in uk and "Copyright (c) 2026 Павло Гай-Нижник\n" in uk


def test_second_update_and_build_change_no_file(authored):
    assert run_cli("update") == 0 and run_cli("build") == 0
    before = {p.name: p.read_bytes() for p in (authored / "translations").iterdir()}
    assert run_cli("update") == 0 and run_cli("build") == 0
    assert {p.name: p.read_bytes() for p in (authored / "translations").iterdir()} == before


def test_a_hand_edit_of_an_authors_entry_is_flagged(authored, capsys):
    assert run_cli("update") == 0
    path = authored / "translations" / "uk.po"
    po = polib.pofile(str(path))
    po.find("title", by="msgctxt").msgstr = "Альянс лиходіїв"
    po.save(str(path))
    capsys.readouterr()
    assert run_cli("check", "--only", "author-terms") == 0
    assert "differs from the author's translation" in capsys.readouterr().out


@pytest.mark.parametrize(
    "table, message",
    [
        ('seed = "seeds/x.txt"\nlang = "de"', "not a target language"),
        ('seed = "seeds/x.txt"', "needs seed and lang"),
        ('seed = "seeds/x.txt"\nlang = "uk"\nof = "seeds/other.txt"', "is not one of the seeds"),
    ],
)
def test_bad_declarations_name_the_file_and_line(project, table, message, capsys):
    with open(project / "termweave.toml", "a", encoding="utf-8") as config:
        config.write(f"\n[[author_translation]]\n{table}\n")
    before = (project / "translations" / "uk.po").read_bytes()
    assert run_cli("update") == 2
    err = capsys.readouterr().err
    assert message in err and "termweave.toml:" in err
    assert (project / "translations" / "uk.po").read_bytes() == before
