"""The ``score-core`` command (also ``python -m score_core``).

Exit status: 0 when all is well, 1 when the rules found errors, 2 for bad
input or usage (the message goes to standard error). The command only calls
the library; no rule lives here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from score_core._demo import demo_text
from score_core._render import catalogue_table, profile_text, profiles_table
from score_core.catalogue import default_catalogue, get_catalogue
from score_core.errors import ScoreError
from score_core.profiles import Profile, get_profile, profile_names
from score_core.serialization import to_json


__all__ = ["main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

_Handler = Callable[[argparse.Namespace], int]


def _demo(_args: argparse.Namespace) -> int:
    print(demo_text())
    return EXIT_OK


def _modules(args: argparse.Namespace) -> int:
    catalogue = (
        default_catalogue() if args.catalogue is None else get_catalogue(args.catalogue)
    )
    if args.json:
        print(to_json(catalogue, indent=2))
    else:
        print(f"catalogue {catalogue.name}: {len(catalogue)} modules")
        print(catalogue_table(catalogue))
    return EXIT_OK


def _profiles(args: argparse.Namespace) -> int:
    if args.name is None:
        profiles = [get_profile(name) for name in profile_names()]
        if args.json:
            print(to_json(tuple(profiles), as_type=tuple[Profile, ...], indent=2))
        else:
            print(profiles_table(profiles))
        return EXIT_OK
    profile = get_profile(args.name)
    print(to_json(profile, indent=2) if args.json else profile_text(profile))
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="score-core",
        description="The ILO SCORE programme's rules as code.",
        epilog="example: score-core demo",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    demo = sub.add_parser(
        "demo",
        help="walk through what the library can do",
        description="Show, in readable form, what score_core can do.",
        epilog="example: score-core demo",
    )
    demo.set_defaults(handler=_demo)
    modules = sub.add_parser(
        "modules",
        help="list the module catalogue",
        description="List the modules of a catalogue with their format and order.",
        epilog="example: score-core modules --json",
    )
    modules.add_argument("--catalogue", help="a registered catalogue (default: score)")
    modules.add_argument("--json", action="store_true", help="print JSON")
    modules.set_defaults(handler=_modules)
    profiles = sub.add_parser(
        "profiles",
        help="list the profiles, or show one with the source of every value",
        description="List the registered country and phase profiles, or show one.",
        epilog="example: score-core profiles cn-phase-2",
    )
    profiles.add_argument("name", nargs="?", help="a profile name, such as cn-phase-2")
    profiles.add_argument("--json", action="store_true", help="print JSON")
    profiles.set_defaults(handler=_profiles)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_OK if exc.code == 0 else EXIT_USAGE
    handler: _Handler = args.handler
    try:
        return handler(args)
    except ScoreError as exc:
        print(f"score-core {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE
