"""
The README tells the truth: its set-up commands, its CI command and its worked example.
"""

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from helpers import EXAMPLES, ROOT

from gapcoach import assess

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_exactly_two_setup_commands() -> None:
    """The first code block holds two commands: install + run, install + test."""
    block = re.search(r"```sh\n(.*?)```", README, re.S)
    assert block is not None
    commands = [line for line in block.group(1).splitlines() if line.strip()]
    assert len(commands) == 2
    assert commands[0].endswith("gapcoach assess examples/resumes/supervisor.txt")
    assert commands[1].endswith("python3 -m pytest")


def test_ci_runs_the_readmes_test_command() -> None:
    """.ci/run ends with the README's second command, verbatim."""
    block = re.search(r"```sh\n(.*?)```", README, re.S)
    assert block is not None
    test_command = block.group(1).strip().splitlines()[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.strip().splitlines()[-1] == test_command


def _name(requirement: str) -> str:
    name = re.match(r"[A-Za-z0-9._-]+", requirement)
    assert name is not None, requirement
    return re.sub(r"[-_.]+", "-", name.group(0)).lower()


def test_ci_installs_in_a_fresh_virtualenv_through_the_constraints() -> None:
    """.ci/run makes its own virtualenv, and the test command installs through the pins."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python3 -m venv" in ci
    assert 'source "$work/venv/bin/activate"' in ci
    assert "-c .ci/constraints.txt" in ci.strip().splitlines()[-1]


def test_constraints_pin_every_direct_dependency() -> None:
    """Each runtime and test dependency has exactly one == pin in .ci/constraints.txt."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = (
        project["project"]["dependencies"]
        + project["project"]["optional-dependencies"]["test"]
    )
    pins: dict[str, str] = {}
    for line in (ROOT / ".ci" / "constraints.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, pinned = line.partition("==")
            assert pinned, f"not an exact pin: {line}"
            assert _name(name) not in pins, f"pinned twice: {line}"
            pins[_name(name)] = pinned
    assert sorted(_name(r) for r in wanted if _name(r) not in pins) == []


def test_runtime_dependencies_have_no_upper_bounds() -> None:
    """Users can install gapcoach beside other packages: lower bounds only."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    for requirement in project["project"]["dependencies"]:
        assert ">=" in requirement, requirement
        assert "<" not in requirement.replace(">=", ""), requirement


def test_worked_example_matches_the_code() -> None:
    """The README's worked readiness figure is what gapcoach computes."""
    figure = re.search(r"Readiness = .*?\*\*([\d.]+)\*\*", README)
    assert figure is not None
    report = assess(
        EXAMPLES / "resumes" / "supervisor.txt", role="call-center-operations-manager"
    )
    assert round(report.assessments[0].readiness, 1) == float(figure.group(1))


def test_readme_transcript_is_current() -> None:
    """The README's terminal transcript shows today's readiness for the supervisor."""
    report = assess(
        EXAMPLES / "resumes" / "supervisor.txt", role="call-center-operations-manager"
    )
    assert f"{report.assessments[0].readiness:.0f}/100" in README


def _jq_recipes() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = (
        text.split("Three `jq` recipes:", 1)[1]
        .split("```sh\n", 1)[1]
        .split("```", 1)[0]
    )
    return [line for line in block.splitlines() if line.startswith("gapcoach ")]


@pytest.mark.skipif(
    shutil.which("jq") is None and not os.environ.get("CI"),
    reason="jq is not installed (.ci/run installs it, so CI never skips this)",
)
def test_jq_recipes_work() -> None:
    """The README's jq recipes run on the bundled example and print what they say."""
    recipes = _jq_recipes()
    assert len(recipes) == 3
    bin_dir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    outputs = [
        subprocess.run(
            ["bash", "-o", "pipefail", "-c", recipe],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
            timeout=120,
            check=True,
        ).stdout.splitlines()
        for recipe in recipes
    ]
    best, gaps, plan = outputs
    assert len(best) == 1
    assert "readiest role" in best[0]
    # the recommended role first (the answer first, in the JSON too)
    assert [line.split(":")[0] for line in gaps] == [
        "Call Center Operations Manager",
        "Call Center Director",
    ]
    assert plan
    assert [line.split(".")[0] for line in plan] == [
        str(number) for number in range(1, len(plan) + 1)
    ]
