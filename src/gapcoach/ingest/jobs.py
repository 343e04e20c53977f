"""
The work history: dated job entries (a date range on the title's line, above or below
it, or split across lines), each job's title and employer, its rung on the ladder and
whether it was contact-center work; then the whole resume's structure: jobs most recent
first, years of experience (all and relevant), the current title and level, and scope.
"""

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from gapcoach.ingest.dates import (
    DATE,
    DATE_ONLY_RE,
    DATE_RE,
    END_ONLY_RE,
    LONE_DATE_END_RE,
    PRESENT,
    RANGE_RE,
    SEPARATOR,
    SEPARATOR_ONLY_RE,
    SEPARATOR_START_RE,
    SINCE_RE,
    Span,
    format_month,
    make_span,
    month_index,
)
from gapcoach.ingest.scope import find_scope
from gapcoach.ingest.sections import (
    SPACED_LETTERS_RE,
    assign_sections,
    heading_key,
    heading_section,
)
from gapcoach.models import Job, Scope, Seniority
from gapcoach.vocab.field import field_relevance
from gapcoach.vocab.headings import HEADINGS
from gapcoach.vocab.titles import (
    CC_TITLE_RE,
    PAST_TENSE_RE,
    TITLE_ADJECTIVE_RE,
    TITLE_NOUN_RE,
    VERB_START_RE,
    title_seniority,
)

_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|"
    "NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR|"
    "AB|BC|MB|NB|NL|NS|ON|PE|QC|SK|State"
)

_LOCATION_RE = re.compile(
    r"\bCity\s*,\s*State\b(?:\s*,\s*(?:United States|USA|US)\b)?|\bState\s*,\s*USA\b|"
    r"\(\s*(?:remote|hybrid|on-?site)\s*\)|\bremote\b",
    re.IGNORECASE,
)

_TRAILING_PLACE_RE = re.compile(
    rf",\s*(?:[A-Z][A-Za-z.'-]+(?:\s+[A-Z][A-Za-z.'-]+){{0,2}}\s*,\s*)?(?:{_STATES})\b\.?"
    r"(?:\s+\d{5})?(?:\s*,\s*(?:USA|US|United States|Canada))?$"
)

_PLACE_ONLY_RE = re.compile(
    rf"^(?:[A-Z][A-Za-z.'-]+(?:\s+[A-Z][A-Za-z.'-]+){{0,3}}\s*,\s*(?:{_STATES})\b\.?"
    r"(?:\s+\d{5})?|Greater\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\s+Area|remote|hybrid)$",
    re.IGNORECASE,
)

_COMPANY_PLACEHOLDER_RE = re.compile(r"\bCompany Name\b", re.IGNORECASE)

_SEGMENT_SPLIT_RE = re.compile(
    # why the look-behind: a match starts only where a run of spaces starts, so a long
    # run is scanned once instead of once per space
    r"(?<!\s)\s*(?:\||｜|•|·|\s[-–—]+\s|\s[-–—]+$|^[-–—]+\s|\s@\s|\sat\s)\s*"
)


# a title may end in an abbreviation's dot; a sentence ends in any other
_ABBREVIATION_END_RE = re.compile(r"\b(?:Sr|Jr|Inc|Co|Ltd|Corp|Mgr|Asst)\.$")
_PHONE_NUMBER_RE = re.compile(r"\d{3}\W+\d{3}\W+\d{4}")


@lru_cache(maxsize=8192)  # the same header parts are scored from several neighbours
def _title_score(text: str) -> int:
    """
    How much a piece of text looks like a job title (>= 4 is accepted).
    """
    words = text.split()
    if not words or len(words) > 12 or heading_section(text):
        return -99
    score = 0
    if TITLE_NOUN_RE.search(text):
        score += 3
    if CC_TITLE_RE.search(text):
        score += 2
    if len(words) <= 8:
        score += 1
    alpha = [word for word in words if word[:1].isalpha()]
    if alpha and sum(word[0].isupper() for word in alpha) >= 0.6 * len(alpha):
        score += 1
    if text.endswith(".") and not _ABBREVIATION_END_RE.search(text):
        score -= 3
    if text[0].islower():
        score -= 3
    if VERB_START_RE.match(text) or (
        # "Coordinated communication between ..." is a sentence; "Shared Services
        # Supervisor" is a title
        len(words) > 5
        and PAST_TENSE_RE.match(text)
        and not TITLE_ADJECTIVE_RE.match(text)
    ):
        score -= 3
    if "@" in text or _PHONE_NUMBER_RE.search(text):
        score -= 5
    return score


_TITLE_THRESHOLD = 4


def _clean_segment(text: str) -> str:
    text = text.strip(" ,;:|-–—[]")
    while text.startswith("(") and (text.endswith(")") or ")" not in text):
        text = text[1:-1] if text.endswith(")") else text[1:]
        text = text.strip(" ,;:|-–—[]")
    if text.endswith(")") and "(" not in text:
        text = text[:-1].strip(" ,;:|-–—[]")
    return text


def _split_header(text: str) -> tuple[str | None, str | None]:
    """
    A header line's text, without its dates, -> (title, employer).
    """
    employer: str | None = None
    if _COMPANY_PLACEHOLDER_RE.search(text):
        employer = "Company Name"
        text = _COMPANY_PLACEHOLDER_RE.sub(" | ", text)
    text = _LOCATION_RE.sub(" | ", text)
    segments = [_clean_segment(part) for part in _SEGMENT_SPLIT_RE.split(text)]
    segments = [part for part in segments if part and not _is_place(part)]
    titled = [_title_score(part) >= _TITLE_THRESHOLD for part in segments]
    if True not in titled:
        if employer is None and segments:
            employer = _strip_place(segments[0]) or None
        return None, employer
    first = titled.index(True)
    # neighbouring title-like parts belong together ("Senior Agent - Assistant Supervisor")
    last = first
    while (
        last + 1 < len(segments)
        and titled[last + 1]
        and TITLE_NOUN_RE.search(segments[last + 1])
    ):
        last += 1
    title = _strip_place(" - ".join(segments[first : last + 1]))
    if employer is None:
        others = segments[last + 1 :] + segments[:first]
        employer = next(
            (_strip_place(part) for part in others if _strip_place(part)), None
        )
    return title or None, employer


def _strip_place(text: str) -> str:
    return _clean_segment(_TRAILING_PLACE_RE.sub("", text))


def _is_place(text: str) -> bool:
    return bool(_PLACE_ONLY_RE.match(_clean_segment(text)))


@dataclass
class _Entry:
    """
    One non-empty line of the work-history scope.
    """

    index: int
    number: int
    text: str
    block: int
    anchor: bool = False
    used: bool = False
    merged: bool = False
    date_text: str | None = None


@dataclass
class _FoundJob:
    title: str
    employer: str | None
    span: Span
    line: int
    header: set[int] = field(default_factory=set)


def _scope_entries(
    lines: list[str], sections: list[str], headings: list[bool]
) -> list[_Entry]:
    wanted = {"experience"} if "experience" in sections else {"summary", "other"}
    entries: list[_Entry] = []
    block = 0
    previous_in = False
    for index, line in enumerate(lines):
        inside = sections[index] in wanted and not headings[index]
        if headings[index]:
            previous_in = False
            continue
        if not line:
            continue
        if inside:
            if not previous_in:
                block += 1
            entries.append(
                _Entry(index=index, number=index + 1, text=line, block=block)
            )
        previous_in = inside
    return entries


_SEPARATOR_THEN_END_RE = re.compile(
    rf"^{SEPARATOR}(?:{DATE}|{PRESENT})\)?$", re.IGNORECASE
)
_PRESENT_ONLY_RE = re.compile(rf"^\(?{PRESENT}\)?$", re.IGNORECASE)


def _merge_split_ranges(entries: list[_Entry]) -> None:
    """
    "October 2009" / "to" / "March 2015" on three lines reads as one range on the first.
    """
    for position in range(len(entries) - 2):
        first, middle, last = entries[position : position + 3]
        if (
            first.block == middle.block == last.block
            and DATE_ONLY_RE.match(first.text)
            and SEPARATOR_ONLY_RE.match(middle.text)
            and END_ONLY_RE.match(last.text)
        ):
            first.date_text = f"{first.text} - {last.text}"
            middle.used = last.used = middle.merged = last.merged = True
    for position in range(len(entries) - 1):
        first, last = entries[position : position + 2]
        if (
            first.date_text is None
            and not first.used
            and first.block == last.block
            and DATE_ONLY_RE.match(first.text)
            and (
                _SEPARATOR_THEN_END_RE.match(last.text)
                or _PRESENT_ONLY_RE.match(last.text)
            )
        ):
            joiner = " " if SEPARATOR_START_RE.match(last.text) else " - "
            first.date_text = f"{first.text}{joiner}{last.text}"
            last.used = last.merged = True


_MAX_HEADER_WORDS = 14

_MAX_HEADER_CHARS = 400


@dataclass(frozen=True)
class _Anchor:
    """
    A date range (or start date) found on a work-history line, with the text around it.
    """

    position: int
    span: Span
    rest: str
    multi: bool


def _anchors(entries: list[_Entry], today: int) -> list[_Anchor]:
    """
    Every dated job header candidate: ranges, "Since 2019", and "Title ... Mar 2016".
    """
    found: list[_Anchor] = []
    for position, entry in enumerate(entries):
        if entry.used:
            continue
        # a job header is short: look at the start of very long lines only
        text = (entry.date_text or entry.text)[:_MAX_HEADER_CHARS]
        ranges = list(RANGE_RE.finditer(text))
        if ranges:
            multi = len(ranges) > 1
            previous_end = 0
            for match in ranges:
                if multi:
                    rest = text[previous_end : match.start()]
                else:
                    rest = text[: match.start()] + " | " + text[match.end() :]
                previous_end = match.end()
                if len(rest.split()) > _MAX_HEADER_WORDS:
                    # a long line: only a short title before the dates makes it a header
                    rest = _strip_heading_prefix(text[: match.start()])
                    if len(rest.split()) > 8 or _split_header(rest)[0] is None:
                        continue
                entry.anchor = True
                span = make_span(match.group("start"), match.group("end"), today)
                if span is not None:
                    found.append(_Anchor(position, span, rest, multi))
            continue
        since = SINCE_RE.search(text)
        if since:
            rest = text[: since.start()] + " | " + text[since.end() :]
            span = make_span(since.group("start"), None, today)
            if span is not None and len(rest.split()) <= _MAX_HEADER_WORDS:
                entry.anchor = True
                found.append(_Anchor(position, span, rest, False))
            continue
        tail = text[-40:]
        lone = LONE_DATE_END_RE.search(tail)
        if lone and len(DATE_RE.findall(text)) == 1:
            rest = text[: len(text) - len(tail) + lone.start()]
            title, _ = _split_header(rest)
            span = make_span(lone.group("start"), None, today)
            if title is not None and span is not None:
                # a start date alone after a title: the job is still going on
                entry.anchor = True
                found.append(_Anchor(position, span, rest, False))
    return found


def _strip_heading_prefix(text: str) -> str:
    """
    Drop a section heading run into the start of a line ("Work Experience Agent, ...").
    """
    words = text.split()
    for size in (3, 2, 1):
        if len(words) > size and heading_key(" ".join(words[:size])) in HEADINGS:
            return " ".join(words[size:])
    return text


def _find_jobs(entries: list[_Entry], today: int) -> list[_FoundJob]:
    """
    Dated jobs of the work history, each with its title and (where present) employer.
    """
    _merge_split_ranges(entries)
    jobs: list[_FoundJob] = []
    for anchor in _anchors(entries, today):
        entry = entries[anchor.position]
        title, employer = _split_header(anchor.rest)
        header = {entry.index}
        line = entry.number
        found: int | None = None
        if title is None and not anchor.multi:
            date_only = not _clean_segment(anchor.rest.replace("|", ""))
            found = _neighbour_title(entries, anchor.position, date_only=date_only)
            if found is not None:
                neighbour = entries[found]
                neighbour.used = True
                title, other_employer = _split_header(neighbour.text)
                employer = employer or other_employer
                header.add(neighbour.index)
                line = neighbour.number
        if title is None:
            continue
        if employer is None:
            first = (
                found
                if found is not None and found < anchor.position
                else anchor.position
            )
            employer = _employer_above(entries, first)
        jobs.append(_FoundJob(title, employer, anchor.span, line, header))
    return jobs


def _usable(entries: list[_Entry], position: int, block: int) -> bool:
    if not 0 <= position < len(entries):
        return False
    entry = entries[position]
    return entry.block == block and not entry.anchor and not entry.used


def _neighbour_title(
    entries: list[_Entry], position: int, *, date_only: bool
) -> int | None:
    """
    The position of the line next to a date line that holds the job title, if any.
    """
    block = entries[position].block
    candidates: list[int] = []
    before = position - 1
    while before >= 0 and entries[before].merged:
        before -= 1
    while _usable(entries, before, block) and _is_place(entries[before].text):
        before -= 1
    after = position + 1
    while after < len(entries) and entries[after].merged:
        after += 1
    ordered = [after, before] if date_only else [before, after]
    for candidate in ordered:
        if _usable(entries, candidate, block):
            candidates.append(candidate)
    best: tuple[int, int] | None = None
    for rank, candidate in enumerate(candidates):
        title, _ = _split_header(entries[candidate].text)
        if title is None:
            continue
        score = _title_score(title) * 10 - rank
        if best is None or score > best[0]:
            best = (score, candidate)
    return None if best is None else best[1]


def _employer_above(entries: list[_Entry], position: int) -> str | None:
    """
    An employer line just above a job's header ("Acme Insurance - Omaha, NE").
    """
    above = position - 1
    if not _usable(entries, above, entries[position].block):
        return None
    text = entries[above].text
    words = text.split()
    # a bullet of the previous job can look like a name: only trust a line that names a
    # place ("Acme Health - Omaha, NE") or starts a block (after a heading or blank line)
    starts_block = above == 0 or (
        entries[above - 1].block != entries[above].block
        or entries[above].index - entries[above - 1].index > 1
    )
    has_place = _strip_place(text) != _clean_segment(text) or _LOCATION_RE.search(text)
    if (
        not (starts_block or has_place)
        or len(words) > 8
        or text.endswith(".")
        or TITLE_NOUN_RE.search(text)
        or VERB_START_RE.match(text)
        or DATE_RE.search(text)
        or not all(word[:1].isupper() or not word[:1].isalpha() for word in words)
    ):
        return None
    employer = _strip_place(_SEGMENT_SPLIT_RE.split(text)[0])
    return employer or None


def _job_bodies(jobs: list[_FoundJob], entries: list[_Entry]) -> list[list[str]]:
    """
    The lines of each job: from its header to the next job's header.
    """
    starts = sorted({min(job.header) for job in jobs})
    indexes = [entry.index for entry in entries]
    bodies: list[list[str]] = []
    for job in jobs:
        following = bisect.bisect_right(starts, max(job.header))
        stop = starts[following] if following < len(starts) else None
        low = bisect.bisect_left(indexes, min(job.header))
        high = len(indexes) if stop is None else bisect.bisect_left(indexes, stop)
        bodies.append([entry.text for entry in entries[low:high]])
    return bodies


def _union_months(spans: list[Span], today: int) -> int:
    intervals = sorted(
        (span.start, today if span.end is None else span.end) for span in spans
    )
    total = 0
    current: tuple[int, int] | None = None
    for start, end in intervals:
        if current is None or start > current[1] + 1:
            if current is not None:
                total += current[1] - current[0] + 1
            current = (start, end)
        else:
            current = (current[0], max(current[1], end))
    if current is not None:
        total += current[1] - current[0] + 1
    return total


def _headline(
    lines: list[str], sections: list[str], headings: list[bool]
) -> str | None:
    seen = 0
    for index, line in enumerate(lines):
        if not line or headings[index]:
            continue
        if sections[index] != "summary" or seen >= 6:
            break
        seen += 1
        if SPACED_LETTERS_RE.match(line.replace("  ", " ")):
            continue
        for part in _SEGMENT_SPLIT_RE.split(line):
            part = _clean_segment(part)
            if TITLE_NOUN_RE.search(part) and _title_score(part) >= _TITLE_THRESHOLD:
                return part
    return None


@dataclass(frozen=True)
class _Structure:
    sections: list[str]
    section_names: list[str]
    jobs: list[Job]
    years: float | None
    relevant_years: float | None
    current_title: str | None
    current_level: Seniority
    current_rung: Seniority
    scope: Scope


def find_structure(lines: list[str], today: int) -> _Structure:
    sections, headings = assign_sections(lines)
    entries = _scope_entries(lines, sections, headings)
    found = _find_jobs(entries, today)
    bodies = _job_bodies(found, entries)
    jobs: list[Job] = []
    verdicts: list[bool | None] = []
    seen: set[tuple[str, int, int | None]] = set()
    for job, body in zip(found, bodies, strict=True):
        key = (job.title.lower(), job.span.start, job.span.end)
        if key in seen:  # some resumes list the same history twice
            continue
        seen.add(key)
        verdict = field_relevance(job.title, body, employer=job.employer or "")
        rung = title_seniority(job.title)
        end = today if job.span.end is None else job.span.end
        jobs.append(
            Job(
                title=job.title,
                employer=job.employer,
                start=format_month(job.span.start),
                end=None if job.span.end is None else format_month(job.span.end),
                months=end - job.span.start + 1,
                line=job.line,
                level=rung if verdict else Seniority.OUTSIDE,
                relevant=bool(verdict),
                rung=rung,
            )
        )
        verdicts.append(verdict)
    # most recent first: latest end ("present" = today), then the order on the page
    order = sorted(
        range(len(jobs)), key=lambda i: (-_end_index(jobs[i], today), jobs[i].line)
    )
    jobs = [jobs[i] for i in order]
    verdicts = [verdicts[i] for i in order]
    spans = [
        Span(_index_of(job.start), None if job.end is None else _index_of(job.end))
        for job in jobs
    ]
    years = round(_union_months(spans, today) / 12, 1) if jobs else None
    relevant_spans = [
        span for span, job in zip(spans, jobs, strict=True) if job.relevant
    ]
    relevant_years = (
        round(_union_months(relevant_spans, today) / 12, 1) if jobs else None
    )
    profile = [
        line
        for line, section in zip(lines, sections, strict=True)
        if line and section in ("summary", "skills")
    ]
    in_field = any(job.relevant for job in jobs[1:]) or bool(
        field_relevance("", profile)
    )
    if jobs:
        current_title: str | None = jobs[0].title
        current_level = jobs[0].level
        current_rung = jobs[0].rung
        if (
            verdicts[0] is None
            and in_field
            and current_rung.rank >= Seniority.SUPERVISOR.rank
        ):
            # the current job's lines say nothing either way, but the person's history
            # or profile is contact-center work: place the title on the ladder
            current_level = current_rung
    else:
        current_title = _headline(lines, sections, headings)
        current_level = Seniority.OUTSIDE
        current_rung = (
            title_seniority(current_title) if current_title else Seniority.OUTSIDE
        )
        if current_title and (field_relevance(current_title, []) or in_field):
            current_level = current_rung
    names: list[str] = []
    for index, line in enumerate(lines):
        if line and sections[index] not in names:
            names.append(sections[index])
    return _Structure(
        sections=sections,
        section_names=names,
        jobs=jobs,
        years=years,
        relevant_years=relevant_years,
        current_title=current_title,
        current_level=current_level,
        current_rung=current_rung,
        scope=find_scope([line for line in lines if line]),
    )


def _end_index(job: Job, today: int) -> int:
    return today if job.end is None else _index_of(job.end)


def _index_of(month_text: str) -> int:
    year, month = month_text.split("-")
    return month_index(int(year), int(month))
