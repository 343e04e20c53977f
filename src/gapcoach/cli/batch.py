"""
``gapcoach batch``: many people at once, as JSONL, CSV or a team page, and with
``--report-dir`` each person's own HTML report, linked from the team page.
"""

import os
from pathlib import Path
from typing import Annotated
from urllib.parse import quote

import typer

from gapcoach._text import rich_text
from gapcoach.cli import (
    TaxonomyOption,
    app,
    one_error_line,
    stderr_console,
    stdout_console,
)
from gapcoach.cli.plain import PlainCommand


def _report_links(
    paths: list[Path], report_dir: Path, output: Path
) -> tuple[dict[str, Path], dict[str, str]]:
    """
    Where each person's report goes (one file per input, named after it, made unique)
    and its link relative to the team page.
    """
    from gapcoach.batch import report_names

    targets = {
        str(path): report_dir / name for path, name in report_names(paths).items()
    }
    base = output.parent.resolve()
    links = {
        key: quote(Path(os.path.relpath(target.resolve(), base)).as_posix())
        for key, target in targets.items()
    }
    return targets, links


@app.command(cls=PlainCommand)
def batch(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Resume files, folders or glob patterns; - reads paths from stdin, "
            "one per line."
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "-o", "--output", help="Output file: .jsonl, .csv or .html (team view)."
        ),
    ],
    role: Annotated[
        str | None,
        typer.Option(help="Role id to assess, or 'all' (default: every role)."),
    ] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="Worker processes.")
    ] = 1,
    ratings_dir: Annotated[
        Path | None,
        typer.Option(
            help="Folder of self-ratings named after each resume (alex.pdf -> alex.yaml).",
            show_default=False,
        ),
    ] = None,
    report_dir: Annotated[
        Path | None,
        typer.Option(
            help="Also write each person's HTML report into this folder (made if "
            "missing; alex.pdf -> alex.html); the team view links to them.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="jsonl, csv or html (default: from the output's suffix).",
        ),
    ] = None,
    taxonomy: TaxonomyOption = None,
) -> None:
    """
    Assess many people: one line (JSONL), row (CSV) or team page (HTML) per cohort.

    A file that fails is reported in the output and the summary, and the batch goes on;
    the exit code is 1 when any file failed.

    The team page shows, per role, everyone (sortable), the common gaps and a person by
    skill heat map.

    Example:

        $ gapcoach batch resumes/ -o team.html --report-dir reports/ --jobs 2
    """
    import sys

    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    from gapcoach import __version__, batch as batch_stage, render
    from gapcoach.errors import OutputError
    from gapcoach.output import atomic_output, check_output

    chosen = (output_format or output.suffix.lstrip(".")).lower()
    if chosen not in {"jsonl", "csv", "html"}:
        raise typer.BadParameter(
            f"cannot tell the format of '{output}': use .jsonl, .csv or .html, "
            "or pass --format.",
            param_hint="--output",
        )
    cohort = batch_stage.Cohort()
    console = stderr_console()
    if "-" in inputs:
        # "-": the paths to assess, one per line, from standard input (find ... | gapcoach)
        listed = [line.strip() for line in sys.stdin if line.strip()]
        inputs = [item for item in inputs if item != "-"] + listed
    targets: dict[str, Path] = {}
    written = 0
    with one_error_line():
        paths = batch_stage.expand_inputs(inputs)
        ratings_files = (
            sorted(ratings_dir.iterdir())
            if ratings_dir and ratings_dir.is_dir()
            else []
        )
        protected = [*paths, *ratings_files]
        check_output(output, inputs=protected)
        if report_dir is not None:
            # every output is checked before any work: a bad folder costs nothing
            try:
                report_dir.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise OutputError(
                    f"Cannot write reports into '{report_dir}': "
                    f"{error.strerror or error}."
                ) from None
            targets, cohort.reports = _report_links(paths, report_dir, output)
            for target in targets.values():
                check_output(target, inputs=[*protected, output])
        results = batch_stage.assess_many(
            paths, role=role, taxonomy=taxonomy, ratings_dir=ratings_dir, jobs=jobs
        )
        progress = Progress(
            TextColumn("[bold]assessing"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("[cyan]{task.fields[rate]}"),
            TimeRemainingColumn(),
            console=console,
            disable=not console.is_terminal,
        )
        with atomic_output(output, newline="") as handle, progress:
            task = progress.add_task("batch", total=len(paths), rate="")
            if chosen == "csv":
                handle.write(batch_stage.csv_text([batch_stage.csv_header()]))
            for result in results:
                cohort.add(result)
                if chosen == "jsonl":
                    handle.write(batch_stage.jsonl_line(result))
                elif chosen == "csv":
                    handle.write(batch_stage.csv_text(batch_stage.csv_rows(result)))
                if result.assessment is not None and result.path in targets:
                    with atomic_output(targets[result.path]) as report:
                        report.write(render.render_html(result.assessment))
                    written += 1
                progress.advance(task)
                elapsed = progress.tasks[0].elapsed or 0.0
                if elapsed:
                    progress.update(task, rate=f"{cohort.n_files / elapsed:.1f}/s")
            if chosen == "html":
                handle.write(render.render_cohort_html(cohort, version=__version__))
    stdout_console().print(render.render_cohort_terminal(cohort))
    stderr_console().print(rich_text(f"Wrote {output}"))
    if report_dir is not None:
        stderr_console().print(
            rich_text(f"Wrote {written} personal reports into {report_dir}")
        )
    if cohort.n_failed:
        raise typer.Exit(1)
