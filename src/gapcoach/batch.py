"""
BATCH: many people at once, streamed, in input order, on one or several processes.

``assess_many`` yields one ``BatchResult`` per input as soon as it (and every input
before it) is done, so writers can stream JSONL or CSV without holding the cohort in
memory. ``Cohort`` keeps only small per-person summaries and counters for the team view.
"""

import csv
import glob
import io
import json
import os
import re
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from gapcoach.cohort import BatchResult, Cohort, PersonSummary
from gapcoach.errors import GapcoachError, InputError

__all__ = [
    "RESUME_SUFFIXES",
    "BatchResult",
    "Cohort",
    "PersonSummary",
    "assess_many",
    "csv_cell",
    "csv_header",
    "csv_rows",
    "expand_inputs",
    "jsonl_line",
    "report_names",
]

RESUME_SUFFIXES = (".txt", ".md", ".pdf", ".docx")
RATINGS_SUFFIXES = (".yaml", ".yml", ".json", ".csv")


def report_names(paths: list[Path]) -> dict[str, str]:
    """
    A file name for each input's own HTML report: its stem + ".html", with "-2", "-3" ...
    when two inputs share a stem (a/alex.pdf, b/alex.docx). Keys are ``str(path)``.
    """
    names: dict[str, str] = {}
    taken: set[str] = set()
    for path in paths:
        stem = path.stem or "report"
        name, n = f"{stem}.html", 1
        while name.casefold() in taken:
            n += 1
            name = f"{stem}-{n}.html"
        taken.add(name.casefold())
        names[str(path)] = name
    return names


def expand_inputs(inputs: Iterable[str]) -> list[Path]:
    """
    Files, folders (their resume files, sorted) and glob patterns -> resume paths.

    Raises:
        InputError: An input matches nothing.
    """
    found: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            try:
                entries = sorted(path.iterdir())
            except OSError as error:
                reason = error.strerror or type(error).__name__
                raise InputError(
                    f"The folder '{item}' cannot be read: {reason}; check its permissions."
                ) from None
            found.extend(p for p in entries if p.suffix.lower() in RESUME_SUFFIXES)
        elif path.exists():
            found.append(path)
        elif glob.has_magic(item):
            matches = sorted(_glob(item))
            if not matches:
                raise InputError(f"'{item}' matches no file.")
            found.extend(p for p in matches if p.is_file())
        else:
            found.append(path)  # reported as a per-file error, the batch goes on
    if not found:
        raise InputError(
            "No resumes to assess: the inputs hold no .txt, .md, .pdf or .docx files."
        )
    return found


_MAX_GLOB_ENTRIES = 1_000_000  # directory entries a pattern may visit


def _glob(pattern: str) -> list[Path]:
    """
    The files matching a glob pattern, ``**`` included, without following symbolic links
    to folders: a link back to a parent (``d/loop -> .``) would otherwise be walked
    forever. Symbolic links to files are matched like files.
    """
    parts = Path(pattern).parts
    fixed = next(
        (i for i, part in enumerate(parts) if glob.has_magic(part)), len(parts)
    )
    root = Path(*parts[:fixed]) if fixed else Path(".")
    matcher = re.compile(_glob_regex(parts[fixed:]))
    found: list[Path] = []
    visited = 0
    for folder, folders, files in os.walk(root, followlinks=False):
        visited += len(folders) + len(files)
        if visited > _MAX_GLOB_ENTRIES:
            raise InputError(
                f"'{pattern}' reaches more than {_MAX_GLOB_ENTRIES:,} files and folders; "
                "narrow the pattern."
            )
        folders.sort()
        relative = Path(folder).relative_to(root)
        for name in files:
            candidate = (relative / name).as_posix()
            if matcher.fullmatch(candidate):
                found.append(Path(folder) / name)
    return found


def _glob_regex(parts: tuple[str, ...]) -> str:
    """
    A regex for the magic part of a glob: ``**`` any folders (or none), ``*`` and ``?``
    within one name, ``[...]`` a character class.
    """
    pieces: list[str] = []
    for part in parts:
        if part == "**":
            pieces.append("(?:[^/]+/)*")
            continue
        pieces.append(_name_regex(part) + "/")
    return "".join(pieces).removesuffix("/")


def _name_regex(part: str) -> str:
    """
    One path component of a glob as a regex that never crosses "/".
    """
    out: list[str] = []
    index = 0
    while index < len(part):
        char = part[index]
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[" and "]" in part[index + 2 :]:
            close = part.index("]", index + 2)
            body = part[index + 1 : close]
            if body.startswith("!"):
                body = "^" + body[1:]
            out.append("[" + body.replace("\\", "\\\\") + "]")
            index = close
        else:
            out.append(re.escape(char))
        index += 1
    return "".join(out)


def _ratings_for(path: Path, ratings_dir: Path | None) -> Path | None:
    if ratings_dir is None:
        return None
    for suffix in RATINGS_SUFFIXES:
        candidate = ratings_dir / f"{path.stem}{suffix}"
        if candidate.is_file():
            return candidate
    return None


# One Assessor per worker process, built by the pool initializer.
_WORKER: dict[str, object] = {}


def _init_worker(taxonomy: Path | None, role: str | None) -> None:
    from gapcoach.api import Assessor

    _WORKER["assessor"] = Assessor(taxonomy=taxonomy, role=role)


def _init_pool_worker(taxonomy: Path | None, role: str | None) -> None:
    """
    A worker process: its Assessor, and a watch that ends it when the parent dies.
    """
    _watch_parent(os.getppid())
    _init_worker(taxonomy, role)


def _watch_parent(parent: int, *, every: float = 0.5) -> None:
    """
    Exit this worker once its parent is gone (killed with -9, say): an orphan would
    otherwise wait on the task queue forever, holding the output open.
    """

    def watch() -> None:
        while True:
            time.sleep(every)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="gapcoach-parent-watch", daemon=True).start()


def _assess_one(job: tuple[str, str | None]) -> BatchResult:
    from gapcoach.api import Assessor

    path, ratings = job
    assessor = _WORKER["assessor"]
    assert isinstance(assessor, Assessor)
    try:
        report = assessor.assess(Path(path), ratings=Path(ratings) if ratings else None)
    except GapcoachError as error:
        return BatchResult(path=path, assessment=None, error=str(error))
    except Exception as error:
        # why broad: whatever one file does (a RecursionError from deep nesting, a
        # MemoryError, a bug of ours), the rest of the batch goes on
        message = f"could not be assessed ({type(error).__name__}: {error})"
        return BatchResult(path=path, assessment=None, error=message)
    return BatchResult(path=path, assessment=report)


def assess_many(
    paths: list[Path],
    *,
    role: str | None = None,
    taxonomy: Path | None = None,
    ratings_dir: Path | None = None,
    jobs: int = 1,
) -> Iterator[BatchResult]:
    """
    Assess every path, yielding results in input order.

    Args:
        paths: Resume files.
        role: A role id, "all" or None (every role).
        taxonomy: A taxonomy file or folder; None uses the shipped roles.
        ratings_dir: A folder of self-ratings named after each resume's stem.
        jobs: Worker processes; 1 runs in this process. Results do not depend on it.

    Raises:
        GapcoachError: The taxonomy or role is invalid (before any resume is read).
        ValueError: ``jobs`` is below 1.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}.")
    work = [(str(p), _str_or_none(_ratings_for(p, ratings_dir))) for p in paths]
    _init_worker(
        taxonomy, role
    )  # validates role and taxonomy up front, in this process
    if jobs == 1 or len(work) < 2:
        yield from map(_assess_one, work)
        return
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_init_pool_worker, initargs=(taxonomy, role)
    ) as pool:
        yield from pool.map(_assess_one, work, chunksize=8)


def _str_or_none(path: Path | None) -> str | None:
    return None if path is None else str(path)


def jsonl_line(result: BatchResult) -> str:
    """
    One JSONL line: the full assessment, or the file and its error.
    """
    if result.assessment is not None:
        return result.assessment.model_dump_json() + "\n"
    return (
        json.dumps({"file": result.path, "error": result.error}, ensure_ascii=False)
        + "\n"
    )


def csv_header() -> list[str]:
    """
    Columns of the CSV output: one row per person and role.
    """
    return [
        "file",
        "role",
        "readiness",
        "band",
        "years",
        "current_level",
        "gap_1",
        "gap_2",
        "gap_3",
        "error",
    ]


def csv_rows(result: BatchResult) -> list[list[str]]:
    """
    The CSV rows of one result (an error is one row with the error column set).
    """
    if result.assessment is None:
        return [[result.path, "", "", "", "", "", "", "", "", result.error or ""]]
    rows: list[list[str]] = []
    for item in result.assessment.assessments:
        # gaps by name and readiness in whole points, as every other view shows them
        gaps = [gap.name for gap in item.gaps[:3]] + ["", "", ""]
        years = item.experience.years
        rows.append(
            [
                result.path,
                item.role_id,
                f"{item.readiness:.0f}",
                item.band,
                "" if years is None else f"{years:g}",
                item.experience.current_level.value,
                *gaps[:3],
                "",
            ]
        )
    return rows


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: str) -> str:
    """
    A cell a spreadsheet shows as text: one that would start a formula gets a leading '.

    OWASP's rule for CSV injection: a cell starting with = + - @ tab or carriage return
    is a formula to Excel, LibreOffice and Google Sheets (``=HYPERLINK(...)``).
    """
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def csv_text(rows: list[list[str]]) -> str:
    """
    Rows formatted as CSV text, every cell neutralised with ``csv_cell``.
    """
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(
        [csv_cell(cell) for cell in row] for row in rows
    )
    return buffer.getvalue()
