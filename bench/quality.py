"""
Matching quality on the labelled evaluation set (bench/data/eval/<split>/).

For each split it prints the agreement of predicted and labelled skill levels (quadratic
weighted kappa, mean absolute error, exact agreement) and presence (level >= 1)
precision, recall, F1 and Matthews correlation, plus the out-of-field check (no
out-of-field resume may get level >= 2 on more than two skills).

Run:  python bench/quality.py [--split NAME ...] [--errors] [--sweep]

Every folder of bench/data/eval/ with labelled resumes is a split. Splits named in
REPORT_ONLY are never tuned on (the sweep skips them); the others are for tuning
thresholds and the lexicon.
"""

import argparse
import sys
from pathlib import Path

import yaml
from sklearn.metrics import (
    cohen_kappa_score,
    f1_score,
    matthews_corrcoef,
    mean_absolute_error,
    precision_score,
    recall_score,
)

from gapcoach.ingest import read_resume
from gapcoach.match import SkillMatcher
from gapcoach.taxonomy import load_taxonomies

EVAL = Path(__file__).resolve().parent / "data" / "eval"
# Scored, never tuned on: test (written with dev, in the first session) and holdout
# (written last, by writers who never saw the matcher or the other splits).
REPORT_ONLY = (
    "test",
    "holdout",
    "history-blind",
    "history-blind-2",
    "history-blind-3",
    "history-blind-4",
    "history-blind-5",
    "history-blind-6",
    "history-blind-7",
)
# Blind splits are scored once, when the work they judge is done: only when named.
BLIND = ("history-blind-6",)


def splits() -> list[str]:
    """
    Every labelled split, tuning splits first, then the report-only ones.
    """
    found = sorted(p.name for p in EVAL.iterdir() if any(p.glob("*.yaml")))
    return [s for s in found if s not in REPORT_ONLY] + [
        s for s in REPORT_ONLY if s in found
    ]


def tuning_splits() -> str:
    return "+".join(s for s in splits() if s not in REPORT_ONLY)


def predict_split(
    matcher: SkillMatcher, split: str, show_errors: bool
) -> dict[str, float]:
    truth: list[int] = []
    predicted: list[int] = []
    out_of_field_violations = 0
    out_of_field = 0
    label_files = sorted(
        f for part in split.split("+") for f in (EVAL / part).glob("*.yaml")
    )
    for label_file in label_files:
        labels = yaml.safe_load(label_file.read_text(encoding="utf-8"))
        document = read_resume(label_file.with_suffix(".txt"))
        matches = {m.skill_id: m for m in matcher.match(document)}
        strong = 0
        for skill_id, level in sorted(labels["labels"].items()):
            got = matches[skill_id].level
            truth.append(level)
            predicted.append(got)
            strong += got >= 2
            if show_errors and got != level:
                proof = matches[skill_id].evidence
                quote = proof[0].text[:90] if proof else "-"
                print(
                    f"  {label_file.stem:36} {skill_id[:40]:40} label {level} got {got}"
                    f"  [{proof[0].method if proof else ''}] {quote}"
                )
        if labels.get("out_of_field"):
            out_of_field += 1
            out_of_field_violations += strong > 2
    present_true = [int(v >= 1) for v in truth]
    present_pred = [int(v >= 1) for v in predicted]
    return {
        "resumes": len(label_files),
        "labels": len(truth),
        "kappa_quadratic": cohen_kappa_score(truth, predicted, weights="quadratic"),
        "mae": mean_absolute_error(truth, predicted),
        "exact": sum(t == p for t, p in zip(truth, predicted, strict=True))
        / len(truth),
        "presence_precision": precision_score(
            present_true, present_pred, zero_division=0
        ),
        "presence_recall": recall_score(present_true, present_pred, zero_division=0),
        "presence_f1": f1_score(present_true, present_pred, zero_division=0),
        "presence_mcc": matthews_corrcoef(present_true, present_pred),
        "out_of_field": out_of_field,
        "out_of_field_violations": out_of_field_violations,
        "zero_n": sum(t == 0 for t in truth),
        "zero_to_two_n": sum(
            t == 0 and p >= 2 for t, p in zip(truth, predicted, strict=True)
        ),
        "zero_to_two": sum(
            t == 0 and p >= 2 for t, p in zip(truth, predicted, strict=True)
        )
        / max(sum(t == 0 for t in truth), 1),
    }


def sweep() -> int:
    taxonomies = list(load_taxonomies().values())
    tuning = tuning_splits()
    print(f"{tuning}: quadratic kappa / presence MCC by threshold")
    for tfidf in (0.2, 0.25, 0.3, 0.35, 0.4):
        cells = []
        for fuzzy in (0.84, 0.88, 0.92):
            matcher = SkillMatcher(tfidf_threshold=tfidf, fuzzy_threshold=fuzzy).fit(
                taxonomies
            )
            scores = predict_split(matcher, tuning, False)
            cells.append(
                f"fuzzy {fuzzy:.2f}: {scores['kappa_quadratic']:.3f}/{scores['presence_mcc']:.3f}"
            )
        print(f"tfidf {tfidf:.2f}  " + "  ".join(cells))
    return 0


def loso(show_errors: bool) -> int:
    """
    Leave-one-split-out for the learned level model: for every split but the blind ones,
    fit on all the others and score that one with the learned levels (the rules' figure
    beside it). The headline is the mean and the worst split.
    """
    from gapcoach.train import fit_level_model, level_model, training_set

    taxonomies = list(load_taxonomies().values())
    rules = SkillMatcher().fit(taxonomies)
    names = [s for s in splits() if s not in BLIND]
    skills = sorted(
        {
            skill
            for split in names
            for f in (EVAL / split).glob("*.yaml")
            for skill in yaml.safe_load(f.read_text(encoding="utf-8"))["labels"]
        }
    )
    data = training_set(EVAL, names, rules, skills)
    print(
        f"{len(data.rows)} examples; labels located {data.located}, "
        f"not located {data.unlocated}"
    )
    learned_scores = []
    for split in names:
        trees = fit_level_model(data, keep=[s != split for s in data.splits])
        model = level_model(trees, skills, {})
        matcher = SkillMatcher(levels="learned", level_model=model).fit(taxonomies)
        got = predict_split(matcher, split, show_errors)
        base = predict_split(rules, split, False)
        learned_scores.append(got)
        print(
            f"{split:16} learned kappa(qw) {got['kappa_quadratic']:.3f} MAE "
            f"{got['mae']:.3f} MCC {got['presence_mcc']:.3f} 0->2+ "
            f"{got['zero_to_two']:.3f} oof {got['out_of_field_violations']:.0f}/"
            f"{got['out_of_field']:.0f} | rules kappa {base['kappa_quadratic']:.3f} "
            f"MCC {base['presence_mcc']:.3f} 0->2+ {base['zero_to_two']:.3f}"
        )
    kappas = [s["kappa_quadratic"] for s in learned_scores]
    mccs = [s["presence_mcc"] for s in learned_scores]
    zero = sum(s["zero_to_two_n"] for s in learned_scores) / sum(
        s["zero_n"] for s in learned_scores
    )
    print(
        f"LOSO over {len(names)} splits: kappa(qw) mean {sum(kappas) / len(kappas):.3f} "
        f"worst {min(kappas):.3f}; presence MCC mean {sum(mccs) / len(mccs):.3f} "
        f"worst {min(mccs):.3f}; cells labelled 0 predicted 2+ {zero:.3f}"
    )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument(
        "--split",
        action="append",
        choices=splits(),
        help="a split to score (repeatable; default: all of them)",
    )
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    parser.add_argument(
        "--sweep",
        action="store_true",
        help="grid the matcher's thresholds on the tuning splits (how the defaults were chosen)",
    )
    parser.add_argument(
        "--loso",
        action="store_true",
        help="leave-one-split-out scores of the learned level model (the headline)",
    )
    parser.add_argument(
        "--learned",
        action="store_true",
        help="score the shipped learned level model instead of the rules",
    )
    args = parser.parse_args()
    if args.sweep:
        return sweep()
    if args.loso:
        return loso(args.errors)
    matcher = SkillMatcher(levels="learned" if args.learned else "rules").fit(
        list(load_taxonomies().values())
    )
    for split in args.split or [s for s in splits() if s not in BLIND]:
        scores = predict_split(matcher, split, args.errors)
        print(
            f"{split:8} resumes {scores['resumes']:.0f}  labels {scores['labels']:.0f}  "
            f"kappa(qw) {scores['kappa_quadratic']:.3f}  MAE {scores['mae']:.3f}  "
            f"exact {scores['exact']:.3f}  presence P {scores['presence_precision']:.3f} "
            f"R {scores['presence_recall']:.3f} F1 {scores['presence_f1']:.3f} "
            f"MCC {scores['presence_mcc']:.3f}  out-of-field violations "
            f"{scores['out_of_field_violations']:.0f}/{scores['out_of_field']:.0f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
