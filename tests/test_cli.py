"""The command line: demo, validate and report."""

import io
import json
import subprocess
import sys

import pytest

import clientpm as cpm
from clientpm.__main__ import main


class TestDemo:
    def test_demo_prints_the_sample_overview(self):
        """`demo` prints milestones, the pending change and the unanswered complaint."""
        out = io.StringIO()
        assert 0 == main(["demo"], out=out)
        text = out.getvalue()
        assert text.startswith("ACME HR portal (ACME) for Li Wei, as of 2026-11-24")
        assert "CR-1  WeChat Work login (submitted)" in text
        assert "NOT ANSWERED" in text

    def test_runs_as_a_module(self):
        """`python -m clientpm demo` works end to end."""
        done = subprocess.run(
            [sys.executable, "-m", "clientpm", "demo"], capture_output=True, text=True, check=True
        )
        assert "Milestones:" in done.stdout

    def test_bad_date_is_a_usage_error(self, capsys):
        """A malformed --as-of is reported by the parser."""
        with pytest.raises(SystemExit) as info:
            main(["demo", "--as-of", "tomorrow"])
        assert 2 == info.value.code
        assert "expected a date as YYYY-MM-DD, got 'tomorrow'" in capsys.readouterr().err


class TestValidate:
    def test_valid_file(self, tmp_path):
        """A file written from to_dict validates."""
        from clientpm.serialization import to_dict

        path = tmp_path / "acme.json"
        path.write_text(json.dumps(to_dict(cpm.sample_project())), encoding="utf-8")
        out = io.StringIO()
        assert 0 == main(["validate", str(path)], out=out)
        assert "valid project 'ACME' with 7 requirements and 4 milestones" in out.getvalue()

    def test_invalid_file_lists_problems_with_paths(self, tmp_path):
        """Every problem is printed with its path; exit status 1."""
        from clientpm.serialization import to_dict

        data = to_dict(cpm.sample_project())
        data["milestones"][2]["due"] = "soon"
        path = tmp_path / "bad.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        out = io.StringIO()
        assert 1 == main(["validate", str(path)], out=out)
        assert "$.milestones[2].due" in out.getvalue()

    def test_not_json(self, tmp_path):
        """A file that is not JSON is reported, exit status 1."""
        path = tmp_path / "x.json"
        path.write_text("{nope", encoding="utf-8")
        out = io.StringIO()
        assert 1 == main(["validate", str(path)], out=out)
        assert "not valid JSON" in out.getvalue()

    def test_missing_file(self, tmp_path):
        """A missing file is exit status 2."""
        out = io.StringIO()
        assert 2 == main(["validate", str(tmp_path / "none.json")], out=out)
        assert "cannot read the file" in out.getvalue()


@pytest.fixture(scope="module")
def project():
    return cpm.sample_project()


class TestCommandLine:
    def test_default_is_the_sample_weekly_report_in_the_clients_language(self):
        out = io.StringIO()
        assert 0 == main(["report"], out=out)
        assert out.getvalue().startswith("项目周报：ACME HR portal\n")

    def test_formats_kinds_and_locales(self):
        out = io.StringIO()
        args = ["report", "--kind", "monthly", "--format", "html", "--locale", "en"]
        assert 0 == main(args, out=out)
        assert out.getvalue().startswith("<!DOCTYPE html>")
        assert "Monthly report: ACME HR portal" in out.getvalue()

    def test_project_file(self, tmp_path, project):
        path = tmp_path / "project.json"
        path.write_text(json.dumps(cpm.to_dict(project)), encoding="utf-8")
        out = io.StringIO()
        assert 0 == main(["report", str(path), "--kind", "risks", "--locale", "en"], out=out)
        assert out.getvalue().startswith("Risk register: ACME HR portal")

    def test_bad_file(self, tmp_path):
        path = tmp_path / "project.json"
        path.write_text("{}", encoding="utf-8")
        out = io.StringIO()
        assert 1 == main(["report", str(path)], out=out)
        assert "problem(s)" in out.getvalue()
