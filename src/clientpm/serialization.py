"""Lossless, JSON-safe conversion of clientpm objects to and from plain data.

:func:`to_dict` turns any public clientpm object into dicts, lists, strings,
numbers, booleans and ``None`` (``json.dumps`` takes it as it is);
:func:`from_dict` builds the object back, running every constructor check.
The mapping is:

==========================  ====================================================
Python                      JSON
==========================  ====================================================
``Decimal``                 string, exact: ``"12.50"``
``Money``                   ``{"amount": "12.50", "currency": "CNY"}``
``pendulum.Date``           ``"2026-12-18"``
``pendulum.DateTime``       ISO text with offset and zone name (RFC 9557):
                            ``"2026-11-20T10:00:00+08:00[Asia/Shanghai]"``
``pendulum.Time``           ``"HH:MM"``, or ``"HH:MM:SS"`` when it has seconds
``float``                   a JSON number; NaN and infinities are refused
``Literal["a", "b"]``       the value itself, one of those given
enums                       their value: ``"signed_off"``
tuples, frozensets          lists (frozensets sorted); a fixed-length tuple such
                            as ``(3, RiskLevel.LOW)`` is a list of that length
a union of values           the form of whichever member it is:
                            ``Decimal | Undefined`` is ``"12.5"`` or ``"undefined"``
a union of clientpm classes an object with a ``"type"`` tag, its class name in
                            snake case: a change in a request
                            (``"add_requirement"``, ``"revise_estimate"``, …),
                            a block of a report section (``"paragraph"``, …)
==========================  ====================================================

A few public types are **derived**: results recomputed from the project that
hold engine state with no JSON form (a :class:`~clientpm.Schedule`, a
:class:`~clientpm.ChangeImpact`, …). Each says so in its docstring, and
:func:`to_dict` and :func:`from_dict` refuse it by name; store the project and
compute them again.

The top level carries ``"schema_version": 1``. Malformed input raises
:class:`~clientpm.SerializationError` listing every problem with its path,
e.g. ``$.milestones[2].due: expected a date as 'YYYY-MM-DD', got str 'soon'``;
no ``KeyError`` or ``TypeError`` escapes.

The conversion walks the attrs fields and their type annotations itself rather
than using a general-purpose converter: that keeps the domain's own error
messages (which name the object, field and value) and puts a JSON path in
front of each.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import math
import re
import types
import typing
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, TypeVar, Union

import attrs
import pendulum

from clientpm._checks import date_problem, describe, iana_zone
from clientpm._convert import date_from_text, decimal_from_text, instant_from_text
from clientpm.errors import (
    ClientPMError,
    PluginError,
    Problem,
    SerializationError,
    ValidationError,
)
from clientpm.money import Money

__all__ = ["SCHEMA_VERSION", "from_dict", "to_dict"]

#: The version of the data layout written by :func:`to_dict`.
SCHEMA_VERSION = 1

T = TypeVar("T")

_TIME = re.compile(r"^(\d{2}):(\d{2})(?::(\d{2}))?$")
#: The derived types, registered by :func:`derived` where they are defined.
_DERIVED: dict[type, str] = {}
_LABEL = re.compile(
    r"^(?P<cls>[A-Za-z]+)(?: '(?P<id>.*)')?\.(?P<field>[A-Za-z_][\w\[\]\.]*)$", re.DOTALL
)
#: Where a Project keeps each kind of part, to turn "Milestone 'M1'" into a path.
_PARTS = {
    "Requirement": "requirements", "Milestone": "milestones", "ChangeRequest": "change_requests",
    "Risk": "risks", "Feedback": "feedback", "Goal": "goals", "Commitment": "commitments",
    "Stakeholder": "stakeholders",
}  # fmt: skip


def derived(recomputed_by: str) -> typing.Callable[[type[T]], type[T]]:
    """Mark a public result type as derived: :func:`to_dict` and :func:`from_dict` refuse it.

    Args:
        recomputed_by: What computes it again from the project, e.g. ``"schedule()"``.

    Example:
        >>> import clientpm as cpm
        >>> to_dict(cpm.schedule(cpm.sample_project()))
        Traceback (most recent call last):
        ...
        clientpm.errors.ValidationError: to_dict.obj: Schedule is derived and has no JSON form; \
store the project and compute it again with schedule()

    """

    def mark(cls: type[T]) -> type[T]:
        _DERIVED[cls] = recomputed_by
        return cls

    return mark


def _refusal(cls: type) -> str:
    return (
        f"{cls.__name__} is derived and has no JSON form; "
        f"store the project and compute it again with {_DERIVED[cls]}"
    )


def _tag(cls: type) -> str:
    return re.sub(r"(?<!^)([A-Z])", r"_\1", cls.__name__).lower()


def _classes(kind: Any) -> list[type]:
    """The clientpm classes of a union type, when it has several (then they are tagged)."""
    if typing.get_origin(kind) not in (Union, types.UnionType):
        return []
    found = [o for o in typing.get_args(kind) if isinstance(o, type) and attrs.has(o)]
    return found if len(found) > 1 else []


# -- to_dict ---------------------------------------------------------------------
def _instant(value: pendulum.DateTime) -> str:
    text = value.isoformat()
    if isinstance(value.tzinfo, pendulum.Timezone):  # a named zone, not a fixed offset
        text += f"[{value.timezone_name}]"
    return text


def _time(value: _dt.time) -> str:
    if value.microsecond or value.tzinfo is not None:
        raise ValidationError.single(
            "to_dict", f"expected a time of day without fractions or zone, got {describe(value)}"
        )
    return value.strftime("%H:%M" if value.second == 0 else "%H:%M:%S")


def _plain(value: object, kind: Any = None) -> Any:
    """``value`` as plain data; ``kind`` is its declared type, to tag union members."""
    if isinstance(value, enum.Enum):  # before str: the enums are str subclasses
        return value.value
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValidationError.single(
                "to_dict", f"expected a finite number, got {describe(value)}"
            )
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Money):
        return {"amount": str(value.amount), "currency": value.currency}
    if isinstance(value, PluginError):  # kept in reports: a plugin that failed
        return {"plugin": value.plugin, "hook": value.hook, "reason": value.reason}
    if isinstance(value, pendulum.DateTime):
        return _instant(value)
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return value.isoformat()
    if isinstance(value, _dt.time):
        return _time(value)
    if isinstance(value, (tuple, list, frozenset, set)):
        args = typing.get_args(kind)
        if typing.get_origin(kind) is tuple and len(args) == len(value) and Ellipsis not in args:
            kinds = list(args)  # a fixed-length tuple: one type per place
        else:
            kinds = [args[0] if len(args) == 1 or Ellipsis in args else None] * len(value)
        items = [_plain(v, k) for v, k in zip(value, kinds, strict=True)]
        return items if isinstance(value, (tuple, list)) else sorted(items, key=str)
    cls = type(value)
    if cls in _DERIVED:
        raise ValidationError.single("to_dict.obj", _refusal(cls))
    if attrs.has(cls):
        out: dict[str, Any] = {}
        if cls in _classes(kind):
            out["type"] = _tag(cls)
        hints = _hints(cls) or {}
        for field in attrs.fields(cls):
            if field.init:
                out[field.alias] = _plain(getattr(value, field.name), hints.get(field.name))
        return out
    raise ValidationError.single(
        "to_dict", f"expected a clientpm object or plain value, got {describe(value)}"
    )


def to_dict(obj: object) -> dict[str, Any]:
    """Convert a clientpm object to JSON-safe plain data, with a schema version.

    Args:
        obj: Any public clientpm object (a Project, a Requirement, Money, …).

    Returns:
        A dict that ``json.dumps`` accepts as it is.

    Raises:
        ValidationError: when ``obj`` is not a clientpm object, is derived
            (see :func:`derived`), or holds a float that is NaN or infinite.

    Example:
        >>> import json
        >>> import clientpm as cpm
        >>> data = to_dict(cpm.Milestone(id="M1", title="Beta", due="2026-12-18"))
        >>> data["due"], data["status"], data["schema_version"]
        ('2026-12-18', 'planned', 1)
        >>> to_dict(cpm.Money("2.5", "CNY"))
        {'amount': '2.50', 'currency': 'CNY', 'schema_version': 1}

    """
    if not attrs.has(type(obj)):
        raise ValidationError.single(
            "to_dict.obj", f"expected a clientpm object, got {describe(obj)}"
        )
    if type(obj) in _DERIVED:
        raise ValidationError.single("to_dict.obj", _refusal(type(obj)))
    data: dict[str, Any] = _plain(obj)
    data["schema_version"] = SCHEMA_VERSION
    return data


# -- from_dict -------------------------------------------------------------------
#: Names an annotation may use that its module imports only for type checkers.
_NAMES = {"Decimal": Decimal, "pendulum": pendulum, "Money": Money, "Any": Any}


@functools.cache
def _hints(cls: type) -> dict[str, Any] | None:
    """The field types of ``cls``; ``None`` when they name types this layer cannot see."""
    try:
        return typing.get_type_hints(cls, localns=_NAMES)
    except NameError:
        return None


class _Walker:
    """Builds objects from plain data, collecting problems with their paths."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def build(self, kind: Any, data: object, path: str) -> Any:
        origin = typing.get_origin(kind)
        if kind is Any:
            return data
        if origin in (Union, types.UnionType):
            options = typing.get_args(kind)
            if data is None and type(None) in options:
                return None
            real = [o for o in options if o is not type(None)]
            if len(real) == 1:
                return self.build(real[0], data, path)
            if _classes(kind):
                return self.tagged(_classes(kind), data, path)
            return self.either(real, data, path)
        if origin is typing.Literal:
            allowed_values = typing.get_args(kind)
            if not any(type(data) is type(v) and data == v for v in allowed_values):
                allowed = ", ".join(repr(v) for v in allowed_values)
                self.fail(path, f"expected one of {allowed}, got {describe(data)}")
                return None
            return data
        if origin is tuple:
            args = typing.get_args(kind)
            if not isinstance(data, list):
                self.fail(path, f"expected a list, got {describe(data)}")
                return None
            if Ellipsis in args:
                kinds = [args[0]] * len(data)
            elif len(data) != len(args):
                self.fail(path, f"expected a list of {len(args)} items, got {describe(data)}")
                return None
            else:
                kinds = list(args)
            pairs = enumerate(zip(kinds, data, strict=True))
            return tuple(self.build(k, v, f"{path}[{i}]") for i, (k, v) in pairs)
        if origin is frozenset:
            item = typing.get_args(kind)[0]
            if not isinstance(data, list):
                self.fail(path, f"expected a list, got {describe(data)}")
                return None
            built = [self.build(item, v, f"{path}[{i}]") for i, v in enumerate(data)]
            try:
                return frozenset(built)
            except TypeError:
                return None  # a problem was recorded for the unhashable item
        if kind is Money:
            return self.attrs_object(Money, data, path)
        if kind is PluginError:
            return self.plugin_error(data, path)
        if isinstance(kind, type) and attrs.has(kind):
            return self.attrs_object(kind, data, path)
        if kind is pendulum.DateTime:
            return self.instant(data, path)
        if kind is pendulum.Date:
            return self.date(data, path)
        if kind in (pendulum.Time, _dt.time):
            return self.time(data, path)
        if kind is Decimal:
            return self.decimal(data, path)
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            try:
                if not isinstance(data, (str, int, float)):  # Enum's error would repr it
                    raise TypeError
                return kind(data)
            except (ValueError, TypeError):
                allowed = ", ".join(repr(m.value) for m in kind)
                self.fail(path, f"expected one of {allowed}, got {describe(data)}")
                return None
        if kind is bool:
            if not isinstance(data, bool):
                self.fail(path, f"expected true or false, got {describe(data)}")
            return data
        if kind is int:
            if isinstance(data, bool) or not isinstance(data, int):
                self.fail(path, f"expected a whole number, got {describe(data)}")
            return data
        if kind is float:
            if isinstance(data, bool) or not isinstance(data, (int, float)):
                self.fail(path, f"expected a number, got {describe(data)}")
                return None
            if not math.isfinite(data):
                self.fail(path, f"expected a finite number, got {describe(data)}")
                return None
            return float(data)
        if kind is str:
            if not isinstance(data, str):
                self.fail(path, f"expected text, got {describe(data)}")
            return data
        self.fail(path, f"cannot read a value of type {kind!r}")  # pragma: no cover
        return None

    def plugin_error(self, data: object, path: str) -> PluginError | None:
        if not isinstance(data, dict) or set(data) != {"plugin", "hook", "reason"}:
            self.fail(
                path, f"expected an object with plugin, hook and reason, got {describe(data)}"
            )
            return None
        plugin, hook, reason = data["plugin"], data["hook"], data["reason"]
        if not (isinstance(plugin, str) and isinstance(reason, str)) or not (
            hook is None or isinstance(hook, str)
        ):
            self.fail(path, f"expected texts for plugin, hook and reason, got {describe(data)}")
            return None
        return PluginError(plugin, hook, reason)

    def either(self, options: list[Any], data: object, path: str) -> Any:
        """A value of the first member of a union (not all classes) that reads ``data``."""
        expected: list[str] = []
        for option in options:
            trial = _Walker()
            value = trial.build(option, data, path)
            if not trial.problems:
                return value
            expected += [p.message.split(", got ")[0] for p in trial.problems]
        wanted = " or ".join(e.removeprefix("expected ") for e in expected)
        self.fail(path, f"expected {wanted}, got {describe(data)}")
        return None

    def tagged(self, options: list[type], data: object, path: str) -> Any:
        tags = {_tag(c): c for c in options}
        if not isinstance(data, dict):
            self.fail(path, f'expected an object with a "type", got {describe(data)}')
            return None
        tag = data.get("type")
        if not isinstance(tag, str) or tag not in tags:
            allowed = ", ".join(repr(t) for t in sorted(tags))
            self.fail(f"{path}.type", f"expected one of {allowed}, got {describe(tag)}")
            return None
        return self.attrs_object(tags[tag], {k: v for k, v in data.items() if k != "type"}, path)

    def attrs_object(self, cls: type, data: object, path: str) -> Any:
        if cls in _DERIVED:
            self.fail(path, _refusal(cls))
            return None
        if not isinstance(data, dict):
            self.fail(path, f"expected an object for {cls.__name__}, got {describe(data)}")
            return None
        fields = [f for f in attrs.fields(cls) if f.init]
        names = {f.alias for f in fields}
        if "type" in data and "type" not in names:  # a union member's tag
            if data["type"] != _tag(cls):
                self.fail(f"{path}.type", f"expected {_tag(cls)!r}, got {describe(data['type'])}")
                return None
            data = {k: v for k, v in data.items() if k != "type"}
        for key in data:
            if key not in names:
                known = ", ".join(sorted(names))
                self.fail(f"{path}.{key}" if isinstance(key, str) else path,
                          f"unexpected key for {cls.__name__} (known: {known})")  # fmt: skip
        hints = _hints(cls)
        if hints is None:
            self.fail(path, f"cannot read a {cls.__name__}: it has no JSON form")
            return None
        before = len(self.problems)
        kwargs: dict[str, Any] = {}
        for field in fields:
            key = field.alias
            if key not in data:
                if field.default is attrs.NOTHING:
                    self.fail(f"{path}.{key}", f"missing (required for {cls.__name__})")
                continue
            kwargs[key] = self.build(hints[field.name], data[key], f"{path}.{key}")
        if len(self.problems) > before:
            return None
        try:
            return cls(**kwargs)
        except ValidationError as err:
            for problem in err.problems:
                self.fail(*self.locate(cls, data, path, problem))
        except ClientPMError as err:
            self.fail(path, str(err))
        except (TypeError, ValueError, LookupError, AttributeError) as err:  # defensive
            self.fail(path, f"cannot build {cls.__name__}: {err}")
        return None

    @staticmethod
    def locate(cls: type, data: dict[Any, Any], path: str, problem: Problem) -> tuple[str, str]:
        """Turn a constructor's problem (``Milestone 'M1'.due``) into a path and message."""
        match = _LABEL.match(problem.where)
        if match is None:
            return path, str(problem)
        if match["cls"] == cls.__name__:
            return f"{path}.{match['field']}", problem.message
        key = _PARTS.get(match["cls"])
        client = data.get("client")
        if key == "stakeholders" and isinstance(client, dict) and client.get("id") == match["id"]:
            return f"{path}.client.{match['field']}", problem.message
        items = data.get(key) if key else None
        if isinstance(items, list):
            for index, item in enumerate(items):
                if isinstance(item, dict) and item.get("id") == match["id"]:
                    return f"{path}.{key}[{index}].{match['field']}", problem.message
        return path, str(problem)

    def date(self, data: object, path: str) -> pendulum.Date | None:
        day = date_from_text(data) if isinstance(data, str) else None
        if day is None:
            self.fail(path, f"expected a date as 'YYYY-MM-DD', got {describe(data)}")
            return None
        problem = date_problem(day)
        if problem:
            self.fail(path, problem)
            return None
        return day

    def instant(self, data: object, path: str) -> pendulum.DateTime | None:
        expected = "expected a date and time as ISO text with an offset, e.g. "
        expected += "'2026-11-20T10:00:00+08:00[Asia/Shanghai]'"
        if not isinstance(data, str):
            self.fail(path, f"{expected}, got {describe(data)}")
            return None
        text, zone = data, None
        if data.endswith("]") and "[" in data:
            text, zone = data[:-1].split("[", 1)
        parsed = instant_from_text(text)
        if parsed is None or parsed.tzinfo is None:
            self.fail(path, f"{expected}, got {describe(data)}")
            return None
        problem = date_problem(parsed)
        if problem:  # before any conversion: year 1 at +14:00 would overflow
            self.fail(path, problem)
            return None
        value = pendulum.instance(parsed)
        offset = parsed.utcoffset()
        if zone is None and offset is not None:  # a fixed offset stays a fixed offset, even +00:00
            value = value.in_timezone(pendulum.FixedTimezone(int(offset.total_seconds())))
        if zone is not None:
            named = iana_zone(zone)
            if named is None:
                self.fail(path, f"expected an IANA zone name in brackets, got {describe(zone)}")
                return None
            value = value.in_timezone(named)
        return value

    def time(self, data: object, path: str) -> pendulum.Time | None:
        match = _TIME.match(data) if isinstance(data, str) else None
        if match is not None:
            hour, minute, second = (int(g) if g else 0 for g in match.groups())
            if hour < 24 and minute < 60 and second < 60:
                return pendulum.time(hour, minute, second)
        self.fail(path, f"expected a time of day as 'HH:MM' or 'HH:MM:SS', got {describe(data)}")
        return None

    def decimal(self, data: object, path: str) -> Decimal | None:
        value: Decimal | None = None
        if isinstance(data, str):
            value = decimal_from_text(data)
        elif isinstance(data, int) and not isinstance(data, bool):
            value = Decimal(data)
        if value is not None and value.is_finite():
            return value
        self.fail(path, f"expected an exact number as text such as '12.50', got {describe(data)}")
        return None


def from_dict(cls: type[T], data: object) -> T:
    """Build a clientpm object of type ``cls`` from plain data written by :func:`to_dict`.

    Args:
        cls: The type to build, such as ``clientpm.Project``.
        data: Plain data, typically from ``json.loads``.

    Returns:
        The object, checked as its constructor checks it.

    Raises:
        SerializationError: listing every problem with its path (``$.milestones[2].due``).

    Example:
        >>> import clientpm as cpm
        >>> project = cpm.sample_project()
        >>> from_dict(cpm.Project, to_dict(project)) == project
        True
        >>> from_dict(cpm.Milestone, {"id": "M1", "title": "Beta", "due": "soon"})
        Traceback (most recent call last):
        ...
        clientpm.errors.SerializationError: $.due: expected a date as 'YYYY-MM-DD', got str 'soon'

    """
    if not (isinstance(cls, type) and attrs.has(cls)):
        raise SerializationError(
            [Problem("from_dict.cls", f"expected a clientpm class, got {describe(cls)}")]
        )
    walker = _Walker()
    if isinstance(data, Mapping) and "schema_version" in data:
        version = data["schema_version"]
        if version != SCHEMA_VERSION:
            raise SerializationError(
                [Problem("$.schema_version", f"expected {SCHEMA_VERSION}, got {describe(version)}")]
            )
        data = {k: v for k, v in data.items() if k != "schema_version"}
    result = walker.build(cls, data, "$")
    if walker.problems:
        raise SerializationError(walker.problems)
    return typing.cast(T, result)
