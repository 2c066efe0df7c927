"""The built-in impact dimensions, registered through the plugin hook like anyone's.

The plugin host loads this module as a built-in plugin; a third-party plugin
registers its dimensions the same way::

    import clientpm

    @clientpm.hookimpl
    def clientpm_register_impact_dimensions(registry):
        registry.register("hosting", clientpm.impact.Dimension("hosting", measure_hosting))

Each dimension is an object with a ``name`` and a ``measure(context)`` method
(:class:`clientpm.dimensions.ImpactDimension`); ``context`` is a
:class:`clientpm.impact_parts.ImpactContext`.
"""

from __future__ import annotations

from typing import Any

import pluggy

from clientpm.dimensions import BUILTIN_DIMENSIONS

__all__ = ["clientpm_register_impact_dimensions", "hookimpl"]

#: The ``clientpm`` hook implementation marker (pluggy matches markers by
#: project name, so this is interchangeable with ``clientpm.hookimpl``).
hookimpl = pluggy.HookimplMarker("clientpm")


@hookimpl
def clientpm_register_impact_dimensions(registry: Any) -> None:
    """Register the built-in dimensions (:data:`clientpm.dimensions.BUILTIN_DIMENSIONS`).

    Example:
        >>> class Registry(dict):
        ...     def register(self, name, dimension):
        ...         self[name] = dimension
        >>> registry = Registry()
        >>> clientpm_register_impact_dimensions(registry=registry)
        >>> sorted(registry)
        ['goals']

    """
    for dimension in BUILTIN_DIMENSIONS:
        registry.register(dimension.name, dimension)
