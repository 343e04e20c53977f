"""
Reading a ratings file: YAML, JSON or CSV, every rated key with the line it is on.
"""

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from gapcoach._text import display_name
from gapcoach.errors import RatingsError

MAX_RATINGS_BYTES = 1024 * 1024
_TOP_KEYS = ("role", "scale", "ratings")


@dataclass(frozen=True)
class Entry:
    """
    One "skill: value" pair as written in the file, with its 1-based line number.
    """

    key: str
    value: Any
    line: int | None


@dataclass(frozen=True)
class Parsed:
    entries: list[Entry]
    scale: str | None
    role: str | None
    scale_line: int | None


def read_ratings_source(
    source: Path | str | bytes, name: str | None
) -> tuple[str, bytes, str, str]:
    """
    (label, bytes, text, suffix) of a ratings source.
    """
    from gapcoach.ingest.files import FileKind, decode_text, read_source

    kind = FileKind(
        what="a ratings file (.yaml, .json or .csv)",
        max_bytes=MAX_RATINGS_BYTES,
        error=RatingsError,
        missing="check the ratings file's path",
        too_big=lambda label, size: _too_big(label),
        unnamed="<ratings>",
    )
    item = read_source(source, kind, name=name, caller="load_ratings()")
    label = display_name(name) if isinstance(source, Path) and name else item.label
    text = item.text if item.text is not None else decode_text(item.data, label, kind)
    return label, item.data, text, item.suffix


def _too_big(label: str) -> str:
    return (
        f"{label} is larger than {MAX_RATINGS_BYTES // 1024} KB; a ratings file lists "
        "one line per skill."
    )


_CSV_HEADER_RE = re.compile(r"^\s*\"?skill\"?\s*,", re.IGNORECASE)


def sniff_kind(text: str, suffix: str) -> str:
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
    if _CSV_HEADER_RE.match(first):
        return "csv"
    return "yaml"


def ratings_error(label: str, line: int | None, message: str) -> RatingsError:
    where = f"{label} line {line}" if line else label
    return RatingsError(f"{where}: {message}")


_MAX_KEY_CHARS = 300  # a skill name is a few words; longer "keys" are not looked for

_JSON_KEY_RE = re.compile(rf'"([^"\n]{{0,{_MAX_KEY_CHARS}}})"\s*:')

_YAML_LINE_START_RE = re.compile(r"\s*(?:-\s+)?")

_YAML_FLOW_START_RE = re.compile(r"[{,]\s*")

_KEY_COLON_RE = re.compile(r":(?=\s|$)")


# (?<!\s): a match starts only where a run of spaces starts, so a long run is read once
_COLON_AFTER_RE = re.compile(r"(?<!\s)\s*:(?:\s|$)")


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
            if close > begin and _COLON_AFTER_RE.match(line[close + 1 :]):
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
        raise ratings_error(
            label,
            None,
            f"has more than {MAX_ENTRIES} ratings; a role has a few dozen skills, so rate "
            "only the skills of the roles you are assessed for.",
        )


def _parse_mapping_file(
    label: str, text: str, data: Any, *, quoted: bool, duplicate: str | None = None
) -> Parsed:
    lines = text.splitlines()
    if data is None:
        raise ratings_error(
            label, None, "the file is empty; add a 'ratings:' mapping of skill: value."
        )
    if not isinstance(data, dict):
        raise ratings_error(
            label,
            None,
            f"expected a mapping with 'ratings', got {type(data).__name__}; "
            "write 'ratings:' followed by 'skill: value' lines.",
        )
    if "ratings" in data:
        unknown = [str(key) for key in data if key not in _TOP_KEYS]
        if unknown:
            raise ratings_error(
                label,
                None,
                f"unknown key '{unknown[0]}'; the keys are role, scale and ratings.",
            )
        ratings = data["ratings"] if data["ratings"] is not None else {}
        start_lines = _key_lines(lines, ["ratings"], start=0, quoted=quoted)[0]
        start = start_lines[0] - 1 if start_lines else 0
        if not isinstance(ratings, dict):
            raise ratings_error(
                label,
                start_lines[0] if start_lines else None,
                "'ratings' must be a mapping of skill: value, one per line.",
            )
        role = data.get("role")
        scale = data.get("scale")
    else:
        # a bare mapping of skill: value is accepted too; role and scale stay settings
        ratings = {k: v for k, v in data.items() if k not in ("role", "scale")}
        start, role, scale = 0, data.get("role"), data.get("scale")
    keys = [str(key) for key in ratings]
    _check_count(label, len(keys))
    positions = _key_lines(lines, keys, start=start, quoted=quoted)
    entries: list[Entry] = []
    for key, value, where in zip(keys, ratings.values(), positions, strict=True):
        if len(where) > 1:
            raise ratings_error(
                label,
                where[1],
                f"'{key}' is rated twice (also on line {where[0]}); rate each skill once.",
            )
        entries.append(Entry(key=key, value=value, line=where[0] if where else None))
    if duplicate is not None:
        where = _key_lines(lines, [duplicate], start=start, quoted=quoted)[0]
        line = where[1] if len(where) > 1 else None
        also = f" (also on line {where[0]})" if len(where) > 1 else ""
        raise ratings_error(
            label, line, f"'{duplicate}' is rated twice{also}; rate each skill once."
        )
    scale_where = _key_lines(lines, ["scale"], start=0, quoted=quoted)[0]
    return Parsed(
        entries=entries,
        scale=None if scale is None else str(scale),
        role=None if role is None else str(role),
        scale_line=scale_where[0] if scale_where else None,
    )


def parse_yaml(label: str, text: str) -> Parsed:
    from gapcoach.ingest.files import load_yaml

    try:
        data = load_yaml(text, label=label, error=RatingsError, native=False)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or "not valid YAML"
        line = mark.line + 1 if mark is not None else None
        raise ratings_error(
            label, line, f"invalid YAML ({problem}); fix the syntax."
        ) from None
    return _parse_mapping_file(label, text, data, quoted=False)


def parse_json(label: str, text: str) -> Parsed:
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
        raise ratings_error(
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
            raise ratings_error(
                label, reader.line_num or None, f"invalid CSV ({error}); fix the row."
            ) from None
        yield row


def parse_csv(label: str, text: str) -> Parsed:
    reader = csv.reader(io.StringIO(text))
    header: list[str] | None = None
    entries: list[Entry] = []
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
                raise ratings_error(
                    label,
                    line,
                    f"expected the header 'skill,rating', got '{','.join(row)}'.",
                )
            continue
        if len(row) != len(header):
            raise ratings_error(
                label,
                line,
                f"expected {len(header)} columns ({','.join(header)}), got {len(row)}; "
                "quote a skill name that contains a comma.",
            )
        entries.append(Entry(key=row[0].strip(), value=row[1].strip(), line=line))
        _check_count(label, len(entries))
    if header is None:
        raise ratings_error(
            label, None, "the file is empty; start it with the header 'skill,rating'."
        )
    return Parsed(entries=entries, scale=None, role=None, scale_line=None)
