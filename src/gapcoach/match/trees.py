"""
A fitted gradient-boosted tree ensemble as plain arrays: exported from scikit-learn's
``HistGradientBoostingClassifier`` at training time, saved as ``.npz`` (``allow_pickle``
off: loading a data file can never run code) and evaluated here with numpy alone, so
assessing a resume never imports scikit-learn. ``tests/test_learned.py`` checks that the
probabilities equal scikit-learn's.
"""

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["TreeEnsemble"]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class TreeEnsemble:
    """
    Every tree's nodes in flat arrays (children as global node indexes), each tree's root
    and class, and the per-class baseline. ``predict_proba`` is the softmax of the
    baseline plus the leaf values each row reaches, as scikit-learn computes it.
    """

    feature: IntArray
    threshold: FloatArray
    left: IntArray
    right: IntArray
    leaf: npt.NDArray[np.bool_]
    value: FloatArray
    roots: IntArray
    tree_class: IntArray
    baseline: FloatArray
    classes: IntArray
    depth: int

    @classmethod
    def from_sklearn(cls, model: Any) -> "TreeEnsemble":
        """
        Export a fitted multi-class ``HistGradientBoostingClassifier`` without
        categorical features (numerical splits only; no missing values are expected).
        """
        parts: dict[str, list[Any]] = {
            k: [] for k in ("feature", "threshold", "left", "right", "leaf", "value")
        }
        roots: list[int] = []
        tree_class: list[int] = []
        offset = 0
        depth = 0
        for iteration in model._predictors:
            for k, predictor in enumerate(iteration):
                nodes = predictor.nodes
                if nodes["is_categorical"].any():
                    raise ValueError("categorical splits cannot be exported")
                roots.append(offset)
                tree_class.append(k)
                leaf = nodes["is_leaf"].astype(bool)
                parts["feature"].append(nodes["feature_idx"].astype(np.int64))
                parts["threshold"].append(nodes["num_threshold"].astype(np.float64))
                parts["left"].append(np.where(leaf, 0, nodes["left"] + offset))
                parts["right"].append(np.where(leaf, 0, nodes["right"] + offset))
                parts["leaf"].append(leaf)
                parts["value"].append(nodes["value"].astype(np.float64))
                depth = max(depth, int(nodes["depth"].max()))
                offset += len(nodes)
        baseline = np.asarray(model._baseline_prediction, dtype=np.float64).ravel()
        return cls(
            feature=np.concatenate(parts["feature"]),
            threshold=np.concatenate(parts["threshold"]),
            left=np.concatenate(parts["left"]).astype(np.int64),
            right=np.concatenate(parts["right"]).astype(np.int64),
            leaf=np.concatenate(parts["leaf"]),
            value=np.concatenate(parts["value"]),
            roots=np.asarray(roots, dtype=np.int64),
            tree_class=np.asarray(tree_class, dtype=np.int64),
            baseline=baseline,
            classes=np.asarray(model.classes_, dtype=np.int64),
            depth=depth,
        )

    def save(self, path: Path) -> None:
        """
        Write the arrays as an uncompressed ``.npz``.
        """
        arrays = {
            name: getattr(self, name)
            for name in (
                "feature",
                "threshold",
                "left",
                "right",
                "leaf",
                "value",
                "roots",
                "tree_class",
                "baseline",
                "classes",
            )
        }
        with path.open("wb") as handle:
            np.savez(handle, depth=np.asarray(self.depth), **arrays)

    @classmethod
    def load(cls, path: Path | Any) -> "TreeEnsemble":
        """
        Read arrays written by ``save`` (never unpickling anything).
        """
        with np.load(path, allow_pickle=False) as data:
            fields = {name: data[name] for name in data.files}
        depth = int(fields.pop("depth"))
        return cls(depth=depth, **fields)

    @cached_property
    def _complete(self) -> tuple[IntArray, FloatArray, FloatArray]:
        """
        The trees laid out as complete binary trees of ``depth`` levels (node i's children
        at 2i+1 and 2i+2), flattened: a leaf above the last level becomes a chain of
        always-left splits, so every row takes exactly ``depth`` steps with no branching.
        """
        inner = (1 << self.depth) - 1
        n_trees = len(self.roots)
        feature = np.zeros((n_trees, max(inner, 1)), dtype=np.int64)
        threshold = np.full((n_trees, max(inner, 1)), np.inf)
        value = np.zeros((n_trees, inner + 1))
        for tree, root in enumerate(self.roots):
            stack = [(int(root), 0, 0)]
            while stack:
                node, position, level = stack.pop()
                if level == self.depth:
                    value[tree, position - inner] = self.value[node]
                elif self.leaf[node]:
                    stack.append((node, 2 * position + 1, level + 1))  # always left
                else:
                    feature[tree, position] = self.feature[node]
                    threshold[tree, position] = self.threshold[node]
                    stack.append((int(self.left[node]), 2 * position + 1, level + 1))
                    stack.append((int(self.right[node]), 2 * position + 2, level + 1))
        return feature.ravel(), threshold.ravel(), value.ravel()

    def predict_proba(self, rows: FloatArray) -> FloatArray:
        """
        Class probabilities for each row (columns in ``classes`` order).
        """
        n = rows.shape[0]
        n_classes = len(self.classes)
        if n == 0:
            return np.zeros((0, n_classes))
        feature, threshold, value = self._complete
        inner = (1 << self.depth) - 1
        n_trees = len(self.roots)
        base = np.arange(n_trees, dtype=np.int64) * max(inner, 1)
        flat_rows = np.ascontiguousarray(rows, dtype=np.float64).ravel()
        row_base = (np.arange(n, dtype=np.int64) * rows.shape[1])[:, None]
        position = np.zeros((n, n_trees), dtype=np.int64)
        for _ in range(self.depth):
            at = base + position
            x = np.take(flat_rows, row_base + np.take(feature, at))
            position = 2 * position + 1 + (x > np.take(threshold, at))
        leaf_base = np.arange(n_trees, dtype=np.int64) * (inner + 1)
        leaves = np.take(value, leaf_base + position - inner)
        one_hot = np.eye(n_classes)[self.tree_class]  # tree -> its class
        raw = leaves @ one_hot + self.baseline
        raw -= raw.max(axis=1, keepdims=True)
        exp = np.exp(raw)
        probabilities: FloatArray = exp / exp.sum(axis=1, keepdims=True)
        return probabilities
