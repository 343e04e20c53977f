"""
Features of the pair (resume line, skill) for the learned level model: what the line is
(section, rubric level words, numbers, money), where it stands in the resume and who the
person is (rung, years, outside the field), and how the line relates to the skill (the
alias matcher's evidence on it, TF-IDF cosine and its rank among the skills). The same
code builds the training pairs (``gapcoach.train``) and the pairs scored at run time.

A pair is a *candidate* when the alias matcher found the skill on the line or the cosine
reaches ``MIN_COSINE``; only candidates are scored (everything else is level 0), which
keeps scoring a resume to a few hundred rows.
"""

import re
from dataclasses import dataclass

from gapcoach.models import Document, Evidence, Seniority

__all__ = ["FEATURES", "MIN_COSINE", "PairRows", "pair_rows"]

SECTIONS = ("experience", "summary", "skills", "education", "other")
_RUNGS = list(Seniority)  # outside, agent, lead ... vp: the feature is the index
_METHODS = ("alias", "fuzzy", "tfidf")
FEATURES = (
    *(f"section={name}" for name in SECTIONS),
    "line_level",
    "words",
    "has_number",
    "has_percent",
    "has_money",
    "position",
    "lines",
    "outside_field",
    "rung",
    "relevant_years",
    "jobs",
    "rule_level",
    *(f"rule_method={name}" for name in _METHODS),
    "rule_score",
    "cosine",
    "best_cosine",
    "cosine_below_best",
    "cosine_rank",
    "skill",
    "field_specific",
)
MIN_COSINE = 0.03
_NUMBER_RE = re.compile(r"\d")
_PERCENT_RE = re.compile(r"\d\s*%|\bper ?cent\b", re.IGNORECASE)
_MONEY_RE = re.compile(
    r"[$€£]\s?\d|\d\s?(?:k|m|mm|bn|million|billion)\b", re.IGNORECASE
)


@dataclass
class PairRows:
    """
    The candidate pairs of one resume: a feature row each, and which line and skill.
    """

    rows: list[list[float]]
    lines: list[int]  # index into document.lines
    skills: list[int]  # index into the matcher's skill_ids_


def pair_rows(
    document: Document,
    found: dict[str, dict[int, Evidence]],
    cosines: list[list[float]],
    skill_ids: list[str],
    skill_codes: list[int],
    field_specific: list[bool],
    *,
    outside: bool,
) -> PairRows:
    """
    The feature rows of every candidate (line, skill) pair of a resume.

    Args:
        document: The resume as read.
        found: The alias matcher's evidence, per skill id and line number.
        cosines: Per line (in ``document.lines`` order), its cosine to every skill.
        skill_ids: The skills, in the order of ``cosines``' columns.
        skill_codes: Each skill's code in the model (-1: a skill the model never saw).
        field_specific: Whether each skill is the contact center's own.
        outside: Whether the person has never worked in a contact center.
    """
    from gapcoach.match import line_level

    out = PairRows([], [], [])
    n = len(document.lines)
    rung = _RUNGS.index(document.current_rung)
    context = [
        float(n),
        float(outside),
        float(rung),
        float(document.relevant_years or 0.0),
        float(len(document.jobs)),
    ]
    for index, line in enumerate(document.lines):
        scores = cosines[index]
        best = max(scores, default=0.0)
        ranked = sorted(range(len(scores)), key=lambda k: -scores[k])
        rank = {k: r for r, k in enumerate(ranked)}
        base: list[float] | None = None
        for k, skill_id in enumerate(skill_ids):
            evidence = found[skill_id].get(line.number)
            if evidence is None and scores[k] < MIN_COSINE:
                continue
            if base is None:
                text = line.text
                base = [
                    *(float(line.section == name) for name in SECTIONS),
                    float(line_level(text, line.section, 0)),
                    float(len(text.split())),
                    float(bool(_NUMBER_RE.search(text))),
                    float(bool(_PERCENT_RE.search(text))),
                    float(bool(_MONEY_RE.search(text))),
                    index / max(n, 1),
                ]
            out.rows.append(
                [
                    *base,
                    *context,
                    float(evidence.level if evidence else 0),
                    *(
                        float(evidence is not None and evidence.method == name)
                        for name in _METHODS
                    ),
                    float(evidence.score if evidence else 0.0),
                    scores[k],
                    best,
                    scores[k] - best,
                    float(rank[k]),
                    float(skill_codes[k]),
                    float(field_specific[k]),
                ]
            )
            out.lines.append(index)
            out.skills.append(k)
    return out
