"""
A plan a coach would sign (issue 22): the answer first, one rung at a time, one ladder
position per person, no impossible figure; checked over every labelled resume.
"""

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import EXAMPLES, ROOT

from gapcoach import Assessor
from gapcoach.models import Assessment, Seniority
from gapcoach.plan import ladder_position
from gapcoach.render import render_html, render_markdown, render_terminal

EVAL = ROOT / "bench" / "data" / "eval"
LABELLED = sorted(EVAL.glob("*/*.yaml"))


@cache
def _assessor() -> Assessor:
    return Assessor()


@cache
def _report(path: Path) -> Assessment:
    return _assessor().assess(path.with_suffix(".txt"))


def _label(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


class TestOneRungAtATime:
    @pytest.mark.parametrize("path", LABELLED, ids=lambda p: p.stem)
    def test_no_leap_to_the_target(self, path: Path) -> None:
        """
        Two or more rungs below a role, no step outside the last phase asks for that
        role's scope or title; the first phase holds a step toward the next rung; an
        outsider's first step is the bridge into a contact-center job.
        """
        report = _report(path)
        taxonomies = _assessor().taxonomies
        for item in report.assessments:
            taxonomy = taxonomies[item.role_id]
            target = taxonomy.experience.level_name
            target_at = [lv.name for lv in taxonomy.ladder].index(target)
            steps = item.plan.steps
            if not steps:
                continue
            position = item.ladder
            two_below = (
                position.next_index is not None and position.next_index < target_at
            )
            if two_below:
                early = [s for s in steps if s.phase != "longer-term experience"]
                assert not any(target in s.action for s in early), item.role_id
            rung = report.assessments[0].experience.current_level
            if rung is Seniority.OUTSIDE:
                assert steps[0].action.startswith("Get a first contact-center job")
            elif two_below:
                first_phase = [s for s in steps if s.phase == steps[0].phase]
                focus = " ".join(position.next_focus_areas)
                names = {s.id: s.name for s in taxonomy.skills}
                from gapcoach.taxonomy.derive import SkillTerms

                toward = [
                    s
                    for s in first_phase
                    if s.action.startswith("Work toward the ")
                    or any(
                        SkillTerms.of(names[k], []).named_in(focus) for k in s.skill_ids
                    )
                ]
                assert toward, (item.role_id, [s.action for s in first_phase])

    @pytest.mark.parametrize("path", LABELLED, ids=lambda p: p.stem)
    def test_one_position_and_no_impossible_figure(self, path: Path) -> None:
        report = _report(path)
        rungs = {item.ladder.rung for item in report.assessments}
        assert len(rungs) == 1
        assert rungs == {report.assessments[0].experience.current_level}
        data = json.loads(report.model_dump_json())

        def walk(value: Any, key: str = "") -> None:
            if isinstance(value, dict):
                for name, item in value.items():
                    walk(item, name)
            elif isinstance(value, list):
                for item in value:
                    walk(item, key)
            elif isinstance(value, int | float) and not isinstance(value, bool):
                assert value >= 0, (key, value)
            elif isinstance(value, str) and key in ("action", "effort"):
                assert "-0." not in value, value
                assert " -" not in value.replace(" - ", ""), value

        walk(data)


class TestAnswerFirst:
    """The recommended role leads the JSON and every view."""

    CASES = sorted(EXAMPLES.glob("resumes/*.txt")) + [
        p.with_suffix(".txt") for p in LABELLED[::8]
    ]

    def test_enough_cases(self) -> None:
        assert len(self.CASES) >= 35

    @pytest.mark.parametrize("resume", CASES, ids=lambda p: p.stem)
    def test_recommended_first(self, resume: Path) -> None:
        report = _assessor().assess(resume)
        if len(report.assessments) < 2:
            return
        first = report.assessments[0]
        assert first.role_id == report.best_next_role
        title = first.role_title
        others = [a.role_title for a in report.assessments[1:]]
        markdown = render_markdown(report)
        sections = [
            line[3:] for line in markdown.splitlines() if line.startswith("## ")
        ]
        role_sections = [s for s in sections if s.split(":")[0] in [title, *others]]
        assert role_sections[0].startswith(title)
        assert sections[0] == "Your answer"
        html = render_html(report)
        assert html.index(f'id="{first.role_id}"') < min(
            html.index(f'id="{a.role_id}"') for a in report.assessments[1:]
        )
        assert html.index('id="answer"') < html.index('id="comparison"')
        from rich.console import Console

        console = Console(width=120, record=True, color_system=None)
        console.print(render_terminal(report, every_role=False))
        text = console.export_text()
        assert text.index("Your answer") < text.index("Roles compared")
        assert text.index(f"─ {title} ") < text.index(f"{others[0]}:")


def test_ladder_position_is_the_persons_rung_on_every_ladder() -> None:
    """A director is on the Call Center Director rung of both ladders; next is the VP."""
    for taxonomy in _assessor().taxonomies.values():
        position = ladder_position(
            taxonomy.ladder,
            level=Seniority.DIRECTOR,
            target=taxonomy.experience.level_name,
        )
        assert position.current == "Call Center Director"
        assert position.next == "VP of Call Center Operations"


def test_chat_and_email_only_gets_no_phone_step() -> None:
    """hh22 works chat and email, "no phone work": no step about calls, an ACD or IVR."""
    from gapcoach.vocab.field import PHONE_STEP_RE

    (chat,) = EVAL.glob("*/hh22-wanjiru-kamau.yaml")
    (phone,) = EVAL.glob("*/hc01-agent-insurance.yaml")
    chat_steps = [s.action for a in _report(chat).assessments for s in a.plan.steps]
    phone_steps = [s.action for a in _report(phone).assessments for s in a.plan.steps]
    assert chat_steps
    assert not [s for s in chat_steps if PHONE_STEP_RE.search(s)]
    assert [s for s in phone_steps if PHONE_STEP_RE.search(s)]


def test_agents_get_no_step_that_presumes_a_team() -> None:
    """Somebody who leads nobody is not told to present "your team's" results."""
    for path in LABELLED:
        label = _label(path)
        if label["ladder_level"] not in ("agent", "outside"):
            continue
        report = _report(path)
        if report.assessments[0].experience.current_level.rank >= Seniority.LEAD.rank:
            continue  # read as a lead: a reading question, not a plan one
        for item in report.assessments:
            for step in item.plan.steps:
                if step.kind.startswith("skill"):
                    assert "your team" not in step.action.lower(), (path.stem, step)
