"""``termweave merge DEF.po REF.pot``: the msgmerge counterpart, on any catalog."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from termweave.catalog.merge import MergeStats, merge
from termweave.cli.common import console_for
from termweave.cli.session import writing
from termweave.errors import UsageError
from termweave.formats.po import dump_po, load_po, save_po


def merge_arguments(p: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    p.add_argument("definitions", type=Path, metavar="DEF.po", help="the translated catalog")
    p.add_argument("reference", type=Path, metavar="REF.pot", help="the template (or any catalog) with the sources")
    p.add_argument("-o", "--output", metavar="OUT", help="write here ('-': standard output, the default)")
    p.add_argument("-U", "--update", action="store_true", help="rewrite DEF.po in place (only if something changed)")
    p.add_argument("--lang", help="the catalog's language, set when its header has no 'Language' field")
    p.set_defaults(func=writing(cmd_merge))


ARGUMENTS = {"merge": merge_arguments}


def cmd_merge(args: argparse.Namespace) -> int:
    console = console_for(args)
    if args.update and args.output:
        raise UsageError("--update and --output exclude each other")
    old, template = load_po(args.definitions), load_po(args.reference)  # both validated before any write
    stats = MergeStats()
    merged = merge(template, old, args.lang, stats=stats)
    target = args.definitions if args.update else (None if args.output in (None, "-") else Path(args.output))
    if target is None:
        sys.stdout.write(dump_po(merged))
    else:
        pot_date = template.header_value("POT-Creation-Date")
        changed = save_po(merged, target, {"POT-Creation-Date": pot_date} if pot_date else None)
        console.info(f"{'wrote' if changed else 'unchanged'} {target}")
    console.info(f"merged {stats.exact}, fuzzy {stats.fuzzy}, new {stats.new}, obsolete {stats.obsolete}")
    return 0
