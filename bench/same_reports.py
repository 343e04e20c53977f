"""
Do two versions of gapcoach write the same reports? The no-behaviour-change check.

Writes the JSON report (every shipped role) of every resume under bench/data/eval/,
examples/resumes/ (plus the example with ratings) and ../shared/corpus/ (text and PDF,
skipped when absent) with the code at REV (a temporary clone) and with the working tree,
then compares them byte for byte and lists every report that differs.

Run:  python bench/same_reports.py --against REV      (e.g. --against HEAD~3)
      python bench/same_reports.py --write DIR        (this tree's reports into DIR)
Exit status 1 when any report differs or a set of reports is missing.
"""

import argparse
import difflib
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def inputs() -> Iterator[tuple[str, Path, Path | None]]:
    """(report name, resume, ratings) of every input, in a fixed order."""
    for path in sorted((ROOT / "bench" / "data" / "eval").glob("*/*.txt")):
        yield f"eval__{path.parent.name}__{path.stem}", path, None
    examples = ROOT / "examples"
    for path in sorted((examples / "resumes").glob("*.txt")):
        yield f"examples__{path.stem}", path, None
    yield (
        "examples__supervisor-with-ratings",
        examples / "resumes" / "supervisor.txt",
        examples / "ratings" / "supervisor-ratings.yaml",
    )
    for folder in ("real-resumes", "files"):
        for path in sorted((CORPUS / folder).glob("*")):
            if path.suffix.lower() in (".txt", ".pdf"):
                yield f"corpus__{folder}__{path.name}", path, None


def write(folder: Path) -> int:
    """Write every report into folder (an error is written as its message); the count."""
    import gapcoach
    from gapcoach.render import render_json

    folder.mkdir(parents=True, exist_ok=True)
    assessor = gapcoach.Assessor()
    count = 0
    for name, resume, ratings in inputs():
        try:
            text = render_json(assessor.assess(resume, ratings=ratings))
        except gapcoach.GapcoachError as error:
            text = f"error: {error}\n"
        (folder / f"{name}.json").write_text(text, encoding="utf-8")
        count += 1
    return count


def compare(old: Path, new: Path) -> list[str]:
    """Names of reports that differ or exist on one side only."""
    names = sorted({p.name for p in old.iterdir()} | {p.name for p in new.iterdir()})
    changed = []
    for name in names:
        a, b = old / name, new / name
        if not (a.exists() and b.exists()) or a.read_bytes() != b.read_bytes():
            changed.append(name)
    return changed


def _show(old: Path, new: Path, name: str, lines: int = 12) -> None:
    a = (
        (old / name).read_text(encoding="utf-8").splitlines()
        if (old / name).exists()
        else []
    )
    b = (
        (new / name).read_text(encoding="utf-8").splitlines()
        if (new / name).exists()
        else []
    )
    diff = list(difflib.unified_diff(a, b, "old", "new", n=1, lineterm=""))
    for line in diff[2 : 2 + lines]:
        print("    " + line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--against", metavar="REV", help="compare with this commit")
    group.add_argument("--write", metavar="DIR", type=Path, help="write reports only")
    parser.add_argument("--diff", action="store_true", help="show each difference")
    args = parser.parse_args()
    if args.write:
        import gapcoach

        where = Path(gapcoach.__file__).parent
        print(f"{write(args.write)} reports written to {args.write} by {where}")
        return 0
    with tempfile.TemporaryDirectory() as temporary:
        base = Path(temporary)
        clone = base / "old"
        subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
        subprocess.run(
            ["git", "-C", str(clone), "checkout", "-q", args.against], check=True
        )
        # the old code reads its own shipped taxonomies from its source tree
        env = {**os.environ, "PYTHONPATH": str(clone / "src")}
        script = [sys.executable, __file__, "--write"]
        subprocess.run([*script, str(base / "a")], env=env, check=True)
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        subprocess.run([*script, str(base / "b")], env=env, check=True)
        total = len(list((base / "b").iterdir()))
        changed = compare(base / "a", base / "b")
        print(
            f"{total - len(changed)} of {total} reports byte-identical to {args.against}"
        )
        for name in changed:
            print(f"  differs: {name}")
            if args.diff:
                _show(base / "a", base / "b", name)
    return 1 if changed or total == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
