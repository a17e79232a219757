"""The ``score-core`` command (also ``python -m score_core``).

Exit status: 0 when all is well, 1 when the rules found errors, 2 for bad
input or usage (the message goes to standard error). The command only calls
the library; no rule lives here.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from score_core._demo import demo_text


__all__ = ["main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="score-core",
        description="The ILO SCORE programme's rules as code.",
        epilog="example: score-core demo",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    sub.add_parser(
        "demo",
        help="walk through what the library can do",
        description="Show, in readable form, what score_core can do.",
        epilog="example: score-core demo",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_OK if exc.code == 0 else EXIT_USAGE
    if args.command == "demo":
        print(demo_text())
    return EXIT_OK
