"""
The hand-reviewed lexicon overlay (``data/skills/lexicon.yaml``) as a typed model: a
misspelt key (``field_specfic:``) is an error that names it, not a silent default.
"""

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from gapcoach.errors import TaxonomyError
from gapcoach.models import ActionStage, SkillAction
from gapcoach.taxonomy.load import LEXICON_NAME, default_skills_dir, safe_load

__all__ = [
    "Lexicon",
    "LexiconCertification",
    "LexiconSkill",
    "RoleOverride",
    "load_lexicon",
]


class _Entry(BaseModel):
    """Immutable, and an unknown key is an error (a typo must not pass silently)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class LexiconSkill(_Entry):
    """
    What the lexicon adds to a skill the guide names: resume wording, weights, plan actions.
    """

    aliases: list[str] = []
    acronyms: list[str] = []
    weight: float | None = Field(default=None, gt=0, le=100, allow_inf_nan=False)
    target_level: int | None = Field(default=None, ge=0, le=4)
    prerequisites: list[str] = []
    esco_uris: list[str] = []
    field_specific: bool = False
    actions: dict[ActionStage, SkillAction] = {}


class RoleOverride(_Entry):
    """
    A role's own weight or target level for one skill.
    """

    weight: float | None = Field(default=None, gt=0, le=100, allow_inf_nan=False)
    target_level: int | None = Field(default=None, ge=0, le=4)


class LexiconCertification(_Entry):
    """
    A certification: how a guide names it, how a resume shows it, and what it takes.
    """

    name: str = Field(min_length=1)
    guide_terms: list[str] | None = None
    aliases: list[str] = []
    acronyms: list[str] = []
    duration: str | None = None
    weeks: int = Field(default=12, ge=0)
    skills: list[str] = []


class Lexicon(_Entry):
    """
    The whole overlay: shared-evidence groups, skills, per-role overrides, certifications.
    """

    version: int = 1
    related: list[list[str]] = []
    skills: dict[str, LexiconSkill] = {}
    roles: dict[str, dict[str, RoleOverride]] = {}
    certifications: dict[str, LexiconCertification] = {}


def load_lexicon(path: Path | None = None) -> Lexicon:
    """
    Read and check the hand-reviewed lexicon overlay.

    Args:
        path: A lexicon YAML file; None reads the bundled one.

    Returns:
        The lexicon (empty sections when the file has none).

    Raises:
        TaxonomyError: The file is missing, not a mapping, or has an unknown key or a
            value of the wrong kind (the message names where).
    """
    path = path or default_skills_dir() / LEXICON_NAME
    if not path.is_file():
        raise TaxonomyError(f"Lexicon file '{path}' does not exist.")
    data: Any = safe_load(path)
    if not isinstance(data, dict):
        raise TaxonomyError(f"Lexicon file '{path}' must be a YAML mapping.")
    # an empty section ("skills:" with nothing under it) reads as None: no entries
    try:
        return Lexicon.model_validate(
            {key: value for key, value in data.items() if value is not None}
        )
    except ValidationError as error:
        problem = error.errors()[0]
        where = ".".join(str(part) for part in problem["loc"])
        raise TaxonomyError(
            f"Lexicon file '{path}': {where}: {problem['msg']}"
            f" ({error.error_count()} problem(s) in all)."
        ) from None
