"""The message catalogs: extract the source strings, update and compile them.

``python -m score_core._cli.catalogs extract|update|compile`` (``make
messages``, ``make catalogs``); needs Babel (the ``i18n`` extra).

The source strings are, each with its gettext context:

- every finding code's message template (context: the code);
- the tokens a person reads in words (context: ``severity``, ``status``...);
- the titles of the default catalogue's modules (context: ``module``) and
  the units of its indicators (context: ``unit``);
- the notes on where each value of a shipped profile comes from (context:
  ``note``; a shipped catalog translates every one, keeping its numbers and
  source keys);
- the templates of the refusals and payload problems a person reads
  (``score_core._data.messages``, context: ``error``);
- every ``_("...")`` and ``N_("...")`` (a text translated where it is
  shown: the parser's help) of the command line (``score_core._cli``) and
  of ``score_core.ical`` (the words of calendar events), no context.

A translation keeps every placeholder of its source, and for percentages
and choices the spec (a choice keeps its keys; its words are translated):
:func:`shape` is what must match.
"""

from __future__ import annotations

import ast
import io
import string
import sys
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from score_core._data import messages
from score_core._version import __version__
from score_core.catalogue import ModuleKind, default_catalogue
from score_core.codes import Code, _split_choices, code_info
from score_core.eligibility import Outcome, Status
from score_core.findings import Severity
from score_core.i18n import _WEEKDAYS
from score_core.monitoring import Direction, default_indicators
from score_core.pricing import Payer
from score_core.profiles import Basis, get_profile, profile_names
from score_core.visits import VisitStatus


HERE = Path(__file__).parent
LOCALE = HERE.parent / "locale"
TEMPLATE = LOCALE / "score_core.pot"

#: The tokens shown in words, by context.
TOKENS: dict[str, Sequence[str]] = {
    "severity": [s.value for s in Severity],
    "status": [s.value for s in Status],
    "outcome": [o.value for o in Outcome],
    "kind": [k.value for k in ModuleKind],
    "payer": [p.value for p in Payer],
    "basis": [b.value for b in Basis],
    "direction": [d.value for d in Direction],
    "visit": [v.value for v in VisitStatus],
    "weekday": list(_WEEKDAYS),
}

#: The date the template says it was made: fixed, so that extracting twice
#: writes the same bytes.
_CREATED = datetime(2026, 12, 1, tzinfo=UTC)


def cli_strings(sources: Sequence[Path] | None = None) -> Iterator[tuple[str, str]]:
    """Every ``_("...")`` and ``N_("...")`` of the command line: (text, file)."""
    for path in sources or [*sorted(HERE.glob("*.py")), HERE.parent / "ical.py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "N_")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                yield node.args[0].value, path.name  # no line: edits move them


def entries() -> Iterator[tuple[str | None, str, list[str]]]:
    """Every source string: (context, text, comments for the translator)."""
    for code in Code:
        info = code_info(code.value)
        yield code.value, info.template, [info.summary]
    for context, values in TOKENS.items():
        for value in values:
            yield context, value, []
    for module in default_catalogue():
        yield "module", module.title, [f"the title of module {module.code}"]
    for unit in sorted({i.unit for i in default_indicators()}):
        yield "unit", unit, ["a unit of measurement"]
    for name in profile_names():
        yield "title", get_profile(name).title, [f"the title of profile {name}"]
        for parameter, _, provenance in get_profile(name).parameters():
            if provenance.note:
                yield "note", provenance.note, [f"{name}: {parameter}"]
    for template in messages.TEMPLATES:
        yield "error", template, ["a refusal, or a problem of a payload"]
    for text, where in cli_strings():
        yield None, text, [where]


def template_catalog() -> Any:
    """The source strings as a Babel catalog (the ``.pot``)."""
    from babel.messages.catalog import Catalog

    catalog = Catalog(
        project="score_core",
        version=__version__,
        domain="score_core",
        creation_date=_CREATED,
        revision_date=_CREATED,
        fuzzy=False,
        header_comment="# The message catalog template of score_core.\n"
        "# Made by `make messages`: do not edit by hand.",
    )
    for context, text, comments in entries():
        found = catalog.get(text, context)
        if found is None:
            catalog.add(
                text, context=context, auto_comments=comments, flags=_flags(text)
            )
        else:
            found.auto_comments.extend(comments)
    return catalog


def _flags(text: str) -> tuple[str, ...]:
    return ("python-brace-format",) if "{" in text else ()


def _po_bytes(catalog: Any) -> bytes:
    from babel.messages.pofile import write_po

    out = io.BytesIO()
    write_po(out, catalog, width=88, no_location=True, sort_output=True)
    return out.getvalue()


def template_bytes() -> bytes:
    """The ``.pot`` file as ``make messages`` writes it."""
    return _po_bytes(template_catalog())


def po_path(locale: str) -> Path:
    """Where a locale's ``.po`` lives."""
    return LOCALE / locale / "LC_MESSAGES" / "score_core.po"


def locales() -> list[str]:
    """The locales with a ``.po`` file."""
    return sorted(p.parent.parent.name for p in LOCALE.glob("*/LC_MESSAGES/*.po"))


def read(locale: str) -> Any:
    """A locale's ``.po`` as a Babel catalog."""
    from babel.messages.pofile import read_po

    with po_path(locale).open("rb") as handle:
        return read_po(handle, locale=locale)


def updated_bytes(locale: str) -> bytes:
    """A locale's ``.po`` updated from the sources (new strings empty)."""
    catalog = read(locale)
    catalog.update(
        template_catalog(), no_fuzzy_matching=True, update_creation_date=False
    )
    catalog.obsolete.clear()
    return _po_bytes(catalog)


def mo_bytes(locale: str) -> bytes:
    """A locale's compiled ``.mo`` (fuzzy translations left out)."""
    from babel.messages.mofile import write_mo

    out = io.BytesIO()
    write_mo(out, read(locale))
    return out.getvalue()


def shape(text: str) -> list[tuple[str, str]]:
    """What a translation keeps: each placeholder with its spec, sorted.

    A choice spec counts by its keys (its words are translated); the words
    of each choice are searched for placeholders too.

    >>> shape("{a:.1%} {b:x=one {c}|y=two}")
    [('a', '.1%'), ('b', 'choice:x|y'), ('c', '')]
    """
    found: list[tuple[str, str]] = []
    for _, name, spec, _ in string.Formatter().parse(text):
        if name is None:
            continue
        if spec and "=" in spec:
            choices = _split_choices(spec)
            found.append((name, "choice:" + "|".join(sorted(choices))))
            for words in choices.values():
                found += shape(words)
        else:
            found.append((name, spec or ""))
    return sorted(set(found))


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``extract`` (the ``.pot``), ``update`` (``.po``) or ``compile`` (``.mo``)."""
    (command,) = argv if argv is not None else sys.argv[1:]
    if command == "extract":
        TEMPLATE.write_bytes(template_bytes())
    elif command == "update":
        for locale in locales():
            po_path(locale).write_bytes(updated_bytes(locale))
    elif command == "compile":
        for locale in locales():
            po_path(locale).with_suffix(".mo").write_bytes(mo_bytes(locale))
    else:
        print(f"unknown command {command!r}: extract, update or compile")
        return 2
    return 0


if __name__ == "__main__":  # pragma: no cover - run by make
    raise SystemExit(main())
