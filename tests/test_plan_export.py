"""
A plan you can use (issue 22, point 7): `gapcoach plan` exports the recommended role's
steps as a calendar, a spreadsheet or a Markdown checklist, dated from a start day.
"""

import csv
import io
import json
from datetime import date, timedelta

import pytest
from helpers import EXAMPLES, run_gapcoach

AGENT = str(EXAMPLES / "resumes" / "agent.txt")


def _report() -> dict[str, object]:
    done = run_gapcoach("assess", AGENT, "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert isinstance(data, dict)
    return data


def test_ics_is_a_calendar_of_the_recommended_plan() -> None:
    done = run_gapcoach("plan", AGENT, "--format", "ics", "--start", "2027-01-04")
    assert done.returncode == 0, done.stderr
    text = done.stdout
    raw = text.replace("\n", "\r\n") if "\r\n" not in text else text
    lines = raw.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR"
    assert lines[-2] == "END:VCALENDAR"
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    report = _report()
    steps = report["assessments"][0]["plan"]["steps"]  # type: ignore[index]
    assert text.count("BEGIN:VEVENT") == len(steps) > 0
    unfolded = raw.replace("\r\n ", "")
    starts = [
        line.split(":", 1)[1]
        for line in unfolded.split("\r\n")
        if line.startswith("DTSTART;VALUE=DATE:")
    ]
    expected = [
        (date(2027, 1, 4) + timedelta(weeks=step["start_week"])).strftime("%Y%m%d")
        for step in steps
    ]
    assert starts == expected
    summaries = [
        line.removeprefix("SUMMARY:").replace("\\,", ",").replace("\\;", ";")
        for line in unfolded.split("\r\n")
        if line.startswith("SUMMARY:")
    ]
    assert summaries[0] == f"1. {steps[0]['action']}"


def test_csv_lists_every_step_with_its_start_date() -> None:
    done = run_gapcoach("plan", AGENT, "--format", "csv", "--start", "2027-01-04")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    steps = _report()["assessments"][0]["plan"]["steps"]  # type: ignore[index]
    assert [row["action"] for row in rows] == [step["action"] for step in steps]
    assert rows[0]["start"] == "2027-01-04"
    assert all(date.fromisoformat(row["start"]) >= date(2027, 1, 4) for row in rows)


def test_markdown_is_a_checklist() -> None:
    done = run_gapcoach("plan", AGENT)
    assert done.returncode == 0, done.stderr
    boxes = [line for line in done.stdout.splitlines() if line.startswith("- [ ] ")]
    steps = _report()["assessments"][0]["plan"]["steps"]  # type: ignore[index]
    assert len(boxes) == len(steps)
    assert "from week 0" in done.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "pdf"], "use ics, csv or md"),
        (["--start", "next monday"], "is not a date"),
    ],
)
def test_bad_options(args: list[str], message: str) -> None:
    done = run_gapcoach("plan", AGENT, *args)
    assert done.returncode == 2
    assert message in done.stderr


def test_missing_resume_is_one_error_line(tmp_path: object) -> None:
    done = run_gapcoach("plan", "no-such-resume.txt", "--format", "ics")
    assert done.returncode == 1
    assert done.stderr.startswith("Error: ")
    assert len(done.stderr.strip().splitlines()) == 1
