"""
The plan stage alone, from a score built of hand-made matches and credentials.
"""

from fixtures_ingest import mini_taxonomy
from test_score import evidence, match, with_certifications

from gapcoach.models import Credentials, Taxonomy
from gapcoach.plan import build_plan
from gapcoach.score import score_role


def chained() -> Taxonomy:
    """The mini role where coaching builds on customer focus."""
    taxonomy = mini_taxonomy()
    skills = [
        skill.model_copy(update={"prerequisites": ["customer-focus"]})
        if skill.id == "coaching"
        else skill
        for skill in taxonomy.skills
    ]
    return taxonomy.model_copy(update={"skills": skills})


def test_prerequisites_come_first_and_every_step_gains() -> None:
    """A step for coaching comes after customer focus is started; no step is free."""
    score = score_role([match("workforce-management", 3)], chained(), rank=3)
    plan = build_plan(score)
    order = [step.skill_ids[0] for step in plan.steps if step.kind.startswith("skill")]
    assert "coaching" in order
    assert "customer-focus" in order
    assert order.index("customer-focus") < order.index("coaching")
    assert all(step.gain > 0 for step in plan.steps)
    assert [step.order for step in plan.steps] == list(range(1, len(plan.steps) + 1))


def test_max_steps_and_projection() -> None:
    """At most max_steps steps, and projected readiness never falls phase to phase."""
    score = score_role([], chained(), rank=3)
    plan = build_plan(score, max_steps=3)
    assert 0 < len(plan.steps) <= 3
    projected = [phase.readiness for phase in plan.projection]
    assert projected == sorted(projected)
    assert projected[0] >= score.readiness


def test_a_started_certification_is_finished_not_earned() -> None:
    """COPC in progress: the plan says finish it; PMP held: no step for it."""
    found = Credentials(
        held={"pmp": evidence("PMP")}, in_progress={"copc": evidence("COPC")}
    )
    taxonomy = with_certifications(mini_taxonomy())
    score = score_role([], taxonomy, rank=3, credentials=found)
    plan = build_plan(score, max_steps=40)  # room for the small certification gains
    certification_steps = [s.action for s in plan.steps if s.kind == "certification"]
    assert any(action.startswith("Finish the COPC") for action in certification_steps)
    assert not any("PMP" in action for action in certification_steps)
