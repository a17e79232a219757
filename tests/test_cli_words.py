"""The command line's own words: help, usage and usage errors in a language."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from score_core._cli import main
from score_core._cli.app import _SUBCOMMANDS
from score_core._cli.render import width
from score_core._cli.words import USAGE_ERRORS, usage_error
from score_core.i18n import available_locales, language


SHIPPED = [locale for locale in available_locales() if locale != "en"]
COMMANDS = [add.__name__.removeprefix("_add_") for add in _SUBCOMMANDS]


class _Marked:
    """A language whose words are the English ones, marked, to see what is asked."""

    def gettext(self, text):
        return f"<{text}>"

    def value(self, value):
        return value


def _squashed(text):
    return re.sub(r"\s+", "", text)


# Values as argparse and the value checks write them: no line breaks, and
# none that reads as the start of another part of the template.
_PARTS = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")),
    min_size=1,
    max_size=12,
).map(lambda text: text.strip() or "x")


class TestUsageErrors:
    @given(template=st.sampled_from(USAGE_ERRORS), value=_PARTS)
    def test_each_template_is_read_back_and_said_in_the_language(self, template, value):
        names = re.findall(r"\{(\w+)\}", template)
        english = template.format(**dict.fromkeys(names, value))
        said = usage_error(_Marked(), english)
        if "problem" in names:
            # The problem is said in the language in turn, or kept as it is.
            assert said.startswith("<argument ")
        else:
            assert said == f"<{english}>"

    def test_an_argument_and_its_problem_are_both_translated(self):
        message = "argument --on: '2015-13-01' is not a date such as 2015-07-01"
        assert usage_error(_Marked(), message) == (
            "<argument --on: <'2015-13-01' is not a date such as 2015-07-01>>"
        )

    def test_an_error_no_template_says_stays_english(self):
        assert usage_error(_Marked(), "something else went wrong") == (
            "something else went wrong"
        )

    @pytest.mark.parametrize("locale", SHIPPED)
    def test_a_usage_error_in_each_language(self, locale, capsys):
        lang = language(locale)
        assert main(["--lang", locale, "check", "x", "--on", "2015-13-01"]) == 2
        err = capsys.readouterr().err
        problem = lang.gettext("{value} is not a date such as 2015-07-01").format(
            value="'2015-13-01'"
        )
        assert problem in err
        assert problem != "'2015-13-01' is not a date such as 2015-07-01"
        assert err.startswith(lang.gettext("usage: "))
        assert main(["--lang", locale, "check"]) == 2
        err = capsys.readouterr().err
        required = lang.gettext("the following arguments are required: {names}")
        assert required.format(names="file") in err


class TestHelp:
    @pytest.mark.parametrize("locale", ["en", *SHIPPED])
    def test_every_help_in_the_language_within_100_columns(
        self, locale, capsys, monkeypatch
    ):
        monkeypatch.setenv("COLUMNS", "200")
        lang = language(locale)
        for command in ["", *COMMANDS]:
            argv = ["--lang", locale, *([command] if command else []), "--help"]
            assert main(argv) == 0
            out = capsys.readouterr().out
            assert out.startswith(lang.gettext("usage: ")), command
            assert f"\n{lang.gettext('options')}:\n" in out
            assert _squashed(lang.gettext("show this help message and exit")) in (
                _squashed(out)
            )
            assert max(width(line) for line in out.splitlines()) <= 100, command
        description = lang.gettext("The ILO SCORE programme's rules as code.")
        assert main(["--lang", locale, "--help"]) == 0
        assert _squashed(description) in _squashed(capsys.readouterr().out)

    def test_the_shipped_languages_translate_the_help(self):
        for locale in SHIPPED:
            lang = language(locale)
            for text in ("usage: ", "options", "walk through what the library can do"):
                assert lang.gettext(text) != text, (locale, text)

    def test_a_narrow_terminal_wraps_the_help(self, capsys, monkeypatch):
        monkeypatch.setenv("COLUMNS", "50")
        assert main(["--lang", "zh_CN", "plan", "--help"]) == 0
        out = capsys.readouterr().out
        assert max(width(line) for line in out.splitlines()) <= 50
