"""Reference pages generated from the code (finding codes, sources, profiles...).

``docs/conf.py`` calls :func:`write_reference` on every build, so the pages
cannot drift from the catalogues they describe.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from score_core import _migrations
from score_core.catalogue import default_catalogue
from score_core.codes import Code, code_info
from score_core.profiles import get_profile, profile_names, value_text
from score_core.serialization import SCHEMA_VERSION, document_kinds
from score_core.sources import get_source, source_keys


def _classroom(days: int | None, sessions: int | None) -> str:
    if days is not None:
        return str(days)
    return "?" if sessions is None else f"{sessions} sessions"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _page(title: str, intro: str, *parts: Iterable[str]) -> str:
    """A generated page: its title, its introduction, then its parts' lines."""
    lines = [f"# {title}", "", intro, ""]
    for part in parts:
        lines += part
    return "\n".join(lines) + "\n"


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """A Markdown table: its header, its rule and one line per row."""
    return [
        f"| {' | '.join(header)} |",
        f"|{'---|' * len(header)}",
        *(f"| {' | '.join(row)} |" for row in rows),
    ]


def codes_page() -> str:
    """Every finding code score_core emits: severity, meaning, message, source."""
    infos = [code_info(code) for code in sorted(Code, key=lambda c: c.value)]
    return _page(
        "Finding codes",
        "Every code score_core emits, generated from `score_core.codes`. "
        "Codes are stable: a released code is never renamed or reused. "
        "Tools should act on the code, never on the message text.",
        _table(
            ("code", "severity", "meaning", "message", "source"),
            (
                (
                    f"`{i.code}`",
                    i.severity.value,
                    _cell(i.summary),
                    _cell(i.template),
                    i.source or "-",
                )
                for i in infos
            ),
        ),
    )


def sources_page() -> str:
    """Every source key a rule, module or profile value cites."""
    return _page(
        "Sources",
        "The public sources behind score_core's rules and defaults. Citations "
        "elsewhere use these keys, sometimes with a page (`MTE-II p.35`).",
        _table(
            ("key", "source"),
            (
                (
                    f"`{key}`",
                    f"[{_cell(get_source(key).title)}]({get_source(key).url})",
                )
                for key in source_keys()
            ),
        ),
    )


def catalogue_page() -> str:
    """The default module catalogue with formats, order and sources."""
    rows = []
    for m in default_catalogue():
        fmt = m.format
        months = "?"
        if fmt.min_months is not None:
            months = str(fmt.min_months)
            if fmt.max_months not in (None, fmt.min_months):
                months += f"-{fmt.max_months}"
        titles = m.title + (
            f" (also: {'; '.join(m.other_titles)})" if m.other_titles else ""
        )
        rows.append(
            (
                f"`{m.code}`",
                _cell(titles),
                m.kind.value,
                _classroom(fmt.classroom_days, fmt.classroom_sessions),
                "?" if fmt.follow_up_visits is None else str(fmt.follow_up_visits),
                months,
                ", ".join(sorted(m.prerequisites)) or "-",
                m.source or "-",
                _cell(m.note) or "-",
            )
        )
    header = ("code", "title", "kind", "classroom days", "follow-up visits")
    return _page(
        "The default module catalogue",
        "Generated from `score_core.default_catalogue()`. A question mark means "
        "the sources do not give the value.",
        _table((*header, "months", "after", "source", "note"), rows),
    )


def profiles_page() -> str:
    """Every built-in profile, every parameter with its value and provenance."""
    lines: list[str] = []
    for name in profile_names():
        p = get_profile(name)
        lines += [
            f"## `{p.name}`: {p.title}",
            "",
            f"Country: {p.country or '-'}; phase: {p.phase or '-'}; valid "
            f"{p.validity}"
            + (f"; derived from `{p.parent}`" if p.parent else "")
            + ".",
            "",
        ]
        if p.institutions:
            lines += [f"Institutions: {'; '.join(p.institutions)}.", ""]
        lines += _table(
            ("parameter", "value", "basis", "source", "note"),
            (
                (
                    f"`{parameter}`",
                    _cell(value_text(value)),
                    provenance.basis.value,
                    provenance.source or "-",
                    _cell(provenance.note) or "-",
                )
                for parameter, value, provenance in p.parameters()
            ),
        )
        lines.append("")
    return _page(
        "Built-in profiles",
        "Generated from the profile registry. *source* values are stated by the "
        "cited source; *default* values are score_core's documented choice where "
        "the sources are silent; change them by deriving a profile.",
        lines[:-1],
    )


def payloads_page() -> str:
    """Every document kind and the schema version."""
    return _page(
        "Payload kinds",
        f"score_core writes schema version **{SCHEMA_VERSION}**. Each document is "
        'an envelope `{"schema": "score_core", "schema_version": N, '
        '"kind": ..., "data": ...}`; older versions are migrated on load and '
        "newer ones are refused.",
        _table(
            ("kind", "holds"),
            (
                (f"`{kind}`", f"`{_cell(_type_name(cls))}`")
                for kind, cls in document_kinds().items()
            ),
        ),
        ["", "## Versions", "", *_markdown(_migrations.__doc__ or "")],
    )


def _markdown(docstring: str) -> list[str]:
    """A docstring's reStructuredText roles and literals as Markdown."""
    text = re.sub(r":\w+:`~?(?:[\w.]+\.)?(\w+)`", r"`\1`", docstring)
    return [line.strip() for line in text.replace("``", "`").splitlines()]


def _type_name(cls: Any) -> str:
    return getattr(cls, "__name__", None) or str(cls).replace("score_core.", "")


PAGES = {
    "codes.md": codes_page,
    "sources.md": sources_page,
    "catalogue.md": catalogue_page,
    "profiles.md": profiles_page,
    "payloads.md": payloads_page,
}


def write_reference(folder: Path) -> list[Path]:
    """Write every generated page into ``folder``; returns the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for filename, page in PAGES.items():
        path = folder / filename
        path.write_text(page(), encoding="utf-8")
        written.append(path)
    return written
