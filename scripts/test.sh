#!/bin/sh
# Install everything the test suite needs on a fresh Debian/Ubuntu machine, then run it.
# System tools: GNU gettext (msgfmt, to check our PO/MO files against the reference) and
# Debian's chromium and a CJK font (the review page is tested in a real headless browser).
set -eu
cd "$(dirname "$0")/.."

need=""
command -v msgfmt >/dev/null 2>&1 || need="$need gettext"
command -v chromium >/dev/null 2>&1 || need="$need chromium"
# Hangul for the review page's screenshot artefact (Debian's chromium has no CJK font of its own).
fc-list 2>/dev/null | grep -q "Noto Sans CJK" || need="$need fonts-noto-cjk"
if [ -n "$need" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
    else
        echo "scripts/test.sh: please install:$need" >&2
        exit 2
    fi
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -c constraints.txt -e '.[test]'
# Bytecode for the editable install: pip writes it only when it installs a wheel, and under
# PYTHONDONTWRITEBYTECODE=1 nothing writes it later, so every termweave process the tests start
# would compile ~100 modules from source (~0.1 s). Stale files are safe: Python checks the mtime.
.venv/bin/python -m compileall -q src
# The layers and the absence of import cycles ([tool.importlinter] in pyproject.toml).
.venv/bin/lint-imports
# Formatting, lint rules and types ([tool.ruff], [tool.mypy] in pyproject.toml).
.venv/bin/ruff format --check --quiet src tests benchmarks scripts
.venv/bin/ruff check --quiet src tests benchmarks scripts
.venv/bin/mypy
exec .venv/bin/python -m pytest "$@"
