"""Impact dimensions: what plugins add to a change impact.

A dimension is any object with a ``name`` and a ``measure(context)`` method
that returns a :class:`~clientpm.impact.DimensionResult` or ``None``
(:class:`ImpactDimension`). :class:`Dimension` makes one from a function.
Plugins register dimensions with the ``clientpm_register_impact_dimensions``
hook; clientpm registers its own (:data:`BUILTIN_DIMENSIONS`) the same way,
through :func:`clientpm_register_impact_dimensions` in this module.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, Protocol, runtime_checkable

import attrs

from clientpm._checks import describe
from clientpm._hooks import hookimpl
from clientpm.errors import PluginError, ValidationError
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
    if context.locale == "zh":
        summary = f"变更涉及支撑目标 {ids} 的需求"
        summary += (
            f"；移除需求会削弱目标 {', '.join(weakened)}，须由发起人确认。" if weakened else "。"
        )
    else:
        summary = f"the change touches requirements that serve goal(s) {ids}"
        summary += (
            f"; removing them weakens {', '.join(weakened)}, which the sponsor must confirm."
            if weakened
            else "."
        )
    return DimensionResult("goals", summary, escalate=bool(weakened))


#: The goals dimension: flags goals served by removed or revised requirements.
GOALS = Dimension("goals", _goals)

#: The dimensions clientpm registers itself (through the same plugin hook).
BUILTIN_DIMENSIONS: tuple[ImpactDimension, ...] = (GOALS,)


def run_dimensions(
    dimensions: Iterable[object], context: ImpactContext
) -> tuple[tuple[DimensionResult, ...], tuple[PluginError, ...]]:
    """Measure every dimension; a failing one becomes a :class:`~clientpm.PluginError`.

    One dimension that raises, or returns something that is not a
    :class:`~clientpm.impact.DimensionResult`, does not stop the others.

    Example:
        >>> def boom(ctx):
        ...     raise RuntimeError("no network here")
        >>> results, errors = run_dimensions([Dimension("boom", boom)], context=None)
        >>> results, str(errors[0])
        ((), "plugin 'boom' failed in hook measure: RuntimeError: no network here")

    """
    results: list[DimensionResult] = []
    errors: list[PluginError] = []
    for dim in dimensions:
        name = str(getattr(dim, "name", type(dim).__name__))
        if not isinstance(dim, ImpactDimension):
            errors.append(
                PluginError(
                    name,
                    "clientpm_register_impact_dimensions",
                    f"expected an impact dimension with name and measure(), got {describe(dim)}",
                )
            )
            continue
        try:
            found = dim.measure(context)
        except Exception as err:
            errors.append(PluginError(name, "measure", f"{type(err).__name__}: {err}"))
            continue
        if found is None:
            continue
        if not isinstance(found, DimensionResult):
            errors.append(
                PluginError(
                    name, "measure", f"expected a DimensionResult or None, got {describe(found)}"
                )
            )
            continue
        results.append(found)
    return tuple(results), tuple(errors)


def dimension_list(dimensions: object) -> Iterable[object]:
    """The dimensions to run: the built-ins for ``None``, a registry's values, or a list.

    Example:
        >>> [d.name for d in dimension_list(None)]
        ['goals']
        >>> dimension_list(42)
        Traceback (most recent call last):
        ...
        clientpm.errors.ValidationError: assess_change.dimensions: expected impact dimensions (a list or a registry), got int 42

    """  # noqa: E501
    if dimensions is None:
        return BUILTIN_DIMENSIONS
    if isinstance(dimensions, Mapping):
        return list(dimensions.values())
    if isinstance(dimensions, Iterable) and not isinstance(dimensions, (str, bytes)):
        return list(dimensions)
    raise ValidationError.single(
        "assess_change.dimensions",
        f"expected impact dimensions (a list or a registry), got {describe(dimensions)}",
    )


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
