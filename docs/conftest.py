"""pytest runs the pages' examples as doctests; the figures' script has none.

docs/figures.py imports matplotlib (a docs dependency): it is imported by
the build and by tests/test_figures.py, not collected here.
"""

collect_ignore = ["figures.py"]
