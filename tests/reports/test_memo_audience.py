"""The change memo's two audiences: the client sees the decision, the team sees the reasons."""

import pytest

import clientpm as cpm

AS_OF = cpm.sample.SAMPLE_AS_OF
FORMATS = ["markdown", "html", "text"]

#: Words of the reasons behind the recommendation: the team's, never the client's.
INTERNAL = {
    "en": ["free allowance", "contingency", "wang.fang", "account manager", "Escalate",
           "Bill it", "Quote", "forecast cost"],
    "zh": ["免费额度", "应急储备", "wang.fang", "客户经理", "升级", "建议收费", "报价 30800",
           "预测成本"],
}  # fmt: skip


@pytest.fixture(scope="module")
def project():
    return cpm.sample_project()


@pytest.fixture(scope="module")
def impact(project):
    return cpm.assess_change(project, project.change_requests[0])


def options(memo):
    return memo.section("options").blocks[0].rows


class TestTheClientMemo:
    @pytest.mark.parametrize("locale", ["en", "zh"])
    @pytest.mark.parametrize("fmt", FORMATS)
    def test_no_internal_reason_reaches_the_client(self, project, impact, locale, fmt):
        shown = cpm.render(cpm.change_memo(project, impact, locale=locale), fmt)
        assert [] == [word for word in INTERNAL[locale] if word in shown]

    def test_the_client_is_the_default_audience(self, project, impact):
        default = cpm.change_memo(project, impact, locale="en")
        client = cpm.change_memo(project, impact, locale="en", audience="client")
        assert cpm.render(default, "markdown") == cpm.render(client, "markdown")

    def test_each_option_has_its_own_effect_and_price(self, project, impact):
        rows = options(cpm.change_memo(project, impact, locale="en"))
        effect = (
            "Adds 7 person-days of work. 3 milestone(s) move; the largest slip is "
            "4 working days (M2: 2026-11-19 → 2026-11-25)."
        )
        assert [
            ("Do not make the change", "Scope, schedule and budget stay as they are.",
             "no charge"),
            ("Make it free of charge", effect, "no charge"),
            ("Make it as a paid change for CNY 30,800.00 (recommended)", effect,
             "CNY 30,800.00"),
        ] == [tuple(row) for row in rows]  # fmt: skip

    def test_the_free_option_says_nothing_of_billing(self, project, impact):
        for locale, words in (("en", ["Bill", "Quote"]), ("zh", ["收费：", "报价"])):
            free = options(cpm.change_memo(project, impact, locale=locale))[1][1]
            assert [] == [word for word in words if word in free]

    def test_the_chinese_options(self, project, impact):
        rows = options(cpm.change_memo(project, impact, locale="zh"))
        assert ("免费实施", "不收费") == (rows[1][0], rows[1][2])
        assert rows[1][1] == (
            "增加 7 人天工作量。"
            "3 个里程碑推迟，最大推迟 4 个工作日（M2：2026-11-19 → 2026-11-25）。"
        )

    def test_the_recommendation_names_the_option(self, project, impact):
        memo = cpm.change_memo(project, impact, locale="en")
        assert "Our recommendation: Make it as a paid change for CNY 30,800.00." == (
            memo.section("options").blocks[1].text
        )
        assert "我们的建议：作为付费变更实施，报价 CNY 30,800.00。" == (
            cpm.change_memo(project, impact, locale="zh").section("options").blocks[1].text
        )

    def test_the_decision_is_the_clients(self, project, impact):
        memo = cpm.change_memo(project, impact, locale="en")
        assert "Approval needed from: li.wei." == memo.section("decision").blocks[1].text

    def test_status_and_summary_are_the_effect(self, project, impact):
        memo = cpm.change_memo(project, impact, locale="en")
        assert memo.status.rag is cpm.Rag.AMBER
        assert (
            "Adds 7 person-days of work.",
            (
                "3 milestone(s) move; the largest slip is 4 working days "
                "(M2: 2026-11-19 → 2026-11-25)."
            ),
        ) == memo.status.reasons
        assert (
            "Our recommendation: Make it as a paid change for CNY 30,800.00." == (memo.summary[-1])
        )


class TestTheTeamMemo:
    @pytest.mark.parametrize("locale", ["en", "zh"])
    def test_it_keeps_every_reason(self, project, impact, locale):
        shown = cpm.render(cpm.change_memo(project, impact, locale=locale, audience="team"), "text")
        assert [] == [word for word in INTERNAL[locale] if word not in shown]

    def test_it_names_every_approver_and_says_it_is_internal(self, project, impact):
        memo = cpm.change_memo(project, impact, locale="en", audience="team")
        assert "Change request CR-1: WeChat Work login (for the team)" == memo.title
        assert "变更请求 CR-1：WeChat Work login（团队内部）" == (
            cpm.change_memo(project, impact, locale="zh", audience="team").title
        )
        assert "Approval needed from: wang.fang, li.wei." == (
            memo.section("decision").blocks[1].text
        )
        assert tuple(r.text("en") for r in impact.recommendation.reasons) == memo.status.reasons

    def test_its_options_are_the_clients(self, project, impact):
        team = cpm.change_memo(project, impact, locale="en", audience="team")
        assert options(cpm.change_memo(project, impact, locale="en")) == options(team)

    def test_the_0_1_0_call_takes_it_too(self, project, impact):
        cr = project.change_request("CR-1")
        memo = cpm.change_memo(project, cr, impact, locale="en", audience="team")
        assert memo.title.endswith("(for the team)")


@pytest.mark.parametrize(
    ("audience", "shown"),
    [("client ", "str 'client '"), ("Team", "str 'Team'"), (None, "None"), (1, "int 1")],
)
def test_a_bad_audience_is_named(project, impact, audience, shown):
    with pytest.raises(cpm.ValidationError) as info:
        cpm.change_memo(project, impact, audience=audience)
    assert f"change_memo.audience: expected 'client' or 'team', got {shown}" == str(info.value)
