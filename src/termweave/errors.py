"""Errors that end a command with a clear message and a non-zero exit code."""

from __future__ import annotations

from pathlib import Path


class TermweaveError(Exception):
    """Base class: carries the exit code the CLI returns."""

    exit_code = 2


class InputError(TermweaveError):
    """Bad input: a missing, unreadable or malformed file. Exit code 2.

    The message is rendered as ``path:line: message`` so editors and CI logs link to it.
    """

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        self.message = " ".join(message.split("\n")).strip()  # one line, whatever the parser said
        self.path = None if path is None else str(path)
        self.line = line
        super().__init__(str(self))

    def __reduce__(self):  # pickled by a check worker process: rebuilt with its path and line
        return (type(self), (self.message, self.path, self.line))

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path + (f":{self.line}" if self.line else "") + ": "
        return where + self.message


class UsageError(TermweaveError):
    """A command was asked for something it cannot do (unknown language, no model, ...)."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)
