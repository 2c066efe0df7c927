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
enums                       their value: ``"signed_off"``
tuples, frozensets          lists (frozensets sorted)
a change in a request       an object with a ``"type"`` tag: ``"add_requirement"``,
                            ``"revise_estimate"``, ``"remove_requirement"``,
                            ``"move_milestone"``
==========================  ====================================================

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
from clientpm.model.change import CHANGE_TYPES
from clientpm.money import Money

__all__ = ["SCHEMA_VERSION", "from_dict", "to_dict"]

#: The version of the data layout written by :func:`to_dict`.
SCHEMA_VERSION = 1

T = TypeVar("T")

_TAGS: dict[str, type] = {
    re.sub(r"(?<!^)([A-Z])", r"_\1", cls.__name__).lower(): cls for cls in CHANGE_TYPES
}
_TAG_OF = {cls: tag for tag, cls in _TAGS.items()}
_LABEL = re.compile(
    r"^(?P<cls>[A-Za-z]+)(?: '(?P<id>.*)')?\.(?P<field>[A-Za-z_][\w\[\]\.]*)$", re.DOTALL
)
#: Where a Project keeps each kind of part, to turn "Milestone 'M1'" into a path.
_PARTS = {
    "Requirement": "requirements", "Milestone": "milestones", "ChangeRequest": "change_requests",
    "Risk": "risks", "Feedback": "feedback", "Goal": "goals", "Commitment": "commitments",
    "Stakeholder": "stakeholders",
}  # fmt: skip


# -- to_dict ---------------------------------------------------------------------
def _instant(value: pendulum.DateTime) -> str:
    text = value.isoformat()
    if isinstance(value.tzinfo, pendulum.Timezone):  # a named zone, not a fixed offset
        text += f"[{value.timezone_name}]"
    return text


def _plain(value: object) -> Any:
    if isinstance(value, enum.Enum):  # before str: the enums are str subclasses
        return value.value
    if value is None or isinstance(value, (bool, int, str)):
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
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, (frozenset, set)):
        return sorted((_plain(v) for v in value), key=str)
    cls = type(value)
    if attrs.has(cls):
        out: dict[str, Any] = {}
        if cls in _TAG_OF:
            out["type"] = _TAG_OF[cls]
        for field in attrs.fields(cls):
            if field.init:
                out[field.alias] = _plain(getattr(value, field.name))
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
        ValidationError: when ``obj`` is not a clientpm object.

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
    data: dict[str, Any] = _plain(obj)
    data["schema_version"] = SCHEMA_VERSION
    return data


# -- from_dict -------------------------------------------------------------------
@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


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
            return self.tagged(real, data, path)
        if origin is tuple:
            item = typing.get_args(kind)[0]
            if not isinstance(data, list):
                self.fail(path, f"expected a list, got {describe(data)}")
                return None
            return tuple(self.build(item, v, f"{path}[{i}]") for i, v in enumerate(data))
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

    def tagged(self, options: list[Any], data: object, path: str) -> Any:
        tags = {t: c for t, c in _TAGS.items() if c in options}
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
        if not isinstance(data, dict):
            self.fail(path, f"expected an object for {cls.__name__}, got {describe(data)}")
            return None
        if cls in _TAG_OF and "type" in data:
            if data["type"] != _TAG_OF[cls]:
                self.fail(
                    f"{path}.type", f"expected {_TAG_OF[cls]!r}, got {describe(data['type'])}"
                )
                return None
            data = {k: v for k, v in data.items() if k != "type"}
        fields = [f for f in attrs.fields(cls) if f.init]
        names = {f.alias for f in fields}
        for key in data:
            if key not in names:
                known = ", ".join(sorted(names))
                self.fail(f"{path}.{key}" if isinstance(key, str) else path,
                          f"unexpected key for {cls.__name__} (known: {known})")  # fmt: skip
        hints = _hints(cls)
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
