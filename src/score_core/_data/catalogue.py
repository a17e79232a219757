"""The SCORE module catalogue as score_core ships it, each module with its source.

``score_core.catalogue`` registers it (as ``score``) when it is imported.
"""

from __future__ import annotations

from score_core.catalogue import (
    Catalogue,
    ModuleCode,
    ModuleFormat,
    ModuleKind,
    TrainingModule,
)


def _module(
    code: ModuleCode,
    title: str,
    *,
    other_titles: tuple[str, ...] = (),
    kind: ModuleKind = ModuleKind.LATER,
    fmt: ModuleFormat | None = None,
    prerequisites: tuple[ModuleCode, ...] = (),
    source: str,
    note: str = "",
) -> TrainingModule:
    return TrainingModule(
        code=code.value,
        title=title,
        other_titles=other_titles,
        kind=kind,
        format=ModuleFormat() if fmt is None else fmt,
        prerequisites=frozenset(p.value for p in prerequisites),
        source=source,
        note=note,
    )


_CORE_FORMAT = ModuleFormat(
    classroom_days=2, follow_up_visits=3, min_months=2, max_months=3
)
_AFTER_M1 = (ModuleCode.M1,)


#: The five core modules: Module 1 first, the others after it.
_CORE_MODULES = (
    _module(
        ModuleCode.M1,
        "Workplace Cooperation",
        other_titles=("Workplace Cooperation - A Foundation for Business Success",),
        kind=ModuleKind.CORE,
        fmt=_CORE_FORMAT,
        source="PROC; LIMA; MTE-II p.15",
        note="Compulsory and always first for every enterprise.",
    ),
    _module(
        ModuleCode.M2,
        "Quality Management",
        other_titles=(
            "Quality - Managing Continuous Improvement",
            "Quality Improvement",
        ),
        kind=ModuleKind.CORE,
        fmt=_CORE_FORMAT,
        prerequisites=_AFTER_M1,
        source="LIMA; HOME",
        note="The rename to Quality Improvement is inferred from the "
        "catalogue's order and wording.",
    ),
    _module(
        ModuleCode.M3,
        "Productivity through Cleaner Production",
        other_titles=("Clean Production", "Resource Efficiency"),
        kind=ModuleKind.CORE,
        fmt=_CORE_FORMAT,
        prerequisites=_AFTER_M1,
        source="LIMA; HOME",
        note="The rename to Resource Efficiency is inferred from the "
        "catalogue's order and wording.",
    ),
    _module(
        ModuleCode.M4,
        "Human Resource Management",
        other_titles=(
            "Workforce Management for Cooperation and Business Success",
            "Workforce Management",
        ),
        kind=ModuleKind.CORE,
        fmt=_CORE_FORMAT,
        prerequisites=_AFTER_M1,
        source="LIMA; HOME",
    ),
    _module(
        ModuleCode.M5,
        "Occupational Safety and Health",
        other_titles=(
            "Occupational Safety and Health - a platform for productivity",
            "Safety and Health at Work",
        ),
        kind=ModuleKind.CORE,
        fmt=_CORE_FORMAT,
        prerequisites=_AFTER_M1,
        source="LIMA; HOME",
    ),
)

#: The modules added later, each with what the sources say of its format.
_LATER_MODULES = (
    _module(
        ModuleCode.LEAN,
        "Lean Manufacturing",
        prerequisites=_AFTER_M1,
        source="HOME; ETH",
        note="Format not found. Ethiopia teaches it as its Module 3, after "
        "Workplace Cooperation; Module 1 first is a default for it.",
    ),
    _module(
        ModuleCode.GENDER_EQUALITY,
        "Gender Equality",
        other_titles=("MIG SCORE",),
        prerequisites=_AFTER_M1,
        source="GENDER; HOME",
        note="Revised package launched May 2018; format not found. Module 1 "
        "first is a default.",
    ),
    _module(
        ModuleCode.RESPONSIBLE_BUSINESS,
        "Responsible Business",
        prerequisites=_AFTER_M1,
        source="HOME",
        note="Listed in the catalogue only; format not found. Module 1 "
        "first is a default.",
    ),
    _module(
        ModuleCode.HOSPITALITY_COACHING,
        "Hospitality Coaching",
        other_titles=("SCORE HoCo",),
        fmt=ModuleFormat(
            classroom_sessions=3, min_months=3, max_months=3, max_enterprises=6
        ),
        source="HOCO",
        note="For small hotels and restaurants: three classroom sessions "
        "(Workplace Cooperation; Service Excellence; A step forward to "
        "innovation) over about three months, from a baseline assessment. "
        "It carries its own Workplace Cooperation session, so it has no "
        "prerequisite.",
    ),
    _module(
        ModuleCode.WORKING_TIME,
        "Working Time",
        prerequisites=_AFTER_M1,
        source="HOME",
        note="Listed in the catalogue only; format not found. Module 1 "
        "first is a default.",
    ),
    _module(
        ModuleCode.SCORE4CLIMATE,
        "SCORE4Climate",
        prerequisites=_AFTER_M1,
        source="S4C",
        note="Resource efficiency, clean production and circularity; "
        "format not found. Module 1 first is a default.",
    ),
    _module(
        ModuleCode.BASICS,
        "SCORE Basics",
        source="TOT",
        note="An alternative entry curriculum (trainers start with "
        "Workplace Cooperation or SCORE Basics); content and length not found.",
    ),
    _module(
        ModuleCode.COVID19_OSH,
        "COVID-19 Occupational Safety and Health",
        other_titles=("Safety & Health at Work (COVID-19)",),
        source="COVID",
        note="Crisis-response module created in 2020, with a COVID-19 "
        "Action Checklist; offered without prerequisite.",
    ),
    _module(
        ModuleCode.BUSINESS_CONTINUITY,
        "COVID-19 Business Continuity Planning",
        other_titles=("Business Continuity Planning",),
        source="COVID; ETH",
        note="Crisis-response module created in 2020; Ethiopia teaches it "
        "as its Module 5. Offered without prerequisite.",
    ),
)


#: The catalogue score_core ships.
SCORE: Catalogue = Catalogue(name="score", modules=(*_CORE_MODULES, *_LATER_MODULES))
