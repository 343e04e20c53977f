"""
The learned level model: for every candidate (line, skill) pair of a resume, the
probability that the line proves the skill at level >= 1, 2, 3, 4 (gradient-boosted trees
over ``features.FEATURES``, fitted by ``python -m gapcoach.train`` on the labelled
splits and shipped as ``data/skills/level-model.npz`` + ``level-model.json``). A line's
level counts each threshold whose probability reaches one half; a skill's level is its
best line's, so every level is backed by the line that proves it.

Skills the model never saw (a user's own taxonomy) are scored with the skill code -1, which
the model was trained on too (a share of every training pair repeated without its skill).
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from gapcoach.match.features import FEATURES, MIN_COSINE, PairRows, pair_rows
from gapcoach.match.trees import TreeEnsemble
from gapcoach.models import Document, Evidence

if TYPE_CHECKING:
    from gapcoach.match import SkillMatcher

__all__ = [
    "MODEL_NAME",
    "LevelModel",
    "candidate_pairs",
    "default_level_model",
    "learned_evidence",
]

MODEL_NAME = "level-model"


@dataclass(frozen=True)
class LevelModel:
    """
    The trees, the skills they know (id -> code) and how they were trained.
    """

    trees: TreeEnsemble
    skill_codes: dict[str, int]
    meta: dict[str, object]

    @classmethod
    def load(cls, folder: Path) -> "LevelModel":
        """
        Read ``level-model.npz`` and ``level-model.json`` from a folder.

        Raises:
            ValueError: The files were written for other features than this version's.
        """
        meta = json.loads((folder / f"{MODEL_NAME}.json").read_text(encoding="utf-8"))
        if meta.get("features") != list(FEATURES) or meta.get("min_cosine") != (
            MIN_COSINE
        ):
            raise ValueError(
                f"{folder / MODEL_NAME}.json was fitted for other features; "
                "refit it with python -m gapcoach.train."
            )
        trees = TreeEnsemble.load(folder / f"{MODEL_NAME}.npz")
        skills = meta["skills"]
        assert isinstance(skills, list)
        return cls(trees, {str(s): i for i, s in enumerate(skills)}, meta)

    def code(self, skill_id: str) -> int:
        """
        The skill's code in the model, -1 for a skill it never saw.
        """
        return self.skill_codes.get(skill_id, -1)

    def line_levels(self, pairs: PairRows) -> tuple[list[int], list[float]]:
        """
        Each candidate pair's level (0-4) and the probability behind it (of the level
        reached, or of level >= 1 for a pair at 0).
        """
        if not pairs.rows:
            return [], []
        rows = np.asarray(pairs.rows, dtype=np.float64)
        probabilities = self.trees.predict_proba(rows)
        classes = list(self.trees.classes)
        # P(level >= t) for t = 1..4, as cumulative sums of the class probabilities
        at_least = np.stack(
            [
                probabilities[:, [i for i, c in enumerate(classes) if c >= t]].sum(1)
                for t in range(1, 5)
            ],
            axis=1,
        )
        levels = (at_least >= 0.5).sum(axis=1)
        # the probability of the level reached (of level >= 1 for a pair at 0)
        support = at_least[np.arange(len(rows)), np.maximum(levels - 1, 0)]
        return [int(v) for v in levels], [float(round(p, 3)) for p in support]


@cache
def default_level_model() -> LevelModel | None:
    """
    The model shipped with the package, or None when its files are absent.
    """
    from gapcoach.taxonomy import default_skills_dir

    folder = default_skills_dir()
    if not (folder / f"{MODEL_NAME}.npz").is_file():
        return None
    return LevelModel.load(folder)


def candidate_pairs(
    matcher: "SkillMatcher",
    document: Document,
    code: Callable[[str], int],
    outside: bool,
) -> tuple[dict[str, dict[int, Evidence]], PairRows]:
    """
    The rule evidence of a resume and its candidate (line, skill) pairs as feature rows,
    for the learned model and for training it (``code`` gives each skill's code in the
    model). Each line's cosines are computed once, for both.
    """
    cosines = [matcher.cosines(line.text) for line in document.lines]
    found = matcher.rule_evidence(document, cosines)
    pairs = pair_rows(
        document,
        found,
        cosines,
        matcher.skill_ids_,
        [code(s) for s in matcher.skill_ids_],
        [matcher.skills_[s].field_specific for s in matcher.skill_ids_],
        outside=outside,
    )
    return found, pairs


def learned_evidence(
    matcher: "SkillMatcher",
    document: Document,
    model: LevelModel,
    outside: bool,
) -> dict[str, dict[int, Evidence]]:
    """
    Each line's level for each skill as the learned model reads it, as evidence (method
    "learned"; the alias that matched on the line, if one did, as its term).
    """
    return both_evidence(matcher, document, model, outside)[1]


def both_evidence(
    matcher: "SkillMatcher",
    document: Document,
    model: LevelModel,
    outside: bool,
) -> tuple[dict[str, dict[int, Evidence]], dict[str, dict[int, Evidence]]]:
    """
    The rules' evidence and the learned model's (``learned_evidence``), from one pass.
    """
    found, pairs = candidate_pairs(matcher, document, model.code, outside)
    levels, support = model.line_levels(pairs)
    learned: dict[str, dict[int, Evidence]] = {s: {} for s in matcher.skill_ids_}
    for index, k, level, probability in zip(
        pairs.lines, pairs.skills, levels, support, strict=True
    ):
        if level == 0:
            continue
        line = document.lines[index]
        skill_id = matcher.skill_ids_[k]
        rule = found[skill_id].get(line.number)
        current = learned[skill_id].get(line.number)
        if current is None or (level, probability) > (current.level, current.score):
            learned[skill_id][line.number] = Evidence(
                text=line.text,
                line=line.number,
                section=line.section,
                method="learned",
                score=probability,
                level=level,
                source="resume",
                term=rule.term if rule else None,
            )
    return found, learned
