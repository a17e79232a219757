from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from score_core import InvalidValueError, Money
from score_core import strategies as sst
from score_core.errors import (
    AllocationError,
    ConfigurationError,
    CurrencyMismatchError,
    InvalidTypeError,
    UnknownNameError,
)
from score_core.money import (
    AllocationMode,
    Currency,
    currencies,
    get_currency,
    register_currency,
)


ratios = st.lists(
    st.one_of(
        st.integers(min_value=0, max_value=1000),
        st.decimals(min_value=0, max_value=1000, places=3),
        st.fractions(min_value=0, max_value=1000, max_denominator=50),
    ),
    min_size=1,
    max_size=12,
)


class TestAllocationProperties:
    @given(sst.monies(), ratios)
    def test_parts_sum_exactly_and_are_fair(self, money, rs):
        if not any(rs):
            rs = [*rs, 1]
        parts = money.allocate(rs)
        assert len(parts) == len(rs)
        assert Money.total(parts, money.currency) == money
        total_ratio = sum(Fraction(r) for r in rs)
        units = money.minor_units
        for part, ratio in zip(parts, rs, strict=True):
            assert part.currency == money.currency
            exact = Fraction(units) * Fraction(ratio) / total_ratio
            assert abs(Fraction(part.minor_units) - exact) < 1
            if ratio == 0:
                assert part.minor_units == 0

    @given(sst.monies(), st.integers(min_value=1, max_value=40))
    def test_split_parts_differ_by_at_most_one_unit(self, money, n):
        parts = money.split(n)
        units = [p.minor_units for p in parts]
        assert sum(units) == money.minor_units
        assert max(units) - min(units) <= 1

    @given(sst.monies(), ratios)
    def test_negative_amounts_are_mirrored(self, money, rs):
        rs = [*rs, 1]
        assert (-money).allocate(rs) == tuple(-p for p in money.allocate(rs))


class TestAllocationExamples:
    def test_ties_go_to_lower_index(self):
        parts = Money.of("0.02", "CNY").allocate([1, 1, 1])
        assert [p.minor_units for p in parts] == [1, 1, 0]

    def test_largest_remainder_not_first_come(self):
        # exact shares 0.333.., 0.666..: the larger remainder gets the unit
        parts = Money.of("0.01", "USD").allocate([1, 2])
        assert [p.minor_units for p in parts] == [0, 1]

    def test_zero_ratio_gets_zero(self):
        assert Money.of("10", "CNY").allocate([0, 3]) == (
            Money.of("0.00", "CNY"),
            Money.of("10.00", "CNY"),
        )

    def test_jpy_has_no_minor_unit(self):
        assert [str(p) for p in Money.of(100, "JPY").split(3)] == [
            "34 JPY",
            "33 JPY",
            "33 JPY",
        ]

    @pytest.mark.parametrize(
        "bad",
        [[], [0, 0], [1, -1], [0.5, 0.5], [True], ["1"], [Decimal("NaN")], "12"],
    )
    def test_bad_ratios_raise(self, bad):
        with pytest.raises(AllocationError):
            Money.of("1", "CNY").allocate(bad)

    def test_unknown_mode_raises(self):
        with pytest.raises(AllocationError):
            Money.of("1", "CNY").allocate([1], mode="first")  # type: ignore[arg-type]

    def test_mode_is_named(self):
        parts = Money.of("1", "CNY").allocate(
            [1, 1], mode=AllocationMode.LARGEST_REMAINDER
        )
        assert parts == (Money.of("0.50", "CNY"), Money.of("0.50", "CNY"))

    def test_inexact_amount_must_be_quantized_first(self):
        with pytest.raises(AllocationError):
            Money.of("1.005", "CNY").split(2)

    @pytest.mark.parametrize("n", [0, -1, True, 1.0])
    def test_bad_split(self, n):
        with pytest.raises(AllocationError):
            Money.of("1", "CNY").split(n)


class TestMoney:
    def test_float_is_refused_everywhere(self):
        with pytest.raises(InvalidTypeError):
            Money(amount=1.5, currency="CNY")  # type: ignore[arg-type]
        m = Money.of("1", "CNY")
        with pytest.raises(TypeError):
            m * 1.5  # type: ignore[operator]
        with pytest.raises(AllocationError):
            m.allocate([0.5])

    @pytest.mark.parametrize("bad", ["1.0", True, None, [1]])
    def test_other_types_are_refused(self, bad):
        with pytest.raises(InvalidTypeError):
            Money(amount=bad, currency="CNY")  # type: ignore[arg-type]

    @pytest.mark.parametrize("bad", [Decimal("NaN"), Decimal("Infinity")])
    def test_non_finite_is_refused(self, bad):
        with pytest.raises(InvalidValueError):
            Money(amount=bad, currency="CNY")

    def test_of_parses_strings(self):
        assert Money.of(" 12.50 ", "CNY").amount == Decimal("12.50")
        with pytest.raises(InvalidValueError):
            Money.of("twelve", "CNY")

    @pytest.mark.parametrize("bad", ["cny", "XXX", 156])
    def test_currency_must_be_known(self, bad):
        with pytest.raises((InvalidValueError, InvalidTypeError)):
            Money(amount=Decimal(1), currency=bad)

    def test_arithmetic_within_one_currency(self):
        a, b = Money.of("10.50", "CNY"), Money.of("0.25", "CNY")
        assert a + b == Money.of("10.75", "CNY")
        assert a - b == Money.of("10.25", "CNY")
        assert -a == Money.of("-10.50", "CNY")
        assert abs(-a) == a
        assert a * 2 == 2 * a == Money.of("21.00", "CNY")
        assert a * Decimal("0.5") == Money.of("5.25", "CNY")
        assert a / b == Decimal(42)
        assert b < a
        assert b <= a
        assert a > b
        assert a >= b

    def test_currency_mismatch(self):
        a, b = Money.of("1", "CNY"), Money.of("1", "USD")
        for op in (
            lambda: a + b,
            lambda: a - b,
            lambda: a < b,
            lambda: a <= b,
            lambda: a > b,
            lambda: a >= b,
            lambda: a / b,
        ):
            with pytest.raises(CurrencyMismatchError):
                op()
        with pytest.raises(TypeError):
            a + 1  # type: ignore[operator]

    @pytest.mark.parametrize("bad", [True, "2", Decimal("Infinity")])
    def test_bad_factors(self, bad):
        with pytest.raises((TypeError, ValueError)):
            Money.of("1", "CNY") * bad

    def test_division_by_zero_money(self):
        with pytest.raises(InvalidValueError):
            Money.of("1", "CNY") / Money.zero("CNY")

    def test_quantize_rounding_is_explicit(self):
        m = Money.of("2.345", "CNY")
        assert m.quantize() == Money.of("2.35", "CNY")
        assert m.quantize(ROUND_HALF_EVEN) == Money.of("2.34", "CNY")
        assert not m.is_exact
        with pytest.raises(InvalidValueError):
            _ = m.minor_units

    def test_minor_units(self):
        assert Money.from_minor(1250, "CNY") == Money.of("12.50", "CNY")
        assert Money.from_minor(7, "KWD").amount == Decimal("0.007")
        # Beyond the bounds: refused, quoting the amount exactly as given.
        with pytest.raises(InvalidValueError, match=r"got 1" + "0" * 38 + r"\.00:"):
            Money.from_minor(10**40, "CNY")
        with pytest.raises(InvalidTypeError):
            Money.from_minor(1.0, "CNY")  # type: ignore[arg-type]

    def test_display(self):
        assert str(Money.of("12.5", "CNY")) == "12.50 CNY"
        assert str(Money.of("1E+3", "CNY")) == "1000.00 CNY"
        assert str(Money.of("0.125", "CNY")) == "0.125 CNY"
        assert Money.zero("JPY").format_amount() == "0"

    def test_total(self):
        assert Money.total([], "CNY") == Money.zero("CNY")


class TestCurrencies:
    def test_required_currencies(self):
        codes = {c.code for c in currencies()}
        required = "CNY USD EUR INR IDR VND GHS ZAR COP PEN BOB ETB MMK TND CHF JPY KWD"
        assert set(required.split()) <= codes
        assert get_currency("KWD").minor_units == 3
        assert get_currency("CNY").quantum == Decimal("0.01")

    def test_unknown(self):
        with pytest.raises(UnknownNameError):
            get_currency("XXX")

    def test_register(self):
        xof = Currency(code="XOF", minor_units=0, name="West African CFA franc")
        assert register_currency(xof) is xof
        assert register_currency(xof) is xof  # idempotent
        with pytest.raises(ConfigurationError):
            register_currency(Currency(code="XOF", minor_units=2, name="other"))

    @pytest.mark.parametrize(
        ("code", "minor"), [("cny", 2), ("CN", 2), ("CNY", 5), ("CNY", -1)]
    )
    def test_bad_currency(self, code, minor):
        with pytest.raises(InvalidValueError):
            Currency(code=code, minor_units=minor, name="x")


def test_amounts_stay_below_the_limit_where_arithmetic_is_exact():
    from decimal import Decimal

    import pytest

    from score_core import InvalidValueError, Money
    from score_core.money import MAX_DIGITS, Currency, register_currency

    with pytest.raises(InvalidValueError, match="below 10"):
        Money(amount=Decimal(10) ** MAX_DIGITS, currency="CNY")
    with pytest.raises(InvalidValueError):
        Money(amount=-(Decimal(10) ** MAX_DIGITS), currency="CNY")
    big = Money(amount=Decimal("999999999999999999999999.99"), currency="CNY")
    assert big.minor_units == 10 ** (MAX_DIGITS + 2) - 1
    assert sum(p.amount for p in big.split(7)) == big.amount
    assert Money.from_minor(big.minor_units, "CNY") == big
    # Four minor digits (the most a currency has) still fit 28 digits.
    register_currency(Currency(code="XTF", minor_units=4, name="test four"))
    four = Money(amount=Decimal("999999999999999999999999.99994"), currency="XTF")
    assert not four.is_exact
    assert str(four.quantize()) == "999999999999999999999999.9999 XTF"


def _cny(amount):
    from score_core import Money

    return Money.of(amount, "CNY")


def _errors():
    """Every refusal of score_core.money: what raises, its type, message and field."""
    from decimal import Decimal

    from score_core import InvalidValueError, Money
    from score_core.errors import (
        AllocationError,
        CurrencyMismatchError,
        InvalidTypeError,
    )

    usd = Money.of("1", "USD")
    return [
        (
            lambda: Money(amount=1.5, currency="CNY"),
            InvalidTypeError,
            "Money.amount must be a Decimal or an int, not float (1.5)",
            "amount",
        ),
        (
            lambda: Money(amount="1", currency="CNY"),
            InvalidTypeError,
            "Money.amount must be a Decimal or an int, not str ('1')",
            "amount",
        ),
        (
            lambda: Money(amount=Decimal("NaN"), currency="CNY"),
            InvalidValueError,
            "Money.amount must be finite, got NaN",
            "amount",
        ),
        (
            lambda: Money(amount=Decimal("1e24"), currency="CNY"),
            InvalidValueError,
            "Money.amount must be below 10^24 in magnitude, got 1E+24: larger amounts "
            "would be rounded by decimal arithmetic",
            "amount",
        ),
        (
            lambda: Money(amount=1, currency=156),
            InvalidTypeError,
            "Money.currency must be an ISO 4217 code (str), not int (156)",
            "currency",
        ),
        (
            lambda: Money(amount=1, currency="XXX"),
            InvalidValueError,
            "Money.currency 'XXX' is not a known ISO 4217 code; register it with "
            "register_currency()",
            "currency",
        ),
        (
            lambda: Money.of("1,5", "CNY"),
            InvalidValueError,
            "Money.amount '1,5' is not a decimal number",
            "amount",
        ),
        (
            lambda: Money.from_minor("150", "CNY"),
            InvalidTypeError,
            "minor units must be an int, not str",
            None,
        ),
        (
            lambda: _cny("1") * 1.5,
            InvalidTypeError,
            "cannot multiply Money by a float (1.5); use Decimal or int",
            None,
        ),
        (
            lambda: _cny("1") * "2",
            InvalidTypeError,
            "cannot multiply Money by str; use Decimal or int",
            None,
        ),
        (
            lambda: _cny("1") * Decimal("Infinity"),
            InvalidValueError,
            "cannot multiply Money by Infinity",
            None,
        ),
        (
            lambda: _cny("1") + usd,
            CurrencyMismatchError,
            "cannot add CNY and USD",
            None,
        ),
        (
            lambda: _cny("1") - usd,
            CurrencyMismatchError,
            "cannot subtract CNY and USD",
            None,
        ),
        (
            lambda: _cny("1") / usd,
            CurrencyMismatchError,
            "cannot divide CNY and USD",
            None,
        ),
        (
            lambda: _cny("1") < usd,
            CurrencyMismatchError,
            "cannot compare CNY and USD",
            None,
        ),
        (lambda: _cny("1") + 1, InvalidTypeError, "cannot add Money and int", None),
        (
            lambda: Money.total([_cny("1"), usd], "CNY"),
            CurrencyMismatchError,
            "cannot add CNY and USD",
            None,
        ),
        (
            lambda: _cny("1") / _cny("0"),
            InvalidValueError,
            "cannot divide by zero money",
            None,
        ),
        (
            lambda: _cny("1.005").minor_units,
            InvalidValueError,
            "1.005 CNY is not a whole number of minor units; quantize it first",
            "amount",
        ),
        (
            lambda: _cny("1").allocate([1], mode="lottery"),
            AllocationError,
            "unknown allocation mode 'lottery'",
            None,
        ),
        (
            lambda: _cny("1.005").allocate([1, 1]),
            AllocationError,
            "cannot allocate 1.005 CNY: it is not a whole number of minor units; "
            "quantize it first",
            None,
        ),
        (
            lambda: _cny("1").split(0),
            AllocationError,
            "cannot split money into 0 parts",
            None,
        ),
        (
            lambda: _cny("1").allocate("12"),
            AllocationError,
            "ratios must be a sequence of int, Decimal or Fraction",
            None,
        ),
        (
            lambda: _cny("1").allocate([]),
            AllocationError,
            "cannot allocate with no ratios",
            None,
        ),
        (
            lambda: _cny("1").allocate([1, 0.5]),
            AllocationError,
            "ratio 1 is a float (0.5); use int, Decimal or Fraction",
            None,
        ),
        (
            lambda: _cny("1").allocate([1, "2"]),
            AllocationError,
            "ratio 1 must be an int, Decimal or Fraction, not str",
            None,
        ),
        (
            lambda: _cny("1").allocate([Decimal("NaN")]),
            AllocationError,
            "ratio 0 is not finite (NaN)",
            None,
        ),
        (
            lambda: _cny("1").allocate([1, -1]),
            AllocationError,
            "ratio 1 is negative (-1)",
            None,
        ),
        (
            lambda: _cny("1").allocate([0, 0]),
            AllocationError,
            "cannot allocate when every ratio is zero",
            None,
        ),
    ]


def test_every_refusal_says_what_and_where():
    import pytest

    for make, error, message, field in _errors():
        with pytest.raises(error) as caught:
            make()
        assert str(caught.value) == message
        assert getattr(caught.value, "field", None) == field


def test_comparisons_at_the_boundary_and_signs():
    from score_core import Money

    one, two = _cny("1"), _cny("2")
    assert [one < one, one <= one, one > one, one >= one] == [False, True, False, True]
    assert [one < two, two > one, two <= one, one >= two] == [True, True, False, False]
    parts = _cny("-0.05").allocate([1, 1])
    assert [str(p) for p in parts] == ["-0.03 CNY", "-0.02 CNY"]
    assert [str(p) for p in _cny("0.05").allocate([1, 1])] == ["0.03 CNY", "0.02 CNY"]
    assert [str(p) for p in _cny("0.01").split(3)] == [
        "0.01 CNY",
        "0.00 CNY",
        "0.00 CNY",
    ]
    assert format(Money.of("1e2", "CNY").amount, "f") == "100"
    assert Money.of("1e2", "CNY").format_amount() == "100.00"


def test_a_currency_given_as_a_str_enum_member():
    import enum

    class Code(enum.StrEnum):
        CNY = "CNY"

    assert Money.of("1", Code.CNY) == Money.of("1", "CNY")
