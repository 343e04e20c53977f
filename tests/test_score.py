"""
The score stage alone: hand-made matches, documents and credentials in, models out.
Every expected figure is worked out by hand from the formula in score.py's docstring.
"""

import pytest
from fixtures_ingest import mini_taxonomy

from gapcoach.models import (
    Certification,
    Credentials,
    Document,
    Evidence,
    Job,
    Scope,
    Seniority,
    SkillMatch,
    SourceRef,
    Taxonomy,
)
from gapcoach.score import band, credentials_score, score_role


def match(skill_id: str, level: int) -> SkillMatch:
    return SkillMatch(
        skill_id=skill_id,
        level=level,
        resume_level=level,
        combination=f"resume {level}",
        evidence=[],
    )


def evidence(text: str) -> Evidence:
    return Evidence(
        text=text,
        line=1,
        section="education",
        method="alias",
        score=1.0,
        level=1,
        source="resume",
        term=None,
    )


def job(title: str, rung: Seniority, months: int, *, relevant: bool) -> Job:
    return Job(
        title=title,
        start="2020-01",
        months=months,
        line=1,
        level=rung if relevant else Seniority.OUTSIDE,
        relevant=relevant,
        rung=rung,
    )


def document(**fields: object) -> Document:
    base: dict[str, object] = {
        "name": "hand-made",
        "sha256": "0" * 64,
        "format": "txt",
        "text": "",
        "lines": [],
        "sections": [],
        "jobs": [],
    }
    return Document.model_validate({**base, **fields})


def with_certifications(taxonomy: Taxonomy) -> Taxonomy:
    source = [SourceRef(section="guide text", lines=[1])]
    return taxonomy.model_copy(
        update={
            "certifications": [
                Certification(id="pmp", name="PMP", sources=source),
                Certification(id="copc", name="COPC", sources=source),
            ]
        }
    )


class TestCoverage:
    def test_readiness_and_gaps_from_levels_alone(self) -> None:
        """Six skills of weight 1, target 3: levels 3 and 2 give coverage (1 + 2/3) / 6."""
        taxonomy = mini_taxonomy()
        score = score_role(
            [match("workforce-management", 3), match("crm-systems", 2)],
            taxonomy,
            rank=3,
        )
        assert score.coverage == pytest.approx((1 + 2 / 3) / 6)
        assert score.readiness == pytest.approx(45 * (1 + 2 / 3) / 6)  # 12.5
        impacts = {gap.skill_id: gap.impact for gap in score.gaps}
        assert impacts == {
            "crm-systems": 2.5,
            "conflict-resolution": 7.5,
            "coaching": 7.5,
            "customer-focus": 7.5,
            "customer-experience": 7.5,
        }
        assert [gap.skill_id for gap in score.gaps][-1] == "crm-systems"
        assert band(score.readiness) == "Early"

    def test_matches_for_other_roles_are_ignored(self) -> None:
        """A match for a skill the role does not have changes nothing."""
        taxonomy = mini_taxonomy()
        alone = score_role([match("coaching", 4)], taxonomy, rank=3)
        extra = score_role(
            [match("coaching", 4), match("not-in-this-role", 4)], taxonomy, rank=3
        )
        assert extra.readiness == alone.readiness


class TestExperience:
    def test_from_rungs_not_titles(self) -> None:
        """Seniority and leadership years come from the rungs ingest found, never from
        re-reading a title (this title says director; its rung says supervisor)."""
        person = document(
            jobs=[
                job("Team Supervisor", Seniority.SUPERVISOR, 24, relevant=True),
                job("Agent", Seniority.AGENT, 36, relevant=True),
                job("Store Manager", Seniority.MANAGER, 24, relevant=False),
            ],
            years_experience=7.0,
            current_title="Director of Everything",
            current_level=Seniority.SUPERVISOR,
            current_rung=Seniority.SUPERVISOR,
            scope=Scope(team_size=10),
        )
        score = score_role([], mini_taxonomy(), rank=3, document=person)
        # seniority 2/3; leading 24 + 24/2 = 36 months = 3 of 3 years; scope (10/50 + 1 + 0)/3
        assert score.seniority == pytest.approx(2 / 3)
        assert score.experience.leadership_years == 3.0
        assert score.experience.years_score == 1.0
        assert score.experience.scope_score == pytest.approx(0.4)
        assert score.experience.score == pytest.approx(
            100 * (0.5 * 2 / 3 + 0.25 + 0.25 * 0.4), abs=0.01
        )

    def test_outside_the_field_is_discounted(self) -> None:
        """The same rung outside contact centers counts 0.6."""
        inside = document(
            current_title="x",
            current_level=Seniority.MANAGER,
            current_rung=Seniority.MANAGER,
        )
        outside = inside.model_copy(update={"current_level": Seniority.OUTSIDE})
        taxonomy = mini_taxonomy()
        assert score_role([], taxonomy, rank=3, document=inside).seniority == 1.0
        assert score_role(
            [], taxonomy, rank=3, document=outside
        ).seniority == pytest.approx(0.6)


class TestCredentials:
    def test_held_in_progress_and_other_roles(self) -> None:
        """A degree ½; PMP held 1 and COPC in progress ½ of 2 -> ½ · 0.75; a
        certification of another role does not count."""
        found = Credentials(
            degree=evidence("BA, Communications"),
            held={"pmp": evidence("PMP")},
            in_progress={"copc": evidence("COPC"), "cissp": evidence("CISSP")},
        )
        taxonomy = with_certifications(mini_taxonomy())
        score = score_role([], taxonomy, rank=3, credentials=found)
        assert credentials_score(score.credentials) == pytest.approx(0.875)
        assert set(score.credentials.in_progress) == {"copc"}
        category = next(
            c
            for c in score.category_scores
            if c.category == "certifications & education"
        )
        assert (category.score, category.n_met) == (87.5, 2)
        assert score.readiness == pytest.approx(100 * 0.10 * 0.875)

    def test_none_found_is_zero(self) -> None:
        """No credentials given: the term is 0, not a search of the document."""
        taxonomy = with_certifications(mini_taxonomy())
        assert credentials_score(score_role([], taxonomy, rank=3).credentials) == 0.0
