"""
Dates of a work history: "Jan 2019 - Present", "03/2017 to 06/2020", "since 2021",
"2015-2018", a lone start date; spans in months, with "Present" meaning ``TODAY`` (fixed,
so the same resume always gives the same numbers).
"""

import re
from dataclasses import dataclass
from functools import lru_cache

TODAY: tuple[int, int] = (2026, 11)
"""The (year, month) that "Present" means, fixed so that the same resume always gives
the same numbers. Override it per call with ``read_resume(..., today=(2027, 3))``."""

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)

_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"

_SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}

# A quarter or a season is its first month (RUBRIC.md): "Q2 2023" is April 2023.
_QUARTER_SEASON = (
    rf"\bq[1-4]\s*['’]?(?:{_YEAR}\b|\d{{2}}\b)"
    rf"|\b(?:the\s+)?(?:spring|summer|fall|autumn|winter)\s+(?:of\s+)?"
    rf"(?:{_YEAR}\b|['’]\d{{2}}\b)"
)

# ISO year and month ("2023-05", "2023/05", "2023-05-14"): the month has two digits, so
# a span of years ("2015-2018") never reads as one
_ISO = rf"\b{_YEAR}[-/.](?:0[1-9]|1[0-2])(?:[-/.][0-3]\d)?\b"

DATE = (
    rf"(?:{_QUARTER_SEASON}|{_ISO}"
    rf"|\b{_MONTH}\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?,?\s*(?:[/-]\s*)?"
    rf"(?:{_YEAR}\b|['’]\d{{2}}\b)"
    rf"|\b(?:0?[1-9]|1[0-2])\s*[/.]\s*(?:(?:0?[1-9]|[12]\d|3[01])\s*/\s*)?{_YEAR}\b"
    rf"|\b(?:0?[1-9]|1[0-2])-{_YEAR}\b"
    rf"|\b{_YEAR}\b"
    # a month and a two-digit year, "9/20" (slashed only: "3.5" or "3-4" are numbers)
    rf"|\b(?:0?[1-9]|1[0-2])/\d{{2}}\b(?![/\d]))"
)

PRESENT = (
    r"(?:present\w?|current(?:ly)?|now|today|to\s+date|till\s+date|date|ongoing|"
    r"still\s+employed|the\s+present)\b"
)

SEPARATOR = (
    r"\s*(?:-+|–|—|‒|―|~|→|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b"
    # "jan. 2020 t/m aug. 2022", "2015 bis 2019", "de 2015 hasta 2019", "2015 até 2019"
    r"|\bt/m\b|\btot\b|\bbis\b|\bhasta\b|\baté\b|\bal\b|\bau\b)\s*"
)

RANGE_RE = re.compile(
    rf"\(?(?P<start>{DATE})\)?{SEPARATOR}\(?(?P<end>{DATE}|{PRESENT}"
    # a year's last two digits after a year ("2016–19")
    r"|(?<![\d/.])\d{2}(?![\d/.,%]|:\d))\)?",
    re.IGNORECASE,
)

# a table row with the start and the end in cells of their own: "2019-03 | 2022-07 | Team
# Lead | Northwind", "| Q3 2021 | current | Supervisor |": read as one range
CELL_RANGE_RE = re.compile(
    rf"(?P<start>{DATE})[ \t]*\|[ \t]*(?P<end>{DATE}|{PRESENT})(?=[ \t]*(?:\||$))",
    re.IGNORECASE,
)

SINCE_RE = re.compile(
    # (and the same word in German, Spanish, French, Italian: "seit 03.2021")
    rf"\b(?:since|from|seit|desde|depuis|dal)\s+(?P<start>{DATE})(?!{SEPARATOR})",
    re.IGNORECASE,
)

# "desde marzo 2020", "seit März 2016": a start in another language's month
FOREIGN_SINCE_RE = re.compile(
    rf"\b(?:seit|desde|depuis|dal)\s+[^\W\d_]{{3,}}\.?\s+{_YEAR}\b", re.IGNORECASE
)

DATE_RE = re.compile(DATE, re.IGNORECASE)

LONE_DATE_END_RE = re.compile(
    rf"(?<![\s,|(-])[\s,|(-]+\(?(?P<start>\b{_MONTH}\.?\s*,?\s*{_YEAR}|\b(?:0?[1-9]|1[0-2])/{_YEAR})\)?$",
    re.IGNORECASE,
)

# what a person means as a date range, understood or not ("Fall '19 – Spring '21")
LOOSE_RANGE_RE = re.compile(
    rf"(?:{_YEAR}|['’]\d{{2}})\b\s*(?:-+|–|—|~|\bto\b|\buntil\b)\s*\S"
    # (a dash run is not a date's start: "-----" is scanned once, not once per dash)
    rf"|[^\d\s\-–—]\s*(?:--?|–|—)\s*(?:{_YEAR}|['’]\d{{2}})\b",
    re.IGNORECASE,
)

DATE_ONLY_RE = re.compile(rf"^\(?{DATE}\)?$", re.IGNORECASE)

END_ONLY_RE = re.compile(rf"^\(?(?:{DATE}|{PRESENT})\)?\.?$", re.IGNORECASE)

SEPARATOR_ONLY_RE = re.compile(rf"^{SEPARATOR}$", re.IGNORECASE)

SEPARATOR_START_RE = re.compile(rf"^{SEPARATOR}\S", re.IGNORECASE)

_MONTH_YEAR_RE = re.compile(
    rf"({_MONTH})\.?(?:\s+\d{{1,2}}\w*)?,?\s*(?:[/-]\s*)?({_YEAR}|['’]\d{{2}})", re.I
)

_NUMERIC_RE = re.compile(rf"(\d{{1,2}})\s*[/.-]\s*(?:\d{{1,2}}\s*/\s*)?({_YEAR})")


_YEAR_RE = re.compile(_YEAR)

_SHORT_NUMERIC_RE = re.compile(r"\b(0?[1-9]|1[0-2])/(\d{2})\b")

_QUARTER_RE = re.compile(rf"\bq([1-4])\s*['’]?({_YEAR}|\d{{2}})\b", re.I)

_SEASON_RE = re.compile(
    rf"\b(spring|summer|fall|autumn|winter)\s+(?:of\s+)?({_YEAR}|['’]\d{{2}})\b", re.I
)

_ISO_RE = re.compile(rf"\b({_YEAR})[-/.](0[1-9]|1[0-2])\b")


def _full_year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 50 else 1900
    return year


def _parse_date(text: str) -> tuple[int, int | None] | None:
    """
    (year, month) of a date; month None when only the year is given.
    """
    match = _QUARTER_RE.search(text)
    if match:
        return _full_year(match.group(2)), int(match.group(1)) * 3 - 2
    match = _SEASON_RE.search(text)
    if match:
        return _full_year(match.group(2).lstrip("'’")), _SEASONS[match.group(1).lower()]
    match = _ISO_RE.search(text)
    if match:
        return int(match.group(1)), int(match.group(2))
    match = _MONTH_YEAR_RE.search(text)
    if match:
        year = _full_year(match.group(2).lstrip("'’"))
        return year, _MONTHS[match.group(1).lower()[:3]]
    match = _NUMERIC_RE.search(text)
    if match:
        return int(match.group(2)), int(match.group(1))
    match = _SHORT_NUMERIC_RE.search(text)
    if match:
        return _full_year(match.group(2)), int(match.group(1))
    match = _YEAR_RE.search(text)
    if match:
        return int(match.group(0)), None
    return None


def month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def format_month(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


@dataclass(frozen=True)
class Span:
    """
    A parsed date range: first and last month (inclusive), last None for "present".
    """

    start: int
    end: int | None


_PRESENT_START_RE = re.compile(PRESENT, re.IGNORECASE)
_TWO_DIGITS_RE = re.compile(r"^\d{2}$")


def make_span(start_text: str, end_text: str | None, today: int) -> Span | None:
    start = _parse_date(start_text)
    if start is None:
        return None
    start_index = month_index(start[0], start[1] or 1)
    end_index: int | None = None
    if end_text is not None and not _PRESENT_START_RE.match(end_text.strip("() ")):
        end = _parse_date(end_text)
        if end is None and _TWO_DIGITS_RE.match(end_text.strip("() ")):
            # "2016–19": the end year in the start's century (or the next one)
            year = start[0] // 100 * 100 + int(end_text.strip("() "))
            year += 100 if year < start[0] else 0
            end = (year, None) if year <= today // 12 else None
        if end is None:
            return None
        end_index = month_index(end[0], end[1] or 1)
        if end_index < start_index or end_index - start_index > 50 * 12:
            return None
        if end_index >= today:
            end_index = None
    if start_index > today:
        return None
    return Span(start_index, end_index)


# Month names in other languages ("Marzo 2016 – Julio 2019", "März 2016 – heute") come from
# dateparser's locale data, loaded only when a line looks like such a range and did not
# read in English: dateparser itself costs 0.2 s to import and 2-5 ms a date (4 s for
# "Summer 2019", which it does not read), so the ranges are found by our own patterns.
FOREIGN_RANGE_RE = re.compile(
    rf"\b[^\W\d_]{{3,}}\.?\s+{_YEAR}\b{SEPARATOR}[^\W\d_]{{3,}}", re.IGNORECASE
)
# both ends in words that are not English ("Agosto 2019 – Presente"): an English range may
# still match inside it ("2019 – Presente"), so it is translated first
_NOT_ENGLISH = (
    rf"(?!{_MONTH}\b|spring\b|summer\b|fall\b|autumn\b|winter\b|since\b|from\b)"
)
FOREIGN_PAIR_RE = re.compile(
    rf"\b{_NOT_ENGLISH}[^\W\d_]{{3,}}\.?\s+{_YEAR}\b{SEPARATOR}"
    rf"(?:[^\W\d_]{{3,}}\.?\s+{_YEAR}\b"
    r"|(?!(?:present|current(?:ly)?|now|today|date|ongoing|till|until)\b)[^\W\d_]{3,}"
    r"\b(?!\.?\s*\d))",
    re.IGNORECASE,
)
# a date, then a word that is not English for "present" ("03.2023 – heute")
DATE_THEN_WORD_RE = re.compile(
    rf"(?:{_YEAR}|\d{{2}}){SEPARATOR}"
    r"(?!(?:present|current(?:ly)?|now|today|date|ongoing|till|until)\b)"
    r"[^\W\d_]{3,}(?:['’][^\W\d_]+)?\s*\)?\s*(?:[·|,]|$)",
    re.IGNORECASE,
)
# a month name before a year: "Marzo 2016", "ene. 2022", "fev/2021"
_WORD_BEFORE_YEAR_RE = re.compile(
    rf"\b([^\W\d_]{{3,}})\.?(?=(?:\s+|\s*[/-]\s*){_YEAR}\b)"
)
# the end of a range in words, one to three of them: "– obecnie", "– a la fecha"
_WORD_AFTER_RANGE_RE = re.compile(
    rf"(?<=\d\d)({SEPARATOR})([^\W\d_]+(?:['’\s]+[^\W\d_]+){{0,3}})",
    re.IGNORECASE,
)

# the languages people in North American, European and Philippine contact centers write in
_LANGUAGES = ("es", "fr", "de", "pt", "it", "nl", "pl", "ro", "fil", "ru", "uk")
_MONTH_KEYS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
# words for "present" that the locales do not hold as "today" or "now"
_PRESENT_WORDS = (
    "actualidad",
    "actual",
    "presente",
    "aktuell",
    "heute",
    "présent",
    "actuel",
    "atual",
    "attuale",
    "oggi",
    "heden",
    "huidig",
    "obecnie",
    "prezent",
    "kasalukuyan",
    # phrases: "until today", "to date", "so far"
    "a la fecha",
    "hasta la fecha",
    "hasta hoy",
    "hasta ahora",
    "à ce jour",
    "jusqu'à présent",
    "jusqu'à aujourd'hui",
    "en cours",
    "bis heute",
    "bis jetzt",
    "tot heden",
    "tot nu",
    "tot op heden",
    "ad oggi",
    "a oggi",
    "in corso",
    "até hoje",
    "até o momento",
    "até agora",
    "do dziś",
    "do dzisiaj",
    "do teraz",
    "hanggang ngayon",
    "hanggang kasalukuyan",
)


@lru_cache(maxsize=1)
def _foreign_words() -> tuple[dict[str, int], frozenset[str]]:
    """
    (month name -> month number, words for "present") of ``_LANGUAGES``; a name that
    means different months in two languages is left out.
    """
    from dateparser.languages.loader import default_loader

    months: dict[str, set[int]] = {}
    present = set(_PRESENT_WORDS)
    for code in _LANGUAGES:
        info = default_loader.get_locale(code).info
        for number, key in enumerate(_MONTH_KEYS, start=1):
            for name in info.get(key, []):
                months.setdefault(name.lower().rstrip("."), set()).add(number)
        relative = info.get("relative-type", {})
        for key in ("0 day ago", "0 second ago"):
            present.update(word.lower() for word in relative.get(key, []))
    unique = {
        name: numbers.pop()
        for name, numbers in months.items()
        if len(numbers) == 1 and len(name) >= 3
    }
    return unique, frozenset(present)


def translate_months(text: str) -> str:
    """
    ``text`` with month names of other languages written in English and a closing word
    for "present" as "present": "Marzo 2016 – actualidad" -> "March 2016 – present".
    """
    months, present = _foreign_words()

    def month(match: re.Match[str]) -> str:
        number = months.get(match.group(1).lower())
        return match.group(0) if number is None else _MONTH_KEYS[number - 1]

    def end(match: re.Match[str]) -> str:
        words = " ".join(match.group(2).lower().replace("’", "'").split())
        # the longest run of words that says "present": "a la fecha", then "a la", "a"
        parts = words.split(" ")
        for size in range(len(parts), 0, -1):
            if " ".join(parts[:size]) in present:
                rest = match.group(2).split(None, size)[size:]
                tail = f" {rest[0]}" if rest else ""
                return f"{match.group(1)}present{tail}"
        return match.group(0)

    return _WORD_AFTER_RANGE_RE.sub(end, _WORD_BEFORE_YEAR_RE.sub(month, text))
