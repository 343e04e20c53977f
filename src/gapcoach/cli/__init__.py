"""
CLI stage: the ``gapcoach`` command, a thin typer shell over the library.

This is the only module that imports typer, prints, or sets exit codes. Every command
parses its arguments, calls the library, renders the result and prints it; any
GapcoachError becomes one ``Error: ...`` line on stderr and exit code 1.
"""

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from gapcoach._text import rich_text, strip_controls
from gapcoach.cli.plain import PlainCommand, PlainGroup
from gapcoach.errors import GapcoachError

app = typer.Typer(
    cls=PlainGroup,
    name="gapcoach",
    help="How ready am I for the next contact-center role, what is missing, and what "
    "do I do first? Offline and explainable.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",
)
taxonomy_app = typer.Typer(
    cls=PlainGroup,
    help="Build and validate role taxonomies from career guides.",
    no_args_is_help=True,
)
app.add_typer(taxonomy_app, name="taxonomy")


def _print_version(value: bool) -> None:
    if value:
        from gapcoach._version import package_version

        typer.echo(f"gapcoach {package_version()}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            help="Print gapcoach's version and exit.",
            is_eager=True,
            callback=_print_version,
        ),
    ] = False,
) -> None:
    """
    How ready am I for the next contact-center role, what is missing, and what do I do
    first? Offline and explainable.
    """


TaxonomyOption = Annotated[
    Path | None,
    typer.Option(
        "--taxonomy",
        help="A taxonomy YAML file or a folder of them, used instead of the shipped roles.",
        show_default=False,
    ),
]
JsonOption = Annotated[
    bool,
    typer.Option("--json", help="Print JSON instead of a table (= --format json)."),
]
ViewFormatOption = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help="rich (terminal) or json.",
        case_sensitive=False,
        show_default=False,
    ),
]


def _wants_json(view_format: str | None, as_json: bool) -> bool:
    """--json, or --format json; any other --format than rich or json is a usage error."""
    chosen = (view_format or "rich").lower()
    if chosen not in ("rich", "json"):
        raise typer.BadParameter(
            f"'{view_format}' is not one of rich, json.", param_hint="--format"
        )
    return as_json or chosen == "json"


# Markup and emoji codes are off: text from resumes, file names, ratings and taxonomies is
# printed as it is written ("[/bold]" or ":smile:" included); styles come from Text objects.
def stdout_console() -> Console:
    return Console(highlight=False, markup=False, emoji=False)


def stderr_console() -> Console:
    return Console(
        stderr=True, highlight=False, soft_wrap=True, markup=False, emoji=False
    )


@contextmanager
def one_error_line() -> Iterator[None]:
    """
    Turn gapcoach's own errors into one ``Error: ...`` line and exit code 1.
    """
    try:
        yield
    except GapcoachError as error:
        message = strip_controls(str(error).replace("\n", " "))
        stderr_console().print(
            Text.assemble(("Error:", "bold red"), " ", message), soft_wrap=True
        )
        raise typer.Exit(1) from None


def _print_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))


@app.command(cls=PlainCommand)
def roles(
    taxonomy: TaxonomyOption = None,
    view_format: ViewFormatOption = None,
    as_json: JsonOption = False,
) -> None:
    """
    List the roles gapcoach can assess.

    Example:

        $ gapcoach roles --json
    """
    from gapcoach.taxonomy import load_taxonomies

    with one_error_line():
        loaded = load_taxonomies(taxonomy)
    rows = [
        {
            "role_id": t.role_id,
            "title": t.title,
            "skills": len(t.skills),
            "levels": len(t.ladder),
            "required_years": t.experience.years_min,
            "median_salary_usd": t.key_facts.median_salary_usd,
            "source": t.source.file,
        }
        for t in loaded.values()
    ]
    if _wants_json(view_format, as_json):
        _print_json(rows)
        return
    table = Table(title="Roles")
    table.add_column("role (id)", no_wrap=True)
    for column in ("skills", "levels", "years", "median pay"):
        table.add_column(column, justify="right", no_wrap=True)
    for row in rows:
        salary = row["median_salary_usd"]
        table.add_row(
            Text.assemble(
                strip_controls(str(row["title"])),
                "\n",
                (strip_controls(str(row["role_id"])), "dim"),
            ),
            str(row["skills"]),
            str(row["levels"]),
            f"{row['required_years']}+",
            f"${salary:,}" if salary else "-",
        )
    stdout_console().print(table)


def _provenance(derived: Sequence[str]) -> str:
    """Where a skill's parts come from, in a few words."""
    if not derived:
        return "reviewed lexicon"
    names = {"aliases": "wording", "target_level": "target"}
    return "guide: " + ", ".join(names.get(part, part) for part in derived)


@app.command(cls=PlainCommand)
def skills(
    role: Annotated[
        str, typer.Argument(help="Role id, as listed by `gapcoach roles`.")
    ],
    taxonomy: TaxonomyOption = None,
    view_format: ViewFormatOption = None,
    as_json: JsonOption = False,
) -> None:
    """
    Show a role's skills by category, with weight and target level.

    Example:

        $ gapcoach skills call-center-director
    """
    from gapcoach.taxonomy import load_taxonomies, resolve_roles

    with one_error_line():
        (selected,) = resolve_roles(load_taxonomies(taxonomy), role)
    if _wants_json(view_format, as_json):
        _print_json(
            {
                "role_id": selected.role_id,
                "title": selected.title,
                "skills": [
                    {
                        "id": s.id,
                        "name": s.name,
                        "category": s.category,
                        "weight": s.weight,
                        "target_level": s.target_level,
                        "prerequisites": s.prerequisites,
                        "esco_uris": s.esco_uris,
                        "derived": s.derived,
                    }
                    for s in selected.skills
                ],
                "certifications": [
                    {"id": c.id, "name": c.name, "duration": c.duration}
                    for c in selected.certifications
                ],
                "ladder": [
                    {"name": level.name, "years": level.years_text}
                    for level in selected.ladder
                ],
            }
        )
        return
    from gapcoach.models import LEVEL_LEGEND, LEVEL_NAMES

    console = stdout_console()
    categories = sorted({s.category for s in selected.skills})
    for category in categories:
        table = Table(
            title=rich_text(f"{selected.title}: {category} skills"),
            title_justify="left",
        )
        table.add_column("skill")
        table.add_column("weight", justify="right")
        table.add_column("target")
        table.add_column("from")
        for s in selected.skills:
            if s.category == category:
                table.add_row(
                    rich_text(s.name),
                    f"{s.weight:g}",
                    f"{s.target_level} ({LEVEL_NAMES[s.target_level]})",
                    _provenance(s.derived),
                )
        console.print(table)
    console.print(Text(LEVEL_LEGEND, style="dim"))
    console.print(
        Text(
            "from: 'reviewed lexicon' = resume wording, weight, target and plan actions "
            "reviewed by hand (data/skills/lexicon.yaml); 'guide: ...' = the parts derived "
            "from the guide's own text because the lexicon has none.",
            style="dim",
        )
    )
    if selected.certifications:
        console.print(
            rich_text(
                "Certifications named by the guide: "
                + ", ".join(c.name for c in selected.certifications)
            )
        )


@taxonomy_app.command("build", cls=PlainCommand)
def taxonomy_build(
    guide: Annotated[
        Path,
        typer.Argument(
            help="A career guide: plain text, Markdown or a saved web page (.txt, .md, "
            ".html), as the site gives it or as a browser copies it."
        ),
    ],
    role_id: Annotated[
        str | None,
        typer.Option("--id", help="Role id (default: slug of the guide's title)."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Write the YAML here (default stdout)."),
    ] = None,
    lexicon: Annotated[
        Path | None,
        typer.Option(help="Lexicon overlay to merge (default: the shipped lexicon)."),
    ] = None,
    no_lexicon: Annotated[
        bool, typer.Option("--no-lexicon", help="Merge no lexicon: the guide alone.")
    ] = False,
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run",
            help="Print what the guide gives and its warnings; write nothing.",
        ),
    ] = False,
) -> None:
    """
    Build a role taxonomy from a career guide, and say what it holds.

    The summary (skills by category, which come from gapcoach's reviewed lexicon and
    which were derived from the guide's own text, the ladder, certifications, salary
    table) and any warnings about missing sections go to stderr; the YAML goes to -o or
    stdout.

    Example:

        $ gapcoach taxonomy build guides/call-center-director.txt -o director.yaml
        $ gapcoach taxonomy build saved-page.html --dry-run
    """
    from gapcoach.output import atomic_output, check_output
    from gapcoach.taxonomy import build_summary, build_taxonomy, dump_taxonomy

    warnings: list[str] = []
    with one_error_line():
        if output is not None and not dry_run:
            check_output(output, inputs=[guide, *([lexicon] if lexicon else [])])
        built = build_taxonomy(
            guide,
            role_id=role_id,
            lexicon=lexicon,
            use_lexicon=not no_lexicon,
            warnings=warnings,
        )
        text = dump_taxonomy(built)
    console = stdout_console() if dry_run else stderr_console()
    summary = build_summary(built)
    console.print(rich_text(("Would build " if dry_run else "Built ") + summary[0]))
    for line in summary[1:]:
        console.print(rich_text(line))
    for warning in warnings:
        console.print(rich_text(f"Warning: {warning}", style="yellow"))
    if dry_run:
        console.print(rich_text("Dry run: nothing written."))
        return
    if output is None:
        typer.echo(text, nl=False)
        return
    with one_error_line(), atomic_output(output) as handle:
        handle.write(text)
    stderr_console().print(
        rich_text(
            f"Wrote {output}: {built.title}, {len(built.skills)} skills, "
            f"{len(built.ladder)} ladder levels, "
            f"{len(built.certifications)} certifications."
        )
    )


@taxonomy_app.command("validate", cls=PlainCommand)
def taxonomy_validate(
    path: Annotated[
        Path, typer.Argument(help="A taxonomy YAML file or a folder of them.")
    ],
) -> None:
    """
    Check a taxonomy file (or folder) and say what is wrong with it.

    Example:

        $ gapcoach taxonomy validate data/skills/
    """
    from gapcoach.taxonomy import load_taxonomies

    with one_error_line():
        loaded = load_taxonomies(path)
    for t in loaded.values():
        stdout_console().print(
            rich_text(
                f"OK {t.role_id}: {len(t.skills)} skills, {len(t.ladder)} ladder levels."
            )
        )


def _resume_source(resume: str) -> Path | str:
    """
    ``-`` means stdin; anything else is a path.
    """
    return "-" if resume == "-" else Path(resume)


@app.command(cls=PlainCommand)
def assess(
    resume: Annotated[
        str | None,
        typer.Argument(
            help="Resume file (.txt .md .pdf .docx) or - for stdin. May be omitted with "
            "--ratings.",
            show_default=False,
        ),
    ] = None,
    role: Annotated[
        str | None,
        typer.Option(help="Role id to assess, or 'all' (default: every role)."),
    ] = None,
    ratings: Annotated[
        Path | None,
        typer.Option(help="Self-ratings file (YAML, JSON or CSV).", show_default=False),
    ] = None,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="rich (terminal), json, md or html (default: from the extension of -o, "
            "else rich).",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", help="Write the report to this file.", show_default=False
        ),
    ] = None,
    taxonomy: TaxonomyOption = None,
) -> None:
    """
    Assess a resume (and/or self-ratings): readiness, gaps and a step-by-step plan.

    Example:

        $ gapcoach assess examples/resumes/supervisor.txt --role call-center-operations-manager
    """
    output_format = _report_format(output_format, output)
    if resume is None and ratings is None:
        raise typer.BadParameter(
            "give a resume file, - for stdin, or --ratings FILE.", param_hint="RESUME"
        )
    from gapcoach.api import Assessor
    from gapcoach.output import check_output

    with one_error_line():
        if output is not None:
            read = [Path(resume)] if resume not in (None, "-") else []
            check_output(output, inputs=[*read, *([ratings] if ratings else [])])
        report = Assessor(taxonomy=taxonomy, role=role).assess(
            None if resume is None else _resume_source(resume), ratings=ratings
        )
    _emit(report, output_format, output, every_role=role is not None)


# what an output file's extension says it holds (.txt: the terminal view as plain text)
_SUFFIX_FORMATS = {
    ".json": "json",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".txt": "rich",
}


def _report_format(chosen: str | None, output: Path | None) -> str:
    """
    The format to write: --format when given, else the one -o's extension names, else
    rich; a --format that contradicts the extension is a usage error, not a .html file
    full of terminal text.
    """
    inferred = _SUFFIX_FORMATS.get(output.suffix.lower()) if output else None
    if chosen is None:
        return inferred or "rich"
    chosen = chosen.lower()
    if chosen not in {"rich", "json", "md", "html"}:
        raise typer.BadParameter(
            f"'{chosen}' is not one of rich, json, md, html.", param_hint="--format"
        )
    # .txt holds any text (JSON and Markdown too): only .json, .md and .html contradict
    if inferred is not None and inferred != chosen and inferred != "rich":
        assert output is not None
        raise typer.BadParameter(
            f"'{chosen}' does not match the output '{output.name}', which is {inferred}; "
            "leave out --format or change the extension.",
            param_hint="--format",
        )
    return chosen


def _emit(
    report: Any, output_format: str, output: Path | None, *, every_role: bool = True
) -> None:
    """
    Render a report in one format to stdout or a file (the terminal view gives the
    roles after the recommended one a line each unless ``every_role``).
    """
    from gapcoach import render
    from gapcoach.output import atomic_output

    if output_format == "rich":
        renderable = render.render_terminal(report, every_role=every_role)
        if output is None:
            stdout_console().print(renderable)
            return
        with one_error_line(), atomic_output(output) as handle:
            Console(file=handle, width=100, color_system=None).print(renderable)
    else:
        renderers = {
            "json": render.render_json,
            "md": render.render_markdown,
            "html": render.render_html,
        }
        text = renderers[output_format](report)
        if output is None:
            typer.echo(text, nl=False)
            return
        with one_error_line(), atomic_output(output) as handle:
            handle.write(text)
    stderr_console().print(rich_text(f"Wrote {output}"))


@app.command(cls=PlainCommand)
def schema() -> None:
    """
    Print the JSON Schema of the report (an assessment, or a batch's error line).

    Example:

        $ gapcoach schema > report.schema.json
    """
    from importlib.resources import files

    from gapcoach.api import SCHEMA_FILE

    typer.echo((files("gapcoach") / SCHEMA_FILE).read_text(encoding="utf-8"), nl=False)


def main() -> None:
    """
    The ``gapcoach`` console script: the typer app, plus one ``Error:`` line (exit 1) when
    standard output cannot be written (``> /dev/full``, a closed pipe) instead of a
    traceback, during the command or when it is flushed at the end.
    """
    import sys

    from gapcoach.output import silence_stdout, stdout_failed

    code: int | str | None = 0
    try:
        app()
    except SystemExit as done:
        code = done.code
    except OSError as error:
        code = stdout_failed(error)
    try:
        sys.stdout.flush()
    except OSError as error:
        code = stdout_failed(error)
    if code not in (0, None):
        silence_stdout()  # the interpreter flushes stdout again at exit
    sys.exit(code)


# the commands of their own modules register on ``app`` when imported
from gapcoach.cli import (  # noqa: E402, F401
    batch as _batch,
    plan as _plan,
    rate as _rate,
    read as _read,
)
