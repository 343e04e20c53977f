"""
A role built from a guide the lexicon knows nothing of: does gapcoach still find its skills?

Builds the taxonomy of every guide in bench/data/guides/ (fictional guides in the family's
format, written for this test: e.g. a Contact Center Quality Assurance Manager, whose skills
have no lexicon entry) with the project's own builder, then reads the in-field resumes of
the labelled splits (all but the blind ones) and prints, for the rules and for the learned
level model:

- for the people labelled at or above the role's rung (manager), the median share of the
  role's skills found at level >= 1 (the matching issue asks for at least one half), and
  for agents beside it (a reader that finds everything in everyone shows no gap there);
- Spearman's rho between the role's readiness and the labelled ladder level
  (agent < lead < supervisor < manager < senior_manager < director < vp; asked: >= 0.7).

Run:  python bench/new_guide.py
"""

import statistics
import sys
from pathlib import Path

import yaml
from scipy.stats import spearmanr

from gapcoach import Assessor
from gapcoach.ingest import read_resume
from gapcoach.match import SkillMatcher
from gapcoach.taxonomy.build import build_taxonomy

HERE = Path(__file__).resolve().parent
EVAL = HERE / "data" / "eval"
GUIDES = HERE / "data" / "guides"
BLIND = ("history-blind-6",)
LADDER = ["agent", "lead", "supervisor", "manager", "senior_manager", "director", "vp"]
ROLE_RUNG = "manager"


def main() -> int:
    people = [
        (label_file, yaml.safe_load(label_file.read_text(encoding="utf-8")))
        for split in sorted(p for p in EVAL.iterdir() if p.is_dir())
        if split.name not in BLIND
        for label_file in sorted(split.glob("*.yaml"))
    ]
    people = [(f, labels) for f, labels in people if labels["ladder_level"] in LADDER]
    documents = [read_resume(f.with_suffix(".txt")) for f, _ in people]
    rungs = [LADDER.index(labels["ladder_level"]) for _, labels in people]
    for guide in sorted(GUIDES.glob("*.txt")):
        taxonomy = build_taxonomy(guide)
        print(
            f"{taxonomy.title}: {len(taxonomy.skills)} skills, {len(people)} in-field resumes"
        )
        for levels in ("rules", "learned"):
            assessor = Assessor(taxonomy=taxonomy)
            assessor.matcher = SkillMatcher(levels=levels).fit([taxonomy])
            shares, agents, readiness = [], [], []
            for document, rung in zip(documents, rungs, strict=True):
                found = assessor.matcher.match(document)
                share = sum(m.level >= 1 for m in found) / len(found)
                if rung >= LADDER.index(ROLE_RUNG):
                    shares.append(share)
                elif rung == 0:
                    agents.append(share)
                readiness.append(assessor.assess(document).assessments[0].readiness)
            rho = spearmanr(readiness, rungs).statistic
            print(
                f"  {levels:8} median share of skills at level >= 1 (manager and up, "
                f"n={len(shares)}): {statistics.median(shares):.2f} (agents, "
                f"n={len(agents)}: {statistics.median(agents):.2f})   Spearman rho "
                f"readiness vs level: {rho:.3f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
