"""Flat rows: plain values under stable column names, for pandas and CSV."""

import csv
import io
from datetime import date
from decimal import Decimal

import pandas
import pytest
from hypothesis import given
from hypothesis import strategies as st

from score_core import (
    EligibilityResult,
    Enterprise,
    EnterpriseRecord,
    InvalidValueError,
    ModulePlan,
    Payer,
    Quote,
    Report,
    RuleViolation,
    VisitCycle,
    screen,
)
from score_core import strategies as sst
from score_core.eligibility import Screening, ScreeningSummary
from score_core.errors import InvalidTypeError
from score_core.monitoring import (
    Aggregate,
    AggregateSet,
    Change,
    ChangeSet,
    ResultRow,
    ResultsReport,
)
from score_core.pricing import Portfolio, PortfolioRow
from score_core.tables import columns, rows


#: The contract: dashboards and spreadsheets rely on these names, in order.
#: docs/howto/rows-for-dashboards.md lists the same (its doctest checks it).
CONTRACT = {
    EligibilityResult: (
        "enterprise module profile on status eligible errors warnings codes reasons"
    ),
    ScreeningSummary: "by key count",
    Quote: (
        "workshop module on profile cost_model policy currency enterprise "
        "participants full_cost payer amount rule"
    ),
    Portfolio: "year group payer amount currency",
    PortfolioRow: "year group payer amount currency",
    ModulePlan: (
        "plan module profile calendar enterprise cycle visit kind on nominal "
        "status held_on window_end"
    ),
    VisitCycle: (
        "plan module profile calendar enterprise cycle visit kind on nominal "
        "status held_on window_end"
    ),
    Change: (
        "enterprise indicator unit baseline baseline_on latest latest_on point "
        "absolute relative improved women men"
    ),
    ChangeSet: (
        "enterprise indicator unit baseline baseline_on latest latest_on point "
        "absolute relative improved women men"
    ),
    Aggregate: (
        "indicator unit n median lower_quartile upper_quartile median_relative "
        "improved share_improved women men"
    ),
    AggregateSet: (
        "indicator unit n median lower_quartile upper_quartile median_relative "
        "improved share_improved women men"
    ),
    Report: "code severity path message params",
    RuleViolation: "code severity path message params",
    ResultRow: "indicator title unit direction period n baseline baseline_year "
    "target actual",
    ResultsReport: "indicator title unit direction period n baseline "
    "baseline_year target actual",
}


@pytest.mark.parametrize("cls", list(CONTRACT), ids=lambda c: c.__name__)
def test_the_column_names_are_the_contract(cls):
    assert columns(cls) == tuple(CONTRACT[cls].split())


@pytest.mark.parametrize("kind", list(CONTRACT), ids=lambda c: c.__name__)
@given(data=st.data())
def test_every_row_has_the_columns_and_plain_values(kind, data):
    value = data.draw(sst.STRATEGIES[kind](), label="value")
    table = list(rows(value))
    for row in table:
        assert tuple(row) == columns(kind)
        assert all(type(v) in (str, int, bool, type(None)) for v in row.values())
    decimals = list(rows(value, numbers="decimal"))
    floats = list(rows(value, numbers="float"))
    assert len(decimals) == len(floats) == len(table)
    for text, exact, approx in zip(table, decimals, floats, strict=True):
        for key, cell in text.items():
            if isinstance(exact[key], Decimal):
                # The text is exact: it reads back as the same number.
                assert Decimal(cell) == exact[key]
                assert approx[key] == float(exact[key])
                assert "E" not in cell
            else:
                assert exact[key] == approx[key] == cell


def test_one_row_per_enterprise_and_payment_of_a_quote():
    q = _quote()
    table = list(rows(q))
    assert len(table) == sum(len(i.payments) for i in q.invoices)
    frame = pandas.DataFrame(rows(q, numbers="decimal"))
    paid = frame.groupby("payer")["amount"].sum()
    for payer in Payer:
        assert paid.get(payer.value, Decimal(0)) == q.by_payer[payer].amount


def _quote() -> Quote:
    from score_core import (
        Delegation,
        Workshop,
        example_cost_model,
        example_funding_policy,
        quote,
    )

    firms = [Enterprise(id=f"E{n}", name=f"E{n}", headcount=120) for n in range(5)]
    shop = Workshop(
        id="W1",
        module="M1",
        days=(date(2015, 4, 8), date(2015, 4, 9)),
        delegations=[Delegation(enterprise=f) for f in firms],
    )
    return quote(
        shop,
        cost_model=example_cost_model(),
        policy=example_funding_policy(),
        on=date(2015, 3, 1),
    )


class TestPandasAndCsv:
    def test_the_one_liner(self):
        firms = [
            Enterprise(id="E1", name="Pump Co", headcount=120, country="CN"),
            Enterprise(id="E2", name="Gear Works", headcount=612, country="CN"),
            Enterprise(id="E3", name="Mill", headcount=None, country="CN"),
        ]
        record = EnterpriseRecord(enterprise_id="E1", baseline_on=date(2015, 3, 2))
        frame = pandas.DataFrame(rows(screen(firms, records={"E1": record})))
        assert tuple(frame.columns) == columns(EligibilityResult)
        assert frame["status"].tolist() == ["eligible", "ineligible", "needs_review"]
        assert frame["eligible"].dtype == bool
        assert frame["errors"].tolist() == [0, 1, 0]
        assert frame["codes"].tolist() == [
            "",
            "eligibility.headcount.above_max;eligibility.record.missing",
            "eligibility.headcount.missing;eligibility.record.missing",
        ]
        assert frame["codes"].str.split(";").str.len().tolist() == [1, 2, 2]

    def test_float_numbers_are_numeric_columns(self):
        q = _quote()
        frame = pandas.DataFrame(rows(q, numbers="float"))
        assert frame["amount"].dtype == "float64"
        total = frame.groupby("enterprise")["amount"].sum()
        assert total["E0"] == pytest.approx(float(q.invoices[0].full_cost.amount))

    def test_csv_written_with_the_columns_reads_back_in_pandas(self):
        q = _quote()
        out = io.StringIO()
        writer = csv.DictWriter(out, columns(Quote), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows(q))
        frame = pandas.read_csv(io.StringIO(out.getvalue()))
        assert tuple(frame.columns) == columns(Quote)
        assert frame["amount"].sum() == pytest.approx(float(q.total.amount))

    def test_an_empty_table_keeps_its_columns(self):
        frame = pandas.DataFrame(
            rows(screen([])), columns=list(columns(EligibilityResult))
        )
        assert frame.empty
        assert tuple(frame.columns) == columns(EligibilityResult)


class TestMisuse:
    def test_values_without_rows(self):
        with pytest.raises(InvalidTypeError, match="no rows for int; rows are made"):
            rows(5)
        with pytest.raises(InvalidTypeError, match="no rows for str"):
            rows("E1")
        with pytest.raises(InvalidTypeError, match="no rows for Enterprise"):
            columns(Enterprise)
        assert columns(Screening) == columns(EligibilityResult)
        with pytest.raises(InvalidTypeError, match="no rows for"):
            columns([])  # type: ignore[arg-type]

    def test_an_iterable_of_one_type(self):
        q = _quote()
        assert len(list(rows([q, q]))) == 2 * len(list(rows(q)))
        mixed = rows([q, screen([]).run()])
        with pytest.raises(InvalidTypeError, match=r"one type \(Quote\), got"):
            list(mixed)
        with pytest.raises(InvalidTypeError, match="got int"):
            list(rows([1]))

    def test_numbers_are_named(self):
        with pytest.raises(InvalidValueError, match="numbers must be 'text'"):
            rows(_quote(), numbers="int")  # type: ignore[arg-type]


def test_a_default_module_is_written_as_plain_text():
    # check_eligibility's default module is ModuleCode.M1, a str enum: the
    # row holds its plain value, as the contract says.
    from score_core import Enterprise, check_eligibility
    from score_core.tables import rows

    (row,) = rows(check_eligibility(Enterprise(id="E1", name="n", headcount=80)))
    assert type(row["module"]) is str
    assert row["module"] == "M1"


def test_one_row_per_finding_with_its_params_as_json():
    import json

    from score_core.codes import Code, violation

    report = Report(
        violations=(
            violation(Code.EIT_NO_WORKER, enterprise="E3", path=("members",)),
            violation(Code.EIT_NO_MANAGER, enterprise="E1"),
        )
    )
    table = list(rows(report))
    assert [r["code"] for r in table] == ["eit.no_worker", "eit.no_manager"]
    assert table[0]["path"] == "$.members"
    assert table[0]["severity"] == "error"
    assert json.loads(table[0]["params"]) == {"enterprise": "E3"}
    assert table[1]["message"] == report.violations[1].message
    assert list(rows(report.violations[0])) == table[:1]
    assert list(rows([report, report])) == table * 2
