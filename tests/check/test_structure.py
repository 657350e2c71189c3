"""format (by flag, as msgfmt -c), placeholders (no flag), plurals; suppression flags and --skip."""

from __future__ import annotations

import subprocess

import pytest

from termweave.check import run_checks
from termweave.errors import InputError, UsageError

UK_PLURALS = (
    '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && '
    '(n%100<10 || n%100>=20) ? 1 : 2);\\n"'
)
EN_PLURALS = '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"'


def messages(findings):
    return [(f.check, f.message) for f in findings]


def msgfmt_accepts(path) -> bool:
    return (
        subprocess.run(["msgfmt", "-c", "--check-format", "-o", "/dev/null", str(path)], capture_output=True).returncode
        == 0
    )


@pytest.mark.parametrize(
    "flag, source, translation, problem",
    [
        ("python-format", "Add another %(verbose_name)s", "Додати ще %(verbose_name)s", None),
        (
            "python-format",
            "Add another %(verbose_name)s",
            "Додати ще %(name)s",
            "%(name)s is not in the source (python-format)",
        ),
        (
            "python-format",
            "Add another %(verbose_name)s",
            "Додати ще",
            "%(verbose_name)s of the source is missing (python-format)",
        ),
        (
            "python-format",
            "%(count)d items",
            "%(count)s елементів",
            "%(count)s formats another type than the source's %(count)d (python-format)",
        ),
        ("python-format", "%s of %d", "%d з %s", "%d formats another type than the source's %s (python-format)"),
        ("c-format", "%s of %d", "%2$d з %1$s", None),
        ("c-format", "%s of %d", "%s з", "%d of the source is missing (c-format)"),
        ("python-brace-format", "Hello {name}, {0}", "Привіт {0}, {name}", None),
        ("python-brace-format", "Hello {name}", "Привіт {nme}", "{nme} is not in the source (python-brace-format)"),
        ("python-format", "100%% done: %s", "100%% готово: %s", None),
    ],
)
def test_format_by_flag_agrees_with_msgfmt(write_po, flag, source, translation, problem):
    path = write_po("uk", [("s", source, translation, flag)])
    report = run_checks([path], None, only={"format"})
    assert [f.message for f in report.findings][:1] == ([problem] if problem else [])
    assert msgfmt_accepts(path) == (problem is None)


@pytest.mark.parametrize(
    "source, translation, problem",
    [
        ("Hello {name}", "Привіт", "{name} of the source is missing"),
        ("Hello %(name)s", "Привіт %(nam)s", "%(name)s of the source is missing"),
        ("{{ count }} items", "{{ count }} елементів", None),
        ("50% of %s", "50% від %s", None),
        ("Press {0} then {1}", "Натисніть {1}, потім {0}", None),
    ],
)
def test_placeholders_without_a_flag_are_a_warning(write_po, source, translation, problem):
    path = write_po("uk", [("s", source, translation)])
    findings = run_checks([path], None, only={"placeholders"}).findings
    assert [f.message for f in findings][:1] == ([problem] if problem else [])
    assert all(f.severity == "warning" for f in findings)


def plural_po(tmp_path, header, forms, flag="c-format", lang="uk"):
    path = tmp_path / f"{lang}.po"
    strs = "".join(f'msgstr[{i}] "{s}"\n' for i, s in enumerate(forms))
    path.write_text(
        f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: {lang}\\n"\n'
        f'{header}\n\n#, {flag}\nmsgid "One file"\nmsgid_plural "%d files"\n{strs}',
        encoding="utf-8",
    )
    return path


def test_plural_forms_count_against_nplurals(tmp_path):
    path = plural_po(tmp_path, UK_PLURALS, ["%d файл", "%d файли", "%d файлів", "%d файлу"])
    assert messages(run_checks([path], None, only={"plurals"}).findings) == [
        ("plurals", "4 plural forms; the header says nplurals=3")
    ]
    assert not msgfmt_accepts(path)


def test_each_plural_form_is_checked_against_msgid_plural(tmp_path):
    # Ukrainian form 0 serves 1, 21, 31, ...: it must keep %d; English "one" serves 1 only.
    path = plural_po(tmp_path, UK_PLURALS, ["Один файл", "%d файли", "%d файлів"])
    assert messages(run_checks([path], None, only={"format"}).findings) == [
        ("format", "msgstr[0]: %d of the source is missing (c-format)")
    ]
    assert not msgfmt_accepts(path)
    path = plural_po(tmp_path, EN_PLURALS, ["One file", "%d files"], lang="en")
    assert run_checks([path], None, only={"format"}).findings == []
    assert msgfmt_accepts(path)


def test_ignore_flag_suppresses_one_check_of_one_entry(write_po):
    path = write_po("uk", [("a", "Hello {name}", "Привіт", "ignore-placeholders"), ("b", "Hello {name}", "Привіт")])
    findings = run_checks([path], None, only={"placeholders", "unchanged"}).findings
    assert [f.context for f in findings] == ["b"]


def test_unknown_ignore_id_is_bad_input_listing_valid_ids(write_po):
    path = write_po("uk", [("a", "Hello", "Привіт", "ignore-no-such-check")])
    with pytest.raises(InputError) as err:
        run_checks([path], None)
    assert err.value.line == 8 and "no-such-check" in str(err.value) and "term-missing" in str(err.value)


def test_malformed_ignore_flag_is_a_warning_with_its_line(write_po, capsys):
    from termweave.console import Console

    path = write_po("uk", [("a", "Hello {name}", "Привіт", "ignore placeholders")])
    report = run_checks([path], None, only={"placeholders"}, console=Console(quiet=False))
    assert [f.check for f in report.findings] == ["placeholders"]
    assert f"{path}:8: malformed suppression flag 'ignore'" in capsys.readouterr().err


def test_skip_and_unknown_ids(write_po):
    path = write_po("uk", [("a", "Hello {name}", "Hello {name}")])
    assert [f.check for f in run_checks([path], None).findings] == ["unchanged"]
    assert run_checks([path], None, skip={"unchanged"}).findings == []
    with pytest.raises(UsageError, match="valid: .*placeholders"):
        run_checks([path], None, skip={"nope"})
