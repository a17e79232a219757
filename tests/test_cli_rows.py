"""The command line with JSON Lines in and CSV out: check, plan, quote, results."""

import csv
import io
import json
from datetime import date
from decimal import Decimal

import pytest

from score_core import (
    EligibilityResult,
    Enterprise,
    EnterpriseRecord,
    Measurement,
    ModulePlan,
    Quote,
    from_json,
    load_document,
    to_json,
)
from score_core._cli import main
from score_core.monitoring import Point
from score_core.tables import columns


def _line(n: int, headcount: object = 120, **more: object) -> str:
    return json.dumps(
        {"id": f"E{n}", "name": f"Firm {n}", "headcount": headcount, **more}
    )


GOOD = [_line(1, country="CN"), _line(2, country="CN")]
BAD = _line(3, headcount="many")


def _write(tmp_path, name: str, lines: list[str]) -> str:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def _stdin(monkeypatch, text: str) -> None:
    stream = io.TextIOWrapper(io.BytesIO(text.encode()), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", stream)


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


class TestCheckReadsJsonLines:
    def test_one_result_a_line_and_the_summary(self, tmp_path, capsys):
        path = _write(tmp_path, "registry.jsonl", [*GOOD, _line(4, 612, country="CN")])
        assert main(["check", path, "--no-baseline"]) == 1
        out = capsys.readouterr().out.splitlines()
        assert out[0] == "E1  eligible  -"
        assert out[2].startswith("E4  ineligible  headcount 612 is above the maximum")
        assert out[3] == (
            "3 screened: eligible 2, ineligible 1, needs_review 0 "
            "(reasons: eligibility.headcount.above_max 1)"
        )
        assert main(["check", _write(tmp_path, "ok.jsonl", GOOD), "--no-baseline"]) == 0

    def test_a_bad_line_is_reported_and_the_rest_go_on(self, tmp_path, capsys):
        path = _write(tmp_path, "registry.jsonl", [GOOD[0], "", BAD, GOOD[1]])
        assert main(["check", path, "--no-baseline"]) == 2
        captured = capsys.readouterr()
        assert captured.err == (
            f"score-core check: {path}, line 3 skipped: 1 problem in payload:\n"
            "  $.headcount: expected an integer, got the string 'many'\n"
            "score-core check: 1 bad line(s) skipped\n"
        )
        assert "2 screened: eligible 2" in captured.out
        assert main(["check", path, "--no-baseline", "--stop-on-error"]) == 2
        captured = capsys.readouterr()
        assert captured.out == "E1  eligible  -\n"
        assert captured.err == (
            f"score-core check: {path}, line 3: 1 problem in payload:\n"
            "  $.headcount: expected an integer, got the string 'many'\n"
        )

    def test_many_bad_lines_and_many_problems_are_cut_short(self, tmp_path, capsys):
        crowded = json.dumps({f"k{n}": n for n in range(15)})
        path = _write(tmp_path, "r.jsonl", [crowded] + [BAD] * 24)
        assert main(["check", path, "--summary"]) == 2
        err = capsys.readouterr().err
        assert err.count("skipped: ") == 20
        assert "line 1 skipped: 17 problems in payload:" in err
        assert "  ... and 7 more\n" in err
        assert err.endswith("25 bad line(s) skipped (the first 20 shown)\n")

    def test_standard_input_is_json_lines_when_it_looks_so(self, monkeypatch, capsys):
        _stdin(monkeypatch, "\n".join([*GOOD, BAD]))
        assert main(["check", "-", "--no-baseline", "--summary"]) == 2
        captured = capsys.readouterr()
        assert captured.out.startswith("2 screened: eligible 2")
        assert "standard input, line 3 skipped" in captured.err
        # One JSON text, over many lines or on one: read whole, as before.
        firms = [json.loads(line) for line in GOOD]
        for text in (json.dumps(firms, indent=2), json.dumps(firms) + "\n\n"):
            _stdin(monkeypatch, text)
            assert main(["check", "-", "--no-baseline"]) == 0
            assert capsys.readouterr().out.startswith("id  name")

    def test_a_json_file_holding_json_lines(self, tmp_path, capsys):
        path = _write(tmp_path, "registry.json", ["", *GOOD])
        assert main(["check", path, "--no-baseline", "--summary"]) == 0
        assert capsys.readouterr().out.startswith("2 screened")
        broken = _write(tmp_path, "broken.json", ["{", *GOOD])
        assert main(["check", broken]) == 2
        assert "not valid JSON" in capsys.readouterr().err

    def test_json_lines_out_and_csv_out(self, tmp_path, capsys):
        path = _write(tmp_path, "registry.jsonl", GOOD)
        assert main(["check", path, "--no-baseline", "--json"]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert [from_json(EligibilityResult, x).enterprise_id for x in lines] == [
            "E1",
            "E2",
        ]
        assert main(["check", path, "--no-baseline", "--csv"]) == 0
        table = _csv(capsys.readouterr().out)
        assert tuple(table[0]) == columns(EligibilityResult)
        assert [(r["enterprise"], r["eligible"]) for r in table] == [
            ("E1", "True"),
            ("E2", "True"),
        ]

    def test_whole_json_with_csv_and_summary(self, tmp_path, capsys):
        path = tmp_path / "firms.json"
        path.write_text(
            to_json(
                (Enterprise(id="E9", name="n", headcount=20),),
                as_type=tuple[Enterprise, ...],
            )
        )
        assert main(["check", str(path), "--csv"]) == 1
        (row,) = _csv(capsys.readouterr().out)
        assert row["codes"].split(";")[0] == "eligibility.headcount.below_min"
        assert main(["check", str(path), "--summary"]) == 1
        assert capsys.readouterr().out.startswith("1 screened: eligible 0")
        assert main(["check", str(path), "--summary", "--json"]) == 1
        summary = load_document(capsys.readouterr().out, kind="screening_summary")
        assert summary.total == 1
        assert main(["check", str(path), "--summary", "--csv"]) == 1
        table = _csv(capsys.readouterr().out)
        assert [r["key"] for r in table if r["count"] == "1"] == [
            "ineligible",
            "eligibility.headcount.below_min",
            "eligibility.country.missing",
            "eligibility.record.missing",
        ]

    def test_records_as_json_lines(self, tmp_path, capsys):
        record = EnterpriseRecord(enterprise_id="E1", baseline_on=date(2015, 3, 2))
        firms = _write(tmp_path, "registry.jsonl", [GOOD[0]])
        records = _write(tmp_path, "records.jsonl", [to_json(record)])
        assert main(["check", firms, "--records", records]) == 0
        assert capsys.readouterr().out.startswith("E1  eligible")
        whole = tmp_path / "records.json"
        whole.write_text(to_json(record))
        assert main(["check", firms, "--records", str(whole)]) == 0
        capsys.readouterr()
        bad = _write(tmp_path, "bad.jsonl", [to_json(record), "[1]"])
        assert main(["check", firms, "--records", bad]) == 2
        assert f"{bad}, line 2: 1 problem in payload:" in capsys.readouterr().err

    def test_input_errors(self, tmp_path, capsys):
        assert main(["check", str(tmp_path / "none.jsonl")]) == 2
        assert "cannot read" in capsys.readouterr().err
        path = _write(tmp_path, "r.jsonl", GOOD)
        assert main(["check", path, "--json", "--csv"]) == 2
        assert "give --json or --csv, not both" in capsys.readouterr().err


def _shop(tmp_path):
    from score_core._cli.demo import _chongqing_workshop

    shop, _ = _chongqing_workshop()
    path = tmp_path / "shop.json"
    path.write_text(to_json(shop), encoding="utf-8")
    return str(path)


class TestCsvOut:
    def test_quote_one_row_per_enterprise_and_payment(self, tmp_path, capsys):
        assert main(["quote", _shop(tmp_path), "--csv"]) == 0
        captured = capsys.readouterr()
        table = _csv(captured.out)
        assert tuple(table[0]) == columns(Quote)
        paid: dict[str, Decimal] = {}
        for row in table:
            paid[row["enterprise"]] = paid.get(row["enterprise"], 0) + Decimal(
                row["amount"]
            )
        # Each enterprise's payments sum to its full cost.
        for row in table:
            assert paid[row["enterprise"]] == Decimal(row["full_cost"])
        assert len(paid) == 5
        assert "pricing.example_figures" in captured.err  # findings aside
        assert main(["quote", _shop(tmp_path), "--csv", "--json"]) == 2

    def test_plan_one_row_per_visit(self, tmp_path, capsys):
        shop = _shop(tmp_path)
        argv = ["plan", shop, "--workshop", "--csv", "--profile", "cn"]
        assert main([*argv, "--earliest", "2015-03-02"]) == 0
        captured = capsys.readouterr()
        table = _csv(captured.out)
        assert tuple(table[0]) == columns(ModulePlan)
        assert {r["kind"] for r in table} == {"intake", "follow_up"}
        firms = _write(tmp_path, "firms.json", [f"[{', '.join(GOOD)}]"])
        late = [
            "plan",
            firms,
            "--earliest",
            "2030-09-20",
            "--strict",
            "--profile",
            "cn",
        ]
        assert main([*late, "--csv"]) == 1
        captured = capsys.readouterr()
        assert captured.out == ""
        assert "calendar.year.unconfirmed" in captured.err

    def test_results_one_row_per_indicator(self, tmp_path, capsys):
        def kpi(firm, value, point, on, **more):
            return Measurement(
                enterprise=firm,
                indicator="defect_rate",
                on=on,
                value=Decimal(value),
                unit=more.pop("unit", "percent"),
                point=point,
                **more,
            )

        items = [
            kpi("E1", "4", Point.BASELINE, date(2015, 3, 2)),
            kpi("E1", "2.5", Point.VISIT, date(2015, 6, 15), visit=3),
        ]
        path = tmp_path / "kpis.json"
        path.write_text(to_json(tuple(items), as_type=tuple[Measurement, ...]))
        assert main(["results", str(path), "--csv"]) == 0
        captured = capsys.readouterr()
        (row,) = _csv(captured.out)
        assert (row["indicator"], row["median"], row["median_relative"]) == (
            "defect_rate",
            "-1.5",
            "-0.375",
        )
        assert "monitoring.sample.small" in captured.err
        assert main(["results", str(path), "--csv", "--min-n", "1"]) == 0
        assert capsys.readouterr().err == ""
        bad = [kpi("E1", "4", Point.BASELINE, date(2015, 3, 2), unit="ppm")]
        path.write_text(to_json(tuple(bad), as_type=tuple[Measurement, ...]))
        assert main(["results", str(path), "--csv"]) == 1
        captured = capsys.readouterr()
        assert captured.out == ""
        assert "monitoring.unit.mismatch" in captured.err


@pytest.mark.parametrize("command", ["check", "plan", "quote", "results"])
def test_help_names_csv(command, capsys):
    assert main([command, "--help"]) == 0
    assert "--csv" in capsys.readouterr().out


class TestValidateReadsJsonLines:
    def test_each_line_of_the_kind_given(self, tmp_path, capsys):
        good = _write(tmp_path, "ok.jsonl", GOOD)
        assert main(["validate", good, "--kind", "enterprise"]) == 0
        assert capsys.readouterr().out == (
            f"{good}: {len(GOOD)} lines of valid enterprise data (schema version 2)\n"
        )
        assert main(["validate", good, "--kind", "enterprise[]"]) == 0
        capsys.readouterr()
        bad = _write(tmp_path, "bad.jsonl", [GOOD[0], BAD])
        assert main(["validate", bad, "--kind", "enterprise"]) == 1
        err = capsys.readouterr().err
        assert f"{bad}, line 2 skipped: 1 problem in payload:" in err
        assert err.endswith("1 bad line(s) skipped\n")

    def test_json_lines_need_a_known_kind(self, tmp_path, capsys):
        good = _write(tmp_path, "ok.jsonl", GOOD)
        assert main(["validate", good]) == 2
        assert "JSON Lines need --kind" in capsys.readouterr().err
        assert main(["validate", good, "--kind", "nope"]) == 2
        err = capsys.readouterr().err
        assert "unknown document kind 'nope'; kinds: aggregate_set" in err
