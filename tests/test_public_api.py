import subprocess
import sys

import score_core


def test_import_imports_neither_hypothesis_nor_holidays():
    code = (
        "import sys, score_core, score_core.serialization, score_core.cli; "
        "print(sorted(m for m in ('hypothesis', 'holidays') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"HYPOTHESIS_NO_PLUGINS": "1", "PATH": ""},
    )
    assert result.stdout.strip() == "[]"


def test_all_names_exist_and_are_documented():
    for name in score_core.__all__:
        obj = getattr(score_core, name)
        if name != "__version__":
            assert obj.__doc__, name


def test_contract_names():
    contract = {
        "Money",
        "RuleViolation",
        "Severity",
        "Report",
        "to_dict",
        "from_dict",
        "to_json",
        "from_json",
        "PayloadError",
        "ScoreError",
    }
    assert contract <= set(score_core.__all__)


def test_every_public_name_is_in_the_api_reference():
    import re
    from pathlib import Path

    text = (Path(__file__).parents[1] / "docs" / "reference" / "api.md").read_text(
        encoding="utf-8"
    )
    listed = set(re.findall(r"score_core\.(\w+)\s*$", text, re.MULTILINE))
    missing = [
        name
        for name in score_core.__all__
        if name != "__version__"
        and name not in listed
        # score_core.errors is documented whole, with automodule.
        and getattr(score_core, name).__module__ != "score_core.errors"
    ]
    assert missing == []
