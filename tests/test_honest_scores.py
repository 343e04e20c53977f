"""
Scores cannot be gamed: a list of skill names is a mention, invisible characters do not
change a score, and a use that the line itself denies is no use.
"""

import pytest
from helpers import EXAMPLES

from gapcoach import Assessor
from gapcoach.taxonomy import load_taxonomies

DIRECTOR = "call-center-director"


def _names_resume() -> str:
    skills = load_taxonomies()[DIRECTOR].skills
    bullets = "".join(f"- {skill.name}\n" for skill in skills)
    return (
        "Pat Doe\nDirector of Contact Center Operations\n\nEXPERIENCE\n"
        "Director of Contact Center Operations, Acme, 2015 - Present\n" + bullets
    )


def _resume_level(resume: str, skill_id: str) -> int:
    report = Assessor(role="call-center-operations-manager").assess(resume)
    return next(
        s.resume_level for s in report.assessments[0].skills if s.id == skill_id
    )


class TestSkillNameBullets:
    """A bullet that is only a skill's name is a mention (level 1), wherever it stands."""

    def test_every_named_skill_is_a_mention(self) -> None:
        """Under a director's job, no bullet naming a skill proves it above level 1."""
        names = {skill.name for skill in load_taxonomies()[DIRECTOR].skills}
        report = Assessor(role=DIRECTOR).assess(_names_resume())
        from_bullets = [
            evidence
            for skill in report.assessments[0].skills
            for evidence in skill.evidence
            if evidence.text in names
        ]
        assert len(from_bullets) >= 15
        assert max(evidence.level for evidence in from_bullets) <= 1

    def test_a_name_list_is_not_nearly_ready(self) -> None:
        """The keyword director (76, "Nearly ready" before) is at most "Developing"."""
        report = Assessor().assess(_names_resume())
        for item in report.assessments:
            assert item.band in ("Developing", "Early"), (item.role_id, item.readiness)

    def test_a_bullet_that_says_what_was_done_still_counts(self) -> None:
        """'Rebuilt the WFM forecast in NICE IEX, cutting overtime 12%' stays above 1."""
        resume = (
            "Pat Doe\nCall Center Supervisor\n\nEXPERIENCE\n"
            "Call Center Supervisor, Acme Contact Center, 2018 - Present\n"
            "- Rebuilt the weekly forecast and schedule in NICE IEX, cutting overtime 12%\n"
        )
        assert _resume_level(resume, "workforce-management-wfm-software") >= 2


class TestInvisibleCharacters:
    """Zero-width characters change neither structure nor score."""

    @pytest.mark.parametrize("resume", ["supervisor", "joined-bullets"])
    def test_zero_width_before_bullets(self, resume: str) -> None:
        """The same resume with U+200B before every bullet gets the same readiness; the
        second one's bullets start in lower case after a line ending in "and", so a
        bullet missed on the raw line would be joined to the line above."""
        text = (
            (EXAMPLES / "resumes" / "supervisor.txt").read_text()
            if resume == "supervisor"
            else JOINED_BULLETS
        )
        hidden = "\n".join(
            "\u200b" + line if line.lstrip().startswith(("-", "•", "*")) else line
            for line in text.splitlines()
        )
        assert hidden != text
        assessor = Assessor()
        plain = [a.readiness for a in assessor.assess(text).assessments]
        marked = [a.readiness for a in assessor.assess(hidden).assessments]
        assert marked == plain


JOINED_BULLETS = (
    "Pat Doe\nCall Center Supervisor\n\nEXPERIENCE\n"
    "Call Center Supervisor, Acme Contact Center, 2018 - Present\n"
    "- Coached a team of 14 agents and\n"
    "- built the weekly schedule in NICE IEX, cutting overtime 12%\n"
    "- ran Calabrio QA calibration for 3 sites, raising QA scores 8 points\n"
    "- owned the SLA dashboard in Power BI for the whole contact center\n"
)


class TestNegationAfterTheTerm:
    """'… were used by other teams, never by me' is no use of them."""

    def test_denied_use_is_level_0(self) -> None:
        """Tools named in a line that then says they were never used by the writer."""
        resume = (
            "Pat Doe\nCustomer Service Agent\n\nEXPERIENCE\n"
            "Customer Service Agent, Acme Contact Center, 2021 - Present\n"
            "- Answered 60 inbound calls a day\n"
            "- Tableau and Power BI were used by other teams, never by me\n"
        )
        assert _resume_level(resume, "data-analysis-and-reporting-tools") == 0
