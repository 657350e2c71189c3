"""The long fuzz run: malformed inputs of six kinds through the CLI, with counts.

    FUZZ_EXAMPLES=5000 python scripts/fuzz.py [--baseline SRC_DIR] [--save-corpus]

Splits FUZZ_EXAMPLES (default 3000) over the six kinds (seed, glossary CSV, PO, termweave.toml,
TBX, .argosmodel), generates the inputs with hypothesis (tests/fuzzing.py: mutations of a valid
file), runs each through the command that reads it in a forked child, and prints per kind:
inputs, accepted, refused cleanly (exit 1/2, one line naming file:line, no file changed), and
the failures: tracebacks, hangs (> 10 s), bad messages (not one line / no file:line), files
changed by a failing command. ``--baseline SRC_DIR`` runs the same inputs against another
checkout's ``src`` (e.g. the commit before the fixes) in the same run, for comparison.
``--save-corpus`` writes each failing input's mutations to tests/data/fuzz-corpus/<kind>/.
``FUZZ_SEED`` (default 11) fixes the generated inputs. Exit status 1 when any failure was found.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

FAILURES = ("traceback", "hang", "not one line", "no file:line", "files changed", "exit")


def fuzz(total: int, save_corpus: bool) -> dict:
    from fuzzing import CORPUS, KINDS, mutate, mutations, run_case
    from hypothesis import HealthCheck, given, seed, settings

    per_kind = max(1, total // len(KINDS))
    counts: dict[str, collections.Counter] = {}
    examples: dict[str, list] = {}
    for kind in KINDS.values():
        base = kind.base()
        tally = counts[kind.name] = collections.Counter()
        found = examples[kind.name] = []

        @seed(int(os.environ.get("FUZZ_SEED", "11")))  # the baseline run sees the same inputs
        @settings(max_examples=per_kind, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        @given(mutations())
        def one(ops):
            verdict = run_case(kind, mutate(kind, base, ops))
            tally["inputs"] += 1
            if verdict.problem is None:
                tally["accepted" if verdict.exit_code == 0 else "refused cleanly"] += 1
                return
            key = next((f for f in FAILURES if verdict.problem.startswith(f)), verdict.problem)
            tally[key] += 1
            if len(found) < 5:
                found.append(
                    {
                        "problem": verdict.problem,
                        "ops": [list(op) for op in ops],
                        "stderr": verdict.stderr[-400:],
                        "changed": verdict.changed,
                    }
                )
            if save_corpus:
                name = hashlib.sha256(json.dumps(ops).encode()).hexdigest()[:12]
                target = CORPUS / kind.name / f"fuzz-{name}.ops.json"
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(json.dumps([list(op) for op in ops]) + "\n", encoding="utf-8")

        one()
        print(f"  {kind.name}: {dict(tally)}", file=sys.stderr, flush=True)
    return {"counts": {k: dict(v) for k, v in counts.items()}, "examples": examples}


def report(title: str, result: dict) -> int:
    counts = result["counts"]
    columns = ("inputs", "accepted", "refused cleanly") + FAILURES
    print(f"\n{title}")
    print(f"{'kind':12}" + "".join(f"{c:>17}" for c in columns))
    totals = collections.Counter()
    for kind, tally in counts.items():
        totals.update(tally)
        print(f"{kind:12}" + "".join(f"{tally.get(c, 0):>17}" for c in columns))
    print(f"{'total':12}" + "".join(f"{totals.get(c, 0):>17}" for c in columns))
    for kind, found in result["examples"].items():
        for example in found[:2]:
            print(
                f"  e.g. {kind}: {example['problem']}: {example['stderr'].strip().splitlines()[-1:] or ''} "
                f"changed={example['changed']}"
            )
    return sum(totals.get(f, 0) for f in FAILURES)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, help="another checkout's src/ to fuzz with the same inputs")
    parser.add_argument("--save-corpus", action="store_true")
    parser.add_argument("--json", type=Path, help=argparse.SUPPRESS)  # used for the baseline child
    args = parser.parse_args()
    total = int(os.environ.get("FUZZ_EXAMPLES", "3000"))
    if args.json:
        args.json.write_text(json.dumps(fuzz(total, False)), encoding="utf-8")
        return 0
    failures = report("this checkout", fuzz(total, args.save_corpus))
    if args.baseline:
        out = Path(os.environ.get("TMPDIR", "/tmp")) / f"termweave-fuzz-baseline-{os.getpid()}.json"
        env = dict(os.environ, PYTHONPATH=str(args.baseline.resolve()))
        subprocess.run([sys.executable, __file__, "--json", str(out)], env=env, check=True)
        report(f"baseline ({args.baseline})", json.loads(out.read_text(encoding="utf-8")))
        out.unlink()
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
