"""Payload migrations: pure dict-to-dict steps from one schema version to the next.

``MIGRATIONS[n]`` upgrades a version-``n`` document to version ``n + 1``. A
step receives the whole envelope and returns a new one; it never mutates its
input. Field renames and reshapes live here, never as aliases in the model.

Version 1 is the first released payload version, so there are no steps yet;
the first change to the payload shape adds ``MIGRATIONS[1]`` and raises
``CURRENT_VERSION`` to 2, together with a golden file of version 1 that must
keep loading.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any


Step = Callable[[dict[str, Any]], dict[str, Any]]

#: The payload version this library writes.
CURRENT_VERSION = 1

#: Upgrade steps, keyed by the version they upgrade from.
MIGRATIONS: Mapping[int, Step] = {}


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
