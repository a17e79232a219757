"""JSON Schema (draft 2020-12) for every payload, generated from the model.

Tools in other languages validate payloads before sending them: the schema
of a document kind describes the versioned envelope and its data, and the
schema of a type describes the bare data. Both come from the same attrs
classes and the same strict converter rules that :mod:`score_core.serialization`
applies: no unknown keys, decimals as strings such as ``"12.50"`` (or whole
numbers), dates as ``YYYY-MM-DD``, enums by value.

The schema states types and shapes. Rules that need the values together
(the women and men of a measurement summing to its value, a headcount within
a band) are left to the library, which reports them when loading.

>>> from score_core.schema import json_schema
>>> schema = json_schema("money")
>>> schema["properties"]["kind"], schema["$defs"]["Money"]["required"]
({'const': 'money'}, ['amount', 'currency'])
"""

from __future__ import annotations

import enum
import typing
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from types import NoneType, UnionType
from typing import Any, TypeVar

import attrs

from score_core.errors import InvalidValueError
from score_core.findings import ParamValue, PathItem
from score_core.serialization import (
    _DATE_RE,
    _DECIMAL_RE,
    SCHEMA,
    SCHEMA_VERSION,
    _is_frozenset,
    _is_homogeneous_tuple,
    _is_mapping,
    document_kinds,
)


__all__ = ["DIALECT", "json_schema"]

#: The JSON Schema dialect of every schema score_core writes.
DIALECT = "https://json-schema.org/draft/2020-12/schema"

_DECIMAL = {
    "anyOf": [
        # The very patterns the loader checks.
        {"type": "string", "pattern": _DECIMAL_RE.pattern},
        {"type": "integer"},
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
    int: {"type": "integer"},
    bool: {"type": "boolean"},
    Decimal: _DECIMAL,
    date: _DATE,
    Any: {},
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
            return {"type": ["string", "integer", "boolean", "null"]}
        if tp == PathItem:
            return {"type": ["string", "integer"]}
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
            properties[field.name] = self.schema(field_type)
            if field.default is attrs.NOTHING:
                required.append(field.name)
        doc = (origin.__doc__ or "").strip().splitlines()
        self.defs[name] = {
            "type": "object",
            "title": origin.__name__,
            "description": doc[0] if doc else origin.__name__,
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }
        return name


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
        kinds = document_kinds()
        if target not in kinds:
            raise InvalidValueError(
                f"unknown document kind {target!r}; kinds: {', '.join(kinds)}"
            )
        data = builder.schema(kinds[target])
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
