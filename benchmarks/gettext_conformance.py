"""termweave's PO codec and merge against GNU gettext on real catalogs (Django and Sphinx wheels).

Downloads Django 4.2/5.2 and Sphinx 7.4.7/9.0.4 with ``pip download --no-deps`` (cached in
``.work/gettext-conformance/``) and prints, side by side with GNU gettext 0.21:

- merges: Sphinx 7.4.7 catalogs (DEF) with the 9.0.4 template (REF), Django 4.2 catalogs with
  the 5.2 English catalog of the same domain (Django ships no .pot; its ``en`` catalog is one).
  ``msgmerge --previous`` against ``termweave.catalog.merge.merge_catalogs``: translations lost,
  translated/fuzzy/untranslated/obsolete counts, fuzzy entries agreeing with msgmerge's (same
  entry, same donor, same translation), fuzzy donors below the 0.6 threshold, live plural
  entries equal to msgmerge's, entries whose flags differ from the template's, merged bodies
  byte-identical to msgmerge's, wall time (one merge after the other, pinned to one core);
- load -> save against ``msgcat`` on the 1,296 files of Django 5.2 and Sphinx 9.0.4, every
  exception listed with its first differing line, and the MO writer against ``msgfmt``.
The targets of issue 8 are printed last. The Sphinx 9.0.4 template is rebuilt with gettext's
own tools from the catalog version most languages share (``msgattrib --no-obsolete
--clear-fuzzy --clear-previous | msgfilter --keep-header sed -e d``).

    .venv/bin/python benchmarks/gettext_conformance.py
"""

from __future__ import annotations

import collections
import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from termweave.catalog.fuzzy import FUZZY_THRESHOLD, as_bytes_text, similarity
from termweave.catalog.merge import merge_catalogs
from termweave.formats.mo import compile_po
from termweave.formats.po import Catalog, Message, dump_po, load_po, normalized_flags, parse_po

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".work" / "gettext-conformance"
WHEELS = {
    "django-4.2": "django==4.2",
    "django-5.2": "django==5.2",
    "sphinx-7.4.7": "sphinx==7.4.7",
    "sphinx-9.0.4": "sphinx==9.0.4",
}
ENV = dict(os.environ, OMP_NUM_THREADS="1", LC_ALL="C.UTF-8")


def corpus(name: str) -> Path:
    """The unpacked .po files of one wheel (downloaded once)."""
    target = WORK / name
    if target.is_dir():
        return target
    wheels = WORK / "wheels" / name
    if not any(wheels.glob("*.whl")):
        wheels.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(wheels), WHEELS[name]], check=True
        )
    wheel = next(wheels.glob("*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        for member in archive.namelist():
            if member.endswith(".po"):
                archive.extract(member, target)
    return target


@dataclass
class Side:
    """What one tool produced over a set of merges."""

    lost: int = 0
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    obsolete: int = 0
    below_threshold: int = 0
    flag_mismatch: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    fuzzy_set: set = field(default_factory=set)
    plurals: dict = field(default_factory=dict)


def forms(message: Message) -> tuple[str, ...]:
    return tuple(message.msgstr_plural) if message.msgid_plural is not None else (message.msgstr,)


def tally(side: Side, tag: str, old: Catalog, ref: Catalog, out: Catalog) -> None:
    template_flags = {m.key: normalized_flags([f for f in m.flags if f != "fuzzy"], False) for m in ref.messages}
    # A translation is kept when its strings are still in the output under its source: the same
    # entry (live or obsolete), or an entry whose "#|" previous source is it (plural forms may
    # have been copied or cut to the template's plurality).
    kept = collections.defaultdict(set)
    for message in out.messages:
        kept[message.key].update(forms(message))
        if message.fuzzy and message.previous_msgid is not None:
            kept[(message.previous_msgctxt, message.previous_msgid)].update(forms(message))
    for message in old.messages:
        if all(forms(message)) and not set(forms(message)) & kept[message.key]:
            side.lost += 1
    old_keys = {m.key for m in old.messages}
    donors = collections.defaultdict(list)  # first translation -> the old messages holding it
    for message in old.messages:
        if message.first_msgstr:
            donors[message.first_msgstr].append(message)
    for message in out.messages:
        if message.obsolete:
            side.obsolete += 1 if message.first_msgstr else 0
            continue
        if message.msgid_plural is not None:
            side.plurals[(tag, message.key)] = (forms(message), message.fuzzy)
        if normalized_flags([f for f in message.flags if f != "fuzzy"], False) != template_flags.get(message.key):
            side.flag_mismatch += 1
        if not message.first_msgstr:
            side.untranslated += 1
        elif message.fuzzy:
            side.fuzzy += 1
            side.fuzzy_set.add((tag, message.key, message.previous_msgctxt, message.previous_msgid, forms(message)))
            if message.key not in old_keys:  # a fuzzy match made by this merge: how similar is its donor?
                best = max(
                    (
                        similarity(as_bytes_text(d.msgid), as_bytes_text(message.msgid))
                        for d in donors.get(message.first_msgstr, [])
                    ),
                    default=0.0,
                )
                side.below_threshold += best < FUZZY_THRESHOLD
        else:
            side.translated += 1


def sphinx_template(tmp: Path) -> Path:
    """The 9.0.4 template, rebuilt by gettext's tools from the catalog version most languages share."""
    groups = collections.defaultdict(list)
    for path in sorted(corpus("sphinx-9.0.4").rglob("sphinx.po")):
        groups[frozenset(m.key for m in load_po(path).live)].append(path)
    source = sorted(max(groups.values(), key=len))[0]
    stripped = subprocess.run(
        ["msgattrib", "--no-obsolete", "--clear-fuzzy", "--clear-previous", "-o", "-", str(source)],
        capture_output=True,
        check=True,
        env=ENV,
    ).stdout
    pot = tmp / "sphinx-9.0.4.pot"
    subprocess.run(
        ["msgfilter", "--keep-header", "-o", str(pot), "sed", "-e", "d"],
        input=stripped,
        check=True,
        env=ENV,
        capture_output=True,
    )
    return pot


def merges(tmp: Path) -> dict[str, list[tuple[Path, Path]]]:
    sphinx_pot = sphinx_template(tmp)
    sphinx = [(p, sphinx_pot) for p in sorted(corpus("sphinx-7.4.7").rglob("*.po"))]
    old_root, new_root = corpus("django-4.2"), corpus("django-5.2")
    django = []
    for old in sorted(old_root.rglob("*.po")):
        relative = old.relative_to(old_root)
        parts = relative.parts
        lang_index = parts.index("LC_MESSAGES") - 1
        template = new_root.joinpath(*parts[:lang_index], "en", *parts[lang_index + 1 :])
        if parts[lang_index] != "en" and template.exists() and (new_root / relative).exists():
            django.append((old, template))
    return {"Sphinx 7.4.7 -> 9.0.4": sphinx, "Django 4.2 -> 5.2": django}


def run_merges(pairs: list[tuple[Path, Path]], tmp: Path) -> tuple[Side, Side, int]:
    gnu, ours, identical = Side(), Side(), 0
    # First every merge, timed, one after the other; the bookkeeping comes after, so that the
    # growing tallies do not slow down the timed Python code.
    for number, (old_path, ref_path) in enumerate(pairs):
        start, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(
            ["msgmerge", "--previous", "-q", "-o", str(tmp / f"gnu{number}.po"), str(old_path), str(ref_path)],
            check=True,
            env=ENV,
        )
        gnu.seconds += time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        gnu.cpu_seconds += after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        start, cpu = time.perf_counter(), time.process_time()
        merged = merge_catalogs(load_po(old_path), load_po(ref_path))
        (tmp / f"ours{number}.po").write_text(dump_po(merged), encoding="utf-8")
        ours.seconds += time.perf_counter() - start
        ours.cpu_seconds += time.process_time() - cpu
    for number, (old_path, ref_path) in enumerate(pairs):
        old, ref = load_po(old_path), load_po(ref_path)
        out_gnu, out_ours = tmp / f"gnu{number}.po", tmp / f"ours{number}.po"
        text_gnu, text_ours = out_gnu.read_text(encoding="utf-8"), out_ours.read_text(encoding="utf-8")
        identical += text_gnu.split("\n\n", 1)[-1] == text_ours.split("\n\n", 1)[-1]
        tally(gnu, str(old_path), old, ref, parse_po(text_gnu, out_gnu))
        tally(ours, str(old_path), old, ref, parse_po(text_ours, out_ours))
        out_gnu.unlink()
        out_ours.unlink()
    return gnu, ours, identical


def first_difference(a: str, b: str) -> str:
    for number, (x, y) in enumerate(zip(a.split("\n"), b.split("\n"), strict=False), 1):
        if x != y:
            return f"line {number}: msgcat {x[:60]!r} / termweave {y[:60]!r}"
    return "length differs"


def round_trips(files: list[Path], tmp: Path) -> tuple[list[str], list[str], float, float]:
    """(load -> save exceptions, MO exceptions, seconds termweave, seconds msgcat)."""
    exceptions, mo_exceptions, ours_s, gnu_s = [], [], 0.0, 0.0
    mo = tmp / "ref.mo"
    for path in files:
        start = time.perf_counter()
        expected = subprocess.run(["msgcat", str(path)], capture_output=True, text=True, env=ENV).stdout
        gnu_s += time.perf_counter() - start
        start = time.perf_counter()
        try:
            written = dump_po(load_po(path))
        except Exception as exc:  # noqa: BLE001 - a benchmark reports, it does not stop
            exceptions.append(f"{path}: refused: {exc}")
            continue
        ours_s += time.perf_counter() - start
        if written != expected:
            exceptions.append(f"{path}: {first_difference(expected, written)}")
        mo.unlink(missing_ok=True)
        subprocess.run(["msgfmt", "-o", str(mo), str(path)], capture_output=True, env=ENV)
        if compile_po(path) != (mo.read_bytes() if mo.exists() else None):
            mo_exceptions.append(str(path))
    return exceptions, mo_exceptions, ours_s, gnu_s


def pin_to_one_core() -> str:
    cpus = sorted(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpus[0]})  # msgmerge subprocesses inherit it
    return f"cpu {cpus[0]}"


def row(label: str, gnu, ours) -> str:
    return f"  {label:<46} {gnu!s:>14} {ours!s:>14}"


def main() -> int:
    core = pin_to_one_core()
    results, targets = {}, []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for name, pairs in merges(tmp).items():
            gnu, ours, identical = run_merges(pairs, tmp)
            results[name] = (gnu, ours)
            agree = len(gnu.fuzzy_set & ours.fuzzy_set)
            union = len(gnu.fuzzy_set | ours.fuzzy_set) or 1
            plural_equal = sum(1 for k, v in ours.plurals.items() if gnu.plurals.get(k) == v)
            print(f"\n{name}: {len(pairs)} merges ({core})")
            print(row("", "msgmerge", "termweave"))
            for label, attr in (
                ("translations lost", "lost"),
                ("translated", "translated"),
                ("fuzzy", "fuzzy"),
                ("untranslated", "untranslated"),
                ("obsolete (translated)", "obsolete"),
                ("fuzzy donors below the 0.6 threshold", "below_threshold"),
                ("live entries whose flags differ from template", "flag_mismatch"),
            ):
                print(row(label, getattr(gnu, attr), getattr(ours, attr)))
            print(row("live plural entries", len(gnu.plurals), len(ours.plurals)))
            print(row("wall time (s)", f"{gnu.seconds:.2f}", f"{ours.seconds:.2f}"))
            print(row("CPU time (s)", f"{gnu.cpu_seconds:.2f}", f"{ours.cpu_seconds:.2f}"))
            print(f"  fuzzy entries agreeing (entry, donor, text): {agree} of {union} ({100 * agree / union:.1f}%)")
            print(f"  live plural entries equal to msgmerge's: {plural_equal} of {len(gnu.plurals)}")
            print(f"  merged files whose body is byte-identical to msgmerge's: {identical} of {len(pairs)}")
            targets += [
                (f"{name}: translations lost = 0", ours.lost == 0, f"{ours.lost} (msgmerge {gnu.lost})"),
                (
                    f"{name}: live plural entries equal msgmerge's",
                    plural_equal == len(gnu.plurals) == len(ours.plurals),
                    f"{plural_equal}/{len(gnu.plurals)}",
                ),
                (
                    f"{name}: entries whose flags differ from the template = 0",
                    ours.flag_mismatch == 0,
                    str(ours.flag_mismatch),
                ),
                (
                    f"{name}: fuzzy entries agree with msgmerge's >= 95%",
                    agree / union >= 0.95,
                    f"{100 * agree / union:.1f}%",
                ),
                (f"{name}: fuzzy donors below threshold = 0", ours.below_threshold == 0, str(ours.below_threshold)),
            ]
        sphinx_gnu, sphinx_ours = results["Sphinx 7.4.7 -> 9.0.4"]
        ratio = sphinx_ours.seconds / sphinx_gnu.seconds
        targets.append(
            (
                "Sphinx merge wall time <= 1.0x msgmerge's",
                ratio <= 1.0,
                f"{ratio:.2f}x ({sphinx_ours.seconds:.2f} s vs {sphinx_gnu.seconds:.2f} s; CPU "
                f"{sphinx_ours.cpu_seconds / sphinx_gnu.cpu_seconds:.2f}x)",
            )
        )
        files = sorted(corpus("django-5.2").rglob("*.po")) + sorted(corpus("sphinx-9.0.4").rglob("*.po"))
        exceptions, mo_exceptions, ours_s, gnu_s = round_trips(files, tmp)
    same = len(files) - len(exceptions)
    print(
        f"\nload -> save vs msgcat, Django 5.2 + Sphinx 9.0.4: {same} of {len(files)} byte-identical "
        f"(termweave {ours_s:.2f} s, msgcat {gnu_s:.2f} s)"
    )
    for line in exceptions:
        print("  exception:", line)
    print(f"MO writer vs msgfmt on the same files: {len(files) - len(mo_exceptions)} of {len(files)} byte-identical")
    for line in mo_exceptions:
        print("  MO differs:", line)
    targets.append(
        (
            "load -> save = msgcat on >= 99.5% of the files",
            same / len(files) >= 0.995,
            f"{100 * same / len(files):.2f}% ({same}/{len(files)})",
        )
    )
    targets.append(
        ("MO writer byte-identical to msgfmt", not mo_exceptions, f"{len(files) - len(mo_exceptions)}/{len(files)}")
    )
    print("\nTargets (issue 8):")
    for label, met, value in targets:
        print(f"  [{'met' if met else 'NOT met'}] {label}: {value}")
    return 0 if all(met for _, met, _ in targets) else 1


if __name__ == "__main__":
    raise SystemExit(main())
