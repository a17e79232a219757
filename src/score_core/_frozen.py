"""An immutable, hashable, picklable mapping for the mapping fields of values."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TypeVar


K = TypeVar("K")
V = TypeVar("V")


class FrozenMap(Mapping[K, V]):
    """A read-only mapping: what every mapping field of a score_core value holds.

    Unlike ``types.MappingProxyType`` it hashes (when its values do) and
    pickles, so that values holding one do too.

    >>> from score_core import FrozenMap
    >>> m = FrozenMap({"M1": 2})
    >>> m["M1"], m == {"M1": 2}, hash(m) == hash(FrozenMap({"M1": 2}))
    (2, True, True)
    >>> m == [("M1", 2)]
    False
    """

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[K, V] | Iterable[tuple[K, V]] = ()) -> None:
        self._data: dict[K, V] = dict(data)

    def __getitem__(self, key: K) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        return hash(frozenset(self._data.items()))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return self._data == dict(other.items())
        return NotImplemented

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenMap, (self._data,))


def freeze(value: Mapping[K, V]) -> FrozenMap[K, V]:
    """``value`` as a :class:`FrozenMap` (itself when it is one)."""
    return value if isinstance(value, FrozenMap) else FrozenMap(value)
