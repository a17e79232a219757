"""The ``score-core`` command (also ``python -m score_core``).

Exit status: 0 when all is well, 1 when the rules found errors, 2 for bad
input or usage (the message goes to standard error). The command only calls
the library; no rule lives here.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import itertools
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any

from score_core._cli.demo import demo_text
from score_core._cli.render import (
    N_,
    aggregates_table,
    catalogue_table,
    eligibility_table,
    fit,
    head_counts,
    plan_text,
    profile_text,
    profiles_table,
    quote_text,
    report_table,
    summary_text,
)
from score_core._cli.words import (
    CANNOT_READ,
    CANNOT_WRITE,
    COUNT_ERROR,
    DATE_ERROR,
    EXPECTED_ONE,
    JSON_OR_CSV,
    MOMENT_ERROR,
    Parser,
    input_error,
)
from score_core._data import messages
from score_core.calendars import FixedCalendar, WorkCalendar, get_calendar
from score_core.catalogue import default_catalogue, get_catalogue
from score_core.eligibility import (
    BASELINE_MODULES,
    EligibilityResult,
    Screening,
    ScreeningSummary,
    Status,
    screen,
)
from score_core.enterprises import Enterprise
from score_core.errors import (
    SHOWN_PROBLEMS,
    NotInForceError,
    PayloadError,
    PlanningError,
    ScoreError,
)
from score_core.findings import Report
from score_core.i18n import (
    Language,
    language,
    locale_from_environ,
    localized_error,
)
from score_core.ical import to_ical
from score_core.journey import EnterpriseRecord
from score_core.monitoring import (
    AggregateSet,
    IndicatorSet,
    Measurement,
    aggregate,
    changes,
    check_measurements,
    default_indicators,
    results_report,
)
from score_core.parameters import Resolution
from score_core.pricing import (
    CostModel,
    FundingPolicy,
    Quote,
    example_cost_model,
    example_funding_policy,
    quote,
)
from score_core.profiles import get_profile, profile_names
from score_core.schema import json_schema
from score_core.season import Season, check_season
from score_core.serialization import (
    SCHEMA_VERSION,
    _kind_type,
    document_kinds,
    dump_document,
    kinds_like,
    load_document,
    load_many,
    to_json,
)
from score_core.streaming import LineError, iter_jsonl
from score_core.tables import columns, rows
from score_core.visits import ModulePlan, plan_module
from score_core.workshops import Workshop, check_workshop


__all__ = ["main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

_Handler = Callable[[argparse.Namespace], int]


def _demo(args: argparse.Namespace) -> int:
    # The command line is the edge that may read the clock; the library never does.
    print(demo_text(args.on or datetime.now(UTC).date(), args.lang))
    return EXIT_OK


def _modules(args: argparse.Namespace) -> int:
    _ = args.lang.gettext
    catalogue = (
        default_catalogue() if args.catalogue is None else get_catalogue(args.catalogue)
    )
    if args.json:
        print(to_json(dump_document(catalogue), indent=2))
    else:
        print(
            _("catalogue {name}: {count} modules").format(
                name=catalogue.name, count=len(catalogue)
            )
        )
        print(catalogue_table(catalogue, lang=args.lang))
    return EXIT_OK


def _profiles(args: argparse.Namespace) -> int:
    if args.name is None:
        profiles = [get_profile(name) for name in profile_names()]
        if args.json:
            print(to_json(dump_document(tuple(profiles), kind="profile[]"), indent=2))
        else:
            print(profiles_table(profiles, lang=args.lang))
        return EXIT_OK
    profile = get_profile(args.name)
    print(
        to_json(dump_document(profile), indent=2)
        if args.json
        else profile_text(profile, lang=args.lang)
    )
    return EXIT_OK


class _InputError(Exception):
    """A file that cannot be read or parsed, named in the message.

    A payload's problems are listed when the message is shown, up to the
    subcommand's ``--max-errors``.
    """

    def __init__(self, message: str, problems: PayloadError | None = None) -> None:
        super().__init__(message)
        self.problems = problems

    def render(self, shown: int, lang: Language) -> str:
        if self.problems is None:
            return input_error(lang, str(self))
        return f"{self}: {_listing(self.problems, shown, lang)}"


def _listing(error: PayloadError, shown: int, lang: Language) -> str:
    """The problems of a payload, the first ``shown`` of them (0: all)."""
    text = localized_error(error.describe(shown=shown or None), lang.locale)
    if shown and len(error.errors) > shown:
        text += " " + lang.gettext(N_("(--max-errors 0 lists them all)"))
    return text


def _read(path: str) -> bytes:
    try:
        return sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        raise _InputError(
            CANNOT_READ.format(path=path, reason=exc.strerror or exc)
        ) from None


def _load(cls: type, path: str) -> tuple:  # type: ignore[type-arg]
    return _parse(cls, path, _read(path))


def _parse(cls: type, path: str, data: bytes) -> tuple:  # type: ignore[type-arg]
    try:
        return load_many(cls, data)
    except PayloadError as exc:
        raise _InputError(path, exc) from None


def _mode(args: argparse.Namespace) -> Resolution:
    return Resolution.STRICT if args.strict else Resolution.LENIENT


#: What a strict-mode refusal tells a CLI user (instead of the Python argument).
CLI_STRICT_HINT = N_(
    "--strict was given; drop it to use the nearest value with a warning"
)


def _records(args: argparse.Namespace) -> dict[str, EnterpriseRecord]:
    if not args.records:
        return {}
    return {r.enterprise_id: r for r in _load(EnterpriseRecord, args.records)}


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(DATE_ERROR.format(value=repr(text))) from None


#: Files read as JSON Lines whatever their first lines look like.
_LINES_SUFFIXES = (".jsonl", ".ndjson")


@contextlib.contextmanager
def _opened(path: str) -> Iterator[IO[bytes]]:
    if path == "-":
        yield sys.stdin.buffer
        return
    try:
        stream = Path(path).open("rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise _InputError(
            CANNOT_READ.format(path=path, reason=exc.strerror or exc)
        ) from None
    with stream:
        yield stream


def _next_line(stream: Iterator[bytes], head: list[bytes]) -> bytes | None:
    """The next line that is not blank, kept in ``head`` with the blank ones."""
    for line in stream:
        head.append(line)
        if line.strip():
            return line
    return None


def _lines_or_text(
    path: str, stream: IO[bytes]
) -> tuple[Iterator[bytes] | None, bytes]:
    """JSON Lines, read as they come, or one JSON text, read whole.

    A ``.jsonl`` (or ``.ndjson``) file is JSON Lines. Any other input is too
    when its first line is a JSON value by itself and a second line follows;
    otherwise (a JSON text over many lines, or one line) it is read whole,
    as it always was.
    """
    lines = iter(stream)
    if path.lower().endswith(_LINES_SUFFIXES):
        return lines, b""
    head: list[bytes] = []
    first = _next_line(lines, head)
    second = None if first is None else _next_line(lines, head)
    if first is not None and second is not None:
        try:
            json.loads(first)
        except (ValueError, RecursionError):
            pass
        else:
            return itertools.chain(head, lines), b""
    return None, b"".join(head) + stream.read()


class _BadLines:
    """Reports bad lines on standard error as they come, the first few in full."""

    SHOWN = 20
    PROBLEMS = 10

    def __init__(self, command: str, lang: Language, *, stop: bool) -> None:
        self.command = command
        self.lang = lang
        self.stop = stop
        self.count = 0

    def keep(self, items: Iterable[Any]) -> Iterator[Any]:
        """The values, with each bad line reported (or raised, to stop)."""
        _ = self.lang.gettext
        for item in items:
            if not isinstance(item, LineError):
                yield item
                continue
            self.count += 1
            where = self._where(item)
            listing = localized_error(
                PayloadError(item.errors, shown=self.PROBLEMS), self.lang.locale
            )
            if self.stop:
                raise _InputError(f"{where}: {listing}")
            if self.count <= self.SHOWN:
                print(
                    f"score-core {self.command}: "
                    + _("{where} skipped: {listing}").format(
                        where=where, listing=listing
                    ),
                    file=sys.stderr,
                )

    def _where(self, item: LineError) -> str:
        _ = self.lang.gettext
        line = _("line {number}").format(number=item.line)
        # The command names every stream it reads: "-" is standard input.
        source = item.source if item.source not in (None, "-") else _("standard input")
        return f"{source}, {line}"

    def close(self) -> int:
        """Say how many lines were skipped; the exit status they call for."""
        if not self.count:
            return EXIT_OK
        _ = self.lang.gettext
        text = (
            _("{count} bad line(s) skipped (the first {shown} shown)")
            if self.count > self.SHOWN
            else _("{count} bad line(s) skipped")
        )
        print(
            f"score-core {self.command}: "
            + text.format(count=self.count, shown=self.SHOWN),
            file=sys.stderr,
        )
        return EXIT_USAGE


def _jsonl(cls: type, path: str, lines: Iterator[bytes], bad: _BadLines) -> Any:
    return bad.keep(iter_jsonl(cls, lines, on_error="yield", source=path))


def _write_csv(cls: type, values: object) -> None:
    writer = csv.DictWriter(sys.stdout, columns(cls), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows(values))


def _findings_aside(report: Report, lang: Language) -> None:
    """Findings beside CSV output: on standard error, so the CSV stays a table."""
    if report.violations:
        print(report_table(report, lang=lang), file=sys.stderr)


def _one_output(args: argparse.Namespace) -> None:
    if args.json and args.csv:
        raise _InputError(JSON_OR_CSV)


def _check_records(args: argparse.Namespace) -> dict[str, EnterpriseRecord]:
    if not args.records:
        return {}
    # JSON or JSON Lines, held in memory by id; a bad record stops the command.
    with _opened(args.records) as stream:
        lines, text = _lines_or_text(args.records, stream)
        if lines is None:
            found = _parse(EnterpriseRecord, args.records, text)
        else:
            stop = _BadLines(args.command, args.lang, stop=True)
            found = _jsonl(EnterpriseRecord, args.records, lines, stop)
        return {r.enterprise_id: r for r in found}


def _check(args: argparse.Namespace) -> int:
    _one_output(args)
    records = _check_records(args)
    profile = get_profile(args.profile)
    bad = _BadLines(args.command, args.lang, stop=args.stop_on_error)
    with _opened(args.file) as stream:
        lines, text = _lines_or_text(args.file, stream)
        enterprises = (
            _parse(Enterprise, args.file, text)
            if lines is None
            else _jsonl(Enterprise, args.file, lines, bad)
        )
        screening = screen(
            enterprises,
            profile=profile,
            module=args.module,
            records=records,
            on=args.on,
            mode=_mode(args),
            baseline_modules=() if args.no_baseline else BASELINE_MODULES,
        )
        if args.summary:
            _print_summary(args, screening.run())
        elif args.csv:
            _write_csv(EligibilityResult, screening)
        elif lines is None:
            _check_whole(args, enterprises, screening)
        else:
            _check_lines(args, screening)
    status = bad.close()
    summary = screening.summary
    if status == EXIT_OK and summary.by_status[Status.ELIGIBLE] != summary.total:
        status = EXIT_FINDINGS
    return status


def _print_summary(args: argparse.Namespace, summary: ScreeningSummary) -> None:
    if args.json:
        print(to_json(dump_document(summary), indent=2))
    elif args.csv:
        _write_csv(ScreeningSummary, summary)
    else:
        print(fit(summary_text(summary, args.lang)))


def _check_whole(
    args: argparse.Namespace,
    enterprises: tuple[Enterprise, ...],
    screening: Screening,
) -> None:
    results = tuple(screening)
    if args.json:
        print(to_json(dump_document(results, kind="eligibility_result[]"), indent=2))
    else:
        print(eligibility_table(enterprises, results, lang=args.lang))
        print(fit(summary_text(screening.summary, args.lang)))


def _check_lines(args: argparse.Namespace, screening: Screening) -> None:
    # JSON Lines in, one result a line out, as each is screened.
    lang = args.lang
    for result in screening:
        if args.json:
            print(to_json(result))
        else:
            why = lang.gettext("; ").join(lang.message(v) for v in result.violations)
            status = lang.token("status", result.status.value)
            print(fit(f"{result.enterprise_id}  {status}  {why or '-'}"))
    if not args.json:
        print(fit(summary_text(screening.summary, lang)))


def _workshop(args: argparse.Namespace) -> int:
    (workshop,) = _load_one(Workshop, args.file)
    records = _records(args)
    calendar = None
    if args.calendar:
        (calendar,) = _load_one(FixedCalendar, args.calendar)
    report = check_workshop(
        workshop,
        profile=get_profile(args.profile),
        records=records,
        calendar=calendar,
        on=args.on,
        mode=_mode(args),
    )
    if args.json:
        print(to_json(dump_document(report), indent=2))
    else:
        _ = args.lang.gettext
        print(
            fit(
                _(
                    "workshop {workshop}: module {module}, {enterprises} enterprises, "
                    "{participants} participants ({managers} managers, {workers} "
                    "workers; {women} women, {men} men)"
                ).format(
                    workshop=workshop.id,
                    module=workshop.module,
                    **head_counts(workshop),
                )
            )
        )
        print(report_table(report, lang=args.lang))
    return EXIT_OK if report.ok else EXIT_FINDINGS


def _plan(args: argparse.Namespace) -> int:
    _ = args.lang.gettext
    _one_output(args)
    profile = get_profile(args.profile)
    subject: Workshop | tuple[Enterprise, ...]
    if args.workshop:
        (shop,) = _load_one(Workshop, args.file)
        subject, start = shop, args.earliest or shop.first_day
    else:
        subject = _load(Enterprise, args.file)
        if args.earliest is None:
            raise _InputError(_("planning for enterprises needs --earliest YYYY-MM-DD"))
        start = args.earliest
    calendar: WorkCalendar
    if args.calendar:
        (calendar,) = _load_one(FixedCalendar, args.calendar)
    else:
        calendar = get_calendar(
            profile.calendar, years=range(start.year - 1, start.year + 3)
        )
    try:
        plan = plan_module(
            subject,
            calendar=calendar,
            module=args.module or (None if args.workshop else "M1"),
            profile=profile,
            earliest=args.earliest,
            stagger=args.stagger,
            mode=_mode(args),
        )
    except PlanningError as exc:
        report = Report(violations=exc.violations)
        if args.json:
            print(to_json(dump_document(report), indent=2))
        else:
            out = sys.stderr if args.csv else sys.stdout
            print(_("no plan keeps the rules:"), file=out)
            print(report_table(report, lang=args.lang), file=out)
        return EXIT_FINDINGS
    if args.ics:
        stamp = args.stamp or datetime.now(UTC)
        try:
            Path(args.ics).write_text(
                to_ical(plan, stamp=stamp, locale=args.lang.locale),
                encoding="utf-8",
                newline="",
            )
        except OSError as exc:
            raise _InputError(
                CANNOT_WRITE.format(path=args.ics, reason=exc.strerror or exc)
            ) from None
    if args.json:
        print(to_json(dump_document(plan), indent=2))
    elif args.csv:
        _write_csv(ModulePlan, plan)
        _findings_aside(plan.findings, args.lang)
    else:
        print(plan_text(plan, lang=args.lang))
        print(report_table(plan.findings, lang=args.lang))
    return EXIT_OK


def _quote(args: argparse.Namespace) -> int:
    _one_output(args)
    (shop,) = _load_one(Workshop, args.file)
    model = example_cost_model()
    if args.cost_model:
        (model,) = _load_one(CostModel, args.cost_model)
    policy = example_funding_policy()
    if args.policy:
        (policy,) = _load_one(FundingPolicy, args.policy)
    result = quote(
        shop,
        cost_model=model,
        policy=policy,
        on=args.on or shop.first_day,
        profile=get_profile(args.profile),
        mode=_mode(args),
    )
    if args.json:
        print(to_json(dump_document(result), indent=2))
    elif args.csv:
        _write_csv(Quote, result)
        _findings_aside(result.findings, args.lang)
    else:
        print(quote_text(result, lang=args.lang))
        print(report_table(result.findings, lang=args.lang))
    return EXIT_OK if result.findings.ok else EXIT_FINDINGS


def _results(args: argparse.Namespace) -> int:
    _ = args.lang.gettext
    _one_output(args)
    items: tuple[Measurement, ...] = _load(Measurement, args.file)
    known = default_indicators()
    if args.indicators:
        (known,) = _load_one(IndicatorSet, args.indicators)
    problems = check_measurements(items, indicators=known)
    if not problems.ok:
        if args.json:
            print(to_json(dump_document(problems), indent=2))
        else:
            out = sys.stderr if args.csv else sys.stdout
            print(
                _("{count} measurement(s) do not fit their indicator:").format(
                    count=len(problems.errors)
                ),
                file=out,
            )
            shown = args.max_errors or len(problems.violations)
            listed = Report(violations=problems.violations[:shown])
            print(report_table(listed, lang=args.lang), file=out)
            if len(problems.violations) > shown:
                more = args.lang.pgettext("error", messages.MORE_PROBLEMS).format(
                    count=args.lang.count(len(problems.violations) - shown)
                )
                print(f"{more} {_('(--max-errors 0 lists them all)')}", file=out)
        return EXIT_FINDINGS
    if args.json:
        print(to_json(dump_document(results_report(items, indicators=known)), indent=2))
        return EXIT_OK
    found = aggregate(changes(items, indicators=known), min_n=args.min_n)
    if args.csv:
        _write_csv(AggregateSet, found)
        _findings_aside(found.findings, args.lang)
        return EXIT_OK
    print(
        fit(
            _(
                "{count} measurements, indicator set {name}: changes from each "
                "enterprise's own baseline"
            ).format(count=len(items), name=known.name)
        )
    )
    print(aggregates_table(found, known, lang=args.lang))
    print(report_table(found.findings, lang=args.lang))
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    if args.kind is None:
        for kind, cls in document_kinds().items():
            print(f"{kind:24} {getattr(cls, '__name__', str(cls))}")
        return EXIT_OK
    schema = json_schema(args.kind, document=not args.bare)
    print(json.dumps(schema, indent=2, ensure_ascii=False))
    return EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    _ = args.lang.gettext
    with _opened(args.file) as stream:
        lines, text = _lines_or_text(args.file, stream)
        if lines is not None:
            return _validate_lines(args, lines)
    try:
        value = load_document(text, kind=args.kind, bare=args.kind is not None)
    except PayloadError as exc:
        print(
            _("{file}: not a valid score_core document: ").format(file=args.file),
            end="",
        )
        print(_listing(exc, args.max_errors, args.lang))
        like = () if args.kind else _shaped_like(text)
        if like:
            print(
                "  "
                + _("to read it as data without an envelope: --kind {kind}").format(
                    kind=like[0]
                )
            )
        return EXIT_FINDINGS
    data = json.loads(text)  # valid: a document names its kind
    if type(data) is dict and "schema" in data:
        what = _("a valid {kind} document").format(kind=data["kind"])
    else:
        kind = args.kind
        if type(data) is list and not kind.endswith("[]"):
            kind += "[]"
        what = _("valid {kind} data without an envelope").format(kind=kind)
    if isinstance(value, tuple):
        name = _("{count} values").format(count=len(value))
    else:
        name = type(value).__name__
    print(
        _("{file}: {what} ({name}, schema version {version})").format(
            file=args.file, what=what, name=name, version=SCHEMA_VERSION
        )
    )
    return EXIT_OK


def _validate_lines(args: argparse.Namespace, lines: Iterator[bytes]) -> int:
    """JSON Lines of one kind: each line checked, the bad ones reported."""
    _ = args.lang.gettext
    kind = (args.kind or "").removesuffix("[]")
    if not kind:
        raise _InputError(
            _("{file}: JSON Lines need --kind, the kind of each line").format(
                file=args.file
            )
        )
    cls = _kind_type(kind)
    bad = _BadLines(args.command, args.lang, stop=False)
    count = sum(1 for _ in _jsonl(cls, args.file, lines, bad))
    if bad.count:
        bad.close()
        return EXIT_FINDINGS
    print(
        _(
            "{file}: {count} lines of valid {kind} data (schema version {version})"
        ).format(file=args.file, count=count, kind=kind, version=SCHEMA_VERSION)
    )
    return EXIT_OK


def _shaped_like(text: bytes) -> tuple[str, ...]:
    try:
        return kinds_like(text)
    except PayloadError:  # not JSON: the problems said so
        return ()


def _moment(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise argparse.ArgumentTypeError(MOMENT_ERROR.format(value=repr(text)))
    return moment


def _load_one(cls: type, path: str) -> tuple:  # type: ignore[type-arg]
    items = _load(cls, path)
    if len(items) != 1:
        raise _InputError(
            EXPECTED_ONE.format(path=path, kind=cls.__name__, count=len(items))
        )
    return items


def _count(text: str) -> int:
    try:
        count = int(text)
    except ValueError:
        count = -1
    if count < 0:
        raise argparse.ArgumentTypeError(COUNT_ERROR.format(value=repr(text)))
    return count


def _file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help=N_("a JSON file, or - for standard input"))
    parser.add_argument(
        "--max-errors",
        type=_count,
        default=SHOWN_PROBLEMS,
        metavar="N",
        help=N_(
            "list at most N problems of a bad file, and count the rest (default: "
            "%(default)s; 0 lists them all)"
        ),
    )


def _profile(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--profile", help=N_("profile name (default: cn-phase-2)"))


def _json_out(
    parser: argparse.ArgumentParser, what: str = N_("print a JSON document")
) -> None:
    parser.add_argument("--json", action="store_true", help=what)


def _csv_out(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--csv", action="store_true", help=what)


def _strict(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--strict", action="store_true", help=what)
    # --lenient was the opt-in before lenient became the default: accepted,
    # and a no-op, so that scripts written against 0.x keep running.
    parser.add_argument("--lenient", action="store_true", help=argparse.SUPPRESS)


_REFUSE_PROFILE = N_(
    "refuse a profile outside its validity (default: apply it, with a warning)"
)


def _add_demo(sub: Any) -> None:
    demo = sub.add_parser(
        "demo",
        help=N_("walk through what the library can do"),
        description=N_(
            "Show, in readable form, what score_core can do. The walk-through "
            "replays SCORE China Phase II in 2015; its last section asks the same "
            "rules about --on (default: today)."
        ),
        epilog=N_("example: score-core demo --on 2026-12-02"),
    )
    demo.add_argument(
        "--on", type=_day, help=N_("the date of the last section (default: today)")
    )
    demo.set_defaults(handler=_demo)


def _add_modules(sub: Any) -> None:
    modules = sub.add_parser(
        "modules",
        help=N_("list the module catalogue"),
        description=N_("List the modules of a catalogue with their format and order."),
        epilog=N_("example: score-core modules --json"),
    )
    modules.add_argument(
        "--catalogue", help=N_("a registered catalogue (default: score)")
    )
    _json_out(modules, N_("print JSON"))
    modules.set_defaults(handler=_modules)


def _add_profiles(sub: Any) -> None:
    profiles = sub.add_parser(
        "profiles",
        help=N_("list the profiles, or show one with the source of every value"),
        description=N_("List the registered country and phase profiles, or show one."),
        epilog=N_("example: score-core profiles cn-phase-2"),
    )
    profiles.add_argument(
        "name", nargs="?", help=N_("a profile name, such as cn-phase-2")
    )
    _json_out(profiles, N_("print JSON"))
    profiles.set_defaults(handler=_profiles)


def _add_check(sub: Any) -> None:
    check = sub.add_parser(
        "check",
        help=N_("check whether enterprises may join a module, with the reasons"),
        description=N_(
            "Check one enterprise or a list (JSON: a bare object, a list, or a "
            "document of kind enterprise or enterprise[]), or a registry in JSON "
            "Lines (one enterprise a line; a .jsonl file, or any input whose first "
            "line is a JSON value by itself), read and screened one line at a time. "
            "A bad line is reported with its number and the rest go on. Exit status "
            "0 when all are eligible, 1 otherwise, 2 for bad input (bad lines "
            "included)."
        ),
        epilog=N_("example: score-core check registry.jsonl --no-baseline --summary"),
    )
    _file(check)
    _profile(check)
    check.add_argument("--module", default="M1", help=N_("module code (default: M1)"))
    check.add_argument("--on", type=_day, help=N_("date of the decision, YYYY-MM-DD"))
    _strict(check, _REFUSE_PROFILE)
    check.add_argument(
        "--records",
        help=N_("a JSON or JSON Lines file of enterprise records (journeys)"),
    )
    check.add_argument(
        "--no-baseline",
        action="store_true",
        help=N_("screen prospects: leave out the baseline-before-Module-1 rule"),
    )
    check.add_argument(
        "--summary",
        action="store_true",
        help=N_(
            "print the counts only, the fastest (with --json: a screening_summary "
            "document; with --csv: a row per status and per code)"
        ),
    )
    check.add_argument(
        "--stop-on-error",
        action="store_true",
        help=N_("stop at the first bad line of JSON Lines (default: report it, go on)"),
    )
    _json_out(
        check,
        N_("print a JSON document (for JSON Lines: one result a line, as JSON Lines)"),
    )
    _csv_out(
        check,
        N_(
            "print CSV with a header: one row per enterprise (findings go to "
            "standard error)"
        ),
    )
    check.set_defaults(handler=_check)


def _add_workshop(sub: Any) -> None:
    workshop = sub.add_parser(
        "workshop",
        help=N_("report everything wrong with a workshop"),
        description=N_(
            "Check a workshop (JSON: a bare object or a document of kind workshop). "
            "Exit status 0 when the report has no error, 1 otherwise, 2 for bad "
            "input."
        ),
        epilog=N_(
            "example: score-core workshop cq-2015-04.json --records records.json"
        ),
    )
    _file(workshop)
    _profile(workshop)
    workshop.add_argument("--records", help=N_("a JSON file of enterprise records"))
    workshop.add_argument("--calendar", help=N_("a JSON file of a fixed calendar"))
    workshop.add_argument("--on", type=_day, help=N_("today, for the go/no-go date"))
    _strict(workshop, _REFUSE_PROFILE)
    _json_out(workshop)
    workshop.set_defaults(handler=_workshop)


def _add_plan(sub: Any) -> None:
    plan = sub.add_parser(
        "plan",
        help=N_("plan a module's intake visits, classroom days and follow-up visits"),
        description=N_(
            "Plan a module on a working-day calendar for enterprises (JSON: an "
            "object, a list, or a document of kind enterprise or enterprise[]) or, "
            "with --workshop, for a workshop and its days. Without --calendar, the "
            "profile's calendar is used (a country calendar needs "
            "score-core[calendars]). Exit status 0 with a plan, 1 when no plan keeps "
            "the rules, 2 for bad input."
        ),
        epilog=N_(
            "example: score-core plan firms.json --module M1 --earliest 2026-03-02 "
            "--ics visits.ics"
        ),
    )
    _file(plan)
    plan.add_argument(
        "--workshop", action="store_true", help=N_("FILE holds a workshop")
    )
    plan.add_argument(
        "--module", help=N_("module code (default: M1, or the workshop's)")
    )
    _profile(plan)
    plan.add_argument(
        "--earliest",
        type=_day,
        metavar="YYYY-MM-DD",
        help=N_(
            "first day the plan may use: needed for enterprises; for a workshop, "
            "its first day by default"
        ),
    )
    plan.add_argument("--calendar", help=N_("a JSON file of a fixed calendar"))
    plan.add_argument(
        "--stagger",
        type=_count,
        default=0,
        help=N_("working days between successive enterprises' visits (default: 0)"),
    )
    _strict(
        plan,
        N_(
            "refuse a profile outside its validity and years the calendar only "
            "estimates (default: plan, with warnings)"
        ),
    )
    plan.add_argument("--ics", help=N_("also write the plan as an iCalendar file"))
    plan.add_argument(
        "--stamp", type=_moment, help=N_("DTSTAMP of the .ics file (default: now, UTC)")
    )
    _json_out(plan)
    _csv_out(
        plan,
        N_(
            "print CSV with a header: one row per visit (findings go to standard error)"
        ),
    )
    plan.set_defaults(handler=_plan)


def _add_quote(sub: Any) -> None:
    quote_ = sub.add_parser(
        "quote",
        help=N_("price a module for a workshop: invoices, payers, coverage"),
        description=N_(
            "Quote a workshop (JSON: a bare object or a document of kind workshop) "
            "with a cost model and a funding policy (JSON documents of kinds "
            "cost_model and funding_policy; score_core's EXAMPLE figures in CNY by "
            "default, flagged as such). Exit status 0 when the findings hold no "
            "error, 1 otherwise, 2 for bad input."
        ),
        epilog=N_(
            "example: score-core quote cq-2015-04.json --cost-model costs.json "
            "--policy policy.json --on 2015-03-01"
        ),
    )
    _file(quote_)
    quote_.add_argument("--cost-model", help=N_("a JSON file of a cost model"))
    quote_.add_argument("--policy", help=N_("a JSON file of a funding policy"))
    _profile(quote_)
    quote_.add_argument(
        "--on", type=_day, help=N_("date of the quote (default: the first day)")
    )
    _strict(
        quote_,
        N_(
            "refuse a profile, policy period or target outside its dates (default: "
            "use the nearest, with a warning)"
        ),
    )
    _json_out(quote_)
    _csv_out(
        quote_,
        N_(
            "print CSV with a header: one row per enterprise and payment (findings "
            "go to standard error)"
        ),
    )
    quote_.set_defaults(handler=_quote)


def _add_results(sub: Any) -> None:
    results = sub.add_parser(
        "results",
        help=N_("changes from baseline per indicator, with n, median and spread"),
        description=N_(
            "Read measurements (JSON: an object, a list, or a document of kind "
            "measurement or measurement[]) and show each indicator's change from "
            "every enterprise's own baseline. --json prints a results report "
            "(baseline, target and actual per indicator and year). Exit status 0, 1 "
            "when a measurement does not fit its indicator, 2 for bad input."
        ),
        epilog=N_("example: score-core results kpis.json --min-n 10"),
    )
    _file(results)
    results.add_argument("--indicators", help=N_("a JSON file of an indicator set"))
    results.add_argument(
        "--min-n",
        type=_count,
        default=5,
        help=N_("fewest enterprises for a result without a warning (default: 5)"),
    )
    _json_out(results)
    _csv_out(
        results,
        N_(
            "print CSV with a header: one row per indicator, as the table (findings "
            "go to standard error)"
        ),
    )
    results.set_defaults(handler=_results)


def _add_schema(sub: Any) -> None:
    schema = sub.add_parser(
        "schema",
        help=N_("print the JSON Schema of a document kind, or list the kinds"),
        description=N_(
            "Print the JSON Schema (draft 2020-12) of a document kind: the versioned "
            "envelope and its data, or with --bare the data alone. Without KIND, "
            "list the kinds."
        ),
        epilog=N_("example: score-core schema workshop > workshop.schema.json"),
    )
    schema.add_argument("kind", nargs="?", help=N_("a document kind, such as workshop"))
    schema.add_argument(
        "--bare", action="store_true", help=N_("the data without envelope")
    )
    schema.set_defaults(handler=_schema)


def _add_validate(sub: Any) -> None:
    validate = sub.add_parser(
        "validate",
        help=N_("check that a file is a valid score_core document"),
        description=N_(
            "Load a versioned document (migrating older versions) and say whether it "
            "is valid, with every problem and its JSON path. Exit status 0 when "
            "valid, 1 when not, 2 when the file cannot be read."
        ),
        epilog=N_("example: score-core validate workshop.json --kind workshop"),
    )
    _file(validate)
    validate.add_argument(
        "--kind",
        help=N_(
            "the kind expected (default: any); for JSON Lines, the kind of each line"
        ),
    )
    validate.set_defaults(handler=_validate)


def _season(args: argparse.Namespace) -> int:
    (season,) = _load_one(Season, args.file)
    profile = None if args.profile is None else get_profile(args.profile)
    report = check_season(season, profile=profile)
    if args.json:
        print(to_json(dump_document(report), indent=2))
        return EXIT_OK if report.ok else EXIT_FINDINGS
    _ = args.lang.gettext
    visits = sum(v.active for p in season.plans for c in p.cycles for v in c.visits)
    print(
        fit(
            _(
                "season {season}: {plans} plans, {visits} visits, {trainers} "
                "trainers, {assignments} assignments"
            ).format(
                season=season.id,
                plans=len(season.plans),
                visits=visits,
                trainers=len(season.trainers),
                assignments=len(season.assignments),
            )
        )
    )
    print(report_table(report, lang=args.lang))
    return EXIT_OK if report.ok else EXIT_FINDINGS


def _add_season(sub: Any) -> None:
    season = sub.add_parser(
        "season",
        help=N_("check a season's plans against its trainers: double bookings, limits"),
        description=N_(
            "Check a season (JSON: a bare object or a document of kind season: "
            "module plans, trainers and who is assigned to what): nobody in two "
            "places on one day, visits per day and per week within the profile's "
            "limits, each trainer certified for the module on the day, paired visits "
            "where the profile asks for them. Without --profile, the profile the "
            "plans name. Exit status 0 when the report has no error, 1 otherwise, 2 "
            "for bad input."
        ),
        epilog=N_("example: score-core season spring-2026.json --profile cn"),
    )
    _file(season)
    season.add_argument(
        "--profile",
        help=N_("profile name or country code (default: the profile the plans name)"),
    )
    _json_out(season)
    season.set_defaults(handler=_season)


_SUBCOMMANDS = (
    _add_demo,
    _add_modules,
    _add_profiles,
    _add_check,
    _add_workshop,
    _add_plan,
    _add_quote,
    _add_results,
    _add_season,
    _add_schema,
    _add_validate,
)


def _lang_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        metavar="LOCALE",
        help=N_(
            "the language and conventions of the text: zh_CN, es, es_PE, id... "
            "(default: LANGUAGE, LC_ALL, LC_MESSAGES or LANG; English)"
        ),
    )


def _parser(lang: Language | None = None) -> argparse.ArgumentParser:
    parser = Parser(
        lang=lang or language(None),
        prog="score-core",
        description=N_("The ILO SCORE programme's rules as code."),
        epilog=N_("example: score-core demo --lang zh_CN"),
    )
    _lang_option(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for add in _SUBCOMMANDS:
        add(sub)
    for command in sub.choices.values():
        _lang_option(command)
    return parser


@contextlib.contextmanager
def _safe_output() -> Iterator[None]:
    """Standard output and error that write any text, then as they were.

    A name read from JSON may hold a lone surrogate, which no encoding can
    write: it is written as its backslash escape instead of ending the
    command with a UnicodeEncodeError.
    """
    saved: list[tuple[Any, str | None]] = []
    stream: Any
    for stream in (sys.stdout, sys.stderr):
        if callable(getattr(stream, "reconfigure", None)):
            saved.append((stream, stream.errors))
            stream.reconfigure(errors="backslashreplace")
    try:
        yield
    finally:
        for stream, errors in saved:
            stream.reconfigure(errors=errors)


class _Leaving:
    """A stream whose reader may go away (``score-core demo | head``).

    From then on what is written is dropped instead of raising
    BrokenPipeError, so the command ends as it would have, with its own exit
    status. As the Python documentation advises (the signal module's note on
    SIGPIPE), the stream's descriptor is pointed at os.devnull, so that
    flushing it when Python exits does not fail either.
    """

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self._gone = False

    def write(self, text: str) -> int:
        if not self._gone:
            try:
                return int(self._stream.write(text))
            except BrokenPipeError:
                self._leave()
        return len(text)

    def flush(self) -> None:
        if not self._gone:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._leave()

    def _leave(self) -> None:
        self._gone = True
        try:
            descriptor = self._stream.fileno()
        except (AttributeError, OSError, ValueError):  # no descriptor: nothing to do
            return
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, descriptor)
        os.close(devnull)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def _readers_may_leave() -> Iterator[None]:
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Leaving(sys.stdout), _Leaving(sys.stderr)
    try:
        yield
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        sys.stdout, sys.stderr = saved


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    When the reader of its output goes away (``score-core quote w.json |
    head -4``), the rest of the output is dropped and the status is still
    the command's own: 2 for bad input, 1 for findings.
    """
    with _safe_output(), _readers_may_leave():
        return _main(argv)


def choose_language(argv: Sequence[str] | None, environ: Mapping[str, str]) -> Language:
    """The language of the command's text: ``--lang``, else the environment."""
    early = argparse.ArgumentParser(add_help=False)
    _lang_option(early)
    known, _ = early.parse_known_args(argv)
    return language(known.lang or locale_from_environ(environ))


def _main(argv: Sequence[str] | None) -> int:
    lang = choose_language(sys.argv[1:] if argv is None else argv, os.environ)
    parser = _parser(lang)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_OK if exc.code == 0 else EXIT_USAGE
    args.lang = lang
    handler: _Handler = args.handler
    try:
        return handler(args)
    except NotInForceError as exc:
        print(
            f"score-core {args.command}: {localized_error(exc.detail, lang.locale)}; "
            + lang.gettext(CLI_STRICT_HINT),
            file=sys.stderr,
        )
        return EXIT_USAGE
    except _InputError as exc:
        shown = getattr(args, "max_errors", SHOWN_PROBLEMS)
        print(f"score-core {args.command}: {exc.render(shown, lang)}", file=sys.stderr)
        return EXIT_USAGE
    except ScoreError as exc:
        print(
            f"score-core {args.command}: {localized_error(exc, lang.locale)}",
            file=sys.stderr,
        )
        return EXIT_USAGE
