"""Money: exact amounts in one ISO 4217 currency, and exact allocation.

``Money`` is the one place amounts are made. Amounts are :class:`~decimal.Decimal`
(an ``int`` is accepted and converted); a ``float`` anywhere raises. Arithmetic
works within one currency only. Rounding is explicit and never relies on the
ambient decimal context: :meth:`Money.quantize` rounds to the currency's minor
unit, ``ROUND_HALF_UP`` by default.

:meth:`Money.allocate` splits an amount by ratios using the largest-remainder
method on integer minor units: the parts always sum to the amount exactly,
each is within one minor unit of its exact share, and zero ratios get zero.

>>> from decimal import Decimal
>>> from score_core import Money
>>> fee = Money.of("100.00", "CNY")
>>> [str(part) for part in fee.split(3)]
['33.34 CNY', '33.33 CNY', '33.33 CNY']
>>> [str(part) for part in fee.allocate([2, 1, 0])]
['66.67 CNY', '33.33 CNY', '0.00 CNY']
>>> str(Money.of("10.005", "CNY").quantize())
'10.01 CNY'
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

import attrs

from score_core._data.currencies import CURRENCIES
from score_core._registry import Registry
from score_core._validators import non_empty_str, typed
from score_core.errors import (
    AllocationError,
    CurrencyMismatchError,
    InvalidTypeError,
    InvalidValueError,
)


__all__ = [
    "AllocationMode",
    "Currency",
    "Money",
    "currencies",
    "currency_code",
    "get_currency",
    "register_currency",
]

_CODE_RE = re.compile(r"^[A-Z]{3}$(?!\n)")


@attrs.frozen(kw_only=True)
class Currency:
    """An ISO 4217 currency and the number of digits of its minor unit.

    No authoritative machine-readable table of minor units exists (py-moneyed's
    maintainers note the same); the values here follow ISO 4217 as published.

    Attributes:
        code: Three upper-case letters, such as ``CNY``.
        minor_units: Digits after the decimal point (2 for CNY, 0 for JPY).
        name: The currency's English name.
    """

    code: str = attrs.field()
    minor_units: int = attrs.field(validator=typed(int))
    name: str = attrs.field(validator=non_empty_str)

    @code.validator
    def _check_code(self, attribute: attrs.Attribute[str], value: object) -> None:
        if not isinstance(value, str) or not _CODE_RE.match(value):
            raise InvalidValueError(
                f"Currency.code must be three upper-case letters such as 'CNY', "
                f"got {value!r}",
                field="code",
            )

    @minor_units.validator
    def _check_minor(self, attribute: attrs.Attribute[int], value: int) -> None:
        if not 0 <= value <= 4:
            raise InvalidValueError(
                f"Currency.minor_units must be between 0 and 4, got {value}",
                field="minor_units",
            )

    @property
    def quantum(self) -> Decimal:
        """The smallest amount, such as ``Decimal('0.01')``."""
        return Decimal(1).scaleb(-self.minor_units)


_CURRENCIES: Registry[Currency] = Registry("currency", register="register_currency")


def register_currency(currency: Currency) -> Currency:
    """Add a currency to the table.

    Raises:
        ConfigurationError: when the code is already registered differently.
    """
    return _CURRENCIES.add(currency.code, currency)


def get_currency(code: str) -> Currency:
    """The registered currency with this ISO 4217 code.

    Raises:
        UnknownNameError: when the code is not in the table.
    """
    return _CURRENCIES.get(code)


def currencies() -> tuple[Currency, ...]:
    """All registered currencies, sorted by code."""
    return tuple(_CURRENCIES.get(c) for c in _CURRENCIES)


for _code, _minor, _name in CURRENCIES:
    register_currency(Currency(code=_code, minor_units=_minor, name=_name))

# Each registered currency's quantum and minor digits, read once: a code is
# never registered again differently, so the entries never go stale.
_QUANTA: dict[str, tuple[Decimal, int]] = {}


def _quantum(code: str) -> tuple[Decimal, int]:
    """The currency's quantum and minor digits (UnknownNameError if unknown)."""
    found = _QUANTA.get(code) if type(code) is str else None
    if found is None:
        currency = _CURRENCIES.get(code)
        found = _QUANTA[code] = (currency.quantum, currency.minor_units)
    return found


class AllocationMode(enum.StrEnum):
    """How :meth:`Money.allocate` hands out the minor units left by flooring.

    Only one mode exists today; it is named because changing the rule changes
    results, and users must be able to see which rule produced a split.
    """

    #: Leftover units go one at a time to the largest remainders, ties to the
    #: lower index.
    LARGEST_REMAINDER = "largest_remainder"


#: Money amounts stay below 10**MAX_DIGITS in magnitude, so that an amount
#: with four minor digits fits decimal arithmetic's 28 significant digits:
#: sums and quantizing never round a minor unit away or fail.
MAX_DIGITS = 24


# A converter per field, typed, rather than ``converter=tuple``: mypy's attrs
# plugin takes the field's __init__ type from the converter's signature, and
# ``tuple`` would make every such field accept any iterable of anything.
def _to_amount(value: object) -> Decimal:
    if type(value) is Decimal:  # the common case: no copy, no type tests
        amount = value
    elif isinstance(value, float):
        raise InvalidTypeError(
            f"Money.amount must be a Decimal or an int, not float ({value!r})",
            field="amount",
        )
    elif isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise InvalidTypeError(
            f"Money.amount must be a Decimal or an int, not "
            f"{type(value).__name__} ({value!r})",
            field="amount",
        )
    else:
        amount = Decimal(value)
    if not amount.is_finite():
        raise InvalidValueError(
            f"Money.amount must be finite, got {value}", field="amount"
        )
    if not amount:
        # -0 equals 0: keep one of them, so that equal amounts print alike.
        return amount.copy_abs()
    if amount.adjusted() >= MAX_DIGITS:
        raise InvalidValueError(
            f"Money.amount must be below 10^{MAX_DIGITS} in magnitude, got {value}: "
            f"larger amounts would be rounded by decimal arithmetic",
            field="amount",
        )
    return amount


def currency_code(inst: object, attr: attrs.Attribute[str], value: object) -> None:
    """The one validator of a currency field: a registered ISO 4217 code.

    Every value with a currency (Money, profiles, cost models, funding
    policies) uses it, so ``"cny"`` is refused when the value is built, with
    the class and field named.
    """
    if type(value) is str and value in _CURRENCIES:
        return
    where = f"{type(inst).__name__}.{attr.name}"
    if not isinstance(value, str):
        raise InvalidTypeError(
            f"{where} must be an ISO 4217 code (str), not "
            f"{type(value).__name__} ({value!r})",
            field=attr.name,
        )
    if value not in _CURRENCIES:
        raise InvalidValueError(
            f"{where} {value!r} is not a known ISO 4217 code; "
            f"register it with register_currency()",
            field=attr.name,
        )


def _scalar(value: object, operation: str) -> Decimal:
    if isinstance(value, float):
        raise InvalidTypeError(
            f"cannot {operation} Money by a float ({value!r}); use Decimal or int"
        )
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise InvalidTypeError(
            f"cannot {operation} Money by {type(value).__name__}; use Decimal or int"
        )
    result = Decimal(value)
    if not result.is_finite():
        raise InvalidValueError(f"cannot {operation} Money by {value}")
    return result


@attrs.frozen(kw_only=True, order=False)
class Money:
    """An exact amount in one currency.

    Attributes:
        amount: A finite Decimal (an int is converted; a float raises).
        currency: A registered ISO 4217 code, such as ``CNY``.
    """

    amount: Decimal = attrs.field(converter=_to_amount)
    currency: str = attrs.field(validator=currency_code)

    # -- construction -------------------------------------------------------
    @classmethod
    def of(cls, amount: str | int | Decimal, currency: str) -> Money:
        """Money from a decimal string, an int or a Decimal.

        >>> Money.of("12.50", "CNY")
        Money(amount=Decimal('12.50'), currency='CNY')

        Raises:
            InvalidValueError: for a string that is not a finite decimal.
            InvalidTypeError: for a float or another type.
        """
        if isinstance(amount, str):
            try:
                parsed = Decimal(amount.strip())
            except InvalidOperation:
                raise InvalidValueError(
                    f"Money.amount {amount!r} is not a decimal number", field="amount"
                ) from None
            return cls(amount=parsed, currency=currency)
        return cls(amount=amount, currency=currency)

    @classmethod
    def zero(cls, currency: str) -> Money:
        """Zero in this currency, at its minor unit (``0.00 CNY``)."""
        return cls(amount=_quantum(currency)[0] * 0, currency=currency)

    @classmethod
    def from_minor(cls, units: int, currency: str) -> Money:
        """Money from a whole number of minor units (``1250`` is ``12.50 CNY``)."""
        if isinstance(units, bool) or not isinstance(units, int):
            raise InvalidTypeError(
                f"minor units must be an int, not {type(units).__name__}"
            )
        return cls(amount=_of_units(units, _quantum(currency)[1]), currency=currency)

    @classmethod
    def total(cls, items: Iterable[Money], currency: str) -> Money:
        """The exact sum of ``items``, all in ``currency`` (zero when empty)."""
        amount = _quantum(currency)[0] * 0  # refuses an unknown currency
        for item in items:
            if type(item) is not Money or item.currency != currency:
                cls.zero(currency)._same(item, "add")  # raises, saying why
            amount += item.amount
        return _money_of(amount, currency)

    # -- properties ---------------------------------------------------------
    @property
    def currency_info(self) -> Currency:
        """The :class:`Currency` of this amount."""
        return _CURRENCIES.get(self.currency)

    @property
    def is_exact(self) -> bool:
        """True when the amount is a whole number of minor units."""
        return self.amount == self.amount.quantize(_quantum(self.currency)[0])

    @property
    def minor_units(self) -> int:
        """The amount as a whole number of minor units.

        Raises:
            InvalidValueError: when the amount has digits below the minor unit
                (call :meth:`quantize` first).
        """
        if not self.is_exact:
            raise InvalidValueError(
                f"{self.amount} {self.currency} is not a whole number of minor "
                f"units; quantize it first",
                field="amount",
            )
        return int(self.amount.scaleb(_quantum(self.currency)[1]))

    # -- rounding -----------------------------------------------------------
    def quantize(self, rounding: str = ROUND_HALF_UP) -> Money:
        """Round to the currency's minor unit.

        Args:
            rounding: A :mod:`decimal` rounding mode; ``ROUND_HALF_UP`` by
                default (the documented default for prices).
        """
        quantum = _quantum(self.currency)[0]
        amount = self.amount.quantize(quantum, rounding=rounding)
        return _money_of(amount, self.currency)

    # -- arithmetic ---------------------------------------------------------
    def _same(self, other: object, operation: str) -> Money:
        if not isinstance(other, Money):
            raise InvalidTypeError(
                f"cannot {operation} Money and {type(other).__name__}"
            )
        if other.currency != self.currency:
            raise CurrencyMismatchError(
                f"cannot {operation} {self.currency} and {other.currency}"
            )
        return other

    def __add__(self, other: Money) -> Money:
        other = self._same(other, "add")
        return _money_of(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        other = self._same(other, "subtract")
        return _money_of(self.amount - other.amount, self.currency)

    def __neg__(self) -> Money:
        return Money(amount=-self.amount, currency=self.currency)

    def __abs__(self) -> Money:
        return Money(amount=abs(self.amount), currency=self.currency)

    def __mul__(self, factor: int | Decimal) -> Money:
        return Money(
            amount=self.amount * _scalar(factor, "multiply"), currency=self.currency
        )

    __rmul__ = __mul__

    def __truediv__(self, other: Money) -> Decimal:
        """The ratio of two amounts in one currency, as an exact Decimal.

        Dividing money by a number is not offered: use :meth:`allocate` or
        :meth:`split`, which never lose a minor unit.
        """
        other = self._same(other, "divide")
        if other.amount == 0:
            raise InvalidValueError("cannot divide by zero money")
        return self.amount / other.amount

    def _compare(self, other: object) -> tuple[Decimal, Decimal]:
        other = self._same(other, "compare")
        return self.amount, other.amount

    def __lt__(self, other: Money) -> bool:
        a, b = self._compare(other)
        return a < b

    def __le__(self, other: Money) -> bool:
        a, b = self._compare(other)
        return a <= b

    def __gt__(self, other: Money) -> bool:
        a, b = self._compare(other)
        return a > b

    def __ge__(self, other: Money) -> bool:
        a, b = self._compare(other)
        return a >= b

    # -- allocation ---------------------------------------------------------
    def allocate(
        self,
        ratios: Sequence[int | Decimal | Fraction],
        *,
        mode: AllocationMode = AllocationMode.LARGEST_REMAINDER,
    ) -> tuple[Money, ...]:
        """Split this amount by ``ratios`` without losing a minor unit.

        Works on integer minor units: each part gets the floor of its exact
        share, then the units left over go one at a time to the parts with the
        largest remainders (ties to the lower index). A negative amount is
        split as its absolute value and every part negated.

        Args:
            ratios: Non-negative ``int``, ``Decimal`` or ``Fraction`` values,
                not all zero. Floats are refused.
            mode: The rule for leftover units (see :class:`AllocationMode`).

        Returns:
            One part per ratio, in order; they sum to this amount exactly.

        Raises:
            AllocationError: for no ratios, a float, a negative or non-finite
                ratio, all-zero ratios, or an amount that is not a whole number
                of minor units.
        """
        weights = _int_weights(ratios)
        if weights is None:
            weights = _scaled(_ratios(ratios))
        if type(mode) is not AllocationMode:  # a text mode, or none at all
            try:
                AllocationMode(mode)
            except ValueError:
                raise AllocationError(f"unknown allocation mode {mode!r}") from None
        quantum, digits = _quantum(self.currency)
        if self.amount != self.amount.quantize(quantum):
            raise AllocationError(
                f"cannot allocate {self.amount} {self.currency}: it is not a whole "
                f"number of minor units; quantize it first"
            )
        units = int(self.amount.scaleb(digits, _EXACT))
        sign = -1 if units < 0 else 1
        parts = _largest_remainder(abs(units), weights)
        # Each part lies between zero and this amount: a valid amount, built
        # without checking it again (sign * 0 is 0, never -0).
        currency = self.currency
        return tuple(_trusted(_of_units(sign * p, digits), currency) for p in parts)

    def split(self, n: int) -> tuple[Money, ...]:
        """Split into ``n`` parts as equal as possible (``allocate([1] * n)``)."""
        if isinstance(n, bool) or not isinstance(n, int) or n < 1:
            raise AllocationError(f"cannot split money into {n!r} parts")
        return self.allocate([1] * n)

    # -- display --------------------------------------------------------------
    def format_amount(self) -> str:
        """The amount as plain digits, at least to the minor unit (``12.50``).

        Equal amounts print alike: digits below the minor unit are shown
        without trailing zeros (``10.005``, never ``10.0050``).
        """
        amount = self.amount
        quantum = _quantum(self.currency)[0]
        if amount == amount.quantize(quantum):
            return format(amount.quantize(quantum), "f")
        # Not a whole number of minor units: a non-zero digit lies below the
        # minor unit, so stripping zeros never reaches the decimal point.
        return format(amount, "f").rstrip("0")

    def __str__(self) -> str:
        return f"{self.format_amount()} {self.currency}"


def _ratios(ratios: Sequence[Any]) -> list[Fraction]:
    if isinstance(ratios, str | bytes) or not isinstance(ratios, Sequence):
        raise AllocationError("ratios must be a sequence of int, Decimal or Fraction")
    if not ratios:
        raise AllocationError("cannot allocate with no ratios")
    exact: list[Fraction] = []
    for i, ratio in enumerate(ratios):
        if isinstance(ratio, float):
            raise AllocationError(
                f"ratio {i} is a float ({ratio!r}); use int, Decimal or Fraction"
            )
        if isinstance(ratio, bool) or not isinstance(ratio, int | Decimal | Fraction):
            raise AllocationError(
                f"ratio {i} must be an int, Decimal or Fraction, not "
                f"{type(ratio).__name__}"
            )
        if isinstance(ratio, Decimal) and not ratio.is_finite():
            raise AllocationError(f"ratio {i} is not finite ({ratio})")
        value = Fraction(ratio)
        if value < 0:
            raise AllocationError(f"ratio {i} is negative ({ratio})")
        exact.append(value)
    if not any(exact):
        raise AllocationError("cannot allocate when every ratio is zero")
    return exact


def _int_weights(ratios: Sequence[Any]) -> list[int] | None:
    """Integer ratios as they are, when every one is a valid plain int, else None.

    None sends the ratios through :func:`_ratios`, which says what is wrong.
    """
    if type(ratios) not in (list, tuple) or not ratios:
        return None
    if all(type(r) is int and r >= 0 for r in ratios) and any(ratios):
        return list(ratios)
    return None


def _scaled(ratios: list[Fraction]) -> list[int]:
    """Fractions as integers in the same proportions (a common denominator)."""
    scale = math.lcm(*(r.denominator for r in ratios))
    return [r.numerator * (scale // r.denominator) for r in ratios]


#: Arithmetic on amounts known to fit: exact whatever the ambient context.
_EXACT = Context(prec=MAX_DIGITS + 4 + 1, rounding=ROUND_HALF_UP)


def _of_units(units: int, digits: int) -> Decimal:
    """``units`` minor units as an amount with ``digits`` places, exactly.

    Minor units of an amount within bounds have at most ``MAX_DIGITS + 4``
    digits, which ``_EXACT`` holds without rounding.
    """
    if -(10 ** (MAX_DIGITS + 4)) < units < 10 ** (MAX_DIGITS + 4):
        return Decimal(units).scaleb(-digits, _EXACT)
    sign, coefficient, exponent = Decimal(units).as_tuple()
    return Decimal((sign, coefficient, int(exponent) - digits))


def _money_of(amount: Decimal, currency: str) -> Money:
    """``Money(amount=amount, currency=currency)``, checking only the amount.

    For a Decimal amount and a currency known to be registered. The common
    case (a finite non-zero amount within bounds) is built without the
    converter and validator; zero (which may be ``-0``) and anything out of
    bounds go through them, and are normalised or refused there.
    """
    if amount and amount.is_finite() and amount.adjusted() < MAX_DIGITS:
        return _trusted(amount, currency)
    return Money(amount=amount, currency=currency)


def _trusted(amount: Decimal, currency: str) -> Money:
    """Money whose amount and currency are already known to be valid.

    For amounts computed from valid Money within its bounds (the parts of an
    allocation): a finite Decimal below ``10**MAX_DIGITS`` in magnitude, not
    ``-0``, and a registered currency. Equal to ``Money(...)`` of the same.
    """
    money = object.__new__(Money)
    object.__setattr__(money, "amount", amount)
    object.__setattr__(money, "currency", currency)
    return money


def _largest_remainder(units: int, weights: list[int]) -> list[int]:
    # On integers: each part's floor and remainder come from one divmod (the
    # same order as the exact fractional remainders).
    n = len(weights)
    if weights.count(weights[0]) == n:
        # Equal weights: equal remainders, so the first ones get a unit more.
        floor, leftover = divmod(units, n)
        return [floor + 1] * leftover + [floor] * (n - leftover)
    total = sum(weights)
    pairs = [divmod(units * w, total) for w in weights]
    floors = [q for q, _ in pairs]
    leftover = units - sum(floors)
    by_remainder = sorted(range(len(pairs)), key=lambda i: (-pairs[i][1], i))
    for i in by_remainder[:leftover]:
        floors[i] += 1
    return floors
