"""
``gapcoach read``: what gapcoach reads from a resume, each job with the lines it came from
and why it counts as contact-center work or not, and notes on dates it could not use.
"""

from typing import Annotated

import typer
from rich.text import Text

from gapcoach._text import strip_controls
from gapcoach.cli import (
    JsonOption,
    ViewFormatOption,
    _resume_source,
    _wants_json,
    app,
    one_error_line,
    stdout_console,
)
from gapcoach.cli.plain import PlainCommand


@app.command(cls=PlainCommand)
def read(
    resume: Annotated[
        str, typer.Argument(help="Resume file (.txt .md .pdf .docx) or - for stdin.")
    ],
    view_format: ViewFormatOption = None,
    as_json: JsonOption = False,
) -> None:
    """
    Show what gapcoach reads from a resume: sections, jobs, years, level and scope.

    Example:

        $ gapcoach read examples/resumes/supervisor.txt
    """
    from gapcoach.ingest import read_resume

    with one_error_line():
        document = read_resume(_resume_source(resume))
    if _wants_json(view_format, as_json):
        typer.echo(document.model_dump_json(indent=2, exclude={"text", "lines"}))
        return
    console = stdout_console()
    console.print(
        Text.assemble(
            (strip_controls(document.name), "bold"),
            f" ({document.format}, {len(document.text.splitlines())} lines)",
        )
    )
    console.print(f"Sections: {', '.join(document.sections) or '-'}")
    years = (
        "-" if document.years_experience is None else f"{document.years_experience:g}"
    )
    relevant = (
        "-" if document.relevant_years is None else f"{document.relevant_years:g}"
    )
    console.print(f"Experience: {years} years ({relevant} in contact centers)")
    console.print(
        f"Current: {document.current_title or '-'} ({document.current_level.value})"
    )
    scope = document.scope
    console.print(
        f"Scope: team {scope.team_size or '-'}, agents {scope.agents or '-'}, "
        f"sites {scope.sites or '-'}, budget "
        + (f"${scope.budget_usd:,}" if scope.budget_usd else "-")
    )
    console.print(
        Text("Jobs (most recent first)", "bold") if document.jobs else "Jobs: -"
    )
    for job in document.jobs:
        numbers = job.lines or [job.line]
        where = (
            f"line {numbers[0]}"
            if len(numbers) == 1
            else f"lines {', '.join(str(number) for number in numbers)}"
        )
        heading = " · ".join(
            part
            for part in (
                job.title,
                job.employer,
                f"{job.start} – {job.end or 'present'} ({job.months} months)",
                job.level.value,
            )
            if part
        )
        verdict = "in the field" if job.relevant else "not in the field"
        console.print(Text(strip_controls(f"  {heading}"), "bold"))
        console.print(
            Text(strip_controls(f"    {where}; {verdict}: {job.field_reason}"), "dim")
        )
    for notice in document.notices:
        console.print(Text(strip_controls(f"Note: {notice}"), "yellow"))
