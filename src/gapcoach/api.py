"""
PIPELINE: the public one-call facade ``assess`` and the reusable ``Assessor``.

``Assessor`` loads the taxonomies and fits the matcher once, then assesses any number of
resumes; ``assess`` is the one-off convenience that builds an Assessor for one call.
"""

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from gapcoach.models import (
    Assessment,
    Credentials,
    Document,
    InputInfo,
    Plan,
    Ratings,
    RoleAssessment,
    Seniority,
    SkillMatch,
    Taxonomy,
)

__all__ = ["SCHEMA_VERSION", "Assessor", "assess", "report_schema"]

SCHEMA_VERSION = "1.3"

SCHEMA_FILE = "report.schema.json"
"""The report's JSON Schema as shipped in the package (``gapcoach schema`` prints it)."""


def report_schema() -> dict[str, Any]:
    """
    The JSON Schema of what gapcoach writes: one assessment report (``assess -f json``,
    each line of ``batch -o x.jsonl``) or a batch's error line for a file it could not
    assess. ``examples/regenerate.py`` writes it to the package as ``SCHEMA_FILE``.
    """
    schema = Assessment.model_json_schema(ref_template="#/$defs/{model}")
    definitions = schema.pop("$defs", {})
    definitions["Assessment"] = schema
    definitions["BatchError"] = {
        "title": "BatchError",
        "description": "A line of a batch's JSONL output for a file that could not be "
        "assessed (unreadable, empty, not a resume ...); the batch goes on.",
        "type": "object",
        "properties": {
            "file": {"type": "string", "description": "The input file, as given."},
            "error": {
                "type": "string",
                "description": "Why it could not be assessed, in one sentence.",
            },
        },
        "required": ["file", "error"],
        "additionalProperties": False,
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:gapcoach:report:{SCHEMA_VERSION}",
        "title": "gapcoach report",
        "description": f"A gapcoach report, schema version {SCHEMA_VERSION}: an "
        "assessment of one person for one or more roles, or a batch's error line.",
        "anyOf": [{"$ref": "#/$defs/Assessment"}, {"$ref": "#/$defs/BatchError"}],
        "$defs": dict(sorted(definitions.items())),
    }


ResumeSource = Path | str | bytes | Document | None
RatingsSource = Path | str | bytes | Ratings | None


def _version() -> str:
    from gapcoach._version import package_version

    return package_version()


class Assessor:
    """
    Holds the loaded taxonomies and a fitted SkillMatcher to assess many people.

    Args:
        taxonomy: A taxonomy, a taxonomy file or folder (a Path or a str path), or None
            for the shipped roles.
        role: A role id, "all" or None (every loaded role) to assess by default.
        max_steps: The most plan steps per role.
    """

    def __init__(
        self,
        *,
        taxonomy: Taxonomy | Path | str | None = None,
        role: str | None = None,
        max_steps: int = 12,
    ) -> None:
        from gapcoach.match import SkillMatcher
        from gapcoach.taxonomy import load_taxonomies, resolve_roles, taxonomy_sha256

        if isinstance(taxonomy, str):
            taxonomy = Path(taxonomy)
        if isinstance(taxonomy, Taxonomy):
            self.taxonomies = {taxonomy.role_id: taxonomy}
        elif taxonomy is not None and not isinstance(taxonomy, Path):
            raise TypeError(
                "taxonomy must be a Taxonomy, a path (Path or str) or None, not "
                f"{type(taxonomy).__name__}"
            )
        else:
            self.taxonomies = load_taxonomies(taxonomy)
        self.role = role
        self.roles = resolve_roles(self.taxonomies, role)
        self.hashes = {rid: taxonomy_sha256(t) for rid, t in self.taxonomies.items()}
        self.max_steps = max_steps
        self.matcher = SkillMatcher().fit(list(self.taxonomies.values()))

    def read(self, resume: ResumeSource) -> Document | None:
        """
        A resume as a Document (None stays None).
        """
        if resume is None or isinstance(resume, Document):
            return resume
        from gapcoach.ingest import read_resume

        return read_resume(resume)

    def load_ratings(self, ratings: RatingsSource) -> Ratings | None:
        """
        Self-ratings resolved against every skill the loaded roles have.
        """
        if ratings is None or isinstance(ratings, Ratings):
            return ratings
        from gapcoach.ratings import load_ratings

        return load_ratings(ratings, self._union())

    def _union(self) -> Taxonomy:
        first = next(iter(self.taxonomies.values()))
        skills = {s.id: s for t in self.taxonomies.values() for s in t.skills}
        return first.model_copy(update={"skills": list(skills.values())})

    def assess(
        self,
        resume: ResumeSource = None,
        *,
        ratings: RatingsSource = None,
        role: str | None = None,
    ) -> Assessment:
        """
        Assess one person for the chosen roles.

        Args:
            resume: A resume path, "-" (stdin), its text, its bytes, a Document, or None.
            ratings: A self-ratings file path or a Ratings object, or None.
            role: Override the Assessor's roles with one role id or "all".

        Returns:
            The versioned report.

        Raises:
            GapcoachError: Unreadable input, bad ratings or an unknown role.
            ValueError: Neither a resume nor ratings were given.
        """
        from gapcoach.taxonomy import resolve_roles

        if resume is None and ratings is None:
            raise ValueError("Give a resume, self-ratings, or both.")
        roles = self.roles if role is None else resolve_roles(self.taxonomies, role)
        document = self.read(resume)
        loaded_ratings = self.load_ratings(ratings)
        if (
            document is None
            and role is None
            and self.role is None
            and loaded_ratings is not None
            and loaded_ratings.role
        ):
            # self-ratings alone, for the role the file names: assess that role
            roles = resolve_roles(self.taxonomies, loaded_ratings.role)
        if document is not None:
            matches = self.matcher.match(document, ratings=loaded_ratings)
        else:
            assert loaded_ratings is not None
            matches = self.matcher.match_ratings(loaded_ratings)
        from gapcoach.match.credentials import find_credentials
        from gapcoach.vocab.titles import role_rank

        certifications = {c.id: c for t in roles for c in t.certifications}
        credentials = find_credentials(document, list(certifications.values()))
        ranks = {t.role_id: role_rank(t.title) for t in roles}
        notices = list(document.notices) if document else []
        # a text with no dated job, no skill and no self-rating is not a resume to coach
        blank = (
            document is not None
            and loaded_ratings is None
            and not document.jobs
            and not any(match.level for match in matches)
        )
        if blank:
            assert document is not None
            notices.append(
                f"No work history, dates or skills were found in {document.name}: is it "
                "a resume? Its scores are those of a blank profile, so no plan is given."
            )
        # (self-ratings alone say nothing of the channel: every step may fit)
        by_phone = document is None or _works_by_phone(document)
        assessments = [
            self._assess_role(
                t,
                matches,
                document,
                credentials,
                ranks[t.role_id],
                plan=not blank,
                by_phone=by_phone,
            )
            for t in roles
        ]
        best, reason = _best_next_role(assessments, document, ranks)
        # the answer first: the recommended role leads, the others keep their order
        assessments.sort(key=lambda a: a.role_id != best)
        return Assessment(
            schema_version=SCHEMA_VERSION,
            gapcoach_version=_version(),
            input=InputInfo(
                file=document.name if document else None,
                sha256=document.sha256 if document else None,
                format=document.format if document else None,
                person=document.person if document else None,
                ratings=loaded_ratings is not None,
                ratings_file=loaded_ratings.name if loaded_ratings else None,
                ratings_sha256=loaded_ratings.sha256 if loaded_ratings else None,
                hidden_text_chars=document.hidden_text_chars if document else 0,
                notices=notices,
            ),
            best_next_role=best,
            best_next_role_reason=reason,
            assessments=assessments,
        )

    def _assess_role(
        self,
        taxonomy: Taxonomy,
        matches: Sequence[SkillMatch],
        document: Document | None,
        credentials: Credentials,
        rank: int,
        *,
        plan: bool = True,
        by_phone: bool = True,
    ) -> RoleAssessment:
        from gapcoach.plan import build_plan, ladder_position
        from gapcoach.score import band, score_role

        score = score_role(
            matches, taxonomy, rank=rank, document=document, credentials=credentials
        )
        steps = (
            build_plan(score, max_steps=self.max_steps, by_phone=by_phone)
            if plan
            else Plan(steps=[], projection=[])
        )
        readiness = round(score.readiness, 2)
        return RoleAssessment(
            role_id=taxonomy.role_id,
            role_title=taxonomy.title,
            taxonomy_sha256=self.hashes[taxonomy.role_id],
            readiness=readiness,
            band=band(readiness),
            skill_coverage=round(100 * score.coverage, 2),
            category_scores=score.category_scores,
            experience=score.experience,
            skills=score.skills,
            gaps=score.gaps,
            plan=steps,
            ladder=ladder_position(
                taxonomy.ladder,
                level=score.experience.current_level,
                years=score.experience.years,
                target=taxonomy.experience.level_name,
            ),
        )


def _works_by_phone(document: Document) -> bool:
    """
    Does the resume show phone work: a call, a phone, an ACD... stated, not negated or
    wished for ("no phone work", "I want to learn phone support")?
    """
    from gapcoach.vocab.claims import mention_status
    from gapcoach.vocab.field import NO_BEFORE_RE, PHONE_WORK_RE

    for line in document.lines:
        text = line.text[:2000]
        for found in PHONE_WORK_RE.finditer(text):
            before = text[max(0, found.start() - 12) : found.start()]
            if NO_BEFORE_RE.search(before):
                continue
            if mention_status(text, found.start(), found.end()) == "stated":
                return True
    return False


def _best_next_role(
    assessments: list[RoleAssessment],
    document: Document | None,
    ranks: dict[str, int],
) -> tuple[str | None, str | None]:
    """
    Among the assessed roles, the best next step: the readiest role above where the
    person stands now (or the readiest overall when every role is at or below it).
    """
    if len(assessments) < 2:
        return None, None
    current = document.current_level if document else Seniority.OUTSIDE
    above = [a for a in assessments if ranks[a.role_id] > current.rank]
    if above:
        # a step up: the readiest; at equal readiness the nearest
        best = max(above, key=lambda a: (a.readiness, -ranks[a.role_id], a.role_id))
        why = (
            f"{best.role_title} is the readiest role above your current level "
            f"({current.value}): {best.readiness:.0f}/100, {best.band.lower()}."
        )
    else:
        # past every role: the most senior one, whose ladder goes on from theirs; say
        # so, and name the rung the guide gives next
        best = max(
            assessments, key=lambda a: (ranks[a.role_id], a.readiness, a.role_id)
        )
        onward = best.ladder.next
        why = (
            f"You already stand at or above every role assessed (your rung: "
            f"{current.value}); {best.role_title} is the most senior of them, at "
            f"{best.readiness:.0f}/100."
            + (
                f" The guide's next rung for you is {onward}"
                + (f" ({best.ladder.next_years})." if best.ladder.next_years else ".")
                if onward
                else ""
            )
        )
    return best.role_id, why


def assess(
    resume: ResumeSource = None,
    *,
    role: str | None = None,
    ratings: RatingsSource = None,
    taxonomy: Taxonomy | Path | str | None = None,
) -> Assessment:
    """
    Assess one person: readiness, gaps and plan per role.

    Args:
        resume: A resume path, "-" (stdin), its text, its bytes, or a Document; may be
            None when ``ratings`` are given.
        role: A role id; None or "all" assesses every loaded role.
        ratings: A self-ratings file (YAML, JSON or CSV) or Ratings.
        taxonomy: A taxonomy, a taxonomy file or folder; None uses the shipped roles.

    Returns:
        The versioned Assessment report.

    Raises:
        GapcoachError: Unreadable input, bad ratings or taxonomy, or an unknown role.
        ValueError: Neither a resume nor ratings were given.

    Example:
        >>> report = assess(Path("examples/resumes/supervisor.txt"), role="call-center-director")
        >>> report.assessments[0].readiness  # doctest: +SKIP
    """
    return Assessor(taxonomy=taxonomy, role=role).assess(resume, ratings=ratings)
