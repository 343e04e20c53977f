"""
Does readiness order real resumes by seniority?

Reads ../shared/corpus/real-resumes/ (skips cleanly when absent), assesses every `core`
and `adjacent` row of index.csv for the Director role, and prints Spearman's rho between
Director readiness and the labelled seniority level (agent < lead < supervisor < manager
< senior_manager < director < vp), plus the same for the Operations Manager role and a
plain TF-IDF baseline (cosine between resume and guide text) for comparison.

Run:  python bench/ordering.py [--learned]   (--learned: the learned level model's levels)
"""

import csv
import sys
from pathlib import Path

from scipy.stats import spearmanr
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from gapcoach import Assessor
from gapcoach.ingest import read_resume

CORPUS = (
    Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "real-resumes"
)
GUIDES = CORPUS.parents[1] / "guides"
LADDER = ["agent", "lead", "supervisor", "manager", "senior_manager", "director", "vp"]


def main() -> int:
    index = CORPUS / "index.csv"
    if not index.is_file():
        print(f"skipped: {CORPUS} is absent")
        return 0
    rows = [
        r
        for r in csv.DictReader(index.open(encoding="utf-8"))
        if r["relevance"] in {"core", "adjacent"}
    ]
    assessor = Assessor()
    if "--learned" in sys.argv[1:]:
        # the learned level model in place of the rules (SkillMatcher(levels="learned"))
        from gapcoach.match import SkillMatcher

        assessor.matcher = SkillMatcher(levels="learned").fit(
            list(assessor.taxonomies.values())
        )
    levels: list[int] = []
    director: list[float] = []
    manager: list[float] = []
    texts: list[str] = []
    for row in rows:
        path = CORPUS / row["file"]
        report = assessor.assess(read_resume(path))
        by_role = {a.role_id: a.readiness for a in report.assessments}
        levels.append(LADDER.index(row["level"]))
        director.append(by_role["call-center-director"])
        manager.append(by_role["call-center-operations-manager"])
        texts.append(path.read_text(encoding="utf-8", errors="replace"))
    guide = (GUIDES / "call-center-director.txt").read_text(encoding="utf-8")
    vectors = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
        [guide, *texts]
    )
    baseline = cosine_similarity(vectors[0], vectors[1:]).ravel().tolist()
    print(f"resumes: {len(rows)} (core + adjacent rows of index.csv)")
    for label, values in (
        ("Director readiness vs level", director),
        ("Operations Manager readiness vs level", manager),
        ("TF-IDF cosine to the Director guide (baseline)", baseline),
    ):
        print(f"Spearman rho, {label:48} {spearmanr(values, levels)[0]:.4f}")
    means = {}
    for level, score in zip(levels, director, strict=True):
        means.setdefault(LADDER[level], []).append(score)
    ordered = sorted(means.items(), key=lambda item: LADDER.index(item[0]))
    print(
        "mean Director readiness by level: "
        + ", ".join(f"{name} {sum(v) / len(v):.1f} (n={len(v)})" for name, v in ordered)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
