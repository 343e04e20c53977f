"""
Any guide as people save it (issue 14): the same guide as a browser copy, a Markdown page
or a saved web page builds the same taxonomy as its tidy text.
"""

import html
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import FIXTURES, GUIDES, ROOT, run_gapcoach

from gapcoach.taxonomy import build_taxonomy, dump_taxonomy

SHIPPED = ["call-center-director", "call-center-operations-manager"]
SAVED = FIXTURES / "guides" / "saved"
NEW_GUIDES = ["workforce-management-analyst", "contact-center-training-manager"]
FORMS = ["txt", "saved.txt", "md", "saved.html"]

_HEADINGS = {
    "Key Facts & Statistics",
    "Key Responsibilities",
    "Work Environment",
    "Tools & Technologies",
    "Skills & Qualifications",
    "Technical Skills",
    "Soft Skills",
    "Career Path",
    "Salary by Experience Level",
    "Education & Training",
    "Frequently Asked Questions",
}

_NAVIGATION = [
    "How to Become a {role}: Career Path & Guide | CareerCrest",
    "Home",
    "Careers",
    "Guides",
    "Sign in",
    "Guides › Customer Service › {role}",
]
_FOOTER = [
    "Related guides",
    "Call Center Supervisor Career Guide",
    "Privacy · Terms",
    "© 2026 CareerCrest. All rights reserved.",
]


def _role(lines: list[str]) -> str:
    return lines[0].removeprefix("Complete ").removesuffix(" Career Guide")


def _page(lines: list[str]) -> list[str]:
    role = _role(lines)
    return [line.format(role=role) for line in _NAVIGATION] + lines + _FOOTER


def blank_lines(lines: list[str]) -> str:
    """A browser copy: an empty line between every line."""
    return "\n\n".join(lines) + "\n"


def page_copy(lines: list[str]) -> str:
    """The page's title and navigation above the heading, its footer below."""
    return "\n".join(_page(lines)) + "\n"


def crlf(lines: list[str]) -> str:
    return "\r\n".join(lines) + "\r\n"


def smart(lines: list[str]) -> str:
    """Smart quotes, non-breaking spaces and a byte-order mark, as a word processor saves."""
    text = "\n".join(lines)
    text = re.sub(r"'", "\u2019", text)
    text = re.sub(r'"([^"]*)"', "\u201c\\1\u201d", text)
    text = text.replace(" USD", "\u00a0USD").replace(", ", ",\u00a0", 3)
    return "\ufeff" + text + "\n"


def bullets(mark: str) -> Callable[[list[str]], str]:
    def convert(lines: list[str]) -> str:
        out, number = [], 0
        for line in lines:
            if line.startswith("- "):
                number += 1
                prefix = f"{number}." if mark == "1." else mark
                out.append(f"{prefix} {line[2:]}")
            else:
                number = 0
                out.append(line)
        return "\n".join(out) + "\n"

    convert.__name__ = f"bullets {mark}"
    return convert


def markdown(lines: list[str]) -> str:
    """Markdown: '#' headings, '*' bullets, '**bold**' steps and a table with edges."""
    out = []
    for index, line in enumerate(lines):
        if index == 0:
            out.append(f"# {line}")
        elif line in _HEADINGS:
            out.append(f"## {line}")
        elif re.fullmatch(r"Step \d+", line):
            out.append(f"### {line}")
        elif line.startswith("- "):
            out.append(f"* {line[2:]}")
        elif line.count("|") >= 3 and line.endswith("|"):
            out.append(f"| {line}")
        else:
            out.append(line)
        out.append("")
    return "\n".join(out)


def web_page(lines: list[str]) -> str:
    """A saved web page: head, styles, scripts, navigation, a cookie banner, the guide in
    <article> (h1, h2, p, ul/li, a table), a footer."""
    role = _role(lines)
    body: list[str] = []
    in_list = in_table = False
    for index, line in enumerate(lines):
        escaped = html.escape(line)
        if line.startswith("- ") != in_list:
            body.append("<ul>" if not in_list else "</ul>")
            in_list = not in_list
        is_row = line.count("|") >= 3 and line.endswith("|")
        if is_row != in_table:
            body.append("<table>" if not in_table else "</table>")
            in_table = not in_table
        if index == 0:
            body.append(f"<header><h1>{escaped}</h1></header>")
        elif line.startswith("- "):
            body.append(f"<li>{html.escape(line[2:])}</li>")
        elif is_row:
            cells = [cell.strip() for cell in line.rstrip("|").split("|")]
            if set("".join(cells)) <= {"-", ":"}:
                continue  # the rule row: a header row of <th> cells says it
            tag = "th" if lines[index + 1].startswith("---") else "td"
            row = "".join(f"<{tag}>{html.escape(cell)}</{tag}>" for cell in cells)
            body.append(f"<tr>{row}</tr>")
        elif line in _HEADINGS:
            body.append(f"<h2>{escaped}</h2>")
        else:
            body.append(f'<p class="x">{escaped.replace(" ", "  ", 1)}</p>')
    body.append("</ul>" if in_list else "")
    body.append("</table>" if in_table else "")
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<title>How to Become a {html.escape(role)} | CareerCrest</title>"
        "<style>body { font: 16px sans-serif } .x::before { content: 'Step' }</style>"
        "<script>window.dataLayer = [{'page': 'Technical Skills'}];</script>"
        "</head><body><header class='site'><nav><ul><li><a href='/'>Home</a></li>"
        "<li><a href='/g'>Guides</a></li></ul></nav></header>"
        "<div class='cookie-banner'><p>We use cookies.</p><button>Accept</button></div>"
        "<main><article>\n" + "\n".join(body) + "\n</article>"
        "<aside><h2>Soft Skills</h2><p>Related: Call Center Supervisor</p></aside></main>"
        "<footer><p>© 2026 CareerCrest. All rights reserved.</p></footer>"
        "<script>track()</script></body></html>\n"
    )


VARIANTS: dict[str, Callable[[list[str]], str]] = {
    "blank lines": blank_lines,
    "page title, navigation and footer": page_copy,
    "CRLF": crlf,
    "smart quotes, no-break spaces, BOM": smart,
    "bullets •": bullets("•"),
    "bullets *": bullets("*"),
    "bullets –": bullets("–"),
    "bullets ·": bullets("·"),
    "numbered bullets": bullets("1."),
    "Markdown": markdown,
    "web page": web_page,
    "all at once": lambda lines: crlf(
        blank_lines(_page(smart(lines).lstrip("\ufeff").splitlines())).splitlines()
    ),
}

_SHA_LINE_RE = re.compile(r"^  sha256: [0-9a-f]{64}$", re.MULTILINE)


def _without_file_hash(text: str) -> str:
    """A taxonomy's YAML without the hash of the file it was built from."""
    return _SHA_LINE_RE.sub("  sha256: -", text)


class TestShippedGuidesSavedAnyWay:
    """Every layout variant of both shipped guides rebuilds the committed taxonomy."""

    @pytest.mark.parametrize("role", SHIPPED)
    @pytest.mark.parametrize("variant", list(VARIANTS))
    def test_same_taxonomy(self, role: str, variant: str, tmp_path: Path) -> None:
        lines = (GUIDES / f"{role}.txt").read_text(encoding="utf-8").split("\n")
        lines = [line for line in lines if line]
        saved = tmp_path / f"{role}.txt"  # (the same name: the YAML names the file)
        saved.write_bytes(VARIANTS[variant](lines).encode("utf-8"))
        built = dump_taxonomy(build_taxonomy(saved, role_id=role))
        committed = (ROOT / "data" / "skills" / f"{role}.yaml").read_text(
            encoding="utf-8"
        )
        assert _without_file_hash(built) == _without_file_hash(committed)
        # (the hash is the very file's that was read: a different file, a different hash)
        assert built != committed

    @pytest.mark.parametrize("guide", NEW_GUIDES)
    @pytest.mark.parametrize("variant", list(VARIANTS))
    def test_new_guides_too(self, guide: str, variant: str, tmp_path: Path) -> None:
        """The same variants of the two new guides build what their tidy text builds."""
        clean = SAVED / f"{guide}.txt"
        lines = [line for line in clean.read_text(encoding="utf-8").split("\n") if line]
        folder = tmp_path / "saved"
        folder.mkdir()
        saved = folder / clean.name
        saved.write_bytes(VARIANTS[variant](lines).encode("utf-8"))
        built = dump_taxonomy(build_taxonomy(saved))
        assert _without_file_hash(built) == _without_file_hash(
            dump_taxonomy(build_taxonomy(clean))
        )

    @pytest.mark.parametrize("suffix", [".md", ".html", ".htm"])
    def test_by_extension(self, suffix: str, tmp_path: Path) -> None:
        """A .md or .html guide builds through the CLI as the .txt does."""
        lines = [
            line
            for line in (GUIDES / f"{SHIPPED[0]}.txt")
            .read_text(encoding="utf-8")
            .split("\n")
            if line
        ]
        text = markdown(lines) if suffix == ".md" else web_page(lines)
        saved = tmp_path / f"guide{suffix}"
        saved.write_text(text, encoding="utf-8")
        done = run_gapcoach("taxonomy", "build", str(saved), "--id", SHIPPED[0])
        assert done.returncode == 0, done.stderr
        built = yaml.safe_load(done.stdout)
        committed = yaml.safe_load(
            (ROOT / "data" / "skills" / f"{SHIPPED[0]}.yaml").read_text(
                encoding="utf-8"
            )
        )
        del built["source"], committed["source"]
        assert built == committed


def _money(text: str) -> int:
    match = re.search(r"\$\s*([\d,]+)\s*(k)?", text, re.IGNORECASE)
    assert match is not None, text
    value = float(match.group(1).replace(",", ""))
    return round(value * 1000 if match.group(2) else value)


def _expected(guide: str) -> dict[str, Any]:
    data = yaml.safe_load((SAVED / f"{guide}.expected.yaml").read_text("utf-8"))
    assert isinstance(data, dict)
    return data


class TestNewGuides:
    """
    Two fictional guides of other contact-center roles, written by someone who never saw
    the builder, each saved as a tidy text, a browser copy (empty lines, navigation,
    footer, CRLF, '•' bullets, smart quotes), Markdown and a web page, build exactly the
    skills, ladder and salary table their writer lists in `<guide>.expected.yaml`.
    """

    @pytest.mark.parametrize("guide", NEW_GUIDES)
    @pytest.mark.parametrize("form", FORMS)
    def test_skills_ladder_salary(self, guide: str, form: str) -> None:
        expected = _expected(guide)
        built = build_taxonomy(SAVED / f"{guide}.{form}")
        assert built.title == expected["role"]
        assert [(s.name, s.category) for s in built.skills] == [
            (s["name"], s["category"]) for s in expected["skills"]
        ]
        assert [
            (level.name, level.years_text, level.description, level.focus_areas)
            for level in built.ladder
        ] == [
            (level["level"], level["years"], level["description"], level["focus_areas"])
            for level in expected["career_ladder"]
        ]
        assert [
            (row.level, row.median_usd, row.average_usd) for row in built.salary_table
        ] == [
            (row["level"], _money(row["us_median"]), _money(row["us_average"]))
            for row in expected["salary_table"]["rows"]
        ]

    def test_the_lists_in_full(self) -> None:
        """The writer's lists, spelled out: 17 and 18 skills, six rungs each."""
        analyst, trainer = (_expected(guide) for guide in NEW_GUIDES)
        assert [s["name"] for s in analyst["skills"]] == [
            "Workforce Management (WFM) Platforms",
            "Contact Volume Forecasting",
            "Erlang C and Staffing Models",
            "Schedule Optimization",
            "Intraday Management and Real-Time Analysis",
            "Capacity Planning and Hiring Models",
            "Shrinkage and Occupancy Analysis",
            "SQL and Data Querying",
            "Spreadsheet and Statistical Modelling",
            "Reporting and Dashboard Automation",
            "Skills-Based and Omnichannel Routing",
            "Attention to Detail",
            "Data Storytelling",
            "Composure Under Pressure",
            "Influencing Without Authority",
            "Fairness and Discretion",
            "Curiosity and Continuous Learning",
        ]
        assert [level["level"] for level in analyst["career_ladder"]] == [
            "Real-Time Analyst",
            "Workforce Management Analyst",
            "Senior Workforce Management Analyst",
            "Workforce Planning Manager",
            "Director of Workforce Management",
            "VP of Workforce Strategy",
        ]
        assert [s["name"] for s in trainer["skills"]] == [
            "Instructional Design Models",
            "Training Needs Analysis (TNA) and Skills Gap Assessment",
            "Learning Management Systems (LMS)",
            "E-Learning Authoring Tools",
            "Curriculum Evaluation Frameworks",
            "Blended Learning Delivery",
            "Virtual Classroom Platforms",
            "Simulation and Role-Play Environments",
            "Onboarding, Nesting, and Speed-to-Proficiency Program Design",
            "Learning Analytics and Reporting",
            "Knowledge Management Platforms",
            "Facilitation and Presentation",
            "Train-the-Trainer Coaching",
            "Stakeholder Partnership",
            "Empathy for Adult Learners",
            "Program and Priority Management",
            "Change Management",
            "Data-Informed Judgment",
        ]
        assert [level["level"] for level in trainer["career_ladder"]] == [
            "Contact Center Trainer",
            "Senior Contact Center Trainer",
            "Contact Center Training Manager",
            "Senior Training Manager",
            "Director of Learning & Development",
            "VP of Learning & Development",
        ]
        assert [row["us_median"] for row in analyst["salary_table"]["rows"]] == [
            "$48k USD",
            "$62k USD",
            "$78k USD",
            "$98k USD",
            "$135k USD",
            "$175k USD",
        ]


class TestNotAGuide:
    """Strict about content: one `Error:` line and exit 1."""

    @pytest.mark.parametrize(
        ("name", "content"),
        [
            ("notes.txt", b"Shopping list\n- eggs\n- milk\n"),
            ("empty.txt", b""),
            ("blank.md", b"\n\n  \n"),
            ("binary.txt", bytes(range(256)) * 8),
            (
                "page.html",
                b"<!DOCTYPE html><html><head><title>News</title>"
                b"<script>alert(1)</script></head><body><nav>Home</nav>"
                b"<article><h1>Weather today</h1><p>Sunny.</p></article></body></html>",
            ),
            ("page.htm", b"<html><body></body></html>"),
        ],
    )
    def test_one_error_line(self, name: str, content: bytes, tmp_path: Path) -> None:
        path = tmp_path / name
        path.write_bytes(content)
        done = run_gapcoach("taxonomy", "build", str(path))
        assert done.returncode == 1
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1, done.stderr
        assert lines[0].startswith("Error: "), done.stderr
        assert "Traceback" not in done.stderr


@pytest.fixture(scope="module")
def trainer() -> Any:
    """The Training Manager role, built from its blind-written guide (17 unknown skills)."""
    return build_taxonomy(SAVED / "contact-center-training-manager.txt")


class TestBuiltRoleWithoutTheLexicon:
    """
    A built role is complete without the lexicon (issue 14, point 3): what the lexicon
    gives the shipped roles is derived from the guide's own text, and said so.
    """

    def test_unknown_skills_are_derived_known_ones_reviewed(self, trainer: Any) -> None:
        derived = {s.name: s.derived for s in trainer.skills}
        # "Change Management" is a shipped skill: the reviewed lexicon gives it all
        assert derived.pop("Change Management") == []
        assert set(map(tuple, derived.values())) == {
            ("aliases", "weight", "target_level", "actions")
        }

    def test_the_shipped_roles_are_all_reviewed(self) -> None:
        for role in SHIPPED:
            built = build_taxonomy(GUIDES / f"{role}.txt", role_id=role)
            assert all(skill.derived == [] for skill in built.skills), role

    def test_aliases_from_the_guide(self, trainer: Any) -> None:
        lms = next(
            s for s in trainer.skills if s.name.startswith("Learning Management")
        )
        assert "LMS" in lms.acronyms
        assert "learning management systems" in lms.aliases
        # the tools its description names
        tools = " ".join(lms.aliases)
        assert "cornerstone" in tools or "docebo" in tools or "workday" in tools, tools

    def test_weights_and_targets_from_where_the_guide_names_them(
        self, trainer: Any
    ) -> None:
        """A manager's skills need level 3; the more places name one, the more it weighs."""
        unknown = [s for s in trainer.skills if s.derived]
        assert {s.target_level for s in unknown} == {3}
        weights = {s.name: s.weight for s in unknown}
        assert set(weights.values()) <= {1.0, 1.25, 1.5, 1.75}
        assert len(set(weights.values())) >= 2  # the guide weighs them differently
        assert (
            weights["Instructional Design Models"]
            > weights["Empathy for Adult Learners"]
        )

    def test_first_action_is_the_guides_own_step(self, trainer: Any) -> None:
        steps = {step.number: step.text for step in trainer.steps}
        grounded = [
            s.actions["start"].text
            for s in trainer.skills
            if s.derived and "(the guide's step" in s.actions["start"].text
        ]
        assert grounded, "no skill took its first action from the guide's steps"
        for text in grounded:
            number = int(text.rsplit("(the guide's step ", 1)[1].split(",")[0])
            assert text.split(" (the guide's step")[0] in steps[number]

    def test_skills_view_says_where_parts_come_from(self, tmp_path: Path) -> None:
        built = tmp_path / "trainer.yaml"
        done = run_gapcoach(
            "taxonomy",
            "build",
            str(SAVED / "contact-center-training-manager.md"),
            "-o",
            str(built),
        )
        assert done.returncode == 0, done.stderr
        role = "contact-center-training-manager"
        table = run_gapcoach("skills", role, "--taxonomy", str(built))
        assert table.returncode == 0, table.stderr
        assert "reviewed lexicon" in table.stdout
        assert "guide: wording, weight, target, actions" in table.stdout
        data = yaml.safe_load(
            run_gapcoach("skills", role, "--taxonomy", str(built), "--json").stdout
        )
        derived = {s["name"]: s["derived"] for s in data["skills"]}
        assert derived["Change Management"] == []
        assert derived["Facilitation and Presentation"] == [
            "aliases",
            "weight",
            "target_level",
            "actions",
        ]

    def test_every_report_says_so(self, tmp_path: Path) -> None:
        built = tmp_path / "trainer.yaml"
        assert (
            run_gapcoach(
                "taxonomy",
                "build",
                str(SAVED / "contact-center-training-manager.txt"),
                "-o",
                str(built),
            ).returncode
            == 0
        )
        resume = ROOT / "examples" / "resumes" / "supervisor.txt"
        outputs = {}
        for view in ("json", "md", "html", "rich"):
            done = run_gapcoach(
                "assess", str(resume), "--taxonomy", str(built), "--format", view
            )
            assert done.returncode == 0, done.stderr
            outputs[view] = done.stdout
        report = json.loads(outputs["json"])
        skills = report["assessments"][0]["skills"]
        assert sum(bool(s["derived"]) for s in skills) == 17
        note = "17 of 18 skills of this role are not in gapcoach's reviewed lexicon"
        for view in ("md", "html", "rich"):
            assert note in html.unescape(" ".join(outputs[view].split())), view
        assert "Facilitation and Presentation †" in outputs["md"]


class TestAutoLevels:
    """
    The default matcher reads the skills nobody wrote wording for with the learned level
    model, and the reviewed ones with the rules: a built role finds its skills.
    """

    def test_unknown_skills_read_by_the_learned_model(self, trainer: Any) -> None:
        """
        Assessed together with a shipped role, the built role's unknown skills get the
        learned model's levels and the reviewed skills the rules' (bench/new_guide.py
        measures what that does to readiness).
        """
        from gapcoach.ingest import read_resume
        from gapcoach.match import SkillMatcher
        from gapcoach.taxonomy import load_taxonomies

        text = (
            "Training Manager, Acme Contact Center  2019 - Present\n"
            "- Redesigned new-hire onboarding and nesting with ADDIE; speed to "
            "proficiency down from 9 to 6 weeks\n"
            "- Ran train-the-trainer workshops for 12 trainers and facilitated "
            "virtual classrooms in Zoom\n"
            "- Built courses in Articulate Storyline and tracked completion in the "
            "Cornerstone LMS\n"
            "- Cut AHT 12% by coaching 40 agents in Genesys Cloud\n"
        )
        document = read_resume("EXPERIENCE\n" + text, today=(2026, 11))
        roles = [*load_taxonomies().values(), trainer]

        def levels(kind: str) -> dict[str, tuple[int, list[str]]]:
            return {
                m.skill_id: (m.level, [e.method for e in m.evidence])
                for m in SkillMatcher(levels=kind).fit(roles).match(document)
            }

        auto, rules, learned = levels("auto"), levels("rules"), levels("learned")
        unknown = {s.id for s in trainer.skills if s.derived}
        assert unknown
        for skill_id, found in auto.items():
            expected = learned if skill_id in unknown else rules
            assert found == expected[skill_id], skill_id
        assert any(auto[s][0] >= 2 for s in unknown)
        assert {m for s in unknown for m in auto[s][1]} <= {"learned"}

    def test_shipped_roles_read_by_the_rules_alone(self) -> None:
        from gapcoach.match import SkillMatcher
        from gapcoach.taxonomy import load_taxonomies

        matcher = SkillMatcher().fit(list(load_taxonomies().values()))
        assert matcher.unreviewed_ == frozenset()
        assert matcher.level_model_ is None


class TestMissingSections:
    """Lenient about layout: a guide missing a section builds, with a warning."""

    def _guide(self, tmp_path: Path, drop: list[str]) -> Path:
        lines = (GUIDES / "call-center-director.txt").read_text("utf-8").split("\n")
        out, skipping = [], False
        for line in lines:
            if line in drop:
                skipping = True
                continue
            if skipping and line in (
                "Diversity & Inclusion in Call Center Director Roles",
                "Market Commentary",
            ):
                skipping = False
            if not skipping:
                out.append(line)
        path = tmp_path / "guide.txt"
        path.write_text("\n".join(out), encoding="utf-8")
        return path

    def test_no_ladder_no_salary(self, tmp_path: Path) -> None:
        guide = self._guide(tmp_path, ["Career Path", "Salary by Experience Level"])
        warnings: list[str] = []
        built = build_taxonomy(guide, warnings=warnings)
        assert len(built.skills) == 20
        assert [level.name for level in built.ladder] == ["Call Center Director"]
        assert built.experience.years_min == 0
        assert any("No 'Career Path' section" in w for w in warnings)
        assert any("no salary per rung" in w for w in warnings)
        done = run_gapcoach(
            "taxonomy", "build", str(guide), "-o", str(tmp_path / "t.yaml")
        )
        assert done.returncode == 0, done.stderr
        assert "Warning: No 'Career Path' section" in done.stderr
        assessed = run_gapcoach(
            "assess",
            str(ROOT / "examples" / "resumes" / "supervisor.txt"),
            "--taxonomy",
            str(tmp_path / "t.yaml"),
            "--format",
            "json",
        )
        assert assessed.returncode == 0, assessed.stderr
        assert json.loads(assessed.stdout)["assessments"][0]["readiness"] > 0

    def test_dry_run_writes_nothing(self, tmp_path: Path) -> None:
        out = tmp_path / "t.yaml"
        done = run_gapcoach(
            "taxonomy",
            "build",
            str(SAVED / "workforce-management-analyst.saved.html"),
            "--dry-run",
            "-o",
            str(out),
        )
        assert done.returncode == 0, done.stderr
        assert not out.exists()
        text = " ".join(done.stdout.split())
        assert "Would build Workforce Management Analyst" in text
        assert "skills: 17 (11 technical, 6 soft)" in text
        assert "derived from the guide's own text: 17" in text
        assert "ladder: 6 rungs: Real-Time Analyst (0-2 years)" in text
        assert "salary table: 6 rows" in text
        assert "Dry run: nothing written." in text
