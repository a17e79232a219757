"""The walk-through printed by ``score-core demo``: each capability adds a section.

The demo only calls the public library; it holds no rule of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from score_core._version import __version__
from score_core.codes import Code, violation
from score_core.findings import Report
from score_core.money import Money


def _money_section() -> list[str]:
    shared = Money.of("10000.00", "CNY")
    participants = {
        "E1 Chongqing Gear Works": 4,
        "E2 Yangtze Auto Parts": 4,
        "E3 Jialing Garments": 5,
    }
    shares = shared.allocate(list(participants.values()))
    lines = [
        "Money and its exact allocation",
        f"  Shared workshop costs of {shared} are allocated to three enterprises",
        "  by participants sent (largest remainder on whole fen):",
    ]
    width = max(len(name) for name in participants)
    for (name, count), share in zip(participants.items(), shares, strict=True):
        lines.append(f"    {name:<{width}}  {count} participants  {share}")
    total = Money.total(shares, "CNY")
    lines.append(f"    {'sum':<{width}}                  {total}  (exactly the total)")
    rate = Decimal("0.40")
    lines.append(
        f"  A 40% cost-coverage target on {shared}: {(shared * rate).quantize()}"
    )
    try:
        shared * 0.4  # type: ignore[operator]
    except TypeError as exc:
        lines.append(f"  A float is refused: {exc}")
    return lines


def _findings_section() -> list[str]:
    report = Report(
        violations=(
            violation(Code.EIT_NO_WORKER, enterprise="E3", path=("members",)),
            violation(
                Code.EIT_TOO_SMALL,
                enterprise="E3",
                size=1,
                minimum=2,
                profile="cn-phase-2",
                path=("members",),
            ),
        )
    )
    lines = [
        "A report of findings",
        "  Rule checks return every finding at once, each with a stable code:",
    ]
    lines += [f"    {v}" for v in report]
    lines.append(
        f"  ok: {report.ok}  errors: {len(report.errors)}  "
        f"warnings: {len(report.warnings)}"
    )
    return lines


SECTIONS: tuple[Callable[[], list[str]], ...] = (_money_section, _findings_section)


def demo_text() -> str:
    """The whole demo as text."""
    out = [
        f"score_core {__version__}: the ILO SCORE programme "
        "(Sustaining Competitive and Responsible Enterprises) as code",
        "",
    ]
    for number, section in enumerate(SECTIONS, start=1):
        head, *body = section()
        out.append(f"{number}. {head}")
        out.extend(body)
        out.append("")
    return "\n".join(out)
