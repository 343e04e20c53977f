"""
Private text helpers shared by the build, ingest and match stages.
"""

import hashlib
import re
import unicodedata

_SLUG_RE = re.compile(r"[^a-z0-9]+")
_SPACE_RE = re.compile(r"\s+")


def slugify(text: str) -> str:
    """
    Turn a name into a stable id: ASCII, lower case, words joined by hyphens.
    """
    ascii_text = (
        unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    )
    return _SLUG_RE.sub("-", ascii_text.lower()).strip("-")


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
