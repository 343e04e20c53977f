"""
Tests of the CLI: every command through typer's CliRunner, and the installed entry point.
"""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from helpers import EXAMPLES
from typer.testing import CliRunner

from gapcoach.cli import app

runner = CliRunner()
SUPERVISOR = str(EXAMPLES / "resumes" / "supervisor.txt")
RATINGS = str(EXAMPLES / "ratings" / "supervisor-ratings.yaml")
COMMANDS = [
    ["roles"],
    ["skills"],
    ["taxonomy"],
    ["taxonomy", "build"],
    ["taxonomy", "validate"],
    ["read"],
    ["assess"],
    ["schema"],
    ["rate"],
    ["batch"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help(command: list[str]) -> None:
    """Each command answers --help with its own text."""
    result = runner.invoke(app, [*command, "--help"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "Usage:" in result.stdout
    assert len(result.stdout.splitlines()) > 4


class TestAssess:
    """`gapcoach assess` in every format and its error paths."""

    def test_rich_view_compares_roles_then_details(self) -> None:
        """
        Without --role the terminal view opens with the answer (the recommended role,
        its next rung, top gaps and first steps), then the comparison, then the
        recommended role in full and the others a line each.
        """
        result = runner.invoke(app, ["assess", SUPERVISOR], catch_exceptions=False)
        assert result.exit_code == 0
        out = result.stdout
        assert out.index("Your answer") < out.index("Roles compared")
        assert out.index("Roles compared") < out.index(
            "Call Center Operations Manager ─"
        )
        assert "Your next rung:" in out
        assert "Call Center Director: " in out  # the other role, one line
        assert "Call Center Director ─" not in out
        every = runner.invoke(
            app, ["assess", SUPERVISOR, "--role", "all"], catch_exceptions=False
        )
        assert "Call Center Director ─" in every.stdout
        assert "\x1b[" not in out  # no control codes when not a terminal
        assert max(len(line) for line in out.splitlines()) <= 80

    @pytest.mark.parametrize("output_format", ["json", "md", "html"])
    def test_formats_to_stdout(self, output_format: str) -> None:
        """JSON, Markdown and HTML go to stdout."""
        result = runner.invoke(
            app,
            [
                "assess",
                SUPERVISOR,
                "--format",
                output_format,
                "--role",
                "call-center-director",
            ],
            catch_exceptions=False,
        )
        assert result.exit_code == 0
        if output_format == "json":
            data = json.loads(result.stdout)
            assert [a["role_id"] for a in data["assessments"]] == [
                "call-center-director"
            ]
        elif output_format == "md":
            assert result.stdout.startswith(
                "# gapcoach assessment: Renata Vasquez-Holm (supervisor.txt)"
            )
        else:
            assert result.stdout.startswith("<!DOCTYPE html>")

    def test_output_file(self, tmp_path: Path) -> None:
        """-o writes the report to a file and says so on stderr."""
        target = tmp_path / "report.json"
        result = runner.invoke(
            app,
            ["assess", SUPERVISOR, "-f", "json", "-o", str(target)],
            catch_exceptions=False,
        )
        assert result.exit_code == 0
        assert result.stdout == ""
        assert f"Wrote {target}" in result.stderr
        assert json.loads(target.read_text())["schema_version"] == "1.3"

    def test_rich_to_file_is_plain_text(self, tmp_path: Path) -> None:
        """The terminal view written to a file has no colour codes."""
        target = tmp_path / "report.txt"
        runner.invoke(
            app, ["assess", SUPERVISOR, "-o", str(target)], catch_exceptions=False
        )
        text = target.read_text()
        assert "Roles compared" in text
        assert "\x1b[" not in text

    def test_stdin(self) -> None:
        """'-' reads the resume from stdin."""
        text = Path(SUPERVISOR).read_text()
        result = runner.invoke(
            app,
            ["assess", "-", "-f", "json", "--role", "call-center-director"],
            input=text,
        )
        assert result.exit_code == 0, result.stderr
        assert json.loads(result.stdout)["input"]["file"] == "<stdin>"

    def test_ratings_only(self) -> None:
        """--ratings without a resume assesses the self-ratings alone."""
        result = runner.invoke(
            app,
            [
                "assess",
                "--ratings",
                RATINGS,
                "--role",
                "call-center-operations-manager",
                "-f",
                "json",
            ],
            catch_exceptions=False,
        )
        assert result.exit_code == 0
        data = json.loads(result.stdout)
        assert data["input"]["ratings"] is True
        assert data["input"]["file"] is None

    def test_resume_and_ratings_show_both_sources(self) -> None:
        """With both inputs each rated skill keeps both levels."""
        result = runner.invoke(
            app,
            [
                "assess",
                SUPERVISOR,
                "--ratings",
                RATINGS,
                "--role",
                "call-center-operations-manager",
                "-f",
                "json",
            ],
            catch_exceptions=False,
        )
        skills = json.loads(result.stdout)["assessments"][0]["skills"]
        rated = [s for s in skills if s["rating_level"] is not None]
        assert rated
        assert all({e["source"] for e in s["evidence"]} >= {"rating"} for s in rated)

    def test_same_input_gives_byte_identical_json(self) -> None:
        """No timestamps and stable order: two runs give the same bytes."""
        first = runner.invoke(app, ["assess", SUPERVISOR, "-f", "json"]).stdout
        second = runner.invoke(app, ["assess", SUPERVISOR, "-f", "json"]).stdout
        assert first == second

    def test_no_input_is_a_usage_error(self) -> None:
        """Neither a resume nor --ratings: exit 2 with typer's usage message."""
        result = runner.invoke(app, ["assess"])
        assert result.exit_code == 2
        folded = " ".join(result.stderr.replace("│", " ").split())
        assert "give a resume file, - for stdin, or --ratings FILE." in folded

    def test_bad_format_is_a_usage_error(self) -> None:
        """An unknown --format: exit 2."""
        result = runner.invoke(app, ["assess", SUPERVISOR, "--format", "pdf"])
        assert result.exit_code == 2
        folded = " ".join(result.stderr.replace("│", " ").split())
        assert "'pdf' is not one of rich, json, md, html." in folded

    def test_missing_file_is_an_input_error(self, tmp_path: Path) -> None:
        """A resume that does not exist: exit 1, one Error line, no traceback."""
        missing = tmp_path / "nobody.txt"
        result = runner.invoke(app, ["assess", str(missing)])
        assert result.exit_code == 1
        assert result.stderr.startswith("Error: ")
        assert len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.stderr

    def test_unknown_role(self) -> None:
        """An unknown role: exit 1 naming the known roles."""
        result = runner.invoke(app, ["assess", SUPERVISOR, "--role", "astronaut"])
        assert result.exit_code == 1
        assert result.stderr.strip() == (
            "Error: Unknown role 'astronaut'. Known roles: call-center-director, "
            "call-center-operations-manager."
        )

    @pytest.mark.parametrize(
        ("suffix", "starts"),
        [
            (".html", "<!DOCTYPE html>"),
            (".json", "{"),
            (".md", "# gapcoach assessment"),
            (".txt", "gapcoach "),
        ],
    )
    def test_format_follows_the_output_extension(
        self, tmp_path: Path, suffix: str, starts: str
    ) -> None:
        """-o report.html writes HTML (it wrote terminal text before), and so on."""
        output = tmp_path / f"report{suffix}"
        result = runner.invoke(app, ["assess", SUPERVISOR, "-o", str(output)])
        assert result.exit_code == 0, result.stderr
        text = output.read_text(encoding="utf-8")
        assert text.lstrip().startswith(starts), text[:80]
        assert "\x1b" not in text
        if suffix == ".json":
            assert json.loads(text)["assessments"]

    def test_any_format_may_go_to_a_txt_file(self, tmp_path: Path) -> None:
        """.txt holds any text: -f json -o report.txt writes JSON."""
        output = tmp_path / "report.txt"
        result = runner.invoke(
            app, ["assess", SUPERVISOR, "-f", "json", "-o", str(output)]
        )
        assert result.exit_code == 0, result.stderr
        assert json.loads(output.read_text(encoding="utf-8"))["assessments"]

    def test_a_format_that_contradicts_the_extension_is_refused(
        self, tmp_path: Path
    ) -> None:
        """-f md -o report.html is a usage error, and nothing is written."""
        output = tmp_path / "report.html"
        result = runner.invoke(
            app, ["assess", SUPERVISOR, "-f", "md", "-o", str(output)]
        )
        assert result.exit_code == 2
        assert "does not match the output 'report.html'" in " ".join(
            result.stderr.split()
        ).replace("│ ", "")
        assert not output.exists()

    @pytest.mark.parametrize(
        "role", ["Call Center Director", "call center director", "CALL-CENTER-DIRECTOR"]
    )
    def test_role_by_title_or_id_in_any_case(self, role: str) -> None:
        """--role takes a role's title as well as its id, in any case."""
        result = runner.invoke(
            app, ["assess", SUPERVISOR, "--role", role, "-f", "json"]
        )
        assert result.exit_code == 0, result.stderr
        report = json.loads(result.stdout)
        assert [a["role_id"] for a in report["assessments"]] == ["call-center-director"]

    def test_a_near_title_suggests_the_id(self) -> None:
        """A misspelt title is refused with the closest role's id."""
        result = runner.invoke(
            app, ["assess", SUPERVISOR, "--role", "Call Centre Directors"]
        )
        assert result.exit_code == 1
        assert "Did you mean 'call-center-director'?" in result.stderr

    def test_user_taxonomy(self, tmp_path: Path) -> None:
        """--taxonomy assesses against a user's own taxonomy file."""
        guide = (
            Path(__file__).parent
            / "fixtures"
            / "guides"
            / "workforce-planning-manager.txt"
        )
        taxonomy = tmp_path / "wpm.yaml"
        runner.invoke(app, ["taxonomy", "build", str(guide), "-o", str(taxonomy)])
        result = runner.invoke(
            app, ["assess", SUPERVISOR, "--taxonomy", str(taxonomy), "-f", "json"]
        )
        assert result.exit_code == 0, result.stderr
        roles = [a["role_id"] for a in json.loads(result.stdout)["assessments"]]
        assert roles == ["workforce-planning-manager"]


class TestSchema:
    """`gapcoach schema` and the example reports."""

    def test_schema_is_the_shipped_file(self) -> None:
        """It prints the package's file: a 2020-12 schema with an $id, the report and
        the batch error line, and a description on every property."""
        from importlib.resources import files

        printed = runner.invoke(app, ["schema"]).stdout
        shipped = (files("gapcoach") / "report.schema.json").read_text(encoding="utf-8")
        assert printed == shipped
        schema = json.loads(printed)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$id"] == "urn:gapcoach:report:1.3"
        jsonschema.Draft202012Validator.check_schema(schema)
        undescribed = [
            f"{name}.{prop}"
            for name, model in schema["$defs"].items()
            for prop, value in model.get("properties", {}).items()
            if not value.get("description")
        ]
        assert undescribed == []

    def test_batch_lines_validate(self, tmp_path: Path) -> None:
        """Every JSONL line of a batch, an error line included, fits the schema."""
        schema = json.loads(runner.invoke(app, ["schema"]).stdout)
        validator = jsonschema.Draft202012Validator(schema)
        empty = tmp_path / "empty.txt"
        empty.write_text("", encoding="utf-8")
        out = tmp_path / "team.jsonl"
        runner.invoke(
            app,
            [
                "batch",
                str(EXAMPLES / "resumes" / "agent.txt"),
                str(empty),
                "-o",
                str(out),
            ],
        )
        lines = [json.loads(line) for line in out.read_text().splitlines()]
        assert [("error" in line) for line in lines] == [False, True]
        for line in lines:
            validator.validate(line)
        with pytest.raises(jsonschema.ValidationError):
            validator.validate({"file": "x.txt"})

    def test_every_example_report_validates(self) -> None:
        """The JSON Schema accepts every example's report in every role."""
        schema = json.loads(
            runner.invoke(app, ["schema"], catch_exceptions=False).stdout
        )
        for resume in sorted((EXAMPLES / "resumes").glob("*.txt")):
            report = runner.invoke(app, ["assess", str(resume), "-f", "json"]).stdout
            jsonschema.validate(json.loads(report), schema)


class TestSkillsAndRoles:
    """`roles` and `skills` views."""

    def test_roles_table(self) -> None:
        """The table names both shipped roles."""
        result = runner.invoke(app, ["roles"], catch_exceptions=False)
        assert "call-center-director" in result.stdout
        assert "call-center-operations-manager" in result.stdout

    def test_skills_table_groups_by_category(self) -> None:
        """The skills view has one table per category and lists certifications."""
        result = runner.invoke(
            app, ["skills", "call-center-director"], catch_exceptions=False
        )
        assert "technical skills" in result.stdout
        assert "soft skills" in result.stdout
        assert "COPC" in result.stdout


@pytest.mark.slow
class TestVersionAndCompletion:
    @pytest.mark.parametrize("flag", ["--version", "-V"])
    def test_version(self, flag: str) -> None:
        """--version and -V print the installed version and exit 0."""
        import gapcoach

        result = runner.invoke(app, [flag])
        assert result.exit_code == 0
        assert result.stdout == f"gapcoach {gapcoach.__version__}\n"

    def test_completion_script(self) -> None:
        """Shell completion is on: the bash script can be shown (and installed)."""
        result = runner.invoke(app, ["--show-completion", "bash"])
        assert result.exit_code == 0
        assert "_gapcoach_completion" in result.stdout


class TestInstalledEntryPoint:
    """The real `gapcoach` executable, in a subprocess."""

    def test_version(self) -> None:
        """`gapcoach --version` from the installed entry point."""
        import gapcoach

        result = self._run("--version")
        assert result.returncode == 0, result.stderr
        assert result.stdout == f"gapcoach {gapcoach.__version__}\n"

    def _run(
        self, *args: str, stdin: str | None = None
    ) -> subprocess.CompletedProcess[str]:
        executable = shutil.which("gapcoach")
        command = [executable] if executable else [sys.executable, "-m", "gapcoach"]
        env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "80"}
        return subprocess.run(
            [*command, *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )

    def test_assess_json(self) -> None:
        """The installed command assesses an example and prints valid JSON."""
        result = self._run("assess", SUPERVISOR, "--format", "json")
        assert result.returncode == 0, result.stderr
        assert len(json.loads(result.stdout)["assessments"]) == 2

    def test_error_exit_code(self) -> None:
        """A bad input exits 1 with one Error line and no traceback."""
        result = self._run("assess", "/nonexistent/resume.pdf")
        assert result.returncode == 1
        assert result.stderr.startswith("Error: ")
        assert "Traceback" not in result.stderr

    def test_python_dash_m(self) -> None:
        """`python -m gapcoach` works like the script."""
        result = subprocess.run(
            [sys.executable, "-m", "gapcoach", "roles", "--json"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0
        assert {r["role_id"] for r in json.loads(result.stdout)} == {
            "call-center-director",
            "call-center-operations-manager",
        }

    def test_stdin_pipe(self) -> None:
        """Piping a resume into `gapcoach assess -` works."""
        result = self._run(
            "assess", "-", "-f", "md", stdin=Path(SUPERVISOR).read_text()
        )
        assert result.returncode == 0, result.stderr
        # "<" is escaped in Markdown, so a renderer shows "<stdin>" instead of a tag
        assert result.stdout.startswith(
            "# gapcoach assessment: Renata Vasquez-Holm (&lt;stdin>)"
        )


class TestRead:
    """`gapcoach read` shows where each job came from and why it is in the field."""

    _RESUME = (
        "Experience\n"
        "Team Lead, Call Center | Acme | 2022 - Present\n"
        "- Led a team of 9 agents on inbound calls.\n"
        "Supervisor | Beta Care | Jan 2024 - Mar 2019\n"
        "- Led a team.\n"
        "Customer Service Agent | Acme | Jan 2019 - ???\n"
        "Line Cook\nBlue Plate Diner - Austin, TX\n2014 - 2016\n"
        "- Cooked on the restaurant line.\n"
    )

    def test_job_lines_reasons_and_notices(self, tmp_path: Path) -> None:
        resume = tmp_path / "r.txt"
        resume.write_text(self._RESUME, encoding="utf-8")
        result = runner.invoke(app, ["read", str(resume)], env={"COLUMNS": "200"})
        assert result.exit_code == 0, result.output
        assert "line 2; in the field: the title names contact-center work" in (
            result.output
        )
        assert "lines 7, 8, 9; not in the field: the title names work in person" in (
            result.output
        )
        assert "Note: line 4: the dates 'Jan 2024 - Mar 2019' cannot be used" in (
            result.output
        )
        assert (
            "Note: line 6: 'Customer Service Agent | Acme | Jan 2019 - ???' looks "
            in (result.output)
        )

    def test_counts_the_file_lines(self) -> None:
        """The line count is the file's (evidence line numbers count the same way)."""
        result = runner.invoke(
            app, ["read", str(EXAMPLES / "resumes" / "supervisor.txt")]
        )
        lines = (EXAMPLES / "resumes" / "supervisor.txt").read_text().splitlines()
        assert f"(txt, {len(lines)} lines)" in result.output

    def test_notices_reach_every_report(self, tmp_path: Path) -> None:
        resume = tmp_path / "r.txt"
        resume.write_text(self._RESUME, encoding="utf-8")
        data = json.loads(runner.invoke(app, ["read", str(resume), "--json"]).output)
        assert [job["lines"] for job in data["jobs"]] == [[2], [7, 8, 9]]
        assert len(data["notices"]) == 2
        for form, suffix in (
            ("json", "json"),
            ("md", "md"),
            ("html", "html"),
            ("rich", "txt"),
        ):
            out = tmp_path / f"report.{suffix}"
            result = runner.invoke(
                app,
                [
                    "assess",
                    str(resume),
                    "--role",
                    "call-center-operations-manager",
                    "--format",
                    form,
                    "-o",
                    str(out),
                ],
            )
            assert result.exit_code == 0, result.output
            text = out.read_text(encoding="utf-8")
            assert "line 4: the dates" in text, form
            assert "Jan 2019 - ???" in text, form


class TestNotAResume:
    """A text with no work history, dates or skills is said to be one, not coached."""

    def test_hello_world(self, tmp_path: Path) -> None:
        text = tmp_path / "t.txt"
        text.write_text("hello world\n", encoding="utf-8")
        for suffix in ("json", "md", "html", "txt"):
            out = tmp_path / f"report.{suffix}"
            result = runner.invoke(app, ["assess", str(text), "-o", str(out)])
            assert result.exit_code == 0, result.output
            report = out.read_text(encoding="utf-8")
            assert "No work history, dates or skills were found in t.txt" in report
            if suffix != "json":  # (skill names hold "Planning")
                assert not re.search(r"\bPlan\b", report), suffix
        data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
        assert all(not a["plan"]["steps"] for a in data["assessments"])

    def test_a_real_resume_keeps_its_plan(self) -> None:
        result = runner.invoke(
            app, ["assess", str(EXAMPLES / "resumes" / "agent.txt"), "-f", "json"]
        )
        data = json.loads(result.output)
        assert data["input"]["notices"] == []
        assert all(a["plan"]["steps"] for a in data["assessments"])


COMMANDS = [
    [],
    ["read"],
    ["roles"],
    ["skills"],
    ["schema"],
    ["rate"],
    ["assess"],
    ["batch"],
    ["taxonomy"],
    ["taxonomy", "build"],
    ["taxonomy", "validate"],
]


class TestHelpScreens:
    """Help names values in words and reflows paragraphs to the terminal's width."""

    @pytest.mark.parametrize(
        "command", COMMANDS, ids=lambda c: " ".join(c) or "gapcoach"
    )
    def test_no_python_types(self, command: list[str]) -> None:
        result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "120"})
        assert result.exit_code == 0, result.output
        assert not re.search(r"<(?:str|bool|path|int|list\[str\])>", result.output)
        assert "--help" in result.output

    def test_values_are_named(self) -> None:
        result = runner.invoke(app, ["batch", "--help"], env={"COLUMNS": "120"})
        for option, metavar in (
            ("--output", "FILE"),
            ("--jobs", "N"),
            ("--role", "ROLE"),
        ):
            assert re.search(rf"{option}\s.*\b{metavar}\b", result.output), option

    def test_paragraphs_reflow(self) -> None:
        result = runner.invoke(app, ["batch", "--help"], env={"COLUMNS": "200"})
        assert (
            "the batch goes on; the exit code is 1 when any file failed."
            in result.output
        )


class TestOneVocabulary:
    """--format/-f everywhere (--json kept as an alias), and batch - reads paths."""

    @pytest.mark.parametrize(
        "command",
        [
            ["roles"],
            ["skills", "call-center-director"],
            ["read", str(EXAMPLES / "resumes" / "agent.txt")],
        ],
        ids=["roles", "skills", "read"],
    )
    def test_format_json_equals_json_flag(self, command: list[str]) -> None:
        by_flag = runner.invoke(app, [*command, "--json"])
        by_format = runner.invoke(app, [*command, "-f", "json"])
        assert by_flag.exit_code == by_format.exit_code == 0, by_format.output
        assert json.loads(by_format.stdout) == json.loads(by_flag.stdout)
        wrong = runner.invoke(app, [*command, "--format", "xml"])
        assert wrong.exit_code == 2
        assert "'xml' is not one of rich, json" in wrong.output

    def test_batch_reads_paths_from_stdin(self, tmp_path: Path) -> None:
        listed = "\n".join(str(p) for p in sorted((EXAMPLES / "resumes").glob("*.txt")))
        out = tmp_path / "team.out"
        result = runner.invoke(
            app, ["batch", "-", "-o", str(out), "-f", "jsonl"], input=listed + "\n"
        )
        assert result.exit_code == 0, result.output
        rows = [json.loads(line) for line in out.read_text().splitlines()]
        assert len(rows) == len(listed.splitlines())

    def test_batch_summary_headers_fit_80_columns(self, tmp_path: Path) -> None:
        result = runner.invoke(
            app,
            ["batch", str(EXAMPLES / "resumes"), "-o", str(tmp_path / "t.jsonl")],
            env={"COLUMNS": "80"},
        )
        for header in ("people", "mean", "ready", "nearly", "devel.", "early"):
            assert f" {header} " in result.output, header


class TestRatingsOnlyWording:
    """A ratings-only report names the ratings file once, in every view."""

    @pytest.mark.parametrize("form", ["rich", "md", "html"])
    def test_names_the_file_once(self, form: str) -> None:
        ratings = EXAMPLES / "ratings" / "supervisor-ratings.yaml"
        result = runner.invoke(
            app,
            ["assess", "--ratings", str(ratings), "-f", form],
            env={"COLUMNS": "120"},
        )
        assert result.exit_code == 0, result.output
        assert "self-ratings (supervisor-ratings.yaml)" in result.stdout
        assert "self-ratings only" not in result.stdout
        assert result.stdout.count("supervisor-ratings.yaml") == 1


class TestTerminalWidth:
    """The terminal report uses the width there is and shows disagreements."""

    def test_wide_terminal_shows_whole_lines(self) -> None:
        resume = EXAMPLES / "resumes" / "supervisor.txt"
        result = runner.invoke(
            app,
            ["assess", str(resume), "--role", "call-center-operations-manager"],
            env={"COLUMNS": "220"},
        )
        assert result.exit_code == 0, result.output
        report = json.loads(
            runner.invoke(
                app,
                [
                    "assess",
                    str(resume),
                    "--role",
                    "call-center-operations-manager",
                    "-f",
                    "json",
                ],
            ).stdout
        )["assessments"][0]
        lines = result.stdout.splitlines()
        first_step = next(
            step["action"]
            for step in report["plan"]["steps"]
            if step["kind"].startswith("skill")
        )
        assert len(first_step) > 52
        assert any(first_step in line for line in lines)
        evidence = next(
            s["evidence"][0]["text"]
            for s in report["skills"]
            if s["status"] == "met" and len(s["evidence"][0]["text"]) > 60
        )
        assert any(evidence in line for line in lines)

    def test_disagreements_in_the_terminal(self) -> None:
        result = runner.invoke(
            app,
            [
                "assess",
                str(EXAMPLES / "resumes" / "supervisor.txt"),
                "--ratings",
                str(EXAMPLES / "ratings" / "supervisor-ratings.yaml"),
                "--role",
                "call-center-operations-manager",
            ],
            env={"COLUMNS": "160"},
        )
        assert "Self-ratings and resume disagree" in result.stdout
        assert "resume 2, self-rating 3 -> 3" in result.stdout
