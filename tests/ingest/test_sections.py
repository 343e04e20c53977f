"""
Section headings, including the inline 'Heading: text' form.
"""

import pytest
from fixtures_ingest import (
    FIXTURES,
)
from helpers import cases

from gapcoach.ingest import (
    read_resume,
)


class TestSections:
    @pytest.mark.parametrize(
        ("heading", "section"),
        cases("headings", "heading", "section"),
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
