"""
``gapcoach rate``: a self-rating questionnaire, one skill at a time, 1-5 stars, saved
after every answer's run and resumed where the person stopped.
"""

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.text import Text

from gapcoach._text import rich_text, strip_controls
from gapcoach.cli import (
    TaxonomyOption,
    app,
    one_error_line,
    stdout_console,
)
from gapcoach.cli.plain import PlainCommand

_STAR_MEANINGS = (
    "1 = never done it",
    "2 = know what it is (read about it, a course)",
    "3 = do it in my job",
    "4 = own it and can show results with numbers",
    "5 = run it at scale (several sites, a budget, the strategy)",
)


def _interactive() -> bool:
    """
    True when both stdin and stdout are terminals (tests replace this).
    """
    import sys

    return sys.stdin.isatty() and sys.stdout.isatty()


@app.command(cls=PlainCommand)
def rate(
    role: Annotated[str, typer.Argument(help="Role id whose skills to rate.")],
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="Ratings file to write (and resume if it exists). "
            "Default: ratings-ROLE.yaml.",
            show_default=False,
        ),
    ] = None,
    revisit: Annotated[
        bool, typer.Option(help="Ask again about skills the file already rates.")
    ] = False,
    taxonomy: TaxonomyOption = None,
) -> None:
    """
    Rate yourself on a role's skills, one question at a time, 1-5 stars.

    Answer 1-5 stars, s to skip a skill, b to go back; Enter on an empty answer (or
    Ctrl-C) stops and saves, and the next run resumes where you stopped.

    Example:

        $ gapcoach rate call-center-operations-manager -o my-ratings.yaml
    """
    from rich.panel import Panel
    from rich.prompt import Prompt

    from gapcoach.output import atomic_output, check_output
    from gapcoach.ratings import (
        BACK,
        SKIP,
        Answer,
        dump_ratings,
        load_ratings,
        run_questionnaire,
    )
    from gapcoach.taxonomy import load_taxonomies, resolve_roles

    target = output or Path(f"ratings-{role}.yaml")
    with one_error_line():
        check_output(target)
        (selected,) = resolve_roles(load_taxonomies(taxonomy), role)
        existing = load_ratings(target, selected) if target.exists() else None
        if not _interactive():
            from gapcoach.errors import InputError

            raise InputError(
                "gapcoach rate asks questions and needs an interactive terminal; "
                "run it in a terminal, or write a ratings file by hand (see README)."
            )
    console = stdout_console()
    total = len(selected.skills)
    done = len(existing.ratings) if existing else 0
    console.print(
        Text.assemble(
            f"Rating {total} skills of ",
            (strip_controls(selected.title), "bold"),
            strip_controls(f" ({done} already rated in {target})" if done else ""),
            ".",
        )
    )
    console.print(
        Text(
            "Answer 1-5 stars; s = skip, b = back, Enter = stop and save "
            "(Ctrl-C saves too).",
            "dim",
        )
    )
    counter = [0, 0]
    interrupted = False

    def count(number: int, questions: int) -> None:
        counter[:] = [number, questions]

    def ask(skill: Any, current: int | None) -> Answer:
        nonlocal interrupted
        target_stars = skill.target_level + 1
        console.print(
            Panel(
                Text.assemble(
                    strip_controls(skill.description),
                    "\n\n",
                    ("\n".join(_STAR_MEANINGS), "dim"),
                    "\n\n",
                    (
                        f"This role asks for {target_stars} stars "
                        f"({_STAR_MEANINGS[target_stars - 1].split(' = ')[1]}).",
                        "bold",
                    ),
                ),
                title=Text.assemble(
                    f"{counter[0]}/{counter[1]} · ",
                    (strip_controls(skill.name), "bold"),
                    strip_controls(f" ({skill.category})"),
                ),
                title_align="left",
            )
        )
        while True:
            try:
                reply = Prompt.ask(
                    "Stars (1-5, s, b)",
                    console=console,
                    default="" if current is None else str(current),
                    show_default=current is not None,
                )
            except (KeyboardInterrupt, EOFError):
                interrupted = True
                return None
            reply = reply.strip().lower()
            if not reply:
                return None
            if reply in ("s", "skip"):
                return SKIP
            if reply in ("b", "back"):
                return BACK
            if reply.isdigit() and 1 <= int(reply) <= 5:
                return int(reply)
            console.print(
                Text(
                    "Please answer 1 to 5, s to skip, b to go back, or press Enter "
                    "to stop.",
                    style="red",
                )
            )

    ratings = run_questionnaire(
        selected, existing=existing, ask=ask, revisit=revisit, on_question=count
    )
    with one_error_line(), atomic_output(target) as handle:
        handle.write(dump_ratings(ratings, selected))
    console.print(
        rich_text(f"Saved {len(ratings.ratings)} of {total} ratings to {target}")
    )
    console.print(
        Text(
            "Reports show these on the 0-4 level scale: N stars is level N-1.",
            style="dim",
        )
    )
    console.print(
        rich_text(
            f"Next: gapcoach assess YOUR-RESUME --ratings {target} --role "
            f"{selected.role_id}"
        )
    )
    if interrupted:
        raise typer.Exit(130)
