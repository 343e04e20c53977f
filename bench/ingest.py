"""
Benchmark of the ingest stage on real resumes (measurement only: nothing is copied).

Reads every ../shared/corpus/real-resumes/*.txt (relative to the repo) with
``gapcoach.ingest.read_resume`` and reports failures, jobs found, years of experience,
and how well ``current_level`` agrees with the hand-judged ``level`` column of
index.csv; then reads the four original PDFs in ../shared/corpus/files/ and compares
their text with their .txt twins. Skips cleanly (exit 0) when the corpus is absent.

Run: python3 bench/ingest.py
"""

import csv
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from rapidfuzz import fuzz

from gapcoach.errors import GapcoachError
from gapcoach.ingest import read_resume
from gapcoach.models import Document

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
LADDER = ["agent", "lead", "supervisor", "manager", "senior_manager", "director", "vp"]


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _percent(part: int, whole: int) -> str:
    return f"{part}/{whole} = {100 * part / whole:.1f} %" if whole else "-"


def _read_all(folder: Path) -> tuple[dict[str, Document], list[str], list[float]]:
    documents: dict[str, Document] = {}
    failures: list[str] = []
    timings: list[float] = []
    for path in sorted(folder.glob("*.txt")):
        started = time.perf_counter()
        try:
            documents[path.name] = read_resume(path)
        except GapcoachError as error:
            failures.append(f"{path.name}: {error}")
        except Exception as error:  # a crash is a failure to report, not to hide
            failures.append(f"{path.name}: {type(error).__name__}: {error}")
        timings.append(time.perf_counter() - started)
    return documents, failures, timings


def _report_jobs(documents: dict[str, Document]) -> None:
    counts = [len(document.jobs) for document in documents.values()]
    with_years = sum(
        document.years_experience is not None for document in documents.values()
    )
    print(
        f"jobs per resume: mean {statistics.mean(counts):.2f}, min {min(counts)}, "
        f"max {max(counts)}; resumes with 0 jobs: {counts.count(0)}"
    )
    print(
        f"resumes with a years-of-experience figure: {_percent(with_years, len(documents))}"
    )
    relevant = sum(
        document.relevant_years is not None for document in documents.values()
    )
    print(f"resumes with a relevant-years figure: {_percent(relevant, len(documents))}")


def _report_levels(
    documents: dict[str, Document], index: dict[str, dict[str, str]]
) -> None:
    pairs: list[tuple[str, str]] = []
    outside = 0
    for name, document in documents.items():
        expected = index.get(name, {}).get("level", "")
        if expected not in LADDER:
            continue
        predicted = document.current_level.value
        if predicted == "outside":
            outside += 1
            predicted = "agent"
        pairs.append((expected, predicted))
    exact = sum(expected == predicted for expected, predicted in pairs)
    near = sum(abs(LADDER.index(e) - LADDER.index(p)) <= 1 for e, p in pairs)
    print(
        f"current_level vs index.csv level ({outside} predicted 'outside' counted as "
        "'agent' for this comparison):"
    )
    print(f"  exact: {_percent(exact, len(pairs))}")
    print(f"  within one step (agent<lead<supervisor<manager<senior_manager<director<vp): "
          f"{_percent(near, len(pairs))}")  # fmt: skip
    confusion = Counter(pairs)
    short = {"senior_manager": "sr_mgr"}
    width = 11
    print("  confusion (rows = index.csv, columns = predicted):")
    header = "".join(short.get(level, level).rjust(width) for level in LADDER)
    print("  " + "".ljust(width) + header)
    for expected in LADDER:
        row = [confusion.get((expected, predicted), 0) for predicted in LADDER]
        if any(row):
            cells = "".join((str(n) if n else ".").rjust(width) for n in row)
            print("  " + short.get(expected, expected).ljust(width) + cells)
    print("  disagreements (file: index -> predicted, current title):")
    for name, document in sorted(documents.items()):
        expected = index.get(name, {}).get("level", "")
        predicted = document.current_level.value
        if expected in LADDER and expected != predicted.replace("outside", "agent"):
            print(f"    {name}: {expected} -> {predicted} ({document.current_title})")


def _report_pdfs(folder: Path, twins: Path, index: dict[str, dict[str, str]]) -> None:
    by_id = {
        row["kaggle_id"]: name for name, row in index.items() if row.get("kaggle_id")
    }
    pdfs = sorted(folder.glob("*.pdf"))
    if not pdfs:
        print("no PDFs in", folder)
        return
    print(f"PDFs vs their .txt twins ({len(pdfs)} files; Document.text of both, whitespace-"
          "normalised; rapidfuzz ratio / token_set_ratio):")  # fmt: skip
    ratios: list[float] = []
    token_sets: list[float] = []
    for pdf in pdfs:
        kaggle_id = pdf.stem.rsplit("_", 1)[-1]
        twin_name = by_id.get(kaggle_id)
        if twin_name is None or not (twins / twin_name).is_file():
            print(f"  {pdf.name}: no .txt twin for kaggle_id {kaggle_id}")
            continue
        started = time.perf_counter()
        try:
            from_pdf = read_resume(pdf)
        except GapcoachError as error:
            print(f"  {pdf.name}: FAILED: {error}")
            continue
        elapsed = (time.perf_counter() - started) * 1000
        from_txt = read_resume(twins / twin_name)
        left, right = _normalise(from_pdf.text), _normalise(from_txt.text)
        ratio, token_set = fuzz.ratio(left, right), fuzz.token_set_ratio(left, right)
        ratios.append(ratio)
        token_sets.append(token_set)
        same_jobs = len(from_pdf.jobs) == len(from_txt.jobs)
        print(
            f"  {pdf.name} vs {twin_name}: ratio {ratio:.1f}, token_set {token_set:.1f}; "
            f"jobs {len(from_pdf.jobs)} vs {len(from_txt.jobs)}"
            f"{'' if same_jobs else ' (differ)'}; level {from_pdf.current_level.value} vs "
            f"{from_txt.current_level.value}; {elapsed:.0f} ms"
        )
    if ratios:
        print(
            f"  mean: ratio {statistics.mean(ratios):.1f}, "
            f"token_set {statistics.mean(token_sets):.1f}"
        )


def main() -> int:
    """
    Run the benchmark; returns the process exit code (1 when any resume failed).
    """
    resumes = CORPUS / "real-resumes"
    if not resumes.is_dir():
        print(f"Corpus not found at {resumes}; skipping the ingest benchmark.")
        return 0
    with (resumes / "index.csv").open(encoding="utf-8", newline="") as handle:
        index = {row["file"]: row for row in csv.DictReader(handle)}
    documents, failures, timings = _read_all(resumes)
    print(f"files read: {len(documents) + len(failures)}")
    print(f"failures: {len(failures)}")
    for failure in failures:
        print(f"  {failure}")
    print(
        f"time per resume: median {statistics.median(timings) * 1000:.1f} ms, "
        f"max {max(timings) * 1000:.1f} ms (the first includes imports)"
    )
    if documents:
        _report_jobs(documents)
        _report_levels(documents, index)
    _report_pdfs(CORPUS / "files", resumes, index)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
