"""
Tests of the SCORE and PLAN stages and the library API, on the fictional personas.
"""

from pathlib import Path

import pytest
from helpers import EXAMPLES
from hypothesis import given, settings, strategies as st

import gapcoach
from gapcoach import Assessment, Assessor, assess
from gapcoach.plan import PHASES
from gapcoach.render import render_markdown
from gapcoach.score import COVERAGE_WEIGHT, band, score_role
from gapcoach.vocab.titles import role_rank

RESUMES = EXAMPLES / "resumes"
ROLES = ("call-center-director", "call-center-operations-manager")
ORDER = ("agent", "supervisor", "ops-manager", "director")


@pytest.fixture(scope="module")
def assessor() -> Assessor:
    """One fitted Assessor for every shipped role."""
    return Assessor()


@pytest.fixture(scope="module")
def reports(assessor: Assessor) -> dict[str, Assessment]:
    """The assessment of every persona resume."""
    return {path.stem: assessor.assess(path) for path in sorted(RESUMES.glob("*.txt"))}


def _readiness(report: Assessment, role: str) -> float:
    return next(a.readiness for a in report.assessments if a.role_id == role)


class TestPersonas:
    """Readiness orders the personas as a career coach would."""

    def test_director_is_ready_for_director_and_highest(self, reports: dict) -> None:
        """The director scores at least 80 for Director, above every other persona."""
        director = _readiness(reports["director"], "call-center-director")
        assert director >= 80
        others = [
            _readiness(r, "call-center-director")
            for n, r in reports.items()
            if n != "director"
        ]
        assert director > max(others)

    def test_agent_is_early_for_director(self, reports: dict) -> None:
        """The agent scores at most 35 for Director."""
        assert _readiness(reports["agent"], "call-center-director") <= 35

    @pytest.mark.parametrize("role", ROLES)
    def test_ladder_order_holds_for_both_roles(self, reports: dict, role: str) -> None:
        """agent < supervisor < ops manager < director, for each role."""
        scores = [_readiness(reports[name], role) for name in ORDER]
        assert scores == sorted(scores)
        assert len(set(scores)) == len(scores) or scores[-1] == scores[-2] == 100

    @pytest.mark.parametrize("role", ROLES)
    def test_outsider_scores_at_most_15(self, reports: dict, role: str) -> None:
        """A software engineer is not ready for a contact-center leadership role."""
        assert _readiness(reports["software-engineer"], role) <= 15

    def test_best_next_role_for_the_ops_manager_is_director(
        self, reports: dict
    ) -> None:
        """Someone who already manages operations is pointed one rung up."""
        report = reports["ops-manager"]
        assert report.best_next_role == "call-center-director"
        assert "above your current level" in (report.best_next_role_reason or "")


class TestArithmetic:
    """Every number in an assessment adds up."""

    @pytest.mark.parametrize("name", ORDER)
    def test_contributions_sum_to_coverage(self, reports: dict, name: str) -> None:
        """Skill contributions add up to the coverage share of readiness."""
        for item in reports[name].assessments:
            total = sum(s.contribution for s in item.skills)
            assert total == pytest.approx(
                COVERAGE_WEIGHT * item.skill_coverage, abs=0.01
            )

    @pytest.mark.parametrize("name", ORDER)
    def test_gap_impact_is_the_readiness_it_would_add(
        self, assessor: Assessor, name: str
    ) -> None:
        """Closing one gap raises readiness by exactly its impact."""
        document = assessor.read(RESUMES / f"{name}.txt")
        matches = assessor.matcher.match(document)
        for taxonomy in assessor.taxonomies.values():
            score = score_role(
                matches, taxonomy, rank=role_rank(taxonomy.title), document=document
            )
            for gap in score.gaps:
                closed = score.readiness_with(levels={gap.skill_id: gap.target_level})
                assert closed - score.readiness == pytest.approx(gap.impact, abs=0.01)

    @pytest.mark.parametrize("name", ORDER)
    def test_plan_gains_add_up_to_the_projection(
        self, reports: dict, name: str
    ) -> None:
        """Readiness plus the gains of each phase's steps is that phase's projection."""
        for item in reports[name].assessments:
            running = item.readiness
            for projection in item.plan.projection:
                running += sum(
                    s.gain for s in item.plan.steps if s.phase == projection.phase
                )
                assert projection.readiness == pytest.approx(
                    min(running, 100), abs=0.05
                )

    def test_band_edges(self) -> None:
        """Bands switch at 80, 60 and 40."""
        assert [band(v) for v in (80, 79.9, 60, 40, 39.9)] == [
            "Ready",
            "Nearly ready",
            "Nearly ready",
            "Developing",
            "Early",
        ]


class TestPlan:
    """Plans are specific, ordered and never redundant."""

    @pytest.mark.parametrize("name", ORDER)
    def test_steps_never_repeat_and_never_target_met_skills(
        self, reports: dict, name: str
    ) -> None:
        """No action twice; no step for a skill already at target."""
        for item in reports[name].assessments:
            actions = [s.action for s in item.plan.steps]
            assert len(actions) == len(set(actions))
            met = {s.id for s in item.skills if s.status == "met"}
            for step in item.plan.steps:
                assert not set(step.skill_ids) & met or step.kind == "certification"
                # (the guide's career moves add no readiness of their own)
                assert (
                    step.gain > 0
                    or step.kind == "career"
                    or step.action.startswith("Work toward the ")
                )

    def test_phases_are_in_order_and_prerequisites_first(self, reports: dict) -> None:
        """Steps are ordered by phase; a prerequisite's first step precedes its dependants."""
        for report in reports.values():
            for item in report.assessments:
                phases = [PHASES.index(s.phase) for s in item.plan.steps]
                assert phases == sorted(phases)
                assert [s.order for s in item.plan.steps] == list(
                    range(1, len(item.plan.steps) + 1)
                )

    def test_someone_who_uses_a_skill_is_told_to_own_it_not_learn_it(
        self, reports: dict
    ) -> None:
        """A skill at level 2 gets an 'apply' step, never a 'start' step."""
        for report in reports.values():
            for item in report.assessments:
                levels = {s.id: s.level for s in item.skills}
                for step in item.plan.steps:
                    if step.kind == "skill:start":
                        assert levels[step.skill_ids[0]] <= 1
                    if step.kind == "skill:apply":
                        assert step.from_level == 2

    def test_plan_is_deterministic(self, assessor: Assessor) -> None:
        """The same resume gives the same plan, byte for byte."""
        first = assessor.assess(RESUMES / "supervisor.txt").model_dump_json()
        second = assessor.assess(RESUMES / "supervisor.txt").model_dump_json()
        assert first == second


class TestProperties:
    """Hypothesis properties of readiness and the report."""

    @settings(max_examples=60, deadline=None)
    @given(data=st.data())
    def test_readiness_is_bounded_and_monotone(
        self, assessor: Assessor, data: st.DataObject
    ) -> None:
        """Readiness stays in [0, 100] and raising any skill's level never lowers it."""
        document = assessor.read(RESUMES / "supervisor.txt")
        taxonomy = assessor.taxonomies["call-center-director"]
        score = score_role(
            assessor.matcher.match(document),
            taxonomy,
            rank=role_rank(taxonomy.title),
            document=document,
        )
        ids = [s.id for s in taxonomy.skills]
        levels = {i: data.draw(st.integers(0, 4), label=i) for i in ids}
        bumped = data.draw(st.sampled_from(ids), label="bumped")
        before = score.readiness_with(levels=levels)
        after = score.readiness_with(
            levels={**levels, bumped: min(levels[bumped] + 1, 4)}
        )
        assert 0 <= before <= after <= 100
        years = data.draw(st.floats(0, 1))
        assert score.readiness_with(levels=levels, years=years) <= score.readiness_with(
            levels=levels, years=min(years + 0.1, 1.0)
        )

    def test_assessment_json_round_trips(self, reports: dict) -> None:
        """Every report survives JSON serialisation unchanged."""
        for report in reports.values():
            again = Assessment.model_validate_json(report.model_dump_json())
            assert again == report


class TestLibrary:
    def test_a_file_name_given_as_text_is_an_error(self) -> None:
        """assess("resume.txt") would score the name as a resume (0/100): say so."""
        name = str(EXAMPLES / "resumes" / "supervisor.txt")
        with pytest.raises(gapcoach.InputError, match=r"pass Path\("):
            assess(name)
        with pytest.raises(gapcoach.InputError, match="is the name of a file"):
            Assessor().assess(name)
        # text that names no file is still text
        assert assess("Call center agent, 2019 - Present").assessments

    """The public API, as users import it."""

    def test_exported_members_are_sorted(self) -> None:
        """gapcoach.__all__ is the sorted list of public names."""
        assert gapcoach.__all__ == sorted(gapcoach.__all__)
        assert all(hasattr(gapcoach, name) for name in gapcoach.__all__)

    def test_type_checkers_see_the_lazy_names(self) -> None:
        """The TYPE_CHECKING re-exports name exactly the lazily imported names."""
        import ast
        import inspect

        tree = ast.parse(inspect.getsource(gapcoach))
        block = next(
            node
            for node in tree.body
            if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
        )
        seen = {
            (alias.asname, node.module)
            for node in block.body
            if isinstance(node, ast.ImportFrom)
            for alias in node.names
        }
        assert seen == set(gapcoach._LAZY.items())

    def test_assess_one_role(self) -> None:
        """assess() with a role id gives exactly that role."""
        report = assess(
            RESUMES / "supervisor.txt", role="call-center-operations-manager"
        )
        assert [a.role_id for a in report.assessments] == [
            "call-center-operations-manager"
        ]
        assert report.schema_version == gapcoach.SCHEMA_VERSION

    def test_assess_needs_some_input(self) -> None:
        """Calling assess() with nothing is a programming error."""
        with pytest.raises(ValueError, match="Give a resume, self-ratings, or both"):
            assess()

    def test_assess_from_text(self) -> None:
        """A resume given as a string is its text."""
        text = (RESUMES / "agent.txt").read_text(encoding="utf-8")
        report = assess(text, role="call-center-director")
        assert report.input.file == "<text>" or report.input.file
        assert (
            report.assessments[0].readiness
            == assess(Path(RESUMES / "agent.txt"), role="call-center-director")
            .assessments[0]
            .readiness
        )


class TestMarkdownExplainsLevels:
    """The Markdown view shows why a level differs from the resume's own."""

    def test_transferable_skills_are_explained(self, assessor: Assessor) -> None:
        """An outsider's lowered skills say so in the Markdown report."""
        text = (
            "Jordan Example\n\nEXPERIENCE\n\nExecutive Chef, Harbor Bistro, "
            "Jan 2019 - Present\n"
            "- Cut food cost from 34% to 29% by renegotiating the produce contract\n"
            "- Coached 6 line cooks; 3 promoted to sous chef\n"
            "- Own the $1.2M kitchen budget and the monthly P&L review\n"
        )
        markdown = render_markdown(assessor.assess(text))
        assert "count as transferable" in markdown

    def test_self_ratings_are_shown(self, assessor: Assessor) -> None:
        """With ratings, each rated skill shows resume and self-rating levels."""
        report = assessor.assess(
            RESUMES / "supervisor.txt",
            ratings=EXAMPLES / "ratings" / "supervisor-ratings.yaml",
        )
        assert "resume 2, self-rating 3 -> 3" in render_markdown(report)
