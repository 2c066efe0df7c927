"""Relationship metrics: risk matrix, satisfaction, promises, earned value and forecast.

Every function is pure: it reads a project (or its parts) and a date and
returns values; a ratio whose denominator is zero is :data:`UNDEFINED`.
"""

from __future__ import annotations

from clientpm.metrics.ratio import UNDEFINED, Undefined, ratio

__all__ = ["UNDEFINED", "Undefined", "ratio"]
