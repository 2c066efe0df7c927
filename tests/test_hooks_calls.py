"""One way to take plugin items and call them safely: dimensions, rules, sections, renderers.

A failure names the plugin that registered the item (the host records it),
or, for items handed over in a plain list or mapping, the module and name of
the item's code; never a name made up from the format key.
"""

from __future__ import annotations

import pytest

import clientpm as cpm
import clientpm.reports.html
from clientpm._hooks import PluginItem, Registry, call_plugin, origin, plugin_item, plugin_items
from clientpm.impact import Dimension, DimensionResult, assess_change
from clientpm.plugins import PluginHost
from clientpm.sample import SAMPLE_AS_OF
from clientpm.smart.check import SmartRule, check_smart, run_rules

HERE = __name__


def boom(arg):
    raise RuntimeError("no network here")


class AcmeDimensions:
    @cpm.hookimpl
    def clientpm_register_impact_dimensions(self, registry):
        registry.register("hosting", Dimension("hosting", boom))


class AcmeRules:
    @cpm.hookimpl
    def clientpm_register_smart_rules(self, registry):
        registry.register("ACME-sla", SmartRule("ACME-sla", "S", boom))


class AcmeSections:
    @cpm.hookimpl
    def clientpm_register_report_sections(self, registry):
        registry.register("hosting", boom)


class AcmeRenderers:
    @cpm.hookimpl
    def clientpm_register_renderers(self, registry):
        registry.register("csv", boom)
        registry.register("number", lambda report: 3)


def host_with(plugin, name="acme-plugins"):
    host = PluginHost()
    host.register(plugin, name)
    return host


@pytest.fixture
def project():
    return cpm.sample_project()


@pytest.fixture
def report(project):
    return cpm.weekly_report(project, as_of=SAMPLE_AS_OF, locale="en")


class TestOrigin:
    def test_a_function(self):
        assert f"{HERE}.boom" == origin(boom)

    def test_a_wrapper_names_the_function_it_wraps(self):
        assert f"{HERE}.boom" == origin(Dimension("x", boom))
        assert f"{HERE}.boom" == origin(SmartRule("X-1", "S", boom))

    def test_an_object_names_its_class(self):
        assert f"{HERE}.AcmeRules" == origin(AcmeRules())

    def test_a_closure(self):
        def local(report):
            return ""

        assert f"{HERE}.TestOrigin.test_a_closure.<locals>.local" == origin(local)


class TestPluginItems:
    def test_none_is_the_default(self):
        assert [("boom", f"{HERE}.boom")] == [
            (e.name, e.plugin) for e in plugin_items(None, "x.items", "renderer", default=[boom])
        ]
        assert [] == plugin_items(None, "x.items", "renderer")

    def test_a_registry_knows_the_plugin(self):
        renderers = host_with(AcmeRenderers()).renderers()
        entries = {e.name: e.plugin for e in plugin_items(renderers, "x", "renderer")}
        assert {
            "csv": "acme-plugins",
            "number": "acme-plugins",
            "html": "clientpm.reports.rendering",
            "markdown": "clientpm.reports.rendering",
            "text": "clientpm.reports.rendering",
        } == entries

    def test_an_item_added_outside_a_plugin_names_its_code(self):
        registry = Registry("renderer")
        registry.register("csv", boom)
        assert PluginItem("renderer", "csv", f"{HERE}.boom", boom) == plugin_item(
            registry, "csv", "renderer"
        )

    def test_a_mapping_and_a_list(self):
        rule = SmartRule("X-1", "S", boom)
        assert [("x", f"{HERE}.boom")] == [
            (e.name, e.plugin) for e in plugin_items({"x": rule}, "w", "SMART rule")
        ]
        assert [("X-1", f"{HERE}.boom")] == [
            (e.name, e.plugin) for e in plugin_items([rule], "w", "SMART rule")
        ]
        assert [("hosting", f"{HERE}.boom")] == [
            (e.name, e.plugin) for e in plugin_items((Dimension("hosting", boom),), "w", "d")
        ]

    @pytest.mark.parametrize("bad", [42, "hosting", b"x"])
    def test_anything_else_is_refused_naming_the_argument(self, bad):
        with pytest.raises(cpm.ValidationError) as info:
            plugin_items(bad, "weekly_report.sections", "report section")
        assert str(info.value).startswith(
            "weekly_report.sections: expected report sections (a list or a mapping) or None, got "
        )


class TestEveryCallerNamesItsArgument:
    @pytest.mark.parametrize(
        ("call", "expected"),
        [
            (
                lambda p: assess_change(p, p.change_request("CR-1"), dimensions=42),
                (
                    "assess_change.dimensions: expected impact dimensions (a list or a mapping) "
                    "or None, got int 42"
                ),
            ),
            (
                lambda p: check_smart(
                    cpm.Goal(id="G1", statement="x"), as_of=SAMPLE_AS_OF, rules=42
                ),
                "check_smart.rules: expected SMART rules (a list or a mapping) or None, got int 42",
            ),
            (
                lambda p: cpm.weekly_report(p, as_of=SAMPLE_AS_OF, sections=42),
                (
                    "weekly_report.sections: expected report sections (a list or a mapping) "
                    "or None, got int 42"
                ),
            ),
            (
                lambda p: cpm.monthly_report(p, as_of=SAMPLE_AS_OF, sections=42),
                (
                    "monthly_report.sections: expected report sections (a list or a mapping) "
                    "or None, got int 42"
                ),
            ),
        ],
    )
    def test_one_message_shape(self, project, call, expected):
        with pytest.raises(cpm.ValidationError) as info:
            call(project)
        assert expected == str(info.value)


class TestCallPlugin:
    def test_a_result_it_accepts(self):
        entry = PluginItem("renderer", "upper", "acme", str.upper)
        assert ("HI", None) == call_plugin(entry, "render", lambda f: f("hi"), expected="text",
                                           accept=lambda x: isinstance(x, str))  # fmt: skip

    def test_an_exception_names_the_plugin_hook_and_item(self):
        entry = PluginItem("renderer", "csv", "acme", boom)
        result, error = call_plugin(entry, "render", lambda f: f(None))
        assert result is None
        assert isinstance(error, cpm.PluginError)
        assert ("acme", "render", "csv") == (error.plugin, error.hook, error.item)
        assert (
            "plugin 'acme' failed in hook render: renderer 'csv': RuntimeError: no network here"
        ) == str(error)
        assert isinstance(error.__cause__, RuntimeError)

    def test_a_result_it_refuses(self):
        entry = PluginItem("renderer", "csv", "acme", lambda r: 3)
        _, error = call_plugin(entry, "render", lambda f: f(None), expected="text",
                               accept=lambda x: isinstance(x, str))  # fmt: skip
        assert "plugin 'acme' failed in hook render: renderer 'csv': expected text, got int 3" == (
            str(error)
        )


class TestDimensions:
    def test_a_plugin_dimension_that_raises_names_the_plugin(self, project):
        host = host_with(AcmeDimensions())
        impact = assess_change(project, project.change_request("CR-1"),
                               dimensions=host.impact_dimensions())  # fmt: skip
        (error,) = impact.errors
        assert (
            "plugin 'acme-plugins' failed in hook measure: impact dimension 'hosting': "
            "RuntimeError: no network here"
        ) == str(error)

    def test_a_dimension_in_a_list_names_its_code(self, project):
        bad = Dimension("bad", lambda ctx: "text")
        impact = assess_change(project, project.change_request("CR-1"),
                               dimensions=[Dimension("hosting", boom), bad])  # fmt: skip
        first, second = impact.errors
        assert (f"{HERE}.boom", "measure", "hosting") == (first.plugin, first.hook, first.item)
        assert second.reason == (
            "impact dimension 'bad': expected a DimensionResult or None, got str 'text'"
        )

    def test_not_a_dimension(self, project):
        impact = assess_change(project, project.change_request("CR-1"), dimensions=[object()])
        (error,) = impact.errors
        assert ("builtins.object", "clientpm_register_impact_dimensions") == (
            error.plugin, error.hook
        )  # fmt: skip
        assert error.reason.startswith("impact dimension 'object': expected an impact dimension")

    def test_a_good_dimension(self, project):
        good = Dimension("ok", lambda ctx: DimensionResult("ok", "fine"))
        impact = assess_change(project, project.change_request("CR-1"), dimensions=[good])
        assert (("ok",), ()) == (tuple(d.name for d in impact.dimensions), impact.errors)


class TestRules:
    def test_a_plugin_rule_that_raises_names_the_plugin(self):
        host = host_with(AcmeRules())
        report = check_smart(cpm.Goal(id="G1", statement="x"), as_of=SAMPLE_AS_OF,
                             rules=host.smart_rules())  # fmt: skip
        (error,) = report.errors
        assert (
            "plugin 'acme-plugins' failed in hook check: SMART rule 'ACME-sla': "
            "RuntimeError: no network here"
        ) == str(error)

    def test_rules_from_a_list(self):
        rules = [SmartRule("X-boom", "S", boom), object()]
        ctx_report = check_smart(cpm.Goal(id="G1", statement="x"), as_of=SAMPLE_AS_OF,
                                 rules=rules)  # fmt: skip
        first, second = ctx_report.errors
        assert (f"{HERE}.boom", "X-boom") == (first.plugin, first.item)
        assert ("builtins.object", "clientpm_register_smart_rules") == (second.plugin, second.hook)

    def test_run_rules_takes_none_for_the_built_ins(self):
        from clientpm.smart.check import SmartContext, SmartSettings
        from clientpm.work_calendar import WorkCalendar

        ctx = SmartContext(cpm.Goal(id="G1", statement="x"), None, SAMPLE_AS_OF, "en", "en",
                           SmartSettings(), WorkCalendar())  # fmt: skip
        findings, errors = run_rules(None, ctx)
        assert findings
        assert not errors


class TestSections:
    def test_a_plugin_section_that_raises_names_the_plugin(self, project):
        host = host_with(AcmeSections())
        report = cpm.weekly_report(project, as_of=SAMPLE_AS_OF, locale="en",
                                   sections=host.report_sections())  # fmt: skip
        last = report.sections[-1]
        assert ("error:hosting", "hosting") == (last.key, last.title)
        assert (
            "plugin 'acme-plugins' failed in hook build: report section 'hosting': "
            "RuntimeError: no network here"
        ) == last.blocks[0].text

    def test_a_section_that_is_not_one(self, project):
        def junk(ctx):
            return "text"

        report = cpm.monthly_report(project, as_of=SAMPLE_AS_OF, locale="en",
                                    sections={"junk": junk})  # fmt: skip
        last = report.sections[-1]
        assert (
            f"plugin '{HERE}.TestSections.test_a_section_that_is_not_one.<locals>.junk' failed "
            "in hook build: report section 'junk': expected a Section or None, got str 'text'"
        ) == last.blocks[0].text
        assert "error:junk" == last.key


class TestRenderers:
    def test_a_plugin_renderer_that_raises_names_the_plugin(self, report):
        renderers = host_with(AcmeRenderers()).renderers()
        with pytest.raises(cpm.PluginError) as info:
            cpm.render(report, "csv", renderers=renderers)
        assert (
            "plugin 'acme-plugins' failed in hook render: renderer 'csv': "
            "RuntimeError: no network here"
        ) == str(info.value)
        assert ("acme-plugins", "csv") == (info.value.plugin, info.value.item)
        assert isinstance(info.value.__cause__, RuntimeError)

    def test_a_renderer_that_returns_no_text(self, report):
        renderers = host_with(AcmeRenderers()).renderers()
        with pytest.raises(cpm.PluginError) as info:
            cpm.render(report, "number", renderers=renderers)
        assert str(info.value).endswith("renderer 'number': expected text, got int 3")
        assert "acme-plugins" == info.value.plugin

    def test_a_renderer_in_a_plain_mapping_names_its_code(self, report):
        with pytest.raises(cpm.PluginError) as info:
            cpm.render(report, "x", renderers={"x": boom})
        assert (f"{HERE}.boom", "x") == (info.value.plugin, info.value.item)
        assert info.value.plugin != "renderer 'x'"

    def test_a_built_in_renderer_crash_is_not_blamed_on_a_plugin_named_after_the_key(
        self, monkeypatch, report
    ):
        def broken(report):
            raise ZeroDivisionError("bug")

        monkeypatch.setattr(clientpm.reports.html, "html_document", broken)
        with pytest.raises(cpm.PluginError) as info:
            cpm.render(report, "html")
        assert "clientpm.reports.rendering._html" == info.value.plugin
        assert "renderer 'html'" not in info.value.plugin
        with pytest.raises(cpm.PluginError) as info:
            cpm.render(report, "html", renderers=PluginHost().renderers())
        assert "clientpm.reports.rendering" == info.value.plugin
        assert str(info.value).endswith("renderer 'html': ZeroDivisionError: bug")


# -- the helpers refuse bad input and survive odd plugins --------------------
class NameRaises:
    @property
    def name(self):
        raise RuntimeError("no name today")

    def __call__(self, arg):
        return "ok"


class UnprintableError(Exception):
    def __str__(self):
        raise RuntimeError("cannot show")

    def __repr__(self):
        raise RuntimeError("cannot show either")


def unprintable(arg):
    raise UnprintableError


def a_check(ctx, *, word):
    return None


class TestHelpersRefuseAndSurvive:
    def test_a_default_of_none_is_no_items(self):
        assert [] == plugin_items(None, "w.renderers", "renderer", default=None)

    def test_a_generator_that_raises_is_named(self):
        def items():
            yield str.upper
            raise RuntimeError("disk on fire")

        with pytest.raises(cpm.ValidationError) as info:
            plugin_items(items(), "check_smart.rules", "SMART rule")
        assert (
            "check_smart.rules: expected SMART rules (a list or a mapping) or None; "
            "listing them raised RuntimeError: disk on fire"
        ) == str(info.value)
        assert isinstance(info.value.__cause__, RuntimeError)

    def test_a_name_property_that_raises_is_skipped(self):
        [entry] = plugin_items([NameRaises()], "w.renderers", "renderer")
        assert ("NameRaises", f"{HERE}.NameRaises") == (entry.name, entry.plugin)

    def test_call_plugin_refuses_what_is_not_an_entry(self):
        with pytest.raises(cpm.ValidationError) as info:
            call_plugin(None, "render", lambda item: item)
        assert "call_plugin.entry: expected a PluginItem, got None" == str(info.value)

    def test_an_accept_that_raises_becomes_the_plugins_error(self):
        entry = PluginItem("renderer", "csv", "acme-reports", str.upper)
        result, error = call_plugin(
            entry, "render", lambda f: f("x"), expected="text", accept=lambda r: 1 / 0
        )
        assert result is None
        assert (
            "plugin 'acme-reports' failed in hook render: renderer 'csv': expected text, got a "
            "result that could not be checked (ZeroDivisionError: division by zero)"
        ) == str(error)

    def test_an_exception_that_cannot_be_shown_still_names_the_plugin(self):
        entry = PluginItem("renderer", "csv", "acme-reports", unprintable)
        _, error = call_plugin(entry, "render", lambda f: f("x"))
        assert (
            "plugin 'acme-reports' failed in hook render: renderer 'csv': "
            "UnprintableError: <UnprintableError: its repr raised>"
        ) == str(error)

    def test_origin_looks_inside_a_partial_in_a_smart_rule(self):
        import functools

        rule = SmartRule("ACME-x", "S", functools.partial(a_check, word="x"), "a partial")
        assert f"{HERE}.a_check" == origin(rule)
        assert f"{HERE}.a_check" == origin(functools.partial(a_check, word="x"))


class TestRegistryMapping:
    def registry(self):
        reg = Registry("renderer")
        reg.register("text", str.upper)
        return reg

    def test_in_is_false_for_a_missing_name(self):
        reg = self.registry()
        assert ("text" in reg, "pdf" in reg, ["x"] in reg) == (True, False, False)

    def test_get_honours_an_explicit_default(self):
        reg = self.registry()
        assert reg.get("pdf", None) is None
        assert "fallback" == reg.get("pdf", "fallback")
        with pytest.raises(cpm.UnknownReferenceError) as info:
            reg.get("pdf")
        assert "no renderer 'pdf' (available: text)" == str(info.value)

    def test_get_lists_at_most_ten_names(self):
        reg = Registry("renderer")
        for i in range(12):
            reg.register(f"r{i:02}", str)
        with pytest.raises(cpm.UnknownReferenceError) as info:
            reg["pdf"]
        assert str(info.value).endswith("r08, r09, … (12 in all))")

    def test_render_names_the_format_with_a_registry(self):
        report = cpm.weekly_report(cpm.sample_project(), as_of=SAMPLE_AS_OF, locale="en")
        with pytest.raises(cpm.ValidationError) as info:
            cpm.render(report, "pdf", renderers=PluginHost().renderers())
        assert "render.fmt: expected one of 'html', 'markdown', 'text', got str 'pdf'" == str(
            info.value
        )

    def test_render_refuses_renderers_that_are_not_a_collection(self):
        report = cpm.weekly_report(cpm.sample_project(), as_of=SAMPLE_AS_OF, locale="en")
        with pytest.raises(cpm.ValidationError) as info:
            cpm.render(report, "text", renderers=42)
        assert (
            "render.renderers: expected renderers (a list or a mapping) or None, got int 42"
            == str(info.value)
        )


class TestOneListingRule:
    def test_unregister_lists_the_plugins_with_known(self):
        host = PluginHost()
        with pytest.raises(cpm.UnknownReferenceError) as info:
            host.unregister("acme")
        assert str(info.value).startswith("PluginHost: no plugin 'acme' (registered: ")

    def test_policy_cuts_the_milestones_at_ten(self):
        from clientpm.impact import ChangePolicy

        ids = [f"M{i:02}" for i in range(12)]
        with pytest.raises(cpm.UnknownReferenceError) as info:
            ChangePolicy(contractual=["M99"]).validate_for(ids, "CNY")
        assert (
            "ChangePolicy.contractual: names unknown milestone 'M99' "
            "(known: M00, M01, M02, M03, M04, M05, M06, M07, M08, M09, … (12 in all))"
        ) == str(info.value)


class TestGlossariesUseTheSameRule:
    @pytest.mark.parametrize(
        ("value", "shown"), [(42, "int 42"), ("PM", "str 'PM'"), (b"PM", "bytes b'PM'")]
    )
    def test_the_plugin_items_message(self, value, shown):
        with pytest.raises(cpm.ValidationError) as info:
            cpm.check_jargon("UAT starts Monday.", glossaries=value)
        assert (
            f"check_jargon.glossaries: expected glossaries (a list or a mapping) or None, "
            f"got {shown}"
        ) == str(info.value)

    def test_a_failing_generator_is_named(self):
        def glossaries():
            raise RuntimeError("offline")
            yield

        with pytest.raises(cpm.ValidationError, match=r"^check_jargon\.glossaries: .*offline"):
            cpm.check_jargon("UAT starts Monday.", glossaries=glossaries())

    def test_a_mapping_a_list_and_one_glossary_still_work(self):
        from clientpm.smart.glossary import PM_GLOSSARY

        expected = cpm.check_jargon("UAT starts Monday.")
        for given in ({"pm": PM_GLOSSARY}, [PM_GLOSSARY], PM_GLOSSARY, (g for g in [PM_GLOSSARY])):
            assert expected == cpm.check_jargon("UAT starts Monday.", glossaries=given)
