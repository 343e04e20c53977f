"""
Reading a career guide: its lines (numbered, so every skill and step cites the line it
came from), the Key Facts, the skill bullets of "Technical Skills" and "Soft Skills" with
the examples they give, the career ladder, the salary table and the "How to Become" steps.
The guide is read through the one file reader (``ingest.files``).
"""

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gapcoach._text import collapse_spaces, dedupe
from gapcoach.errors import GuideParseError
from gapcoach.models import (
    ActionStage,
    GuideStep,
    KeyFacts,
    LadderLevel,
    SalaryRow,
    SkillAction,
    SourceRef,
)
from gapcoach.taxonomy.saved import guide_lines, html_lines, looks_like_html

REQUIRED_SECTIONS = (
    "Key Facts & Statistics",
    "Technical Skills",
    "Soft Skills",
    "Career Path",
)

MAX_GUIDE_BYTES = 5_000_000

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
class GuideLines:
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


def read_guide_text(path: Path) -> str:
    """
    A guide file's text as the guide's own lines (``taxonomy.saved``): a plain text,
    Markdown or saved HTML page; raises GuideParseError for a file that cannot be one.
    """
    from gapcoach.ingest.files import FileKind, read_text

    kind = FileKind(
        what="a career guide text file",
        max_bytes=MAX_GUIDE_BYTES,
        error=GuideParseError,
        missing="check the guide's path",
        too_big=lambda label, size: (
            f"{label} is {size:,} bytes; a career guide is at most "
            f"{MAX_GUIDE_BYTES:,} bytes."
        ),
        binary="not a career guide in plain text",
    )
    text = read_text(path, kind, label=f"'{path}'")
    # the guide's own lines however it was saved: a browser copy, Markdown, a web page
    if path.suffix.lower() in (".html", ".htm", ".xhtml") or looks_like_html(text):
        text = "\n".join(html_lines(text))
    else:
        text = "\n".join(guide_lines(text))
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


_NON_DIGIT_RE = re.compile(r"[^\d]")


def _int(text: str) -> int | None:
    digits = _NON_DIGIT_RE.sub("", text)
    return int(digits) if digits else None


def _next_nonempty(lines: GuideLines, index: int) -> tuple[int, str]:
    for position in range(index + 1, len(lines.items)):
        if lines.items[position].strip():
            return position, lines.items[position].strip()
    return len(lines.items), ""


def parse_key_facts(lines: GuideLines) -> KeyFacts:
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


def guide_bullets(lines: GuideLines, heading: str) -> list[tuple[int, str]]:
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


# (?<!\s): a match starts only where a run of spaces starts, so a long run is read once
_OR_AND_RE = re.compile(r"(?<!\s)\s+(?:or|and)\s+|^\s*(?:or|and)\s+")


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
    return [piece for part in parts for piece in _OR_AND_RE.split(part)]


_PAREN_GROUP_RE = re.compile(r"\([^()]*\)")  # no "(" inside: linear on "((((..."
_LEADING_FILLER_RE = re.compile(r"^(?:e\.g\.,?|the|other)\s+", re.IGNORECASE)


def _split_list(text: str) -> list[str]:
    items: list[str] = []
    for part in _split_top_level(text):
        part = _PAREN_GROUP_RE.sub("", part)
        part = _LEADING_FILLER_RE.sub("", part.strip())
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


def split_terms(terms: list[str]) -> tuple[list[str], list[str]]:
    aliases: list[str] = []
    acronyms: list[str] = []
    for term in terms:
        if _ACRONYM_RE.match(term) and len(term) <= 6:
            acronyms.append(term)
        elif len(term) >= 3:
            aliases.append(term.lower())
    return dedupe(aliases), dedupe(acronyms)


# "Tools (NICE, Verint)": begins only where spaces begin, and splits at the first comma,
# so neither a long run of spaces nor many commas is tried again at every position
_LIST_PAREN_RE = re.compile(r"(?<!\s)\s*\(([^(),]*,[^()]*)\)")
_ACRONYM_PAREN_RE = re.compile(r"\(([A-Za-z/]{2,12})\)")  # "... (WFM)"


def skill_from_bullet(
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
    list_paren = _LIST_PAREN_RE.search(name)
    if list_paren:
        terms = _split_list(list_paren.group(1)) + terms
        name = (name[: list_paren.start()] + name[list_paren.end() :]).strip()
    for acronym in _ACRONYM_PAREN_RE.findall(name):
        terms.extend(acronym.split("/"))
    return collapse_spaces(name), text, terms


_SENTENCE_END_RE = re.compile(r"(?<=\.)\s+")


def parse_ladder(lines: GuideLines) -> list[LadderLevel]:
    start = lines.find("Career Path")
    if start is None:
        return []
    items = [line.strip() for line in lines.items]
    levels: list[LadderLevel] = []
    seen: set[str] = set()
    index = start + 1
    while index < len(items) - 1:
        name = items[index]
        years = _YEARS_RE.match(items[index + 1])
        if years and name and not name.startswith("- "):
            if name in seen:
                break  # the guides repeat the whole ladder block once
            seen.add(name)
            years_at = index + 1
            description = years.group("rest").strip()
            last = years_at
            following = items[years_at + 1] if years_at + 1 < len(items) else ""
            if not description and following and following != "Key Focus Areas":
                # "0-2 years" alone on its line (a saved page), the description below
                after = items[years_at + 2] if years_at + 2 < len(items) else ""
                if not _YEARS_RE.match(after):
                    description = following
                    last = years_at + 1
            focus: list[str] = []
            focus_line = years_at
            if last + 2 < len(items) and items[last + 1] == "Key Focus Areas":
                focus_line = last + 2
                focus = [
                    sentence.strip()
                    for sentence in _SENTENCE_END_RE.split(items[focus_line])
                    if sentence.strip()
                ]
            years_text = items[years_at][: years.start("rest")].strip()
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
                            lines=sorted({index + 1, years_at + 1, focus_line + 1}),
                        )
                    ],
                )
            )
            index = max(focus_line, last) + 1
            continue
        if levels and items[index] and not years and index > start + 1:
            # a heading that is neither a level nor part of one ends the ladder
            following = items[index + 1] if index + 1 < len(items) else ""
            if not _YEARS_RE.match(following) and items[index] != "Key Focus Areas":
                break
        index += 1
    return levels


def parse_salary_table(lines: GuideLines) -> list[SalaryRow]:
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


def parse_steps(lines: GuideLines) -> list[GuideStep]:
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


def paragraphs(
    lines: GuideLines, heading: str, *, stop_headings: tuple[str, ...]
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


def find_mentions(
    lines: GuideLines, phrases: list[str], acronyms: list[str]
) -> list[int]:
    patterns = [re.compile(rf"\b{re.escape(p)}\b", re.IGNORECASE) for p in phrases] + [
        re.compile(rf"\b{re.escape(a)}\b") for a in acronyms
    ]
    return [
        index + 1
        for index, line in enumerate(lines.items)
        if any(pattern.search(line) for pattern in patterns)
    ]


def default_actions(name: str, terms: list[str]) -> dict[ActionStage, SkillAction]:
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
