"""Rendering reports: :func:`render` and the built-in renderers' plugin registration.

A renderer is any callable that takes a :class:`~clientpm.reports.document.Report`
and returns text. The built-in ones (``"markdown"``, ``"html"``, ``"text"``)
are registered through the ``clientpm_register_renderers`` hook, the same way
a plugin adds its own:

.. code-block:: python

    @clientpm.hookimpl
    def clientpm_register_renderers(registry):
        registry.register("csv", render_csv)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from clientpm._checks import describe
from clientpm._hooks import call_plugin, hookimpl, plugin_items
from clientpm.errors import ValidationError
from clientpm.reports.document import Report

__all__ = ["BUILTIN_RENDERERS", "clientpm_register_renderers", "render"]

Renderer = Callable[[Report], str]


def _html(report: Report) -> str:
    from clientpm.reports.html import html_document

    return html_document(report)


def _markdown(report: Report) -> str:
    from clientpm.reports.markdown import markdown_report

    return markdown_report(report)


def _text(report: Report) -> str:
    from clientpm.reports.text import text_report

    return text_report(report)


#: The renderers clientpm registers itself, by format name.
BUILTIN_RENDERERS: dict[str, Renderer] = {"html": _html, "markdown": _markdown, "text": _text}


def render(
    report: Report, fmt: str = "markdown", *, renderers: Mapping[str, Any] | None = None
) -> str:
    """Render a report in a format: ``"markdown"``, ``"html"``, ``"text"`` or a plugin's.

    Args:
        report: A report from a builder such as :func:`clientpm.weekly_report`.
        fmt: The format name.
        renderers: The renderers to choose from, e.g. ``host.renderers()``
            (a registry, another mapping or a list); by default the built-in ones.

    Raises:
        ValidationError: for an unknown format (the message lists those
            available), renderers that are not a registry, mapping or list, or
            something that is not a Report.
        PluginError: when a renderer raises or returns something other than
            text, naming the plugin that registered it.

    Example:
        >>> import clientpm as cpm
        >>> report = cpm.weekly_report(cpm.sample_project(), as_of=cpm.sample.SAMPLE_AS_OF,
        ...                            locale="en")
        >>> render(report, "text").splitlines()[0]
        'Weekly report: ACME HR portal'
        >>> render(report, "pdf")
        Traceback (most recent call last):
        ...
        clientpm.errors.ValidationError: render.fmt: expected one of 'html', 'markdown', 'text', got str 'pdf'

    """  # noqa: E501
    if not isinstance(report, Report):
        raise ValidationError.single("render.report", f"expected a Report, got {describe(report)}")
    entries = plugin_items(renderers, "render.renderers", "renderer", default=BUILTIN_RENDERERS)
    entry = next((e for e in entries if isinstance(fmt, str) and e.name == fmt), None)
    if entry is None:
        names = ", ".join(repr(n) for n in sorted({e.name for e in entries})) or "none"
        raise ValidationError.single("render.fmt", f"expected one of {names}, got {describe(fmt)}")
    text, error = call_plugin(
        entry,
        "render",
        lambda renderer: renderer(report),
        expected="text",
        accept=lambda x: isinstance(x, str),
    )
    if error is not None:
        raise error from error.__cause__
    assert isinstance(text, str)  # accepted only as text
    return text


@hookimpl
def clientpm_register_renderers(registry: Any) -> None:
    """Register :data:`BUILTIN_RENDERERS`.

    Example:
        >>> from clientpm.plugins import PluginHost
        >>> PluginHost().renderers().names()
        ('html', 'markdown', 'text')

    """
    for name, renderer in BUILTIN_RENDERERS.items():
        registry.register(name, renderer)
