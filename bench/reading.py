"""
How well gapcoach reads who a person is: jobs, contact-center years, years leading people,
the current rung and whether they are in the field, against the `history:` labels of
bench/data/eval (rules: bench/data/eval/RUBRIC.md, "Reading the work history").

Per split it prints: the share of resumes with contact-center years within 1 year of the
label and the mean absolute error, the same for years leading people, current-rung
accuracy, in-the-field accuracy, resumes with dated jobs read with no job at all, and
job recall and precision (a job is found when a job read starts and ends within one month
of a labelled one).

Run:  python bench/reading.py [--split NAME ...] [--errors]
Blind splits (BLIND) are left out unless named with --split: each is scored once, when
the reading work it judges is done.
"""

import argparse
import math
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from gapcoach.ingest import read_resume
from gapcoach.models import Document, Job, Seniority

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / "bench" / "data" / "eval"
# history-blind/ to history-blind-5/ were each scored once on 2026-12-07 (first looks in
# bench/README.md) and are ordinary splits for reading since; the next blind split is
# named here until it is scored
BLIND: tuple[str, ...] = ()


def month_index(text: str, as_of: str) -> int:
    """'YYYY-MM' (or 'present', the as-of month) -> months since year 0."""
    year, month = (as_of if text == "present" else text).split("-")
    return int(year) * 12 + int(month) - 1


def union_months(spans: list[tuple[int, int]]) -> int:
    """Calendar months covered by inclusive (start, end) spans, overlaps once."""
    return len({month for start, end in spans for month in range(start, end + 1)})


def years(months: int) -> float:
    """Months -> years rounded half up to 0.1 (the rubric's rounding)."""
    return math.floor(months / 12 * 10 + 0.5 + 1e-9) / 10


def label_spans(
    history: dict[str, Any], key: str | None = None
) -> list[tuple[int, int]]:
    """The labelled jobs' spans where ``key`` (in_field or leading) is true; all: None."""
    as_of = str(history["as_of"])
    return [
        (month_index(str(job["start"]), as_of), month_index(str(job["end"]), as_of))
        for job in history["jobs"]
        if key is None or job[key]
    ]


@dataclass
class Person:
    split: str
    stem: str
    history: dict[str, Any]
    document: Document | None
    error: str | None = None


def _read(split: str, path: Path) -> Person | None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    history = data.get("history")
    if not history:
        return None
    as_of = str(history["as_of"])
    year, month = (int(part) for part in as_of.split("-"))
    try:
        document = read_resume(path.with_suffix(".txt"), today=(year, month))
    except Exception as error:
        return Person(split, path.stem, history, None, str(error))
    return Person(split, path.stem, history, document)


def _read_spans(
    document: Document, as_of: str, keep: Callable[[Job], bool] = lambda job: True
) -> list[tuple[int, int]]:
    """The spans of the jobs read that ``keep`` accepts."""
    return [
        (month_index(job.start, as_of), month_index(job.end or "present", as_of))
        for job in document.jobs
        if keep(job)
    ]


def _in_field(job: Job) -> bool:
    return job.relevant


def _leading(job: Job) -> bool:
    return job.rung.rank >= Seniority.LEAD.rank


def _matched(person: Person) -> tuple[int, int, int]:
    """(labelled jobs, jobs read, jobs read that match a labelled one)."""
    assert person.document is not None
    labelled = label_spans(person.history)
    read = _read_spans(person.document, str(person.history["as_of"]))
    free = list(labelled)
    hits = 0
    for start, end in read:
        match = next(
            (s for s in free if abs(s[0] - start) <= 1 and abs(s[1] - end) <= 1), None
        )
        if match is not None:
            free.remove(match)
            hits += 1
    return len(labelled), len(read), hits


def report(people: list[Person], *, errors: bool) -> None:
    n = len(people)
    within = within_lead = rung = field = zero = 0
    abs_error = abs_error_lead = 0.0
    labelled_jobs = read_jobs = hits = 0
    wrong: list[str] = []
    for person in people:
        history = person.history
        if person.document is None:
            wrong.append(f"  {person.stem}: not read: {person.error}")
            continue
        document = person.document
        as_of = str(history["as_of"])
        cc = years(union_months(_read_spans(document, as_of, _in_field)))
        lead = years(union_months(_read_spans(document, as_of, _leading)))
        cc_error = abs(cc - float(history["cc_years"]))
        lead_error = abs(lead - float(history["leading_years"]))
        within += cc_error <= 1.0 + 1e-9
        within_lead += lead_error <= 1.0 + 1e-9
        abs_error += cc_error
        abs_error_lead += lead_error
        level = document.current_level.value
        rung += level == history["current_rung"]
        in_field = history["current_rung"] != "outside"
        field += (level != "outside") == in_field
        zero += bool(history["jobs"]) and not document.jobs
        counts = _matched(person)
        labelled_jobs += counts[0]
        read_jobs += counts[1]
        hits += counts[2]
        if errors and (
            cc_error > 1.0 + 1e-9
            or level != history["current_rung"]
            or counts[2] < counts[0]
        ):
            wrong.append(
                f"  {person.stem}: cc {cc} vs {history['cc_years']}, "
                f"leading {lead} vs {history['leading_years']}, rung {level} vs "
                f"{history['current_rung']}, jobs {counts[2]}/{counts[0]} found, "
                f"{counts[1]} read"
            )
    if not n:
        return
    print(
        f"{people[0].split:14} resumes {n:3}  cc years within 1: {within / n:6.1%}  "
        f"MAE {abs_error / n:4.2f}  leading within 1: {within_lead / n:6.1%}  "
        f"MAE {abs_error_lead / n:4.2f}  rung {rung / n:6.1%}  in field {field / n:6.1%}  "
        f"no job read {zero}  jobs recall {hits / max(labelled_jobs, 1):6.1%}  "
        f"precision {hits / max(read_jobs, 1):6.1%}"
    )
    for line in wrong:
        print(line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--split", action="append", help="a split (repeatable)")
    parser.add_argument("--errors", action="store_true", help="list every miss")
    args = parser.parse_args()
    splits = args.split or sorted(
        p.name for p in EVAL.iterdir() if p.is_dir() and p.name not in BLIND
    )
    everyone: list[Person] = []
    for split in splits:
        people = [
            person
            for path in sorted((EVAL / split).glob("*.yaml"))
            if (person := _read(split, path)) is not None
        ]
        report(people, errors=args.errors)
        everyone += people
    if len(splits) > 1 and everyone:
        for person in everyone:
            person.split = "all"
        report(everyone, errors=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
