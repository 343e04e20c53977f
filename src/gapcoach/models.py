"""
Data model shared by every pipeline stage (build, ingest, match, score, plan, render).

All models are pydantic v2, frozen, and reject unknown fields, so a taxonomy or report
with a typo in a key fails loudly instead of being silently ignored.
"""

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Model(BaseModel):
    """
    Base of every gapcoach model: immutable and strict about unknown keys.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")


# --------------------------------------------------------------------------- taxonomy


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


# --------------------------------------------------------------------------- ingest


class Seniority(StrEnum):
    """
    Rungs of the contact-center ladder used to place a job title.
    """

    OUTSIDE = "outside"
    AGENT = "agent"
    LEAD = "lead"
    SUPERVISOR = "supervisor"
    MANAGER = "manager"
    SENIOR_MANAGER = "senior_manager"
    DIRECTOR = "director"
    VP = "vp"

    @property
    def rank(self) -> int:
        """
        Position on the ladder: outside and agent are 0, vp is 6.
        """
        return max(0, _SENIORITY_ORDER.index(self) - 1)


_SENIORITY_ORDER = list(Seniority)


class ResumeLine(Model):
    """
    One non-empty line of a resume after normalisation, with its original line number.
    """

    number: int
    text: str
    section: str


class Job(Model):
    """
    One dated position found in the work history.
    """

    title: str
    employer: str | None = None
    start: str
    end: str | None = None
    months: int = Field(ge=0)
    line: int
    level: Seniority = Field(
        description="The rung of the title when the job was contact-center work, else "
        "'outside'."
    )
    relevant: bool
    rung: Seniority = Field(
        description="The rung of the title on the ladder, whatever the field (a store "
        "manager is a manager); read once here so that nothing downstream re-parses it."
    )
    lines: list[int] = Field(
        default_factory=list,
        description="The lines the job was read from: its title, dates and, when on a "
        "line of its own, employer (1-based, as ResumeLine.number).",
    )
    field_reason: str = Field(
        default="",
        description="Why the job counts as contact-center work or not, in a phrase.",
    )


class Scope(Model):
    """
    Scale signals read from the resume: the largest figure of each kind.
    """

    team_size: int | None = None
    agents: int | None = None
    sites: int | None = None
    budget_usd: int | None = None


class Document(Model):
    """
    A resume read, normalised and structured by the ingest stage.
    """

    name: str
    sha256: str
    format: str
    text: str
    lines: list[ResumeLine]
    sections: list[str]
    jobs: list[Job]
    years_experience: float | None = None
    relevant_years: float | None = None
    current_title: str | None = None
    current_level: Seniority = Seniority.OUTSIDE
    current_rung: Seniority = Field(
        default=Seniority.OUTSIDE,
        description="The rung of the current title whatever the field ('outside' when "
        "there is no title or it is off the ladder).",
    )
    scope: Scope = Scope()
    notices: list[str] = Field(
        default_factory=list,
        description="What the reader could not use, each naming its line: dates not "
        "understood, or a date range that cannot be (it ends before it starts).",
    )
    hidden_text_chars: int = Field(
        default=0,
        ge=0,
        description=(
            "Characters of hidden text left out of the document: Word runs marked "
            "hidden (w:vanish) and PDF text drawn invisibly (text render mode 3 or 7)."
        ),
    )


class Rating(Model):
    """
    One self-rated skill, on gapcoach's 0-4 level scale.
    """

    skill_id: str
    level: int = Field(ge=0, le=4)
    raw: float
    line: int | None = None
    note: str | None = None


class Ratings(Model):
    """
    A self-assessment file, resolved against a role's taxonomy.
    """

    name: str
    sha256: str
    scale: Literal["stars", "levels"]
    role: str | None = None
    ratings: list[Rating]


# --------------------------------------------------------------------------- match

Method = Literal["alias", "fuzzy", "tfidf", "rating"]


class Evidence(Model):
    """
    One reason to believe a skill: the quoted line, how it matched, and the level it supports.
    """

    text: str
    line: int | None
    section: str
    method: Method
    score: float = Field(ge=0, le=1)
    level: int = Field(ge=0, le=4)
    source: Literal["resume", "rating"]
    term: str | None = None


class SkillMatch(Model):
    """
    Everything the matcher found for one skill, and the level it settles on.
    """

    skill_id: str
    level: int = Field(ge=0, le=4)
    resume_level: int = Field(ge=0, le=4)
    rating_level: int | None = None
    combination: str
    evidence: list[Evidence]


# --------------------------------------------------------------------------- score + plan

Status = Literal["met", "partial", "missing"]
Band = Literal["Ready", "Nearly ready", "Developing", "Early"]
Phase = Literal["next 30 days", "1-3 months", "3-12 months", "longer-term experience"]


class SkillResult(Model):
    """
    One skill of a role as scored: its level against the target and its contribution.
    """

    id: str
    name: str
    category: str
    weight: float
    target_level: int
    level: int
    resume_level: int
    rating_level: int | None = None
    combination: str
    status: Status
    contribution: float
    evidence: list[Evidence]


class CategoryScore(Model):
    """
    Weighted coverage of one skill category, 0-100.
    """

    category: str
    score: float
    n_skills: int
    n_met: int


class ExperienceFit(Model):
    """
    The resume's experience and scope against the role's requirement.
    """

    years: float | None
    leadership_years: float = 0.0
    required_years: int
    current_title: str | None
    current_level: Seniority
    team_size: int | None = None
    agents: int | None = None
    sites: int | None = None
    budget_usd: int | None = None
    years_score: float
    scope_score: float
    score: float


class Gap(Model):
    """
    A skill below its target, with the readiness points that closing it would add.
    """

    skill_id: str
    name: str
    category: str
    level: int
    target_level: int
    impact: float
    why: str


class PlanStep(Model):
    """
    One concrete action of the plan, the gaps it closes, and what it is worth.
    """

    order: int
    action: str
    kind: str
    skill_ids: list[str]
    from_level: int
    to_level: int
    gain: float
    effort: str
    weeks: int
    phase: Phase
    grounded_in: str


class PhaseProjection(Model):
    """
    Readiness expected once every step up to and including a phase is done.
    """

    phase: Phase
    readiness: float
    n_steps: int


class Plan(Model):
    """
    Ordered steps with the readiness projected after each phase.
    """

    steps: list[PlanStep]
    projection: list[PhaseProjection]


class LadderPosition(Model):
    """
    Where the person stands on the role's career ladder and what the next rung asks.
    """

    current: str | None
    current_index: int | None
    next: str | None
    next_years: str | None = None
    next_focus_areas: list[str] = []
    next_salary_median_usd: int | None = None


class RoleAssessment(Model):
    """
    The full answer for one role: readiness, skills, gaps, plan and ladder.
    """

    role_id: str
    role_title: str
    taxonomy_sha256: str
    readiness: float = Field(ge=0, le=100)
    band: Band
    skill_coverage: float
    category_scores: list[CategoryScore]
    experience: ExperienceFit
    skills: list[SkillResult]
    gaps: list[Gap]
    plan: Plan
    ladder: LadderPosition


class Credentials(Model):
    """
    The degree and certifications a resume shows, with the line that shows each.
    """

    degree: Evidence | None = None
    held: dict[str, Evidence] = {}
    in_progress: dict[str, Evidence] = {}


class InputInfo(Model):
    """
    What was assessed: file name, content hash, format, whether ratings were given, and
    how much hidden text the resume held.
    """

    file: str | None
    sha256: str | None
    format: str | None
    ratings: bool
    ratings_file: str | None = None
    ratings_sha256: str | None = None
    hidden_text_chars: int = Field(
        default=0,
        ge=0,
        description=(
            "Characters of hidden text the resume contained, which were not assessed "
            "(Document.hidden_text_chars); 0 when there was none or no resume."
        ),
    )
    notices: list[str] = Field(
        default_factory=list,
        description="What was read but could not be used (Document.notices).",
    )


class Assessment(Model):
    """
    The versioned report: every role assessed for one person.
    """

    schema_version: str
    gapcoach_version: str
    input: InputInfo
    best_next_role: str | None = None
    best_next_role_reason: str | None = None
    assessments: list[RoleAssessment]
