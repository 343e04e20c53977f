"""
The learned level model (issue 13, first step): the tree ensemble evaluated without
scikit-learn equals scikit-learn, the shipped model files are what the trainer writes, and
SkillMatcher(levels="learned") backs every level with a line of the resume.
"""

import json
import re
import shutil
from pathlib import Path

import numpy as np
import pytest
import yaml
from helpers import EXAMPLES, ROOT

from gapcoach import SkillMatcher
from gapcoach.ingest import read_resume
from gapcoach.match.features import FEATURES
from gapcoach.match.learned import MODEL_NAME, LevelModel, default_level_model
from gapcoach.match.trees import TreeEnsemble
from gapcoach.taxonomy import default_skills_dir, load_taxonomies


@pytest.fixture(scope="module")
def taxonomies() -> list:
    return list(load_taxonomies().values())


class TestTrees:
    """The exported ensemble is scikit-learn's model, as arrays."""

    def test_probabilities_equal_scikit_learns(self, tmp_path: Path) -> None:
        """Exported, saved and loaded, the trees give scikit-learn's probabilities."""
        from sklearn.ensemble import HistGradientBoostingClassifier

        rng = np.random.default_rng(1)
        rows = rng.normal(size=(2000, 8))
        levels = np.clip(np.round(rows[:, 0] + rows[:, 1] ** 2), 0, 4).astype(int)
        model = HistGradientBoostingClassifier(
            max_iter=40, max_depth=4, random_state=0
        ).fit(rows, levels)
        trees = TreeEnsemble.from_sklearn(model)
        trees.save(tmp_path / "t.npz")
        loaded = TreeEnsemble.load(tmp_path / "t.npz")
        unseen = rng.normal(size=(300, 8))
        assert np.abs(
            loaded.predict_proba(unseen) - model.predict_proba(unseen)
        ).max() < (1e-12)
        assert list(loaded.classes) == [0, 1, 2, 3, 4]
        assert loaded.predict_proba(np.zeros((0, 8))).shape == (0, 5)

    def test_loading_never_unpickles(self, tmp_path: Path) -> None:
        """A model file holding a pickled object is refused, not run."""
        path = tmp_path / "evil.npz"
        np.savez(path, feature=np.array([object()], dtype=object))
        with pytest.raises(ValueError, match="pickle"):
            TreeEnsemble.load(path)


class TestShippedModel:
    """data/skills/level-model.* are reproducible and describe this version's features."""

    def test_meta_matches_the_features(self) -> None:
        meta = json.loads(
            (default_skills_dir() / f"{MODEL_NAME}.json").read_text(encoding="utf-8")
        )
        assert meta["features"] == list(FEATURES)
        assert "history-blind-6" not in meta["trained_on"]  # the blind split
        assert len(meta["trained_on"]) >= 10
        assert len(meta["skills"]) == 32
        model = default_level_model()
        assert model is not None
        assert len(model.trees.roots) == meta["trees"]

    def test_a_model_for_other_features_is_refused(self, tmp_path: Path) -> None:
        for name in (f"{MODEL_NAME}.npz", f"{MODEL_NAME}.json"):
            shutil.copy(default_skills_dir() / name, tmp_path / name)
        meta_file = tmp_path / f"{MODEL_NAME}.json"
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        meta["features"] = meta["features"][:-1]
        meta_file.write_text(json.dumps(meta), encoding="utf-8")
        with pytest.raises(ValueError, match=re.escape("python -m gapcoach.train")):
            LevelModel.load(tmp_path)

    @pytest.mark.slow
    def test_the_trainer_reproduces_the_shipped_files(self, tmp_path: Path) -> None:
        """`python -m gapcoach.train --exclude history-blind-6` writes the same bytes."""
        from gapcoach.train import main

        assert (
            main(
                [
                    "--eval",
                    str(ROOT / "bench" / "data" / "eval"),
                    "--out",
                    str(tmp_path),
                    "--exclude",
                    "history-blind-6",
                ]
            )
            == 0
        )
        for name in (f"{MODEL_NAME}.npz", f"{MODEL_NAME}.json"):
            assert (tmp_path / name).read_bytes() == (
                default_skills_dir() / name
            ).read_bytes(), name


class TestLearnedLevels:
    """SkillMatcher(levels='learned'): every level is a line's, deterministically."""

    @pytest.mark.parametrize(
        "resume", sorted(p.name for p in (EXAMPLES / "resumes").glob("*.txt"))
    )
    def test_every_level_quotes_a_line_of_the_resume(
        self, taxonomies: list, resume: str
    ) -> None:
        document = read_resume(EXAMPLES / "resumes" / resume)
        matcher = SkillMatcher(levels="learned").fit(taxonomies)
        first = matcher.match(document)
        again = matcher.match(document)
        assert [m.model_dump() for m in first] == [m.model_dump() for m in again]
        lines = {line.number: line.text for line in document.lines}
        for found in first:
            if found.level == 0:
                continue
            proof = found.evidence[0]
            assert proof.method == "learned"
            assert lines[proof.line] == proof.text
            assert proof.level == found.level

    def test_reads_what_the_supervisor_plainly_did(self, taxonomies: list) -> None:
        """'Lead and coach a team of 14 ...' is leadership applied or better."""
        document = read_resume(EXAMPLES / "resumes" / "supervisor.txt")
        levels = {
            m.skill_id: m.level
            for m in SkillMatcher(levels="learned").fit(taxonomies).match(document)
        }
        assert levels["leadership-and-team-development"] >= 2
        assert levels["budget-management-and-financial-forecasting-software"] <= 1

    def test_a_skill_the_model_never_saw_is_scored(self, tmp_path: Path) -> None:
        """A user's own role with a new skill: scored with the generic code, no error."""
        data = yaml.safe_load(
            (default_skills_dir() / "call-center-operations-manager.yaml").read_text()
        )
        data["skills"][0]["id"] = "callback-queue-design"
        data["skills"][0]["name"] = "Callback Queue Design"
        path = tmp_path / "role.yaml"
        path.write_text(yaml.safe_dump(data), encoding="utf-8")
        taxonomy = load_taxonomies(path)
        matcher = SkillMatcher(levels="learned").fit(list(taxonomy.values()))
        assert matcher.level_model_ is not None
        assert matcher.level_model_.code("callback-queue-design") == -1
        found = {
            m.skill_id: m
            for m in matcher.match(read_resume(EXAMPLES / "resumes" / "supervisor.txt"))
        }
        assert "callback-queue-design" in found

    def test_levels_must_be_rules_or_learned(self, taxonomies: list) -> None:
        with pytest.raises(ValueError, match="levels must be"):
            SkillMatcher(levels="magic").fit(taxonomies)
