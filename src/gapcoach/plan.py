"""
PLAN stage: a role's score -> ordered, phased steps with the readiness each one adds.

Each step is one concrete action from the lexicon or the guide (a tool to get hands-on
with, a responsibility to own, a certification with its duration, experience to gain).
A skill below target gets the action for where it stands: ``start`` (level 0-1, brings
it to 2), ``apply`` (level 2, brings it to 3) or ``scale`` (level 3, brings it to 4), so
somebody who already runs QA calibrations is told to own a QA result, never to "learn
QA". Gains are computed by replaying the steps in order on the score, so they add up
exactly to the projected readiness.
"""

from dataclasses import dataclass

from gapcoach.models import (
    ActionStage,
    LadderLevel,
    LadderPosition,
    Phase,
    PhaseProjection,
    Plan,
    PlanStep,
    Seniority,
    SkillAction,
)
from gapcoach.score import RoleScore, level_credit

__all__ = ["PHASES", "build_plan", "ladder_position", "phase_for"]

PHASES: tuple[Phase, ...] = (
    "next 30 days",
    "1-3 months",
    "3-12 months",
    "longer-term experience",
)
_STAGES: dict[int, tuple[ActionStage, int]] = {
    0: ("start", 2),
    1: ("start", 2),
    2: ("apply", 3),
    3: ("scale", 4),
}


def _effort(weeks: int) -> str:
    if weeks <= 4:
        return "up to 1 month"
    if weeks <= 13:
        return "1-3 months"
    if weeks <= 52:
        return "3-12 months"
    return f"{weeks / 52:.0f}+ years"


def phase_for(weeks: int) -> Phase:
    """
    The phase a step of this many weeks belongs to.
    """
    if weeks <= 4:
        return "next 30 days"
    if weeks <= 13:
        return "1-3 months"
    if weeks <= 52:
        return "3-12 months"
    return "longer-term experience"


@dataclass(frozen=True)
class _Candidate:
    """
    A step before ordering: what it does and what it changes in the score.
    """

    key: str
    action: str
    kind: str
    skill_ids: tuple[str, ...]
    from_level: int
    to_level: int
    effort: str
    weeks: int
    grounded_in: str
    prerequisites: tuple[str, ...] = ()
    credit: float = 0.0
    years: float | None = None
    seniority: float | None = None
    scope: float | None = None


def _skill_candidates(score: RoleScore) -> list[_Candidate]:
    skills = {s.id: s for s in score.taxonomy.skills}
    candidates: list[_Candidate] = []
    for result in score.skills:
        level = result.level
        previous: tuple[str, ...] = ()
        while level < result.target_level:
            stage, reaches = _STAGES[min(level, 3)]
            reaches = min(reaches, result.target_level)
            skill = skills[result.id]
            action = skill.actions.get(stage) or SkillAction(
                text=f"Build {skill.name} to level {reaches}.",
                effort="1-3 months",
                weeks=8,
            )
            candidates.append(
                _Candidate(
                    key=f"{result.id}:{stage}",
                    action=action.text,
                    kind=f"skill:{stage}",
                    skill_ids=(result.id,),
                    from_level=level,
                    to_level=reaches,
                    effort=action.effort,
                    weeks=action.weeks,
                    grounded_in=f"{skill.sources[0].section}, line {skill.sources[0].lines[0]}",
                    # a prerequisite must be in use (its "start" step) before this step
                    prerequisites=tuple(f"{p}:start" for p in skill.prerequisites)
                    + previous,
                )
            )
            previous = (f"{result.id}:{stage}",)
            level = reaches
    return candidates


def _certification_candidates(score: RoleScore) -> list[_Candidate]:
    owned = set(score.credentials.held)
    candidates: list[_Candidate] = []
    for cert in score.taxonomy.certifications:
        if cert.id in owned:
            continue
        partial = cert.id in score.credentials.in_progress
        candidates.append(
            _Candidate(
                key=f"certification:{cert.id}",
                action=(
                    f"Finish the {cert.name} certification you have started"
                    if partial
                    else f"Earn the {cert.name} certification"
                )
                + (f" ({cert.duration})." if cert.duration else "."),
                kind="certification",
                skill_ids=tuple(cert.skills),
                from_level=0,
                to_level=1,
                effort=_effort(cert.weeks // 2 if partial else cert.weeks),
                weeks=cert.weeks // 2 if partial else cert.weeks,
                grounded_in=f"{cert.sources[0].section}, line {cert.sources[0].lines[0]}",
                credit=0.5 if partial else 1.0,
            )
        )
    return candidates


def _experience_candidates(score: RoleScore) -> list[_Candidate]:
    taxonomy = score.taxonomy
    required = taxonomy.experience
    level = next(lv for lv in taxonomy.ladder if lv.name == required.level_name)
    source = f"Career Path, line {level.sources[0].lines[0]}"
    candidates: list[_Candidate] = []
    fit = score.experience
    if fit.scope_score < 1:
        candidates.append(
            _Candidate(
                key="experience:scope",
                action=f"Take on the scope of a {level.name}: {level.description.split('.')[0]}.",
                kind="experience",
                skill_ids=(),
                from_level=0,
                to_level=0,
                effort="6-12 months",
                weeks=40,
                grounded_in=source,
                scope=1.0,
            )
        )
    if fit.years_score < 1:
        missing = required.years_min - (fit.years or 0.0)
        candidates.append(
            _Candidate(
                key="experience:years",
                action=f"Build {missing:.1f} more years of contact-center experience toward the "
                f"{required.years_min}+ years the guide gives for a {level.name} "
                f"({level.years_text}).",
                kind="experience",
                skill_ids=(),
                from_level=0,
                to_level=0,
                effort=f"{missing:.1f} years",
                weeks=max(53, int(missing * 52)),
                grounded_in=source,
                years=1.0,
                seniority=1.0,
            )
        )
    return candidates


def build_plan(score: RoleScore, *, max_steps: int = 12) -> Plan:
    """
    Ordered steps that close the role's gaps, with each step's readiness gain.

    Steps are ranked by gain (at equal gain the quicker step first), prerequisites are
    moved before what depends on them, and each step goes into the earliest phase its
    duration and its prerequisites allow while that phase has effort to spare. Steps
    with no gain are dropped.

    Args:
        score: The role's score from ``score_role``.
        max_steps: The most steps to keep.

    Returns:
        The plan and the readiness projected after each phase.
    """
    candidates = (
        _skill_candidates(score)
        + _certification_candidates(score)
        + _experience_candidates(score)
    )
    keys = {c.key for c in candidates}
    base = score.readiness_with()

    def solo_gain(candidate: _Candidate) -> float:
        if candidate.kind.startswith("skill"):
            skill_id = candidate.skill_ids[0]
            return score.readiness_with(
                levels={skill_id: candidate.to_level}
            ) - score.readiness_with(levels={skill_id: candidate.from_level})
        return (
            score.readiness_with(
                extra_credit=candidate.credit,
                years=candidate.years,
                seniority=candidate.seniority,
                scope=candidate.scope,
            )
            - base
        )

    # Priority: bigger gains first; at equal gain (to 0.1 point) the quicker step.
    ranked = sorted(candidates, key=lambda c: (-round(solo_gain(c), 1), c.weeks, c.key))
    ordered = _respect_prerequisites(ranked, keys)
    phase_of = _schedule(ordered, keys)
    position = {c.key: index for index, c in enumerate(ordered)}
    ordered = sorted(ordered, key=lambda c: (phase_of[c.key], position[c.key]))

    steps: list[PlanStep] = []
    state_levels: dict[str, int] = {}
    credit = 0.0
    years: float | None = None
    seniority: float | None = None
    scope: float | None = None
    current = base
    coverage_delta = 0.0
    skills = score.skills_by_id
    for candidate in ordered:
        if candidate.kind.startswith("skill"):
            # coverage is additive over skills: update it by this skill's change only
            skill = skills[candidate.skill_ids[0]]
            before = state_levels.get(skill.id, skill.level)
            state_levels[skill.id] = candidate.to_level
            coverage_delta += (
                skill.weight
                * (
                    level_credit(candidate.to_level, skill.target_level)
                    - level_credit(before, skill.target_level)
                )
                / score.total_weight
            )
        credit += candidate.credit
        years = candidate.years if candidate.years is not None else years
        seniority = (
            candidate.seniority if candidate.seniority is not None else seniority
        )
        scope = candidate.scope if candidate.scope is not None else scope
        after = score.readiness_with(
            coverage_delta=coverage_delta,
            extra_credit=credit,
            years=years,
            seniority=seniority,
            scope=scope,
        )
        gain = after - current
        current = after
        if gain <= 0.005:
            continue
        steps.append(
            PlanStep(
                order=len(steps) + 1,
                action=candidate.action,
                kind=candidate.kind,
                skill_ids=list(candidate.skill_ids),
                from_level=candidate.from_level,
                to_level=candidate.to_level,
                gain=round(gain, 2),
                effort=candidate.effort,
                weeks=candidate.weeks,
                phase=PHASES[phase_of[candidate.key]],
                grounded_in=candidate.grounded_in,
            )
        )
    steps = steps[:max_steps]
    projection: list[PhaseProjection] = []
    running = round(score.readiness, 2)
    for phase in PHASES:
        in_phase = [s for s in steps if s.phase == phase]
        running = round(running + sum(s.gain for s in in_phase), 2)
        projection.append(
            PhaseProjection(
                phase=phase, readiness=min(running, 100.0), n_steps=len(in_phase)
            )
        )
    return Plan(steps=steps, projection=projection)


# Effort-weeks a person can put into a phase (about two things at once).
_CAPACITY = (6, 20, 80, 10_000)


def _schedule(ordered: list[_Candidate], keys: set[str]) -> dict[str, int]:
    """
    Phase of each step: no earlier than its own duration allows or its prerequisites,
    and only while the phase has effort left, so "next 30 days" stays doable.
    """
    used = [0] * len(PHASES)
    phase_of: dict[str, int] = {}
    for candidate in ordered:
        phase = PHASES.index(phase_for(candidate.weeks))
        for prerequisite in candidate.prerequisites:
            if prerequisite in keys and prerequisite in phase_of:
                phase = max(phase, phase_of[prerequisite])
        while (
            phase < len(PHASES) - 1 and used[phase] + candidate.weeks > _CAPACITY[phase]
        ):
            phase += 1
        used[phase] += candidate.weeks
        phase_of[candidate.key] = phase
    return phase_of


def _respect_prerequisites(
    ranked: list["_Candidate"], keys: set[str]
) -> list["_Candidate"]:
    """
    Stable topological order: a step moves after every step it depends on.
    """
    placed: list[_Candidate] = []
    done: set[str] = set()
    pending = list(ranked)
    while pending:
        for index, candidate in enumerate(pending):
            needs = [
                p for p in candidate.prerequisites if p in keys and p != candidate.key
            ]
            if all(p in done for p in needs):
                placed.append(candidate)
                done.add(candidate.key)
                del pending[index]
                break
        else:  # a cycle cannot happen (validated taxonomies); keep the rank order
            placed.extend(pending)
            break
    return placed


def ladder_position(
    ladder: list[LadderLevel], *, level: Seniority, years: float | None
) -> LadderPosition:
    """
    The person's rung on a role's career ladder (from title seniority and years) and the next.
    """
    from gapcoach.vocab.titles import title_seniority

    current: int | None = None
    if level is not Seniority.OUTSIDE:
        for index, rung in enumerate(ladder):
            rung_level = title_seniority(rung.name)
            fits_title = (
                rung_level is not Seniority.OUTSIDE and rung_level.rank <= level.rank
            )
            fits_years = years is None or rung.years_min <= years + 1
            if fits_title and fits_years:
                current = index
    following = 0 if current is None else current + 1
    nxt = ladder[following] if following < len(ladder) else None
    return LadderPosition(
        current=ladder[current].name if current is not None else None,
        current_index=current,
        next=nxt.name if nxt else None,
        next_years=nxt.years_text if nxt else None,
        next_focus_areas=list(nxt.focus_areas) if nxt else [],
        next_salary_median_usd=nxt.salary_median_usd if nxt else None,
    )
