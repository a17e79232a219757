"""JSON Schema (draft 2020-12) for every payload, generated from the model.

Tools in other languages validate payloads before sending them: the schema
of a document kind describes the versioned envelope and its data, and the
schema of a type describes the bare data. Both come from the same attrs
classes and the same strict converter rules that :mod:`score_core.serialization`
applies: no unknown keys, decimals as strings such as ``"12.50"`` (or whole
numbers), dates as ``YYYY-MM-DD``, enums by value.

The schema states every rule the loader enforces on one field: types and
shapes, bounds, lengths, patterns, uniqueness and the registered codes. Rules
that need the values together (the women and men of a measurement summing to
its value, days in order) are left to the library, which reports them when
loading; each class's ``description`` lists them. The loader is stricter in
one more way: JSON Schema counts ``120.0`` as an integer, the loader does not.

>>> from score_core.schema import json_schema
>>> schema = json_schema("money")
>>> schema["properties"]["kind"], schema["$defs"]["Money"]["required"]
({'const': 'money'}, ['amount', 'currency'])
"""

from __future__ import annotations

import enum
import functools
import typing
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from decimal import Decimal
from types import NoneType, UnionType
from typing import Any, TypeVar

import attrs

from score_core._validators import NON_EMPTY, SCHEMA_ATTR
from score_core.findings import ParamValue, PathItem
from score_core.serialization import (
    _DATE_RE,
    _DECIMAL_RE,
    INT_MAX,
    INT_MIN,
    SCHEMA,
    SCHEMA_VERSION,
    _is_frozenset,
    _is_homogeneous_tuple,
    _is_mapping,
    _kind_type,
)


__all__ = ["DIALECT", "json_schema"]

#: The JSON Schema dialect of every schema score_core writes.
DIALECT = "https://json-schema.org/draft/2020-12/schema"

_INTEGER = {"type": "integer", "minimum": INT_MIN, "maximum": INT_MAX}
_DECIMAL = {
    "anyOf": [
        # The very patterns the loader checks.
        {"type": "string", "pattern": _DECIMAL_RE.pattern},
        _INTEGER,
    ],
    "description": 'A decimal number as a string such as "12.50", or a whole number.',
}
_DATE = {
    "type": "string",
    "pattern": _DATE_RE.pattern,
    "format": "date",
}
_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    int: _INTEGER,
    bool: {"type": "boolean"},
    Decimal: _DECIMAL,
    date: _DATE,
    Any: {},
}


def _registered_currencies() -> dict[str, Any]:
    from score_core.money import currencies

    return {"enum": [c.code for c in currencies()]}


# Decimals as JSON gives them (a string such as "12.50", or an integer), with
# their bounds stated for each form: JSON Schema cannot compare a string.
_NON_NEGATIVE = {
    "anyOf": [
        {
            "type": "string",
            "pattern": r"^(-?0(\.0+)?|(0|[1-9][0-9]*)(\.[0-9]+)?)$(?!\n)",
        },
        {**_INTEGER, "minimum": 0},
    ]
}
_POSITIVE = {
    "anyOf": [
        {
            "type": "string",
            "pattern": r"^(0\.[0-9]*[1-9][0-9]*|[1-9][0-9]*(\.[0-9]+)?)$(?!\n)",
        },
        {**_INTEGER, "minimum": 1},
    ]
}
_AMOUNT = {  # Money: below 10^24 in magnitude (money.MAX_DIGITS)
    "anyOf": [
        {"type": "string", "pattern": r"^-?(0|[1-9][0-9]{0,23})(\.[0-9]+)?$(?!\n)"},
        _INTEGER,
    ]
}

_Rule = dict[str, Any] | Callable[[], dict[str, Any]]


@functools.cache
def _rules_of_validators() -> dict[Any, _Rule]:
    """The rules that validators of the domain modules enforce on one field.

    (The shared validators of ``_validators`` carry their own.)
    """
    from score_core import (
        calendars,
        catalogue,
        findings,
        journey,
        money,
        monitoring,
        pricing,
        profiles,
    )

    module_code = {"pattern": catalogue._MODULE_CODE_RE.pattern}
    non_negative_money = {"properties": {"amount": _NON_NEGATIVE}}
    return {
        calendars._check_weekend: {
            "items": {"minimum": 0, "maximum": 6},
            # Not all seven days: not (contains 0 and ... and contains 6).
            "not": {"allOf": [{"contains": {"const": d}} for d in range(7)]},
        },
        catalogue._check_code: module_code,
        catalogue._check_titles: {"items": NON_EMPTY},
        catalogue._check_prerequisites: {"items": module_code},
        findings._check_code: {"pattern": findings._CODE_RE.pattern},
        journey._check_priorities: {"items": {"minLength": 1}, "uniqueItems": True},
        money.currency_code: _registered_currencies,
        money.Currency._check_code: {"pattern": money._CODE_RE.pattern},
        money.Currency._check_minor: {"minimum": 0, "maximum": 4},
        monitoring._indicator_code: {"pattern": monitoring._CODE.pattern},
        monitoring._check_part: _NON_NEGATIVE,
        pricing._money: non_negative_money,
        pricing._non_negative_decimal: _NON_NEGATIVE,
        profiles._check_strings: {"items": NON_EMPTY},
        profiles._check_days: {"additionalProperties": {"minimum": 1}},
        profiles._check_visit_days: _POSITIVE,
    }


@functools.cache
def _rules_of_fields() -> dict[str, _Rule]:
    """Rules on one field that a converter or ``__attrs_post_init__`` enforces."""
    from score_core.profiles import PARAMETERS

    return {
        "Money.amount": _AMOUNT,
        "Measurement.visit": {"minimum": 0},
        "Timeline.entries": {"minItems": 1},
        "Profile.provenance": {"propertyNames": {"enum": list(PARAMETERS)}},
    }


_IN_ORDER = "days in order, each later than the one before"

#: Rules across fields, or across the items of a list, that JSON Schema cannot
#: state: the loader checks them, and each class's description lists them,
#: by the field where the loader reports a breach.
_LOADER_ONLY: dict[str, dict[str, str]] = {
    "AttendanceSheet": {"marks": "a participant marked once a day"},
    "Band": {"maximum": "maximum not below minimum"},
    "Catalogue": {
        "modules": "each module code once, prerequisites among the modules, "
        "no prerequisite cycle"
    },
    "Certification": {
        "expires_on": "expires_on not before certified_on",
        "supervisor_id": "a supervisor for a candidate only",
    },
    "CostModel": {"currency": "every amount in the model's currency"},
    "Dated": {"end": "end not before start"},
    "Enterprise": {"women": "women at most the headcount"},
    "EnterpriseRecord": {
        "history": "each step a transition the journey allows, in date order"
    },
    "FeeRule": {"tiers": "tiers rising by headcount, only the last without limit"},
    "FixedCalendar": {
        "workdays": "make-up working days are weekend days and not holidays"
    },
    "Indicator": {
        "unit": "a practice indicator is measured yes/no, yes is better, not by sex"
    },
    "IndicatorSet": {"indicators": "each indicator code once"},
    "Measurement": {
        "value": "women and men sum to the value",
        "women": "women and men given together or not at all",
        "visit": "a visit number for a measurement at a visit only",
    },
    "ModuleFormat": {"max_months": "max_months not below min_months"},
    "ModulePlan": {"classroom": _IN_ORDER},
    "Profile": {"valid_to": "valid_to not before valid_from"},
    "Provenance": {"source": "a source when the basis is 'source'"},
    "Timeline": {
        "entries": "entries in order without overlap, and without gaps unless "
        "allow_gaps; only the first starts open and only the last ends open"
    },
    "TrainingModule": {"prerequisites": "a module is not its own prerequisite"},
    "Visit": {
        "number": "number 0 for the intake visit and only for it",
        "outcome": "an outcome for a done visit and only for it",
    },
    "VisitCycle": {
        "classroom": _IN_ORDER,
        "visits": "visits numbered in order, 0 for the intake, then 1, 2, ...; "
        "days in order and apart by the minimum gap",
        "window_end": "window_end after the last classroom day",
    },
    "Workshop": {"days": _IN_ORDER},
}


class _Builder:
    """Walks types, collecting one ``$defs`` entry per attrs class."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}
        self.names: dict[Any, str] = {}

    def schema(self, tp: Any) -> dict[str, Any]:
        if tp in _SCALARS:
            return dict(_SCALARS[tp])
        if tp == ParamValue:
            return {"anyOf": [{"type": ["string", "boolean", "null"]}, _INTEGER]}
        if tp == PathItem:
            return {"anyOf": [{"type": "string"}, _INTEGER]}
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if origin is typing.Union or origin is UnionType:
            inner = [a for a in args if a is not NoneType]
            if len(inner) != 1 or len(args) != 2:
                raise TypeError(f"score_core payloads only use optional unions: {tp}")
            return {"anyOf": [self.schema(inner[0]), {"type": "null"}]}
        if _is_homogeneous_tuple(tp) or _is_frozenset(tp):
            return {"type": "array", "items": self.schema(args[0])}
        if _is_mapping(tp):
            result: dict[str, Any] = {
                "type": "object",
                "additionalProperties": self.schema(args[1]),
            }
            key = args[0]
            if isinstance(key, type) and issubclass(key, enum.Enum):
                result["propertyNames"] = {"enum": [m.value for m in key]}
            return result
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return {"enum": [m.value for m in tp]}
        if attrs.has(origin or tp):
            return {"$ref": f"#/$defs/{self.define(tp)}"}
        raise TypeError(f"no JSON Schema for {tp!r}")

    def define(self, tp: Any) -> str:
        known = self.names.get(tp)
        if known is not None:
            return known
        origin = typing.get_origin(tp) or tp
        args = typing.get_args(tp)
        name: str = origin.__name__ + "".join(
            getattr(a, "__name__", str(a)) for a in args
        )
        self.names[tp] = name
        hints = typing.get_type_hints(origin)
        mapping = dict(zip(getattr(origin, "__parameters__", ()), args, strict=False))
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(origin):
            if not field.init:
                continue
            field_type = _substitute(hints[field.name], mapping)
            schema = self.schema(field_type)
            for keywords in _field_rules(origin.__name__, field):
                schema = _constrain(schema, keywords)
            properties[field.name] = schema
            if field.default is attrs.NOTHING:
                required.append(field.name)
        doc = (origin.__doc__ or "").strip().splitlines()
        description = doc[0] if doc else origin.__name__
        loader_only = _LOADER_ONLY.get(origin.__name__)
        if loader_only:
            description += " The loader also checks, across fields: " + (
                "; ".join(loader_only.values()) + "."
            )
        self.defs[name] = {
            "type": "object",
            "title": origin.__name__,
            "description": description,
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }
        return name


#: The class of attrs' optional() validators.
_OPTIONAL: type[Any] = type(
    attrs.validators.optional(attrs.validators.instance_of(int))
)


def _validators(validator: Any) -> Iterator[Any]:
    """Each validator in an attrs field's (possibly composite) validator."""
    if validator is None:
        return
    inner = getattr(validator, "_validators", None)  # attrs' and_()
    if inner is not None:
        for one in inner:
            yield from _validators(one)
    elif isinstance(validator, _OPTIONAL):
        yield from _validators(validator.validator)  # None passes: the type says
    else:
        yield validator


def _field_rules(owner: str, field: attrs.Attribute[Any]) -> Iterator[dict[str, Any]]:
    """The JSON Schema keywords of each rule on one field alone."""
    rules: list[_Rule] = []
    for validator in _validators(field.validator):
        rules.append(getattr(validator, SCHEMA_ATTR, None) or {})
        rules.append(_rules_of_validators().get(validator, {}))
    rules.append(_rules_of_fields().get(f"{owner}.{field.name}", {}))
    for rule in rules:
        yield rule() if callable(rule) else rule


def _constrain(schema: dict[str, Any], keywords: Mapping[str, Any]) -> dict[str, Any]:
    """``schema`` with a rule's keywords added (to the value, not its null)."""
    branches = schema.get("anyOf")
    if branches is not None and {"type": "null"} in branches:
        return {
            **schema,
            "anyOf": [
                b if b == {"type": "null"} else _constrain(b, keywords)
                for b in branches
            ],
        }
    result = dict(schema)
    for key, value in keywords.items():
        if key in ("items", "additionalProperties"):
            result[key] = _constrain(result[key], value)
        elif key == "properties":  # a rule on a field of a referenced class
            result[key] = {**result.get(key, {}), **value}
        elif key == "anyOf":  # a decimal's rule restates both of its forms
            result["anyOf"] = value
        elif key == "minimum" and "minimum" in result:
            result["minimum"] = max(result["minimum"], value)
        elif key == "maximum" and "maximum" in result:
            result["maximum"] = min(result["maximum"], value)
        else:
            result[key] = value
    return result


def _substitute(tp: Any, mapping: Mapping[Any, Any]) -> Any:
    """``tp`` with generic parameters replaced (``Dated[T]`` -> ``Dated[X]``)."""
    if isinstance(tp, TypeVar):
        return mapping.get(tp, Any)
    args = typing.get_args(tp)
    if not args or not mapping:
        return tp
    new = tuple(_substitute(a, mapping) for a in args)
    origin = typing.get_origin(tp)
    if origin is UnionType or origin is typing.Union:
        return typing.Union[new]  # noqa: UP007 - rebuilt from parts
    if origin is tuple:
        return tuple[new]  # type: ignore[valid-type]
    return tp.__origin__[new] if hasattr(tp, "__origin__") else tp


def json_schema(target: Any, *, document: bool = True) -> dict[str, Any]:
    """The JSON Schema of a document kind, or of a type's bare data.

    Args:
        target: A document kind (``"workshop"``, ``"measurement[]"``) or a
            type (``Workshop``, ``tuple[Workshop, ...]``).
        document: For a kind, describe the versioned envelope around the
            data (the default) or the data alone.

    Raises:
        InvalidValueError: for an unknown document kind.
        TypeError: for a type that is not a score_core payload type.
    """
    builder = _Builder()
    if isinstance(target, str):
        data = builder.schema(_kind_type(target))
        title = f"score_core {target} (schema version {SCHEMA_VERSION})"
        if document:
            data = {
                "type": "object",
                "properties": {
                    "schema": {"const": SCHEMA},
                    "schema_version": {"const": SCHEMA_VERSION},
                    "kind": {"const": target},
                    "data": data,
                },
                "required": ["schema", "schema_version", "kind", "data"],
                "additionalProperties": False,
            }
    else:
        data = builder.schema(target)
        title = f"score_core {getattr(target, '__name__', str(target))}"
    return {
        "$schema": DIALECT,
        "title": title,
        **data,
        "$defs": dict(sorted(builder.defs.items())),
    }
