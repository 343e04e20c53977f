"""
What the builder derives for a skill the reviewed lexicon does not know, from the guide's
own text: how much it weighs (how many places of the guide name it: the responsibilities,
the role's own rung on the ladder, the steps to the role), the level the role needs (from
the role's rung, one more where its own rung's focus areas name the skill), and the first
plan action (the guide's own step that names it, with the tools the guide lists for it).
"""

import re
from dataclasses import dataclass

from gapcoach.models import ActionStage, GuideStep, LadderLevel, SkillAction
from gapcoach.taxonomy.guide import default_actions

# words that say nothing about which skill a text is about
_FILLER = frozenset(
    [
        "and",
        "or",
        "of",
        "the",
        "a",
        "an",
        "in",
        "on",
        "for",
        "to",
        "with",
        "as",
        "at",
        "by",
        "from",
        "into",
        "its",
        "their",
        "your",
        "skills",
        "skill",
        "management",
        "tools",
        "systems",
        "software",
        "platforms",
        "platform",
        "methodologies",
        "techniques",
        "strong",
        "excellent",
        "effective",
        "advanced",
        "basic",
        "core",
    ]
)
_WORD_RE = re.compile(r"[a-z][a-z0-9+#-]*")
_PARENTHESES_RE = re.compile(r"\([^()]*\)")
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_STEM = (
    5  # "staffing" and "staff", "forecasting" and "forecasts" share their first five
)

WEIGHT_PER_PLACE = 0.25
"""Weight added for each place of the guide that names a skill (1.0 when none does)."""


def _stems(text: str) -> set[str]:
    return {word[:_STEM] for word in _WORD_RE.findall(text.lower())}


@dataclass(frozen=True)
class SkillTerms:
    """How to tell that a text of the guide is about a skill."""

    stems: frozenset[str]  # the content words of its name, as stems
    acronyms: tuple[str, ...]  # its acronyms ("WFM", "SQL"), as written

    @classmethod
    def of(cls, name: str, acronyms: list[str]) -> "SkillTerms":
        words = {
            word[:_STEM]
            for word in _WORD_RE.findall(_PARENTHESES_RE.sub(" ", name).lower())
            if word not in _FILLER and len(word) > 2
        }
        return cls(frozenset(words), tuple(a for a in acronyms if len(a) >= 2))

    def named_in(self, text: str) -> bool:
        """
        Does the text name the skill: at least two of its name's content words (all of
        them when it has fewer), or one of its acronyms as a word? (Its examples are not
        enough: "breaks, training, coaching" are examples of shrinkage, not its name.)
        """
        found = self.stems & _stems(text)
        if self.stems and len(found) >= min(2, len(self.stems)):
            return True
        return any(_has_word(text, acronym) for acronym in self.acronyms)


def _has_word(text: str, word: str) -> bool:
    """``word`` in ``text`` with no letter or digit touching it on either side."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        start = text.find(word, start + 1)
    return False


def derived_weight(places: int) -> float:
    """1.0, plus a quarter for each place of the guide that names the skill (at most 3)."""
    return round(1.0 + WEIGHT_PER_PLACE * min(places, 3), 2)


def derived_target(rank: int, *, in_own_focus: bool) -> int:
    """
    The level a role on rung ``rank`` (agent 0 ... vp 6) needs of a skill: applied (2) up
    to the lead rung, owned with results (3) above; one more, up to strategic scope (4)
    from director up, where the role's own rung names the skill among its focus areas.
    """
    base = 2 if rank <= 1 else 3
    if in_own_focus:
        return min(base + 1, 4 if rank >= 5 else 3)
    return base


def guide_actions(
    name: str, terms: list[str], skill: SkillTerms, steps: list[GuideStep]
) -> dict[ActionStage, SkillAction]:
    """
    The plan actions of a skill: the first step of the guide that names it, as the guide
    words it, to start with; the usual apply and scale actions after it.
    """
    actions = default_actions(name, terms)
    for step in steps:
        sentences = [s for s in _SENTENCE_RE.split(step.text) if skill.named_in(s)]
        if sentences:
            actions["start"] = SkillAction(
                text=f"{sentences[0].rstrip()} (the guide's step {step.number}, for "
                f"{name})",
                effort="2-6 weeks",
                weeks=4,
            )
            break
    return actions


def own_rung(ladder: list[LadderLevel], level_name: str) -> LadderLevel | None:
    """The ladder level of the role itself (its experience requirement's level)."""
    return next((level for level in ladder if level.name == level_name), None)
