"""
The work history: dated job entries (a date range on the title's line, above or below
it, or split across lines), each job's title and employer, its rung on the ladder and
whether it was contact-center work; then the whole resume's structure: jobs most recent
first, years of experience (all and relevant), the current title and level, and scope.
"""

import bisect
import itertools
import re
from dataclasses import dataclass, field

from gapcoach.ingest.dates import (
    CELL_RANGE_RE,
    DATE,
    DATE_ONLY_RE,
    DATE_RE,
    DATE_THEN_WORD_RE,
    END_ONLY_RE,
    FOREIGN_PAIR_RE,
    FOREIGN_RANGE_RE,
    FOREIGN_SINCE_RE,
    LONE_DATE_END_RE,
    LOOSE_RANGE_RE,
    PRESENT,
    RANGE_RE,
    SEPARATOR,
    SEPARATOR_ONLY_RE,
    SEPARATOR_START_RE,
    SINCE_RE,
    Span,
    make_span,
    translate_months,
)
from gapcoach.ingest.header import (
    COMPANY_END_RE,
    DURATION_TAIL_RE,
    LOCATION_RE,
    META_RE,
    SEGMENT_SPLIT_RE,
    capitalised,
    clean_segment,
    is_place,
    latest_title,
    split_header,
    strip_place,
    title_score,
)
from gapcoach.ingest.narrative import story_jobs
from gapcoach.ingest.sections import (
    heading_key,
)
from gapcoach.vocab.headings import HEADINGS
from gapcoach.vocab.titles import (
    TITLE_NOUN_RE,
    VERB_START_RE,
)


@dataclass
class _Entry:
    """
    One non-empty line of the work-history scope.
    """

    index: int
    number: int
    text: str
    block: int
    bullet: bool = False
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
    sentence: str | None = None  # a job told in a sentence: its lines are that sentence
    heads_block: bool = False  # its employer is a line that heads the roles below it


def scope_entries(
    lines: list[str], sections: list[str], headings: list[bool], bulleted: list[bool]
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
        if not line or _PAGE_MARK_RE.search(line):
            continue
        if inside:
            if not previous_in:
                block += 1
            entries.append(
                _Entry(
                    index=index,
                    number=index + 1,
                    text=line,
                    block=block,
                    bullet=bulleted[index],
                )
            )
        previous_in = inside
    return entries


# a year in any form a date pattern reads: 2019, '19, 9/19, Q2 19
_YEARISH_RE = re.compile(r"\d{4}|['’]\d\d|\d/\d\d|[Qq][1-4]\s*\d\d")

# a clause about the work after a header: ", leading 14 advisors", ", handling …"
_CLAUSE_RE = re.compile(r",\s+(?=[a-z]+ing\b|where\b|which\b|with\s+[a-z])")

_SENTENCE_END_RE = re.compile(r"(?<=[a-z0-9)])\.\s+(?=[A-Z])")

# "Page 2 of 2", "Jane Doe — Page 2": a page break inside the work history
_PAGE_MARK_RE = re.compile(r"(?:^|[—–|-]\s*)page\s+\d+(?:\s*(?:of|/)\s*\d+)?$", re.I)

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

# a sentence that tells a job has a person in it: a cheap test before the sentence reader
_STORY_HINT_RE = re.compile(
    r"\bI\s+(?:have|had|was|am|worked|work|served|joined|started|spent|became|moved)\b"
)

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


def _anchors(entries: list[_Entry], today: int, notices: list[str]) -> list[_Anchor]:
    """
    Every dated job header candidate: ranges, "Since 2019", and "Title ... Mar 2016";
    a date range that cannot be used, or dates not understood, add to ``notices``.
    """
    found: list[_Anchor] = []
    for position, entry in enumerate(entries):
        if entry.used:
            continue
        # a job header is short: look at the start of very long lines only
        text = (entry.date_text or entry.text)[:_MAX_HEADER_CHARS]
        if not _YEARISH_RE.search(text):
            continue  # (every date pattern below needs a year: most lines have none)
        text = DURATION_TAIL_RE.sub("", text)
        if "|" in text:
            text = CELL_RANGE_RE.sub(r"\g<start> – \g<end>", text)
        written = text  # (as written: a notice quotes it, not its translation)
        ranges = list(RANGE_RE.finditer(text))
        if (
            FOREIGN_PAIR_RE.search(text)
            if ranges
            else (
                FOREIGN_RANGE_RE.search(text)
                or DATE_THEN_WORD_RE.search(text)
                or LOOSE_RANGE_RE.search(text)
            )
        ):
            text = translate_months(text)
            ranges = list(RANGE_RE.finditer(text))
        if ranges:
            multi = len(ranges) > 1
            previous_end = 0
            for match in ranges:
                if multi:
                    rest = text[previous_end : match.start()]
                else:
                    # "2019–23: Team Lead, Acme. Lead 7 agents …": the header ends with
                    # its first sentence
                    after = _SENTENCE_END_RE.split(text[match.end() :], maxsplit=1)[0]
                    rest = text[: match.start()] + " | " + after
                previous_end = match.end()
                if len(rest.split()) > _MAX_HEADER_WORDS and not text[
                    : match.start()
                ].strip(" :(-–—"):
                    # "2023–present: Team Leader, Acme (Mohali), leading 14 advisors on
                    # …": the header ends where a clause about the work begins
                    rest = "| " + _CLAUSE_RE.split(text[match.end() :], maxsplit=1)[0]
                if len(rest.split()) > _MAX_HEADER_WORDS:
                    # a long line: only a short title before the dates makes it a header
                    # (of a promotion written on one line, the last title)
                    rest = latest_title(_strip_heading_prefix(text[: match.start()]))
                    if len(rest.split()) > 8 or split_header(rest)[0] is None:
                        continue
                entry.anchor = True
                span = make_span(match.group("start"), match.group("end"), today)
                if span is not None:
                    found.append(_Anchor(position, span, rest, multi))
                else:
                    notices.append(
                        f"line {entry.number}: the dates '{match.group(0)}' cannot be "
                        "used (they end before they start, lie in the future or span "
                        "over 50 years); that job is not counted."
                    )
            continue
        since = SINCE_RE.search(text)
        if since is None and FOREIGN_SINCE_RE.search(text):
            text = translate_months(text)
            since = SINCE_RE.search(text)
        if since:
            rest = text[: since.start()] + " | " + text[since.end() :]
            span = make_span(since.group("start"), None, today)
            # "... moved into adjuster roles since 2020" ends a bullet, not a header
            if (
                span is not None
                and len(rest.split()) <= _MAX_HEADER_WORDS
                and not entry.bullet
                and not VERB_START_RE.match(text)
            ):
                entry.anchor = True
                found.append(_Anchor(position, span, rest, False))
            continue
        tail = text[-40:]
        lone = LONE_DATE_END_RE.search(tail)
        if lone and len(DATE_RE.findall(text)) == 1:
            rest = text[: len(text) - len(tail) + lone.start()]
            title, _ = split_header(rest)
            span = make_span(lone.group("start"), None, today)
            if title is not None and span is not None:
                # a start date alone after a title: the job is still going on
                entry.anchor = True
                found.append(_Anchor(position, span, rest, False))
                continue
        if (
            not entry.bullet
            and len(text.split()) <= _MAX_HEADER_WORDS
            and LOOSE_RANGE_RE.search(text)
        ):
            notices.append(
                f"line {entry.number}: '{_shorten(written)}' looks like dates but was "
                "not understood; that job is not counted (write dates as "
                "'Mar 2019 – Jun 2021')."
            )
    return found


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _strip_heading_prefix(text: str) -> str:
    """
    Drop a section heading run into the start of a line ("Work Experience Agent, ...").
    """
    words = text.split()
    for size in (3, 2, 1):
        if len(words) > size and heading_key(" ".join(words[:size])) in HEADINGS:
            return " ".join(words[size:])
    return text


def find_jobs(entries: list[_Entry], today: int, notices: list[str]) -> list[_FoundJob]:
    """
    Dated jobs of the work history, each with its title and (where present) employer.
    """
    _merge_split_ranges(entries)
    jobs = _told_jobs(entries, today)
    for anchor in _anchors(entries, today, notices):
        entry = entries[anchor.position]
        title, employer = split_header(anchor.rest)
        header = {entry.index}
        line = entry.number
        found: int | None = None
        if title is None and not anchor.multi:
            # (a note in brackets beside the dates, "(contrat de 7 mois)", is not a title)
            date_only = not clean_segment(
                _BRACKETED_RE.sub("", anchor.rest).replace("|", "")
            )
            found = _neighbour_title(entries, anchor.position, date_only=date_only)
            stacked = (
                _title_over_employer(entries, anchor.position)
                if found is None and date_only
                else None
            )
            if stacked is not None:
                found, employer, employer_at = stacked
                entries[employer_at].used = True
                header.add(entries[employer_at].index)
            if found is not None:
                neighbour = entries[found]
                neighbour.used = True
                title, other_employer = split_header(neighbour.text)
                employer = employer or other_employer
                header.add(neighbour.index)
                line = neighbour.number
                if employer is None and date_only and found > anchor.position:
                    # dates, title, employer, each on its own line
                    below = _employer_below(entries, found, placed=True)
                    if below is not None:
                        employer = below
                        entries[found + 1].used = True
                        header.add(entries[found + 1].index)
        if title is None and not anchor.multi and found is None:
            title, employer = _phrase_by_employer(entries, anchor)
        if title is None:
            continue
        heads_block = False
        if employer is None:
            first = (
                found
                if found is not None and found < anchor.position
                else anchor.position
            )
            employer = _employer_above(entries, first)
            heads_block = employer is not None
        if employer is None and found is None:
            employer = _employer_below(entries, anchor.position)
        job = _FoundJob(title, employer, anchor.span, line, header)
        job.heads_block = heads_block
        jobs.append(job)
    jobs = _without_tenure_lines(jobs, today)
    _share_block_employers(jobs)
    return jobs


def _without_tenure_lines(jobs: list[_FoundJob], today: int) -> list[_FoundJob]:
    """
    "AtlântiCX Solutions (BPO) … 2014 – present" above the roles held there is the
    employer's tenure, not a job: a dated line without a title word whose span holds two
    or more roles listed below it. It becomes their employer.
    """

    def end(job: _FoundJob) -> int:
        return today if job.span.end is None else job.span.end

    kept: list[_FoundJob] = []
    for job in jobs:
        inside = [
            other
            for other in jobs
            if other is not job
            and min(other.header) > max(job.header)
            and other.span.start >= job.span.start - 1
            and end(other) <= end(job) + 1
        ]
        if len(inside) >= 2 and not TITLE_NOUN_RE.search(job.title):
            for other in inside:
                if other.employer is None:
                    other.employer = job.title
            continue
        kept.append(job)
    return kept


def _phrase_by_employer(
    entries: list[_Entry], anchor: _Anchor
) -> tuple[str | None, str | None]:
    """
    "Meter Reader — 2017 to 2020" under an employer line, or "Claims Interviewer (2018 –
    2021)" above one: a short capitalised phrase dated next to an employer is the title,
    whatever its noun.
    """
    parts = [
        part
        for part in (clean_segment(p) for p in SEGMENT_SPLIT_RE.split(anchor.rest))
        if any(char.isalnum() for char in part) and not is_place(part)
    ]
    if len(parts) != 1:
        return None, None
    phrase = parts[0]
    words = phrase.split()
    if (
        len(words) > 5
        or not capitalised(phrase)
        or VERB_START_RE.match(phrase)
        or DATE_RE.search(phrase)
    ):
        return None, None
    employer = _employer_above(entries, anchor.position) or _employer_below(
        entries, anchor.position
    )
    return (phrase, employer) if employer else (None, None)


def _share_block_employers(jobs: list[_FoundJob]) -> None:
    """
    An employer named once above several roles ("Acme Insurance - Omaha, NE", then two
    titles with dates) is the employer of each role under it that names none.
    """
    current: str | None = None
    for job in sorted(jobs, key=lambda job: min(job.header)):
        if job.sentence is not None:
            continue
        if job.heads_block:
            current = job.employer
        elif job.employer is None:
            job.employer = current
        else:
            current = None


def _paragraphs(entries: list[_Entry]) -> list[list[_Entry]]:
    """
    Runs of adjacent lines of one block, not broken by a bullet: a paragraph of prose
    wraps over several lines, sentences across line ends.
    """
    runs: list[list[_Entry]] = []
    for entry in entries:
        if (
            runs
            and not entry.bullet
            and runs[-1][-1].block == entry.block
            and runs[-1][-1].index + 1 == entry.index
        ):
            runs[-1].append(entry)
        else:
            runs.append([entry])
    return runs


def _told_jobs(entries: list[_Entry], today: int) -> list[_FoundJob]:
    """
    Jobs told in sentences ("From 2019 to 2022 I was a Team Lead at Acme"), read from
    whole paragraphs; the lines of those sentences are not read again as headers.
    """
    jobs: list[_FoundJob] = []
    open_ends: list[_FoundJob] = []
    previous: str | None = None
    for run in _paragraphs(entries):
        if not any(_STORY_HINT_RE.search(entry.text) for entry in run):
            continue
        text = " ".join(entry.text for entry in run)
        starts = list(itertools.accumulate(len(entry.text) + 1 for entry in run))
        for job in story_jobs(text, today, previous):
            first = bisect.bisect_right(starts, job.offset)
            last = bisect.bisect_right(starts, job.offset + len(job.sentence) - 1)
            told = run[first : last + 1]
            for entry in told:
                entry.used = True
            jobs.append(
                _FoundJob(
                    job.title,
                    job.employer,
                    job.span,
                    told[0].number,
                    {entry.index for entry in told},
                    job.sentence,
                )
            )
            previous = job.employer
            if job.open_end:
                open_ends.append(jobs[-1])
    # "In 2019 I joined Acme as …", "In 2021 I was promoted to …": a start alone lasts
    # until the next job told begins
    begins = sorted({found.span.start for found in jobs})
    for found in open_ends:
        later = [start for start in begins if start > found.span.start]
        if later:
            found.span = Span(found.span.start, later[0] - 1)
    return jobs


def _usable(entries: list[_Entry], position: int, block: int) -> bool:
    if not 0 <= position < len(entries):
        return False
    entry = entries[position]
    return entry.block == block and not entry.anchor and not entry.used


def _aside(text: str) -> bool:
    """A place or a "Full-time · 3 yrs" line: beside a job's header, not part of it."""
    return is_place(text) or bool(META_RE.match(text))


def _past_asides(entries: list[_Entry], position: int, block: int) -> int:
    """The first position at or above ``position`` that is not an aside line."""
    while _usable(entries, position, block) and _aside(entries[position].text):
        position -= 1
    return position


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
    before = _past_asides(entries, before, block)
    after = position + 1
    while after < len(entries) and entries[after].merged:
        after += 1
    ordered = [after, before] if date_only else [before, after]
    for candidate in ordered:
        if _usable(entries, candidate, block):
            candidates.append(candidate)
    best: tuple[int, int] | None = None
    for rank, candidate in enumerate(candidates):
        title, _ = split_header(entries[candidate].text)
        if title is None:
            continue
        score = title_score(title) * 10 - rank
        if best is None or score > best[0]:
            best = (score, candidate)
    return None if best is None else best[1]


def _employer_like(entry: _Entry, *, placed: bool = False) -> str | None:
    """
    The employer an employer line names ("Acme Insurance - Omaha, NE"), if it is one: a
    short line of capitalised words, not a bullet, a title, a sentence or a date. A line
    ``placed`` between a title and its dates is one by its place: it only has to start
    with a capital ("Musée régional de Bellerive", "Boréalis Abonnements inc.").
    """
    text = entry.text
    name = strip_place(SEGMENT_SPLIT_RE.split(text)[0])
    if (
        entry.bullet
        or len(name.split()) > 8
        or (text.endswith(".") and not (placed and COMPANY_END_RE.search(text)))
        or TITLE_NOUN_RE.search(text)
        or VERB_START_RE.match(text)
        or DATE_RE.search(text)
        or not (name[:1].isupper() if placed else capitalised(name))
    ):
        return None
    return name or None


_BRACKETED_RE = re.compile(r"\([^()]*\)")


def _employer_above(entries: list[_Entry], position: int) -> str | None:
    """
    An employer line just above a job's header ("Acme Insurance - Omaha, NE").
    """
    # (over a place or a "3 yrs 8 mos" line: a LinkedIn export's employer block)
    above = _past_asides(entries, position - 1, entries[position].block)
    if not _usable(entries, above, entries[position].block):
        return None
    text = entries[above].text
    # a bullet of the previous job can look like a name: only trust a line that names a
    # place ("Acme Health - Omaha, NE") or starts a block (after a heading or blank line)
    starts_block = above == 0 or (
        entries[above - 1].block != entries[above].block
        or entries[above].index - entries[above - 1].index > 1
    )
    has_place = strip_place(text) != clean_segment(text) or LOCATION_RE.search(text)
    if not (starts_block or has_place):
        return None
    return _employer_like(entries[above])


def _employer_below(
    entries: list[_Entry], position: int, *, placed: bool = False
) -> str | None:
    """
    An employer line just below a job's header ("Senior Manager (2022 – Present)" /
    "Acme Pharmacy"), not a bullet of the job.
    """
    below = position + 1
    if not _usable(entries, below, entries[position].block):
        return None
    return _employer_like(entries[below], placed=placed)


def _title_over_employer(
    entries: list[_Entry], position: int
) -> tuple[int, str, int] | None:
    """
    Title, employer and dates each on their own line: the title two lines above a
    date-only line, with the employer line between (positions of the title and of the
    employer line, and the employer); places and "Full-time" lines may stand between.
    """
    block = entries[position].block
    above = position - 1
    while above >= 0 and (entries[above].merged or _aside(entries[above].text)):
        above -= 1
    if not _usable(entries, above, block):
        return None
    employer = _employer_like(entries[above], placed=True)
    if employer is None or split_header(entries[above].text)[0] is not None:
        return None
    title_at = _past_asides(entries, above - 1, block)
    if not _usable(entries, title_at, block):
        return None
    title, _ = split_header(entries[title_at].text)
    if title is None or entries[title_at].bullet:
        return None
    return title_at, employer, above


def job_bodies(jobs: list[_FoundJob], entries: list[_Entry]) -> list[list[str]]:
    """
    The lines of each job: from its header to the next job's header. A line that only
    repeats a job's title further down (a table of jobs above, details below) also
    starts a block, and that block belongs to the job it names.
    """
    headers = {index for job in jobs for index in job.header}
    by_title: dict[str, list[int]] = {}
    for entry in entries:
        if (
            entry.index in headers
            or len(entry.text) > 120
            or len(entry.text.split()) > 10
        ):
            continue
        # "Travel Consultant", or "HIGHLIGHTS — Care Operations Manager"
        for part in SEGMENT_SPLIT_RE.split(entry.text):
            key = clean_segment(part).lower()
            if key:
                by_title.setdefault(key, []).append(entry.index)
    details = {
        job_index: by_title.get(job.title.lower(), [])
        for job_index, job in enumerate(jobs)
        if job.sentence is None
    }
    starts = sorted(
        {min(job.header) for job in jobs if job.sentence is None}
        | {index for found in details.values() for index in found}
    )
    indexes = [entry.index for entry in entries]

    def block(first: int, last: int) -> list[str]:
        following = bisect.bisect_right(starts, last)
        stop = starts[following] if following < len(starts) else None
        low = bisect.bisect_left(indexes, first)
        high = len(indexes) if stop is None else bisect.bisect_left(indexes, stop)
        return [entry.text for entry in entries[low:high]]

    bodies: list[list[str]] = []
    for job_index, job in enumerate(jobs):
        if job.sentence is not None:
            bodies.append([job.sentence])
            continue
        body = block(min(job.header), max(job.header))
        for index in details[job_index]:
            body += block(index, index)
        bodies.append(body)
    return bodies
