"""The command line's text fits a 100-column terminal (wide characters take two)."""

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from score_core._cli.render import MIN_COLUMN, WIDTH, fit, table, width, wrap


def _columns(text):
    # Measured independently of render.width: East Asian wide and fullwidth
    # characters take two columns of a terminal.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


# Latin letters, Chinese characters (two columns each), digits, punctuation.
LETTERS = st.sampled_from("abcdefxyz0123456789-.$[]'重庆齿轮厂长江汽车零部件")
WORDS = st.text(LETTERS, min_size=1, max_size=30)
TEXTS = st.lists(WORDS, max_size=30).map(" ".join)
CELLS = st.lists(WORDS, max_size=12).map(" ".join)


def test_width_counts_wide_characters_twice():
    assert width("CQ-001") == 6
    assert width("重庆齿轮厂") == 10
    assert width("E 厂") == _columns("E 厂") == 4


def test_a_lone_surrogate_takes_the_columns_of_its_escape(capsys):
    from score_core import Enterprise
    from score_core._cli.render import eligibility_table
    from score_core.eligibility import check_eligibility

    assert width("A\udc80") == len("A\\udc80") == 7
    firms = [
        Enterprise(id="E1", name="Gears\udc80", headcount=60),
        Enterprise(id="E2", name="Axles", headcount=70),
    ]
    text = eligibility_table(firms, [check_eligibility(f) for f in firms])
    written = text.encode("utf-8", "backslashreplace").decode("utf-8").splitlines()
    # The status column starts at the same place on every row.
    starts = {line.index("needs_review") for line in written if line.startswith("E")}
    assert len(starts) == 1
    assert written[1].index(" ---") < min(starts)


@given(text=TEXTS, size=st.integers(2, 60))
def test_wrap_keeps_every_character_within_the_size(text, size):
    lines = wrap(text, size)
    assert all(_columns(line) <= size for line in lines)
    # Nothing is lost or added: only the breaks between words change.
    assert "".join("".join(lines).split()) == "".join(text.split())


@given(text=TEXTS, size=st.integers(2, 60))
def test_wrap_breaks_between_words_that_fit(text, size):
    lines = wrap(text, size)
    words = text.split()
    if all(_columns(word) <= size and word.isascii() for word in words):
        assert [w for line in lines for w in line.split()] == words


@given(text=TEXTS, size=st.integers(2, 60))
def test_wrap_keeps_runs_of_latin_letters_and_digits_whole(text, size):
    runs = [r for r in re.findall(r"[ -~]+", text.replace(" ", "\n")) if r]
    lines = wrap(text, size)
    if all(len(run) <= size for run in runs):
        kept = [
            r for line in lines for r in re.findall(r"[ -~]+", line.replace(" ", "\n"))
        ]
        assert kept == runs


def test_chinese_breaks_between_characters_not_inside_names_or_before_stops():
    text = (
        "语言和惯例：zh_CN、es、es_PE、id……（默认：LANGUAGE、LC_ALL、"
        "LC_MESSAGES 或 LANG；英语）。"
    )
    for size in range(12, 40):
        lines = wrap(text, size)
        assert all(width(line) <= size for line in lines)
        assert "".join("".join(lines).split()) == "".join(text.split())
        assert not any(
            line.startswith(("、", "）", "。", "；", "：")) for line in lines
        )
        assert not any(line.endswith("（") for line in lines)
        joined = "\n".join(lines)
        for name in ("LC_MESSAGES", "LANGUAGE", "LC_ALL", "es_PE", "zh_CN"):
            assert name in joined


@given(
    lines=st.lists(st.tuples(st.integers(0, 8), TEXTS), max_size=6),
    limit=st.integers(30, 120),
)
def test_fit_keeps_each_line_within_the_limit_and_its_indent(lines, limit):
    text = "\n".join(" " * indent + body for indent, body in lines)
    fitted = fit(text, limit)
    assert all(_columns(line) <= limit for line in fitted.splitlines())
    # The same characters in order (a word wider than a line is cut).
    assert "".join(fitted.split()) == "".join(text.split())


def test_fit_leaves_lines_that_fit_alone():
    text = "  short line\n" + "x" * WIDTH
    assert fit(text) == text


@st.composite
def tables(draw):
    columns = draw(st.integers(1, 9))
    headers = draw(st.lists(WORDS, min_size=columns, max_size=columns))
    rows = draw(
        st.lists(st.lists(CELLS, min_size=columns, max_size=columns), max_size=5)
    )
    return headers, rows


@given(shape=tables(), indent=st.sampled_from(["", "  ", "    "]))
def test_tables_fit_the_limit_when_their_columns_can(shape, indent):
    headers, rows = shape
    text = table(headers, rows, indent)
    lines = text.split("\n")  # a row of empty cells is an empty line
    narrowest = len(indent) + len(headers) * MIN_COLUMN + 2 * (len(headers) - 1)
    if narrowest <= WIDTH:
        assert all(_columns(line) <= WIDTH for line in lines)
    assert len(lines) >= len(rows) + 2  # the headers, the rule, one line a row
    rule = next(line for line in lines if set(line.strip()) <= {"-", " "})
    assert rule.startswith(indent)


@given(shape=tables())
def test_a_table_loses_no_word(shape):
    headers, rows = shape
    text = table(headers, rows)
    cells = " ".join(" ".join(row) for row in [headers, *rows])
    lines = text.split("\n")
    # The rule under the headers: one run of dashes a column (a wrapped
    # cell may hold a lone dash too, so the rule is found by its shape).
    rule = next(
        n
        for n, line in enumerate(lines)
        if len(line.split()) == len(headers) and set(line) <= {"-", " "}
    )
    kept = " ".join(lines[:rule] + lines[rule + 1 :])
    # Long words may be cut at the column's edge: compare the characters.
    assert sorted("".join(kept.split())) == sorted("".join(cells.split()))


def test_a_table_narrows_prose_before_codes():
    code = "workshop.representation.unequal"
    message = "workshop CQ-2015-04 has 10 managers and 8 workers; " * 3
    text = table(["code", "message"], [[code, message]])
    lines = text.splitlines()
    assert lines[2].startswith(code + "  ")  # the code is whole
    assert all(width(line) <= WIDTH for line in lines)
    assert len(lines) > 3  # the message is wrapped


def test_a_table_cuts_words_rather_than_overflow():
    # Five columns of single 30-character words cannot keep their words whole.
    word = "x" * 30
    text = table(["a"] * 5, [[word] * 5])
    assert all(width(line) <= WIDTH for line in text.splitlines())


def test_a_table_too_wide_for_any_squeeze_overflows():
    # 20 columns cannot narrow to fit: each keeps MIN_COLUMN.
    word = "x" * 20
    text = table(["h"] * 20, [[word] * 20])
    assert width(text.splitlines()[0]) > WIDTH
    assert text.splitlines()[1] == "  ".join(["-" * MIN_COLUMN] * 20)


def test_long_words_and_wide_text_wrap_in_one_pass():
    # A 200,000-character cell (a hostile name read from JSON): cut in
    # linear time, every line within the limit.
    name = "重庆" * 100_000
    lines = wrap(name, 40)
    assert len(lines) == 10_000
    assert all(width(line) == 40 for line in lines)
