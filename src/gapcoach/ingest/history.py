"""
Who the person is, from the jobs of the work history: the jobs most recent first, each
with its field and rung, years of experience (all and in the field, overlaps once), the
current title, level and rung (from the latest in-field job), the sections and scope.
"""

from dataclasses import dataclass

from gapcoach.ingest.dates import Span, format_month, month_index
from gapcoach.ingest.header import (
    SEGMENT_SPLIT_RE,
    TITLE_THRESHOLD,
    clean_segment,
    title_score,
)
from gapcoach.ingest.jobs import find_jobs, job_bodies, scope_entries
from gapcoach.ingest.scope import find_scope
from gapcoach.ingest.sections import SPACED_LETTERS_RE, assign_sections
from gapcoach.models import Job, Scope, Seniority
from gapcoach.vocab.field import field_relevance, field_verdict
from gapcoach.vocab.titles import TITLE_NOUN_RE, rung_from_lines, title_seniority


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
        for part in SEGMENT_SPLIT_RE.split(line):
            part = clean_segment(part)
            if TITLE_NOUN_RE.search(part) and title_score(part) >= TITLE_THRESHOLD:
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
    notices: list[str]


def find_structure(
    lines: list[str], today: int, bulleted: list[bool] | None = None
) -> _Structure:
    sections, headings = assign_sections(lines)
    entries = scope_entries(lines, sections, headings, bulleted or [False] * len(lines))
    notices: list[str] = []
    found = find_jobs(entries, today, notices)
    bodies = job_bodies(found, entries)
    jobs: list[Job] = []
    verdicts: list[bool | None] = []
    seen: set[tuple[str, int, int | None]] = set()
    for job, body in zip(found, bodies, strict=True):
        key = (job.title.lower(), job.span.start, job.span.end)
        if key in seen:  # some resumes list the same history twice
            continue
        seen.add(key)
        verdict, reason = field_verdict(job.title, body, employer=job.employer or "")
        # the rung by what the person does: a title that names a rung from supervisor
        # up says it; below that, the job's own lines may show more by who reports to
        # the person ("Associate III" running 3 team leads, a "Coordinator" of 11 agents)
        rung = title_seniority(job.title)
        if rung.rank < Seniority.SUPERVISOR.rank:
            shown = rung_from_lines(body)
            # (a team lead who "supervises 12 agents" is still a team lead; one who runs
            # other leads is not)
            if rung is Seniority.AGENT or shown.rank >= Seniority.MANAGER.rank:
                rung = max(rung, shown, key=_rank)
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
                lines=sorted(index + 1 for index in job.header),
                field_reason=reason,
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
        elif current_level is Seniority.OUTSIDE:
            # now outside the field, earlier in it (a supervisor turned recruiter): the
            # person stands on the rung of their latest contact-center job
            latest = next((job for job in jobs if job.relevant), None)
            if latest is not None:
                current_level = latest.level
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
        notices=notices,
    )


def _rank(rung: Seniority) -> int:
    return rung.rank


def _end_index(job: Job, today: int) -> int:
    return today if job.end is None else _index_of(job.end)


def _index_of(month_text: str) -> int:
    year, month = month_text.split("-")
    return month_index(int(year), int(month))
