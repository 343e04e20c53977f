"""
Paths shared by the tests (imported as a plain module: tests/ is on sys.path).
"""

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CASES = Path(__file__).resolve().parent / "cases"


def cases(name: str, *fields: str) -> list[Any]:
    """
    The phrase cases of one vocabulary, ``tests/cases/<name>.json``, as pytest params of
    ``fields`` (so a tuning change touches one vocabulary module and one case file).
    """
    rows = json.loads((CASES / f"{name}.json").read_text(encoding="utf-8"))
    assert rows, f"tests/cases/{name}.json has no cases"
    return [
        pytest.param(*(row[field] for field in fields), id=str(row[fields[0]])[:50])
        for row in rows
    ]


GUIDES = ROOT.parent / "shared" / "guides"


def gapcoach_command() -> list[str]:
    """The installed entry point, or `python -m gapcoach` where there is no script."""
    import shutil
    import sys

    executable = shutil.which("gapcoach")
    return [executable] if executable else [sys.executable, "-m", "gapcoach"]


def run_gapcoach(
    *args: str,
    stdin: str | None = None,
    cwd: Path | None = None,
    timeout: float = 60,
    memory_bytes: int = 1 << 30,
) -> "subprocess.CompletedProcess[str]":
    """
    One run of the real CLI in its own process, under a time limit and an address-space
    cap (1 GiB by default), with a wide terminal and no colour.
    """
    import os
    import resource

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))

    return subprocess.run(
        [*gapcoach_command(), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd,
        preexec_fn=limit,
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "200"},
    )


CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]


# OS errors the one reader turns into a message, and the end of that message
OS_ERRORS = [
    (
        PermissionError(13, "Permission denied"),
        "permission denied; check the file's permissions.",
    ),
    (
        OSError(5, "Input/output error"),
        "Input/output error; check that it is a regular file.",
    ),
]


def fail_os_open(monkeypatch: object, path: Path, error: OSError) -> None:
    """
    Make opening ``path`` raise ``error`` (every other file opens as usual): the one
    reader opens with os.open, and root can open any file, so permissions cannot be used.
    """
    import os

    original = os.open

    def refuse(file: object, *args: object, **kwargs: object) -> int:
        if str(file) == str(path):
            raise error
        return original(file, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)  # type: ignore[attr-defined]
