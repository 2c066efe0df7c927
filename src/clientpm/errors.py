"""The exception hierarchy of clientpm.

Every error clientpm raises on purpose derives from :class:`ClientPMError`, so
``except clientpm.ClientPMError`` catches them all. Subclasses also inherit the
built-in exception a caller would expect (``ValueError``, ``LookupError``, …)::

    ClientPMError
    ├── ValidationError (ValueError)         one or more problems with input values
    │   ├── UnknownReferenceError (LookupError)  an id that names nothing known
    │   └── DependencyCycleError                 milestones that depend on each other
    ├── IllegalTransitionError (ValueError)  a state change the lifecycle forbids
    ├── CurrencyMismatchError (ValueError)   arithmetic across two currencies
    ├── SerializationError (ValueError)      malformed data for ``from_dict``
    └── PluginError                          a plugin failed to load or raised

Messages name the object, the field, the bad value and what was expected, for
example ``Milestone 'M2': depends_on names unknown milestone 'M9' (known: M1,
M2)``. Where several things are wrong at once, :class:`ValidationError` and
:class:`SerializationError` carry all of them as :class:`Problem` entries.
Messages do not grow with their input: a long value keeps its first
characters and its length, a long list its first items and its count, and an
error lists its first problems (``problems`` keeps every one in full).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

__all__ = [
    "ClientPMError",
    "CurrencyMismatchError",
    "DependencyCycleError",
    "IllegalTransitionError",
    "PluginError",
    "Problem",
    "SerializationError",
    "UnknownReferenceError",
    "ValidationError",
]


@attrs.frozen
class Problem:
    """One thing wrong with an input value.

    Attributes:
        where: The object and field, such as ``"Milestone 'M2'.due"`` or a
            path such as ``"$.milestones[2].due"``.
        message: What is wrong: the value that arrived and what was expected.

    Example:
        >>> str(Problem("Requirement 'REQ-1'.estimate_days", "must be >= 0, got -1"))
        "Requirement 'REQ-1'.estimate_days: must be >= 0, got -1"

    """

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class ClientPMError(Exception):
    """Root of every error clientpm raises on purpose.

    Example:
        >>> import clientpm as cpm
        >>> try:
        ...     cpm.Money("1", "CNY") + cpm.Money("1", "USD")
        ... except cpm.ClientPMError as e:
        ...     print(type(e).__name__)
        CurrencyMismatchError

    """


#: The longest value text a message shows: a longer one keeps its start and its length.
SHOWN_CHARS = 200
#: The most items of a list a message shows: a longer list keeps its count.
SHOWN_ITEMS = 10
#: The most problems a message lists, and the longest line it writes for one; the
#: error's ``problems`` keep every problem in full.
SHOWN_PROBLEMS = 50
SHOWN_LINE = 2000


def clip(text: str, limit: int = SHOWN_CHARS, *, length: int | None = None) -> str:
    """``text`` for a message: at most ``limit`` characters of it, then its length.

    Every message shortens long values through here, so that no message grows
    with its input. ``length`` is the length to report, when ``text`` shows a
    value of another length (the repr of a string).

    Example:
        >>> clip("short"), clip("x" * 300, limit=5)
        ('short', 'xxxxx… (300 characters)')

    """
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text) if length is None else length} characters)"


def shown(value: object) -> str:
    """``repr(value)`` for a message, shortened; never raises.

    A long repr keeps its first characters and its length; a repr that raises
    (a plugin's odd object, a list nested too deep) is named by the type.

    Example:
        >>> shown("M1"), shown("x" * 300)[-18:]
        ("'M1'", '… (300 characters)')
        >>> deep = []
        >>> for _ in range(5000):
        ...     deep = [deep]
        >>> shown(deep)
        '<list: its repr raised>'

    """
    try:
        return clip(repr(value), length=len(value) if isinstance(value, str) else None)
    except Exception:  # RecursionError included: the message must still be written
        return f"<{type(value).__name__}: its repr raised>"


def text_of(value: object) -> str:
    """``str(value)`` for a message (an exception's text), shortened; never raises.

    Falls back to :func:`shown` when ``str`` raises, as a plugin's odd exception may.

    Example:
        >>> class Rude(Exception):
        ...     def __str__(self):
        ...         raise RuntimeError("no")
        ...     def __repr__(self):
        ...         raise RuntimeError("no")
        >>> text_of(Rude()), text_of(3), text_of("x" * 300)[-18:]
        ('<Rude: its repr raised>', '3', '… (300 characters)')

    """
    try:
        return clip(str(value))
    except Exception:  # a plugin's exception must not hide the plugin
        return shown(value)


def clip_items(items: Sequence[str], limit: int = SHOWN_ITEMS) -> list[str]:
    """The first ``limit`` of ``items``, each clipped, then how many there are in all.

    Example:
        >>> clip_items(["M1", "M2", "M3"], limit=2)
        ['M1', 'M2', '… (3 in all)']

    """
    shown = [clip(item) for item in items[:limit]]
    if len(items) > limit:
        shown.append(f"… ({len(items)} in all)")
    return shown


def _render(problems: Sequence[Problem]) -> str:
    if len(problems) == 1:
        return clip(str(problems[0]), SHOWN_LINE)
    lines = [f"{len(problems)} problems:"]
    lines.extend(f"  - {clip(str(p), SHOWN_LINE)}" for p in problems[:SHOWN_PROBLEMS])
    if len(problems) > SHOWN_PROBLEMS:
        lines.append(f"  … and {len(problems) - SHOWN_PROBLEMS} more (see .problems)")
    return "\n".join(lines)


class ValidationError(ClientPMError, ValueError):
    """One or more input values are invalid; all problems are reported at once.

    Attributes:
        problems: Every problem found, in the order they were found.

    Example:
        >>> err = ValidationError([Problem("Risk 'R1'.probability", "must be 1..5, got 9")])
        >>> str(err)
        "Risk 'R1'.probability: must be 1..5, got 9"
        >>> err.problems[0].where
        "Risk 'R1'.probability"

    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(_render(self.problems))

    @classmethod
    def single(cls, where: str, message: str) -> ValidationError:
        """Build the error for a single problem.

        Example:
            >>> str(ValidationError.single("Goal 'G1'.statement", "must not be empty"))
            "Goal 'G1'.statement: must not be empty"

        """
        return cls([Problem(where, message)])


class UnknownReferenceError(ValidationError, LookupError):
    """An id names no known object (a lookup, or a reference between parts).

    Example:
        >>> raise UnknownReferenceError.single(
        ...     "Project 'ACME'", "no milestone 'M9' (known: M1, M2)")
        Traceback (most recent call last):
        ...
        clientpm.errors.UnknownReferenceError: Project 'ACME': no milestone 'M9' (known: M1, M2)

    """


class DependencyCycleError(ValidationError):
    """Milestones depend on each other in a cycle; the message names the cycle.

    Attributes:
        cycle: The ids along the cycle, first id repeated at the end.

    Example:
        >>> print(DependencyCycleError(("M1", "M2", "M1")))
        Project.milestones: dependency cycle M1 -> M2 -> M1 (a milestone cannot depend on itself, directly or indirectly)

    """  # noqa: E501

    cycle: tuple[str, ...]

    def __init__(self, cycle: Sequence[str], where: str = "Project.milestones") -> None:
        self.cycle = tuple(cycle)
        text = " -> ".join(clip_items(self.cycle))
        super().__init__(
            [
                Problem(
                    where,
                    f"dependency cycle {text} (a milestone cannot depend on itself, "
                    "directly or indirectly)",
                )
            ]
        )


class IllegalTransitionError(ClientPMError, ValueError):
    """A state change that the object's lifecycle does not allow.

    Example:
        >>> str(IllegalTransitionError("ChangeRequest 'CR-1' cannot be approved: it is submitted"))
        "ChangeRequest 'CR-1' cannot be approved: it is submitted"

    """


class CurrencyMismatchError(ClientPMError, ValueError):
    """Money in two different currencies was combined.

    Example:
        >>> import clientpm as cpm
        >>> cpm.Money("1", "CNY") + cpm.Money("1", "USD")
        Traceback (most recent call last):
        ...
        clientpm.errors.CurrencyMismatchError: cannot add Money 1.00 CNY and 1.00 USD: currencies differ (convert first)

    """  # noqa: E501


class SerializationError(ValidationError):
    """Data given to ``from_dict`` is malformed; each problem names its path.

    Example:
        >>> str(SerializationError([Problem("$.milestones[2].due", "expected a date, got 'soon'")]))
        "$.milestones[2].due: expected a date, got 'soon'"

    """


class PluginError(ClientPMError):
    """A plugin failed to import, to register or raised inside a hook.

    Attributes:
        plugin: The plugin's name.
        hook: The hook being called, or ``None`` when loading failed.
        reason: What went wrong.
        item: The name of the registered item (renderer, rule, …) that failed,
            when one did.

    Example:
        >>> str(PluginError("acme-renderers", "clientpm_register_renderers", "boom"))
        "plugin 'acme-renderers' failed in hook clientpm_register_renderers: boom"
        >>> PluginError("acme-renderers", "render", "boom", item="csv").item
        'csv'

    """

    plugin: str
    hook: str | None
    reason: str
    item: str | None

    def __init__(
        self, plugin: str, hook: str | None, reason: str, *, item: str | None = None
    ) -> None:
        self.plugin = plugin
        self.hook = hook
        self.reason = reason
        self.item = item
        where = f"in hook {hook}" if hook else "to load"
        super().__init__(f"plugin {plugin!r} failed {where}: {reason}")
