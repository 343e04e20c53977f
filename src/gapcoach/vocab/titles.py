"""
Job titles: how title-like a piece of text is, which titles name contact-center work,
and the ladder rung of a title (``title_seniority``: agent, lead, supervisor, manager,
senior manager, director, vp; outside for titles off the ladder). The contact-center title
words follow O*NET's alternate titles (43-4051, 41-9041, 43-1011; O*NET 29.2, US DOL,
CC BY 4.0).
"""

import re
from functools import lru_cache

from gapcoach.models import Seniority

# Words that make a short line a job title. The contact-center ones follow O*NET's
# alternate titles (43-4051, 41-9041, 43-1011; O*NET 29.2, US DOL, CC BY 4.0).
TITLE_NOUN_RE = re.compile(
    r"\b(?:representative|rep|agent|advocate|specialist|associate|advisor|adviser|csr|"
    r"consultant|coordinator|assistant|analyst|officer|administrator|admin|manager|mgr|"
    r"supervisor|lead|leader|director|president|vp|svp|evp|avp|chief|head|executive|"
    r"engineer|developer|technician|clerk|cashier|teller|receptionist|secretary|owner|"
    r"founder|partner|intern|trainee|trainer|instructor|teacher|tutor|coach|recruiter|"
    r"generalist|processor|underwriter|adjuster|accountant|auditor|buyer|planner|"
    r"scheduler|dispatcher|operator|telemarketer|collector|liaison|inspector|nurse|aide|"
    r"stylist|server|bartender|cook|chef|driver|realtor|pastor|editor|writer|designer|"
    r"architect|scientist|professional|member|worker|attendant|bookkeeper|paralegal|"
    r"keyholder|stocker|crew|volunteer|salesperson|principal|controller|examiner|"
    r"investigator|counselor|counsellor|therapist|technologist|programmer|steward|host|"
    r"hostess|concierge|merchandiser|apprentice|fellow|contractor|translator|"
    r"interpreter|guard|ambassador|expert|strategist|facilitator|captain|commander|"
    r"sergeant|soldier|mentor|superintendent|foreman|clinician|pharmacist|physician|"
    r"therapist|caregiver|caretaker|nanny|provider|handler|loader|picker|packer|"
    r"greeter|bagger|installer|mechanic|electrician|carpenter|welder|custodian|janitor|"
    r"housekeeper|dishwasher|barista|waiter|waitress|busser|courier|messenger|clerical|"
    r"banker|chair|chairperson|interviewer|operative|"
    # the same words in the languages of European and Latin American contact centers:
    # Spanish, Portuguese, French, Italian, Dutch, German, Polish
    r"agente|asesora?|representante|ejecutiva?|gerente|coordinadora?|jefe|jefa|"
    r"responsable|teleoperadora?|gestora?|encargad[oa]|recepcionista|"
    r"analista|operadora?|supervisora?|directora?|"
    r"atendente|assistente|consultora?|especialista|coordenadora?|diretora?|"
    r"vendedora?|caixa|"
    r"conseill(?:er|[eè]re)|agente?s?|pr[ée]pos[ée]e?|repr[ée]sentante?|"
    r"technicien(?:ne)?|superviseure?|gestionnaire|directeur|directrice|chef|"
    r"coordonnat(?:eur|rice)|charg[ée]e?|adjointe?|enseignante?|caissi[eè]re?|"
    r"vendeu(?:r|se)|r[ée]ceptionniste|op[ée]rat(?:eur|rice)|"
    r"operat(?:ore|rice)|addett[oa]|responsabile|dirett(?:ore|rice)|"
    r"coordinat(?:ore|rice)|impiegat[oa]|consulente|specialista|capo|cassiera?|"
    r"commess[oa]|"
    r"\w*medewerker|\w*mitarbeiter(?:in)?|\w*leider|\w*leiter(?:in)?|"
    r"\w*berater(?:in)?|adviseur|co[öo]rdinator|leidinggevende|sachbearbeiter(?:in)?|"
    r"konsultant(?:ka)?|specjalist(?:a|ka)|kierowni(?:k|czka)|dyrektor(?:ka)?|"
    r"koordynator(?:ka)?|kasjer(?:ka)?|sprzedaw(?:ca|czyni)|doradc(?:a|zyni)|"
    r"asystent(?:ka)?|lider(?:ka)?|mened[zż]er(?:ka)?|przedstawiciel(?:ka)?)"
    r"\b",
    re.IGNORECASE,
)

CC_TITLE_RE = re.compile(
    r"\b(?:call|contact|customer|client|member|patient|guest|consumer|service|support|"
    r"care|help|interaction|engagement)\s*-?\s*(?:cent(?:er|re)|service[s]?|care|support|"
    r"experience|relations|success|advocate|access|contact|desk|operations)\b|"
    r"\b(?:servicio\s+al\s+cliente|atenci[oó]n\s+al\s+cliente|centro\s+de\s+contacto|"
    r"teleoperadora?|"
    # customer service and contact centers in other languages (a bank branch's
    # "atendimento" alone is service in person)
    r"centro\s+de\s+(?:contato|atendimento|llamadas)|central\s+de\s+atendimento|"
    r"(?:atendimento|servi[cç]o)\s+ao\s+cliente|teleatendimento|sac|"
    r"service\s+(?:[àa]\s+la\s+)?client[eè]le|service\s+clients?|"
    r"relation\s+clients?|centre\s+d['’]appels?|centre\s+de\s+contact|"
    r"servizio\s+clienti|assistenza\s+clienti|"
    r"klantenservice\w*|klantcontact\w*|kundenservice\w*|kundendienst\w*|"
    r"kundenbetreuung|callcent\w*|obs[lł]ug\w*\s+klient\w*|infolini\w*|"
    r"\w*telefonservice|hotline|"
    r"biuro\s+obs[lł]ugi|"
    r"workforce\s+(?:manag|plan|schedul|analy)\w*|wfm|"
    r"help\s*desk|service\s*desk|telemarket\w*|tele-?sales|inbound|outbound|csr|bpo|"
    r"reservations?|dispatch\w*|collections?|collector|escalations?|retention|"
    r"phone\s+(?:rep\w*|support|agent)|telephone\s+(?:rep\w*|sales|service|support)|"
    r"technical\s+support|tech\s+support|call\s+agent|benefits?\s+advocate|"
    r"customer\s+advocate|member\s+advocate|claims?\s+(?:rep\w*|associate|specialist)|"
    r"billing\s+(?:rep\w*|specialist)|account\s+(?:rep\w*|specialist)|"
    r"service\s+(?:rep\w*|agent|advisor|adviser|specialist|associate|coordinator|advocate)|"
    r"(?:support|care)\s+(?:rep\w*|specialist|agent|associate|advocate|coordinator|"
    r"analyst|advisor|consultant|manager|supervisor|lead|director|team)|"
    r"customer\s+(?:rep\w*|agent|associate|specialist|consultant))\b",
    re.IGNORECASE,
)

VERB_START_RE = re.compile(
    r"^(?:achieved|answered|answer|assisted|assists|assist|communicated|communicate|"
    r"coached|conducted|created|delivered|developed|directed|ensured|ensure|ensuring|"
    r"handled|handle|handling|helped|implemented|improved|increased|maintained|"
    r"maintain|maintaining|managed|manage|managing|monitored|monitoring|oversaw|"
    r"oversee|performed|perform|processed|provided|provide|provides|providing|reduced|"
    r"resolved|resolve|resolving|responsible|served|serve|serving|supervised|"
    r"supervise|trained|worked|working|responded|respond|utilized|utilize|prepared|"
    r"organized|participated|promoted|received|recognized|collaborated|established|"
    r"built|launched|partnered|negotiated|verified|verify|reviewed|review|took|take|"
    r"greeted|greet|scheduled|schedule|entered|enter|keep|kept|confer|refer|completed|"
    r"complete|educate|drive|drove|led|analyzed|analysed|analyze|identified|identify|"
    r"accurately|successfully|consistently|also|and|as|at|by|for|in|including|of|on|"
    r"to|with|the|a|an|i|my|our|while|using|via|over|under|from|this|that|was|were|"
    r"is|are|have|has|had|will|can)\b",
    re.IGNORECASE,
)

PAST_TENSE_RE = re.compile(r"^[A-Z][a-z]+ed\b")

TITLE_ADJECTIVE_RE = re.compile(
    r"^(?:licensed|certified|registered|chartered|qualified|accredited|skilled|advanced|"
    r"experienced|seasoned|dedicated|bilingual|retired|acting|appointed|assigned|"
    r"contracted|shared|managed|integrated|automated|blended|dedicated|united)\b",
    re.IGNORECASE,
)

# Ladder rungs, most senior first. An "assistant"/"associate"/"deputy" in front of a
# rung drops it one step ("Assistant Manager" -> supervisor).
_VP_RE = re.compile(
    r"\b(?:vice[\s-]+president|s?e?vp|chief|c[eo]o|cxo|cco|president)\b", re.IGNORECASE
)

_OFFICER_SUFFIX_RE = re.compile(
    r",\s*(?:a|s|e)?vp\s*$|,\s*(?:assistant\s+)?vice\s+president\s*$", re.I
)

_DIRECTOR_RE = re.compile(
    r"\b(?:director|directora|diretora?|directeur|directrice|dirett(?:ore|rice)|"
    r"dyrektor(?:ka)?)\b",
    re.IGNORECASE,
)

_SENIOR_MANAGER_RE = re.compile(
    r"\b(?:(?:senior|sr\.?)\s+(?:\w+\s+){0,3}?manager|head\s+of|general\s+manager|"
    r"regional\s+manager|area\s+manager|associate\s+director|assistant\s+director|"
    r"deputy\s+director|avp|assistant\s+vice[\s-]+president|"
    r"gerente\s+(?:sr\.?|s[eê]nior)|s[eê]nior\s+gerente)\b",
    re.IGNORECASE,
)

_MANAGER_RE = re.compile(
    r"\b(?:manager|mgr|gerente|gestionnaire|kierowni(?:k|czka)|mened[zż]er(?:ka)?|"
    r"leidinggevende)\b",
    re.IGNORECASE,
)

_ASSISTANT_MANAGER_RE = re.compile(
    r"\b(?:assistant|asst\.?|associate|deputy|shift|floor)\s+(?:\w+\s+){0,3}?manager\b",
    re.I,
)

_SUPERVISOR_RE = re.compile(
    r"\b(?:supervis(?:or|ing|ora|ore|orin)|superviseure?|superwizor(?:ka)?)\b",
    re.IGNORECASE,
)

_ASSISTANT_SUPERVISOR_RE = re.compile(
    r"\b(?:assistant|asst\.?|associate|deputy)\s+supervisor\b", re.IGNORECASE
)

_LEAD_RE = re.compile(
    r"\b(?:team\s+lead(?:er)?|lead(?:er)?|team\s+captain|crew\s+chief|teamleider|"
    r"teamleiter(?:in)?|chef\s+d['’][ée]quipe|l[ií]der|lider(?:ka)?|capo\s*squadra)\b"
    r"(?!\s+generation)",
    re.IGNORECASE,
)


_RUNG_WORD_RE = re.compile(r"\b(?:manager|director|supervisor|officer|lead)\b", re.I)
_ASSISTANT_VICE_RE = re.compile(r"\bassistant\s+vice\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def title_seniority(title: str) -> Seniority:
    """
    The contact-center ladder rung a job title names, ignoring whether the job is in the field.

    "Team Lead" -> lead, "Call Center Supervisor" -> supervisor, "Operations Manager" ->
    manager, "Sr. Manager" / "Head of CX" -> senior_manager, "Director" -> director,
    "Vice President" / "VP" / "Chief ..." -> vp; anything else (representative, agent,
    advocate, specialist, ...) -> agent. A bank officer suffix ("Lending Manager, VP")
    does not make a manager a vice president.

    Args:
        title: A job title as written on the resume.

    Returns:
        The rung, never ``Seniority.OUTSIDE`` (relevance is judged elsewhere).
    """
    text = title
    officer = _OFFICER_SUFFIX_RE.search(text)
    if officer and _RUNG_WORD_RE.search(text[: officer.start()]):
        text = text[: officer.start()]
    if _VP_RE.search(text) and not _ASSISTANT_VICE_RE.search(text):
        return Seniority.VP
    if _SENIOR_MANAGER_RE.search(text):
        return Seniority.SENIOR_MANAGER
    if _DIRECTOR_RE.search(text):
        return Seniority.DIRECTOR
    if _MANAGER_RE.search(text):
        if _ASSISTANT_MANAGER_RE.search(text) and not _MANAGER_RE.search(
            _ASSISTANT_MANAGER_RE.sub("", text)
        ):
            return Seniority.SUPERVISOR
        return Seniority.MANAGER
    if _SUPERVISOR_RE.search(text):
        if _ASSISTANT_SUPERVISOR_RE.search(text) and not _SUPERVISOR_RE.search(
            _ASSISTANT_SUPERVISOR_RE.sub("", text)
        ):
            return Seniority.LEAD
        return Seniority.SUPERVISOR
    if _LEAD_RE.search(text):
        return Seniority.LEAD
    return Seniority.AGENT


def role_rank(title: str) -> int:
    """
    Seniority rank (agent 0 … vp 6) of a role, from its title.
    """
    return title_seniority(title).rank


# Words that name a function or a team, not an organisation: after a title's comma they
# belong to the title ("Supervisor, Billing Care"); a part with any other word is the
# employer ("Supervisor, Heartland Telecom").
_DEPARTMENT_TEXT = """
    customer customers client clients member members patient patients guest guests
    consumer consumers care service services support success experience experiences
    relations relationship engagement loyalty retention operations operation ops
    planning workforce wfm quality assurance qa training learning development billing
    technical tech it sales inside business accounts account commercial enterprise
    residential consumer small medium global national international regional region
    north south east west central americas emea apac latam contact call center centers
    centre centres hub hubs desk help phone voice chat email digital social channels
    channel omnichannel inbound outbound escalations escalation collections claims
    fraud disputes payments resolution repair repairs scheduling dispatch reservations
    onboarding orders order fulfilment fulfillment returns product products strategy
    analytics insights reporting performance excellence improvement transformation
    programs program projects project tier level night weekend shift spanish bilingual
    english french team teams unit group division department benefits pharmacy
    provider providers member-services field remote virtual multi-site site sites
    banking lending mortgage mortgages cards deposits wealth telecom insurance auto
    health healthcare cable energy utilities german portuguese italian dutch multilingual
    and & of the for in
"""
DEPARTMENT_WORDS = frozenset(_DEPARTMENT_TEXT.split())

# small words that stay lowercase inside a name ("Banco Atlántico del Sur", "Bank of Hope")
_CONNECTOR_TEXT = (
    "and & of the de del la las los el y da do dos das du des le van von der den für"
)
NAME_CONNECTORS = frozenset(_CONNECTOR_TEXT.split())


# Who reports to a person, read from a job's own lines: the rung "by what the person does"
# (LABELLING.md): "Associate III" who runs 3 team leads and 37 agents is a manager. A line
# counts when a verb of running people stands before a count of them, in English and in
# the other languages of ``TITLE_NOUN_RE``.
_RUN_VERB = (
    r"(?:lead|leads|led|leading|manag(?:e|es|ed|ing)|supervis(?:e|es|ed|ing)|"
    r"overs(?:ee|ees|aw|eeing)|run|runs|ran|running|direct(?:s|ed|ing)?|"
    r"head(?:s|ed|ing)?|in\s+charge\s+of|responsible\s+for|"
    r"dirijo|dirig\w*|coordinaci[oó]n\s+de|coordino|lidero|lider[eé]\w*|superviso|"
    r"supervis[eé]|gestiono|coorden\w*|gerencio|gerenciei|dirige|encadre\w*|"
    r"g[eè]re|pilote|gestisco|coordino|coordinamento\s+di|dirigo|guido|"
    r"leid(?:de)?|geef\s+leiding\s+aan|stuur(?:de)?\s+\w*\s*aan|leite(?:te)?|"
    r"f[üu]hr(?:e|te)|kieruj[eę]|kierowa[lł]\w*|zarz[aą]dza\w*|nadzoruj[eę])"
)
_NUMBER = r"(?:\d{1,5}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_AGENT_NOUN = (
    r"(?:agents|reps|representatives|advisors|advisers|associates|csrs|staff|"
    r"employees|people|ftes?|team\s+members|specialists|analysts|"
    r"agentes|asesores|operadores|teleoperador[ae]s|atendentes|conseill[eè]res?|"
    r"agenti|operatori|operatrici|medewerkers|mitarbeiter(?:innen)?|konsultant\w*|"
    r"pracownik\w*|os[oó]b)"
)
_LEAD_NOUN = (
    r"(?:supervisors|team\s+leads|team\s+leaders|leads|coordinators|supervisores|"
    r"coordinadores|coordenadores|superviseurs|chefs\s+d['’][ée]quipe|supervisori|"
    r"coordinatori|team\s*leiders|teamleiter(?:innen)?|lider[oó]w)"
)
_MANAGER_NOUN = r"(?:managers|gerentes|gestionnaires|responsabili|mened[zż]er[oó]w)"
_DIRECTOR_NOUN = r"(?:directors|directores|directeurs|direttori|dyrektor[oó]w)"


# a verb of running people, a few words, perhaps another count ("2 centers: 310 agents"),
# then a count of the people of one kind
_REPORTS = (
    rf"\b{_RUN_VERB}\b\W+(?:[^\W\d]+\W+){{0,6}}?(?:\d[\d,]*\W+(?:[^\W\d]+\W+){{0,3}})?"
    rf"{_NUMBER}\s+(?:[^\W\d]+[\s-]+){{0,2}}?"
)
_DIRECTORS_REPORT_RE = re.compile(_REPORTS + _DIRECTOR_NOUN + r"\b", re.I)
_MANAGERS_REPORT_RE = re.compile(_REPORTS + _MANAGER_NOUN + r"\b", re.I)
_LEADS_REPORT_RE = re.compile(_REPORTS + _LEAD_NOUN + r"\b", re.I)
_AGENTS_REPORT_RE = re.compile(_REPORTS + _AGENT_NOUN + r"\b", re.I)
_REPORT_RUNGS = (
    (_DIRECTORS_REPORT_RE, Seniority.VP),
    (_MANAGERS_REPORT_RE, Seniority.SENIOR_MANAGER),
    (_LEADS_REPORT_RE, Seniority.MANAGER),
    (_AGENTS_REPORT_RE, Seniority.SUPERVISOR),
)
_LEAD_VERB_RE = re.compile(
    r"^\W*(?:lead|leads|led|leading|head(?:s|ed|ing)?|lidero|lider[eé]\w*|guido|"
    r"leid(?:de)?)\b",
    re.IGNORECASE,
)


def rung_from_lines(lines: list[str]) -> Seniority:
    """
    The rung a job's own lines show by who reports to the person: directors -> vp,
    managers -> senior manager, supervisors or team leads -> manager, agents -> supervisor
    (lead when the verb is "lead": "Lead a team of 9"); agent when no line says.
    """
    best = Seniority.AGENT
    for line in lines:
        text = line[:300]
        if not any(char.isdigit() for char in text) and not _WORD_NUMBER_RE.search(
            text
        ):
            continue
        for pattern, rung in _REPORT_RUNGS:
            match = pattern.search(text)
            if match is None:
                continue
            if rung is Seniority.SUPERVISOR and _LEAD_VERB_RE.match(match.group(0)):
                rung = Seniority.LEAD
            if rung.rank > best.rank:
                best = rung
            break
    return best


_WORD_NUMBER_RE = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b", re.I
)
