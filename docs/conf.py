"""Sphinx configuration: MyST Markdown, autodoc with Napoleon, the furo theme.

No intersphinx: the build needs no network. The reference pages for codes,
sources, the catalogue, profiles and payload kinds are generated from the
code on every build, and so are the figures (docs/figures.py, drawn with
matplotlib, a docs dependency) when Sphinx starts a build.
"""

from pathlib import Path

from score_core import __version__
from score_core._cli.docgen import write_reference

project = "score_core"
author = "score_core developers"
copyright = "2026, score_core developers"
release = __version__
version = __version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "_figures"]
myst_heading_anchors = 3
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": False}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
html_theme = "furo"
html_title = f"score_core {release}"
suppress_warnings = ["myst.xref_missing"]

HERE = Path(__file__).parent
write_reference(HERE / "reference" / "generated")


def _draw_figures(app):
    # Imported here: reading this file (pytest's doctest collection does)
    # draws nothing; a build does.
    import sys

    sys.path.insert(0, str(HERE))
    from figures import write_figures

    write_figures(HERE / "_figures")


def setup(app):
    app.connect("builder-inited", _draw_figures)
