"""
gapcoach: an offline, explainable skills-gap assessor for contact-center careers.
"""

from importlib.metadata import PackageNotFoundError, version

from gapcoach.api import SCHEMA_VERSION, Assessor, assess
from gapcoach.errors import (
    GapcoachError,
    GuideParseError,
    InputError,
    NotFittedError,
    RatingsError,
    TaxonomyError,
    UnknownRoleError,
)
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
