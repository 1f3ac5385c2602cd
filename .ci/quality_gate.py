#!/usr/bin/env python3
"""Quality gate: score the pipeline on the shared dev set and compare with quality/floor.json.

    python .ci/quality_gate.py [--cmd PATH_TO_DOSSIER] [--shared PATH_TO_SHARED] [--floor FILE]

Runs `score.py <shared>/eval/dev --json --cmd <dossier>` and fails (exit 1) when any figure
is below its floor, or above its ceiling for the `max_*` keys. floor.json keys, all optional:

    facts_f1, events_f1, questions_accuracy   floors (reached >= floor - 0.001)
    max_merged_entities                       ceiling (reached <= max + 0.001)
    max_errors                                ceiling on failed CLI commands reported by the scorer

A failed `dossier ingest` always fails the gate: every figure would be a meaningless zero.

Standard library only.
"""

from __future__ import annotations

import argparse
import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TOLERANCE = 0.001

# floor key -> (how to read the figure from score.py's JSON, "min" floor or "max" ceiling)
FIGURES = {
    "facts_f1": (lambda r: r["facts"]["f1"], "min"),
    "events_f1": (lambda r: r["events"]["f1"], "min"),
    "questions_accuracy": (lambda r: r["questions"]["accuracy"], "min"),
    "max_merged_entities": (lambda r: r["merged_entities"], "max"),
    "max_errors": (lambda r: len(r.get("errors") or []), "max"),
}


def fail(msg: str, code: int = 1) -> int:
    print(f"quality gate: FAIL: {msg}", file=sys.stderr)
    return code


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cmd", default=str(REPO / ".venv" / "bin" / "dossier"), help="path to the dossier CLI")
    ap.add_argument("--shared", default=str(REPO.parent / "shared"), help="the shared/ folder (holds eval/)")
    ap.add_argument("--floor", default=str(REPO / "quality" / "floor.json"), help="floors to hold")
    ap.add_argument("--set", dest="set_name", default="dev", help="eval set under shared/eval (default: dev)")
    a = ap.parse_args()

    shared = Path(a.shared)
    if not shared.is_absolute():
        shared = (REPO / shared).resolve()
    scorer = shared / "eval" / "score.py"
    set_dir = shared / "eval" / a.set_name
    floor_path = Path(a.floor)

    if not set_dir.is_dir() or not (set_dir / "corpus.jsonl").is_file():
        return fail(f"eval set {set_dir} is absent (expected {set_dir}/corpus.jsonl); cannot measure quality")
    if not scorer.is_file():
        return fail(f"scorer {scorer} is absent; cannot measure quality")
    cmd_argv = shlex.split(a.cmd)
    if not cmd_argv or not (Path(cmd_argv[0]).exists() or shutil.which(cmd_argv[0])):
        return fail(f"dossier CLI {a.cmd!r} not found (run `make install` first)")
    if not floor_path.is_file():
        return fail(f"floor file {floor_path} is absent")
    try:
        floors = json.loads(floor_path.read_text())
    except json.JSONDecodeError as e:
        return fail(f"{floor_path} is not valid JSON: {e}")
    if not isinstance(floors, dict):
        return fail(f"{floor_path} must hold a JSON object")
    unknown = sorted(set(floors) - set(FIGURES))
    if unknown:
        return fail(f"{floor_path}: unknown key(s) {', '.join(unknown)}; known: {', '.join(FIGURES)}")

    argv = [sys.executable, str(scorer), str(set_dir), "--json", "--cmd", a.cmd]
    print(f"quality gate: {shlex.join(argv)}", flush=True)
    proc = subprocess.run(argv, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-4000:])
        return fail(f"score.py exited {proc.returncode}")
    try:
        result = json.loads(proc.stdout)
    except json.JSONDecodeError:
        sys.stderr.write(proc.stdout[-2000:] + proc.stderr[-2000:])
        return fail("score.py did not print JSON")

    errors = result.get("errors") or []
    for err in errors:
        print(f"  ! scorer reported: {' | '.join(err.split(chr(10)))[:400]}", file=sys.stderr)
    # The scorer records a failed command as "<argv>: <reason>"; a failed ingest means
    # the pipeline never ran, and every figure would be a meaningless zero.
    ingest_failed = any(re.search(r" --db \S+ ingest ", err) for err in errors)

    print(f"quality gate: set {result.get('set')}: {result.get('documents')} documents, "
          f"ingest {result.get('ingest_seconds')} s")
    failures = []
    print(f"  {'figure':22} {'reached':>8} {'floor':>8}  status")
    for key, (read, kind) in FIGURES.items():
        try:
            reached = float(read(result))
        except (KeyError, TypeError, ValueError):
            reached = None
        fmt = ".3f" if kind == "min" else "g"
        shown = "n/a" if reached is None else format(reached, fmt)
        if key not in floors:
            print(f"  {key:22} {shown:>8} {'-':>8}  (no floor)")
            continue
        limit = float(floors[key])
        if reached is None:
            ok = False
        elif kind == "min":
            ok = reached >= limit - TOLERANCE
        else:
            ok = reached <= limit + TOLERANCE
        label = "floor" if kind == "min" else "max"
        print(f"  {key:22} {shown:>8} {format(limit, fmt):>8}  {'ok' if ok else 'FAIL'}")
        if not ok:
            if reached is None:
                failures.append(f"{key}: the scorer's result has no such figure ({label} {limit:.3f})")
            elif kind == "min":
                failures.append(f"{key} is {reached:.3f}, below its floor {limit:.3f}")
            else:
                failures.append(f"{key.removeprefix('max_')} is {reached:g}, above its maximum {limit:g}")

    if errors and "max_errors" not in floors:
        print(f"quality gate: WARNING: {len(errors)} CLI command(s) failed during scoring (listed above)",
              file=sys.stderr)
    if ingest_failed:
        failures.insert(0, "`dossier ingest` failed on the eval set (see the scorer's errors above)")
    for f in failures:
        print(f"quality gate: FAIL: {f}", file=sys.stderr)
    if failures:
        print(f"quality gate: {len(failures)} failure(s); limits from {floor_path}", file=sys.stderr)
        return 1
    print("quality gate: passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
