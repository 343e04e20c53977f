"""
Tests of the BUILD and LOAD stage: guide -> taxonomy, lexicon, shipped files.
"""

import copy
import json
import re
from pathlib import Path

import pytest
import yaml
from helpers import FIXTURES, GUIDES, ROOT
from typer.testing import CliRunner

from gapcoach import TaxonomyError, build_taxonomy, load_taxonomies, load_taxonomy
from gapcoach.cli import app
from gapcoach.taxonomy import default_skills_dir, dump_taxonomy, load_lexicon

runner = CliRunner()
needs_guides = pytest.mark.skipif(not GUIDES.is_dir(), reason="../shared/guides absent")

OPS_SKILLS = [
    "Workforce Management (WFM) Software",
    "Customer Relationship Management (CRM) Systems",
    "Call Center Telephony Systems (ACD/IVR)",
    "Quality Assurance (QA) and Monitoring Tools",
    "Data Analysis and Reporting Tools",
    "Service Level Agreement (SLA) Management",
    "Process Improvement Methodologies",
    "Omnichannel Communication Platforms",
    "Knowledge Base Management",
    "Leadership and Team Development",
    "Analytical Thinking and Problem-Solving",
    "Strategic Planning and Execution",
    "Communication and Interpersonal Skills",
    "Adaptability and Change Management",
    "Customer Focus and Empathy",
    "Conflict Resolution and De-escalation",
]
DIRECTOR_SKILLS = [
    "Workforce Management (WFM) Software",
    "Customer Relationship Management (CRM) Systems",
    "Call Center Technologies",
    "Data Analysis and Reporting Tools",
    "Quality Assurance (QA) and Performance Monitoring Systems",
    "Process Improvement Methodologies",
    "Contact Center Analytics and Business Intelligence",
    "Cloud-based Contact Center Solutions (CCaaS) and VoIP technologies",
    "Speech Analytics and AI-powered customer service tools",
    "Project Management Software",
    "Security and Compliance Protocols",
    "Budget Management and Financial Forecasting Software",
    "Strategic Leadership",
    "Operational Acumen",
    "Change Management",
    "People Development",
    "Stakeholder Management",
    "Customer Advocacy",
    "Problem Solving",
    "Financial Management",
]


class TestShippedRoles:
    """The two shipped taxonomies, as the CLI lists them."""

    @pytest.mark.parametrize(
        ("role", "names", "ladder"),
        [
            (
                "call-center-operations-manager",
                OPS_SKILLS,
                [
                    ("Assistant Call Center Manager", "0-2 years"),
                    ("Call Center Supervisor", "2-4 years"),
                    ("Call Center Operations Manager", "5-8 years total experience"),
                    (
                        "Senior Call Center Operations Manager",
                        "8-12 years total experience",
                    ),
                    ("Call Center Director", "12-18 years total experience"),
                    ("VP of Call Center Operations", "18+ years total experience"),
                ],
            ),
            (
                "call-center-director",
                DIRECTOR_SKILLS,
                [
                    ("Call Center Supervisor", "2-4 years"),
                    ("Call Center Manager", "5-8 years total experience"),
                    ("Call Center Director", "8-12 years total experience"),
                    ("Senior Call Center Director", "12-18 years total experience"),
                    ("VP of Call Center Operations", "18-25 years total experience"),
                    ("Chief Customer Service Officer", "25+ years total experience"),
                ],
            ),
        ],
    )
    def test_skills_json_lists_every_guide_skill_and_the_ladder(
        self, role: str, names: list[str], ladder: list[tuple[str, str]]
    ) -> None:
        """`gapcoach skills ROLE --json` lists the guide's skills by name and its 6-level ladder."""
        result = runner.invoke(app, ["skills", role, "--json"], catch_exceptions=False)
        assert result.exit_code == 0
        data = json.loads(result.stdout)
        assert [s["name"] for s in data["skills"]] == names
        assert [(level["name"], level["years"]) for level in data["ladder"]] == ladder
        categories = {s["category"] for s in data["skills"]}
        assert categories == {"technical", "soft"}

    def test_every_skill_is_traceable_to_guide_lines(self, taxonomies: dict) -> None:
        """Each skill names the guide section and line it came from; that line holds its name."""
        for taxonomy in taxonomies.values():
            lines = (
                (GUIDES / taxonomy.source.file).read_text(encoding="utf-8").splitlines()
                if GUIDES.is_dir()
                else None
            )
            for skill in taxonomy.skills:
                source = skill.sources[0]
                assert source.section in {"Technical Skills", "Soft Skills"}
                if lines is not None:
                    assert lines[source.lines[0] - 1].startswith(
                        "- " + skill.name.split(" (")[0]
                    )

    def test_experience_requirement_comes_from_the_roles_own_ladder_level(
        self, taxonomies: dict
    ) -> None:
        """The ops manager needs 5+ years and the director 8+, as their ladder levels say."""
        ops = taxonomies["call-center-operations-manager"].experience
        director = taxonomies["call-center-director"].experience
        assert (ops.level_name, ops.years_min, ops.years_max) == (
            "Call Center Operations Manager",
            5,
            8,
        )
        assert (director.level_name, director.years_min, director.years_max) == (
            "Call Center Director",
            8,
            12,
        )

    def test_key_facts_and_salary_are_parsed(self, taxonomies: dict) -> None:
        """Median salary, growth, openings and the salary table reach the taxonomy."""
        director = taxonomies["call-center-director"]
        assert director.key_facts.median_salary_usd == 115160
        assert director.key_facts.growth_outlook == "6%"
        assert director.key_facts.annual_openings == 23000
        assert [(r.level, r.median_usd) for r in director.salary_table][:2] == [
            ("Call Center Supervisor", 60000),
            ("Call Center Manager", 80000),
        ]
        assert director.ladder[2].salary_median_usd == 120000

    def test_certifications_named_by_the_guides_are_found(
        self, taxonomies: dict
    ) -> None:
        """COPC, Lean Six Sigma and PMP are certifications of the director role."""
        ids = {c.id for c in taxonomies["call-center-director"].certifications}
        assert {"copc", "lean-six-sigma", "pmp"} <= ids

    @needs_guides
    @pytest.mark.parametrize(
        "role", ["call-center-operations-manager", "call-center-director"]
    )
    def test_rebuilding_reproduces_the_committed_file_byte_for_byte(
        self, role: str
    ) -> None:
        """The builder regenerates data/skills/<role>.yaml exactly from the guide and lexicon."""
        built = dump_taxonomy(build_taxonomy(GUIDES / f"{role}.txt"))
        committed = (ROOT / "data" / "skills" / f"{role}.yaml").read_text(
            encoding="utf-8"
        )
        assert built == committed


@pytest.fixture(scope="module")
def built():
    """The fixture guide built without the lexicon, once for the module."""
    # why module level: pytest 9.2 deprecates class-scoped fixtures written as instance
    # methods (PytestRemovedIn10Warning), and the instance a test sees is not the one
    # the fixture ran on
    return build_taxonomy(
        FIXTURES / "guides" / "workforce-planning-manager.txt", use_lexicon=False
    )


class TestFixtureGuide:
    """A fictional third guide, never seen while writing the parser."""

    expected = json.loads(
        (FIXTURES / "guides" / "workforce-planning-manager.expected.json").read_text()
    )

    def test_title_and_key_facts(self, built) -> None:
        """Title, median salary, growth and openings are read exactly."""
        assert built.title == self.expected["title"]
        assert built.role_id == "workforce-planning-manager"
        assert built.key_facts.median_salary_usd == self.expected["median_salary"]
        assert built.key_facts.growth_outlook == self.expected["growth_outlook"]
        assert built.key_facts.annual_openings == self.expected["annual_openings"]

    def test_skills_in_both_styles(self, built) -> None:
        """Technical skills in mixed 'Name: ...' / 'Name (e.g., ...)' style, then soft skills."""
        technical = [s.name for s in built.skills if s.category == "technical"]
        soft = [s.name for s in built.skills if s.category == "soft"]
        assert technical == self.expected["technical_skills"]
        assert soft == self.expected["soft_skills"]

    def test_ladder_with_glued_and_open_year_ranges(self, built) -> None:
        """The repeated ladder block is read once, with '15+' as an open range."""
        got = [
            {
                "name": level.name,
                "years_min": level.years_min,
                "years_max": level.years_max,
            }
            for level in built.ladder
        ]
        assert got == self.expected["ladder"]

    def test_salary_table(self, built) -> None:
        """The pipe-format salary table is read row by row."""
        got = [
            {
                "level": r.level,
                "median_k": r.median_usd // 1000,
                "average_k": r.average_usd // 1000,
            }
            for r in built.salary_table
        ]
        assert got == self.expected["salary_table"]

    def test_steps_are_read_once(self, built) -> None:
        """'How to become' steps appear twice in the guide but once in the taxonomy."""
        got = [" ".join(step.text.split()[:8]) for step in built.steps]
        assert got == self.expected["steps"]

    def test_guide_examples_become_aliases(self, built) -> None:
        """Product names listed after 'e.g.' become aliases, acronyms in parentheses acronyms."""
        wfm = next(
            s for s in built.skills if s.id == "workforce-management-wfm-software"
        )
        assert "WFM" in wfm.acronyms
        rta = next(s for s in built.skills if s.name.startswith("Real-Time Adherence"))
        assert "RTA" in rta.acronyms


class TestBuildErrors:
    """`gapcoach taxonomy build` on things that are not guides."""

    @pytest.mark.parametrize(
        ("content", "message"),
        [
            (
                b"",
                "is empty; expected a career guide with the sections Key Facts & "
                "Statistics, Technical Skills, Soft Skills, Career Path.",
            ),
            (
                b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
                "is a binary file, not a career guide in plain text.",
            ),
            (
                b"Dear team,\nthe meeting moved to Friday.\n",
                "is not a career guide of the supported format: missing title line "
                "'Complete <Role> Career Guide', Key Facts & Statistics, Technical Skills, "
                "Soft Skills, Career Path.",
            ),
        ],
        ids=["empty", "binary", "not-a-guide"],
    )
    def test_bad_input_exits_1_with_one_error_line(
        self, tmp_path: Path, content: bytes, message: str
    ) -> None:
        """Each bad file exits 1 with a one-line 'Error: ...' that says what is missing."""
        path = tmp_path / "input.txt"
        path.write_bytes(content)
        result = runner.invoke(app, ["taxonomy", "build", str(path), "--no-lexicon"])
        assert result.exit_code == 1
        assert result.stdout == ""
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1
        assert lines[0].startswith("Error: '")
        assert lines[0].endswith(message)

    def test_missing_file_and_folder(self, tmp_path: Path) -> None:
        """A path that does not exist or is a folder is an error, not a traceback."""
        missing = runner.invoke(app, ["taxonomy", "build", str(tmp_path / "nope.txt")])
        folder = runner.invoke(app, ["taxonomy", "build", str(tmp_path)])
        assert missing.exit_code == folder.exit_code == 1
        assert "does not exist" in missing.stderr
        assert "is a folder" in folder.stderr

    def test_build_writes_a_file_that_validates(self, tmp_path: Path) -> None:
        """-o writes a taxonomy that `taxonomy validate` accepts and `roles --taxonomy` lists."""
        out = tmp_path / "wpm.yaml"
        guide = FIXTURES / "guides" / "workforce-planning-manager.txt"
        built = runner.invoke(
            app, ["taxonomy", "build", str(guide), "-o", str(out), "--id", "wpm"]
        )
        assert built.exit_code == 0, built.stderr
        valid = runner.invoke(app, ["taxonomy", "validate", str(out)])
        assert valid.exit_code == 0
        assert "OK wpm: 12 skills, 5 ladder levels." in valid.stdout
        listed = runner.invoke(app, ["roles", "--taxonomy", str(out), "--json"])
        assert [r["role_id"] for r in json.loads(listed.stdout)] == ["wpm"]


class TestLexicon:
    """The hand-reviewed lexicon overlay."""

    def test_no_alias_maps_to_two_unrelated_skills(self) -> None:
        """An alias shared by two skills must sit inside one declared 'related' group."""
        lexicon = load_lexicon()
        groups = [set(group) for group in lexicon.related]
        owners: dict[str, set[str]] = {}
        for skill_id, entry in lexicon.skills.items():
            for alias in entry.aliases:
                owners.setdefault(alias.lower(), set()).add(skill_id)
            for acronym in entry.acronyms:
                owners.setdefault(acronym, set()).add(skill_id)
        unrelated = {
            alias: sorted(ids)
            for alias, ids in owners.items()
            if len(ids) > 1 and not any(ids <= group for group in groups)
        }
        assert unrelated == {}

    def test_short_acronyms_are_upper_case_tokens(self) -> None:
        """Acronyms are matched case-sensitively, so they must be short capitalised tokens."""
        for entry in load_lexicon().skills.values():
            for acronym in entry.acronyms:
                assert re.fullmatch(r"[A-Z][A-Za-z0-9&]{1,5}", acronym), acronym

    def test_every_lexicon_skill_exists_in_a_shipped_role(
        self, taxonomies: dict
    ) -> None:
        """The lexicon has no entry for a skill that no guide has (a typo would be silent)."""
        ids = {s.id for t in taxonomies.values() for s in t.skills}
        assert set(load_lexicon().skills) <= ids

    @pytest.mark.parametrize(
        ("entry", "where"),
        [
            ("skills:\n  problem-solving:\n    field_specfic: true\n", "field_specfic"),
            ("roles:\n  r:\n    s: {weight: many}\n", "weight"),
            ("certifications:\n  pmp:\n    aliases: [pmp]\n", "name"),
            ("skils: {}\n", "skils"),
        ],
    )
    def test_a_misspelt_or_wrong_entry_is_named(
        self, tmp_path: Path, entry: str, where: str
    ) -> None:
        """A typo in the lexicon is an error naming the key, not a silent default."""
        path = tmp_path / "lexicon.yaml"
        path.write_text("version: 1\n" + entry, encoding="utf-8")
        with pytest.raises(TaxonomyError, match=where):
            load_lexicon(path)

    def test_esco_uris_are_esco_skill_uris(self, taxonomies: dict) -> None:
        """Every ESCO URI points at an ESCO skill."""
        uris = [u for t in taxonomies.values() for s in t.skills for u in s.esco_uris]
        assert uris
        assert all(u.startswith("http://data.europa.eu/esco/skill/") for u in uris)


class TestValidate:
    """`gapcoach taxonomy validate` and loading user taxonomies."""

    def _write(self, tmp_path: Path, mutate) -> Path:
        data = yaml.safe_load(
            (default_skills_dir() / "call-center-operations-manager.yaml").read_text()
        )
        mutate(data)
        path = tmp_path / "bad.yaml"
        path.write_text(yaml.safe_dump(data))
        return path

    def test_missing_field_names_file_and_field(self, tmp_path: Path) -> None:
        """A taxonomy without its title fails with the file and the field named."""
        path = self._write(tmp_path, lambda d: d.pop("title"))
        result = runner.invoke(app, ["taxonomy", "validate", str(path)])
        assert result.exit_code == 1
        assert (
            result.stderr.strip()
            == f"Error: Invalid taxonomy '{path}': field 'title': Field required."
        )

    def test_duplicate_skill_id(self, tmp_path: Path) -> None:
        """Two skills with one id are refused."""
        path = self._write(
            tmp_path, lambda d: d["skills"].append(copy.deepcopy(d["skills"][0]))
        )
        with pytest.raises(
            TaxonomyError,
            match="duplicate skill id 'workforce-management-wfm-software'",
        ):
            load_taxonomy(path)

    def test_prerequisite_cycle(self, tmp_path: Path) -> None:
        """A cycle in prerequisites is refused and shown."""

        def cycle(d: dict) -> None:
            d["skills"][0]["prerequisites"] = [d["skills"][1]["id"]]
            d["skills"][1]["prerequisites"] = [d["skills"][0]["id"]]

        path = self._write(tmp_path, cycle)
        with pytest.raises(
            TaxonomyError,
            match="cycle customer-relationship-management-crm-systems -> "
            "workforce-management-wfm-software -> customer-relationship-management-crm-systems",
        ):
            load_taxonomy(path)

    def test_folder_of_taxonomies(self) -> None:
        """The shipped folder validates and holds exactly the two roles."""
        result = runner.invoke(app, ["taxonomy", "validate", str(default_skills_dir())])
        assert result.exit_code == 0
        assert sorted(load_taxonomies()) == [
            "call-center-director",
            "call-center-operations-manager",
        ]

    def test_unknown_role_suggests_the_closest(self) -> None:
        """A mistyped role id is an error with a suggestion."""
        result = runner.invoke(app, ["skills", "call-center-directr"])
        assert result.exit_code == 1
        assert "Did you mean 'call-center-director'?" in result.stderr
