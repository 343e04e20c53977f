"""
BUILD and LOAD stage: career guide text -> Taxonomy, and taxonomy files -> Taxonomy.

``build_taxonomy`` parses a guide in the format of the shipped guides (sections such as
"Key Facts & Statistics", "Technical Skills", "Soft Skills", "Career Path", "Salary by
Experience Level", "How to Become ..."), derives aliases from the guide's own wording and
merges the hand-reviewed lexicon overlay. ``load_taxonomies`` reads the YAML files that
``gapcoach taxonomy build`` writes, from the bundled ``data/skills`` or a user's path.
"""

from gapcoach.taxonomy.build import build_summary, build_taxonomy
from gapcoach.taxonomy.guide import REQUIRED_SECTIONS
from gapcoach.taxonomy.lexicon import Lexicon, load_lexicon
from gapcoach.taxonomy.load import (
    LEXICON_NAME,
    MAX_PREREQUISITE_DEPTH,
    default_skills_dir,
    dump_taxonomy,
    load_taxonomies,
    load_taxonomy,
    resolve_roles,
    taxonomy_sha256,
    validate_taxonomy,
)

__all__ = [
    "LEXICON_NAME",
    "MAX_PREREQUISITE_DEPTH",
    "REQUIRED_SECTIONS",
    "Lexicon",
    "build_summary",
    "build_taxonomy",
    "default_skills_dir",
    "dump_taxonomy",
    "load_lexicon",
    "load_taxonomies",
    "load_taxonomy",
    "resolve_roles",
    "taxonomy_sha256",
    "validate_taxonomy",
]
