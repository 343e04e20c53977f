"""
Hostile text in every view: no script runs in an HTML report (checked in headless
Chromium), no raw HTML or link in Markdown, no live formula in CSV, no escape sequence or
rich markup from the input in the terminal.
"""

import base64
import csv
import hashlib
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from helpers import CHROMIUM_FLAGS, EXAMPLES, run_gapcoach
from typer.testing import CliRunner

from gapcoach import Assessor
from gapcoach.batch import Cohort, assess_many, csv_cell
from gapcoach.cli import app
from gapcoach.render import (
    render_cohort_html,
    render_html,
    render_markdown,
)
from gapcoach.taxonomy import default_skills_dir

ROLE = "call-center-operations-manager"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _own_script() -> str:
    """The team view's one script, as the package ships it."""
    from importlib.resources import files

    return (files("gapcoach") / "templates" / "sort.js").read_text(encoding="utf-8")


def _without_own_script(html: str) -> str:
    """The page with the team view's own script taken out (it must be there once)."""
    own = f"<script>{_own_script()}</script>"
    assert html.count(own) == 1
    return html.replace(own, "")


def _payload(field: str) -> str:
    """Markup that, if it ever ran, would mark the page with '<field>HIT' (never literal)."""
    return f"<img src=x onerror=\"document.body.dataset.hit='{field}'+'HIT'\">"


def _svg(field: str) -> str:
    return f"<svg onload=\"document.title='{field}'+'HIT'\">"


def _breakout(field: str) -> str:
    """Closes an attribute and a tag, then opens a script."""
    return f"\"'><script>document.title='{field}'+'HIT'</script>"


RESUME = f"""Jane Roe {_payload("name")}
Call Center Supervisor {_breakout("title")}

EXPERIENCE
Call Center Supervisor, Acme Contact Center, 2019 - Present
- Coached a team of 14 agents in Genesys and Calabrio QA {_payload("evidence")}
- Built the weekly schedule | in NICE IEX {_svg("evidence2")} [x](javascript:alert(1))
Customer Service Agent, Acme Contact Center, 2016 - 2019
- Handled 80 inbound calls a day in Salesforce
"""


def _hostile_taxonomy(tmp_path: Path) -> Path:
    """The shipped role with payloads in its id, title, skill names and plan actions."""
    data = yaml.safe_load((default_skills_dir() / f"{ROLE}.yaml").read_text())
    data["role_id"] = "ops\"><svg onload=\"document.title='role'+'HIT'\">"
    data["title"] = f"Operations Manager {_payload('role-title')}"
    for index, skill in enumerate(data["skills"][:4]):
        skill["name"] = f"{skill['name']} {_breakout(f'skill{index}')}"
        for action in (skill.get("actions") or {}).values():
            action["text"] = f"{action['text']} {_payload(f'action{index}')}"
    path = tmp_path / "taxonomy.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """One hostile assessment and one hostile team view, written as HTML pages."""
    folder = tmp_path_factory.mktemp("hostile")
    resume = folder / f"{_svg('file')}.txt"
    resume.write_text(RESUME, encoding="utf-8")
    ratings = folder / f"{_payload('ratings-file')}.yaml"
    ratings.write_text(
        (EXAMPLES / "ratings" / "supervisor-ratings.yaml").read_text(encoding="utf-8")
    )
    taxonomy = _hostile_taxonomy(folder)
    report = Assessor(taxonomy=taxonomy).assess(resume, ratings=ratings)
    missing = folder / f"{_payload('missing-file')}.txt"
    cohort = Cohort()
    for result in assess_many([resume, missing], taxonomy=taxonomy):
        cohort.add(result)
    pages = {
        "report": render_html(report),
        "team": render_cohort_html(cohort, version="test"),
    }
    for name, html in pages.items():
        (folder / f"{name}.html").write_text(html, encoding="utf-8")
    return {"folder": folder, "report": report, "pages": pages, "cohort": cohort}


class TestHtml:
    """Every user-derived field is escaped, and a CSP forbids scripts anyway."""

    @pytest.mark.parametrize("page", ["report", "team"])
    def test_no_user_markup_survives_in_the_source(self, hostile, page) -> None:
        """No tag or attribute from the input appears unescaped in the page source."""
        html = hostile["pages"][page]
        if page == "team":
            html = _without_own_script(html)
        assert "HIT" in html  # the payloads did reach the page, as text
        for raw in ("<img src=x", "<svg onload", "<script"):
            assert raw not in html
        assert "&lt;img src=x onerror=" in html or "&lt;svg onload=" in html

    @pytest.mark.parametrize("page", ["report", "team"])
    def test_content_security_policy_forbids_scripts(self, hostile, page) -> None:
        """
        The page carries a CSP meta with default-src 'none'; the report allows no
        script, the team view only its own, by the hash of its text.
        """
        html = hostile["pages"][page]
        policy = re.search(
            r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html
        )
        assert policy is not None
        assert "default-src 'none'" in policy.group(1)
        if page == "report":
            assert "script-src" not in policy.group(1)
            return
        digest = base64.b64encode(
            hashlib.sha256(_own_script().encode("utf-8")).digest()
        ).decode("ascii")
        sources = re.search(r"script-src ([^;]+)", policy.group(1))
        assert sources is not None
        assert sources.group(1).strip() == f"'sha256-{digest}'"

    def test_ids_stay_inside_their_attribute(self, hostile) -> None:
        """A role id with quotes is escaped inside id="..." instead of closing it."""
        html = hostile["pages"]["report"]
        assert 'id="ops&#34;&gt;&lt;svg onload=' in html

    @pytest.mark.slow
    @pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
    @pytest.mark.parametrize("page", ["report", "team"])
    def test_no_script_runs_in_the_browser(self, hostile, page, tmp_path) -> None:
        """Chromium loads the page; no payload marks the DOM and the text shows as text."""
        flags = [
            *CHROMIUM_FLAGS,
            f"--user-data-dir={tmp_path / 'profile'}",
            "--virtual-time-budget=2000",
            "--dump-dom",
        ]
        uri = (hostile["folder"] / f"{page}.html").as_uri()
        result = subprocess.run(
            [CHROMIUM or "chromium", *flags, uri],
            capture_output=True,
            text=True,
            timeout=120,
        )
        dom = result.stdout
        assert "<main>" in dom, result.stderr[-2000:]
        assert re.findall(r"\w+HIT", dom) == []  # no handler or script ever ran
        assert "data-hit" not in dom
        if page == "team":
            dom = _without_own_script(dom)
        assert "<script" not in dom
        title = re.search(r"<title>(.*?)</title>", dom, re.S)
        assert title is not None
        assert title.group(1).startswith("gapcoach")
        assert "&lt;img src=x onerror=" in dom  # shown to the reader as text


class TestMarkdown:
    """User text cannot become HTML or a link once the .md is rendered."""

    def test_no_raw_html_or_links(self, hostile) -> None:
        """Angle brackets, brackets and pipes from the input are escaped."""
        markdown = render_markdown(hostile["report"])
        assert "HIT" in markdown
        assert "<img" not in markdown
        assert "<svg" not in markdown
        assert "<script" not in markdown
        assert "](javascript:" not in markdown
        assert "&lt;img src=x onerror=" in markdown

    def test_table_rows_keep_their_columns(self, hostile) -> None:
        """A '|' in a skill name or evidence does not add a table column."""
        markdown = render_markdown(hostile["report"])
        assert "schedule \\| in" in markdown  # the resume's own "|" is there, escaped
        tables: list[list[int]] = [[]]
        for line in markdown.splitlines():
            if line.startswith("|"):
                tables[-1].append(len(re.split(r"(?<!\\)\|", line)))
            elif tables[-1]:
                tables.append([])
        tables = [t for t in tables if t]
        assert len(tables) >= 3
        for table in tables:
            assert len(set(table)) == 1, table  # every row as wide as the header


class TestCsv:
    """Cells a spreadsheet would run as formulas are neutralised (OWASP's rule)."""

    @pytest.mark.parametrize(
        "cell",
        ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"],
    )
    def test_formula_cells_get_a_quote(self, cell) -> None:
        """Each dangerous first character is prefixed with a single quote."""
        assert csv_cell(cell) == "'" + cell

    @pytest.mark.parametrize("cell", ["72.50", "jane.txt", "", "call-center-director"])
    def test_plain_cells_are_unchanged(self, cell) -> None:
        """Numbers, names and ids are written as they are."""
        assert csv_cell(cell) == cell

    def test_batch_csv_file_names(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A resume named like a formula, given by its bare name, lands as text in the
        batch CSV."""
        monkeypatch.chdir(tmp_path)
        resume = tmp_path / "=HYPERLINK(1)@x.txt"
        resume.write_text((EXAMPLES / "resumes" / "agent.txt").read_text())
        result = CliRunner().invoke(
            app, ["batch", resume.name, "--role", ROLE, "-o", "team.csv"]
        )
        assert result.exit_code == 0, result.output
        rows = list(csv.reader(io.StringIO((tmp_path / "team.csv").read_text())))
        assert rows[1][0] == "'" + resume.name


def _gapcoach(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return run_gapcoach(*args, stdin=stdin)


ESCAPES = (
    "\x1b[2J\x1b]0;owned\x07\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\\x9b31m"
)


class TestTerminal:
    """Piped output carries no control characters, and input is never rich markup."""

    @pytest.mark.parametrize(
        ("output_format", "line"),
        [
            ("rich", "Supervisor, Acme Contact Center, 2019"),
            ("md", "Coached a team"),
        ],
    )
    def test_escape_sequences_in_the_resume_are_dropped(
        self, output_format: str, line: str
    ) -> None:
        """ESC, OSC title and OSC 8 hyperlinks in a resume never reach stdout: in the
        job line the terminal view shows ("now <title>, <employer>") and in an evidence
        line of the Markdown report."""
        words = line.split(" ", 2)
        payload = f"{words[0]} {words[1]} {ESCAPES} {words[2]}"
        resume = RESUME.replace(line, payload)
        assert resume != RESUME
        result = _gapcoach(
            "assess", "-", "--role", ROLE, "-f", output_format, stdin=resume
        )
        assert result.returncode == 0, result.stderr
        assert words[2].split()[0] in result.stdout  # the line is shown
        assert "\x1b" not in result.stdout
        assert "\x9b" not in result.stdout
        assert "\x07" not in result.stdout

    def test_escape_sequences_in_a_file_name_are_dropped(self, tmp_path: Path) -> None:
        """A file name with ESC sequences is shown without them, in output and errors."""
        resume = tmp_path / "ja\x1b[2Jne\x1b]0;x\x07.txt"
        resume.write_text(RESUME, encoding="utf-8")
        shown = _gapcoach("assess", str(resume), "--role", ROLE)
        assert shown.returncode == 0, shown.stderr
        missing = _gapcoach("assess", str(tmp_path / "no\x1b[2Jpe.txt"))
        assert missing.returncode == 1
        for output in (shown.stdout, missing.stderr):
            assert "\x1b" not in output
            assert "\x07" not in output

    @pytest.mark.parametrize(
        "markup", ["[/bold]", "[link=https://evil.example]click[/link]", "[red]x"]
    )
    def test_markup_in_the_resume_is_text(self, markup: str) -> None:
        """Rich markup in a title or evidence line is printed as written, never parsed."""
        resume = RESUME.replace(
            "Call Center Supervisor {", f"Call Center Supervisor {markup} {{"
        ).replace("Coached", f"Coached {markup}")
        result = _gapcoach("assess", "-", "--role", ROLE, stdin=resume)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        assert markup.split("]")[0] in result.stdout
        assert "\x1b]8;" not in result.stdout

    def test_markup_in_a_missing_path_keeps_its_brackets(self, tmp_path: Path) -> None:
        """'[draft]/jane.txt' is named as written in the one Error line."""
        folder = tmp_path / "[draft]"
        folder.mkdir()
        result = _gapcoach("assess", str(folder / "[/bold]jane.txt"))
        assert result.returncode == 1
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert "[draft]" in lines[0]
        assert "[/bold]jane.txt" in lines[0]

    def test_markup_in_a_taxonomy_name(self, tmp_path: Path) -> None:
        """Taxonomy titles and skill names with markup list and assess without a crash."""
        data = yaml.safe_load((default_skills_dir() / f"{ROLE}.yaml").read_text())
        data["title"] = "Ops [/bold] Manager [link=https://evil.example]x[/link]"
        data["skills"][0]["name"] = "WFM [/red] software"
        path = tmp_path / "taxonomy.yaml"
        path.write_text(yaml.safe_dump(data), encoding="utf-8")
        for args in (
            ["roles", "--taxonomy", str(path)],
            ["skills", data["role_id"], "--taxonomy", str(path)],
            [
                "assess",
                str(EXAMPLES / "resumes" / "supervisor.txt"),
                "--taxonomy",
                str(path),
            ],
        ):
            result = _gapcoach(*args)
            assert result.returncode == 0, (args, result.stderr)
            assert "[/bold]" in result.stdout or "[/red]" in result.stdout
