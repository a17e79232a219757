"""Cost-recovery pricing: what a module costs, who pays what, how much is recovered.

SCORE Phase II's first objective is that national institutions sell the
training on a cost-recovering basis; the programme measures this as the share
of the full training cost paid by sources other than the ILO or donor project
(MTE-II p.35: China's target 40%, 50% reached by June 2015). No fee is
published, so score_core never invents one: a :class:`CostModel` says what
delivering a module costs, a :class:`FundingPolicy` says who pays what, and
:func:`quote` turns both into invoices whose every figure names the cost line
or the policy rule that produced it.

>>> from datetime import date
>>> from score_core import (Delegation, Enterprise, Workshop, example_cost_model,
...                         example_funding_policy, quote)
>>> firms = [Enterprise(id=f"E{n}", name=f"E{n}", headcount=120) for n in range(5)]
>>> shop = Workshop(id="W1", module="M1", days=(date(2015, 4, 8), date(2015, 4, 9)),
...                 delegations=[Delegation(enterprise=f) for f in firms])
>>> q = quote(shop, cost_model=example_cost_model(), policy=example_funding_policy(),
...           on=date(2015, 3, 1))
>>> str(q.total), str(q.invoices[0].full_cost), q.coverage
('92000.00 CNY', '18400.00 CNY', Decimal('0.5'))
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from typing import Any

import attrs

from score_core._frozen import freeze
from score_core._registry import one_of
from score_core._validators import (
    decimal_fraction,
    int_at_least,
    items_of,
    non_empty_str,
    optional_int_at_least,
    owner,
    typed,
)
from score_core.catalogue import ModuleCode, ModuleGroup
from score_core.codes import Code, violation
from score_core.enterprises import Enterprise
from score_core.errors import (
    CurrencyMismatchError,
    InvalidValueError,
)
from score_core.findings import ParamValue, Report, RuleViolation
from score_core.money import MAX_DIGITS, Money, _money_of, _quantum, currency_code
from score_core.parameters import Resolution, Timeline, _iso
from score_core.profiles import Profile, default_profile
from score_core.workshops import Delegation, Workshop


__all__ = [
    "Allocation",
    "BreakEven",
    "CostLine",
    "CostModel",
    "EnterpriseInvoice",
    "FeeRule",
    "FeeTier",
    "FundingPolicy",
    "FundingRules",
    "GroupRules",
    "Payer",
    "Payment",
    "Portfolio",
    "PortfolioRow",
    "PortfolioTarget",
    "Quote",
    "NOT_COVERAGE",
    "RECOVERING",
    "ShareRule",
    "break_even",
    "example_cost_model",
    "example_funding_policy",
    "fee_for",
    "portfolio",
    "quote",
]

_ZERO = Decimal(0)


def _money(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Money):
        raise InvalidValueError(
            f"{owner(inst)}.{attr.name} must be Money, not {type(value).__name__}",
            field=attr.name,
        )
    if value.amount < 0:
        raise InvalidValueError(
            f"{owner(inst)}.{attr.name} must not be negative, got {value}",
            field=attr.name,
        )


#: An optional amount: None, or non-negative Money.
_optional_money = attrs.validators.optional(_money)


def _non_negative_decimal(
    inst: object, attr: attrs.Attribute[Any], value: object
) -> None:
    if not isinstance(value, Decimal) or not value.is_finite() or value < 0:
        raise InvalidValueError(
            f"{owner(inst)}.{attr.name} must be a non-negative Decimal, got {value!r}",
            field=attr.name,
        )


def _to_tiers(value: Iterable[FeeTier]) -> tuple[FeeTier, ...]:
    return tuple(value)


def _to_strs(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


# -- cost model ----------------------------------------------------------------------
@attrs.frozen(kw_only=True)
class CostModel:
    """What delivering one module to one workshop costs an institution.

    Shared workshop costs: trainer days in the classroom and in preparation,
    the venue per day, catering per participant-day, materials per
    participant, trainer travel per workshop. Per-enterprise costs: the
    baseline assessment (before the modules in ``baseline_modules``), and each
    visit (the profile's intake and follow-up visits): its length in
    consultant days times the day rate, plus travel. Overhead is a share of
    all of these.

    Attributes:
        name: The model's name.
        currency: ISO 4217 code of every amount.
        trainer_day_rate: One trainer's day.
        trainers: Trainers in the classroom.
        preparation_days: Preparation days per trainer per workshop.
        venue_per_day: The venue for one classroom day.
        catering_per_participant_day: One participant's catering for a day.
        materials_per_participant: One participant's materials.
        trainer_travel: Trainers' travel for the workshop.
        baseline_assessment: One enterprise's baseline assessment.
        baseline_modules: Modules whose price includes the baseline.
        consultant_day_rate: One consultant day at a factory.
        visit_travel: Travel for one visit.
        overhead: The institution's overhead, a share of direct costs.
        example: True for figures made up for illustration.
        source: Where the figures come from.
    """

    name: str = attrs.field(validator=non_empty_str)
    currency: str = attrs.field(validator=currency_code)
    trainer_day_rate: Money = attrs.field(validator=_money)
    trainers: int = attrs.field(default=2, validator=int_at_least(1))
    preparation_days: Decimal = attrs.field(
        default=Decimal(1), validator=_non_negative_decimal
    )
    venue_per_day: Money = attrs.field(validator=_money)
    catering_per_participant_day: Money = attrs.field(validator=_money)
    materials_per_participant: Money = attrs.field(validator=_money)
    trainer_travel: Money = attrs.field(validator=_money)
    baseline_assessment: Money = attrs.field(validator=_money)
    baseline_modules: tuple[str, ...] = attrs.field(
        default=(ModuleCode.M1.value,), converter=_to_strs, validator=items_of(str)
    )
    consultant_day_rate: Money = attrs.field(validator=_money)
    visit_travel: Money = attrs.field(validator=_money)
    overhead: Decimal = attrs.field(default=_ZERO, validator=_non_negative_decimal)
    example: bool = attrs.field(default=False, validator=typed(bool))
    source: str = attrs.field(validator=non_empty_str)

    def __attrs_post_init__(self) -> None:
        for field in attrs.fields(CostModel):
            value = getattr(self, field.name)
            if isinstance(value, Money) and value.currency != self.currency:
                raise CurrencyMismatchError(
                    f"CostModel.{field.name} is in {value.currency}; the model is "
                    f"in {self.currency}"
                )


def example_cost_model() -> CostModel:
    """An EXAMPLE cost model in CNY: made-up figures, not a published price.

    No SCORE fee or cost is published (fact sheet, section 6); these figures
    only show the shape of a cost model. Replace every one with your
    institution's own.
    """
    return CostModel(
        name="cn-example",
        currency="CNY",
        trainer_day_rate=Money.of("2000", "CNY"),
        trainers=2,
        preparation_days=Decimal(1),
        venue_per_day=Money.of("1500", "CNY"),
        catering_per_participant_day=Money.of("120", "CNY"),
        materials_per_participant=Money.of("150", "CNY"),
        trainer_travel=Money.of("1200", "CNY"),
        baseline_assessment=Money.of("2000", "CNY"),
        consultant_day_rate=Money.of("2000", "CNY"),
        visit_travel=Money.of("300", "CNY"),
        overhead=Decimal("0.15"),
        example=True,
        source="score_core EXAMPLE figures for illustration; no published price",
    )


class Allocation(enum.StrEnum):
    """How shared workshop costs are divided among enterprises (largest remainder)."""

    EQUAL = "equal"
    BY_PARTICIPANTS = "by_participants"


# -- funding policy -----------------------------------------------------------------
class Payer(enum.StrEnum):
    """Who pays a part of an enterprise's full cost, in the order applied.

    INSTITUTION is the institution's own budget, where the policy names it as
    a payer with its rule (:attr:`GroupRules.institution`); UNFUNDED is the
    part that no payer's rule covers: nobody pays it, and it is not coverage.
    """

    IN_KIND = "in_kind"
    ENTERPRISE = "enterprise"
    SPONSOR = "sponsor"
    GOVERNMENT = "government"
    DONOR = "donor"
    INSTITUTION = "institution"
    UNFUNDED = "unfunded"


#: Who does not count towards cost coverage: the ILO/donor project, and
#: the part nobody pays.
NOT_COVERAGE = frozenset({Payer.DONOR, Payer.UNFUNDED})


#: Payers whose payments count as cost recovery for the institution.
RECOVERING = frozenset({Payer.ENTERPRISE, Payer.SPONSOR, Payer.GOVERNMENT})


@attrs.frozen(kw_only=True)
class FeeTier:
    """A fixed fee for enterprises up to a headcount.

    Attributes:
        up_to: Largest headcount of the tier, inclusive; None for no limit.
        price: The fee per module.
    """

    up_to: int | None = attrs.field(default=None, validator=optional_int_at_least(0))
    price: Money = attrs.field(validator=_money)


def _check_tiers(inst: FeeRule, _attr: object, value: tuple[FeeTier, ...]) -> None:
    limits = [t.up_to for t in value]
    if any(limit is None for limit in limits[:-1]) or limits != sorted(
        limits, key=lambda n: float("inf") if n is None else n
    ):
        raise InvalidValueError(
            "FeeRule.tiers must rise by headcount, only the last without limit",
            field="tiers",
        )


@attrs.frozen(kw_only=True)
class FeeRule:
    """What an enterprise pays: fixed prices by size tier, or a share of its cost.

    Attributes:
        tiers: Fixed fees by headcount tier (used when not empty).
        share: Otherwise, a share of the enterprise's full cost.
        cap: The most an enterprise pays, or None.
    """

    tiers: tuple[FeeTier, ...] = attrs.field(
        default=(), converter=_to_tiers, validator=[items_of(FeeTier), _check_tiers]
    )
    share: Decimal = attrs.field(default=_ZERO, validator=decimal_fraction)
    cap: Money | None = attrs.field(default=None, validator=_optional_money)


@attrs.frozen(kw_only=True)
class ShareRule:
    """A sponsor's or a government's share of each enterprise's full cost.

    The share is capped per enterprise and per participant; whichever binds
    first wins.

    Attributes:
        share: Share of the enterprise's full cost.
        cap_per_enterprise: The most paid for one enterprise, or None.
        cap_per_participant: The most paid per participant sent, or None.
        name: Who pays (a lead buyer, a ministry's scheme).
    """

    share: Decimal = attrs.field(validator=decimal_fraction)
    cap_per_enterprise: Money | None = attrs.field(
        default=None, validator=_optional_money
    )
    cap_per_participant: Money | None = attrs.field(
        default=None, validator=_optional_money
    )
    name: str = attrs.field(default="", validator=typed(str))


@attrs.frozen(kw_only=True)
class GroupRules:
    """The funding rules for one module group (Module 1, or Modules 2 to 5).

    Attributes:
        fee: What each enterprise pays, or None.
        sponsor: A sponsor's share, or None.
        government: A government scheme's share, or None.
        institution: The institution's own budget as a payer, with its share
            and caps, or None. It pays after the donor, from what is left;
            what no payer covers is unfunded (an error finding), never
            counted as the institution's.
        in_kind: In-kind contributions to the workshop (a venue lent, staff
            time), valued in money and divided like shared costs.
        donor_share: The most the donor pays, as a share of each enterprise's
            full cost.
        donor_cap: The most the donor pays for one enterprise, or None.
        raises_donor_share: Set on a period whose donor share is meant to be
            higher than the period before (an explicit override).
    """

    fee: FeeRule | None = attrs.field(default=None)
    sponsor: ShareRule | None = attrs.field(default=None)
    government: ShareRule | None = attrs.field(default=None)
    institution: ShareRule | None = attrs.field(default=None)
    in_kind: Money | None = attrs.field(default=None, validator=_optional_money)
    donor_share: Decimal = attrs.field(default=Decimal(1), validator=decimal_fraction)
    donor_cap: Money | None = attrs.field(default=None, validator=_optional_money)
    raises_donor_share: bool = attrs.field(default=False, validator=typed(bool))

    def __attrs_post_init__(self) -> None:
        for name, cls in (
            ("fee", FeeRule),
            ("sponsor", ShareRule),
            ("government", ShareRule),
            ("institution", ShareRule),
        ):
            value = getattr(self, name)
            if value is not None and not isinstance(value, cls):
                raise InvalidValueError(
                    f"GroupRules.{name} must be a {cls.__name__}", field=name
                )


@attrs.frozen(kw_only=True)
class FundingRules:
    """One period's rules: Module 1 and the later modules may differ (Ghana).

    Attributes:
        module1: Rules for Module 1.
        later_modules: Rules for every other module.
    """

    module1: GroupRules = attrs.field(validator=typed(GroupRules))
    later_modules: GroupRules = attrs.field(validator=typed(GroupRules))

    @classmethod
    def uniform(cls, rules: GroupRules) -> FundingRules:
        """The same rules for every module."""
        return cls(module1=rules, later_modules=rules)

    def for_module(self, code: str) -> GroupRules:
        """Module 1's rules, or the later modules'."""
        return self.module1 if code == ModuleCode.M1 else self.later_modules


@attrs.frozen(kw_only=True)
class FundingPolicy:
    """Who pays what, period by period: a phase-down is a timeline of rules.

    Attributes:
        name: The policy's name.
        currency: ISO 4217 code of its amounts.
        periods: The rules over time.
        allocation: How shared costs are divided among enterprises.
        example: True for a policy made up for illustration.
        source: Where the policy comes from.
    """

    name: str = attrs.field(validator=non_empty_str)
    currency: str = attrs.field(validator=currency_code)
    periods: Timeline[FundingRules] = attrs.field()
    allocation: Allocation = attrs.field(
        default=Allocation.EQUAL, validator=typed(Allocation)
    )
    example: bool = attrs.field(default=False, validator=typed(bool))
    source: str = attrs.field(validator=non_empty_str)

    @periods.validator
    def _check_periods(self, _attr: object, value: object) -> None:
        if not isinstance(value, Timeline) or not all(
            isinstance(e.value, FundingRules) for e in value.entries
        ):
            raise InvalidValueError(
                "FundingPolicy.periods must be a Timeline of FundingRules",
                field="periods",
            )

    def check(self) -> Report:
        """Findings on the policy itself: a donor share that rises over time.

        A period whose donor share (for Module 1 or for the later modules) is
        higher than the period before gives ``funding.donor_share.rises``,
        unless that period sets ``raises_donor_share``.
        """
        out: list[RuleViolation] = []
        entries = self.periods.entries
        for index in range(1, len(entries)):
            before, after = entries[index - 1], entries[index]
            for group in ModuleGroup:
                old: GroupRules = getattr(before.value, group.value)
                new: GroupRules = getattr(after.value, group.value)
                if new.donor_share > old.donor_share and not new.raises_donor_share:
                    out.append(
                        violation(
                            Code.FUNDING_DONOR_SHARE_RISES,
                            policy=self.name,
                            group=group.value,
                            before=str(old.donor_share),
                            after=str(new.donor_share),
                            start=_iso(after.start),
                            end=_iso(after.end),
                            path=("periods", "entries", index, "value", group.value),
                        )
                    )
        return Report(violations=tuple(out))


def example_funding_policy() -> FundingPolicy:
    """An EXAMPLE policy in CNY, of the shape China's Phase II reported.

    Enterprises pay 30% of their full cost, a lead buyer sponsors 20% (at most
    300 CNY per participant), and the ILO project pays the rest: coverage of
    50%, the figure China reported in June 2015 against a 40% target
    (MTE-II p.35). The shares are made up; no fee is published.
    """
    rules = GroupRules(
        fee=FeeRule(share=Decimal("0.30")),
        sponsor=ShareRule(
            share=Decimal("0.20"),
            cap_per_participant=Money.of("1000", "CNY"),
            name="lead buyer",
        ),
    )
    return FundingPolicy(
        name="cn-example",
        currency="CNY",
        periods=Timeline.always(FundingRules.uniform(rules)),
        example=True,
        source="score_core EXAMPLE shares for illustration",
    )


# -- quotes --------------------------------------------------------------------------
@attrs.frozen(kw_only=True)
class CostLine:
    """One line of a workshop's cost.

    Attributes:
        key: A stable key (``trainer_days``, ``venue``, ``visits``, ...).
        basis: How it was computed, in words and figures.
        amount: Its amount.
        enterprise: The enterprise it belongs to, or None for a shared line.
    """

    key: str
    basis: str
    amount: Money
    enterprise: str | None = None


@attrs.frozen(kw_only=True)
class Payment:
    """One payer's part of an enterprise's full cost.

    Attributes:
        payer: Who pays.
        amount: How much.
        rule: The policy rule that produced it, in words.
    """

    payer: Payer
    amount: Money
    rule: str


@attrs.frozen(kw_only=True)
class EnterpriseInvoice:
    """One enterprise's full cost and who pays it.

    Attributes:
        enterprise: The enterprise's id.
        participants: Participants counted for it.
        costs: Its share of each shared line and its own lines, by key.
        full_cost: The sum of ``costs``.
        payments: Who pays what; they sum to ``full_cost``.
    """

    enterprise: str
    participants: int
    costs: tuple[CostLine, ...]
    full_cost: Money
    payments: tuple[Payment, ...]

    def paid_by(self, payer: Payer) -> Money:
        """What one payer pays for this enterprise."""
        return Money.total(
            (p.amount for p in self.payments if p.payer is payer),
            self.full_cost.currency,
        )


def _freeze_payers(value: Mapping[Payer, Money]) -> Mapping[Payer, Money]:
    return freeze(value)


@attrs.frozen(kw_only=True)
class Quote:
    """The price of one module for one workshop, on one date.

    Attributes:
        workshop: The workshop's id.
        module: The module code.
        on: The quote's date (the policy period and the target in force).
        currency: ISO 4217 code.
        cost_model: The cost model's name.
        policy: The funding policy's name.
        profile: The profile's name.
        lines: The workshop's cost lines (shared and per enterprise).
        invoices: One invoice per enterprise, in the workshop's order.
        total: The full cost.
        by_payer: What each payer pays in total (every payer listed).
        coverage: Share of the full cost paid, not by the donor (unrounded:
            format it for display).
        recovery: Share paid by enterprises, sponsors and government.
        target: The profile's coverage target for the module, or None.
        findings: Coverage below target, a remainder no payer covers,
            example figures, and the policy's own findings.
    """

    workshop: str
    module: str
    on: date
    currency: str
    cost_model: str
    policy: str
    profile: str
    lines: tuple[CostLine, ...]
    invoices: tuple[EnterpriseInvoice, ...]
    total: Money
    by_payer: Mapping[Payer, Money] = attrs.field(converter=_freeze_payers)
    coverage: Decimal
    recovery: Decimal
    target: Decimal | None
    findings: Report

    @property
    def group(self) -> ModuleGroup:
        """The module group of coverage targets and funding rules."""
        return ModuleGroup.of(self.module)

    def invoice(self, enterprise: str) -> EnterpriseInvoice:
        """The invoice of one enterprise.

        Raises:
            UnknownNameError: when the quote has none for it.
        """
        return one_of(
            self.invoices, "enterprise", enterprise, owner=f"quote for {self.workshop}"
        )


def _ratio(part: Money, whole: Money) -> Decimal:
    """``part / whole`` to 28 significant digits (0 for nothing over nothing)."""
    if whole.amount == 0:
        return _ZERO
    return part.amount / whole.amount


def _participants(delegation: Delegation, profile: Profile) -> int:
    if delegation.participants:
        return len(delegation.participants)
    return profile.delegation.managers + profile.delegation.workers


def _times(money: Money, factor: Decimal | int) -> Money:
    """``(money * factor).quantize()``, building one Money instead of two."""
    product = money.amount * factor
    if product and product.is_finite() and product.adjusted() < MAX_DIGITS:
        quantum = _quantum(money.currency)[0]
        return _money_of(
            product.quantize(quantum, rounding=ROUND_HALF_UP), money.currency
        )
    return (money * factor).quantize()  # zero, or refused there saying why


def _priced(key: str, counted: str, rate: Money, quantity: Decimal | int) -> CostLine:
    """A cost line of ``quantity`` times a rate, its basis saying how many of what."""
    return CostLine(key=key, basis=f"{counted} x {rate}", amount=_times(rate, quantity))


def _cost_lines(
    workshop: Workshop,
    model: CostModel,
    profile: Profile,
    counts: Sequence[int],
) -> tuple[list[CostLine], list[list[CostLine]]]:
    days = len(workshop.days)
    people = sum(counts)
    trainer_days = model.trainers * days
    prep = model.preparation_days * model.trainers
    trainers = f"{model.trainers} trainers"
    participants = f"{people} participants"
    shared = [
        _priced(
            "trainer_days",
            f"{trainers} x {days} days",
            model.trainer_day_rate,
            trainer_days,
        ),
        _priced(
            "preparation",
            f"{trainers} x {model.preparation_days} days",
            model.trainer_day_rate,
            prep,
        ),
        _priced("venue", f"{days} days", model.venue_per_day, days),
        _priced(
            "catering",
            f"{participants} x {days} days",
            model.catering_per_participant_day,
            people * days,
        ),
        _priced("materials", participants, model.materials_per_participant, people),
        CostLine(
            key="trainer_travel", basis="per workshop", amount=model.trainer_travel
        ),
    ]
    visits = profile.follow_up_visits + (1 if profile.intake_visit else 0)
    # Each enterprise's own lines: the same bases and amounts, built once.
    own_lines = [
        (
            "visits",
            f"{visits} visits x {profile.visit_days} days x "
            f"{model.consultant_day_rate}",
            _times(model.consultant_day_rate, visits * profile.visit_days),
        ),
        (
            "visit_travel",
            f"{visits} visits x {model.visit_travel}",
            _times(model.visit_travel, visits),
        ),
    ]
    if workshop.module in model.baseline_modules:
        own_lines.insert(
            0,
            (
                "baseline",
                f"baseline assessment before {workshop.module}",
                model.baseline_assessment,
            ),
        )
    own = [
        [
            CostLine(key=key, basis=basis, amount=amount, enterprise=d.enterprise.id)
            for key, basis, amount in own_lines
        ]
        for d in workshop.delegations
    ]
    return shared, own


def _allocate(amount: Money, weights: Sequence[int | Decimal]) -> tuple[Money, ...]:
    if not any(weights):
        return amount.allocate([1] * len(weights))
    return amount.allocate(list(weights))


def _tier(rule: FeeRule, firm: Enterprise) -> tuple[FeeTier, bool]:
    """The enterprise's tier, and whether it fits one (else the last tier).

    An unknown headcount fits no tier: the last one is charged, with a finding.
    """
    n = firm.headcount
    for tier in rule.tiers:
        if n is not None and (tier.up_to is None or n <= tier.up_to):
            return tier, True
    return rule.tiers[-1], False


def _capped(
    amount: Money, caps: Iterable[tuple[Money | None, str]]
) -> tuple[Money, str]:
    note = ""
    for cap, why in caps:
        if cap is not None and amount > cap:
            amount, note = cap, why
    return amount, note


def _share_of(
    share: ShareRule, full: Money, participants: int, payer: str
) -> tuple[Money, str]:
    """What a share rule asks of one enterprise, and the rule in words.

    ``payer`` is how the rule names who pays (``government (SME scheme)``).
    """
    per_person = (
        None
        if share.cap_per_participant is None
        else _times(share.cap_per_participant, participants)
    )
    wanted, note = _capped(
        _times(full, share.share),
        [
            (share.cap_per_enterprise, "the cap per enterprise"),
            (per_person, f"the cap per participant x {participants}"),
        ],
    )
    return wanted, f"{payer}: {share.share} of {full}" + (
        f", capped at {note}" if note else ""
    )


class _Ledger:
    """What is left of one enterprise's full cost as payers take their part."""

    __slots__ = ("left", "payments")

    def __init__(self, full: Money) -> None:
        self.left = full
        self.payments: list[Payment] = []

    def pay(
        self, payer: Payer, wanted: Money, rule: str, *, say_limit: bool = True
    ) -> None:
        left = self.left
        if wanted.currency != left.currency:
            left._same(wanted, "compare")  # raises, saying why
        limited = left.amount < wanted.amount
        amount = left if limited else wanted
        if say_limit and limited:
            rule += f"; limited to the {left} left"
        self.left = left - amount
        self.payments.append(Payment(payer=payer, amount=amount, rule=rule))


def _fee_of(
    fee: FeeRule, firm: Enterprise, full: Money, index: int
) -> tuple[Money, str, tuple[RuleViolation, ...]]:
    """What the enterprise's fee asks, the rule in words, and its findings."""
    findings: tuple[RuleViolation, ...] = ()
    if fee.tiers:
        tier, fits = _tier(fee, firm)
        wanted = tier.price
        limit = "no limit" if tier.up_to is None else f"up to {tier.up_to} employees"
        rule = f"fee: tier {limit}, {tier.price}"
        where = ("invoices", index)
        if firm.headcount is None:
            findings = (
                violation(
                    Code.PRICING_FEE_HEADCOUNT_UNKNOWN,
                    enterprise=firm.id,
                    price=str(tier.price),
                    path=where,
                ),
            )
        elif not fits:
            findings = (
                violation(
                    Code.PRICING_FEE_NO_TIER,
                    enterprise=firm.id,
                    headcount=firm.headcount,
                    price=str(tier.price),
                    path=where,
                ),
            )
    else:
        wanted = _times(full, fee.share)
        rule = f"fee: {fee.share} of {full}"
    wanted, note = _capped(wanted, [(fee.cap, "the fee's cap")])
    return wanted, rule + (f", capped at {note}" if note else ""), findings


def _donor_of(rules: GroupRules, full: Money) -> tuple[Money, str]:
    """The most the donor pays for one enterprise, and the rule in words."""
    donor, note = _capped(
        _times(full, rules.donor_share), [(rules.donor_cap, "the donor's cap")]
    )
    rule = "donor: the rest"
    if rules.donor_share < 1:
        rule += f", at most {rules.donor_share} of {full}"
    if note:
        rule += f", capped at {note}"
    return donor, rule


def _payments(
    firm: Enterprise,
    participants: int,
    full: Money,
    in_kind: Money,
    rules: GroupRules,
    index: int,
) -> tuple[tuple[Payment, ...], tuple[RuleViolation, ...]]:
    """Who pays what of one enterprise's full cost, in order, and the findings.

    The payments always sum to ``full``: the last one, ``unfunded``, is
    what is left (property-tested in tests/test_pricing.py).
    """
    ledger = _Ledger(full)
    findings: tuple[RuleViolation, ...] = ()
    if in_kind.amount:
        ledger.pay(
            Payer.IN_KIND, in_kind, "in-kind contribution to the workshop, its share"
        )
    if rules.fee is not None:
        wanted, rule, findings = _fee_of(rules.fee, firm, full, index)
        ledger.pay(Payer.ENTERPRISE, wanted, rule)
    for payer, share in (
        (Payer.SPONSOR, rules.sponsor),
        (Payer.GOVERNMENT, rules.government),
    ):
        if share is not None:
            who = f"{payer.value} ({share.name})" if share.name else payer.value
            ledger.pay(payer, *_share_of(share, full, participants, who))
    ledger.pay(Payer.DONOR, *_donor_of(rules, full), say_limit=False)
    budget = rules.institution
    if budget is not None:
        # The institution's own budget covers what is left after the donor.
        who = (
            f"institution (own budget: {budget.name})"
            if budget.name
            else ("institution (own budget)")
        )
        ledger.pay(Payer.INSTITUTION, *_share_of(budget, full, participants, who))
    ledger.pay(Payer.UNFUNDED, ledger.left, "unfunded: what no payer's rule covers")
    return tuple(ledger.payments), findings


def quote(
    workshop: Workshop,
    *,
    cost_model: CostModel,
    policy: FundingPolicy,
    on: date,
    profile: Profile | None = None,
    joining: Delegation | None = None,
    mode: Resolution = Resolution.LENIENT,
) -> Quote:
    """Price one module for one workshop on one date.

    Builds the cost lines from the cost model (classroom days from the
    workshop, visits from the profile), divides shared lines and the
    overhead among the enterprises exactly (largest remainder, equally or by
    participants as the policy says), then applies the policy period in force
    on ``on`` to each enterprise: in-kind share, fee, sponsor, government,
    the institution's budget when the policy names it, the donor; what is
    left is unfunded (an error finding, not coverage). A delegation without named
    participants counts as the profile's delegation (2 managers and 2
    workers classically).

    Args:
        workshop: The workshop (its module, days and delegations).
        cost_model: What delivery costs.
        policy: Who pays what.
        on: The quote's date.
        profile: The profile (the default profile when None): visits, visit
            length, delegation size, coverage targets.
        joining: A delegation to quote as if it joined the workshop.
        mode: How to use the profile, the policy period and the target when
            none is in force on ``on``: LENIENT (the default) uses the nearest
            with a warning finding, STRICT refuses (see
            :class:`~score_core.Resolution`).

    Raises:
        CurrencyMismatchError: when the model, the policy and the profile are
            not in one currency.
        InvalidValueError: for a workshop without enterprises.
        NotInForceError: in STRICT mode, when the profile, a policy period or
            a target is not in force on ``on``.
    """
    profile = default_profile() if profile is None else profile
    profile.get_catalogue()[workshop.module]  # an unknown module raises here
    workshop = _to_quote(workshop, joining, cost_model, policy, profile)
    currency = cost_model.currency
    rules, found = _rules_on(workshop, policy, profile, on, mode)
    counts = [_participants(d, profile) for d in workshop.delegations]
    weights: list[int] = (
        counts if policy.allocation is Allocation.BY_PARTICIPANTS else [1] * len(counts)
    )
    lines, per_firm = _costs(workshop, cost_model, profile, counts, weights)
    invoices, paid = _invoices(workshop, rules, counts, weights, per_firm, currency)
    total = Money.total((line.amount for line in lines), currency)
    by_payer = _by_payer(invoices, currency)
    coverage = _ratio(
        total - Money.total((by_payer[p] for p in NOT_COVERAGE), currency), total
    )
    target, checked = _against_target(workshop, profile, on, mode, coverage)
    unfunded = _unfunded_and_examples(workshop, by_payer, cost_model, policy)
    return Quote(
        workshop=workshop.id,
        module=workshop.module,
        on=on,
        currency=currency,
        cost_model=cost_model.name,
        policy=policy.name,
        profile=profile.name,
        lines=lines,
        invoices=invoices,
        total=total,
        by_payer=by_payer,
        coverage=coverage,
        recovery=_ratio(
            Money.total((by_payer[p] for p in RECOVERING), currency), total
        ),
        target=target,
        findings=Report(violations=(*found, *paid, *checked, *unfunded)),
    )


def _to_quote(
    workshop: Workshop,
    joining: Delegation | None,
    model: CostModel,
    policy: FundingPolicy,
    profile: Profile,
) -> Workshop:
    """The workshop to price (with ``joining``), once the currencies agree."""
    if joining is not None:
        workshop = attrs.evolve(workshop, delegations=(*workshop.delegations, joining))
    if not workshop.delegations:
        raise InvalidValueError(f"workshop {workshop.id} has no enterprise to quote")
    currency = model.currency
    for what, other in (("policy", policy.currency), ("profile", profile.currency)):
        if other != currency:
            raise CurrencyMismatchError(
                f"cost model {model.name} is in {currency}; the {what} is in {other}"
            )
    return workshop


def _by_payer(
    invoices: Sequence[EnterpriseInvoice], currency: str
) -> dict[Payer, Money]:
    """What each payer pays in all (every payer listed)."""
    sums = dict.fromkeys(Payer, Money.zero(currency).amount)
    for invoice in invoices:
        for payment in invoice.payments:
            sums[payment.payer] += payment.amount.amount
    return {payer: Money(amount=sums[payer], currency=currency) for payer in Payer}


def _rules_on(
    workshop: Workshop,
    policy: FundingPolicy,
    profile: Profile,
    on: date,
    mode: Resolution,
) -> tuple[GroupRules, tuple[RuleViolation, ...]]:
    """The workshop's module group's rules on ``on``, and the dates' findings."""
    resolved = policy.periods.at(
        on, mode=mode, parameter="funding policy periods", profile=policy.name
    )
    findings = (
        *policy.check().violations,
        *profile.check_in_force(on, mode=mode).violations,
        *resolved.findings.violations,
    )
    return resolved.value.for_module(workshop.module), findings


def _costs(
    workshop: Workshop,
    model: CostModel,
    profile: Profile,
    counts: list[int],
    weights: list[int],
) -> tuple[tuple[CostLine, ...], list[list[CostLine]]]:
    """The workshop's cost lines, and each enterprise's share of them.

    Shared lines are divided by ``weights``; the overhead is a share of all
    direct costs, divided in proportion to each enterprise's direct costs.
    """
    currency = model.currency
    ids = [d.enterprise.id for d in workshop.delegations]
    shared, own = _cost_lines(workshop, model, profile, counts)
    per_firm: list[list[CostLine]] = [[] for _ in counts]
    for line in shared:
        for k, part in enumerate(_allocate(line.amount, weights)):
            per_firm[k].append(
                CostLine(key=line.key, basis=line.basis, amount=part, enterprise=ids[k])
            )
    for k, lines in enumerate(own):
        per_firm[k] += lines
    direct_lines = (*shared, *(x for o in own for x in o))
    direct = Money.total((line.amount for line in direct_lines), currency)
    overhead = CostLine(
        key="overhead",
        basis=f"{model.overhead} of {direct}",
        amount=_times(direct, model.overhead),
    )
    by_firm = [Money.total((c.amount for c in lines), currency) for lines in per_firm]
    for k, part in enumerate(_allocate(overhead.amount, _weights(by_firm))):
        per_firm[k].append(
            CostLine(
                key="overhead", basis=overhead.basis, amount=part, enterprise=ids[k]
            )
        )
    return (*direct_lines, overhead), per_firm


def _weights(amounts: Sequence[Money]) -> list[int] | list[Decimal]:
    """Amounts as allocation weights: whole minor units when they all are.

    The same proportions either way, so the same split; integers are split
    without fractions.
    """
    if all(a.is_exact for a in amounts):
        return [a.minor_units for a in amounts]
    return [a.amount for a in amounts]


def _invoices(
    workshop: Workshop,
    rules: GroupRules,
    counts: list[int],
    weights: list[int],
    per_firm: list[list[CostLine]],
    currency: str,
) -> tuple[tuple[EnterpriseInvoice, ...], tuple[RuleViolation, ...]]:
    """Each enterprise's invoice (its costs and who pays them), and findings."""
    in_kind = (
        _allocate(rules.in_kind, weights)
        if rules.in_kind is not None
        else tuple(Money.zero(currency) for _ in counts)
    )
    invoices: list[EnterpriseInvoice] = []
    findings: list[RuleViolation] = []
    for k, delegation in enumerate(workshop.delegations):
        full = Money.total((c.amount for c in per_firm[k]), currency)
        payments, found = _payments(
            delegation.enterprise, counts[k], full, in_kind[k], rules, k
        )
        findings += found
        invoices.append(
            EnterpriseInvoice(
                enterprise=delegation.enterprise.id,
                participants=counts[k],
                costs=tuple(per_firm[k]),
                full_cost=full,
                payments=payments,
            )
        )
    return tuple(invoices), tuple(findings)


def _against_target(
    workshop: Workshop,
    profile: Profile,
    on: date,
    mode: Resolution,
    coverage: Decimal,
) -> tuple[Decimal | None, tuple[RuleViolation, ...]]:
    """The profile's coverage target for the module, and coverage against it."""
    targets = profile.coverage_target(on, mode=mode)
    if targets is None:
        return None, ()
    target = targets.value.for_module(workshop.module)
    below = (
        ()
        if coverage >= target
        else (
            violation(
                Code.PRICING_COVERAGE_BELOW_TARGET,
                workshop=workshop.id,
                coverage=str(coverage),
                target=str(target),
                module=workshop.module,
                profile=profile.name,
                path=("coverage",),
            ),
        )
    )
    return target, (*targets.findings.violations, *below)


def _unfunded_and_examples(
    workshop: Workshop,
    by_payer: Mapping[Payer, Money],
    model: CostModel,
    policy: FundingPolicy,
) -> tuple[RuleViolation, ...]:
    """A remainder nobody pays (an error), and made-up figures (info)."""
    out: list[RuleViolation] = []
    if by_payer[Payer.UNFUNDED].amount:
        out.append(
            violation(
                Code.PRICING_REMAINDER_UNFUNDED,
                workshop=workshop.id,
                amount=str(by_payer[Payer.UNFUNDED]),
                path=("by_payer", Payer.UNFUNDED.value),
            )
        )
    for name, thing in (("cost_model", model), ("funding_policy", policy)):
        if thing.example:
            out.append(
                violation(
                    Code.PRICING_EXAMPLE_FIGURES, what=name, name=thing.name, path=()
                )
            )
    return tuple(out)


# -- break-even ------------------------------------------------------------------------
@attrs.frozen(kw_only=True)
class BreakEven:
    """The answer to a break-even question.

    Attributes:
        enterprises: The workshop size found, or None when none works.
        fee: The fee per enterprise asked about or found.
        target: The coverage target.
        coverage: The coverage reached at that size and fee (the largest
            size tried when none works).
        reason: Why no size works, or an empty string.
    """

    enterprises: int | None = attrs.field(validator=optional_int_at_least(1))
    fee: Money = attrs.field(validator=_money)
    target: Decimal = attrs.field(validator=_non_negative_decimal)
    coverage: Decimal = attrs.field(validator=_non_negative_decimal)
    reason: str = attrs.field(default="", validator=typed(str))


def _standard_workshop(module: str, size: int, days: int) -> Workshop:
    start = date(2000, 1, 3)
    return Workshop(
        id=f"standard-{module}-{size}",
        module=module,
        days=tuple(date.fromordinal(start.toordinal() + d) for d in range(days)),
        delegations=tuple(
            Delegation(
                enterprise=Enterprise(id=f"E{k + 1}", name=f"E{k + 1}", headcount=50)
            )
            for k in range(size)
        ),
    )


def _fee_policy(model: CostModel, fee: Money) -> FundingPolicy:
    rules = GroupRules(fee=FeeRule(tiers=(FeeTier(price=fee),)))
    return FundingPolicy(
        name="fixed-fee",
        currency=model.currency,
        periods=Timeline.always(FundingRules.uniform(rules)),
        source="break-even: one fixed fee, the donor pays the rest",
    )


def _standard_quote(
    model: CostModel, profile: Profile, module: str, size: int, fee: Money
) -> Quote:
    """A workshop of ``size`` standard delegations paying ``fee`` each."""
    days = profile.classroom_days_for(profile.get_catalogue()[module]) or 1
    return quote(
        _standard_workshop(module, size, days),
        cost_model=model,
        policy=_fee_policy(model, fee),
        on=date(2000, 1, 3),
        profile=attrs.evolve(profile, coverage_targets=None),
    )


def _coverage(
    model: CostModel, profile: Profile, module: str, size: int, fee: Money
) -> Decimal:
    return _standard_quote(model, profile, module, size, fee).coverage


def break_even(
    cost_model: CostModel,
    *,
    fee: Money,
    target: Decimal,
    module: str = ModuleCode.M1,
    profile: Profile | None = None,
    max_enterprises: int | None = None,
) -> BreakEven:
    """The smallest workshop at which ``fee`` per enterprise meets ``target``.

    Workshops of standard delegations (the profile's make-up) are quoted
    with the fee as the only payment besides the donor; sizes run from 1 to
    ``max_enterprises`` (the profile's maximum per workshop by default).

    Returns:
        The smallest size, or ``enterprises=None`` with the reason when no
        size up to the maximum reaches the target.
    """
    profile = default_profile() if profile is None else profile
    top = (
        profile.enterprises_per_workshop.maximum
        if max_enterprises is None
        else max_enterprises
    )
    coverage = _ZERO
    for size in range(1, top + 1):
        coverage = _coverage(cost_model, profile, module, size, fee)
        if coverage >= target:
            return BreakEven(
                enterprises=size, fee=fee, target=target, coverage=coverage
            )
    return BreakEven(
        enterprises=None,
        fee=fee,
        target=target,
        coverage=coverage,
        reason=f"a fee of {fee} reaches {coverage:.1%} at {top} enterprises, below "
        f"{target:.0%}; raise the fee or the size",
    )


def fee_for(
    cost_model: CostModel,
    *,
    enterprises: int,
    target: Decimal,
    module: str = ModuleCode.M1,
    profile: Profile | None = None,
) -> BreakEven:
    """The smallest fee per enterprise that meets ``target`` at a workshop size.

    Returns:
        The fee, to the minor unit; ``enterprises=None`` with the reason when
        even each enterprise's full cost falls short (a target above 100%).
    """
    profile = default_profile() if profile is None else profile
    if enterprises < 1:
        raise InvalidValueError(
            f"fee_for needs at least 1 enterprise, got {enterprises}"
        )
    currency = cost_model.currency
    full = _standard_quote(
        cost_model, profile, module, enterprises, Money.zero(currency)
    ).total
    per = (full.amount * target / enterprises).quantize(
        Money.zero(currency).currency_info.quantum, rounding=ROUND_CEILING
    )
    step = Money.from_minor(1, currency)
    fee = Money(amount=per, currency=currency)
    ceiling = full.allocate([1] * enterprises)[0]
    while fee <= ceiling:
        coverage = _coverage(cost_model, profile, module, enterprises, fee)
        if coverage >= target:
            return BreakEven(
                enterprises=enterprises, fee=fee, target=target, coverage=coverage
            )
        fee += step
    return BreakEven(
        enterprises=None,
        fee=ceiling,
        target=target,
        coverage=_coverage(cost_model, profile, module, enterprises, ceiling),
        reason=f"even each enterprise's full cost ({ceiling}) does not reach "
        f"{target:.0%}",
    )


#: Findings about values used outside their sources' dates.
_DATE_CODES = frozenset({Code.PROFILE_NOT_IN_FORCE, Code.PARAMETER_STALE})


# -- portfolio -------------------------------------------------------------------------
@attrs.frozen(kw_only=True)
class PortfolioRow:
    """What one payer paid for one module group in one year.

    Attributes:
        year: The quotes' year.
        group: The module group.
        payer: The payer.
        amount: The sum.
    """

    year: int
    group: ModuleGroup
    payer: Payer
    amount: Money


@attrs.frozen(kw_only=True)
class PortfolioTarget:
    """The coverage target a year and module group of a portfolio is held to.

    Attributes:
        year: The quotes' year.
        group: Module 1 or the later modules.
        on: The date of the latest quote of that year and group, whose target
            applies.
        target: That quote's target, or None when it had none.
    """

    year: int
    group: ModuleGroup
    on: date
    target: Decimal | None


def _to_targets(
    value: Iterable[PortfolioTarget] | None,
) -> tuple[PortfolioTarget, ...] | None:
    return None if value is None else tuple(value)


@attrs.frozen(kw_only=True)
class Portfolio:
    """Many quotes summed by year, module group and payer.

    Portfolios add: ``portfolio(a) + portfolio(b) == portfolio([*a, *b])``,
    and ``sum()`` of the portfolios of partitions of the quotes is the
    portfolio of them all (sums, counts, targets and findings alike), so
    quotes priced apart combine exactly.

    Attributes:
        currency: ISO 4217 code.
        rows: Sums by year, group and payer, sorted.
        quotes: How many quotes were summed.
        findings: Years and groups below the coverage target their quotes
            were checked against.
        targets: The target each year and group is held to, sorted; None for
            a portfolio read from a version-1 payload, which did not record
            them (it cannot be added to).
    """

    currency: str
    rows: tuple[PortfolioRow, ...]
    quotes: int
    findings: Report
    targets: tuple[PortfolioTarget, ...] | None = attrs.field(
        default=None, converter=_to_targets
    )

    def __add__(self, other: object) -> Portfolio:
        """The portfolio of both portfolios' quotes together.

        Raises:
            CurrencyMismatchError: for portfolios in different currencies.
            InvalidValueError: for a portfolio without its targets (read
                from a version-1 payload).
        """
        if not isinstance(other, Portfolio):
            return NotImplemented
        if other.currency != self.currency:
            raise CurrencyMismatchError(
                f"a portfolio in {other.currency} cannot be added to one in "
                f"{self.currency}"
            )
        book = _Book(self.currency)
        for part in (self, other):
            if part.targets is None:
                raise InvalidValueError(
                    "this portfolio was read from a version-1 payload, which does "
                    "not record the coverage targets it was checked against: "
                    "sum its quotes again to add it"
                )
            book.add_part(part, part.targets)
        return book.finish()

    def __radd__(self, other: object) -> Portfolio:
        # sum() starts from 0.
        if other == 0:
            return self
        return NotImplemented

    def total(
        self,
        *,
        year: int | None = None,
        group: ModuleGroup | None = None,
        payer: Payer | None = None,
    ) -> Money:
        """The sum of the rows that match."""
        return Money.total(
            (
                r.amount
                for r in self.rows
                if (year is None or r.year == year)
                and (group is None or r.group == group)
                and (payer is None or r.payer is payer)
            ),
            self.currency,
        )

    def coverage(
        self, *, year: int | None = None, group: ModuleGroup | None = None
    ) -> Decimal:
        """The share of the full cost paid by others than the donor (and paid)."""
        whole = self.total(year=year, group=group)
        missing = Money.total(
            (self.total(year=year, group=group, payer=p) for p in NOT_COVERAGE),
            self.currency,
        )
        return _ratio(whole - missing, whole)

    def years(self) -> tuple[int, ...]:
        """The years the quotes fall in."""
        return tuple(sorted({r.year for r in self.rows}))


class _Book:
    """Sums, targets and date warnings of quotes or portfolios being combined."""

    def __init__(self, currency: str) -> None:
        self.currency = currency
        self.count = 0
        self.sums: dict[tuple[int, ModuleGroup, Payer], Money] = {}
        self.targets: dict[tuple[int, ModuleGroup], tuple[date, Decimal | None]] = {}
        self.dated: dict[tuple[str, ParamValue, ParamValue], RuleViolation] = {}

    def _sum(self, key: tuple[int, ModuleGroup, Payer], amount: Money) -> None:
        self.sums[key] = self.sums.get(key, Money.zero(self.currency)) + amount

    def _target(
        self, year: int, group: ModuleGroup, on: date, target: Decimal | None
    ) -> None:
        # The latest date's target; on a tie, the later one given.
        seen = self.targets.get((year, group))
        if seen is None or on >= seen[0]:
            self.targets[(year, group)] = (on, target)

    def _dated(self, finding: RuleViolation) -> None:
        # Once per code, parameter and profile: the earliest date's (ISO
        # dates sort as strings); on a tie, the first one given.
        which = (
            finding.code,
            finding.params.get("parameter"),
            finding.params.get("profile"),
        )
        seen = self.dated.get(which)
        if seen is None or str(finding.params["on"]) < str(seen.params["on"]):
            self.dated[which] = attrs.evolve(finding, path=("quotes",))

    def add_quote(self, q: Quote) -> None:
        """Count one quote."""
        if q.currency != self.currency:
            raise CurrencyMismatchError(
                f"quote {q.workshop} is in {q.currency}; the portfolio is in "
                f"{self.currency}"
            )
        self.count += 1
        for payer, amount in q.by_payer.items():
            self._sum((q.on.year, q.group, payer), amount)
        self._target(q.on.year, q.group, q.on, q.target)
        for finding in q.findings.violations:
            if finding.code in _DATE_CODES:
                self._dated(finding)

    def add_part(self, part: Portfolio, targets: Iterable[PortfolioTarget]) -> None:
        """Count a portfolio's quotes, through its sums."""
        self.count += part.quotes
        for row in part.rows:
            self._sum((row.year, row.group, row.payer), row.amount)
        for t in targets:
            self._target(t.year, t.group, t.on, t.target)
        for finding in part.findings.violations:
            if finding.code in _DATE_CODES:
                self._dated(finding)

    def finish(self) -> Portfolio:
        """The portfolio: rows sorted, date warnings, then years below target."""
        order = list(Payer)
        rows = tuple(
            PortfolioRow(year=y, group=g, payer=p, amount=a)
            for (y, g, p), a in sorted(
                self.sums.items(),
                key=lambda kv: (kv[0][0], kv[0][1], order.index(kv[0][2])),
            )
        )
        targets = tuple(
            PortfolioTarget(year=y, group=g, on=on, target=target)
            for (y, g), (on, target) in sorted(self.targets.items())
        )
        result = Portfolio(
            currency=self.currency,
            rows=rows,
            quotes=self.count,
            findings=Report(),
            targets=targets,
        )
        out = [self.dated[which] for which in sorted(self.dated, key=str)]
        for t in targets:
            coverage = result.coverage(year=t.year, group=t.group)
            if t.target is not None and coverage < t.target:
                out.append(
                    violation(
                        Code.PRICING_PORTFOLIO_BELOW_TARGET,
                        year=t.year,
                        group=t.group.value,
                        coverage=str(coverage),
                        target=str(t.target),
                        path=("rows",),
                    )
                )
        return attrs.evolve(result, findings=Report(violations=tuple(out)))


def portfolio(quotes: Iterable[Quote]) -> Portfolio:
    """Sum quotes into an institution's year-by-year picture.

    Each (year, group) whose coverage is below the target of its latest
    quote gives ``pricing.portfolio.below_target``, so a phase-down plan can
    be checked year by year. The quotes' warnings about dates outside their
    sources (``profile.not_in_force``, ``parameter.stale``) are carried up,
    once per parameter and profile (the earliest date's), so that a
    dashboard of the portfolio shows them too; the result does not depend
    on the order of the quotes. Portfolios of parts of the quotes add up to
    the portfolio of them all (see :class:`Portfolio`).

    Raises:
        CurrencyMismatchError: for quotes in more than one currency.
        InvalidValueError: for no quotes.
    """
    items = iter(quotes)
    first = next(items, None)
    if first is None:
        raise InvalidValueError("portfolio needs at least one quote")
    book = _Book(first.currency)
    book.add_quote(first)
    for q in items:
        book.add_quote(q)
    return book.finish()
