"""
The report: per role readiness, skills, gaps, plan and ladder position, and the
versioned Assessment around them.
"""

from typing import Literal

from pydantic import Field

from gapcoach.models.base import Model
from gapcoach.models.document import Evidence, Seniority
from gapcoach.models.taxonomy import DerivedPart

Status = Literal["met", "partial", "missing"]
Band = Literal["Ready", "Nearly ready", "Developing", "Early"]
Phase = Literal["next 30 days", "1-3 months", "3-12 months", "longer-term experience"]

# The one scale every report view uses (RUBRIC.md's levels); self-ratings given in stars
# count one lower (1 star = level 0).
LEVEL_NAMES = ("none", "mentioned", "applied", "owned with results", "strategic scope")
LEVEL_LEGEND = (
    "Levels 0-4: "
    + " · ".join(f"{level} {name}" for level, name in enumerate(LEVEL_NAMES))
    + " (a self-rating of N stars counts as level N-1)."
)


DERIVED_MARK = "†"


def derived_note(skills: "list[SkillResult]") -> str | None:
    """
    The line a report shows under a role whose skills the reviewed lexicon does not all
    know: how many, and what of them was derived from the guide's own text.
    """
    derived = [skill for skill in skills if skill.derived]
    if not derived:
        return None
    return (
        f"{DERIVED_MARK} {len(derived)} of {len(skills)} skills of this role are not in "
        "gapcoach's reviewed lexicon: their resume wording, weight, target level and "
        "first plan step were derived from the guide's own text, so read their levels "
        "and gaps with more care."
    )


class SkillResult(Model):
    """
    One skill of a role as scored: its level against the target and its contribution.
    """

    id: str = Field(description="The skill's id in the role's taxonomy (Skill.id).")
    name: str = Field(description="The skill's name as the guide gives it.")
    category: str = Field(
        description="The skill's category in the taxonomy (e.g. 'technical', 'soft')."
    )
    weight: float = Field(
        description="The skill's weight in skill coverage (Skill.weight: above 0, at "
        "most 100, 1.0 by default)."
    )
    target_level: int = Field(description="The level (0-4) the role needs.")
    level: int = Field(
        description="The level (0-4) the skill is scored at: resume_level merged with "
        "any self-rating (see combination)."
    )
    resume_level: int = Field(
        description="The highest level (0-4) the resume evidence supports; 0 when the "
        "resume shows none or there is no resume."
    )
    rating_level: int | None = Field(
        default=None,
        description="The self-rated level on the 0-4 scale (1-5 stars count as 0-4); "
        "null when the skill was not self-rated.",
    )
    combination: str = Field(
        description="How level follows from resume_level and rating_level, in words "
        "(e.g. 'resume 2, self-rating 3 -> 3'), naming any disagreement or limit."
    )
    status: Status = Field(
        description="'met' when level reaches target_level, 'partial' when it is below "
        "but above 0, 'missing' at 0."
    )
    contribution: float = Field(
        description="Readiness points (of 100) the skill gives now: 45 x weight x "
        "min(level / target_level, 1) / the total weight of the role's skills."
    )
    derived: list[DerivedPart] = Field(
        default=[],
        description="The parts of this skill that the taxonomy builder derived from the "
        "guide's own text because gapcoach's reviewed lexicon has none for it ('aliases', "
        "'weight', 'target_level', 'actions'; Skill.derived); empty when the reviewed "
        "lexicon gives them all.",
    )
    evidence: list[Evidence] = Field(
        description="Up to three resume lines that support a level above 0, strongest "
        "first, then the self-rating if there is one."
    )


class CategoryScore(Model):
    """
    Weighted coverage of one skill category, 0-100.
    """

    category: str = Field(
        description="A skill category of the taxonomy (e.g. 'technical', 'soft'), or "
        "'certifications & education' or 'experience'."
    )
    score: float = Field(
        description="0-100: the weighted coverage of the category's skills; for the "
        "last two categories, the credentials or experience term of readiness."
    )
    n_skills: int = Field(
        description="How many skills the category has (certifications & education: the "
        "role's certifications plus a degree; experience: seniority, years and scope)."
    )
    n_met: int = Field(
        description="How many of them are at their target (certifications held plus a "
        "degree; experience parts at full credit)."
    )


class ExperienceFit(Model):
    """
    The resume's experience and scope against the role's requirement.
    """

    years: float | None = Field(
        description="Years of contact-center work in the dated jobs (overlaps counted "
        "once), to one decimal; null without a resume or a dated job."
    )
    leadership_years: float = Field(
        default=0.0,
        description="Years in jobs titled lead or above, a job outside contact centers "
        "counting half, to one decimal; 0 without a resume.",
    )
    required_years: int = Field(
        description="The minimum years the guide gives for the role's own ladder level "
        "(Taxonomy.experience.years_min); years_score compares leadership_years to it."
    )
    current_title: str | None = Field(
        description="The title of the most recent job, or the resume's headline when "
        "it has no dated job; null when there is none or no resume."
    )
    current_level: Seniority = Field(
        description="The rung of the current title when it is contact-center work, "
        "else 'outside' (also without a resume)."
    )
    team_size: int | None = Field(
        default=None,
        description="The largest team the resume states ('team of 14', '12 direct "
        "reports'); null when it states none or there is no resume.",
    )
    agents: int | None = Field(
        default=None,
        description="The largest number of agents, reps or seats the resume states; "
        "null when it states none or there is no resume.",
    )
    sites: int | None = Field(
        default=None,
        description="The largest number of sites or centers the resume states (at "
        "least 2 when it says multi-site); null when it states none or there is no "
        "resume.",
    )
    budget_usd: int | None = Field(
        default=None,
        description="The largest budget the resume states, in US dollars; null when it "
        "states none or there is no resume.",
    )
    years_score: float = Field(
        description="0-1: leadership_years over required_years, capped at 1 (1 when "
        "the role requires no years)."
    )
    scope_score: float = Field(
        description="0-1: people led, sites and budget against what the role's rung "
        "typically carries, averaged; x0.6 when the current job is outside contact "
        "centers."
    )
    score: float = Field(
        description="The experience term of readiness, 0-100: 50% title seniority "
        "against the role's rung, 25% years_score, 25% scope_score."
    )


class Gap(Model):
    """
    A skill below its target, with the readiness points that closing it would add.
    """

    skill_id: str = Field(description="The skill's id in the role's taxonomy.")
    name: str = Field(description="The skill's name as the guide gives it.")
    category: str = Field(
        description="The skill's category in the taxonomy (e.g. 'technical', 'soft')."
    )
    level: int = Field(description="The level (0-4) the skill is scored at now.")
    target_level: int = Field(description="The level (0-4) the role needs.")
    impact: float = Field(
        description="Readiness points (of 100) that lifting the skill to its target "
        "would add."
    )
    why: str = Field(
        description="What the guide says the skill is for, ending with the guide "
        "section and line it comes from."
    )


class PlanStep(Model):
    """
    One concrete action of the plan, the gaps it closes, and what it is worth.
    """

    order: int = Field(description="The step's 1-based position in the plan.")
    action: str = Field(
        description="What to do, in a sentence from the lexicon or the guide."
    )
    kind: str = Field(
        description="'skill:start', 'skill:apply' or 'skill:scale' for a skill, "
        "'certification', 'experience', or 'career' for the guide's own career moves "
        "(a first contact-center job for people outside the field, networking, a "
        "targeted resume, interview practice), which add no readiness points."
    )
    skill_ids: list[str] = Field(
        description="The skills the step works on: the one skill of a skill step, the "
        "skills a certification covers, none for experience."
    )
    from_level: int = Field(
        description="The skill's level (0-4) before the step; 0 for a certification or "
        "experience step."
    )
    to_level: int = Field(
        description="The skill's level (0-4) after the step; 1 for a certification "
        "(held), 0 for an experience step."
    )
    gain: float = Field(
        description="Readiness points (of 100) the step adds once the steps before it "
        "are done."
    )
    effort: str = Field(
        description="How long the step takes, in words (e.g. '2-4 weeks', '2.5 years')."
    )
    weeks: int = Field(description="How long the step takes, in weeks.")
    start_week: int = Field(
        default=0,
        description="The week the step starts, counted from today: the start of its "
        "phase (0, 4, 13 or 52).",
    )
    phase: Phase = Field(
        description="When to do it: the earliest phase its weeks and prerequisites "
        "allow while that phase has time to spare."
    )
    grounded_in: str = Field(
        description="The guide section and line the step comes from (e.g. 'Soft "
        "Skills, line 54')."
    )


class PhaseProjection(Model):
    """
    Readiness expected once every step up to and including a phase is done.
    """

    phase: Phase = Field(description="The phase these figures are for.")
    readiness: float = Field(
        description="0-100: the current readiness plus the gains of every step up to "
        "and including this phase, capped at 100."
    )
    n_steps: int = Field(description="How many plan steps are in this phase.")


class Plan(Model):
    """
    Ordered steps with the readiness projected after each phase.
    """

    steps: list[PlanStep] = Field(
        description="The steps in the order to do them (by phase, then by priority), "
        "at most 12 by default; empty when nothing is left to gain or the input held "
        "no work history, skills or ratings."
    )
    projection: list[PhaseProjection] = Field(
        description="One entry per phase, in phase order; empty only when no plan was "
        "made (the input held no work history, skills or ratings)."
    )


class LadderPosition(Model):
    """
    Where the person stands on the role's career ladder and what the next rung asks.
    """

    rung: Seniority = Field(
        default=Seniority.OUTSIDE,
        description="The person's one position on the contact-center ladder, read once "
        "from the resume (ExperienceFit.current_level) and the same in every role's view.",
    )
    current: str | None = Field(
        description="The level of this role's ladder the person stands on: the first "
        "whose title names their rung (the highest below it when none does); null when "
        "none fits (always when 'outside')."
    )
    current_index: int | None = Field(
        description="The 0-based index of current in the role's ladder; null when "
        "current is null."
    )
    next: str | None = Field(
        description="The next ladder level (the first when current is null); null when "
        "current is the top level."
    )
    next_index: int | None = Field(
        default=None,
        description="The 0-based index of next in the role's ladder; null when there is "
        "no next level.",
    )
    past_target: bool = Field(
        default=False,
        description="True when the person stands on a level after the role's own: the "
        "role is behind them, and next is the rung the guide names after theirs.",
    )
    next_years: str | None = Field(
        default=None,
        description="The experience the guide gives for the next level, as written "
        "(e.g. '5-8 years total experience'); null when there is no next level.",
    )
    next_focus_areas: list[str] = Field(
        default=[],
        description="What the guide says to focus on for the next level; empty when "
        "there is no next level.",
    )
    next_salary_median_usd: int | None = Field(
        default=None,
        description="The guide's median yearly salary for the next level, in US "
        "dollars; null when the guide gives none or there is no next level.",
    )


class RoleAssessment(Model):
    """
    The full answer for one role: readiness, skills, gaps, plan and ladder.
    """

    role_id: str = Field(description="The role's id (Taxonomy.role_id).")
    role_title: str = Field(description="The role's title as the guide gives it.")
    taxonomy_sha256: str = Field(
        description="Hex SHA-256 of the taxonomy's content, to tell which version of "
        "the role was used."
    )
    readiness: float = Field(
        ge=0,
        le=100,
        description="0-100: 45% skill coverage, 45% experience and 10% certifications "
        "and education.",
    )
    band: Band = Field(
        description="The readiness band: Ready at 80 or more, Nearly ready at 60, "
        "Developing at 40, Early below."
    )
    skill_coverage: float = Field(
        description="0-100: the skills' levels against their targets, each capped at "
        "the target and weighted."
    )
    category_scores: list[CategoryScore] = Field(
        description="One score per skill category, in taxonomy order, then "
        "'certifications & education' and 'experience'."
    )
    experience: ExperienceFit = Field(
        description="The resume's experience and scope against the role."
    )
    skills: list[SkillResult] = Field(
        description="Every skill of the role as scored, in taxonomy order."
    )
    gaps: list[Gap] = Field(
        description="The skills below their target, largest impact first."
    )
    plan: Plan = Field(description="The steps that close the gaps, by phase.")
    ladder: LadderPosition = Field(
        description="The person's place on the role's career ladder."
    )


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

    file: str | None = Field(
        description="The resume's file name, or the name given with its text "
        "('<text>', '<bytes>' or '<stdin>' when none); null when no resume was "
        "given."
    )
    sha256: str | None = Field(
        description="Hex SHA-256 of the resume's bytes as given; null when no resume "
        "was given."
    )
    format: str | None = Field(
        description="The resume's format: 'txt', 'md', 'pdf' or 'docx'; null when no "
        "resume was given."
    )
    person: str | None = Field(
        default=None,
        description="The person's name as the top of the resume gives it (the first "
        "short line that reads as a name); null when none is found or no resume was "
        "given. Added in schema 1.2.",
    )
    ratings: bool = Field(description="Whether self-ratings were given.")
    ratings_file: str | None = Field(
        default=None,
        description="The self-ratings file's name ('questionnaire' for answers given "
        "interactively); null when no ratings were given.",
    )
    ratings_sha256: str | None = Field(
        default=None,
        description="Hex SHA-256 of the self-ratings file's bytes (of the answers, "
        "for the questionnaire); null when no ratings were given.",
    )
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

    schema_version: str = Field(
        description="The version of this report's format (e.g. '1.2')."
    )
    gapcoach_version: str = Field(
        description="The version of gapcoach that wrote the report."
    )
    input: InputInfo = Field(description="What was assessed.")
    best_next_role: str | None = Field(
        default=None,
        description="The role_id of the readiest role above the person's current "
        "level (the readiest overall when none is above); null when fewer than two "
        "roles were assessed.",
    )
    best_next_role_reason: str | None = Field(
        default=None,
        description="Why best_next_role was chosen, in a sentence; null when it is "
        "null.",
    )
    assessments: list[RoleAssessment] = Field(
        description="One assessment per role, in role-id order."
    )
