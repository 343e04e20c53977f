"""
Private text helpers shared by the build, ingest and match stages.
"""

import hashlib
import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.text import Text

_SLUG_RE = re.compile(r"[^a-z0-9]+")
_SPACE_RE = re.compile(r"\s+")
# A parenthesised part and the space before it ("Workforce Management (WFM)"). Linear on
# hostile text: matching starts only where a run of spaces starts, and the inside holds
# no parenthesis, so "((((..." or a long run of spaces is not tried again at every step.
_PARENTHESES_RE = re.compile(r"(?<!\s)\s*\([^()]*\)")


def without_parentheses(text: str) -> str:
    """
    ``text`` without its parenthesised parts and the spaces before them.
    """
    return _PARENTHESES_RE.sub("", text)


def slugify(text: str) -> str:
    """
    Turn a name into a stable id: ASCII, lower case, words joined by hyphens.
    """
    ascii_text = (
        unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    )
    return _SLUG_RE.sub("-", ascii_text.lower()).strip("-")


def stable_id(text: str, *, prefix: str) -> str:
    """
    ``slugify(text)``, or for a name with no Latin letters or digits (Cyrillic, CJK,
    Arabic ...) ``prefix-`` and eight hex digits of its hash: never empty, always the same.
    """
    return slugify(text) or f"{prefix}-{hashlib.sha256(text.encode()).hexdigest()[:8]}"


def collapse_spaces(text: str) -> str:
    """
    Fold every run of white space into one space and strip the ends.
    """
    return _SPACE_RE.sub(" ", text).strip()


def sha256_bytes(data: bytes) -> str:
    """
    Hex SHA-256 of some bytes.
    """
    return hashlib.sha256(data).hexdigest()


def dedupe(items: list[str]) -> list[str]:
    """
    Drop repeated items (case-insensitively), keeping the first spelling and the order.
    """
    seen: set[str] = set()
    kept: list[str] = []
    for item in items:
        key = item.casefold()
        if item and key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


# C0 and C1 control characters except tab and newline, DEL, lone surrogates (which no encoder
# can write) and the bidirectional overrides that can make shown text differ from read text.
_CONTROL_RE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]"
)
# Vertical tab, form feed, CR and NEL separate words: they become spaces, never glue.
_SPACING_CONTROL_RE = re.compile("[\x0b\x0c\r\x85]")


def strip_controls(text: str) -> str:
    """
    Drop control characters, lone surrogates and bidi overrides, keeping tabs and newlines.

    Everything read from a user (resume text, file names, ratings keys, taxonomy names)
    goes through this before it is shown, so no escape sequence reaches a terminal.
    """
    return _CONTROL_RE.sub("", _SPACING_CONTROL_RE.sub(" ", text))


def display_name(text: str) -> str:
    """
    A file name or path fit to show and to write as JSON: bytes that were not UTF-8 (kept
    by the OS as lone surrogates) become U+FFFD, and control characters are dropped.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        text = text.encode("utf-8", "replace").decode("utf-8")
    return strip_controls(text)


def rich_text(text: str, style: str = "") -> "Text":
    """
    User-derived text for rich: a Text (never parsed as markup) without control characters.
    """
    from rich.text import Text

    return Text(strip_controls(text), style=style)
