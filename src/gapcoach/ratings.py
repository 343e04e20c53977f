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

import csv
import io
import json
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from gapcoach._text import collapse_spaces, display_name, sha256_bytes, slugify
from gapcoach.errors import RatingsError
from gapcoach.models import Rating, Ratings, Skill, Taxonomy

__all__ = [
    "MAX_RATINGS_BYTES",
    "dump_ratings",
    "level_to_stars",
    "load_ratings",
    "run_questionnaire",
    "stars_to_level",
]

Scale = Literal["stars", "levels"]
MAX_RATINGS_BYTES = 1024 * 1024
FUZZY_THRESHOLD = 85
"""Lowest rapidfuzz ratio (0-100) at which a misspelt skill name still resolves."""
AMBIGUITY_MARGIN = 4
"""A runner-up this close to the best match makes a fuzzy name ambiguous."""

_TOP_KEYS = ("role", "scale", "ratings")
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


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class _Entry:
    """
    One "skill: value" pair as written in the file, with its 1-based line number.
    """

    key: str
    value: Any
    line: int | None


@dataclass(frozen=True)
class _Parsed:
    entries: list[_Entry]
    scale: str | None
    role: str | None
    scale_line: int | None


def _read_source(
    source: Path | str | bytes, name: str | None
) -> tuple[str, bytes, str, str]:
    """
    (label, bytes, text, suffix) of a ratings source.
    """
    from gapcoach.ingest.files import FileKind, decode_text, read_source

    if not isinstance(source, Path | str | bytes):
        raise TypeError(
            f"load_ratings() takes a Path, str or bytes, not {type(source).__name__}"
        )
    kind = FileKind(
        what="a ratings file (.yaml, .json or .csv)",
        max_bytes=MAX_RATINGS_BYTES,
        error=RatingsError,
        missing="check the ratings file's path",
        too_big=lambda label, size: _too_big(label),
        unnamed="<ratings>",
    )
    item = read_source(source, kind, name=name)
    label = display_name(name) if isinstance(source, Path) and name else item.label
    text = item.text if item.text is not None else decode_text(item.data, label, kind)
    return label, item.data, text, item.suffix


def _too_big(label: str) -> str:
    return (
        f"{label} is larger than {MAX_RATINGS_BYTES // 1024} KB; a ratings file lists "
        "one line per skill."
    )


def _kind(text: str, suffix: str) -> str:
    if suffix in (".yaml", ".yml", ".json", ".csv"):
        return {".yml": "yaml"}.get(suffix, suffix[1:])
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        return "json"
    first = next(
        (
            line
            for line in text.splitlines()
            if line.strip() and not line.startswith("#")
        ),
        "",
    )
    if re.match(r"^\s*\"?skill\"?\s*,", first, re.IGNORECASE):
        return "csv"
    return "yaml"


def _fail(label: str, line: int | None, message: str) -> RatingsError:
    where = f"{label} line {line}" if line else label
    return RatingsError(f"{where}: {message}")


_MAX_KEY_CHARS = 300  # a skill name is a few words; longer "keys" are not looked for
_JSON_KEY_RE = re.compile(rf'"([^"\n]{{0,{_MAX_KEY_CHARS}}})"\s*:')
_YAML_LINE_START_RE = re.compile(r"\s*(?:-\s+)?")
_YAML_FLOW_START_RE = re.compile(r"[{,]\s*")
_KEY_COLON_RE = re.compile(r":(?=\s|$)")


def _yaml_keys(line: str) -> Iterator[str]:
    """
    Every key a YAML line may define: at its start, or after "{" or "," in flow style.
    """
    head = _YAML_LINE_START_RE.match(line)
    starts = [head.end() if head else 0]
    starts.extend(match.end() for match in _YAML_FLOW_START_RE.finditer(line))
    for begin in starts:
        if begin >= len(line):
            continue
        quote = line[begin]
        if quote in "\"'":
            close = line.find(quote, begin + 1, begin + 2 + _MAX_KEY_CHARS)
            if close > begin and re.match(r"\s*:(?:\s|$)", line[close + 1 :]):
                yield line[begin + 1 : close]
            continue
        window = line[begin : begin + _MAX_KEY_CHARS + 1]
        for colon in _KEY_COLON_RE.finditer(window):
            key = window[: colon.start()].rstrip()
            if key:
                yield key


def _key_lines(
    lines: list[str], keys: list[str], *, start: int, quoted: bool
) -> list[list[int]]:
    """
    For each key, the 1-based lines from ``start`` on (0-based index) that define it.

    JSON keys are quoted and may share a line; YAML keys start a line ("  wfm: 4") or
    follow a brace or comma in flow style ("ratings: {wfm: 4}"). The lines are read once
    into an index of the keys they define, so the cost grows with the file, not with
    keys x lines.
    """
    wanted = set(keys)
    index: dict[str, list[int]] = {key: [] for key in wanted}
    for number in range(start, len(lines)):
        line = lines[number]
        if ":" not in line:
            continue
        found = (
            (match.group(1) for match in _JSON_KEY_RE.finditer(line))
            if quoted
            else _yaml_keys(line)
        )
        for key in found:
            if key in wanted:
                index[key].append(number + 1)
    return [index[key] for key in keys]


MAX_ENTRIES = 500


def _check_count(label: str, count: int) -> None:
    """
    A role has a few dozen skills; a file with hundreds of entries is not a self-rating.
    """
    if count > MAX_ENTRIES:
        raise _fail(
            label,
            None,
            f"has more than {MAX_ENTRIES} ratings; a role has a few dozen skills, so rate "
            "only the skills of the roles you are assessed for.",
        )


def _parse_mapping_file(
    label: str, text: str, data: Any, *, quoted: bool, duplicate: str | None = None
) -> _Parsed:
    lines = text.splitlines()
    if data is None:
        raise _fail(
            label, None, "the file is empty; add a 'ratings:' mapping of skill: value."
        )
    if not isinstance(data, dict):
        raise _fail(
            label,
            None,
            f"expected a mapping with 'ratings', got {type(data).__name__}; "
            "write 'ratings:' followed by 'skill: value' lines.",
        )
    if "ratings" in data:
        unknown = [str(key) for key in data if key not in _TOP_KEYS]
        if unknown:
            raise _fail(
                label,
                None,
                f"unknown key '{unknown[0]}'; the keys are role, scale and ratings.",
            )
        ratings = data["ratings"] if data["ratings"] is not None else {}
        start_lines = _key_lines(lines, ["ratings"], start=0, quoted=quoted)[0]
        start = start_lines[0] - 1 if start_lines else 0
        if not isinstance(ratings, dict):
            raise _fail(
                label,
                start_lines[0] if start_lines else None,
                "'ratings' must be a mapping of skill: value, one per line.",
            )
        role = data.get("role")
        scale = data.get("scale")
    else:
        # a bare mapping of skill: value is accepted too
        ratings, start, role, scale = data, 0, None, None
    keys = [str(key) for key in ratings]
    _check_count(label, len(keys))
    positions = _key_lines(lines, keys, start=start, quoted=quoted)
    entries: list[_Entry] = []
    for key, value, where in zip(keys, ratings.values(), positions, strict=True):
        if len(where) > 1:
            raise _fail(
                label,
                where[1],
                f"'{key}' is rated twice (also on line {where[0]}); rate each skill once.",
            )
        entries.append(_Entry(key=key, value=value, line=where[0] if where else None))
    if duplicate is not None:
        where = _key_lines(lines, [duplicate], start=start, quoted=quoted)[0]
        line = where[1] if len(where) > 1 else None
        also = f" (also on line {where[0]})" if len(where) > 1 else ""
        raise _fail(
            label, line, f"'{duplicate}' is rated twice{also}; rate each skill once."
        )
    scale_where = _key_lines(lines, ["scale"], start=0, quoted=quoted)[0]
    return _Parsed(
        entries=entries,
        scale=None if scale is None else str(scale),
        role=None if role is None else str(role),
        scale_line=scale_where[0] if scale_where else None,
    )


def _parse_yaml(label: str, text: str) -> _Parsed:
    from gapcoach.ingest.files import load_yaml

    try:
        data = load_yaml(text, label=label, error=RatingsError, native=False)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or "not valid YAML"
        line = mark.line + 1 if mark is not None else None
        raise _fail(label, line, f"invalid YAML ({problem}); fix the syntax.") from None
    return _parse_mapping_file(label, text, data, quoted=False)


def _parse_json(label: str, text: str) -> _Parsed:
    duplicates: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        seen: dict[str, Any] = {}
        for key, value in items:
            if key in seen:
                duplicates.append(key)
            seen[key] = value
        return seen

    from gapcoach.ingest.files import load_json

    try:
        data = load_json(text, label=label, error=RatingsError, object_pairs_hook=pairs)
    except json.JSONDecodeError as error:
        raise _fail(
            label, error.lineno, f"invalid JSON ({error.msg}); fix the syntax."
        ) from None
    return _parse_mapping_file(
        label, text, data, quoted=True, duplicate=duplicates[0] if duplicates else None
    )


def _csv_rows(label: str, reader: Any) -> Iterator[list[str]]:
    """
    The reader's rows, with a malformed row (a field over the csv module's size limit, a
    NUL) as one RatingsError naming its line.
    """
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise _fail(
                label, reader.line_num or None, f"invalid CSV ({error}); fix the row."
            ) from None
        yield row


def _parse_csv(label: str, text: str) -> _Parsed:
    reader = csv.reader(io.StringIO(text))
    header: list[str] | None = None
    entries: list[_Entry] = []
    for row in _csv_rows(label, reader):
        line = reader.line_num
        if (
            not row
            or not any(cell.strip() for cell in row)
            or row[0].lstrip().startswith("#")
        ):
            continue
        if header is None:
            header = [cell.strip().lower() for cell in row]
            if header[:2] != ["skill", "rating"]:
                raise _fail(
                    label,
                    line,
                    f"expected the header 'skill,rating', got '{','.join(row)}'.",
                )
            continue
        if len(row) != len(header):
            raise _fail(
                label,
                line,
                f"expected {len(header)} columns ({','.join(header)}), got {len(row)}; "
                "quote a skill name that contains a comma.",
            )
        entries.append(_Entry(key=row[0].strip(), value=row[1].strip(), line=line))
        _check_count(label, len(entries))
    if header is None:
        raise _fail(
            label, None, "the file is empty; start it with the header 'skill,rating'."
        )
    return _Parsed(entries=entries, scale=None, role=None, scale_line=None)


# --------------------------------------------------------------------------- values


def _number(label: str, entry: _Entry, scale_hint: str) -> float | None:
    value = entry.value
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        shown = "a list" if isinstance(value, list) else repr(value)
        raise _fail(
            label,
            entry.line,
            f"rating {shown} for '{entry.key}' is not a number; use {scale_hint}.",
        )
    if isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            raise _fail(
                label,
                entry.line,
                f"rating '{value.strip()}' for '{entry.key}' is not a number; use {scale_hint}.",
            ) from None
    else:
        number = float(value)
    if not math.isfinite(number):
        raise _fail(
            label,
            entry.line,
            f"rating {value} for '{entry.key}' is not a number; use {scale_hint}.",
        )
    if not number.is_integer():
        raise _fail(
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
    label: str, parsed: _Parsed, values: list[tuple[_Entry, float]]
) -> Scale:
    if parsed.scale is not None:
        scale = parsed.scale.strip().lower()
        if scale not in _RANGES:
            raise _fail(
                label,
                parsed.scale_line,
                f"scale '{parsed.scale}' is not one of stars, levels; use stars (1-5) "
                "or levels (0-4).",
            )
        return "stars" if scale == "stars" else "levels"
    has_five = [entry for entry, number in values if number == 5]
    has_zero = [entry for entry, number in values if number == 0]
    if has_five and has_zero:
        raise _fail(
            label,
            has_zero[0].line,
            f"rating 0 for '{has_zero[0].key}' and rating 5 for '{has_five[0].key}' "
            "mix two scales; add 'scale: stars' (1-5) or 'scale: levels' (0-4).",
        )
    return "levels" if has_zero else "stars"


# --------------------------------------------------------------------------- skill names


@dataclass(frozen=True)
class _Index:
    """
    Lookup tables of one taxonomy's skills for resolving rating keys.
    """

    exact: dict[str, Skill]
    acronyms: dict[str, list[Skill]]
    forms: dict[str, set[str]]
    by_id: dict[str, Skill]


def _normal(text: str) -> str:
    return collapse_spaces(
        re.sub(r"[^\w\s]", " ", text.casefold().replace("&", " and "))
    )


def _forms(skill: Skill) -> set[str]:
    """
    Spellings a fuzzy key is compared with: the name, its parts and leading words.
    """
    bare = re.sub(r"\s*\([^)]*\)", "", skill.name).strip()
    forms = {skill.name, bare, skill.id.replace("-", " ")}
    for part in [bare, *re.split(r"\s+and\s+|\s*&\s*|,\s*", bare)]:
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
        raise _fail(
            label,
            line,
            f"unknown skill '{stripped}'. Did you mean {_quote_list(top)}? "
            "Name a skill by its id or its name in the guide.",
        )
    if len(by_acronym) > 1 or (
        len(ranked) > 1 and ranked[1][1] >= ranked[0][1] - AMBIGUITY_MARGIN
    ):
        raise _fail(
            label,
            line,
            f"skill '{stripped}' is ambiguous: it could be {_quote_list(top)}. "
            "Use the skill's id or full name.",
        )
    skill = ranked[0][0]
    return skill, f"resolved '{stripped}' to '{skill.name}'"


# --------------------------------------------------------------------------- public


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
    label, data, text, suffix = _read_source(source, name)
    kind = _kind(text, suffix)
    if kind == "json":
        parsed = _parse_json(label, text)
    elif kind == "csv":
        parsed = _parse_csv(label, text)
    else:
        parsed = _parse_yaml(label, text)
    hint = _scale_hint(None if parsed.scale is None else parsed.scale.strip().lower())
    numbers: list[tuple[_Entry, float]] = []
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
            raise _fail(
                label,
                entry.line,
                f"rating {number:g} for '{entry.key}' is out of range; {fix}.",
            )
        skill, note = _resolve(index, entry.key, label=label, line=entry.line)
        if skill.id in first_line:
            other_line, other_key = first_line[skill.id]
            where = f"line {other_line}" if other_line else "another entry"
            raise _fail(
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


def _yaml_scalar(text: str) -> str:
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", text) and text.lower() not in (
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


def run_questionnaire(
    taxonomy: Taxonomy,
    *,
    existing: Ratings | None = None,
    ask: Callable[[Skill, int | None], int | None],
    revisit: bool = False,
) -> Ratings:
    """
    Ask for a star rating of every skill of a role, resuming an unfinished file.

    Args:
        taxonomy: The role whose skills are asked about, in its order.
        existing: Ratings already given (e.g. a half-finished file); their skills are
            skipped unless ``revisit`` is true, and they are kept in the result.
        ask: The prompt: called with a skill and its current rating in stars (None when
            unrated); returns 1-5 stars, or None to stop and keep what is done so far.
        revisit: Ask about already rated skills too, offering their rating as default.

    Returns:
        Ratings on the stars scale, in taxonomy order.

    Raises:
        ValueError: ``ask`` returned something other than a whole number 1-5 or None.
    """
    done: dict[str, Rating] = {}
    for rating in existing.ratings if existing else []:
        stars = level_to_stars(rating.level)
        done[rating.skill_id] = rating.model_copy(update={"raw": float(stars)})
    for skill in taxonomy.skills:
        current = done.get(skill.id)
        if current is not None and not revisit:
            continue
        answer = ask(skill, None if current is None else level_to_stars(current.level))
        if answer is None:
            break
        if (
            isinstance(answer, bool)
            or not isinstance(answer, int)
            or not 1 <= answer <= 5
        ):
            raise ValueError(f"ask() must return 1-5 stars or None, not {answer!r}")
        done[skill.id] = Rating(
            skill_id=skill.id, level=stars_to_level(answer), raw=float(answer)
        )
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
