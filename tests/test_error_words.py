"""Refusals and a payload's problems in the user's language."""

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from score_core import Enterprise, from_json, get_profile
from score_core._cli import main
from score_core._data import messages
from score_core.errors import NotInForceError, PayloadError, UnknownNameError
from score_core.i18n import _ERRORS, _said, available_locales, language, localized_error
from score_core.parameters import Resolution


SHIPPED = [locale for locale in available_locales() if locale != "en"]


class _Marked:
    """A language whose words are the English ones, marked, to see what is said."""

    def pgettext(self, context, text):
        return f"<{text}>"

    def value(self, value):
        return value


def _said_marked(text):
    return _said(_Marked(), text, _ERRORS, "error", in_turn=messages.SAID_IN_TURN)


class TestTheTable:
    @pytest.mark.parametrize("template", messages.TEMPLATES)
    def test_each_template_is_read_back(self, template):
        names = dict.fromkeys(re.findall(r"\{(\w+)\}", template), "QQ")
        english = template.format(**names)
        said = _said_marked(english)
        assert said.startswith("<")
        # Parts said in turn are marked again or kept; the others are kept.
        assert said.count("QQ") == english.count("QQ")

    def test_parts_that_are_words_are_said_in_turn(self):
        text = messages.EXPECTED.format(what="an integer", got="the string 'x'")
        assert _said_marked(text) == (
            "<expected {what}, got {got}>".replace("{what}", "<an integer>")
            .replace("{got}", "<the string {text}>")
            .replace("{text}", "'x'")
        )

    def test_periods_are_said_one_by_one(self):
        text = messages.NO_VALUE_IN_FORCE.format(
            what="coverage", on="2030-01-01", periods="from A to B; from C"
        )
        said = _said_marked(text)
        assert "<from {start} to {end}>" in said.replace("A", "{start}").replace(
            "B", "{end}"
        )
        assert "<from {start}>" in said.replace("C", "{start}")

    def test_a_message_no_template_reads_stays_as_it_is(self):
        assert _said_marked("Money.amount must not be negative") == (
            "Money.amount must not be negative"
        )


def _payload_error(text):
    with pytest.raises(PayloadError) as caught:
        from_json(Enterprise, text)
    return caught.value


_BAD = [
    '{"id": "E1", "name": "Gears", "headcount": "many"}',
    '{"id": "E1", "name": "Gears", "headcount": 50, "bogus": 1}',
    '{"name": "Gears"}',
    '{"id": "E1", "id": "E2", "name": "Gears"}',
    "[1, 2",
    '{"id": "E1", "name": "Gears", "headcount": 99999999999999999999999}',
]


class TestPayloadProblems:
    @pytest.mark.parametrize("locale", SHIPPED)
    @pytest.mark.parametrize("text", _BAD)
    def test_every_problem_keeps_its_path_and_is_said(self, locale, text):
        error = _payload_error(text)
        english = str(error).splitlines()
        said = localized_error(error, locale).splitlines()
        assert len(said) == len(english)
        assert said[0] != english[0]
        for mine, theirs in zip(said[1:], english[1:], strict=True):
            path = theirs.split(": ")[0]
            assert mine.startswith(path)
            assert mine != theirs, (locale, theirs)

    @given(
        text=st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=5),
            lambda inner: (
                st.lists(inner, max_size=3)
                | st.dictionaries(st.text(max_size=5), inner, max_size=3)
            ),
            max_leaves=8,
        ).map(lambda v: __import__("json").dumps(v)),
        locale=st.sampled_from(SHIPPED),
    )
    def test_any_bad_input_is_said_line_by_line(self, text, locale):
        try:
            from_json(Enterprise, text)
        except PayloadError as error:
            caught = error
        else:
            return
        said = localized_error(caught, locale)
        assert len(said.splitlines()) == len(str(caught).splitlines())

    def test_english_is_the_message_itself(self):
        error = _payload_error(_BAD[0])
        assert localized_error(error, "en") == str(error)
        assert localized_error(error, None) == str(error)


class TestRefusals:
    @pytest.mark.parametrize("locale", SHIPPED)
    def test_an_unknown_profile_and_a_strict_refusal(self, locale):
        with pytest.raises(UnknownNameError) as unknown:
            get_profile("nope")
        said = localized_error(unknown.value, locale)
        assert "'nope'" in said
        assert said != str(unknown.value)
        profile = get_profile("cn-phase-2")
        with pytest.raises(NotInForceError) as refused:
            profile.check_in_force(date(2030, 1, 1), mode=Resolution.STRICT)
        said = localized_error(refused.value, locale)
        assert "cn-phase-2" in said
        assert "mode=Resolution.STRICT" in said
        assert said != str(refused.value)
        assert "2030-01-01" not in said or language(locale).conventions is False

    def test_the_command_line_says_its_refusals(self, tmp_path, capsys):
        firms = tmp_path / "firms.json"
        firms.write_text('{"id": "E1", "name": "Gears", "headcount": "many"}')
        assert main(["--lang", "es", "check", str(firms)]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"score-core check: {firms}: ")
        assert "$.headcount: " in err
        assert "expected" not in err
        assert main(["--lang", "es", "check", str(tmp_path / "none.json")]) == 2
        assert "cannot read" not in capsys.readouterr().err
        firms.write_text('{"id": "E1", "name": "Gears", "headcount": 60}')
        argv = [
            "--lang",
            "zh_CN",
            "check",
            str(firms),
            "--strict",
            "--on",
            "2030-01-01",
        ]
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert "--strict" in err
        assert "was given" not in err


def test_bad_lines_of_json_lines_in_the_language(tmp_path, capsys):
    lines = tmp_path / "registry.jsonl"
    lines.write_text(
        '{"id": "E1", "name": "Gears", "headcount": 60}\n'
        '{"id": "E2", "name": "Axles", "headcount": "many"}\n'
    )
    assert main(["--lang", "es", "check", str(lines), "--summary"]) == 2
    err = capsys.readouterr().err
    assert f"{lines}, línea 2 omitida: 1 problema en los datos:" in err
    assert "$.headcount: se esperaba un entero; se recibió la cadena 'many'" in err
    assert err.endswith("1 línea(s) errónea(s) omitida(s)\n")


@pytest.mark.parametrize(
    ("locale", "head", "tail"),
    [
        ("es", "1.234 problemas en los datos:", "  ... y 1.232 más"),
        ("zh_CN", "共 1,234 个数据问题：", "  ……另有 1,232 个"),
        ("en", "1,234 problems in payload:", "  ... and 1,232 more"),
    ],
)
def test_counts_are_grouped_as_the_locale_groups(locale, head, tail):
    error = PayloadError(["$.id: required key missing"] * 1234, shown=2)
    lines = localized_error(error, locale).splitlines()
    assert (lines[0], lines[-1]) == (head, tail)


def test_a_hostile_message_is_not_read_back(monkeypatch):
    # A megabyte of "x, got y" would take time of the square of its length
    # to read back against two-part templates: it is kept as it is.
    from score_core import i18n

    class _Refuses:
        def fullmatch(self, text):
            raise AssertionError("a hostile text was read back")

    monkeypatch.setattr(i18n, "_ERRORS", ((_Refuses(), "x"),))
    hostile = "x" + ", got the string 'a'" * 50_000 + " has no value"
    assert localized_error(hostile, "zh_CN") == hostile
    assert localized_error(f"$.name: {hostile}", "es") == f"$.name: {hostile}"
