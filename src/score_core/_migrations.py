"""Payload migrations: pure dict-to-dict steps from one schema version to the next.

``MIGRATIONS[n]`` upgrades a version-``n`` document to version ``n + 1``. A
step receives the whole envelope and returns a new one; it never mutates its
input. Field renames and reshapes live here, never as aliases in the model.

Version 1 is the first released payload version. Version 2 splits what
version 1 called the institution's share of a quote: in version 1, payer
``institution`` was the remainder nobody paid; in version 2 that remainder
is payer ``unfunded`` (not coverage), and ``institution`` is the
institution's own budget, paid only where a funding policy names it
(``GroupRules.institution``, absent in version 1, so zero). A portfolio
row's module group, ``M1`` or ``M2-5`` in version 1, is spelled as
:class:`~score_core.catalogue.ModuleGroup` spells it in version 2
(``module1``, ``later_modules``). Every other kind reads the same in both
versions. The golden files of every version
must keep loading.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any


Step = Callable[[dict[str, Any]], dict[str, Any]]

#: The payload version this library writes.
CURRENT_VERSION = 2


def _list(value: Any) -> list[Any]:
    """The items of a JSON array; none for anything else (the loader reports it)."""
    return value if isinstance(value, list) else []


def _unfunded_payer(payer: Any) -> Any:
    return "unfunded" if payer == "institution" else payer


_V1_GROUPS = {"M1": "module1", "M2-5": "later_modules"}


def _v1_quote(quote: Any) -> Any:
    if not isinstance(quote, dict):
        return quote  # malformed: the loader reports it
    by_payer = quote.get("by_payer")
    if isinstance(by_payer, dict) and "institution" in by_payer:
        remainder = by_payer["institution"]
        zero = remainder
        if isinstance(remainder, dict):
            zero = {**remainder, "amount": "0"}  # Money writes its own places
        quote["by_payer"] = {
            **{k: v for k, v in by_payer.items() if k != "institution"},
            "institution": zero,
            "unfunded": remainder,
        }
    for invoice in _list(quote.get("invoices")):
        for payment in _list(
            invoice.get("payments") if isinstance(invoice, dict) else None
        ):
            if isinstance(payment, dict):
                payment["payer"] = _unfunded_payer(payment.get("payer"))
    return quote


def _v1_to_v2(document: dict[str, Any]) -> dict[str, Any]:
    """Version 1's ``institution`` remainder becomes version 2's ``unfunded``.

    Portfolio groups take their version 2 spelling.
    """
    kind, data = document.get("kind"), document.get("data")
    if kind == "quote":
        document["data"] = _v1_quote(data)
    elif kind == "quote[]" and isinstance(data, list):
        document["data"] = [_v1_quote(q) for q in data]
    elif kind == "portfolio" and isinstance(data, dict):
        for row in _list(data.get("rows")):
            if isinstance(row, dict):
                row["payer"] = _unfunded_payer(row.get("payer"))
                group = row.get("group")
                if isinstance(group, str):
                    row["group"] = _V1_GROUPS.get(group, group)
    return document


#: Upgrade steps, keyed by the version they upgrade from.
MIGRATIONS: Mapping[int, Step] = {1: _v1_to_v2}


def migrate(document: dict[str, Any], steps: Mapping[int, Step]) -> dict[str, Any]:
    """Apply ``steps`` in order until the document reaches ``CURRENT_VERSION``.

    Raises:
        KeyError: when a step between the document's version and the current
            one is missing (a library bug, reported as a payload error).
    """
    result: dict[str, Any] = _copy(document)
    while result["schema_version"] < CURRENT_VERSION:
        version = result["schema_version"]
        result = steps[version](result)
        result["schema_version"] = version + 1
    return result


def _copy(data: Any) -> Any:
    """A copy of JSON data (dicts and lists copied, the rest shared).

    Iterative, not recursive: a hostile document nested a thousand levels
    deep is copied like any other (``copy.deepcopy`` would raise
    ``RecursionError``), and the loader then reports what is wrong with it.
    """
    root: list[Any] = [None]  # the copy of ``data``, once the loop has run
    stack: list[tuple[Any, Any, Any]] = [(data, root, 0)]
    while stack:
        node, parent, key = stack.pop()
        if type(node) is dict:
            new: Any = dict(node)
            stack.extend((item, new, k) for k, item in node.items())
        elif type(node) is list:
            new = list(node)
            stack.extend((item, new, i) for i, item in enumerate(node))
        else:
            new = node
        parent[key] = new
    return root[0]
