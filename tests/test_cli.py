import subprocess
import sys
from datetime import date

from score_core.cli import main


def test_demo(capsys):
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "10000.00 CNY  (exactly the total)" in out
    assert "[eit.no_worker]" in out


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
    from score_core import Catalogue, default_catalogue, from_json

    assert main(["modules", "--json", "--catalogue", "score"]) == 0
    assert from_json(Catalogue, capsys.readouterr().out) == default_catalogue()


def test_unknown_catalogue_exits_2(capsys):
    assert main(["modules", "--catalogue", "nope"]) == 2
    assert "no catalogue named 'nope'" in capsys.readouterr().err


def test_profiles(capsys):
    assert main(["profiles"]) == 0
    out = capsys.readouterr().out
    assert "cn-phase-2  SCORE China Phase II" in out
    assert main(["profiles", "gh-phase-2"]) == 0
    out = capsys.readouterr().out
    assert "M1 50%, later 60%" in out
    assert "derived from global" in out


def test_profiles_json(capsys):
    from score_core import Profile, from_json, get_profile

    assert main(["profiles", "cn-phase-2", "--json"]) == 0
    assert from_json(Profile, capsys.readouterr().out) == get_profile("cn-phase-2")
    assert main(["profiles", "--json"]) == 0
    loaded = from_json(tuple[Profile, ...], capsys.readouterr().out)
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
    assert "CQ-001  重庆齿轮厂          180        eligible" in out
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
    assert main(["check", "-", "--on", "2026-11-24", "--lenient", "--no-baseline"]) == 1
    out = capsys.readouterr().out
    assert "profile.not_in_force" in out


def test_check_bad_input_exits_2(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{"id": 1, "headcount": "5"}')
    assert main(["check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"score-core check: {bad}: 3 problem(s)" in err
    assert "$.headcount: expected an integer, got the string '5'" in err
    assert main(["check", str(tmp_path / "missing.json")]) == 2
    assert "cannot read" in capsys.readouterr().err
    bad.write_bytes(b"\xff\xfe\xfa")
    assert main(["check", str(bad)]) == 2
    assert "not valid JSON" in capsys.readouterr().err
    assert main(["check", str(bad), "--on", "yesterday"]) == 2
    assert main(["check", str(bad), "--profile", "nope"]) == 2
