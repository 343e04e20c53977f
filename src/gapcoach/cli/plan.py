"""
``gapcoach plan``: the recommended role's plan, to follow week by week: a calendar (ics),
a spreadsheet (csv) or a Markdown checklist (md), with start dates from today.
"""

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from gapcoach.cli import TaxonomyOption, _resume_source, app, one_error_line
from gapcoach.cli.plain import PlainCommand


@app.command(cls=PlainCommand)
def plan(
    resume: Annotated[
        str, typer.Argument(help="Resume file (.txt .md .pdf .docx) or - for stdin.")
    ],
    role: Annotated[
        str | None,
        typer.Option(help="Role id (default: the recommended role)."),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="ics (calendar), csv or md (checklist).",
            case_sensitive=False,
        ),
    ] = "md",
    start: Annotated[
        str | None,
        typer.Option(help="The first day of the plan, YYYY-MM-DD (default: today)."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Write it here (default stdout)."),
    ] = None,
    taxonomy: TaxonomyOption = None,
) -> None:
    """
    Export the recommended role's plan: each step with the date it starts.

    Example:

        $ gapcoach plan examples/resumes/agent.txt --format ics -o plan.ics
    """
    from gapcoach.api import Assessor
    from gapcoach.export import plan_csv, plan_ics, plan_role
    from gapcoach.output import atomic_output, check_output
    from gapcoach.render import render_markdown

    kind = output_format.lower()
    if kind not in ("ics", "csv", "md"):
        raise typer.BadParameter("use ics, csv or md.", param_hint="--format")
    try:
        first = date.fromisoformat(start) if start else date.today()
    except ValueError as error:
        raise typer.BadParameter(
            f"{start!r} is not a date like 2027-01-31.", param_hint="--start"
        ) from error
    with one_error_line():
        if output is not None:
            check_output(output, inputs=[Path(resume)] if resume != "-" else [])
        report = Assessor(taxonomy=taxonomy, role=role).assess(_resume_source(resume))
        if kind == "ics":
            text = plan_ics(report, start=first)
        elif kind == "csv":
            text = plan_csv(report, start=first)
        else:
            chosen = plan_role(report)
            only = report.model_copy(update={"assessments": [chosen] if chosen else []})
            text = render_markdown(only)
    if output is None:
        typer.echo(text, nl=False)
        return
    with one_error_line(), atomic_output(output) as handle:
        handle.write(text)
