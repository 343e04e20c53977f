"""
PDF resumes, made by fpdf2 and pypdf.
"""

import time
from pathlib import Path

import pytest
from fixtures_ingest import (
    RESUME_LINES,
    job_table,
    make_blank_pages_pdf,
    make_encrypted_pdf,
    make_pdf,
)

from gapcoach import InputError
from gapcoach.ingest import (
    read_resume,
)


class TestPdf:
    def test_text_pdf(self, tmp_path: Path) -> None:
        """A PDF made by fpdf2 reads line by line, jobs included."""
        document = read_resume(make_pdf(tmp_path, RESUME_LINES))
        assert [line.text for line in document.lines] == [
            line.removeprefix("- ").replace("    ", " ") for line in RESUME_LINES
        ]
        assert job_table(document) == [
            ("Call Center Supervisor", "2020-01", None, 83),
            ("Customer Service Representative", "2016-03", "2019-12", 46),
        ]

    def test_owner_password_only(self, tmp_path: Path) -> None:
        """A PDF with only an owner password (empty user password) opens normally."""
        path = make_encrypted_pdf(tmp_path, user_password="")
        assert read_resume(path).current_title == "Call Center Supervisor"

    def test_many_pages_refused_fast(self, tmp_path: Path) -> None:
        """A 2,000-page PDF is refused from its page count, before any extraction."""
        path = make_blank_pages_pdf(tmp_path, 2000)
        started = time.perf_counter()
        with pytest.raises(InputError) as caught:
            read_resume(path)
        assert time.perf_counter() - started < 1.0
        assert str(caught.value) == (
            f"{path} has 2,000 pages; the limit is 100. Pass the resume alone, "
            "not a whole document."
        )
