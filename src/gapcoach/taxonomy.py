"""
BUILD and LOAD stage: career guide text -> Taxonomy, and taxonomy files -> Taxonomy.

``build_taxonomy`` parses a guide in the format of the shipped guides (sections such as
"Key Facts & Statistics", "Technical Skills", "Soft Skills", "Career Path", "Salary by
Experience Level", "How to Become ..."), derives aliases from the guide's own wording and
merges the hand-reviewed lexicon overlay. ``load_taxonomies`` reads the YAML files that
``gapcoach taxonomy build`` writes, from the bundled ``data/skills`` or a user's path.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from gapcoach._text import collapse_spaces, dedupe, sha256_bytes, stable_id
from gapcoach.errors import GuideParseError, TaxonomyError, UnknownRoleError
from gapcoach.models import (
    Certification,
    ExperienceRequirement,
    GuideSource,
    GuideStep,
    KeyFacts,
    LadderLevel,
    SalaryRow,
    Skill,
    SkillAction,
    SourceRef,
    Taxonomy,
)

__all__ = [
    "build_taxonomy",
    "default_skills_dir",
    "dump_taxonomy",
    "load_lexicon",
    "load_taxonomies",
    "load_taxonomy",
    "taxonomy_sha256",
    "validate_taxonomy",
]

LEXICON_NAME = "lexicon.yaml"
REQUIRED_SECTIONS = (
    "Key Facts & Statistics",
    "Technical Skills",
    "Soft Skills",
    "Career Path",
)
_MAX_GUIDE_BYTES = 5_000_000

_YEARS_RE = re.compile(
    r"^(?P<min>\d+)\s*(?:(?:-|–|to)\s*(?P<max>\d+)|(?P<plus>\+))\s*years?"
    r"(?P<total>\s+total experience)?(?P<rest>.*)$"
)
_STEP_RE = re.compile(r"^Step (\d+)$")
_MONEY_RE = re.compile(r"\$\s*([\d,]+(?:\.\d+)?)\s*(k)?", re.IGNORECASE)
_MAX_EXAMPLES_CHARS = 400
_TRIGGER_RE = re.compile(r"(?:\blike|\bsuch as|\be\.g\.,?)\s+", re.IGNORECASE)
_ACRONYM_RE = re.compile(r"^[A-Z][A-Za-z]{0,1}[A-Z]{1,4}$")


@dataclass(frozen=True)
class _Lines:
    """
    A guide's lines with 1-based numbering helpers.
    """

    items: list[str]

    def find(self, heading: str, start: int = 0) -> int | None:
        """
        Index of the first line equal to ``heading`` at or after ``start``.
        """
        for index in range(start, len(self.items)):
            if self.items[index].strip() == heading:
                return index
        return None

    def find_prefix(self, prefix: str, start: int = 0) -> int | None:
        """
        Index of the first line starting with ``prefix`` at or after ``start``.
        """
        for index in range(start, len(self.items)):
            if self.items[index].startswith(prefix):
                return index
        return None


# --------------------------------------------------------------------------- paths


def default_skills_dir() -> Path:
    """
    Folder of the bundled taxonomies: inside the installed package, else the source tree.

    Returns:
        The folder holding the shipped role files and the lexicon.
    """
    packaged = Path(str(resources.files("gapcoach"))) / "data" / "skills"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "data" / "skills"


# --------------------------------------------------------------------------- build


def _read_guide_text(path: Path) -> str:
    from gapcoach.ingest.files import FileKind, read_text

    kind = FileKind(
        what="a career guide text file",
        max_bytes=_MAX_GUIDE_BYTES,
        error=GuideParseError,
        missing="check the guide's path",
        too_big=lambda label, size: (
            f"{label} is {size:,} bytes; a career guide is at most "
            f"{_MAX_GUIDE_BYTES:,} bytes."
        ),
        binary="not a career guide in plain text",
    )
    text = read_text(path, kind, label=f"'{path}'")
    if not text.strip():
        raise GuideParseError(
            f"'{path}' is empty; expected a career guide with the sections "
            + ", ".join(REQUIRED_SECTIONS)
            + "."
        )
    return text


def _money(text: str) -> int | None:
    match = _MONEY_RE.search(text)
    if not match:
        return None
    value = float(match.group(1).replace(",", ""))
    return round(value * 1000 if match.group(2) else value)


def _int(text: str) -> int | None:
    digits = re.sub(r"[^\d]", "", text)
    return int(digits) if digits else None


def _next_nonempty(lines: _Lines, index: int) -> tuple[int, str]:
    for position in range(index + 1, len(lines.items)):
        if lines.items[position].strip():
            return position, lines.items[position].strip()
    return len(lines.items), ""


def _parse_key_facts(lines: _Lines) -> KeyFacts:
    start = lines.find("Key Facts & Statistics")
    end = lines.find_prefix("What is a", start or 0) or len(lines.items)
    block = lines.items[(start or 0) : end]
    facts: dict[str, Any] = {}
    for offset, line in enumerate(block):
        following = [*block[offset + 1 : offset + 4], "", "", ""]
        if line == "Median Salary":
            facts["median_salary_usd"] = _money(following[0])
            facts["salary_note"] = following[1].strip("()") or None
            if following[2].startswith("Range:"):
                facts["salary_range"] = following[2].removeprefix("Range:").strip()
        elif line == "Growth Outlook":
            facts["growth_outlook"] = following[0] or None
            facts["growth_note"] = following[1] or None
        elif line == "Annual Openings":
            facts["annual_openings"] = _int(following[0])
        elif line == "Typical Education":
            facts["typical_education"] = following[0] or None
    return KeyFacts(**facts)


def _bullets(lines: _Lines, heading: str) -> list[tuple[int, str]]:
    start = lines.find(heading)
    if start is None:
        return []
    found: list[tuple[int, str]] = []
    for index in range(start + 1, len(lines.items)):
        line = lines.items[index].strip()
        if not line.startswith("- "):
            break
        found.append((index + 1, line[2:].strip()))
    return found


def _split_top_level(text: str) -> list[str]:
    """
    Split a list on commas, "and", "or" and "/" outside parentheses.
    """
    parts: list[str] = []
    depth = 0
    current = ""
    for char in text:
        depth += (char == "(") - (char == ")")
        if depth == 0 and char in ",/":
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return [
        piece
        for part in parts
        for piece in re.split(r"\s+(?:or|and)\s+|^\s*(?:or|and)\s+", part)
    ]


def _split_list(text: str) -> list[str]:
    items: list[str] = []
    for part in _split_top_level(text):
        part = re.sub(r"\([^)]*\)", "", part)
        part = re.sub(r"^(?:e\.g\.,?|the|other)\s+", "", part.strip(), flags=re.I)
        part = part.strip(" .;:")
        if part and len(part.split()) <= 4:
            items.append(part)
    return items


def _examples(text: str) -> list[str]:
    """
    Product names, acronyms and examples a guide lists after "e.g.", "like" or "such as".
    """
    found: list[str] = []
    covered = 0
    for match in _TRIGGER_RE.finditer(text):
        if match.start() < covered:
            continue  # inside a run with no end that the trigger before already read
        # an example list is a phrase, not a page: a bounded tail keeps "like like ..."
        # linear
        tail = text[match.end() : match.end() + _MAX_EXAMPLES_CHARS]
        depth = 0
        stop = len(tail)
        for position, char in enumerate(tail):
            if char == "(":
                depth += 1
            elif char == ")":
                if depth == 0:
                    stop = position
                    break
                depth -= 1
            elif depth == 0 and (
                char in ".;:" or tail.startswith((" for ", " to ", " that "), position)
            ):
                stop = position
                break
        found.extend(_split_list(tail[:stop]))
        if stop == _MAX_EXAMPLES_CHARS:  # no end in sight: not a phrase of the guide
            covered = match.end() + stop
    return found


def _split_terms(terms: list[str]) -> tuple[list[str], list[str]]:
    aliases: list[str] = []
    acronyms: list[str] = []
    for term in terms:
        if _ACRONYM_RE.match(term) and len(term) <= 6:
            acronyms.append(term)
        elif len(term) >= 3:
            aliases.append(term.lower())
    return dedupe(aliases), dedupe(acronyms)


def _skill_from_bullet(
    text: str, *, category: str, section: str, line: int
) -> tuple[str, str, list[str]]:
    """
    Split a skill bullet into its name, description and example terms.

    Handles both "Name: description" and "Name (e.g., X, Y) rest" styles; a trailing
    parenthesised list with commas ("Call Center Technologies (ACD, IVR, CTI)") is
    examples, not part of the name, while "(WFM)" or "(ACD/IVR)" stay in the name.
    """
    if ": " in text and (text.find(": ") < text.find(" (e.g.") or " (e.g." not in text):
        name, _, rest = text.partition(": ")
        terms = _examples(rest) if category == "technical" else []
    else:
        name = text.split(" (e.g.")[0]
        terms = _examples(text)
    list_paren = re.search(r"\s*\(([^()]*,[^()]*)\)", name)
    if list_paren:
        terms = _split_list(list_paren.group(1)) + terms
        name = (name[: list_paren.start()] + name[list_paren.end() :]).strip()
    for acronym in re.findall(r"\(([A-Za-z/]{2,12})\)", name):
        terms.extend(acronym.split("/"))
    return collapse_spaces(name), text, terms


def _parse_ladder(lines: _Lines) -> list[LadderLevel]:
    start = lines.find("Career Path")
    if start is None:
        return []
    levels: list[LadderLevel] = []
    seen: set[str] = set()
    index = start + 1
    while index < len(lines.items) - 1:
        name = lines.items[index].strip()
        years = _YEARS_RE.match(lines.items[index + 1].strip())
        if years and name and not name.startswith("- "):
            if name in seen:
                break  # the guides repeat the whole ladder block once
            seen.add(name)
            description = years.group("rest").strip()
            focus: list[str] = []
            focus_line = index + 1
            if index + 3 < len(lines.items) and lines.items[index + 2].strip() == (
                "Key Focus Areas"
            ):
                focus_line = index + 3
                focus = [
                    sentence.strip()
                    for sentence in re.split(r"(?<=\.)\s+", lines.items[index + 3])
                    if sentence.strip()
                ]
            years_text = lines.items[index + 1][: years.start("rest")].strip()
            levels.append(
                LadderLevel(
                    name=name,
                    years_min=int(years.group("min")),
                    years_max=int(years.group("max")) if years.group("max") else None,
                    years_text=years_text,
                    description=description,
                    focus_areas=focus,
                    sources=[
                        SourceRef(
                            section="Career Path",
                            lines=sorted({index + 1, index + 2, focus_line + 1}),
                        )
                    ],
                )
            )
            index = focus_line + 1
            continue
        if levels and lines.items[index].strip() and not years and index > start + 1:
            # a heading that is neither a level nor part of one ends the ladder
            following = (
                lines.items[index + 1].strip() if index + 1 < len(lines.items) else ""
            )
            if not _YEARS_RE.match(following) and lines.items[index].strip() != (
                "Key Focus Areas"
            ):
                break
        index += 1
    return levels


def _parse_salary_table(lines: _Lines) -> list[SalaryRow]:
    start = lines.find("Salary by Experience Level")
    if start is None:
        return []
    rows: list[SalaryRow] = []
    for index in range(start + 1, len(lines.items)):
        line = lines.items[index].strip()
        if "|" not in line:
            if rows:
                break
            continue
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) < 3 or set(cells[0]) <= {"-", ":"} or cells[0] == "Level":
            continue
        rows.append(
            SalaryRow(
                level=cells[0],
                median_usd=_money(cells[1]),
                average_usd=_money(cells[2]),
                line=index + 1,
            )
        )
    return rows


def _parse_steps(lines: _Lines) -> list[GuideStep]:
    steps: list[GuideStep] = []
    for index, line in enumerate(lines.items):
        match = _STEP_RE.match(line.strip())
        if match:
            position, text = _next_nonempty(lines, index)
            steps.append(
                GuideStep(
                    number=int(match.group(1)),
                    text=text,
                    sources=[
                        SourceRef(
                            section="How to Become", lines=[index + 1, position + 1]
                        )
                    ],
                )
            )
    unique: dict[int, GuideStep] = {}
    for step in steps:
        unique.setdefault(step.number, step)
    return [unique[number] for number in sorted(unique)]


def _paragraphs(
    lines: _Lines, heading: str, *, stop_headings: tuple[str, ...]
) -> list[str]:
    start = lines.find(heading)
    if start is None:
        return []
    found: list[str] = []
    for line in lines.items[start + 1 :]:
        if line.strip() in stop_headings:
            break
        if line.strip():
            found.append(line.strip())
    return found


def _find_mentions(lines: _Lines, phrases: list[str], acronyms: list[str]) -> list[int]:
    patterns = [re.compile(rf"\b{re.escape(p)}\b", re.IGNORECASE) for p in phrases] + [
        re.compile(rf"\b{re.escape(a)}\b") for a in acronyms
    ]
    return [
        index + 1
        for index, line in enumerate(lines.items)
        if any(pattern.search(line) for pattern in patterns)
    ]


def _default_actions(name: str, terms: list[str]) -> dict[str, SkillAction]:
    tools = ", ".join(terms[:3])
    with_tools = f" ({tools})" if tools else ""
    return {
        "start": SkillAction(
            text=f"Get hands-on with {name}{with_tools} in your current job or a course.",
            effort="2-6 weeks",
            weeks=4,
        ),
        "apply": SkillAction(
            text=f"Take ownership of {name} for your team and report a measurable result.",
            effort="1-3 months",
            weeks=8,
        ),
        "scale": SkillAction(
            text=f"Lead {name} across sites or the whole department, with budget or "
            "strategy ownership.",
            effort="6-12 months",
            weeks=36,
        ),
    }


def load_lexicon(path: Path | None = None) -> dict[str, Any]:
    """
    Read the hand-reviewed lexicon overlay.

    Args:
        path: A lexicon YAML file; None reads the bundled one.

    Returns:
        The lexicon as plain data (empty sections when the file has none).

    Raises:
        TaxonomyError: The file is missing or is not a mapping.
    """
    path = path or default_skills_dir() / LEXICON_NAME
    if not path.is_file():
        raise TaxonomyError(f"Lexicon file '{path}' does not exist.")
    data = _safe_load(path)
    if not isinstance(data, dict):
        raise TaxonomyError(f"Lexicon file '{path}' must be a YAML mapping.")
    return data


_MAX_TAXONOMY_BYTES = 5_000_000  # a shipped taxonomy or lexicon is under 100 KB


def _safe_load(path: Path) -> Any:
    from gapcoach.ingest.files import FileKind, load_yaml, read_file_bytes

    kind = FileKind(
        what="a taxonomy YAML file",
        max_bytes=_MAX_TAXONOMY_BYTES,
        error=TaxonomyError,
    )
    data = read_file_bytes(path, kind, label=f"'{path}'")
    try:
        return load_yaml(data.decode("utf-8"), label=f"'{path}'", error=TaxonomyError)
    except yaml.YAMLError as error:
        raise TaxonomyError(
            f"'{path}' is not valid YAML: {error}".splitlines()[0]
        ) from None
    except UnicodeDecodeError:
        raise TaxonomyError(f"'{path}' is not a UTF-8 text file.") from None


def _unique(candidate: str, taken: set[str]) -> str:
    """
    ``candidate``, or ``candidate-2``, ``-3`` ... when a skill of that id exists already
    (a guide that names one skill twice still builds a taxonomy that loads).
    """
    unique, number = candidate, 1
    while unique in taken:
        number += 1
        unique = f"{candidate}-{number}"
    taken.add(unique)
    return unique


def build_taxonomy(
    guide: Path,
    *,
    role_id: str | None = None,
    lexicon: Path | None = None,
    use_lexicon: bool = True,
) -> Taxonomy:
    """
    Parse a career guide and merge the lexicon into a role taxonomy.

    Args:
        guide: Path of the guide text file.
        role_id: The role's id; by default the slug of the guide's title.
        lexicon: The lexicon overlay file; None uses the shipped one.
        use_lexicon: False builds from the guide alone.

    Returns:
        The role's taxonomy.

    Raises:
        GuideParseError: The file is missing, empty, binary or not a guide.
    """
    text = _read_guide_text(guide)
    # why not splitlines(): it also splits on U+2028, U+0085 and form feeds inside a line,
    # which would cut a bullet and shift every later line number
    lines = _Lines(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    missing = [section for section in REQUIRED_SECTIONS if lines.find(section) is None]
    first = lines.items[0].strip() if lines.items else ""
    title_match = re.match(r"^Complete (.+) Career Guide$", first)
    if not title_match:
        missing.insert(0, "title line 'Complete <Role> Career Guide'")
    if missing:
        raise GuideParseError(
            f"'{guide.name}' is not a career guide of the supported format: "
            f"missing {', '.join(missing)}."
        )
    assert title_match is not None  # for mypy: missing would be non-empty
    title = title_match.group(1).strip()
    role = role_id or stable_id(title, prefix="role")
    lexicon_sha256: str | None = None
    lexicon_data: dict[str, Any] = {}
    if use_lexicon:
        lexicon_path = lexicon or default_skills_dir() / LEXICON_NAME
        lexicon_data = load_lexicon(lexicon_path)
        lexicon_sha256 = sha256_bytes(lexicon_path.read_bytes())
    lex_skills: dict[str, Any] = lexicon_data.get("skills") or {}
    lex_role: dict[str, Any] = (lexicon_data.get("roles") or {}).get(role) or {}

    skills: list[Skill] = []
    taken: set[str] = set()
    for heading, category in (
        ("Technical Skills", "technical"),
        ("Soft Skills", "soft"),
    ):
        for line_number, bullet in _bullets(lines, heading):
            name, description, terms = _skill_from_bullet(
                bullet, category=category, section=heading, line=line_number
            )
            skill_id = _unique(stable_id(name, prefix="skill"), taken)
            entry: dict[str, Any] = lex_skills.get(skill_id) or {}
            override: dict[str, Any] = lex_role.get(skill_id) or {}
            name_alias = re.sub(r"\s*\([^)]*\)", "", name).lower()
            guide_aliases, guide_acronyms = _split_terms(terms)
            actions = _default_actions(name, terms)
            for stage, action in (entry.get("actions") or {}).items():
                actions[stage] = SkillAction(**action)
            skills.append(
                Skill(
                    id=skill_id,
                    name=name,
                    category=category,
                    description=description,
                    aliases=dedupe(
                        [
                            name.lower(),
                            name_alias,
                            *guide_aliases,
                            *entry.get("aliases", []),
                        ]
                    ),
                    acronyms=dedupe([*guide_acronyms, *entry.get("acronyms", [])]),
                    weight=float(override.get("weight", entry.get("weight", 1.0))),
                    target_level=int(
                        override.get("target_level", entry.get("target_level", 3))
                    ),
                    prerequisites=list(entry.get("prerequisites", [])),
                    esco_uris=list(entry.get("esco_uris", [])),
                    field_specific=bool(entry.get("field_specific", False)),
                    actions=actions,
                    sources=[SourceRef(section=heading, lines=[line_number])],
                )
            )
    if not skills:
        raise GuideParseError(
            f"'{guide.name}' has the skill sections but no '- ' bullets under them."
        )
    known = {skill.id for skill in skills}
    skills = [
        skill.model_copy(
            update={"prerequisites": [p for p in skill.prerequisites if p in known]}
        )
        for skill in skills
    ]

    salary = _parse_salary_table(lines)
    by_level = {row.level.casefold(): row for row in salary}
    ladder = [
        level.model_copy(
            update={
                "salary_median_usd": by_level[level.name.casefold()].median_usd,
                "salary_average_usd": by_level[level.name.casefold()].average_usd,
            }
        )
        if level.name.casefold() in by_level
        else level
        for level in _parse_ladder(lines)
    ]
    if not ladder:
        raise GuideParseError(
            f"'{guide.name}' has a Career Path section but no levels with year ranges."
        )

    certifications: list[Certification] = []
    for cert_id, cert in sorted((lexicon_data.get("certifications") or {}).items()):
        mentions = _find_mentions(
            lines, list(cert.get("guide_terms", [cert["name"]])), []
        )
        if mentions:
            certifications.append(
                Certification(
                    id=cert_id,
                    name=cert["name"],
                    aliases=dedupe([cert["name"].lower(), *cert.get("aliases", [])]),
                    acronyms=list(cert.get("acronyms", [])),
                    duration=cert.get("duration"),
                    weeks=int(cert.get("weeks", 12)),
                    skills=[s for s in cert.get("skills", []) if s in known],
                    sources=[SourceRef(section="guide text", lines=mentions[:5])],
                )
            )

    responsibilities = [text for _, text in _bullets(lines, "Key Responsibilities")]
    tools_index = lines.find("Tools & Technologies")
    tools = (
        " ".join(
            _paragraphs(
                lines,
                "Tools & Technologies",
                stop_headings=("Skills & Qualifications",),
            )
        )
        if tools_index is not None
        else ""
    )
    education = _paragraphs(
        lines, "Education & Training", stop_headings=("Salary & Outlook",)
    )
    trends = _paragraphs(
        lines,
        "Current Market Trends",
        stop_headings=("Job Application Toolkit", "Pros & Cons"),
    )
    related = [
        [skill_id for skill_id in group if skill_id in known]
        for group in lexicon_data.get("related", [])
    ]
    return Taxonomy(
        role_id=role,
        title=title,
        summary=lines.items[1].strip() if len(lines.items) > 1 else "",
        source=GuideSource(file=guide.name, sha256=sha256_bytes(guide.read_bytes())),
        lexicon_sha256=lexicon_sha256,
        key_facts=_parse_key_facts(lines),
        responsibilities=responsibilities,
        tools=tools,
        education=education,
        experience=_experience_requirement(title, ladder),
        ladder=ladder,
        salary_table=salary,
        steps=_parse_steps(lines),
        certifications=certifications,
        trends=trends,
        related=[group for group in related if len(group) > 1],
        skills=skills,
    )


def _experience_requirement(
    title: str, ladder: list[LadderLevel]
) -> ExperienceRequirement:
    from rapidfuzz import fuzz, process

    names = [level.name for level in ladder]
    best = process.extractOne(title, names, scorer=fuzz.token_sort_ratio)
    level = ladder[names.index(best[0])] if best else ladder[len(ladder) // 2]
    return ExperienceRequirement(
        level_name=level.name, years_min=level.years_min, years_max=level.years_max
    )


def dump_taxonomy(taxonomy: Taxonomy) -> str:
    """
    Serialise a taxonomy as YAML, deterministically (same taxonomy, same bytes).
    """
    header = (
        f"# gapcoach taxonomy for {taxonomy.title}.\n"
        f"# Generated by `gapcoach taxonomy build {taxonomy.source.file}` from the career "
        "guide\n# plus data/skills/lexicon.yaml (ESCO URIs: (c) European Union, CC BY 4.0). "
        "Do not edit by hand.\n"
    )
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    body = yaml.dump(
        taxonomy.model_dump(mode="json"),
        Dumper=dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
    )
    return header + body


# --------------------------------------------------------------------------- load


def taxonomy_sha256(taxonomy: Taxonomy) -> str:
    """
    Content hash of a taxonomy, independent of its file's formatting.
    """
    return sha256_bytes(taxonomy.model_dump_json().encode("utf-8"))


def _format_validation(path: Path, error: ValidationError) -> str:
    first = error.errors()[0]
    location = ".".join(str(part) for part in first["loc"]) or "(top level)"
    more = f" (and {error.error_count() - 1} more)" if error.error_count() > 1 else ""
    return f"Invalid taxonomy '{path}': field '{location}': {first['msg']}{more}."


def validate_taxonomy(taxonomy: Taxonomy, *, path: Path | str = "taxonomy") -> Taxonomy:
    """
    Check what the schema cannot: unique ids, known prerequisites, no prerequisite cycles.

    Raises:
        TaxonomyError: Naming the file and the offending field.
    """
    ids = [skill.id for skill in taxonomy.skills]
    duplicates = sorted({skill_id for skill_id in ids if ids.count(skill_id) > 1})
    if duplicates:
        raise TaxonomyError(
            f"Invalid taxonomy '{path}': field 'skills': duplicate skill id "
            f"'{duplicates[0]}'."
        )
    known = set(ids)
    graph = {skill.id: skill.prerequisites for skill in taxonomy.skills}
    for skill in taxonomy.skills:
        for prerequisite in skill.prerequisites:
            if prerequisite not in known:
                raise TaxonomyError(
                    f"Invalid taxonomy '{path}': field 'skills.{skill.id}.prerequisites': "
                    f"unknown skill id '{prerequisite}'."
                )
    cycle = _find_cycle(graph)
    if cycle:
        raise TaxonomyError(
            f"Invalid taxonomy '{path}': field 'prerequisites': cycle "
            + " -> ".join(cycle)
            + "."
        )
    depth, deepest = _chain_depth(graph)
    if depth > MAX_PREREQUISITE_DEPTH:
        raise TaxonomyError(
            f"Invalid taxonomy '{path}': field 'skills.{deepest}.prerequisites': a chain "
            f"of {depth} prerequisites; at most {MAX_PREREQUISITE_DEPTH} are supported."
        )
    if not taxonomy.ladder:
        raise TaxonomyError(f"Invalid taxonomy '{path}': field 'ladder': empty.")
    return taxonomy


MAX_PREREQUISITE_DEPTH = 32  # a guide's skills build on each other a few steps deep


def _find_cycle(graph: dict[str, list[str]]) -> list[str] | None:
    """
    A prerequisite cycle as a path (first node repeated at the end), or None.

    Iterative depth-first search: a chain thousands of skills long cannot exhaust the
    stack.
    """
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    for root in sorted(graph):
        if root in state:
            continue
        trail = [root]
        state[root] = 1
        stack = [iter(graph.get(root, []))]
        while stack:
            neighbour = next(stack[-1], None)
            if neighbour is None:
                stack.pop()
                state[trail.pop()] = 2
            elif state.get(neighbour) == 1:
                return [*trail[trail.index(neighbour) :], neighbour]
            elif neighbour not in state:
                state[neighbour] = 1
                trail.append(neighbour)
                stack.append(iter(graph.get(neighbour, [])))
    return None


def _chain_depth(graph: dict[str, list[str]]) -> tuple[int, str]:
    """
    The longest prerequisite chain of an acyclic graph, in skills, and the skill ending it.
    """
    depth: dict[str, int] = {}
    for root in sorted(graph):
        stack = [root]
        while stack:
            node = stack[-1]
            if node in depth:
                stack.pop()
                continue
            waiting = [p for p in graph.get(node, []) if p not in depth]
            if waiting:
                stack.extend(waiting)
                continue
            depth[node] = 1 + max((depth[p] for p in graph.get(node, [])), default=0)
            stack.pop()
    deepest = max(sorted(depth), key=lambda node: depth[node], default="")
    return depth.get(deepest, 0), deepest


def load_taxonomy(path: Path) -> Taxonomy:
    """
    Read and validate one taxonomy YAML file.

    Raises:
        TaxonomyError: Missing file, bad YAML, or a field that fails validation.
    """
    if not path.is_file():
        raise TaxonomyError(f"Taxonomy file '{path}' does not exist.")
    data = _safe_load(path)
    if not isinstance(data, dict):
        raise TaxonomyError(f"Invalid taxonomy '{path}': expected a YAML mapping.")
    try:
        taxonomy = Taxonomy.model_validate(data)
    except ValidationError as error:
        raise TaxonomyError(_format_validation(path, error)) from None
    return validate_taxonomy(taxonomy, path=path)


def _taxonomy_files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.glob("*.y*ml")):
        if path.name != LEXICON_NAME:
            yield path


@cache
def _load_cached(path: Path, mtime_ns: int) -> Taxonomy:
    return load_taxonomy(path)


def load_taxonomies(path: Path | None = None) -> dict[str, Taxonomy]:
    """
    Load every role taxonomy from a file or folder (None = the bundled ones).

    Args:
        path: A taxonomy YAML file, or a folder of them.

    Returns:
        Taxonomies by role id, in role-id order.

    Raises:
        TaxonomyError: The path does not exist, holds no taxonomy, or one is invalid.
    """
    path = path or default_skills_dir()
    if not path.exists():
        raise TaxonomyError(f"Taxonomy path '{path}' does not exist.")
    files = list(_taxonomy_files(path)) if path.is_dir() else [path]
    if not files:
        raise TaxonomyError(f"No taxonomy files (*.yaml) in '{path}'.")
    loaded: dict[str, Taxonomy] = {}
    for file in files:
        taxonomy = _load_cached(file.resolve(), file.stat().st_mtime_ns)
        if taxonomy.role_id in loaded:
            raise TaxonomyError(
                f"Role id '{taxonomy.role_id}' is defined twice (second time in '{file}')."
            )
        loaded[taxonomy.role_id] = taxonomy
    return dict(sorted(loaded.items()))


def resolve_roles(taxonomies: dict[str, Taxonomy], role: str | None) -> list[Taxonomy]:
    """
    The taxonomies a role argument selects: one id, or all of them for None / "all".

    Raises:
        UnknownRoleError: The id is not loaded; the message lists the ones that are.
    """
    if role is None or role == "all":
        return list(taxonomies.values())
    if role in taxonomies:
        return [taxonomies[role]]
    from rapidfuzz import process

    guess = process.extractOne(role, list(taxonomies))
    hint = f" Did you mean '{guess[0]}'?" if guess and guess[1] >= 60 else ""
    raise UnknownRoleError(
        f"Unknown role '{role}'.{hint} Known roles: {', '.join(taxonomies)}."
    )
