"""
Regenerate examples/reports/ from the persona resumes and the ratings file, and the
report's JSON Schema shipped in the package (src/gapcoach/report.schema.json).

Run:  python examples/regenerate.py
(tests/test_examples.py fails when a committed report differs from what this writes.)
"""

import io
import json
from pathlib import Path

from rich.console import Console

import gapcoach
from gapcoach.render import render_html, render_json, render_markdown, render_terminal

HERE = Path(__file__).resolve().parent
REPORTS = HERE / "reports"
SCHEMA = HERE.parent / "src" / "gapcoach" / "report.schema.json"


def terminal_text(report: gapcoach.Assessment) -> str:
    """The terminal view as plain text, 100 columns wide."""
    console = Console(record=True, width=100, color_system=None, file=io.StringIO())
    console.print(render_terminal(report))
    return console.export_text()


def reports() -> dict[str, str]:
    """Every example report by file name."""
    assessor = gapcoach.Assessor()
    made: dict[str, str] = {}
    inputs: dict[str, tuple[Path, Path | None]] = {
        path.stem: (path, None) for path in sorted((HERE / "resumes").glob("*.txt"))
    }
    inputs["supervisor-with-ratings"] = (
        HERE / "resumes" / "supervisor.txt",
        HERE / "ratings" / "supervisor-ratings.yaml",
    )
    for stem, (resume, ratings) in inputs.items():
        report = assessor.assess(resume, ratings=ratings)
        made[f"{stem}.json"] = render_json(report)
        made[f"{stem}.md"] = render_markdown(report)
        made[f"{stem}.html"] = render_html(report)
        made[f"{stem}.txt"] = terminal_text(report)
    return made


def schema_text() -> str:
    """The report's JSON Schema as the package ships it."""
    from gapcoach.api import report_schema

    return json.dumps(report_schema(), indent=2, ensure_ascii=False) + "\n"


def main() -> None:
    REPORTS.mkdir(exist_ok=True)
    for name, text in reports().items():
        (REPORTS / name).write_text(text, encoding="utf-8")
        print(f"wrote examples/reports/{name}")
    (SCHEMA).write_text(schema_text(), encoding="utf-8")
    print(f"wrote {SCHEMA.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
