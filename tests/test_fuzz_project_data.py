"""Fuzzing from_dict(Project, …): bad data is refused with a ClientPMError, good data works.

Each example is the sample project's data with a few mutations (see
``tests.strategies.mutated_project_data``). Loading it either raises a
:class:`clientpm.ClientPMError` or gives a project; a project that loads is
scheduled, its change requests are assessed, and every report is built and
rendered in every format, as UTF-8.

The number of examples comes from the ``-fuzz`` twin of the Hypothesis profile
in use, registered in ``tests/conftest.py``: a few dozen by default, 2,000 in CI.
"""

import pendulum
from hypothesis import event, given, note, settings, strategies as st
from hypothesis.errors import InvalidArgument

import clientpm as cpm
from clientpm.sample import SAMPLE_AS_OF
from tests.strategies import mutated_project_data

FORMATS = ("markdown", "html", "text")


def fuzz_settings() -> settings:
    """The ``-fuzz`` twin of the profile in use (the profile itself if it has none)."""
    name = settings.get_current_profile_name()
    try:
        return settings(settings.get_profile(f"{name}-fuzz"))
    except InvalidArgument:  # a profile registered elsewhere, without a twin
        return settings(settings.default)


def status_dates(project: cpm.Project) -> list[pendulum.Date]:
    """The sample's status date, and the loaded project's own start and end."""
    return [SAMPLE_AS_OF, project.start, *([project.end] if project.end else [])]


def use(project: cpm.Project, as_of: pendulum.Date) -> None:
    """Schedule, assess, build and render everything; all of it must work."""
    cpm.schedule(project, as_of=as_of)
    reports = [
        cpm.weekly_report(project, as_of=as_of),
        cpm.monthly_report(project, as_of=as_of),
        cpm.risk_register(project, as_of=as_of),
    ]
    for cr in project.change_requests:
        try:
            impact = cpm.assess_change(project, cr, as_of=as_of)
        except cpm.ClientPMError as err:  # a documented refusal, e.g. revising done work
            note(f"{cr.id} not assessed: {type(err).__name__}: {err}")
            continue
        reports.append(cpm.change_memo(project, impact))
    for report in reports:
        for fmt in FORMATS:
            cpm.render(report, fmt).encode("utf-8")


@fuzz_settings()
@given(case=mutated_project_data(), pick=st.integers(0, 2))
def test_mutated_project_data_is_refused_or_works(case, pick):
    """Only a ClientPMError escapes from_dict; a project it accepts schedules and renders."""
    try:
        project = cpm.from_dict(cpm.Project, case.data)
    except cpm.ClientPMError as err:
        event(f"refused: {type(err).__name__}")
        return
    event("accepted")
    dates = status_dates(project)
    use(project, dates[pick % len(dates)])
