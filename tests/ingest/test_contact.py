"""
The person's name from the top of a resume (the team view lists people by it).
"""

from typing import Any

import pytest
from helpers import cases

from gapcoach import Assessor
from gapcoach.ingest import read_resume
from gapcoach.ingest.contact import person_name


@pytest.mark.parametrize(("lines", "name"), cases("names", "lines", "name"))
def test_person_name(lines: list[str], name: Any) -> None:
    """Names in any case, with a quoted nickname, spaced letters or a label; headings,
    titles, places and job lines are not names."""
    assert person_name(lines) == name


def test_name_reaches_the_report() -> None:
    """The document and the report's input block carry the name; text without one: None."""
    document = read_resume("Renata Vasquez-Holm\nCall Center Supervisor\n")
    assert document.person == "Renata Vasquez-Holm"
    report = Assessor().assess("Renata Vasquez-Holm\nCall Center Supervisor\n")
    assert report.input.person == "Renata Vasquez-Holm"
    assert Assessor().assess("Call Center Supervisor\n").input.person is None
