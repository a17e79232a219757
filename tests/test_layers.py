"""The layers of ARCHITECTURE.md, held against every import in src.

ground <- domain <- edges: a module imports only from its own layer or the
layers below it. A change to terminal formatting (an edge) can then never
change an eligibility verdict (the domain).
"""

import ast
from pathlib import Path

import pytest


SRC = Path(__file__).parents[1] / "src" / "score_core"

GROUND = {
    "_public",
    "_frozen",
    "_registry",
    "_validators",
    "_version",
    "errors",
    "findings",
    "codes",
    "money",
    "calendars",
    "_holidays_adapter",
    "parameters",
    "sources",
}
DOMAIN = {
    "_data",  # built-in data: profiles, codes... (each module placed below)
    "catalogue",
    "profiles",
    "enterprises",
    "people",
    "eligibility",
    "journey",
    "workshops",
    "visits",
    "season",
    "packages",
    "pricing",
    "monitoring",
}
EDGES = {
    "__init__",
    "__main__",
    "cli",
    "_cli",  # the command-line side: app, demo, render, docgen
    "ical",
    "i18n",  # findings and the CLI in a language: catalogs read from files
    "serialization",
    "_fast",  # serialization's msgspec paths (the `fast` extra)
    "_migrations",
    "schema",
    "streaming",
    "strategies",
    "tables",
    "_hypothesis_plugin",
}
LAYER = {
    **dict.fromkeys(GROUND, 0),
    **dict.fromkeys(DOMAIN, 1),
    **dict.fromkeys(EDGES, 2),
}
NAMES = {0: "ground", 1: "domain", 2: "edges"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 1 else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(SRC.rglob("*.py"))}


#: Modules of a package placed apart from their package's layer.
PLACED = {
    "_data.codes": 0,
    "_data.sources": 0,
    "_data.currencies": 0,
    "_data.messages": 0,
}


def _layer(module: str) -> int:
    # A module inside a private package takes its package's layer.
    return PLACED.get(module, LAYER[module.split(".")[0]])


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith("score_core."):
                base = node.module.removeprefix("score_core.")
                for alias in node.names:
                    # ``from score_core._data import codes`` imports a module.
                    inner = f"{base}.{alias.name}"
                    found.add(inner if inner in _modules() else base)
            elif node.module == "score_core":
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(
                alias.name.removeprefix("score_core.")
                for alias in node.names
                if alias.name.startswith("score_core.")
            )
    return found


def test_every_module_has_a_layer():
    unplaced = sorted(m for m in _modules() if m.split(".")[0] not in LAYER)
    assert unplaced == [], "place each new module in a layer of test_layers.py"


@pytest.mark.parametrize("module", sorted(_modules()))
def test_imports_point_down(module):
    mine = _layer(module)
    upward = sorted(
        f"{target} ({NAMES[_layer(target)]})"
        for target in _imports(_modules()[module])
        if target.split(".")[0] in LAYER and _layer(target) > mine
    )
    assert upward == [], f"{module} ({NAMES[mine]}) imports upward: {upward}"


def test_the_check_sees_an_upward_import(tmp_path):
    bad = tmp_path / "eligibility.py"
    bad.write_text("from score_core._cli.render import table\n", encoding="utf-8")
    assert _imports(bad) == {"_cli.render"}
    assert _layer("_cli.render") > _layer("eligibility")


#: The longest a function in src may be, in lines (data lives in _data).
LONGEST = 80


def test_no_function_in_src_is_longer_than_the_house_allows():
    long = sorted(
        f"{path.relative_to(SRC)}:{node.lineno} {node.name} ({length} lines)"
        for path in SRC.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and (length := (node.end_lineno or node.lineno) - node.lineno + 1) > LONGEST
    )
    assert long == [], "split into named steps that return (value, findings)"
