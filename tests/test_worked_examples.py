"""The worked examples still give the results written in their golden payloads.

``tests/fixtures/golden_examples.py`` computes one worked example per document
kind (an eligibility decision, a module plan, a quote, a portfolio, results)
and wrote each once to ``tests/fixtures/payloads/v<N>/``. The serialization
tests check that those files keep loading; this test checks that the rules
still compute the same results from the same inputs. A failure here is a
change in a verdict, a date or a price: either a bug, or a deliberate change
that gets a CHANGELOG entry and a new payload version.
"""

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

from score_core.serialization import SCHEMA_VERSION, dump_document


FIXTURES = Path(__file__).parent / "fixtures"


def _golden_examples() -> Any:
    spec = importlib.util.spec_from_file_location(
        "golden_examples", FIXTURES / "golden_examples.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GOLDEN_EXAMPLES = _golden_examples()


@pytest.mark.parametrize("kind", sorted(GOLDEN_EXAMPLES.examples()))
def test_worked_example_gives_its_golden_payload(kind):
    # Computed inside the test, not once at import: a mutation test run
    # changes the code under test after collection.
    value = GOLDEN_EXAMPLES.examples()[kind]
    path = (
        FIXTURES
        / "payloads"
        / f"v{SCHEMA_VERSION}"
        / f"{kind.replace('[]', '_list')}.json"
    )
    written = json.loads(path.read_text(encoding="utf-8"))
    assert dump_document(value, kind=kind) == written
