"""A fresh project's check: ``@given(st.from_type(T))`` for every public type.

Run with ``python benchmarks/from_type.py [TypeName ...]``. Each type is
drawn under Hypothesis' *default* settings (100 examples, health checks on,
the default deadline), as a new user's suite would draw it, without
importing ``score_core.strategies``: the entry point registers the
strategies. It prints the time each type takes and any failure (a failed
health check, for instance), then the total.
"""

from __future__ import annotations

import sys
import time
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from score_core._hypothesis_plugin import STRATEGY_NAMES


def run(cls: Any) -> tuple[float, str]:
    """Seconds for 100 examples of ``cls`` with the default settings, and any error."""

    @settings(database=None)
    @given(st.from_type(cls))
    def check(value: Any) -> None:
        assert isinstance(value, cls)

    start = time.perf_counter()
    try:
        check()
    except Exception as error:
        return time.perf_counter() - start, f"{type(error).__name__}: {error}"
    return time.perf_counter() - start, ""


def main(only: list[str]) -> int:
    total, failed = 0.0, 0
    for cls in sorted(STRATEGY_NAMES, key=lambda c: c.__name__):
        if only and cls.__name__ not in only:
            continue
        seconds, error = run(cls)
        total += seconds
        failed += bool(error)
        print(f"{cls.__name__:24} {seconds * 1000:8.0f} ms  {error[:100]}", flush=True)
    print(f"total {total:.1f} s, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
