from termweave.cli import program

raise SystemExit(program())
