"""Screening a registry in parts, on Dask or in a process pool.

The code of docs/howto/screen-a-registry.md, as the page shows it; the tests
in test_registry_example.py run it (Dask's local scheduler, and a process
pool).

The registry is kept as JSON Lines files, one enterprise a line, split into
parts (``split -l 100000 registry.jsonl part-``). Each part is screened
where it is read: a worker gets the part's file name, never the enterprises
themselves, and sends back a summary of counts and the part's bad lines.
Summaries add, so the registry's summary is their sum.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from functools import partial

from score_core import get_profile
from score_core.eligibility import ScreeningSummary
from score_core.streaming import LineError, screen_jsonl


def screen_part(
    path: str, *, profile: str = "cn-phase-2", on: date | None = None
) -> tuple[ScreeningSummary, list[LineError]]:
    """Screen one part of the registry: its own lines, from its own file."""
    bad: list[LineError] = []
    with open(path, "rb") as lines:
        summary = screen_jsonl(
            lines,
            on_error=bad.append,
            source=path,
            profile=get_profile(profile),
            on=on,
            baseline_modules=(),  # prospects: no baseline assessment yet
        )
    return summary, bad


def screen_on_dask(
    paths: Sequence[str], *, scheduler: str = "processes", **options: object
) -> tuple[ScreeningSummary, list[LineError]]:
    """The registry's summary and bad lines, one Dask partition per part."""
    import dask
    import dask.bag

    parts = dask.bag.from_sequence(paths, npartitions=len(paths))
    screened = parts.map(screen_part, **options)
    summary, bad = dask.compute(
        screened.pluck(0).sum(),  # ScreeningSummary adds, as sum() does
        screened.pluck(1).flatten(),
        scheduler=scheduler,
    )
    return summary, list(bad)


def screen_in_processes(
    paths: Sequence[str], *, workers: int | None = None, **options: object
) -> tuple[ScreeningSummary, list[LineError]]:
    """The registry's summary and bad lines, one process-pool task per part."""
    spawn = multiprocessing.get_context("spawn")  # the same on every system
    with ProcessPoolExecutor(max_workers=workers, mp_context=spawn) as pool:
        parts = list(pool.map(partial(screen_part, **options), paths))
    summary = sum(part for part, _ in parts)  # at least one part
    bad = [line for _, lines in parts for line in lines]
    return summary, bad
