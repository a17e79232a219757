r"""JSON in and out: the one configured cattrs converter, strict loading, documents.

Every public value turns into plain JSON data and back:

>>> from decimal import Decimal
>>> from score_core import Money, from_json, to_json
>>> to_json(Money(amount=Decimal("12.5"), currency="CNY"))
'{"amount":"12.50","currency":"CNY"}'
>>> from_json(Money, '{"amount": "12.50", "currency": "CNY"}')
Money(amount=Decimal('12.50'), currency='CNY')

Loading is strict. Nothing is coerced: a string where a number is expected, a
float where an int or an amount is expected, a bool where a number is
expected, unknown keys: each is a problem. Every problem is reported at once,
each with its JSON path, in a :class:`~score_core.errors.PayloadError`:

>>> from score_core.errors import PayloadError
>>> try:
...     from_json(Money, '{"amount": 12.5, "currency": "CNY", "note": 1}')
... except PayloadError as exc:
...     print("\n".join(exc.errors))
$.amount: expected a decimal number as a string such as "12.50", got the float 12.5
$: unknown key 'note'

Output is deterministic: keys sorted, sets sorted, Chinese text kept as UTF-8.

Documents wrap a value in a versioned envelope, so stored payloads keep loading
when the model changes (see :func:`dump_document` and :func:`load_document`).
"""

from __future__ import annotations

import enum
import functools
import importlib
import itertools
import json
import re
import typing
from collections.abc import Callable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from datetime import date
from decimal import Decimal, InvalidOperation
from types import MappingProxyType, NoneType, UnionType
from typing import Any, TypeGuard, TypeVar, cast

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    BaseValidationError,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
    StructureHandlerNotFoundError,
)
from cattrs.fns import identity
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from score_core import _migrations
from score_core._data import messages
from score_core._frozen import FrozenMap
from score_core.errors import (
    InvalidTypeError,
    InvalidValueError,
    PayloadError,
    ScoreError,
    UnsupportedSchemaVersionError,
)
from score_core.findings import ParamValue, PathItem, render_path
from score_core.money import Money


__all__ = [
    "INT_MAX",
    "INT_MIN",
    "SCHEMA",
    "SCHEMA_VERSION",
    "converter",
    "document_kinds",
    "dump_document",
    "from_dict",
    "from_json",
    "kind_of",
    "kinds_like",
    "load_document",
    "load_many",
    "register_kind",
    "to_dict",
    "to_json",
]

T = TypeVar("T")

#: The envelope's ``schema`` value.
SCHEMA = "score_core"
#: The payload version this library writes; older versions are migrated.
SCHEMA_VERSION = _migrations.CURRENT_VERSION

_DECIMAL_RE = re.compile(r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$(?!\n)")
_DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$(?!\n)")
#: The smallest integer a payload may hold (64-bit signed integers only).
INT_MIN = -(2**63)
#: The largest integer a payload may hold. Larger ones are refused: other
#: languages cannot read them, and Python cannot even print one of more than
#: 4,300 digits (``sys.set_int_max_str_digits``).
INT_MAX = 2**63 - 1


class _LoadError(Exception):
    """A problem found while structuring one value; its path comes from notes."""


def _describe(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return messages.STRING.format(text=repr(shown))
    if isinstance(value, float):
        return messages.FLOAT.format(text=repr(value))
    if isinstance(value, int):
        if value.bit_length() >= 64:
            return messages.HUGE
        return messages.INTEGER.format(text=value)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _expect(what: str, value: object) -> _LoadError:
    return _LoadError(messages.EXPECTED.format(what=what, got=_describe(value)))


# -- strict scalar hooks --------------------------------------------------------
def _structure_int(value: object, _: type) -> int:
    if type(value) is not int:
        raise _expect("an integer", value)
    if not INT_MIN <= value <= INT_MAX:
        raise _too_large(value)
    return value


def _too_large(value: int) -> _LoadError:
    return _LoadError(messages.INT_RANGE.format(got=_describe(value)))


def _structure_str(value: object, _: type) -> str:
    if type(value) is not str:
        raise _expect("a string", value)
    return value


def _plain_str(value: str) -> str:
    return value if type(value) is str else str.__str__(value)


def _plain_optional_str(value: str | None) -> str | None:
    return value if value is None or type(value) is str else str.__str__(value)


def _structure_bool(value: object, _: type) -> bool:
    if type(value) is not bool:
        raise _expect("true or false", value)
    return value


def _structure_decimal(value: object, _: type) -> Decimal:
    if type(value) is str and _DECIMAL_RE.match(value):
        try:
            return Decimal(value)
        except InvalidOperation:  # pragma: no cover - the pattern excludes it
            pass
    if type(value) is int:
        if not INT_MIN <= value <= INT_MAX:
            raise _too_large(value)
        return Decimal(value)
    raise _expect('a decimal number as a string such as "12.50"', value)


def _unstructure_decimal(value: Decimal) -> str:
    if not value and value.is_signed():  # -0 equals 0: write it the same way
        value = value.copy_abs()
    return format(value, "f")


def _structure_date(value: object, _: type) -> date:
    if type(value) is str and _DATE_RE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise _LoadError(messages.NOT_A_DATE.format(value=repr(value))) from None
    raise _expect('a date as a string such as "2026-11-24"', value)


def _structure_param(value: object, _: type) -> ParamValue:
    if type(value) is int and not INT_MIN <= value <= INT_MAX:
        raise _too_large(value)
    if value is None or type(value) in (str, int, bool):
        return cast(ParamValue, value)
    raise _expect("a string, an integer, true, false or null", value)


def _structure_path_item(value: object, _: type) -> PathItem:
    if type(value) is int and not INT_MIN <= value <= INT_MAX:
        raise _too_large(value)
    if type(value) in (str, int):
        return cast(PathItem, value)
    raise _expect("a field name or a list index", value)


def _unstructure_money(value: Money) -> dict[str, str]:
    return {"amount": value.format_amount(), "currency": value.currency}


# -- factories ------------------------------------------------------------------
_ENUM_TABLES: dict[type[enum.Enum], tuple[dict[object, enum.Enum], str]] = {}


def _structure_enum(value: object, cls: type[enum.Enum]) -> enum.Enum:
    table = _ENUM_TABLES.get(cls)
    if table is None:
        by_value = {member.value: member for member in cls}
        table = _ENUM_TABLES[cls] = (by_value, ", ".join(repr(v) for v in by_value))
    by_value, allowed = table
    if type(value) is str and value in by_value:
        return by_value[value]
    raise _LoadError(
        messages.EXPECTED_ONE_OF.format(allowed=allowed, got=_describe(value))
    )


def _enum_unstructure(value: enum.Enum) -> Any:
    return value.value


def _origin(tp: Any) -> Any:
    return typing.get_origin(tp)


def _is_homogeneous_tuple(tp: Any) -> bool:
    args = typing.get_args(tp)
    return _origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_frozenset(tp: Any) -> bool:
    return _origin(tp) in (frozenset, AbstractSet)


def _is_mapping(tp: Any) -> bool:
    return _origin(tp) in (dict, Mapping)


def _kept(exc: Exception, note: IterableValidationNote) -> Exception:
    """An item's error, noted with where it was, to be raised with the others.

    Without its traceback: a file of a million bad items would otherwise keep
    a million sets of stack frames alive.
    """
    exc.__traceback__ = None
    exc.add_note(note)
    return exc


def _raise_all(errors: list[Exception], tp: Any) -> None:
    """Raise the items' errors together, if there are any."""
    if errors:
        raise IterableValidationError(f"While structuring {tp}", errors, tp)


def _collection_factory(
    tp: Any, conv: cattrs.Converter
) -> Callable[[object, type], Any]:
    item_type = typing.get_args(tp)[0]
    handler = conv.get_structure_hook(item_type)
    make: Callable[[list[Any]], Any] = tuple if _is_homogeneous_tuple(tp) else frozenset

    def structure(value: object, _: type) -> Any:
        if type(value) is not list:
            raise _expect("a list", value)
        items: list[Any] = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                items.append(handler(item, item_type))
            except Exception as exc:
                note = f"Structuring {tp} @ index {index}"
                errors.append(
                    _kept(exc, IterableValidationNote(note, index, item_type))
                )
        _raise_all(errors, tp)
        return make(items)

    return structure


def _mapping_factory(tp: Any, conv: cattrs.Converter) -> Callable[[object, type], Any]:
    key_type, value_type = typing.get_args(tp)
    key_handler = conv.get_structure_hook(key_type)
    value_handler = conv.get_structure_hook(value_type)

    def structure(value: object, _: type) -> Any:
        if type(value) is not dict:
            raise _expect("an object", value)
        result: dict[Any, Any] = {}
        errors: list[Exception] = []
        for key, item in value.items():
            try:
                result[key_handler(key, key_type)] = value_handler(item, value_type)
            except Exception as exc:
                note = IterableValidationNote(f"key {key!r}", key, value_type)
                errors.append(_kept(exc, note))
        _raise_all(errors, tp)
        return FrozenMap(result)

    return structure


def _union_factory(tp: Any, conv: cattrs.Converter) -> Callable[[object, type], Any]:
    args = [a for a in typing.get_args(tp) if a is not NoneType]
    if len(args) != 1:
        raise TypeError(f"score_core payloads only use optional unions, not {tp}")
    inner = args[0]
    handler = conv.get_structure_hook(inner)

    def structure(value: object, _: type) -> Any:
        if value is None:
            return None
        return handler(value, inner)

    return structure


def _is_optional(tp: Any) -> bool:
    # ParamValue is a union with None too, but has a hook of its own.
    origin = _origin(tp)
    return (
        (origin is typing.Union or origin is UnionType)
        and NoneType in typing.get_args(tp)
        and tp != ParamValue
    )


def _attrs_structure_factory(
    cls: type, conv: cattrs.Converter
) -> Callable[[object, type], Any]:
    inner: Callable[[Any, Any], Any] = make_dict_structure_fn(
        cls, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
    )
    names, _ = _fields(cls)

    def structure(value: object, _: type) -> Any:
        if type(value) is not dict:
            raise _expect("an object", value)
        if not value.keys() <= names:
            _refuse_another_kind(cls, value, names)
        return inner(value, cls)

    return structure


# -- shapes: which kind an object of unknown keys looks like ----------------------
def _fields(cls: Any) -> tuple[frozenset[str], frozenset[str]]:
    """The keys an attrs class reads, and those it requires (as its schema says)."""
    names: list[str] = []
    required: list[str] = []
    for field in attrs.fields(_origin(cls) or cls):
        if field.init:
            names.append(field.name)
            if field.default is attrs.NOTHING:
                required.append(field.name)
    return frozenset(names), frozenset(required)


_Shape = tuple[str, frozenset[str], frozenset[str]]
_Registry = tuple[tuple[str, Any], ...]


@functools.lru_cache(maxsize=4)
def _kind_shapes(registry: _Registry) -> tuple[_Shape, ...]:
    """Each document kind of an attrs class: its fields and required fields."""
    return tuple(
        (kind, *_fields(cls)) for kind, cls in sorted(registry) if _is_attrs(cls)
    )


@functools.lru_cache(maxsize=256)
def _fitting(keys: frozenset[str], registry: _Registry) -> tuple[str, ...]:
    """The kinds of ``registry`` that read every one of ``keys``, closest first."""
    found = [
        (not required <= keys, len(names - keys), kind)
        for kind, names, required in _kind_shapes(registry)
        if keys <= names
    ]
    return tuple(kind for *_, kind in sorted(found))


@functools.lru_cache(maxsize=4)
def _every_field(registry: _Registry) -> frozenset[str]:
    """Every key some kind of ``registry`` reads."""
    return frozenset().union(*(names for _, names, _ in _kind_shapes(registry)))


def _object_kinds(value: dict[str, Any]) -> tuple[str, ...]:
    if not value:
        return ()
    _builtin_kinds()
    # The registry as it is now is part of the key: a kind registered later
    # is recognised.
    registry = tuple(_KINDS.items())
    if not value.keys() <= _every_field(registry):
        return ()  # a key no kind reads: shaped like none
    return _fitting(frozenset(value), registry)


def _refuse_another_kind(
    cls: Any, value: dict[str, Any], names: frozenset[str]
) -> None:
    """One problem for an object of another kind, instead of one per key.

    Called only for an object with a key ``cls`` does not read.
    """
    like = [kind for kind in _object_kinds(value) if _KINDS[kind] != cls]
    if like:
        expected = _KIND_OF.get(cls) or (_origin(cls) or cls).__name__
        unknown = len(value.keys() - names)
        raise _LoadError(
            messages.SHAPED_LIKE.format(
                kind=expected,
                like=" or ".join(like[:3]),
                unknown=unknown,
                count=len(value),
            )
        )


def _is_attrs(cls: Any) -> bool:
    # Generic attrs classes arrive parametrised, as Timeline[CoverageTarget].
    origin = _origin(cls) or cls
    return isinstance(origin, type) and attrs.has(origin)


def _attrs_unstructure_factory(cls: type, conv: cattrs.Converter) -> Any:
    return make_dict_unstructure_fn(cls, conv)


def _item_unstructurer(tp: Any, conv: cattrs.Converter) -> Callable[[Any], Any]:
    # One hook for every item of a declared type, looked up once; a type
    # score_core does not declare exactly (an abstract one) dispatches per item.
    exact = tp in (str, int, bool, Decimal, date) or (
        isinstance(tp, type) and issubclass(tp, enum.Enum)
    )
    if exact or _is_attrs(tp) or _is_optional(tp):
        return conv.get_unstructure_hook(tp)
    return conv.unstructure


def _optional_unstructure_factory(tp: Any, conv: cattrs.Converter) -> Any:
    (inner,) = (a for a in typing.get_args(tp) if a is not NoneType)
    handler = conv.get_unstructure_hook(inner)
    if handler == identity:
        return identity  # cattrs inlines fields that need no hook
    if handler is _plain_str:
        return _plain_optional_str

    def unstructure(value: Any) -> Any:
        return None if value is None else handler(value)

    return unstructure


def _sequence_unstructure_factory(tp: Any, conv: cattrs.Converter) -> Any:
    handler = _item_unstructurer(typing.get_args(tp)[0], conv)
    if _is_frozenset(tp):
        return lambda value: sorted(handler(v) for v in value)
    return lambda value: [handler(v) for v in value]


def _mapping_unstructure_factory(tp: Any, conv: cattrs.Converter) -> Any:
    key_type, value_type = typing.get_args(tp)
    key, item = _item_unstructurer(key_type, conv), _item_unstructurer(value_type, conv)
    return lambda value: {key(k): item(v) for k, v in value.items()}


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    # cattrs consults these class-based hooks first. A str enum has str in its
    # MRO, so the enum hook is registered on StrEnum (earlier in the MRO) too.
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(str, _structure_str)
    # A str field may hold a str enum member (ModuleCode.M1): write plain text.
    conv.register_unstructure_hook(str, _plain_str)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_unstructure_hook(Decimal, _unstructure_decimal)
    conv.register_structure_hook(date, _structure_date)
    conv.register_unstructure_hook(date, date.isoformat)
    conv.register_structure_hook(enum.Enum, _structure_enum)
    conv.register_structure_hook(enum.StrEnum, _structure_enum)
    conv.register_unstructure_hook(enum.Enum, _enum_unstructure)
    conv.register_unstructure_hook(enum.StrEnum, _enum_unstructure)
    conv.register_structure_hook_factory(_is_optional, _union_factory)
    conv.register_structure_hook(ParamValue, _structure_param)
    conv.register_structure_hook(PathItem, _structure_path_item)
    conv.register_structure_hook_factory(
        lambda t: _is_homogeneous_tuple(t) or _is_frozenset(t), _collection_factory
    )
    conv.register_structure_hook_factory(_is_mapping, _mapping_factory)
    conv.register_unstructure_hook_factory(
        lambda t: _is_homogeneous_tuple(t) or _is_frozenset(t),
        _sequence_unstructure_factory,
    )
    conv.register_unstructure_hook_factory(_is_mapping, _mapping_unstructure_factory)
    conv.register_unstructure_hook_factory(_is_optional, _optional_unstructure_factory)
    conv.register_structure_hook_factory(_is_attrs, _attrs_structure_factory)
    conv.register_unstructure_hook_factory(_is_attrs, _attrs_unstructure_factory)
    conv.register_unstructure_hook(Money, _unstructure_money)
    return conv


#: The one configured converter. Only this module registers hooks on it.
converter = _make_converter()


# -- error reporting ------------------------------------------------------------
def _problems(exc: BaseException, path: tuple[PathItem, ...]) -> Iterator[str]:
    if isinstance(exc, BaseValidationError):
        if isinstance(exc, ClassValidationError | IterableValidationError):
            with_notes, without = exc.group_exceptions()
        else:  # pragma: no cover - cattrs raises only the two kinds above
            with_notes, without = [], list(exc.exceptions)
        for sub, note in with_notes:
            if isinstance(note, AttributeValidationNote):
                yield from _problems(sub, (*path, note.name))
            else:
                yield from _problems(sub, (*path, note.index))
        for sub in without:
            yield from _problems(sub, path)
    elif isinstance(exc, ForbiddenExtraKeysError):
        for key in sorted(exc.extra_fields):
            yield f"{render_path(path)}: {messages.UNKNOWN_KEY.format(key=repr(key))}"
    elif isinstance(exc, KeyError):
        yield f"{render_path(path)}: {messages.MISSING_KEY}"
    elif isinstance(exc, InvalidValueError | InvalidTypeError):
        where = (*path, exc.field) if exc.field else path
        yield f"{render_path(where)}: {exc}"
    else:
        yield f"{render_path(path)}: {exc}"


def _payload_error(exc: BaseException) -> PayloadError:
    problems = list(_problems(exc, ()))
    error = PayloadError(problems)
    error.__cause__ = exc
    return error


# -- public API -----------------------------------------------------------------
def to_dict(obj: Any, *, as_type: Any = None) -> Any:
    """Plain JSON data (dicts, lists, strings, numbers) for a value.

    Args:
        obj: Any public score_core value, or a tuple or list of them.
        as_type: The declared type to unstructure as (needed only for a
            collection whose items are of an abstract type).
    """
    if as_type is None:
        return converter.unstructure(obj)
    return converter.unstructure(obj, unstructure_as=as_type)


def from_dict(cls: type[T], data: object) -> T:
    """Load a value of type ``cls`` from plain JSON data, strictly.

    Args:
        cls: The type to load, such as ``Enterprise`` or
            ``tuple[Enterprise, ...]``.
        data: Data as :func:`json.loads` returns it.

    Raises:
        PayloadError: listing every problem with its JSON path. No other
            exception escapes for bad data.
        TypeError: for a ``cls`` score_core payloads do not use (misuse,
            not bad data), such as a union of several types, or a generic
            class without the type it holds (``Timeline`` for
            ``Timeline[Money]``): an :class:`~score_core.errors.InvalidTypeError`.
    """
    try:
        return converter.structure(data, cls)
    except StructureHandlerNotFoundError as exc:
        raise InvalidTypeError(_no_hook(cls, exc)) from exc
    except (
        BaseValidationError,
        ForbiddenExtraKeysError,
        ScoreError,
        _LoadError,
    ) as exc:
        raise _payload_error(exc) from exc


def _open_generic(tp: Any) -> Any:
    """The first generic class in ``tp`` written without its type argument."""
    if isinstance(tp, type) and len(getattr(tp, "__parameters__", ())):
        return tp
    for arg in typing.get_args(tp):
        found = _open_generic(arg)
        if found is not None:
            return found
    return None


def _no_hook(cls: Any, exc: Exception) -> str:
    generic = _open_generic(cls)
    if generic is None:
        return f"score_core cannot load {cls!r}: {exc}"
    name = generic.__name__
    return (
        f"cannot load {name} without the type it holds: write {name}[Money] "
        f"(or whichever type its values have)"
    )


class _DuplicateKeyError(ValueError):
    """An object with a key twice: JSON readers disagree on which one wins."""


class _Pairs(list[tuple[str, Any]]):
    """An object's key-value pairs in order, duplicates kept."""


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _DuplicateKeyError
    return result


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not valid JSON")


def _duplicates(text: str | bytes) -> list[str]:
    """Every key given twice in one object, with the object's path, in order."""
    tree = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_Pairs)
    problems: dict[str, None] = {}  # ordered, each once
    stack: list[tuple[Any, tuple[PathItem, ...]]] = [(tree, ())]
    while stack:  # iterative: the text may be nested deeply
        node, path = stack.pop()
        children: list[tuple[Any, tuple[PathItem, ...]]] = []
        if isinstance(node, _Pairs):
            seen: set[str] = set()
            for key, item in node:
                if key in seen:
                    twice = messages.KEY_TWICE.format(key=repr(key))
                    problems[f"{render_path(path)}: {twice}"] = None
                seen.add(key)
                children.append((item, (*path, key)))
        elif type(node) is list:
            children = [(item, (*path, i)) for i, item in enumerate(node)]
        stack.extend(reversed(children))
    return list(problems)


def _loads(text: str | bytes) -> Any:
    if not isinstance(text, str | bytes | bytearray):
        raise PayloadError([f"$: {messages.NOT_TEXT.format(type=type(text).__name__)}"])
    try:
        try:
            return json.loads(
                text, parse_constant=_reject_constant, object_pairs_hook=_object
            )
        except _DuplicateKeyError:
            problems = _duplicates(text)
    except RecursionError as exc:
        raise PayloadError([f"$: {messages.TOO_DEEP}"]) from exc
    except ValueError as exc:
        raise PayloadError([f"$: {messages.NOT_JSON.format(detail=exc)}"]) from exc
    raise PayloadError(problems)


_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")


def _escape_surrogate(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def _dumps(data: Any, indent: int | None) -> str:
    separators = (",", ":") if indent is None else (",", ": ")
    text = json.dumps(
        data, ensure_ascii=False, sort_keys=True, indent=indent, separators=separators
    )
    if text.isascii():
        return text
    # A lone surrogate (text such as "\ud800" read from JSON) is not a
    # character: written as is, the text could not be encoded as UTF-8.
    # Written as its escape, it reads back as the same string.
    return _SURROGATE_RE.sub(_escape_surrogate, text)


class _NoFast:
    """Stands for the ``fast`` extra when msgspec is not installed."""


#: The ``fast`` extra's msgspec paths (:mod:`score_core._fast`), made on first
#: use; None without msgspec, or to use the standard path only.
FAST: Any = _NoFast


def _fast() -> Any:
    global FAST  # made once, on first use
    if FAST is _NoFast:
        try:
            fast = importlib.import_module("score_core._fast")
        except ImportError:
            FAST = None
        else:
            FAST = fast.Fast(
                int_min=INT_MIN,
                int_max=INT_MAX,
                decimal_pattern=_DECIMAL_RE.pattern,
                decimal_text=_unstructure_decimal,
            )
    return FAST


def _classes(obj: Any) -> set[type]:
    """The classes of a value, or of the items of a tuple or list."""
    return set(map(type, obj)) if type(obj) in (tuple, list) else {type(obj)}


def _ours(classes: set[type]) -> bool:
    # A score_core value (or a tuple or list of them) unstructures to strings,
    # integers, booleans, null, lists and objects only; another library's
    # attrs class may hold floats.
    return all(
        attrs.has(cls) and cls.__module__.startswith("score_core.") for cls in classes
    )


def _declared(obj: Any, as_type: Any, classes: set[type]) -> bool:
    """True when ``as_type`` declares the very classes ``obj`` holds."""
    if as_type is None or as_type is type(obj):
        return True
    args = typing.get_args(as_type)
    if type(obj) in (tuple, list) and _origin(as_type) in (tuple, list):
        item = args[0] if args else None
        return all(cls is item for cls in classes)
    return False


def to_json(obj: Any, *, indent: int | None = None, as_type: Any = None) -> str:
    """JSON text for a value: sorted keys, UTF-8 text kept as is.

    With the ``fast`` extra (msgspec) installed, score_core values are
    encoded by msgspec, byte for byte as the standard library writes them;
    without it, or for anything msgspec cannot write identically, the
    standard library writes the text.

    Args:
        obj: Any public score_core value.
        indent: Spaces to indent by, or None for compact output.
        as_type: See :func:`to_dict`.
    """
    fast = _fast()
    classes = _classes(obj) if fast is not None else set()
    if fast is not None and _ours(classes):
        if _declared(obj, as_type, classes):
            text = fast.dump(
                obj, classes, lambda: to_dict(obj, as_type=as_type), indent
            )
        else:
            text = fast.encode_plain(to_dict(obj, as_type=as_type), indent)
        if text is not fast.MISS:
            return str(text)
    return _dumps(to_dict(obj, as_type=as_type), indent)


def from_json(cls: type[T], text: str | bytes) -> T:
    """Load a value of type ``cls`` from JSON text, strictly.

    With the ``fast`` extra (msgspec) installed, text is read by msgspec into
    the same values; anything it does not read exactly so (any problem at
    all) is read again the standard way, which reports it.

    Raises:
        PayloadError: for text that is not JSON, and for every problem
            :func:`from_dict` finds.
    """
    fast = _fast()
    if fast is not None:
        value = fast.load(cls, text)
        if value is not fast.MISS:
            return cast(T, value)
    return from_dict(cls, _loads(text))


# -- documents ------------------------------------------------------------------
_KINDS: dict[str, Any] = {}
_KIND_OF: dict[Any, str] = {}
_KIND_RE = re.compile(r"^[a-z][a-z0-9_]*(\[\])?$(?!\n)")
_BUILTIN_KINDS: list[bool] = []  # non-empty once the library's kinds are registered


def _builtin_kinds() -> None:
    # The library's own kinds are registered on first use, not at import:
    # they import every capability module, which ``import score_core`` does not.
    if not _BUILTIN_KINDS:
        _BUILTIN_KINDS.append(True)
        _register_builtin_kinds()


def register_kind(kind: str, cls: Any) -> None:
    """Name a document kind, so that :func:`dump_document` can wrap it.

    Args:
        kind: A lower-case name such as ``enterprise``; by convention
            ``enterprise[]`` names a list of them.
        cls: The type the kind holds.

    Raises:
        ValueError: for a malformed kind, or a kind already registered for
            another type.
    """
    _builtin_kinds()
    if not _KIND_RE.match(kind):
        raise InvalidValueError(f"document kind {kind!r} is not a lower-case name")
    if _KINDS.get(kind, cls) != cls:
        raise InvalidValueError(f"document kind {kind!r} is already registered")
    _KINDS[kind] = cls
    _KIND_OF.setdefault(cls, kind)


def document_kinds() -> Mapping[str, Any]:
    """Every registered document kind and the type it holds, sorted by kind."""
    _builtin_kinds()
    return MappingProxyType(dict(sorted(_KINDS.items())))


def kind_of(obj: Any) -> str:
    """The document kind of a value.

    Raises:
        InvalidValueError: when the value's type has no kind.
    """
    _builtin_kinds()
    try:
        return _KIND_OF[type(obj)]
    except KeyError:
        raise InvalidValueError(
            f"{type(obj).__name__} has no document kind; pass kind= explicitly"
        ) from None


def dump_document(obj: Any, *, kind: str | None = None) -> dict[str, Any]:
    """Wrap a value in the versioned envelope.

    >>> from score_core import Money
    >>> dump_document(Money.of("5", "USD"))
    {'schema': 'score_core', 'schema_version': 2, 'kind': 'money', 'data': {'amount': '5.00', 'currency': 'USD'}}
    """  # noqa: E501
    kind = kind_of(obj) if kind is None else kind
    _kind_type(kind)
    return {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "kind": kind,
        "data": to_dict(obj, as_type=_KINDS[kind]),
    }


def load_document(
    document: object,
    *,
    kind: str | None = None,
    migrations: Mapping[int, Callable[[dict[str, Any]], dict[str, Any]]] | None = None,
    bare: bool = False,
) -> Any:
    """Load a value from a versioned envelope, migrating older versions.

    With ``bare=True`` and a ``kind``, the kind's data without its envelope
    (what :func:`to_json` writes) is read too, as the current version; a
    list is read as the list kind (``enterprise[]`` for ``enterprise``) when
    there is one:

    >>> load_document('{"amount": "5", "currency": "USD"}', kind="money", bare=True)
    Money(amount=Decimal('5'), currency='USD')

    Args:
        document: The envelope, as a dict or as JSON text.
        kind: The kind expected; None accepts any registered kind.
        migrations: Upgrade steps (version ``n`` to ``n + 1``); the library's
            own steps by default.
        bare: Also read data without an envelope (needs ``kind``).

    Raises:
        UnsupportedSchemaVersionError: for a version newer than this library.
        PayloadError: for a malformed envelope or data.
        InvalidValueError: for ``bare=True`` without a kind or with a kind
            that is not registered.
    """
    if isinstance(document, str | bytes):
        found = _fast_document(document, None if kind is None else (kind,))
        if found is not _NoFast:
            return found[1]
        document = _loads(document)
    if bare:
        kind = _known_kind(kind)
        if not _is_envelope(document):
            many = f"{kind}[]"
            if type(document) is list and many in _KINDS:
                kind = many
            return from_dict(_KINDS[kind], document)
    steps = _migrations.MIGRATIONS if migrations is None else migrations
    envelope = _check_envelope(document, kind)
    data = _migrations.migrate(envelope, steps)["data"]
    return from_dict(_KINDS[envelope["kind"]], data)


def kinds_like(payload: object) -> tuple[str, ...]:
    """The document kinds whose shape a payload has, closest first: a guess from keys.

    An object is shaped like a kind when its type reads every key the object
    has (as its JSON Schema says); kinds whose required keys are all there
    come first, then those with the fewest fields the object lacks. A list
    of objects is shaped like ``kind[]`` when every item is shaped like
    ``kind``. Values are not looked at: this names what a file of the wrong
    kind seems to be, for messages; loading is what checks it.

    >>> kinds_like('{"amount": "12.50", "currency": "CNY"}')
    ('money',)
    >>> kinds_like([{"id": "E1", "name": "n", "headcount": 12}])
    ('enterprise[]',)
    >>> kinds_like({"colour": "blue"})
    ()

    Args:
        payload: JSON text, or data as :func:`json.loads` returns it.

    Raises:
        PayloadError: for text that is not JSON.
    """
    data = _loads(payload) if isinstance(payload, str | bytes) else payload
    if type(data) is dict:
        return _object_kinds(data)
    if type(data) is not list or not data:
        return ()
    first = _object_kinds(data[0]) if type(data[0]) is dict else ()
    common = set(first)
    for item in itertools.islice(data, 1, None):
        if not common:
            break
        common &= set(_object_kinds(item) if type(item) is dict else ())
    return tuple(f"{k}[]" for k in first if k in common and f"{k}[]" in _KINDS)


def load_many(cls: type[T], payload: object) -> tuple[T, ...]:
    """Load one value or a list of them, bare or in a document envelope.

    Tools receive both shapes: ``{...}``, ``[{...}, ...]``, or a document
    whose kind is ``cls``'s kind or its list kind (``enterprise`` or
    ``enterprise[]``).

    >>> from score_core import Money
    >>> load_many(Money, '[{"amount": "1", "currency": "CNY"}]')
    (Money(amount=Decimal('1'), currency='CNY'),)

    Args:
        cls: The type of each value.
        payload: JSON text, or data as :func:`json.loads` returns it.

    Raises:
        PayloadError: for anything that is not such a payload.
    """
    _builtin_kinds()
    if isinstance(payload, str | bytes):
        found = _fast_many(cls, payload)
        if found is not _NoFast:
            return cast(tuple[T, ...], found)
    data = _loads(payload) if isinstance(payload, str | bytes) else payload
    if _is_envelope(data):
        single = _KIND_OF.get(cls)
        kinds = None if single is None else (single, f"{single}[]")
        found = data.get("kind")
        if kinds is None or found not in kinds:
            raise PayloadError(
                [
                    f"$.kind: expected {' or '.join(kinds or ('a known kind',))}, "
                    f"got {_describe(found)}"
                ]
            )
        value = load_document(data, kind=found)
        return (value,) if found == single else cast(tuple[T, ...], value)
    if type(data) is list:
        return from_dict(tuple[cls, ...], data)  # type: ignore[valid-type]
    return (from_dict(cls, data),)


def _is_envelope(data: object) -> TypeGuard[dict[str, Any]]:
    return type(data) is dict and "schema" in data


def _known_kind(kind: str | None) -> str:
    if kind is None:
        raise InvalidValueError("reading bare data needs its kind")
    _kind_type(kind)
    return kind


def _kind_type(kind: str) -> Any:
    """The type a registered document kind holds.

    Raises:
        InvalidValueError: for a kind that is not registered, listing those
            that are.
    """
    _builtin_kinds()
    if kind not in _KINDS:
        raise InvalidValueError(
            messages.UNKNOWN_KIND.format(
                kind=repr(kind), kinds=", ".join(sorted(_KINDS))
            )
        )
    return _KINDS[kind]


_ENVELOPE_KEYS = frozenset({"schema", "schema_version", "kind", "data"})


def _bare(data: object, got: str) -> str:
    """What was got, with the kinds of data it looks like, if any."""
    like = kinds_like(data)
    if not like:
        return got
    return messages.BARE_DATA.format(got=got, like=" or ".join(like[:3]))


def _fast_document(text: str | bytes, kinds: tuple[str, ...] | None) -> Any:
    """The kind and value of a current document read by msgspec, or ``_NoFast``.

    Only a current document of one of ``kinds`` (any kind for None) is read
    so: older ones are migrated, and anything else is an error the standard
    path explains.
    """
    fast = _fast()
    if fast is None:
        return _NoFast
    found = fast.envelope(text)
    if found is fast.MISS:
        return _NoFast
    schema, version, kind, data = found
    _builtin_kinds()
    if (
        schema != SCHEMA
        or version != SCHEMA_VERSION
        or kind not in _KINDS
        or (kinds is not None and kind not in kinds)
    ):
        return _NoFast
    value = fast.load(_KINDS[kind], data)
    return _NoFast if value is fast.MISS else (kind, value)


_FIRST = re.compile(r"[ \t\n\r]*(.?)")
_FIRST_BYTE = re.compile(rb"[ \t\n\r]*(.?)")


def _fast_many(cls: Any, text: str | bytes) -> Any:
    """:func:`load_many` by msgspec, or ``_NoFast``."""
    fast = _fast()
    if fast is None:
        return _NoFast
    if isinstance(text, str):
        opens_list = _FIRST.match(text).group(1) == "["  # type: ignore[union-attr]
    else:
        opens_list = _FIRST_BYTE.match(text).group(1) == b"["  # type: ignore[union-attr]
    if opens_list:
        value = fast.load(tuple[cls, ...], text)
        return _NoFast if value is fast.MISS else value
    if not (attrs.has(cls) and "schema" in attrs.fields_dict(cls)):
        # An object that loads as cls has no "schema" key: no document.
        value = fast.load(cls, text)
        if value is not fast.MISS:
            return (value,)
    single = _KIND_OF.get(cls)
    if single is None:
        return _NoFast
    found = _fast_document(text, (single, f"{single}[]"))
    if found is _NoFast:
        return _NoFast
    kind, value = found
    return (value,) if kind == single else value


def _check_envelope(document: object, kind: str | None) -> dict[str, Any]:
    _builtin_kinds()
    if type(document) is not dict:
        got = _bare(document, _describe(document))
        expected = messages.EXPECTED.format(what="a document object", got=got)
        raise PayloadError([f"$: {expected}"])
    if not document.keys() & _ENVELOPE_KEYS:
        # Bare data, or another file: one problem, not one per key.
        got = _bare(document, "an object")
        if got == "an object":
            got = "an object with none of these keys"
        raise PayloadError([f"$: {messages.NOT_A_DOCUMENT.format(got=got)}"])
    problems: list[str] = []
    unknown = sorted(set(document) - {"schema", "schema_version", "kind", "data"})
    problems += [f"$: {messages.UNKNOWN_KEY.format(key=repr(key))}" for key in unknown]
    for key in ("schema", "schema_version", "kind", "data"):
        if key not in document:
            problems.append(f"$.{key}: {messages.MISSING_KEY}")
    if problems:
        raise PayloadError(problems)
    if document["schema"] != SCHEMA:
        problems.append(
            f"$.schema: expected {SCHEMA!r}, got {_describe(document['schema'])}"
        )
    version = document["schema_version"]
    if type(version) is not int or version < 1:
        problems.append(
            "$.schema_version: "
            + messages.EXPECTED.format(
                what="a positive integer", got=_describe(version)
            )
        )
    elif version > SCHEMA_VERSION:
        raise UnsupportedSchemaVersionError(
            [
                "$.schema_version: "
                + messages.NEWER.format(version=version, supported=SCHEMA_VERSION)
            ]
        )
    found = document["kind"]
    if type(found) is not str or found not in _KINDS:
        known = ", ".join(sorted(_KINDS))
        problems.append(
            "$.kind: "
            + messages.EXPECTED_ONE_OF.format(allowed=known, got=_describe(found))
        )
    elif kind is not None and found != kind:
        problems.append(f"$.kind: expected {kind!r}, got {found!r}")
    if problems:
        raise PayloadError(problems)
    return document


def _register_builtin_kinds() -> None:
    from score_core._public import PUBLIC

    for row in PUBLIC:
        if row.kind is not None:
            cls = getattr(importlib.import_module(f"score_core.{row.module}"), row.name)
            register_kind(row.kind, cls)
            if row.many:
                register_kind(f"{row.kind}[]", tuple[cls, ...])  # type: ignore[valid-type]
