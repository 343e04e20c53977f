"""
Tests of the ratings stage: self-rating files in, resolved Ratings out, and back.
"""

import json
from pathlib import Path

import pytest
from fixtures_ingest import FIXTURES, mini_taxonomy

from gapcoach import RatingsError
from gapcoach.models import Rating, Ratings, Skill
from gapcoach.ratings import (
    BACK,
    SKIP,
    Answer,
    dump_ratings,
    level_to_stars,
    load_ratings,
    run_questionnaire,
    stars_to_level,
)

TAXONOMY = mini_taxonomy()


def summary(ratings: Ratings) -> list[tuple[str, int, float]]:
    return [(rating.skill_id, rating.level, rating.raw) for rating in ratings.ratings]


def error(text: str, *, name: str = "mine.yaml") -> str:
    with pytest.raises(RatingsError) as caught:
        load_ratings(text, TAXONOMY, name=name)
    return str(caught.value)


class TestLoad:
    def test_yaml(self) -> None:
        """A YAML file: ids, names in any case and a typo all resolve, stars -> levels."""
        ratings = load_ratings(FIXTURES / "ratings.yaml", TAXONOMY)
        assert (ratings.name, ratings.scale, ratings.role) == (
            "ratings.yaml",
            "stars",
            "mini-role",
        )
        assert summary(ratings) == [
            ("workforce-management", 3, 4.0),
            ("conflict-resolution", 2, 3.0),
            ("coaching", 4, 5.0),
        ]
        assert [rating.line for rating in ratings.ratings] == [5, 6, 7]
        assert [rating.note for rating in ratings.ratings] == [
            None,
            None,
            "resolved 'Coachng and Feedbak' to 'Coaching and Feedback'",
        ]

    def test_json(self) -> None:
        """A JSON file with scale: levels keeps the values as levels."""
        ratings = load_ratings(FIXTURES / "ratings.json", TAXONOMY)
        assert ratings.scale == "levels"
        assert summary(ratings) == [
            ("workforce-management", 3, 3.0),
            ("crm-systems", 0, 0.0),
            ("coaching", 4, 4.0),
        ]
        assert [rating.line for rating in ratings.ratings] == [5, 6, 7]

    def test_csv(self) -> None:
        """A CSV file with the header skill,rating; a 5 means stars."""
        ratings = load_ratings(FIXTURES / "ratings.csv", TAXONOMY)
        assert (ratings.scale, ratings.role) == ("stars", None)
        assert summary(ratings) == [
            ("workforce-management", 3, 4.0),
            ("crm-systems", 1, 2.0),
            ("coaching", 4, 5.0),
        ]
        assert [rating.line for rating in ratings.ratings] == [2, 3, 4]

    def test_near_miss_note(self) -> None:
        """A misspelt guide name resolves, and the note says to what."""
        ratings = load_ratings("ratings:\n  Workforse Managment Tools: 4\n", TAXONOMY)
        assert ratings.ratings[0] == Rating(
            skill_id="workforce-management",
            level=3,
            raw=4.0,
            line=2,
            note="resolved 'Workforse Managment Tools' to 'Workforce Management (WFM) Tools'",
        )

    def test_acronym(self) -> None:
        """A skill's acronym names it, with a note."""
        ratings = load_ratings("ratings:\n  wfm: 2\n", TAXONOMY)
        assert ratings.ratings[0].skill_id == "workforce-management"
        assert ratings.ratings[0].note == (
            "resolved 'wfm' to 'Workforce Management (WFM) Tools'"
        )

    @pytest.mark.parametrize(
        ("text", "scale"),
        [
            ("ratings:\n  coaching: 5\n  crm-systems: 2\n", "stars"),
            ("ratings:\n  coaching: 0\n  crm-systems: 2\n", "levels"),
            ("ratings:\n  coaching: 3\n  crm-systems: 2\n", "stars"),
            ("scale: levels\nratings:\n  coaching: 3\n", "levels"),
            ("scale: Stars\nratings:\n  coaching: 3\n", "stars"),
        ],
        ids=[
            "a-5-means-stars",
            "a-0-means-levels",
            "default-stars",
            "explicit",
            "any-case",
        ],
    )
    def test_scale(self, text: str, scale: str) -> None:
        """The scale is the file's own, else detected: 5 -> stars, 0 -> levels, else stars."""
        assert load_ratings(text, TAXONOMY).scale == scale

    def test_star_mapping(self) -> None:
        """Stars map 1->0, 2->1, 3->2, 4->3, 5->4, and back."""
        assert [stars_to_level(stars) for stars in range(1, 6)] == [0, 1, 2, 3, 4]
        assert [level_to_stars(level) for level in range(5)] == [1, 2, 3, 4, 5]

    def test_blank_values_are_unrated(self) -> None:
        """An empty value means "not rated yet" and is skipped."""
        ratings = load_ratings("ratings:\n  coaching:\n  crm-systems: 3\n", TAXONOMY)
        assert summary(ratings) == [("crm-systems", 2, 3.0)]

    def test_bare_mapping_and_quoted_numbers(self) -> None:
        """A bare skill: value mapping is accepted, and "4" counts as 4."""
        ratings = load_ratings('coaching: "4"\n', TAXONOMY)
        assert summary(ratings) == [("coaching", 3, 4.0)]

    def test_bytes_and_sniffing(self) -> None:
        """Bytes are sniffed: JSON by its brace, CSV by its header."""
        assert (
            load_ratings(b'{"ratings": {"coaching": 2}}', TAXONOMY).ratings[0].level
            == 1
        )
        assert (
            load_ratings(b"skill,rating\ncoaching,2\n", TAXONOMY).ratings[0].level == 1
        )

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing ratings file names the path."""
        path = tmp_path / "nope.yaml"
        with pytest.raises(RatingsError) as caught:
            load_ratings(path, TAXONOMY)
        assert (
            str(caught.value)
            == f"{path} does not exist; check the ratings file's path."
        )


class TestSettings:
    """role and scale are settings of a ratings file, never ratings themselves."""

    def test_a_flat_file_keeps_role_and_scale_as_settings(self) -> None:
        """A bare mapping may name its role and scale beside the skills it rates."""
        ratings = load_ratings(
            "role: mini-role\nscale: levels\ncoaching: 3\n", TAXONOMY, name="r.yaml"
        )
        assert ratings.role == "mini-role"
        assert ratings.scale == "levels"
        assert summary(ratings) == [("coaching", 3, 3.0)]

    def test_a_file_with_only_a_role_rates_nothing(self) -> None:
        """'role: x' alone was read as a rating 'x' for a skill 'role'."""
        ratings = load_ratings("role: mini-role\n", TAXONOMY, name="r.yaml")
        assert ratings.role == "mini-role"
        assert ratings.ratings == []

    def test_ratings_alone_assess_the_role_they_name(self, tmp_path: Path) -> None:
        """Self-ratings without a resume assess the file's role, unless --role says."""
        from typer.testing import CliRunner

        from gapcoach.cli import app

        path = tmp_path / "mine.yaml"
        path.write_text(
            "role: call-center-director\nratings:\n"
            "  workforce-management-wfm-software: 4\n",
            encoding="utf-8",
        )

        def roles(*extra: str) -> list[str]:
            result = CliRunner().invoke(
                app, ["assess", "--ratings", str(path), "-f", "json", *extra]
            )
            assert result.exit_code == 0, result.stderr
            return [a["role_id"] for a in json.loads(result.stdout)["assessments"]]

        assert roles() == ["call-center-director"]
        assert sorted(roles("--role", "all")) == [
            "call-center-director",
            "call-center-operations-manager",
        ]


class TestErrors:
    def test_unknown_skill(self) -> None:
        """An unknown skill lists the 3 closest skills."""
        assert error("ratings:\n  coaching: 3\n  Underwater Basket Weaving: 4\n") == (
            "mine.yaml line 3: unknown skill 'Underwater Basket Weaving'. Did you mean "
            "'Customer Experience Strategy' (customer-experience), "
            "'Workforce Management (WFM) Tools' (workforce-management) or "
            "'Conflict Resolution' (conflict-resolution)? "
            "Name a skill by its id or its name in the guide."
        )

    def test_ambiguous_skill(self) -> None:
        """A name that fits two skills equally well is refused, with suggestions."""
        assert error("ratings:\n  Customer: 3\n") == (
            "mine.yaml line 2: skill 'Customer' is ambiguous: it could be "
            "'Customer Experience Strategy' (customer-experience), 'Customer Focus' "
            "(customer-focus) or 'CRM Systems' (crm-systems). Use the skill's id or full name."
        )

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            (
                "ratings:\n  coaching: 6\n",
                "mine.yaml line 2: rating 6 for 'coaching' is out of range; use 1-5 stars "
                "(or add 'scale: levels' for 0-4).",
            ),
            (
                "scale: levels\nratings:\n  coaching: 5\n",
                "mine.yaml line 3: rating 5 for 'coaching' is out of range; use a level "
                "from 0 to 4 (or 'scale: stars' for 1-5).",
            ),
            (
                "scale: stars\nratings:\n  coaching: 0\n",
                "mine.yaml line 3: rating 0 for 'coaching' is out of range; use 1-5 stars "
                "(or add 'scale: levels' for 0-4).",
            ),
        ],
        ids=["stars-too-high", "levels-too-high", "stars-zero"],
    )
    def test_out_of_range(self, text: str, message: str) -> None:
        """A value outside the scale names the line and the allowed range."""
        assert error(text) == message

    def test_duplicate_by_resolution(self) -> None:
        """Two entries that resolve to the same skill are refused."""
        assert error("ratings:\n  coaching: 3\n  Coaching and Feedback: 4\n") == (
            "mine.yaml line 3: 'Coaching and Feedback' and 'coaching' (line 2) both name "
            "'Coaching and Feedback'; rate each skill once."
        )

    def test_duplicate_yaml_key(self) -> None:
        """The same YAML key twice is refused (safe_load would keep only the last)."""
        assert error("ratings:\n  coaching: 3\n  coaching: 4\n") == (
            "mine.yaml line 3: 'coaching' is rated twice (also on line 2); rate each "
            "skill once."
        )

    def test_duplicate_json_key(self) -> None:
        """The same JSON key twice is refused."""
        text = '{"ratings": {\n  "coaching": 3,\n  "coaching": 4\n}}'
        assert error(text, name="mine.json") == (
            "mine.json line 3: 'coaching' is rated twice (also on line 2); rate each "
            "skill once."
        )

    def test_duplicate_csv_row(self) -> None:
        """The same CSV skill twice is refused with both lines."""
        assert error("skill,rating\ncoaching,3\ncoaching,4\n", name="mine.csv") == (
            "mine.csv line 3: 'coaching' and 'coaching' (line 2) both name "
            "'Coaching and Feedback'; rate each skill once."
        )

    @pytest.mark.parametrize(
        ("text", "name", "message"),
        [
            (
                "ratings:\n  coaching: four\n",
                "mine.yaml",
                "mine.yaml line 2: rating 'four' for 'coaching' is not a number; use 1-5 "
                "stars (or 0-4 with scale: levels).",
            ),
            (
                "ratings:\n  coaching: yes\n",
                "mine.yaml",
                "mine.yaml line 2: rating True for 'coaching' is not a number; use 1-5 "
                "stars (or 0-4 with scale: levels).",
            ),
            (
                '{"scale": "stars", "ratings": {"coaching": [3]}}',
                "mine.json",
                "mine.json line 1: rating a list for 'coaching' is not a number; use 1-5 "
                "stars.",
            ),
            (
                "skill,rating\ncoaching,3 stars\n",
                "mine.csv",
                "mine.csv line 2: rating '3 stars' for 'coaching' is not a number; use 1-5 "
                "stars (or 0-4 with scale: levels).",
            ),
            (
                "ratings:\n  coaching: 3.5\n",
                "mine.yaml",
                "mine.yaml line 2: rating 3.5 for 'coaching' is not a whole number; use "
                "1-5 stars (or 0-4 with scale: levels).",
            ),
        ],
        ids=["word", "boolean", "list", "csv-text", "fraction"],
    )
    def test_not_a_number(self, text: str, name: str, message: str) -> None:
        """A value that is not a whole number names its line."""
        assert error(text, name=name) == message

    @pytest.mark.parametrize(
        ("text", "name", "message"),
        [
            (
                "ratings:\n  coaching: 0\n  crm-systems: 5\n",
                "mine.yaml",
                "mine.yaml line 2: rating 0 for 'coaching' and rating 5 for 'crm-systems' "
                "mix two scales; add 'scale: stars' (1-5) or 'scale: levels' (0-4).",
            ),
            (
                "scale: tens\nratings:\n  coaching: 3\n",
                "mine.yaml",
                "mine.yaml line 1: scale 'tens' is not one of stars, levels; use stars "
                "(1-5) or levels (0-4).",
            ),
            (
                "ratings:\n  coaching: [3\n",
                "mine.yaml",
                "mine.yaml line 3: invalid YAML (expected ',' or ']', but got '<stream "
                "end>'); fix the syntax.",
            ),
            (
                '{"ratings": {"coaching": 3,}}',
                "mine.json",
                "mine.json line 1: invalid JSON (Expecting property name enclosed in double "
                "quotes); fix the syntax.",
            ),
            (
                "name,score\ncoaching,3\n",
                "mine.csv",
                "mine.csv line 1: expected the header 'skill,rating', got 'name,score'.",
            ),
            (
                "skill,rating\nCoaching, Feedback,3\n",
                "mine.csv",
                "mine.csv line 2: expected 2 columns (skill,rating), got 3; quote a skill "
                "name that contains a comma.",
            ),
            (
                "ratings: [3, 4]\n",
                "mine.yaml",
                "mine.yaml line 1: 'ratings' must be a mapping of skill: value, one per line.",
            ),
            (
                "role: x\nratings: {}\nlevels: 3\n",
                "mine.yaml",
                "mine.yaml: unknown key 'levels'; the keys are role, scale and ratings.",
            ),
            (
                "",
                "mine.yaml",
                "mine.yaml: the file is empty; add a 'ratings:' mapping of skill: value.",
            ),
        ],
        ids=[
            "mixed-scales",
            "bad-scale",
            "bad-yaml",
            "bad-json",
            "csv-header",
            "csv-columns",
            "not-a-mapping",
            "unknown-key",
            "empty",
        ],
    )
    def test_malformed(self, text: str, name: str, message: str) -> None:
        """A malformed file says what is wrong, where, and how to fix it."""
        assert error(text, name=name) == message


class TestSources:
    def test_folder(self, tmp_path: Path) -> None:
        """A folder instead of a file is named as such."""
        with pytest.raises(RatingsError) as caught:
            load_ratings(tmp_path, TAXONOMY)
        assert str(caught.value) == (
            f"{tmp_path} is a folder; pass a ratings file (.yaml, .json or .csv)."
        )

    # OS errors while opening: tests/ingest/test_files.py (one reader for every input)

    def test_too_large(self) -> None:
        """A file over 1 MB is not a ratings file."""
        with pytest.raises(RatingsError) as caught:
            load_ratings(b"#" * (1024 * 1024 + 1), TAXONOMY)
        assert str(caught.value) == (
            "<ratings> is larger than 1024 KB; a ratings file lists one line per skill."
        )

    def test_wrong_type(self) -> None:
        """A source that is not a Path, str or bytes is a programming error."""
        with pytest.raises(TypeError, match="takes a Path, str or bytes, not list"):
            load_ratings([], TAXONOMY)  # type: ignore[arg-type]

    def test_cp1252_bytes(self) -> None:
        """A file saved as cp1252 decodes; accents do not stop an exact name match."""
        data = "ratings:\n  Conflict Résolution: 3\n".encode("cp1252")
        rating = load_ratings(data, TAXONOMY).ratings[0]
        assert (rating.skill_id, rating.note) == ("conflict-resolution", None)

    def test_csv_comments_and_blank_rows(self) -> None:
        """CSV comment lines and blank rows are skipped; line numbers stay true."""
        ratings = load_ratings(
            "# my ratings\nskill,rating\n\ncoaching,4\n,\n# done\n", TAXONOMY
        )
        assert [(rating.skill_id, rating.line) for rating in ratings.ratings] == [
            ("coaching", 4)
        ]

    @pytest.mark.parametrize(
        ("text", "name", "message"),
        [
            (
                "- coaching\n- crm-systems\n",
                "mine.yaml",
                "mine.yaml: expected a mapping with 'ratings', got list; write 'ratings:' "
                "followed by 'skill: value' lines.",
            ),
            (
                "# nothing yet\n",
                "mine.csv",
                "mine.csv: the file is empty; start it with the header 'skill,rating'.",
            ),
            (
                '{"ratings": {"coaching": 3, "coaching": 4}}',
                "mine.json",
                "mine.json line 1: 'coaching' is rated twice (also on line 1); rate each "
                "skill once.",
            ),
            (
                "ratings:\n  coaching: .nan\n",
                "mine.yaml",
                "mine.yaml line 2: rating nan for 'coaching' is not a number; use 1-5 stars "
                "(or 0-4 with scale: levels).",
            ),
            (
                '{"ratings": {"coaching": 3, "\\u0063oaching": 4}}',
                "mine.json",
                "mine.json: 'coaching' is rated twice; rate each skill once.",
            ),
        ],
        ids=[
            "list",
            "empty-csv",
            "one-line-json-duplicate",
            "not-finite",
            "escaped-key",
        ],
    )
    def test_more_malformed(self, text: str, name: str, message: str) -> None:
        """Other malformed files get a message naming the file (and the line)."""
        assert error(text, name=name) == message


class TestRoundTrip:
    @pytest.mark.parametrize("file", ["ratings.yaml", "ratings.json", "ratings.csv"])
    def test_dump_then_load(self, file: str) -> None:
        """dump_ratings writes YAML that loads back to the same skills, levels and scale."""
        original = load_ratings(FIXTURES / file, TAXONOMY)
        text = dump_ratings(original, TAXONOMY)
        again = load_ratings(text, TAXONOMY)
        assert again.scale == original.scale
        assert again.role == (original.role or TAXONOMY.role_id)
        assert sorted(summary(again)) == sorted(summary(original))
        assert all(rating.note is None for rating in again.ratings)

    def test_dump_format(self) -> None:
        """The dump uses ids as keys, in taxonomy order, with names as comments."""
        ratings = load_ratings(FIXTURES / "ratings.yaml", TAXONOMY)
        assert dump_ratings(ratings, TAXONOMY) == (
            "# gapcoach self-ratings\n"
            "role: mini-role\n"
            "scale: stars        # stars = 1-5 stars; levels = 0-4\n"
            "ratings:\n"
            "  workforce-management: 4  # Workforce Management (WFM) Tools\n"
            "  conflict-resolution: 3  # Conflict Resolution\n"
            "  coaching: 5  # Coaching and Feedback\n"
        )

    def test_dump_quotes_odd_role(self) -> None:
        """A role that is not a plain slug is quoted so the YAML stays valid."""
        ratings = Ratings(
            name="x", sha256="0", scale="levels", role="my role: yes", ratings=[]
        )
        text = dump_ratings(ratings, TAXONOMY)
        assert 'role: "my role: yes"' in text
        assert load_ratings(text, TAXONOMY).role == "my role: yes"

    def test_dump_empty(self) -> None:
        """No ratings dump as an empty mapping that loads back."""
        empty = Ratings(name="x", sha256="0", scale="stars", role=None, ratings=[])
        assert load_ratings(dump_ratings(empty, TAXONOMY), TAXONOMY).ratings == []


class TestQuestionnaire:
    def test_asks_every_skill(self) -> None:
        """Every skill is asked in taxonomy order and the answers become star ratings."""
        asked: list[tuple[str, int | None]] = []

        def ask(skill: Skill, current: int | None) -> int | None:
            asked.append((skill.id, current))
            return 3

        ratings = run_questionnaire(TAXONOMY, ask=ask)
        assert [skill_id for skill_id, _ in asked] == [
            skill.id for skill in TAXONOMY.skills
        ]
        assert ratings.scale == "stars"
        assert {rating.level for rating in ratings.ratings} == {2}

    def test_stop_keeps_what_is_done(self) -> None:
        """Returning None stops and keeps the answers given so far."""
        answers = iter([4, 2, None])
        ratings = run_questionnaire(TAXONOMY, ask=lambda skill, current: next(answers))
        assert summary(ratings) == [
            ("workforce-management", 3, 4.0),
            ("crm-systems", 1, 2.0),
        ]

    def test_resume_skips_rated_skills(self) -> None:
        """An unfinished file is resumed: rated skills are skipped and kept."""
        existing = load_ratings(FIXTURES / "ratings.json", TAXONOMY)
        asked: list[str] = []

        def ask(skill: Skill, current: int | None) -> int | None:
            asked.append(skill.id)
            return 1

        ratings = run_questionnaire(TAXONOMY, existing=existing, ask=ask)
        assert asked == ["conflict-resolution", "customer-focus", "customer-experience"]
        assert summary(ratings) == [
            ("workforce-management", 3, 4.0),
            ("crm-systems", 0, 1.0),
            ("conflict-resolution", 0, 1.0),
            ("coaching", 4, 5.0),
            ("customer-focus", 0, 1.0),
            ("customer-experience", 0, 1.0),
        ]
        assert load_ratings(dump_ratings(ratings, TAXONOMY), TAXONOMY).ratings == [
            rating.model_copy(update={"line": index + 5})
            for index, rating in enumerate(ratings.ratings)
        ]

    def test_revisit_offers_current_value(self) -> None:
        """With revisit=True, rated skills are asked again with their stars as default."""
        existing = load_ratings(FIXTURES / "ratings.csv", TAXONOMY)
        seen: dict[str, int | None] = {}

        def ask(skill: Skill, current: int | None) -> int | None:
            seen[skill.id] = current
            return current or 2

        run_questionnaire(TAXONOMY, existing=existing, ask=ask, revisit=True)
        assert seen == {
            "workforce-management": 4,
            "crm-systems": 2,
            "conflict-resolution": None,
            "coaching": 5,
            "customer-focus": None,
            "customer-experience": None,
        }

    def test_skip_and_back(self) -> None:
        """SKIP leaves a skill unrated; BACK asks the one before again."""
        answers = iter([4, SKIP, BACK, BACK, 5, SKIP, 2, None])
        asked: list[tuple[str, int | None]] = []
        numbers: list[tuple[int, int]] = []

        def ask(skill: Skill, current: int | None) -> Answer:
            asked.append((skill.id, current))
            return next(answers)

        ratings = run_questionnaire(
            TAXONOMY, ask=ask, on_question=lambda n, t: numbers.append((n, t))
        )
        ids = [skill.id for skill in TAXONOMY.skills]
        assert [skill_id for skill_id, _ in asked] == [
            ids[0], ids[1], ids[2], ids[1], ids[0], ids[1], ids[2], ids[3],
        ]  # fmt: skip
        assert asked[4] == (ids[0], 4)  # going back offers the answer given
        assert numbers[:3] == [(1, 6), (2, 6), (3, 6)]
        assert {r.skill_id: r.raw for r in ratings.ratings} == {
            ids[0]: 5.0,
            ids[2]: 2.0,
        }

    def test_bad_answer(self) -> None:
        """An answer outside 1-5 is a programming error in the prompt."""
        with pytest.raises(
            ValueError,
            match=r"ask\(\) must return 1-5 stars, SKIP, BACK or None, not 7",
        ):
            run_questionnaire(TAXONOMY, ask=lambda skill, current: 7)
