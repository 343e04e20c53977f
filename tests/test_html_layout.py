"""
Layout of the HTML report and the team view in headless Chromium, driven by Playwright
(Debian's chromium, installed by .ci/run; no browser download): nothing wider than a
1280 px or a 400 px viewport, the printed PDF's first page holds the readiness summary,
the roster sorts, and the team page's one script runs under its Content-Security-Policy.
"""

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import CHROMIUM_FLAGS, EXAMPLES, run_gapcoach
from pypdf import PdfReader

from gapcoach import Assessor
from gapcoach.render import render_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None and os.environ.get("CI"):
    raise RuntimeError(
        "chromium is required in CI: .ci/run installs Debian's chromium package"
    )
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed"),
]

# Every element's box, unless it sits inside a box that scrolls sideways on purpose (the
# heat map), must lie inside the viewport; the page itself must not scroll sideways.
_OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [];
  for (const el of document.querySelectorAll('body *')) {
    let scrolls = false;
    for (let up = el.parentElement; up; up = up.parentElement) {
      const o = getComputedStyle(up).overflowX;
      if (o === 'auto' || o === 'scroll') { scrolls = true; break; }
    }
    if (scrolls) continue;
    const box = el.getBoundingClientRect();
    if (box.width > 0 && (box.right > width + 0.5 || box.left < -0.5)) {
      wide.push(`${el.tagName}.${el.className} right=${Math.round(box.right)}`);
    }
  }
  return {width, scrollWidth: document.documentElement.scrollWidth, wide};
}"""

TEAM_EXTRA = ("Noor Haddad", "Jonas Berg", "Ama Owusu")
TEAM_SIZE = 5 + len(TEAM_EXTRA)
_LONG_TOKEN = "https://intranet.example.com/" + "x" * 180


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium for the module (Debian's, through Playwright)."""
    from playwright.sync_api import sync_playwright

    flags = [flag for flag in CHROMIUM_FLAGS if flag != "--headless"]
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=flags)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """
    The report of a person with self-ratings (two roles, a long unbroken token in the
    evidence) and the team view of the examples, with each person's report beside it.
    """
    folder = tmp_path_factory.mktemp("layout")
    resume = folder / "renata.txt"
    text = (EXAMPLES / "resumes" / "supervisor.txt").read_text(encoding="utf-8")
    resume.write_text(
        text + f"\nBuilt the WFM forecast wiki at {_LONG_TOKEN}\n", encoding="utf-8"
    )
    report = Assessor().assess(
        resume, ratings=EXAMPLES / "ratings" / "supervisor-ratings.yaml"
    )
    (folder / "report.html").write_text(render_html(report), encoding="utf-8")
    team = folder / "team"
    team.mkdir()
    for example in sorted((EXAMPLES / "resumes").glob("*.txt")):
        shutil.copy(example, team / example.name)
    # three more agents: eight people, more than the five the old team view listed
    agent = (EXAMPLES / "resumes" / "agent.txt").read_text(encoding="utf-8")
    for name in TEAM_EXTRA:
        body = agent.split("\n", 1)[1]
        (team / f"{name.split()[0].lower()}.txt").write_text(
            f"{name}\n{body}", encoding="utf-8"
        )
    # the installed entry point, as a user runs it
    result = run_gapcoach(
        "batch",
        str(team),
        "-o",
        str(folder / "team.html"),
        "--report-dir",
        str(folder / "people"),
    )
    assert result.returncode == 0, result.stderr
    return {"report": folder / "report.html", "team": folder / "team.html"}


def _open(browser: Any, page: Path, width: int) -> Any:
    view = browser.new_page(viewport={"width": width, "height": 900})
    errors: list[str] = []
    view.on("console", lambda message: errors.append(message.text))
    view.goto(page.as_uri())
    view.wait_for_load_state("load")
    view.console_errors = errors
    return view


@pytest.mark.parametrize("width", [1280, 400])
@pytest.mark.parametrize("name", ["report", "team"])
def test_nothing_is_wider_than_the_viewport(
    browser: Any, pages: dict[str, Path], name: str, width: int
) -> None:
    """At 1280 px and 400 px no element sticks out and the page never scrolls sideways."""
    view = _open(browser, pages[name], width)
    measured = view.evaluate(_OVERFLOW_JS)
    assert measured["width"] == width
    assert measured["wide"] == []
    assert measured["scrollWidth"] <= width
    view.close()


def test_narrow_report_keeps_every_column(browser: Any, pages: dict[str, Path]) -> None:
    """At 400 px the comparison table still shows role, readiness, band and top gap."""
    view = _open(browser, pages["report"], 400)
    first_row = view.locator("#comparison tr").nth(1)
    cells = first_row.locator("td")
    assert cells.count() == 4
    for i in range(4):
        box = cells.nth(i).bounding_box()
        assert box is not None
        assert box["width"] > 0
        assert box["x"] + box["width"] <= 400
        assert cells.nth(i).is_visible()
    view.close()


@pytest.mark.parametrize(
    ("name", "summary"),
    [("report", r"Readiness \d+/100"), ("team", r"Mean readiness \d+/100")],
)
def test_printed_first_page_holds_the_readiness_summary(
    browser: Any, pages: dict[str, Path], tmp_path: Path, name: str, summary: str
) -> None:
    """Printed to A4, page 1 carries the readiness summary, not just the header."""
    view = _open(browser, pages[name], 1280)
    pdf = tmp_path / f"{name}.pdf"
    view.pdf(path=str(pdf), format="A4")
    view.close()
    reader = PdfReader(pdf)
    first = reader.pages[0].extract_text()
    assert re.search(summary, first), first[:500]
    if name == "report":
        assert "Your answer" in first
        assert "Categories".upper() in first.upper()


def test_roster_lists_everyone_and_sorts(browser: Any, pages: dict[str, Path]) -> None:
    """
    The roster has all eight people per role, readiest first; clicking Person sorts by
    name, clicking Readiness twice sorts by readiness ascending. The page's one script
    runs (its hash is in the CSP) without a CSP complaint.
    """
    view = _open(browser, pages["team"], 1280)
    roster = view.locator("section#call-center-director table.roster")
    rows = roster.locator("tbody tr")
    assert rows.count() == TEAM_SIZE

    def readiness() -> list[float]:
        return [
            float(rows.nth(i).get_attribute("data-readiness") or "nan")
            for i in range(rows.count())
        ]

    def names() -> list[str]:
        return [rows.nth(i).get_attribute("data-name") or "" for i in range(TEAM_SIZE)]

    assert readiness() == sorted(readiness(), reverse=True)
    roster.locator("th[data-key=name]").click()
    assert names() == sorted(names())
    assert roster.locator("th[data-key=name]").get_attribute("aria-sort") == (
        "ascending"
    )
    roster.locator("th[data-key=readiness]").click()
    assert readiness() == sorted(readiness(), reverse=True)
    roster.locator("th[data-key=readiness]").click()
    assert readiness() == sorted(readiness())
    assert not [e for e in view.console_errors if "Content Security Policy" in e]
    view.close()


def test_roster_names_link_to_each_persons_report(
    browser: Any, pages: dict[str, Path]
) -> None:
    """Names come from the resumes; each links to a report that exists and is theirs."""
    view = _open(browser, pages["team"], 1280)
    links = view.locator("section#call-center-director table.roster a")
    assert links.count() == TEAM_SIZE
    shown = {links.nth(i).inner_text() for i in range(TEAM_SIZE)}
    assert "Renata Vasquez-Holm" in shown
    assert "Camille Adeyemi-Forsberg" in shown
    assert set(TEAM_EXTRA) <= shown
    for i in range(TEAM_SIZE):
        name = links.nth(i).inner_text()
        links.nth(i).click()
        view.wait_for_load_state("load")
        assert view.url.endswith(".html")
        assert "/people/" in view.url
        assert view.locator("h1").inner_text() == f"gapcoach assessment: {name}"
        view.go_back()
        view.wait_for_load_state("load")
    view.close()


def test_heat_map_has_a_cell_per_person_and_skill(
    browser: Any, pages: dict[str, Path]
) -> None:
    """Eight people by every skill of the role, each cell a level 0-4 coloured by gap."""
    view = _open(browser, pages["team"], 1280)
    heat = view.locator("section#call-center-director table.heat")
    skills = heat.locator("th.skill").count()
    assert skills >= 20
    cells = heat.locator("td")
    assert cells.count() == TEAM_SIZE * skills
    classes = {cells.nth(i).get_attribute("class") for i in range(cells.count())}
    assert classes <= {"h-met", "h-near", "h-far"}
    assert len(classes) == 3
    levels = {cells.nth(i).inner_text() for i in range(cells.count())}
    assert levels <= {"0", "1", "2", "3", "4"}
    view.close()


def test_screenshots_have_content(
    browser: Any, pages: dict[str, Path], tmp_path: Path
) -> None:
    """Full-page screenshots at both widths are real pages, not blank ones."""
    from PIL import Image, ImageStat

    for name in ("report", "team"):
        for width in (1280, 400):
            view = _open(browser, pages[name], width)
            shot = tmp_path / f"{name}-{width}.png"
            view.screenshot(path=str(shot), full_page=True)
            view.close()
            image = Image.open(shot).convert("L")
            assert image.size[0] == width
            assert ImageStat.Stat(image).stddev[0] > 10


def test_the_team_page_runs_no_other_script(pages: dict[str, Path]) -> None:
    """The CSP names exactly one script hash, and it is the hash of the page's script."""
    import base64
    import hashlib

    html = pages["team"].read_text(encoding="utf-8")
    hashes = re.findall(r"'sha256-([A-Za-z0-9+/=]+)'", html)
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(hashes) == 1
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert hashes == [digest]
    assert "unsafe-inline'" not in html.split("script-src", 1)[1].split(";", 1)[0]
