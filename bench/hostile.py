"""
Hostile inputs: the worst wall time and peak memory of the installed `gapcoach` over the
cases of the security review (issue 17), each run as its own process.

Every case runs under a 60 s timeout; the script prints one row per case and the worst
of each column, and exits 1 when a case takes more than 10 s, peaks above 1 GB, or ends
with a traceback. Run: `python bench/hostile.py` (`--quick` skips the slowest cases).
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SUPERVISOR = ROOT / "examples" / "resumes" / "supervisor.txt"
GUIDE = ROOT / "tests" / "fixtures" / "guides" / "workforce-planning-manager.txt"
ROLE = "call-center-operations-manager"
LIMIT_SECONDS = 10.0
LIMIT_BYTES = 1 << 30


def _alias_bomb() -> str:
    """Nine levels of nine aliases, every anchor inside ``role:``."""
    levels = ['&a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 9):
        levels.append(f"&a{level} [" + ",".join([f"*a{level - 1}"] * 9) + "]")
    return "role: [" + ", ".join(levels) + "]\nratings: {}\n"


def _guide_with_skill(extra: str) -> str:
    """The fixture guide with ``extra`` appended to its first technical-skill bullet."""
    lines = GUIDE.read_text().splitlines()
    start = lines.index("Technical Skills")
    bullet = next(i for i in range(start, len(lines)) if lines[i].startswith("- "))
    lines[bullet] += extra
    return "\n".join(lines) + "\n"


def _short_lines(text: str, width: int = 80) -> str:
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))


def _write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _cases(folder: Path, quick: bool) -> dict[str, Callable[[], list[str]]]:
    """Case name -> a function that prepares its files and returns the CLI arguments."""
    cases: dict[str, Callable[[], list[str]]] = {
        "dashes (42 bytes)": lambda: [
            "assess",
            str(_write(folder, "dashes.txt", "Led " + "-" * 36 + " x\n")),
        ],
        "32,000 digits": lambda: [
            "assess",
            str(_write(folder, "digits.txt", "Agent\nCut AHT " + "1" * 32_000 + "%\n")),
        ],
        "76 KB comma line": lambda: [
            "assess",
            str(
                _write(
                    folder, "comma.txt", "Agent\n" + "Avaya, Genesys, Five9, " * 3300
                )
            ),
        ],
        "html payloads": lambda: [
            "assess",
            str(
                _write(
                    folder,
                    "xss.txt",
                    "Call Center Supervisor <img src=x onerror=alert(1)>\n"
                    "- Coached agents in Genesys <svg onload=alert(1)>\n",
                )
            ),
            "-f",
            "html",
        ],
        "ratings alias bomb": lambda: [
            "assess",
            "--ratings",
            str(_write(folder, "bomb.yaml", _alias_bomb())),
            "--role",
            ROLE,
        ],
        "ratings 100,000-deep JSON": lambda: [
            "assess",
            "--ratings",
            str(_write(folder, "deep.json", "[" * 100_000 + "]" * 100_000)),
            "--role",
            ROLE,
        ],
        "ratings 200 KB CSV field": lambda: [
            "assess",
            "--ratings",
            str(_write(folder, "big.csv", "skill,rating\n" + "x" * 200_000 + ",3\n")),
            "--role",
            ROLE,
        ],
        "guide 'like ' x 10,000": lambda: [
            "taxonomy",
            "build",
            str(
                _write(
                    folder,
                    "guide.txt",
                    _guide_with_skill(" Forecasting tools like " + "like " * 10_000),
                )
            ),
            "--no-lexicon",
        ],
        "/dev/zero as a guide": lambda: ["taxonomy", "build", "/dev/zero"],
        "FIFO as a resume": lambda: ["assess", str(_fifo(folder / "fifo.txt"))],
    }
    if not quick:
        # at the size limits: a resume of 190,000 characters (the limit is 200,000) on one
        # line or 80-character lines, a 5 MB guide, a 1 MB ratings file
        for kind, unit in (("1.", "dotted digits"), ("a:", "colons"), ("1 of ", "of")):
            text = "Call center agent  2019 - Present\n" + unit * (190_000 // len(unit))
            for layout, body in (("one line", text), ("lines", _short_lines(text))):
                name = f"resume at the limit, {unit}, {layout}"
                cases[name] = lambda body=body, kind=kind, layout=layout: [
                    "assess",
                    str(_write(folder, f"limit-{kind}-{layout}.txt", body)),
                ]
        for name, extra in (
            ("guide at 5 MB, '(((...'", " (" * 2_400_000),
            ("guide at 5 MB, spaces", " " * 4_900_000 + "x"),
        ):
            cases[name] = lambda extra=extra, name=name: [
                "taxonomy",
                "build",
                str(_write(folder, f"{len(extra)}.txt", _guide_with_skill(extra))),
                "--no-lexicon",
            ]
        cases["ratings at 1 MB, one key"] = lambda: [
            "assess",
            "--ratings",
            str(
                _write(folder, "big.yaml", "ratings:\n  " + "- a " * 260_000 + ": 3\n")
            ),
            "--role",
            ROLE,
        ]
        cases["ratings with 10,000 keys"] = lambda: [
            "assess",
            "--ratings",
            str(
                _write(
                    folder,
                    "many.yaml",
                    "ratings:\n"
                    + "".join(f"  made-up-skill-{i}: 3\n" for i in range(10_000)),
                )
            ),
            "--role",
            ROLE,
        ]
    return cases


def _fifo(path: Path) -> Path:
    if not path.exists():
        os.mkfifo(path)
    return path


def _run(args: list[str]) -> tuple[float, int, int, str]:
    """(seconds, peak RSS in bytes, exit code, stderr tail) of one `gapcoach` process."""
    executable = shutil.which("gapcoach")
    command = [executable] if executable else [sys.executable, "-m", "gapcoach"]
    with tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        process = subprocess.Popen(
            [*command, *args],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            stdin=subprocess.DEVNULL,
        )
        while (
            True
        ):  # wait4 gives this child's own peak memory (ru_maxrss, KiB on Linux)
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > 60:
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.01)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        stderr.seek(0)
        tail = stderr.read().decode(errors="replace")[-300:]
    return seconds, usage.ru_maxrss * 1024, process.returncode, tail


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="skip the slowest cases")
    options = parser.parse_args()
    failed = 0
    worst_time = worst_memory = 0.0
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        shutil.copy(SUPERVISOR, folder / "supervisor.txt")
        print(f"{'case':44} {'seconds':>8} {'peak MB':>9}  exit")
        for case, prepare in _cases(folder, options.quick).items():
            seconds, peak, code, stderr = _run(prepare())
            bad = (
                seconds > LIMIT_SECONDS
                or peak > LIMIT_BYTES
                or "Traceback" in stderr
                or code not in (0, 1)
            )
            failed += bad
            worst_time = max(worst_time, seconds)
            worst_memory = max(worst_memory, peak)
            flag = (
                "  FAIL " + stderr.strip().splitlines()[-1][:80]
                if bad and stderr
                else ""
            )
            print(f"{case:44} {seconds:8.2f} {peak / 1e6:9.0f}  {code}{flag}")
    print(
        f"worst: {worst_time:.2f} s, peak {worst_memory / 1e6:.0f} MB "
        f"(limits {LIMIT_SECONDS:.0f} s, {LIMIT_BYTES >> 20} MB); {failed} failed"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
