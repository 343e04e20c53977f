"""
The labelled evaluation set (bench/data/eval) keeps the rules of its RUBRIC.md.

Labels are the ground truth bench/quality.py measures the matcher against, so a label
that breaks the rubric (no proof quoted, a proof that is not in the resume, an
out-of-field person with more than two applied skills) would corrupt every figure.
"""

import functools
import importlib.util
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from gapcoach.models import Seniority
from gapcoach.taxonomy import load_taxonomies

EVAL = Path(__file__).resolve().parents[1] / "bench" / "data" / "eval"
LABEL_FILES = sorted(EVAL.glob("*/*.yaml"))
KEYS = {"ladder_level", "out_of_field", "traps", "labels", "rationale"}
HISTORY_KEYS = {"as_of", "jobs", "cc_years", "leading_years", "current_rung"}
JOB_KEYS = {"title", "employer", "start", "end", "in_field", "leading"}
MONTH_RE = re.compile(r"(19[5-9]\d|20[0-4]\d)-(0[1-9]|1[0-2])")


@functools.cache
def _bench_reading() -> Any:
    """bench/reading.py, whose month arithmetic the labels are checked with."""
    path = EVAL.parents[1] / "reading.py"
    spec = importlib.util.spec_from_file_location("bench_reading", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TRAPS = {
    "paraphrase",
    "typo",
    "negation",
    "aspiration",
    "keyword-dump",
    "broken-lines",
    "acronym",
}


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_the_set_is_large_enough_and_has_a_report_only_split() -> None:
    splits = {path.parent.name for path in LABEL_FILES}
    assert {"dev", "test"} <= splits
    assert len(LABEL_FILES) >= 30
    outsiders = sum(
        bool(yaml.safe_load(path.read_text(encoding="utf-8"))["out_of_field"])
        for path in LABEL_FILES
    )
    assert outsiders >= 6


@pytest.mark.parametrize(
    "path", LABEL_FILES, ids=[f"{p.parent.name}/{p.stem}" for p in LABEL_FILES]
)
def test_label_file_follows_the_rubric(path: Path) -> None:
    skill_ids = {
        skill.id for taxonomy in load_taxonomies().values() for skill in taxonomy.skills
    }
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    resume = path.with_suffix(".txt")
    assert resume.is_file(), f"{resume.name} is missing"
    text = _squash(resume.read_text(encoding="utf-8"))

    assert KEYS <= set(data) <= KEYS | {"history"}
    assert Seniority(data["ladder_level"])
    assert isinstance(data["out_of_field"], bool)
    assert data["out_of_field"] == (data["ladder_level"] == "outside")
    traps = set(data["traps"] or [])
    if path.parent.name.startswith("history-"):
        # a reading split also names its layout and date traps, in free short tags
        assert all(re.fullmatch(r"[a-z][a-z0-9-]*", trap) for trap in traps), traps
    else:
        assert traps <= TRAPS
    labels = data["labels"]
    assert set(labels) == skill_ids
    assert all(isinstance(v, int) and 0 <= v <= 4 for v in labels.values())

    rationale = data["rationale"] or {}
    proved = {skill_id for skill_id, level in labels.items() if level > 0}
    assert set(rationale) == proved, "a rationale for every label > 0, and only those"
    for skill_id, quote in rationale.items():
        assert _squash(quote) in text, f"{skill_id}: proof not quoted verbatim"
    if data["out_of_field"]:
        applied = [skill_id for skill_id, level in labels.items() if level >= 2]
        assert len(applied) <= 2, f"out-of-field person with {applied}"
    if "history" in data:
        _check_history(data, text)


def _check_history(data: dict[str, Any], text: str) -> None:
    """The history block follows RUBRIC.md's "Reading the work history" rules."""
    reading = _bench_reading()
    history = data["history"]
    assert set(history) == HISTORY_KEYS
    as_of = str(history["as_of"])
    assert MONTH_RE.fullmatch(as_of)
    lowered = text.lower()
    for job in history["jobs"]:
        assert set(job) == JOB_KEYS, job
        for key in ("start", "end"):
            value = str(job[key])
            assert value == "present" or MONTH_RE.fullmatch(value), job
        assert str(job["start"]) != "present", job
        start = reading.month_index(str(job["start"]), as_of)
        end = reading.month_index(str(job["end"]), as_of)
        assert start <= end <= reading.month_index(as_of, as_of), job
        assert isinstance(job["in_field"], bool)
        assert isinstance(job["leading"], bool)
        assert _squash(str(job["title"])).lower() in lowered, job["title"]
        if job["employer"] is not None:
            assert _squash(str(job["employer"])).lower() in lowered, job["employer"]
    for key, flag in (("cc_years", "in_field"), ("leading_years", "leading")):
        months = reading.union_months(reading.label_spans(history, flag))
        assert float(history[key]) == reading.years(months), key
    assert history["current_rung"] == data["ladder_level"]
    in_field = any(job["in_field"] for job in history["jobs"])
    assert in_field == (history["current_rung"] != "outside")
