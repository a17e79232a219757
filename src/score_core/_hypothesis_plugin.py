"""Hypothesis entry point: registers score_core's strategies with ``from_type``.

Hypothesis calls :func:`_hypothesis_setup_hook` when it is imported, through
the ``hypothesis`` entry-point group declared in ``pyproject.toml``. The
strategies module is imported inside the hook, and each registration is a
function, so nothing is built until a strategy is asked for.
"""

from __future__ import annotations


def _hypothesis_setup_hook() -> None:
    """Register a strategy for every public score_core type."""
    from hypothesis import strategies as st

    from score_core import strategies as sst

    for cls, for_type in sst.registrations().items():
        st.register_type_strategy(cls, for_type)
