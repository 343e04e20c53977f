"""
Tests of the ingest stage: reading resumes into Documents, and its error messages.
"""

import io
import os
import sys
import time
import zipfile
from pathlib import Path

import pytest
from fixtures_ingest import (
    FIXTURES,
    RESUME_LINES,
    make_blank_pages_pdf,
    make_docx,
    make_encrypted_pdf,
    make_image_only_pdf,
    make_pdf,
    make_zip,
    make_zip_bomb,
    pdf_bytes,
    write_bytes,
)
from helpers import fail_os_open
from typer.testing import CliRunner

from gapcoach import Document, InputError
from gapcoach.cli import app
from gapcoach.ingest import (
    MAX_FILE_BYTES,
    TODAY,
    ResumeFormat,
    read_resume,
    title_seniority,
)
from gapcoach.models import Seniority

RESUME_TEXT = "\n".join(RESUME_LINES) + "\n"


def job_table(document: Document) -> list[tuple[str, str, str | None, int]]:
    return [(job.title, job.start, job.end, job.months) for job in document.jobs]


def one_job(header: str) -> Document:
    return read_resume(f"PAT DOE\nEXPERIENCE\n{header}\n- Answered 80 calls a day.\n")


class TestSources:
    def test_path(self) -> None:
        """A Path is read as a file and named after it."""
        document = read_resume(FIXTURES / "supervisor.txt")
        assert document.name == "supervisor.txt"
        assert document.format == "txt"
        assert document.current_title == "Call Center Supervisor"

    def test_text(self) -> None:
        """Any string other than "-" is the resume text itself."""
        document = read_resume(RESUME_TEXT)
        assert document.name == "<text>"
        assert document.lines[0].text == "ALEX RIVERA"

    def test_bytes_are_sniffed(self) -> None:
        """Bytes are a file's content; a PDF is recognised by its magic, not a name."""
        document = read_resume(pdf_bytes(RESUME_LINES), name="upload")
        assert document.format == "pdf"
        assert document.name == "upload"
        assert document.current_level is Seniority.SUPERVISOR

    def test_stdin(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The string "-" reads bytes from standard input."""
        stream = io.TextIOWrapper(io.BytesIO(RESUME_TEXT.encode("utf-8")))
        monkeypatch.setattr(sys, "stdin", stream)
        document = read_resume("-")
        assert document.name == "<stdin>"
        assert document.current_title == "Call Center Supervisor"

    def test_name_override(self) -> None:
        """name= replaces the document name."""
        assert read_resume(FIXTURES / "supervisor.txt", name="me.txt").name == "me.txt"

    def test_sha256_of_input_bytes(self) -> None:
        """The hash is of the bytes read, so the same file always hashes the same."""
        import hashlib

        data = (FIXTURES / "supervisor.txt").read_bytes()
        assert read_resume(data).sha256 == hashlib.sha256(data).hexdigest()

    def test_wrong_type(self) -> None:
        """A source that is not a Path, str or bytes is a programming error."""
        with pytest.raises(TypeError, match="takes a Path, str or bytes, not int"):
            read_resume(42)  # type: ignore[arg-type]


class TestFormats:
    def test_markdown(self) -> None:
        """A .md file is read as Markdown: heading marks and emphasis go."""
        document = read_resume(FIXTURES / "director.md")
        assert document.format == "md"
        assert document.lines[0].text == "Priya Okonkwo-Hale"
        assert document.lines[1].text == "Director of Customer Care · Denver, CO"
        assert document.sections == ["summary", "experience", "skills"]

    def test_docx_bytes_are_sniffed(self, tmp_path: Path) -> None:
        """Zip bytes holding word/document.xml are read as a .docx."""
        path = make_docx(tmp_path, RESUME_LINES)
        assert read_resume(path.read_bytes()).format == "docx"

    def test_pdf_with_wrong_extension(self, tmp_path: Path) -> None:
        """Content wins over the extension: a PDF saved as .txt is still a PDF."""
        path = write_bytes(tmp_path, "resume.txt", pdf_bytes(RESUME_LINES))
        assert read_resume(path).format == "pdf"

    def test_text_named_pdf_is_refused(self, tmp_path: Path) -> None:
        """A file named .pdf that is not a PDF is a broken PDF, not silently text."""
        path = write_bytes(tmp_path, "resume.pdf", RESUME_TEXT.encode("utf-8"))
        with pytest.raises(InputError, match="is not a valid PDF"):
            read_resume(path)

    def test_text_without_a_promising_suffix_is_sniffed(self, tmp_path: Path) -> None:
        """A text file with an unknown suffix is read as text."""
        path = write_bytes(tmp_path, "resume.dat", RESUME_TEXT.encode("utf-8"))
        assert read_resume(path).format == "txt"

    def test_forced_format(self, tmp_path: Path) -> None:
        """format= forces a reader even when the content says otherwise."""
        path = write_bytes(tmp_path, "resume.txt", RESUME_TEXT.encode("utf-8"))
        with pytest.raises(InputError) as caught:
            read_resume(path, format=ResumeFormat.PDF)
        assert str(caught.value) == (
            f"{path} is not a valid PDF (corrupt or truncated); re-export it from the "
            "original program or save it as text."
        )

    def test_format_values(self) -> None:
        """ResumeFormat is a StrEnum of the four readable formats."""
        assert [member.value for member in ResumeFormat] == ["txt", "md", "pdf", "docx"]


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


class TestEncodings:
    TEXT = "RENÉE FAÇADE\nSummary\nAgent – “top” CSAT, café hours.\n"

    @pytest.mark.parametrize(
        ("encoding", "prefix"),
        [
            ("utf-8", b""),
            ("utf-8", b"\xef\xbb\xbf"),
            ("utf-16-le", b"\xff\xfe"),
            ("utf-16-be", b"\xfe\xff"),
            ("cp1252", b""),
        ],
        ids=["utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "cp1252"],
    )
    def test_decoded(self, encoding: str, prefix: bytes) -> None:
        """UTF-8 with or without BOM, UTF-16 with a BOM and cp1252 all decode."""
        document = read_resume(prefix + self.TEXT.encode(encoding))
        assert document.text == self.TEXT.rstrip("\n") + "\n"

    def test_latin1(self) -> None:
        """Latin-1 bytes that are not UTF-8 decode through the charset guess."""
        text = (
            "José Muñoz\nCustomer Service Representative\nAtención al cliente, señal.\n"
        )
        assert read_resume(text.encode("latin-1")).lines[0].text == "José Muñoz"

    def test_nfc(self) -> None:
        """Decomposed accents are composed (NFC)."""
        assert read_resume("Rene\u0301e Smith\n").lines[0].text == "Ren\u00e9e Smith"


class TestNormalisation:
    def test_mojibake_repaired(self) -> None:
        """ftfy repairs UTF-8 read as cp1252 ("EspaÃ±ol â€“" -> "Español –")."""
        document = read_resume(FIXTURES / "mojibake.txt")
        assert document.lines[2].text == (
            "Bilingual rep who helps customers in English and Español – six years on the "
            "phones."
        )
        assert document.lines[4].text == (
            "Customer Service Representative 01/2020 to Current Company Name - City , State"
        )

    def test_dehyphenation_keeps_first_line_number(self) -> None:
        """A word split across lines is joined onto the first line, which keeps its number."""
        document = read_resume("Summary\nManaged the work-\nforce plan for 3 sites.\n")
        assert document.text.splitlines() == [
            "Summary",
            "Managed the workforce",
            "plan for 3 sites.",
        ]
        assert [(line.number, line.text) for line in document.lines] == [
            (1, "Summary"),
            (2, "Managed the workforce plan for 3 sites."),
        ]

    def test_wrapped_sentence_is_one_logical_line(self) -> None:
        """A sentence wrapped mid-phrase is one line for matching, numbered by its start."""
        document = read_resume(
            "EXPERIENCE\n- Sat with families who were angry and\ntalked them down.\n"
            "- Coached agents\n- Ran the floor\nAcme Corp\n"
        )
        assert [(line.number, line.text) for line in document.lines] == [
            (1, "EXPERIENCE"),
            (2, "Sat with families who were angry and talked them down."),
            (4, "Coached agents"),
            (5, "Ran the floor"),
            (6, "Acme Corp"),
        ]

    def test_dehyphenation_keeps_compound_hyphen(self) -> None:
        """A hyphen after a compound prefix stays ("self-\\nmotivated")."""
        document = read_resume("Summary\nA self-\nmotivated agent\n")
        assert document.text.splitlines()[1] == "A self-motivated"

    def test_capitalised_next_line_is_not_joined(self) -> None:
        """A dash before a capitalised line is a separator, not a split word."""
        assert read_resume("Acme-\nBoston\n").lines[0].text == "Acme-"

    @pytest.mark.parametrize("bullet", ["•", "\uf0b7", "▪", "◦", "●", "-", "*"])
    def test_bullets_removed(self, bullet: str) -> None:
        """Bullet glyphs at the start of a line are removed."""
        document = read_resume(f"Summary\n{bullet} Coached new hires\n")
        assert document.lines[1].text == "Coached new hires"

    def test_whitespace_folded(self) -> None:
        """Runs of spaces and tabs fold into one space; blank lines are kept out of lines."""
        document = read_resume("Team   Lead\t\t2019 -  2021\n\n\n  Acme  \n")
        assert [(line.number, line.text) for line in document.lines] == [
            (1, "Team Lead 2019 - 2021"),
            (4, "Acme"),
        ]

    def test_line_numbers_index_the_text(self) -> None:
        """Every line's number points at where its text starts in Document.text."""
        document = read_resume(FIXTURES / "livecareer.txt")
        text_lines = document.text.split("\n")
        for line in document.lines:
            first = text_lines[line.number - 1]
            assert line.text.startswith(first)
            following = text_lines[line.number : line.number + line.text.count(" ") + 1]
            assert line.text == " ".join([first, *following])[: len(line.text)]

    def test_windows_line_endings(self) -> None:
        """CRLF and CR line ends count as one line break each."""
        document = read_resume("A\r\nB\rC\n")
        assert [(line.number, line.text) for line in document.lines] == [
            (1, "A"),
            (2, "B"),
            (3, "C"),
        ]


class TestSections:
    @pytest.mark.parametrize(
        ("heading", "section"),
        [
            ("PROFESSIONAL EXPERIENCE", "experience"),
            ("Work History", "experience"),
            ("Employment History:", "experience"),
            ("Core Competencies", "skills"),
            ("Areas of Expertise", "skills"),
            ("Highlights", "skills"),
            ("Qualifications", "skills"),
            ("Accomplishments", "experience"),
            ("Licenses & Certifications", "certifications"),
            ("CERTIFICATIONS", "certifications"),
            ("Education and Training", "education"),
            ("Career Overview", "summary"),
            ("Objective / Top Skills", "summary"),
            ("Languages", "other"),
            ("E X P E R I E N C E", "experience"),
        ],
    )
    def test_heading_styles(self, heading: str, section: str) -> None:
        """Real resumes' heading styles (caps, title case, colon, spaced) open sections."""
        document = read_resume(f"Jo Smith\n{heading}\nSome line of text\n")
        assert document.lines[2].section == section
        assert document.sections == list(dict.fromkeys(["summary", section]))

    def test_header_is_summary(self) -> None:
        """Lines before the first heading are the "summary" section (the header)."""
        document = read_resume(FIXTURES / "supervisor.txt")
        assert [line.section for line in document.lines[:3]] == ["summary"] * 3
        assert document.sections == [
            "summary",
            "skills",
            "experience",
            "education",
            "certifications",
        ]

    def test_inline_heading(self) -> None:
        """An inline "Skills: Avaya, Verint" opens the skills section and keeps its content."""
        document = read_resume("Jo Smith\nSkills: Avaya, Verint\n")
        assert (document.lines[1].section, document.lines[1].text) == (
            "skills",
            "Skills: Avaya, Verint",
        )

    def test_sentence_is_not_a_heading(self) -> None:
        """A sentence that starts like a heading does not switch sections."""
        document = read_resume("Jo Smith\nExperience with Avaya and Genesys.\n")
        assert document.lines[1].section == "summary"


class TestDates:
    @pytest.mark.parametrize(
        ("dates", "start", "end", "months"),
        [
            ("01/2015 - Present", "2015-01", None, 143),
            ("Jan 2015 – Mar 2018", "2015-01", "2018-03", 39),
            ("January 2015 to March 2018", "2015-01", "2018-03", 39),
            ("2012-2016", "2012-01", "2016-01", 49),
            ("2012 - Current", "2012-01", None, 179),
            ("2019 to current", "2019-01", None, 95),
            ("Since 2019", "2019-01", None, 95),
            ("03/2014 - 12/2018", "2014-03", "2018-12", 58),
            ("Mar '19 – now", "2019-03", None, 93),
            ("Sept. 2016 - Oct. 2017", "2016-09", "2017-10", 14),
            ("(April 2002 - March 2016)", "2002-04", "2016-03", 168),
            ("06/2018 – 02/2021", "2018-06", "2021-02", 33),
        ],
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


class TestInputEdges:
    def test_stdin_terminal(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Reading "-" from an interactive terminal fails at once instead of waiting."""

        class Terminal(io.StringIO):
            def isatty(self) -> bool:
                return True

        monkeypatch.setattr(sys, "stdin", Terminal())
        with pytest.raises(InputError) as caught:
            read_resume("-")
        assert str(caught.value) == (
            "<stdin> is a terminal, not a file; pipe a resume in "
            "(gapcoach read - < resume.txt) or pass its path."
        )

    def test_stdin_text_stream(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A text-only stdin (no .buffer) is read too."""
        monkeypatch.setattr(sys, "stdin", io.StringIO(RESUME_TEXT))
        assert read_resume("-").current_title == "Call Center Supervisor"

    def test_stdin_missing(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """No stdin at all (a GUI process) is reported, not crashed on."""
        monkeypatch.setattr(sys, "stdin", None)
        with pytest.raises(InputError, match=r"^<stdin> is not available; "):
            read_resume("-")

    def test_large_bytes_and_text(self) -> None:
        """Bytes and text over the size limit are refused like files."""
        with pytest.raises(
            InputError, match=r"^<bytes> is 10\.0 MB; the limit is 10 MB"
        ):
            read_resume(b"a" * (MAX_FILE_BYTES + 1))
        with pytest.raises(
            InputError, match=r"^<text> is 10\.0 MB; the limit is 10 MB"
        ):
            read_resume("a" * (MAX_FILE_BYTES + 1))

    @pytest.mark.parametrize(
        ("data", "kind", "fix"),
        [
            (
                b"{\\rtf1 Customer Service}",
                "an RTF document",
                "save it as .docx, .pdf or .txt",
            ),
            (
                b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64),
                "an old Word 97-2003 (.doc) or other Office file",
                "save the resume as .txt, .md, .pdf or .docx",
            ),
        ],
        ids=["rtf", "doc"],
    )
    def test_other_document_formats(self, data: bytes, kind: str, fix: str) -> None:
        """RTF and old .doc files are named, with the way to convert them."""
        with pytest.raises(InputError) as caught:
            read_resume(data, name="cv")
        assert (
            str(caught.value) == f"cv is {kind}, not a resume gapcoach can read; {fix}."
        )

    def test_utf16_without_bom(self) -> None:
        """BOM-less UTF-16 is recognised from its zero bytes."""
        assert (
            read_resume(RESUME_TEXT.encode("utf-16-le")).lines[0].text == "ALEX RIVERA"
        )
        assert (
            read_resume(RESUME_TEXT.encode("utf-16-be")).lines[0].text == "ALEX RIVERA"
        )

    def test_high_bytes_without_nul(self) -> None:
        """Bytes that decode as no text at all are binary, even without NUL bytes."""
        with pytest.raises(InputError, match=r"^<bytes> is a binary file, not text; "):
            read_resume(bytes(range(1, 9)) * 100 + b"abc")

    def test_other_os_error(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Any other OS error while reading names the file and the reason."""
        path = write_bytes(tmp_path, "resume.txt", RESUME_TEXT.encode())

        fail_os_open(monkeypatch, path, OSError(5, "Input/output error"))
        with pytest.raises(InputError) as caught:
            read_resume(path)
        assert str(caught.value) == (
            f"{path} cannot be read: Input/output error; check that it is a regular file."
        )


class TestSeniority:
    @pytest.mark.parametrize(
        ("title", "level"),
        [
            ("Customer Service Representative", Seniority.AGENT),
            ("CSR II", Seniority.AGENT),
            ("Senior Member Service Advocate", Seniority.AGENT),
            ("Customer Service Team Lead", Seniority.LEAD),
            ("Lead Customer Service Agent", Seniority.LEAD),
            ("Assistant Supervisor", Seniority.LEAD),
            ("Call Center Supervisor", Seniority.SUPERVISOR),
            ("Assistant Manager", Seniority.SUPERVISOR),
            ("Operations Manager", Seniority.MANAGER),
            ("Senior Manager, Member Services", Seniority.SENIOR_MANAGER),
            ("Sr. Manager", Seniority.SENIOR_MANAGER),
            ("Head of Customer Experience", Seniority.SENIOR_MANAGER),
            ("Director of Contact Center Operations", Seniority.DIRECTOR),
            ("Vice President, Customer Care", Seniority.VP),
            ("VP Operations", Seniority.VP),
            ("Chief Customer Officer", Seniority.VP),
            ("Lending Manager, VP", Seniority.MANAGER),
            ("Assistant Vice President, Operations", Seniority.SENIOR_MANAGER),
            ("Senior Director of Customer Service", Seniority.DIRECTOR),
            ("Lead Generation Specialist", Seniority.AGENT),
        ],
    )
    def test_title_lexicon(self, title: str, level: Seniority) -> None:
        """Title words place a job on the contact-center ladder."""
        assert title_seniority(title) is level

    def test_retail_customer_service_manager_is_outside(self) -> None:
        """A store's "Customer Service Manager" is outside the contact-center field."""
        document = read_resume(FIXTURES / "retail_csm.txt")
        assert document.current_title == "Customer Service Manager"
        assert document.current_level is Seniority.OUTSIDE
        assert document.relevant_years == 0.0

    def test_business_development_headline_is_really_an_agent(self) -> None:
        """A "Business Development Manager" headline over a call-center rep job is an agent."""
        document = read_resume(FIXTURES / "bd_headline.txt")
        assert document.current_title == "Call Center Representative"
        assert document.current_level is Seniority.AGENT
        assert [job.relevant for job in document.jobs] == [True, False]

    def test_out_of_field(self) -> None:
        """A software engineer is outside the field."""
        document = read_resume(
            "Experience\nSenior Backend Engineer  2019 - Present\n- Built Python services.\n"
        )
        assert document.current_level is Seniority.OUTSIDE

    @pytest.mark.parametrize(
        ("bullet", "relevant"),
        [
            ("- Coordinate inbound receiving appointments with carriers.", False),
            ("- Scheduled outbound freight and trailers for 3 docks.", False),
            ("- Answered inbound calls for 12 retail clients.", True),
            ("- Ran outbound sales campaigns.", True),
        ],
    )
    def test_inbound_freight_is_not_calls(self, bullet: str, relevant: bool) -> None:
        """'inbound' in a warehouse is freight; on a phone line it is the field."""
        document = read_resume(
            f"Experience\nOperations Coordinator  2019 - Present\n{bullet}\n"
        )
        assert document.jobs[0].relevant is relevant

    @pytest.mark.parametrize(
        ("job", "relevant"),
        [
            (
                "Guest Service Agent, Harbor Inn & Suites  2014 - 2016\n"
                "- Checked guests in at the front desk.",
                False,
            ),
            (
                "Assistant General Manager  2015 - 2018\n"
                "- Ran the floor of a 160 seats dining room and the kitchen line.",
                False,
            ),
            (
                "Account Executive  2019 - Present\n"
                "- Logged every deal in Salesforce; escalate pricing exceptions.",
                False,
            ),
            (
                "Team Lead, Roadside Operations  2024 - Present\n"
                "- Trained agents on troubleshooting in a dispatch environment.",
                True,
            ),
        ],
    )
    def test_work_elsewhere_is_not_the_field(self, job: str, relevant: bool) -> None:
        """A hotel desk, a dining room or a sales desk is not contact-center work."""
        document = read_resume(f"Experience\n{job}\n")
        assert document.jobs[0].relevant is relevant

    def test_relevance_from_lines(self) -> None:
        """A neutral title counts as contact-center work when its lines say so."""
        document = read_resume(
            "Experience\nOperations Manager  2019 - Present\n"
            "- Ran a 120-seat inbound call center.\n"
        )
        assert document.current_level is Seniority.MANAGER
        assert document.jobs[0].relevant

    def test_full_supervisor_resume(self) -> None:
        """The supervisor fixture: title, level, years and per-job levels."""
        document = read_resume(FIXTURES / "supervisor.txt")
        assert (document.current_level, document.years_experience) == (
            Seniority.SUPERVISOR,
            10.6,
        )
        assert [job.level for job in document.jobs] == [
            Seniority.SUPERVISOR,
            Seniority.LEAD,
            Seniority.AGENT,
        ]
        assert document.jobs[0].employer == "Brightwater Energy"


class TestScope:
    @pytest.mark.parametrize(
        ("line", "field", "value"),
        [
            ("Led a team of 14 agents.", "team_size", 14),
            ("Managed 14 direct reports.", "team_size", 14),
            ("Supervised 12 agents on the billing queue.", "team_size", 12),
            ("Led a team of 15-25 agents.", "team_size", 25),
            ("Ran a center of 900 agents.", "agents", 900),
            ("Grew the floor to 250 reps.", "agents", 250),
            ("Opened a 180-seat center.", "agents", 180),
            ("Ran 4 sites.", "sites", 4),
            ("Directed three call centers.", "sites", 3),
            ("Led a multi-site operation.", "sites", 2),
            ("Owned a $6M budget.", "budget_usd", 6_000_000),
            ("Managed a budget of $38 million.", "budget_usd", 38_000_000),
            ("Held a $750K training budget.", "budget_usd", 750_000),
        ],
    )
    def test_signals(self, line: str, field: str, value: int) -> None:
        """Team size, agents, sites and budget are read from the text."""
        scope = read_resume(f"Summary\n{line}\n").scope
        assert getattr(scope, field) == value

    def test_largest_wins_and_noise_ignored(self) -> None:
        """The largest figure of each kind wins; years and phones are not scope."""
        scope = read_resume(FIXTURES / "director.md").scope
        assert scope.model_dump() == {
            "team_size": 9,
            "agents": 650,
            "sites": 3,
            "budget_usd": 21_000_000,
        }
        quiet = read_resume("Summary\n11 years in contact centers; saved $2M a year.\n")
        assert quiet.scope.model_dump() == {
            "team_size": None,
            "agents": None,
            "sites": None,
            "budget_usd": None,
        }


def _missing(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "missing.txt"
    return path, f"{path} does not exist; check the file name and path."


def _folder(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "folder"
    path.mkdir()
    return path, f"{path} is a folder; pass a resume file (.txt, .md, .pdf or .docx)."


def _empty(tmp_path: Path) -> tuple[Path, str]:
    path = write_bytes(tmp_path, "empty.txt", b"")
    return path, f"{path} is empty; pass a resume that has some text in it."


def _blank(tmp_path: Path) -> tuple[Path, str]:
    path = write_bytes(tmp_path, "blank.txt", b"  \n\t \r\n")
    return path, f"{path} is empty; pass a resume that has some text in it."


def _binary(tmp_path: Path) -> tuple[Path, str]:
    path = write_bytes(tmp_path, "binary.txt", b"\x00\x01\x02\xff" * 64)
    return path, (
        f"{path} is a binary file, not text; pass the resume as .txt, .md, .pdf or .docx."
    )


def _image(tmp_path: Path) -> tuple[Path, str]:
    path = write_bytes(tmp_path, "photo.png", b"\x89PNG\r\n\x1a\n" + bytes(64))
    return path, (
        f"{path} is a PNG image, not a resume gapcoach can read; save the resume as "
        ".txt, .md, .pdf or .docx."
    )


def _big(tmp_path: Path) -> tuple[Path, str]:
    path = write_bytes(tmp_path, "big.txt", b"a" * (MAX_FILE_BYTES + 1))
    return path, (
        f"{path} is 10.0 MB; the limit is 10 MB. Pass the resume alone, or save it as text."
    )


def _long_text(tmp_path: Path) -> tuple[Path, str]:
    path = write_bytes(tmp_path, "long.txt", b"word " * 220_000)
    return path, (
        f"{path} has 1,100,000 characters of text; the limit is 1,000,000. Pass the "
        "resume alone, not a whole document."
    )


def _pages(tmp_path: Path) -> tuple[Path, str]:
    path = make_blank_pages_pdf(tmp_path, 101)
    return path, (
        f"{path} has 101 pages; the limit is 100. Pass the resume alone, not a whole "
        "document."
    )


def _encrypted(tmp_path: Path) -> tuple[Path, str]:
    path = make_encrypted_pdf(tmp_path)
    return path, (
        f"{path} is encrypted; remove the password (e.g. print to PDF) and try again."
    )


def _scanned(tmp_path: Path) -> tuple[Path, str]:
    path = make_image_only_pdf(tmp_path)
    return path, (
        f"{path} has no extractable text: is it a scanned image? Save it as text or run "
        "OCR first."
    )


def _corrupt_pdf(tmp_path: Path) -> tuple[Path, str]:
    path = write_bytes(tmp_path, "broken.pdf", pdf_bytes(RESUME_LINES)[:400])
    return path, (
        f"{path} is not a valid PDF (corrupt or truncated); re-export it from the "
        "original program or save it as text."
    )


def _not_zip(tmp_path: Path) -> tuple[Path, str]:
    path = write_bytes(tmp_path, "fake.docx", b"\x01\x02 this is not a zip \x00\x03")
    return path, (
        f"{path} is not a valid .docx file (not a zip archive); re-save it from Word "
        "or save it as text."
    )


def _corrupt_docx(tmp_path: Path) -> tuple[Path, str]:
    members = {"word/document.xml": "<w:document", "[Content_Types].xml": "<"}
    path = make_zip(tmp_path, members, name="corrupt.docx")
    return path, (
        f"{path} is a corrupt .docx file (its document.xml cannot be read); re-save "
        "it from Word or save it as text."
    )


def _other_zip(tmp_path: Path) -> tuple[Path, str]:
    path = make_zip(tmp_path, {"notes.txt": "hello"}, name="notes.docx")
    return path, (
        f"{path} is a zip archive but not a Word document (no word/document.xml); "
        "save the resume as .docx, .pdf or .txt."
    )


def _bomb(tmp_path: Path) -> tuple[Path, str]:
    path = make_zip_bomb(tmp_path)
    return path, (
        f"{path} unpacks to 60 MB; the limit is 50 MB. Re-save it without embedded "
        "media, or save it as text."
    )


# every input error, as a builder of (real file, exact message)
ERROR_CASES = {
    "missing": _missing,
    "folder": _folder,
    "empty": _empty,
    "whitespace-only": _blank,
    "binary": _binary,
    "image": _image,
    "file-too-big": _big,
    "text-too-long": _long_text,
    "too-many-pages": _pages,
    "encrypted-pdf": _encrypted,
    "scanned-pdf": _scanned,
    "corrupt-pdf": _corrupt_pdf,
    "docx-not-zip": _not_zip,
    "corrupt-docx": _corrupt_docx,
    "zip-not-docx": _other_zip,
    "zip-bomb": _bomb,
}


class TestLimits:
    @pytest.mark.parametrize("case", list(ERROR_CASES))
    def test_error_message(self, tmp_path: Path, case: str) -> None:
        """Each unreadable input raises one InputError whose message starts with the file."""
        path, message = ERROR_CASES[case](tmp_path)
        with pytest.raises(InputError) as caught:
            read_resume(path)
        assert str(caught.value) == message
        assert str(caught.value).startswith(str(path))
        assert "\n" not in str(caught.value)

    @pytest.mark.parametrize("case", list(ERROR_CASES))
    def test_cli_exit_code(self, tmp_path: Path, case: str) -> None:
        """`gapcoach read` prints "Error: <message>" on stderr and exits 1, no traceback."""
        path, message = ERROR_CASES[case](tmp_path)
        result = CliRunner().invoke(app, ["read", str(path)])
        assert result.exit_code == 1
        assert result.stderr == f"Error: {message}\n"
        assert result.stdout == ""

    @pytest.mark.skipif(
        sys.platform == "win32" or os.geteuid() == 0, reason="root reads any file"
    )
    def test_unreadable_file(self, tmp_path: Path) -> None:
        """A file without read permission is reported as such."""
        path = write_bytes(tmp_path, "private.txt", RESUME_TEXT.encode())
        path.chmod(0)
        with pytest.raises(InputError) as caught:
            read_resume(path)
        assert str(caught.value) == (
            f"{path} cannot be read: permission denied; check the file's permissions."
        )

    def test_permission_error_is_reported(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A PermissionError while opening becomes the permission message (also as root)."""
        path = write_bytes(tmp_path, "private.txt", RESUME_TEXT.encode())

        fail_os_open(monkeypatch, path, PermissionError(13, "Permission denied"))
        with pytest.raises(InputError) as caught:
            read_resume(path)
        assert str(caught.value) == (
            f"{path} cannot be read: permission denied; check the file's permissions."
        )

    def test_empty_text_and_bytes(self) -> None:
        """Empty text and empty bytes are named after their source."""
        with pytest.raises(InputError, match=r"^<text> is empty; "):
            read_resume("   \n ")
        with pytest.raises(InputError, match=r"^<bytes> is empty; "):
            read_resume(b"")

    def test_stdin_via_cli(self) -> None:
        """`gapcoach read -` reads the piped resume."""
        result = CliRunner().invoke(
            app, ["read", "-", "--json"], input=RESUME_TEXT, catch_exceptions=False
        )
        assert result.exit_code == 0
        assert '"current_title": "Call Center Supervisor"' in result.stdout

    def test_zip_bomb_checked_before_unpacking(self, tmp_path: Path) -> None:
        """The bomb is refused from the zip directory: nothing is decompressed."""
        path = make_zip_bomb(tmp_path, megabytes=60)
        with zipfile.ZipFile(path) as archive:
            declared = sum(info.file_size for info in archive.infolist())
        assert declared > 50 * 1024 * 1024
        started = time.perf_counter()
        with pytest.raises(InputError):
            read_resume(path)
        assert time.perf_counter() - started < 0.5


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
