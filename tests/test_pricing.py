"""Cost-recovery pricing: cost lines, exact allocation, payers, coverage, break-even."""

import itertools
from datetime import date
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from score_core import (
    CostModel,
    Delegation,
    Enterprise,
    FundingPolicy,
    Gender,
    InvalidValueError,
    Money,
    NotInForceError,
    Participant,
    Payer,
    Report,
    Resolution,
    Role,
    Timeline,
    UnknownNameError,
    Workshop,
    break_even,
    example_cost_model,
    example_funding_policy,
    fee_for,
    get_profile,
    portfolio,
    quote,
    to_json,
)
from score_core import strategies as sst
from score_core.catalogue import ModuleGroup
from score_core.codes import Code, violation
from score_core.errors import CurrencyMismatchError
from score_core.parameters import Dated
from score_core.pricing import (
    Allocation,
    BreakEven,
    FeeRule,
    FeeTier,
    FundingRules,
    GroupRules,
    ShareRule,
    _coverage,
)
from score_core.profiles import Band


MODEL = example_cost_model()
DAYS = (date(2015, 4, 8), date(2015, 4, 9))


def cny(amount: str) -> Money:
    return Money.of(amount, "CNY")


def shop(n=5, module="M1", headcounts=None, people=None):
    firms = [
        Enterprise(
            id=f"E{k + 1}", name=f"E{k + 1}", headcount=(headcounts or [120] * n)[k]
        )
        for k in range(n)
    ]
    delegations = []
    for k, firm in enumerate(firms):
        count = None if people is None else people[k]
        participants = (
            ()
            if count is None
            else tuple(
                Participant(
                    name=f"{firm.id}-{i}",
                    role=(Role.MANAGER, Role.WORKER)[i % 2],
                    gender=Gender.FEMALE,
                )
                for i in range(count)
            )
        )
        delegations.append(Delegation(enterprise=firm, participants=participants))
    return Workshop(id="W1", module=module, days=DAYS, delegations=delegations)


def policy(rules: GroupRules, later: GroupRules | None = None, **kw) -> FundingPolicy:
    return FundingPolicy(
        name="p",
        currency="CNY",
        periods=Timeline.always(
            FundingRules(module1=rules, later_modules=later or rules)
        ),
        source="test",
        **kw,
    )


ON = date(2015, 3, 1)


class TestWorkedExamples:
    def test_china_coverage_of_fifty_percent(self):
        # Five enterprises of two managers and two workers, Module 1, the
        # EXAMPLE model: 24,000 shared, 11,200 per enterprise, 15% overhead.
        q = quote(shop(), cost_model=MODEL, policy=example_funding_policy(), on=ON)
        assert q.total == cny("92000")
        assert [str(i.full_cost) for i in q.invoices] == ["18400.00 CNY"] * 5
        assert q.by_payer[Payer.ENTERPRISE] == cny("27600")
        assert q.by_payer[Payer.SPONSOR] == cny("18400")
        assert q.by_payer[Payer.DONOR] == cny("46000")
        # MTE-II p.35: China, target 40%, 50% reached by June 2015.
        assert q.coverage == Decimal("0.5")
        assert q.recovery == Decimal("0.5")
        assert q.target == Decimal("0.40")
        assert "pricing.coverage.below_target" not in q.findings.codes
        assert q.findings.codes == ("pricing.example_figures",) * 2
        lines = {line.key: line for line in q.lines}
        assert lines["trainer_days"].amount == cny("8000")
        assert lines["trainer_days"].basis == "2 trainers x 2 days x 2000.00 CNY"
        assert lines["catering"].amount == cny("4800")
        assert lines["overhead"].amount == cny("12000")
        invoice = q.invoice("E1")
        assert invoice.payments[0].rule == "fee: 0.30 of 18400.00 CNY"
        assert sum(c.amount.amount for c in invoice.costs) == Decimal("18400")
        with pytest.raises(
            UnknownNameError,
            match=r"^quote for W1 has no enterprise 'E9'; it has E1, E2, E3, E4, E5$",
        ):
            q.invoice("E9")

    def test_ghana_module_groups_in_a_portfolio(self):
        # MTE-II p.35, Ghana: 0% for Module 1, 72% for Modules 2-5.
        ghana = policy(
            GroupRules(),
            later=GroupRules(fee=FeeRule(share=Decimal("0.72"))),
        )
        quotes = [
            quote(shop(module=m), cost_model=MODEL, policy=ghana, on=on)
            for m, on in (("M1", ON), ("M2", ON), ("M3", date(2016, 3, 1)))
        ]
        book = portfolio(quotes)
        assert book.coverage(group=ModuleGroup.MODULE1) == 0
        assert book.coverage(group=ModuleGroup.LATER_MODULES) == Decimal("0.72")
        assert book.years() == (2015, 2016)
        assert book.total(year=2016) == quotes[2].total
        assert book.quotes == 3
        # Module 1 misses China's 40% target (cn-phase-2 is the profile here).
        assert book.findings.codes == ("pricing.portfolio.below_target",)
        assert "2015, Module 1: coverage 0.0%" in book.findings.violations[0].message


class TestCosts:
    def test_shared_costs_by_participants_and_without_names(self):
        q = quote(
            shop(n=3, people=[4, 2, None]),
            cost_model=MODEL,
            policy=policy(GroupRules(), allocation=Allocation.BY_PARTICIPANTS),
            on=ON,
        )
        assert [i.participants for i in q.invoices] == [4, 2, 4]
        shares = [
            next(c for c in i.costs if c.key == "materials").amount for i in q.invoices
        ]
        assert shares == [cny("600"), cny("300"), cny("600")]
        assert Money.total((i.full_cost for i in q.invoices), "CNY") == q.total

    def test_later_modules_have_no_baseline_and_a_joining_enterprise(self):
        base = shop(n=2, module="M3")
        joining = Delegation(enterprise=Enterprise(id="NEW", name="New", headcount=80))
        q = quote(
            base, cost_model=MODEL, policy=policy(GroupRules()), on=ON, joining=joining
        )
        assert [i.enterprise for i in q.invoices] == ["E1", "E2", "NEW"]
        assert not [line for line in q.lines if line.key == "baseline"]

    @pytest.mark.parametrize(
        ("make", "message", "field"),
        [
            (
                lambda: attrs.evolve(MODEL, venue_per_day=cny("-1")),
                "CostModel.venue_per_day must not be negative, got -1.00 CNY",
                "venue_per_day",
            ),
            (
                lambda: attrs.evolve(MODEL, venue_per_day=Decimal(1)),
                "CostModel.venue_per_day must be Money, not Decimal",
                "venue_per_day",
            ),
            (
                lambda: attrs.evolve(MODEL, overhead=0.1),
                "CostModel.overhead must be a non-negative Decimal, got 0.1",
                "overhead",
            ),
            (
                lambda: attrs.evolve(MODEL, overhead=Decimal("-0.1")),
                "CostModel.overhead must be a non-negative Decimal, "
                "got Decimal('-0.1')",
                "overhead",
            ),
            (
                lambda: attrs.evolve(MODEL, overhead=Decimal("Infinity")),
                "CostModel.overhead must be a non-negative Decimal, "
                "got Decimal('Infinity')",
                "overhead",
            ),
            (
                lambda: FeeRule(cap=cny("-1")),
                "FeeRule.cap must not be negative, got -1.00 CNY",
                "cap",
            ),
            (lambda: FeeRule(cap=5), "FeeRule.cap must be Money, not int", "cap"),
            (
                lambda: FeeRule(
                    tiers=[
                        FeeTier(up_to=100, price=cny("1")),
                        FeeTier(up_to=50, price=cny("1")),
                    ]
                ),
                "FeeRule.tiers must rise by headcount, only the last without limit",
                "tiers",
            ),
            (
                lambda: FeeRule(
                    tiers=[FeeTier(price=cny("1")), FeeTier(up_to=50, price=cny("1"))]
                ),
                "FeeRule.tiers must rise by headcount, only the last without limit",
                "tiers",
            ),
            (
                lambda: FeeRule(
                    tiers=[FeeTier(price=cny("1")), FeeTier(price=cny("2"))]
                ),
                "FeeRule.tiers must rise by headcount, only the last without limit",
                "tiers",
            ),
            (
                lambda: GroupRules(fee=ShareRule(share=Decimal("0.1"))),
                "GroupRules.fee must be a FeeRule",
                "fee",
            ),
            (
                lambda: FundingPolicy(
                    name="p", currency="CNY", periods=Timeline.always(1), source="s"
                ),
                "FundingPolicy.periods must be a Timeline of FundingRules",
                "periods",
            ),
            (
                lambda: BreakEven(
                    enterprises=1, fee=cny("1"), target=Decimal(-1), coverage=Decimal(0)
                ),
                "BreakEven.target must be a non-negative Decimal, got Decimal('-1')",
                "target",
            ),
        ],
    )
    def test_every_refusal_says_what_and_where(self, make, message, field):
        with pytest.raises(InvalidValueError) as caught:
            make()
        assert str(caught.value) == message
        assert caught.value.field == field

    def test_a_rule_in_another_currency_is_refused_when_it_is_paid(self):
        tier = FeeTier(price=Money.of("100", "USD"))
        usd_fee = policy(GroupRules(fee=FeeRule(tiers=(tier,))))
        with pytest.raises(CurrencyMismatchError, match=r"^cannot compare CNY and US"):
            quote(shop(), cost_model=MODEL, policy=usd_fee, on=ON)

    def test_amounts_below_the_minor_unit_are_divided_by_their_proportions(self):
        odd = attrs.evolve(MODEL, baseline_assessment=Money.of("1000.005", "CNY"))
        priced = quote(shop(n=3), cost_model=odd, policy=policy(GroupRules()), on=ON)
        overhead = [c for i in priced.invoices for c in i.costs if c.key == "overhead"]
        whole = next(line for line in priced.lines if line.key == "overhead")
        assert Money.total((c.amount for c in overhead), "CNY") == whole.amount
        assert [c.amount for c in overhead] == list(whole.amount.split(3))

    def test_values_are_checked(self):
        with pytest.raises(
            CurrencyMismatchError,
            match=r"^CostModel\.venue_per_day is in USD; the model is in CNY$",
        ):
            attrs.evolve(MODEL, venue_per_day=Money.of("1", "USD"))
        with pytest.raises(InvalidValueError, match="no enterprise"):
            quote(shop(n=0), cost_model=MODEL, policy=policy(GroupRules()), on=ON)
        usd = attrs.evolve(policy(GroupRules()), currency="USD")
        with pytest.raises(
            CurrencyMismatchError,
            match=r"^cost model cn-example is in CNY; the policy is in USD$",
        ):
            quote(shop(), cost_model=MODEL, policy=usd, on=ON)
        with pytest.raises(
            CurrencyMismatchError,
            match=r"^cost model cn-example is in CNY; the profile is in USD$",
        ):
            quote(
                shop(),
                cost_model=MODEL,
                policy=policy(GroupRules()),
                on=ON,
                profile=get_profile("global"),
            )


class TestPayers:
    def test_tiers_caps_government_in_kind_and_the_institution(self):
        rules = GroupRules(
            fee=FeeRule(
                tiers=[
                    FeeTier(up_to=99, price=cny("3000")),
                    FeeTier(up_to=300, price=cny("6000")),
                ],
                cap=cny("5000"),
            ),
            sponsor=ShareRule(share=Decimal("0.5"), cap_per_enterprise=cny("2000")),
            government=ShareRule(
                share=Decimal("0.5"), cap_per_participant=cny("100"), name="SME scheme"
            ),
            in_kind=cny("1000"),
            donor_share=Decimal("0.1"),
            donor_cap=cny("1000"),
        )
        q = quote(
            shop(n=3, headcounts=[50, 200, 900]),
            cost_model=MODEL,
            policy=policy(rules),
            on=ON,
        )
        small, mid, big = q.invoices
        assert [p.rule for p in small.payments] == [
            "in-kind contribution to the workshop, its share",
            "fee: tier up to 99 employees, 3000.00 CNY",
            "sponsor: 0.5 of 20884.01 CNY, capped at the cap per enterprise",
            "government (SME scheme): 0.5 of 20884.01 CNY, capped at the cap per "
            "participant x 4",
            "donor: the rest, at most 0.1 of 20884.01 CNY, capped at the donor's cap",
            "unfunded: what no payer's rule covers",
        ]
        assert small.paid_by(Payer.ENTERPRISE) == cny("3000")
        assert mid.paid_by(Payer.ENTERPRISE) == cny("5000")  # capped
        assert "capped at the fee's cap" in mid.payments[1].rule
        assert big.paid_by(Payer.ENTERPRISE) == cny("5000")
        assert q.findings.codes.count("pricing.fee.no_tier") == 1
        assert small.paid_by(Payer.SPONSOR) == cny("2000")
        assert small.paid_by(Payer.GOVERNMENT) == cny("400")  # 4 participants x 100
        assert "SME scheme" in small.payments[3].rule
        assert small.paid_by(Payer.IN_KIND) == cny("333.34")
        assert small.paid_by(Payer.DONOR) == cny("1000")
        assert small.paid_by(Payer.UNFUNDED).amount > 0
        assert small.paid_by(Payer.INSTITUTION).amount == 0
        assert "pricing.remainder.unfunded" in q.findings.codes
        assert not q.findings.ok
        # What nobody pays is not coverage: recovery, then coverage, then 1.
        unfunded = q.by_payer[Payer.UNFUNDED] + q.by_payer[Payer.DONOR]
        assert q.coverage == (q.total - unfunded).amount / q.total.amount
        assert q.recovery < q.coverage < 1

    def test_the_institutions_own_budget_counts_as_coverage_and_says_so(self):
        hole = GroupRules(
            fee=FeeRule(share=Decimal("0.3")),
            donor_share=Decimal("0.1"),
        )
        holed = quote(shop(n=1), cost_model=MODEL, policy=policy(hole), on=ON)
        assert holed.coverage == Decimal("0.3")
        assert holed.findings.errors[0].code == "pricing.remainder.unfunded"
        budget = attrs.evolve(
            hole, institution=ShareRule(share=Decimal(1), name="training fund")
        )
        funded = quote(shop(n=1), cost_model=MODEL, policy=policy(budget), on=ON)
        (invoice,) = funded.invoices
        assert [p.rule for p in invoice.payments][1:3] == [
            "donor: the rest, at most 0.1 of 33304.00 CNY",
            "institution (own budget: training fund): 1 of 33304.00 CNY; limited "
            "to the 19982.40 CNY left",
        ]
        assert invoice.paid_by(Payer.INSTITUTION) == cny("19982.40")
        assert invoice.paid_by(Payer.DONOR) == cny("3330.40")
        assert funded.by_payer[Payer.UNFUNDED].amount == 0
        assert funded.coverage == Decimal("0.9")
        assert "pricing.remainder.unfunded" not in funded.findings.codes
        plain = attrs.evolve(hole, institution=ShareRule(share=Decimal("0.5")))
        half = quote(shop(n=1), cost_model=MODEL, policy=policy(plain), on=ON)
        assert half.invoices[0].payments[2].rule.startswith("institution (own budget)")
        with pytest.raises(InvalidValueError, match="institution"):
            GroupRules(institution=FeeRule())

    def test_tier_limits_are_inclusive_and_the_last_tier_takes_the_rest(self):
        tiers = FeeRule(
            tiers=[
                FeeTier(up_to=99, price=cny("1000")),
                FeeTier(up_to=300, price=cny("2000")),
                FeeTier(up_to=500, price=cny("4000")),
            ]
        )
        q = quote(
            shop(n=3, headcounts=[99, 300, 900]),
            cost_model=MODEL,
            policy=policy(GroupRules(fee=tiers)),
            on=ON,
        )
        fees = [i.paid_by(Payer.ENTERPRISE) for i in q.invoices]
        assert fees == [cny("1000"), cny("2000"), cny("4000")]
        assert q.invoices[0].payments[0].rule == (
            "fee: tier up to 99 employees, 1000.00 CNY"
        )
        (no_tier,) = [
            v for v in q.findings.violations if v.code == "pricing.fee.no_tier"
        ]
        assert no_tier.params == {
            "enterprise": "E3",
            "headcount": 900,
            "price": "4000.00 CNY",
        }
        assert no_tier.path == ("invoices", 2)

    def test_an_unknown_headcount_pays_the_last_tier_and_is_told(self):
        tiers = FeeRule(
            tiers=[
                FeeTier(up_to=99, price=cny("1000")),
                FeeTier(price=cny("2000")),
            ]
        )
        q = quote(
            shop(n=2, headcounts=[None, 50]),
            cost_model=MODEL,
            policy=policy(GroupRules(fee=tiers)),
            on=ON,
        )
        fees = [i.paid_by(Payer.ENTERPRISE) for i in q.invoices]
        assert fees == [cny("2000"), cny("1000")]
        unknown = [v for v in q.findings.violations if v.code.startswith("pricing.fee")]
        assert unknown == [
            violation(
                Code.PRICING_FEE_HEADCOUNT_UNKNOWN,
                enterprise="E1",
                price="2000.00 CNY",
                path=("invoices", 0),
            )
        ]
        share = quote(
            shop(n=1, headcounts=[None]),
            cost_model=MODEL,
            policy=policy(GroupRules(fee=FeeRule(share=Decimal("0.5")))),
            on=ON,
        )
        assert not [v for v in share.findings if v.code.startswith("pricing.fee")]

    def test_a_portfolio_carries_its_quotes_date_warnings_once(self):
        donor_all = policy(GroupRules())
        inside = quote(shop(), cost_model=MODEL, policy=donor_all, on=ON)
        late = [
            quote(shop(), cost_model=MODEL, policy=donor_all, on=date(2026, m, 1))
            for m in (3, 9)
        ]
        book = portfolio([inside, *late])
        dated = [
            v
            for v in book.findings
            if v.code in ("profile.not_in_force", "parameter.stale")
        ]
        assert [(v.code, v.path) for v in dated] == [
            ("parameter.stale", ("quotes",)),
            ("profile.not_in_force", ("quotes",)),
        ]
        assert portfolio([*reversed(late), inside]) == book
        assert {v.params["on"] for v in dated} == {"2026-03-01"}
        assert portfolio([inside]).findings.codes == ("pricing.portfolio.below_target",)

    def test_rules_in_words(self):
        rules = GroupRules(
            fee=FeeRule(
                tiers=[
                    FeeTier(up_to=99, price=cny("1000")),
                    FeeTier(price=cny("2000")),
                ]
            ),
            in_kind=cny("100"),
        )
        q = quote(
            shop(n=1, headcounts=[150]), cost_model=MODEL, policy=policy(rules), on=ON
        )
        assert [p.rule for p in q.invoices[0].payments[:2]] == [
            "in-kind contribution to the workshop, its share",
            "fee: tier no limit, 2000.00 CNY",
        ]
        # A fee exactly at its cap is not capped.
        at_cap = GroupRules(fee=FeeRule(share=Decimal("0.5"), cap=cny("16652")))
        q = quote(shop(n=1), cost_model=MODEL, policy=policy(at_cap), on=ON)
        assert q.invoices[0].payments[0].rule == "fee: 0.5 of 33304.00 CNY"

    def test_visits_follow_the_profile(self):
        few = get_profile().derive(
            name="few-visits",
            intake_visit=False,
            follow_up_visits=2,
            visit_days=Decimal(2),
        )
        q = quote(
            shop(n=1), cost_model=MODEL, policy=policy(GroupRules()), on=ON, profile=few
        )
        lines = {line.key: line for line in q.lines}
        assert lines["visits"].basis == "2 visits x 2 days x 2000.00 CNY"
        assert lines["visits"].amount == cny("8000")
        assert lines["visit_travel"].amount == cny("600")

    def test_a_government_without_a_sponsor(self):
        rules = GroupRules(
            government=ShareRule(share=Decimal("0.1")), donor_share=Decimal("0.2")
        )
        q = quote(shop(n=1), cost_model=MODEL, policy=policy(rules), on=ON)
        assert [(p.rule, p.amount) for p in q.invoices[0].payments] == [
            ("government: 0.1 of 33304.00 CNY", cny("3330.40")),
            ("donor: the rest, at most 0.2 of 33304.00 CNY", cny("6660.80")),
            ("unfunded: what no payer's rule covers", cny("23312.80")),
        ]

    def test_a_payer_never_pays_more_than_is_left(self):
        rules = GroupRules(
            fee=FeeRule(share=Decimal("0.9")), sponsor=ShareRule(share=Decimal("0.5"))
        )
        q = quote(shop(n=1), cost_model=MODEL, policy=policy(rules), on=ON)
        (invoice,) = q.invoices
        assert invoice.paid_by(Payer.SPONSOR) == invoice.full_cost - invoice.paid_by(
            Payer.ENTERPRISE
        )
        assert invoice.payments[1].rule == (
            "sponsor: 0.5 of 33304.00 CNY; limited to the 3330.40 CNY left"
        )
        assert q.coverage == 1
        assert q.by_payer[Payer.DONOR].amount == 0

    def test_below_target_and_dated_rules(self):
        donor_all = policy(GroupRules())
        q = quote(shop(), cost_model=MODEL, policy=donor_all, on=ON)
        assert q.coverage == 0
        assert "pricing.coverage.below_target" in q.findings.codes
        with pytest.raises(NotInForceError):
            quote(
                shop(),
                cost_model=MODEL,
                policy=donor_all,
                on=date(2020, 1, 1),
                mode=Resolution.STRICT,
            )
        lenient = quote(shop(), cost_model=MODEL, policy=donor_all, on=date(2020, 1, 1))
        assert lenient.findings.codes[:2] == ("profile.not_in_force", "parameter.stale")
        untargeted = quote(
            shop(),
            cost_model=MODEL,
            policy=donor_all,
            on=ON,
            profile=get_profile().derive(name="no-target", coverage_targets=None),
        )
        assert untargeted.target is None

    def test_findings_name_what_and_where(self):
        donor_all = policy(GroupRules())
        below = quote(shop(), cost_model=MODEL, policy=donor_all, on=ON)
        finding = below.findings.violations[0]
        assert finding.code == "pricing.coverage.below_target"
        assert finding.params == {
            "workshop": "W1",
            "coverage": "0",
            "target": "0.40",
            "module": "M1",
            "profile": "cn-phase-2",
        }
        assert finding.path == ("coverage",)
        example = below.findings.violations[-1]
        assert example.params == {"what": "cost_model", "name": "cn-example"}
        assert example.path == ()
        # A coverage exactly at the target meets it.
        at_target = policy(GroupRules(fee=FeeRule(share=Decimal("0.40"))))
        met = quote(shop(), cost_model=MODEL, policy=at_target, on=ON)
        assert met.coverage == Decimal("0.40")
        assert "pricing.coverage.below_target" not in met.findings.codes
        capped = policy(
            GroupRules(
                fee=FeeRule(share=Decimal("0.3")),
                donor_share=Decimal("0.1"),
                donor_cap=cny("100"),
            )
        )
        bears = quote(shop(n=1), cost_model=MODEL, policy=capped, on=ON)
        (hole,) = [
            v
            for v in bears.findings.violations
            if v.code == "pricing.remainder.unfunded"
        ]
        assert hole.params == {"workshop": "W1", "amount": "23212.80 CNY"}
        assert hole.path == ("by_payer", "unfunded")
        assert hole.severity.value == "error"

    def test_a_policy_out_of_force(self):
        dated = FundingPolicy(
            name="dated",
            currency="CNY",
            periods=Timeline(
                entries=[
                    Dated(
                        value=FundingRules(
                            module1=GroupRules(), later_modules=GroupRules()
                        ),
                        end=date(2015, 12, 31),
                    )
                ]
            ),
            source="s",
        )
        later = date(2016, 6, 1)
        untargeted = get_profile().derive(name="untargeted", coverage_targets=None)
        with pytest.raises(
            NotInForceError, match=r"^funding policy periods of dated has no"
        ):
            quote(
                shop(),
                cost_model=MODEL,
                policy=dated,
                on=later,
                profile=untargeted,
                mode=Resolution.STRICT,
            )
        lenient = quote(
            shop(), cost_model=MODEL, policy=dated, on=later, profile=untargeted
        )
        stale = lenient.findings.violations[0]
        assert stale.params == {
            "parameter": "funding policy periods",
            "profile": "dated",
            "on": "2016-06-01",
            "start": None,
            "end": "2015-12-31",
            "relation": "after",
            "bound": "2015-12-31",
            "source": None,
        }

    def test_shared_costs_equally_or_by_participants(self):
        uneven = shop(n=2, people=[2, 6])
        equal = quote(
            uneven,
            cost_model=MODEL,
            policy=policy(GroupRules(), allocation=Allocation.EQUAL),
            on=ON,
        )
        assert equal.invoices[0].full_cost == equal.invoices[1].full_cost
        shared = quote(
            uneven,
            cost_model=MODEL,
            policy=policy(GroupRules(), allocation=Allocation.BY_PARTICIPANTS),
            on=ON,
        )
        assert shared.invoices[0].full_cost < shared.invoices[1].full_cost


class TestPhaseDown:
    def periods(self, *shares, override=False):
        entries = []
        for k, share in enumerate(shares):
            rules = GroupRules(donor_share=Decimal(share), raises_donor_share=override)
            entries.append(
                Dated(
                    value=FundingRules(module1=rules, later_modules=GroupRules()),
                    start=None if k == 0 else date(2014 + k, 1, 1),
                    end=None if k == len(shares) - 1 else date(2014 + k, 12, 31),
                )
            )
        return FundingPolicy(
            name="phase-down",
            currency="CNY",
            periods=Timeline(entries=entries),
            source="s",
        )

    def test_a_falling_donor_share_is_fine_a_rise_needs_an_override(self):
        assert self.periods("0.8", "0.5", "0.2").check().ok
        rising = self.periods("0.5", "0.7").check()
        assert rising.codes == ("funding.donor_share.rises",)
        assert rising.violations[0].path == (
            "periods",
            "entries",
            1,
            "value",
            "module1",
        )
        assert rising.violations[0].params == {
            "policy": "phase-down",
            "group": "module1",
            "before": "0.5",
            "after": "0.7",
            "start": "2015-01-01",
            "end": None,
        }
        assert self.periods("0.5", "0.7", override=True).check().ok
        later = FundingPolicy(
            name="later",
            currency="CNY",
            periods=Timeline(
                entries=[
                    Dated(
                        value=FundingRules(
                            module1=GroupRules(),
                            later_modules=GroupRules(donor_share=Decimal(share)),
                        ),
                        start=start,
                        end=end,
                    )
                    for share, start, end in (
                        ("0.2", None, date(2015, 12, 31)),
                        ("0.4", date(2016, 1, 1), None),
                    )
                ]
            ),
            source="s",
        )
        (rise,) = later.check().violations
        assert rise.params["group"] == "later_modules"
        assert "for the later modules rises" in rise.message
        assert rise.path[-1] == "later_modules"
        q = quote(shop(), cost_model=MODEL, policy=self.periods("0.5", "0.7"), on=ON)
        assert not q.findings.ok

    @given(st.lists(st.integers(0, 100), min_size=1, max_size=5))
    def test_findings_are_exactly_the_rises(self, shares):
        check = self.periods(*(Decimal(s) / 100 for s in shares)).check()
        rises = sum(1 for a, b in itertools.pairwise(shares) if b > a)
        assert len(check.violations) == rises


class TestProperties:
    @given(sst.quotes())
    def test_every_sum_balances_exactly(self, q):
        currency = q.currency
        assert Money.total(q.by_payer.values(), currency) == q.total
        assert Money.total((i.full_cost for i in q.invoices), currency) == q.total
        assert Money.total((line.amount for line in q.lines), currency) == q.total
        for invoice in q.invoices:
            assert Money.total((p.amount for p in invoice.payments), currency) == (
                invoice.full_cost
            )
            assert all(p.amount.amount >= 0 for p in invoice.payments)
        assert 0 <= q.recovery <= q.coverage <= 1

    @given(
        sst.workshops(),
        sst.cost_models(),
        sst.group_rules(),
        st.integers(0, 20_000),
        st.integers(0, 20_000),
    )
    def test_coverage_rises_as_the_donor_cap_falls(self, workshop, model, rules, a, b):
        def coverage(cap: int) -> Decimal:
            capped = attrs.evolve(rules, donor_cap=cny(str(cap)))
            return quote(
                workshop,
                cost_model=model,
                policy=policy(capped),
                on=workshop.first_day,
                mode=Resolution.LENIENT,
            ).coverage

        assert coverage(min(a, b)) >= coverage(max(a, b))

    @given(sst.cost_models(), st.integers(0, 100), st.integers(0, 30_000))
    def test_break_even_is_the_smallest_size_that_works(self, model, percent, fee):
        target = Decimal(percent) / 100
        answer = break_even(model, fee=cny(str(fee)), target=target)
        top = get_profile().enterprises_per_workshop.maximum
        sizes = (
            range(1, top + 1)
            if answer.enterprises is None
            else range(1, answer.enterprises)
        )
        for size in sizes:
            smaller = break_even(
                model, fee=cny(str(fee)), target=target, max_enterprises=size
            )
            assert smaller.enterprises is None
        if answer.enterprises is not None:
            assert answer.coverage >= target
        else:
            assert answer.reason

    @given(sst.cost_models(), st.integers(1, 5), st.integers(0, 100))
    def test_fee_for_is_the_smallest_fee(self, model, size, percent):
        target = Decimal(percent) / 100
        answer = fee_for(model, enterprises=size, target=target)
        if answer.enterprises is None:
            # Only a model that costs nothing has no fee: 0 of 0 covers 0%.
            assert answer.reason
            assert answer.coverage < target
            return
        assert answer.enterprises == size
        assert answer.coverage >= target
        if answer.fee.amount > 0:
            less = answer.fee - Money.from_minor(1, "CNY")
            assert _coverage(model, get_profile(), "M1", size, less) < target


class TestBreakEven:
    def test_worked_answers(self):
        answer = break_even(MODEL, fee=cny("8000"), target=Decimal("0.40"))
        assert answer.enterprises == 4
        assert answer.coverage >= Decimal("0.40")
        none = break_even(MODEL, fee=cny("10"), target=Decimal("0.40"))
        assert none.enterprises is None
        assert "raise the fee or the size" in none.reason
        fee = fee_for(MODEL, enterprises=5, target=Decimal("0.40"))
        assert fee.fee == cny("7360")
        assert fee_for(MODEL, enterprises=5, target=Decimal(1)).fee == cny("18400")
        with pytest.raises(
            InvalidValueError, match=r"^fee_for needs at least 1 enterprise, got 0$"
        ):
            fee_for(MODEL, enterprises=0, target=Decimal("0.4"))
        # The profile's visits and the module's costs change the answer.
        few = get_profile().derive(
            name="few-visits", intake_visit=False, follow_up_visits=1
        )
        forty = Decimal("0.40")
        assert fee_for(MODEL, enterprises=5, target=forty, profile=few).fee == cny(
            "4186"
        )
        assert fee_for(MODEL, enterprises=5, target=forty, module="M2").fee == cny(
            "6440"
        )
        assert (
            break_even(MODEL, fee=cny("8000"), target=forty, module="M2").enterprises
            == 3
        )

    def test_a_target_no_fee_reaches(self):
        # A zero-cost model: every ratio is 0, so a positive target is out of reach.
        free = CostModel(
            name="free",
            currency="CNY",
            trainer_day_rate=cny("0"),
            venue_per_day=cny("0"),
            catering_per_participant_day=cny("0"),
            materials_per_participant=cny("0"),
            trainer_travel=cny("0"),
            baseline_assessment=cny("0"),
            consultant_day_rate=cny("0"),
            visit_travel=cny("0"),
            source="test",
        )
        answer = fee_for(free, enterprises=2, target=Decimal("0.5"))
        assert answer.enterprises is None
        assert "does not reach" in answer.reason

    def test_edges_of_the_search(self):
        # A fee of a whole enterprise's cost: one enterprise is enough.
        one = break_even(MODEL, fee=cny("30000"), target=Decimal("0.40"))
        assert (one.enterprises, one.fee, one.target) == (
            1,
            cny("30000"),
            Decimal("0.40"),
        )
        assert one.reason == ""
        # A target met exactly is met.
        four = break_even(MODEL, fee=cny("8000"), target=Decimal("0.40"))
        exact = break_even(MODEL, fee=cny("8000"), target=four.coverage)
        assert (exact.enterprises, exact.coverage) == (4, four.coverage)
        # The profile's largest workshop bounds the search.
        wide = get_profile().derive(
            name="wide", enterprises_per_workshop=Band(minimum=4, maximum=8)
        )
        far = Decimal("0.45")
        assert break_even(MODEL, fee=cny("8000"), target=far).enterprises is None
        found = break_even(MODEL, fee=cny("8000"), target=far, profile=wide)
        assert found.enterprises == 7
        assert found.coverage >= far
        assert (
            break_even(
                MODEL, fee=cny("8000"), target=far, profile=wide, max_enterprises=6
            ).enterprises
            is None
        )
        nothing = break_even(MODEL, fee=cny("8000"), target=far, max_enterprises=0)
        assert (nothing.enterprises, nothing.coverage) == (None, 0)

    def test_the_reason_when_no_size_works(self):
        none = break_even(MODEL, fee=cny("10"), target=Decimal("0.40"))
        assert none.reason == (
            f"a fee of 10.00 CNY reaches {none.coverage:.1%} at 5 enterprises, "
            "below 40%; raise the fee or the size"
        )
        assert none.fee == cny("10")
        assert none.target == Decimal("0.40")

    def test_answers_are_checked_values(self):
        with pytest.raises(InvalidValueError, match=r"BreakEven\.fee must be Money"):
            BreakEven(enterprises=1, fee=None, target=Decimal(0), coverage=Decimal(0))
        with pytest.raises(InvalidValueError, match=r"BreakEven\.enterprises"):
            BreakEven(
                enterprises=0, fee=cny("1"), target=Decimal(0), coverage=Decimal(0)
            )


class TestPortfolio:
    def test_errors(self):
        with pytest.raises(
            InvalidValueError, match=r"^portfolio needs at least one quote$"
        ):
            portfolio([])
        q = quote(shop(), cost_model=MODEL, policy=example_funding_policy(), on=ON)
        other = attrs.evolve(q, currency="USD")
        with pytest.raises(
            CurrencyMismatchError,
            match=r"^quote W1 is in USD; the portfolio is in CNY$",
        ):
            portfolio([q, other])

    def test_years_groups_and_the_latest_target(self):
        china = example_funding_policy()
        early = quote(shop(), cost_model=MODEL, policy=china, on=ON)
        later = quote(shop(module="M2"), cost_model=MODEL, policy=china, on=ON)
        next_year = attrs.evolve(early, on=date(2016, 3, 1))
        book = portfolio([next_year, later, early, early])
        # Rows by year, then group, then payer.
        assert [(r.year, r.group) for r in book.rows] == sorted(
            (r.year, r.group) for r in book.rows
        )
        assert book.rows[0].year == 2015
        early_m1 = book.total(year=2015, group=ModuleGroup.MODULE1)
        assert early_m1 == early.total + early.total
        assert book.coverage(year=2015) == Decimal("0.5")
        assert book.findings == Report()
        # The latest quote of a year and group sets its target; a tie goes
        # to the later quote, and a coverage equal to the target meets it.
        strict = attrs.evolve(early, target=Decimal("0.9"))
        met = attrs.evolve(early, target=Decimal("0.5"))
        assert portfolio([early, met]).findings == Report()
        missed = portfolio([early, strict, next_year])
        assert missed.findings.codes == ("pricing.portfolio.below_target",)
        finding = missed.findings.violations[0]
        assert finding.path == ("rows",)
        assert finding.params["year"] == 2015
        assert finding.params["target"] == "0.9"
        assert finding.params["coverage"] == "0.5"
        assert portfolio([strict, early]).findings == Report()
        # The latest quote by date, not by order, sets the target.
        dated_strict = attrs.evolve(strict, on=date(2015, 2, 1))
        assert portfolio([early, dated_strict]).findings == Report()
        # Coverage of one year, against the whole book.
        free = attrs.evolve(
            next_year,
            by_payer={Payer.DONOR: next_year.total},
            coverage=Decimal(0),
        )
        mixed = portfolio([early, free])
        assert mixed.coverage(year=2015) == Decimal("0.5")
        assert mixed.coverage(year=2016) == 0
        assert mixed.coverage() == Decimal("0.25")
        assert mixed.findings.codes == ("pricing.portfolio.below_target",)
        assert mixed.findings.violations[0].params["year"] == 2016

    @given(
        st.lists(sst.quotes(cost_model=st.just(MODEL)), min_size=2, max_size=4),
        st.data(),
    )
    def test_portfolios_of_parts_add_up_to_the_whole(self, quotes, data):
        whole = portfolio(quotes)
        cut = data.draw(st.integers(1, len(quotes) - 1), label="cut")
        assert portfolio(quotes[:cut]) + portfolio(quotes[cut:]) == whole
        assert sum(portfolio([q]) for q in quotes) == whole
        assert to_json(sum(portfolio([q]) for q in quotes)) == to_json(whole)

    def test_added_portfolios_keep_targets_ties_and_date_warnings(self):
        china = example_funding_policy()
        early = quote(shop(), cost_model=MODEL, policy=china, on=ON)
        strict = attrs.evolve(early, target=Decimal("0.9"))
        late = quote(shop(), cost_model=MODEL, policy=china, on=date(2026, 3, 1))
        # The later of two quotes of the same day sets the target, as in one
        # portfolio; the earliest date warning is kept.
        for parts in ([early], [strict, late]), ([strict], [early, late]):
            added = portfolio(parts[0]) + portfolio(parts[1])
            assert added == portfolio([*parts[0], *parts[1]])
        assert (portfolio([early]) + portfolio([strict])).findings.codes == (
            "pricing.portfolio.below_target",
        )
        book = portfolio([early, late])
        assert book.targets is not None
        assert [(t.year, t.group, t.on) for t in book.targets] == [
            (2015, ModuleGroup.MODULE1, ON),
            (2026, ModuleGroup.MODULE1, date(2026, 3, 1)),
        ]

    def test_what_cannot_be_added(self):
        book = portfolio(
            [quote(shop(), cost_model=MODEL, policy=example_funding_policy(), on=ON)]
        )
        with pytest.raises(TypeError):
            book + 1
        with pytest.raises(TypeError):
            1 + book
        usd = attrs.evolve(book, currency="USD")
        with pytest.raises(
            CurrencyMismatchError,
            match=r"^a portfolio in USD cannot be added to one in CNY$",
        ):
            book + usd
        old = attrs.evolve(book, targets=None)  # as read from a version-1 payload
        with pytest.raises(InvalidValueError, match="version-1 payload"):
            old + book
        with pytest.raises(InvalidValueError, match="version-1 payload"):
            book + old


def test_policy_strategy_refuses_no_periods_when_built():
    from hypothesis.errors import InvalidArgument

    with pytest.raises(InvalidArgument, match="max_periods"):
        sst.funding_policies(max_periods=0)
    with pytest.raises(InvalidArgument, match="currency"):
        sst.cost_models(currency="CNY")  # type: ignore[arg-type]


@given(
    sst.cost_models(currency=st.just("JPY")),
    sst.funding_policies(currency=sst.currency_codes()),
    sst.group_rules(currency=st.sampled_from(["KWD", "USD"])),
    sst.fee_tiers(),
)
def test_pricing_strategies_take_a_strategy_for_the_currency(
    model, policy, rules, tier
):
    assert model.currency == "JPY"
    assert model.trainer_day_rate.currency == "JPY"
    amounts = [
        rule.cap
        for period in policy.periods.entries
        for rule in (period.value.module1.fee, period.value.later_modules.fee)
        if rule is not None and rule.cap is not None
    ]
    assert all(a.currency == policy.currency for a in amounts)
    assert rules.donor_cap is None or rules.donor_cap.currency in ("KWD", "USD")
    assert tier.price.currency == "CNY"


def test_currencies_are_checked_one_way_when_values_are_built():
    from score_core.errors import InvalidTypeError

    with pytest.raises(InvalidValueError, match=r"FundingPolicy.currency 'cny'"):
        attrs.evolve(example_funding_policy(), currency="cny")
    with pytest.raises(InvalidValueError, match=r"CostModel.currency 'XXX'"):
        attrs.evolve(example_cost_model(), currency="XXX")
    with pytest.raises(InvalidTypeError, match=r"Profile.currency must be"):
        attrs.evolve(get_profile(), currency=156)
