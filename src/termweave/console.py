"""Where messages go: results on stdout, diagnostics on stderr, progress only on a terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TextIO, TypeVar

T = TypeVar("T")


@dataclass
class Console:
    quiet: bool = False
    verbose: bool = False
    # Looked up at creation, not import, so redirected streams (pytest's capsys) are honoured.
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)

    def result(self, message: str) -> None:
        print(message, file=self.out)

    def result_pieces(self, pieces: Iterable[str]) -> None:
        """One result written as it is produced (a long report is never one string)."""
        for piece in pieces:
            self.out.write(piece)
        self.out.write("\n")

    def info(self, message: str) -> None:
        if not self.quiet:
            print(message, file=self.err)

    def debug(self, message: str) -> None:
        if self.verbose and not self.quiet:
            print(message, file=self.err)

    def warn(self, message: str) -> None:
        print(f"termweave: warning: {message}", file=self.err)

    def progress(self, items: Iterable[T], total: int | None = None, desc: str = "") -> Iterable[T]:
        """Wrap ``items`` in a tqdm bar when stderr is a terminal and we are not quiet."""
        if self.quiet or not getattr(self.err, "isatty", lambda: False)():
            return items
        from tqdm import tqdm

        return tqdm(items, total=total, desc=desc, file=self.err, leave=False)
