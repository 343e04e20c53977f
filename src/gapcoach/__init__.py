"""
gapcoach: an offline, explainable skills-gap assessor for contact-center careers.
"""

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

from gapcoach.errors import (
    GapcoachError,
    GuideParseError,
    InputError,
    NotFittedError,
    OutputError,
    RatingsError,
    TaxonomyError,
    UnknownRoleError,
)

if TYPE_CHECKING:
    from gapcoach.api import SCHEMA_VERSION, Assessor, assess
    from gapcoach.match import SkillMatcher
    from gapcoach.models import (
        Assessment,
        Document,
        Evidence,
        Ratings,
        RoleAssessment,
        Skill,
        SkillMatch,
        Taxonomy,
    )
    from gapcoach.taxonomy import build_taxonomy, load_taxonomies, load_taxonomy

# Public names and the module that defines each: imported on first use (PEP 562), so
# `gapcoach --help` does not pay for pydantic, scikit-learn or the matcher.
_LAZY = {
    "SCHEMA_VERSION": "gapcoach.api",
    "Assessor": "gapcoach.api",
    "assess": "gapcoach.api",
    "SkillMatcher": "gapcoach.match",
    "Assessment": "gapcoach.models",
    "Document": "gapcoach.models",
    "Evidence": "gapcoach.models",
    "Ratings": "gapcoach.models",
    "RoleAssessment": "gapcoach.models",
    "Skill": "gapcoach.models",
    "SkillMatch": "gapcoach.models",
    "Taxonomy": "gapcoach.models",
    "build_taxonomy": "gapcoach.taxonomy",
    "load_taxonomies": "gapcoach.taxonomy",
    "load_taxonomy": "gapcoach.taxonomy",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'gapcoach' has no attribute {name!r}")


try:
    __version__ = version("gapcoach")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "Assessment",
    "Assessor",
    "Document",
    "Evidence",
    "GapcoachError",
    "GuideParseError",
    "InputError",
    "NotFittedError",
    "OutputError",
    "Ratings",
    "RatingsError",
    "RoleAssessment",
    "SCHEMA_VERSION",
    "Skill",
    "SkillMatch",
    "SkillMatcher",
    "Taxonomy",
    "TaxonomyError",
    "UnknownRoleError",
    "__version__",
    "assess",
    "build_taxonomy",
    "load_taxonomies",
    "load_taxonomy",
]
