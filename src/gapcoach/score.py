"""
SCORE stage: skill levels + document -> readiness for one role, category scores and gaps.

The formula (documented in the README, checked by tests):

    coverage    = Σ w·min(level/target, 1) / Σ w                    over the role's skills
    experience  = 0.5·seniority + 0.25·years + 0.25·scope            each in [0, 1]
    credentials = 0.5·degree + 0.5·min(certifications held / 2, 1)   in-progress counts ½
    readiness   = 100 · (0.45·coverage + 0.45·experience + 0.10·credentials)

seniority is the current title's rung over the role's rung (×0.6 when the current job is
outside contact centers: leadership transfers, the field knowledge does not); years are
years in lead-or-above jobs (half outside the field) over the role's required years;
scope is team/agents, sites and budget against what the role's rung typically carries.

Every term is a non-decreasing function of the evidence, so more or stronger evidence
never lowers readiness. A gap's impact is exactly the readiness points that lifting that
one skill to its target would add: 45 · w · (1 − min(level/target, 1)) / Σ w.

The weights were chosen on ../shared/corpus/real-resumes (bench/ordering.py): where a
person stands on the ladder, and for how long they have led people, predict readiness
for the next rung best; skills stay the largest single input.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from gapcoach.models import (
    CategoryScore,
    Credentials,
    Document,
    ExperienceFit,
    Gap,
    Seniority,
    Skill,
    SkillMatch,
    SkillResult,
    Status,
    Taxonomy,
)

__all__ = [
    "COVERAGE_WEIGHT",
    "CREDENTIALS_WEIGHT",
    "EXPERIENCE_WEIGHT",
    "RoleScore",
    "band",
    "credentials_score",
    "level_credit",
    "score_role",
]

COVERAGE_WEIGHT = 0.45
EXPERIENCE_WEIGHT = 0.45
CREDENTIALS_WEIGHT = 0.10
OUTSIDE_FIELD_SENIORITY = 0.6
OUTSIDE_FIELD_YEARS = 0.5
CERTIFICATIONS_FOR_FULL_CREDIT = 2

# Scope a role of each seniority rank typically carries (agents led, sites, budget USD),
# read off the guides' ladder descriptions: a manager runs 50-100 agents, a director
# "hundreds of agents and multiple locations" with "multi-million dollar budgets".
_SCOPE_EXPECTED: dict[int, tuple[int, int, int]] = {
    0: (1, 1, 1),
    1: (5, 1, 1),
    2: (10, 1, 1),
    3: (50, 1, 1_000_000),
    4: (150, 2, 5_000_000),
    5: (300, 2, 10_000_000),
    6: (1000, 3, 50_000_000),
}


def band(readiness: float) -> str:
    """
    The readiness band: Ready ≥ 80, Nearly ready ≥ 60, Developing ≥ 40, Early below.
    """
    if readiness >= 80:
        return "Ready"
    if readiness >= 60:
        return "Nearly ready"
    if readiness >= 40:
        return "Developing"
    return "Early"


def level_credit(level: int, target: int) -> float:
    """
    A skill's credit toward coverage: level over target, capped at 1 (target 0: met).
    """
    return 1.0 if target <= 0 else min(level / target, 1.0)


def _status(level: int, target: int) -> Status:
    if level >= target:
        return "met"
    return "partial" if level > 0 else "missing"


def certification_credit(credentials: Credentials) -> float:
    """
    Certification credit: 1 per certification held, ½ per one in progress.
    """
    return len(credentials.held) + 0.5 * len(credentials.in_progress)


def credentials_score(credentials: Credentials, *, extra_credit: float = 0.0) -> float:
    """
    The credentials term in [0, 1]: ½ for a degree, ½ × certification credit over two.
    """
    has_degree = credentials.degree is not None
    certs = min(
        (certification_credit(credentials) + extra_credit)
        / CERTIFICATIONS_FOR_FULL_CREDIT,
        1.0,
    )
    return 0.5 * float(has_degree) + 0.5 * certs


@dataclass(frozen=True)
class RoleScore:
    """
    Everything the plan stage needs to know about one role's score.
    """

    taxonomy: Taxonomy
    readiness: float
    coverage: float
    experience: ExperienceFit
    credentials: Credentials
    category_scores: list[CategoryScore]
    skills: list[SkillResult]
    gaps: list[Gap]
    role_rank: int
    total_weight: float
    seniority: float

    @cached_property
    def skills_by_id(self) -> dict[str, SkillResult]:
        """
        The role's scored skills by id.
        """
        return {s.id: s for s in self.skills}

    def readiness_with(
        self,
        *,
        levels: dict[str, int] | None = None,
        coverage_delta: float = 0.0,
        years: float | None = None,
        seniority: float | None = None,
        scope: float | None = None,
        extra_credit: float = 0.0,
    ) -> float:
        """
        Readiness recomputed with some inputs changed (used for impacts and the plan).
        """
        coverage = self.coverage + coverage_delta
        for skill_id, level in (levels or {}).items():
            skill = self.skills_by_id[skill_id]
            coverage += (
                skill.weight
                * (
                    level_credit(level, skill.target_level)
                    - level_credit(skill.level, skill.target_level)
                )
                / self.total_weight
            )
        experience = _experience_score(
            self.experience.years_score if years is None else years,
            self.seniority if seniority is None else seniority,
            self.experience.scope_score if scope is None else scope,
        )
        return _readiness(
            coverage,
            experience,
            credentials_score(self.credentials, extra_credit=extra_credit),
        )


def _experience_score(years: float, seniority: float, scope: float) -> float:
    return 0.5 * seniority + 0.25 * years + 0.25 * scope


def _readiness(coverage: float, experience: float, credentials: float) -> float:
    return 100 * (
        COVERAGE_WEIGHT * coverage
        + EXPERIENCE_WEIGHT * experience
        + CREDENTIALS_WEIGHT * credentials
    )


def _seniority(document: Document | None, rank: int) -> float:
    if document is None or not document.current_title:
        return 0.0
    title = document.current_rung
    if title is Seniority.OUTSIDE:
        return 0.0
    return min(title.rank / max(rank, 1), 1.0) * _field_factor(document)


def _leadership_years(document: Document | None) -> float:
    """
    Years in jobs titled lead or above (team lead, supervisor, manager, ...); a job
    outside contact centers counts half. The guides ask for years of supervisory
    experience on the way up ("Aim to acquire 2-3 years of supervisory experience").
    """
    if document is None:
        return 0.0
    months = sum(
        job.months * (1.0 if job.relevant else OUTSIDE_FIELD_YEARS)
        for job in document.jobs
        if job.rung.rank >= 1
    )
    total = (document.years_experience or 0.0) * 12
    return round(min(months, total) / 12, 1)


def _field_factor(document: Document) -> float:
    """
    Seniority and scope earned outside contact centers count, discounted.
    """
    return (
        1.0
        if document.current_level is not Seniority.OUTSIDE
        else OUTSIDE_FIELD_SENIORITY
    )


def _scope_score(document: Document | None, rank: int) -> float:
    if document is None:
        return 0.0
    agents_needed, sites_needed, budget_needed = _SCOPE_EXPECTED[min(rank, 6)]
    scope = document.scope
    led = max(scope.agents or 0, scope.team_size or 0)
    parts = [
        min(led / agents_needed, 1.0),
        min((scope.sites or (1 if led else 0)) / sites_needed, 1.0),
        min((scope.budget_usd or 0) / budget_needed, 1.0),
    ]
    return _field_factor(document) * sum(parts) / len(parts)


def score_role(
    matches: Sequence[SkillMatch],
    taxonomy: Taxonomy,
    *,
    rank: int,
    document: Document | None = None,
    credentials: Credentials | None = None,
) -> RoleScore:
    """
    Readiness, category scores and ranked gaps for one role: arithmetic on what the
    earlier stages found (nothing here reads text).

    Args:
        matches: The matcher's output (may cover more skills than this role has).
        taxonomy: The role.
        rank: The role's own rung (``vocab.titles.role_rank``).
        document: The resume, for experience and scope (None: ratings only).
        credentials: The degree and certifications found (``match.find_credentials``;
            may hold other roles' certifications); None when there are none.

    Returns:
        The role's score, with everything the plan and the report need.
    """
    by_id = {m.skill_id: m for m in matches}
    total_weight = sum(s.weight for s in taxonomy.skills)
    results = [
        _skill_result(skill, by_id.get(skill.id), total_weight)
        for skill in taxonomy.skills
    ]
    coverage = (
        sum(r.weight * level_credit(r.level, r.target_level) for r in results)
        / total_weight
    )

    required = taxonomy.experience.years_min
    years = document.relevant_years if document else None
    leading = _leadership_years(document)
    years_score = min(leading / required, 1.0) if required > 0 else 1.0
    current_level = document.current_level if document else Seniority.OUTSIDE
    seniority = _seniority(document, rank)
    scope = _scope_score(document, rank)
    experience_value = _experience_score(years_score, seniority, scope)
    experience = ExperienceFit(
        years=years,
        leadership_years=leading,
        required_years=required,
        current_title=document.current_title if document else None,
        current_level=current_level,
        team_size=document.scope.team_size if document else None,
        agents=document.scope.agents if document else None,
        sites=document.scope.sites if document else None,
        budget_usd=document.scope.budget_usd if document else None,
        years_score=round(years_score, 4),
        scope_score=round(scope, 4),
        score=round(100 * experience_value, 2),
    )
    credentials = _own(credentials or Credentials(), taxonomy)
    readiness = _readiness(coverage, experience_value, credentials_score(credentials))

    categories: list[CategoryScore] = []
    for category in dict.fromkeys(s.category for s in taxonomy.skills):
        members = [r for r in results if r.category == category]
        weight = sum(r.weight for r in members)
        categories.append(
            CategoryScore(
                category=category,
                score=round(
                    100
                    * sum(
                        r.weight * level_credit(r.level, r.target_level)
                        for r in members
                    )
                    / weight,
                    2,
                ),
                n_skills=len(members),
                n_met=sum(r.status == "met" for r in members),
            )
        )
    categories.append(
        CategoryScore(
            category="certifications & education",
            score=round(100 * credentials_score(credentials), 2),
            n_skills=len(taxonomy.certifications) + 1,
            n_met=len(credentials.held) + int(credentials.degree is not None),
        )
    )
    categories.append(
        CategoryScore(
            category="experience",
            score=round(100 * experience_value, 2),
            n_skills=3,
            n_met=sum(value >= 1 for value in (years_score, seniority, scope)),
        )
    )
    gaps = sorted(
        (
            Gap(
                skill_id=r.id,
                name=r.name,
                category=r.category,
                level=r.level,
                target_level=r.target_level,
                impact=round(
                    100
                    * COVERAGE_WEIGHT
                    * r.weight
                    * (1 - level_credit(r.level, r.target_level))
                    / total_weight,
                    2,
                ),
                why=_why(taxonomy, r.id),
            )
            for r in results
            if r.level < r.target_level
        ),
        key=lambda gap: (-gap.impact, gap.skill_id),
    )
    return RoleScore(
        taxonomy=taxonomy,
        readiness=readiness,
        coverage=coverage,
        experience=experience,
        credentials=credentials,
        category_scores=categories,
        skills=results,
        gaps=gaps,
        role_rank=rank,
        total_weight=total_weight,
        seniority=seniority,
    )


def _own(credentials: Credentials, taxonomy: Taxonomy) -> Credentials:
    """The credentials that count for this role: its own certifications and a degree."""
    own = {cert.id for cert in taxonomy.certifications}
    return Credentials(
        degree=credentials.degree,
        held={k: v for k, v in credentials.held.items() if k in own},
        in_progress={k: v for k, v in credentials.in_progress.items() if k in own},
    )


def _skill_result(
    skill: Skill, found: SkillMatch | None, total_weight: float
) -> SkillResult:
    level = found.level if found else 0
    return SkillResult(
        id=skill.id,
        name=skill.name,
        category=skill.category,
        weight=skill.weight,
        target_level=skill.target_level,
        level=level,
        resume_level=found.resume_level if found else 0,
        rating_level=found.rating_level if found else None,
        combination=found.combination if found else "resume 0",
        status=_status(level, skill.target_level),
        contribution=round(
            100
            * COVERAGE_WEIGHT
            * skill.weight
            * level_credit(level, skill.target_level)
            / total_weight,
            4,
        ),
        derived=list(skill.derived),
        evidence=list(found.evidence) if found else [],
    )


def _why(taxonomy: Taxonomy, skill_id: str) -> str:
    skill = next(s for s in taxonomy.skills if s.id == skill_id)
    description = skill.description
    if ": " in description:
        description = description.split(": ", 1)[1]
    source = skill.sources[0]
    return f"{description} (guide: {source.section}, line {source.lines[0]})"
