"""
RENDER stage: Assessment -> terminal (rich), JSON, Markdown or HTML.

Every view is a rendering of the one ``Assessment`` model; these functions return values
and never print. The Markdown and HTML views are Jinja2 templates shipped in the package
(``gapcoach/templates``), read with importlib.resources; the HTML is one self-contained
file with inline CSS and SVG and no external requests.
"""

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from gapcoach._text import rich_text, strip_controls
from gapcoach.cohort import Cohort
from gapcoach.models import (
    DERIVED_MARK,
    LEVEL_LEGEND,
    Assessment,
    RoleAssessment,
    derived_note,
)

__all__ = [
    "render_cohort_html",
    "render_cohort_terminal",
    "render_html",
    "render_json",
    "render_markdown",
    "render_terminal",
]

_BAND_STYLE = {
    "Ready": "bold green",
    "Nearly ready": "bold cyan",
    "Developing": "bold yellow",
    "Early": "bold red",
}


def render_json(report: Assessment) -> str:
    """
    The report as JSON: stable key order, no timestamps, so equal input gives equal bytes.
    """
    return report.model_dump_json(indent=2) + "\n"


def _bar(value: float, width: int = 20) -> str:
    filled = round(max(0.0, min(value, 100.0)) / 100 * width)
    return "█" * filled + "░" * (width - filled)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


@dataclass(frozen=True)
class Answer:
    """
    What every view shows first: the recommended role with its readiness and band, the
    person's next rung on its ladder, the three gaps that matter most and the first
    three steps of its plan.
    """

    role: RoleAssessment
    reason: str | None
    gaps: list[str]
    steps: list[str]
    next_rung: str | None


def answer(report: Assessment) -> Answer | None:
    """The answer first: the recommended role (the report lists it first)."""
    if not report.assessments:
        return None
    role = report.assessments[0]
    ladder = role.ladder
    next_rung = None
    if ladder.next:
        next_rung = (
            f"{ladder.next} ({ladder.next_years})" if ladder.next_years else ladder.next
        )
    return Answer(
        role=role,
        reason=report.best_next_role_reason,
        gaps=[gap.name for gap in role.gaps[:3]],
        steps=[step.action for step in role.plan.steps[:3]],
        next_rung=next_rung,
    )


def _answer_view(report: Assessment) -> RenderableType | None:
    found = answer(report)
    if found is None:
        return None
    role = found.role
    parts: list[RenderableType] = []
    head = Text()
    head.append(f"{role.role_title}: ", style="bold")
    head.append(f"{role.readiness:.0f}/100 ", style="bold")
    head.append(role.band, style=_BAND_STYLE[role.band])
    parts.append(head)
    if found.reason:
        parts.append(rich_text(found.reason))
    if found.next_rung:
        parts.append(rich_text(f"Your next rung: {found.next_rung}"))
    if found.gaps:
        parts.append(rich_text("Top gaps: " + "; ".join(found.gaps)))
    for number, step in enumerate(found.steps, start=1):
        parts.append(rich_text(f"{number}. {step}"))
    return Panel(
        Group(*parts),
        title=rich_text("Your answer", style="bold"),
        title_align="left",
    )


def _one_line(item: RoleAssessment) -> RenderableType:
    text = Text()
    text.append(f"{item.role_title}: ", style="bold")
    text.append(f"{item.readiness:.0f}/100 ")
    text.append(item.band, style=_BAND_STYLE[item.band])
    if item.gaps:
        text.append(f" · top gap: {strip_controls(item.gaps[0].name)}")
    text.append(" (--role ID or --role all for the full view)", style="dim")
    return text


def _comparison(report: Assessment) -> Table:
    table = Table(title="Roles compared", title_justify="left", expand=False)
    table.add_column("role")
    table.add_column("readiness", justify="right")
    table.add_column("band")
    table.add_column("top gap")
    for item in report.assessments:
        marker = " ★" if item.role_id == report.best_next_role else ""
        table.add_row(
            rich_text(item.role_title + marker),
            f"{item.readiness:.0f}",
            Text(item.band, style=_BAND_STYLE[item.band]),
            rich_text(item.gaps[0].name if item.gaps else "-"),
        )
    table.caption = "★ the recommended role"
    return table


def _role_view(item: RoleAssessment) -> RenderableType:
    parts: list[RenderableType] = []
    gauge = Text()
    gauge.append(f"{_bar(item.readiness, 30)} ", style=_BAND_STYLE[item.band])
    gauge.append(f"{item.readiness:.0f}/100 ", style="bold")
    gauge.append(item.band, style=_BAND_STYLE[item.band])
    parts.append(gauge)
    experience = item.experience
    years = "?" if experience.years is None else f"{experience.years:g}"
    parts.append(
        rich_text(
            f"Experience: {years} years in contact centers, "
            f"{experience.leadership_years:g} leading people "
            f"(role: {experience.required_years}+) · now "
            f"{experience.current_title or 'unknown'} ({experience.current_level.value})"
        )
    )
    if item.ladder.next:
        parts.append(
            rich_text(
                f"Ladder: {item.ladder.current or 'not on this ladder yet'} → {item.ladder.next}"
                + (f" ({item.ladder.next_years})" if item.ladder.next_years else "")
            )
        )

    categories = Table(
        title="Categories", title_justify="left", box=None, padding=(0, 1)
    )
    categories.add_column("category")
    categories.add_column("score", justify="right")
    categories.add_column("")
    for category in item.category_scores:
        categories.add_row(
            rich_text(category.category), f"{category.score:.0f}", _bar(category.score)
        )
    parts.append(categories)

    strengths = [s for s in item.skills if s.status == "met" and s.evidence]
    if strengths:
        table = Table(
            title="Top strengths", title_justify="left", box=None, padding=(0, 1)
        )
        # (the columns take the width there is; long evidence wraps)
        table.add_column("skill", max_width=32)
        table.add_column("evidence", ratio=1)
        for skill in sorted(strengths, key=lambda s: (-s.contribution, s.id))[:5]:
            proof = skill.evidence[0]
            where = f"line {proof.line}" if proof.line else proof.section
            table.add_row(
                rich_text(skill.name),
                rich_text(f"“{_clip(proof.text, 160)}” ({where})"),
            )
        parts.append(table)

    disagreements = [
        s
        for s in item.skills
        if s.rating_level is not None and s.rating_level != s.resume_level
    ]
    if disagreements:
        table = Table(
            title="Self-ratings and resume disagree",
            title_justify="left",
            box=None,
            padding=(0, 1),
        )
        table.add_column("skill", max_width=40)
        table.add_column("resume", justify="center")
        table.add_column("self-rating", justify="center")
        table.add_column("used", ratio=1)
        for skill in disagreements:
            table.add_row(
                rich_text(skill.name),
                str(skill.resume_level),
                str(skill.rating_level),
                rich_text(skill.combination),
            )
        parts.append(table)

    if item.gaps:
        table = Table(
            title="Gaps (by readiness impact)", title_justify="left", box=None
        )
        table.add_column("skill", max_width=40)
        table.add_column("level", justify="center")
        table.add_column("gain (points)", justify="right")
        for gap in item.gaps[:8]:
            table.add_row(
                rich_text(gap.name),
                f"{gap.level}→{gap.target_level}",
                f"+{gap.impact:.1f}",
            )
        parts.append(table)

    if item.plan.steps:
        plan = Table(title="Plan", title_justify="left", box=None, padding=(0, 1))
        plan.add_column("#", justify="right")
        plan.add_column("step", ratio=1)
        plan.add_column("gain (points)", justify="right")
        plan.add_column("effort", min_width=13)
        for projection in item.plan.projection:
            steps = [s for s in item.plan.steps if s.phase == projection.phase]
            if not steps:
                continue
            plan.add_row(
                "",
                rich_text(
                    f"{projection.phase} → readiness {projection.readiness:.0f}",
                    style="bold",
                ),
                "",
                "",
            )
            for step in steps:
                plan.add_row(
                    str(step.order),
                    rich_text(step.action),
                    f"+{step.gain:.1f}",
                    rich_text(step.effort),
                )
        parts.append(plan)
    note = derived_note(item.skills)
    if note:
        names = ", ".join(s.name for s in item.skills if s.derived)
        parts.append(rich_text(f"{note} ({names})", style="dim"))
    return Panel(
        Group(*parts),
        title=rich_text(item.role_title, style="bold"),
        title_align="left",
    )


def _hidden_text_note(chars: int) -> str:
    return (
        f"Note: this document contains hidden text ({chars:,} characters), "
        "which was ignored."
    )


def render_terminal(report: Assessment, *, every_role: bool = True) -> RenderableType:
    """
    A rich renderable: the answer first (the recommended role, its readiness, next rung,
    top gaps and first steps), the role comparison (when several roles), then the
    recommended role's detail and the others' (one line each unless ``every_role``).
    """
    header = Text()
    header.append("gapcoach ", style="bold")
    header.append(f"{report.gapcoach_version} · ")
    if report.input.person:
        header.append(strip_controls(report.input.person) + " · ", style="bold")
    if report.input.file:
        header.append(strip_controls(report.input.file))
        if report.input.ratings:
            header.append(strip_controls(f" + ratings ({report.input.ratings_file})"))
    else:
        header.append(strip_controls(f"self-ratings ({report.input.ratings_file})"))
    parts: list[RenderableType] = [header]
    if report.input.hidden_text_chars:
        parts.append(Text(_hidden_text_note(report.input.hidden_text_chars), "yellow"))
    for notice in report.input.notices:
        parts.append(Text(strip_controls(f"Note: {notice}"), "yellow"))
    first = _answer_view(report)
    if first is not None and len(report.assessments) > 1:
        parts.append(first)
    if len(report.assessments) > 1:
        parts.append(_comparison(report))
    for index, item in enumerate(report.assessments):
        parts.append(_role_view(item) if index == 0 or every_role else _one_line(item))
    parts.append(Text(LEVEL_LEGEND, style="dim"))
    return Group(*parts)


# Markdown renderers pass raw HTML through, and turn [text](url) into links: user text in a
# Markdown report shows these characters literally instead (as entities or backslash escapes).
# A bare "&" or ">" stays readable ("P&L", "2 -> 3"): only "<" opens a tag or an autolink,
# and only an "&" that would start an entity is escaped.
_ENTITY_START_RE = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_MARKDOWN_ESCAPES = str.maketrans(
    {
        "<": "&lt;",
        "\\": "\\\\",
        "|": "\\|",
        "[": "\\[",
        "]": "\\]",
        "`": "\\`",
    }
)


def _finalize_html(value: object) -> object:
    # autoescaping runs after this: strings only lose their control characters here; the
    # one Markup value (the team view's own script, hashed for the CSP) passes unchanged
    from markupsafe import Markup

    if isinstance(value, str) and not isinstance(value, Markup):
        return strip_controls(value)
    return value


def _finalize_markdown(value: object) -> object:
    if isinstance(value, str):
        text = _ENTITY_START_RE.sub("&amp;", strip_controls(value))
        return text.translate(_MARKDOWN_ESCAPES)
    return value


def _template_source(name: str) -> str:
    return (resources.files("gapcoach") / "templates" / name).read_text(
        encoding="utf-8"
    )


@cache
def _environment(kind: str) -> Any:
    """
    The Jinja2 environment for one kind of template: "html" or "markdown".

    HTML templates are always autoescaped (every ``{{ }}`` is user data; the only value
    marked safe is the team view's own script, read from the package); Markdown
    templates escape what Markdown would render as HTML or a link.
    """
    from jinja2 import Environment, FunctionLoader, StrictUndefined

    environment = Environment(
        loader=FunctionLoader(_template_source),
        autoescape=kind == "html",
        finalize=_finalize_html if kind == "html" else _finalize_markdown,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.globals["level_legend"] = LEVEL_LEGEND
    environment.globals["derived_note"] = derived_note
    environment.globals["derived_mark"] = DERIVED_MARK
    environment.globals["answer"] = answer
    return environment


def render_markdown(report: Assessment) -> str:
    """
    The report as Markdown, for a ticket or an email.
    """
    return str(
        _environment("markdown").get_template("report.md.j2").render(report=report)
    )


def render_html(report: Assessment) -> str:
    """
    The report as one self-contained HTML page (inline CSS and SVG charts).
    """
    return str(
        _environment("html").get_template("report.html.j2").render(report=report)
    )


# the roster sorts bands by this number: Early 0 ... Ready 3 (_BAND_STYLE lists them readiest first)
_BAND_ORDER = {band: rank for rank, band in enumerate(reversed(_BAND_STYLE))}
HEAT_MAP_ROWS = 1000  # a bigger roster is in the JSONL or CSV output


@cache
def _sort_script() -> tuple[Any, str]:
    """
    The team view's one script (our own file, never user data) and its CSP hash.
    """
    import base64
    import hashlib

    from markupsafe import Markup

    script = _template_source("sort.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest())
    return Markup(script), "sha256-" + digest.decode("ascii")


def render_cohort_html(cohort: Cohort, *, version: str) -> str:
    """
    The team picture as one self-contained HTML page: per role the bands, the readiness
    distribution, the common gaps, the whole roster (sortable; names link to each
    person's report when ``cohort.reports`` has them) and a person x skill heat map.
    """
    script, script_hash = _sort_script()
    template = _environment("html").get_template("cohort.html.j2")
    return str(
        template.render(
            cohort=cohort,
            version=version,
            band_order=_BAND_ORDER,
            heat_rows=HEAT_MAP_ROWS,
            sort_script=script,
            script_hash=script_hash,
        )
    )


def render_cohort_terminal(cohort: Cohort) -> RenderableType:
    """
    The batch summary: counts per band, mean readiness and most common gaps per role.
    """
    parts: list[RenderableType] = []
    table = Table(title="Team summary", title_justify="left")
    # the role's title wraps; the short headers never shrink to "peop…" (80 columns)
    table.add_column("role", ratio=1)
    table.add_column("people", justify="right", no_wrap=True, min_width=6)
    table.add_column("mean", justify="right", no_wrap=True, min_width=4)
    for header in ("ready", "nearly", "devel.", "early"):
        table.add_column(header, justify="right", no_wrap=True, min_width=len(header))
    for role_id, title in sorted(cohort.role_titles.items()):
        table.add_row(
            rich_text(title),
            str(cohort.readiness_n[role_id]),
            f"{cohort.mean(role_id):.0f}",
            *(str(cohort.bands[(role_id, b)]) for b in _BAND_STYLE),
        )
    parts.append(table)
    for role_id, title in sorted(cohort.role_titles.items()):
        gaps = cohort.common_gaps(role_id, 3)
        if gaps:
            parts.append(
                rich_text(
                    f"Most common gaps for {title}: "
                    + ", ".join(f"{name} ({count})" for name, count in gaps)
                )
            )
    parts.append(
        Text(
            f"{cohort.n_files - cohort.n_failed} of {cohort.n_files} assessed"
            + (f", {cohort.n_failed} failed" if cohort.n_failed else ""),
            style="bold red" if cohort.n_failed else "bold",
        )
    )
    for path, error in cohort.failures[:20]:
        parts.append(rich_text(f"  {path}: {error}", style="red"))
    return Group(*parts)
