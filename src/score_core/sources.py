"""The public sources behind score_core's rules and defaults.

Every rule, catalogue entry and profile parameter that comes from a source
cites one of these by its key, optionally with a locator such as a page
number. Keys are stable; the list is generated into the docs.

>>> from score_core.sources import get_source
>>> get_source("BJ-II").title
'ILO Beijing: SCORE Phase II China project page'
"""

from __future__ import annotations

import attrs

from score_core._data.sources import SOURCES
from score_core._registry import Registry
from score_core._validators import non_empty_str


__all__ = ["Source", "get_source", "register_source", "source_keys"]


@attrs.frozen(kw_only=True)
class Source:
    """A public source: a key used in citations, a title and where to read it.

    Attributes:
        key: Short stable key, such as ``MTE-II``.
        title: What the source is.
        url: Where it was read (public web page).
    """

    key: str = attrs.field(validator=non_empty_str)
    title: str = attrs.field(validator=non_empty_str)
    url: str = attrs.field(validator=non_empty_str)


_SOURCES: Registry[Source] = Registry("source")


def register_source(source: Source) -> Source:
    """Add a source to the registry, so that profiles and modules can cite it.

    Raises:
        ConfigurationError: when another source already has that key.
    """
    return _SOURCES.add(source.key, source)


def get_source(key: str) -> Source:
    """The registered source with this key.

    Raises:
        UnknownNameError: when no source has that key.
    """
    return _SOURCES.get(key)


def source_keys() -> tuple[str, ...]:
    """The keys of all registered sources, sorted."""
    return _SOURCES.names()


for _key, _title, _url in SOURCES:
    register_source(Source(key=_key, title=_title, url=_url))
