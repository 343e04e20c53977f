"""
Jobs told in sentences, as in a profile written in prose: "Since September 2024 I have
been a Member Services Representative II at Cascade Health", "From August 2023 to August
2024 I was a Representative I at the same company". A job is a sentence that holds a date
range (or a start) and a role phrase ("I was a <title> at <employer>").
"""

import re
from dataclasses import dataclass

from gapcoach.ingest.dates import DATE, PRESENT, RANGE_RE, SINCE_RE, Span, make_span
from gapcoach.ingest.header import TITLE_THRESHOLD, latest_title, title_score

# sentences, and clauses that start a second story ("..., and since 2022 I have ...")
_SENTENCE_SPLIT_RE = re.compile(
    r"(?<=[.!?;])\s+(?=[A-Z(\"'“])|,\s+(?:and|then)\s+(?=(?:[Ss]ince|[Ff]rom|[Ii]n)\s)"
)

_ROLE_RE = re.compile(
    r"\b(?:(?:have|had|has)(?:\s+also)?\s+been|was|am|is|worked|work|working|served|serving|"
    r"joined\s(?P<joined>[^.;]{0,60}?)\sas|spent\s[^.;]{0,60}?\sas|started\s+as|"
    r"hired\s+as|promoted\s+to|"
    r"moved\s+up\s+to|became|become)"
    r"\s+(?:as\s+)?(?:an?\s+|the\s+|its\s+|their\s+)?"
    r"(?P<title>[A-Za-z][\w&/'’-]*(?:[ ,]+[\w&/'’()-]+){0,8}?)"
    r"(?:(?:\s+(?:at|with|for)\s+|\s+(?=there\b))"
    r"(?P<employer>the\s+same\s+(?:company|employer|firm|organi[sz]ation|cent(?:er|re))|there"
    r"|(?:the\s+)?[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|&|of|and|de|del))*)"
    # or no employer ("In 2021 I was promoted to Team Lead."): the one told before
    r"|(?=\s*[.,;:]|\s*$|\s+(?:in|on|where|who|while|and|until|from|since)\s))"
)

# a start alone ("In 2019 I joined …"; "… at Acme in 2009") and an end in words
# ("a job I held until I left in 2019")
_IN_DATE_RE = re.compile(rf"\b(?:in|from)\s+(?P<start>{DATE})", re.IGNORECASE)
_UNTIL_RE = re.compile(
    rf"\b(?:until|till|to)\b[^.;]{{0,30}}?(?P<end>{DATE}|{PRESENT})", re.IGNORECASE
)

_PROMOTED_RE = re.compile(r"^(?:promoted|moved\s+up)\s+to\s+", re.IGNORECASE)
_JOINED_NAME_RE = re.compile(r"^the\s+")

_THE_RE = re.compile(r"^the\s+(?!same\s)")

_SAME_RE = re.compile(r"^(?:the\s+same\s|there$)", re.IGNORECASE)


@dataclass(frozen=True)
class StoryJob:
    """A job read from one sentence."""

    title: str
    employer: str | None
    span: Span
    sentence: str
    offset: int  # where the sentence starts in the text read
    open_end: bool = False  # a start alone: the job lasts until the next one told


def story_jobs(text: str, today: int, previous: str | None = None) -> list[StoryJob]:
    """
    The jobs a paragraph tells, in its order; "the same company" is the employer of the
    job told before it (``previous``: the one told in an earlier paragraph).
    """
    found: list[StoryJob] = []
    offset = 0
    for sentence in _SENTENCE_SPLIT_RE.split(text):
        offset = text.index(sentence, offset)
        role = _ROLE_RE.search(sentence)
        if role is None:
            continue
        title = _PROMOTED_RE.sub("", latest_title(role.group("title").strip(" ,")))
        # "I was a front desk agent at ...": a title in prose may be lower case
        if title_score(title[:1].upper() + title[1:]) < TITLE_THRESHOLD:
            continue
        open_end = False
        dates = RANGE_RE.search(sentence)
        since = SINCE_RE.search(sentence)
        alone = _IN_DATE_RE.search(sentence)
        if dates is not None:
            span = make_span(dates.group("start"), dates.group("end"), today)
        elif since is not None:
            span = make_span(since.group("start"), None, today)
        elif alone is not None:
            until = _UNTIL_RE.search(sentence, alone.end())
            span = make_span(
                alone.group("start"), until.group("end") if until else None, today
            )
            open_end = until is None
        else:
            continue
        if span is None:
            continue
        named = (
            role.group("employer")
            or _JOINED_NAME_RE.sub("", role.group("joined") or "").split(",")[0].strip()
        )
        employer: str | None = _THE_RE.sub("", named.rstrip(".")) if named else None
        if not employer or _SAME_RE.match(employer):
            employer = found[-1].employer if found else previous
        found.append(StoryJob(title, employer, span, sentence, offset, open_end))
    return found
