"""
What is read of a person: the document (lines, jobs, scope), self-ratings, and the
evidence the matcher finds for each skill.
"""

from enum import StrEnum
from typing import Literal

from pydantic import Field

from gapcoach.models.base import Model


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
    person: str | None = Field(
        default=None,
        description="The person's name as the top of the resume gives it; null when "
        "none is found.",
    )
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

Method = Literal["alias", "fuzzy", "tfidf", "learned", "rating"]


class Evidence(Model):
    """
    One reason to believe a skill: the quoted line, how it matched, and the level it supports.
    """

    text: str = Field(
        description="The whole resume line quoted (after normalisation), or for a "
        "self-rating a note such as 'self-rated 3 (owned with results)' (the level "
        "on the report's 0-4 scale, whatever scale the ratings file used)."
    )
    line: int | None = Field(
        description="The 1-based line number in the resume (ResumeLine.number) or, "
        "for a self-rating, in the ratings file; null when a rating's line is not "
        "known."
    )
    section: str = Field(
        description="The resume section the line is in (summary, experience, skills, "
        "education, certifications or other), or 'ratings' for a self-rating."
    )
    method: Method = Field(
        description="How it was found: 'alias' (an alias or acronym as written), "
        "'fuzzy' (an inflected or misspelled alias), 'tfidf' (a work line that "
        "paraphrases the skill), 'learned' (the learned level model read the line; "
        "SkillMatcher(levels='learned')) or 'rating' (a self-rating)."
    )
    score: float = Field(
        ge=0,
        le=1,
        description="How close the match is, 0-1: 1 for an exact alias or a "
        "self-rating, the string similarity for 'fuzzy', the cosine similarity for "
        "'tfidf', the model's probability of the level for 'learned'.",
    )
    level: int = Field(
        ge=0,
        le=4,
        description="The level (0-4) this evidence supports: 0 negated, 1 a mention, "
        "2 use in a job, 3 ownership with a result, 4 enterprise scope; for a "
        "self-rating, the rated level.",
    )
    source: Literal["resume", "rating"] = Field(
        description="Where it came from: the resume or the self-ratings."
    )
    term: str | None = Field(
        default=None,
        description="The taxonomy alias (in lower case) or acronym that matched; null "
        "for a 'tfidf' paraphrase and a self-rating.",
    )


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
