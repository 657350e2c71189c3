"""The PO codec against GNU gettext itself: msgcat for the writer, msgfmt for what is a syntax error."""

import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from termweave.errors import InputError
from termweave.formats.po import Message, dump_po, load_po, parse_po, save_po
from termweave.formats.po_scan import scan_canonical

REAL = Path(__file__).parent.parent / "data" / "real-catalogs"
REAL_FILES = sorted(REAL.glob("*/*.po"))
HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
)


def msgcat(path: Path) -> str:
    return subprocess.run(["msgcat", str(path)], capture_output=True, text=True, check=True).stdout


def msgfmt_error_line(path: Path) -> int | None:
    """The line of msgfmt's first syntax error, None when msgfmt accepts the file."""
    run = subprocess.run(["msgfmt", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    if run.returncode == 0:
        return None
    match = re.search(rf"{re.escape(str(path))}:(\d+):", run.stderr)
    assert match, run.stderr
    return int(match.group(1))


def test_the_vendored_set_is_real_and_small():
    assert len(REAL_FILES) >= 12
    assert sum(p.stat().st_size for p in REAL.rglob("*")) < 3_000_000


@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_load_save_is_msgcat_byte_for_byte(path, tmp_path):
    written = dump_po(load_po(path))
    assert written == msgcat(path)
    again = tmp_path / "again.po"
    again.write_text(written, encoding="utf-8")
    assert msgcat(again) == written  # msgcat of what termweave writes changes nothing


def test_python_line_breaks_are_not_po_line_breaks(tmp_path):
    tricky = "a\u2028b\u2029c\x85d\x1ce\x1df\x1eg\x0bh\x0ci"
    catalog = parse_po(HEADER + 'msgid "x"\nmsgstr "y"\n')
    catalog.messages.append(Message(msgid=tricky, msgstr=tricky + "!"))
    path = tmp_path / "t.po"
    assert save_po(catalog, path)
    back = load_po(path)
    assert back.find(tricky).msgstr == tricky + "!"
    assert back.find(tricky).line == 9
    assert dump_po(back) == msgcat(path)


def test_escapes_as_gettext_reads_them(tmp_path):
    text = HEADER + 'msgid "oct \\303\\251 \\101 hex \\x41 \\a\\b\\f\\v\\r\\t\\\\ \\""\nmsgstr "x"\n'
    path = tmp_path / "e.po"
    path.write_text(text, encoding="utf-8")
    message = load_po(path).messages[0]
    assert message.msgid == 'oct é A hex A \a\b\f\v\r\t\\ "'
    assert dump_po(load_po(path)) == msgcat(path)


def test_entries_know_their_msgid_line_and_everything_gettext_has():
    catalog = load_po(REAL / "sphinx-9.0.4" / "ar.po")
    text = (REAL / "sphinx-9.0.4" / "ar.po").read_text(encoding="utf-8").split("\n")
    for message in catalog.messages:
        assert re.match(r"(#~ )?msgid ", text[message.line - 1]), message
    plural = [m for m in catalog.live if m.msgid_plural]
    assert plural and all(len(m.msgstr_plural) == catalog.nplurals == 6 for m in plural)
    assert any(m.obsolete for m in load_po(REAL / "django-4.2" / "uk.po").messages) is not None


def test_obsolete_plural_and_previous_round_trip(tmp_path):
    text = HEADER + (
        '#, fuzzy\n#| msgctxt "old ctx"\n#| msgid "old"\nmsgctxt "c"\nmsgid "new"\nmsgstr "tr"\n\n'
        '#~ msgid "gone"\n#~ msgid_plural "gones"\n#~ msgstr[0] "g0"\n#~ msgstr[1] "g1"\n\n'
        '#, fuzzy\n#~| msgid "older"\n#~ msgid "gone too"\n#~ msgstr "g"\n\n'
        '#~ msgid "never translated"\n#~ msgstr ""\n'
    )
    path = tmp_path / "o.po"
    path.write_text(text, encoding="utf-8")
    catalog = load_po(path)
    live, gone, gone_too, never = catalog.messages
    assert (live.previous_msgctxt, live.previous_msgid, live.fuzzy) == ("old ctx", "old", True)
    assert gone.obsolete and gone.msgstr_plural == ["g0", "g1"]
    assert gone_too.obsolete and gone_too.previous_msgid == "older" and gone_too.fuzzy
    assert never.obsolete
    assert dump_po(catalog) == msgcat(path)  # the untranslated obsolete entry is dropped, as msgcat does


BAD = {
    "unterminated": ('msgid "a\nmsgstr "b"\n', 1),
    "bad escape": ('msgid "a\\q"\nmsgstr "b"\n', 1),
    "no msgstr": ('msgid "a"\n\nmsgid "b"\nmsgstr "c"\n', 1),
    "stray text": ('msgid "a"\nmsgstr "b"\nhello\n', 3),
    "plural without forms": ('msgid "a"\nmsgid_plural "as"\nmsgstr "b"\n', 3),
    "forms without plural": ('msgid "a"\nmsgstr[0] "b"\n', 2),
    "duplicate": ('msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n', 4),
    "string after a comment": ('msgid "a"\nmsgstr "b"\n# c\n"x"\n', 4),
    "wrong plural index": ('msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\nmsgstr[2] "c"\n', 4),
    "mixed obsolete": ('#~ msgid "a"\nmsgstr "b"\n', 2),
    "context without msgid": ('msgctxt "a"\nmsgstr "b"\n', 2),
    "non-ASCII digit as an index": ('msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\nmsgstr[\u0661] "c"\n', 4),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_syntax_errors_msgfmt_rejects_name_the_line(name, tmp_path):
    body, line = BAD[name]
    path = tmp_path / "bad.po"
    path.write_text(HEADER + body, encoding="utf-8")
    offset = HEADER.count("\n")
    assert msgfmt_error_line(path) is not None
    with pytest.raises(InputError) as caught:
        load_po(path)
    assert caught.value.line == offset + line
    assert str(caught.value).startswith(f"{path}:{offset + line}: ")


ODD_BUT_VALID = {
    "keyword and string on separate lines": 'msgid\n"a"\nmsgstr\n"b"\n',
    "one line": 'msgid "a" msgstr "b"\n',
    "spaced index": 'msgid "a"\nmsgid_plural "as"\nmsgstr [0] "b"\nmsgstr[ 1 ] "c"\n',
    "crlf": 'msgid "a"\r\nmsgstr "b"\r\n',
    "comment variants": '#foo\n#.bar\n#: f.py : 3 g.py: 4 h\n#,fuzzy,python-format\nmsgid "a %s"\nmsgstr "b %s"\n',
    "references with non-ASCII digits": (
        '#: file: \u00b2 a : \u0663 b:\u0664 c :5 d:1\u0664 e:12\nmsgid "a"\nmsgstr "b"\n'
    ),
}


@pytest.mark.parametrize("name", sorted(ODD_BUT_VALID))
def test_what_msgfmt_accepts_is_read_and_written_as_msgcat_does(name, tmp_path):
    path = tmp_path / "odd.po"
    path.write_text(HEADER + ODD_BUT_VALID[name], encoding="utf-8")
    assert msgfmt_error_line(path) is None
    assert dump_po(load_po(path)) == msgcat(path)


def test_unchanged_catalog_is_not_rewritten_even_in_another_layout(tmp_path):
    source = (REAL / "django-5.2" / "uk.po").read_text(encoding="utf-8")
    path = tmp_path / "uk.po"
    relaid = source.replace('msgid "Arabic"\n', 'msgid ""\n"Arabic"\n', 1)  # same catalog, other layout
    path.write_text(relaid, encoding="utf-8")
    catalog = load_po(path)
    assert save_po(catalog, path, {"PO-Revision-Date": "2030-01-01 00:00+0000"}) is False
    assert path.read_text(encoding="utf-8") == relaid
    catalog.messages[0].msgstr = "змінено"
    assert save_po(catalog, path, {"PO-Revision-Date": "2030-01-01 00:00+0000"}) is True
    saved = load_po(path)
    assert saved.header_value("PO-Revision-Date") == "2030-01-01 00:00+0000"
    assert [k for k, _ in saved.header_fields] == [k for k, _ in load_po(REAL / "django-5.2" / "uk.po").header_fields]


def test_other_charsets_are_refused_with_one_line(tmp_path):
    path = tmp_path / "latin.po"
    path.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n', encoding="utf-8")
    with pytest.raises(InputError, match="charset ISO-8859-1 is not supported"):
        load_po(path)


def test_without_libunistring_the_plain_breaker_keeps_every_string(monkeypatch, tmp_path):
    from termweave.formats import po_wrap

    monkeypatch.setattr(po_wrap, "_libunistring", lambda: None)
    catalog = load_po(REAL / "sphinx-9.0.4" / "ko.po")
    written = dump_po(catalog)
    assert written != msgcat(REAL / "sphinx-9.0.4" / "ko.po")  # really the other breaker

    def comparable(messages):  # the layout moves lines and writes flags in gettext's order
        return [replace(m, line=0, flags=sorted(m.flags)) for m in messages]

    assert comparable(parse_po(written).messages) == comparable(catalog.messages)
    wide = [line for line in written.split("\n") if len(line) > 79 and " " in line.strip('"').rstrip()[:-1]]
    assert len(wide) < len(written.split("\n")) / 100


def test_flags_gettext_does_not_know_are_kept_after_its_own(tmp_path):
    """msgcat drops ``ignore-quotes`` (and any flag it does not know); a reviewer's Weblate-style
    suppression must survive termweave rewriting the file, so it is kept, after gettext's flags
    in gettext's order, once."""
    text = (
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        "#, ignore-quotes, no-wrap, python-format, fuzzy, ignore-quotes, read-only\n"
        "msgid \"Say '%(x)s'\"\nmsgstr \"Скажіть '%(x)s'\"\n"
    )
    path = tmp_path / "uk.po"
    path.write_text(text, encoding="utf-8")
    catalog = load_po(path)
    assert catalog.messages[0].flags[0] == "ignore-quotes"
    written = dump_po(catalog)
    assert "#, fuzzy, python-format, no-wrap, ignore-quotes, read-only\n" in written
    msgcat = subprocess.run(["msgcat", str(path)], capture_output=True, text=True, check=True).stdout
    assert "#, fuzzy, python-format, no-wrap\n" in msgcat  # what GNU gettext keeps
    assert written.replace(", ignore-quotes, read-only", "") == msgcat


ODD_LAYOUTS = [
    'msgctxt "c"\nmsgid "a\\tb"\nmsgstr "x\\"y"\n\n',  # escapes on the one-line path
    '#: f.py:1\n#, python-format\nmsgid "a %s"\nmsgstr "b %s"\n',  # comments
    'msgid "a"\nmsgstr "b"\n"continued"\n',  # a continuation after msgstr
    'msgid "a"\nmsgstr "b"\nmsgstr "again"\n',  # a second msgstr
    'msgid "a"\nmsgstr "b"\n\n"stray"\n',  # a string after a blank line
    'msgid "a"\n"b"\nmsgstr "c"\n',  # a continuation after msgid
    '#| msgid "old"\nmsgid "a"\nmsgstr "b"\n',  # previous msgid
    'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\nmsgstr[1] "bs"\n',
    '#~ msgid "gone"\n#~ msgstr "weg"\n',
    'msgid "a" "b"\nmsgstr "c"\n',  # two strings on one line
    'msgid "a"b"\nmsgstr "c"\n',  # a bare quote
    'msgid "a\\"\nmsgstr "b"\n',  # the closing quote escaped
    'msgid "a"\nmsgstr "b\\q"\n',  # an unknown escape
    'msgid "a"\nmsgstr "b\\004"\n',  # an escaped context separator
    '# note\r\nmsgid "a"\nmsgstr "b"\n',  # a carriage return in a comment
    '#, fuzzy\n#! python-format\nmsgid "a"\nmsgstr "b"\n',  # the last flag line counts
    'msgid "a"\nmsgid_plural "as"\nmsgstr[1] "b"\nmsgstr[0] "bs"\n',  # plural forms out of order
    'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\nmsgstr "bs"\n',  # a plural entry's bare msgstr
    'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\nmsgstr[0] "bs"\n',  # a form twice
    'msgid "a"\nmsgstr "b"\nmsgid "a"\nmsgstr "c"\n',  # a duplicate
    'msgctxt "c"\nmsgid "a"\nmsgstr "b"\nmsgid "a"\nmsgstr "c"\nmsgctxt "c"\nmsgid "a"\nmsgstr "d"\n',
]
# Entries in gettext's own layout: the scanner reads them itself (and as the line reader does).
GETTEXT_LAYOUTS = [
    'msgid "say \\"hi\\""\nmsgstr "\\\\"\n',  # escaped quotes and backslash at a string's end
    'msgctxt ""\n"c"\nmsgid ""\n"a %s\\n"\n"b"\nmsgstr ""\n"x"\n"y"\n',  # continuation lines
    '#: a.py:1 a.py:1\n#: b.py:2 a.py:1\n#: c.py : 3 d.py:007 e:\n#. x\n# y\nmsgid "a"\nmsgstr "b"\n',
    'msgid ""\n"say \\"hi\\""\n"\\"\\n"\n"\\\\"\nmsgstr "x\\n"\n"\\\\n"\n',  # escapes at line ends, "\\n"
    '#, fuzzy\n#| msgid "old"\nmsgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\nmsgstr[1] "bs"\n',
    '#: a.py:1\nmsgctxt "c"\nmsgid "a"\nmsgid_plural ""\n"as\\n"\n"\\"x\\""\nmsgstr[0] "b"\nmsgstr[1] ""\n"bs"\n\n'
    'msgctxt "d"\nmsgid "a"\nmsgstr "e"\n',
]


def _read(text):
    """The messages (with their lines) parse_po reads from ``text``, or its error."""
    try:
        catalog = parse_po(text, "x.po")
    except InputError as error:
        return str(error)
    return [(m, m.line) for m in catalog.messages]


def _read_line_by_line(text, monkeypatch):
    import termweave.formats.po_read as po_read

    with monkeypatch.context() as patch:
        patch.setattr(po_read, "scan_canonical", lambda *args: False)
        return _read(text)


@pytest.mark.parametrize("body", ODD_LAYOUTS)
def test_fast_scanner_reads_what_the_line_reader_reads(body, monkeypatch):
    """The scanner's shortcuts (po_scan) never change what is read: the same messages, or the
    same error, as the line-by-line reader alone."""
    assert _read(HEADER + body) == _read_line_by_line(HEADER + body, monkeypatch)


@pytest.mark.parametrize("body", GETTEXT_LAYOUTS)
def test_fast_scanner_reads_gettext_layout_itself(body, monkeypatch):
    import termweave.formats.po_read as po_read

    scanned = []
    with monkeypatch.context() as patch:
        patch.setattr(po_read, "scan_canonical", lambda *args: scanned.append(scan_canonical(*args)) or scanned[-1])
        fast = _read(HEADER + body)
    assert scanned == [True]
    assert fast == _read_line_by_line(HEADER + body, monkeypatch)


def test_fast_scanner_reads_real_catalogs_as_the_line_reader_does(monkeypatch):
    for path in REAL_FILES:
        text = path.read_text(encoding="utf-8")
        assert _read(text) == _read_line_by_line(text, monkeypatch), path


def test_comment_fields_read_on_first_access_are_the_fields_read_eagerly():
    """The scanner leaves a message's comments unsorted until a field is read (a check reads none):
    the fields are the same, a field set before that keeps its value, and copies carry them."""
    import pickle

    body = '# note\n#. extracted\n#: a.py:1 b.py:2\n#, python-format\nmsgid "a %s"\nmsgstr "b %s"\n'
    read = parse_po(HEADER + body).messages[0]
    assert read.flags == ["python-format"]
    assert pickle.loads(pickle.dumps(read)) == read
    assert replace(read, msgstr="c %s").references == ["a.py:1", "b.py:2"]
    assert (read.translator_comments, read.extracted_comments) == (["note"], ["extracted"])
    first = parse_po(HEADER + body).messages[0]
    first.references = ["c.py:3"]
    assert (first.references, first.translator_comments) == (["c.py:3"], ["note"])
    assert "#: c.py:3\n" in dump_po(_with(first))


def _with(message):
    catalog = parse_po(HEADER)
    catalog.messages.append(message)
    return catalog
