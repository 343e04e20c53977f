"""
Shared fixtures: paths to the repo's data and a fitted matcher over the shipped roles.
"""

import pytest

from gapcoach.match import SkillMatcher
from gapcoach.models import Taxonomy
from gapcoach.taxonomy import load_taxonomies


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite the example reports in examples/reports instead of comparing.",
    )


@pytest.fixture(scope="session")
def taxonomies() -> dict[str, Taxonomy]:
    """The shipped role taxonomies."""
    return load_taxonomies()


@pytest.fixture(scope="session")
def fitted_matcher(taxonomies: dict[str, Taxonomy]) -> SkillMatcher:
    """A SkillMatcher fitted on every shipped role."""
    return SkillMatcher().fit(list(taxonomies.values()))
