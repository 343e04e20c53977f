"""
Tests of `gapcoach batch`: outputs, failures that do not stop the batch, --jobs parity.
"""

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from helpers import EXAMPLES
from typer.testing import CliRunner

from gapcoach.batch import Cohort, assess_many, expand_inputs
from gapcoach.cli import app

runner = CliRunner()


@pytest.fixture
def team(tmp_path: Path) -> Path:
    """A folder with the five personas and one broken file."""
    folder = tmp_path / "team"
    folder.mkdir()
    for resume in sorted((EXAMPLES / "resumes").glob("*.txt")):
        shutil.copy(resume, folder / resume.name)
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02\x03 not a resume")
    return folder


class TestBatchCommand:
    """The CLI over a folder with one bad file."""

    def test_jsonl_keeps_input_order_and_reports_failures(
        self, team: Path, tmp_path: Path
    ) -> None:
        """One JSON line per input, in order; the broken one carries its error; exit 1."""
        out = tmp_path / "out.jsonl"
        result = runner.invoke(app, ["batch", str(team), "-o", str(out)])
        assert result.exit_code == 1
        lines = [json.loads(line) for line in out.read_text().splitlines()]
        names = [Path(line.get("file") or line["input"]["file"]).name for line in lines]
        assert names == sorted(p.name for p in team.iterdir())
        broken = next(line for line in lines if "error" in line)
        assert "binary" in broken["error"]
        assert "5 of 6 assessed, 1 failed" in " ".join(result.stdout.split())

    def test_csv_has_one_row_per_person_and_role(
        self, team: Path, tmp_path: Path
    ) -> None:
        """Five people x two roles + one error row, with the top three gaps."""
        out = tmp_path / "out.csv"
        runner.invoke(app, ["batch", str(team), "-o", str(out)])
        rows = list(csv.DictReader(io.StringIO(out.read_text())))
        assert len(rows) == 5 * 2 + 1
        agent = next(
            r
            for r in rows
            if r["file"].endswith("agent.txt") and r["role"] == "call-center-director"
        )
        assert agent["band"] == "Early"
        report = json.loads(
            runner.invoke(
                app,
                [
                    "assess",
                    agent["file"],
                    "--role",
                    "call-center-director",
                    "-f",
                    "json",
                ],
            ).stdout
        )["assessments"][0]
        # gaps by name and readiness in whole points, as the other views show them
        assert agent["gap_1"] == report["gaps"][0]["name"]
        assert agent["readiness"] == f"{report['readiness']:.0f}"

    def test_all_good_exits_0(self, tmp_path: Path) -> None:
        """A batch with no failures exits 0 and prints the team summary."""
        out = tmp_path / "out.jsonl"
        result = runner.invoke(
            app,
            [
                "batch",
                str(EXAMPLES / "resumes" / "*.txt"),
                "--role",
                "call-center-director",
                "-o",
                str(out),
            ],
        )
        assert result.exit_code == 0, result.stderr
        assert "Team summary" in result.stdout
        assert len(out.read_text().splitlines()) == 5

    def test_html_team_view(self, team: Path, tmp_path: Path) -> None:
        """The HTML output is the self-contained team page."""
        out = tmp_path / "team.html"
        runner.invoke(
            app, ["batch", str(team), "-o", str(out), "--role", "call-center-director"]
        )
        page = out.read_text()
        assert page.startswith("<!DOCTYPE html>")
        for heading in (
            "Mean readiness",
            "Most common gaps",
            "Everyone (5)",
            "Skills, person by person",
        ):
            assert heading in page
        assert "broken.txt" in page

    def test_unknown_output_format_is_a_usage_error(self, tmp_path: Path) -> None:
        """An output without .jsonl/.csv/.html and no --format: exit 2."""
        result = runner.invoke(
            app, ["batch", str(EXAMPLES / "resumes"), "-o", str(tmp_path / "x.txt")]
        )
        assert result.exit_code == 2

    def test_glob_that_matches_nothing(self, tmp_path: Path) -> None:
        """A pattern with no match is an input error."""
        result = runner.invoke(
            app, ["batch", str(tmp_path / "*.pdf"), "-o", str(tmp_path / "o.jsonl")]
        )
        assert result.exit_code == 1
        assert "matches no file" in result.stderr

    def test_ratings_dir_pairs_by_stem(self, tmp_path: Path) -> None:
        """--ratings-dir gives supervisor.txt the ratings in supervisor.yaml."""
        ratings = tmp_path / "ratings"
        ratings.mkdir()
        shutil.copy(
            EXAMPLES / "ratings" / "supervisor-ratings.yaml",
            ratings / "supervisor.yaml",
        )
        out = tmp_path / "out.jsonl"
        runner.invoke(
            app,
            [
                "batch",
                str(EXAMPLES / "resumes" / "supervisor.txt"),
                "--ratings-dir",
                str(ratings),
                "-o",
                str(out),
            ],
        )
        assert json.loads(out.read_text())["input"]["ratings"] is True


class TestParallel:
    """Results do not depend on the number of processes."""

    def test_jobs_2_equals_jobs_1(self, team: Path) -> None:
        """--jobs 2 yields the same results, in the same order, as --jobs 1."""
        paths = expand_inputs([str(team)])
        one = [
            r.assessment.model_dump_json() if r.assessment else r.error
            for r in assess_many(paths, jobs=1)
        ]
        two = [
            r.assessment.model_dump_json() if r.assessment else r.error
            for r in assess_many(paths, jobs=2)
        ]
        assert one == two

    def test_cohort_keeps_everyone_small(self) -> None:
        """
        The team view keeps every person (the old one kept the 10 closest), each as a
        small summary: a name, three gap names and one byte per skill.
        """
        cohort = Cohort()
        paths = expand_inputs([str(EXAMPLES / "resumes")]) * 30
        for result in assess_many(paths, role="call-center-director"):
            cohort.add(result)
        assert cohort.n_files == 150
        roster = cohort.roster("call-center-director")
        assert len(roster) == 150
        assert cohort.readiness_n["call-center-director"] == 150
        assert [p.readiness for p in roster] == sorted(
            (p.readiness for p in roster), reverse=True
        )
        columns = cohort.skills["call-center-director"]
        assert all(len(p.levels) == len(columns) for p in roster)
        assert {p.person for p in roster} >= {"Renata Vasquez-Holm", "Priya Castellano"}
        assert all(len(p.top_gaps) <= 3 for p in roster)


class TestReportDir:
    """`batch --report-dir`: each person's own report, linked from the team view."""

    def test_writes_one_report_per_person_and_links_them(
        self, team: Path, tmp_path: Path
    ) -> None:
        """Five reports named after the inputs; the team page links each by name."""
        out = tmp_path / "site" / "team.html"
        out.parent.mkdir()
        reports = tmp_path / "site" / "people"
        result = runner.invoke(
            app,
            ["batch", str(team), "-o", str(out), "--report-dir", str(reports)],
        )
        assert result.exit_code == 1  # broken.txt failed; the others were written
        written = sorted(p.name for p in reports.iterdir())
        assert written == [
            "agent.html",
            "director.html",
            "ops-manager.html",
            "software-engineer.html",
            "supervisor.html",
        ]
        assert "Wrote 5 personal reports" in result.stderr
        page = out.read_text(encoding="utf-8")
        assert '<a href="people/supervisor.html">Renata Vasquez-Holm</a>' in page
        supervisor = (reports / "supervisor.html").read_text(encoding="utf-8")
        assert "<h1>gapcoach assessment: Renata Vasquez-Holm</h1>" in supervisor

    def test_two_inputs_with_one_stem_get_two_reports(self, tmp_path: Path) -> None:
        """a/alex.txt and b/alex.txt -> alex.html and alex-2.html, in input order."""
        from gapcoach.batch import report_names

        names = report_names([Path("a/alex.txt"), Path("b/alex.txt"), Path("Alex.md")])
        assert names == {
            "a/alex.txt": "alex.html",
            "b/alex.txt": "alex-2.html",
            "Alex.md": "Alex-3.html",
        }

    def test_a_report_that_would_replace_the_output_is_refused(
        self, tmp_path: Path
    ) -> None:
        """team.txt's report would be team.html, the output itself: refused, no work."""
        folder = tmp_path / "in"
        folder.mkdir()
        shutil.copy(EXAMPLES / "resumes" / "agent.txt", folder / "team.txt")
        out = tmp_path / "team.html"
        result = runner.invoke(
            app,
            ["batch", str(folder), "-o", str(out), "--report-dir", str(tmp_path)],
        )
        assert result.exit_code == 1
        assert result.stderr.startswith("Error: ")
        assert "team.html" in result.stderr
        assert not out.exists()

    def test_a_report_dir_that_is_a_file_is_one_error_line(
        self, team: Path, tmp_path: Path
    ) -> None:
        """A file where the folder should be: one Error line, exit 1, nothing written."""
        blocker = tmp_path / "people"
        blocker.write_text("keep me", encoding="utf-8")
        out = tmp_path / "team.html"
        result = runner.invoke(
            app, ["batch", str(team), "-o", str(out), "--report-dir", str(blocker)]
        )
        assert result.exit_code == 1
        assert result.stderr.startswith("Error: Cannot write reports into")
        assert len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.stderr
        assert blocker.read_text(encoding="utf-8") == "keep me"
        assert not out.exists()
