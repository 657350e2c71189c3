"""The house rules of issue 10 that a reader of the code sees: no module over 400 lines and no
function over 60 lines in src/termweave (data tables live in data files or module constants)."""

from __future__ import annotations

import ast

from support import ROOT

SOURCES = sorted((ROOT / "src" / "termweave").rglob("*.py"))


def test_no_module_over_400_lines():
    long = {str(p.relative_to(ROOT)): n for p in SOURCES if (n := p.read_text(encoding="utf-8").count("\n")) > 400}
    assert SOURCES and long == {}


def test_no_function_over_60_lines():
    long = {}
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno is not None:
                if (length := node.end_lineno - node.lineno + 1) > 60:
                    long[f"{path.relative_to(ROOT)}:{node.lineno} {node.name}"] = length
    assert long == {}
