"""Sphinx configuration: MyST Markdown, autodoc with Napoleon, the furo theme.

No intersphinx: the build needs no network. The reference pages for codes,
sources, the catalogue, profiles and payload kinds are generated from the
code on every build.
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
exclude_patterns = ["_build"]
myst_heading_anchors = 3
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": False}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
html_theme = "furo"
html_title = f"score_core {release}"
suppress_warnings = ["myst.xref_missing"]

write_reference(Path(__file__).parent / "reference" / "generated")
