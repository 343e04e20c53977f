"""
A role's taxonomy: its skills, certifications, ladder and the guide they came from.
"""

from typing import Literal

from pydantic import Field

from gapcoach.models.base import Model


class SourceRef(Model):
    """
    Where in a guide a piece of knowledge came from (1-based line numbers).
    """

    section: str
    lines: list[int] = Field(min_length=1)


class GuideSource(Model):
    """
    The guide a taxonomy was built from.
    """

    file: str
    sha256: str


class KeyFacts(Model):
    """
    The guide's "Key Facts & Statistics" block.
    """

    median_salary_usd: int | None = None
    salary_note: str | None = None
    salary_range: str | None = None
    growth_outlook: str | None = None
    growth_note: str | None = None
    annual_openings: int | None = None
    typical_education: str | None = None


class LadderLevel(Model):
    """
    One level of the guide's career path, with the salary table merged in by name.
    """

    name: str
    years_min: int
    years_max: int | None = None
    years_text: str
    description: str
    focus_areas: list[str]
    salary_median_usd: int | None = None
    salary_average_usd: int | None = None
    sources: list[SourceRef] = Field(min_length=1)


class SalaryRow(Model):
    """
    One row of the guide's "Salary by Experience Level" table (USD per year).
    """

    level: str
    median_usd: int | None
    average_usd: int | None
    line: int


class ExperienceRequirement(Model):
    """
    Years of experience the guide expects for the role itself (its own ladder level).
    """

    level_name: str
    years_min: int
    years_max: int | None = None


class SkillAction(Model):
    """
    What a person should do to move a skill forward, and how long it takes.
    """

    text: str
    effort: str
    weeks: int = Field(ge=0)


ActionStage = Literal["start", "apply", "scale"]

DerivedPart = Literal["aliases", "weight", "target_level", "actions"]


class Skill(Model):
    """
    One skill a role needs, traceable to the guide lines it came from.
    """

    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    category: str
    description: str
    aliases: list[str] = []
    acronyms: list[str] = []
    weight: float = Field(default=1.0, gt=0, le=100, allow_inf_nan=False)
    target_level: int = Field(default=3, ge=0, le=4)
    prerequisites: list[str] = []
    esco_uris: list[str] = []
    # The contact center's own skill (its systems, metrics, operations): work in another
    # field can mention it but not apply it (set in the lexicon).
    field_specific: bool = False
    actions: dict[ActionStage, SkillAction] = {}
    # What the builder derived from the guide's own text because the reviewed lexicon
    # (data/skills/lexicon.yaml) has nothing for it: any of "aliases", "weight",
    # "target_level", "actions". Empty when the reviewed lexicon gives all four.
    derived: list[DerivedPart] = []
    sources: list[SourceRef] = Field(min_length=1)


class Certification(Model):
    """
    A certification the guide names (COPC, Lean Six Sigma, PMP, ...).
    """

    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    aliases: list[str] = []
    acronyms: list[str] = []
    duration: str | None = None
    weeks: int = Field(default=12, ge=0)
    skills: list[str] = []
    sources: list[SourceRef] = Field(min_length=1)


class GuideStep(Model):
    """
    One numbered step of the guide's "How to Become" section.
    """

    number: int
    text: str
    sources: list[SourceRef]


class Taxonomy(Model):
    """
    Everything gapcoach knows about one role, built from its career guide plus the lexicon.
    """

    schema_version: int = 1
    role_id: str = Field(min_length=1)
    title: str
    summary: str
    source: GuideSource
    lexicon_sha256: str | None = None
    key_facts: KeyFacts
    responsibilities: list[str] = []
    tools: str = ""
    education: list[str] = []
    experience: ExperienceRequirement
    ladder: list[LadderLevel]
    salary_table: list[SalaryRow] = []
    steps: list[GuideStep] = []
    certifications: list[Certification] = []
    trends: list[str] = []
    related: list[list[str]] = []
    skills: list[Skill] = Field(min_length=1)
