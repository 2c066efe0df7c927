"""Sphinx configuration for the clientpm documentation."""

from importlib.metadata import version as _version

project = "clientpm"
author = "The clientpm developers"
copyright = "2026, The clientpm developers"
release = _version("clientpm")
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build", "**.ipynb_checkpoints", "**/*.ipynb"]
html_theme = "furo"
html_title = f"clientpm {release}"
autodoc_typehints = "description"
autodoc_member_order = "bysource"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
nitpicky = False
suppress_warnings = ["myst.header"]
napoleon_use_ivar = True
