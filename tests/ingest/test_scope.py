"""
Team, agents, sites and budget read from a resume.
"""

import pytest
from fixtures_ingest import (
    FIXTURES,
)
from helpers import cases

from gapcoach.ingest import (
    read_resume,
)


class TestScope:
    @pytest.mark.parametrize(
        ("line", "field", "value"),
        cases("scope", "line", "field", "value"),
    )
    def test_signals(self, line: str, field: str, value: int) -> None:
        """Team size, agents, sites and budget are read from the text."""
        scope = read_resume(f"Summary\n{line}\n").scope
        assert getattr(scope, field) == value

    def test_largest_wins_and_noise_ignored(self) -> None:
        """The largest figure of each kind wins; years and phones are not scope."""
        scope = read_resume(FIXTURES / "director.md").scope
        assert scope.model_dump() == {
            "team_size": 9,
            "agents": 650,
            "sites": 3,
            "budget_usd": 21_000_000,
        }
        quiet = read_resume("Summary\n11 years in contact centers; saved $2M a year.\n")
        assert quiet.scope.model_dump() == {
            "team_size": None,
            "agents": None,
            "sites": None,
            "budget_usd": None,
        }
