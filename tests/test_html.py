"""
The HTML report in a real headless browser (Debian's chromium, installed by .ci/run).
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import CHROMIUM_FLAGS, EXAMPLES
from PIL import Image, ImageStat

from gapcoach import Assessor
from gapcoach.render import render_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = CHROMIUM_FLAGS

if CHROMIUM is None and os.environ.get("CI"):
    raise RuntimeError(
        "chromium is required in CI: .ci/run installs Debian's chromium package"
    )
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed"),
]


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "profile"
    return subprocess.run(
        [CHROMIUM or "chromium", *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def report_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    """The supervisor's report, written as a self-contained HTML file."""
    report = Assessor().assess(EXAMPLES / "resumes" / "supervisor.txt")
    page = tmp_path_factory.mktemp("html") / "report.html"
    page.write_text(render_html(report), encoding="utf-8")
    return page, report


def test_page_renders_and_is_not_blank(tmp_path: Path, report_page: tuple) -> None:
    """A screenshot of the page has real content, not one flat colour."""
    page, _ = report_page
    shot = tmp_path / "shot.png"
    result = _chromium(
        tmp_path, f"--screenshot={shot}", "--window-size=1200,1600", page.as_uri()
    )
    assert shot.is_file(), result.stderr[-2000:]
    image = Image.open(shot).convert("L")
    assert image.size == (1200, 1600)
    assert ImageStat.Stat(image).stddev[0] > 10  # text and charts, not a blank page
    assert len(image.getcolors(maxcolors=1 << 16) or []) > 20


def test_page_text_shows_readiness_and_first_step(
    tmp_path: Path, report_page: tuple
) -> None:
    """The rendered DOM shows each role's readiness and its first plan step."""
    page, report = report_page
    result = _chromium(tmp_path, "--dump-dom", page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    for item in report.assessments:
        assert f"Readiness {item.readiness:.0f}/100" in dom
        first = item.plan.steps[0].action
        assert (
            first.replace("&", "&amp;").replace("'", "&#39;")[:60] in dom
            or first[:60] in dom
        )


def test_page_makes_no_external_requests(report_page: tuple) -> None:
    """The report is one file: no scripts, stylesheets or images from elsewhere."""
    page, _ = report_page
    html = page.read_text(encoding="utf-8")
    for marker in ("http://", "https://", "<script", "<link", "@import", "url("):
        assert marker not in html.replace("http://data.europa.eu", "")


def test_team_view_renders_in_the_browser(tmp_path: Path) -> None:
    """The batch team page renders (not blank) and shows the mean readiness and the team."""
    from gapcoach.batch import Cohort, assess_many, expand_inputs
    from gapcoach.render import render_cohort_html

    cohort = Cohort()
    for result in assess_many(expand_inputs([str(EXAMPLES / "resumes")])):
        cohort.add(result)
    page = tmp_path / "team.html"
    page.write_text(render_cohort_html(cohort, version="test"), encoding="utf-8")
    shot = tmp_path / "team.png"
    _chromium(
        tmp_path, f"--screenshot={shot}", "--window-size=1000,1400", page.as_uri()
    )
    image = Image.open(shot).convert("L")
    assert ImageStat.Stat(image).stddev[0] > 10
    dom = _chromium(tmp_path, "--dump-dom", page.as_uri()).stdout
    assert "5 people" in dom
    assert f"Mean readiness {cohort.mean('call-center-director'):.0f}/100" in dom
    assert "director.txt" in dom
