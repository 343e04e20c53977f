"""
Claim language: how a resume line says what a person did with a skill.

The words that own a piece of work ("led", "rolled out"), that report a result ("cut AHT
by 40 s", "from 71 % to 84 %"), that claim a wide scope ("multi-site", "enterprise-wide",
"$5M"), that deny or wish for experience ("no experience with", "eager to learn", "…,
never by me") or put it in progress ("currently enrolled"); the degree words of an
education line; and the two judgements made from them: ``mention_status`` (is a mention
stated, negated or in progress?) and ``work_line_level`` (what level does a work-history
line support: 1 a keyword list, 2 use, 3 ownership with a result, 4 wide scope).
"""

import re
from functools import lru_cache

from gapcoach.vocab.pieces import SITE_NOUN

__all__ = [
    "DEGREE_RE",
    "LOOK_BACK",
    "is_keyword_list",
    "mention_status",
    "work_line_level",
]

_OWNERSHIP_RE = re.compile(
    r"\b(?:led|lead|leading|implement\w*|design\w*|built|build\w*|launch\w*|own\w*|"
    r"redesign\w*|roll(?:ed)? out|rolled|improv\w*|reduc\w*|cut|cutting|rais\w*|increas\w*|"
    r"decreas\w*|drove|driv\w*|establish\w*|creat\w*|develop\w*|introduc\w*|spearhead\w*|"
    r"direct\w*|achiev\w*|deliver\w*|transform\w*|streamlin\w*|consolidat\w*|negotiat\w*|"
    r"migrat\w*|deploy\w*|automat\w*|optimi[sz]\w*|grew|boost\w*|lower\w*|sav\w*|"
    r"turned around|revamp\w*|overhaul\w*|set up|stood up|instituted|championed|headed|"
    r"restructur\w*|modernis\w*|moderniz\w*|eliminat\w*|shortened|lift\w*|exceeded|rebuil\w*|"
    r"grow\w*|doubl\w*|halv\w*|accelerat\w*|expand\w*|won|earned|set|wrote|"
    r"defin\w*|author\w*|sponsor\w*|chair\w*|secur\w*|negotiat\w*|centrali[sz]\w*|"
    r"replac\w*|brought in|moved|switched|pushed for|champion\w*|hired|rewrote|rewrit\w*)\b",
    re.IGNORECASE,
)
_RESULT_RE = re.compile(
    r"(?<!\d)\d+(?:\.\d+)?\s*(?:%|percent|pts?\b|points?\b|bps\b)"
    r"|\$\s?\d"
    r"|\b\d+(?:\.\d+)?\s*(?:k|m|mm|million|bn|billion)\b"
    r"|\b\d{1,2}:\d{2}\b"
    r"|(?:from|of)\s+\S*\d\S*\s+(?:to|→|->)\s+\S*\d"
    r"|\d\s*(?:→|->)\s*\S*\d"
    r"|\b\d+(?:\.\d+)?\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?)\b"
    r"|\b\d{2,}\s*(?:agents|reps|representatives|advisors|associates|seats|staff|people|"
    r"employees|supervisors|managers|fte)\b"
    r"|\bteams?\s+of\s+\d+|\b\d+\s+direct\s+reports\b|\b\d+[-\s](?:person|agent|seat|member)\b"
    r"|\b\d+\s+(?:of\s+\d+\s+)?(?:\w+\s+){0,3}(?:were\s+|later\s+|now\s+)*"
    r"(?:promoted|became|rated|certified|passed|moved up|stayed|still)\b"
    r"|\b\d+\s+of\s+(?:my\s+|the\s+)?\d+\b"
    r"|\bno\s+(?:\w+\s+)?(?:findings|breaches|fines|violations|defects|errors|"
    r"escalations|complaints|repeat findings)\b"
    r"|\b(?:up|down)\s+from\b|\b(?:doubled|tripled|halved)\b"
    r"|\bzero\s+(?:\w+\s+){0,2}(?:breaches|findings|complaints|defects|errors|escalations|"
    r"fines|incidents|violations)\b",
    re.IGNORECASE,
)
_SCOPE_RE = re.compile(
    rf"\bmulti-?(?:{SITE_NOUN}|channel|country|region)\w*"
    r"|\benterprise(?:-wide)?\b|\bcompany-?wide\b|\borganization-?wide\b|\borganisation-?wide\b"
    r"|\bglobal(?:ly)?\b|\bnation(?:al|wide)\b|\bworldwide\b"
    r"|\b(?:[2-9]|1\d|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+"
    r"(?:\w+\s+){0,2}(?:sites|centers|centres|hubs|locations|countries|regions|call centers|"
    r"contact centers|bpo partners|vendors)\b"
    r"|\$\s?\d+(?:\.\d+)?\s*(?:m|mm|million|bn|billion)\b"
    r"|\bhundreds of\b|\b(?:[1-9],?\d{3}|[1-9]\d{2})\+?\s*(?:-\s*)?(?:agents|reps|"
    r"representatives|advisors|associates|seats|seat|staff|employees|fte)\b"
    r"|\b(?:multi-year|\d-year|three-year|five-year)\b|\bc-suite\b|\bboard\b|\bp&l\b"
    r"|\b(?:all|every|each)\s+(?:\w+\s+){0,2}(?:centers|centres|sites|locations|hubs|"
    r"center|centre|site|location|hub|regions|countries)\b",
    re.IGNORECASE,
)
# A negation counts when it is about the person's experience ("no experience with",
# "never used", "have not worked in"), not any "never" in the sentence ("card numbers
# are never recorded (PCI DSS)" is evidence of PCI DSS, not its absence).
_NEGATION_RE = re.compile(
    r"(?:\b(?:no|little|limited|zero|without(?: any)?|lack(?:ing)?(?: of)?)\s+"
    r"(?:[\w&'-]+\s+){0,3}(?:experience|exposure|knowledge|background|training|"
    r"ownership|access)\b"
    r"|\b(?:never|not yet|haven'?t|have not|hasn'?t|has not|didn'?t|did not|don'?t|do not|"
    r"not)\s+(?:[\w'-]+\s+){0,2}(?:used|worked|touched|had|have|handled|done|managed|"
    r"run|familiar|certified|trained|experienced|exposed|hands-on)\b"
    r"|\byet to\b"
    r"|\b(?:eager|keen|hop(?:e|ing)|would (?:like|love)|looking|plan(?:ning)?|aspir\w+|"
    r"want(?:ing)?|aim(?:ing)?|seeking|excited|motivated) to (?:learn|get|gain|pursue|"
    r"move|grow|develop|become|work|try|explore|earn|build|take|start|step)\b"
    r"|\binterested in (?:learning|pursuing|moving|getting|gaining)\b"
    r"|\bgoal is to\b)[^.;!?]*$",
    re.IGNORECASE,
)
_LEARNING_RE = re.compile(
    r"\b(?:learning|currently (?:taking|enrolled|studying|completing|pursuing)|course\w*|"
    r"training in|familiar\w*|exposure|basic knowledge|introduction to|in progress|"
    r"pursuing|studying|working toward\w*|enrolled)\b",
    re.IGNORECASE,
)
_ACTION_START_RE = re.compile(r"[A-Z][a-z]{2,}ed\b")
_LABEL_LIST_RE = re.compile(r"^[A-Za-z &/]{2,40}:\s*\S")


_SEPARATOR_CHAR_RE = re.compile(r"[,;|•·]")


def is_keyword_list(text: str) -> bool:
    """
    A comma-separated list of terms (a skills dump), not a sentence about work done.
    """
    separators = len(_SEPARATOR_CHAR_RE.findall(text))
    words = len(text.split())
    if separators >= 2 and _LABEL_LIST_RE.match(text):
        return True
    return separators >= 3 and separators * 3 >= words and not _OWNERSHIP_RE.match(text)


LOOK_BACK = 160  # characters: "no hands-on experience with any of the tools like"


# Negation that follows the term, in the same clause: "Genesys and NICE were used by other
# teams, never by me", "Tableau (never used)", "Five9, which I have not used".
_NEGATION_AFTER_RE = re.compile(
    r"[^.;!?]{0,100}?\b(?:never|not)\s+(?:(?:been|ever|once|really|actually|yet|"
    r"personally)\s+)?(?:by\s+me|me|myself|used|touched|handled|run|owned|worked)\b",
    re.IGNORECASE,
)


def mention_status(text: str, start: int, end: int | None = None) -> str:
    """
    How a mention at ``start`` is phrased: "negated" ("no experience with", "eager to
    learn", or after it: "…, never by me"), "learning" (a course, "familiar with",
    "pursuing") or "stated". ``end`` is where the mention ends (needed for the check
    after it).
    """
    if end is not None and _NEGATION_AFTER_RE.match(text, end, end + LOOK_BACK):
        return "negated"
    # the phrasing that negates a mention sits in the few words before it: looking back a
    # bounded window keeps many mentions on one very long line linear
    window = max(0, start - LOOK_BACK)
    sentence_start = max(text.rfind(sep, window, start) for sep in ".;!?")
    before = text[max(sentence_start + 1, window) : start]
    if _NEGATION_RE.search(before):
        return "negated"
    if _LEARNING_RE.search(before):
        return "learning"
    return "stated"


@lru_cache(maxsize=8192)
def work_line_level(text: str) -> int:
    """
    The level a work-history line supports, from its own wording (cached per line).
    """
    if is_keyword_list(text):
        return 1
    # an ownership verb anywhere, or a bullet that opens with a past-tense action
    # ("Coached my team to a CSAT of 92%") owns what it reports
    owned = bool(_OWNERSHIP_RE.search(text) or _ACTION_START_RE.match(text))
    result = bool(_RESULT_RE.search(text))
    if (owned or result) and _SCOPE_RE.search(text):
        return 4
    if owned and result:
        return 3
    return 2


DEGREE_RE = re.compile(
    r"\b(?:bachelor|master|mba|b\.?\s?a\.?|b\.?\s?s\.?c?\.?|bba|m\.?\s?s\.?|ph\.?d|degree|"
    r"associate(?:'s)? degree|associate of (?:applied )?(?:arts|science)|"
    r"b\.?\s?comm?\b\.?|b\.?\s?eng\b\.?|"
    # the same degrees in other languages: Québec and France, Spain and Latin America,
    # Brazil and Portugal, Italy, Poland
    r"baccalaur[ée]at|licenciatura|licenciad[oa]|bacharelado|laurea|licencjat|magister)\b",
    re.IGNORECASE,
)
