import itertools
from datetime import date

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from score_core import (
    Catalogue,
    Enterprise,
    EnterpriseRecord,
    InvalidValueError,
    ModuleState,
    NotInForceError,
    Resolution,
    Severity,
    Status,
    TrainingModule,
    UnknownNameError,
    check_eligibility,
    default_catalogue,
    get_profile,
    profile_names,
    screen,
)
from score_core import strategies as sst
from score_core.catalogue import register_catalogue
from score_core.codes import Code, violation
from score_core.eligibility import REVIEW_CODES, Outcome, RuleCheck
from score_core.errors import InvalidTypeError
from score_core.profiles import Band, default_profile


BUILT_IN = ["cn-phase-2", "global", "in-aioe", "id-phase-3", "pe-phase-2", "gh-phase-2"]
D = date(2015, 7, 1)


def firm(headcount, **kw):
    kw.setdefault("country", "CN")
    return Enterprise(id="E1", name="Firm", headcount=headcount, **kw)


def done(record, module, on=date(2015, 6, 30)):
    for state in (
        ModuleState.ENROLLED,
        ModuleState.INTAKE_DONE,
        ModuleState.WORKSHOP_ATTENDED,
        ModuleState.FOLLOW_UP,
        ModuleState.COMPLETED,
    ):
        record = record.advance(module, state, on=on)
    return record


BASELINED = EnterpriseRecord(enterprise_id="E1", baseline_on=date(2015, 3, 2))


class TestHeadcountBoundaries:
    @pytest.mark.parametrize("name", BUILT_IN)
    def test_band_is_inclusive_at_both_ends(self, name):
        profile = get_profile(name)
        band = profile.employees

        def status(n):
            e = Enterprise(id="E", name="E", headcount=n, country=profile.country)
            return check_eligibility(e, profile=profile, record=BASELINED).status

        assert status(band.minimum - 1) is Status.INELIGIBLE
        assert status(band.minimum) is Status.ELIGIBLE
        assert status(band.maximum) is Status.ELIGIBLE
        assert status(band.maximum + 1) is Status.INELIGIBLE

    def test_china_phase_2_worked_example(self):
        codes = {
            n: check_eligibility(firm(n), record=BASELINED).findings.codes
            for n in (49, 50, 500, 501, 612)
        }
        assert codes[49] == ("eligibility.headcount.below_min",)
        assert codes[50] == codes[500] == ()
        assert codes[501] == ("eligibility.headcount.above_max",)
        result = check_eligibility(firm(612), record=BASELINED)
        assert result.violations[0].message == (
            "headcount 612 is above the maximum of 500 for profile cn-phase-2"
        )
        assert result.violations[0].params["headcount"] == 612
        assert result.violations[0].path == ("headcount",)

    def test_review_margin(self):
        approx = default_profile().derive(name="cn-approx", headcount_review_margin=10)

        def status(n):
            return check_eligibility(firm(n), profile=approx, record=BASELINED)

        assert status(40).status is Status.NEEDS_REVIEW
        assert status(39).status is Status.INELIGIBLE
        assert status(510).status is Status.NEEDS_REVIEW
        assert status(511).status is Status.INELIGIBLE
        near = status(45)
        assert near.findings.codes == ("eligibility.headcount.near_min",)
        assert "within its review margin of 10" in near.violations[0].message
        assert near.checks[0].outcome is Outcome.REVIEW


class TestOtherRules:
    def test_sector_and_country(self):
        garments = default_profile().derive(
            name="cn-garments", sectors={"garments", "auto parts"}
        )
        ok = check_eligibility(
            firm(100, sector="garments"), profile=garments, record=BASELINED
        )
        assert ok.eligible
        wrong = check_eligibility(
            firm(100, sector="fireworks"), profile=garments, record=BASELINED
        )
        assert wrong.findings.codes == ("eligibility.sector.not_covered",)
        assert "(it covers auto parts, garments)" in wrong.violations[0].message
        unknown = check_eligibility(firm(100), profile=garments, record=BASELINED)
        assert unknown.status is Status.NEEDS_REVIEW
        assert unknown.findings.codes == ("eligibility.sector.missing",)
        abroad = check_eligibility(firm(100, country="VN"), record=BASELINED)
        assert abroad.findings.codes == ("eligibility.country.mismatch",)
        nowhere = check_eligibility(firm(100, country=None), record=BASELINED)
        assert nowhere.status is Status.NEEDS_REVIEW
        anywhere = check_eligibility(
            firm(100, country="VN"), profile=get_profile("global"), record=BASELINED
        )
        assert anywhere.eligible

    def test_missing_data_is_review_not_refusal(self):
        result = check_eligibility(firm(100))
        assert result.status is Status.NEEDS_REVIEW
        assert result.findings.codes == ("eligibility.record.missing",)
        assert "cannot tell whether a baseline assessment was made" in (
            result.violations[0].message
        )
        m2 = check_eligibility(firm(100), module="M2")
        assert "whether it completed M1 before" in m2.violations[0].message
        # Nothing to tell without a record: a module with no prerequisite.
        hoco = check_eligibility(firm(100), module="HOCO")
        assert hoco.eligible

    def test_module_1_first(self):
        result = check_eligibility(firm(100), module="M3", record=BASELINED)
        assert result.findings.codes == ("eligibility.module.prerequisite_missing",)
        assert result.violations[0].message == (
            "module M3 comes after M1, which enterprise E1 has not completed"
        )
        after_m1 = done(BASELINED, "M1")
        assert check_eligibility(firm(100), module="M3", record=after_m1).eligible
        # Modules 2 to 5 in any order.
        after_m5 = done(after_m1, "M5", on=date(2015, 9, 30))
        assert check_eligibility(firm(100), module="M2", record=after_m5).eligible

    def test_baseline_before_module_1(self):
        none = EnterpriseRecord(enterprise_id="E1")
        result = check_eligibility(firm(100), record=none, on=D)
        assert result.findings.codes == ("eligibility.baseline.missing",)
        assert "no baseline assessment by 2015-07-01" in result.violations[0].message
        later = EnterpriseRecord(enterprise_id="E1", baseline_on=date(2015, 8, 1))
        assert not check_eligibility(firm(100), record=later, on=D).eligible
        assert check_eligibility(firm(100), record=later).eligible
        assert check_eligibility(firm(100), record=none, baseline_modules=()).eligible

    def test_completed_in_progress_and_withdrawn(self):
        after_m1 = done(BASELINED, "M1")
        again = check_eligibility(firm(100), record=after_m1)
        assert again.findings.codes == ("eligibility.module.completed",)
        assert "completed module M1 on 2015-06-30" in again.violations[0].message
        # On a date before completion, M1 was still in progress.
        busy = check_eligibility(
            firm(100),
            record=after_m1.advance("M2", ModuleState.ENROLLED, on=date(2015, 7, 2)),
            module="M2",
        )
        assert busy.findings.codes == ("eligibility.module.in_progress",)
        gone = after_m1.withdraw(date(2015, 7, 1))
        left = check_eligibility(firm(100), record=gone, module="M2")
        assert left.findings.codes == ("eligibility.enterprise.withdrawn",)
        assert check_eligibility(
            firm(100), record=gone, module="M2", on=date(2015, 6, 30)
        ).eligible

    def test_profile_in_force(self):
        with pytest.raises(NotInForceError):
            check_eligibility(
                firm(100),
                record=BASELINED,
                on=date(2026, 11, 24),
                mode=Resolution.STRICT,
            )
        lenient = check_eligibility(firm(100), record=BASELINED, on=date(2026, 11, 24))
        assert lenient.status is Status.ELIGIBLE
        assert lenient.findings.codes == ("profile.not_in_force",)

    def test_unknown_headcount_needs_review_never_refusal(self):
        unknown = Enterprise(id="U1", name="Unknown Co", country="CN")
        result = check_eligibility(unknown, record=BASELINED, on=date(2015, 6, 1))
        assert result.status is Status.NEEDS_REVIEW
        assert result.violations == (
            violation(
                Code.ELIGIBILITY_HEADCOUNT_MISSING,
                enterprise="U1",
                minimum=50,
                maximum=500,
                profile="cn-phase-2",
                path=("headcount",),
            ),
        )
        (check,) = [c for c in result.checks if c.rule == "headcount"]
        assert (check.outcome, check.observed) == (Outcome.REVIEW, None)
        summary = screen([unknown, firm(100)], records={"U1": BASELINED}).run()
        assert summary.by_code["eligibility.headcount.missing"] == 1
        assert summary.by_status[Status.NEEDS_REVIEW] >= 1

    def test_unknown_module(self):
        with pytest.raises(UnknownNameError):
            check_eligibility(firm(100), module="NOPE")

    def test_every_error_is_reported_at_once(self):
        result = check_eligibility(
            firm(612, country="VN"),
            module="M2",
            record=EnterpriseRecord(enterprise_id="E1"),
        )
        assert result.findings.codes == (
            "eligibility.headcount.above_max",
            "eligibility.country.mismatch",
            "eligibility.module.prerequisite_missing",
        )

    def test_explanation_names_parameters_and_sources(self):
        result = check_eligibility(firm(612), record=BASELINED, on=D)
        text = result.explain()
        assert text.startswith(
            "E1 for module M1 under profile cn-phase-2 on 2015-07-01: ineligible"
        )
        assert "headcount: failed (612)" in text
        assert "using employees = 50 to 500 (source BJ-II; SEED" in text
        params = {p.name: p for p in result.parameters}
        assert params["employees"].value == "50 to 500"
        assert params["country"].provenance.source == "BJ-II"
        assert (
            check_eligibility(firm(100))
            .explain()
            .endswith(
                "(default: The catalogue score_core ships.)\n  using valid_from = "
                "2013-01-01 (source MTE-II p.2: Phase II ran 2013 to 2017.)\n  using "
                "valid_to = 2017-12-31 (source MTE-II p.2: Phase II ran 2013 to "
                "2017; the mid-term evaluation recommended extending China to the "
                "end of 2017 (p.16).)"
            )
        )

    def test_each_profile_explains_with_its_own_parameters(self, monkeypatch):
        from score_core import eligibility

        # Many profiles, each deciding with its own values, and the words
        # kept on each profile (no cache that one profile could overwrite).
        profiles = [
            default_profile().derive(
                name=f"band-{n}", employees=Band(minimum=n, maximum=500)
            )
            for n in range(1, 20)
        ]
        for profile in profiles:
            result = check_eligibility(firm(100), profile=profile)
            used = {p.name: p.value for p in result.parameters}
            assert used["employees"] == f"{profile.employees.minimum} to 500"
        first = profiles[0]
        again = check_eligibility(firm(100), profile=first)
        assert again.parameters is check_eligibility(firm(90), profile=first).parameters
        assert {p.name: p.value for p in again.parameters}["employees"] == "1 to 500"
        assert not hasattr(eligibility, "_PROFILE_TEXTS")


AUTOS = default_profile().derive(name="cn-autos", sectors=frozenset({"auto parts"}))
PASSED_CN = [("headcount", "passed", 100, None)]
NO_SECTOR_RULE = [
    ("sector", "not_applicable", None, None),
    ("country", "passed", "CN", None),
]
JOURNEY_PASSED = [
    ("withdrawn", "passed", None, None),
    ("not_taken", "passed", "M1", None),
    ("prerequisites", "not_applicable", None, None),
]


def _decide(case):
    """A scenario of the decision table, decided."""
    enterprise, kw = {
        "every rule passes": (
            firm(100, sector="auto parts"),
            {"profile": AUTOS, "record": BASELINED, "on": D},
        ),
        "sector and country unknown, no record": (
            firm(100, country=None),
            {"profile": AUTOS},
        ),
        "sector not covered, another country, in progress": (
            firm(100, sector="garments", country="VN"),
            {
                "profile": AUTOS,
                "record": BASELINED.advance(
                    "M1", ModuleState.ENROLLED, on=date(2015, 4, 1)
                ),
                "on": D,
            },
        ),
        "a profile without sector or country, no baseline needed": (
            firm(100, sector="garments", country="VN"),
            {"profile": get_profile("global"), "baseline_modules": ()},
        ),
        "module 2 completed": (
            firm(100),
            {"record": done(done(BASELINED, "M1"), "M2"), "on": D, "module": "M2"},
        ),
        "module 2 before module 1": (
            firm(100),
            {"record": BASELINED, "on": D, "module": "M2"},
        ),
        "module 2 without a record": (firm(100), {"module": "M2"}),
        "baseline after the date": (
            firm(100),
            {
                "record": EnterpriseRecord(
                    enterprise_id="E1", baseline_on=date(2015, 7, 2)
                ),
                "on": D,
            },
        ),
        "baseline on the date": (
            firm(100),
            {"record": EnterpriseRecord(enterprise_id="E1", baseline_on=D), "on": D},
        ),
        "no baseline, no date": (
            firm(100),
            {"record": EnterpriseRecord(enterprise_id="E1")},
        ),
        "withdrawn": (
            firm(100),
            {"record": BASELINED.withdraw(on=date(2015, 5, 1)), "on": D},
        ),
        "enrolled only after the date": (
            firm(100),
            {
                "record": BASELINED.advance(
                    "M1", ModuleState.ENROLLED, on=date(2015, 8, 3)
                ),
                "on": D,
            },
        ),
    }[case]
    return check_eligibility(enterprise, **kw)


@pytest.fixture
def empty_caches(monkeypatch):
    """Decide without the values shared by earlier decisions."""
    from score_core import eligibility

    monkeypatch.setattr(eligibility, "_SHARED", {})
    return eligibility


TWO_STEPS = Catalogue(
    name="two-steps",
    modules=(
        *default_catalogue().modules,
        TrainingModule(code="ADV", title="Advanced", prerequisites={"M1", "M2"}),
    ),
)


@pytest.mark.usefixtures("empty_caches")
class TestDecisionTable:
    """Each scenario's verdict, every rule's outcome, and every finding in full."""

    @pytest.mark.parametrize(
        ("case", "status", "checks", "findings"),
        [
            (
                "every rule passes",
                "eligible",
                [
                    *PASSED_CN[:1],
                    ("sector", "passed", "auto parts", None),
                    ("country", "passed", "CN", None),
                    *JOURNEY_PASSED,
                    ("baseline", "passed", "2015-03-02", None),
                ],
                [],
            ),
            (
                "sector and country unknown, no record",
                "needs_review",
                [
                    *PASSED_CN,
                    ("sector", "review", None, "eligibility.sector.missing"),
                    ("country", "review", None, "eligibility.country.missing"),
                    ("record", "review", None, "eligibility.record.missing"),
                ],
                [
                    (
                        "eligibility.sector.missing",
                        {
                            "enterprise": "E1",
                            "profile": "cn-autos",
                            "sectors": "auto parts",
                        },
                        ("sector",),
                    ),
                    (
                        "eligibility.country.missing",
                        {
                            "enterprise": "E1",
                            "profile": "cn-autos",
                            "profile_country": "CN",
                        },
                        ("country",),
                    ),
                    (
                        "eligibility.record.missing",
                        {
                            "enterprise": "E1",
                            "baseline": True,
                            "prerequisites": None,
                            "module": "M1",
                        },
                        (),
                    ),
                ],
            ),
            (
                "sector not covered, another country, in progress",
                "ineligible",
                [
                    *PASSED_CN,
                    ("sector", "failed", "garments", "eligibility.sector.not_covered"),
                    ("country", "failed", "VN", "eligibility.country.mismatch"),
                    ("withdrawn", "passed", None, None),
                    ("not_taken", "failed", "M1", "eligibility.module.in_progress"),
                    ("prerequisites", "not_applicable", None, None),
                    ("baseline", "passed", "2015-03-02", None),
                ],
                [
                    (
                        "eligibility.sector.not_covered",
                        {
                            "sector": "garments",
                            "enterprise": "E1",
                            "profile": "cn-autos",
                            "sectors": "auto parts",
                        },
                        ("sector",),
                    ),
                    (
                        "eligibility.country.mismatch",
                        {
                            "enterprise": "E1",
                            "country": "VN",
                            "profile": "cn-autos",
                            "profile_country": "CN",
                        },
                        ("country",),
                    ),
                    (
                        "eligibility.module.in_progress",
                        {"enterprise": "E1", "module": "M1", "state": "enrolled"},
                        (),
                    ),
                ],
            ),
            (
                "a profile without sector or country, no baseline needed",
                "eligible",
                [
                    *PASSED_CN,
                    ("sector", "not_applicable", "garments", None),
                    ("country", "not_applicable", "VN", None),
                    ("record", "not_applicable", None, None),
                ],
                [],
            ),
            (
                "module 2 completed",
                "ineligible",
                [
                    *PASSED_CN,
                    *NO_SECTOR_RULE,
                    ("withdrawn", "passed", None, None),
                    ("not_taken", "failed", "M2", "eligibility.module.completed"),
                    ("prerequisites", "passed", None, None),
                ],
                [
                    (
                        "eligibility.module.completed",
                        {
                            "enterprise": "E1",
                            "module": "M2",
                            "completed_on": "2015-06-30",
                        },
                        (),
                    )
                ],
            ),
            (
                "module 2 before module 1",
                "ineligible",
                [
                    *PASSED_CN,
                    *NO_SECTOR_RULE,
                    ("withdrawn", "passed", None, None),
                    ("not_taken", "passed", "M2", None),
                    (
                        "prerequisites",
                        "failed",
                        None,
                        "eligibility.module.prerequisite_missing",
                    ),
                ],
                [
                    (
                        "eligibility.module.prerequisite_missing",
                        {"enterprise": "E1", "module": "M2", "missing": "M1"},
                        (),
                    )
                ],
            ),
            (
                "module 2 without a record",
                "needs_review",
                [
                    *PASSED_CN,
                    *NO_SECTOR_RULE,
                    ("record", "review", None, "eligibility.record.missing"),
                ],
                [
                    (
                        "eligibility.record.missing",
                        {
                            "enterprise": "E1",
                            "baseline": False,
                            "prerequisites": "M1",
                            "module": "M2",
                        },
                        (),
                    )
                ],
            ),
            (
                "baseline after the date",
                "ineligible",
                [
                    *PASSED_CN,
                    *NO_SECTOR_RULE,
                    *JOURNEY_PASSED,
                    (
                        "baseline",
                        "failed",
                        "2015-07-02",
                        "eligibility.baseline.missing",
                    ),
                ],
                [
                    (
                        "eligibility.baseline.missing",
                        {"enterprise": "E1", "module": "M1", "by": "2015-07-01"},
                        (),
                    )
                ],
            ),
            (
                "baseline on the date",
                "eligible",
                [
                    *PASSED_CN,
                    *NO_SECTOR_RULE,
                    *JOURNEY_PASSED,
                    ("baseline", "passed", "2015-07-01", None),
                ],
                [],
            ),
            (
                "no baseline, no date",
                "ineligible",
                [
                    *PASSED_CN,
                    *NO_SECTOR_RULE,
                    *JOURNEY_PASSED,
                    ("baseline", "failed", None, "eligibility.baseline.missing"),
                ],
                [
                    (
                        "eligibility.baseline.missing",
                        {"enterprise": "E1", "module": "M1", "by": None},
                        (),
                    )
                ],
            ),
            (
                "withdrawn",
                "ineligible",
                [
                    *PASSED_CN,
                    *NO_SECTOR_RULE,
                    (
                        "withdrawn",
                        "failed",
                        "2015-05-01",
                        "eligibility.enterprise.withdrawn",
                    ),
                    *JOURNEY_PASSED[1:],
                    ("baseline", "passed", "2015-03-02", None),
                ],
                [
                    (
                        "eligibility.enterprise.withdrawn",
                        {"enterprise": "E1", "withdrawn_on": "2015-05-01"},
                        (),
                    )
                ],
            ),
            (
                "enrolled only after the date",
                "eligible",
                [
                    *PASSED_CN,
                    *NO_SECTOR_RULE,
                    *JOURNEY_PASSED,
                    ("baseline", "passed", "2015-03-02", None),
                ],
                [],
            ),
        ],
    )
    def test_scenario(self, case, status, checks, findings):
        result = _decide(case)
        assert result.status.value == status
        assert [
            (c.rule, c.outcome.value, c.observed, c.code) for c in result.checks
        ] == (checks)
        assert [(v.code, dict(v.params), v.path) for v in result.violations] == findings

    def test_explanation_in_words(self):
        result = check_eligibility(firm(100), record=BASELINED, on=D)
        lines = result.explain().splitlines()
        assert lines[:9] == [
            "E1 for module M1 under profile cn-phase-2 on 2015-07-01: eligible",
            "  headcount: passed (100)",
            "  sector: not_applicable",
            "  country: passed (CN)",
            "  withdrawn: passed",
            "  not_taken: passed (M1)",
            "  prerequisites: not_applicable",
            "  baseline: passed (2015-03-02)",
            "  using country = CN (source BJ-II: SCORE China.)",
        ]
        undated = check_eligibility(firm(100), record=BASELINED).explain()
        assert (
            undated.splitlines()[0]
            == "E1 for module M1 under profile cn-phase-2: eligible"
        )

    def test_several_prerequisites_in_words(self):
        register_catalogue(TWO_STEPS)
        profile = default_profile().derive(name="two-steps", catalogue="two-steps")
        unknown = check_eligibility(firm(100), module="ADV", profile=profile)
        assert unknown.violations[0].params["prerequisites"] == "M1, M2"
        assert "whether it completed M1, M2 before module ADV" in (
            unknown.violations[0].message
        )
        record = done(done(BASELINED, "M1"), "M3")
        partial = check_eligibility(
            firm(100), module="ADV", profile=profile, record=record
        )
        assert partial.checks[-1].observed == "M1, M3"
        assert partial.violations[0].params["missing"] == "M2"
        none_yet = check_eligibility(
            firm(100), module="ADV", profile=profile, record=BASELINED
        )
        assert none_yet.violations[0].params["missing"] == "M1, M2"
        both = check_eligibility(firm(100), module="M2", baseline_modules=("M2",))
        assert both.violations[0].message.endswith(
            "a baseline assessment was made or whether it completed M1 before module M2"
        )

    def test_shared_values_are_reused(self, empty_caches):
        first = check_eligibility(firm(100), record=BASELINED)
        again = check_eligibility(firm(100), record=BASELINED)
        assert again.checks[0] is first.checks[0]
        assert again.parameters is first.parameters
        other = default_profile().derive(name="p-other")
        assert check_eligibility(firm(100), profile=other).parameters == (
            again.parameters
        )
        assert check_eligibility(firm(100), profile=other).parameters is not (
            again.parameters
        )

    def test_a_full_cache_of_shared_checks_shares_no_more(
        self, empty_caches, monkeypatch
    ):
        monkeypatch.setattr(empty_caches, "_SHARED_MAX", 0)
        first = check_eligibility(firm(100), record=BASELINED)
        again = check_eligibility(firm(100), record=BASELINED)
        assert again.checks == first.checks
        assert again.checks[0] is not first.checks[0]

    def test_screening_uses_its_profile(self):
        small = default_profile().derive(
            name="small-firms", employees=Band(minimum=10, maximum=60)
        )
        (result,) = screen([firm(40)], profile=small, baseline_modules=())
        assert result.status is Status.ELIGIBLE
        assert result.profile == "small-firms"

    def test_rule_checks_are_checked_values(self):
        with pytest.raises(InvalidValueError, match="rule"):
            RuleCheck(rule="", outcome=Outcome.PASSED)
        with pytest.raises(InvalidTypeError, match="outcome"):
            RuleCheck(rule="r", outcome="passed")
        with pytest.raises(InvalidTypeError, match="observed"):
            RuleCheck(rule="r", outcome=Outcome.PASSED, observed=1.5)


class TestProperties:
    @given(st.sampled_from(BUILT_IN), sst.enterprise_records(), st.data())
    def test_every_decision_is_explained(self, name, record, data):
        profile = get_profile(name)
        status = data.draw(st.sampled_from(list(Status)))
        if status is Status.NEEDS_REVIEW and not profile.country:
            status = Status.ELIGIBLE
        e = data.draw(sst.enterprises_for(profile, status=status))
        module = data.draw(st.sampled_from(["M1", "M2", "M3", "M4", "M5"]))
        result = check_eligibility(
            e,
            profile=profile,
            module=module,
            record=data.draw(st.none() | st.just(record)),
            mode=Resolution.LENIENT,
            on=data.draw(st.none() | st.dates()),
        )
        errors = [v for v in result.violations if v.severity is Severity.ERROR]
        review = [v for v in result.violations if v.code in REVIEW_CODES]
        if result.status is Status.INELIGIBLE:
            assert errors
        if result.status is Status.ELIGIBLE:
            assert not errors
            assert not review
        if result.status is Status.NEEDS_REVIEW:
            assert not errors
            assert review  # only missing data or the margin send to review
        failed = {
            c.code for c in result.checks if c.outcome is not Outcome.PASSED and c.code
        }
        assert failed == {
            v.code for v in result.violations if v.code.startswith("eligibility.")
        }

    @given(sst.enterprises_for(get_profile("cn-phase-2")), st.integers(0, 3000))
    def test_size_status_matches_the_strategy(self, e, extra):
        assert check_eligibility(e, record=BASELINED).eligible
        bigger = Enterprise(
            id=e.id,
            name=e.name,
            headcount=e.headcount + extra,
            country=e.country,
            sector=e.sector,
        )
        # Monotone: adding employees never turns an enterprise above the band
        # eligible again.
        over = check_eligibility(bigger, record=BASELINED)
        assert over.eligible == (bigger.headcount <= 500)

    @given(st.sampled_from(BUILT_IN), st.data())
    def test_ineligible_strategy_breaks_a_rule(self, name, data):
        profile = get_profile(name)
        e = data.draw(sst.enterprises_for(profile, status=Status.INELIGIBLE))
        assert check_eligibility(e, profile=profile, record=BASELINED).status is (
            Status.INELIGIBLE
        )

    def test_needs_review_strategy(self):
        approx = get_profile("global").derive(
            name="global-approx", headcount_review_margin=5
        )

        @given(sst.enterprises_for(approx, status=Status.NEEDS_REVIEW))
        def check(e):
            result = check_eligibility(e, profile=approx, record=BASELINED)
            assert result.status is Status.NEEDS_REVIEW

        check()

        # With no margin, sector list or country, only an unknown headcount
        # needs review.
        @given(sst.enterprises_for(get_profile("global"), status=Status.NEEDS_REVIEW))
        def unknown(e):
            assert e.headcount is None
            result = check_eligibility(
                e, profile=get_profile("global"), record=BASELINED
            )
            assert result.status is Status.NEEDS_REVIEW

        unknown()


class TestScreening:
    @given(
        st.lists(sst.enterprises(), max_size=12),
        st.lists(st.integers(0, 12), max_size=3),
    )
    def test_summaries_of_partitions_add_up_to_the_whole(self, batch, cuts):
        def summary(part):
            return screen(part, baseline_modules=()).run()

        bounds = [0, *sorted(cuts), len(batch)]
        parts = [batch[a:b] for a, b in itertools.pairwise(bounds)]
        whole = summary(batch)
        assert sum(summary(p) for p in parts) == whole
        assert summary([]) + whole == whole == whole + summary([])

    def test_a_summary_adds_only_summaries(self):
        empty = screen([]).run()
        with pytest.raises(TypeError):
            _ = empty + 1
        with pytest.raises(TypeError):
            _ = 1 + empty

    def test_lazy_and_summarised(self):
        seen = []

        def feed():
            for n in (49, 50, 500, 501, 612):
                seen.append(n)
                yield firm(n)

        screening = screen(feed(), baseline_modules=())
        assert seen == []
        first = next(iter(screening))
        assert seen == [49]
        assert first.status is Status.INELIGIBLE
        assert screening.summary.total == 1
        summary = screening.run()
        assert summary.total == 5
        assert summary.by_status[Status.ELIGIBLE] == 2
        assert summary.by_status[Status.INELIGIBLE] == 3
        assert dict(summary.by_code) == {
            "eligibility.headcount.above_max": 2,
            "eligibility.headcount.below_min": 1,
        }
        assert str(summary) == (
            "5 screened: eligible 2, ineligible 3, needs_review 0 (reasons: "
            "eligibility.headcount.above_max 2; eligibility.headcount.below_min 1)"
        )
        assert (
            str(screen([]).run())
            == "0 screened: eligible 0, ineligible 0, needs_review 0"
        )

    @given(
        st.lists(sst.enterprises(headcount=st.integers(0, 700)), max_size=8),
        st.lists(sst.enterprise_records(), max_size=8),
        st.sampled_from(BUILT_IN),
        st.sampled_from(["M1", "M2"]),
        st.sampled_from([None, D, date(2030, 1, 1)]),
    )
    def test_run_counts_what_the_results_say(self, batch, journeys, name, module, on):
        # run() keeps only counts; they are the counts of the full results.
        records = {
            e.id: attrs.evolve(r, enterprise_id=e.id)
            for e, r in zip(batch, journeys, strict=False)
        }
        kwargs = {
            "profile": get_profile(name),
            "module": module,
            "records": records,
            "on": on,
            "mode": Resolution.LENIENT,
        }
        counted = screen(batch, **kwargs).run()
        iterated = screen(batch, **kwargs)
        results = list(iterated)
        assert counted == iterated.summary
        assert counted.total == len(results)
        assert list(counted.by_code.items()) == list(iterated.summary.by_code.items())
        assert {type(code) for code in counted.by_code} <= {str}

    def test_records_by_id(self):
        results = list(screen([firm(100)], records={"E1": BASELINED}))
        assert results[0].eligible

    def test_screen_matches_check(self):
        @given(st.lists(sst.enterprises(headcount=st.integers(0, 700)), max_size=8))
        def same(batch):
            screened = list(screen(batch))
            assert screened == [check_eligibility(e) for e in batch]

        same()

    def test_strict_date_raises_at_once(self):
        with pytest.raises(NotInForceError):
            screen([], on=date(2030, 1, 1), mode=Resolution.STRICT)
        summary = screen([firm(100)], on=date(2030, 1, 1)).run()
        assert summary.by_code["profile.not_in_force"] == 1


def test_names_of_profiles_are_all_covered():
    assert set(BUILT_IN) <= set(profile_names())


class TestStrategies:
    def test_enterprises_for_every_status_of_a_restrictive_profile(self):
        strict = get_profile("global").derive(
            name="tiny-garments",
            employees=Band(minimum=0, maximum=10),
            headcount_review_margin=3,
            sectors={"garments"},
            country="CN",
        )

        @given(st.sampled_from(list(Status)), st.data())
        def check(status, data):
            e = data.draw(sst.enterprises_for(strict, status=status))
            assert check_eligibility(e, profile=strict, record=BASELINED).status is (
                status
            )

        check()

    def test_journeys_run_a_module_to_completion(self):
        @given(sst.enterprise_records(modules=st.just("M1"), max_steps=30))
        def check(record):
            assert record.state_of("M1") in (None, *ModuleState)

        check()
