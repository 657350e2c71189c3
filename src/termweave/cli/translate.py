"""``termweave translate``: MT drafts with an installed Argos model (``termweave models``
installs them: :mod:`termweave.cli.models`).

CTranslate2 and SentencePiece load only inside ``translate``; argostranslate itself is never
imported by termweave's commands (except its light BPE tokenizer, for old BPE packages).
"""

from __future__ import annotations

import argparse

from termweave.cli.common import config_for, console_for
from termweave.cli.session import writing
from termweave.config import check_language
from termweave.errors import TermweaveError
from termweave.lock import staged_step
from termweave.translate.catalogs import translate_catalogs


def translate_arguments(p: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--to",
        metavar="LANGS",
        type=_lang_list,
        default=None,
        help="comma-separated target languages (default: all of the project's)",
    )
    p.add_argument("--include-fuzzy", action="store_true", help="redraft fuzzy entries too")
    p.add_argument(
        "--beam",
        type=int,
        default=4,
        metavar="N",
        help="beam size; N hypotheses are scored against the glossary (default: 4)",
    )
    p.set_defaults(func=writing(run_translate))


ARGUMENTS = {"translate": translate_arguments}


def _lang_list(value: str) -> list[str]:
    langs = [v.strip() for v in value.split(",") if v.strip()]
    if not langs:
        raise argparse.ArgumentTypeError("expected e.g. uk,ko")
    try:
        return [check_language(lang) for lang in langs]
    except TermweaveError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def run_translate(args: argparse.Namespace) -> int:
    config, console = config_for(args), console_for(args)
    with staged_step("translate"):
        summary = translate_catalogs(config, console, langs=args.to, include_fuzzy=args.include_fuzzy, beam=args.beam)
    for line in summary.lines():
        console.result(line)
    if summary.source_tokens:
        console.info(f"translate: {summary.source_tokens} source tokens in {summary.seconds:.1f} s")
    return 0
