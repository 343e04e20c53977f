"""
The person's name, from the top of the resume: the first short line before any section
heading that reads as a name (two to five capitalised words, no digits, no address, not a
job title, a place or a heading). The team view lists people by it; None when the top of
the resume has none (the file name stands in).
"""

import re

from gapcoach.ingest.header import TITLE_THRESHOLD, is_place, title_score
from gapcoach.ingest.sections import heading_section
from gapcoach.vocab.headings import HEADINGS

__all__ = ["person_name"]

_LOOK = 6  # non-empty lines read from the top
_LABEL_RE = re.compile(
    r"^(?:name|nombre|nom|naam|imię i nazwisko)\s*:\s*", re.IGNORECASE
)
_SEPARATOR_RE = re.compile(r"\s+[|·•–—]\s+|\s{3,}|\t|,\s+")
_WORD_RE = re.compile(r"^[\"“(]?[^\W\d_][\w'’.-]*[\"”)]?$")  # a nickname may be quoted
_WIDE_GAP_RE = re.compile(r" {2,}")
_SPACED_WORD_RE = re.compile(r"(?:\S )+\S")
_PARTICLES = frozenset(
    [
        *("de", "del", "della", "der", "di", "da", "dos", "das", "du", "van", "von"),
        *("la", "le", "el", "bin", "binti", "al", "y", "e"),
    ]
)
# words of section headings ("Core Strengths", "Career Overview") are never name words
_NOT_NAMES = frozenset(
    ["resume", "résumé", "curriculum", "vitae", "cv", "lebenslauf", "contact", "page"]
) | frozenset(word for heading in HEADINGS for word in heading.split())


def _capitalise(word: str) -> str:
    quote = len(word) - len(word.lstrip('"“('))
    return word[:quote] + word[quote:].capitalize()


def _as_name(segment: str) -> str | None:
    words = segment.split()
    if not 2 <= len(words) <= 5 or len(segment) > 50:
        return None
    for word in words:
        if not _WORD_RE.match(word) or word.lower().strip(".") in _NOT_NAMES:
            return None
        letter = word.lstrip('"“(')[0]
        if not (letter.isupper() or word.lower() in _PARTICLES):
            return None
    if not words[0][0].isupper() or heading_section(segment) is not None:
        return None
    if title_score(segment) >= TITLE_THRESHOLD or is_place(segment):
        return None
    if segment.upper() == segment:  # "MARC-ANDRÉ LEBLANC" -> "Marc-André Leblanc"
        segment = " ".join(
            "-".join(_capitalise(part) for part in word.split("-")) for word in words
        )
    return segment


def person_name(lines: list[str]) -> str | None:
    """
    The person's name from the first lines of a resume, or None.
    """
    seen = 0
    for line in lines:
        text = line.strip()
        if not text:
            continue
        seen += 1
        if seen > _LOOK or (heading_section(text) is not None and seen > 1):
            return None
        text = _LABEL_RE.sub("", text)
        spaced = _WIDE_GAP_RE.split(text)
        if all(_SPACED_WORD_RE.fullmatch(w) for w in spaced):
            text = " ".join(
                w.replace(" ", "") for w in spaced
            )  # "H E L E N A   V O S S"
        first = _SEPARATOR_RE.split(text, maxsplit=1)[0].strip(" *#:")
        name = _as_name(first)
        if name:
            return name
    return None
