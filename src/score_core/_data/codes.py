"""The table of finding codes: one declarative row per code score_core emits.

Each row: the code (a member of :class:`~score_core.codes.Code`), its default
severity, its message template (the message quotes the value and the
limit), a one-line meaning and, where the rule comes from a source, a
citation. ``score_core.codes`` registers every row when it is imported.
"""

from __future__ import annotations

from score_core.codes import Code, CodeInfo
from score_core.findings import Severity


ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

# Words shared by several templates. Params hold data; these choices say how
# the data reads (see score_core.codes.format_message).
#: A visit by its number: 0 is the intake visit, ``year_after`` the visit a
#: year after the module.
_VISIT = "{visit:0=intake visit|year_after=year-after visit|*=follow-up visit {visit}}"
#: The visit before, by its number.
_PREVIOUS = (
    "{previous:0=intake visit|year_after=year-after visit|*=follow-up visit {previous}}"
)
#: A period from its ISO start and end (None when open).
_PERIOD = "{start:={end:=always|*=until {end}}|*=from {start}{end:=|*= to {end}}}"
#: Whether a date is before the start or after the end of a period.
_RELATION = "{relation:before=before|after=after}"
#: A slot of a season: a classroom day by its number (``visit`` None), or a visit.
_SLOT = (
    "{visit:=classroom day {classroom_day}|0=intake visit|year_after=year-after visit"
    "|*=follow-up visit {visit}}"
)
#: The slot it is booked against.
_OTHER_SLOT = (
    "{other_visit:=classroom day {other_classroom_day}|0=intake visit"
    "|year_after=year-after visit|*=follow-up visit {other_visit}}"
)


def _row(
    code: Code, severity: Severity, *, template: str, summary: str, source: str | None
) -> CodeInfo:
    return CodeInfo(
        code=code.value,
        severity=severity,
        template=template,
        summary=summary,
        source=source,
    )


#: Every code score_core emits, in the order of :class:`~score_core.codes.Code`.
CODES: tuple[CodeInfo, ...] = (
    _row(
        Code.PROFILE_NOT_IN_FORCE,
        WARNING,
        template="profile {profile} is used on {on}, "
        + _RELATION
        + " its {parameter} {bound} "
        "(source: {source:=none, {basis:default=a default|user=set by the user|*={basis}}|*={source}}); "
        "its values are applied as they stand",
        summary="The profile was used on a date outside its validity: its values are "
        "applied as they stand (the default, lenient resolution).",
        source=None,
    ),
    _row(
        Code.PARAMETER_STALE,
        WARNING,
        template="{parameter} of {profile} has no value dated for {on}, "
        + _RELATION
        + " its "
        "sources' {bound}; the value in force " + _PERIOD + " is used "
        "(source: {source:=none given|*={source}})",
        summary="A dated parameter was resolved outside its declared dates: the nearest "
        "value is used (the default, lenient resolution).",
        source=None,
    ),
    _row(
        Code.TRAINER_NOT_CERTIFIED,
        ERROR,
        template="trainer {trainer} holds no certification for module {module}",
        summary="A trainer delivers only modules they are certified (or a candidate) for.",
        source="TOT",
    ),
    _row(
        Code.TRAINER_CERTIFICATION_EXPIRED,
        ERROR,
        template="trainer {trainer}'s certification for module {module} expired on {expires_on}, "
        "before {on}",
        summary="The trainer's certification for the module has expired on that date.",
        source="SIYB",
    ),
    _row(
        Code.TRAINER_CERTIFICATION_NOT_YET_VALID,
        ERROR,
        template="trainer {trainer} holds module {module} only from {certified_on}, after {on}",
        summary="The trainer's certification (or candidacy) starts after that date.",
        source="TOT",
    ),
    _row(
        Code.TRAINER_CANDIDATE_UNSUPERVISED,
        ERROR,
        template="trainer {trainer} is a candidate for module {module} and needs "
        "{supervisors:=an expert trainer for the module|*=its expert trainer ({supervisors})} "
        "present to deliver it",
        summary="A candidate delivers a module only in a supervised training of enterprises, "
        "with an expert trainer certified for that module present.",
        source="TOT",
    ),
    _row(
        Code.TRAINER_ENTRY_MODULE_MISSING,
        ERROR,
        template="trainer {trainer} must be certified in {entry} before delivering module {module}",
        summary="Trainers are certified in Workplace Cooperation (or SCORE Basics) before any "
        "other module.",
        source="TOT",
    ),
    _row(
        Code.TRAINER_ENTRY_MODULE_ORDER,
        ERROR,
        template="trainer {trainer} was certified for module {module} on {certified_on}, "
        "before {entry} on {entry_on}",
        summary="The order of certification, by date: Workplace Cooperation (or SCORE "
        "Basics) before any other module, even once both are held.",
        source="TOT",
    ),
    _row(
        Code.TRAINER_PATH_DELIVERY_UNRECORDED,
        INFO,
        template="trainer {trainer}'s record does not show the supervised training of "
        "enterprises that led to certification in module {module}",
        summary="A certification records the one training of enterprises the candidate "
        "delivered under an expert trainer; imported records may lack it (the record "
        "does not show the path, which is not to say it was skipped).",
        source="TOT",
    ),
    _row(
        Code.TRAINER_PATH_RECOMMENDATION_UNRECORDED,
        INFO,
        template="trainer {trainer}'s record does not show which expert trainer "
        "recommended certification in module {module}",
        summary="A certification records the expert trainer who recommended it; imported "
        "records may lack it.",
        source="TOT",
    ),
    _row(
        Code.TRAINER_PATH_DELIVERY_AFTER_CERTIFICATION,
        ERROR,
        template="trainer {trainer}'s supervised training of enterprises in module "
        "{module} on {delivered_on} comes after the certification on {certified_on}",
        summary="The supervised training of enterprises comes before certification.",
        source="TOT",
    ),
    _row(
        Code.TRAINER_PATH_NOT_EXPERT,
        ERROR,
        template="{expert} ({role:supervisor=supervisor|recommender=recommender} of "
        "trainer {trainer}'s certification in module {module}) is not an expert "
        "trainer for the module on {on}: {in_roster:false=not in the roster|"
        "true={level:=no standing|candidate=candidate|certified=certified|"
        "*={level}}}",
        summary="An expert trainer for the module supervises the training of enterprises "
        "and recommends certification.",
        source="TOT",
    ),
    _row(
        Code.EIT_NO_MANAGER,
        ERROR,
        template="the improvement team of enterprise {enterprise} has no manager",
        summary="An Enterprise Improvement Team is made of managers and workers.",
        source="MTE-II p.15",
    ),
    _row(
        Code.EIT_NO_WORKER,
        ERROR,
        template="the improvement team of enterprise {enterprise} has no worker",
        summary="An Enterprise Improvement Team is made of managers and workers.",
        source="MTE-II p.15",
    ),
    _row(
        Code.EIT_TOO_SMALL,
        WARNING,
        template="the improvement team of enterprise {enterprise} has {size} members, fewer than "
        "the {minimum} of profile {profile}",
        summary="The team is smaller than the profile's minimum (a default: no source sets one).",
        source=None,
    ),
    _row(
        Code.EIT_MEMBER_OTHER_ENTERPRISE,
        ERROR,
        template="{member} belongs to enterprise {member_enterprise}, not to {enterprise}",
        summary="Team members are drawn from the enterprise's own managers and workers.",
        source="MTE-II p.15",
    ),
    _row(
        Code.EIT_MEMBER_DUPLICATE,
        ERROR,
        template="{member} is listed more than once in the improvement team of enterprise "
        "{enterprise}",
        summary="A person is a member of a team once.",
        source=None,
    ),
    _row(
        Code.ELIGIBILITY_HEADCOUNT_BELOW_MIN,
        ERROR,
        template="headcount {headcount} is below the minimum of {minimum} for profile {profile}",
        summary="The enterprise is smaller than the profile's employee band.",
        source="BJ-II; MTE-II p.5",
    ),
    _row(
        Code.ELIGIBILITY_HEADCOUNT_ABOVE_MAX,
        ERROR,
        template="headcount {headcount} is above the maximum of {maximum} for profile {profile}",
        summary="The enterprise is larger than the profile's employee band.",
        source="BJ-II; MTE-II p.5",
    ),
    _row(
        Code.ELIGIBILITY_HEADCOUNT_NEAR_MIN,
        WARNING,
        template="headcount {headcount} is below the minimum of {minimum} for profile {profile}, "
        "within its review margin of {margin}",
        summary="Just below the band, within the profile's review margin: needs review.",
        source="SEED",
    ),
    _row(
        Code.ELIGIBILITY_HEADCOUNT_NEAR_MAX,
        WARNING,
        template="headcount {headcount} is above the maximum of {maximum} for profile {profile}, "
        "within its review margin of {margin}",
        summary="Just above the band, within the profile's review margin: needs review.",
        source="SEED",
    ),
    _row(
        Code.ELIGIBILITY_HEADCOUNT_MISSING,
        WARNING,
        template="the headcount of enterprise {enterprise} is not recorded; profile {profile} "
        "takes {minimum} to {maximum} employees",
        summary="The headcount is unknown: needs review (missing data is never ineligibility).",
        source=None,
    ),
    _row(
        Code.ELIGIBILITY_SECTOR_MISSING,
        WARNING,
        template="the sector of enterprise {enterprise} is not recorded; profile {profile} "
        "covers {sectors}",
        summary="The profile covers some sectors only and the sector is unknown: needs review.",
        source=None,
    ),
    _row(
        Code.ELIGIBILITY_SECTOR_NOT_COVERED,
        ERROR,
        template="sector {sector} is not covered by profile {profile} (it covers {sectors})",
        summary="The enterprise's sector is outside the profile's sectors.",
        source="SDG12",
    ),
    _row(
        Code.ELIGIBILITY_COUNTRY_MISSING,
        WARNING,
        template="the country of enterprise {enterprise} is not recorded; profile {profile} is "
        "for {profile_country}",
        summary="The profile is for one country and the enterprise's is unknown: needs review.",
        source=None,
    ),
    _row(
        Code.ELIGIBILITY_COUNTRY_MISMATCH,
        ERROR,
        template="enterprise {enterprise} is in {country}; profile {profile} is for "
        "{profile_country}",
        summary="The enterprise is not in the profile's country.",
        source=None,
    ),
    _row(
        Code.ELIGIBILITY_RECORD_MISSING,
        WARNING,
        template="no record of enterprise {enterprise} was given: cannot tell whether "
        "{baseline:true=a baseline assessment was made{prerequisites:=|*= or whether it completed "
        "{prerequisites}}|false=it completed {prerequisites}} before module {module}",
        summary="A rule needs the enterprise's journey record and none was given: needs review.",
        source=None,
    ),
    _row(
        Code.ELIGIBILITY_PREREQUISITE_MISSING,
        ERROR,
        template="module {module} comes after {missing}, which enterprise {enterprise} has not "
        "completed",
        summary="Module 1 comes first; every module's prerequisites are completed before it.",
        source="PROC; LIMA",
    ),
    _row(
        Code.ELIGIBILITY_BASELINE_MISSING,
        ERROR,
        template="enterprise {enterprise} has no baseline assessment{by:=|*= by {by}}; it comes "
        "before module {module}",
        summary="A baseline assessment of the enterprise comes before its Module 1.",
        source="NEWDELHI-TOT; PROC",
    ),
    _row(
        Code.ELIGIBILITY_MODULE_COMPLETED,
        ERROR,
        template="enterprise {enterprise} completed module {module} on {completed_on}",
        summary="A module already completed is not taken again.",
        source=None,
    ),
    _row(
        Code.ELIGIBILITY_MODULE_IN_PROGRESS,
        ERROR,
        template="enterprise {enterprise} is already in module {module} ({state:enrolled=enrolled|"
        "intake_done=intake visit done|workshop_attended=classroom training attended|"
        "follow_up=in follow-up})",
        summary="A module in progress is not enrolled in twice.",
        source=None,
    ),
    _row(
        Code.ELIGIBILITY_ENTERPRISE_WITHDRAWN,
        ERROR,
        template="enterprise {enterprise} withdrew from SCORE on {withdrawn_on}",
        summary="An enterprise that has withdrawn takes no further module.",
        source=None,
    ),
    _row(
        Code.WORKSHOP_ENTERPRISES_TOO_FEW,
        ERROR,
        template="workshop {workshop} has {count} enterprises, fewer than the {minimum} of "
        "profile {profile}{deadline:=|*= at its go/no-go date {deadline}}",
        summary="Too few enterprises to hold the workshop (at or after its go/no-go date, or "
        "when it has none).",
        source="PROC",
    ),
    _row(
        Code.WORKSHOP_ENTERPRISES_FILLING,
        WARNING,
        template="workshop {workshop} has {count} of at least {minimum} enterprises; {missing} "
        "more needed by its go/no-go date {go_no_go}",
        summary="Still short of the minimum, with time left before the go/no-go date.",
        source="PROC",
    ),
    _row(
        Code.WORKSHOP_ENTERPRISES_TOO_MANY,
        ERROR,
        template="workshop {workshop} has {count} enterprises, more than the {maximum} of "
        "{limit_from:module=module|profile=profile} {limit}",
        summary="More enterprises than the profile (or the module's own format) allows.",
        source="PROC; HOCO",
    ),
    _row(
        Code.WORKSHOP_ENTERPRISE_DUPLICATE,
        ERROR,
        template="enterprise {enterprise} appears twice in workshop {workshop} (also at {other})",
        summary="An enterprise sends one delegation to a workshop.",
        source=None,
    ),
    _row(
        Code.WORKSHOP_DELEGATION_MANAGERS,
        ERROR,
        template="enterprise {enterprise} sends {count} managers; profile {profile} asks for "
        "{exact:true=exactly|false=at least} {expected}",
        summary="Each enterprise sends the profile's number of managers (classic: 2).",
        source="PROC",
    ),
    _row(
        Code.WORKSHOP_DELEGATION_WORKERS,
        ERROR,
        template="enterprise {enterprise} sends {count} workers; profile {profile} asks for "
        "{exact:true=exactly|false=at least} {expected}",
        summary="Each enterprise sends the profile's number of workers (classic: 2).",
        source="PROC",
    ),
    _row(
        Code.WORKSHOP_DELEGATION_NOT_JOINT,
        ERROR,
        template="enterprise {enterprise} sends {managers} managers and {workers} workers: "
        "managers and workers of each enterprise are trained together",
        summary="SCORE training is joint: managers and workers of the same enterprise.",
        source="SEED; HOME",
    ),
    _row(
        Code.WORKSHOP_DELEGATION_ONE_SEX,
        WARNING,
        template="enterprise {enterprise} employs women and men but sends only "
        "{sex:female=female|male=male} participants",
        summary="The programme asks for both women and men to take part.",
        source="HOME",
    ),
    _row(
        Code.WORKSHOP_PARTICIPANT_DUPLICATE,
        ERROR,
        template="{person} is listed twice in workshop {workshop} (also at {other})",
        summary="A person takes part in one delegation, once.",
        source=None,
    ),
    _row(
        Code.WORKSHOP_PARTICIPANT_OTHER_ENTERPRISE,
        ERROR,
        template="{person} works for enterprise {person_enterprise}, not for {enterprise}",
        summary="A delegation is made of the enterprise's own managers and workers.",
        source="PROC",
    ),
    _row(
        Code.WORKSHOP_REPRESENTATION_UNEQUAL,
        WARNING,
        template="workshop {workshop} has {managers} managers and {workers} workers; the "
        "programme aims at equal representation",
        summary="Equal representation of managers and workers across the workshop.",
        source="PHASE-III-RESPONSE",
    ),
    _row(
        Code.WORKSHOP_DAYS_COUNT,
        ERROR,
        template="workshop {workshop} has {count} classroom days; module {module} has {expected} "
        "under profile {profile}",
        summary="The module's number of classroom days (classic: 2).",
        source="SEED; PROC",
    ),
    _row(
        Code.WORKSHOP_DAY_NOT_WORKING,
        ERROR,
        template="{day} is not a working day in calendar {calendar}",
        summary="Classroom days fall on working days.",
        source=None,
    ),
    _row(
        Code.WORKSHOP_TRAINERS_NONE,
        ERROR,
        template="workshop {workshop} has no trainer",
        summary="A certified trainer delivers every workshop.",
        source="TOT",
    ),
    _row(
        Code.WORKSHOP_ENROLMENT_ALREADY,
        WARNING,
        template="enterprise {enterprise} is already "
        "{place:enrolled=enrolled in|waitlisted=waiting for} workshop {workshop}; "
        "nothing changed",
        summary="Enrolling an enterprise twice leaves the workshop as it is.",
        source=None,
    ),
    _row(
        Code.WORKSHOP_ENROLMENT_ABSENT,
        WARNING,
        template="enterprise {enterprise} is not in workshop {workshop}; nothing changed",
        summary="Withdrawing an enterprise that is not enrolled or waiting leaves the "
        "workshop as it is.",
        source=None,
    ),
    _row(
        Code.CALENDAR_YEAR_NOT_COVERED,
        ERROR,
        template="calendar {calendar} has no data for {year}",
        summary="The calendar cannot tell working days in that year.",
        source=None,
    ),
    _row(
        Code.CALENDAR_YEAR_UNCONFIRMED,
        WARNING,
        template="calendar {calendar} only estimates {year}; official dates may differ",
        summary="The year's holidays (China's make-up days, lunar and Islamic dates) are not "
        "yet official.",
        source=None,
    ),
    _row(
        Code.PLAN_WINDOW_TOO_SHORT,
        ERROR,
        template="{count} follow-up visits at least {gap} days apart do not fit between {start} "
        "and {end} in calendar {calendar}",
        summary="The follow-up visits, with their spacing, must fit the window after the "
        "classroom days.",
        source="MTE-II p.15",
    ),
    _row(
        Code.PLAN_INTAKE_NO_ROOM,
        ERROR,
        template="the intake visit of enterprise {enterprise} cannot fall between {earliest} and "
        "{latest} in calendar {calendar}",
        summary="The intake visit comes before the classroom days, by the profile's lead time.",
        source="MTE-II p.15",
    ),
    _row(
        Code.PLAN_VISIT_ROLLED,
        INFO,
        template=_VISIT
        + " of enterprise {enterprise} moved from {nominal} to {day}: {nominal} is "
        "not a working day in calendar {calendar}",
        summary="A visit's nominal date fell on a day off and was rolled to a working day.",
        source=None,
    ),
    _row(
        Code.PLAN_VISIT_MOVED,
        INFO,
        template=_VISIT
        + " of enterprise {enterprise} moved from {nominal} to {day} to keep the "
        "spacing and the window",
        summary="A visit's nominal date was moved to keep the minimum gap or the window.",
        source=None,
    ),
    _row(
        Code.PLAN_PACKAGE_ORDER,
        ERROR,
        template="module {module} comes before its prerequisite {prerequisite} in the "
        "package",
        summary="A package plans a module after its prerequisites (Module 1 first).",
        source="PROC",
    ),
    _row(
        Code.PLAN_PACKAGE_LONG,
        WARNING,
        template="the package of {modules} modules runs from {first} to {last}, more than "
        "the {months} months of profile {profile}",
        summary="Multi-module packages take six to nine months (a donor-funded batch in "
        "Ghana: 9 months).",
        source="GH-GIZ",
    ),
    _row(
        Code.VISIT_DAY_NOT_WORKING,
        ERROR,
        template=_VISIT
        + " of enterprise {enterprise} falls on {day}, not a working day in "
        "calendar {calendar}",
        summary="Visits fall on working days.",
        source=None,
    ),
    _row(
        Code.VISIT_ORDER,
        ERROR,
        template=_VISIT
        + " of enterprise {enterprise} on {day} does not come after "
        + _PREVIOUS
        + " on "
        "{previous_day}",
        summary="Visits keep their order: the intake, then follow-up 1, 2, 3.",
        source="MTE-II p.15",
    ),
    _row(
        Code.VISIT_GAP,
        ERROR,
        template=_VISIT
        + " of enterprise {enterprise} is {days} days after "
        + _PREVIOUS
        + "; profile "
        "{profile} asks for at least {gap}",
        summary="Follow-up visits keep the profile's minimum spacing.",
        source=None,
    ),
    _row(
        Code.VISIT_INTAKE_LATE,
        ERROR,
        template="the intake visit of enterprise {enterprise} on {day} is not before the first "
        "classroom day {first}",
        summary="The intake visit comes before the classroom training.",
        source="MTE-II p.15",
    ),
    _row(
        Code.VISIT_OUTSIDE_WINDOW,
        ERROR,
        template=_VISIT
        + " of enterprise {enterprise} on {day} is outside the window {start} to "
        "{end}",
        summary="Follow-up visits fall after the last classroom day, within the profile's "
        "window (classic: under three months).",
        source="MTE-II p.15",
    ),
    _row(
        Code.VISIT_YEAR_AFTER_EARLY,
        ERROR,
        template=_VISIT + " of enterprise {enterprise} on {day} is not after the "
        "follow-up window's end {end}",
        summary="The visit a year after the module falls after the follow-up window "
        "(evaluators asked for a year-after visit).",
        source="MTE-II p.15",
    ),
    _row(
        Code.VISIT_OVERDUE,
        WARNING,
        template=_VISIT
        + " of enterprise {enterprise} was planned for {day} and is not recorded "
        "on {on}",
        summary="A planned visit whose date has passed without an outcome.",
        source=None,
    ),
    _row(
        Code.VISIT_RESCHEDULE_DONE,
        ERROR,
        template=_VISIT
        + " of enterprise {enterprise} was done on {day}; a done visit is never moved",
        summary="Past visits are history: rescheduling never rewrites a done visit.",
        source=None,
    ),
    _row(
        Code.VISIT_RESCHEDULE_CANCELLED,
        ERROR,
        template=_VISIT
        + " of enterprise {enterprise} is cancelled; plan a new cycle instead",
        summary="A cancelled visit is not moved.",
        source=None,
    ),
    _row(
        Code.VISIT_RESCHEDULE_PAST,
        ERROR,
        template=_VISIT
        + " of enterprise {enterprise} cannot move to {day}, before today {on}",
        summary="A visit is moved to a day still to come.",
        source=None,
    ),
    _row(
        Code.VISIT_RESCHEDULE_SHORT_NOTICE,
        ERROR,
        template=_VISIT
        + " of enterprise {enterprise} on {day} is {days} days away on {on}; "
        "profile {profile} asks for {notice} days' notice",
        summary="A planned visit is moved with the profile's minimum notice.",
        source=None,
    ),
    _row(
        Code.VISIT_RESCHEDULE_LIMIT,
        ERROR,
        template=_VISIT
        + " of enterprise {enterprise} has been moved {count} times; profile "
        "{profile} allows {limit}",
        summary="A visit is moved at most the profile's number of times.",
        source=None,
    ),
    _row(
        Code.SEASON_ASSIGNMENT_UNKNOWN,
        ERROR,
        template="{person}'s assignment names {what:trainer=trainer|plan=plan|"
        "enterprise=enterprise|visit=visit} {name}, which the season does not have",
        summary="An assignment names a plan, an enterprise of the plan, a visit of its "
        "cycle and a trainer of the season's roster (an inspector needs none).",
        source=None,
    ),
    _row(
        Code.SEASON_CLASSROOM_UNASSIGNED,
        WARNING,
        template="no trainer is assigned to the classroom days of plan {plan} (module "
        "{module})",
        summary="Every plan's classroom days have a trainer in the season.",
        source="TOT",
    ),
    _row(
        Code.SEASON_VISIT_UNASSIGNED,
        WARNING,
        template="no trainer is assigned to " + _VISIT + " of enterprise {enterprise} "
        "(plan {plan}) on {day}",
        summary="Every planned (or done) visit has a trainer in the season.",
        source="MTE-II p.15",
    ),
    _row(
        Code.SEASON_DOUBLE_BOOKED,
        ERROR,
        template="{person} is booked for "
        + _SLOT
        + " of plan {plan} ({where}) and for "
        + _OTHER_SLOT
        + " of plan {other_plan} on {day}",
        summary="Nobody is in two places on one day: a classroom day leaves no room for "
        "another classroom or a visit (where: the enterprise visited, or the "
        "classroom's location).",
        source=None,
    ),
    _row(
        Code.SEASON_DAY_LIMIT,
        ERROR,
        template="{person} makes {count} visits on {day}; profile {profile} allows "
        "{limit} a day",
        summary="A person makes at most the profile's visits a day (default 1: a visit "
        "is a consultant day; the sources give no limit).",
        source=None,
    ),
    _row(
        Code.SEASON_WEEK_LIMIT,
        WARNING,
        template="{person} makes {count} visits in week {week}; profile {profile} allows "
        "{limit} a week",
        summary="A person makes at most the profile's visits an ISO week (default 4; the "
        "sources give no limit).",
        source=None,
    ),
    _row(
        Code.SEASON_VISIT_UNPAIRED,
        ERROR,
        template=_VISIT + " of enterprise {enterprise} (module {module}) has no "
        "{missing:trainer=trainer|inspector=inspector}; profile {profile} has a "
        "trainer visit with a safety inspector",
        summary="Where the profile pairs a module's visits (China's pilots with safety "
        "inspectors, for OSH), each has a trainer and an inspector.",
        source="BJ-SAWS",
    ),
    _row(
        Code.FUNDING_DONOR_SHARE_RISES,
        ERROR,
        template="policy {policy}: the donor's share for "
        "{group:module1=Module 1|later_modules=the later modules} rises from {before} to {after} "
        "(period " + _PERIOD + ") without an override",
        summary="A phase-down lowers the donor's share over time; a rise must be declared "
        "(raises_donor_share).",
        source="MTE-II p.2",
    ),
    _row(
        Code.PRICING_FEE_NO_TIER,
        WARNING,
        template="enterprise {enterprise} (headcount {headcount}) fits no fee tier; charged the "
        "last tier's {price}",
        summary="A fee by size tier needs the enterprise's headcount within a tier.",
        source=None,
    ),
    _row(
        Code.PRICING_FEE_HEADCOUNT_UNKNOWN,
        WARNING,
        template="the headcount of enterprise {enterprise} is not recorded; charged the last "
        "fee tier's {price}",
        summary="A fee by size tier needs the enterprise's headcount; unknown, the last "
        "(largest) tier is charged until it is known.",
        source=None,
    ),
    _row(
        Code.PRICING_COVERAGE_BELOW_TARGET,
        WARNING,
        template="workshop {workshop}: non-donor coverage {coverage:.1%} is below the {target:.0%} "
        "target "
        "of profile {profile} for module {module}",
        summary="Cost coverage: the share of the full training cost paid by non-ILO sources.",
        source="MTE-II p.35",
    ),
    _row(
        Code.PRICING_INSTITUTION_BEARS,
        WARNING,
        template="workshop {workshop}: the institution bears {amount} that no payer covers",
        summary="Retired: no longer emitted (see pricing.remainder.unfunded); kept so that "
        "stored findings still load.",
        source=None,
    ),
    _row(
        Code.PRICING_REMAINDER_UNFUNDED,
        ERROR,
        template="workshop {workshop}: {amount} of the full cost has no payer; name the "
        "institution's own budget as a payer if it covers it",
        summary="Coverage counts what sources other than the ILO/donor project pay: a "
        "remainder no payer's rule covers is a budget hole, not coverage.",
        source="MTE-II p.35",
    ),
    _row(
        Code.PRICING_EXAMPLE_FIGURES,
        INFO,
        template="the {what:cost_model=cost model|funding_policy=funding policy} {name} holds "
        "example figures, not a published price",
        summary="No SCORE fee is published; example figures only illustrate.",
        source=None,
    ),
    _row(
        Code.PRICING_PORTFOLIO_BELOW_TARGET,
        WARNING,
        template="{year}, {group:module1=Module 1|later_modules=the later modules}: coverage "
        "{coverage:.1%} is below the {target:.0%} target",
        summary="An institution's coverage over a year and module group, against the target.",
        source="MTE-II p.35",
    ),
    _row(
        Code.MONITORING_INDICATOR_UNKNOWN,
        ERROR,
        template="indicator {indicator} is not in indicator set {set}",
        summary="A measurement names an indicator of the set in use.",
        source=None,
    ),
    _row(
        Code.MONITORING_UNIT_MISMATCH,
        ERROR,
        template="{indicator} is measured in {expected}, not {unit}",
        summary="A measurement carries its indicator's unit; values in other units never mix.",
        source=None,
    ),
    _row(
        Code.MONITORING_SEX_MISSING,
        ERROR,
        template="{indicator} for enterprise {enterprise} counts people but gives no split by sex",
        summary="Sex-disaggregated data is compulsory in SCORE monitoring.",
        source="HOME",
    ),
    _row(
        Code.MONITORING_PRACTICE_VALUE,
        ERROR,
        template="practice indicator {indicator} is yes (1) or no (0), not {value}",
        summary="Good-practice indicators are binomial: the practice exists or not.",
        source="GIMI",
    ),
    _row(
        Code.MONITORING_BASELINE_MISSING,
        WARNING,
        template="enterprise {enterprise} has {indicator} values but no baseline; it is left out",
        summary="Results are changes from each enterprise's own baseline.",
        source="GIMI",
    ),
    _row(
        Code.MONITORING_BASELINE_ZERO,
        WARNING,
        template="enterprise {enterprise} has a zero baseline for {indicator}: no relative change",
        summary="A relative change from zero is undefined; only the absolute change is given.",
        source=None,
    ),
    _row(
        Code.MONITORING_SAMPLE_SMALL,
        WARNING,
        template="{indicator} aggregates {n} enterprises, fewer than {minimum}",
        summary="An aggregate of few enterprises is not a reliable result (MTE-II p.14 found "
        "aggregated KPIs unreliable).",
        source="MTE-II p.14",
    ),
)
