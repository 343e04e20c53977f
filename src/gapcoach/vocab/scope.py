"""
Scope language: how a resume says how big the work was.

Numbers (digits, "twelve", "a dozen", "up to 40", "1,200+"), the people a team is made of,
agents and seats, sites and centers, multi-site wording, money and budgets. The patterns'
first two groups are a number or a range; ``ingest.scope`` reads them.
"""

import re

from gapcoach.vocab.pieces import SITE_NOUN

__all__ = [
    "AGENT_RES",
    "BUDGET_RE",
    "HAS_NUMBER_RE",
    "MONEY_RE",
    "MULTIPLIERS",
    "MULTI_SITE_RE",
    "NUMBER_WORDS",
    "SITE_RES",
    "TEAM_RES",
]

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "dozen": 12,
}  # fmt: skip

_WORDS = "|".join(NUMBER_WORDS)

_NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{_WORDS}))\b"

_QUALIFIER = (
    r"(?:(?:up\s+to|over|more\s+than|nearly|almost|about|approximately|around)\s+)?"
)

_RANGE_NUM = rf"\b{_QUALIFIER}({_NUM})(?:\s*(?:-|–|to|up\s+to)\s*({_NUM}))?\+?"

# up to two describing words between a number and its noun ("180 inbound agents"), but
# not the words of a different phrase ("11 years in contact centers")
_FILLER = (
    r"(?:(?!(?:years?|months?|weeks?|days?|in|of|at|with|for|to|from|and|the|a)\b)"
    r"[a-z-]+\s+){0,2}"
)

HAS_NUMBER_RE = re.compile(rf"\d|\b(?:{_WORDS})\b", re.IGNORECASE)

_STAFF = (
    r"(?:agents|representatives|reps|employees|staff|associates|people|team\s+members|"
    r"csrs|specialists|supervisors|managers|analysts|collectors|advisors|advocates|"
    r"members|direct\s+reports|ftes?|leads|coordinators|trainers|individuals|"
    r"personnel|workers|consultants|engineers)\b"
)

TEAM_RES = [
    re.compile(rf"\bteams?\s+of\s+{_RANGE_NUM}", re.IGNORECASE),
    re.compile(rf"{_RANGE_NUM}\s+direct\s+reports\b", re.IGNORECASE),
    re.compile(
        r"\b(?:supervis\w*|manag\w*|lead\w*|led|direct\w*|overs(?:aw|ee)\w*|coach\w*|"
        r"mentor\w*|responsible\s+for|hired\s+and\s+trained|built)\s+"
        rf"(?:a\s+|an\s+|my\s+)?(?:team\s+of\s+)?{_RANGE_NUM}\s+"
        rf"{_FILLER}{_STAFF}",
        re.IGNORECASE,
    ),
]

AGENT_RES = [
    re.compile(
        rf"{_RANGE_NUM}[\s-]+{_FILLER}"
        r"(?:agents|reps|representatives|csrs|advisors|seats)\b",
        re.IGNORECASE,
    ),
    re.compile(rf"{_RANGE_NUM}\s*-\s*(?:seat|agent|rep|person)\b", re.IGNORECASE),
]

SITE_RES = [
    re.compile(
        rf"{_RANGE_NUM}(?:-sites?\b|[\s-]+{_FILLER}(?:sites|(?:call|contact|service|"
        r"customer\s+care|operations)[\s-]+cent(?:er|re)s|cent(?:er|re)s|facilities)\b)",
        re.IGNORECASE,
    ),
]

MULTI_SITE_RE = re.compile(
    rf"\bmulti[\s-]?{SITE_NOUN}s?\b|"
    r"\b(?:multiple|both)\s+(?:sites|call\s+centers|contact\s+centers|centers|centres)\b",
    re.IGNORECASE,
)

MONEY_RE = re.compile(
    r"\$\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
    r"(k|mm|m|bn|b|thousand|million|billion)?\b",
    re.IGNORECASE,
)

BUDGET_RE = re.compile(r"\bbudget\w*|\bp\s*&\s*l\b|\bprofit\s+and\s+loss\b", re.I)

MULTIPLIERS = {
    "k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "million": 1e6,
    "b": 1e9, "bn": 1e9, "billion": 1e9,
}  # fmt: skip
