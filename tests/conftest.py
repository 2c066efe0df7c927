"""Shared test configuration: Hypothesis profiles.

The default profile ("fast", 40 examples) keeps the suite quick on a laptop.
CI runs the properties again with ``HYPOTHESIS_PROFILE=ci`` (200 examples,
derandomized so that a failure reproduces); ``nox -s tests_thorough`` uses
``thorough`` (1,000 random examples a property). Mutation testing uses
``mutation`` (10 derandomized examples): the same examples for every mutant, so
a verdict does not depend on luck, and few of them, since a surviving mutant
runs every test that covers it.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "fast", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci",
    max_examples=200,
    derandomize=True,  # the same examples on every CI run: a failure there is reproducible
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "thorough", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "mutation",
    max_examples=10,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))
