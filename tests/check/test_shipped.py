"""The shipped catalogs pass `termweave check` with no error (what the journal's CI runs)."""

from __future__ import annotations

import json

from termweave.cli import main


def test_shipped_catalogs_have_no_errors(project, capsys):
    code = main(["check", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    errors = [f for f in report["findings"] if f["severity"] == "error"]
    assert code == 0 and errors == []
    assert report["summary"]["files"] >= 2 and report["summary"]["entries"] > 0
