"""The set-up: `make demo` installs what the demo needs, no development tool."""

import re
from pathlib import Path


MAKEFILE = (Path(__file__).parent.parent / "Makefile").read_text()


def _recipe(target: str) -> str:
    found = re.search(
        rf"^{re.escape(target)}:(?P<deps>.*)\n(?P<recipe>(?:\t.*\n)+)", MAKEFILE, re.M
    )
    assert found, target
    return found["deps"] + "\n" + found["recipe"]


def test_make_demo_installs_no_development_tool():
    demo = _recipe("demo")
    assert "$(DEMO_STAMP)" in demo
    assert "$(STAMP)" not in demo.replace("$(DEMO_STAMP)", "")
    install = _recipe("$(DEMO_STAMP)")
    # Babel only (dates and money in the locale's conventions): not dev, not
    # Sphinx, mypy or pydantic.
    assert "pip install --quiet -e '.[i18n]'\n" in install
    assert install.count("[") == 1


def test_the_development_install_covers_the_demo():
    # After `make test`, `make demo` installs nothing more.
    assert "$(DEMO_STAMP)" in _recipe("$(STAMP)")
