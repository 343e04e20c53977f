"""
Degrees and certifications a resume shows, found once for every role assessed.

A certification is held, in progress ("currently pursuing", "enrolled") or negated ("no
PMP"): the claim language of ``vocab.claims`` decides. A degree is a degree word on an
education line.
"""

import re
from collections.abc import Sequence
from functools import cache

from gapcoach.models import Certification, Credentials, Document, Evidence
from gapcoach.vocab.claims import DEGREE_RE, mention_status

__all__ = ["find_credentials"]


@cache
def _certification_pattern(
    terms: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...],
) -> re.Pattern[str]:
    """
    One pattern for every certification of a role; the named group says which matched.
    """
    branches = []
    for index, (aliases, acronyms) in enumerate(terms):
        words = [rf"{re.escape(a)}" for a in aliases]
        words += [rf"(?-i:{re.escape(a)})" for a in acronyms]
        branches.append(rf"(?P<c{index}>{'|'.join(words)})")
    return re.compile(rf"(?<![\w&])(?:{'|'.join(branches)})(?![\w&])", re.IGNORECASE)


def find_credentials(
    document: Document | None, certifications: Sequence[Certification]
) -> Credentials:
    """
    Degrees and certifications a resume shows: held, in progress, or neither.
    """
    held: dict[str, Evidence] = {}
    in_progress: dict[str, Evidence] = {}
    degree: Evidence | None = None
    if document is None:
        return Credentials()
    terms = tuple((tuple(c.aliases), tuple(c.acronyms)) for c in certifications)
    pattern = _certification_pattern(terms) if certifications else None
    for line in document.lines:
        if (
            degree is None
            and line.section == "education"
            and DEGREE_RE.search(line.text)
        ):
            degree = _evidence(line.text, line.number, line.section, 1)
        if pattern is None:
            continue
        for found in pattern.finditer(line.text):
            cert_id = certifications[int((found.lastgroup or "c0")[1:])].id
            status = mention_status(line.text, found.start())
            if cert_id in held or status == "negated":
                continue
            evidence = _evidence(line.text, line.number, line.section, 1)
            if status == "learning":
                in_progress.setdefault(cert_id, evidence)
            else:
                held[cert_id] = evidence
                in_progress.pop(cert_id, None)
    return Credentials(degree=degree, held=held, in_progress=in_progress)


def _evidence(text: str, line: int, section: str, level: int) -> Evidence:
    return Evidence(
        text=text,
        line=line,
        section=section,
        method="alias",
        score=1.0,
        level=level,
        source="resume",
        term=None,
    )
