"""
Date ranges of a work history.
"""

import pytest
from fixtures_ingest import job_table, one_job
from helpers import cases

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
