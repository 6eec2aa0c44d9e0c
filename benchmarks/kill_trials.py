"""Kill -9 trials in numbers: how often a killed import, bulk status change, backup or schema
migration left a database that is neither as before nor as after the action (must be 0).

Usage::

    .venv/bin/python benchmarks/kill_trials.py [--trials 50] [--shipments 600] [--seed 1]

Each action is first run once to the end (its duration and the content it leaves), then
``--trials`` times in a fresh copy, killed with SIGKILL at a random moment between its start
and 1.4 times its duration. The content hash covers the schema and every row (timestamps
left out); ``tests/integration/test_kill_trials.py`` holds the machinery and runs a few trials.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.integration.test_kill_trials import run  # noqa: E402 - after the path fix


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=50, help="kills per action")
    parser.add_argument("--shipments", type=int, default=600, help="demo shipments")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="railgrain-kill-") as folder:
        figures = run(Path(folder), trials=args.trials, seed=args.seed, shipments=args.shipments)
    for line in figures.lines():
        print(line)
    total = sum(sum(c.values()) for c in figures.outcomes.values())
    partial = sum(c["partial"] for c in figures.outcomes.values())
    print(f"total      trials {total:4d}  partial {partial}  problems {len(figures.problems)}")
    for problem in figures.problems:
        print(f"  {problem}")
    print(f"in {time.monotonic() - started:.0f} s")
    return 1 if figures.problems else 0


if __name__ == "__main__":
    sys.exit(main())
