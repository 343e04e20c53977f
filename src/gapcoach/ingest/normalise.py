"""
Normalisation that keeps every line traceable: mojibake repair (ftfy), zero-width and
control characters, bullets and Markdown syntax removed, words hyphenated across lines
joined; never a line added or removed. Then logical lines: a bullet wrapped over several
physical lines is read as one ``ResumeLine`` numbered by its first line.
"""

import re
import unicodedata

from gapcoach._text import (
    collapse_spaces,
    strip_controls,
)
from gapcoach.models import ResumeLine

_ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")

# pdftotext turns the full-width separator of some resume builders into "ï¼" + a
# zero-width space; ftfy cannot repair it because one byte was lost, so map it to a dash
_LOST_SEPARATOR_RE = re.compile("ï¼[\u200b\u2039]?")

_BULLETS = (
    "\u2022\uf0b7\uf0a7\uf0d8\uf076\uf0fc\u25aa\u25ab\u25e6\u25cf\u25cb\u25a0\u25a1"
    "\u2023\u2043\u2219\u00b7\u27a2\u27a4\u25ba\u25b6\u2713\u2714\u2756\u2192\u29bf"
)

_BULLET_RE = re.compile(rf"^\s*(?:[{_BULLETS}]\s*|[-*+–—>]\s+|[-*]$)+")

_MD_HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s+")

_MD_EMPHASIS_RE = re.compile(r"(\*\*|__|`)")

_MD_LINK_RE = re.compile(r"\[([^\]]+)\]\([^)]*\)")

_MD_RULE_RE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")

_HYPHEN_END_RE = re.compile(r"(?<![\w-])([^\W\d_][^\W\d_]*)[-\u00ad\u2010]$")

_NEXT_WORD_RE = re.compile(r"^([^\W\d_A-Z][^\W_]*)([.,;:!?)]*)\s*(.*)$")

# prefixes whose hyphen is part of the word ("self-\nmotivated" -> "self-motivated")
_KEEP_HYPHEN = frozenset(
    {
        "self", "cross", "well", "full", "part", "long", "short", "high", "low", "front",
        "back", "follow", "hands", "step", "real", "first", "second", "third", "one",
        "two", "three", "year", "month", "week", "day", "team", "client", "customer",
        "data", "end", "call", "non", "co",
    }
)  # fmt: skip

# an em dash saved as cp1252 and read back, its closing quote straightened ("â€\"")
_STRAIGHTENED_DASH = 'â€"'

_SUSPECT_RE = re.compile("[ÂÃâÅÆÐðï¼ŸÄÊœ€™\ufffd]")


def _repair(text: str) -> str:
    """
    Mojibake repair (ftfy, on the lines that look damaged) and NFC; never adds lines.
    """
    if text.isascii():
        return text
    text = text.replace(_STRAIGHTENED_DASH, "—")
    if _SUSPECT_RE.search(text):
        import ftfy

        config = ftfy.TextFixerConfig(
            fix_line_breaks=False,
            uncurl_quotes=False,
            normalization="NFC",
            explain=False,
        )
        lines = text.split("\n")
        for index, line in enumerate(lines):
            if _SUSPECT_RE.search(line):
                fixed = ftfy.fix_text(line, config)
                if "\n" not in fixed:
                    lines[index] = fixed
        text = "\n".join(lines)
    return unicodedata.normalize("NFC", text)


def _clean_line(line: str, *, markdown: bool) -> str:
    line = _LOST_SEPARATOR_RE.sub("-", line)
    line = _ZERO_WIDTH_RE.sub("", line)
    if markdown:
        if _MD_RULE_RE.match(line):
            return ""
        line = _MD_HEADING_RE.sub("", line)
        line = _MD_LINK_RE.sub(r"\1", line)
        line = _MD_EMPHASIS_RE.sub("", line)
    line = _BULLET_RE.sub("", line).rstrip()
    if "\u00ad" in line[:-1]:
        line = line[:-1].replace("\u00ad", "") + line[-1]
    return line


def _dehyphenate(lines: list[str]) -> None:
    """
    Join words split across lines ("work-" + "force") onto the first line, in place.
    """
    for index in range(len(lines) - 1):
        current = lines[index]
        ending = _HYPHEN_END_RE.search(current)
        if not ending:
            continue
        following = _NEXT_WORD_RE.match(lines[index + 1].lstrip())
        if not following:
            continue
        soft = current.endswith("\u00ad")
        keep = ending.group(1).lower() in _KEEP_HYPHEN and not soft
        lines[index] = (
            current[:-1]
            + ("-" if keep else "")
            + following.group(1)
            + (following.group(2))
        )
        lines[index + 1] = following.group(3)


def normalise_lines(raw: str, *, markdown: bool) -> tuple[list[str], list[bool]]:
    text = strip_controls(_repair(raw))
    raw_lines = text.split("\n")
    # structure is read from the text as shown: a zero-width character before a bullet
    # must not hide it (nor one inside a word change a score)
    bulleted = [
        bool(_BULLET_RE.match(_ZERO_WIDTH_RE.sub("", line))) for line in raw_lines
    ]
    lines = [_clean_line(line, markdown=markdown) for line in raw_lines]
    _dehyphenate(lines)
    return [collapse_spaces(line.replace("\u00ad", "")) for line in lines], bulleted


WORD_RE = re.compile(r"[A-Za-z]")

_CONTINUES_RE = re.compile(
    r"(?:,|\b(?:and|or|to|of|the|with|for|in|a|an|by|on|at|from|as|that|which|while|"
    r"including|across|into|than|per|&))$",
    re.IGNORECASE,
)

_MAX_LOGICAL_LINE = 600


def logical_lines(
    lines: list[str], sections: list[str], bulleted: list[bool]
) -> list[ResumeLine]:
    """
    Non-empty lines, with a sentence wrapped across lines (as PDF text often is) joined
    back into one line that keeps the number of its first line.

    A line continues the one before when it is not a new bullet, stays in the same
    section, and either starts in lower case or follows a line that ends mid-phrase
    (a comma, "and", "to", "the" ...), never after a full stop.
    """
    joined: list[ResumeLine] = []
    previous_index = -2
    for index, line in enumerate(lines):
        if not line:
            continue
        last = joined[-1] if joined else None
        if (
            last is not None
            and previous_index == index - 1
            and not bulleted[index]
            and sections[index] == last.section
            and not last.text.endswith((".", "!", "?", ":", ";"))
            and (
                line[0].islower()
                or (
                    last.text.count(" ") >= 2
                    and _CONTINUES_RE.search(last.text) is not None
                )
            )
            and len(last.text) + len(line) < _MAX_LOGICAL_LINE
        ):
            joined[-1] = ResumeLine(
                number=last.number, text=f"{last.text} {line}", section=last.section
            )
        else:
            joined.append(
                ResumeLine(number=index + 1, text=line, section=sections[index])
            )
        previous_index = index
    return joined
