"""
A job's header line: how much a piece of text looks like a job title, and a header's
text (its dates taken out) split into title and employer, whatever the separators:
"Title | Employer | Place", "Employer - Title", "Title, Employer", "Title @ Employer",
and a promotion written on one line ("Analyst → Senior Analyst") read as its later title.
"""

import re
from functools import lru_cache

from gapcoach.ingest.sections import heading_section
from gapcoach.vocab.titles import (
    CC_TITLE_RE,
    DEPARTMENT_WORDS,
    NAME_CONNECTORS,
    PAST_TENSE_RE,
    TITLE_ADJECTIVE_RE,
    TITLE_NOUN_RE,
    VERB_START_RE,
)

_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|"
    "NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR|"
    "AB|BC|MB|NB|NL|NS|ON|PE|QC|SK|State"
)

LOCATION_RE = re.compile(
    r"\bCity\s*,\s*State\b(?:\s*,\s*(?:United States|USA|US)\b)?|\bState\s*,\s*USA\b|"
    r"\(\s*(?:remote|hybrid|on-?site)\s*\)|\bremote\b",
    re.IGNORECASE,
)

_TRAILING_PLACE_RE = re.compile(
    rf",\s*(?:[A-Z][A-Za-z.'-]+(?:\s+[A-Z][A-Za-z.'-]+){{0,2}}\s*,\s*)?(?:{_STATES})\b\.?"
    r"(?:\s+\d{5})?(?:\s*,\s*(?:USA|US|United States|Canada))?$"
)

_PLACE_ONLY_RE = re.compile(
    rf"^(?:[A-Z][A-Za-z.'-]+(?:\s+[A-Z][A-Za-z.'-]+){{0,3}}\s*,\s*(?:{_STATES})\b\.?"
    r"(?:\s+\d{5})?|Greater\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\s+Area|remote|hybrid)$",
    re.IGNORECASE,
)

_COMPANY_PLACEHOLDER_RE = re.compile(r"\bCompany Name\b", re.IGNORECASE)

SEGMENT_SPLIT_RE = re.compile(
    # why the look-behind: a match starts only where a run of spaces starts, so a long
    # run is scanned once instead of once per space
    r"(?<!\s)\s*(?:\||｜|•|·|\s[-–—]+\s|\s[-–—]+$|^[-–—]+\s|\s@\s|\sat\s)\s*"
)


# a title may end in an abbreviation's dot; a sentence ends in any other
_ABBREVIATION_END_RE = re.compile(
    r"\b(?:Sr|Jr|Inc|Co|Ltd|Corp|Mgr|Asst)\.$|\b[A-Z]\.[A-Z]\.(?:[A-Z]\.)?$"
)
_PHONE_NUMBER_RE = re.compile(r"\d{3}\W+\d{3}\W+\d{4}")


@lru_cache(maxsize=8192)  # the same header parts are scored from several neighbours
def title_score(text: str) -> int:
    """
    How much a piece of text looks like a job title (>= 4 is accepted).
    """
    words = text.split()
    if not words or len(words) > 12 or heading_section(text):
        return -99
    score = 0
    if TITLE_NOUN_RE.search(text):
        score += 3
    if CC_TITLE_RE.search(text):
        score += 2
    if len(words) <= 8:
        score += 1
    alpha = [word for word in words if word[:1].isalpha()]
    if alpha and sum(word[0].isupper() for word in alpha) >= 0.6 * len(alpha):
        score += 1
    if text.endswith(".") and not _ABBREVIATION_END_RE.search(text):
        score -= 3
    if text[0].islower():
        score -= 3
    if VERB_START_RE.match(text) or (
        # "Coordinated communication between ..." is a sentence; "Shared Services
        # Supervisor" is a title
        len(words) > 5
        and PAST_TENSE_RE.match(text)
        and not TITLE_ADJECTIVE_RE.match(text)
    ):
        score -= 3
    if "@" in text or _PHONE_NUMBER_RE.search(text):
        score -= 5
    return score


TITLE_THRESHOLD = 4


_EDGE = " ,;:|-–—[]"


def clean_segment(text: str) -> str:
    """
    A header part without edge punctuation and wrapping brackets ("(Remote)" -> "Remote").
    Each step removes whole runs, so "((((…" costs one pass, not one per bracket.
    """
    text = text.strip(_EDGE)
    while text.startswith("(") and (text.endswith(")") or ")" not in text):
        if ")" not in text:
            text = text.lstrip("(").strip(_EDGE)
            break
        pairs = min(
            len(text) - len(text.lstrip("(")), len(text) - len(text.rstrip(")"))
        )
        text = text[pairs:-pairs].strip(_EDGE)
    if text.endswith(")") and "(" not in text:
        text = text[:-1].strip(_EDGE)
    if text.endswith("(") or (text.startswith(")") and "(" not in text):
        text = text.strip("()").strip(_EDGE)
    return text


def split_header(text: str) -> tuple[str | None, str | None]:
    """
    A header line's text, without its dates, -> (title, employer).
    """
    employer: str | None = None
    if _COMPANY_PLACEHOLDER_RE.search(text):
        employer = "Company Name"
        text = _COMPANY_PLACEHOLDER_RE.sub(" | ", text)
    text = LOCATION_RE.sub(" | ", text)
    segments = [clean_segment(part) for part in SEGMENT_SPLIT_RE.split(text)]
    segments = [
        part
        for part in segments
        if any(char.isalnum() for char in part)
        and not is_place(part)
        and not META_RE.match(part)
    ]
    titled = [title_score(part) >= TITLE_THRESHOLD for part in segments]
    if True not in titled and employer is None and segments:
        # "Senior Paralegal, Lindqvist Moreau LLP (litigation group)": too long to look
        # like a title as a whole, a title before its comma
        head, _, tail = segments[0].partition(", ")
        if tail and title_score(head) >= TITLE_THRESHOLD:
            return latest_title(head), strip_place(
                _TRAILING_NOTE_RE.sub("", tail)
            ) or None
    if True not in titled:
        if employer is None and segments:
            employer = strip_place(segments[0]) or None
        return None, employer
    first = titled.index(True)
    # neighbouring title-like parts belong together ("Senior Agent - Assistant Supervisor")
    last = first
    while (
        last + 1 < len(segments)
        and titled[last + 1]
        and TITLE_NOUN_RE.search(segments[last + 1])
    ):
        last += 1
    title = latest_title(strip_place(" - ".join(segments[first : last + 1])))
    if employer is None:
        others = segments[last + 1 :] + segments[:first]
        employer = next(
            (strip_place(part) for part in others if strip_place(part)), None
        )
    if employer is None:
        title, employer = _comma_employer(title)
    if title:
        title = _HELD_AS_RE.sub("", title) or title
    if employer:
        employer = _AT_RE.sub("", employer) or employer
    return title or None, employer


# "Chat Support Agent, part-time" and "at Hotel Rooms Direct": how, and a joining word
_HELD_AS_RE = re.compile(r"[,(]\s*(?:part|full)[\s-]?time\)?$", re.IGNORECASE)
_AT_RE = re.compile(r"^(?:at|with|for)\s+(?=[A-Z])")


_TRAILING_NOTE_RE = re.compile(r"(?<!\s)\s*\([^()]*\)$")

_PROMOTION_RE = re.compile(
    r"(?<!\s)\s*(?:→|->|⇒|»|⟶)\s*|,?(?<!\s)\s+promoted\s+to\s+", re.IGNORECASE
)
# "then" continues a promotion ("promoted to Senior Manager, then Director"); alone it
# may list roles in either order ("Supervisor, then Representative"), so it is kept
_THEN_RE = re.compile(r",?(?<!\s)\s+then\s+", re.IGNORECASE)


def latest_title(title: str) -> str:
    """
    A promotion on one line ("Analyst → Senior Analyst") is one job with the later title.
    """
    parts = [part for part in _PROMOTION_RE.split(title) if part.strip()]
    if len(parts) > 1:
        parts = _THEN_RE.split(parts[-1])
    return parts[-1].strip() if parts else title


_UNIT_NOUNS = frozenset(
    ("center", "centre", "centers", "centres", "team", "teams", "department", "unit",
     "desk", "division", "program", "programme", "operations", "hub", "queue", "line")
)  # fmt: skip

_COMMA_RE = re.compile(r",\s+")
_NAME_WORD_RE = re.compile(r"[\w&'.-]+")


def _comma_employer(title: str) -> tuple[str, str | None]:
    """
    "Title, Employer" -> (title, employer) when the part after the last comma names an
    organisation: capitalised words, not a title, not only words of a function or a team
    ("Supervisor, Billing Care" stays one title).
    """
    parts = _COMMA_RE.split(title)
    for cut in range(len(parts) - 1, 0, -1):
        head, tail = ", ".join(parts[:cut]), ", ".join(parts[cut:])
        words = _NAME_WORD_RE.findall(tail)
        if (
            not words
            or len(words) > 8
            or TITLE_NOUN_RE.search(tail)
            or not all(
                word[0].isupper() or not word[0].isalpha() or word in NAME_CONNECTORS
                for word in words
            )
            or all(word.lower() in DEPARTMENT_WORDS for word in words)
            # "Operations Manager, Telehealth Scheduling Center" names a unit
            or words[-1].lower() in _UNIT_NOUNS
            or title_score(head) < TITLE_THRESHOLD
        ):
            continue
        return head, tail
    return title, None


def strip_place(text: str) -> str:
    return clean_segment(_TRAILING_PLACE_RE.sub("", text))


_REGION_TEXT = """
    alabama alaska arizona arkansas california colorado connecticut delaware florida
    georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland
    massachusetts michigan minnesota mississippi missouri montana nebraska nevada
    ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington
    wisconsin wyoming alberta manitoba ontario quebec québec saskatchewan
    usa us canada mexico méxico brazil brasil germany deutschland france spain españa
    italy italia portugal philippines india ireland uk england scotland colombia
"""
_REGIONS = frozenset(_REGION_TEXT.split()) | {
    "united states",
    "united kingdom",
    "new york",
    "new jersey",
    "new mexico",
    "new hampshire",
    "north carolina",
    "south carolina",
    "north dakota",
    "south dakota",
    "west virginia",
    "rhode island",
    "british columbia",
    "nova scotia",
    "costa rica",
    "el salvador",
    "puerto rico",
    "district of columbia",
}

_WORK_MODE_RE = re.compile(
    r"[·|,-]?(?<!\s)\s*\b(?:remote|hybrid|hybride|on-?site|in-?office|presencial|"
    r"híbrido)\b",
    re.IGNORECASE,
)


def is_place(text: str) -> bool:
    """
    A place alone: "Omaha, NE", "Cindervale, Arizona, United States · Hybrid", "Remote".
    """
    cleaned = clean_segment(text)
    if _PLACE_ONLY_RE.match(cleaned):
        return True
    if "," not in cleaned:
        return False
    core = _WORK_MODE_RE.sub("", cleaned).strip(" ·,-")
    parts = [part.strip() for part in core.split(",")]
    return (
        1 < len(parts) <= 4
        and parts[-1].lower() in _REGIONS
        and all(part[:1].isupper() and len(part.split()) <= 4 for part in parts)
    )


_DURATION = (
    r"\d+\s*(?:yrs?|years?|mos?|months?|ans?|mois|anos?|años|meses|jahre?|monate?)\b"
)

# a line that says only how a job was held or for how long ("Full-time", "3 yrs 8 mos",
# "Temps plein · 8 ans 3 mois"), as a LinkedIn export puts between title and dates
META_RE = re.compile(
    r"^(?=\S)(?:(?:full|part)[\s-]?time|contract|freelance|internship|seasonal|temporary|"
    r"self-employed|permanent|temps\s+(?:plein|partiel)|vollzeit|teilzeit|"
    r"tiempo\s+(?:completo|parcial)|tempo\s+integral)?\s*·?\s*"
    rf"(?:{_DURATION}(?:\s+{_DURATION})?)?$",
    re.IGNORECASE,
)

# "· 2 yrs 4 mos" or "(2 years)" after a job's dates
DURATION_TAIL_RE = re.compile(
    rf"(?<!\s)\s*[·(]\s*{_DURATION}(?:\s+{_DURATION})?\s*\)?", re.IGNORECASE
)


# a company's name ends with a full stop: "Acme Inc.", "Boréalis Abonnements inc."
COMPANY_END_RE = re.compile(
    r"\b(?:inc|ltd|llc|co|corp|s\.\s?a|b\.\s?v|n\.\s?v|s\.\s?p\.\s?a|s\.\s?r\.\s?l|"
    r"gmbh|ag|plc|pty|o\.\s?o|s\.\s?a\.\s?s|ltda|ab|oy|as)\.$",
    re.IGNORECASE,
)


def capitalised(name: str) -> bool:
    """Every word of a name starts with a capital, a digit or a sign, but connectors."""
    return all(
        word[:1].isupper() or not word[:1].isalpha() or word in NAME_CONNECTORS
        for word in name.split()
    )
