"""The how-to's registry screened in parts: on Dask, in a process pool, at once.

docs/howto/screen-a-registry.md shows registry_example.py; these tests run
it on a small registry split into three files, one of them with a bad line.
"""

import json
from datetime import date

import pytest

import registry_example
from score_core import Enterprise, get_profile, screen


def _firm(n: int) -> dict[str, object]:
    headcount = None if n % 11 == 0 else 20 + (n * 37) % 600
    return {"id": f"E{n}", "name": f"Firm {n}", "headcount": headcount, "country": "CN"}


@pytest.fixture
def registry(tmp_path):
    """300 enterprises in three parts; line 5 of the second part is bad."""
    firms = [_firm(n) for n in range(300)]
    paths = []
    for k in range(3):
        lines = [json.dumps(f) for f in firms[k * 100 : (k + 1) * 100]]
        if k == 1:
            lines.insert(4, '{"id": "X", "name": "bad", "headcount": -1}')
        path = tmp_path / f"part-{k}.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(str(path))
    whole = screen(
        [Enterprise(**f) for f in firms],
        profile=get_profile("cn-phase-2"),
        on=date(2015, 7, 1),
        baseline_modules=(),
    ).run()
    return paths, whole


def _check(found, registry):
    paths, whole = registry
    summary, bad = found
    assert summary == whole
    assert [(e.source, e.line) for e in bad] == [(paths[1], 5)]
    assert "$.headcount" in bad[0].errors[0]


def test_on_dask_local_scheduler(registry):
    paths, _ = registry
    _check(
        registry_example.screen_on_dask(
            paths, scheduler="threads", on=date(2015, 7, 1)
        ),
        registry,
    )
    synchronous = registry_example.screen_on_dask(
        paths, scheduler="synchronous", on=date(2015, 7, 1)
    )
    _check(synchronous, registry)


def test_in_a_process_pool(registry):
    paths, _ = registry
    found = registry_example.screen_in_processes(paths, workers=2, on=date(2015, 7, 1))
    _check(found, registry)
