"""A synthetic registry as JSON Lines, for measuring `score-core check` at scale.

    python benchmarks/registry.py 1000000 > registry.jsonl
    /usr/bin/time -f "%e s, %U s CPU, peak %M KB" \
        score-core check registry.jsonl --no-baseline --summary

Each line is one enterprise: headcounts spread over 10 to 909 (one in
seventeen unknown), one in thirteen outside China, one in five with a
sector. The lines are written as they are made, so the file may be larger
than memory. docs/performance.md gives the figures.
"""

import json
import sys


def line(k: int) -> str:
    firm: dict[str, object] = {
        "id": f"CN-{k:07d}",
        "name": f"Enterprise {k}",
        "country": "CN" if k % 13 else "VN",
    }
    if k % 17:
        firm["headcount"] = 10 + (k * 7919) % 900
    if k % 5 == 0:
        firm["sector"] = "machinery"
    return json.dumps(firm, ensure_ascii=False)


def main(n: int) -> None:
    for k in range(n):
        sys.stdout.write(line(k) + "\n")


if __name__ == "__main__":
    main(int(sys.argv[1]))
