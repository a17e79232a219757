# The two commands a user needs: `make demo` and `make test`.
# Each creates .venv when it is missing and installs the project into it.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.score-core-installed
DEMO_STAMP := $(VENV)/.score-core-demo-installed
HYPOTHESIS_PROFILE ?= ci
export HYPOTHESIS_PROFILE

.PHONY: demo test lint typecheck unit docs bench fuzz mutation clean messages catalogs

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "score_core needs Python 3.11 or newer; set PYTHON=python3.11 (or newer)")'
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP) $(DEMO_STAMP)

# The demo needs score_core, its three dependencies and Babel (the i18n
# extra: `score-core demo --lang zh_CN` writes ¥ and 2015年4月8日), no
# development tool.
$(DEMO_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[i18n]'
	@touch $(DEMO_STAMP)

demo: $(DEMO_STAMP)
	$(VENV)/bin/score-core demo

lint: $(STAMP)
	$(PY) -m ruff check src tests benchmarks
	$(PY) -m ruff format --check src tests benchmarks

typecheck: $(STAMP)
	$(PY) -m mypy src

# Two workers (pytest-xdist), one a core, measured by pytest-cov, which
# combines their data; the report and its 100% gate read [tool.coverage].
unit: $(STAMP)
	$(PY) -m coverage erase
	$(PY) -m pytest -n 2 --cov --cov-report=
	$(PY) -m coverage report

docs: $(STAMP)
	$(PY) -m sphinx -W --keep-going -q -b html docs docs/_build/html

test: lint typecheck unit docs

# The message catalogs (src/score_core/locale): `make messages` extracts the
# source strings (the code table, tokens, the CLI's _() texts) into the .pot
# and merges them into every .po; translate, then `make catalogs` compiles the
# .mo files the package ships. The tests fail when either is forgotten.
messages: $(STAMP)
	$(PY) -m score_core._cli.catalogs extract
	$(PY) -m score_core._cli.catalogs update

catalogs: $(STAMP)
	$(PY) -m score_core._cli.catalogs compile

# The benchmarks' baselines (pydantic) are installed here, not for the tests.
bench: $(STAMP)
	$(PY) -m pip install --quiet -e '.[dev,bench]'
	$(PY) benchmarks/run.py

fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest tests -q -k "fuzz or arbitrary or mutated or agree"

# Mutation testing (not in CI; long): mutmut on the rules, pricing, money and
# planning, as configured under [tool.mutmut] in pyproject.toml.
mutation: $(STAMP)
	$(PY) -m pip install --quiet mutmut
	HYPOTHESIS_PROFILE=ci $(VENV)/bin/mutmut run
	$(VENV)/bin/mutmut results

clean:
	rm -rf $(VENV) docs/_build docs/_figures/*.png docs/_figures/*.md .coverage .hypothesis .mypy_cache .ruff_cache
