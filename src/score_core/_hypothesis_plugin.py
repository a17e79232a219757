"""Hypothesis entry point: registers score_core's strategies with ``from_type``.

Hypothesis calls :func:`_hypothesis_setup_hook` when it is imported, through
the ``hypothesis`` entry-point group declared in ``pyproject.toml``. That can
happen *while* ``score_core.strategies`` is being imported (its first line
imports Hypothesis), so the hook only names the strategy for each type;
:func:`strategy_for` imports the strategies module when Hypothesis first asks
for one. This module imports nothing from Hypothesis at import time.
"""

from __future__ import annotations

import importlib
import typing
from typing import Any

from score_core._public import PUBLIC


def _strategy_names() -> dict[type, str]:
    return {
        getattr(importlib.import_module(f"score_core.{row.module}"), row.name): (
            row.strategy
        )
        for row in PUBLIC
        if row.strategy is not None
    }


#: Each public type and the name of its strategy in ``score_core.strategies``
#: (from the one table of public names, ``score_core._public``).
STRATEGY_NAMES: dict[type, str] = _strategy_names()

#: Generic types: their strategy takes a strategy for the type parameter.
_GENERIC = frozenset(
    cls for cls in STRATEGY_NAMES if getattr(cls, "__parameters__", ())
)


def strategy_for(requested: Any) -> Any:
    """The strategy for a public type (parametrised generics included)."""
    from hypothesis import strategies as st

    strategies = importlib.import_module("score_core.strategies")
    origin = typing.get_origin(requested) or requested
    factory = getattr(strategies, STRATEGY_NAMES[origin])
    args = typing.get_args(requested)
    if origin in _GENERIC and args:
        return factory(st.from_type(args[0]))
    return factory()


def _hypothesis_setup_hook() -> None:
    """Register a strategy for every public score_core type."""
    from hypothesis import strategies as st

    for cls in STRATEGY_NAMES:
        st.register_type_strategy(cls, strategy_for)
