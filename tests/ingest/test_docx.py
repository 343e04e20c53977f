"""
Word resumes, made by python-docx.
"""

from pathlib import Path

from fixtures_ingest import (
    job_table,
    make_docx,
)

from gapcoach.ingest import (
    read_resume,
)


class TestDocx:
    def test_paragraphs_tables_text_boxes_header(self, tmp_path: Path) -> None:
        """Paragraphs, table rows, text boxes and the header are all read, once each."""
        path = make_docx(
            tmp_path,
            ["JANE ROE", "Experience", "Team Lead    2019 - Present"],
            table=[["Jan 2015 - Dec 2018", "Customer Service Representative"]],
            text_box="Call Center Supervisor 2012 - 2014",
            header="Jane Roe | jane@example.com",
        )
        document = read_resume(path)
        texts = [line.text for line in document.lines]
        assert texts == [
            "Jane Roe | jane@example.com",
            "JANE ROE",
            "Experience",
            "Team Lead 2019 - Present",
            "Call Center Supervisor 2012 - 2014",
            "Jan 2015 - Dec 2018 | Customer Service Representative",
        ]
        assert job_table(document) == [
            ("Team Lead", "2019-01", None, 95),
            ("Customer Service Representative", "2015-01", "2018-12", 48),
            ("Call Center Supervisor", "2012-01", "2014-01", 25),
        ]
