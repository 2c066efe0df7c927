"""What many test modules share: the error helpers, the status date and the markers."""

import pendulum
import pytest

from clientpm.errors import IllegalTransitionError, ValidationError

try:
    import numpy
except ImportError:  # pragma: no cover - numpy is optional
    numpy = None

SHANGHAI = "Asia/Shanghai"
AS_OF = pendulum.date(2026, 11, 24)  # the sample project's status date, a Tuesday

needs_numpy = pytest.mark.skipif(numpy is None, reason="numpy is not installed")
ENGINES = ["python", pytest.param("numpy", marks=needs_numpy)]  # the Monte Carlo engines


def failure(error: type[Exception], call, *args: object, **kwargs: object) -> str:
    """The message of the ``error`` that ``call(*args, **kwargs)`` raises."""
    with pytest.raises(error) as info:
        call(*args, **kwargs)
    return str(info.value)


def problems(call, *args: object, **kwargs: object) -> list[str]:
    """The problems, one message each, of the ValidationError ``call(...)`` raises."""
    with pytest.raises(ValidationError) as info:
        call(*args, **kwargs)
    return [str(p) for p in info.value.problems]


def message(call, *args: object, **kwargs: object) -> str:
    """The whole message of the ValidationError ``call(*args, **kwargs)`` raises."""
    return failure(ValidationError, call, *args, **kwargs)


def illegal(call, *args: object, **kwargs: object) -> str:
    """The message of the IllegalTransitionError ``call(*args, **kwargs)`` raises."""
    return failure(IllegalTransitionError, call, *args, **kwargs)


def raised(call, *args: object, **kwargs: object) -> tuple[str, str]:
    """The name and message of the ValidationError or IllegalTransitionError raised."""
    with pytest.raises((IllegalTransitionError, ValidationError)) as info:
        call(*args, **kwargs)
    return type(info.value).__name__, str(info.value)
