"""Exceptions: values that cannot exist, misuse, and payloads that cannot be loaded.

score_core has two channels that never mix.
Exceptions (this module) are for values that cannot exist and for misuse.
Findings (:mod:`score_core.findings`) are for valid values that break a
programme rule; rule checks *return* them.

Every exception derives from :class:`ScoreError` and also from the builtin a
caller would naturally catch, so ``except ValueError`` keeps working:

>>> from score_core import Money
>>> from score_core.errors import InvalidValueError
>>> try:
...     Money(amount=1.5, currency="CNY")
... except TypeError as exc:
...     print(type(exc).__name__, "-", exc)
InvalidTypeError - Money.amount must be a Decimal or an int, not float (1.5)
>>> issubclass(InvalidValueError, ValueError)
True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from score_core._data import messages


if TYPE_CHECKING:
    from score_core.findings import RuleViolation


__all__ = [
    "AllocationError",
    "ConfigurationError",
    "CurrencyMismatchError",
    "InvalidTypeError",
    "InvalidValueError",
    "NoWorkingDayError",
    "NotInForceError",
    "PayloadError",
    "PlanningError",
    "RuleViolationError",
    "SHOWN_PROBLEMS",
    "ScoreError",
    "TransitionError",
    "UnknownNameError",
    "UnsupportedSchemaVersionError",
]


class ScoreError(Exception):
    """The root of every exception score_core raises on purpose."""

    #: A stable identifier of the kind of error, for logs and tools.
    code: str = "score_error"


class _FieldError(ScoreError):
    """An error about one field of a value: its message and the field's name."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class InvalidValueError(_FieldError, ValueError):
    """A value, or a combination of values, that cannot exist.

    Raised when a value object is built. The message names the class, the
    field and the offending value.

    Args:
        message: What is wrong, naming the field and the value.
        field: The name of the offending field, when there is one.
    """

    code = "invalid_value"


class TransitionError(InvalidValueError):
    """An impossible step in an enterprise's journey.

    For example, completing a module whose workshop was not attended.
    """

    code = "transition"


class InvalidTypeError(_FieldError, TypeError):
    """A value of the wrong type, such as a float where money is expected.

    Args:
        message: What is wrong, naming the field and the value.
        field: The name of the offending field, when there is one.
    """

    code = "invalid_type"


class ConfigurationError(ScoreError, ValueError):
    """An inconsistent configuration: a catalogue, profile or registry entry."""

    code = "configuration"


class UnknownNameError(ScoreError, LookupError):
    """A name (a profile, a catalogue, a module, a currency) that is not known."""

    code = "unknown_name"


class NotInForceError(ScoreError, LookupError):
    """A dated value was asked for on a date when nothing is in force (strict mode).

    Only raised when strict resolution is asked for; by default the nearest
    value is used with a warning finding.

    Args:
        detail: What has no value on which date, and what is declared.
        hint: How the caller gets an answer instead, in the caller's own
            terms (a Python argument; front ends such as the CLI replace it
            with their flag through :meth:`with_hint`).

    Attributes:
        detail: The message without the hint.
        hint: The hint.
    """

    code = "not_in_force"

    def __init__(self, detail: str, *, hint: str = "") -> None:
        super().__init__(f"{detail}; {hint}" if hint else detail)
        self.detail = detail
        self.hint = hint

    def with_hint(self, hint: str) -> NotInForceError:
        """The same error with another hint (a front end's own spelling)."""
        return NotInForceError(self.detail, hint=hint)


class CurrencyMismatchError(ScoreError, TypeError):
    """Money of two different currencies was combined."""

    code = "currency_mismatch"


class NoWorkingDayError(ScoreError, LookupError):
    """No working day lies within the search bound of a calendar search."""

    code = "no_working_day"


class AllocationError(ScoreError, ValueError):
    """Money cannot be allocated with the ratios given."""

    code = "allocation"


#: How many problems the message of a :class:`PayloadError` lists; the rest
#: are counted. A file of the wrong kind can hold a million problems, and a
#: message of all of them is no help to anyone reading it.
#: :attr:`PayloadError.errors` always holds every problem.
SHOWN_PROBLEMS = 20


class PayloadError(ScoreError, ValueError):
    """A payload could not be loaded.

    ``errors`` lists every problem found, each as ``"$.path: reason"``. The
    message counts them and lists the first :data:`SHOWN_PROBLEMS` (or
    ``shown``), then how many more there are; :meth:`describe` writes it
    with another limit. The underlying cattrs error, if any, is the
    ``__cause__``.

    >>> error = PayloadError([f"$[{n}]: expected an object" for n in range(3)])
    >>> print(error.describe(shown=1))
    3 problems in payload:
      $[0]: expected an object
      ... and 2 more
    >>> len(error.errors)
    3

    Args:
        errors: One line per problem, each starting with its JSON path.
        shown: How many problems the message lists (None: all).

    Attributes:
        errors: Every problem.
        shown: How many problems the message lists.
    """

    code = "payload"

    def __init__(
        self, errors: Sequence[str], *, shown: int | None = SHOWN_PROBLEMS
    ) -> None:
        self.errors: tuple[str, ...] = tuple(errors)
        self.shown = shown
        super().__init__(self.describe(shown=shown))

    def __str__(self) -> str:
        return self.describe(shown=self.shown)

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt from its problems (not from its message), as it was.
        return (type(self), (self.errors,), self.__dict__)

    def describe(self, *, shown: int | None = SHOWN_PROBLEMS) -> str:
        """The count of problems, the first ``shown`` (None: all), the rest's count.

        Raises:
            InvalidValueError: for a negative ``shown``.
        """
        count = len(self.errors)
        if shown is None:
            shown = count
        elif shown < 0:
            raise InvalidValueError(f"shown must be 0 or more, not {shown}")
        head = messages.PROBLEMS if count != 1 else messages.ONE_PROBLEM
        lines = [head.format(count=f"{count:,}")]
        lines += [f"  {e}" for e in self.errors[:shown]]
        if count > shown:
            lines.append(
                "  " + messages.MORE_PROBLEMS.format(count=f"{count - shown:,}")
            )
        return "\n".join(lines)


class UnsupportedSchemaVersionError(PayloadError):
    """A document's schema version is newer than this library understands."""

    code = "unsupported_schema_version"


class RuleViolationError(ScoreError, ValueError):
    """Raised by :meth:`score_core.Report.raise_for_violations` on request only.

    Also a ``ValueError``: a valid value that breaks the rules it was asked
    to keep.

    Args:
        violations: The findings that caused the error.
    """

    code = "rule_violation"

    def __init__(self, violations: Sequence[RuleViolation]) -> None:
        self.violations: tuple[RuleViolation, ...] = tuple(violations)
        lines = [f"[{v.code}] {v.message} @ {v.path_str}" for v in self.violations]
        super().__init__("\n".join(lines))


class PlanningError(RuleViolationError):
    """No plan keeps the rules; ``violations`` say why.

    Raised by :func:`score_core.plan_module` instead of returning a plan that
    breaks its own rules (a window too short for the visits, a year the
    calendar does not cover, an unconfirmed year in strict mode).
    """

    code = "planning"
