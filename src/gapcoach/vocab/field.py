"""
Field relevance: is a job contact-center or customer-service work? The title decides
when it names the field; otherwise the job's own lines, weighing phone and queue work
against service given in person or freight moved.
"""

import re

from gapcoach.vocab.pieces import CALL_CENTER
from gapcoach.vocab.titles import CC_TITLE_RE

# (a word boundary in front of each alternation: see _CC_MEDIUM_RE)
_CC_STRONG_RE = re.compile(
    rf"\b(?:\b{CALL_CENTER}s?\b|\bhelp\s*desk\b|\bservice\s*desk\b|\bbpo\b|"
    # "inbound" in a warehouse is freight, not calls
    r"\b(?:inbound|outbound)\b(?![\s-]+(?:freight|receiv\w*|recieving|shipments?|"
    r"logistics|trucks?|loads?|deliver\w*|receipts?|pallets?|docks?|materials?|goods|"
    r"inventory|orders?|supply|cargo|containers?|trailers?|flights?))|"
    r"\bcalls?\s+(?:volume|per\s+(?:day|hour|shift))\b|"
    r"\bhigh[\s-]+(?:call\s+)?volume\s+(?:of\s+)?calls?\b|\bhigh\s+call\s+volume\b|"
    r"\b(?:aht|ivr|acd|fcr|asa|wfm)\b|\baverage\s+(?:call\s+)?handl\w*\s+time\b|"
    r"\b(?:intraday|shrinkage|erlang|off-phone|schedule\s+adherence)\b|"
    r"\b(?:by|over\s+the)\s+(?:tele)?phone\b|"
    # people led on a floor: "70-agent", "16 billing agents", "a team of 12 reps"
    # (not a year: "10/2023 Answered agent questions" is two lines run together)
    r"\b(?!(?:19|20)\d\d\b)\d{1,4}(?:,\d{3})?(?:-agent\b|\s+(?:[a-z]+\s+)?"
    r"(?:agents|csrs|reps|advisors|representatives|agentes|asesores|operadores|"
    r"atendentes|conseillers|agenti|operatori|medewerkers|mitarbeiter|konsultant\w*)\b)|"
    # calls in other languages: "70 połączeń dziennie", "80 llamadas diarias"
    r"\b\d+\s+(?:llamadas|appels|chiamate|po[lł][aą]cze[nń]|rozm[oó]w|gesprekken|"
    r"anrufe|telefonate|liga[cç][oõ]es|chamadas)\b|"
    r"\bfirst[\s-]+call\s+resolution\b|\bservice\s+levels?\b|\btelemarket\w*|"
    r"\bagent\s+(?:performance|productivity|adherence|schedul\w+|coaching|kpis?)\b|"
    r"\b\d+\s+(?:calls|agents|csrs)\b|\bcalls?\s+a\s+day\b|\bphone\s+queue\b|"
    r"\b(?:answer|handl|field|took|take|receiv)\w*\s+(?:\w+\s+){0,3}"
    r"(?:calls|phone\s+calls)\b)",
    re.IGNORECASE,
)

# Weaker signs: serving customers or agents (the named group), or tools and KPIs.
# One word boundary in front of the whole alternation (not one per branch): the engine
# then tries the branches only where a word starts, three times faster on real resumes.
_CC_MEDIUM_RE = re.compile(
    r"\b(?:(?P<serving>customer\s+(?:service|care|support|experience|satisfaction|"
    r"inquiries|calls)\b|member\s+services?\b|client\s+(?:services?|support|care)\b|"
    r"telephone\b|phones?\b|calls\b|queue\b|chat\b|agents?\b|call[\s-]?backs?\b)|"
    r"csat\b|nps\b|escalat\w+|ticket\w*|crm\b|salesforce\b|zendesk\b|"
    r"avaya\b|genesys\b|five9\b|dispatch\w*|seats\b)",
    re.IGNORECASE,
)

# Service given in person (a store, a restaurant, a hotel's front desk) or freight moved
# (a warehouse, a trucking dispatch desk): not the field.
_RETAIL_RE = re.compile(
    r"\b(?:store|merchandis\w+|cashier\w*|cash\s+registers?|registers?|front[\s-]+end|"
    r"shop|counter|greet(?:ed|ing)?|in[\s-]+person|showroom|branch|hospital|clinic|"
    r"shopping|sales\s+floor|stock\w*|shel(?:f|ves)|retail|inventory|walmart|"
    r"restaurant|kitchen|menu|diners?|dining|front\s+desk|check-?ins?|check-?outs?|"
    r"housekeeping|lobby|guest\s*rooms?|walk-?ins?|bartend\w*|hotel|motel|resort|inn|"
    r"suites|hospitality|"
    r"freight|truck\w*|loads|warehouse|forklift|docks?|shipments?|trailers?|fleet|"
    r"fulfil+ment|distribution\s+cent(?:er|re)|pallets?|picking|packing|"
    # the same in other languages: a bank branch's counter, a shop, a supermarket
    r"ag[eê]ncia|balc[aã]o|presencial(?:mente)?|loja|tienda|sucursal|mostrador|"
    r"magasin|boutique|caisse|guichet|winkel|filiaal|kassa|supermercad[oa]|"
    r"supermarch[ée]|supermarkt|supermercato|negozio|cassa|filiale|gesch[äa]ft|"
    r"sklepie|kasie|oddziale)\b",
    re.IGNORECASE,
)

# a title that names service in person: the lines cannot make it contact-center work
_IN_PERSON_TITLE_RE = re.compile(
    r"\b(?:retail|store|cashier|sales\s+floor|restaurant|cook|server|barista|teller|"
    r"front\s+desk|hotel|warehouse|driver|dock|forklift|stocker|field|"
    r"caj(?:er[oa])|caixa|caissi[eè]re?|kasjer\w*|kassa\w*|cassier[ae]|"
    r"kassierer(?:in)?|vendedora?|vendeu(?:r|se)|sprzedaw\w*|commess[oa]|"
    r"verk[äa]ufer(?:in)?|recepcionista|r[ée]ceptionniste|receptionist)\b",
    re.IGNORECASE,
)

_MAX_BODY_CHARS = 4000

# professions with a field of their own: answering calls is a duty there, not the job
_PROFESSION_RE = re.compile(
    r"\b(?:paralegal|lawyer|attorney|teacher|tutor|instructor|professor|nurse|physician|"
    r"pharmacist|therapist|clinician|caregiver|engineer|developer|programmer|designer|"
    r"architect|scientist|accountant|auditor|bookkeeper|cook|chef|driver|mechanic|"
    r"electrician|carpenter|welder|technologist|custodian|janitor|housekeeper|barista|"
    r"waiter|waitress|bartender|stylist|realtor|pastor|editor|writer|journalist|"
    r"(?<!support )(?<!desk )technician|"
    # and in other languages: teachers, nurses, engineers, developers
    r"enseignante?|professeure?|profesora?|professora?|insegnante|docent|leraar|"
    r"lehrer(?:in)?|nauczyciel(?:ka)?|enfermer[oa]|infirmi[eè]re?|infermier[ea]|"
    r"verpleegkundige|krankenschwester|piel[eę]gniarka|ingenier[oa]|ing[ée]nieure?|"
    r"ingegnere|ingenieur|in[zż]ynier|desarrollador(?:a)?|d[ée]veloppeu(?:r|se)|"
    r"sviluppat(?:ore|rice)|programista|entwickler(?:in)?|recruiter|"
    r"talent\s+acquisition)s?\b",
    re.IGNORECASE,
)

# work done from home: the opposite of service in person
_REMOTE_WORK_RE = re.compile(
    r"\b(?:(?:work(?:ing|ed)?[\s-]+)?from[\s-]+home|wfh|remotely|virtual(?:ly)?)\b",
    re.IGNORECASE,
)

_PHONE_RE = re.compile(
    rf"\b(?:{CALL_CENTER}s?\b|(?:tele)?phones?\b|calls\b|inbound\b|"
    r"outbound\b|help\s*desk\b|chats?\b|queues?\b)",
    re.IGNORECASE,
)

_CC_EXPLICIT_TITLE_RE = re.compile(
    rf"\b{CALL_CENTER}|help\s*desk|service\s*desk|bpo|telemarket|"
    r"tele-?sales|inbound|outbound|phone|csr\b",
    re.IGNORECASE,
)


def field_relevance(title: str, body: list[str], *, employer: str = "") -> bool | None:
    """
    Is this contact-center / customer-service work? None when the text says nothing.
    (``field_verdict`` without its reason.)
    """
    return field_verdict(title, body, employer=employer)[0]


def _named(matches: list[str], limit: int = 3) -> str:
    seen: list[str] = []
    for match in matches:
        word = " ".join(match.lower().split())
        if word not in seen:
            seen.append(word)
    return ", ".join(seen[:limit])


def field_verdict(
    title: str, body: list[str], *, employer: str = ""
) -> tuple[bool | None, str]:
    """
    Is this contact-center / customer-service work, and why (a phrase for ``read``)?

    The title decides when it names the field ("Call Center Supervisor") or work in
    person ("Retail Sales Associate"); a generic service title ("Customer Service
    Manager") counts unless the job's signs of service in person or freight (a store's
    sales floor, a shop's counter, a restaurant, a hotel's front desk, a warehouse)
    outweigh those of remote work; other titles count when the job's lines do: two
    strong signs, or one strong or two weaker ones (one of them about serving customers,
    not just a tool like Salesforce) in a job that is not work in person; a title naming
    a profession outside the field (paralegal, nurse, engineer) needs strong signs on a
    third of the job's lines.
    """
    explicit = bool(_CC_EXPLICIT_TITLE_RE.search(title))
    in_person_title = bool(_IN_PERSON_TITLE_RE.search(title))
    if explicit and not in_person_title:
        return True, "the title names contact-center work"
    if in_person_title and not explicit:
        return False, "the title names work in person"
    # (a job's own lines stand near its header: a body that runs on for pages has
    # swallowed the sections after it)
    text = " ".join(body)[:_MAX_BODY_CHARS]
    # (an employer named "… Contact Center" or "… (BPO)" is a sign of the work too)
    strong_signs = _CC_STRONG_RE.findall(f"{text} {employer}")
    strong = len(strong_signs)
    # the employer's name counts only beside the job's own signs: a store's name alone
    # does not put its contact center in the store
    retail_signs = _RETAIL_RE.findall(f"{text} {title}")
    if retail_signs:
        retail_signs += _RETAIL_RE.findall(employer)
    retail = len(retail_signs)
    # ("Cashier / Customer Service Desk" names both: its lines decide, below)
    # in person when its signs outweigh those of remote work (a shop's phone is answered
    # at the counter; a retailer's name does not put its contact center in a store);
    # the remote signs are counted only when there are in-person ones to weigh
    in_person = retail >= 2 and retail > (
        2 * strong + len(_PHONE_RE.findall(text)) + len(_REMOTE_WORK_RE.findall(text))
    )
    in_person_reason = f"its lines describe work in person ({_named(retail_signs)})"
    if explicit or CC_TITLE_RE.search(title):
        if in_person:
            return False, f"a service title, but {in_person_reason}"
        return True, "the title names customer-service work"
    if _PROFESSION_RE.search(title):
        # a paralegal or a nurse who also answers calls does that as a duty: the job is
        # contact-center work only when calls fill it (strong signs on a third of it)
        signed = sum(1 for line in body if _CC_STRONG_RE.search(line))
        if strong < 2 or 3 * signed < len(body):
            return None, f"a profession outside the field ({title})"
    # (a warehouse whose supervisor also answers drivers' calls is still a warehouse:
    # in-person signs outweigh any number of calls that do not outweigh them)
    if not in_person:
        if strong:
            named = _named(strong_signs)
            return True, f"its lines describe contact-center work ({named})"
        signs = list(_CC_MEDIUM_RE.finditer(text))
        medium = {sign.group(0).lower() for sign in signs}
        if len(medium) >= 2 and any(sign.group("serving") for sign in signs):
            named = _named(sorted(medium))
            return True, f"its lines describe contact-center work ({named})"
    if retail >= 2:
        return False, in_person_reason
    return None, "nothing in its title or lines names contact-center work"


# work by phone: a resume with none of these words shows chat, email or in-person work only
PHONE_WORK_RE = re.compile(
    r"\b(?:calls?|phones?|telephon\w*|voice|inbound|outbound|ivr|acd|dial\w*|"
    r"hotline|call[\s-]?cent(?:er|re)s?)\b",
    re.IGNORECASE,
)

# a step that is about phone work: not one to give a chat-and-email-only person first
PHONE_STEP_RE = re.compile(
    r"\b(?:calls?(?![\s-]*cent(?:er|re))|acd|ivr|telephon\w*|phone)\b",
    re.IGNORECASE,
)

# "no phone work", "non-voice", "without calls": the word just before says there is none
NO_BEFORE_RE = re.compile(r"\b(?:no|not|never|without|non)[\s-]+$", re.IGNORECASE)
