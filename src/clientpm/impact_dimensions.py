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

from clientpm.dimensions import BUILTIN_DIMENSIONS
from clientpm.plugins import hookimpl

__all__ = ["clientpm_register_impact_dimensions", "hookimpl"]


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
