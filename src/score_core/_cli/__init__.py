"""The command-line side: the ``score-core`` command and what it prints.

Its modules: ``app`` (the command), ``demo``, ``render`` (tables) and
``docgen`` (the generated reference pages).

Nothing in the domain or the ground imports this package (tests/test_layers.py
holds that), so a change to terminal formatting cannot change a rule's result.
"""

from score_core._cli.app import main


__all__ = ["main"]
