"""The built-in profiles: SCORE's parameters by country and phase, with sources.

Data apart from the rules (``score_core.profiles``), as the ``holidays``
package keeps its countries: each profile is a value, every parameter with
its provenance. ``score_core.profiles`` registers them when it is imported.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

import attrs

from score_core.catalogue import ModuleCode
from score_core.parameters import Dated, Timeline
from score_core.profiles import (
    Band,
    Basis,
    CoverageTarget,
    Profile,
    Provenance,
)


# -- built-in profiles -------------------------------------------------------------
def _src(source: str, note: str = "") -> Provenance:
    return Provenance(basis=Basis.SOURCE, source=source, note=note)


def _default(note: str) -> Provenance:
    return Provenance(basis=Basis.DEFAULT, note=note)


_SHARED_PROVENANCE: dict[str, Provenance] = {
    "catalogue": _default("The catalogue score_core ships."),
    "headcount_review_margin": _default(
        "No margin: a headcount outside the band is outside. The sources say "
        "'approximately'; set a margin to send near misses to review."
    ),
    "enterprises_per_workshop": _src("PROC", "4 to 5 enterprises trained together."),
    "delegation": _src("PROC", "Each enterprise sends 2 managers and 2 workers."),
    "intake_visit": _src("MTE-II p.15", "Intake visit, then the classroom training."),
    "follow_up_visits": _src(
        "MTE-II p.15", "Three follow-up visits; evaluators asked for more."
    ),
    "follow_up_window_months": _src(
        "MTE-II p.15", "Follow-up visits within less than three months."
    ),
    "min_visit_gap_days": _default(
        "Visit spacing is not stated by the sources; two weeks lets three visits "
        "fit the three-month window with room to reschedule."
    ),
    "visit_days": _default(
        "Visit length (half or full day) is not stated by the sources; a full "
        "consultant day is the conservative choice for costing."
    ),
    "intake_lead_days": _default(
        "The sources put the intake visit before the classroom training without "
        "a lead time; a week lets the trainer prepare with what the visit found."
    ),
    "min_reschedule_notice_days": _default(
        "No source sets a notice period; two days lets a trainer and a factory "
        "rearrange a day's work."
    ),
    "max_reschedules_per_visit": _default(
        "No source limits rescheduling; two moves per visit keep the three visits "
        "inside the window."
    ),
    "attendance_min_managers": _default(
        "No source sets an attendance rule; one manager and one worker present "
        "every day keep the training joint."
    ),
    "attendance_min_workers": _default(
        "No source sets an attendance rule; one manager and one worker present "
        "every day keep the training joint."
    ),
    "max_trainer_visits_per_day": _default(
        "No source sets a trainer's workload; a visit is a full consultant day "
        "(visit_days), so one visit a day."
    ),
    "max_trainer_visits_per_week": _default(
        "No source sets a trainer's workload; four visit days a week leave one for "
        "travel and for reporting the KPI data collected (MTE-II p.15)."
    ),
    "paired_visit_modules": _default(
        "Visits by one trainer. In China's pilots with the State Administration of "
        "Work Safety, from May 2015, a consultant and a safety inspector visit in "
        "pairs, the first round Module 1 and OSH (BJ-SAWS): a pilot practice, not "
        "every province's; derive a profile with {'M5'} to check it."
    ),
    "max_package_months": _default(
        "No source limits a multi-module package; a donor-funded batch in Ghana ran "
        "over 9 months (GH-GIZ), where a module takes 2-3 months (MTE-II p.15)."
    ),
    "eit_min_members": _default(
        "No source sets a team size (one Chinese example has 10 members); a team "
        "of managers AND workers has at least 2."
    ),
}


def _builtin_profiles() -> tuple[Profile, ...]:
    china, global_ = _china(), _global()
    return (
        china,
        _china_mem(china),
        global_,
        _india(global_),
        _indonesia(global_),
        _peru(global_),
        _ghana(global_),
        *_phase_two_targets(global_),
    )


def _china() -> Profile:
    """SCORE China Phase II: the default profile."""
    shared = dict(_SHARED_PROVENANCE)
    core_days = {
        code.value: 2
        for code in (
            ModuleCode.M1,
            ModuleCode.M2,
            ModuleCode.M3,
            ModuleCode.M4,
            ModuleCode.M5,
        )
    }
    return Profile(
        name="cn-phase-2",
        title="SCORE China Phase II",
        country="CN",
        phase="II",
        institutions=(
            "China Enterprise Confederation (CEC)",
            "Ministry of Human Resources and Social Security (MoHRSS)",
            "State Administration of Work Safety (SAWS)",
        ),
        valid_from=date(2013, 1, 1),
        valid_to=date(2017, 12, 31),
        currency="CNY",
        employees=Band(minimum=50, maximum=500),
        sectors=None,
        classroom_days=core_days,
        coverage_targets=Timeline(
            entries=(
                Dated(
                    value=CoverageTarget.uniform(Decimal("0.40")),
                    start=date(2013, 1, 1),
                    end=date(2017, 12, 31),
                    source="MTE-II p.35",
                ),
            )
        ),
        calendar="CN",
        provenance={
            **shared,
            "country": _src("BJ-II", "SCORE China."),
            "valid_from": _src("MTE-II p.2", "Phase II ran 2013 to 2017."),
            "valid_to": _src(
                "MTE-II p.2",
                "Phase II ran 2013 to 2017; the mid-term evaluation recommended "
                "extending China to the end of 2017 (p.16).",
            ),
            "currency": _default(
                "Yuan renminbi, China's currency: the sources name no price."
            ),
            "employees": _src("BJ-II; SEED", "SMEs of approximately 50-500 employees."),
            "sectors": _default(
                "Phase II names no sector restriction; Phase I targeted machinery, "
                "auto parts and garments (BJ-II)."
            ),
            "classroom_days": _src(
                "SEED", "Each module includes a joint, two-day classroom training."
            ),
            "coverage_targets": _src(
                "MTE-II p.35",
                "Target 40% of training cost from non-ILO sources; 50% reached by "
                "June 2015.",
            ),
            "calendar": _default("China's public holidays and make-up working days."),
        },
    )


def _global() -> Profile:
    """The global defaults every country profile derives from."""
    shared = dict(_SHARED_PROVENANCE)
    return Profile(
        name="global",
        title="SCORE global defaults",
        currency="USD",
        employees=Band(minimum=50, maximum=250),
        provenance={
            **shared,
            "country": _default("Cross-country: no country rule."),
            "valid_from": _default("The global defaults apply at any date."),
            "valid_to": _default("The global defaults apply at any date."),
            "coverage_targets": _default(
                "No global target: the sources set targets per country."
            ),
            "currency": _default("ILO programme reporting uses US dollars."),
            "employees": _src(
                "MTE-II p.5; NEWDELHI-TOT",
                "About 50-250 employees, where SMEs start a middle management layer.",
            ),
            "sectors": _default("Manufacturing and services; no global restriction."),
            "classroom_days": _default(
                "No override: each module's own format applies (2 days for the "
                "core modules, PROC)."
            ),
            "calendar": _default("Monday to Friday; choose a country calendar."),
        },
    )


def _india(global_: Profile) -> Profile:
    return global_.derive(
        name="in-aioe",
        title="SCORE India (FICCI/AIOE National Coordination Centre)",
        country="IN",
        institutions=("FICCI / AIOE National Coordination Centre",),
        currency="INR",
        employees=Band(minimum=30, maximum=300),
        calendar="IN",
        coverage_targets=Timeline(
            entries=(
                Dated(
                    value=CoverageTarget.uniform(Decimal("0.30")),
                    start=date(2013, 1, 1),
                    end=date(2017, 12, 31),
                    source="MTE-II p.35",
                ),
            )
        ),
        provenance={
            "country": _src("AIOE", "India."),
            "currency": _default("Indian rupee."),
            "employees": _src("AIOE", "30-300 employees."),
            "calendar": _default("India's public holidays."),
            "coverage_targets": _src(
                "MTE-II p.35", "Phase II target 30% (33% reached)."
            ),
        },
    )


def _indonesia(global_: Profile) -> Profile:
    return global_.derive(
        name="id-phase-3",
        title="SCORE Indonesia Phase III",
        country="ID",
        phase="III",
        institutions=("Ministry of Manpower",),
        valid_from=date(2017, 10, 1),
        valid_to=date(2021, 12, 31),
        currency="IDR",
        employees=Band(minimum=30, maximum=250),
        calendar="ID",
        provenance={
            "country": _src("ID-III", "Indonesia."),
            "valid_from": _src(
                "SECO-III", "Phase III from 1 October 2017 (SECO record)."
            ),
            "valid_to": _src(
                "SECO-III",
                "Phase III to 31 December 2021 (SECO record; the factsheet says "
                "November 2017 to October 2021).",
            ),
            "currency": _default("Indonesian rupiah."),
            "employees": _src("ID-III", "About 30-250 employees."),
            "calendar": _default("Indonesia's public holidays."),
        },
    )


def _peru(global_: Profile) -> Profile:
    return global_.derive(
        name="pe-phase-2",
        title="SCORE Peru Phase II",
        country="PE",
        phase="II",
        valid_from=date(2014, 1, 1),
        valid_to=date(2017, 12, 31),
        currency="PEN",
        employees=Band(minimum=25, maximum=250),
        calendar="PE",
        provenance={
            "country": _src("LIMA", "Peru."),
            "valid_from": _src("LIMA", "Peru joined in Phase II, 2014-2017."),
            "valid_to": _src("LIMA", "Peru joined in Phase II, 2014-2017."),
            "currency": _default("Peruvian sol."),
            "employees": _src(
                "LIMA", "Small enterprises of 25-50 workers and medium of 51-250."
            ),
            "calendar": _default("Peru's public holidays."),
        },
    )


def _ghana(global_: Profile) -> Profile:
    return global_.derive(
        name="gh-phase-2",
        title="SCORE Ghana Phase II",
        country="GH",
        phase="II",
        valid_from=date(2013, 1, 1),
        valid_to=date(2017, 10, 31),
        currency="GHS",
        calendar="GH",
        coverage_targets=Timeline(
            entries=(
                Dated(
                    value=CoverageTarget(
                        module1=Decimal("0.50"), later_modules=Decimal("0.60")
                    ),
                    start=date(2013, 1, 1),
                    end=date(2017, 10, 31),
                    source="MTE-II p.35",
                ),
            )
        ),
        provenance={
            "country": _src("MTE-II p.35", "Ghana."),
            "valid_from": _src("MTE-II p.2", "Phase II from 2013."),
            "valid_to": _default(
                "Phase II ran to 2017 (MTE-II p.2); the end of October 2017 is the "
                "date score_core has used for Ghana, not a sourced one."
            ),
            "employees": _GLOBAL_BAND,
            "currency": _default("Ghanaian cedi."),
            "calendar": _default("Ghana's public holidays."),
            "coverage_targets": _src(
                "MTE-II p.35",
                "50% for Module 1 and 60% for Modules 2-5 (0% and 72% reached).",
            ),
        },
    )


#: A country whose employee band the sources do not give takes the global one.
_GLOBAL_BAND = _default(
    "The sources give no band for this country: the global band (about 50-250 "
    "employees, MTE-II p.5) applies."
)


def _phase_two(
    global_: Profile,
    *,
    name: str,
    title: str,
    country: str,
    currency: str,
    targets: Iterable[Dated[CoverageTarget]],
    target_note: str,
    institutions: tuple[str, ...] = (),
) -> Profile:
    """A Phase II country of the MTE-II table (p.35): dates and targets sourced."""
    return global_.derive(
        name=name,
        title=title,
        country=country,
        phase="II",
        institutions=institutions,
        valid_from=date(2013, 1, 1),
        valid_to=date(2017, 12, 31),
        currency=currency,
        calendar=country,
        coverage_targets=Timeline(entries=tuple(targets)),
        provenance={
            "country": _src("MTE-II p.35", f"{title}."),
            "valid_from": _src("MTE-II p.2", "Phase II ran 2013 to 2017."),
            "valid_to": _src("MTE-II p.2", "Phase II ran 2013 to 2017."),
            "currency": _default("The country's currency: the sources name no price."),
            "employees": _GLOBAL_BAND,
            "calendar": _default("The country's public holidays."),
            "coverage_targets": _src("MTE-II p.35", target_note),
        },
    )


def _phase_two_targets(global_: Profile) -> tuple[Profile, ...]:
    """Every other cost-coverage target of the MTE-II table (p.35) and p.29."""
    start, end = date(2013, 1, 1), date(2017, 12, 31)

    def whole(share: str) -> tuple[Dated[CoverageTarget], ...]:
        target = CoverageTarget.uniform(Decimal(share))
        return (Dated(value=target, start=start, end=end, source="MTE-II p.35"),)

    return (
        _phase_two(
            global_,
            name="id-phase-2",
            title="SCORE Indonesia Phase II",
            country="ID",
            currency="IDR",
            institutions=("Ministry of Manpower",),
            targets=(
                Dated(
                    value=CoverageTarget(
                        module1=Decimal("0.50"), later_modules=Decimal("0")
                    ),
                    start=start,
                    end=end,
                    source="MTE-II p.35",
                ),
            ),
            target_note="50% for Module 1 and 0% for Modules 2-5 (both reached).",
        ),
        _phase_two(
            global_,
            name="co-phase-2",
            title="SCORE Colombia Phase II",
            country="CO",
            currency="COP",
            targets=whole("0.70"),
            target_note="Target 70% of training cost from non-ILO sources (33% "
            "reached by June 2015).",
        ),
        _phase_two(
            global_,
            name="vn-phase-2",
            title="SCORE Viet Nam Phase II",
            country="VN",
            currency="VND",
            institutions=("VCCI-HCMC", "HAWA", "BIFA"),
            targets=whole("0.35"),
            target_note="Target 35% of training cost from non-ILO sources (26% "
            "reached by June 2015).",
        ),
        _phase_two(
            global_,
            name="za-phase-2",
            title="SCORE South Africa Phase II",
            country="ZA",
            currency="ZAR",
            institutions=("FEDHASA",),
            targets=(
                Dated(
                    value=CoverageTarget.uniform(Decimal("0.20")),
                    start=start,
                    end=date(2016, 12, 30),
                    source="MTE-II p.35",
                ),
                Dated(
                    value=CoverageTarget.uniform(Decimal("0.63")),
                    start=date(2016, 12, 31),
                    end=end,
                    source="MTE-II p.29",
                ),
            ),
            target_note="Target 20% (21% reached by June 2015, p.35), then 63% by "
            "the end of 2016 (p.29; benchmarked to rise from 20% to 43%, an "
            "interim 30%).",
        ),
    )


def _china_mem(china: Profile) -> Profile:
    """SCORE China after Phase III: Phase II's values, carried forward.

    The sources record the Ministry of Emergency Management's International
    Exchange and Cooperation Center as an official implementation partner
    from 2024 and pilots from July 2024, but no band, format, visits or
    targets of their own: those are Phase II's, marked as carried forward.
    """
    carried = china.carry_forward(
        name="cn-mem",
        title="SCORE China with the MEM International Exchange and Cooperation "
        "Center (Phase II values carried forward)",
        why="carried forward by score_core: the sources give no later value",
    )
    return attrs.evolve(
        carried,
        phase=None,
        institutions=(
            "Ministry of Emergency Management (MEM) International Exchange and "
            "Cooperation Center",
            "China Enterprise Confederation (CEC)",
        ),
        valid_from=date(2024, 1, 1),
        provenance={
            **carried.provenance,
            "country": _src("BJ-MEM", "SCORE China."),
            "valid_from": _src(
                "BJ-MEM; YONGKANG",
                "MEM's centre an official SCORE implementation partner in 2024 "
                "(the sources give the year: its first day is score_core's "
                "choice); Yongkang pilot from July 2024.",
            ),
            "valid_to": _default(
                "Ongoing: the sources give no end (pilots in eight more provinces "
                "from 2025)."
            ),
        },
    )


#: The profiles score_core ships, in the order they are registered.
PROFILES: tuple[Profile, ...] = _builtin_profiles()
