"""
``python -m gapcoach.train``: fit the learned level model on the labelled splits and write
it into the package data (``data/skills/level-model.npz`` and ``level-model.json``).

Training pairs come from each labelled resume (``bench/data/eval/<split>/*.yaml``, see
RUBRIC.md): for a skill labelled 0, every candidate pair of that skill is a level-0
example; for a skill labelled above 0, the line its rationale quotes is an example at that
level, and the resume's other lines are left out for that skill (they may support a lower
level, and nobody labelled them). Every example is also repeated, for a share of them,
with the skill code -1, so the model can score the skills of a guide it never saw.

This module imports scikit-learn; assessing a resume never imports it.
"""

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml
from rapidfuzz import fuzz

from gapcoach.ingest import read_resume
from gapcoach.match import SkillMatcher, outside_field
from gapcoach.match.features import FEATURES, MIN_COSINE
from gapcoach.match.learned import MODEL_NAME, LevelModel, candidate_pairs
from gapcoach.match.trees import TreeEnsemble
from gapcoach.models import Document
from gapcoach.taxonomy import default_skills_dir, load_taxonomies

__all__ = ["PARAMS", "TrainingSet", "fit_level_model", "main", "training_set"]

PARAMS = {
    "max_iter": 50,
    "learning_rate": 0.2,
    "max_depth": 5,
    "l2_regularization": 1.0,
    "early_stopping": False,
    "random_state": 0,
}
SKILL_DROPOUT = 0.3  # share of examples repeated with the skill code -1
_QUOTE_MATCH = 85  # rapidfuzz partial ratio for a rationale quote to locate its line


@dataclass
class TrainingSet:
    """
    Feature rows, their levels, and the split each row came from.
    """

    rows: list[list[float]]
    levels: list[int]
    splits: list[str]
    skills: list[str]
    located: int = 0  # labels above 0 whose quoted line was found among the candidates
    unlocated: int = 0  # ... and whose line was not a candidate or not found


def _normal(text: str) -> str:
    return " ".join(
        "".join(c if c.isalnum() or c in "%$" else " " for c in text.lower()).split()
    )


def quoted_line(document: Document, quote: str) -> int | None:
    """
    The index (in ``document.lines``) of the line a rationale quotes, or None.
    """
    wanted = _normal(quote)
    if len(wanted) < 4:
        return None
    best, found = 0.0, None
    for index, line in enumerate(document.lines):
        text = _normal(line.text)
        score = 100.0 if wanted in text else fuzz.partial_ratio(wanted, text)
        if score > best:
            best, found = score, index
    return found if best >= _QUOTE_MATCH else None


def label_files(eval_dir: Path, splits: Iterable[str]) -> list[tuple[str, Path]]:
    """
    The label files of the named splits, in a stable order.
    """
    return [
        (split, path)
        for split in sorted(splits)
        for path in sorted((eval_dir / split).glob("*.yaml"))
    ]


def training_set(
    eval_dir: Path, splits: Sequence[str], matcher: SkillMatcher, skills: list[str]
) -> TrainingSet:
    """
    The training examples of the named splits (see the module docstring).
    """
    codes = {skill_id: code for code, skill_id in enumerate(skills)}
    out = TrainingSet([], [], [], skills)
    for split, label_file in label_files(eval_dir, splits):
        labels = yaml.safe_load(label_file.read_text(encoding="utf-8"))
        document = read_resume(label_file.with_suffix(".txt"))
        _, pairs = candidate_pairs(
            matcher, document, lambda s: codes.get(s, -1), outside_field(document)
        )
        quoted = {
            skill_id: quoted_line(document, quote)
            for skill_id, quote in (labels.get("rationale") or {}).items()
        }
        by_pair = {
            (line, matcher.skill_ids_[k]): row
            for row, line, k in zip(pairs.rows, pairs.lines, pairs.skills, strict=True)
        }
        for skill_id, level in sorted(labels["labels"].items()):
            if level == 0:
                chosen = [row for (_, s), row in by_pair.items() if s == skill_id]
            else:
                line = quoted.get(skill_id)
                row = by_pair.get((line, skill_id)) if line is not None else None
                if row is None:
                    out.unlocated += 1
                    continue
                out.located += 1
                chosen = [row]
            for row in chosen:
                out.rows.append(row)
                out.levels.append(level)
                out.splits.append(split)
    return out


def fit_level_model(
    data: TrainingSet, keep: Sequence[bool] | None = None
) -> TreeEnsemble:
    """
    Fit the trees on the examples (those marked in ``keep``, default all), with a share of
    them repeated under the skill code -1.
    """
    from sklearn.ensemble import HistGradientBoostingClassifier

    rows = np.asarray(data.rows, dtype=np.float64)
    levels = np.asarray(data.levels)
    if keep is not None:
        mask = np.asarray(keep, dtype=bool)
        rows, levels = rows[mask], levels[mask]
    rng = np.random.default_rng(0)
    repeat = rng.random(len(rows)) < SKILL_DROPOUT
    generic = rows[repeat].copy()
    generic[:, FEATURES.index("skill")] = -1.0
    model = HistGradientBoostingClassifier(**PARAMS)
    model.fit(np.vstack([rows, generic]), np.concatenate([levels, levels[repeat]]))
    return TreeEnsemble.from_sklearn(model)


def level_model(
    trees: TreeEnsemble, skills: list[str], meta: dict[str, object]
) -> LevelModel:
    """
    A LevelModel in memory (for leave-one-split-out scoring without writing files).
    """
    return LevelModel(trees, {s: i for i, s in enumerate(skills)}, meta)


def main(argv: Sequence[str] | None = None) -> int:
    """
    Fit on every split of the evaluation folder except the blind ones, and write the
    model files.
    """
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--eval", type=Path, default=Path("bench/data/eval"))
    parser.add_argument("--out", type=Path, default=default_skills_dir())
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        help="a split to leave out (repeatable), e.g. a blind split",
    )
    args = parser.parse_args(argv)
    splits = sorted(
        p.name
        for p in args.eval.iterdir()
        if p.is_dir() and any(p.glob("*.yaml")) and p.name not in args.exclude
    )
    matcher = SkillMatcher().fit(list(load_taxonomies().values()))
    skills = sorted(
        {
            s
            for _, f in label_files(args.eval, splits)
            for s in yaml.safe_load(f.read_text(encoding="utf-8"))["labels"]
        }
    )
    data = training_set(args.eval, splits, matcher, skills)
    trees = fit_level_model(data)
    trees.save(args.out / f"{MODEL_NAME}.npz")
    meta = {
        "features": list(FEATURES),
        "min_cosine": MIN_COSINE,
        "skills": skills,
        "trained_on": splits,
        "examples": len(data.rows),
        "labels_located": data.located,
        "labels_not_located": data.unlocated,
        "params": PARAMS,
        "skill_dropout": SKILL_DROPOUT,
        "trees": len(trees.roots),
    }
    (args.out / f"{MODEL_NAME}.json").write_text(
        json.dumps(meta, indent=2) + "\n", encoding="utf-8"
    )
    sys.stderr.write(
        f"fitted on {len(splits)} splits, {len(data.rows)} examples "
        f"({data.located} labels located, {data.unlocated} not); wrote "
        f"{args.out / MODEL_NAME}.npz and .json\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
