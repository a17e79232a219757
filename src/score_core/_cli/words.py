"""The command line's own words (help, usage, errors) in the user's language.

The texts of the parser (``help=``, ``description=``, ``epilog=``) are
marked with :func:`N_` where they are written, stay English in the parser,
and are translated when argparse shows them, by :class:`Formatter` and
:class:`Parser`. argparse's own words (``usage:``, the section titles, the
help option, its usage errors) are translated from the same catalog: the
ones it writes are listed here, so that ``make messages`` extracts them.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Iterable
from typing import Any

from score_core._cli.render import N_, WIDTH, wrap
from score_core.i18n import Language, _pattern, _said


#: argparse's own words, as Python 3.11 to 3.13 write them (the section
#: titles, the help option's help), translated as they are shown.
ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
)

#: Value checks of this command line, as templates of ``{value!r}``.
DATE_ERROR = N_("{value} is not a date such as 2015-07-01")
MOMENT_ERROR = N_(
    "{value} is not a date and time with a zone, such as 2026-11-24T09:00Z"
)
COUNT_ERROR = N_("{value} is not a count such as 20")

#: Input this command line cannot read or write, as templates.
CANNOT_READ = N_("{path}: cannot read ({reason})")
CANNOT_WRITE = N_("{path}: cannot write ({reason})")
EXPECTED_ONE = N_("{path}: expected one {kind}, got {count}")
JSON_OR_CSV = N_("give --json or --csv, not both")
_INPUT_ERRORS = tuple(
    (_pattern(t), t) for t in (CANNOT_READ, CANNOT_WRITE, EXPECTED_ONE, JSON_OR_CSV)
)

#: argparse's usage errors (as Python 3.11 to 3.13 write them) and this
#: command line's value checks, as templates: an error is matched against
#: each, its parts kept (an argument's name, the value given) or, for
#: ``problem``, translated in turn. An error matching none stays English.
USAGE_ERRORS = (
    N_("the following arguments are required: {names}"),
    N_("unrecognized arguments: {names}"),
    N_("argument {argument}: {problem}"),
    N_("invalid choice: {value} (choose from {choices})"),
    N_("invalid {type} value: {value}"),
    N_("expected one argument"),
    DATE_ERROR,
    MOMENT_ERROR,
    COUNT_ERROR,
)


_PATTERNS = tuple((_pattern(t), t) for t in USAGE_ERRORS)


def usage_error(lang: Language, message: str) -> str:
    """An argparse usage error in a language (English when none matches)."""
    return _said(lang, message, _PATTERNS, in_turn=frozenset({"problem"}))


def input_error(lang: Language, message: str) -> str:
    """A file this command cannot read or write, in a language."""
    return _said(lang, message, _INPUT_ERRORS)


class Formatter(argparse.HelpFormatter):
    """argparse's help and usage, with every text in the parser's language."""

    def __init__(self, prog: str, *, lang: Language) -> None:
        # At most the width of every other text of the command (100 columns).
        columns = min(shutil.get_terminal_size().columns, WIDTH)
        super().__init__(prog, width=columns - 2)
        self._lang = lang

    # Lines broken by the columns a text takes, as the tables are: a Chinese
    # character takes two, and Chinese has no spaces to break at.
    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in wrap(text, width - len(indent)))

    def _format_text(self, text: str) -> str:
        return super()._format_text(self._lang.gettext(text))

    def _get_help_string(self, action: argparse.Action) -> str | None:
        return self._lang.gettext(action.help) if action.help else action.help

    def start_section(self, heading: str | None) -> None:
        super().start_section(self._lang.gettext(heading) if heading else heading)

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[Any],
        prefix: str | None = None,
    ) -> None:
        if prefix is None:
            prefix = self._lang.gettext("usage: ")
        super().add_usage(usage, actions, groups, prefix)


class Parser(argparse.ArgumentParser):
    """An argument parser that shows its help and errors in a language.

    Its subcommands' parsers are of the same kind, in the same language.
    """

    def __init__(self, *args: Any, lang: Language, **kwargs: Any) -> None:
        self.lang = lang  # before argparse adds -h, which it formats
        super().__init__(*args, **kwargs)

    def _get_formatter(self) -> argparse.HelpFormatter:
        return Formatter(self.prog, lang=self.lang)

    def add_subparsers(self, **kwargs: Any) -> Any:
        """Subcommands, whose parsers show their words in this parser's language."""
        lang = self.lang

        def make(**options: Any) -> Parser:
            return Parser(lang=lang, **options)

        kwargs["parser_class"] = make
        return super().add_subparsers(**kwargs)

    def error(self, message: str) -> Any:
        """Print the usage and the error in the parser's language; exit 2."""
        self.print_usage(sys.stderr)
        text = self.lang.gettext(N_("{prog}: error: {message}")).format(
            prog=self.prog, message=usage_error(self.lang, message)
        )
        self.exit(2, text + "\n")
