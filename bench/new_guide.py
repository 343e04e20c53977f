"""
A role built from a guide the lexicon knows nothing of: does gapcoach still find its skills?

Builds the taxonomy of every guide in bench/data/guides/ and tests/fixtures/guides/saved/
(fictional guides in the family's format, written blind for these tests: a Contact Center
Quality Assurance Manager, a Workforce Management Analyst, a Contact Center Training
Manager, whose skills mostly have no lexicon entry) with the project's own builder, then
reads the in-field resumes of the labelled splits (all but the blind ones) and prints, for
the rules and for the learned level model:

- for the people labelled at or above the role's rung (its title's, as the assessment
  ranks it: ``vocab.titles.role_rank``), the median share of the role's skills found at
  level >= 1 (the matching issue asks for at least one half), and for agents beside it (a
  reader that finds everything in everyone shows no gap there);
- the median readiness of the same two groups (the any-guide issue asks >= 60 and <= 30);
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
from gapcoach.vocab.titles import role_rank

HERE = Path(__file__).resolve().parent
EVAL = HERE / "data" / "eval"
GUIDES = [
    HERE / "data" / "guides",
    HERE.parent / "tests" / "fixtures" / "guides" / "saved",
]
BLIND = ("history-blind-6",)
LADDER = ["agent", "lead", "supervisor", "manager", "senior_manager", "director", "vp"]


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
    guides = [
        guide
        for folder in GUIDES
        for guide in sorted(folder.glob("*.txt"))
        if not guide.name.endswith(".saved.txt")
    ]
    for guide in guides:
        taxonomy = build_taxonomy(guide)
        rank = role_rank(taxonomy.title)
        print(
            f"{taxonomy.title}: {len(taxonomy.skills)} skills, rung {LADDER[rank]}, "
            f"{len(people)} in-field resumes"
        )
        for levels in ("rules", "learned", "auto"):
            assessor = Assessor(taxonomy=taxonomy)
            assessor.matcher = SkillMatcher(levels=levels).fit([taxonomy])
            shares, agents, readiness = [], [], []
            ready_up, ready_agents = [], []
            for document, rung in zip(documents, rungs, strict=True):
                found = assessor.matcher.match(document)
                share = sum(m.level >= 1 for m in found) / len(found)
                ready = assessor.assess(document).assessments[0].readiness
                if rung >= rank:
                    shares.append(share)
                    ready_up.append(ready)
                if rung == 0:
                    agents.append(share)
                    ready_agents.append(ready)
                readiness.append(ready)
            rho = spearmanr(readiness, rungs).statistic
            print(
                f"  {levels:8} median share of skills at level >= 1 ({LADDER[rank]} and "
                f"up, n={len(shares)}): {statistics.median(shares):.2f} (agents, "
                f"n={len(agents)}: {statistics.median(agents):.2f});  median readiness "
                f"{statistics.median(ready_up):.1f} (agents {statistics.median(ready_agents):.1f});"
                f"  Spearman rho readiness vs level: {rho:.3f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
