r"""The ``fast`` extra: JSON through msgspec, with the standard path's results.

Imported by :mod:`score_core.serialization` only when msgspec is installed.
Nothing here decides what a payload means: each function either gives
exactly what the standard path (the strict cattrs converter and the standard
library's :mod:`json`) gives, or :data:`MISS`, and the caller then takes the
standard path, which explains every problem.

Loading. For each type, a *mirror* is generated once: a ``msgspec.Struct``
per attrs class, with the same fields, unknown keys forbidden, and each field
typed as strictly as the converter reads it (integers within 64 bits, a
decimal amount as the same pattern of digits or an integer, a date as
``YYYY-MM-DD``, a text enum by its value). msgspec decodes the text into
mirrors in C; a generated builder then calls each attrs class with the values
the converter would have passed, so that converters, validators and
``__attrs_post_init__`` run as they do on the standard path. A key given
twice is found without a second parse: every object member is one ``:`` in
the text outside strings, and re-encoding the decoded mirrors writes one per
member kept, so the two counts differ exactly when a key was dropped (text
escaping a colon as ``\u003a`` goes the standard way).

Dumping. msgspec encodes score_core's attrs values directly, with sorted
keys, when their classes hold nothing it would write differently (Money is
written by its currency's minor unit, so values holding Money are turned into
plain data first, then encoded). ``to_dict`` stays with the converter:
msgspec builds the same dicts no faster.
"""

from __future__ import annotations

import enum
import threading
import typing
from collections.abc import Callable, Mapping
from collections.abc import Set as AbstractSet
from datetime import date
from decimal import Decimal
from types import NoneType, UnionType
from typing import Annotated, Any

import attrs
import msgspec

from score_core._frozen import FrozenMap
from score_core.findings import ParamValue, PathItem
from score_core.money import Money


__all__ = ["MISS", "Fast"]

#: Returned when the fast path cannot give the standard path's answer.
MISS: Any = object()

_UNSET = msgspec.UNSET


class _UnsupportedError(Exception):
    """A type the mirrors do not cover: the standard path loads it."""


Build = Callable[[Any], Any] | None
# Generic aliases built at run time, from mirrors only known then.
_TUPLE: Any = tuple
_DICT: Any = dict


def _optional(build: Build) -> Build:
    if build is None:
        return None
    inner = build
    return lambda v: None if v is None else inner(v)


def _sequence(make: type, build: Build) -> Build:
    if build is None:
        return None if make is tuple else make
    inner = build
    return lambda v: make(map(inner, v))


def _frozen_map(key: Build, value: Build) -> Build:
    if key is None and value is None:
        return FrozenMap
    k = key or (lambda x: x)
    v = value or (lambda x: x)
    return lambda m: FrozenMap({k(a): v(b) for a, b in m.items()})


class _Mirrors:
    """Mirror types and builders, generated once per type."""

    def __init__(self, int_min: int, int_max: int, decimal_pattern: str) -> None:
        self.int = Annotated[int, msgspec.Meta(ge=int_min, le=int_max)]
        self.decimal = Annotated[str, msgspec.Meta(pattern=decimal_pattern)] | self.int
        self._done: dict[Any, tuple[Any, Build]] = {}
        self._busy: set[Any] = set()
        self._names = 0

    def plan(self, tp: Any) -> tuple[Any, Build]:
        """The mirror of ``tp`` and the function building the value from it."""
        found = self._done.get(tp)
        if found is not None:
            return found
        if tp in self._busy:
            raise _UnsupportedError(tp)  # a recursive type
        self._busy.add(tp)
        try:
            result = self._plan(tp)
        finally:
            self._busy.discard(tp)
        self._done[tp] = result
        return result

    def _plan(self, tp: Any) -> tuple[Any, Build]:
        scalar = self._scalar(tp)
        if scalar is not None:
            return scalar
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin is typing.Union or origin is UnionType:
            inner = [a for a in args if a is not NoneType]
            if len(inner) != 1 or len(args) != 2:
                raise _UnsupportedError(tp)
            mirror, build = self.plan(inner[0])
            return mirror | None, _optional(build)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            mirror, build = self.plan(args[0])
            return _TUPLE[mirror, ...], _sequence(tuple, build)
        if origin in (frozenset, AbstractSet):
            mirror, build = self.plan(args[0])
            return _TUPLE[mirror, ...], _sequence(frozenset, build)
        if origin in (dict, Mapping):
            key = args[0]
            if key is not str and not _is_text_enum(key):
                raise _UnsupportedError(tp)
            value, build = self.plan(args[1])
            return _DICT[key, value], _frozen_map(None, build)
        if attrs.has(origin or tp):
            return self._struct(tp)
        raise _UnsupportedError(tp)

    def _scalar(self, tp: Any) -> tuple[Any, Build] | None:
        if tp is str or tp is bool or tp is date:
            return tp, None
        if tp is int:
            return self.int, None
        if tp is Decimal:
            return self.decimal, Decimal
        if tp == ParamValue:
            return str | self.int | bool | None, None
        if tp == PathItem:
            return str | self.int, None
        if _is_text_enum(tp):
            return tp, None
        return None

    def _struct(self, tp: Any) -> tuple[Any, Build]:
        cls = typing.get_origin(tp) or tp
        hints = _field_types(tp)
        fields: list[tuple[str, Any, Any]] = []
        args: list[str] = []
        scope: dict[str, Any] = {"cls": cls, "UNSET": _UNSET}
        for n, field in enumerate(attrs.fields(cls)):
            if not field.init:
                continue
            if field.alias != field.name:
                raise _UnsupportedError(tp)
            mirror, build = self.plan(hints[field.name])
            scope[f"b{n}"] = build
            value = f"b{n}(s.{field.name})" if build else f"s.{field.name}"
            if field.default is attrs.NOTHING:
                fields.append((field.name, mirror, msgspec.field()))
            else:
                fields.append((field.name, mirror | msgspec.UnsetType, _UNSET))
                scope[f"d{n}"] = _default(tp, field)
                named = f"b{n}(v)" if build else "v"
                value = f"(d{n}() if (v := s.{field.name}) is UNSET else {named})"
            args.append(f"{field.alias}={value}")
        self._names += 1
        mirror_type = msgspec.defstruct(
            f"_{cls.__name__}{self._names}",
            fields,
            kw_only=True,
            forbid_unknown_fields=True,
            gc=False,
        )
        source = f"def build(s):\n    return cls({', '.join(args)})\n"
        exec(source, scope)  # noqa: S102 - generated from field names only
        return mirror_type, scope["build"]


def _default(tp: Any, field: attrs.Attribute[Any]) -> Callable[[], Any]:
    default: Any = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        if default.takes_self:
            raise _UnsupportedError(tp)
        factory: Callable[[], Any] = default.factory
        return factory
    return lambda: default


def _is_text_enum(tp: Any) -> bool:
    return (
        isinstance(tp, type)
        and issubclass(tp, enum.Enum)
        and all(type(member.value) is str for member in tp)
    )


def _field_types(tp: Any) -> dict[str, Any]:
    """Each field's type, with a generic class's type variables filled in."""
    cls = typing.get_origin(tp) or tp
    hints = typing.get_type_hints(cls)
    params = getattr(cls, "__parameters__", ())
    if cls is tp or not params:
        return hints
    mapping = dict(zip(params, typing.get_args(tp), strict=True))
    return {name: _substitute(hint, mapping) for name, hint in hints.items()}


def _substitute(hint: Any, mapping: dict[Any, Any]) -> Any:
    if isinstance(hint, typing.TypeVar):
        return mapping[hint]
    params = getattr(hint, "__parameters__", ())
    if params:
        return hint[tuple(mapping[p] for p in params)]
    return hint


class Fast:
    """The msgspec paths of :mod:`score_core.serialization`."""

    MISS = MISS

    def __init__(
        self,
        *,
        int_min: int,
        int_max: int,
        decimal_pattern: str,
        decimal_text: Callable[[Decimal], str],
    ) -> None:
        self._mirrors = _Mirrors(int_min, int_max, decimal_pattern)
        self._planning = threading.Lock()
        self._loaders: dict[Any, tuple[msgspec.json.Decoder[Any], Build] | None] = {}
        self._recount = msgspec.json.Encoder()
        self._encoder = msgspec.json.Encoder(
            order="sorted", decimal_format=decimal_text, enc_hook=_mapping
        )
        self._direct: dict[type, frozenset[type] | None] = {}
        self._envelope = msgspec.json.Decoder(_Envelope)

    # -- loading ------------------------------------------------------------
    def loader(self, tp: Any) -> tuple[msgspec.json.Decoder[Any], Build] | None:
        """The decoder and builder for ``tp``, or None when it has none."""
        try:
            return self._loaders[tp]
        except KeyError:
            pass
        except TypeError:
            return None
        # One thread plans at a time: another's types in progress would look
        # recursive, and the type would be left to the standard path for good.
        with self._planning:
            try:
                mirror, build = self._mirrors.plan(tp)
                found: tuple[msgspec.json.Decoder[Any], Build] | None = (
                    msgspec.json.Decoder(mirror),
                    build,
                )
            except (_UnsupportedError, TypeError, NameError):
                found = None
            self._loaders[tp] = found
        return found

    def load(self, tp: Any, text: object) -> Any:
        """The value the standard path loads from ``text``, or :data:`MISS`."""
        if type(text) is str:
            colons = text.count(":")
            escaped = "\\u003" in text
        elif type(text) is bytes:
            colons = text.count(b":")
            escaped = b"\\u003" in text
        else:
            return MISS
        loader = self.loader(tp)
        if loader is None or escaped:
            return MISS
        decoder, build = loader
        try:
            mirror = decoder.decode(text)
            if self._recount.encode(mirror).count(b":") != colons:
                return MISS  # a key given twice (or a colon the count misread)
            return mirror if build is None else build(mirror)
        except Exception:  # the standard path explains it
            return MISS

    def envelope(self, text: object) -> tuple[str, int, bytes] | Any:
        """A document's kind, version and data text, or :data:`MISS`.

        Only a well-formed envelope with nothing else in it: its four keys
        once each, a text schema and kind, an integer version.
        """
        if type(text) is str:
            colons = text.count(":")
        elif type(text) is bytes:
            colons = text.count(b":")
        else:
            return MISS
        try:
            found = self._envelope.decode(text)
        except Exception:  # the standard path explains it
            return MISS
        data = bytes(found.data)
        if colons - data.count(b":") != 4:
            return MISS  # a key given twice, or a colon in the schema or kind
        return found.schema, found.schema_version, found.kind, data

    # -- dumping ------------------------------------------------------------
    def _classes(self, cls: type) -> frozenset[type] | None:
        """Every class msgspec meets encoding a ``cls``, if it writes them right."""
        try:
            return self._direct[cls]
        except KeyError:
            pass
        found: set[type] = set()
        try:
            _collect(cls, found)
            closure: frozenset[type] | None = frozenset(found)
        except _UnsupportedError:
            closure = None
        self._direct[cls] = closure
        return closure

    def _closure(self, classes: set[type]) -> frozenset[type]:
        """Every class msgspec meets encoding values of ``classes``."""
        found: set[type] = set()
        for cls in classes:
            closure = self._classes(cls)
            if closure is None:
                return frozenset({object})
            found |= closure
        return frozenset(found)

    def _encodable(self, classes: set[type]) -> bool:
        """Whether msgspec writes values of ``classes`` as the converter does.

        Not while a class has a subclass: the converter writes a subclass's
        value by its declared class's fields, msgspec by its own.
        """
        closure = self._closure(classes)
        return object not in closure and not any(
            c.__subclasses__() for c in closure if c is not Decimal
        )

    def dump(
        self,
        obj: Any,
        classes: set[type],
        data: Callable[[], Any],
        indent: int | None,
    ) -> str | Any:
        """JSON text as the standard library writes it, or :data:`MISS`.

        ``classes`` are those of ``obj`` (or of its items); ``data`` gives
        ``to_dict``'s plain data, for values msgspec cannot encode directly.
        """
        if indent not in (None, 2):
            return MISS
        # to_dict raises what the standard way would raise: it is the same call.
        source = obj if self._encodable(classes) else data()
        return self.encode_plain(source, indent)

    def encode_plain(self, data: Any, indent: int | None) -> str | Any:
        """Plain JSON data (no floats) as the standard library writes it."""
        if indent not in (None, 2):
            return MISS
        try:
            raw = self._encoder.encode(data)
            if indent is not None:
                raw = msgspec.json.format(raw, indent=indent)
            return raw.decode("utf-8")
        except Exception:  # the standard library writes it
            return MISS


class _Envelope(msgspec.Struct, forbid_unknown_fields=True, gc=False):
    schema: str
    schema_version: int
    kind: str
    data: msgspec.Raw


def _mapping(value: Any) -> Any:
    if type(value) is FrozenMap:
        return value._data
    raise TypeError(f"cannot encode {type(value).__name__}")


def _collect(tp: Any, found: set[type]) -> None:
    """Add the classes of ``tp`` to ``found``.

    Raises:
        _UnsupportedError: for what msgspec writes otherwise than the converter.
    """
    if tp in (str, int, bool, date, ParamValue, PathItem):
        return
    if tp is Decimal:
        found.add(Decimal)
        return
    if _is_text_enum(tp):
        return
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is typing.Union or origin is UnionType:
        for arg in args:
            if arg is not NoneType:
                _collect(arg, found)
        return
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        _collect(args[0], found)
        return
    if origin in (frozenset, AbstractSet):
        # Sorted by msgspec as by the converter only when items sort as text.
        if args[0] not in (str, int, date) and not _is_text_enum(args[0]):
            raise _UnsupportedError(tp)
        return
    if origin in (dict, Mapping):
        if args[0] is not str and not _is_text_enum(args[0]):
            raise _UnsupportedError(tp)
        found.add(FrozenMap)
        _collect(args[1], found)
        return
    cls = origin or tp
    if not (isinstance(cls, type) and attrs.has(cls)) or cls is Money:
        raise _UnsupportedError(tp)
    if cls in found:
        return
    found.add(cls)
    hints = _field_types(tp)
    for field in attrs.fields(cls):
        if not field.init or field.name.startswith("_"):
            raise _UnsupportedError(tp)
        _collect(hints[field.name], found)
