"""MO compilation: our bytes against GNU msgfmt's for the same PO file."""

import gettext
import random
import subprocess

import pytest
from support import ROOT, run_cli, snapshot

from termweave.config import load_config
from termweave.console import Console
from termweave.errors import InputError
from termweave.formats.mo import compile_catalogs, compile_po, hash_string, next_prime

HEADER = (
    "# A test catalog.\n"
    'msgid ""\n'
    'msgstr ""\n'
    '"Project-Id-Version: test\\n"\n'
    '"POT-Creation-Date: 2026-01-02 03:04+0000\\n"\n'
    '"PO-Revision-Date: 2026-01-02 03:04+0000\\n"\n'
    '"Language: uk\\n"\n'
    '"MIME-Version: 1.0\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Content-Transfer-Encoding: 8bit\\n"\n'
    '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && '
    '(n%100<10 || n%100>=20) ? 1 : 2);\\n"\n'
    '"X-Custom:   spacing kept   \\n"\n'
)

EDGE_CASES = (
    HEADER
    + r"""
msgctxt "title"
msgid "Alliance of villains"
msgstr "Альянс лиходіїв"

msgctxt "abstract.p1.s1"
msgid "Tabs\tand \"quotes\" and \\ backslash"
msgstr "Табуляція\tі «лапки» та \\ зворотна риска"

msgid "Multi-line\n"
"continued\n"
msgstr "Багато\n"
"рядків\n"

#, fuzzy
msgctxt "fuzzy"
msgid "Fuzzy entry"
msgstr "Неточний"

msgctxt "empty"
msgid "Untranslated"
msgstr ""

msgid "one file"
msgid_plural "%d files"
msgstr[0] "%d файл"
msgstr[1] "%d файли"
msgstr[2] "%d файлів"

msgid "first form empty"
msgid_plural "first forms empty"
msgstr[0] ""
msgstr[1] "x"
msgstr[2] "y"

msgid "last form empty"
msgid_plural "last forms empty"
msgstr[0] "a"
msgstr[1] "b"
msgstr[2] ""

msgctxt "a"
msgid "same id, other context"
msgstr "інший контекст"

msgid "same id, other context"
msgstr "без контексту"

msgid "한국어 원문"
msgstr "корейське джерело"

#~ msgctxt "gone"
#~ msgid "Obsolete"
#~ msgstr "Застаріле"
"""
)


def msgfmt(po_path, mo_path):
    subprocess.run(["msgfmt", "-o", str(mo_path), str(po_path)], check=True)
    return mo_path.read_bytes() if mo_path.exists() else None


def test_edge_cases_are_byte_identical_to_msgfmt(tmp_path):
    po = tmp_path / "uk.po"
    po.write_text(EDGE_CASES, encoding="utf-8")
    reference = msgfmt(po, tmp_path / "ref.mo")
    ours = compile_po(po)
    assert ours == reference
    # And the content, read back with Python's own GNU catalog reader.
    catalog = gettext.GNUTranslations(open(tmp_path / "ref.mo", "rb"))
    (tmp_path / "ours.mo").write_bytes(ours)
    mine = gettext.GNUTranslations(open(tmp_path / "ours.mo", "rb"))
    assert mine._catalog == catalog._catalog
    assert mine.pgettext("title", "Alliance of villains") == "Альянс лиходіїв"
    assert mine.pgettext("fuzzy", "Fuzzy entry") == "Fuzzy entry"  # fuzzy left out
    assert mine.pgettext("gone", "Obsolete") == "Obsolete"  # obsolete left out
    assert mine.ngettext("one file", "%d files", 5) == "%d файлів"
    assert "POT-Creation-Date" not in mine._catalog[""] and "PO-Revision-Date" in mine._catalog[""]
    assert "X-Custom:   spacing kept   \n" in mine._catalog[""]


def test_fuzzy_header_is_kept(tmp_path):
    po = tmp_path / "uk.po"
    po.write_text(HEADER.replace('msgid ""', '#, fuzzy\nmsgid ""', 1) + '\nmsgid "a"\nmsgstr "б"\n', encoding="utf-8")
    assert compile_po(po) == msgfmt(po, tmp_path / "ref.mo")


@pytest.mark.parametrize("seed", [1, 2])
def test_hash_table_sizes_and_collisions_match_msgfmt(tmp_path, seed):
    """Catalogs of 0..70 entries: every table size, many double-hashing collisions."""
    rnd = random.Random(seed)
    alphabet = "abcdefghijklmnopqrstuvwxyz ПривітКНДР북한 ‘’«»ʼ"
    for n in range(0, 71):
        lines = [HEADER]
        for i in range(n):
            msgid = "s" + "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 25))) + str(i)
            if rnd.random() < 0.1:
                lines.append("#, fuzzy")
            if rnd.random() < 0.5:
                lines.append(f'msgctxt "ctx.{i}"')
            lines.append(f'msgid "{msgid}"')
            lines.append(f'msgstr "{rnd.choice(["", "переклад " + msgid, "번역 " + msgid])}"')
            lines.append("")
        po = tmp_path / f"r{n}.po"
        po.write_text("\n".join(lines), encoding="utf-8")
        assert compile_po(po) == msgfmt(po, tmp_path / f"r{n}.mo"), n


@pytest.mark.parametrize("lang", ["uk", "ko"])
def test_shipped_catalogs_compile_like_msgfmt(tmp_path, lang):
    po = ROOT / "translations" / f"{lang}.po"
    assert compile_po(po) == msgfmt(po, tmp_path / f"{lang}.mo")


def test_build_writes_mo_files_once(project):
    assert run_cli("build") == 0
    for lang in ("uk", "ko"):
        mo = project / "translations" / f"{lang}.mo"
        assert mo.read_bytes() == msgfmt(project / "translations" / f"{lang}.po", project / f"ref-{lang}.mo")
    stamps = {lang: (project / "translations" / f"{lang}.mo").stat().st_mtime_ns for lang in ("uk", "ko")}
    assert run_cli("build") == 0
    assert stamps == {lang: (project / "translations" / f"{lang}.mo").stat().st_mtime_ns for lang in ("uk", "ko")}
    assert not list((project / "translations").glob(".*.tmp"))


def test_catalog_without_translations_writes_no_file_like_msgfmt(tmp_path, monkeypatch):
    po = tmp_path / "translations" / "uk.po"
    po.parent.mkdir()
    po.write_text('msgid ""\nmsgstr ""\n\nmsgid "a"\nmsgstr ""\n', encoding="utf-8")
    assert msgfmt(po, tmp_path / "ref.mo") is None
    assert compile_po(po) is None
    stale = tmp_path / "translations" / "uk.mo"
    stale.write_bytes(b"stale")
    (tmp_path / "termweave.toml").write_text(
        '[termweave]\ntarget_langs = ["uk"]\nseeds = ["x.txt"]\n', encoding="utf-8"
    )
    config = load_config(tmp_path / "termweave.toml")
    assert compile_catalogs(config, Console(quiet=True)) == []
    assert not stale.exists()


@pytest.mark.parametrize(
    "body, fragment",
    [
        ('msgid "\\nstarts"\nmsgstr "does not"\n', "do not both begin with '\\n'"),
        (
            'msgid "a"\nmsgid_plural "b\\n"\nmsgstr[0] "x"\nmsgstr[1] "y\\n"\n',
            "'msgid' and 'msgid_plural' entries do not both end",
        ),
        ('msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n', "duplicate message definition"),
    ],
)
def test_what_msgfmt_refuses_is_refused(tmp_path, body, fragment):
    po = tmp_path / "uk.po"
    po.write_text(HEADER + "\n" + body, encoding="utf-8")
    assert subprocess.run(["msgfmt", "-o", str(tmp_path / "x.mo"), str(po)], capture_output=True).returncode != 0
    with pytest.raises(InputError) as err:
        compile_po(po)
    assert fragment in str(err.value) and str(po) in str(err.value)


def test_every_gettext_escape_compiles_as_msgfmt_does(tmp_path):
    po = tmp_path / "uk.po"
    po.write_text(HEADER + '\nmsgid "bell \\101\\x42"\nmsgstr "дзвінок\\a \\303\\251 \\x41"\n', encoding="utf-8")
    mo = tmp_path / "ref.mo"
    subprocess.run(["msgfmt", "-o", str(mo), str(po)], check=True, capture_output=True)
    assert compile_po(po) == mo.read_bytes()


@pytest.mark.parametrize(
    "catalog",
    sorted((ROOT / "tests" / "data" / "real-catalogs").glob("*/*.po")),
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_real_catalogs_compile_byte_identical_to_msgfmt(tmp_path, catalog):
    mo = tmp_path / "ref.mo"
    subprocess.run(["msgfmt", "-o", str(mo), str(catalog)], check=True, capture_output=True)
    assert compile_po(catalog) == (mo.read_bytes() if mo.exists() else None)


def test_gettext_hash_and_prime_helpers():
    assert hash_string(b"") == 0
    assert hash_string(b"a") == 97
    assert [next_prime(n) for n in (0, 1, 2, 4, 9, 10, 24, 25)] == [1, 1, 5, 5, 11, 11, 29, 29]


def test_a_build_whose_mo_would_fail_writes_nothing(project, capsys):
    """msgfmt refuses a translation that ends with a newline its source lacks: the build stops
    before any edition or MO file is written (editions come first in the build's outputs)."""
    po = project / "translations" / "ko.po"
    text = po.read_text(encoding="utf-8")
    start = text.index('msgstr "', text.index('\nmsgid "', text.index("\n\n")))
    end = text.index('"\n', start + len('msgstr "'))
    po.write_text(text[:end] + "\\n" + text[end:], encoding="utf-8")
    before = snapshot(project)
    assert run_cli("build") == 2
    assert "ko.po" in capsys.readouterr().err
    assert snapshot(project) == before
