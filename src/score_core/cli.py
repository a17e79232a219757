"""The ``score-core`` command as a module: ``score_core.cli.main(argv)``.

The command-line side lives in the private package ``score_core._cli``; this
module keeps its entry point where tools and scripts have called it.
"""

from score_core._cli import main


__all__ = ["main"]
