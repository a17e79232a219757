"""Private validator helpers: every failure names the class, the field and the value."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TypeVar, cast

import attrs

from score_core.errors import InvalidTypeError, InvalidValueError


Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

#: The attribute on a validator that holds the JSON Schema keywords stating
#: the rule it enforces on its field alone (read by :mod:`score_core.schema`).
SCHEMA_ATTR = "json_schema"

#: Keywords for a string with at least one character that is not a space.
NON_EMPTY = {"minLength": 1, "pattern": r"\S"}


_F = TypeVar("_F", bound=Callable[..., None])


def stated(**keywords: Any) -> Callable[[_F], _F]:
    """Record the JSON Schema keywords that state a validator's rule."""

    def mark(validator: _F) -> _F:
        setattr(validator, SCHEMA_ATTR, keywords)
        return validator

    return mark


# Patterns end in ``$(?!\n)``: Python's ``$`` also matches before a final
# newline, so ``"CN\n"`` would pass ``^[A-Z]{2}$``. The lookahead refuses it,
# and JSON Schema validators (ECMA 262 or Python ``re``) read the same pattern
# the same way, so the schema can state it as it is.
_COUNTRY_RE = re.compile(r"^[A-Z]{2}$(?!\n)")
_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$(?!\n)")


def owner(inst: object) -> str:
    """The class name used in messages."""
    return type(inst).__name__


def check_type(cls_name: str, field: str, value: object, *types: type) -> None:
    """Raise InvalidTypeError unless ``value`` is one of ``types`` (bool is not int)."""
    if type(value) in types:  # the common case, decided without isinstance
        return
    if isinstance(value, bool) and bool not in types:
        ok = False
    else:
        ok = isinstance(value, types)
    if not ok:
        names = " or ".join(t.__name__ for t in types)
        raise InvalidTypeError(
            f"{cls_name}.{field} must be {_article(names)} {names}, "
            f"not {type(value).__name__} ({value!r})",
            field=field,
        )


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiouAEIOU" else "a"


def typed(*types: type) -> Validator:
    """A validator that checks the type strictly (a bool is not an int)."""

    def validate(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) not in types:
            check_type(owner(inst), attribute.name, value, *types)

    return validate


def int_at_least(minimum: int) -> Validator:
    """An int (not a bool) that is at least ``minimum``."""

    @stated(minimum=minimum)
    def validate(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is int and value >= minimum:
            return
        check_type(owner(inst), attribute.name, value, int)
        assert isinstance(value, int)
        if value < minimum:
            raise InvalidValueError(
                f"{owner(inst)}.{attribute.name} must be at least {minimum}, "
                f"got {value}",
                field=attribute.name,
            )

    return validate


def optional_int_at_least(minimum: int) -> Validator:
    """Like :func:`int_at_least`, but None is allowed."""
    inner = int_at_least(minimum)

    @stated(minimum=minimum)
    def validate(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        # The common cases decided here, without a second call.
        if value is None or (type(value) is int and value >= minimum):
            return
        inner(inst, attribute, value)

    return validate


@stated(**NON_EMPTY)
def non_empty_str(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A str with at least one non-space character."""
    if type(value) is str and value and not value.isspace():
        return
    check_type(owner(inst), attribute.name, value, str)
    assert isinstance(value, str)
    if not value.strip():
        raise InvalidValueError(
            f"{owner(inst)}.{attribute.name} must not be empty, got {value!r}",
            field=attribute.name,
        )


@stated(**NON_EMPTY)
def optional_non_empty_str(
    inst: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    """None, or a str with at least one non-space character."""
    if value is None or (type(value) is str and value and not value.isspace()):
        return
    non_empty_str(inst, attribute, value)


@stated(pattern=_COUNTRY_RE.pattern)
def country_code(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """None, or an ISO 3166-1 alpha-2 code in upper case, such as ``CN``."""
    if value is None or (type(value) is str and _COUNTRY_RE.match(value)):
        return
    _match(
        inst,
        attribute,
        value,
        _COUNTRY_RE,
        "an ISO 3166-1 alpha-2 code in upper case such as 'CN'",
    )


@stated(pattern=_NAME_RE.pattern)
def registry_name(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A lower-case name of letters, digits and hyphens, such as ``cn-phase-2``."""
    _match(
        inst,
        attribute,
        value,
        _NAME_RE,
        "lower-case letters, digits and hyphens such as 'cn-phase-2'",
    )


def _match(
    inst: object,
    attribute: attrs.Attribute[Any],
    value: object,
    pattern: re.Pattern[str],
    what: str,
) -> None:
    """A str that matches ``pattern``; the error says ``what`` it must be."""
    check_type(owner(inst), attribute.name, value, str)
    if not pattern.match(cast(str, value)):
        raise InvalidValueError(
            f"{owner(inst)}.{attribute.name} must be {what}, got {value!r}",
            field=attribute.name,
        )


#: A decimal from 0 to 1 inclusive, as JSON gives it (see :func:`decimal_fraction`).
FRACTION = {
    "anyOf": [
        {"type": "string", "pattern": r"^(-?0(\.0+)?|0\.[0-9]+|1(\.0+)?)$(?!\n)"},
        {"type": "integer", "minimum": 0, "maximum": 1},
    ]
}


@stated(**FRACTION)
def decimal_fraction(
    inst: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    """A finite Decimal between 0 and 1 inclusive (a share such as 0.40)."""
    check_type(owner(inst), attribute.name, value, Decimal)
    assert isinstance(value, Decimal)
    if not value.is_finite() or not Decimal(0) <= value <= Decimal(1):
        raise InvalidValueError(
            f"{owner(inst)}.{attribute.name} must be a share between 0 and 1, "
            f"got {value}",
            field=attribute.name,
        )


def optional_date(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """None or a ``datetime.date`` (a ``datetime`` is refused)."""
    if value is None or type(value) is date:
        return
    if not isinstance(value, date) or isinstance(value, datetime):
        raise InvalidTypeError(
            f"{owner(inst)}.{attribute.name} must be a datetime.date, "
            f"not {type(value).__name__} ({value!r})",
            field=attribute.name,
        )


def a_date(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A ``datetime.date`` (not None, and not a ``datetime``)."""
    if value is None:
        raise InvalidTypeError(
            f"{owner(inst)}.{attribute.name} must be a datetime.date, not None",
            field=attribute.name,
        )
    optional_date(inst, attribute, value)


def dates(
    inst: object, attribute: attrs.Attribute[Any], value: Iterable[object]
) -> None:
    """Every item is a ``datetime.date``."""
    for day in value:
        if not isinstance(day, date):
            raise InvalidValueError(
                f"{owner(inst)}.{attribute.name} must hold dates, got {day!r}",
                field=attribute.name,
            )


@stated(minItems=1, uniqueItems=True)
def days_in_order(
    inst: object, attribute: attrs.Attribute[Any], value: tuple[date, ...]
) -> None:
    """At least one ``datetime.date``, each later than the one before."""
    name = f"{owner(inst)}.{attribute.name}"
    if not value:
        raise InvalidValueError(
            f"{name} must hold at least one day", field=attribute.name
        )
    for i, day in enumerate(value):
        if not isinstance(day, date):
            raise InvalidValueError(
                f"{name}[{i}] must be a date, got {day!r}", field=attribute.name
            )
    for before, after in itertools.pairwise(value):
        if after <= before:
            raise InvalidValueError(
                f"{name} must be in order without repeats: {after} comes after "
                f"{before}",
                field=attribute.name,
            )


def items_of(item_type: type) -> Validator:
    """Every item of a tuple is an instance of ``item_type``."""

    def validate(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        for i, item in enumerate(value):
            if not isinstance(item, item_type):
                raise InvalidValueError(
                    f"{owner(inst)}.{attribute.name}[{i}] must be a "
                    f"{item_type.__name__}, got {type(item).__name__}",
                    field=attribute.name,
                )

    return validate
