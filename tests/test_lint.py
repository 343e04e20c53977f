"""
The repo's own rules: ruff and mypy --strict stay clean (run as part of the test suite).
"""

import shutil
import subprocess
import sys

import pytest
from helpers import ROOT

pytestmark = pytest.mark.slow


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff is not installed")
def test_ruff_is_clean() -> None:
    """`ruff check` finds nothing in src, tests, bench and examples."""
    result = subprocess.run(
        ["ruff", "check", "src", "tests", "bench", "examples"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_is_clean() -> None:
    """`mypy --strict src examples` finds nothing."""
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "src", "examples"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
