"""
RATINGS stage: self-rating files (YAML, JSON or CSV) -> Ratings, and Ratings -> YAML.

A self-rating is the person's own view of a skill, a second source next to the resume's
evidence. Files look like this (YAML; JSON has the same keys)::

    role: call-center-operations-manager   # optional
    scale: stars                           # stars (1-5) or levels (0-4); optional
    ratings:
      workforce-management-wfm-software: 4 # a skill id ...
      Conflict Resolution and De-escalation: 3   # ... or its name in the guide

or CSV with the header ``skill,rating``. Skills are named by id, by exact guide name (any
case), or approximately: a near miss such as "Workforse Management" resolves, and the
Rating's ``note`` says so. An empty value means "not rated" and is skipped.

When a file does not say its scale, it is detected from the values: any 5 means stars,
any 0 means levels, and otherwise stars. Stars map to levels as 1->0, 2->1, 3->2, 4->3,
5->4. ``dump_ratings`` writes the YAML form (ids as keys, the same scale), so a loaded
file round-trips; ``run_questionnaire`` is the interactive rating loop with the prompt
injected, so the CLI and the tests share it.
"""

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from gapcoach._text import (
    collapse_spaces,
    display_name,
    sha256_bytes,
    slugify,
    without_parentheses,
)
from gapcoach.models import Rating, Ratings, Skill, Taxonomy
from gapcoach.ratings.parse import (
    MAX_RATINGS_BYTES,
    Entry,
    Parsed,
    parse_csv,
    parse_json,
    parse_yaml,
    ratings_error,
    read_ratings_source,
    sniff_kind,
)

__all__ = [
    "MAX_RATINGS_BYTES",
    "dump_ratings",
    "level_to_stars",
    "load_ratings",
    "BACK",
    "Answer",
    "SKIP",
    "run_questionnaire",
    "stars_to_level",
]

Scale = Literal["stars", "levels"]


FUZZY_THRESHOLD = 85

"""Lowest rapidfuzz ratio (0-100) at which a misspelt skill name still resolves."""

AMBIGUITY_MARGIN = 4

"""A runner-up this close to the best match makes a fuzzy name ambiguous."""

_RANGES: dict[Scale, tuple[int, int]] = {"stars": (1, 5), "levels": (0, 4)}


def stars_to_level(stars: int) -> int:
    """
    A 1-5 star rating on gapcoach's 0-4 level scale (1 star -> 0, 5 stars -> 4).
    """
    return stars - 1


def level_to_stars(level: int) -> int:
    """
    A 0-4 level as 1-5 stars (level 0 -> 1 star, level 4 -> 5 stars).
    """
    return level + 1


def _number(label: str, entry: Entry, scale_hint: str) -> float | None:
    value = entry.value
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        shown = "a list" if isinstance(value, list) else repr(value)
        raise ratings_error(
            label,
            entry.line,
            f"rating {shown} for '{entry.key}' is not a number; use {scale_hint}.",
        )
    if isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            raise ratings_error(
                label,
                entry.line,
                f"rating '{value.strip()}' for '{entry.key}' is not a number; use {scale_hint}.",
            ) from None
    else:
        number = float(value)
    if not math.isfinite(number):
        raise ratings_error(
            label,
            entry.line,
            f"rating {value} for '{entry.key}' is not a number; use {scale_hint}.",
        )
    if not number.is_integer():
        raise ratings_error(
            label,
            entry.line,
            f"rating {number:g} for '{entry.key}' is not a whole number; use {scale_hint}.",
        )
    return number


def _scale_hint(scale: str | None) -> str:
    if scale == "levels":
        return "a level from 0 to 4"
    if scale == "stars":
        return "1-5 stars"
    return "1-5 stars (or 0-4 with scale: levels)"


def _choose_scale(
    label: str, parsed: Parsed, values: list[tuple[Entry, float]]
) -> Scale:
    if parsed.scale is not None:
        scale = parsed.scale.strip().lower()
        if scale not in _RANGES:
            raise ratings_error(
                label,
                parsed.scale_line,
                f"scale '{parsed.scale}' is not one of stars, levels; use stars (1-5) "
                "or levels (0-4).",
            )
        return "stars" if scale == "stars" else "levels"
    has_five = [entry for entry, number in values if number == 5]
    has_zero = [entry for entry, number in values if number == 0]
    if has_five and has_zero:
        raise ratings_error(
            label,
            has_zero[0].line,
            f"rating 0 for '{has_zero[0].key}' and rating 5 for '{has_five[0].key}' "
            "mix two scales; add 'scale: stars' (1-5) or 'scale: levels' (0-4).",
        )
    return "levels" if has_zero else "stars"


@dataclass(frozen=True)
class _Index:
    """
    Lookup tables of one taxonomy's skills for resolving rating keys.
    """

    exact: dict[str, Skill]
    acronyms: dict[str, list[Skill]]
    forms: dict[str, set[str]]
    by_id: dict[str, Skill]


_NON_WORD_RE = re.compile(r"[^\w\s]")
# (?<!\s): a match starts only where a run of spaces starts, so a long run is read once
_NAME_JOINER_RE = re.compile(r"(?<!\s)(?:\s+and\s+|\s*&\s*)|,\s*")


def _normal(text: str) -> str:
    return collapse_spaces(_NON_WORD_RE.sub(" ", text.casefold().replace("&", " and ")))


def _forms(skill: Skill) -> set[str]:
    """
    Spellings a fuzzy key is compared with: the name, its parts and leading words.
    """
    bare = without_parentheses(skill.name).strip()
    forms = {skill.name, bare, skill.id.replace("-", " ")}
    for part in [bare, *_NAME_JOINER_RE.split(bare)]:
        words = part.split()
        forms.update(" ".join(words[:count]) for count in range(1, len(words) + 1))
    return {_normal(form) for form in forms if form.strip()}


def _index(taxonomy: Taxonomy) -> _Index:
    exact: dict[str, Skill] = {}
    acronyms: dict[str, list[Skill]] = {}
    forms: dict[str, set[str]] = {}
    for skill in taxonomy.skills:
        exact[skill.id] = skill
        exact[_normal(skill.name)] = skill
        exact.setdefault(slugify(skill.name), skill)
        for acronym in skill.acronyms:
            acronyms.setdefault(acronym.casefold(), []).append(skill)
        for form in _forms(skill):
            forms.setdefault(form, set()).add(skill.id)
    return _Index(
        exact=exact,
        acronyms=acronyms,
        forms=forms,
        by_id={skill.id: skill for skill in taxonomy.skills},
    )


def _suggestions(index: _Index, key: str) -> list[tuple[Skill, float]]:
    from rapidfuzz import fuzz, process

    matches = process.extract(
        _normal(key), list(index.forms), scorer=fuzz.ratio, limit=None
    )
    best: dict[str, float] = {}
    for form, score, _ in matches:
        for skill_id in index.forms[form]:
            best[skill_id] = max(best.get(skill_id, 0.0), score)
    ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))
    return [(index.by_id[skill_id], score) for skill_id, score in ranked]


def _quote_list(skills: list[Skill]) -> str:
    names = [f"'{skill.name}' ({skill.id})" for skill in skills]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _resolve(
    index: _Index, key: str, *, label: str, line: int | None
) -> tuple[Skill, str | None]:
    """
    The skill a rating key names, and a note when it was resolved approximately.

    Raises:
        RatingsError: The key is unknown or ambiguous; lists the 3 closest skills.
    """
    stripped = key.strip()
    for candidate in (stripped.lower(), _normal(stripped), slugify(stripped)):
        if candidate in index.exact:
            return index.exact[candidate], None
    by_acronym = index.acronyms.get(stripped.casefold(), [])
    if len(by_acronym) == 1:
        skill = by_acronym[0]
        return skill, f"resolved '{stripped}' to '{skill.name}'"
    ranked = _suggestions(index, stripped)
    top = [skill for skill, _ in ranked[:3]]
    if not ranked or ranked[0][1] < FUZZY_THRESHOLD:
        raise ratings_error(
            label,
            line,
            f"unknown skill '{stripped}'. Did you mean {_quote_list(top)}? "
            "Name a skill by its id or its name in the guide.",
        )
    if len(by_acronym) > 1 or (
        len(ranked) > 1 and ranked[1][1] >= ranked[0][1] - AMBIGUITY_MARGIN
    ):
        raise ratings_error(
            label,
            line,
            f"skill '{stripped}' is ambiguous: it could be {_quote_list(top)}. "
            "Use the skill's id or full name.",
        )
    skill = ranked[0][0]
    return skill, f"resolved '{stripped}' to '{skill.name}'"


def load_ratings(
    source: Path | str | bytes, taxonomy: Taxonomy, *, name: str | None = None
) -> Ratings:
    """
    Read a self-ratings file and resolve its skills against a role's taxonomy.

    Args:
        source: A ``Path`` to a ``.yaml``/``.yml``, ``.json`` or ``.csv`` file, or the
            file's content as ``str`` or ``bytes`` (the format is then sniffed: ``{`` is
            JSON, a ``skill,...`` header is CSV, anything else YAML).
        taxonomy: The role whose skills the ratings name.
        name: The name used in messages and stored in ``Ratings.name`` (default: the
            path, or ``<ratings>``).

    Returns:
        The ratings in file order, each on the 0-4 level scale with its raw value, line
        number and, for approximate names, a note saying how it was resolved.

    Raises:
        RatingsError: Unreadable or malformed file; an unknown or ambiguous skill (with
            the 3 closest suggestions); a value that is not a whole number or out of
            range; a skill rated twice. Messages name the file and the line.
        TypeError: ``source`` is not a Path, str or bytes.
    """
    label, data, text, suffix = read_ratings_source(source, name)
    kind = sniff_kind(text, suffix)
    if kind == "json":
        parsed = parse_json(label, text)
    elif kind == "csv":
        parsed = parse_csv(label, text)
    else:
        parsed = parse_yaml(label, text)
    hint = _scale_hint(None if parsed.scale is None else parsed.scale.strip().lower())
    numbers: list[tuple[Entry, float]] = []
    for entry in parsed.entries:
        number = _number(label, entry, hint)
        if number is not None:
            numbers.append((entry, number))
    scale = _choose_scale(label, parsed, numbers)
    low, high = _RANGES[scale]
    index = _index(taxonomy)
    ratings: list[Rating] = []
    first_line: dict[str, tuple[int | None, str]] = {}
    for entry, number in numbers:
        if not low <= number <= high:
            fix = (
                "use 1-5 stars (or add 'scale: levels' for 0-4)"
                if scale == "stars"
                else "use a level from 0 to 4 (or 'scale: stars' for 1-5)"
            )
            raise ratings_error(
                label,
                entry.line,
                f"rating {number:g} for '{entry.key}' is out of range; {fix}.",
            )
        skill, note = _resolve(index, entry.key, label=label, line=entry.line)
        if skill.id in first_line:
            other_line, other_key = first_line[skill.id]
            where = f"line {other_line}" if other_line else "another entry"
            raise ratings_error(
                label,
                entry.line,
                f"'{entry.key}' and '{other_key}' ({where}) both name '{skill.name}'; "
                "rate each skill once.",
            )
        first_line[skill.id] = (entry.line, entry.key)
        level = stars_to_level(int(number)) if scale == "stars" else int(number)
        ratings.append(
            Rating(
                skill_id=skill.id, level=level, raw=number, line=entry.line, note=note
            )
        )
    return Ratings(
        name=display_name(name or (source.name if isinstance(source, Path) else label)),
        sha256=sha256_bytes(data),
        scale=scale,
        role=parsed.role,
        ratings=ratings,
    )


_PLAIN_SCALAR_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


def _yaml_scalar(text: str) -> str:
    if _PLAIN_SCALAR_RE.fullmatch(text) and text.lower() not in (
        "yes", "no", "true", "false", "null", "on", "off", "y", "n",
    ):  # fmt: skip
        return text
    return json.dumps(text, ensure_ascii=False)


def _value(rating: Rating, scale: Scale) -> int:
    expected = level_to_stars(rating.level) if scale == "stars" else rating.level
    return int(rating.raw) if rating.raw == expected else expected


def dump_ratings(ratings: Ratings, taxonomy: Taxonomy) -> str:
    """
    Write ratings as a YAML ratings file that ``load_ratings`` reads back unchanged.

    Args:
        ratings: The ratings to write.
        taxonomy: The role they belong to; gives the order of the lines and the skill
            names written as comments.

    Returns:
        YAML text: ``role``, ``scale`` and ``ratings`` with skill ids as keys, in the
        file's own scale.
    """
    names = {skill.id: skill.name for skill in taxonomy.skills}
    order = {skill.id: position for position, skill in enumerate(taxonomy.skills)}
    ordered = sorted(
        ratings.ratings, key=lambda rating: order.get(rating.skill_id, len(order))
    )
    role = ratings.role or taxonomy.role_id
    lines = [
        "# gapcoach self-ratings",
        f"role: {_yaml_scalar(role)}",
        f"scale: {ratings.scale}        # stars = 1-5 stars; levels = 0-4",
        "ratings:" if ordered else "ratings: {}",
    ]
    for rating in ordered:
        entry = f"  {_yaml_scalar(rating.skill_id)}: {_value(rating, ratings.scale)}"
        name = names.get(rating.skill_id)
        lines.append(f"{entry}  # {name}" if name else entry)
    return "\n".join(lines) + "\n"


SKIP: Literal["skip"] = "skip"
"""What ``ask`` returns to leave a skill unrated and go on to the next."""

BACK: Literal["back"] = "back"
"""What ``ask`` returns to go back to the skill asked before."""

Answer = int | Literal["skip", "back"] | None


def run_questionnaire(
    taxonomy: Taxonomy,
    *,
    existing: Ratings | None = None,
    ask: Callable[[Skill, int | None], Answer],
    revisit: bool = False,
    on_question: Callable[[int, int], None] | None = None,
) -> Ratings:
    """
    Ask for a star rating of every skill of a role, resuming an unfinished file.

    Args:
        taxonomy: The role whose skills are asked about, in its order.
        existing: Ratings already given (e.g. a half-finished file); their skills are
            skipped unless ``revisit`` is true, and they are kept in the result.
        ask: The prompt: called with a skill and its current rating in stars (None when
            unrated); returns 1-5 stars, ``SKIP`` to leave the skill unrated, ``BACK`` to
            return to the skill asked before, or None to stop and keep what is done.
        revisit: Ask about already rated skills too, offering their rating as default.
        on_question: Called before each question with its number and the number of
            questions (1-based), for a "3/16" counter.

    Returns:
        Ratings on the stars scale, in taxonomy order.

    Raises:
        ValueError: ``ask`` returned something other than 1-5, SKIP, BACK or None.
    """
    done: dict[str, Rating] = {}
    for rating in existing.ratings if existing else []:
        stars = level_to_stars(rating.level)
        done[rating.skill_id] = rating.model_copy(update={"raw": float(stars)})
    queue = [skill for skill in taxonomy.skills if revisit or skill.id not in done]
    position = 0
    while position < len(queue):
        skill = queue[position]
        current = done.get(skill.id)
        if on_question is not None:
            on_question(position + 1, len(queue))
        answer = ask(skill, None if current is None else level_to_stars(current.level))
        if answer is None:
            break
        if answer == SKIP:
            position += 1
            continue
        if answer == BACK:
            position = max(0, position - 1)
            continue
        if (
            isinstance(answer, bool)
            or not isinstance(answer, int)
            or not 1 <= answer <= 5
        ):
            raise ValueError(
                f"ask() must return 1-5 stars, SKIP, BACK or None, not {answer!r}"
            )
        done[skill.id] = Rating(
            skill_id=skill.id, level=stars_to_level(answer), raw=float(answer)
        )
        position += 1
    order = {skill.id: position for position, skill in enumerate(taxonomy.skills)}
    ratings = sorted(
        done.values(), key=lambda rating: order.get(rating.skill_id, len(order))
    )
    content = json.dumps(
        [[rating.skill_id, rating.level] for rating in ratings], separators=(",", ":")
    )
    return Ratings(
        name=existing.name if existing else "questionnaire",
        sha256=sha256_bytes(content.encode("utf-8")),
        scale="stars",
        role=(existing.role if existing and existing.role else taxonomy.role_id),
        ratings=ratings,
    )
