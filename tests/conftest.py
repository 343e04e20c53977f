"""
Shared fixtures: paths to the repo's data and a fitted matcher over the shipped roles.
"""

from importlib.metadata import PackageNotFoundError, version

import pytest

from gapcoach.match import SkillMatcher
from gapcoach.models import Taxonomy
from gapcoach.taxonomy import load_taxonomies

# The versions a failure most often hinges on, printed in pytest's header so that a red run
# names what changed (a fresh install takes whatever the constraints file allows).
_REPORTED = [
    "pydantic",
    "rapidfuzz",
    "scikit-learn",
    "numpy",
    "typer",
    "rich",
    "Jinja2",
    "PyYAML",
    "pypdf",
    "python-docx",
    "ftfy",
    "charset-normalizer",
    "hypothesis",
    "pytest-cov",
    "fpdf2",
    "Pillow",
    "jsonschema",
    "ruff",
    "mypy",
    "hatchling",
]


def _installed(name: str) -> str:
    try:
        return f"{name} {version(name)}"
    except PackageNotFoundError:
        return f"{name} absent"


def pytest_report_header() -> str:
    return "versions: " + ", ".join(_installed(name) for name in _REPORTED)


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
