"""
Dates of a work history: "Jan 2019 - Present", "03/2017 to 06/2020", "since 2021",
"2015-2018", a lone start date; spans in months, with "Present" meaning ``TODAY`` (fixed,
so the same resume always gives the same numbers).
"""

import re
from dataclasses import dataclass

TODAY: tuple[int, int] = (2026, 11)
"""The (year, month) that "Present" means, fixed so that the same resume always gives
the same numbers. Override it per call with ``read_resume(..., today=(2027, 3))``."""

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)

_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"

DATE = (
    rf"(?:\b{_MONTH}\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?,?\s*(?:{_YEAR}\b|['’]\d{{2}}\b)"
    rf"|\b(?:0?[1-9]|1[0-2])\s*[/.]\s*(?:(?:0?[1-9]|[12]\d|3[01])\s*/\s*)?{_YEAR}\b"
    rf"|\b(?:0?[1-9]|1[0-2])-{_YEAR}\b"
    rf"|\b{_YEAR}\b)"
)

PRESENT = (
    r"(?:present\w?|current(?:ly)?|now|today|to\s+date|till\s+date|date|ongoing|"
    r"still\s+employed|the\s+present)\b"
)

SEPARATOR = r"\s*(?:-+|–|—|‒|―|~|→|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b)\s*"

RANGE_RE = re.compile(
    rf"\(?(?P<start>{DATE})\)?{SEPARATOR}\(?(?P<end>{DATE}|{PRESENT})\)?",
    re.IGNORECASE,
)

SINCE_RE = re.compile(rf"\b(?:since|from)\s+(?P<start>{DATE})(?!{SEPARATOR})", re.I)

DATE_RE = re.compile(DATE, re.IGNORECASE)

LONE_DATE_END_RE = re.compile(
    rf"(?<![\s,|(-])[\s,|(-]+\(?(?P<start>\b{_MONTH}\.?\s*,?\s*{_YEAR}|\b(?:0?[1-9]|1[0-2])/{_YEAR})\)?$",
    re.IGNORECASE,
)

DATE_ONLY_RE = re.compile(rf"^\(?{DATE}\)?$", re.IGNORECASE)

END_ONLY_RE = re.compile(rf"^\(?(?:{DATE}|{PRESENT})\)?\.?$", re.IGNORECASE)

SEPARATOR_ONLY_RE = re.compile(rf"^{SEPARATOR}$", re.IGNORECASE)

SEPARATOR_START_RE = re.compile(rf"^{SEPARATOR}\S", re.IGNORECASE)

_MONTH_YEAR_RE = re.compile(
    rf"({_MONTH})\.?(?:\s+\d{{1,2}}\w*)?,?\s*({_YEAR}|['’]\d{{2}})", re.I
)

_NUMERIC_RE = re.compile(rf"(\d{{1,2}})\s*[/.-]\s*(?:\d{{1,2}}\s*/\s*)?({_YEAR})")


_YEAR_RE = re.compile(_YEAR)


def _parse_date(text: str) -> tuple[int, int | None] | None:
    """
    (year, month) of a date; month None when only the year is given.
    """
    match = _MONTH_YEAR_RE.search(text)
    if match:
        year_text = match.group(2).lstrip("'’")
        year = int(year_text)
        if len(year_text) == 2:
            year += 2000 if year < 50 else 1900
        return year, _MONTHS[match.group(1).lower()[:3]]
    match = _NUMERIC_RE.search(text)
    if match:
        return int(match.group(2)), int(match.group(1))
    match = _YEAR_RE.search(text)
    if match:
        return int(match.group(0)), None
    return None


def month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def format_month(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


@dataclass(frozen=True)
class Span:
    """
    A parsed date range: first and last month (inclusive), last None for "present".
    """

    start: int
    end: int | None


_PRESENT_START_RE = re.compile(PRESENT, re.IGNORECASE)


def make_span(start_text: str, end_text: str | None, today: int) -> Span | None:
    start = _parse_date(start_text)
    if start is None:
        return None
    start_index = month_index(start[0], start[1] or 1)
    end_index: int | None = None
    if end_text is not None and not _PRESENT_START_RE.match(end_text.strip("() ")):
        end = _parse_date(end_text)
        if end is None:
            return None
        end_index = month_index(end[0], end[1] or 1)
        if end_index < start_index or end_index - start_index > 50 * 12:
            return None
        if end_index >= today:
            end_index = None
    if start_index > today:
        return None
    return Span(start_index, end_index)
