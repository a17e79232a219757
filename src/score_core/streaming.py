r"""JSON Lines: values read one line at a time, registries screened in constant memory.

A national registry of a million enterprises is best kept as JSON Lines: one
enterprise a line, as :func:`~score_core.to_json` writes it. :func:`iter_jsonl`
reads any iterable of lines (an open file, standard input, a list of strings)
one line at a time, so memory does not grow with the file. A bad line is
reported with its number and every problem's JSON path, and the caller
chooses whether the rest go on:

>>> from score_core import Enterprise
>>> from score_core.streaming import LineError, iter_jsonl
>>> lines = ['{"id": "E1", "name": "Pump Co", "headcount": 120, "country": "CN"}',
...          '{"id": "E2", "name": "Gear Works", "headcount": "many"}',
...          '',
...          '{"id": "E3", "name": "Mill", "headcount": 480, "country": "CN"}']
>>> for item in iter_jsonl(Enterprise, lines, on_error="yield"):
...     print(item if isinstance(item, LineError) else item.id)
E1
line 2: $.headcount: expected an integer, got the string 'many'
E3

:func:`screen_jsonl` screens such lines one enterprise at a time and keeps
only the counts, a :class:`~score_core.eligibility.ScreeningSummary`.
Summaries add, so the parts of a registry screened apart (on Dask workers,
in a process pool) combine exactly into the whole's counts:

>>> from score_core.streaming import screen_jsonl
>>> bad = []
>>> summary = screen_jsonl(lines, on_error=bad.append, baseline_modules=())
>>> print(summary)
2 screened: eligible 2, ineligible 0, needs_review 0
>>> [error.line for error in bad]
[2]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Literal, TypeVar, Unpack, overload

import attrs

from score_core._validators import int_at_least, items_of, optional_non_empty_str
from score_core.eligibility import ScreeningSummary, ScreenRules, screen
from score_core.enterprises import Enterprise
from score_core.errors import InvalidValueError, PayloadError
from score_core.serialization import load_many


__all__ = ["LineError", "iter_jsonl", "screen_jsonl"]

T = TypeVar("T")

_BOM = "\ufeff"
_BOM_BYTES = _BOM.encode("utf-8")


def _to_errors(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class LineError:
    """A line of JSON Lines that could not be loaded, and why.

    Attributes:
        line: The line's number, from 1 (blank lines count).
        errors: Every problem, each starting with its JSON path within the
            line, as in :attr:`PayloadError.errors
            <score_core.errors.PayloadError>`.
        source: The file or stream the line came from, when the reader was
            told (:func:`iter_jsonl`'s ``source``).
    """

    line: int = attrs.field(validator=int_at_least(1))
    errors: tuple[str, ...] = attrs.field(converter=_to_errors, validator=items_of(str))
    source: str | None = attrs.field(default=None, validator=optional_non_empty_str)

    @property
    def where(self) -> str:
        """``line 7``, or ``registry.jsonl, line 7`` with a source."""
        line = f"line {self.line}"
        return line if self.source is None else f"{self.source}, {line}"

    @property
    def problems(self) -> tuple[str, ...]:
        """Each problem prefixed with where it is: ``line 7: $.headcount: ...``."""
        return tuple(f"{self.where}: {error}" for error in self.errors)

    def __str__(self) -> str:
        return "\n".join(self.problems)


OnError = Literal["raise", "yield"]


@overload
def iter_jsonl(
    cls: type[T],
    lines: Iterable[str | bytes],
    *,
    on_error: Literal["raise"] = "raise",
    source: str | None = None,
) -> Iterator[T]: ...


@overload
def iter_jsonl(
    cls: type[T],
    lines: Iterable[str | bytes],
    *,
    on_error: Literal["yield"],
    source: str | None = None,
) -> Iterator[T | LineError]: ...


def iter_jsonl(
    cls: type[T],
    lines: Iterable[str | bytes],
    *,
    on_error: OnError = "raise",
    source: str | None = None,
) -> Iterator[T] | Iterator[T | LineError]:
    """Load values of type ``cls`` from JSON Lines, one line at a time.

    Each line holds what :func:`~score_core.serialization.load_many` reads:
    usually one object, but a list or a document (of ``cls``'s kind or its
    list kind) gives its values in order. Blank lines are skipped (and
    counted), and a UTF-8 byte order mark before the first line is ignored.
    Nothing is read before it is asked for, and nothing is kept after it is
    given, so memory does not grow with the number of lines.

    Args:
        cls: The type of each value, such as ``Enterprise``.
        lines: Any iterable of lines, text or bytes: an open file (text or
            binary), ``sys.stdin``, a list of strings.
        on_error: ``"raise"`` (the default) stops at the first bad line with
            a :class:`~score_core.errors.PayloadError` whose every problem
            starts with the line (``line 7: $.headcount: ...``); the values
            of the lines before it have been given. ``"yield"`` gives a
            :class:`LineError` in the bad line's place and goes on.
        source: A name for the lines (a file name), put in each error.

    Raises:
        PayloadError: with ``on_error="raise"``, at the first bad line.
        InvalidValueError: at once, for an ``on_error`` that is neither.
    """
    if on_error not in ("raise", "yield"):
        raise InvalidValueError(
            f"on_error must be 'raise' or 'yield', got {on_error!r}"
        )
    return _values(cls, lines, keep_going=on_error == "yield", source=source)


def _values(
    cls: type[T], lines: Iterable[str | bytes], *, keep_going: bool, source: str | None
) -> Iterator[T | LineError]:
    for number, line in enumerate(lines, 1):
        text = line
        if number == 1:
            text = (
                text.removeprefix(_BOM)
                if isinstance(text, str)
                else text.removeprefix(_BOM_BYTES)
            )
        if not text.strip():
            continue
        try:
            values = load_many(cls, text)
        except PayloadError as exc:
            error = LineError(line=number, errors=exc.errors, source=source)
            if not keep_going:
                raise PayloadError(error.problems) from exc
            _forget_frames(exc)
            yield error
            continue
        yield from values


def _forget_frames(exc: BaseException) -> None:
    """Drop the tracebacks of an exception and of every exception behind it.

    The loader's exceptions hold the frames they passed through, and those
    frames hold the exceptions: a cycle that only the garbage collector
    frees, late. A bad line's error keeps its text only, so its exceptions
    are let go at once, and a registry with many bad lines is read in the
    memory of one.
    """
    stack: list[BaseException | None] = [exc]
    seen: set[int] = set()
    while stack:
        item = stack.pop()
        if item is None or id(item) in seen:
            continue
        seen.add(id(item))
        item.__traceback__ = None
        stack += [item.__cause__, item.__context__, *getattr(item, "exceptions", ())]


def _good(
    items: Iterable[Enterprise | LineError],
    on_error: Callable[[LineError], object],
) -> Iterator[Enterprise]:
    for item in items:
        if isinstance(item, LineError):
            on_error(item)
        else:
            yield item


def screen_jsonl(
    lines: Iterable[str | bytes],
    *,
    on_error: Callable[[LineError], object] | None = None,
    source: str | None = None,
    **rules: Unpack[ScreenRules],
) -> ScreeningSummary:
    """Screen a registry in JSON Lines, one enterprise at a time: the counts.

    Each enterprise is read, screened with the rules of
    :func:`~score_core.check_eligibility` and dropped; only the counts are
    kept (as :meth:`Screening.run <score_core.eligibility.Screening.run>`
    does), so memory does not grow with the number of lines. To have each
    enterprise's explanation instead, iterate
    ``screen(iter_jsonl(Enterprise, lines), ...)``.

    Args:
        lines: One enterprise a line (see :func:`iter_jsonl`).
        on_error: Called with the :class:`LineError` of each bad line, and
            the rest go on (``errors.append`` collects them; a function
            that raises stops the screening). None, the default, raises a
            :class:`~score_core.errors.PayloadError` at the first bad line.
        source: A name for the lines, put in each error.
        rules: The rules of the screening, as :func:`~score_core.screen`
            takes them (:class:`~score_core.eligibility.ScreenRules`:
            ``profile``, ``module``, ``records``, ``on``, ``mode``,
            ``baseline_modules``). Records are held in memory: they are the
            records of enterprises already in the programme.

    Raises:
        PayloadError: at the first bad line, without ``on_error``.
        NotInForceError: at once, in STRICT mode, when the profile is not in
            force.
    """
    enterprises: Iterable[Enterprise]
    if on_error is None:
        enterprises = iter_jsonl(Enterprise, lines, source=source)
    else:
        items = iter_jsonl(Enterprise, lines, on_error="yield", source=source)
        enterprises = _good(items, on_error)
    return screen(enterprises, **rules).run()
