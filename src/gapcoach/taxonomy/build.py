"""
``build_taxonomy``: a parsed guide plus the reviewed lexicon overlay -> a role Taxonomy
(skills with aliases, weights, targets and plan actions, certifications the guide names,
ladder, steps), every part citing its guide lines.
"""

import re
from pathlib import Path

from gapcoach._text import dedupe, sha256_bytes, stable_id, without_parentheses
from gapcoach.errors import GuideParseError
from gapcoach.models import (
    Certification,
    DerivedPart,
    ExperienceRequirement,
    GuideSource,
    LadderLevel,
    Skill,
    SourceRef,
    Taxonomy,
)
from gapcoach.taxonomy.derive import (
    SkillTerms,
    derived_target,
    derived_weight,
    guide_actions,
    own_rung,
)
from gapcoach.taxonomy.guide import (
    REQUIRED_SECTIONS,
    GuideLines,
    default_actions,
    find_mentions,
    guide_bullets,
    paragraphs,
    parse_key_facts,
    parse_ladder,
    parse_salary_table,
    parse_steps,
    read_guide_text,
    skill_from_bullet,
    split_terms,
)
from gapcoach.taxonomy.lexicon import (
    Lexicon,
    LexiconSkill,
    RoleOverride,
    load_lexicon,
)
from gapcoach.taxonomy.load import LEXICON_NAME, default_skills_dir
from gapcoach.vocab.titles import role_rank


def _unique(candidate: str, taken: set[str]) -> str:
    """
    ``candidate``, or ``candidate-2``, ``-3`` ... when a skill of that id exists already
    (a guide that names one skill twice still builds a taxonomy that loads).
    """
    unique, number = candidate, 1
    while unique in taken:
        number += 1
        unique = f"{candidate}-{number}"
    taken.add(unique)
    return unique


def _first(*values: float | None) -> float:
    """The first value given (a role's override, then the lexicon's, then the default)."""
    return next(value for value in values if value is not None)


_TITLE_LINE_RE = re.compile(r"^Complete (.+) Career Guide$")


def build_taxonomy(
    guide: Path,
    *,
    role_id: str | None = None,
    lexicon: Path | None = None,
    use_lexicon: bool = True,
    warnings: list[str] | None = None,
) -> Taxonomy:
    """
    Parse a career guide and merge the lexicon into a role taxonomy.

    Args:
        guide: Path of the guide text file.
        role_id: The role's id; by default the slug of the guide's title.
        lexicon: The lexicon overlay file; None uses the shipped one.
        use_lexicon: False builds from the guide alone.
        warnings: A list to append a sentence to for each section the guide lacks (a
            guide without a salary table or a ladder still builds: each sentence says
            what is missing and what that means for the assessment).

    Returns:
        The role's taxonomy.

    Raises:
        GuideParseError: The file is missing, empty, binary or not a guide.
    """
    text = read_guide_text(guide)
    # why not splitlines(): it also splits on U+2028, U+0085 and form feeds inside a line,
    # which would cut a bullet and shift every later line number
    lines = GuideLines(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    missing = [section for section in REQUIRED_SECTIONS if lines.find(section) is None]
    first = lines.items[0].strip() if lines.items else ""
    title_match = _TITLE_LINE_RE.match(first)
    # strict about content: a guide has its title and skills; the other sections are
    # built without, with a warning that says what their absence means
    no_skills = all(
        section in missing for section in ("Technical Skills", "Soft Skills")
    )
    if not title_match or no_skills:
        if not title_match:
            missing.insert(0, "title line 'Complete <Role> Career Guide'")
        raise GuideParseError(
            f"'{guide.name}' is not a career guide of the supported format: "
            f"missing {', '.join(missing)}."
        )
    notes = [] if warnings is None else warnings
    for section in missing:
        notes.append(_MISSING[section])
    title = title_match.group(1).strip()
    role = role_id or stable_id(title, prefix="role")
    lexicon_sha256: str | None = None
    lexicon_data = Lexicon()
    if use_lexicon:
        lexicon_path = lexicon or default_skills_dir() / LEXICON_NAME
        lexicon_data = load_lexicon(lexicon_path)
        lexicon_sha256 = sha256_bytes(lexicon_path.read_bytes())
    lex_skills = lexicon_data.skills
    lex_role = lexicon_data.roles.get(role, {})

    # where the guide names a skill: the responsibilities, the role's own rung on the
    # ladder, the steps to the role (what a skill the lexicon does not know is weighed by)
    salary = parse_salary_table(lines)
    parsed_ladder = parse_ladder(lines)
    steps = parse_steps(lines)
    responsibilities = [
        text for _, text in guide_bullets(lines, "Key Responsibilities")
    ]
    by_level = {row.level.casefold(): row for row in salary}
    ladder = [
        level.model_copy(
            update={
                "salary_median_usd": by_level[level.name.casefold()].median_usd,
                "salary_average_usd": by_level[level.name.casefold()].average_usd,
            }
        )
        if level.name.casefold() in by_level
        else level
        for level in parsed_ladder
    ]
    if not ladder:
        if "Career Path" not in missing:
            notes.append(
                "The Career Path section names no levels with year ranges: the role "
                "stands as its own only rung, with no years required, so readiness "
                "weighs experience by rung and scope only and the plan has no ladder "
                "steps."
            )
        ladder = [_only_rung(title, lines)]
    experience = _experience_requirement(title, ladder)
    rank = role_rank(title)
    # (a guide without a ladder has no rung of the role's own to name skills)
    own = own_rung(ladder, experience.level_name) if parsed_ladder else None
    own_focus = " ".join(own.focus_areas) if own else ""
    places = [
        " ".join(responsibilities),
        f"{own.description} {own_focus}" if own else "",
        " ".join(step.text for step in steps),
    ]

    skills: list[Skill] = []
    taken: set[str] = set()
    for heading, category in (
        ("Technical Skills", "technical"),
        ("Soft Skills", "soft"),
    ):
        for line_number, bullet in guide_bullets(lines, heading):
            name, description, terms = skill_from_bullet(
                bullet, category=category, section=heading, line=line_number
            )
            skill_id = _unique(stable_id(name, prefix="skill"), taken)
            entry = lex_skills.get(skill_id) or LexiconSkill()
            override = lex_role.get(skill_id) or RoleOverride()
            name_alias = without_parentheses(name).lower()
            guide_aliases, guide_acronyms = split_terms(terms)
            derived: list[DerivedPart] = []
            in_lexicon = skill_id in lex_skills
            if not (entry.aliases or entry.acronyms):
                derived.append("aliases")
            weight = _first(override.weight, entry.weight, 0.0)
            target = _first(override.target_level, entry.target_level, -1)
            marks = SkillTerms.of(name, guide_acronyms)
            if not weight:
                derived.append("weight")
                weight = (
                    derived_weight(sum(marks.named_in(text) for text in places))
                    if not in_lexicon
                    else 1.0
                )
            if target < 0:
                derived.append("target_level")
                target = (
                    derived_target(rank, in_own_focus=marks.named_in(own_focus))
                    if not in_lexicon
                    else 3
                )
            if entry.actions:
                actions = default_actions(name, terms)
                actions.update(entry.actions)
            else:
                derived.append("actions")
                actions = (
                    guide_actions(name, terms, marks, steps)
                    if not in_lexicon
                    else default_actions(name, terms)
                )
            skills.append(
                Skill(
                    id=skill_id,
                    name=name,
                    category=category,
                    description=description,
                    aliases=dedupe(
                        [
                            name.lower(),
                            name_alias,
                            *guide_aliases,
                            *entry.aliases,
                        ]
                    ),
                    acronyms=dedupe([*guide_acronyms, *entry.acronyms]),
                    weight=weight,
                    target_level=int(target),
                    prerequisites=list(entry.prerequisites),
                    esco_uris=list(entry.esco_uris),
                    field_specific=entry.field_specific,
                    actions=actions,
                    derived=derived,
                    sources=[SourceRef(section=heading, lines=[line_number])],
                )
            )
    if not skills:
        raise GuideParseError(
            f"'{guide.name}' has the skill sections but no '- ' bullets under them."
        )
    known = {skill.id for skill in skills}
    skills = [
        skill.model_copy(
            update={"prerequisites": [p for p in skill.prerequisites if p in known]}
        )
        for skill in skills
    ]

    if not salary:
        notes.append(
            "No 'Salary by Experience Level' table: reports show no salary per rung."
        )
    if not steps:
        notes.append(
            "No 'How to Become' steps: plan actions of skills the lexicon does not know "
            "use gapcoach's generic wording."
        )
    if not responsibilities:
        notes.append(
            "No 'Key Responsibilities': weights of skills the lexicon does not know come "
            "from the ladder and the steps only."
        )

    certifications: list[Certification] = []
    for cert_id, cert in sorted(lexicon_data.certifications.items()):
        terms = cert.guide_terms if cert.guide_terms is not None else [cert.name]
        mentions = find_mentions(lines, list(terms), [])
        if mentions:
            certifications.append(
                Certification(
                    id=cert_id,
                    name=cert.name,
                    aliases=dedupe([cert.name.lower(), *cert.aliases]),
                    acronyms=list(cert.acronyms),
                    duration=cert.duration,
                    weeks=cert.weeks,
                    skills=[s for s in cert.skills if s in known],
                    sources=[SourceRef(section="guide text", lines=mentions[:5])],
                )
            )

    tools_index = lines.find("Tools & Technologies")
    tools = (
        " ".join(
            paragraphs(
                lines,
                "Tools & Technologies",
                stop_headings=("Skills & Qualifications",),
            )
        )
        if tools_index is not None
        else ""
    )
    education = paragraphs(
        lines, "Education & Training", stop_headings=("Salary & Outlook",)
    )
    trends = paragraphs(
        lines,
        "Current Market Trends",
        stop_headings=("Job Application Toolkit", "Pros & Cons"),
    )
    related = [
        [skill_id for skill_id in group if skill_id in known]
        for group in lexicon_data.related
    ]
    return Taxonomy(
        role_id=role,
        title=title,
        summary=lines.items[1].strip() if len(lines.items) > 1 else "",
        source=GuideSource(file=guide.name, sha256=sha256_bytes(guide.read_bytes())),
        lexicon_sha256=lexicon_sha256,
        key_facts=parse_key_facts(lines),
        responsibilities=responsibilities,
        tools=tools,
        education=education,
        experience=experience,
        ladder=ladder,
        salary_table=salary,
        steps=steps,
        certifications=certifications,
        trends=trends,
        related=[group for group in related if len(group) > 1],
        skills=skills,
    )


_MISSING = {
    "Key Facts & Statistics": "No 'Key Facts & Statistics': reports show no median "
    "salary or outlook for this role.",
    "Technical Skills": "No 'Technical Skills' section: the role is assessed on its soft "
    "skills only.",
    "Soft Skills": "No 'Soft Skills' section: the role is assessed on its technical "
    "skills only.",
    "Career Path": "No 'Career Path' section: the role stands as its own only rung, with "
    "no years required, so readiness weighs experience by rung and scope only and the "
    "plan has no ladder steps.",
}


def _only_rung(title: str, lines: GuideLines) -> LadderLevel:
    """The role as its own only rung, for a guide that gives no ladder."""
    summary = lines.items[1].strip() if len(lines.items) > 1 else title
    return LadderLevel(
        name=title,
        years_min=0,
        years_text="not given by the guide",
        description=summary,
        focus_areas=[],
        sources=[SourceRef(section="title", lines=[1])],
    )


def _experience_requirement(
    title: str, ladder: list[LadderLevel]
) -> ExperienceRequirement:
    from rapidfuzz import fuzz, process

    names = [level.name for level in ladder]
    best = process.extractOne(title, names, scorer=fuzz.token_sort_ratio)
    level = ladder[names.index(best[0])] if best else ladder[len(ladder) // 2]
    return ExperienceRequirement(
        level_name=level.name, years_min=level.years_min, years_max=level.years_max
    )


def build_summary(taxonomy: Taxonomy) -> list[str]:
    """
    What ``gapcoach taxonomy build`` prints about a built role: its skills by category,
    how many the reviewed lexicon knows and how many were derived from the guide, its
    ladder, the certifications the guide names and its salary table.
    """
    categories: dict[str, int] = {}
    for skill in taxonomy.skills:
        categories[skill.category] = categories.get(skill.category, 0) + 1
    by_category = ", ".join(f"{count} {name}" for name, count in categories.items())
    derived = [skill for skill in taxonomy.skills if skill.derived]
    reviewed = len(taxonomy.skills) - len(derived)
    rungs = " -> ".join(
        f"{level.name} ({level.years_text})" for level in taxonomy.ladder
    )
    experience = taxonomy.experience
    lines = [
        f"{taxonomy.title} ({taxonomy.role_id}), from {taxonomy.source.file}",
        f"  skills: {len(taxonomy.skills)} ({by_category})",
        f"    from the reviewed lexicon: {reviewed}; derived from the guide's own text: "
        f"{len(derived)}"
        + (f" ({', '.join(skill.name for skill in derived)})" if derived else ""),
        f"  ladder: {len(taxonomy.ladder)} rungs: {rungs}",
        f"    the role's own rung: {experience.level_name}, {experience.years_min}+ "
        "years",
        "  certifications the guide names: "
        + (", ".join(c.name for c in taxonomy.certifications) or "none"),
        f"  salary table: {len(taxonomy.salary_table)} rows; steps to the role: "
        f"{len(taxonomy.steps)}; responsibilities: {len(taxonomy.responsibilities)}",
    ]
    return lines
