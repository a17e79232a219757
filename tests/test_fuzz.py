"""Fuzzing the edges, and determinism: what arrives never breaks what we give back.

Loaders are fuzzed in test_serialization (arbitrary JSON, and mutated
documents of every type read from text by every loader, with hostile values
at any depth). Here: every file-reading subcommand of the command line
against files it must refuse (exit 2, or 1 for validate; never 0): arbitrary
bytes (non-UTF-8 included), huge numbers, duplicate keys and deep nesting,
at the top level and inside a document; and results that must not depend
on the hash seed or on the order of inputs. Every public value goes through
pickle in test_serialization's round trip.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from score_core import (
    aggregate,
    changes,
    dump_document,
    example_cost_model,
    portfolio,
    screen,
)
from score_core import strategies as sst
from score_core._cli import main


PER_TYPE = (
    settings(max_examples=15)
    if os.environ.get("HYPOTHESIS_PROFILE") == "ci"
    else settings()
)

PAYLOADS = Path(__file__).parent / "fixtures" / "payloads" / "v1"

#: Each subcommand that reads a file, with the arguments it needs besides it.
READERS = (
    ("check", []),
    ("workshop", []),
    ("plan", ["--earliest", "2026-03-02", "--calendar", "FILE"]),
    ("plan", ["--workshop", "--calendar", "FILE"]),
    ("quote", ["--cost-model", "FILE"]),
    ("quote", ["--policy", "FILE"]),
    ("results", []),
    ("results", ["--indicators", "FILE"]),
    ("validate", []),
    ("check", ["--records", "FILE"]),
)


def _firms_with(value: str) -> bytes:
    """A document of enterprises whose first headcount is ``value`` (JSON text)."""
    return (
        '{"schema": "score_core", "schema_version": 1, "kind": "enterprise[]", '
        '"data": [{"id": "E", "name": "E", "headcount": 60}, '
        '{"id": "F", "name": "F", "headcount": ' + value + "}]}"
    ).encode()


# Every one of these is refused by every reader: the command exits with 2
# (1 for validate), never 0. Hostile values sit below the top level too.
hostile = st.one_of(
    st.binary(max_size=200).map(lambda b: b"\xff\xff" + b),  # not UTF-8
    st.text(max_size=60).map(lambda t: (t + "\x00").encode("utf-8", "surrogatepass")),
    st.integers(min_value=10**30, max_value=10**60).map(
        lambda n: f'{{"amount": "{n}", "currency": "CNY"}}'.encode()
    ),
    st.integers(2, 3000).map(lambda d: ("[" * d + "]" * d).encode()),
    st.integers(2, 3000).map(lambda d: _firms_with("[" * d + "]" * d)),
    st.integers(2, 999).map(lambda d: _firms_with('{"a": ' * d + "1" + "}" * d)),
    st.integers(19, 4400).map(lambda n: _firms_with("9" * n)),
    st.sampled_from(['"60"', "60.0", "-1", "true", '"\\ud800"']).map(_firms_with),
    st.just(b'{"amount": 1e400}'),
    st.just(b"\xff\xfe\x00{not json"),
    st.just(_firms_with('60, "headcount": 61')),  # a key twice
    st.just(_firms_with('60, "country": "CN\\n"')),
)


# In CI, in-process runs are cheap: a larger budget than per type, and the
# cases fuzzing found (issue 21) every time.
CLI_BUDGET = (
    settings(max_examples=40)
    if os.environ.get("HYPOTHESIS_PROFILE") == "ci"
    else PER_TYPE
)


@CLI_BUDGET
@example(payload=_firms_with("[" * 600 + "]" * 600), reader=("validate", []))
@example(payload=_firms_with("9" * 19), reader=("check", []))
@example(payload=_firms_with('60, "headcount": 61'), reader=("check", []))
@example(payload=_firms_with('60, "country": "CN\\n"'), reader=("check", []))
@given(payload=hostile, reader=st.sampled_from(READERS))
def test_the_command_line_never_breaks_on_hostile_files(
    tmp_path_factory, payload, reader
):
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "input.json"
    path.write_bytes(payload)
    command, extra = reader
    good = folder / "good.json"
    # The file the hostile one goes with is good, so the hostile one decides.
    if command in ("plan", "quote") and "--earliest" not in extra:
        good.write_bytes((PAYLOADS / "workshop.json").read_bytes())
    else:
        good.write_text('[{"id": "E", "name": "E", "headcount": 60}]')
    args = [a if a != "FILE" else str(path) for a in extra]
    target = str(path) if "FILE" not in extra else str(good)
    code = main([command, target, *args])
    assert code == (1 if command == "validate" else 2)


@pytest.mark.parametrize("command", ["check", "quote", "results", "validate"])
def test_hostile_input_names_the_file_on_standard_error(tmp_path, capsys, command):
    path = tmp_path / "bad.json"
    path.write_bytes(b"\xff\xfe{oops")
    code = main([command, str(path)])
    err = capsys.readouterr().err
    if command == "validate":
        assert code == 1
    else:
        assert code == 2
        assert f"score-core {command}: {path}:" in err


_JSON_OF_RESULTS = """
import json
from datetime import date
from score_core import *
from score_core._cli.demo import demo_text
print(demo_text())
print(to_json(get_profile(), indent=1))
print(to_json(default_indicators()))
print(json.dumps(json_schema("quote"), sort_keys=False))
"""


def test_results_do_not_depend_on_the_hash_seed():
    outputs = set()
    for seed in ("0", "4242"):
        result = subprocess.run(
            [sys.executable, "-c", _JSON_OF_RESULTS],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed, "HYPOTHESIS_NO_PLUGINS": "1"},
        )
        outputs.add(result.stdout)
    assert len(outputs) == 1


@given(st.lists(sst.enterprises(), max_size=12), st.randoms(use_true_random=False))
def test_screening_counts_do_not_depend_on_order(firms, rng):
    shuffled = list(firms)
    rng.shuffle(shuffled)
    first = screen(firms, baseline_modules=()).run()
    second = screen(shuffled, baseline_modules=()).run()
    assert dict(first.by_status) == dict(second.by_status)
    assert dict(first.by_code) == dict(second.by_code)


@given(sst.measurement_series(max_size=30), st.randoms(use_true_random=False))
def test_results_do_not_depend_on_the_order_of_measurements(items, rng):
    shuffled = list(items)
    rng.shuffle(shuffled)
    # Two measurements of one enterprise, indicator and day may differ; the
    # latest wins, so keep one per day for the comparison.
    unique = {(m.enterprise, m.indicator, m.on, m.point): m for m in items}
    ordered = list(unique.values())
    mixed = [
        m for m in shuffled if unique[(m.enterprise, m.indicator, m.on, m.point)] is m
    ]
    assert aggregate(changes(ordered)) == aggregate(changes(mixed))


@given(
    st.lists(
        sst.quotes(cost_model=st.just(example_cost_model())), min_size=1, max_size=3
    ),
    st.randoms(use_true_random=False),
)
def test_a_portfolio_does_not_depend_on_the_order_of_quotes(quotes, rng):
    shuffled = list(quotes)
    rng.shuffle(shuffled)
    first, second = portfolio(quotes), portfolio(shuffled)
    assert first == second
    assert json.dumps(dump_document(first)) == json.dumps(dump_document(second))
