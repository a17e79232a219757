import subprocess
import sys

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
