"""
The examples: the library script runs, and the committed reports are current.
"""

import runpy
import sys
from pathlib import Path

import pytest
from helpers import EXAMPLES

sys.path.insert(0, str(EXAMPLES))
import regenerate  # examples/ is not a package


def test_library_usage_runs(capsys: pytest.CaptureFixture[str]) -> None:
    """examples/library_usage.py runs and prints a readiness and a first step."""
    runpy.run_path(str(EXAMPLES / "library_usage.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert "Call Center Operations Manager:" in out
    assert "First step:" in out


@pytest.fixture(scope="module")
def fresh() -> dict[str, str]:
    """Every example report as regenerate.py would write it now."""
    return regenerate.reports()


def test_reports_are_current(
    fresh: dict[str, str], request: pytest.FixtureRequest
) -> None:
    """examples/reports/ matches `python examples/regenerate.py` (run it after changes)."""
    folder = EXAMPLES / "reports"
    if request.config.getoption("--update-golden"):
        regenerate.main()
    committed = {
        p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())
    }
    assert sorted(committed) == sorted(fresh)
    stale = [name for name, text in fresh.items() if committed[name] != text]
    assert stale == [], f"run: python examples/regenerate.py ({len(stale)} stale)"


def test_every_persona_has_every_format(fresh: dict[str, str]) -> None:
    """Each persona (and the ratings example) has JSON, Markdown, HTML and text reports."""
    stems = {Path(name).stem for name in fresh}
    assert stems == {
        "agent",
        "supervisor",
        "ops-manager",
        "director",
        "software-engineer",
        "supervisor-with-ratings",
    }
    for stem in stems:
        for suffix in (".json", ".md", ".html", ".txt"):
            assert f"{stem}{suffix}" in fresh


def test_shipped_schema_is_current() -> None:
    """src/gapcoach/report.schema.json is what regenerate.py writes (run it after a
    model changes)."""
    assert regenerate.SCHEMA.read_text(encoding="utf-8") == regenerate.schema_text()
