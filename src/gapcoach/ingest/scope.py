"""
The scope of a person's work, read from the resume: the largest team, number of agents
and of sites, and budget it states (the phrases are in ``vocab.scope``).
"""

import re

from gapcoach.models import Scope
from gapcoach.vocab.scope import (
    AGENT_RES,
    BUDGET_RE,
    HAS_NUMBER_RE,
    MONEY_RE,
    MULTI_SITE_RE,
    MULTIPLIERS,
    NUMBER_WORDS,
    SITE_RES,
    TEAM_RES,
)


def _number(text: str | None) -> int | None:
    if not text:
        return None
    lowered = text.lower()
    if lowered in NUMBER_WORDS:
        return NUMBER_WORDS[lowered]
    digits = lowered.replace(",", "")
    return int(digits) if digits.isdigit() else None


def _largest(
    patterns: list[re.Pattern[str]], lines: list[str], *, limit: int
) -> int | None:
    best: int | None = None
    for line in lines:
        for pattern in patterns:
            for match in pattern.finditer(line):
                values = [_number(group) for group in match.groups()[:2]]
                value = max((v for v in values if v is not None), default=None)
                if (
                    value is not None
                    and 0 < value <= limit
                    and not (1950 <= value <= 2049 and "," not in match.group(0))
                ):
                    best = value if best is None else max(best, value)
    return best


def find_scope(lines: list[str]) -> Scope:
    # real sentences are short; bounding the line keeps a pathological file fast
    counted = [line[:2000] for line in lines if HAS_NUMBER_RE.search(line[:2000])]
    team = _largest(TEAM_RES, counted, limit=100_000)
    agents = _largest(AGENT_RES, counted, limit=1_000_000)
    sites = _largest(SITE_RES, counted, limit=1_000)
    if any(MULTI_SITE_RE.search(line) for line in lines):
        sites = max(sites or 0, 2)
    budget: int | None = None
    for line in counted:
        if not BUDGET_RE.search(line):
            continue
        for match in MONEY_RE.finditer(line):
            value = float(match.group(1).replace(",", ""))
            unit = (match.group(2) or "").lower()
            amount = round(value * MULTIPLIERS.get(unit, 1))
            if amount >= 1_000:
                budget = amount if budget is None else max(budget, amount)
    return Scope(team_size=team, agents=agents, sites=sites, budget_usd=budget)
