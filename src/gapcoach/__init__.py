"""
gapcoach: an offline, explainable skills-gap assessor for contact-center careers.
"""

from typing import TYPE_CHECKING, Any

from gapcoach._version import package_version
from gapcoach.errors import (
    GapcoachError as GapcoachError,
    GuideParseError as GuideParseError,
    InputError as InputError,
    NotFittedError as NotFittedError,
    OutputError as OutputError,
    RatingsError as RatingsError,
    TaxonomyError as TaxonomyError,
    UnknownRoleError as UnknownRoleError,
)

if TYPE_CHECKING:  # for type checkers: the same names as _LAZY, re-exported
    from gapcoach.api import (
        SCHEMA_VERSION as SCHEMA_VERSION,
        Assessor as Assessor,
        assess as assess,
    )
    from gapcoach.match import SkillMatcher as SkillMatcher
    from gapcoach.models import (
        Assessment as Assessment,
        Document as Document,
        Evidence as Evidence,
        Ratings as Ratings,
        RoleAssessment as RoleAssessment,
        Skill as Skill,
        SkillMatch as SkillMatch,
        Taxonomy as Taxonomy,
    )
    from gapcoach.taxonomy import (
        build_taxonomy as build_taxonomy,
        load_taxonomies as load_taxonomies,
        load_taxonomy as load_taxonomy,
    )

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


__version__ = package_version()

__all__ = sorted(
    [
        "GapcoachError",
        "GuideParseError",
        "InputError",
        "NotFittedError",
        "OutputError",
        "RatingsError",
        "TaxonomyError",
        "UnknownRoleError",
        "__version__",
        *_LAZY,  # the lazily imported names are listed once, in _LAZY
    ]
)
