import re
import subprocess
import sys
from datetime import date

import pytest

from score_core._cli import main


def _flat(text):
    """Output with its line breaks and runs of spaces as one space.

    Text is wrapped to fit 100 columns; a phrase of the last column of a
    table reads whole in the flattened text.
    """
    return " ".join(text.split())


def test_demo(capsys):
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "10000.00 CNY  (exactly the total)" in out
    assert "[eit.no_worker]" in out


def test_demo_ends_on_today_or_the_date_given(capsys):
    from datetime import UTC, datetime

    assert main(["demo"]) == 0
    today = datetime.now(UTC).date()
    assert f"10. The same rules on {today}" in capsys.readouterr().out
    assert main(["demo", "--on", "2016-05-04"]) == 0
    out = capsys.readouterr().out
    section = out[out.index("10. The same rules on 2016-05-04") :]
    assert "(none: the profile is in force on that date)" in section
    assert "CQ-009" in section
    assert "needs_review" in section
    assert main(["demo", "--on", "2026-12-02"]) == 0
    out = _flat(capsys.readouterr().out)
    assert "after its valid_to 2017-12-31 (source: MTE-II p.2)" in out
    assert "get_profile('cn'), is cn-mem" in out


def test_usage_errors_exit_2(capsys):
    assert main([]) == 2
    assert main(["no-such-command"]) == 2
    assert "usage" in capsys.readouterr().err


def test_help_exits_0(capsys):
    assert main(["--help"]) == 0
    assert "example: score-core demo" in capsys.readouterr().out


def test_python_dash_m():
    result = subprocess.run(
        [sys.executable, "-m", "score_core", "demo"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert "score_core" in result.stdout


def test_demo_shows_catalogue_and_default_profile(capsys):
    main(["demo"])
    out = capsys.readouterr().out
    assert "Workplace Cooperation" in out
    assert "cn-phase-2: SCORE China Phase II" in out
    assert "source BJ-II; SEED" in out


def test_modules(capsys):
    assert main(["modules"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("catalogue score: 14 modules")
    assert "M1         Workplace Cooperation" in out


def test_modules_json_round_trips(capsys):
    from score_core import default_catalogue, load_document

    assert main(["modules", "--json", "--catalogue", "score"]) == 0
    loaded = load_document(capsys.readouterr().out, kind="catalogue")
    assert loaded == default_catalogue()


def test_unknown_catalogue_exits_2(capsys):
    assert main(["modules", "--catalogue", "nope"]) == 2
    assert "no catalogue named 'nope'" in capsys.readouterr().err


def test_profiles(capsys):
    assert main(["profiles"]) == 0
    out = capsys.readouterr().out
    # The column is as wide as the longest name: another test may have
    # registered a longer one, so the spaces are not counted.
    assert re.search(r"^cn-phase-2 +SCORE China Phase II", out, re.M)
    assert main(["profiles", "gh-phase-2"]) == 0
    out = capsys.readouterr().out
    assert "M1 50%, later 60%" in out
    assert "derived from global" in out


def test_profiles_json(capsys):
    from score_core import get_profile, load_document

    assert main(["profiles", "cn-phase-2", "--json"]) == 0
    loaded = load_document(capsys.readouterr().out, kind="profile")
    assert loaded == get_profile("cn-phase-2")
    assert main(["profiles", "--json"]) == 0
    loaded = load_document(capsys.readouterr().out, kind="profile[]")
    assert get_profile("global") in loaded


def test_unknown_profile_exits_2(capsys):
    assert main(["profiles", "nope"]) == 2
    assert "score-core profiles: no profile named 'nope'" in capsys.readouterr().err


def test_main_module_runs(monkeypatch, capsys):
    import runpy

    import pytest

    monkeypatch.setattr("sys.argv", ["score-core", "modules"])
    with pytest.raises(SystemExit) as info:
        runpy.run_module("score_core", run_name="__main__")
    assert info.value.code == 0
    assert "catalogue score" in capsys.readouterr().out


FIRMS = """[
 {"id": "CQ-001", "name": "重庆齿轮厂", "headcount": 180, "country": "CN"},
 {"id": "CQ-002", "name": "Yangtze Auto Parts", "headcount": 612, "country": "CN"}
]"""


def test_check_reports_and_exits_1_when_not_all_eligible(tmp_path, capsys):
    path = tmp_path / "firms.json"
    path.write_text(FIRMS, encoding="utf-8")
    assert main(["check", str(path), "--no-baseline"]) == 1
    out = capsys.readouterr().out
    assert re.search(r"^CQ-001  重庆齿轮厂 +180 +eligible", out, re.M)
    out = _flat(out)
    assert "headcount 612 is above the maximum of 500 for profile cn-phase-2" in out
    assert "2 screened: eligible 1, ineligible 1, needs_review 0" in out


def test_check_exits_0_when_all_eligible_and_reads_records(tmp_path, capsys):
    from score_core import EnterpriseRecord, dump_document, to_json

    one = tmp_path / "one.json"
    one.write_text('{"id": "E1", "name": "n", "headcount": 100, "country": "CN"}')
    records = tmp_path / "records.json"
    records.write_text(
        to_json(
            dump_document(
                (EnterpriseRecord(enterprise_id="E1", baseline_on=date(2015, 3, 2)),),
                kind="enterprise_record[]",
            )
        )
    )
    assert (
        main(["check", str(one), "--records", str(records), "--on", "2015-07-01"]) == 0
    )
    assert "eligible" in capsys.readouterr().out


def test_check_json_is_a_document(tmp_path, capsys):
    from score_core import EligibilityResult, load_document

    path = tmp_path / "firms.json"
    path.write_text(FIRMS, encoding="utf-8")
    assert main(["check", str(path), "--json", "--module", "M2"]) == 1
    results = load_document(capsys.readouterr().out, kind="eligibility_result[]")
    assert all(isinstance(r, EligibilityResult) for r in results)
    assert results[0].module == "M2"


def test_check_from_stdin_and_lenient(monkeypatch, capsys):
    import io

    stream = io.TextIOWrapper(io.BytesIO(FIRMS.encode()), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", stream)
    assert main(["check", "-", "--on", "2026-11-24", "--no-baseline"]) == 1
    out = _flat(capsys.readouterr().out)
    assert "after its valid_to 2017-12-31 (source: MTE-II p.2)" in out


def test_today_answers_with_a_warning_and_strict_refuses_in_the_clis_words(
    tmp_path, capsys
):
    from score_core import load_document

    path = tmp_path / "firms.json"
    path.write_text(FIRMS, encoding="utf-8")
    argv = ["check", str(path), "--on", "2026-09-10", "--no-baseline"]
    assert main([*argv, "--json"]) == 1
    results = load_document(capsys.readouterr().out, kind="eligibility_result[]")
    assert all("profile.not_in_force" in r.findings.codes for r in results)
    # --lenient, the opt-in of earlier versions, is accepted and changes nothing.
    assert main([*argv, "--json", "--lenient"]) == 1
    assert load_document(capsys.readouterr().out) == results
    assert main([*argv, "--strict"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "score-core check: profile cn-phase-2 is not in force on 2026-09-10 (valid "
        "from 2013-01-01 to 2017-12-31); --strict was given; drop it to use the "
        "nearest value with a warning\n"
    )
    assert "Resolution" not in err
    assert main([*argv, "--profile", "cn", "--json"]) == 1
    results = load_document(capsys.readouterr().out, kind="eligibility_result[]")
    assert all(r.profile == "cn-mem" for r in results)
    assert not any("profile.not_in_force" in r.findings.codes for r in results)


def test_check_bad_input_exits_2(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{"id": 1, "headcount": "5"}')
    assert main(["check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"score-core check: {bad}: 3 problems in payload:" in err
    assert "$.headcount: expected an integer, got the string '5'" in err
    assert main(["check", str(tmp_path / "missing.json")]) == 2
    assert "cannot read" in capsys.readouterr().err
    assert main(["results", str(tmp_path / "missing.json")]) == 2
    assert f"{tmp_path / 'missing.json'}: cannot read (" in capsys.readouterr().err
    bad.write_bytes(b"\xff\xfe\xfa")
    assert main(["check", str(bad)]) == 2
    assert "not valid JSON" in capsys.readouterr().err
    assert main(["check", str(bad), "--on", "yesterday"]) == 2
    assert main(["check", str(bad), "--profile", "nope"]) == 2


GOLDEN_WORKSHOP = "tests/fixtures/payloads/v1/workshop.json"


def _five_enterprise_workshop():
    from score_core import (
        Certification,
        Delegation,
        Enterprise,
        EnterpriseRecord,
        Gender,
        Participant,
        Role,
        Trainer,
        TrainerLevel,
        Workshop,
    )

    groups = []
    for n in range(5):
        firm = Enterprise(id=f"E{n}", name=f"Firm {n}", headcount=150, country="CN")
        people = [
            Participant(
                name=f"E{n} {role.value} {k}",
                role=role,
                gender=(Gender.FEMALE, Gender.MALE)[k],
            )
            for role in Role
            for k in range(2)
        ]
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
        delegations=groups,
        trainers=(trainer,),
    )
    records = tuple(
        EnterpriseRecord(enterprise_id=f"E{n}", baseline_on=date(2015, 3, 2))
        for n in range(5)
    )
    return shop, records


def test_workshop_report_and_exit_1(capsys):
    assert main(["workshop", GOLDEN_WORKSHOP]) == 1
    out = _flat(capsys.readouterr().out)
    assert out.startswith(
        "workshop CQ-2015-04: module M1, 1 enterprises, 4 participants"
    )
    assert "workshop.enterprises.too_few" in out
    assert "at its go/no-go date 2015-03-25" in out


def test_workshop_before_go_no_go_with_records_and_calendar(tmp_path, capsys):
    from score_core import (
        EnterpriseRecord,
        FixedCalendar,
        Report,
        dump_document,
        load_document,
        to_json,
    )

    records = tmp_path / "records.json"
    records.write_text(
        to_json(
            dump_document(
                EnterpriseRecord(enterprise_id="CQ-001", baseline_on=date(2015, 3, 2))
            )
        )
    )
    calendar = tmp_path / "calendar.json"
    calendar.write_text(to_json(FixedCalendar(name="cn", years={2015})))
    assert (
        main(
            [
                "workshop",
                GOLDEN_WORKSHOP,
                "--records",
                str(records),
                "--calendar",
                str(calendar),
                "--on",
                "2015-03-10",
                "--json",
            ]
        )
        == 1
    )
    report = load_document(capsys.readouterr().out, kind="report")
    assert isinstance(report, Report)
    assert report.codes == ("workshop.enterprises.filling", "workshop.trainers.none")


def test_a_sound_workshop_exits_0(tmp_path, capsys):
    from score_core import dump_document, to_json

    shop, records = _five_enterprise_workshop()
    path = tmp_path / "w.json"
    path.write_text(to_json(dump_document(shop)))
    journeys = tmp_path / "records.json"
    journeys.write_text(to_json(records, as_type=type(records)))
    assert main(["workshop", str(path), "--records", str(journeys)]) == 0
    assert "no findings" in capsys.readouterr().out
    assert (
        main(
            [
                "workshop",
                str(path),
                "--records",
                str(journeys),
                "--profile",
                "global",
            ]
        )
        == 0
    )


def test_workshop_needs_exactly_one(tmp_path, capsys):
    import json
    from pathlib import Path

    data = json.loads(Path(GOLDEN_WORKSHOP).read_text(encoding="utf-8"))["data"]
    two = tmp_path / "two.json"
    two.write_text(json.dumps([data, data]))
    assert main(["workshop", str(two)]) == 2
    assert "expected one Workshop, got 2" in capsys.readouterr().err


def _firms(tmp_path):
    path = tmp_path / "firms.json"
    path.write_text(
        '[{"id": "CQ-001", "name": "重庆齿轮厂", "headcount": 180, "country": "CN"},'
        ' {"id": "CQ-005", "name": "Shapingba Printing", "headcount": 230}]',
        encoding="utf-8",
    )
    return path


def test_plan_on_a_calendar_file_with_ics(tmp_path, capsys):
    from score_core import FixedCalendar, to_json

    calendar = tmp_path / "calendar.json"
    calendar.write_text(
        to_json(FixedCalendar(name="cn-2026", holidays={date(2026, 4, 6)}))
    )
    ics = tmp_path / "visits.ics"
    argv = [
        "plan",
        str(_firms(tmp_path)),
        "--earliest",
        "2026-03-02",
        "--calendar",
        str(calendar),
        "--stagger",
        "1",
        "--ics",
        str(ics),
        "--stamp",
        "2026-11-24T09:00:00+08:00",
    ]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "calendar cn-2026" in out
    assert "2026-03-03 Tue  CQ-005      intake visit" in out
    text = ics.read_bytes().decode("utf-8")
    assert text.count("BEGIN:VEVENT") == 10
    assert "DTSTAMP:20261124T010000Z\r\n" in text


def test_plan_a_workshop_as_json(tmp_path, capsys):
    from score_core import Delegation, Enterprise, Workshop, load_document, to_json

    shop = Workshop(
        id="W1",
        module="M2",
        days=(date(2015, 4, 8), date(2015, 4, 9)),
        delegations=(
            Delegation(enterprise=Enterprise(id="E1", name="E1", headcount=90)),
        ),
    )
    path = tmp_path / "shop.json"
    path.write_text(to_json(shop))
    assert main(["plan", str(path), "--workshop", "--profile", "global", "--json"]) == 0
    plan = load_document(capsys.readouterr().out)
    assert plan.module == "M2"
    assert plan.calendar == "weekdays"


def test_plan_that_breaks_the_rules_exits_1(tmp_path, capsys):
    firms = str(_firms(tmp_path))
    argv = ["plan", firms, "--earliest", "2030-09-20", "--strict", "--profile", "cn"]
    assert main(argv) == 1
    assert "calendar.year.unconfirmed" in capsys.readouterr().out
    assert main([*argv, "--json"]) == 1
    assert '"kind": "report"' in capsys.readouterr().out


def test_plan_with_the_country_calendar_and_default_stamp(tmp_path, capsys):
    ics = tmp_path / "visits.ics"
    argv = [
        "plan",
        str(_firms(tmp_path)),
        "--earliest",
        "2026-09-23",
        "--ics",
        str(ics),
    ]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "calendar CN (holidays" in out
    assert "2026-10-08 Thu" in out
    assert "DTSTAMP:" in ics.read_text(encoding="utf-8")


def test_plan_bad_input_exits_2(tmp_path, capsys):
    firms = str(_firms(tmp_path))
    assert main(["plan", firms]) == 2
    assert "needs --earliest" in capsys.readouterr().err
    assert (
        main(["plan", firms, "--earliest", "2026-03-02", "--stamp", "2026-11-24"]) == 2
    )
    assert "with a zone" in capsys.readouterr().err
    assert main(["plan", firms, "--earliest", "2026-03-02", "--stamp", "soon"]) == 2
    capsys.readouterr()
    bad = [
        "plan",
        firms,
        "--earliest",
        "2026-03-02",
        "--ics",
        str(tmp_path / "no" / "x"),
    ]
    assert main(bad) == 2
    assert "cannot write" in capsys.readouterr().err


def test_quote_with_the_examples_and_with_files(tmp_path, capsys):
    from score_core import example_cost_model, example_funding_policy, to_json
    from score_core._cli.demo import _chongqing_workshop

    shop, _ = _chongqing_workshop()
    path = tmp_path / "shop.json"
    path.write_text(to_json(shop), encoding="utf-8")
    assert main(["quote", str(path), "--on", "2015-03-01"]) == 0
    out = capsys.readouterr().out
    assert "total           18   91103.00" in out  # numbers to the right
    assert "pricing.example_figures" in out
    model = tmp_path / "model.json"
    model.write_text(to_json(example_cost_model()))
    policy = tmp_path / "policy.json"
    policy.write_text(to_json(example_funding_policy()))
    argv = ["quote", str(path), "--cost-model", str(model), "--policy", str(policy)]
    assert main([*argv, "--json"]) == 0
    assert '"kind": "quote"' in capsys.readouterr().out
    assert main([*argv, "--on", "2020-01-01", "--strict"]) == 2
    assert "not in force on 2020-01-01" in capsys.readouterr().err
    assert main([*argv, "--on", "2020-01-01"]) == 0
    assert "parameter.stale" in capsys.readouterr().out


def test_quote_with_a_rising_donor_share_exits_1(tmp_path, capsys):
    from datetime import date as day
    from decimal import Decimal

    from score_core import FundingPolicy, Timeline, to_json
    from score_core._cli.demo import _chongqing_workshop
    from score_core.parameters import Dated
    from score_core.pricing import FundingRules, GroupRules

    shop, _ = _chongqing_workshop()
    path = tmp_path / "shop.json"
    path.write_text(to_json(shop), encoding="utf-8")
    rising = FundingPolicy(
        name="rising",
        currency="CNY",
        periods=Timeline(
            entries=(
                Dated(
                    value=FundingRules.uniform(GroupRules(donor_share=Decimal("0.5"))),
                    end=day(2014, 12, 31),
                ),
                Dated(
                    value=FundingRules.uniform(GroupRules(donor_share=Decimal("0.9"))),
                    start=day(2015, 1, 1),
                ),
            )
        ),
        source="test",
    )
    policy = tmp_path / "policy.json"
    policy.write_text(to_json(rising))
    assert main(["quote", str(path), "--policy", str(policy)]) == 1
    assert "funding.donor_share.rises" in capsys.readouterr().out


def _kpis(tmp_path, unit="percent"):
    from decimal import Decimal

    from score_core import Measurement, to_json
    from score_core.monitoring import Point

    items = []
    for k, (before, after) in enumerate([("4", "2"), ("5", "4"), ("6", "6")]):
        items += [
            Measurement(
                enterprise=f"E{k}",
                indicator="defect_rate",
                on=date(2015, 3, 2),
                value=Decimal(before),
                unit=unit,
                point=Point.BASELINE,
            ),
            Measurement(
                enterprise=f"E{k}",
                indicator="defect_rate",
                on=date(2015, 6, 15),
                value=Decimal(after),
                unit=unit,
                point=Point.VISIT,
                visit=3,
            ),
        ]
    path = tmp_path / "kpis.json"
    path.write_text(to_json(tuple(items), as_type=tuple[Measurement, ...]))
    return str(path)


def test_results_table_and_json(tmp_path, capsys):
    from score_core import default_indicators, to_json

    kpis = _kpis(tmp_path)
    assert main(["results", kpis]) == 0
    out = capsys.readouterr().out
    assert "defect_rate  percent  lower   3" in out
    assert "monitoring.sample.small" in out
    assert main(["results", kpis, "--min-n", "3"]) == 0
    assert "no findings" in capsys.readouterr().out
    indicators = tmp_path / "indicators.json"
    indicators.write_text(to_json(default_indicators()))
    assert main(["results", kpis, "--indicators", str(indicators), "--json"]) == 0
    assert '"kind": "results_report"' in capsys.readouterr().out
    assert main(["results", kpis, "--min-n", "0"]) == 2


def test_results_with_misfits_exit_1(tmp_path, capsys):
    kpis = _kpis(tmp_path, unit="ppm")
    assert main(["results", kpis]) == 1
    assert "monitoring.unit.mismatch" in capsys.readouterr().out
    assert main(["results", kpis, "--json"]) == 1
    assert '"kind": "report"' in capsys.readouterr().out
    assert main(["results", kpis, "--max-errors", "2"]) == 1
    out = capsys.readouterr().out
    assert out.count("monitoring.unit.mismatch") == 2
    assert out.endswith("... and 4 more (--max-errors 0 lists them all)\n")
    assert main(["results", kpis, "--max-errors", "0"]) == 1
    assert capsys.readouterr().out.count("monitoring.unit.mismatch") == 6


def test_results_without_changes(tmp_path, capsys):
    (tmp_path / "none.json").write_text("[]")
    assert main(["results", str(tmp_path / "none.json")]) == 0
    assert "no results" in capsys.readouterr().out


def test_schema_lists_kinds_and_prints_schemas(capsys):
    import json

    assert main(["schema"]) == 0
    assert "workshop                 Workshop" in capsys.readouterr().out
    assert main(["schema", "quote"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["properties"]["kind"] == {"const": "quote"}
    assert main(["schema", "money", "--bare"]) == 0
    assert json.loads(capsys.readouterr().out)["$ref"] == "#/$defs/Money"
    assert main(["schema", "nope"]) == 2
    assert "unknown document kind" in capsys.readouterr().err


def test_validate_documents(tmp_path, capsys):
    from score_core import dump_document, example_cost_model, to_json

    good = tmp_path / "model.json"
    good.write_text(to_json(dump_document(example_cost_model())))
    assert main(["validate", str(good)]) == 0
    assert "a valid cost_model document" in capsys.readouterr().out
    assert main(["validate", str(good), "--kind", "quote"]) == 1
    assert "$.kind: expected 'quote'" in capsys.readouterr().out
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"schema": "score_core", "schema_version": 1, "kind": "money",'
        ' "data": {"amount": 1.5}}'
    )
    assert main(["validate", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "$.amount: expected a decimal number" in out
    assert "$.currency: required key missing" in out
    assert main(["validate", str(tmp_path / "missing.json")]) == 2


def test_a_closed_pipe_ends_quietly(tmp_path, monkeypatch):
    class Closed:
        def __init__(self, handle):
            self.handle = handle

        def write(self, text):
            raise BrokenPipeError

        def flush(self):
            pass

        def fileno(self):
            return self.handle.fileno()

    with open(tmp_path / "out", "w") as handle:
        monkeypatch.setattr(sys, "stdout", Closed(handle))
        assert main(["schema"]) == 0


SUBCOMMANDS = (
    "demo",
    "modules",
    "profiles",
    "check",
    "workshop",
    "plan",
    "quote",
    "results",
    "schema",
    "validate",
)


def test_every_subcommand_has_help_with_an_example_through_the_script():
    from pathlib import Path

    script = Path(sys.executable).with_name("score-core")
    for command in SUBCOMMANDS:
        result = subprocess.run(
            [str(script), command, "--help"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, command
        assert "example: score-core " + command in result.stdout, command


# -- a command line that pipes --------------------------------------------------------
def _stdin(monkeypatch, text):
    import io

    stream = io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", stream)


def _json_outputs(tmp_path):
    """Every --json output: (argv, the kind of document it prints)."""
    from score_core import dump_document, to_json
    from score_core._cli.demo import _chongqing_workshop

    shop, _ = _chongqing_workshop()
    workshop = tmp_path / "shop.json"
    workshop.write_text(to_json(dump_document(shop)), encoding="utf-8")
    firms = str(_firms(tmp_path))
    kpis = _kpis(tmp_path)
    misfits = tmp_path / "misfits"
    misfits.mkdir()
    return [
        (["modules"], "catalogue"),
        (["profiles"], "profile[]"),
        (["profiles", "cn-phase-2"], "profile"),
        (["check", firms], "eligibility_result[]"),
        (["workshop", str(workshop)], "report"),
        (["plan", str(workshop), "--workshop"], "module_plan"),
        (
            ["plan", firms, "--earliest", "2030-09-20", "--strict", "--profile", "cn"],
            "report",
        ),
        (["quote", str(workshop)], "quote"),
        (["results", kpis], "results_report"),
        (["results", _kpis(misfits, unit="ppm")], "report"),
    ]


def test_every_json_output_is_a_document_validate_accepts(
    tmp_path, monkeypatch, capsys
):
    from score_core import load_document

    for argv, kind in _json_outputs(tmp_path):
        assert main([*argv, "--json"]) in (0, 1), argv
        out = capsys.readouterr().out
        value = load_document(out, kind=kind)
        _stdin(monkeypatch, out)
        assert main(["validate", "-"]) == 0, argv
        said = capsys.readouterr().out
        assert said.startswith(f"-: a valid {kind} document ("), argv
        # ... and the same document given with its kind.
        _stdin(monkeypatch, out)
        assert main(["validate", "-", "--kind", kind]) == 0, argv
        capsys.readouterr()
        assert load_document(out) == value


def test_profiles_json_pipes_into_validate_through_the_script():
    from pathlib import Path

    script = str(Path(sys.executable).with_name("score-core"))
    first = subprocess.Popen(
        [script, "profiles", "cn-phase-2", "--json"], stdout=subprocess.PIPE
    )
    second = subprocess.run(
        [script, "validate", "-"],
        stdin=first.stdout,
        capture_output=True,
        text=True,
        check=False,
    )
    first.stdout.close()
    assert first.wait() == 0
    assert second.returncode == 0
    assert second.stdout == "-: a valid profile document (Profile, schema version 2)\n"


def test_validate_reads_a_bare_payload_given_its_kind(tmp_path, capsys):
    one = tmp_path / "one.json"
    one.write_text('{"id": "E1", "name": "n", "headcount": 100, "country": "CN"}')
    many = tmp_path / "firms.json"
    many.write_text(FIRMS, encoding="utf-8")
    assert main(["validate", str(one), "--kind", "enterprise"]) == 0
    out = capsys.readouterr().out
    assert out == (
        f"{one}: valid enterprise data without an envelope (Enterprise, schema "
        "version 2)\n"
    )
    # A list, as `check` reads it, given the kind of one item or of the list.
    for kind in ("enterprise", "enterprise[]"):
        assert main(["validate", str(many), "--kind", kind]) == 0
        out = capsys.readouterr().out
        assert "valid enterprise[] data without an envelope (2 values" in out
    # Without --kind: not a document, and the kind it looks like.
    for path, kind in ((one, "enterprise"), (many, "enterprise[]")):
        assert main(["validate", str(path)]) == 1
        out = capsys.readouterr().out
        assert f"shaped like {kind} (data without its envelope)" in out
        assert out.endswith(
            f"  to read it as data without an envelope: --kind {kind}\n"
        )
    # A bare payload of the wrong kind, and a kind that does not exist.
    assert main(["validate", str(one), "--kind", "money"]) == 1
    assert "$: expected money, got an object shaped like enterprise" in _flat(
        capsys.readouterr().out
    )
    assert main(["validate", str(one), "--kind", "nope"]) == 2
    assert "unknown document kind 'nope'" in capsys.readouterr().err
    # Not JSON at all: the problem, and no guess.
    one.write_text("{")
    assert main(["validate", str(one)]) == 1
    out = capsys.readouterr().out
    assert "not valid JSON" in out
    assert "--kind" not in out


def _measurements_file(tmp_path, n):
    from decimal import Decimal

    from score_core import Measurement, to_json
    from score_core.monitoring import Point

    items = tuple(
        Measurement(
            enterprise=f"E{k}",
            indicator="defect_rate",
            on=date(2015, 3, 2),
            value=Decimal(k),
            unit="percent",
            point=Point.BASELINE,
        )
        for k in range(n)
    )
    path = tmp_path / "kpis.json"
    path.write_text(to_json(items, as_type=tuple[Measurement, ...]))
    return str(path)


def test_a_file_of_the_wrong_kind_says_what_it_looks_like(tmp_path, capsys):
    from score_core.errors import SHOWN_PROBLEMS

    kpis = _measurements_file(tmp_path, 50)
    assert main(["check", kpis]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"score-core check: {kpis}: 50 problems in payload:"
    assert err[1] == (
        "  $[0]: expected enterprise, got an object shaped like measurement: 9 of "
        "its 10 keys are not fields of enterprise"
    )
    assert len(err) == 1 + SHOWN_PROBLEMS + 1
    assert err[-1] == (
        f"  ... and {50 - SHOWN_PROBLEMS} more (--max-errors 0 lists them all)"
    )
    assert main(["check", kpis, "--max-errors", "3"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert [line[:6] for line in err[1:4]] == ["  $[0]", "  $[1]", "  $[2]"]
    assert err[4] == "  ... and 47 more (--max-errors 0 lists them all)"
    assert main(["check", kpis, "--max-errors", "0"]) == 2
    assert len(capsys.readouterr().err.splitlines()) == 51
    for bad in ("-1", "many"):
        assert main(["check", kpis, "--max-errors", bad]) == 2
        assert f"{bad!r} is not a count" in capsys.readouterr().err
    # validate caps its listing the same way, on standard output.
    assert main(["validate", kpis, "--kind", "enterprise", "--max-errors", "5"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 7
    assert out[-1] == "  ... and 45 more (--max-errors 0 lists them all)"
    # A record file of the wrong kind is capped by the subcommand's option.
    firms = str(_firms(tmp_path))
    assert main(["check", firms, "--records", kpis, "--max-errors", "1"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert "expected enterprise_record, got an object shaped like measurement" in err[1]
    assert len(err) == 3


def test_the_listing_stays_short_however_large_the_file(tmp_path, capsys):
    # One problem a wrong item, and a message whose length does not grow with
    # the file: 10 times the items, the same number of lines.
    sizes = []
    for n in (100, 1000):
        kpis = _measurements_file(tmp_path, n)
        assert main(["check", kpis]) == 2
        err = capsys.readouterr().err
        assert f"{n:,} problems in payload" in err
        sizes.append(len(err.splitlines()))
    assert sizes[0] == sizes[1]


def test_a_stream_whose_reader_left_drops_the_rest(monkeypatch):
    import io

    from score_core._cli.app import _Leaving

    class Gone(io.StringIO):
        """Text kept until the reader leaves, at the first flush."""

        def flush(self):
            raise BrokenPipeError

    stream = _Leaving(Gone())
    assert stream.write("kept") == 4
    stream.flush()  # the reader left: no error, and no descriptor to redirect
    assert stream.write("dropped") == 7
    stream.flush()
    assert stream.getvalue() == "kept"  # the stream's own methods pass through
    # Through the command: the last flush finds the reader gone.
    monkeypatch.setattr(sys, "stdout", Gone())
    assert main(["schema"]) == 0
    assert "workshop" in sys.stdout.getvalue()


def _closed_pipe():
    import os

    read, write = os.pipe()
    os.close(read)  # the reader is gone before the first write
    return write


def _script():
    from pathlib import Path

    return str(Path(sys.executable).with_name("score-core"))


def test_exit_status_when_the_reader_of_standard_output_is_gone(tmp_path):
    import os

    one = tmp_path / "one.json"
    one.write_text('{"id": "E1", "name": "n", "headcount": 100, "country": "CN"}')
    firms = tmp_path / "firms.json"
    firms.write_text(FIRMS, encoding="utf-8")
    cases = [
        (["quote", str(one)], 2),  # bad input (the case)
        (["schema", "quote"], 0),  # a long output
        (["check", str(firms), "--no-baseline"], 1),  # findings
    ]
    for argv, status in cases:
        out = _closed_pipe()
        try:
            # Standard output only: standard error is read.
            result = subprocess.run(
                [_script(), *argv], stdout=out, stderr=subprocess.PIPE, check=False
            )
            assert result.returncode == status, argv
            assert b"Traceback" not in result.stderr, argv
            assert b"Exception ignored" not in result.stderr, argv
            # Both streams into the closed pipe (`2>&1 | head`).
            result = subprocess.run(
                [_script(), *argv], stdout=out, stderr=out, check=False
            )
            assert result.returncode == status, argv
        finally:
            os.close(out)


def test_a_reader_that_leaves_midway(tmp_path):
    # `score-core demo | head -3`: the reader takes a few lines and goes.
    reader = subprocess.Popen(
        ["head", "-3"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    result = subprocess.run(
        [_script(), "demo"], stdout=reader.stdin, stderr=subprocess.PIPE, check=False
    )
    reader.stdin.close()
    assert len(reader.stdout.read().splitlines()) == 3
    reader.stdout.close()
    assert reader.wait() == 0
    assert result.returncode == 0
    assert result.stderr == b""


LANGS = [[], ["--lang", "zh_CN"], ["--lang", "es"], ["--lang", "id"]]


@pytest.mark.parametrize("lang", LANGS, ids=["en", "zh_CN", "es", "id"])
def test_every_line_of_the_demo_fits_100_columns(capsys, lang):
    from score_core._cli.render import WIDTH, width

    assert main([*lang, "demo", "--on", "2026-12-02"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) > 150
    wide = [line for line in lines if width(line) > WIDTH]
    assert wide == []
    # Chinese names take two columns each, and are measured so.
    assert any(width(line) > len(line) for line in lines)


@pytest.mark.parametrize("lang", LANGS, ids=["en", "zh_CN", "es", "id"])
def test_every_subcommands_text_fits_100_columns(tmp_path, monkeypatch, capsys, lang):
    from score_core._cli.render import WIDTH, width

    runs = [argv for argv, _ in _json_outputs(tmp_path)]
    runs += [
        ["check", str(_firms(tmp_path)), "--on", "2026-12-02"],
        ["workshop", GOLDEN_WORKSHOP],
        ["plan", str(_firms(tmp_path)), "--earliest", "2026-09-23", "--stagger", "1"],
        ["schema"],
        ["validate", GOLDEN_WORKSHOP],
    ]
    for argv in runs:
        assert main([*lang, *argv]) in (0, 1), argv
        out = capsys.readouterr().out
        wide = [line for line in out.splitlines() if width(line) > WIDTH]
        assert wide == [], argv
