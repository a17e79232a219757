"""Hypothesis strategies for every public score_core type (the ``testing`` extra).

Strategies follow Hypothesis' own API style: plural names, keyword-only
arguments, and arguments you will want to vary take *strategies*. Every
example is valid by construction (it passes score_core's validators), and
none is built by filtering.

Once score-core is installed, ``st.from_type(score_core.Money)`` (and every
other public type) uses these strategies without importing this module: the
package registers them through Hypothesis' entry point.

>>> from hypothesis import given
>>> from score_core import strategies as sst
>>> @given(sst.monies(currency=sst.currency_codes(), max_value=None))
... def test_split_is_exact(money):
...     assert sum(p.amount for p in money.split(3)) == money.amount
>>> test_split_is_exact()
"""

from __future__ import annotations

import string
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from score_core.codes import CodeInfo, all_codes, violation
from score_core.findings import ParamValue, PathItem, Report, RuleViolation, Severity
from score_core.money import Currency, Money, get_currency
from score_core.money import currencies as _registered_currencies
from score_core.sources import Source, get_source, source_keys


__all__ = [
    "code_infos",
    "currencies",
    "currency_codes",
    "monies",
    "paths",
    "registrations",
    "reports",
    "rule_violations",
    "severities",
    "sources",
]

_IDENT_FIRST = string.ascii_lowercase
_IDENT_REST = string.ascii_lowercase + string.digits + "_"


def currency_codes() -> st.SearchStrategy[str]:
    """ISO 4217 codes from the registered currency table."""
    return st.sampled_from([c.code for c in _registered_currencies()])


def currencies() -> st.SearchStrategy[Currency]:
    """Registered :class:`~score_core.Currency` values."""
    return st.sampled_from(_registered_currencies())


def _minor_bound(
    value: Decimal | int | None, digits: int, *, upper: bool
) -> int | None:
    if value is None:
        return None
    scaled = Decimal(value).scaleb(digits)
    rounded = scaled.to_integral_value(
        rounding="ROUND_FLOOR" if upper else "ROUND_CEILING"
    )
    return int(rounded)


@st.composite
def monies(
    draw: st.DrawFn,
    *,
    currency: st.SearchStrategy[str] | None = None,
    min_value: Decimal | int | None = Decimal(-1_000_000),
    max_value: Decimal | int | None = Decimal(1_000_000),
) -> Money:
    """:class:`~score_core.Money` amounts, always whole numbers of minor units.

    Args:
        draw: Supplied by Hypothesis.
        currency: Strategy for the ISO code; all registered codes by default.
        min_value: Least amount in currency units, or None for no bound.
        max_value: Greatest amount in currency units, or None for no bound.

    Raises:
        InvalidArgument: when the bounds leave no whole minor unit.
    """
    code = draw(currency_codes() if currency is None else currency)
    digits = get_currency(code).minor_units
    low = _minor_bound(min_value, digits, upper=False)
    high = _minor_bound(max_value, digits, upper=True)
    if low is not None and high is not None and low > high:
        raise InvalidArgument(
            f"no amount in {code} lies between {min_value} and {max_value}"
        )
    units = draw(st.integers(min_value=low, max_value=high))
    return Money.from_minor(units, code)


def severities() -> st.SearchStrategy[Severity]:
    """Every :class:`~score_core.Severity`."""
    return st.sampled_from(Severity)


def _identifiers() -> st.SearchStrategy[str]:
    return st.builds(
        lambda first, rest: first + rest,
        st.sampled_from(_IDENT_FIRST),
        st.text(_IDENT_REST, max_size=12),
    )


def paths(*, max_size: int = 5) -> st.SearchStrategy[tuple[PathItem, ...]]:
    """Paths into a value: field names and list positions."""
    item: st.SearchStrategy[PathItem] = st.one_of(
        _identifiers(), st.integers(min_value=0, max_value=50)
    )
    return st.lists(item, max_size=max_size).map(tuple)


def _param_values() -> st.SearchStrategy[ParamValue]:
    return st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(10**9), max_value=10**9),
        st.text(max_size=20),
    )


def code_infos() -> st.SearchStrategy[CodeInfo]:
    """Entries of the finding-code catalogue."""
    return st.sampled_from(list(all_codes().values()))


@st.composite
def rule_violations(
    draw: st.DrawFn,
    *,
    codes: st.SearchStrategy[str] | None = None,
    severity: st.SearchStrategy[Severity] | None = None,
) -> RuleViolation:
    """Findings made from the code catalogue, their messages filled in.

    Args:
        draw: Supplied by Hypothesis.
        codes: Strategy for registered codes; all of the catalogue by default.
        severity: Strategy for the severity; the code's default when None.
    """
    code = draw(st.sampled_from(sorted(all_codes())) if codes is None else codes)
    info = all_codes()[code]
    params = {name: draw(_param_values()) for name in info.placeholders}
    chosen = None if severity is None else draw(severity)
    return violation(code, path=draw(paths()), severity=chosen, **params)


def reports(
    *,
    violations: st.SearchStrategy[RuleViolation] | None = None,
    min_size: int = 0,
    max_size: int = 8,
) -> st.SearchStrategy[Report]:
    """Reports of findings.

    Args:
        violations: Strategy for each finding; :func:`rule_violations` by default.
        min_size: Fewest findings.
        max_size: Most findings.
    """
    items = rule_violations() if violations is None else violations
    return st.builds(
        Report, violations=st.lists(items, min_size=min_size, max_size=max_size)
    )


def sources() -> st.SearchStrategy[Source]:
    """Registered :class:`~score_core.Source` entries."""
    return st.sampled_from([get_source(k) for k in source_keys()])


def registrations() -> dict[type, Callable[[], st.SearchStrategy[Any]]]:
    """The strategy factory for each public type, as the plugin registers them.

    The Hypothesis entry point registers each with
    :func:`hypothesis.strategies.register_type_strategy`, so
    ``st.from_type(cls)`` works for every key.
    """
    return {
        CodeInfo: code_infos,
        Currency: currencies,
        Money: monies,
        Report: reports,
        RuleViolation: rule_violations,
        Source: sources,
    }
