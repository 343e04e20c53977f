"""
MATCH stage: Document -> evidence and a 0-4 level for every skill of one or more roles.

``SkillMatcher`` follows scikit-learn's estimator conventions: keyword-only parameters
stored unchanged in ``__init__``, ``fit(taxonomy)`` compiles the aliases and a TF-IDF
model and returns ``self``, learned state ends in ``_``, and ``match`` before ``fit``
raises ``NotFittedError``.

Three methods find evidence, line by line:

- ``alias``: a word-bounded alias or acronym (acronyms case-sensitive), found by one
  compiled pattern per case mode;
- ``fuzzy``: the same aliases after inflection ("coached" ~ "coaching") or after a
  spelling repair of unknown words ("Salesforse" ~ "salesforce"), scored by rapidfuzz;
- ``tfidf``: cosine similarity of a work-history line to a skill's guide text, for
  paraphrases that name no alias ("built the weekly rota from the volume forecast").

The level an evidence line supports comes from its context (see ``line_level``).
"""

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from gapcoach.errors import NotFittedError
from gapcoach.match.combine import combine_levels
from gapcoach.match.learned import (
    LevelModel,
    both_evidence,
    default_level_model,
    learned_evidence,
)
from gapcoach.match.tfidf import fit_tfidf
from gapcoach.models import (
    LEVEL_NAMES,
    Document,
    Evidence,
    Rating,
    Ratings,
    Skill,
    SkillMatch,
    Taxonomy,
)
from gapcoach.vocab.claims import (
    mention_status,
    work_line_level,
)

__all__ = [
    "SkillMatcher",
    "combine_levels",
    "line_level",
    "mention_status",
    "outside_field",
]

# Sections whose lines show work done (a bullet there can prove use); the rest mention.
WORK_SECTIONS = frozenset({"experience", "other"})

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’]+")
_STEM_RE = re.compile(r"(?:ing|ed|es|s|er|ment|ion|ions)$")


def outside_field(document: Document) -> bool:
    """
    Has this person never worked in a contact center? True when the resume has a work
    history and none of its jobs is contact-center or customer-service work.
    """
    return bool(document.jobs) and not any(job.relevant for job in document.jobs)


_NAME_LINE_SLACK = 100  # characters besides the term in a line that only names a skill


def line_level(text: str, section: str, start: int, end: int | None = None) -> int:
    """
    The level (0-4) that a mention at ``start`` in a resume line supports.

    Args:
        text: The resume line.
        section: The resume section the line is in.
        start: Character offset of the mention in ``text``.
        end: Where the mention ends, when known.

    Returns:
        0 for a negated or wished-for mention, 1 for a mention (skills list, summary,
        course, keyword dump), 2 for use in a job, 3 for ownership with a concrete
        result, 4 for enterprise scope.
    """
    status = mention_status(text, start, end)
    if status == "negated":
        return 0
    if status == "learning" or section not in WORK_SECTIONS:
        return 1
    return work_line_level(text)


@dataclass(frozen=True)
class _Term:
    """
    One alias or acronym and the skills it is evidence for.
    """

    text: str
    skill_ids: tuple[str, ...]


_KEY_TABLE = str.maketrans({"-": " ", "\t": " ", "\n": " "})
_WORD_START_RE = re.compile(r"(?<![\w&])[\w$&]")


def _key(text: str, *, fold: bool) -> str:
    """
    The first three characters of a term or of a line at a word start, normalised.
    """
    key = text[:3].translate(_KEY_TABLE)
    return key.lower() if fold else key


_ALIAS_WORD_SPLIT_RE = re.compile(r"[\s\-]+")


def _flex_pattern(alias: str) -> str:
    """
    Regex for an alias that tolerates inflection of its longer words and loose spacing.

    ``A ~ B`` in an alias means "A, then B within six words" ("coached ~ agents" matches
    "coached and developed my agents").
    """
    chunks: list[str] = []
    for chunk in alias.split("~"):
        parts: list[str] = []
        for word in _ALIAS_WORD_SPLIT_RE.split(chunk.strip()):
            stem = _STEM_RE.sub("", word) if word.isalpha() else word
            if stem.endswith("y") and len(stem) >= 6:
                stem = stem[:-1]  # strategy ~ strategies, strategic
            if word.isalpha() and len(stem) >= 5:
                parts.append(re.escape(stem) + r"[a-z]{0,4}")
            else:
                parts.append(re.escape(word))
        chunks.append(r"[\s\-]+".join(parts))
    # why disjoint classes: a gap is separators then a word; when both classes held "-"
    # and "/", a run of dashes had exponentially many readings ("Led ---...--- x" hung)
    return r"(?:[\s\-,;:/]+[\w'’&$%.+]+){0,6}?[\s\-,;:/]+".join(chunks)


class SkillMatcher:
    """
    Finds, for every skill, the resume lines that prove it and the level they support.

    Args:
        fuzzy_threshold: Minimum rapidfuzz ratio (0-1) for a spelling repair or an
            inflected alias to count as a fuzzy match.
        tfidf_threshold: Minimum cosine (0-1) between a work line and a skill's text for
            a paraphrase to count.
        tfidf_margin: A paraphrase counts only for skills within this cosine of the
            line's best skill.
        tfidf_max_level: Highest level a TF-IDF paraphrase alone can support.
        outside_field_applied: For a person who has never worked in a contact center
            (see ``outside_field``), how many skills keep the level their work history
            shows (the strongest ones); the others count as transferable mentions
            (level 1), and so does every contact-center skill (``Skill.field_specific``).
        max_evidence: Evidence lines kept per skill (strongest first).
        levels: "rules" reads levels with the aliases, TF-IDF and the rubric's claim
            words; "learned" lets the learned level model (``match.learned``) decide each
            line's level from those signals and the line's context; "auto" (the default)
            uses the rules for skills whose resume wording the reviewed lexicon gives and
            the learned model for skills it does not know (``Skill.derived`` names
            "aliases": a role built from a new guide), whose only aliases are the guide's
            own names.
        level_model: The learned model to use; None uses the one shipped in the package.
    """

    def __init__(
        self,
        *,
        fuzzy_threshold: float = 0.84,
        tfidf_threshold: float = 0.30,
        tfidf_margin: float = 0.05,
        tfidf_max_level: int = 4,
        outside_field_applied: int = 2,
        max_evidence: int = 3,
        levels: str = "auto",
        level_model: "LevelModel | None" = None,
    ) -> None:
        self.fuzzy_threshold = fuzzy_threshold
        self.tfidf_threshold = tfidf_threshold
        self.tfidf_margin = tfidf_margin
        self.tfidf_max_level = tfidf_max_level
        self.outside_field_applied = outside_field_applied
        self.max_evidence = max_evidence
        self.levels = levels
        self.level_model = level_model

    # ------------------------------------------------------------------ fit

    def fit(self, taxonomy: Taxonomy | Sequence[Taxonomy]) -> "SkillMatcher":
        """
        Compile the aliases and the TF-IDF model for the skills of one or more roles.

        Args:
            taxonomy: A role taxonomy, or several (their skills are merged by id).

        Returns:
            self, fitted.

        Raises:
            ValueError: A parameter is out of range or the taxonomies have no skills.
        """
        for name in ("fuzzy_threshold", "tfidf_threshold", "tfidf_margin"):
            value = getattr(self, name)
            if not 0 <= value <= 1:
                raise ValueError(f"{name} must be between 0 and 1, got {value!r}.")
        if self.levels not in ("rules", "learned", "auto"):
            raise ValueError(
                f"levels must be 'rules', 'learned' or 'auto', got {self.levels!r}."
            )
        if self.outside_field_applied < 0:
            raise ValueError(
                "outside_field_applied must be 0 or more, "
                f"got {self.outside_field_applied!r}."
            )
        taxonomies = [taxonomy] if isinstance(taxonomy, Taxonomy) else list(taxonomy)
        skills: dict[str, Skill] = {}
        for item in taxonomies:
            for skill in item.skills:
                skills.setdefault(skill.id, skill)
        if not skills:
            raise ValueError("The taxonomy has no skills to match.")
        self.skills_ = skills
        self.skill_ids_ = list(skills)
        # the words that name each skill: a line made only of them is a name, not use
        self.name_words_ = {
            skill_id: frozenset(
                word.lower()
                for text in (skill.name, *skill.aliases, *skill.acronyms)
                for word in _WORD_RE.findall(text)
            )
            for skill_id, skill in skills.items()
        }

        ci_terms: dict[str, list[str]] = {}
        cs_terms: dict[str, list[str]] = {}
        for skill in skills.values():
            for alias in skill.aliases:
                ci_terms.setdefault(alias.lower(), []).append(skill.id)
            for acronym in skill.acronyms:
                cs_terms.setdefault(acronym, []).append(skill.id)
        self.terms_ci_ = [
            _Term(text, tuple(dict.fromkeys(ids)))
            for text, ids in sorted(ci_terms.items())
        ]
        self.terms_cs_ = [
            _Term(text, tuple(dict.fromkeys(ids)))
            for text, ids in sorted(cs_terms.items())
        ]
        self.index_ci_ = self._index(
            self.terms_ci_,
            [_flex_pattern(t.text) for t in self.terms_ci_],
            re.IGNORECASE,
        )
        self.index_cs_ = self._index(
            self.terms_cs_, [re.escape(t.text) + "s?" for t in self.terms_cs_], 0
        )
        self.vocabulary_ = frozenset(
            word.lower() for term in ci_terms for word in _WORD_RE.findall(term)
        )
        # Spelling repair aims only at the words of technical aliases (products, tools,
        # methods), where a typo hides a real skill; soft-skill aliases are plain English
        # ("traced", "manage"), where a "repair" would turn one word into another.
        technical = {
            word.lower()
            for skill in skills.values()
            if skill.category == "technical"
            for alias in skill.aliases
            for word in _WORD_RE.findall(alias)
        }
        # typos rarely change the first letter: look only among words sharing it
        self.spelling_targets_: dict[str, list[str]] = {}
        for word in sorted(w for w in technical if len(w) >= 6):
            self.spelling_targets_.setdefault(word[0], []).append(word)

        documents = [
            " ".join([skill.name, skill.description, *skill.aliases])
            for skill in skills.values()
        ]
        # Scoring a resume line needs only the fitted vocabulary and idf, in plain dicts:
        # each line costs a few dict lookups, and scikit-learn is never imported
        model = fit_tfidf(documents)
        self.analyzer_ = model.analyzer
        self.idf_ = model.idf
        self.term_skills_ = model.term_rows
        self._correct = lru_cache(maxsize=50_000)(self._correct_word)
        self.level_model_: LevelModel | None = None
        # the skills whose wording nobody reviewed: the learned model reads them in "auto"
        self.unreviewed_ = frozenset(
            skill_id for skill_id, skill in skills.items() if "aliases" in skill.derived
        )
        if self.levels == "learned" or (self.levels == "auto" and self.unreviewed_):
            self.level_model_ = self.level_model or default_level_model()
            if self.level_model_ is None:
                raise ValueError(
                    "levels='learned' needs the level model: fit it with "
                    "python -m gapcoach.train."
                )
        return self

    @staticmethod
    def _index(
        terms: list[_Term], patterns: list[str], flags: int
    ) -> dict[str, "re.Pattern[str]"]:
        """
        One anchored pattern per term prefix, so a line is only tried against the terms
        that can start at each of its words (a trie in spirit, at regex speed).
        """
        groups: dict[str, list[int]] = {}
        for index, term in enumerate(terms):
            groups.setdefault(_key(term.text, fold=bool(flags)), []).append(index)
        compiled: dict[str, re.Pattern[str]] = {}
        for key, members in groups.items():
            members.sort(key=lambda i: (-len(patterns[i]), i))
            body = "|".join(f"(?P<t{i}>{patterns[i]})" for i in members)
            compiled[key] = re.compile(rf"(?:{body})(?![\w&])", flags)
        return compiled

    def _check_fitted(self) -> None:
        if not hasattr(self, "skills_"):
            raise NotFittedError(
                "This SkillMatcher instance is not fitted yet. Call 'fit' with a "
                "Taxonomy before using it."
            )

    # ------------------------------------------------------------------ match

    def _correct_word(self, word: str) -> tuple[str, float] | None:
        found = process.extractOne(
            word,
            self.spelling_targets_.get(word[0], ()),
            scorer=fuzz.ratio,
            score_cutoff=self.fuzzy_threshold * 100,
        )
        if found is None or found[0] == word:
            return None
        return found[0], found[1] / 100

    def _repair_spelling(self, text: str) -> tuple[str, float]:
        """
        Replace unknown long words by the alias word they are a typo of.
        """
        worst = 1.0
        pieces: list[str] = []
        last = 0
        for match in _WORD_RE.finditer(text):
            word = match.group(0).lower()
            if len(word) < 6 or word in self.vocabulary_:
                continue
            repaired = self._correct(word)
            if repaired is None:
                continue
            pieces.append(text[last : match.start()])
            pieces.append(repaired[0])
            last = match.end()
            worst = min(worst, repaired[1])
        if not pieces:
            return text, 1.0
        pieces.append(text[last:])
        return "".join(pieces), worst

    def _term_hits(self, text: str) -> Iterable[tuple[_Term, str, int]]:
        folded_raw = text.translate(_KEY_TABLE)
        folded = folded_raw.lower()
        if len(folded) != len(text):  # a rare character changed length when lowered
            folded = folded_raw
        lookups = (
            (self.index_ci_, folded, self.terms_ci_),
            (self.index_cs_, folded_raw, self.terms_cs_),
        )
        for start in _WORD_START_RE.finditer(text):
            position = start.start()
            for index, keyed, terms in lookups:
                pattern = index.get(keyed[position : position + 3])
                if pattern is None:
                    continue
                found = pattern.match(text, position)
                if found is not None and found.lastgroup is not None:
                    name = found.lastgroup
                    yield terms[int(name[1:])], found.group(name), position

    def match(
        self, document: Document, *, ratings: Ratings | None = None
    ) -> list[SkillMatch]:
        """
        Evidence and level for every fitted skill.

        Args:
            document: The resume as read by ``read_resume``.
            ratings: Optional self-ratings, merged as documented in ``combine_levels``.

        Returns:
            One SkillMatch per skill, in the taxonomy's skill order.

        Raises:
            NotFittedError: ``fit`` was not called.
        """
        self._check_fitted()
        outside = outside_field(document)
        if self.level_model_ is None:
            found = self.rule_evidence(document)
        elif self.levels == "learned":
            found = learned_evidence(self, document, self.level_model_, outside)
        else:
            rules, learned = both_evidence(self, document, self.level_model_, outside)
            found = {
                skill_id: learned[skill_id]
                if skill_id in self.unreviewed_
                else rules[skill_id]
                for skill_id in self.skill_ids_
            }
        lowered = self._transfer(found) if outside else {}
        return self._settle(
            found, ratings, has_resume=bool(document.lines), lowered=lowered
        )

    def rule_evidence(
        self, document: Document, cosines: list[list[float]] | None = None
    ) -> dict[str, dict[int, Evidence]]:
        """
        What the aliases and TF-IDF find on each line, per skill id and line number
        (``cosines``: each line's cosines, when the caller has them already).
        """
        self._check_fitted()
        found: dict[str, dict[int, Evidence]] = {s: {} for s in self.skill_ids_}
        work_lines: list[tuple[int, str, str, list[float]]] = []
        for index, line in enumerate(document.lines):
            self._match_line(line.text, line.number, line.section, found)
            if line.section in WORK_SECTIONS and len(line.text.split()) >= 5:
                scores = (
                    cosines[index] if cosines is not None else self.cosines(line.text)
                )
                work_lines.append((line.number, line.text, line.section, scores))
        if work_lines:
            self._match_paraphrases(work_lines, found)
        return found

    def match_ratings(self, ratings: Ratings) -> list[SkillMatch]:
        """
        Levels from self-ratings alone, for an assessment without a resume.
        """
        self._check_fitted()
        return self._settle(
            {skill_id: {} for skill_id in self.skill_ids_}, ratings, has_resume=False
        )

    def _match_line(
        self,
        text: str,
        number: int,
        section: str,
        found: dict[str, dict[int, Evidence]],
    ) -> None:
        hits = list(self._term_hits(text))
        repaired, quality = self._repair_spelling(text)
        typo_hits = list(self._term_hits(repaired)) if repaired != text else []
        seen = {(term.text, start) for term, _, start in hits}
        candidates = [
            (term, matched, start, False) for term, matched, start in hits
        ] + [
            (term, matched, start, True)
            for term, matched, start in typo_hits
            if (term.text, start) not in seen
        ]
        for term, matched, start, repaired_hit in candidates:
            if matched.lower() == term.text.lower() and not repaired_hit:
                method, score = "alias", 1.0
            else:
                similarity = fuzz.ratio(matched.lower(), term.text.lower()) / 100
                score = round(
                    min(similarity, quality) if repaired_hit else similarity, 3
                )
                if score < self.fuzzy_threshold and not (
                    not repaired_hit
                    and matched.lower().startswith(term.text.lower()[:5])
                ):
                    continue
                method = "fuzzy"
            level = line_level(
                text,
                section,
                min(start, len(text)),
                min(start + len(matched), len(text)),
            )
            # a name with a few words around it at most: a long line is never "only a name"
            # (and is not re-read once per mention)
            rest = (
                _WORD_RE.findall(text[:start] + " " + text[start + len(matched) :])
                if len(text) - len(matched) <= _NAME_LINE_SLACK
                else None
            )
            for skill_id in term.skill_ids:
                # a bullet that only names the skill ("Workforce Management (WFM)") is a
                # mention wherever it stands: it says nothing of use
                only_named = rest is not None and all(
                    w.lower() in self.name_words_[skill_id] for w in rest
                )
                self._keep(
                    found[skill_id],
                    Evidence(
                        text=text,
                        line=number,
                        section=section,
                        method=method,
                        score=score,
                        level=min(level, 1) if only_named else level,
                        source="resume",
                        term=term.text,
                    ),
                )

    def cosines(self, text: str) -> list[float]:
        """
        Cosine of one line to every skill, as TfidfVectorizer(sublinear_tf=True) would give.
        """
        counts = Counter(term for term in self.analyzer_(text) if term in self.idf_)
        weights = {
            term: (1 + math.log(n)) * self.idf_[term] for term, n in counts.items()
        }
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        scores = [0.0] * len(self.skill_ids_)
        for term, weight in weights.items():
            for row, value in self.term_skills_[term]:
                scores[row] += weight / norm * value
        return scores

    def _match_paraphrases(
        self,
        work_lines: list[tuple[int, str, str, list[float]]],
        found: dict[str, dict[int, Evidence]],
    ) -> None:
        for number, text, section, scores in work_lines:
            best = max(scores)
            if best < self.tfidf_threshold:
                continue
            for column, skill_id in enumerate(self.skill_ids_):
                score = float(scores[column])
                if score < self.tfidf_threshold or score < best - self.tfidf_margin:
                    continue
                if number in found[skill_id]:
                    continue  # an alias already explains this line
                level = min(line_level(text, section, 0), self.tfidf_max_level)
                self._keep(
                    found[skill_id],
                    Evidence(
                        text=text,
                        line=number,
                        section=section,
                        method="tfidf",
                        score=round(min(score, 1.0), 3),
                        level=level,
                        source="resume",
                        term=None,
                    ),
                )

    def _transfer(self, found: dict[str, dict[int, Evidence]]) -> dict[str, str]:
        """
        Work outside contact centers: a contact-center skill (``Skill.field_specific``)
        counts as a mention, and of the rest only the strongest
        ``outside_field_applied`` keep their level. Returns why each lowered skill was.
        """
        strength = {
            skill_id: max(
                ((e.level, e.score, len(per_line)) for e in per_line.values()),
                default=(0, 0.0, 0),
            )
            for skill_id, per_line in found.items()
        }
        applied = [
            skill_id for skill_id in self.skill_ids_ if strength[skill_id][0] >= 2
        ]
        why: dict[str, str] = {}
        for skill_id in applied:
            if self.skills_[skill_id].field_specific:
                why[skill_id] = (
                    " (a contact-center skill: work outside contact centers counts"
                    " as a mention)"
                )
        transferable = sorted(
            (skill_id for skill_id in applied if skill_id not in why),
            key=lambda skill_id: strength[skill_id],
            reverse=True,
        )
        for skill_id in transferable[self.outside_field_applied :]:
            why[skill_id] = (
                f" (work outside contact centers: only the {self.outside_field_applied}"
                " strongest skills keep their level, the rest count as transferable)"
            )
        for skill_id in why:
            found[skill_id] = self._lowered(found[skill_id])
        return why

    @staticmethod
    def _lowered(per_line: dict[int, Evidence]) -> dict[int, Evidence]:
        return {
            line: evidence.model_copy(update={"level": min(evidence.level, 1)})
            for line, evidence in per_line.items()
        }

    @staticmethod
    def _keep(per_line: dict[int, Evidence], evidence: Evidence) -> None:
        """
        Keep the strongest evidence per line (a negated mention on a line loses to none).
        """
        assert evidence.line is not None
        current = per_line.get(evidence.line)
        if current is None or (evidence.level, evidence.score) > (
            current.level,
            current.score,
        ):
            per_line[evidence.line] = evidence

    def _settle(
        self,
        found: dict[str, dict[int, Evidence]],
        ratings: Ratings | None,
        *,
        has_resume: bool,
        lowered: dict[str, str] | None = None,
    ) -> list[SkillMatch]:
        by_skill: dict[str, Rating] = (
            {rating.skill_id: rating for rating in ratings.ratings} if ratings else {}
        )
        results: list[SkillMatch] = []
        for skill_id in self.skill_ids_:
            ranked = sorted(
                (e for e in found[skill_id].values() if e.level > 0),
                key=lambda e: (-e.level, -e.score, e.line or 0),
            )[: self.max_evidence]
            resume_level = ranked[0].level if ranked else 0
            rating = by_skill.get(skill_id)
            level, note = combine_levels(
                resume_level, rating.level if rating else None, has_resume=has_resume
            )
            if lowered and skill_id in lowered:
                note += lowered[skill_id]
            evidence = list(ranked)
            if rating is not None:
                evidence.append(
                    Evidence(
                        # the report's one scale: levels 0-4, whatever the file used
                        text=f"self-rated {rating.level} ({LEVEL_NAMES[rating.level]})"
                        + (f": {rating.note}" if rating.note else ""),
                        line=rating.line,
                        section="ratings",
                        method="rating",
                        score=1.0,
                        level=rating.level,
                        source="rating",
                        term=None,
                    )
                )
            results.append(
                SkillMatch(
                    skill_id=skill_id,
                    level=level,
                    resume_level=resume_level,
                    rating_level=rating.level if rating else None,
                    combination=note,
                    evidence=evidence,
                )
            )
        return results
