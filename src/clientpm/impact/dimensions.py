"""Impact dimensions: what plugins add to a change impact.

A dimension is any object with a ``name`` and a ``measure(context)`` method
that returns a :class:`~clientpm.impact.DimensionResult` or ``None``
(:class:`ImpactDimension`). :class:`Dimension` makes one from a function.
Plugins register dimensions with the ``clientpm_register_impact_dimensions``
hook; clientpm registers its own (:data:`BUILTIN_DIMENSIONS`) the same way,
through :func:`clientpm_register_impact_dimensions` in this module.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, runtime_checkable

import attrs

from clientpm._checks import describe
from clientpm._hooks import PluginItem, call_plugins, hookimpl, plugin_items
from clientpm.errors import PluginError
from clientpm.impact.reasons import reason
from clientpm.impact.results import DimensionResult, ImpactContext

__all__ = [
    "BUILTIN_DIMENSIONS",
    "GOALS",
    "Dimension",
    "ImpactDimension",
    "clientpm_register_impact_dimensions",
    "run_dimensions",
]


@runtime_checkable
class ImpactDimension(Protocol):
    """An extra dimension of change impact, as registered by plugins.

    Anything with a ``name`` and a ``measure(context)`` that returns a
    :class:`DimensionResult` (or ``None`` when it has nothing to say).

    Example:
        >>> class Quiet:
        ...     name = "quiet"
        ...     def measure(self, context):
        ...         return None
        >>> isinstance(Quiet(), ImpactDimension), isinstance(object(), ImpactDimension)
        (True, False)

    """

    @property
    def name(self) -> str:
        """A short unique name such as ``"security"``."""
        ...

    def measure(self, context: ImpactContext) -> DimensionResult | None:
        """Look at the change and say what it does in this dimension.

        Example:
            >>> GOALS.measure  # doctest: +ELLIPSIS
            <bound method Dimension.measure of Dimension(name='goals')>

        """
        ...


@attrs.frozen
class Dimension:
    """An impact dimension made from a name and a function.

    Attributes:
        name: A short unique name.
        function: Called with the :class:`ImpactContext`.

    Example:
        >>> import clientpm as cpm
        >>> from clientpm.impact import Dimension, DimensionResult, assess_change
        >>> def hosting(ctx):
        ...     added = len(ctx.scope.added)
        ...     return DimensionResult("hosting", f"{added} new feature(s) to host")
        >>> p = cpm.sample_project()
        >>> impact = assess_change(p, p.change_request("CR-1"), dimensions=[Dimension("hosting", hosting)])
        >>> impact.dimensions[0].summary
        '1 new feature(s) to host'

    """  # noqa: E501

    name: str
    function: Callable[[ImpactContext], DimensionResult | None] = attrs.field(repr=False)

    def measure(self, context: ImpactContext) -> DimensionResult | None:
        """Call the function.

        Example:
            >>> from clientpm.impact import DimensionResult
            >>> Dimension("x", lambda ctx: DimensionResult("x", "fine")).measure(None).summary
            'fine'

        """
        return self.function(context)


def _goals(context: ImpactContext) -> DimensionResult | None:
    """Goals served by requirements the change removes or revises."""
    touched = set(context.scope.removed) | set(context.scope.revised)
    hit = [g for g in context.project.goals if touched & set(g.supports)]
    if not hit:
        return None
    removed = set(context.scope.removed)
    weakened = [g.id for g in hit if removed & set(g.supports)]
    ids = ", ".join(g.id for g in hit)
    if weakened:
        why = reason("goals_weakened", ids=ids, weakened=", ".join(weakened))
    else:
        why = reason("goals", ids=ids)
    return DimensionResult("goals", why.text(context.locale), escalate=bool(weakened), reason=why)


#: The goals dimension: flags goals served by removed or revised requirements.
GOALS = Dimension("goals", _goals)

#: The dimensions clientpm registers itself (through the same plugin hook).
BUILTIN_DIMENSIONS: tuple[ImpactDimension, ...] = (GOALS,)


def run_dimensions(
    dimensions: object, context: ImpactContext, *, where: str = "run_dimensions.dimensions"
) -> tuple[tuple[DimensionResult, ...], tuple[PluginError, ...]]:
    """Measure every dimension; a failing one becomes a :class:`~clientpm.PluginError`.

    ``dimensions`` is a registry such as ``host.impact_dimensions()``, another
    mapping, a list, or ``None`` for :data:`BUILTIN_DIMENSIONS`. One dimension
    that raises, or returns something that is not a
    :class:`~clientpm.impact.DimensionResult`, does not stop the others; its
    error names the plugin that registered it.

    Raises:
        ValidationError: naming ``where`` for ``dimensions`` of another kind.

    Example:
        >>> def boom(ctx):
        ...     raise RuntimeError("no network here")
        >>> results, errors = run_dimensions([Dimension("boom", boom)], context=None)
        >>> results, errors[0].item, errors[0].reason
        ((), 'boom', "impact dimension 'boom': RuntimeError: no network here")
        >>> run_dimensions(42, None, where="assess_change.dimensions")
        Traceback (most recent call last):
        ...
        clientpm.errors.ValidationError: assess_change.dimensions: expected impact dimensions (a list or a mapping) or None, got int 42

    """  # noqa: E501

    def refuse(entry: PluginItem) -> PluginError | None:
        if isinstance(entry.item, ImpactDimension):
            return None
        reason = f"expected an impact dimension with name and measure(), got {describe(entry.item)}"
        return entry.error("clientpm_register_impact_dimensions", reason)

    results, errors = call_plugins(
        plugin_items(dimensions, where, "impact dimension", default=BUILTIN_DIMENSIONS),
        "measure",
        lambda dim: dim.measure(context),
        expected="a DimensionResult or None",
        accept=lambda x: x is None or isinstance(x, DimensionResult),
        refuse=refuse,
    )
    return tuple(results), tuple(errors)


@hookimpl
def clientpm_register_impact_dimensions(registry: Any) -> None:
    """Register the built-in dimensions (:data:`BUILTIN_DIMENSIONS`).

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
