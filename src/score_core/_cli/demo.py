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
    explain_text,
    fit,
    head_counts,
    period,
    plan_text,
    profile_text,
    quote_text,
    report_table,
    summary_text,
    width,
    words,
)
from score_core._version import __version__
from score_core.calendars import FixedCalendar, add_working_days
from score_core.catalogue import ModuleCode, default_catalogue
from score_core.eligibility import check_eligibility, screen
from score_core.enterprises import Enterprise
from score_core.i18n import Language
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
)


def _yes_no(lang: Language, value: bool) -> str:
    """``True`` or ``False``, in words."""
    _ = lang.gettext
    return _("True") if value else _("False")


def _pad(text: str, columns: int) -> str:
    return text + " " * (columns - width(text))


def _money_section(lang: Language) -> list[str]:
    _ = lang.gettext
    shared = Money.of("10000.00", "CNY")
    participants = {
        "E1 " + _("Chongqing Gear Works"): 4,
        "E2 " + _("Yangtze Auto Parts"): 4,
        "E3 " + _("Jialing Garments"): 5,
    }
    shares = shared.allocate(list(participants.values()))
    lines = [
        _("Money and its exact allocation"),
        "  "
        + _(
            "Shared workshop costs of {total} are allocated to three enterprises"
        ).format(total=lang.money(shared)),
        "  " + _("by participants sent (largest remainder on whole fen):"),
    ]
    names = max(width(name) for name in participants)
    counts = [_("{n} participants").format(n=n) for n in participants.values()]
    column = max(width(c) for c in counts)
    for name, count, share in zip(participants, counts, shares, strict=True):
        lines.append(
            f"    {_pad(name, names)}  {_pad(count, column)}  {lang.money(share)}"
        )
    total = Money.total(shares, "CNY")
    lines.append(
        f"    {_pad(_('sum'), names)}  {' ' * column}  {lang.money(total)}  "
        + _("(exactly the total)")
    )
    rate = Decimal("0.40")
    lines.append(
        "  "
        + _("A {rate} cost-coverage target on {total}: {share}").format(
            rate=lang.percent(rate),
            total=lang.money(shared),
            share=lang.money((shared * rate).quantize()),
        )
    )
    try:
        shared * 0.4  # type: ignore[operator]
    except TypeError as exc:
        refusal = (
            str(exc)
            if lang.catalog is None
            else _("Money is never multiplied by a float (0.4): use Decimal or int")
        )
        lines.append("  " + _("A float is refused: {reason}").format(reason=refusal))
    return lines


def _findings_section(lang: Language) -> list[str]:
    _ = lang.gettext
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
        _("A report of findings"),
        "  " + _("Checking E3's improvement team (two managers, one of them from E2)."),
        "  " + _("Rule checks return every finding at once, each with a stable code:"),
    ]
    lines += [f"    {lang.finding(v)}" for v in report]
    lines.append(
        "  "
        + _("ok: {ok}  errors: {errors}  warnings: {warnings}").format(
            ok=_yes_no(lang, report.ok),
            errors=len(report.errors),
            warnings=len(report.warnings),
        )
    )
    return lines


def _catalogue_section(lang: Language) -> list[str]:
    _ = lang.gettext
    catalogue = default_catalogue()
    after_m1 = [m.code for m in catalogue.available(completed=[ModuleCode.M1])]
    return [
        _("The module catalogue"),
        catalogue_table(catalogue, indent="  ", lang=lang),
        "  "
        + _("Module 1 (Workplace Cooperation) is compulsory and first; once it is"),
        "  "
        + _("completed an enterprise may take: {modules}").format(
            modules=", ".join(after_m1)
        ),
    ]


def _profile_section(lang: Language) -> list[str]:
    _ = lang.gettext
    profile = default_profile()
    return [
        _("The default profile, with where each value comes from"),
        profile_text(profile, indent="  ", lang=lang),
    ]


def _eligibility_section(lang: Language) -> list[str]:
    _ = lang.gettext
    profile = default_profile()
    on = date(2015, 3, 5)
    firms = (
        Enterprise(id="CQ-001", name="重庆齿轮厂", headcount=180, country="CN"),
        Enterprise(
            id="CQ-002", name=_("Yangtze Auto Parts"), headcount=612, country="CN"
        ),
        Enterprise(id="CQ-003", name=_("Jialing Garments"), headcount=49, country="CN"),
        Enterprise(id="CQ-004", name=_("Three Gorges Valves"), headcount=95),
        Enterprise(
            id="CQ-005", name=_("Shapingba Printing"), headcount=230, country="CN"
        ),
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
        _(
            "Eligibility for Module 1 on {on}: five Chongqing enterprises, {profile}"
        ).format(on=lang.date(on), profile=profile.name),
        eligibility_table(firms, results, indent="  ", lang=lang),
        f"  {summary_text(screening.summary, lang)}",
        "  "
        + _("CQ-001 went on to complete Module 1 on {on}; its baseline put OSH").format(
            on=lang.date(date(2015, 6, 30))
        ),
        "  "
        + _("and Quality first, so its next modules are: {modules}, ...").format(
            modules=", ".join(next_up[:4])
        ),
        "  " + _("Why CQ-002 is ineligible, rule by rule:"),
        *("    " + line for line in explain_text(results[1], lang).splitlines()),
    ]


def _chongqing_workshop() -> tuple[Workshop, dict[str, EnterpriseRecord]]:
    days = (date(2015, 4, 8), date(2015, 4, 9))
    firms = (
        ("CQ-001", "重庆齿轮厂", 180, 64),
        ("CQ-005", "Shapingba Printing", 230, 90),
        ("CQ-006", "Nan'an Furniture", 140, 70),
        ("CQ-007", "Banan Castings", 310, 40),
        ("CQ-008", "Yubei Electronics", 95, 51),
    )  # the names are data: the same in every language
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


def _workshop_section(lang: Language) -> list[str]:
    _ = lang.gettext
    profile = default_profile()
    workshop, records = _chongqing_workshop()
    report = check_workshop(workshop, profile=profile, records=records)
    return [
        _(
            "A joint workshop of Module 1 for five Chongqing enterprises, "
            "8-9 April 2015"
        ),
        "  "
        + _(
            "{enterprises} enterprises, {participants} participants: {managers} "
            "managers and {workers} workers, {women} women and {men} men"
        ).format(**head_counts(workshop)),
        "  " + _("Yubei Electronics sent no worker; Banan Castings sent only men:"),
        report_table(report, indent="  ", lang=lang),
        "  " + _("ok: {ok}").format(ok=_yes_no(lang, report.ok)),
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


def _plan_section(lang: Language) -> list[str]:
    _ = lang.gettext
    workshop, _records = _chongqing_workshop()
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
    days = [lang.date(v.on) for v in moved.cycle.visits[1:]]
    return [
        _(
            "Module 1 planned for the Chongqing workshop on China's 2015 calendar "
            "(one trainer: stagger 1)"
        ),
        plan_text(plan, indent="  ", lang=lang),
        report_table(plan.findings, indent="  ", lang=lang),
        "  "
        + _(
            "{enterprise}'s intake visit is done; its follow-ups move two working "
            "days later: {days}"
        ).format(enterprise=cycle.enterprise, days=_(", ").join(days)),
        "  " + _("Moving the done intake visit is refused:"),
        report_table(refused.findings, indent="  ", lang=lang),
    ]


def _quote_section(lang: Language) -> list[str]:
    _ = lang.gettext
    workshop, _records = _chongqing_workshop()
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
    fee, cost = first.payments[0], first.costs[0]
    if lang.catalog is None:
        rule, basis = fee.rule, cost.basis
    else:
        rule = _("fee: {share} of {full_cost}").format(
            share=lang.number(Decimal("0.30")), full_cost=lang.money(first.full_cost)
        )
        basis = _("{trainers} trainers x {days} days x {rate}").format(
            trainers=2, days=2, rate=lang.money(Money.of("2000.00", "CNY"))
        )
    return [
        _(
            "Module 1 quoted for the Chongqing workshop in CNY (EXAMPLE cost model "
            "and policy: no SCORE price is published)"
        ),
        quote_text(result, indent="  ", lang=lang),
        "  "
        + _(
            "{enterprise} pays its fee by this rule: {rule}; its cost includes "
            "{amount} of '{key}' ({basis}, shared equally)"
        ).format(
            enterprise=first.enterprise,
            rule=rule,
            amount=lang.money(cost.amount),
            key=cost.key,
            basis=basis,
        ),
        "  " + _("A phase-down whose donor share rises in 2016 is caught:"),
        report_table(rising.check(), indent="  ", lang=lang),
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


def _results_section(lang: Language) -> list[str]:
    _ = lang.gettext
    found = aggregate(changes(results_measurements()))
    return [
        _(
            "Results: two KPIs at the baseline and the third follow-up visit, five "
            "enterprises"
        ),
        aggregates_table(found, default_indicators(), indent="  ", lang=lang),
        report_table(found.findings, indent="  ", lang=lang),
    ]


SECTIONS: tuple[Callable[[Language], list[str]], ...] = (
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


def _today_section(today: date, lang: Language) -> list[str]:
    _ = lang.gettext
    firm = Enterprise(id="CQ-001", name="重庆齿轮厂", headcount=180, country="CN")
    unknown = Enterprise(id="CQ-009", name="Jialing Valves", country="CN")
    phase2 = check_eligibility(firm, on=today, baseline_modules=())
    latest = get_profile("cn")
    now = check_eligibility(firm, profile=latest, on=today, baseline_modules=())
    gap = check_eligibility(unknown, profile=latest, on=today, baseline_modules=())
    warnings = [f"    {v.code}: {lang.message(v)}" for v in phase2.violations] or [
        "    " + _("(none: the profile is in force on that date)")
    ]
    employees = latest.source_of("employees")
    return [
        _("The same rules on {today}").format(today=lang.date(today)),
        "  "
        + _("The sections above replay SCORE China Phase II in 2015, the years its"),
        "  " + _("sources describe, so that every figure can be checked against them."),
        "  "
        + _("Asked on {today} with the default profile {profile},").format(
            today=lang.date(today), profile=phase2.profile
        ),
        "  "
        + _("CQ-001 is {status}, and the answer says which rules it used:").format(
            status=lang.token("status", phase2.status.value)
        ),
        *warnings,
        "  "
        + _(
            "China's latest profile, get_profile('cn'), is {name} (valid {valid}):"
        ).format(
            name=latest.name, valid=period(lang, latest.valid_from, latest.valid_to)
        ),
        "    "
        + _("CQ-001 is {status}, with {count} finding(s);").format(
            status=lang.token("status", now.status.value), count=len(now.violations)
        ),
        "    "
        + _("its employee band is {basis} from {source}.").format(
            basis=lang.token("basis", employees.basis.value), source=employees.source
        ),
        "  "
        + _("An enterprise whose headcount is not recorded is {status}:").format(
            status=lang.token("status", gap.status.value)
        ),
        *(f"    {v.code}: {lang.message(v)}" for v in gap.violations),
        "  " + _("mode=Resolution.STRICT (the CLI's --strict) refuses instead."),
    ]


def demo_text(today: date = DEMO_TODAY, lang: Language | None = None) -> str:
    """The whole demo as text; its last section asks about ``today``.

    ``lang`` writes it in a language (English when None): the words, and
    dates, numbers and money in the locale's conventions.
    """
    lang = words(lang)
    _ = lang.gettext
    out = [
        _(
            "score_core {version}: the ILO SCORE programme (Sustaining Competitive "
            "and Responsible Enterprises) as code"
        ).format(version=__version__),
        "",
    ]
    sections: list[Callable[[Language], list[str]]] = [
        *SECTIONS,
        lambda lang: _today_section(today, lang),
    ]
    for number, section in enumerate(sections, start=1):
        head, *body = section(lang)
        out.append(f"{number}. {head}")
        out.extend(body)
        out.append("")
    return fit("\n".join(out))
