"""
Date ranges of a work history.
"""

import json
import subprocess
import sys

import pytest
from fixtures_ingest import FIXTURES, job_table, one_job
from helpers import EXAMPLES, cases

from gapcoach.ingest import (
    TODAY,
    read_resume,
)


class TestDates:
    @pytest.mark.parametrize(
        ("dates", "start", "end", "months"),
        cases("dates", "dates", "start", "end", "months"),
    )
    def test_formats(
        self, dates: str, start: str, end: str | None, months: int
    ) -> None:
        """Every common date-range format gives YYYY-MM start/end and inclusive months."""
        document = one_job(f"Customer Service Representative  {dates}")
        assert job_table(document) == [
            ("Customer Service Representative", start, end, months)
        ]

    def test_today_override(self) -> None:
        """today= moves "Present", so the numbers stay deterministic."""
        assert TODAY == (2026, 11)
        document = read_resume(
            "EXPERIENCE\nAgent  01/2020 - Present\n", today=(2020, 12)
        )
        assert document.jobs[0].months == 12
        assert document.years_experience == 1.0

    def test_future_end_is_present(self) -> None:
        """An end after today counts as "present"."""
        assert one_job("Agent  01/2020 - 12/2040").jobs[0].end is None

    def test_end_before_start_is_ignored(self) -> None:
        """A range that ends before it starts is a typo, not a job."""
        assert one_job("Agent  12/2019 - 01/2015").jobs == []


_MODULES_AFTER = """
import json, sys
from pathlib import Path
from gapcoach.cli import main
if sys.argv[1] == "help":
    sys.argv = ["gapcoach", "--help"]
    try:
        main()
    except SystemExit:
        pass
else:
    from gapcoach.ingest import read_resume
    read_resume(Path(sys.argv[1]))
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def _modules_after(argument: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", _MODULES_AFTER, argument],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


class TestDateLibrary:
    """dateparser's month names cost 0.2 s to load: only a resume that needs them pays."""

    def test_help_imports_no_date_library(self) -> None:
        assert not {"dateparser", "gapcoach.ingest"} & _modules_after("help")

    def test_english_resume_imports_no_date_library(self) -> None:
        modules = _modules_after(str(EXAMPLES / "resumes" / "supervisor.txt"))
        assert "gapcoach.ingest" in modules
        assert "dateparser" not in modules

    def test_foreign_months_load_it(self) -> None:
        modules = _modules_after(str(FIXTURES / "history" / "date-styles.txt"))
        assert "dateparser" in modules
