"""
The README tells the truth: its set-up commands, its CI command and its worked example.
"""

import re

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
