"""score_core benchmarks: ratios against a baseline measured in the same run.

Run with ``make bench`` (``python benchmarks/run.py SECTION ...`` runs some of
the sections json, rules, pydantic, import, strategies). The two sides of
each comparison alternate round by round, after a warm-up of each; each
round is timed in CPU time (and wall time), with the garbage collector on
(as users run), and the ratio printed is the median of the rounds' ratios,
with their spread and, where issue 17 set one, the target. Ratios, not
seconds, are what to compare: the machines are shared and noisy.

Loading and dumping are also measured against equivalent pydantic v2 models
(benchmarks/pydantic_models.py, strict, no extra keys; pydantic comes with
the ``bench`` extra), with the ``fast`` extra and on the standard path, and
against the import of attrs and cattrs; strategies by drawing examples
against ``st.builds`` of a plain attrs class with Enterprise's nine fields.

Measured so far:
- loading 10,000 enterprises from JSON text with full validation, against a
  hand-written loader that makes the same strict checks;
- dumping them to JSON text, against a hand-written ``json.dumps`` of dicts;
- screening 100,000 enterprises with their records for Module 1, against a
  hand-written loop making the same checks and giving status and reasons;
- checking a 5-enterprise workshop, against a hand-written loop of the
  composition rules alone (no eligibility, no trainer rules, no explanations);
- planning 1,000 modules (Module 1, one enterprise each, China's 2015
  calendar), against a hand-written loop computing the same dates from the
  calendar's sets (no values, no findings, no checks of years);
- quoting 1,000 workshops (the EXAMPLE cost model and policy), against a
  hand-written computation of the same totals per payer in integer cents;
- aggregating 100,000 measurements (10,000 enterprises, five KPIs, a
  baseline and a visit each) into changes and per-indicator medians, against
  a hand-written loop doing the same without checks, findings or values.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta

from score_core import (
    Certification,
    Delegation,
    Enterprise,
    EnterpriseRecord,
    Gender,
    Measurement,
    ModuleState,
    Participant,
    Role,
    Status,
    Trainer,
    TrainerLevel,
    Workshop,
    aggregate,
    changes,
    check_workshop,
    example_cost_model,
    example_funding_policy,
    from_json,
    get_profile,
    plan_module,
    quote,
    screen,
    to_json,
)
from score_core._cli.demo import china_2015
from score_core.monitoring import Point


ROUNDS = 7
SIZE = 10_000


def _enterprises(n: int) -> tuple[Enterprise, ...]:
    sectors = ["auto parts", "garments", "machinery", "furniture", None]
    return tuple(
        Enterprise(
            id=f"CN-{i:06d}",
            name=f"企业 {i}",
            headcount=40 + (i * 37) % 600,
            women=None if i % 7 == 0 else ((i * 37) % 600) // 3,
            sector=sectors[i % len(sectors)],
            country="CN",
            region="Chongqing" if i % 2 else "Zhejiang",
            founded=date(1990 + i % 30, 1 + i % 12, 1 + i % 28),
        )
        for i in range(n)
    )


def _strict_int(value: Any, field: str) -> int:
    if type(value) is not int:
        raise ValueError(field)
    return value


def _strict_str(value: Any, field: str) -> str:
    if type(value) is not str:
        raise ValueError(field)
    return value


def _opt(value: Any, check: Callable[[Any, str], Any], field: str) -> Any:
    return None if value is None else check(value, field)


def hand_written_load(text: str) -> list[Enterprise]:
    """The baseline: the same strict checks, written by hand."""
    allowed = {
        "id",
        "name",
        "headcount",
        "women",
        "sector",
        "country",
        "region",
        "registration_id",
        "founded",
    }
    out = []
    for row in json.loads(text):
        if type(row) is not dict or set(row) - allowed:
            raise ValueError("row")
        founded = row.get("founded")
        out.append(
            Enterprise(
                id=_strict_str(row["id"], "id"),
                name=_strict_str(row["name"], "name"),
                headcount=_strict_int(row["headcount"], "headcount"),
                women=_opt(row.get("women"), _strict_int, "women"),
                sector=_opt(row.get("sector"), _strict_str, "sector"),
                country=_opt(row.get("country"), _strict_str, "country"),
                region=_opt(row.get("region"), _strict_str, "region"),
                registration_id=_opt(row.get("registration_id"), _strict_str, "r"),
                founded=None if founded is None else date.fromisoformat(founded),
            )
        )
    return out


def hand_written_dump(items: tuple[Enterprise, ...]) -> str:
    """The baseline: dicts by hand, then the same json.dumps settings."""
    rows = [
        {
            "id": e.id,
            "name": e.name,
            "headcount": e.headcount,
            "women": e.women,
            "sector": e.sector,
            "country": e.country,
            "region": e.region,
            "registration_id": e.registration_id,
            "founded": None if e.founded is None else e.founded.isoformat(),
        }
        for e in items
    ]
    return json.dumps(rows, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


SCREEN_SIZE = 100_000


def _records(items: tuple[Enterprise, ...]) -> dict[str, EnterpriseRecord]:
    records = {}
    for i, e in enumerate(items):
        record = EnterpriseRecord(
            enterprise_id=e.id, baseline_on=None if i % 9 == 0 else date(2015, 3, 2)
        )
        if i % 5 == 0:
            record = record.advance("M1", ModuleState.ENROLLED, on=date(2015, 3, 9))
        records[e.id] = record
    return records


def hand_written_screen(
    items: tuple[Enterprise, ...], records: dict[str, EnterpriseRecord]
) -> Counter[str]:
    """The baseline: the same rules for Module 1, written as one loop."""
    low, high, country = 50, 500, "CN"
    status: Counter[str] = Counter()
    for e in items:
        reasons = []
        review = []
        if e.headcount < low:
            reasons.append("eligibility.headcount.below_min")
        elif e.headcount > high:
            reasons.append("eligibility.headcount.above_max")
        if e.country is None:
            review.append("eligibility.country.missing")
        elif e.country != country:
            reasons.append("eligibility.country.mismatch")
        record = records.get(e.id)
        if record is None:
            review.append("eligibility.record.missing")
        else:
            if record.withdrawn_on is not None:
                reasons.append("eligibility.enterprise.withdrawn")
            state = record.state_of("M1")
            if state is ModuleState.COMPLETED:
                reasons.append("eligibility.module.completed")
            elif state is not None and state is not ModuleState.WITHDRAWN:
                reasons.append("eligibility.module.in_progress")
            if record.baseline_on is None:
                reasons.append("eligibility.baseline.missing")
        if reasons:
            status["ineligible"] += 1
        elif review:
            status["needs_review"] += 1
        else:
            status["eligible"] += 1
    return status


def _workshop_case() -> tuple[Workshop, dict[str, EnterpriseRecord]]:
    groups = []
    for n in range(5):
        firm = Enterprise(
            id=f"E{n}", name=f"Firm {n}", headcount=150, women=60, country="CN"
        )
        people = tuple(
            Participant(
                name=f"E{n} {role.value} {k}",
                role=role,
                gender=(Gender.FEMALE, Gender.MALE)[k],
                id=f"E{n}-{role}-{k}",
                enterprise_id=firm.id,
            )
            for role in Role
            for k in range(2)
        )
        groups.append(Delegation(enterprise=firm, participants=people))
    trainer = Trainer(
        id="T",
        name="t",
        certifications=(
            Certification(
                module="M1", level=TrainerLevel.CERTIFIED, certified_on=date(2014, 1, 1)
            ),
        ),
    )
    shop = Workshop(
        id="W",
        module="M1",
        days=(date(2015, 4, 8), date(2015, 4, 9)),
        delegations=tuple(groups),
        trainers=(trainer,),
    )
    records = {
        f"E{n}": EnterpriseRecord(enterprise_id=f"E{n}", baseline_on=date(2015, 3, 2))
        for n in range(5)
    }
    assert check_workshop(shop, records=records).violations == ()
    return shop, records


def hand_written_workshop(shop: Workshop) -> list[str]:
    """The baseline: the composition rules only, as one loop."""
    codes = []
    if not 4 <= len(shop.delegations) <= 5:
        codes.append("size")
    firms: set[str] = set()
    people: set[str] = set()
    managers = workers = 0
    for d in shop.delegations:
        if d.enterprise.id in firms:
            codes.append("duplicate")
        firms.add(d.enterprise.id)
        m = sum(1 for p in d.participants if p.role is Role.MANAGER)
        w = len(d.participants) - m
        managers += m
        workers += w
        if m != 2 or w != 2:
            codes.append("make-up")
        if len({p.gender for p in d.participants}) == 1:
            codes.append("one sex")
        for p in d.participants:
            key = p.id or p.name
            if key in people:
                codes.append("person")
            people.add(key)
    if managers != workers or len(shop.days) != 2 or not shop.trainers:
        codes.append("other")
    return codes


_DAY = timedelta(days=1)


def hand_written_plan(
    earliest: date, holidays: frozenset[date], workdays: frozenset[date]
) -> list[date]:
    """The baseline: cn-phase-2's Module 1 dates, computed directly."""

    def working(day: date) -> bool:
        return day in workdays or (day.weekday() < 5 and day not in holidays)

    def forward(day: date) -> date:
        while not working(day):
            day += _DAY
        return day

    intake = forward(earliest)
    first = forward(intake + timedelta(days=7))
    while not working(first + _DAY):
        first = forward(first + _DAY)
    last = first + _DAY
    end = last + relativedelta(months=3) - _DAY
    spacing = max(14, (end - last).days // 4)
    latest: list[date] = []
    upper = end
    for _ in range(3):
        while not working(upper):
            upper -= _DAY
        latest.append(upper)
        upper -= timedelta(days=14)
    latest.reverse()
    visits, lower = [], last + _DAY
    for i in range(3):
        target = forward(last + timedelta(days=spacing * (i + 1)))
        day = min(target if target >= lower else forward(lower), latest[i])
        visits.append(day)
        lower = day + timedelta(days=14)
    return [intake, first, last, *visits]


def _largest_remainder(total: int, weights: list[int]) -> list[int]:
    whole = sum(weights)
    parts = [total * w // whole for w in weights]
    order = sorted(
        range(len(weights)), key=lambda i: (-(total * weights[i] % whole), i)
    )
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


def hand_written_quote(people: list[int], days: int) -> dict[str, int]:
    """The baseline: the example model and policy, in integer cents."""
    n, heads = len(people), sum(people)
    shared = [
        2 * days * 200_000,
        2 * 200_000,
        days * 150_000,
        heads * days * 12_000,
        heads * 15_000,
        120_000,
    ]
    direct = [0] * n
    for line in shared:
        for k, part in enumerate(_largest_remainder(line, [1] * n)):
            direct[k] += part
    own = 200_000 + 4 * 200_000 + 4 * 30_000
    direct = [d + own for d in direct]
    overhead = (sum(direct) * 15 + 50) // 100
    totals = {"enterprise": 0, "sponsor": 0, "donor": 0}
    for k, extra in enumerate(_largest_remainder(overhead, direct)):
        full = direct[k] + extra
        fee = (full * 30 + 50) // 100
        sponsor = min((full * 20 + 50) // 100, people[k] * 100_000, full - fee)
        totals["enterprise"] += fee
        totals["sponsor"] += sponsor
        totals["donor"] += full - fee - sponsor
    return totals


_KPIS = (
    ("defect_rate", "percent"),
    ("waste", "percent"),
    ("energy", "kWh per month"),
    ("delivery_time", "days"),
    ("productivity", "units per worker-day"),
)


def _measurements(firms: int) -> list[Measurement]:
    items = []
    for i in range(firms):
        for k, (code, unit) in enumerate(_KPIS):
            base = Decimal(10 + (i * 7 + k) % 90)
            items.append(
                Measurement(
                    enterprise=f"E{i:05d}",
                    indicator=code,
                    on=date(2015, 3, 2),
                    value=base,
                    unit=unit,
                    point=Point.BASELINE,
                )
            )
            items.append(
                Measurement(
                    enterprise=f"E{i:05d}",
                    indicator=code,
                    on=date(2015, 6, 15),
                    value=base + (i * 13 + k) % 21 - 10,
                    unit=unit,
                    point=Point.VISIT,
                    visit=3,
                )
            )
    return items


def hand_written_aggregate(items: list[Measurement]) -> dict[str, Decimal]:
    """The baseline: earliest baseline, latest visit, medians per indicator."""
    first: dict[tuple[str, str], tuple[date, Decimal]] = {}
    last: dict[tuple[str, str], tuple[date, Decimal]] = {}
    for m in items:
        key = (m.enterprise, m.indicator)
        if m.point is Point.BASELINE:
            if key not in first or m.on < first[key][0]:
                first[key] = (m.on, m.value)
        elif key not in last or m.on >= last[key][0]:
            last[key] = (m.on, m.value)
    deltas: dict[str, list[Decimal]] = {}
    for key, (_, value) in last.items():
        if key in first:
            deltas.setdefault(key[1], []).append(value - first[key][1])
    out = {}
    for code, values in deltas.items():
        values.sort()
        mid = len(values) // 2
        out[code] = (
            values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2
        )
    return out


def _workshops(n: int) -> tuple[Workshop, ...]:
    shop, _ = _workshop_case()
    return tuple(
        attrs.evolve(
            shop,
            id=f"W-{i:04d}",
            days=(
                date(2015, 1, 5) + timedelta(days=i % 300),
                date(2015, 1, 6) + timedelta(days=i % 300),
            ),
            location=f"城市 {i % 40}",
        )
        for i in range(n)
    )


@attrs.frozen(kw_only=True)
class Row:
    """One comparison: per-round CPU and wall times of both sides (seconds)."""

    name: str
    ours_cpu: list[float]
    base_cpu: list[float]
    ours_wall: list[float]
    base_wall: list[float]
    target: float | None = None

    @property
    def ratios(self) -> list[float]:
        """CPU time ratios, round by round (the two sides ran back to back)."""
        return sorted(o / b for o, b in zip(self.ours_cpu, self.base_cpu, strict=True))

    @property
    def ratio(self) -> float:
        return statistics.median(self.ratios)

    @property
    def wall_ratio(self) -> float:
        return statistics.median(
            o / b for o, b in zip(self.ours_wall, self.base_wall, strict=True)
        )


def _timed(fn: Callable[[], Any]) -> tuple[float, float]:
    """CPU time (this process and its children) and wall time of one call."""
    import resource

    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    cpu = time.process_time() - cpu
    wall = time.perf_counter() - wall
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu += (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
    return cpu, wall


def compare(
    name: str,
    ours: Callable[[], Any],
    base: Callable[[], Any],
    *,
    target: float | None = None,
    rounds: int = ROUNDS,
) -> Row:
    """Both sides in every round, the order alternating, after one warm-up each.

    A change in the machine's load falls on both sides of a round; the ratio
    is taken round by round and its median reported with its spread.
    """
    ours()
    base()
    times: dict[str, list[tuple[float, float]]] = {"ours": [], "base": []}
    for r in range(rounds):
        sides = [("ours", ours), ("base", base)]
        for side, fn in sides if r % 2 == 0 else reversed(sides):
            times[side].append(_timed(fn))
    return Row(
        name=name,
        ours_cpu=[c for c, _ in times["ours"]],
        base_cpu=[c for c, _ in times["base"]],
        ours_wall=[w for _, w in times["ours"]],
        base_wall=[w for _, w in times["base"]],
        target=target,
    )


def _import(code: str) -> Callable[[], Any]:
    import subprocess

    def run() -> None:
        subprocess.run(
            [sys.executable, "-c", code],
            check=True,
            env={"HYPOTHESIS_NO_PLUGINS": "1", "PATH": ""},
        )

    return run


def _draw(strategy: Any, n: int = 1000) -> None:
    from hypothesis import HealthCheck, given, settings

    @settings(
        max_examples=n,
        database=None,
        derandomize=True,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        phases=["generate"],
    )
    @given(strategy)
    def run(_value: Any) -> None:
        pass

    run()


class _StandardPath:
    """The standard library and the converter only, as without the extra."""

    def __enter__(self) -> None:
        from score_core import serialization

        serialization._fast()
        self.saved = serialization.FAST
        serialization.FAST = None

    def __exit__(self, *exc: object) -> None:
        from score_core import serialization

        serialization.FAST = self.saved


def standard(fn: Callable[[], Any]) -> Callable[[], Any]:
    """``fn`` run on the standard path."""

    def run() -> Any:
        with _StandardPath():
            return fn()

    return run


def _json_rows(items: tuple[Enterprise, ...], text: str) -> list[Row]:
    kind = tuple[Enterprise, ...]
    assert from_json(kind, text) == items
    assert hand_written_load(text) == list(items)
    assert json.loads(hand_written_dump(items)) == json.loads(text)
    return [
        compare(
            "load 10,000 enterprises (JSON text to validated objects)",
            lambda: from_json(kind, text),
            lambda: hand_written_load(text),
        ),
        compare(
            "dump 10,000 enterprises (objects to JSON text)",
            lambda: to_json(items, as_type=kind),
            lambda: hand_written_dump(items),
        ),
    ]


def _screen_row() -> Row:
    firms = tuple(
        attrs.evolve(e, id=f"S-{i:06d}")
        for i, e in enumerate(_enterprises(SCREEN_SIZE))
    )
    records = _records(firms)
    profile = get_profile("cn-phase-2")
    summary = screen(firms, profile=profile, records=records).run()
    expected = hand_written_screen(firms, records)
    assert {s.value: n for s, n in summary.by_status.items() if n} == dict(expected)
    assert summary.by_status[Status.ELIGIBLE] > 0
    return compare(
        "screen 100,000 enterprises for Module 1 (with records)",
        lambda: screen(firms, profile=profile, records=records).run(),
        lambda: hand_written_screen(firms, records),
        target=4,
    )


def _workshop_row() -> Row:
    shop, shop_records = _workshop_case()
    return compare(
        "check_workshop, 5 enterprises x 4 people (x 1,000)",
        lambda: [check_workshop(shop, records=shop_records) for _ in range(1000)],
        lambda: [hand_written_workshop(shop) for _ in range(1000)],
        target=6,
    )


def _plan_row() -> Row:
    calendar = china_2015()
    starts = [date(2015, 1, 1) + timedelta(days=i % 180) for i in range(1000)]
    plan_firm = Enterprise(id="P-1", name="P", headcount=100, country="CN")

    def plan_all() -> list[Any]:
        return [
            plan_module(plan_firm, module="M1", earliest=s, calendar=calendar)
            for s in starts
        ]

    def plan_by_hand() -> list[list[date]]:
        return [
            hand_written_plan(s, calendar.holidays, calendar.workdays) for s in starts
        ]

    for plan, dates in zip(plan_all(), plan_by_hand(), strict=True):
        visits = [v.on for v in plan.cycles[0].visits]
        assert [visits[0], *plan.classroom, *visits[1:]] == dates
    return compare(
        "plan 1,000 modules (Module 1, China 2015 calendar)",
        plan_all,
        plan_by_hand,
        target=4,
    )


def _quote_row() -> Row:
    shop, _ = _workshop_case()
    model, funding = example_cost_model(), example_funding_policy()
    shops = [
        attrs.evolve(shop, id=f"Q-{i}", delegations=shop.delegations[: 3 + i % 3])
        for i in range(1000)
    ]

    def quote_all() -> list[Any]:
        return [
            quote(s, cost_model=model, policy=funding, on=date(2015, 3, 1))
            for s in shops
        ]

    def quote_by_hand() -> list[dict[str, int]]:
        return [
            hand_written_quote([len(d.participants) for d in s.delegations], 2)
            for s in shops
        ]

    for priced, cents in zip(quote_all(), quote_by_hand(), strict=True):
        assert {
            p.value: priced.by_payer[p].minor_units
            for p in priced.by_payer
            if p.value in cents
        } == cents
    return compare(
        "quote 1,000 workshops (3 to 5 enterprises, EXAMPLE model)",
        quote_all,
        quote_by_hand,
        target=10,
    )


def _aggregate_row() -> Row:
    kpis = _measurements(10_000)
    assert len(kpis) == 100_000
    found = aggregate(changes(kpis))
    assert {a.indicator: a.median for a in found.aggregates} == hand_written_aggregate(
        kpis
    )
    return compare(
        "aggregate 100,000 measurements (changes, then medians)",
        lambda: aggregate(changes(kpis)),
        lambda: hand_written_aggregate(kpis),
    )


def _import_rows() -> list[Row]:
    base = _import("import attrs, cattrs")
    return [
        compare(
            "import score_core (vs import attrs, cattrs)",
            _import("import attrs, cattrs, score_core"),
            base,
        ),
        compare(
            "import score_core, first use of Enterprise, screen, to_json",
            _import(
                "import attrs, cattrs; "
                "from score_core import Enterprise, screen, to_json"
            ),
            base,
        ),
        compare(
            "import score_core, first use of every module",
            _import(
                "import attrs, cattrs, score_core; "
                "[getattr(score_core, n) for n in score_core.__all__]"
            ),
            base,
        ),
    ]


SECTIONS = ("json", "rules", "pydantic", "import", "strategies")


def main(sections: tuple[str, ...] = SECTIONS) -> int:
    items = _enterprises(SIZE)
    text = to_json(items, as_type=tuple[Enterprise, ...])
    rows: list[Row] = []
    if "json" in sections:
        rows += _json_rows(items, text)
    if "rules" in sections:
        rows += [_screen_row(), _workshop_row(), _plan_row(), _quote_row()]
        rows.append(_aggregate_row())
    if "pydantic" in sections:
        rows += _against_pydantic(items, text)
    if "import" in sections:
        rows += _import_rows()
    if "strategies" in sections:
        rows += _strategies()
    _print(rows)
    return 0


def _print(rows: list[Row]) -> None:
    import platform

    from score_core import serialization

    fast = serialization._fast()
    print(
        f"python {sys.version.split()[0]} on {platform.machine()} "
        f"({os.cpu_count()} cores), fast extra: "
        f"{'msgspec ' + _version('msgspec') if fast else 'not installed'}; "
        f"{ROUNDS} rounds, the two sides alternating; CPU time"
    )
    head = f"{'benchmark':60}  {'ours':>9}  {'baseline':>9}  {'ratio':>5}  spread"
    print(head + "        wall   target")
    for row in rows:
        low, high = row.ratios[0], row.ratios[-1]
        target = ""
        if row.target is not None:
            met = "met" if row.ratio <= row.target else "MISSED"
            target = f"<= {row.target:g} {met}"
        print(
            f"{row.name:60}  {statistics.median(row.ours_cpu) * 1000:7.1f}ms"
            f"  {statistics.median(row.base_cpu) * 1000:7.1f}ms  {row.ratio:5.2f}"
            f"  {low:5.2f}-{high:<5.2f}  {row.wall_ratio:5.2f}   {target}"
        )


def _version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "?"


def _against_pydantic(items: tuple[Enterprise, ...], text: str) -> list[Row]:
    try:
        import pydantic_models as pm
    except ImportError:
        print("pydantic is not installed: `make bench` installs it (the bench extra)")
        return []

    from score_core import to_dict

    kind = tuple[Enterprise, ...]
    models = pm.ENTERPRISES.validate_json(text)
    assert json.loads(pm.ENTERPRISES.dump_json(models, exclude_none=False)) == (
        json.loads(text)
    )
    shops = _workshops(1000)
    shop_kind = tuple[Workshop, ...]
    shop_text = to_json(shops, as_type=shop_kind)
    shop_models = pm.WORKSHOPS.validate_json(shop_text)
    # Both paths read and write the same values and bytes.
    assert from_json(shop_kind, shop_text) == shops
    assert standard(lambda: from_json(shop_kind, shop_text))() == shops
    assert standard(lambda: to_json(items, as_type=kind))() == text
    assert standard(lambda: to_dict(items, as_type=kind))() == to_dict(
        items, as_type=kind
    )
    assert standard(lambda: to_json(shops, as_type=shop_kind))() == shop_text
    return [
        compare(
            "load 10,000 enterprises, against pydantic validate_json",
            lambda: from_json(kind, text),
            lambda: pm.ENTERPRISES.validate_json(text),
            target=0.8,
        ),
        compare(
            "  the same, standard path (no fast extra)",
            standard(lambda: from_json(kind, text)),
            lambda: pm.ENTERPRISES.validate_json(text),
        ),
        compare(
            "load 1,000 workshops (5 x 4 people), against validate_json",
            lambda: from_json(shop_kind, shop_text),
            lambda: pm.WORKSHOPS.validate_json(shop_text),
            target=0.8,
        ),
        compare(
            "  the same, standard path (no fast extra)",
            standard(lambda: from_json(shop_kind, shop_text)),
            lambda: pm.WORKSHOPS.validate_json(shop_text),
        ),
        compare(
            "to_dict 10,000 enterprises, against dump_python(mode=json)",
            lambda: to_dict(items, as_type=kind),
            lambda: pm.ENTERPRISES.dump_python(models, mode="json"),
            target=1.0,
        ),
        compare(
            "  the same, standard path (no fast extra)",
            standard(lambda: to_dict(items, as_type=kind)),
            lambda: pm.ENTERPRISES.dump_python(models, mode="json"),
        ),
        compare(
            "to_json 10,000 enterprises, against dump_json",
            lambda: to_json(items, as_type=kind),
            lambda: pm.ENTERPRISES.dump_json(models),
            target=0.5,
        ),
        compare(
            "  the same, standard path (no fast extra)",
            standard(lambda: to_json(items, as_type=kind)),
            lambda: pm.ENTERPRISES.dump_json(models),
        ),
        compare(
            "to_json 1,000 workshops, against dump_json",
            lambda: to_json(shops, as_type=shop_kind),
            lambda: pm.WORKSHOPS.dump_json(shop_models),
            target=0.5,
        ),
    ]


@attrs.frozen(kw_only=True)
class PlainEnterprise:
    """The baseline for drawing: Enterprise's nine fields, no validators."""

    id: str
    name: str
    headcount: int
    women: int | None
    sector: str | None
    country: str | None
    region: str | None
    registration_id: str | None
    founded: date | None


DRAWS = 200


def _plain_enterprises() -> Any:
    """``st.builds`` of the plain class, each field drawn as Enterprise's is."""
    import string

    from hypothesis import strategies as st

    names = st.text(
        st.characters(categories=("L", "N"), include_characters=" -."),
        min_size=1,
        max_size=20,
    )
    short = st.none() | st.text(
        st.characters(categories=("L", "N"), include_characters=" -."),
        min_size=1,
        max_size=12,
    )
    return st.builds(
        PlainEnterprise,
        id=st.text(
            string.ascii_uppercase + string.digits + "-", min_size=1, max_size=10
        ),
        name=names,
        headcount=st.integers(0, 2000),
        women=st.none() | st.integers(0, 2000),
        sector=short,
        country=st.none() | st.text(string.ascii_uppercase, min_size=2, max_size=2),
        region=short,
        registration_id=st.none()
        | st.text(string.ascii_uppercase + string.digits, min_size=18, max_size=18),
        founded=st.none() | st.dates(date(1900, 1, 1), date(2030, 12, 31)),
    )


def _strategies() -> list[Row]:
    """Draws of the main strategies against st.builds of a plain class.

    Both sides draw the same number of examples (derandomised, generation
    only), alternating round by round, so that a change in the machine's
    load falls on both.
    """
    from score_core import strategies as sst

    baseline = _plain_enterprises()
    cases = [
        ("enterprises", sst.enterprises()),
        ("workshops", sst.workshops()),
        ("quotes", sst.quotes()),
        ("profiles", sst.profiles()),
        ("catalogues", sst.catalogues()),
        ("module_plans", sst.module_plans()),
    ]
    rows: list[Row] = []
    for name, strategy in cases:
        _draw(strategy, 20)  # validate and warm up, outside the timing
        _draw(baseline, 20)
        rows.append(
            compare(
                f"draw {DRAWS} {name} (against a plain 9-field attrs class)",
                lambda s=strategy: _draw(s, DRAWS),
                lambda: _draw(baseline, DRAWS),
            )
        )
    return rows


if __name__ == "__main__":
    # `python benchmarks/run.py [section ...]` runs some sections only.
    chosen = tuple(sys.argv[1:]) or SECTIONS
    unknown = set(chosen) - set(SECTIONS)
    if unknown:
        raise SystemExit(f"unknown sections {sorted(unknown)}; choose from {SECTIONS}")
    raise SystemExit(main(chosen))
