"""The hook specifications of clientpm's plugin system.

Every hook is prefixed ``clientpm_`` and called with keyword arguments.
Registration hooks receive a :class:`~clientpm.plugins.Registry` to add to;
the built-in renderers, SMART rules and impact dimensions register through
the same hooks as third-party plugins do.

Implement a hook with the :data:`clientpm.hookimpl` marker::

    import clientpm

    @clientpm.hookimpl
    def clientpm_register_impact_dimensions(registry):
        registry.register("hosting", HostingDimension())
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from clientpm.plugins import Registry

__all__ = [
    "HOOK_KINDS",
    "clientpm_register_glossaries",
    "clientpm_register_impact_dimensions",
    "clientpm_register_renderers",
    "clientpm_register_report_sections",
    "clientpm_register_smart_rules",
    "hookspec",
]

#: The ``clientpm`` hook specification marker.
hookspec = pluggy.HookspecMarker("clientpm")

#: For each registration hook, the kind of thing it registers (used in messages).
HOOK_KINDS: dict[str, str] = {
    "clientpm_register_renderers": "renderer",
    "clientpm_register_smart_rules": "SMART rule",
    "clientpm_register_impact_dimensions": "impact dimension",
    "clientpm_register_report_sections": "report section",
    "clientpm_register_glossaries": "glossary",
}


@hookspec
def clientpm_register_renderers(registry: Registry[Any]) -> None:
    """Register report renderers.

    Args:
        registry: Add renderers with ``registry.register(format_name, renderer)``;
            a renderer turns a report document into text for that format
            (``"markdown"``, ``"html"``, ``"text"`` are built in).

    .. versionadded:: 0.1.0

    """


@hookspec
def clientpm_register_smart_rules(registry: Registry[Any]) -> None:
    """Register SMART-goal rules.

    Args:
        registry: Add rules with ``registry.register(code, rule)``; a rule has
            a stable code, the letter it judges (S, M, A, R or T) and a check.

    .. versionadded:: 0.1.0

    """


@hookspec
def clientpm_register_impact_dimensions(registry: Registry[Any]) -> None:
    """Register extra dimensions of change impact.

    Args:
        registry: Add dimensions with ``registry.register(name, dimension)``; a
            dimension has a ``name`` and a ``measure(context)`` method.

    .. versionadded:: 0.1.0

    """


@hookspec
def clientpm_register_report_sections(registry: Registry[Any]) -> None:
    """Register extra sections for client reports.

    Args:
        registry: Add sections with ``registry.register(name, section)``; a
            section builds part of a weekly or monthly report.

    .. versionadded:: 0.1.0

    """


@hookspec
def clientpm_register_glossaries(registry: Registry[Any]) -> None:
    """Register glossaries of terms the client may not know (D12).

    Args:
        registry: Add glossaries with ``registry.register(name, glossary)``.

    .. versionadded:: 0.1.0

    """
