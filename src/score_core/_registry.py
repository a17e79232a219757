"""A named registry: the one pattern behind sources, currencies, codes and more.

Catalogues and profiles are registered the same way.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Generic, TypeVar

from score_core._data import messages
from score_core.errors import ConfigurationError, UnknownNameError


T = TypeVar("T")


class Registry(Generic[T]):
    """Items by name.

    Registering the same item twice is allowed; a different one under a taken
    name is not (and no second item at all when ``unique``).

    Args:
        what: What the items are, for messages (``profile``).
        unique: When True, a name can be registered only once.
        register: The function that registers one, named in the
            unknown-name message.
    """

    def __init__(self, what: str, *, unique: bool = False, register: str = "") -> None:
        self._what = what
        self._unique = unique
        self._register = register
        self._items: dict[str, T] = {}

    def add(self, name: str, item: T) -> T:
        """Register ``item`` as ``name``; returns it.

        Raises:
            ConfigurationError: when the name is taken (by another item, or at
                all when the registry is unique).
        """
        existing = self._items.get(name)
        if existing is not None and (self._unique or existing != item):
            raise ConfigurationError(
                f"a {'' if self._unique else 'different '}{self._what} named "
                f"{name!r} is already registered"
            )
        self._items[name] = item
        return item

    def get(self, name: str) -> T:
        """The item registered as ``name``.

        Raises:
            UnknownNameError: when nothing is registered as ``name``.
        """
        try:
            return self._items[name]
        except (KeyError, TypeError):
            refusal = messages.UNKNOWN_NAME.format(
                what=self._what, name=repr(name), names=", ".join(self.names())
            )
            if self._register:
                refusal = messages.REGISTER_IT.format(
                    refusal=refusal, function=f"{self._register}()"
                )
            raise UnknownNameError(refusal) from None

    def names(self) -> tuple[str, ...]:
        """The registered names, sorted."""
        return tuple(sorted(self._items))

    def __contains__(self, name: object) -> bool:
        return name in self._items

    def __iter__(self) -> Iterator[str]:
        return iter(self.names())


def one_of(
    items: Sequence[T], key: str, wanted: object, *, owner: str, what: str = ""
) -> T:
    """The first of ``items`` whose attribute ``key`` is ``wanted``.

    ``what`` names the items in the refusal (the key's name by default).

    Raises:
        UnknownNameError: when none is, naming the owner and what it has.
    """
    for item in items:
        if getattr(item, key) == wanted:
            return item
    have = ", ".join(str(getattr(item, key)) for item in items) or "none"
    raise UnknownNameError(f"{owner} has no {what or key} {wanted!r}; it has {have}")
