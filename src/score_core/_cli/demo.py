"""The walk-through printed by ``score-core demo``: each capability adds a section.

The demo only calls the public library; it holds no rule of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

from score_core._cli.render import (
    aggregates_table,
    catalogue_table,
    eligibility_table,
    fit,
    plan_text,
    profile_text,
    quote_text,
    report_table,
)
from score_core._version import __version__
from score_core.calendars import FixedCalendar, add_working_days
from score_core.catalogue import ModuleCode, default_catalogue
from score_core.eligibility import check_eligibility, screen
from score_core.enterprises import Enterprise
from score_core.journey import EnterpriseRecord, ModuleState
from score_core.money import Money
from score_core.monitoring import (
    Measurement,
    Point,
    aggregate,
    changes,
    default_indicators,
)
from score_core.parameters import Dated, Timeline
from score_core.people import (
    Certification,
    Gender,
    ImprovementTeam,
    Participant,
    Role,
    Trainer,
    TrainerLevel,
    check_improvement_team,
)
from score_core.pricing import (
    FundingPolicy,
    FundingRules,
    GroupRules,
    example_cost_model,
    example_funding_policy,
    quote,
)
from score_core.profiles import default_profile, get_profile
from score_core.visits import Scope, VisitOutcome, plan_module, reschedule
from score_core.workshops import (
    Delegation,
    Workshop,
    check_workshop,
    workshop_statistics,
)


def _money_section() -> list[str]:
    shared = Money.of("10000.00", "CNY")
    participants = {
        "E1 Chongqing Gear Works": 4,
        "E2 Yangtze Auto Parts": 4,
        "E3 Jialing Garments": 5,
    }
    shares = shared.allocate(list(participants.values()))
    lines = [
        "Money and its exact allocation",
        f"  Shared workshop costs of {shared} are allocated to three enterprises",
        "  by participants sent (largest remainder on whole fen):",
    ]
    width = max(len(name) for name in participants)
    for (name, count), share in zip(participants.items(), shares, strict=True):
        lines.append(f"    {name:<{width}}  {count} participants  {share}")
    total = Money.total(shares, "CNY")
    lines.append(f"    {'sum':<{width}}                  {total}  (exactly the total)")
    rate = Decimal("0.40")
    lines.append(
        f"  A 40% cost-coverage target on {shared}: {(shared * rate).quantize()}"
    )
    try:
        shared * 0.4  # type: ignore[operator]
    except TypeError as exc:
        lines.append(f"  A float is refused: {exc}")
    return lines


def _findings_section() -> list[str]:
    team = ImprovementTeam(
        enterprise_id="E3",
        members=(
            Participant(
                name="Zhou Min",
                role=Role.MANAGER,
                gender=Gender.FEMALE,
                enterprise_id="E3",
            ),
            Participant(
                name="Chen Gang",
                role=Role.MANAGER,
                gender=Gender.MALE,
                enterprise_id="E2",
            ),
        ),
    )
    report = check_improvement_team(team)
    lines = [
        "A report of findings",
        "  Checking E3's improvement team (two managers, one of them from E2).",
        "  Rule checks return every finding at once, each with a stable code:",
    ]
    lines += [f"    {v}" for v in report]
    lines.append(
        f"  ok: {report.ok}  errors: {len(report.errors)}  "
        f"warnings: {len(report.warnings)}"
    )
    return lines


def _catalogue_section() -> list[str]:
    catalogue = default_catalogue()
    after_m1 = [m.code for m in catalogue.available(completed=[ModuleCode.M1])]
    return [
        "The module catalogue",
        catalogue_table(catalogue, indent="  "),
        "  Module 1 (Workplace Cooperation) is compulsory and first; once it is",
        f"  completed an enterprise may take: {', '.join(after_m1)}",
    ]


def _profile_section() -> list[str]:
    profile = default_profile()
    return [
        "The default profile, with where each value comes from",
        profile_text(profile, indent="  "),
    ]


def _eligibility_section() -> list[str]:
    profile = default_profile()
    on = date(2015, 3, 5)
    firms = (
        Enterprise(id="CQ-001", name="重庆齿轮厂", headcount=180, country="CN"),
        Enterprise(id="CQ-002", name="Yangtze Auto Parts", headcount=612, country="CN"),
        Enterprise(id="CQ-003", name="Jialing Garments", headcount=49, country="CN"),
        Enterprise(id="CQ-004", name="Three Gorges Valves", headcount=95),
        Enterprise(id="CQ-005", name="Shapingba Printing", headcount=230, country="CN"),
    )
    gear = EnterpriseRecord(enterprise_id="CQ-001").with_baseline(
        date(2015, 3, 2), priorities=["M5", "M2"]
    )
    for state, day in (
        (ModuleState.ENROLLED, date(2015, 3, 9)),
        (ModuleState.INTAKE_DONE, date(2015, 3, 16)),
        (ModuleState.WORKSHOP_ATTENDED, date(2015, 4, 9)),
        (ModuleState.FOLLOW_UP, date(2015, 4, 23)),
        (ModuleState.COMPLETED, date(2015, 6, 30)),
    ):
        gear = gear.advance("M1", state, on=day)
    baselined = date(2015, 3, 2)
    records = {
        "CQ-001": gear,
        "CQ-002": EnterpriseRecord(enterprise_id="CQ-002", baseline_on=baselined),
        "CQ-003": EnterpriseRecord(enterprise_id="CQ-003", baseline_on=baselined),
        "CQ-005": EnterpriseRecord(enterprise_id="CQ-005"),
    }
    screening = screen(firms, profile=profile, records=records, on=on)
    results = tuple(screening)
    next_up = [m.code for m in gear.next_modules(profile.get_catalogue())]
    return [
        f"Eligibility for Module 1 on {on}: five Chongqing enterprises, {profile.name}",
        eligibility_table(firms, results, indent="  "),
        f"  {screening.summary}",
        "  CQ-001 went on to complete Module 1 on 2015-06-30; its baseline put OSH",
        f"  and Quality first, so its next modules are: {', '.join(next_up[:4])}, ...",
        "  Why CQ-002 is ineligible, rule by rule:",
        *("    " + line for line in results[1].explain().splitlines()[1:]),
    ]


def _chongqing_workshop() -> tuple[Workshop, dict[str, EnterpriseRecord]]:
    days = (date(2015, 4, 8), date(2015, 4, 9))
    firms = (
        ("CQ-001", "重庆齿轮厂", 180, 64),
        ("CQ-005", "Shapingba Printing", 230, 90),
        ("CQ-006", "Nan'an Furniture", 140, 70),
        ("CQ-007", "Banan Castings", 310, 40),
        ("CQ-008", "Yubei Electronics", 95, 51),
    )
    groups = []
    records = {}
    for n, (eid, name, staff, women) in enumerate(firms):
        firm = Enterprise(
            id=eid,
            name=name,
            headcount=staff,
            women=women,
            country="CN",
            region="Chongqing",
        )
        genders = (Gender.FEMALE, Gender.MALE) if n != 3 else (Gender.MALE,) * 2
        people = tuple(
            Participant(
                name=f"{eid} {role.value} {k + 1}",
                role=role,
                gender=genders[k],
                id=f"{eid}-{role.value[0]}{k + 1}",
                enterprise_id=eid,
            )
            for role in Role
            for k in range(2)
            if not (n == 4 and role is Role.WORKER)
        )
        groups.append(Delegation(enterprise=firm, participants=people))
        records[eid] = EnterpriseRecord(enterprise_id=eid, baseline_on=date(2015, 3, 2))
    trainers = (
        Trainer(
            id="T1",
            name="Li Wei",
            certifications=(
                Certification(
                    module="M1",
                    level=TrainerLevel.CERTIFIED,
                    certified_on=date(2014, 6, 1),
                    expires_on=date(2017, 5, 31),
                ),
            ),
        ),
    )
    workshop = Workshop(
        id="CQ-2015-04",
        module="M1",
        days=days,
        location="Chongqing",
        trainers=trainers,
        delegations=tuple(groups),
    )
    return workshop, records


def _workshop_section() -> list[str]:
    profile = default_profile()
    workshop, records = _chongqing_workshop()
    report = check_workshop(workshop, profile=profile, records=records)
    stats = workshop_statistics(workshop)
    return [
        "A joint workshop of Module 1 for five Chongqing enterprises, 8-9 April 2015",
        f"  {len(workshop.delegations)} enterprises, {stats.total()} participants: "
        f"{stats.total(role=Role.MANAGER)} managers and "
        f"{stats.total(role=Role.WORKER)} workers, {stats.total(gender=Gender.FEMALE)} "
        f"women and {stats.total(gender=Gender.MALE)} men",
        "  Yubei Electronics sent no worker; Banan Castings sent only men:",
        report_table(report, indent="  "),
        f"  ok: {report.ok}",
    ]


def china_2015() -> FixedCalendar:
    """China's 2015 public holidays and make-up working days, as announced."""
    off: list[date] = []
    for first, count in (
        (date(2015, 1, 1), 3),
        (date(2015, 2, 18), 7),
        (date(2015, 4, 4), 3),
        (date(2015, 5, 1), 3),
        (date(2015, 6, 20), 3),
        (date(2015, 9, 3), 3),
        (date(2015, 9, 26), 2),
        (date(2015, 10, 1), 7),
    ):
        off += [first + timedelta(days=n) for n in range(count)]
    return FixedCalendar(
        name="CN-2015",
        holidays=frozenset(off),
        workdays=frozenset(
            {
                date(2015, 1, 4),
                date(2015, 2, 15),
                date(2015, 2, 28),
                date(2015, 9, 6),
                date(2015, 10, 10),
            }
        ),
        years=frozenset({2015}),
        source="State Council notices of 2014-12-16 and 2015-05-13 on the 2015 "
        "holidays",
    )


def _plan_section() -> list[str]:
    workshop, _ = _chongqing_workshop()
    calendar = china_2015()
    plan = plan_module(workshop, calendar=calendar, stagger=1)
    cycle = plan.cycles[0]
    cycle = cycle.record(
        0, VisitOutcome(held_on=cycle.visit(0).on, eit_meeting=True, kpi_collected=True)
    )
    first = cycle.visit(1)
    moved = reschedule(
        cycle,
        1,
        add_working_days(calendar, first.on, 2),
        on=first.on - timedelta(days=10),
        calendar=calendar,
        scope=Scope.FOLLOWING,
    )
    refused = reschedule(
        moved.cycle, 0, date(2015, 4, 7), on=date(2015, 4, 2), calendar=calendar
    )
    days = [v.on.isoformat() for v in moved.cycle.visits[1:]]
    return [
        "Module 1 planned for the Chongqing workshop on China's 2015 calendar "
        "(one trainer: stagger 1)",
        plan_text(plan, indent="  "),
        report_table(plan.findings, indent="  "),
        f"  {cycle.enterprise}'s intake visit is done; its follow-ups move two working "
        f"days later: {', '.join(days)}",
        "  Moving the done intake visit is refused:",
        report_table(refused.findings, indent="  "),
    ]


def _quote_section() -> list[str]:
    workshop, _ = _chongqing_workshop()
    model = example_cost_model()
    result = quote(
        workshop, cost_model=model, policy=example_funding_policy(), on=date(2015, 3, 1)
    )
    first = result.invoices[0]
    rising = FundingPolicy(
        name="phase-down-draft",
        currency="CNY",
        periods=Timeline(
            entries=(
                Dated(
                    value=FundingRules.uniform(GroupRules(donor_share=Decimal("0.6"))),
                    end=date(2015, 12, 31),
                ),
                Dated(
                    value=FundingRules.uniform(GroupRules(donor_share=Decimal("0.7"))),
                    start=date(2016, 1, 1),
                ),
            )
        ),
        source="a draft",
    )
    return [
        "Module 1 quoted for the Chongqing workshop in CNY (EXAMPLE cost model and "
        "policy: no SCORE price is published)",
        quote_text(result, indent="  "),
        f"  {first.enterprise} pays its fee by this rule: {first.payments[0].rule}; "
        f"its cost includes {first.costs[0].amount} of "
        f"'{first.costs[0].key}' ({first.costs[0].basis}, shared equally)",
        "  A phase-down whose donor share rises in 2016 is caught:",
        report_table(rising.check(), indent="  "),
    ]


def results_measurements() -> list[Measurement]:
    """The demo's KPIs for the five Chongqing enterprises of the workshop.

    Defect rate (percent) and accidents (injured workers, by sex) at the
    baseline (2 March 2015) and at the third follow-up visit (15 June). The
    docs' results figure is drawn from them too.
    """
    data = (
        ("CQ-001", "4.0", "2.5", (1, 3), (0, 1)),
        ("CQ-005", "6.2", "5.0", (0, 2), (0, 2)),
        ("CQ-006", "3.1", "3.4", (1, 1), (0, 1)),
        ("CQ-007", "8.0", "4.4", (0, 4), (0, 1)),
        ("CQ-008", "0.0", "0.0", (0, 0), (0, 0)),
    )
    items: list[Measurement] = []
    for eid, before, after, hurt_before, hurt_after in data:
        for point, on, defects, (women, men) in (
            (Point.BASELINE, date(2015, 3, 2), before, hurt_before),
            (Point.VISIT, date(2015, 6, 15), after, hurt_after),
        ):
            visit = 3 if point is Point.VISIT else None
            items.append(
                Measurement(
                    enterprise=eid,
                    indicator="defect_rate",
                    on=on,
                    value=Decimal(defects),
                    unit="percent",
                    point=point,
                    visit=visit,
                )
            )
            items.append(
                Measurement(
                    enterprise=eid,
                    indicator="accidents",
                    on=on,
                    value=Decimal(women + men),
                    unit="people",
                    point=point,
                    visit=visit,
                    women=Decimal(women),
                    men=Decimal(men),
                )
            )
    return items


def _results_section() -> list[str]:
    found = aggregate(changes(results_measurements()))
    return [
        "Results: two KPIs at the baseline and the third follow-up visit, five "
        "enterprises",
        aggregates_table(found, default_indicators(), indent="  "),
        report_table(found.findings, indent="  "),
    ]


SECTIONS: tuple[Callable[[], list[str]], ...] = (
    _money_section,
    _findings_section,
    _catalogue_section,
    _profile_section,
    _eligibility_section,
    _workshop_section,
    _plan_section,
    _quote_section,
    _results_section,
)


#: The date the demo's last section asks about when none is given (the CLI
#: gives today's).
DEMO_TODAY = date(2026, 12, 2)


def _today_section(today: date) -> list[str]:
    firm = Enterprise(id="CQ-001", name="重庆齿轮厂", headcount=180, country="CN")
    unknown = Enterprise(id="CQ-009", name="Jialing Valves", country="CN")
    phase2 = check_eligibility(firm, on=today, baseline_modules=())
    latest = get_profile("cn")
    now = check_eligibility(firm, profile=latest, on=today, baseline_modules=())
    gap = check_eligibility(unknown, profile=latest, on=today, baseline_modules=())
    warnings = [f"    {v.code}: {v.message}" for v in phase2.violations] or [
        "    (none: the profile is in force on that date)"
    ]
    employees = latest.source_of("employees")
    return [
        f"The same rules on {today}",
        "  The sections above replay SCORE China Phase II in 2015, the years its",
        "  sources describe, so that every figure can be checked against them.",
        f"  Asked on {today} with the default profile {phase2.profile},",
        f"  CQ-001 is {phase2.status.value}, and the answer says which rules it used:",
        *warnings,
        f"  China's latest profile, get_profile('cn'), is {latest.name} "
        f"(valid {latest.validity}):",
        f"    CQ-001 is {now.status.value}, with {len(now.violations)} finding(s);",
        f"    its employee band is {employees.basis.value} from {employees.source}.",
        f"  An enterprise whose headcount is not recorded is {gap.status.value}:",
        *(f"    {v.code}: {v.message}" for v in gap.violations),
        "  mode=Resolution.STRICT (the CLI's --strict) refuses instead.",
    ]


def demo_text(today: date = DEMO_TODAY) -> str:
    """The whole demo as text; its last section asks about ``today``."""
    out = [
        f"score_core {__version__}: the ILO SCORE programme "
        "(Sustaining Competitive and Responsible Enterprises) as code",
        "",
    ]
    sections: list[Callable[[], list[str]]] = [
        *SECTIONS,
        lambda: _today_section(today),
    ]
    for number, section in enumerate(sections, start=1):
        head, *body = section()
        out.append(f"{number}. {head}")
        out.extend(body)
        out.append("")
    return fit("\n".join(out))
