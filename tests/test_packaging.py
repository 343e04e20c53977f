"""
The wheel carries the taxonomies, the lexicon and the templates, and a non-editable
install finds them inside the package (not in the source tree).
"""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from helpers import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from this checkout (offline: no build isolation)."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(ROOT),
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (built,) = out.glob("gapcoach-*.whl")
    return built


def test_wheel_carries_data_and_templates(wheel: Path) -> None:
    """Role files, lexicon, templates and py.typed are inside the package."""
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in (
        "gapcoach/data/skills/call-center-director.yaml",
        "gapcoach/data/skills/call-center-operations-manager.yaml",
        "gapcoach/data/skills/lexicon.yaml",
        "gapcoach/data/skills/level-model.npz",
        "gapcoach/data/skills/level-model.json",
        "gapcoach/templates/report.html.j2",
        "gapcoach/templates/report.md.j2",
        "gapcoach/templates/cohort.html.j2",
        "gapcoach/templates/sort.js",
        "gapcoach/py.typed",
        "gapcoach/report.schema.json",
    ):
        assert name in names


def test_installed_wheel_finds_its_data(wheel: Path, tmp_path: Path) -> None:
    """Unpacked like a non-editable install, gapcoach loads the roles from the package."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "import gapcoach.taxonomy as t; d = t.default_skills_dir();"
        "print(d); print(sorted(t.load_taxonomies()))"
    )
    result = subprocess.run(
        [
            sys.executable,
            "-I",
            "-c",
            f"import sys; sys.path.insert(0, {str(site)!r}); {code}",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    folder, roles = result.stdout.splitlines()
    assert folder.startswith(str(site))
    assert roles == "['call-center-director', 'call-center-operations-manager']"
