"""
Which section every line belongs to (summary, experience, skills, education, ...), from
heading lines and inline "Heading: text" lines; the headings are in ``vocab.headings``.
"""

import re
from functools import lru_cache

from gapcoach.vocab.headings import HEADINGS

_INLINE_HEADING_RE = re.compile(r"^([A-Za-z][A-Za-z &/]{1,38}?)\s*:\s*(\S.*)$")

SPACED_LETTERS_RE = re.compile(r"^(?:\w ){2,}\w$")


def heading_key(text: str) -> str:
    key = text.strip().rstrip(":").strip()
    if SPACED_LETTERS_RE.match(key):
        key = key.replace(" ", "")
    key = key.lower().replace("&", " and ").replace("’", "'")
    return " ".join(key.split())


# (?<!\s): a match starts only where a run of spaces starts, so a long run is read once
_HEADING_JOINER_RE = re.compile(r"(?<!\s)\s*(?:/|\||,|;)\s*")  # "Skills / Tools"


# asked of every line, and again of the parts of each job header: remember the answers
@lru_cache(maxsize=8192)
def heading_section(text: str) -> str | None:
    """
    The section a heading line opens, or None when the line is not a heading.
    """
    if len(text) > 60 or text.endswith("."):
        return None
    key = heading_key(text)
    if key in HEADINGS:
        return HEADINGS[key]
    parts = [
        heading_key(part) for part in _HEADING_JOINER_RE.split(text) if part.strip()
    ]
    if len(parts) > 1 and all(part in HEADINGS for part in parts):
        return HEADINGS[parts[0]]
    # a heading in two languages ("EXPERIENCIA / EXPERIENCE", "A U S B I L D U N G /
    # E D U C A T I O N"): one part known, every part a word or two, no digits
    known = [part for part in parts if part in HEADINGS]
    if (
        len(parts) == 2
        and known
        and not any(char.isdigit() for char in text)
        and all(len(part.split()) <= 2 for part in parts)
    ):
        return HEADINGS[known[0]]
    return None


def assign_sections(lines: list[str]) -> tuple[list[str], list[bool]]:
    """
    The section of every line (lines before the first heading are "summary"), and
    which lines are headings themselves.
    """
    section = "summary"
    sections: list[str] = []
    headings: list[bool] = []
    for line in lines:
        found = heading_section(line) if line else None
        is_heading = found is not None
        if found is None and line:
            inline = _INLINE_HEADING_RE.match(line)
            if inline and heading_key(inline.group(1)) in HEADINGS:
                found = HEADINGS[heading_key(inline.group(1))]
        if found is not None:
            section = found
        sections.append(section)
        headings.append(is_heading)
    return sections, headings
