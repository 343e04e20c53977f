"""
Tests of the MATCH stage: methods, levels from context, ratings merge, determinism.
"""

import json
from pathlib import Path

import pytest
from helpers import EXAMPLES, cases

from gapcoach import NotFittedError, SkillMatcher
from gapcoach.ingest import read_resume
from gapcoach.match import combine_levels, line_level, outside_field
from gapcoach.models import Rating, Ratings

CASES = json.loads((Path(__file__).parent / "cases" / "match.json").read_text())


def _resume(*bullets: str, job: str = "Call Center Supervisor, Example Telecom") -> str:
    """One current job, headed by its title, with these bullets."""
    lines = ["Jordan Example", job.split(",")[0], "", "EXPERIENCE", ""]
    lines += [f"{job}, Jan 2019 - Present"]
    lines += [f"- {bullet}" for bullet in bullets]
    return "\n".join(lines) + "\n"


def _levels(matcher: SkillMatcher, text: str) -> dict[str, int]:
    return {m.skill_id: m.level for m in matcher.match(read_resume(text))}


class TestMethods:
    """Aliases, typos, inflections and acronyms find the right skill."""

    @pytest.mark.parametrize("case", CASES, ids=[c["line"][:40] for c in CASES])
    def test_case(self, fitted_matcher: SkillMatcher, case: dict) -> None:
        """Each labelled line is evidence of its skill, by the expected method."""
        matches = {
            m.skill_id: m
            for m in fitted_matcher.match(read_resume(_resume(case["line"])))
        }
        found = matches[case["skill"]]
        assert found.level >= 2
        methods = {e.method for e in found.evidence}
        assert case["method"] in methods

    def test_acronyms_are_case_sensitive_and_word_bounded(
        self, fitted_matcher: SkillMatcher
    ) -> None:
        """'ACD' is evidence, but 'academic', 'acd' and 'ACDs-free' fragments are not."""
        telephony = "call-center-telephony-systems-acd-ivr"
        assert (
            _levels(fitted_matcher, _resume("Tuned the ACD routing profiles"))[
                telephony
            ]
            >= 2
        )
        none = _levels(fitted_matcher, _resume("Tutored academic writing for students"))
        assert none[telephony] == 0

    def test_paraphrase_without_alias_found_by_tfidf(
        self, fitted_matcher: SkillMatcher
    ) -> None:
        """A paraphrase with no alias is found by TF-IDF similarity to the guide text."""
        text = _resume(
            "Responsible for forecasting staffing needs, scheduling and real-time adherence"
        )
        levels = _levels(fitted_matcher, text)
        assert levels["workforce-management-wfm-software"] >= 2


class TestLevels:
    """The level an evidence line supports comes from its context."""

    @pytest.mark.parametrize(
        ("text", "section", "level"),
        cases("claims", "text", "section", "level"),
    )
    def test_line_level(self, text: str, section: str, level: int) -> None:
        """Mentions, use, owned results, enterprise scope, negations and dumps."""
        assert line_level(text, section, text.find("NICE")) == level

    def test_keyword_dump_never_outranks_demonstrated_use(
        self, fitted_matcher: SkillMatcher
    ) -> None:
        """A long skills list gives level 1, below one real job bullet."""
        dump = "\n".join(
            [
                "Jordan Example",
                "SKILLS",
                "WFM, IEX, Verint, Six Sigma, CCaaS, speech analytics, PMP, Tableau, Power BI",
            ]
        )
        levels = _levels(fitted_matcher, dump)
        assert levels["workforce-management-wfm-software"] == 1
        assert max(levels.values()) == 1

    def test_negated_mentions_are_not_evidence(
        self, fitted_matcher: SkillMatcher
    ) -> None:
        """'No experience with Tableau' does not count for data analysis tools."""
        levels = _levels(
            fitted_matcher, _resume("No experience with Tableau or Power BI yet")
        )
        assert levels["data-analysis-and-reporting-tools"] == 0


class TestOutsideTheField:
    """Work outside contact centers proves at most two skills beyond a mention."""

    BULLETS = (
        "Cut food cost from 34% to 29% by renegotiating the produce contract",
        "Coached 6 line cooks; 3 promoted to sous chef",
        "Own the $1.2M kitchen budget and the monthly P&L review with the owner",
    )

    def test_only_the_strongest_two_keep_their_level(
        self, fitted_matcher: SkillMatcher
    ) -> None:
        """A chef's budget, P&L and coaching lines: two skills applied, the rest 1."""
        document = read_resume(
            _resume(*self.BULLETS, job="Executive Chef, Harbor Bistro")
        )
        assert outside_field(document)
        matches = fitted_matcher.match(document)
        applied = [m for m in matches if m.level >= 2]
        assert len(applied) == 2
        lowered = [m for m in matches if "transferable" in m.combination]
        assert lowered, "some skill had work evidence and was lowered"
        for found in lowered:
            assert found.level == found.resume_level == 1
            assert found.evidence
            assert all(e.level <= 1 for e in found.evidence)
        assert min(m.resume_level for m in applied) >= 2

    def test_the_same_lines_in_a_contact_center_count_in_full(
        self, fitted_matcher: SkillMatcher
    ) -> None:
        """The limit comes from the field of the work, not from the lines."""
        document = read_resume(_resume(*self.BULLETS))
        assert not outside_field(document)
        matches = fitted_matcher.match(document)
        assert sum(m.level >= 2 for m in matches) > 2
        assert not any("transferable" in m.combination for m in matches)

    def test_contact_center_skills_are_only_mentions_outside(
        self, fitted_matcher: SkillMatcher
    ) -> None:
        """A marketing dashboard is data analysis, not contact-center analytics."""
        line = "Built the weekly KPI dashboard in Tableau for the marketing team"
        inside, outside = (
            {
                m.skill_id: m
                for m in fitted_matcher.match(read_resume(_resume(line, job=title)))
            }
            for title in (
                "Call Center Supervisor, Example Telecom",
                "Marketing Analyst",
            )
        )
        analytics = "contact-center-analytics-and-business-intelligence"
        assert fitted_matcher.skills_[analytics].field_specific
        assert inside[analytics].level == 2
        assert outside[analytics].level == 1
        assert "a contact-center skill" in outside[analytics].combination
        assert outside["data-analysis-and-reporting-tools"].level == 2

    def test_no_work_history_is_not_judged_outside(self) -> None:
        """Without dated jobs there is no field to judge: nothing is lowered."""
        assert not outside_field(read_resume("Jordan Example\nSKILLS\nWFM, IEX\n"))

    @pytest.mark.parametrize("applied", [0, 1, 3])
    def test_the_number_kept_is_a_parameter(
        self, taxonomies: dict, applied: int
    ) -> None:
        matcher = SkillMatcher(outside_field_applied=applied).fit(
            list(taxonomies.values())
        )
        document = read_resume(
            _resume(*self.BULLETS, job="Executive Chef, Harbor Bistro")
        )
        assert sum(m.level >= 2 for m in matcher.match(document)) <= applied


class TestRatings:
    """Self-ratings are merged with resume evidence, both kept visible."""

    @pytest.mark.parametrize(
        ("resume", "rating", "has_resume", "expected"),
        [
            (2, None, True, 2),
            (0, 4, True, 1),
            (2, 4, True, 3),
            (3, 1, True, 3),
            (0, 4, False, 4),
        ],
    )
    def test_combine_levels(
        self, resume: int, rating: int | None, has_resume: bool, expected: int
    ) -> None:
        """A rating lifts at most one level above the resume and never lowers it."""
        assert combine_levels(resume, rating, has_resume=has_resume)[0] == expected

    def test_disagreement_is_flagged(self) -> None:
        """A rating far above the evidence is capped and the note says so."""
        level, note = combine_levels(1, 4, has_resume=True)
        assert level == 2
        assert (
            note
            == "resume 1, self-rating 4 -> 2 (rating capped at resume + 1: disagreement)"
        )

    def test_rating_evidence_is_listed(self, fitted_matcher: SkillMatcher) -> None:
        """Both sources appear in the evidence of a rated skill."""
        ratings = Ratings(
            name="r.yaml",
            sha256="0" * 64,
            scale="stars",
            ratings=[
                Rating(
                    skill_id="workforce-management-wfm-software", level=4, raw=5, line=3
                )
            ],
        )
        document = read_resume(_resume("Built the weekly schedule in NICE IEX"))
        found = {m.skill_id: m for m in fitted_matcher.match(document, ratings=ratings)}
        wfm = found["workforce-management-wfm-software"]
        assert (wfm.resume_level, wfm.rating_level, wfm.level) == (2, 4, 3)
        assert {e.source for e in wfm.evidence} == {"resume", "rating"}


class TestEstimator:
    """scikit-learn conventions and determinism."""

    def test_match_before_fit_raises(self) -> None:
        """An unfitted matcher says how to fix the mistake."""
        with pytest.raises(NotFittedError, match="Call 'fit' with a Taxonomy"):
            SkillMatcher().match(read_resume("Agent"))

    def test_invalid_parameter_raises_in_fit(self, taxonomies: dict) -> None:
        """Parameters are validated in fit, not in __init__."""
        matcher = SkillMatcher(fuzzy_threshold=2.0)
        assert matcher.fuzzy_threshold == 2.0
        with pytest.raises(ValueError, match="fuzzy_threshold must be between 0 and 1"):
            matcher.fit(list(taxonomies.values()))

    def test_negative_outside_field_applied_raises_in_fit(
        self, taxonomies: dict
    ) -> None:
        with pytest.raises(ValueError, match="outside_field_applied must be 0 or more"):
            SkillMatcher(outside_field_applied=-1).fit(list(taxonomies.values()))

    def test_same_input_same_evidence(self, taxonomies: dict) -> None:
        """Two fits on the same data give identical evidence in identical order."""
        document = read_resume(EXAMPLES / "resumes" / "director.txt")
        first = SkillMatcher().fit(list(taxonomies.values())).match(document)
        second = SkillMatcher().fit(list(taxonomies.values())).match(document)
        assert [m.model_dump() for m in first] == [m.model_dump() for m in second]

    def test_every_quoted_line_occurs_in_the_input(
        self, fitted_matcher: SkillMatcher
    ) -> None:
        """Every evidence quote is text of the resume, at the line it names."""
        personas = (
            "agent",
            "supervisor",
            "ops-manager",
            "director",
            "software-engineer",
        )
        for name in personas:
            document = read_resume(EXAMPLES / "resumes" / f"{name}.txt")
            folded = " ".join(document.text.split())
            for found in fitted_matcher.match(document):
                if found.level:
                    assert found.evidence
                for evidence in found.evidence:
                    assert " ".join(evidence.text.split()) in folded


class TestTfidfWithoutScikitLearn:
    """The paraphrase model is fitted by hand, exactly as scikit-learn would fit it."""

    def test_equals_scikit_learns_vectorizer(self) -> None:
        """Vocabulary, idf and every document weight agree with TfidfVectorizer."""
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

        from gapcoach.match.tfidf import fit_tfidf
        from gapcoach.taxonomy import load_taxonomies
        from gapcoach.vocab.stop_words import ENGLISH_STOP_WORDS as OURS

        assert frozenset(ENGLISH_STOP_WORDS) == OURS
        skills = {
            s.id: s for t in load_taxonomies().values() for s in t.skills
        }.values()
        documents = [" ".join([s.name, s.description, *s.aliases]) for s in skills]
        documents.append("The the of: Naïve café—AHT/FCR 24/7 x y QA-QA")
        vectorizer = TfidfVectorizer(
            ngram_range=(1, 2), sublinear_tf=True, stop_words="english"
        )
        matrix = vectorizer.fit_transform(documents).tocsc()
        model = fit_tfidf(documents)
        assert set(model.idf) == set(vectorizer.vocabulary_)
        for term, column in vectorizer.vocabulary_.items():
            assert model.idf[term] == pytest.approx(vectorizer.idf_[column], abs=1e-12)
            theirs = dict(
                zip(
                    matrix.indices[matrix.indptr[column] : matrix.indptr[column + 1]],
                    matrix.data[matrix.indptr[column] : matrix.indptr[column + 1]],
                    strict=True,
                )
            )
            ours = dict(model.term_rows[term])
            assert ours.keys() == theirs.keys()
            for row, weight in ours.items():
                assert weight == pytest.approx(theirs[row], abs=1e-12)
        for text in documents:
            assert model.analyzer(text) == vectorizer.build_analyzer()(text)

    def test_assessing_does_not_import_scikit_learn(self) -> None:
        """A whole assessment, in a fresh interpreter, loads neither sklearn nor scipy."""
        import subprocess
        import sys

        code = (
            "import sys; from gapcoach import Assessor; "
            f"Assessor().assess(open({str(EXAMPLES / 'resumes' / 'supervisor.txt')!r})"
            ".read()); "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'sklearn', 'scipy'}))"
        )
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == "[]"
