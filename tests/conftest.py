"""Shared test configuration: Hypothesis profiles.

The default profile ("fast", 40 examples) keeps the suite quick on a laptop.
CI runs the properties again with ``HYPOTHESIS_PROFILE=ci`` (200 examples,
derandomized so that a failure reproduces); ``nox -s tests_thorough`` uses
``thorough`` (1,000 random examples a property). Mutation testing uses
``mutation`` (10 derandomized examples): the same examples for every mutant, so
a verdict does not depend on luck, and few of them, since a surviving mutant
runs every test that covers it.

Fuzz tests (``tests/test_fuzz_project_data.py``) run many more examples than a
property: each profile has a ``-fuzz`` twin (``ci-fuzz``: 2,000 examples) that
such a test reads by name when its module is imported.
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
#: Examples a fuzz test gets under each profile: cheap by default, thorough in CI.
FUZZ_EXAMPLES = {"fast": 60, "ci": 2000, "thorough": 5000, "mutation": 10}
for _name, _examples in FUZZ_EXAMPLES.items():
    settings.register_profile(f"{_name}-fuzz", settings.get_profile(_name), max_examples=_examples)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))
