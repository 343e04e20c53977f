"""
Jobs found in a work history, in every layout, and reading speed.
"""

import json
import time
from pathlib import Path

import pytest
from fixtures_ingest import (
    FIXTURES,
    job_table,
    make_docx,
    make_pdf,
    one_job,
)
from helpers import EXAMPLES

from gapcoach.ingest import (
    read_resume,
)
from gapcoach.models import Document, Seniority


class TestJobs:
    def test_livecareer_layouts(self) -> None:
        """Dates before, after and on the title line, and split over three lines."""
        document = read_resume(FIXTURES / "livecareer.txt")
        assert [
            (job.title, job.employer, job.start, job.end, job.line)
            for job in document.jobs
        ] == [
            ("Customer Care Representative", "Company Name", "2019-08", None, 9),
            ("Benefit Advocate", "Company Name", "2016-03", "2019-07", 11),
            ("Front Desk Clerk", "Company Name", "2014-01", "2016-02", 14),
            ("Cashier", "Company Name", "2012-10", "2013-12", 19),
        ]

    def test_employer_line_and_pipes(self) -> None:
        """An employer line above the title, and "Title | Employer | dates" rows."""
        document = read_resume(
            "Jo Smith\nExperience\nAcme Health - Omaha, NE\n"
            "Call Center Supervisor   Nov 2023 - Present\n- Coached 9 agents.\n"
            "Customer Service Agent | Teletech | 2015 – 2018\n- Took calls.\n"
        )
        assert [(job.title, job.employer) for job in document.jobs] == [
            ("Call Center Supervisor", "Acme Health"),
            ("Customer Service Agent", "Teletech"),
        ]

    def test_title_above_employer_and_dates(self) -> None:
        """A title line followed by "Employer (Remote) | dates"."""
        document = read_resume(
            "Experience\nTeam Lead, Client Support\nNorthwind Staffing (Remote) | 2022 – 2024\n"
            "- Led a team of 15-25 agents.\n"
        )
        assert [(job.title, job.employer, job.start) for job in document.jobs] == [
            ("Team Lead, Client Support", "Northwind Staffing", "2022-01")
        ]

    def test_overlaps_counted_once(self) -> None:
        """Overlapping jobs count once in years_experience."""
        document = read_resume(
            "Experience\nCustomer Service Representative  01/2010 - 12/2014\n- Calls.\n"
            "Weekend Call Center Agent  01/2012 - 12/2016\n- Inbound calls.\n"
            "Cashier  01/2020 - 12/2020\n- Ran the register at the store.\n"
        )
        assert document.years_experience == 8.0
        assert document.relevant_years == 7.0

    def test_repeated_history_deduplicated(self) -> None:
        """A history listed twice yields each job once."""
        block = "Customer Service Agent , 11/2020 to Current\n- Answered calls.\n"
        document = read_resume(
            "Experience\n" + block + "Skills\nExcel\nExperience\n" + block
        )
        assert len(document.jobs) == 1

    def test_no_jobs_uses_headline(self) -> None:
        """Without dated jobs, the headline is the current title."""
        document = read_resume(
            "JO SMITH\nCall Center Supervisor\nSummary\nI supervise 12 agents on inbound calls.\n"
        )
        assert document.jobs == []
        assert document.years_experience is None
        assert (document.current_title, document.current_level) == (
            "Call Center Supervisor",
            Seniority.SUPERVISOR,
        )

    def test_date_in_a_sentence_is_not_a_job(self) -> None:
        """A date range inside a long description line does not make a job."""
        document = read_resume(
            "Experience\nConfigured the Windows servers that ran from 2003 to 2008 across "
            "every branch office for the regional operations team and its vendors.\n"
        )
        assert document.jobs == []

    def test_most_recent_first(self) -> None:
        """Jobs are ordered most recent first, whatever the page order."""
        document = read_resume(
            "Experience\nCustomer Service Representative  2010 - 2012\n- Calls.\n"
            "Call Center Supervisor  2013 - Present\n- Coached agents.\n"
        )
        assert [job.title for job in document.jobs] == [
            "Call Center Supervisor",
            "Customer Service Representative",
        ]
        assert document.current_title == "Call Center Supervisor"


class TestLayouts:
    def test_start_date_alone_means_ongoing(self) -> None:
        """A title followed by a lone start date is a job that is still going on."""
        document = one_job(
            "Company Name City , State Shared Services Supervisor 01/2014"
        )
        assert job_table(document) == [
            ("Shared Services Supervisor", "2014-01", None, 155)
        ]

    def test_split_start_and_present(self) -> None:
        """A start date on one line and "to Current" / "- Present" on the next."""
        for tail in ("to Current", "- Present"):
            document = read_resume(
                f"Experience\nJuly 2015\n{tail}\nCompany Name City , State Supervisor\n"
                "- Ran the call center floor.\n"
            )
            assert job_table(document) == [("Supervisor", "2015-07", None, 137)]

    def test_two_ranges_on_one_line(self) -> None:
        """Two jobs on one line each take the title written before their dates."""
        document = read_resume(
            "Experience\nSupervisor June 2004 - Mar 2005 Consumer Support Supervisor "
            "May 2000 - June 2004\n- Ran inbound queues.\n"
        )
        assert [(job.title, job.start) for job in document.jobs] == [
            ("Supervisor", "2004-06"),
            ("Consumer Support Supervisor", "2000-05"),
        ]

    def test_title_before_dates_in_a_long_line(self) -> None:
        """In a long run-on line, a short title before the dates still makes a job."""
        document = read_resume(
            "Work Experience Customer Service Call Center, May 2011 to Jul 2012 Westside "
            "Motors, Organized weekly sales reports for the sales department to track "
            "product success and answered inbound calls.\n"
        )
        assert [(job.title, job.start, job.end) for job in document.jobs] == [
            ("Customer Service Call Center", "2011-05", "2012-07")
        ]

    def test_employer_title_place_dates(self) -> None:
        """Employer, title and place on their own lines, then the dates in parentheses."""
        document = read_resume(
            "WORK EXPERIENCE:\nBrightpath Controls\nCustomer Support Manager\n"
            "Richardson, TX\n(October 2016 - Present)\nManaged call center operations.\n"
        )
        assert [(job.title, job.employer, job.start) for job in document.jobs] == [
            ("Customer Support Manager", "Brightpath Controls", "2016-10")
        ]

    def test_since_with_title(self) -> None:
        """A title followed by "Since 2019" is an ongoing job."""
        assert job_table(one_job("Call Center Supervisor, since March 2019")) == [
            ("Call Center Supervisor", "2019-03", None, 93)
        ]

    def test_current_title_placed_from_history(self) -> None:
        """A silent current job is placed on the ladder when the history is contact-center work."""
        document = read_resume(
            "Experience\nDirector, Business Development  January 2013 to Current\n"
            "- Built a pipeline of hospital clients.\n"
            "Call Center Manager  January 2011 to January 2013\n"
            "- Ran the call center floor of 40 agents.\n"
        )
        assert document.jobs[0].level is Seniority.OUTSIDE
        assert document.current_level is Seniority.DIRECTOR

    def test_soft_hyphen_and_markdown_rule(self) -> None:
        """A soft hyphen at a line end joins the word; a Markdown rule becomes a blank line."""
        document = read_resume(
            "# Summary\n\nManaged the work\u00ad\nforce plan.\n\n---\n## Skills\n"
            "- Coached agents\n"
        )
        assert document.format == "md"
        assert [(line.number, line.text) for line in document.lines] == [
            (1, "Summary"),
            (3, "Managed the workforce plan."),
            (7, "Skills"),
            (8, "Coached agents"),
        ]

    def test_docx_multi_paragraph_cells(self, tmp_path: Path) -> None:
        """Table cells with several paragraphs are read cell by cell, paragraph by paragraph."""
        from docx import Document as new_docx

        document = new_docx()
        document.add_paragraph("Experience")
        cells = document.add_table(rows=1, cols=2).rows[0].cells
        cells[0].text = "Team Lead"
        cells[0].add_paragraph("2019 - 2021")
        cells[1].text = "Acme Health"
        path = tmp_path / "cells.docx"
        document.save(str(path))
        texts = [line.text for line in read_resume(path).lines]
        assert texts == ["Experience", "Team Lead", "2019 - 2021", "Acme Health"]


class TestSpeed:
    def test_text_resume_under_20_ms(self) -> None:
        """Reading a text resume takes less than 20 ms (best of five, after warm-up)."""
        path = FIXTURES / "supervisor.txt"
        read_resume(FIXTURES / "mojibake.txt")  # import ftfy & co once
        timings = []
        for _ in range(5):
            started = time.perf_counter()
            read_resume(path)
            timings.append(time.perf_counter() - started)
        assert min(timings) < 0.020


HISTORY = FIXTURES / "history"
EXPECTED = json.loads((HISTORY / "expected.json").read_text(encoding="utf-8"))
LAYOUTS = sorted(name for name in EXPECTED if not name.startswith("_"))


def _jobs(document: Document) -> list[list[object]]:
    return [
        [job.title, job.employer, job.start, job.end, job.relevant]
        for job in document.jobs
    ]


class TestLayoutResumes:
    """
    Each work-history layout and date style a person writes in (the work-history issue's
    list) reads as the same jobs: stacked lines, prose, dates in brackets, a promotion
    on one line, ISO, dotted, slashed, quarters, seasons, months in other languages.
    """

    @pytest.mark.parametrize("name", LAYOUTS)
    def test_text(self, name: str) -> None:
        document = read_resume(HISTORY / name, today=(2026, 11))
        assert _jobs(document) == EXPECTED[name]

    @pytest.mark.parametrize("name", ["stacked.txt", "narrative.txt"])
    def test_pdf_and_docx(self, name: str, tmp_path: Path) -> None:
        """The same resume as a real PDF (fpdf2) and a real DOCX (python-docx)."""
        lines = (HISTORY / name).read_text(encoding="utf-8").splitlines()
        pdf = make_pdf(tmp_path, lines, name="resume.pdf")
        docx = make_docx(tmp_path, lines, name="resume.docx")
        for path in (pdf, docx):
            document = read_resume(path, today=(2026, 11))
            assert _jobs(document) == EXPECTED[name], path.suffix

    def test_employer_named_once_above_several_roles(self) -> None:
        """Roles under one employer line share it; the next employer line starts anew."""
        document = read_resume(EXAMPLES / "resumes" / "supervisor.txt")
        assert [job.employer for job in document.jobs] == [
            "Ridgewater Mutual Insurance",
            "Ridgewater Mutual Insurance",
            "Calder Valley Energy",
        ]

    def test_job_lines(self) -> None:
        """Each job names the line its title stands on."""
        document = read_resume(HISTORY / "stacked.txt", today=(2026, 11))
        lines = document.text.splitlines()
        assert [lines[job.line - 1] for job in document.jobs] == [
            "Customer Service Representative II",
            "Customer Service Representative I",
            "Cashier",
        ]
