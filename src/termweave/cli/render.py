"""``termweave report`` (the HTML review page) and ``termweave tm export`` (TMX)."""

from __future__ import annotations

import argparse
from pathlib import Path

from termweave.cli.common import config_for, console_for
from termweave.cli.session import writing
from termweave.render.tm import export_tmx
from termweave.review import write_report


def report_arguments(p: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", type=Path, help="where to write the page (default: <output>/report.html)")
    p.set_defaults(func=writing(cmd_report))


def tm_arguments(tm: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    commands = tm.add_subparsers(dest="tm_command", metavar="SUBCOMMAND", required=True)
    p = commands.add_parser("export", parents=[common], help="write the reviewed (non-fuzzy) translations as TMX 1.4")
    p.add_argument("--format", choices=["tmx"], default="tmx", help="interchange format (default: tmx)")
    p.add_argument("-o", "--output", type=Path, help="where to write it (default: <output>/<domain>.tmx)")
    p.set_defaults(func=writing(cmd_tm_export))


ARGUMENTS = {"report": report_arguments, "tm": tm_arguments}


def cmd_report(args) -> int:
    config, console = config_for(args), console_for(args)
    path = write_report(config, console, output=args.output)
    console.result(str(path))
    return 0


def cmd_tm_export(args) -> int:
    config, console = config_for(args), console_for(args)
    path, units, changed = export_tmx(config, args.output)
    console.info(f"{'wrote' if changed else 'unchanged'} {path} ({units} translation units)")
    return 0
