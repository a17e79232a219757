"""Reasons in the user's own language: catalogs, locale choice, conventions."""

import re
import sys
from collections import Counter
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from score_core import Money, Report
from score_core import strategies as sst
from score_core._cli import catalogs, main
from score_core.codes import Code, all_codes, code_info, violation
from score_core.findings import RuleViolation, Severity
from score_core.i18n import (
    available_locales,
    language,
    locale_from_environ,
    localized_message,
    localized_report,
)
from score_core.sources import source_keys


SHIPPED = [locale for locale in available_locales() if locale != "en"]
CODE_CONTEXTS = {code.value for code in Code}


def _messages(locale):
    return [m for m in catalogs.read(locale) if m.id]


_NUMBER = re.compile(r"\d+")


def _cited(text):
    """The registered source keys a text cites, each as a whole token."""
    return {
        key
        for key in source_keys()
        if re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", text)
    }


def _note_problems(english, translated):
    """What a note's translation loses: numbers, source keys, placeholders."""
    problems = [
        f"number {n}"
        for n in sorted(
            Counter(_NUMBER.findall(english)) - Counter(_NUMBER.findall(translated))
        )
    ]
    problems += [
        f"source {key}" for key in sorted(_cited(english) - _cited(translated))
    ]
    if catalogs.shape(translated) != catalogs.shape(english):
        problems.append("placeholders")
    if len(english.split()) > 3 and translated == english:
        problems.append("not translated")
    return problems


class TestCatalogs:
    """What CI holds: sources, catalogs and compiled files agree."""

    def test_zh_cn_es_and_id_are_shipped(self):
        assert SHIPPED == ["es", "id", "zh_CN"]
        assert catalogs.locales() == SHIPPED

    def test_the_template_is_up_to_date_with_the_sources(self):
        # A new code, token or CLI text without `make messages` fails here.
        assert catalogs.template_bytes() == catalogs.TEMPLATE.read_bytes()

    @pytest.mark.parametrize("locale", SHIPPED)
    def test_each_catalog_has_exactly_the_template_strings(self, locale):
        # `make messages` adds new strings to each catalog and drops gone ones.
        assert catalogs.updated_bytes(locale) == catalogs.po_path(locale).read_bytes()

    @pytest.mark.parametrize("locale", SHIPPED)
    def test_the_compiled_catalog_is_up_to_date(self, locale):
        mo = catalogs.po_path(locale).with_suffix(".mo")
        assert catalogs.mo_bytes(locale) == mo.read_bytes()

    @pytest.mark.parametrize("locale", SHIPPED)
    def test_every_code_and_text_is_translated_keeping_its_placeholders(self, locale):
        found = {(m.context, m.id): m for m in _messages(locale)}
        for code in Code:
            message = found[(code.value, code_info(code.value).template)]
            assert message.string, f"{locale}: {code.value} is not translated"
            assert not message.fuzzy, f"{locale}: {code.value} is fuzzy"
            # A translation, not the English copied over.
            assert message.string != message.id, f"{locale}: {code.value}"
            assert catalogs.shape(message.string) == catalogs.shape(message.id), (
                f"{locale}: {code.value} changes its placeholders or specs"
            )
        for (context, text), message in found.items():
            assert message.string, f"{locale}: {context}: {text!r} is not translated"
            assert not message.fuzzy, f"{locale}: {text!r} is fuzzy"
            assert catalogs.shape(message.string) == catalogs.shape(text), text

    @pytest.mark.parametrize("locale", SHIPPED)
    def test_every_profile_note_keeps_its_numbers_and_source_keys(self, locale):
        # A new note in a shipped profile, once `make messages` has run, fails
        # here until it is translated in every shipped catalog.
        notes = [m for m in _messages(locale) if m.context == "note"]
        assert len(notes) == len({e[1] for e in catalogs.entries() if e[0] == "note"})
        for message in notes:
            assert message.string, f"{locale}: note {message.id!r} is not translated"
            assert not message.fuzzy, f"{locale}: note {message.id!r} is fuzzy"
            assert _note_problems(message.id, message.string) == [], (
                f"{locale}: {message.id!r}"
            )

    def test_a_note_that_drops_a_number_or_a_source_key_is_seen(self):
        english = "A batch ran over 9 months (GH-GIZ), 2-3 months (MTE-II p.15)."
        assert (
            _note_problems(english, "9 个月（GH-GIZ），2-3 个月（MTE-II p.15）。") == []
        )
        assert _note_problems(english, "9 个月（GH-GIZ），2-3 个月（MTE-II）。") == [
            "number 15"
        ]
        assert _note_problems(english, "9 meses, 2-3 meses (MTE-II p.15).") == [
            "source GH-GIZ"
        ]
        assert _note_problems(
            "2 managers and 2 workers.", "2 manajer dan pekerja."
        ) == ["number 2"]
        # A key inside a longer key is not cited: BJ-II does not cite BJ-I.
        assert _note_problems("Phase I (BJ-I).", "Fase I (BJ-II).") == ["source BJ-I"]
        # A note longer than a name is translated, not copied over.
        assert _note_problems(
            "Three follow-up visits; more.", "Three follow-up visits; more."
        ) == ["not translated"]
        assert _note_problems("Ghana.", "Ghana.") == []

    def test_a_changed_placeholder_is_seen(self):
        template = code_info(Code.PRICING_COVERAGE_BELOW_TARGET).template
        assert catalogs.shape(template) != catalogs.shape(
            template.replace("{coverage:.1%}", "{coverage:.0%}")
        )
        visit = code_info(Code.VISIT_GAP).template
        assert catalogs.shape(visit) != catalogs.shape(
            visit.replace("0=intake visit", "1=intake visit")
        )

    def test_the_cli_strings_are_read_from_the_source(self, tmp_path):
        source = tmp_path / "x.py"
        source.write_text(
            '_("a {b}")\n_(name)\nf("c")\nx._("d")\nN_("e")\n', encoding="utf-8"
        )
        assert list(catalogs.cli_strings([source])) == [
            ("a {b}", "x.py"),
            ("e", "x.py"),
        ]

    def test_only_notes_that_say_something_are_extracted(self, monkeypatch):
        from score_core.profiles import default_profile

        derived = default_profile().derive(name="x-notes", sectors=["textiles"])
        monkeypatch.setattr(catalogs, "profile_names", lambda: ["x-notes"])
        monkeypatch.setattr(catalogs, "get_profile", lambda name: derived)
        notes = [e for e in catalogs.entries() if e[0] == "note"]
        assert len(notes) == sum(1 for _, _, p in derived.parameters() if p.note)
        assert all(text for _, text, _ in notes)

    def test_the_make_commands(self, tmp_path, monkeypatch, capsys):
        import shutil

        root = tmp_path / "locale"
        shutil.copytree(catalogs.LOCALE, root)
        monkeypatch.setattr(catalogs, "LOCALE", root)
        monkeypatch.setattr(catalogs, "TEMPLATE", root / "score_core.pot")
        (root / "score_core.pot").unlink()
        assert catalogs.main(["extract"]) == 0
        assert (root / "score_core.pot").read_bytes() == catalogs.template_bytes()
        assert catalogs.main(["update"]) == 0
        assert catalogs.main(["compile"]) == 0
        for locale in SHIPPED:
            mo = catalogs.po_path(locale).with_suffix(".mo")
            assert mo.read_bytes() == catalogs.mo_bytes(locale)
        assert catalogs.main(["translate"]) == 2
        assert "extract, update or compile" in capsys.readouterr().out


class TestLocales:
    @pytest.mark.parametrize(
        ("asked", "catalog"),
        [
            ("zh_CN", "zh_CN"),
            ("zh-CN", "zh_CN"),
            ("zh_CN.UTF-8", "zh_CN"),
            ("zh", "zh_CN"),
            ("zh-Hans-CN", "zh_CN"),
            ("es", "es"),
            ("es_PE.UTF-8", "es"),
            ("es-CO", "es"),
            ("id_ID", "id"),
            ("en_US.UTF-8", None),
            ("C", None),
            ("POSIX", None),
            ("fr_FR", None),
            ("", None),
        ],
    )
    def test_the_catalog_a_locale_reads(self, asked, catalog):
        assert language(asked).catalog == catalog

    def test_the_environment_as_gettext_reads_it(self):
        assert locale_from_environ({"LANG": "id_ID.UTF-8"}) == "id_ID.UTF-8"
        assert locale_from_environ({"LANG": "id_ID", "LC_MESSAGES": "es_PE"}) == (
            "es_PE"
        )
        assert locale_from_environ({"LANGUAGE": "zh_CN:en", "LC_ALL": "es"}) == (
            "zh_CN"
        )
        assert locale_from_environ({"LANGUAGE": "", "LANG": ""}) is None

    def test_a_region_cldr_does_not_know_takes_its_languages_conventions(self):
        unknown = language("es_XX")
        assert unknown.catalog == "es"
        assert unknown.conventions
        assert unknown.money(Money.of("3076.92", "CNY")) == "3.076,92\xa0CNY"

    def test_languages_load_once(self):
        assert language("zh_CN") is language("zh_CN")
        assert "zh_CN" in repr(language("zh_CN"))


class TestConventions:
    def test_money_dates_numbers_and_percentages(self):
        zh, es, pe, ind = (language(x) for x in ("zh_CN", "es", "es_PE", "id"))
        fee = Money.of("3076.92", "CNY")
        assert zh.money(fee) == "¥3,076.92"
        assert es.money(fee) == "3.076,92\xa0CNY"
        assert pe.money(Money.of("3076.92", "PEN")) == "S/\xa03,076.92"
        assert zh.date(date(2015, 4, 8)) == "2015年4月8日"
        assert zh.date(date(2015, 4, 8), style="EEE") == "周三"
        assert es.date(date(2015, 4, 8), style="long") == "8 de abril de 2015"
        assert ind.number(Decimal("-1.20")) == "-1,20"
        assert ind.number(2015) == "2015"  # whole numbers never grouped
        assert es.percent(Decimal("0.4912"), 1) == "49,1\xa0%"
        assert zh.percent(Decimal("-0.625"), 1, sign=True) == "-62.5%"
        assert zh.number(Decimal("0"), sign=True) == "+0"

    def test_periods_in_words(self):
        from score_core._cli.render import period

        zh, en = language("zh_CN"), language("en")
        end = date(2017, 12, 31)
        assert period(en, None, end) == "until 2017-12-31"
        assert period(zh, None, end) == "至 2017年12月31日"
        assert period(zh, None, None) == "始终"
        assert period(en, date(2013, 1, 1), end) == "from 2013-01-01 to 2017-12-31"

    def test_english_keeps_score_cores_own_conventions(self):
        en = language("en")
        assert en.money(Money.of("3076.92", "CNY")) == "3076.92 CNY"
        assert en.date(date(2015, 4, 8)) == "2015-04-08"
        assert en.date(date(2015, 4, 8), style="EEE") == "Wed"
        assert en.percent(Decimal("0.4912"), 1) == "49.1%"
        assert en.number(Decimal("-1.2"), sign=True) == "-1.2"
        assert en.number(Decimal("1.2")) == "1.2"

    def test_params_that_are_dates_money_or_decimals(self):
        zh = language("zh_CN")
        assert zh.value("2015-05-01") == "2015年5月1日"
        assert zh.value("2015-02-30") == "2015-02-30"  # not a date: as it is
        assert zh.value("18220.60 CNY") == "¥18,220.60"
        assert zh.value("0.6") == "0.6"
        assert language("es").value("0.6") == "0,6"
        assert zh.value(2015) == "2015"
        assert zh.value("CQ-001") == "CQ-001"
        assert zh.value(None) == "None"

    def test_without_babel_words_still_translate(self, monkeypatch):
        monkeypatch.setitem(sys.modules, "babel", None)
        language.cache_clear()
        try:
            zh = language("zh_CN")
            assert not zh.conventions
            v = violation(
                Code.ELIGIBILITY_BASELINE_MISSING,
                enterprise="E1",
                module="M1",
                by="2015-03-05",
            )
            assert zh.message(v) == (
                "企业 E1 截至 2015-03-05 没有基线评估；基线评估须在模块 M1 之前进行"
            )
            assert zh.money(Money.of("1", "CNY")) == "1 CNY"
            assert zh.value("2015-03-05") == "2015-03-05"
            # Weekdays are words: the catalog says them, Babel or not.
            assert zh.date(date(2015, 4, 8), style="EEE") == "周三"
            assert language("es").date(date(2015, 4, 12), style="EEE") == "dom"
            assert language("en").date(date(2015, 4, 12), style="EEE") == "Sun"
        finally:
            monkeypatch.undo()
            language.cache_clear()
        assert language("zh_CN").conventions


class TestMessages:
    def test_english_is_the_message_itself(self):
        v = violation(Code.EIT_NO_WORKER, enterprise="E3")
        assert localized_message(v, "en") == v.message
        assert localized_message(v, None) == v.message
        assert localized_message(v, "fr") == v.message

    def test_a_message_in_each_language(self):
        v = violation(
            Code.PLAN_VISIT_ROLLED,
            visit=1,
            enterprise="CQ-001",
            nominal="2015-05-01",
            day="2015-05-04",
            calendar="CN-2015",
        )
        assert localized_message(v, "zh_CN") == (
            "企业 CQ-001 的第 1 次跟进访问从 2015年5月1日 改到 2015年5月4日："
            "2015年5月1日 在日历 CN-2015 中不是工作日"
        )
        assert "1 may 2015" in localized_message(v, "es")
        assert "1 Mei 2015" in localized_message(v, "id")

    def test_percent_specs_follow_the_locale(self):
        v = violation(
            Code.PRICING_PORTFOLIO_BELOW_TARGET,
            year=2015,
            group="module1",
            coverage="0.3912",
            target="0.4",
        )
        assert "39,1" in localized_message(v, "es")
        assert "39.1%" in localized_message(v, "zh_CN")
        odd = violation(
            Code.PRICING_PORTFOLIO_BELOW_TARGET,
            year=2015,
            group="module1",
            coverage="n/a",
            target="0.4",
        )
        assert "n/a" in localized_message(odd, "zh_CN")

    def test_a_finding_stored_with_words_in_its_params_keeps_its_english(self):
        # Version 1 payloads held "follow-up visit 1" where 1 is held now.
        old = RuleViolation(
            code="visit.reschedule.done",
            severity=Severity.ERROR,
            message="follow-up visit 1 of enterprise E1 was done on 2026-03-02; "
            "a done visit is never moved",
            params={"visit": "follow-up visit 1", "enterprise": "E1", "day": "x"},
        )
        assert localized_message(old, "zh_CN") == old.message

    def test_a_translation_that_cannot_be_filled_gives_the_english(self, monkeypatch):
        zh = language("zh_CN")
        v = violation(Code.EIT_NO_WORKER, enterprise="E3")
        monkeypatch.setattr(zh, "pgettext", lambda context, text: "{nobody}")
        assert zh.message(v) == v.message

    def test_a_finding_the_catalog_cannot_fill_keeps_its_english(self):
        stored = RuleViolation(
            code="visit.gap",
            severity=Severity.ERROR,
            message="stored message",
            params={"visit": 1},
        )
        assert localized_message(stored, "zh_CN") == "stored message"
        foreign = RuleViolation(
            code="other.rule", severity=Severity.INFO, message="theirs"
        )
        assert localized_message(foreign, "es") == "theirs"

    def test_a_report_line_by_line(self):
        report = Report(violations=(violation(Code.EIT_NO_WORKER, enterprise="E3"),))
        assert localized_report(report, "en") == str(report.violations[0])
        assert localized_report(report, "es").startswith("error: [eit.no_worker]")

    @given(
        sst.rule_violations(codes=st.sampled_from(sorted(CODE_CONTEXTS))),
        st.sampled_from(SHIPPED),
    )
    def test_any_finding_renders_in_any_language(self, finding, locale):
        text = localized_message(finding, locale)
        assert isinstance(text, str)

    def test_every_registered_code_renders_with_plain_params(self):
        for code, info in all_codes().items():
            if code not in CODE_CONTEXTS:
                continue
            v = violation(code, **dict.fromkeys(info.placeholders, "1"))
            for locale in SHIPPED:
                assert localized_message(v, locale) != v.message


class TestCommandLine:
    def test_the_demo_in_chinese(self, capsys):
        assert main(["demo", "--lang", "zh_CN", "--on", "2026-12-02"]) == 0
        out = capsys.readouterr().out
        assert "1. 金额及其精确分摊" in out
        assert "E1 重庆齿轮厂      4 名学员  ¥3,076.92" in out
        assert "[eit.no_worker] 企业 E3 的改善团队中没有工人" in out
        assert "2015年5月4日 周一" in out
        assert "10. 同样的规则用于 2026年12月2日" in out
        for english in ("error", "warning", "follow-up", "eligible", "screened"):
            assert english not in out
        assert not re.search(r"\d CNY", out)  # money as ¥3,076.92

    def test_every_profile_note_is_shown_in_the_language(self, capsys):
        from score_core._cli.render import provenance_text
        from score_core.profiles import get_profile, profile_names

        for locale in SHIPPED:
            lang = language(locale)
            for name in profile_names():
                for _, _, provenance in get_profile(name).parameters():
                    if not provenance.note:
                        continue
                    note = lang.pgettext("note", provenance.note)
                    assert provenance_text(lang, provenance).endswith(f": {note}")
                    if len(provenance.note.split()) > 3:
                        assert note != provenance.note, (locale, provenance.note)
        assert main(["--lang", "id", "profiles", "cn-phase-2"]) == 0
        assert "sumber BJ-II: SCORE Tiongkok." in capsys.readouterr().out

    @pytest.mark.parametrize(
        ("environ", "word"),
        [("es_PE.UTF-8", "Dinero"), ("id_ID.UTF-8", "Uang"), ("C.UTF-8", "Money")],
    )
    def test_the_language_from_the_environment(
        self, monkeypatch, capsys, environ, word
    ):
        monkeypatch.setenv("LANG", environ)
        assert main(["demo"]) == 0
        assert f"1. {word}" in capsys.readouterr().out

    def test_lang_before_the_command_wins_over_the_environment(
        self, monkeypatch, capsys
    ):
        monkeypatch.setenv("LC_ALL", "es_PE.UTF-8")
        assert main(["--lang", "id", "modules"]) == 0
        out = capsys.readouterr().out
        assert "Kerja Sama di Tempat Kerja" in out

    def test_every_command_in_chinese(self, tmp_path, capsys):
        from score_core import dump_document, example_cost_model, to_json
        from score_core._cli.demo import _chongqing_workshop
        from test_cli import _firms, _kpis

        shop, _ = _chongqing_workshop()
        path = tmp_path / "shop.json"
        path.write_text(to_json(shop), encoding="utf-8")
        zh = ["--lang", "zh_CN"]
        assert main([*zh, "profiles"]) == 0
        assert main([*zh, "profiles", "cn-mem"]) == 0
        assert main([*zh, "profiles", "gh-phase-2"]) == 0  # targets by group
        assert main([*zh, "check", str(_firms(tmp_path)), "--on", "2015-07-01"]) == 1
        assert main([*zh, "workshop", str(path)]) == 1
        firms = str(_firms(tmp_path))
        assert main([*zh, "plan", str(path), "--workshop"]) == 0
        assert main([*zh, "plan", firms]) == 2
        strict = ["--earliest", "2030-09-20", "--strict", "--profile", "cn"]
        assert main([*zh, "plan", firms, *strict]) == 1
        assert main([*zh, "quote", str(path), "--on", "2015-03-01"]) == 0
        kpis = _kpis(tmp_path)
        assert main([*zh, "results", kpis]) == 0
        assert main([*zh, "results", _kpis(tmp_path, unit="ppm")]) == 1
        (tmp_path / "none.json").write_text("[]")
        assert main([*zh, "results", str(tmp_path / "none.json")]) == 0
        good = tmp_path / "model.json"
        good.write_text(to_json(dump_document(example_cost_model())))
        assert main([*zh, "validate", str(good)]) == 0
        assert main([*zh, "validate", str(good), "--kind", "quote"]) == 1
        captured = capsys.readouterr()
        out, err = captured.out, captured.err
        from score_core.profiles import get_profile

        title = get_profile("cn-mem").title
        assert f"cn-mem: {language('zh_CN').pgettext('title', title)}" in out
        assert "cn-mem: SCORE China with the MEM" not in out
        assert "配置" in out
        assert "有效期" in out
        assert "M1 50%，后续模块 60%" in out
        assert "员工人数" in out
        assert "培训班 CQ-2015-04：模块 M1，5 家企业" in out
        assert "计划 CQ-2015-04" in out
        assert "没有符合规则的计划" in out
        assert "成本覆盖率（非捐助方支付）：48.2%" in out
        assert "越低越好" in out
        assert "没有成效数据" in out
        assert "条测量数据与其指标不符" in out
        assert "有效的 cost_model 文档" in out
        assert "不是有效的 score_core 文档" in out
        assert "为企业制定计划需要 --earliest" in err


class TestLocaleChoice:
    def test_language_is_a_list_gettext_falls_back_along(self):
        assert locale_from_environ({"LANGUAGE": "pt_BR:es:id"}) == "es"
        assert locale_from_environ({"LANGUAGE": "pt_BR:en:es"}) == "en"
        assert locale_from_environ({"LANGUAGE": "pt_BR", "LANG": "id_ID"}) == "pt_BR"

    def test_indonesians_old_code(self):
        assert language("in_ID").catalog == language("in").catalog == "id"

    def test_a_locale_that_is_not_text_is_refused(self):
        from score_core.codes import violation
        from score_core.errors import InvalidTypeError

        v = violation(Code.EIT_NO_MANAGER, enterprise="E1")
        with pytest.raises(InvalidTypeError, match="not int"):
            localized_message(v, 42)
