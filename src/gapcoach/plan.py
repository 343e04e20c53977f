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

from dataclasses import dataclass, replace

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
from gapcoach.vocab.field import PHONE_STEP_RE

__all__ = ["PHASES", "build_plan", "ladder_position", "phase_for"]

PHASES: tuple[Phase, ...] = (
    "next 30 days",
    "1-3 months",
    "3-12 months",
    "longer-term experience",
)
# the week each phase starts, from today
PHASE_START_WEEKS = (0, 4, 13, 52)
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


def _certification_candidates(
    score: RoleScore, position: LadderPosition
) -> list[_Candidate]:
    """
    The guide's certifications the person lacks, once they stand one rung below the
    role (or on it): earlier, a certificate for a rung two steps up waits.
    """
    owned = set(score.credentials.held)
    candidates: list[_Candidate] = []
    target_at = _target_index(score)
    near = position.next_index is not None and position.next_index >= target_at
    if not near and not position.past_target and position.current_index != target_at:
        return []
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


def rung_seniority(level: LadderLevel) -> Seniority:
    """The contact-center rung a ladder level's title names."""
    from gapcoach.vocab.titles import title_seniority

    return title_seniority(level.name)


def _experience_candidates(
    score: RoleScore, position: LadderPosition
) -> list[_Candidate]:
    """
    Experience steps, one rung at a time: the scope of the next rung of this role's
    ladder above the person first, for as long as the guide's years for it take; the
    target role's own scope only when the person stands one rung below it (two or more
    rungs below, it comes last, after the years the guide gives); and the years leading
    people the role asks that the person does not have yet.
    """
    taxonomy = score.taxonomy
    required = taxonomy.experience
    ladder = taxonomy.ladder
    target_at = _target_index(score)
    level = ladder[target_at]
    fit = score.experience
    years = fit.years or 0.0
    candidates: list[_Candidate] = []
    below_target = position.current_index is None or position.current_index < target_at
    nxt = position.next_index
    if below_target and nxt is not None and nxt < target_at:
        rung = ladder[nxt]
        share = min(rung_seniority(rung).rank / max(score.role_rank, 1), 1.0)
        wait = max(rung.years_min - years, 0.0)
        candidates.append(
            _Candidate(
                key="experience:next-rung",
                action=f"Work toward the {rung.name} rung"
                + (f" (the guide gives {rung.years_text})" if rung.years_text else "")
                + f": take on its work where you are now. "
                f"{rung.description.split('.')[0]}.",
                kind="experience",
                skill_ids=(),
                from_level=0,
                to_level=0,
                effort=_effort(max(40, int(wait * 52))),
                weeks=max(40, int(wait * 52)),
                grounded_in=f"Career Path, line {rung.sources[0].lines[0]}",
                seniority=max(score.seniority, share),
                scope=max(fit.scope_score, share),
            )
        )
    if below_target and fit.scope_score < 1:
        # the target role's own scope: next once the person stands just below it, else
        # only after the years the guide gives for it (the plan's last phase)
        one_below = nxt == target_at
        wait = max(level.years_min - years, 0.0)
        weeks = 40 if one_below else max(53, int(wait * 52))
        candidates.append(
            _Candidate(
                key="experience:scope",
                action=f"Take on the scope of {_article(level.name)} {level.name}: "
                f"{level.description.split('.')[0]}.",
                kind="experience",
                skill_ids=(),
                from_level=0,
                to_level=0,
                effort="6-12 months" if one_below else _effort(weeks),
                weeks=weeks,
                grounded_in=f"Career Path, line {level.sources[0].lines[0]}",
                prerequisites=() if one_below else ("experience:next-rung",),
                scope=1.0,
            )
        )
    missing = round(required.years_min - fit.leadership_years, 1)
    if fit.years_score < 1 and missing > 0:
        candidates.append(
            _Candidate(
                key="experience:years",
                action=f"Build {missing:.1f} more years leading people toward the "
                f"{required.years_min}+ years the guide gives for {_article(level.name)} "
                f"{level.name} ({level.years_text}).",
                kind="experience",
                skill_ids=(),
                from_level=0,
                to_level=0,
                effort=f"{missing:.1f} years",
                weeks=max(53, int(missing * 52)),
                grounded_in=f"Career Path, line {level.sources[0].lines[0]}",
                years=1.0,
                seniority=1.0,
            )
        )
    return candidates


def _priority(candidate: _Candidate, toward: set[str]) -> int:
    """
    Which steps come first: an outsider's bridge into the field, then what moves the
    person to the next rung (its focus areas' skills, the rung itself), then the rest by
    gain (the guide's career moves, which add no readiness, last).
    """
    if candidate.key == "career:bridge":
        return 0
    if set(candidate.skill_ids) & toward or candidate.key == "experience:next-rung":
        return 1
    return 2


def _kept_without_gain(candidate: _Candidate) -> bool:
    """
    Steps that stay in the plan though they add no readiness, beside the max_steps that
    do: the guide's career moves and the move to the next rung (the score may have it).
    """
    return candidate.kind == "career" or candidate.key == "experience:next-rung"


def _target_index(score: RoleScore) -> int:
    ladder = score.taxonomy.ladder
    name = score.taxonomy.experience.level_name
    return next((i for i, level in enumerate(ladder) if level.name == name), 0)


def _toward_next_rung(score: RoleScore, position: LadderPosition) -> set[str]:
    """The role's skills that the next rung's focus areas name (one rung at a time)."""
    from gapcoach.taxonomy.derive import SkillTerms

    focus = " ".join(position.next_focus_areas)
    if not focus:
        return set()
    return {
        skill.id
        for skill in score.taxonomy.skills
        if SkillTerms.of(skill.name, list(skill.acronyms)).named_in(focus)
    }


# steps that presume a team of one's own, or a manager of managers above
_TEAM_WORDS = ("your team", "your agents", "your director", "your area", "team's")


def _fits(candidate: _Candidate, score: RoleScore, *, by_phone: bool) -> bool:
    """
    A step fits the person: one that presumes a team of their own is not given to
    somebody who leads nobody (agents and people outside the field), nor one about
    calls, an ACD or an IVR to somebody whose resume shows no phone work, nor a course
    for a certificate they hold.
    """
    if not candidate.kind.startswith("skill"):
        return True
    leads = score.experience.current_level.rank >= Seniority.LEAD.rank
    text = candidate.action.lower()
    if not leads and any(word in text for word in _TEAM_WORDS):
        return False
    # a course for a certificate the person holds already ("a Green Belt course")
    held = set(score.credentials.held)
    for cert in score.taxonomy.certifications:
        if cert.id in held and any(
            term in text for term in (cert.name.lower(), *cert.aliases) if len(term) > 4
        ):
            return False
    return by_phone or not PHONE_STEP_RE.search(candidate.action)


def _career_moves(score: RoleScore, position: LadderPosition) -> list[_Candidate]:
    """
    The guide's own career moves (networking and mentors, a targeted resume, interview
    practice) once the person is within reach of the next rung: one rung below the
    role, or on the rung below the next one. People outside the field first get the
    guide's bridge: a first contact-center job where what they already do counts.
    """
    steps = score.taxonomy.steps
    moves: list[_Candidate] = []
    fit = score.experience
    if fit.current_level is Seniority.OUTSIDE and steps:
        first = steps[0]
        title = fit.current_title or "your current work"
        moves.append(
            _Candidate(
                key="career:bridge",
                action=f"Get a first contact-center job, as the guide's step "
                f"{first.number} says: {first.text.split('.')[0]}. Lead with what your "
                f"work as {title} already shows: serving people, keeping calm under "
                "pressure, and any people you led.",
                kind="career",
                skill_ids=(),
                from_level=0,
                to_level=0,
                effort="up to 1 month to start looking",
                weeks=4,
                grounded_in=f"How to Become, step {first.number}",
            )
        )
        return moves
    if position.next_index is None or position.past_target:
        return moves
    words = {
        "network": ("network",),
        "resume": ("resume",),
        "interview": ("interview",),
    }
    for key, stems in words.items():
        # the step whose first sentence is about it ("Build a professional network")
        step = next(
            (
                st
                for st in steps
                if any(stem in st.text.split(".")[0].lower() for stem in stems)
            ),
            None,
        )
        if step is None:
            continue
        moves.append(
            _Candidate(
                key=f"career:{key}",
                action=f"{step.text.split('.')[0]} (the guide's step {step.number}), "
                f"aimed at the {position.next} rung.",
                kind="career",
                skill_ids=(),
                from_level=0,
                to_level=0,
                effort="1-2 months",
                weeks=6,
                grounded_in=f"How to Become, step {step.number}",
            )
        )
    return moves


def _article(name: str) -> str:
    return "an" if name[:1].lower() in "aeiou" else "a"


def build_plan(score: RoleScore, *, max_steps: int = 12, by_phone: bool = True) -> Plan:
    """
    Ordered steps that close the role's gaps, with each step's readiness gain.

    Steps are ranked by gain (at equal gain the quicker step first), prerequisites are
    moved before what depends on them, and each step goes into the earliest phase its
    duration and its prerequisites allow while that phase has effort to spare. Steps
    with no gain are dropped.

    Args:
        score: The role's score from ``score_role``.
        max_steps: The most steps to keep.
        by_phone: Whether the person's resume shows phone work; a chat-and-email-only
            person gets no step that is about calls, an ACD or an IVR.

    Returns:
        The plan and the readiness projected after each phase.
    """
    rung = ladder_position(
        score.taxonomy.ladder,
        level=score.experience.current_level,
        target=score.taxonomy.experience.level_name,
    )
    toward = _toward_next_rung(score, rung)
    candidates = [
        c
        for c in (
            _skill_candidates(score)
            + _certification_candidates(score, rung)
            + _experience_candidates(score, rung)
            + _career_moves(score, rung)
        )
        if _fits(c, score, by_phone=by_phone)
    ]
    if any(c.key == "career:bridge" for c in candidates):
        # outside the field, everything else follows the first contact-center job
        candidates = [
            c
            if c.key == "career:bridge"
            else replace(c, prerequisites=(*c.prerequisites, "career:bridge"))
            for c in candidates
        ]
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

    # Priority: one rung at a time (steps toward the next rung's focus areas first),
    # then bigger gains; at equal gain (to 0.1 point) the quicker step.
    ranked = sorted(
        candidates,
        key=lambda c: (
            _priority(c, toward),
            -round(solo_gain(c), 1),
            c.weeks,
            c.key,
        ),
    )
    ordered = _respect_prerequisites(ranked, keys)
    phase_of = _schedule(ordered, keys)
    position = {c.key: index for index, c in enumerate(ordered)}
    ordered = sorted(ordered, key=lambda c: (phase_of[c.key], position[c.key]))

    steps: list[PlanStep] = []
    always: list[bool] = []  # per step: kept beside the max_steps that add readiness
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
        if gain <= 0.005 and not _kept_without_gain(candidate):
            continue
        always.append(_kept_without_gain(candidate))
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
                start_week=PHASE_START_WEEKS[phase_of[candidate.key]],
                grounded_in=candidate.grounded_in,
            )
        )

    # the max_steps steps that add readiness, and beside them those kept without any
    kept: list[PlanStep] = []
    scoring = 0
    for step, without_gain in zip(steps, always, strict=True):
        if without_gain or scoring < max_steps:
            scoring += not without_gain
            kept.append(step.model_copy(update={"order": len(kept) + 1}))
    steps = kept
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


# A phase is named by when its steps start. Each lasts this many weeks, and a person
# works on about two things at once: a step starting in a phase uses its weeks there
# (at most the phase's length) of twice the phase's length.
_PHASE_WEEKS = (4, 9, 39, 10_000)
_CAPACITY = tuple(2 * weeks for weeks in _PHASE_WEEKS)


def _schedule(ordered: list[_Candidate], keys: set[str]) -> dict[str, int]:
    """
    The phase each step starts in: the earliest its prerequisites allow (a step starts
    in the phase after the one its prerequisite starts in, unless that one is done
    within its phase) with time left in it, in priority order; experience that takes
    more than a year starts in the longer term.
    """
    used = [0] * len(PHASES)
    phase_of: dict[str, int] = {}
    weeks_of = {c.key: c.weeks for c in ordered}
    for candidate in ordered:
        # (moving up to the next rung starts now, however long it takes)
        long = candidate.weeks > 52 and candidate.key != "experience:next-rung"
        phase = len(PHASES) - 1 if long else 0
        for prerequisite in candidate.prerequisites:
            if prerequisite in keys and prerequisite in phase_of:
                before = phase_of[prerequisite]
                done = weeks_of[prerequisite] <= _PHASE_WEEKS[before] // 2
                phase = max(phase, before if done else before + 1)
        phase = min(phase, len(PHASES) - 1)
        while (
            phase < len(PHASES) - 1
            and used[phase] + min(candidate.weeks, _PHASE_WEEKS[phase])
            > _CAPACITY[phase]
        ):
            phase += 1
        used[phase] += min(candidate.weeks, _PHASE_WEEKS[phase])
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
    ladder: list[LadderLevel],
    *,
    level: Seniority,
    years: float | None = None,
    target: str | None = None,
) -> LadderPosition:
    """
    The person's one position (their rung, ``level``, read once from the resume) mapped
    onto a role's career ladder: the first level of the ladder on that rung (the highest
    below it when the ladder has none), and the next: the first level after it whose
    title names a higher rung. ``target`` names the role's own level: a person on a
    level after it is past the role.
    """
    current: int | None = None
    if level is not Seniority.OUTSIDE:
        rungs = [rung_seniority(rung).rank for rung in ladder]
        same = [i for i, rank in enumerate(rungs) if rank == level.rank]
        below = [i for i, rank in enumerate(rungs) if rank < level.rank]
        if same:
            current = same[0]
        elif below and not any(rank > level.rank for rank in rungs[: below[-1]]):
            current = below[-1]
    # the next rung: the first level after the person's whose title names a higher
    # rung (the same in every role's view: a director's is the VP, whichever ladder)
    start = 0 if current is None else current + 1
    following: int | None = next(
        (
            i
            for i in range(start, len(ladder))
            if rung_seniority(ladder[i]).rank > level.rank
        ),
        None,
    )
    nxt = ladder[following] if following is not None else None
    target_at = next((i for i, rung in enumerate(ladder) if rung.name == target), None)
    return LadderPosition(
        rung=level,
        current=ladder[current].name if current is not None else None,
        current_index=current,
        next=nxt.name if nxt else None,
        next_index=following,
        next_years=nxt.years_text if nxt else None,
        next_focus_areas=list(nxt.focus_areas) if nxt else [],
        next_salary_median_usd=nxt.salary_median_usd if nxt else None,
        past_target=(
            current is not None and target_at is not None and current > target_at
        ),
    )
