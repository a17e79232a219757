import subprocess
import sys

import score_core


def _run(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"HYPOTHESIS_NO_PLUGINS": "1", "PATH": ""},
    )
    return result.stdout.strip()


def test_import_imports_neither_hypothesis_nor_holidays_nor_matplotlib():
    # matplotlib draws the docs' figures (docs/figures.py): a docs dependency.
    code = (
        "import sys, score_core, score_core.serialization, score_core.cli; "
        "print(sorted(m for m in ('hypothesis', 'holidays', 'babel', 'matplotlib') "
        "if m in sys.modules))"
    )
    assert _run(code) == "[]"


def _object(row):
    import importlib

    return getattr(importlib.import_module(f"score_core.{row.module}"), row.name)


def test_all_names_exist_and_are_documented():
    import inspect

    from score_core._public import PUBLIC

    for row in PUBLIC:
        obj = _object(row)
        if inspect.isclass(obj) or inspect.isfunction(obj):
            assert obj.__doc__, row.name


def test_the_top_level_is_curated():
    from score_core._public import PUBLIC, TOP_LEVEL

    assert len(TOP_LEVEL) <= 80  # and __version__
    assert set(score_core.__all__) == {*TOP_LEVEL, "__version__"}
    assert len({row.name for row in PUBLIC}) == len(PUBLIC)  # one row a name


def test_each_modules_public_names_are_its_rows():
    import importlib

    from score_core._public import PUBLIC

    modules = {row.module for row in PUBLIC if not row.module.startswith("_")}
    for module in modules:
        names = set(importlib.import_module(f"score_core.{module}").__all__)
        assert names == {row.name for row in PUBLIC if row.module == module}, module


def test_a_name_that_left_the_top_level_still_resolves_with_a_warning():
    import pytest

    from score_core.pricing import GroupRules

    with pytest.warns(DeprecationWarning, match="import it from score_core.pricing"):
        assert getattr(score_core, "GroupRules") is GroupRules  # noqa: B009


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
    import inspect

    from score_core._public import PUBLIC

    listed = set(re.findall(r"score_core\.(?:\w+\.)?(\w+)\s*$", text, re.MULTILINE))
    missing = [
        row.name
        for row in PUBLIC
        if row.name not in listed
        and (inspect.isclass(_object(row)) or inspect.isfunction(_object(row)))
        # score_core.errors is documented whole, with automodule.
        and row.module != "errors"
    ]
    assert missing == []


def test_import_imports_no_module_of_its_own_until_a_name_is_used():
    code = (
        "import sys, score_core; "
        "print(sorted(m for m in sys.modules if m.startswith('score_core.')))"
    )
    # The table of public names is read; no capability module is imported.
    assert _run(code) == "['score_core._public', 'score_core._version']"


def test_using_a_name_imports_its_module_and_what_that_needs_only():
    code = (
        "import sys; from score_core import Money; "
        "print(Money.of('1', 'CNY'), 'score_core.pricing' in sys.modules, "
        "'score_core.visits' in sys.modules)"
    )
    assert _run(code) == "1.00 CNY False False"


def test_documents_register_the_library_kinds_on_first_use():
    code = (
        "from score_core import Money, dump_document; "
        "print(dump_document(Money.of('1', 'CNY'))['kind'])"
    )
    assert _run(code) == "money"


def test_the_lazy_table_matches_the_type_checking_imports_and_all():
    """The three lists of public names in ``__init__`` agree.

    Type checkers read the ``TYPE_CHECKING`` imports, ``from score_core
    import *`` reads ``__all__``, and the lazy ``__getattr__`` reads
    ``_HOMES``; a name added to one must be added to all three.
    """
    import ast
    from pathlib import Path

    tree = ast.parse(Path(score_core.__file__).read_text(encoding="utf-8"))
    guarded = next(
        node
        for node in tree.body
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING"
    )
    imported = {
        alias.name: node.module.removeprefix("score_core.")
        for node in guarded.body
        if isinstance(node, ast.ImportFrom) and node.module
        for alias in node.names
    }
    from score_core._public import TOP_LEVEL

    assert imported == TOP_LEVEL
    assert set(score_core.__all__) == {*imported, "__version__"}


def test_submodules_and_unknown_names():
    import pytest

    assert score_core.visits.plan_module is score_core.plan_module
    assert "plan_module" in dir(score_core)
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = score_core.nope
    with pytest.raises(AttributeError, match="no attribute '_private'"):
        _ = score_core._private


def test_a_submodule_missing_a_dependency_says_which(monkeypatch):
    import importlib

    import pytest

    def missing(name: str) -> None:
        raise ModuleNotFoundError("No module named 'hypothesis'", name="hypothesis")

    monkeypatch.setattr(importlib, "import_module", missing)
    with pytest.raises(ModuleNotFoundError, match="hypothesis"):
        score_core.__getattr__("strategies")
