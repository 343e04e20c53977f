"""
A plan you can use (issue 22): the recommended role's steps as a calendar (iCalendar,
RFC 5545) or a spreadsheet (CSV), each step starting on its week counted from a start
date (today by default).
"""

import csv
import io
from datetime import date, timedelta

from gapcoach.batch import csv_cell
from gapcoach.models import Assessment, PlanStep, RoleAssessment

__all__ = ["plan_csv", "plan_ics", "plan_role"]


def plan_role(report: Assessment) -> RoleAssessment | None:
    """The role whose plan is exported: the recommended one (the report lists it first)."""
    return report.assessments[0] if report.assessments else None


def _start(step: PlanStep, start: date) -> date:
    return start + timedelta(weeks=step.start_week)


def plan_csv(report: Assessment, *, start: date) -> str:
    """
    The plan as CSV: order, phase, start date, weeks, effort, action, gain, kind, where
    the guide says so; cells that would start a formula are neutralised.
    """
    role = plan_role(report)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "role",
            "order",
            "phase",
            "start",
            "weeks",
            "effort",
            "action",
            "gain",
            "kind",
            "grounded_in",
        ]
    )
    for step in role.plan.steps if role else []:
        writer.writerow(
            [
                csv_cell(role.role_title),  # type: ignore[union-attr]
                step.order,
                step.phase,
                _start(step, start).isoformat(),
                step.weeks,
                csv_cell(step.effort),
                csv_cell(step.action),
                f"{step.gain:.2f}",
                step.kind,
                csv_cell(step.grounded_in),
            ]
        )
    return out.getvalue()


def _ics_text(text: str) -> str:
    """A TEXT value of RFC 5545: backslash, semicolon, comma and newlines escaped."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _fold(line: str) -> list[str]:
    """RFC 5545 folds content lines at 75 octets; a continuation starts with a space."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return [line]
    parts: list[str] = []
    current = b""
    limit = 75
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > limit:
            parts.append(current.decode("utf-8"))
            current = b""
            limit = 74  # the leading space counts
        current += encoded
    parts.append(current.decode("utf-8"))
    return [parts[0], *(" " + part for part in parts[1:])]


def plan_ics(report: Assessment, *, start: date) -> str:
    """
    The plan as an iCalendar file: one all-day event per step on the day it starts
    (its duration and effort in the description), UIDs stable for the same report.
    """
    role = plan_role(report)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//gapcoach//plan//EN",
        "CALSCALE:GREGORIAN",
    ]
    key = (report.input.sha256 or report.input.ratings_sha256 or "plan")[:16]
    for step in role.plan.steps if role else []:
        day = _start(step, start)
        description = (
            f"{step.action} Effort: {step.effort}. Phase: {step.phase}. "
            f"From the guide: {step.grounded_in}."
        )
        lines += [
            "BEGIN:VEVENT",
            f"UID:{key}-{role.role_id}-{step.order}@gapcoach",  # type: ignore[union-attr]
            f"DTSTAMP:{start.strftime('%Y%m%d')}T000000Z",
            f"DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(day + timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{_ics_text(f'{step.order}. {step.action}')}",
            f"DESCRIPTION:{_ics_text(description)}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in _fold(line))
