"""One number for one thing: one forecast cost in reports and status, one risk level."""

import attrs
import pendulum
import pytest

import clientpm as cpm
import clientpm.reports.health as health_module
from clientpm.metrics.earned_value import earned_value
from clientpm.model.budget import forecast_cost, remaining_scope_days, spent_to_date

AS_OF = cpm.sample.SAMPLE_AS_OF
CNY = "CNY"


def cny(amount):
    return cpm.Money(amount, CNY)


@pytest.fixture(scope="module")
def project():
    return cpm.sample_project()


def report_forecast(report):
    facts = dict(report.section("status").blocks[0].facts)
    return facts["Forecast cost"]


class TestTheDefinition:
    def test_spent_plus_remaining_signed_off_work_at_the_day_rate(self, project):
        assert (cny(124_000), 48) == (
            spent_to_date(project, AS_OF),
            remaining_scope_days(project, AS_OF),
        )
        assert cny(316_000) == forecast_cost(project, AS_OF)

    def test_the_other_figures_are_other_things(self, project):
        """The estimate of the whole scope and the EV estimate are not the forecast."""
        assert cny(224_000) == project.estimated_cost
        assert cny(868_000) == earned_value(project, as_of=AS_OF).eac_cpi

    def test_work_done_after_the_status_day_is_still_to_do(self, project):
        """REQ-1 (8 days) was completed on 20 November: on the 19th it is remaining work."""
        day = pendulum.date(2026, 11, 19)
        assert (cny(80_000), 56) == (
            spent_to_date(project, day),
            remaining_scope_days(project, day),
        )
        assert cny(80_000 + 56 * 4_000) == forecast_cost(project, day)

    def test_none_reads_the_project_as_recorded(self, project):
        assert forecast_cost(project, AS_OF) == forecast_cost(project, None)

    def test_an_instant_stands_for_its_day(self, project):
        at = pendulum.datetime(2026, 11, 24, 23, tz="Asia/Shanghai")
        assert forecast_cost(project, AS_OF) == forecast_cost(project, at)

    def test_a_naive_instant_is_refused(self, project):
        with pytest.raises(cpm.ValidationError, match=r"^forecast_cost\.as_of: .*naive"):
            forecast_cost(project, pendulum.naive(2026, 11, 24))

    def test_drafts_and_removed_work_are_outside_the_scope(self, project):
        draft = project.requirement("REQ-6")
        assert draft.status is cpm.RequirementStatus.DRAFT
        at = pendulum.datetime(2026, 11, 24, 9, tz="Asia/Shanghai")
        bigger = draft.edit(estimate_days=12, by="chen.jie", at=at)
        assert forecast_cost(project, AS_OF) == forecast_cost(project.replace(bigger), AS_OF)

    def test_a_revised_estimate_moves_the_forecast_not_the_budget(self, project):
        """As an applied change request revises it: estimate_days moves, the baseline stays."""
        reqs = tuple(
            attrs.evolve(r, estimate_days=12) if r.id == "REQ-2" else r
            for r in project.requirements
        )
        revised = attrs.evolve(project, requirements=reqs)
        assert cny(316_000 + 2 * 4_000) == forecast_cost(revised, AS_OF)
        assert earned_value(revised, as_of=AS_OF).bac == earned_value(project, as_of=AS_OF).bac


class TestEveryFigureIsTheOne:
    @pytest.mark.parametrize("builder", [cpm.weekly_report, cpm.monthly_report])
    def test_the_reports(self, project, builder):
        report = builder(project, as_of=AS_OF, locale="en")
        assert "CNY 316,000.00" == report_forecast(report)

    def test_the_change_impact_and_its_memo(self, project):
        """CR-1 starts from the report's 316,000 and adds its 30,800 (7 days + 10 %)."""
        impact = cpm.assess_change(
            project, project.change_request("CR-1"), as_of=AS_OF, locale="en"
        )
        b = impact.budget
        assert (cny(316_000), cny(346_800)) == (b.forecast_before, b.forecast_after)
        assert forecast_cost(project, AS_OF) == b.forecast_before
        weekly = cpm.weekly_report(project, as_of=AS_OF, locale="en")
        assert "CNY 316,000.00" == report_forecast(weekly)
        memo = cpm.render(cpm.change_memo(project, impact, audience="team", locale="en"), "text")
        assert "The forecast cost becomes 346800.00 CNY, 72.3% of the budget" in memo

    def test_the_health_module_names_the_same_function(self, project):
        assert forecast_cost(project, AS_OF) == health_module.forecast_cost(project, AS_OF)
        facts = health_module.ReportFacts.of(project, AS_OF)
        assert forecast_cost(project, AS_OF) == facts.forecast_cost

    def test_the_budget_signal_reads_it(self, project):
        """A budget of 300,000 is below the forecast of 316,000 (105.3 %): amber."""
        tight = attrs.evolve(project, budget=cny(300_000))
        status = cpm.project_health(
            tight,
            as_of=AS_OF,
            schedule=cpm.schedule(tight, as_of=AS_OF),
            locale="en",
            policy=cpm.HealthPolicy(complaint_response_days=5),
        )
        assert (
            cpm.Rag.AMBER,
            ("Forecast cost is 105.3% of the budget.", "Complaint F4 is not resolved."),
        ) == (status.rag, status.reasons)


class TestOneRiskLevel:
    """The status reason names the level the risk matrix gives, as the risk sections do."""

    @pytest.mark.parametrize(
        ("probability", "impact", "en", "zh"),
        [
            (5, 3, "Risk R1 scores 15 (high).", "风险 R1 分值 15（高）。"),
            (5, 4, "Risk R1 scores 20 (critical).", "风险 R1 分值 20（极高）。"),
            (5, 5, "Risk R1 scores 25 (critical).", "风险 R1 分值 25（极高）。"),
        ],
    )
    def test_the_reason_uses_the_matrix(self, project, probability, impact, en, zh):
        risky = attrs.evolve(project.risk("R1"), probability=probability, impact=impact)
        p = project.replace(risky)
        plan = cpm.schedule(p, as_of=AS_OF)
        score = probability * impact
        assert cpm.DEFAULT_MATRIX.level(score).label() in en
        for locale, text in (("en", en), ("zh", zh)):
            status = cpm.project_health(p, as_of=AS_OF, schedule=plan, locale=locale)
            assert text in status.reasons
